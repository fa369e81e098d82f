package web

// This file holds adding an article: pasted text or an uploaded file goes
// through the ingest pipeline and is stored in one transaction.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"path/filepath"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"

	"github.com/gofiber/fiber/v2"
)

// uploadExts are the file types accepted for upload.
var uploadExts = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

type addPage struct {
	base
	FormTitle string
	Text      string
	Error     string
	Existing  *quiz.Article
	MaxUpload string
	Enabled   bool
}

func (s *Server) addPage(c *fiber.Ctx) addPage {
	return addPage{base: s.base(c, "Add an article", "add"),
		MaxUpload: megabytes(s.maxUpload), Enabled: s.ingest != nil}
}

func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func (s *Server) showAddArticle(c *fiber.Ctx) error {
	return s.render(c, fiber.StatusOK, "add", s.addPage(c))
}

// addError is a problem with a submitted article, shown in the form.
type addError struct {
	status   int
	msg      string
	existing *quiz.Article
}

func (e *addError) Error() string { return e.msg }

// readUpload returns the uploaded file's bytes and name, or nil when no file
// was sent.
func (s *Server) readUpload(fh *multipart.FileHeader) ([]byte, error) {
	ext := strings.ToLower(filepath.Ext(fh.Filename))
	if !uploadExts[ext] {
		return nil, &addError{status: fiber.StatusBadRequest, msg: fmt.Sprintf("%q is not a text, Markdown or HTML file: upload a .txt, .md or .html file.", truncate(fh.Filename, 80))}
	}
	if fh.Size > s.maxUpload {
		return nil, &addError{status: fiber.StatusRequestEntityTooLarge, msg: fmt.Sprintf("The file is %s; the largest article accepted is %s.", megabytes(fh.Size), megabytes(s.maxUpload))}
	}
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("open upload: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, s.maxUpload+1))
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	return b, nil
}

// addArticle runs doc through the one ingest path (the pipeline's Batch,
// then store.Save) and returns the stored article and its questions.
// Problems the person can fix come back as *addError.
func (s *Server) addArticle(ctx context.Context, doc pipeline.Document) (quiz.Article, []quiz.Question, error) {
	if s.ingest == nil {
		return quiz.Article{}, nil, &addError{status: fiber.StatusServiceUnavailable, msg: "Adding articles is not enabled on this server."}
	}
	if int64(len(doc.Raw)) > s.maxUpload {
		return quiz.Article{}, nil, &addError{status: fiber.StatusRequestEntityTooLarge, msg: fmt.Sprintf("The article is %s; the largest accepted is %s.", megabytes(int64(len(doc.Raw))), megabytes(s.maxUpload))}
	}
	if strings.TrimSpace(string(doc.Raw)) == "" {
		return quiz.Article{}, nil, &addError{status: fiber.StatusBadRequest, msg: "Paste the article's text or choose a file."}
	}
	items, err := s.ingest(ctx, []pipeline.Document{doc}, s.store, pipeline.Options{Now: s.now().UTC()})
	if err != nil {
		return quiz.Article{}, nil, err
	}
	saved, err := s.store.Save(ctx, items, false)
	if err != nil {
		return quiz.Article{}, nil, err
	}
	sv := saved[0]
	switch {
	case sv.Skipped:
		e := &addError{status: fiber.StatusConflict, msg: "This article is already in factdeck."}
		if x, lerr := s.store.ArticleByHash(ctx, sv.Article.Hash); lerr == nil {
			e.existing = &x
		}
		return sv.Article, nil, e
	case errors.Is(sv.Err, quiz.ErrInvalid) || errors.Is(sv.Err, quiz.ErrEmpty) || errors.Is(sv.Err, quiz.ErrTooLarge):
		msg := "This article could not be read."
		if m, ok := quiz.Message(sv.Err); ok {
			msg = m
		}
		status := fiber.StatusBadRequest
		if errors.Is(sv.Err, quiz.ErrTooLarge) {
			status = fiber.StatusRequestEntityTooLarge
		}
		return quiz.Article{}, nil, &addError{status: status, msg: msg}
	case sv.Err != nil:
		return quiz.Article{}, nil, sv.Err
	}
	a := sv.Article
	a.Repeated = items[0].Article.Repeated
	return a, sv.Questions, nil
}

func (s *Server) createArticle(c *fiber.Ctx) error {
	p := s.addPage(c)
	p.FormTitle, p.Text = c.FormValue("title"), c.FormValue("text")
	fail := func(err error) error {
		var ae *addError
		if !errors.As(err, &ae) {
			return err
		}
		if c.Get("X-Factdeck-Async") == "1" {
			st := jobStatus{Done: true, Error: ae.msg}
			if ae.existing != nil {
				st.ExistingURL, st.ExistingTitle = fmt.Sprintf("/articles/%d", ae.existing.ID), ae.existing.Title
			}
			return c.Status(ae.status).JSON(st)
		}
		p.Error, p.Existing = ae.msg, ae.existing
		return s.render(c, ae.status, "add", p)
	}
	if len(p.FormTitle) > maxTitleLen {
		return fail(&addError{status: fiber.StatusBadRequest, msg: fmt.Sprintf("The title is longer than %d characters.", maxTitleLen)})
	}
	doc := pipeline.Document{Title: strings.TrimSpace(p.FormTitle), Raw: []byte(p.Text), Source: "pasted"}
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		b, err := s.readUpload(fh)
		if err != nil {
			return fail(err)
		}
		doc.Raw, doc.Source = b, filepath.Base(fh.Filename)
	}
	if c.Get("X-Factdeck-Async") == "1" && s.ingest != nil && strings.TrimSpace(string(doc.Raw)) != "" && int64(len(doc.Raw)) <= s.maxUpload {
		// The page's script polls the job; the request returns at once.
		return s.startIngest(c, doc)
	}
	a, _, err := s.addArticle(c.UserContext(), doc)
	if err != nil {
		return fail(err)
	}
	return c.Redirect(addedURL(a), fiber.StatusSeeOther)
}
