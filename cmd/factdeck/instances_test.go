package main

// TestThreeInstances runs three `factdeck serve` processes on one
// PostgreSQL database and drives them as learners would: nothing may be
// lost, doubled or answered with a 5xx, whichever instance a request hits.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/schedule"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// postgresDSN returns the test server's DSN, or skips (fails in CI).
func postgresDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("FACTDECK_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("FACTDECK_TEST_POSTGRES is not set in CI (.ci/postgres-deps.sh sets it)")
		}
		t.Skip("FACTDECK_TEST_POSTGRES is not set: no PostgreSQL server to test against")
	}
	return dsn
}

// freshDatabase creates a database of the test's own on the server of dsn
// and returns its DSN; it is dropped when the test ends.
func freshDatabase(t *testing.T, dsn string) string {
	t.Helper()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("factdeck_it_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("create database (the role needs CREATEDB, see .ci/postgres-deps.sh): %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec("DROP DATABASE " + name + " WITH (FORCE)")
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// buildBinary builds factdeck once per test binary run.
var buildBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "factdeck-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "factdeck")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// instance is one running `factdeck serve`.
type instance struct {
	base string
	cmd  *exec.Cmd
	log  *strings.Builder
}

// startInstances starts n servers on db at once and waits until each
// answers /healthz.
func startInstances(t *testing.T, db string, n int) []*instance {
	t.Helper()
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	return startInstancesBin(t, bin, db, n)
}

func startInstancesBin(t *testing.T, bin, db string, n int) []*instance {
	t.Helper()
	out := make([]*instance, n)
	for i := range out {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		in := &instance{base: "http://" + addr, log: &strings.Builder{}}
		in.cmd = exec.Command(bin, "serve", "-db", db, "-addr", addr)
		in.cmd.Stdout, in.cmd.Stderr = in.log, in.log
		if err := in.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		out[i] = in
		t.Cleanup(func() {
			if in.cmd.ProcessState != nil {
				return
			}
			_ = in.cmd.Process.Signal(os.Interrupt)
			done := make(chan error, 1)
			go func() { done <- in.cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				_ = in.cmd.Process.Kill()
			}
			if t.Failed() {
				t.Logf("instance %s log:\n%s", in.base, in.log.String())
			}
		})
	}
	deadline := time.Now().Add(3 * time.Minute)
	for _, in := range out {
		for {
			resp, err := http.Get(in.base + "/healthz")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == 200 {
					break
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("instance %s did not start: %v\n%s", in.base, err, in.log.String())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	return out
}

// learnerClient is one learner's browser: a cookie jar shared by every
// instance, as a load balancer in front of them would make it.
type learnerClient struct {
	hc   *http.Client
	errs *atomic.Int64
	mu   *sync.Mutex
	log  *[]string
}

// api sends a JSON request to base and decodes the answer into v.
func (c *learnerClient) api(base, method, path, body string, v any) (int, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, base+path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 500 {
		c.errs.Add(1)
		c.mu.Lock()
		*c.log = append(*c.log, fmt.Sprintf("%s %s = %d %s", method, path, resp.StatusCode, b))
		c.mu.Unlock()
	}
	if v != nil && len(b) > 0 {
		_ = json.Unmarshal(b, v)
	}
	return resp.StatusCode, nil
}

func TestThreeInstances(t *testing.T) {
	db := freshDatabase(t, postgresDSN(t))
	ins := startInstances(t, db, 3)
	const learners, answers = 64, 200
	var (
		fiveXX   atomic.Int64
		mu       sync.Mutex
		problems []string
		acked    sync.Map // quiz id -> *atomic.Int64 of answers acknowledged
		reviews  atomic.Int64
		stop     atomic.Bool
	)
	// The fourth client adds articles through the web on the first
	// instance; the others must serve them.
	base := seedTexts(t)
	var added []int64
	var ingestWG sync.WaitGroup
	ingestWG.Add(1)
	go func() {
		defer ingestWG.Done()
		jar, _ := cookiejar.New(nil)
		c := &learnerClient{hc: &http.Client{Jar: jar, Timeout: 2 * time.Minute}, errs: &fiveXX, mu: &mu, log: &problems}
		for i := 0; i < 6 && !stop.Load(); i++ {
			var v struct {
				Article struct{ ID int64 } `json:"article"`
			}
			body, _ := json.Marshal(map[string]string{"text": string(synthArticle(base, 1000+i)), "source": fmt.Sprintf("added-%d", i)})
			code, err := c.api(ins[0].base, "POST", "/api/v1/articles", string(body), &v)
			if err != nil || code != 201 {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("add article %d = %d %v", i, code, err))
				mu.Unlock()
				continue
			}
			added = append(added, v.Article.ID)
		}
	}()
	start := time.Now()
	var wg sync.WaitGroup
	var persisted atomic.Int64
	for l := range learners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(l), 42))
			jar, _ := cookiejar.New(nil)
			c := &learnerClient{hc: &http.Client{Jar: jar, Timeout: time.Minute}, errs: &fiveXX, mu: &mu, log: &problems}
			// Every request goes to a random instance; the jar sends the
			// cookies to all (they share the host 127.0.0.1).
			pick := func() string { return ins[rng.IntN(len(ins))].base }
			type quizView struct {
				ID        int64 `json:"id"`
				Questions []struct {
					ID      int64    `json:"id"`
					Options []string `json:"options"`
				} `json:"questions"`
			}
			var qz quizView
			pos := 0
			for n := 0; n < answers; {
				if qz.ID == 0 || pos == len(qz.Questions) {
					qz = quizView{}
					code, err := c.api(pick(), "POST", "/api/v1/quizzes", `{"deck":"all","count":10}`, &qz)
					if err != nil || code != 201 || qz.ID == 0 {
						mu.Lock()
						problems = append(problems, fmt.Sprintf("learner %d start quiz = %d %v", l, code, err))
						mu.Unlock()
						return
					}
					pos = 0
				}
				given := "Zanzibar"
				if q := qz.Questions[pos]; len(q.Options) > 0 {
					given = q.Options[rng.IntN(len(q.Options))]
				}
				var res struct {
					Retry bool `json:"retry"`
				}
				code, err := c.api(pick(), "POST", fmt.Sprintf("/api/v1/quizzes/%d/answers", qz.ID),
					fmt.Sprintf(`{"position":%d,"answer":%q}`, pos, given), &res)
				switch {
				case err != nil:
					mu.Lock()
					problems = append(problems, fmt.Sprintf("learner %d answer: %v", l, err))
					mu.Unlock()
					return
				case code == 201:
					v, _ := acked.LoadOrStore(qz.ID, new(atomic.Int64))
					v.(*atomic.Int64).Add(1)
					persisted.Add(1)
					pos++
					n++
				case code == 200 && res.Retry: // close: a hint, answer again
				default:
					mu.Lock()
					problems = append(problems, fmt.Sprintf("learner %d answer %d of quiz %d = %d", l, pos, qz.ID, code))
					mu.Unlock()
					return
				}
				if n%10 == 9 { // a flashcard now and then
					var card struct {
						Card *struct {
							Question struct{ ID int64 } `json:"question"`
						} `json:"card"`
					}
					if code, _ := c.api(pick(), "GET", "/api/v1/decks/all/next", "", &card); code == 200 && card.Card != nil {
						if code, _ := c.api(pick(), "POST", "/api/v1/reviews", fmt.Sprintf(`{"question":%d,"rating":%d}`, card.Card.Question.ID, 1+rng.IntN(4)), nil); code == 201 {
							reviews.Add(1)
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	stop.Store(true)
	ingestWG.Wait()

	// The other instances serve the articles added on the first.
	for _, id := range added {
		for _, in := range ins[1:] {
			resp, err := http.Get(fmt.Sprintf("%s/api/v1/articles/%d", in.base, id))
			if err != nil || resp.StatusCode != 200 {
				t.Errorf("instance %s GET article %d = %v %v", in.base, id, resp, err)
			}
			if resp != nil {
				resp.Body.Close()
			}
		}
	}
	conn, err := sql.Open("pgx", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// No answer lost or doubled.
	var lost, doubled int
	acked.Range(func(k, v any) bool {
		var stored, distinct int
		if err := conn.QueryRow("SELECT count(*), count(DISTINCT position) FROM attempts WHERE session_id = $1", k).Scan(&stored, &distinct); err != nil {
			t.Fatal(err)
		}
		want := int(v.(*atomic.Int64).Load())
		if stored < want {
			lost += want - stored
		}
		if stored > want || distinct != stored {
			doubled += stored - min(want, distinct)
		}
		return true
	})
	// Every schedule is its review log replayed.
	inconsistent, cards := checkSchedules(t, conn)
	mu.Lock()
	defer mu.Unlock()
	t.Logf("3 instances, %d learners x %d answers: %d answers in %v = %.0f answers persisted/s; %d reviews on %d cards; %d articles added on one instance, served by the others",
		learners, answers, persisted.Load(), elapsed.Round(time.Millisecond), float64(persisted.Load())/elapsed.Seconds(), reviews.Load(), cards, len(added))
	t.Logf("lost %d, doubled %d, 5xx %d, schedules inconsistent with their log %d", lost, doubled, fiveXX.Load(), inconsistent)
	if lost+doubled+int(fiveXX.Load())+inconsistent > 0 || len(problems) > 0 || persisted.Load() != learners*answers || len(added) == 0 {
		t.Errorf("lost %d, doubled %d, 5xx %d, inconsistent %d, persisted %d of %d, %d articles added; problems (%d): %q",
			lost, doubled, fiveXX.Load(), inconsistent, persisted.Load(), learners*answers, len(added), len(problems), first(problems, 5))
	}
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// checkSchedules replays every card's review log with the scheduler and
// counts the cards whose stored schedule differs.
func checkSchedules(t *testing.T, conn *sql.DB) (inconsistent, cards int) {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(),
		"SELECT learner_id, question_id, rating, reviewed_at FROM reviews ORDER BY learner_id, question_id, reviewed_at, id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type key struct{ l, q int64 }
	replayed := map[key]quiz.Card{}
	for rows.Next() {
		var k key
		var r int
		var at time.Time
		if err := rows.Scan(&k.l, &k.q, &r, &at); err != nil {
			t.Fatal(err)
		}
		c, ok := replayed[k]
		if !ok {
			c = schedule.New(k.l, k.q)
		}
		replayed[k], _ = schedule.Review(c, quiz.Rating(r), at.UTC())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	stored, err := conn.QueryContext(context.Background(), "SELECT learner_id, question_id, state, due, reps, lapses FROM cards")
	if err != nil {
		t.Fatal(err)
	}
	defer stored.Close()
	seen := 0
	for stored.Next() {
		var k key
		var state, reps, lapses int
		var due time.Time
		if err := stored.Scan(&k.l, &k.q, &state, &due, &reps, &lapses); err != nil {
			t.Fatal(err)
		}
		seen++
		want, ok := replayed[k]
		if !ok || int(want.State) != state || want.Reps != reps || want.Lapses != lapses || !want.Due.Equal(due.UTC()) {
			inconsistent++
			if inconsistent <= 3 {
				t.Logf("card %v: stored state %d reps %d lapses %d due %v; log says %+v", k, state, reps, lapses, due, want)
			}
		}
	}
	if seen != len(replayed) {
		inconsistent += abs(len(replayed) - seen)
	}
	return inconsistent, seen
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
