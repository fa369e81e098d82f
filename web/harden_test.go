package web

// Tests for the faults of issue 9: pages sent to the wrong visitor, panics
// that stopped the server, request values that changed after their handler,
// and the smaller ones (titles, download names, empty edits, cookies).

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"

	"github.com/gofiber/fiber/v2"
)

// serveLoopback serves f's server on a loopback port until the test ends
// and returns its base URL.
func serveLoopback(t testing.TB, srv *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	return "http://" + ln.Addr().String()
}

var csrfValue = regexp.MustCompile(`name="_csrf" value="([^"]*)"`)

// TestPagesCarryTheirOwnToken fires many clients at HTML pages at once and
// checks that every page is complete and carries its own client's CSRF
// token and quiz: a page rendered into a buffer reused before it was sent
// would carry another client's.
func TestPagesCarryTheirOwnToken(t *testing.T) {
	clients, requests := 32, 300
	if testing.Short() {
		clients, requests = 8, 50
	}
	f := newFixture(t)
	base := serveLoopback(t, f.srv)
	type visitor struct {
		cookie, csrf string
		quiz         int64
	}
	visitors := make([]visitor, clients)
	for i := range visitors {
		c := f.client(t)
		id := startQuiz(t, c, url.Values{"deck": {"all"}, "count": {"3"}})
		visitors[i] = visitor{cookie: learnerCookie + "=" + c.cookies[learnerCookie] + "; " + csrfCookie + "=" + c.csrf(),
			csrf: c.csrf(), quiz: id}
	}
	owner := make(map[string]int, clients)
	for i, v := range visitors {
		owner[v.csrf] = i
	}
	art := strconv.FormatInt(f.articles[0].ID, 10)
	tr := &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr}
	var (
		mu                       sync.Mutex
		foreign, truncated, fail int
		firstProblem             string
	)
	report := func(kind *int, format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		*kind++
		if firstProblem == "" {
			firstProblem = fmt.Sprintf(format, args...)
		}
	}
	var wg sync.WaitGroup
	for i, v := range visitors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pages := []string{"/", "/quiz", "/articles/new", "/articles/" + art, fmt.Sprintf("/quiz/%d/q/1", v.quiz)}
			for n := range requests {
				path := pages[n%len(pages)]
				req, _ := http.NewRequest(http.MethodGet, base+path, nil)
				req.Header.Set("Cookie", v.cookie)
				req.Header.Set("Accept", "text/html")
				resp, err := hc.Do(req)
				if err != nil {
					report(&fail, "client %d GET %s: %v", i, path, err)
					continue
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				body := string(b)
				if err != nil || resp.StatusCode != http.StatusOK {
					report(&fail, "client %d GET %s = %d, %v", i, path, resp.StatusCode, err)
					continue
				}
				if !strings.HasSuffix(strings.TrimSpace(body), "</html>") || strings.Count(body, "<html") != 1 {
					report(&truncated, "client %d GET %s: page truncated or mixed (%d bytes)", i, path, len(body))
				}
				tokens := csrfValue.FindAllStringSubmatch(body, -1)
				if len(tokens) == 0 {
					report(&truncated, "client %d GET %s: no CSRF field", i, path)
				}
				for _, m := range tokens {
					if m[1] != v.csrf {
						report(&foreign, "client %d GET %s carried client %d's token", i, path, owner[m[1]])
						break
					}
				}
				if strings.Contains(path, "/q/") && !strings.Contains(body, fmt.Sprintf(`data-quiz="%d"`, v.quiz)) {
					report(&foreign, "client %d GET %s: another quiz's page", i, path)
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("%d clients x %d HTML requests: %d foreign tokens, %d truncated, %d failed", clients, requests, foreign, truncated, fail)
	if foreign+truncated+fail > 0 {
		t.Errorf("%d foreign, %d truncated, %d failed of %d pages; first: %s", foreign, truncated, fail, clients*requests, firstProblem)
	}
}

// TestAnswerKeptExactly answers the last question over a real connection,
// sends more requests that reuse the server's buffers, and checks that the
// result page shows the answer as given: a form value kept without a copy
// would have changed.
func TestAnswerKeptExactly(t *testing.T) {
	f := newFixture(t)
	base := serveLoopback(t, f.srv)
	c := f.client(t)
	id := startQuiz(t, c, url.Values{"deck": {strconv.FormatInt(f.articles[0].ID, 10)}, "type": {"short_answer"}})
	cookie := learnerCookie + "=" + c.cookies[learnerCookie] + "; " + csrfCookie + "=" + c.csrf()
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path string, form url.Values) int {
		form.Set(csrfField, c.csrf())
		req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Cookie", cookie)
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	const given = "LAST-ANSWER-given-exactly"
	if code := post(fmt.Sprintf("/quiz/%d/q/1", id), url.Values{"answer": {given}}); code != http.StatusSeeOther {
		t.Fatalf("answer = %d, want 303", code)
	}
	for range 20 { // overwrite the request buffers
		post("/quiz", url.Values{"deck": {"all"}, "count": {strings.Repeat("9", len(given))}})
	}
	_, body, _ := c.get(fmt.Sprintf("/quiz/%d/result", id))
	if !strings.Contains(body, given) {
		t.Errorf("result page lacks the answer %q as given", given)
	}
	sess, err := f.store.QuizSession(context.Background(), id)
	if err != nil || len(sess.Attempts) != 1 || sess.Attempts[0].Given != given {
		t.Errorf("stored attempt = %+v, %v; want %q", sess.Attempts, err, given)
	}
}

// TestPanicGivesErrorPage checks that a panicking handler answers 500 with
// a page, logs the panic with the request, and that the next request is
// served.
func TestPanicGivesErrorPage(t *testing.T) {
	f := newFixture(t)
	var logged strings.Builder
	s := f.srv
	s.log = slog.New(slog.NewTextHandler(&logged, nil))
	app := fiber.New(fiber.Config{ErrorHandler: s.handleError, Immutable: true})
	app.Use(s.recoverPanic)
	app.Get("/boom", func(*fiber.Ctx) error { panic("kaboom") })
	app.Get("/fine", func(c *fiber.Ctx) error { return c.SendString("fine") })
	req := httptest.NewRequest(http.MethodGet, "/boom?x=1", nil)
	req.Header.Set("Accept", "text/html")
	resp, err := app.Test(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 500 || !strings.Contains(string(b), "Something went wrong on our side") || !strings.Contains(string(b), "</html>") {
		t.Errorf("panicking handler = %d %q, want a 500 page", resp.StatusCode, truncate(string(b), 200))
	}
	if !strings.Contains(logged.String(), "kaboom") || !strings.Contains(logged.String(), "/boom?x=1") {
		t.Errorf("log = %q, want the panic and the request", logged.String())
	}
	resp, err = app.Test(httptest.NewRequest(http.MethodGet, "/fine", nil))
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("request after the panic = %v, %v; want 200", resp, err)
	}
}

// TestUnicodeAnswersDoNotCrash is the crash of issue 9: an answer whose
// letters change length when lower-cased, shown on the study page, the quiz
// feedback and the result page.
func TestUnicodeAnswersDoNotCrash(t *testing.T) {
	for _, answer := range []string{"\u212Aosta", "\u212Bna", "\u0130stanbul", "Lisbo\u0301n", "Ana 😀", "ليسبون"} {
		t.Run(answer, func(t *testing.T) {
			f := newFixture(t)
			c := f.client(t)
			q := f.qs[0][2] // short answer, "Ana Costa"
			code, body := c.api(http.MethodPut, fmt.Sprintf("/api/v1/questions/%d", q.ID), fmt.Sprintf(`{"answer":%q}`, answer))
			if code != 200 {
				t.Fatalf("PUT answer = %d %s", code, body)
			}
			art := strconv.FormatInt(f.articles[0].ID, 10)
			for range 3 { // until the card comes up
				if code, body, _ := c.get("/study/" + art); code != 200 {
					t.Fatalf("study page = %d %s", code, truncate(body, 300))
				}
			}
			id := startQuiz(t, c, url.Values{"deck": {art}, "type": {"short_answer"}})
			path := fmt.Sprintf("/quiz/%d/q/1", id)
			c.postRedirect(path, url.Values{"answer": {"nothing like it"}})
			if code, body, _ := c.get(path); code != 200 || !strings.Contains(body, "Not quite") {
				t.Errorf("feedback = %d %s", code, truncate(body, 300))
			}
			if code, body, _ := c.get(fmt.Sprintf("/quiz/%d/result", id)); code != 200 || !strings.Contains(body, html.EscapeString(answer)) {
				t.Errorf("result = %d, want 200 showing the answer; %s", code, truncate(body, 300))
			}
		})
	}
}

func TestMarkAnswerUnicode(t *testing.T) {
	tests := []struct {
		name, sentence, answer string
		want                   marked
	}{
		{"kelvin sign in answer", "The keeper said kilns were cold.", "\u212Ailns", marked{"The keeper said ", "kilns", " were cold."}},
		{"kelvin sign in sentence", "At 300 \u212Aelvin it froze.", "kelvin", marked{"At 300 ", "\u212Aelvin", " it froze."}},
		{"angstrom sign", "One \u212Bngstrom is small.", "\u00e5ngstrom", marked{"One ", "\u212Bngstrom", " is small."}},
		{"dotted capital I in answer", "They met in Izmir on Monday.", "\u0130zmir", marked{"They met in ", "Izmir", " on Monday."}},
		{"dotted capital I in sentence", "They met in \u0130zmir on Monday.", "izmir", marked{"They met in ", "\u0130zmir", " on Monday."}},
		{"combining mark", "Jose\u0301 Ruiz spoke first.", "jose\u0301 ruiz", marked{"", "Jose\u0301 Ruiz", " spoke first."}},
		{"combining mark not matched by precomposed", "Jose\u0301 spoke.", "Jos\u00e9", marked{Before: "Jose\u0301 spoke."}},
		{"emoji", "Fans waved 🏳️‍🌈 flags in Oslo.", "oslo", marked{"Fans waved 🏳️‍🌈 flags in ", "Oslo", "."}},
		{"emoji answer", "The sign was 🚀 all along.", "🚀", marked{"The sign was ", "🚀", " all along."}},
		{"right to left", "قال الوزير في القاهرة اليوم", "القاهرة", marked{"قال الوزير في ", "القاهرة", " اليوم"}},
		{"answer longer than sentence", "Short.", "a much longer answer", marked{Before: "Short."}},
		{"invalid utf-8", "Bad \xff byte in Rome.", "rome", marked{"Bad \xff byte in ", "Rome", "."}},
		{"sharp s is not ss", "Die Straße war leer.", "strasse", marked{Before: "Die Straße war leer."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := markAnswer(tt.sentence, tt.answer)
			if got != tt.want {
				t.Errorf("markAnswer(%q, %q) = %+v, want %+v", tt.sentence, tt.answer, got, tt.want)
			}
			if got.Before+got.Mark+got.After != tt.sentence {
				t.Errorf("markAnswer(%q, %q) lost text", tt.sentence, tt.answer)
			}
			// Every highlight path with the same text.
			q := quiz.Question{Type: quiz.ShortAnswer, Sentence: tt.sentence, Answer: tt.answer}
			f := quiz.Fact{Sentence: tt.sentence, Object: tt.answer, SpanStart: 0, SpanEnd: len(tt.answer)}
			if m := markFact(q, f); m.Before+m.Mark+m.After != tt.sentence {
				t.Errorf("markFact lost text: %+v", m)
			}
			a := quiz.Article{Paragraphs: []string{tt.sentence, "Next paragraph."}}
			f.Start = 0
			checkHighlight(t, a, []quiz.Fact{f})
			_ = quiz.Hint(tt.answer)
		})
	}
}

// checkHighlight checks that highlight keeps every byte of the article.
func checkHighlight(t *testing.T, a quiz.Article, facts []quiz.Fact) {
	t.Helper()
	var paras []string
	for _, p := range highlight(a, facts) {
		var b strings.Builder
		for _, s := range p.Segments {
			b.WriteString(s.Text)
		}
		paras = append(paras, b.String())
	}
	if got := strings.Join(paras, "\n\n"); got != a.Body() {
		t.Errorf("highlight(%q) = %q, lost text", a.Body(), got)
	}
}

// TestTypedTitleKept checks that a title typed in the form reaches the
// pipeline as the title, not as a first line of the text.
func TestTypedTitleKept(t *testing.T) {
	f := newFixture(t)
	var got pipeline.Document
	f.srv.ingest = func(ctx context.Context, docs []pipeline.Document, pool pipeline.Pool, opt pipeline.Options) ([]quiz.Ingested, error) {
		got = docs[0]
		return fakeIngest(ctx, docs, pool, opt)
	}
	c := f.client(t)
	c.postRedirect("/articles", url.Values{"title": {"  Harbour Notes  "}, "text": {"The ferry left Oslo at noon. Crews cheered in Bergen."}})
	if got.Title != "Harbour Notes" || string(got.Raw) != "The ferry left Oslo at noon. Crews cheered in Bergen." {
		t.Errorf("ingest got title %q and text %q, want the typed title apart", got.Title, got.Raw)
	}
	code, _ := c.api(http.MethodPost, "/api/v1/articles", `{"title":"Quay Report","text":"Boats left Tromsø at dawn. Crews waved in Narvik."}`)
	if code != http.StatusCreated || got.Title != "Quay Report" {
		t.Errorf("API add = %d, title %q; want 201 with the title apart", code, got.Title)
	}
}

func TestAttachmentHeader(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii", "storm-hits.apkg", `attachment; filename="storm-hits.apkg"; filename*=UTF-8''storm-hits.apkg`},
		{"cyrillic", "мир.csv", `attachment; filename="___.csv"; filename*=UTF-8''%D0%BC%D0%B8%D1%80.csv`},
		{"quote and space", `a "b".txt`, `attachment; filename="a _b_.txt"; filename*=UTF-8''a%20%22b%22.txt`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := attachment(tt.in); got != tt.want {
				t.Errorf("attachment(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEmptyEditChangesNothing(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	for _, q := range f.qs[0] {
		code, body := c.api(http.MethodPut, fmt.Sprintf("/api/v1/questions/%d", q.ID), `{}`)
		if code != 200 {
			t.Fatalf("PUT {} = %d %s", code, body)
		}
		got, err := f.store.Question(context.Background(), q.ID)
		if err != nil || got.Edited {
			t.Errorf("question %d (%s) after PUT {}: edited = %v, %v; want unchanged", q.ID, q.Type, got.Edited, err)
		}
	}
	q := f.qs[0][0]
	if code, _ := c.api(http.MethodPut, fmt.Sprintf("/api/v1/questions/%d", q.ID), `{"prompt":"Which city did the gale hit?"}`); code != 200 {
		t.Fatalf("PUT prompt = %d", code)
	}
	if got, _ := f.store.Question(context.Background(), q.ID); !got.Edited {
		t.Error("a real edit did not mark the question edited")
	}
}

func TestMadeUpLearnerCookieRefused(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	startQuiz(t, c, url.Values{"deck": {"all"}})
	real := c.cookies[learnerCookie]
	tests := []struct {
		name, cookie string
		keep         bool
	}{
		{"signed by the server", real, true},
		{"made-up token", strings.Repeat("ab", 16), false},
		{"made-up signature", real[:32] + strings.Repeat("0", 32), false},
		{"another token with this signature", strings.Repeat("cd", 16) + real[32:], false},
		{"unsigned token of a stored learner", real[:32], true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.AddCookie(&http.Cookie{Name: learnerCookie, Value: tt.cookie})
			resp, err := f.srv.app.Test(req)
			if err != nil {
				t.Fatal(err)
			}
			var issued string
			for _, ck := range resp.Cookies() {
				if ck.Name == learnerCookie {
					issued = ck.Value
				}
			}
			switch {
			case tt.keep && issued != "" && issued != real:
				t.Errorf("cookie %q replaced by %q, want it kept", tt.cookie, issued)
			case !tt.keep && (issued == "" || issued[:32] == tt.cookie[:32]):
				t.Errorf("cookie %q accepted (issued %q), want a new learner", tt.cookie, issued)
			}
		})
	}
}
