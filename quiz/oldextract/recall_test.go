package oldextract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"factdeck/quiz"
	"factdeck/quiz/clean"
	"factdeck/quiz/ner"
)

// moduleRoot walks up from the package directory to the folder with go.mod.
func moduleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the package")
		}
		dir = parent
	}
}

// mustModel loads the NER model.
func mustModel(tb testing.TB) *ner.Model {
	tb.Helper()
	m, err := ner.Load()
	if err != nil {
		tb.Fatalf("ner.Load() = %v", err)
	}
	return m
}

// seedArticles returns the cleaned seed articles by file name.
func seedArticles(tb testing.TB) map[string]quiz.Article {
	tb.Helper()
	dir := filepath.Join(moduleRoot(tb), "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed articles in %s: %v", dir, err)
	}
	out := map[string]quiz.Article{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		a, err := clean.Article(raw, "seeds/"+filepath.Base(f))
		if err != nil {
			tb.Fatalf("clean.Article(%s) = %v", f, err)
		}
		out[filepath.Base(f)] = a
	}
	return out
}

type goldItem struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Articles []string `json:"articles"`
	Question string   `json:"question"`
	Answers  []string `json:"answers"`
}

var goldNumbers = map[string]string{
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
	"forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
	"hundred": "100", "seventy-one": "71", "forty-five": "45",
}

// goldNorm is the matching of seeds-gold.json: case, punctuation, leading
// articles and spacing ignored, number words equal to digits.
func goldNorm(s string) string {
	s = strings.ToLower(s)
	var words []string
	for _, w := range strings.Fields(s) {
		if d, ok := goldNumbers[strings.Trim(w, ".,;:!?\"“”")]; ok {
			w = d
		}
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			if r == '-' {
				return ' '
			}
			return -1
		}, w)
		words = append(words, strings.Fields(w)...)
	}
	for len(words) > 0 && (words[0] == "the" || words[0] == "a" || words[0] == "an") {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

func TestSeedRecall(t *testing.T) {
	recall := seedRecall(t, New(mustModel(t)))
	if recall < 0.9 {
		t.Errorf("seed recall = %.3f, want >= 0.90", recall)
	}
}

// TestSeedRecallNoModel checks that extraction degrades gracefully without
// the NER model: lexicons and patterns alone still find most answers.
func TestSeedRecallNoModel(t *testing.T) {
	recall := seedRecall(t, New(nil))
	if recall < 0.8 {
		t.Errorf("seed recall without a model = %.3f, want >= 0.80", recall)
	}
}

// seedRecall runs ex over the seeds and returns the share of gold items
// whose answer is the subject or object of a fact from a listed article.
func seedRecall(t *testing.T, ex *Extractor) float64 {
	t.Helper()
	root := moduleRoot(t)
	raw, err := os.ReadFile(filepath.Join(root, "testdata", "seeds-gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Items []goldItem `json:"items"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("parse seeds-gold.json: %v", err)
	}
	arts := seedArticles(t)
	facts := map[string][]quiz.Fact{}
	for name, a := range arts {
		facts[name] = ex.Facts(a)
	}
	hit := 0
	for _, it := range gold.Items {
		found := ""
	search:
		for _, name := range it.Articles {
			for _, f := range facts[name] {
				for _, ans := range it.Answers {
					g := goldNorm(ans)
					if goldNorm(f.Object) == g || goldNorm(f.Subject) == g {
						found = f.Relation + ": " + f.Subject + " / " + f.Object
						break search
					}
				}
			}
		}
		if found != "" {
			hit++
			t.Logf("hit  %-24s %s", it.ID, found)
		} else {
			t.Logf("MISS %-24s %q answers %q", it.ID, it.Question, it.Answers)
		}
	}
	recall := float64(hit) / float64(len(gold.Items))
	t.Logf("seed recall: %d/%d = %.1f%%", hit, len(gold.Items), 100*recall)
	return recall
}

// TestConcurrent checks that one Extractor gives the same facts when used
// from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	ex := New(mustModel(t))
	arts := seedArticles(t)
	want := map[string]int{}
	for name, a := range arts {
		want[name] = len(ex.Facts(a))
	}
	errs := make(chan string, 4*len(arts))
	done := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func() {
			for name, a := range arts {
				if got := len(ex.Facts(a)); got != want[name] {
					errs <- name
				}
			}
			done <- struct{}{}
		}()
	}
	for w := 0; w < 4; w++ {
		<-done
	}
	close(errs)
	for name := range errs {
		t.Errorf("concurrent Facts(%s) differs from sequential", name)
	}
}
