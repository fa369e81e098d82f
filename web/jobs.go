package web

// This file holds adding an article in the background: the add form, sent
// by the page's script, starts a job and the page polls its progress, so
// that a long article never holds the page (or a request) for its whole
// run. Without the script the form posts and waits as before.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"

	"github.com/gofiber/fiber/v2"
)

// Bounds of the background jobs.
const (
	jobTimeout = 5 * time.Minute
	jobKeep    = 10 * time.Minute
	maxJobs    = 64
	// defaultRate is the ingest speed assumed before one is measured, in
	// bytes of raw article per second.
	defaultRate = 40 << 10
)

// ingestJob is one article being added.
type ingestJob struct {
	ID       string
	started  time.Time
	size     int
	finished time.Time
	url      string
	err      *addError
}

// ingestJobs are the server's jobs, with the measured ingest speed that
// their estimates use.
type ingestJobs struct {
	mu   sync.Mutex
	m    map[string]*ingestJob
	rate float64
}

func newIngestJobs() *ingestJobs { return &ingestJobs{m: map[string]*ingestJob{}, rate: defaultRate} }

// start registers a job for an article of size bytes, dropping finished
// jobs nobody asked for in jobKeep.
func (j *ingestJobs) start(size int, now time.Time) (*ingestJob, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	running := 0
	for id, job := range j.m {
		if !job.finished.IsZero() && now.Sub(job.finished) > jobKeep {
			delete(j.m, id)
		} else if job.finished.IsZero() {
			running++
		}
	}
	if running >= maxJobs {
		return nil, quiz.Errorf(quiz.ErrUnavailable, "The server is busy adding other articles. Try again in a minute.")
	}
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("job id: %w", err)
	}
	job := &ingestJob{ID: hex.EncodeToString(b[:]), started: now, size: size}
	j.m[job.ID] = job
	return job, nil
}

// finish records a job's outcome and updates the measured speed.
func (j *ingestJobs) finish(job *ingestJob, url string, err *addError, now time.Time) {
	j.mu.Lock()
	defer j.mu.Unlock()
	job.finished, job.url, job.err = now, url, err
	if d := now.Sub(job.started).Seconds(); err == nil && d > 0.2 && job.size > 10<<10 {
		j.rate = 0.7*j.rate + 0.3*float64(job.size)/d
	}
}

// jobStatus is what the page polls.
type jobStatus struct {
	Done bool `json:"done"`
	// ElapsedMS and EstimateMS give the progress bar; the estimate comes
	// from the size and the speed of earlier articles on this server.
	ElapsedMS  int64  `json:"elapsed_ms"`
	EstimateMS int64  `json:"estimate_ms"`
	URL        string `json:"url,omitempty"`
	Error      string `json:"error,omitempty"`
	// ExistingURL and ExistingTitle name the stored copy of an article
	// added before.
	ExistingURL   string `json:"existing_url,omitempty"`
	ExistingTitle string `json:"existing_title,omitempty"`
}

func (j *ingestJobs) status(id string, now time.Time) (jobStatus, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	job, ok := j.m[id]
	if !ok {
		return jobStatus{}, false
	}
	st := jobStatus{Done: !job.finished.IsZero(), EstimateMS: int64(float64(job.size)/j.rate*1000) + 500, URL: job.url}
	end := now
	if st.Done {
		end = job.finished
	}
	st.ElapsedMS = end.Sub(job.started).Milliseconds()
	if job.err != nil {
		st.Error = job.err.msg
		if job.err.existing != nil {
			st.ExistingURL = fmt.Sprintf("/articles/%d", job.err.existing.ID)
			st.ExistingTitle = job.err.existing.Title
		}
	}
	return st, true
}

// startIngest adds doc in the background and answers with the job to poll.
func (s *Server) startIngest(c *fiber.Ctx, doc pipeline.Document) error {
	job, err := s.jobs.start(len(doc.Raw), s.now())
	if err != nil {
		return err
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), jobTimeout)
		defer cancel()
		a, _, err := s.addArticle(ctx, doc)
		if err != nil {
			ae := asAddError(err)
			if ae.status >= 500 {
				s.log.Error("add article in background", "source", doc.Source, "err", err)
			}
			s.jobs.finish(job, "", ae, s.now())
			return
		}
		s.jobs.finish(job, addedURL(a), nil, s.now())
	}()
	st, _ := s.jobs.status(job.ID, s.now())
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"job": job.ID, "status_url": "/articles/jobs/" + job.ID, "estimate_ms": st.EstimateMS})
}

// showJob reports a background job's progress as JSON.
func (s *Server) showJob(c *fiber.Ctx) error {
	st, ok := s.jobs.status(c.Params("job"), s.now())
	if !ok {
		return quiz.Errorf(quiz.ErrNotFound, "There is no such article being added (it finished more than ten minutes ago?).")
	}
	return c.JSON(st)
}

// addedURL is the page an added article opens on.
func addedURL(a quiz.Article) string {
	u := fmt.Sprintf("/articles/%d?added=1", a.ID)
	if a.Repeated > 0 {
		u += fmt.Sprintf("&repeated=%d", a.Repeated)
	}
	return u
}

// asAddError gives any failure of adding an article a message for the form.
func asAddError(err error) *addError {
	if ae, ok := err.(*addError); ok {
		return ae
	}
	code, msg := classify(err)
	return &addError{status: code, msg: msg}
}
