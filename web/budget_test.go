package web

// The page budget: with the seeds, the 18 news articles of
// ../shared/eval/news and one article of nearly 300 KB of text stored (the
// most accepted), and a learner with history, no page is over 200 KB.
// TestPageBudget checks the sizes and logs each page's server time;
// BenchmarkPageBudget measures the times (timing is never asserted).

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"
	"factdeck/seeds"
	"factdeck/store"

	"github.com/valyala/fasthttp"
)

// pageBudget is the largest page allowed, in bytes.
const pageBudget = 200 << 10

// budgetLibrary stores the seeds, the news articles and one long article
// through the real pipeline, and returns the server with a learner's
// client and the pages to check.
func budgetLibrary(tb testing.TB) (*fixture, *client, []string) {
	tb.Helper()
	news, _ := filepath.Glob("../../shared/eval/news/*.txt")
	if len(news) < 18 {
		tb.Skip("../shared/eval/news is not beside the checkout")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(tb.TempDir(), "budget.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = st.Close() })
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		tb.Fatal(err)
	}
	var docs []pipeline.Document
	seedFiles, _ := fs.Glob(seeds.FS(), "*.txt")
	for _, name := range seedFiles {
		b, _ := fs.ReadFile(seeds.FS(), name)
		docs = append(docs, pipeline.Document{Raw: b, Source: "seeds/" + name})
	}
	var long strings.Builder
	for _, name := range news {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, pipeline.Document{Raw: b, Source: name})
	}
	// The long article: the news paragraphs, numbered so that none repeats,
	// up to just under the limit.
	n := 0
	for long.Len() < quiz.MaxText-4<<10 {
		for _, name := range news {
			b, _ := os.ReadFile(name)
			for _, para := range strings.Split(string(b), "\n\n") {
				para = strings.TrimSpace(para)
				if len(para) < 80 || long.Len()+len(para) > quiz.MaxText-4<<10 {
					continue
				}
				n++
				fmt.Fprintf(&long, "In dispatch %d, %s\n\n", n, para)
			}
		}
	}
	docs = append(docs, pipeline.Document{Title: "The long digest", Raw: []byte(long.String()), Source: "/srv/articles/digest.txt"})
	items, err := p.Batch(ctx, docs, st, pipeline.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	saved, err := st.Save(ctx, items, false)
	if err != nil {
		tb.Fatal(err)
	}
	var arts []int64
	for i, sv := range saved {
		if sv.Err != nil {
			tb.Fatalf("%s: %v", docs[i].Source, sv.Err)
		}
		arts = append(arts, sv.Article.ID)
	}
	srv, err := New(Config{Store: st, Pipeline: p, Open: true}) // a personal install: every page a teacher sees
	if err != nil {
		tb.Fatal(err)
	}
	f := &fixture{srv: srv, store: st}
	c := f.client(tb)
	big := arts[len(arts)-1]
	// A learner with history: cards rated, a quiz finished and one begun.
	for range 12 {
		_, body, _ := c.get("/study/all")
		m := regexp.MustCompile(`name="question" value="(\d+)"`).FindStringSubmatch(body)
		if m == nil {
			break
		}
		c.postRedirect("/study/all", url.Values{"question": {m[1]}, "rating": {"3"}})
	}
	done := startQuizTB(tb, c, url.Values{"deck": {"all"}, "count": {"5"}})
	sess, err := st.QuizSession(ctx, done)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range sess.QuestionIDs {
		c.post(fmt.Sprintf("/quiz/%d/q/%d", done, i+1), url.Values{"answer": {"Nobody"}})
		c.post(fmt.Sprintf("/quiz/%d/q/%d", done, i+1), url.Values{"answer": {"Nobody"}})
	}
	open := startQuizTB(tb, c, url.Values{"deck": {fmt.Sprint(big)}, "count": {"20"}})
	qs, err := st.Questions(ctx, store.QuestionFilter{ArticleID: big, Limit: 1})
	if err != nil || len(qs) == 0 {
		tb.Fatalf("the long article has no questions: %v", err)
	}
	pages := []string{"/", "/decks", "/quiz", "/articles/new", "/study/all", fmt.Sprintf("/study/%d", big),
		"/cards", "/cards?page=2", fmt.Sprintf("/cards?deck=%d", big), "/cards?q=the", "/stats",
		fmt.Sprintf("/decks/%d", big), fmt.Sprintf("/articles/%d?reserve=1", big), fmt.Sprintf("/articles/%d?conflicts=all", big),
		fmt.Sprintf("/articles/%d?part=2", big), fmt.Sprintf("/articles/%d?part=99", big),
		fmt.Sprintf("/articles/%d/edit", big), fmt.Sprintf("/articles/%d/questions/new", big),
		fmt.Sprintf("/questions/%d/edit", qs[0].ID), fmt.Sprintf("/quiz/%d/q/1", open), fmt.Sprintf("/quiz/%d/result", done),
		"/api/v1/articles", "/api/v1/decks", fmt.Sprintf("/api/v1/quizzes/%d", open)}
	for _, id := range arts {
		pages = append(pages, fmt.Sprintf("/articles/%d", id))
	}
	return f, c, pages
}

// serve answers one GET without the network and returns the body's size
// and the time taken.
func serve(tb testing.TB, h fasthttp.RequestHandler, cookie, path string) (int, time.Duration) {
	var ctx fasthttp.RequestCtx
	ctx.Request.SetRequestURI(path)
	ctx.Request.Header.Set("Cookie", cookie)
	ctx.Request.Header.Set("Accept", "text/html")
	start := time.Now()
	h(&ctx)
	d := time.Since(start)
	if code := ctx.Response.StatusCode(); code != 200 {
		tb.Fatalf("GET %s = %d: %.300s", path, code, ctx.Response.Body())
	}
	return len(ctx.Response.Body()), d
}

func TestPageBudget(t *testing.T) {
	if testing.Short() || raceEnabled {
		// The pipeline takes minutes under the race detector; the sizes do
		// not depend on it.
		t.Skip("ingests 24 articles: run go test ./web -run TestPageBudget -v without -race or -short")
	}
	f, c, pages := budgetLibrary(t)
	h := f.srv.app.Handler()
	cookie := learnerCookie + "=" + c.cookies[learnerCookie] + "; " + csrfCookie + "=" + c.csrf()
	type row struct {
		path string
		size int
		d    time.Duration
	}
	var rows []row
	for _, p := range pages {
		size, _ := serve(t, h, cookie, p)
		var ds []time.Duration
		for range 5 {
			_, d := serve(t, h, cookie, p)
			ds = append(ds, d)
		}
		slices.Sort(ds)
		rows = append(rows, row{p, size, ds[len(ds)/2]})
		if size > pageBudget {
			t.Errorf("GET %s is %d KB, over the budget of %d KB", p, size>>10, pageBudget>>10)
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return b.size - a.size })
	t.Logf("largest page: %s, %.1f KB", rows[0].path, float64(rows[0].size)/1024)
	slices.SortFunc(rows, func(a, b row) int { return int(b.d - a.d) })
	t.Logf("slowest page (median of 5): %s, %v", rows[0].path, rows[0].d.Round(10*time.Microsecond))
	for _, r := range rows {
		t.Logf("%-40s %7.1f KB %8v", r.path, float64(r.size)/1024, r.d.Round(10*time.Microsecond))
	}
}

// BenchmarkPageBudget serves each page of the budget library.
func BenchmarkPageBudget(b *testing.B) {
	f, c, pages := budgetLibrary(b)
	h := f.srv.app.Handler()
	cookie := learnerCookie + "=" + c.cookies[learnerCookie] + "; " + csrfCookie + "=" + c.csrf()
	for _, p := range pages {
		b.Run(strings.ReplaceAll(p, "/", "_"), func(b *testing.B) {
			var size int
			for b.Loop() {
				size, _ = serve(b, h, cookie, p)
			}
			b.ReportMetric(float64(size)/1024, "KB")
		})
	}
}
