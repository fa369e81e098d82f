package main

// TestScale measures every page and API route with a small and a large
// library. It is opt-in, since the large library takes minutes to ingest:
//
//	go test ./cmd/factdeck -run TestScale -scale 10000 -v -timeout 60m
//
// The library is synthetic (corpus_test.go): the seeds with shuffled
// paragraphs and swapped names. Figures are reported, never asserted.

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var (
	scaleArticles = flag.Int("scale", 0, "TestScale: the large library's size in articles (0 skips the test)")
	scaleDuration = flag.Duration("scale-duration", 3*time.Second, "TestScale: load per route")
	scaleConns    = flag.Int("scale-conns", 64, "TestScale: concurrent connections")
	scaleDB       = flag.String("scale-db", "", "TestScale: measure the routes on this existing database only (a copy: the test writes to it)")
	scaleKeep     = flag.String("scale-keep", "", "TestScale: build the corpora and databases in this directory and keep them (for -scale-db later)")
)

// writeCorpus writes articles lo..hi-1 of the synthetic library into dir.
func writeCorpus(t *testing.T, dir string, lo, hi int) {
	t.Helper()
	base := seedTexts(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := lo; i < hi; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%06d.txt", i)), synthArticle(base, i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ingestDir runs `factdeck ingest` on dir and returns how long it took.
func ingestDir(t *testing.T, bin, db, dir string) time.Duration {
	t.Helper()
	start := time.Now()
	out, err := exec.Command(bin, "ingest", "-q", "-db", db, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest %s: %v\n%s", dir, err, out)
	}
	return time.Since(start)
}

type routeResult struct {
	route         string
	rps           float64
	p50, p99      time.Duration
	requests, bad int64
	firstBad      string
}

// load sends requests made by mk for d on conns connections.
func load(conns int, d time.Duration, do func(c *http.Client) (int, error)) routeResult {
	var (
		mu   sync.Mutex
		lat  []time.Duration
		n    atomic.Int64
		bad  atomic.Int64
		wg   sync.WaitGroup
		note atomic.Value
	)
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	start := time.Now()
	stop := start.Add(d)
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []time.Duration
			for time.Now().Before(stop) {
				t0 := time.Now()
				code, err := do(hc)
				local = append(local, time.Since(t0))
				n.Add(1)
				if err != nil || code >= 400 {
					bad.Add(1)
					note.CompareAndSwap(nil, fmt.Sprintf("%d %v", code, err))
				}
			}
			mu.Lock()
			lat = append(lat, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	r := routeResult{requests: n.Load(), bad: bad.Load()}
	r.rps = float64(r.requests) / time.Since(start).Seconds()
	slices.Sort(lat)
	if len(lat) > 0 {
		r.p50, r.p99 = lat[len(lat)/2], lat[len(lat)*99/100]
	}
	if s, ok := note.Load().(string); ok {
		r.firstBad = s
	}
	return r
}

// measureRoutes loads every page and API route of the server at base and
// returns a table row per route, with the server's peak memory.
func measureRoutes(t *testing.T, base string, pid int) ([]routeResult, string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path, body string) string {
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode >= 400 {
			t.Fatalf("POST %s = %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	// A learner with a finished quiz and a quiz in progress.
	var done, open int64
	fmt.Sscanf(post("/api/v1/quizzes", `{"deck":"all","count":3}`), `{"id":%d`, &done)
	for p := range 3 {
		post(fmt.Sprintf("/api/v1/quizzes/%d/answers", done), fmt.Sprintf(`{"position":%d,"answer":"Zanzibar"}`, p))
	}
	fmt.Sscanf(post("/api/v1/quizzes", `{"deck":"all","count":10}`), `{"id":%d`, &open)
	var article int64
	resp, err := hc.Get(base + "/api/v1/articles?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Sscanf(string(b), `{"articles":[{"id":%d`, &article)
	u, _ := http.NewRequest("GET", base, nil)
	var cookie []string
	for _, c := range jar.Cookies(u.URL) {
		cookie = append(cookie, c.Name+"="+c.Value)
	}
	cookies := strings.Join(cookie, "; ")
	csrf := ""
	for _, c := range jar.Cookies(u.URL) {
		if c.Name == "fd_csrf" {
			csrf = c.Value
		}
	}
	a := strconv.FormatInt(article, 10)
	get := func(path string) func(*http.Client) (int, error) {
		return func(c *http.Client) (int, error) {
			req, _ := http.NewRequest("GET", base+path, nil)
			req.Header.Set("Cookie", cookies)
			resp, err := c.Do(req)
			if err != nil {
				return 0, err
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			return resp.StatusCode, nil
		}
	}
	postJSON := func(path, body string) func(*http.Client) (int, error) {
		return func(c *http.Client) (int, error) {
			req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
			req.Header.Set("Cookie", cookies)
			req.Header.Set("Content-Type", "application/json")
			resp, err := c.Do(req)
			if err != nil {
				return 0, err
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			return resp.StatusCode, nil
		}
	}
	routes := []struct {
		name string
		do   func(*http.Client) (int, error)
	}{
		{"GET /", get("/")},
		{"GET /decks", get("/decks")},
		{"GET /decks/:article", get("/decks/" + a)},
		{"GET /decks/all", get("/decks/all")},
		{"GET /quiz", get("/quiz")},
		{"GET /articles/:id", get("/articles/" + a)},
		{"GET /articles/:id?reserve=1", get("/articles/" + a + "?reserve=1")},
		{"GET /articles/new", get("/articles/new")},
		{"GET /quiz/:id/q/1", get(fmt.Sprintf("/quiz/%d/q/1", open))},
		{"GET /quiz/:id/result", get(fmt.Sprintf("/quiz/%d/result", done))},
		{"GET /study/all", get("/study/all")},
		{"GET /study/:article", get("/study/" + a)},
		{"GET /export?article (csv)", get("/export?format=csv&article=" + a)},
		{"POST /quiz (form)", func(c *http.Client) (int, error) {
			req, _ := http.NewRequest("POST", base+"/quiz", strings.NewReader("deck=all&count=10&_csrf="+csrf))
			req.Header.Set("Cookie", cookies)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := c.Do(req)
			if err != nil {
				return 0, err
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 303 {
				return 200, nil
			}
			return resp.StatusCode, nil
		}},
		{"GET /api/v1/articles", get("/api/v1/articles")},
		{"GET /api/v1/articles/:id", get("/api/v1/articles/" + a)},
		{"GET /api/v1/questions", get("/api/v1/questions")},
		{"GET /api/v1/questions?article", get("/api/v1/questions?article=" + a)},
		{"GET /api/v1/decks", get("/api/v1/decks")},
		{"GET /api/v1/decks/all", get("/api/v1/decks/all")},
		{"GET /api/v1/decks/all/next", get("/api/v1/decks/all/next")},
		{"GET /api/v1/quizzes/:id", get(fmt.Sprintf("/api/v1/quizzes/%d", open))},
		{"GET /api/v1/scores", get("/api/v1/scores")},
		{"POST /api/v1/quizzes", postJSON("/api/v1/quizzes", `{"deck":"all","count":10}`)},
	}
	var out []routeResult
	for _, r := range routes {
		res := load(*scaleConns, *scaleDuration, r.do)
		res.route = r.name
		out = append(out, res)
	}
	status, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	peak := ""
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			peak = strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:"))
		}
	}
	return out, peak
}

func TestScale(t *testing.T) {
	if *scaleArticles == 0 && *scaleDB == "" {
		t.Skip("scale figures: run with -scale 10000 (minutes)")
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if *scaleKeep != "" {
		tmp = *scaleKeep
		if err := os.MkdirAll(tmp, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	probe := filepath.Join(tmp, "probe")
	writeCorpus(t, probe, 900000, 900020) // 20 articles timed on both libraries
	report := func(name, db string) {
		ins := startSQLite(t, bin, db)
		rows, peak := measureRoutes(t, ins.base, ins.cmd.Process.Pid)
		t.Logf("%s: %d connections, %v per route; server peak RSS %s", name, *scaleConns, *scaleDuration, peak)
		t.Logf("%-32s %9s %9s %9s %s", "route", "req/s", "p50 ms", "p99 ms", "errors")
		for _, r := range rows {
			t.Logf("%-32s %9.0f %9.2f %9.2f %d %s", r.route, r.rps, ms(r.p50), ms(r.p99), r.bad, r.firstBad)
		}
		stopInstance(ins)
	}
	if *scaleDB != "" {
		report(*scaleDB, *scaleDB)
		return
	}
	// Small: the seeds and 5 more.
	small := filepath.Join(tmp, "small.db")
	smallDir := filepath.Join(tmp, "small")
	writeCorpus(t, smallDir, 0, 10)
	ingestDir(t, bin, small, smallDir)
	emptyProbe := ingestDir(t, bin, filepath.Join(tmp, "probe-empty.db"), probe)
	report("10 articles", small)

	large := filepath.Join(tmp, "large.db")
	largeDir := filepath.Join(tmp, "large")
	writeCorpus(t, largeDir, 0, *scaleArticles)
	took := ingestDir(t, bin, large, largeDir)
	t.Logf("ingested %d articles in %v (%.1f articles/s)", *scaleArticles, took.Round(time.Second), float64(*scaleArticles)/took.Seconds())
	largeProbe := ingestDir(t, bin, large, probe)
	t.Logf("ingest of 20 articles: %v into an empty database, %v into %d articles (%.2fx)",
		emptyProbe.Round(time.Millisecond), largeProbe.Round(time.Millisecond), *scaleArticles, float64(largeProbe)/float64(emptyProbe))
	report(fmt.Sprintf("%d articles", *scaleArticles), large)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// startSQLite starts one server on a SQLite file.
func startSQLite(t *testing.T, bin, db string) *instance {
	t.Helper()
	ins := startInstancesBin(t, bin, db, 1)
	return ins[0]
}

// stopInstance stops a server started by startInstances.
func stopInstance(in *instance) {
	_ = in.cmd.Process.Signal(os.Interrupt)
	_, _ = in.cmd.Process.Wait()
}
