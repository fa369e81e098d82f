package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"
	"factdeck/store"
)

// fixture is a server on a fresh SQLite file seeded with two hand-made
// articles.
type fixture struct {
	srv      *Server
	store    *store.Store
	articles []quiz.Article
	qs       [][]quiz.Question // questions per article, in creation order
	dbPath   string
}

// fakeIngest stands in for the extraction pipeline: the first line is the
// title, every sentence containing a capitalized word after its first is a
// fact, and each fact gets a short answer question.
func fakeIngest(ctx context.Context, docs []pipeline.Document, _ pipeline.Pool, _ pipeline.Options) ([]quiz.Ingested, error) {
	out := make([]quiz.Ingested, len(docs))
	for i, d := range docs {
		a, facts, qs, err := fakeArticle(ctx, d)
		out[i] = quiz.Ingested{Source: d.Source, Article: a, Facts: facts, Questions: qs, Err: err}
	}
	return out, nil
}

func fakeArticle(_ context.Context, doc pipeline.Document) (quiz.Article, []quiz.Fact, []quiz.Question, error) {
	text, source := strings.TrimSpace(string(doc.Raw)), doc.Source
	if doc.Title != "" {
		text = doc.Title + "\n" + text
	}
	if text == "" {
		return quiz.Article{}, nil, nil, fmt.Errorf("empty article: %w", quiz.ErrEmpty)
	}
	if strings.ContainsRune(text, 0) {
		return quiz.Article{}, nil, nil, fmt.Errorf("binary file: %w", quiz.ErrInvalid)
	}
	title, body, _ := strings.Cut(text, "\n")
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(body), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) == 0 {
		return quiz.Article{}, nil, nil, fmt.Errorf("no body: %w", quiz.ErrEmpty)
	}
	a := quiz.Article{Title: strings.TrimSpace(title), Paragraphs: paras, Source: source, Hash: fmt.Sprintf("%x", len(text)) + title}
	bodyText := a.Body()
	var facts []quiz.Fact
	var qs []quiz.Question
	cap := regexp.MustCompile(`\b[A-Z][a-z]+\b`)
	for _, p := range paras {
		for _, sent := range strings.SplitAfter(p, ". ") {
			sent = strings.TrimSpace(sent)
			words := cap.FindAllStringIndex(sent, -1)
			if len(words) < 2 {
				continue
			}
			w := words[1]
			obj := sent[w[0]:w[1]]
			id := int64(len(facts) + 1)
			start := strings.Index(bodyText, sent)
			facts = append(facts, quiz.Fact{ID: id, Kind: quiz.KindMisc, Subject: "it", Relation: "mentions", Object: obj,
				Sentence: sent, Start: start, End: start + len(sent), SpanStart: w[0], SpanEnd: w[1]})
			qs = append(qs, quiz.Question{FactID: id, Type: quiz.ShortAnswer, Prompt: strings.Replace(sent, obj, "_____", 1),
				Answer: obj, Accepted: []string{obj}, Sentence: sent})
		}
	}
	return a, facts, qs, nil
}

func storm() (quiz.Article, []quiz.Fact, []quiz.Question) {
	paras := []string{
		"A storm hit Lisbon on Monday. Two people died, officials said.",
		"The mayor, Ana Costa, asked residents to stay at home.",
	}
	body := strings.Join(paras, "\n\n")
	s1 := "A storm hit Lisbon on Monday."
	s2 := "The mayor, Ana Costa, asked residents to stay at home."
	at := func(s, sub string) (int, int) { i := strings.Index(s, sub); return i, i + len(sub) }
	st1 := strings.Index(body, s1)
	st2 := strings.Index(body, s2)
	l0, l1 := at(s1, "Lisbon")
	m0, m1 := at(s1, "Monday")
	c0, c1 := at(s2, "Ana Costa")
	a := quiz.Article{Title: "Storm hits the coast", Standfirst: "Two dead as winds reach 150 km/h", Paragraphs: paras,
		Source: "storm.txt", Hash: "storm"}
	facts := []quiz.Fact{
		{ID: 1, Kind: quiz.KindCity, Subject: "the storm", Relation: quiz.RelLocation, Object: "Lisbon", Sentence: s1, Start: st1, End: st1 + len(s1), SpanStart: l0, SpanEnd: l1, Key: "storm|location"},
		{ID: 2, Kind: quiz.KindWeekday, Subject: "the storm", Relation: quiz.RelTime, Object: "Monday", Sentence: s1, Start: st1, End: st1 + len(s1), SpanStart: m0, SpanEnd: m1},
		{ID: 3, Kind: quiz.KindPerson, Subject: "Ana Costa", Relation: quiz.RelRole, Object: "mayor", Sentence: s2, Start: st2, End: st2 + len(s2), SpanStart: c0, SpanEnd: c1},
	}
	qs := []quiz.Question{
		{FactID: 1, Type: quiz.MultipleChoice, Prompt: "Which city did the storm hit?", Answer: "Lisbon", Accepted: []string{"Lisbon"},
			Options: []string{"Porto", "Lisbon", "Madrid", "Seville"}, Sentence: s1},
		{FactID: 2, Type: quiz.TrueFalse, Prompt: "True or false: the storm hit on Friday.", Answer: "False", Options: []string{"True", "False"}, Sentence: s1},
		{FactID: 3, Type: quiz.ShortAnswer, Prompt: "Who is the mayor who asked residents to stay at home?", Answer: "Ana Costa",
			Accepted: []string{"Ana Costa", "Costa"}, AnswerKind: quiz.KindPerson, Sentence: s2},
		{FactID: 1, Type: quiz.Cloze, Prompt: "A storm hit _____ on Monday.", Answer: "Lisbon", Accepted: []string{"Lisbon"},
			Sentence: s1, Cloze: "A storm hit {{c1::Lisbon}} on Monday."},
	}
	return a, facts, qs
}

// hostile is an article whose text tries to run a script.
func hostile() (quiz.Article, []quiz.Fact, []quiz.Question) {
	s1 := `The council met in <script>document.title="pwned";window.pwned=1</script>Porto on Tuesday.`
	paras := []string{s1, `A second paragraph with <img src=x onerror="window.pwned=2"> markup.`}
	a := quiz.Article{Title: `Council <script>window.pwned=3</script> meets`, Paragraphs: paras, Source: "hostile.html", Hash: "hostile"}
	i := strings.Index(s1, "Porto")
	facts := []quiz.Fact{{ID: 1, Kind: quiz.KindCity, Subject: "the council", Relation: quiz.RelLocation, Object: "Porto",
		Sentence: s1, Start: 0, End: len(s1), SpanStart: i, SpanEnd: i + len("Porto"), Key: "storm|location"}}
	qs := []quiz.Question{{FactID: 1, Type: quiz.MultipleChoice, Prompt: `Where did the <b>council</b> meet?<script>window.pwned=4</script>`,
		Answer: "Porto", Options: []string{"Porto", `<img src=x onerror="window.pwned=5">`, "Faro", "Braga"}, Sentence: s1}}
	return a, facts, qs
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "web.db")
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	f := &fixture{store: st, dbPath: dbPath}
	var stormFacts []quiz.Fact
	for i, mk := range []func() (quiz.Article, []quiz.Fact, []quiz.Question){storm, hostile} {
		a, facts, qs := mk()
		var conflicts [][2]int64
		if i == 1 { // the council met in Porto, the storm hit Lisbon: the same key
			conflicts = [][2]int64{{1, stormFacts[0].ID}}
		}
		a, stored, qs, err := createArticle(st, ctx, a, facts, qs, conflicts...)
		if err != nil {
			t.Fatalf("createArticle: %v", err)
		}
		if i == 0 {
			stormFacts = stored
		}
		f.articles = append(f.articles, a)
		f.qs = append(f.qs, qs)
	}
	srv, err := New(Config{Store: st, Ingest: fakeIngest, MaxUpload: 64 << 10, Open: true})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	f.srv = srv
	return f
}

// client is a browser stand-in for app.Test: it keeps cookies and knows the
// CSRF token.
type client struct {
	t       testing.TB
	srv     *Server
	cookies map[string]string
}

func (f *fixture) client(t testing.TB) *client {
	c := &client{t: t, srv: f.srv, cookies: map[string]string{}}
	c.get("/") // collect the cookies
	return c
}

func (c *client) csrf() string { return c.cookies[csrfCookie] }

func (c *client) do(req *http.Request) (int, string, http.Header) {
	c.t.Helper()
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "text/html")
	}
	resp, err := c.srv.app.Test(req, 10_000)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, ck := range resp.Cookies() {
		c.cookies[ck.Name] = ck.Value
	}
	return resp.StatusCode, string(b), resp.Header
}

func (c *client) get(path string) (int, string, http.Header) {
	c.t.Helper()
	return c.do(httptest.NewRequest(http.MethodGet, path, nil))
}

// post sends a form with the CSRF token added.
func (c *client) post(path string, form url.Values) (int, string, http.Header) {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form[csrfField]; !ok {
		form.Set(csrfField, c.csrf())
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// api sends a JSON request.
func (c *client) api(method, path, body string) (int, string) {
	c.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	code, b, _ := c.do(req)
	return code, b
}

// follow posts and returns the redirect target.
func (c *client) postRedirect(path string, form url.Values) string {
	c.t.Helper()
	code, body, h := c.post(path, form)
	if code != http.StatusSeeOther {
		c.t.Fatalf("POST %s = %d, want 303; body %s", path, code, truncate(body, 400))
	}
	return h.Get("Location")
}

// createArticle stores one article through store.Save, the one way in;
// conflicts pair a new fact (provisional ID) with a stored one.
func createArticle(st *store.Store, ctx context.Context, a quiz.Article, facts []quiz.Fact, qs []quiz.Question, conflicts ...[2]int64) (quiz.Article, []quiz.Fact, []quiz.Question, error) {
	var links []quiz.Link
	for _, c := range conflicts {
		links = append(links, quiz.Link{Fact: c[0], Other: c[1]})
	}
	out, err := st.Save(ctx, []quiz.Ingested{{Source: a.Source, Article: a, Facts: facts, Questions: qs, Conflicts: links}}, false)
	if err != nil {
		return a, nil, nil, err
	}
	return out[0].Article, out[0].Facts, out[0].Questions, out[0].Err
}
