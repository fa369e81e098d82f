package pipeline_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"
)

var dumpQuestions = flag.String("dump", "", "write every generated question of the recall tests as JSON to this file")

// goldFile is the format of seeds-gold.json and news-gold.json.
type goldFile struct {
	Items []struct {
		ID       string   `json:"id"`
		Articles []string `json:"articles"`
		Question string   `json:"question"`
		Answers  []string `json:"answers"`
	} `json:"items"`
}

var goldNumberWords = map[string]string{
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20",
	"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "hundred": "100",
	"first": "1st", "second": "2nd", "third": "3rd",
}

var goldNonWord = regexp.MustCompile(`[^\p{L}\p{N}\s-]+`)

// goldNorm applies the matching rules of shared/eval/README.md: case,
// punctuation, leading articles and white space ignored; number words equal
// digits.
func goldNorm(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.ReplaceAll(s, "'s ", " ")
	s = goldNonWord.ReplaceAllString(s, " ")
	f := strings.Fields(s)
	for len(f) > 0 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	for i, w := range f {
		if d, ok := goldNumberWords[w]; ok {
			f[i] = d
		}
	}
	return strings.Join(f, " ")
}

// sharedDir finds ../shared beside the module root, or skips (fails under
// CI=true) when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	p, err := filepath.Abs("../../../shared")
	if err == nil {
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("../shared (the evaluation data beside the checkout) not found: %v", err)
	}
	t.Skipf("../shared (the evaluation data beside the checkout) not found: %v", err)
	return ""
}

type recallRun struct {
	name  string
	gold  string
	files []string
	floor float64
}

// TestAnswerRecall processes the seeds and the news articles as ingest does
// (each article with the facts of those before it as the pool) and
// measures answer recall on the gold files: the share of items for which a
// multiple_choice, cloze or short_answer question from one of the item's
// articles has an accepted answer. Every question counts, reserve
// included, as every question is stored and exported; the share found by
// the default decks alone is reported beside it.
func TestAnswerRecall(t *testing.T) {
	shared := sharedDir(t)
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	news, _ := filepath.Glob(filepath.Join(shared, "eval", "news", "*.txt"))
	runs := []recallRun{
		{"seeds", filepath.Join(shared, "eval", "seeds-gold.json"), seeds, 0.95},
		{"news", filepath.Join(shared, "eval", "news-gold.json"), news, 0.85},
	}
	p := newPipeline(t)
	var dump []map[string]any
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			raw, err := os.ReadFile(run.gold)
			if err != nil {
				t.Fatal(err)
			}
			var g goldFile
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatal(err)
			}
			answers := map[string]map[string]bool{}
			deckAnswers := map[string]map[string]bool{}
			served, reserve := 0, 0
			out, err := p.Batch(context.Background(), readDocs(t, run.files), &memPool{}, pipeline.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range out {
				f := run.files[i]
				if r.Err != nil {
					t.Fatalf("%s: %v", f, r.Err)
				}
				base := filepath.Base(f)
				answers[base] = map[string]bool{}
				deckAnswers[base] = map[string]bool{}
				for _, q := range r.Questions {
					if q.Reserve {
						reserve++
					} else {
						served++
					}
					dump = append(dump, map[string]any{"article": base, "type": q.Type, "prompt": q.Prompt, "answer": q.Answer, "options": q.Options, "template": q.Template, "sentence": q.Sentence, "score": q.Score, "reserve": q.Reserve})
					if q.Type != quiz.TrueFalse {
						answers[base][goldNorm(q.Answer)] = true
						if !q.Reserve {
							deckAnswers[base][goldNorm(q.Answer)] = true
						}
					}
				}
			}
			hit, deckHit := 0, 0
			var misses []string
			for _, it := range g.Items {
				found, inDeck := false, false
				for _, f := range it.Articles {
					for _, a := range it.Answers {
						found = found || answers[f][goldNorm(a)]
						inDeck = inDeck || deckAnswers[f][goldNorm(a)]
					}
				}
				if inDeck {
					deckHit++
				}
				if found {
					hit++
				} else {
					misses = append(misses, it.ID+": "+it.Question+" "+strings.Join(it.Answers, " | "))
				}
			}
			sort.Strings(misses)
			for _, m := range misses {
				t.Logf("miss %s", m)
			}
			recall := float64(hit) / float64(len(g.Items))
			t.Logf("answer recall on %s: %d/%d = %.1f%% over all %d questions (%d in default decks, %d in reserve, %d articles); default decks alone: %d/%d = %.1f%%",
				run.name, hit, len(g.Items), 100*recall, served+reserve, served, reserve, len(run.files), deckHit, len(g.Items), 100*float64(deckHit)/float64(len(g.Items)))
			if recall < run.floor {
				t.Errorf("answer recall on %s = %.1f%%, want at least %.0f%%", run.name, 100*recall, 100*run.floor)
			}
		})
	}
	if *dumpQuestions != "" {
		b, _ := json.MarshalIndent(dump, "", " ")
		if err := os.WriteFile(*dumpQuestions, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
