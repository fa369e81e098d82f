package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"factdeck/quiz"
)

func TestSourceName(t *testing.T) {
	tests := []struct {
		name string
		a    quiz.Article
		want string
	}{
		{"seed", quiz.Article{Source: "seeds/004_9c82c14015ffbaf5.txt"}, "004_9c82c14015ffbaf5.txt"},
		{"absolute path", quiz.Article{Source: "/srv/factdeck/articles/storm.html"}, "storm.html"},
		{"windows path", quiz.Article{Source: `C:\Users\ana\news\storm.txt`}, "storm.txt"},
		{"url", quiz.Article{Source: "https://news.example/2026/storm?id=3"}, "https://news.example/2026/storm?id=3"},
		{"url with credentials", quiz.Article{Source: "https://ana:secret@news.example/storm"}, "https://news.example/storm"},
		{"pasted", quiz.Article{Source: "pasted"}, "pasted text"},
		{"label wins", quiz.Article{Source: "/srv/x.txt", Label: "Coast Herald"}, "Coast Herald"},
		{"none", quiz.Article{}, "unknown source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sourceName(tt.a); got != tt.want {
				t.Errorf("sourceName(%q, %q) = %q, want %q", tt.a.Source, tt.a.Label, got, tt.want)
			}
		})
	}
}

// TestAddArticleInBackground adds an article as the page's script does: the
// POST returns a job at once and the job's status names the article.
func TestAddArticleInBackground(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	form := url.Values{"title": {"Flood in Faro"}, "text": {"Rivers rose in Faro on Sunday.\nThe mayor, Rui Lopes, closed the schools."}, csrfField: {c.csrf()}}
	req := httptest.NewRequest(http.MethodPost, "/articles", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Factdeck-Async", "1")
	req.Header.Set("Accept", "application/json")
	code, body, _ := c.do(req)
	var started struct {
		StatusURL string `json:"status_url"`
	}
	if code != http.StatusAccepted || json.Unmarshal([]byte(body), &started) != nil || started.StatusURL == "" {
		t.Fatalf("POST /articles (async) = %d %s, want 202 with a status URL", code, body)
	}
	var st jobStatus
	for i := 0; i < 200 && !st.Done; i++ {
		code, body := c.api(http.MethodGet, started.StatusURL, "")
		if code != http.StatusOK || json.Unmarshal([]byte(body), &st) != nil {
			t.Fatalf("GET %s = %d %s", started.StatusURL, code, body)
		}
		if !st.Done {
			time.Sleep(10 * time.Millisecond)
		}
	}
	if !st.Done || st.Error != "" || !strings.HasPrefix(st.URL, "/articles/") || st.EstimateMS <= 0 {
		t.Fatalf("job status = %+v, want done with the article's URL", st)
	}
	_, page, _ := c.get(st.URL)
	if !strings.Contains(page, "Flood in Faro") || !strings.Contains(page, `id="added-notice"`) {
		t.Errorf("the added article's page lacks its title or the notice")
	}
	// The same text again: the job fails with the link to the first.
	req = httptest.NewRequest(http.MethodPost, "/articles", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Factdeck-Async", "1")
	req.Header.Set("Accept", "application/json")
	_, body, _ = c.do(req)
	_ = json.Unmarshal([]byte(body), &started)
	st = jobStatus{}
	for i := 0; i < 200 && !st.Done; i++ {
		_, body := c.api(http.MethodGet, started.StatusURL, "")
		_ = json.Unmarshal([]byte(body), &st)
		time.Sleep(5 * time.Millisecond)
	}
	if !strings.Contains(st.Error, "already in factdeck") || st.ExistingURL == "" {
		t.Errorf("second add: %+v, want already in factdeck with a link", st)
	}
	if code, _ := c.api(http.MethodGet, "/articles/jobs/nope", ""); code != http.StatusNotFound {
		t.Errorf("unknown job = %d, want 404", code)
	}
}

// TestIssue14Pages checks the new pages answer, with no learner yet and
// with bad filters.
func TestIssue14Pages(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	a := f.articles[0].ID
	for _, tt := range []struct {
		path string
		code int
		want string
	}{
		{"/stats", http.StatusOK, "Nothing to show yet"},
		{"/cards", http.StatusOK, "4 cards"},
		{"/cards?type=cloze", http.StatusOK, "1 card</p>"},
		{"/cards?q=mayor", http.StatusOK, "1 card"},
		{"/cards?q=" + url.QueryEscape("100%_"), http.StatusOK, "0 cards"},
		{fmt.Sprintf("/cards?deck=%d", a), http.StatusOK, "3 cards"},
		{"/cards?state=asleep", http.StatusBadRequest, "Unknown card state"},
		{"/cards?flag=9", http.StatusBadRequest, "Unknown flag"},
		{"/cards?page=0", http.StatusBadRequest, "not a valid page"},
		{fmt.Sprintf("/articles/%d/edit", a), http.StatusOK, "Source label"},
		{fmt.Sprintf("/articles/%d/questions/new", a), http.StatusOK, "Write a question"},
		{"/articles/999/edit", http.StatusNotFound, "no article"},
		{"/export?format=docx", http.StatusBadRequest, "apkg, anki, csv, quizlet, gift or json"},
	} {
		code, body, _ := c.get(tt.path)
		if code != tt.code || !strings.Contains(body, tt.want) {
			i := strings.Index(body, "browser-count")
			t.Errorf("GET %s = %d, want %d with %q: %s", tt.path, code, tt.code, tt.want, body[max(i, 0):min(len(body), max(i, 0)+300)])
		}
	}
	// Bulk export answers with the file of the checked questions.
	q := f.qs[0][0]
	code, body, h := c.post(fmt.Sprintf("/articles/%d/bulk", a), url.Values{"id": {fmt.Sprint(q.ID)}, "action": {"export"}, "format": {"csv"}})
	if code != http.StatusOK || !strings.Contains(h.Get("Content-Disposition"), "attachment") || !strings.Contains(body, q.Prompt) || strings.Contains(body, f.qs[0][2].Prompt) {
		t.Errorf("bulk export = %d %q: %s", code, h.Get("Content-Disposition"), truncate(body, 300))
	}
	// Another article's question is refused.
	other := f.qs[1][0]
	if code, _, _ := c.post(fmt.Sprintf("/articles/%d/bulk", a), url.Values{"id": {fmt.Sprint(other.ID)}, "action": {"delete"}}); code != http.StatusNotFound {
		t.Errorf("bulk delete of another article's question = %d, want 404", code)
	}
	if _, err := f.store.Question(t.Context(), other.ID); err != nil {
		t.Errorf("the other article's question is gone: %v", err)
	}
}

func TestNiceCeil(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{{0, 4}, {3, 4}, {5, 8}, {9, 20}, {30, 40}, {41, 80}, {130, 200}, {1000, 1000}} {
		if got := niceCeil(tt.in); got != tt.want {
			t.Errorf("niceCeil(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTextPart(t *testing.T) {
	para := strings.Repeat("x", 6<<10)
	long := strings.Repeat("y", 20<<10)
	paras := []string{para, para, para, long, para}
	tests := []struct {
		n                       int
		want                    textRange
		parts, from, to, wantTo int
	}{
		{n: 1, want: textRange{N: 1, First: 0, End: 2}, parts: 4, from: 0},
		{n: 2, want: textRange{N: 2, First: 2, End: 3}, parts: 4},
		{n: 3, want: textRange{N: 3, First: 3, End: 4}, parts: 4},
		{n: 9, want: textRange{N: 4, First: 4, End: 5}, parts: 4},
		{n: 0, want: textRange{N: 1, First: 0, End: 2}, parts: 4},
	}
	body := strings.Join(paras, "\n\n")
	for _, tt := range tests {
		got, parts, from, to := textPart(paras, tt.n)
		if got != tt.want || parts != tt.parts {
			t.Errorf("textPart(%d) = %+v of %d, want %+v of %d", tt.n, got, parts, tt.want, tt.parts)
			continue
		}
		if !strings.HasPrefix(body[from:], paras[got.First]) || (got.End < len(paras) && !strings.HasPrefix(body[to:], paras[got.End])) {
			t.Errorf("textPart(%d) byte range [%d, %d) does not start at its paragraphs", tt.n, from, to)
		}
	}
	if got, parts, _, _ := textPart(nil, 1); parts != 1 || got.End != 0 {
		t.Errorf("textPart(nil) = %+v of %d", got, parts)
	}
}

func TestBackTo(t *testing.T) {
	for in, want := range map[string]string{
		"/cards?q=storm&page=2": "/cards?q=storm&page=2",
		"/study/3":              "/study/3",
		"https://evil.example/": "",
		"//evil.example/cards":  "",
		"/articles/3":           "",
		"/cards\r\nSet-Cookie:": "",
		"":                      "",
	} {
		if got := backTo(in); got != want {
			t.Errorf("backTo(%q) = %q, want %q", in, got, want)
		}
	}
}
