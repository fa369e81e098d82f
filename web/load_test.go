package web

// Load figures, reported and never asserted: run with
//
//	go test ./web -run TestLoad -load -v
//
// Everything runs on loopback in this process for a bounded time.

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
)

var (
	loadFlag     = flag.Bool("load", false, "run the load measurements (TestLoad)")
	loadDuration = flag.Duration("load-duration", 5*time.Second, "duration of each load phase")
	loadConns    = flag.Int("load-conns", 64, "concurrent connections / learners")
	loadWrk      = flag.Bool("load-wrk", false, "also measure the pages with wrk (Debian package wrk), which loads the CPU less than the Go client")
)

// runWrk runs wrk against url with a cookie and returns its requests/s and
// 99th percentile latency lines.
func runWrk(t *testing.T, url, cookie string, conns int, d time.Duration) (string, float64) {
	t.Helper()
	args := []string{"-t2", fmt.Sprintf("-c%d", conns), fmt.Sprintf("-d%ds", int(d.Seconds())), "--latency"}
	if cookie != "" {
		args = append(args, "-H", "Cookie: "+cookie)
	}
	out, err := exec.Command("wrk", append(args, url)...).CombinedOutput()
	if err != nil {
		t.Fatalf("wrk: %v\n%s", err, out)
	}
	var rps float64
	var p99, non2xx string
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			rps, _ = strconv.ParseFloat(f[1], 64)
		case len(f) == 2 && f[0] == "99%":
			p99 = f[1]
		case strings.Contains(line, "Non-2xx"):
			non2xx = strings.TrimSpace(line)
		}
	}
	return fmt.Sprintf("%8.0f req/s  p99 %s %s", rps, p99, non2xx), rps
}

// loadResult is one phase's throughput and latency.
type loadResult struct {
	requests int64
	errors   int64
	elapsed  time.Duration
	p50, p99 time.Duration
	firstErr string
}

func (r loadResult) rate() float64 { return float64(r.requests) / r.elapsed.Seconds() }

func (r loadResult) String() string {
	s := fmt.Sprintf("%8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests, %d errors)",
		r.rate(), ms(r.p50), ms(r.p99), r.requests, r.errors)
	if r.firstErr != "" {
		s += "; first error: " + r.firstErr
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// hammer runs conns workers for d; each calls do in a loop, which reports
// whether its request succeeded.
func hammer(conns int, d time.Duration, do func(worker int, c *http.Client) error) loadResult {
	var (
		mu        sync.Mutex
		latencies []time.Duration
		n, bad    atomic.Int64
		wg        sync.WaitGroup
		firstErr  atomic.Value
	)
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	start := time.Now()
	stop := start.Add(d)
	for w := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []time.Duration
			for time.Now().Before(stop) {
				t0 := time.Now()
				err := do(w, client)
				local = append(local, time.Since(t0))
				if err == nil {
					n.Add(1)
				} else {
					bad.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
			}
			mu.Lock()
			latencies = append(latencies, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	r := loadResult{requests: n.Load(), errors: bad.Load(), elapsed: time.Since(start)}
	if e, ok := firstErr.Load().(string); ok {
		r.firstErr = e
	}
	slices.Sort(latencies)
	if len(latencies) > 0 {
		r.p50 = latencies[len(latencies)/2]
		r.p99 = latencies[len(latencies)*99/100]
	}
	return r
}

func get(c *http.Client, url, cookie string) error {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return nil
}

func TestLoad(t *testing.T) {
	if !*loadFlag {
		t.Skip("load figures: run with -load")
	}
	f := newFixture(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = f.srv.Serve(ln) }()
	defer f.srv.Shutdown(context.Background())
	base := "http://" + ln.Addr().String()

	hello := fiber.New(fiber.Config{DisableStartupMessage: true})
	hello.Get("/", func(c *fiber.Ctx) error { return c.SendString("Hello, World!") })
	hln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = hello.Listener(hln) }()
	defer hello.Shutdown()

	conns := *loadConns
	// One learner per connection, each with a quiz whose first question
	// page is fetched over and over.
	cookies := make([]string, conns)
	pages := make([]string, conns)
	for i := range conns {
		c := f.client(t)
		id := startQuiz(t, c, map[string][]string{"deck": {"all"}, "count": {"5"}})
		cookies[i] = learnerCookie + "=" + c.cookies[learnerCookie] + "; " + csrfCookie + "=" + c.csrf()
		pages[i] = fmt.Sprintf("%s/quiz/%d/q/1", base, id)
	}
	if err := get(http.DefaultClient, pages[0], cookies[0]); err != nil {
		t.Fatalf("question page: %v", err)
	}

	if *loadWrk {
		if _, err := exec.LookPath("wrk"); err != nil {
			t.Fatal("-load-wrk: wrk is not installed (apt-get install -y wrk)")
		}
		hs, hr := runWrk(t, "http://"+hln.Addr().String()+"/", "", conns, *loadDuration)
		qs, qr := runWrk(t, pages[0], cookies[0], conns, *loadDuration)
		t.Logf("wrk fiber hello world: %s", hs)
		t.Logf("wrk question page:     %s", qs)
		t.Logf("wrk question page / hello world = %.2f", qr/hr)
	}
	helloRes := hammer(conns, *loadDuration, func(_ int, c *http.Client) error { return get(c, "http://"+hln.Addr().String()+"/", "") })
	qRes := hammer(conns, *loadDuration, func(w int, c *http.Client) error { return get(c, pages[w], cookies[w]) })

	// Answers: every worker is a learner answering quizzes through the API.
	var sessions sync.Map // quiz id -> answers acknowledged
	answerRes := hammer(conns, *loadDuration, func() func(int, *http.Client) error {
		type state struct {
			quiz int64
			pos  int
		}
		states := make([]state, conns)
		return func(w int, c *http.Client) error {
			st := &states[w]
			if st.quiz == 0 || st.pos == 5 {
				req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/quizzes", strings.NewReader(`{"deck":"all","count":5}`))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Cookie", cookies[w])
				resp, err := c.Do(req)
				if err != nil {
					return err
				}
				var id int64
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if _, err := fmt.Sscanf(string(b), `{"id":%d`, &id); err != nil || resp.StatusCode != 201 {
					return fmt.Errorf("start quiz: %d %s", resp.StatusCode, b)
				}
				st.quiz, st.pos = id, 0
			}
			body := fmt.Sprintf(`{"position":%d,"answer":"Lisbon"}`, st.pos)
			req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/v1/quizzes/%d/answers", base, st.quiz), strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Cookie", cookies[w])
			resp, err := c.Do(req)
			if err != nil {
				return err
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 201 && resp.StatusCode != 200 {
				return fmt.Errorf("answer: %d %s", resp.StatusCode, b)
			}
			if resp.StatusCode == 201 { // 200 is a "close" retry, nothing stored
				v, _ := sessions.LoadOrStore(st.quiz, new(atomic.Int64))
				v.(*atomic.Int64).Add(1)
				st.pos++
			}
			return nil
		}
	}())
	// Every acknowledged answer must be in the database.
	var acked, stored int64
	sessions.Range(func(k, v any) bool {
		sess, err := f.store.QuizSession(context.Background(), k.(int64))
		if err != nil {
			t.Errorf("quiz %d: %v", k, err)
			return true
		}
		acked += v.(*atomic.Int64).Load()
		stored += int64(len(sess.Attempts))
		return true
	})
	if acked != stored {
		t.Errorf("answers acknowledged %d, stored %d", acked, stored)
	}
	t.Logf("connections: %d, %v per phase", conns, *loadDuration)
	t.Logf("fiber hello world:  %s", helloRes)
	t.Logf("question page:      %s", qRes)
	t.Logf("question page / hello world = %.2f", qRes.rate()/helloRes.rate())
	t.Logf("answers persisted:  %s (each a stored attempt; %d acknowledged = %d stored)", answerRes, acked, stored)
}
