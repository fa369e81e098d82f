package oldgenerate

// This file runs the real chain (clean, extract, generate) over the seed
// articles and checks the questions: multiple choice properties over every
// question, and answer recall against the hand-checked gold list.

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"sort"
	"sync"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/clean"
	"factdeck/quiz/ner"
	extract "factdeck/quiz/oldextract"
	"factdeck/seeds"
)

type seedArticle struct {
	name    string
	article quiz.Article
	facts   []quiz.Fact
}

// seedChain caches the cleaned seeds and their facts: the model loads once.
var seedChain = sync.OnceValues(func() ([]seedArticle, error) {
	m, err := ner.Load()
	if err != nil {
		return nil, err
	}
	x := extract.New(m)
	names, err := fs.Glob(seeds.FS(), "*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []seedArticle
	for i, n := range names {
		raw, err := fs.ReadFile(seeds.FS(), n)
		if err != nil {
			return nil, err
		}
		a, err := clean.Article(raw, "seeds/"+n)
		if err != nil {
			return nil, err
		}
		a.ID = int64(i + 1)
		facts := x.Facts(a)
		for k := range facts {
			facts[k].ID = int64((i+1)*1000 + k + 1)
			facts[k].ArticleID = a.ID
		}
		out = append(out, seedArticle{n, a, facts})
	}
	return out, nil
})

// seedQuestions generates every seed article's questions with the other
// seeds' facts as the pool.
func seedQuestions(tb testing.TB, g *Generator) map[string][]quiz.Question {
	tb.Helper()
	arts, err := seedChain()
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string][]quiz.Question{}
	for i, sa := range arts {
		var pool []quiz.Fact
		for j, o := range arts {
			if j != i {
				pool = append(pool, o.facts...)
			}
		}
		out[sa.name] = g.Questions(sa.article, sa.facts, pool)
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

func loadGold(tb testing.TB) []goldItem {
	tb.Helper()
	data, err := os.ReadFile("../../testdata/seeds-gold.json")
	if err != nil {
		tb.Fatal(err)
	}
	var g struct {
		Items []goldItem `json:"items"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		tb.Fatal(err)
	}
	return g.Items
}

// TestSeedsMultipleChoice checks every multiple choice question made from
// the seeds: 4 distinct options of the answer's kind, exactly one correct;
// and over all of them, the answer in every position and rarely the
// longest option.
func TestSeedsMultipleChoice(t *testing.T) {
	g := mustNew(t)
	byArticle := seedQuestions(t, g)
	pos := make([]int, 4)
	mc, longestN, total, tf, tfTrue := 0, 0, 0, 0, 0
	for name, qs := range byArticle {
		for _, q := range qs {
			total++
			if q.Type == quiz.TrueFalse {
				tf++
				if q.Answer == "True" {
					tfTrue++
				}
			}
			if msg := checkQuestion(q); msg != "" {
				t.Errorf("%s: %q (%s, answer %q, options %q): %s", name, q.Prompt, q.Template, q.Answer, q.Options, msg)
			}
			if q.Type != quiz.MultipleChoice {
				continue
			}
			mc++
			var others []string
			for i, o := range q.Options {
				if o == q.Answer {
					pos[i]++
				} else {
					others = append(others, o)
				}
			}
			if longest(q.Answer, others) {
				longestN++
			}
		}
	}
	t.Logf("%d questions, %d multiple choice; answer positions %v; answer strictly longest in %d (%.0f%%)", total, mc, pos, longestN, 100*float64(longestN)/float64(max(mc, 1)))
	if mc < 20 {
		t.Fatalf("seeds gave %d multiple choice questions, want at least 20", mc)
	}
	for i, n := range pos {
		if n < mc/10 {
			t.Errorf("answer in position %d in %d of %d questions, want at least %d", i, n, mc, mc/10)
		}
	}
	if float64(longestN) > 0.4*float64(mc) {
		t.Errorf("answer strictly longest in %d of %d questions, want at most 40%%", longestN, mc)
	}
	t.Logf("%d true/false questions, %d true", tf, tfTrue)
	if tf < 10 || tfTrue < tf*3/10 || tfTrue > tf*7/10 {
		t.Errorf("%d of %d true/false statements are true, want about half", tfTrue, tf)
	}
}

// TestSeedsRecall measures answer recall against testdata/seeds-gold.json
// as shared/eval/README.md defines it: an item is found when a multiple
// choice, cloze or short answer question from one of its articles has an
// accepted answer.
func TestSeedsRecall(t *testing.T) {
	g := mustNew(t)
	byArticle := seedQuestions(t, g)
	items := loadGold(t)
	found := 0
	for _, it := range items {
		ok := false
		for _, art := range it.Articles {
			for _, q := range byArticle[art] {
				if q.Type == quiz.TrueFalse {
					continue
				}
				for _, a := range it.Answers {
					if quiz.NormalizeAnswer(a) == quiz.NormalizeAnswer(q.Answer) {
						ok = true
					}
				}
			}
		}
		if ok {
			found++
		} else {
			t.Logf("miss %s (%s): %q, answers %q", it.ID, it.Kind, it.Question, it.Answers)
		}
	}
	recall := float64(found) / float64(len(items))
	t.Logf("answer recall %d/%d = %.1f%%", found, len(items), 100*recall)
	if recall < 0.9 {
		t.Errorf("answer recall = %.1f%%, want >= 90%%", 100*recall)
	}
}

// BenchmarkGenerate measures question generation over the seed facts (the
// real extraction of the five seed articles, each with the others as pool).
func BenchmarkGenerate(b *testing.B) {
	arts, err := seedChain()
	if err != nil {
		b.Fatal(err)
	}
	pools := make([][]quiz.Fact, len(arts))
	for i := range arts {
		for j, o := range arts {
			if j != i {
				pools[i] = append(pools[i], o.facts...)
			}
		}
	}
	g := mustNew(b)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i, sa := range arts {
			n += len(g.Questions(sa.article, sa.facts, pools[i]))
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "questions/s")
}

// TestNewsChain runs the real chain over news articles from many sites
// (testdata/news) and checks every question as the seed test does.
func TestNewsChain(t *testing.T) {
	m, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(m)
	g := mustNew(t)
	names, err := fs.Glob(os.DirFS("testdata/news"), "*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no news articles: %v", err)
	}
	sort.Strings(names)
	type art struct {
		a     quiz.Article
		facts []quiz.Fact
	}
	var arts []art
	for i, n := range names {
		raw, err := os.ReadFile(path.Join("testdata/news", n))
		if err != nil {
			t.Fatal(err)
		}
		a, err := clean.Article(raw, n)
		if err != nil {
			t.Fatalf("clean %s: %v", n, err)
		}
		a.ID = int64(i + 1)
		arts = append(arts, art{a, x.Facts(a)})
	}
	total, mc := 0, 0
	for i, ar := range arts {
		var pool []quiz.Fact
		for j, o := range arts {
			if j != i {
				pool = append(pool, o.facts...)
			}
		}
		qs := g.Questions(ar.a, ar.facts, pool)
		if *dump {
			t.Logf("== %s: %d facts, %d questions", ar.a.Source, len(ar.facts), len(qs))
			printQuestions(t, qs)
		}
		if len(ar.facts) > 5 && len(qs) == 0 {
			t.Errorf("%s: %d facts but no questions", ar.a.Source, len(ar.facts))
		}
		for _, q := range qs {
			total++
			if q.Type == quiz.MultipleChoice {
				mc++
			}
			if msg := checkQuestion(q); msg != "" {
				t.Errorf("%s: %q (%s, answer %q, options %q): %s", ar.a.Source, q.Prompt, q.Template, q.Answer, q.Options, msg)
			}
		}
	}
	t.Logf("%d articles, %d questions, %d multiple choice", len(arts), total, mc)
}
