package pipeline_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/merge"
	"factdeck/quiz/pipeline"
)

func newPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p
}

// memPool is a Pool of articles held in memory, standing in for the store.
type memPool struct {
	articles []quiz.Article
	facts    []quiz.Fact
}

func (m *memPool) Known(_ context.Context, hashes []string) (map[string]int64, error) {
	out := map[string]int64{}
	for _, a := range m.articles {
		if slices.Contains(hashes, a.Hash) {
			out[a.Hash] = a.ID
		}
	}
	return out, nil
}

func (m *memPool) PoolFacts(_ context.Context, limit int, exclude []int64) ([]quiz.Fact, error) {
	var out []quiz.Fact
	for i := len(m.facts) - 1; i >= 0 && len(out) < limit; i-- {
		if !slices.Contains(exclude, m.facts[i].ArticleID) {
			out = append(out, m.facts[i])
		}
	}
	return out, nil
}

func (m *memPool) Related(_ context.Context, entities, keys []string, exclude []int64, limit int) ([]quiz.Article, map[int64][]string, []quiz.Fact, error) {
	var arts []quiz.Article
	ents := map[int64][]string{}
	var facts []quiz.Fact
	for _, a := range m.articles {
		var fs []quiz.Fact
		for _, f := range m.facts {
			if f.ArticleID == a.ID {
				fs = append(fs, f)
			}
		}
		es := merge.Entities(fs)
		shared := 0
		for _, e := range es {
			if slices.Contains(entities, e) {
				shared++
			}
		}
		if shared >= 2 && !slices.Contains(exclude, a.ID) && len(arts) < limit {
			arts = append(arts, a)
			ents[a.ID] = es
			for _, f := range fs {
				if slices.Contains(keys, f.Key) {
					facts = append(facts, f)
				}
			}
		}
	}
	return arts, ents, facts, nil
}

// store keeps a batch's articles as a store would: new IDs for articles
// and facts.
func (m *memPool) store(items []quiz.Ingested) {
	for _, r := range items {
		if r.Err != nil {
			continue
		}
		a := r.Article
		a.ID = int64(len(m.articles) + 1)
		m.articles = append(m.articles, a)
		for _, f := range r.Facts {
			f.ArticleID = a.ID
			f.ID = int64(len(m.facts) + 1)
			m.facts = append(m.facts, f)
		}
	}
}

// pages returns the seed articles and, when present beside the repository,
// the real pages of shared/eval/news.
func pages(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob("../../seeds/*.txt")
	news, _ := filepath.Glob("../../../shared/eval/news/*.txt")
	return append(files, news...)
}

func readDocs(t testing.TB, files []string) []pipeline.Document {
	t.Helper()
	docs := make([]pipeline.Document, len(files))
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[i] = pipeline.Document{Raw: raw, Source: f}
	}
	return docs
}

func TestBatch(t *testing.T) {
	ctx := context.Background()
	p := newPipeline(t)
	files := pages(t)
	if len(files) < 5 {
		t.Fatalf("found %d pages, want at least the 5 seeds", len(files))
	}
	out, err := p.Batch(ctx, readDocs(t, files), &memPool{}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range out {
		t.Run(filepath.Base(files[i]), func(t *testing.T) {
			if r.Err != nil {
				t.Fatalf("Batch: %v", r.Err)
			}
			if r.Article.Title == "" || r.Article.Hash == "" || r.Article.Source != files[i] {
				t.Errorf("article = title %q hash %q source %q", r.Article.Title, r.Article.Hash, r.Article.Source)
			}
			if len(r.Facts) == 0 || len(r.Questions) == 0 {
				t.Errorf("%d facts and %d questions, want some of each", len(r.Facts), len(r.Questions))
			}
			ids := map[int64]bool{}
			for i, fct := range r.Facts {
				if fct.ID != int64(i+1) || ids[fct.ID] {
					t.Errorf("fact %d has provisional ID %d, want %d", i, fct.ID, i+1)
				}
				ids[fct.ID] = true
			}
			for _, q := range r.Questions {
				if err := q.Validate(); err != nil {
					t.Errorf("malformed question %+v: %v", q, err)
				}
				if q.FactID != 0 && !ids[q.FactID] {
					t.Errorf("question %q names unknown fact %d", q.Prompt, q.FactID)
				}
			}
			for _, l := range r.Conflicts {
				if !ids[l.Fact] || l.Other != 0 || l.Sibling >= i {
					t.Errorf("conflict %+v: want a fact of this article and an earlier one of the batch", l)
				}
			}
		})
	}
}

// TestBatchSameStory checks the merge in production: the seed articles
// about one round of talks disagree on its days, and the conflict is found
// whether the other article is stored or earlier in the batch, while
// articles about other stories are never compared.
func TestBatchSameStory(t *testing.T) {
	ctx := context.Background()
	p := newPipeline(t)
	files, _ := filepath.Glob("../../seeds/*.txt")
	docs := readDocs(t, files)
	together, err := p.Batch(ctx, docs, &memPool{}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pool := &memPool{}
	var apart []quiz.Ingested
	for _, d := range docs {
		out, err := p.Batch(ctx, []pipeline.Document{d}, pool, pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		pool.store(out)
		apart = append(apart, out...)
	}
	count := func(items []quiz.Ingested) (n int, days bool) {
		for _, r := range items {
			for _, l := range r.Conflicts {
				n++
				var f quiz.Fact
				for _, g := range r.Facts {
					if g.ID == l.Fact {
						f = g
					}
				}
				if f.Relation == quiz.RelTime && strings.Contains(f.Key, "talks") {
					days = true
				}
			}
		}
		return n, days
	}
	n1, days1 := count(together)
	n2, days2 := count(apart)
	t.Logf("seed conflicts: %d in one batch, %d one by one", n1, n2)
	if !days1 || !days2 {
		t.Errorf("the talks' days are not in conflict (batch %v, one by one %v)", days1, days2)
	}
	if n1 != n2 {
		t.Errorf("conflicts in one batch = %d, one by one = %d: want the same whichever way", n1, n2)
	}
}

func TestBatchBadInput(t *testing.T) {
	p := newPipeline(t)
	docs := []pipeline.Document{{Source: "empty.txt"}, {Raw: []byte("\x00\x01\x02"), Source: "bin.txt"}, {Raw: []byte("News\n"), Source: "short.txt"},
		{Raw: []byte("Harbour Bridge Reopens\n\nThe harbour bridge in Lakeview reopened on Monday after repairs."), Source: "ok.txt"},
		{Raw: []byte("Harbour Bridge Reopens\n\nThe harbour bridge in Lakeview reopened on Monday after repairs."), Source: "again.txt"}}
	out, err := p.Batch(context.Background(), docs, &memPool{}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range out[:3] {
		if !errors.Is(r.Err, quiz.ErrEmpty) && !errors.Is(r.Err, quiz.ErrInvalid) {
			t.Errorf("Batch(%q) error = %v, want ErrEmpty or ErrInvalid", docs[i].Raw, r.Err)
		}
	}
	if out[3].Err != nil || !errors.Is(out[4].Err, quiz.ErrDuplicate) {
		t.Errorf("good article: %v; its repeat: %v, want ErrDuplicate", out[3].Err, out[4].Err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Batch(ctx, docs[3:4], &memPool{}, pipeline.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Batch(cancelled) error = %v, want context.Canceled", err)
	}
}

func BenchmarkBatch(b *testing.B) {
	p := newPipeline(b)
	docs := readDocs(b, pages(b))
	size := 0
	for _, d := range docs {
		size += len(d.Raw)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Batch(context.Background(), docs, &memPool{}, pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProcess measures ingest as it runs: every stage (clean, syntax,
// extract, generate) over the seed and news articles, with a distractor
// pool of 5,000 stored facts. Run it on one core for the per-core figure:
//
//	go test ./quiz/pipeline -run '^$' -bench BenchmarkProcess -cpu 1
func BenchmarkProcess(b *testing.B) {
	p := newPipeline(b)
	docs := readDocs(b, pages(b))
	first, err := p.Batch(context.Background(), docs, &memPool{}, pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var facts []quiz.Fact
	for _, r := range first {
		facts = append(facts, r.Facts...)
	}
	if len(facts) == 0 {
		b.Fatal("no facts to fill the pool with")
	}
	// 5,000 stored facts from 100 earlier articles.
	pool := &memPool{}
	for len(pool.facts) < 5000 {
		f := facts[len(pool.facts)%len(facts)]
		f.ArticleID = int64(1000 + len(pool.facts)/50)
		pool.facts = append(pool.facts, f)
	}
	size := 0
	for _, d := range docs {
		size += len(d.Raw)
	}
	b.SetBytes(int64(size))
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		if _, err := p.Batch(context.Background(), docs, pool, pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n*len(docs))/b.Elapsed().Seconds(), "articles/s")
	// On a machine shared with other work, wall-clock time says little:
	// the CPU time the process spent is the cost per article.
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(n*len(docs))/cpu, "articles/cpu-s")
		b.ReportMetric(float64(n*size)/cpu/1e6, "MB/cpu-s")
	}
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
