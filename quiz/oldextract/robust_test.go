package oldextract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/clean"
)

// TestEvalNews runs the whole chain on real articles from many sites: no
// panic, a sane number of facts, and every fact well formed.
func TestEvalNews(t *testing.T) {
	dir := filepath.Join(filepath.Dir(moduleRoot(t)), "..", "shared", "eval", "news")
	if _, err := os.Stat(dir); err != nil {
		dir = "/work/shared/eval/news"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no eval articles in %s", dir)
	}
	ex := New(mustModel(t))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := clean.Article(raw, filepath.Base(f))
			if err != nil {
				t.Skipf("clean.Article = %v", err)
			}
			facts := ex.Facts(a)
			words := len(strings.Fields(a.Body()))
			t.Logf("%d words, %d facts", words, len(facts))
			if words > 150 && len(facts) < 5 {
				t.Errorf("Facts(%s) = %d facts for %d words, want >= 5", f, len(facts), words)
			}
			if len(facts) > words/2+20 {
				t.Errorf("Facts(%s) = %d facts for %d words, want <= %d", f, len(facts), words, words/2+20)
			}
			checkInvariants(t, a, facts)
		})
	}
}

// TestBadInput feeds degenerate text: no panic, few or no facts.
func TestBadInput(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 1<<16)
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	tests := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"spaces", "   \n\n  \t"},
		{"no sentence end", "the talks went on and on without any end in sight and nobody stopped them"},
		{"repeated word", strings.Repeat("buffalo ", 5<<20/8)},
		{"repeated capital", strings.Repeat("Buffalo ", 1<<17)},
		{"random bytes", string(random)},
		{"html", `<html><head><script>var x = "1,000";</script></head><body><p class="a">President <b>Jane Doe</b> said "hi" on Monday.</p><div>$5 million &amp; 20% of 3 cats</div></body></html>`},
		{"only punctuation", strings.Repeat(".,;“”\"'$%", 1000)},
		{"numbers", strings.Repeat("1 2 3 4,5 6.7 $8 9% ", 2000)},
		{"unclosed quote", "“He said this would never end, said Jane Doe"},
	}
	ex := New(mustModel(t))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := quiz.Article{Paragraphs: strings.Split(tt.text, "\n\n"), Source: "bad"}
			facts := ex.Facts(a)
			checkInvariants(t, a, facts)
		})
	}
}

func FuzzFacts(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/articles/*.txt")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err == nil {
			f.Add(string(b))
		}
	}
	f.Add("")
	f.Add("“")
	f.Add("Mr. A. B. C.")
	f.Add("$ 5 percent 66-year-old the-50-day within the next")
	ex := New(mustModel(f))
	f.Fuzz(func(t *testing.T, text string) {
		a := quiz.Article{Paragraphs: strings.Split(text, "\n\n"), Source: "fuzz"}
		facts := ex.Facts(a)
		body := a.Body()
		for _, fc := range facts {
			if fc.Start < 0 || fc.End > len(body) || fc.Start > fc.End || body[fc.Start:fc.End] != fc.Sentence {
				t.Fatalf("fact %q/%q: Sentence is not Body()[%d:%d]", fc.Subject, fc.Object, fc.Start, fc.End)
			}
			if fc.SpanStart >= 0 && (fc.SpanStart >= fc.SpanEnd || fc.SpanEnd > len(fc.Sentence)) {
				t.Fatalf("fact %q/%q: span %d:%d outside sentence of %d bytes", fc.Subject, fc.Object, fc.SpanStart, fc.SpanEnd, len(fc.Sentence))
			}
		}
	})
}
