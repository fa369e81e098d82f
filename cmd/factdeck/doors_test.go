package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"
	"factdeck/store"
	"factdeck/web"
)

// questionsOf returns an article's questions as comparable lines: type,
// prompt, answer and options.
func questionsOf(t *testing.T, db string, hash string) []string {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := st.ArticleByHash(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := st.Questions(ctx, store.QuestionFilter{ArticleID: a.ID, WithReserve: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range qs {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%v", q.Type, q.Prompt, q.Answer, strings.Join(q.Options, "/"), q.Reserve))
	}
	slices.Sort(out)
	return out
}

// TestSameQuestionsWhicheverDoor ingests the same article into the same
// library (the seeds) by the CLI, by the web's upload and by regeneration:
// the questions are the same.
func TestSameQuestionsWhicheverDoor(t *testing.T) {
	ctx := context.Background()
	file := "testdata/harbour.txt"
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// Door 1: the CLI, after the seeds.
	cli := filepath.Join(t.TempDir(), "cli.db")
	if code, out, errOut := runCmd(t, "ingest", "-q", "-db", cli, seedDir(t)); code != 0 {
		t.Fatalf("ingest seeds = %d %s %s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "ingest", "-q", "-db", cli, file); code != 0 || !strings.Contains(out, "ingested 1") {
		t.Fatalf("ingest %s = %d %s %s", file, code, out, errOut)
	}
	// Door 2: first-run seeding, then the web's upload.
	webDB := filepath.Join(t.TempDir(), "web.db")
	st, err := store.Open(ctx, webDB)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := seed(ctx, st, p, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: st, Pipeline: p, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	// The JSON API, with the page's first line typed in as the title.
	title, text, _ := strings.Cut(string(raw), "\n")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	resp, err := http.Post("http://"+ln.Addr().String()+"/api/v1/articles", "application/json",
		strings.NewReader(fmt.Sprintf(`{"title":%q,"text":%q,"source":"harbour.txt"}`, title, text)))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("web add = %d %s", resp.StatusCode, b)
	}
	_ = srv.Shutdown(ctx)
	st.Close()
	a, err := pipelineArticle(p, raw, file)
	if err != nil {
		t.Fatal(err)
	}
	fromCLI := questionsOf(t, cli, a.Hash)
	fromWeb := questionsOf(t, webDB, a.Hash)
	// Door 3: regeneration of the article in the CLI's library.
	st, err = store.Open(ctx, cli)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := st.ArticleByHash(ctx, a.Hash)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "regenerate", "-db", cli, "-article", fmt.Sprint(stored.ID)); code != 0 {
		t.Fatalf("regenerate = %d %s %s", code, out, errOut)
	}
	fromRegen := questionsOf(t, cli, a.Hash)
	if len(fromCLI) == 0 {
		t.Fatal("the CLI made no questions")
	}
	for name, got := range map[string][]string{"web": fromWeb, "regenerate": fromRegen} {
		if !slices.Equal(got, fromCLI) {
			t.Errorf("%s made %d questions, the CLI %d; first difference:\n%s", name, len(got), len(fromCLI), firstDiff(got, fromCLI))
		}
	}
}

// pipelineArticle cleans raw as the pipeline does, for its hash.
func pipelineArticle(p *pipeline.Pipeline, raw []byte, source string) (quiz.Article, error) {
	out, err := p.Batch(context.Background(), []pipeline.Document{{Raw: raw, Source: source}}, emptyPool{}, pipeline.Options{})
	if err != nil {
		return quiz.Article{}, err
	}
	return out[0].Article, out[0].Err
}

type emptyPool struct{}

func (emptyPool) Known(context.Context, []string) (map[string]int64, error) { return nil, nil }
func (emptyPool) PoolFacts(context.Context, int, []int64) ([]quiz.Fact, error) {
	return nil, nil
}
func (emptyPool) Related(context.Context, []string, []string, []int64, int) ([]quiz.Article, map[int64][]string, []quiz.Fact, error) {
	return nil, nil, nil, nil
}

func firstDiff(a, b []string) string {
	for i := range max(len(a), len(b)) {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return "  " + x + "\n  " + y
		}
	}
	return ""
}
