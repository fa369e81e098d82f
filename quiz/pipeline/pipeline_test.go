package pipeline_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"factdeck/quiz"
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

// pages returns the seed articles and, when present beside the repository,
// the real pages of shared/eval/news.
func pages(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob("../../seeds/*.txt")
	news, _ := filepath.Glob("../../../shared/eval/news/*.txt")
	return append(files, news...)
}

func TestProcess(t *testing.T) {
	ctx := context.Background()
	p := newPipeline(t)
	files := pages(t)
	if len(files) < 5 {
		t.Fatalf("found %d pages, want at least the 5 seeds", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r, err := p.Process(ctx, pipeline.Document{Raw: raw, Source: f}, nil)
			if err != nil {
				t.Fatalf("Process: %v", err)
			}
			if r.Article.Title == "" || r.Article.Hash == "" || r.Article.Source != f {
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
				if !q.Type.Valid() || q.Prompt == "" || q.Answer == "" {
					t.Errorf("malformed question %+v", q)
				}
				if q.FactID != 0 && !ids[q.FactID] {
					t.Errorf("question %q names unknown fact %d", q.Prompt, q.FactID)
				}
			}
		})
	}
}

func TestProcessBadInput(t *testing.T) {
	p := newPipeline(t)
	for _, raw := range [][]byte{nil, []byte("\x00\x01\x02"), []byte("News\n")} {
		_, err := p.Process(context.Background(), pipeline.Document{Raw: raw, Source: "x.txt"}, nil)
		if !errors.Is(err, quiz.ErrEmpty) && !errors.Is(err, quiz.ErrInvalid) {
			t.Errorf("Process(%q) error = %v, want ErrEmpty or ErrInvalid", raw, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Process(ctx, pipeline.Document{Raw: []byte("Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday."), Source: "x.txt"}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Process(cancelled) error = %v, want context.Canceled", err)
	}
}

func BenchmarkProcess(b *testing.B) {
	p := newPipeline(b)
	var raws [][]byte
	size := 0
	for _, f := range pages(b) {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, raw := range raws {
			if _, err := p.Process(context.Background(), pipeline.Document{Raw: raw, Source: "p" + string(rune('a'+i))}, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
