package oldgenerate

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

var dump = flag.Bool("dump", false, "print the generated questions")

// fixture is an article with hand-written facts, as quiz/extract would make
// them.
type fixture struct {
	Article quiz.Article
	Facts   []quiz.Fact
}

func loadFixture(tb testing.TB, name string) fixture {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	var fx fixture
	if err := json.Unmarshal(data, &fx); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	body := fx.Article.Body()
	for i := range fx.Facts {
		if k := strings.Index(body, fx.Facts[i].Sentence); k >= 0 {
			fx.Facts[i].Start, fx.Facts[i].End = k, k+len(fx.Facts[i].Sentence)
		}
	}
	return fx
}

func fixtures(tb testing.TB) map[string]fixture {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]fixture{}
	for _, n := range names {
		out[filepath.Base(n)] = loadFixture(tb, filepath.Base(n))
	}
	if len(out) == 0 {
		tb.Fatal("no fixtures in testdata")
	}
	return out
}

func mustNew(tb testing.TB) *Generator {
	tb.Helper()
	g, err := New("")
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func printQuestions(t *testing.T, qs []quiz.Question) {
	t.Helper()
	for _, q := range qs {
		t.Logf("[%s %s d%d %.2f] %s\n    answer: %q  options: %q  accepted: %q", q.Type, q.Template, q.Difficulty, q.Score, q.Prompt, q.Answer, q.Options, q.Accepted)
	}
}

// checkQuestion reports what is wrong with q, or "".
func checkQuestion(q quiz.Question) string {
	switch {
	case q.Template == "":
		return "no template"
	case q.Difficulty < 1 || q.Difficulty > 3:
		return fmt.Sprintf("difficulty %d", q.Difficulty)
	case q.Prompt == "" || q.Answer == "":
		return "empty prompt or answer"
	case q.AnswerKind == "":
		return "no answer kind"
	case q.Sentence == "":
		return "no sentence"
	case quiz.Grade(q, q.Answer) != quiz.Correct:
		return "its own answer is not correct"
	case strings.Contains(q.Prompt, "{") || strings.Contains(q.Prompt, "}") || strings.Contains(q.Prompt, "  "):
		return "unfilled slot or double space in prompt"
	}
	if q.Cloze != "" && !strings.Contains(q.Cloze, "{{c1::") {
		return "cloze without {{c1::"
	}
	switch q.Type {
	case quiz.MultipleChoice:
		if len(q.Options) != 4 {
			return fmt.Sprintf("%d options", len(q.Options))
		}
		seen := map[string]bool{}
		correct := 0
		for _, o := range q.Options {
			n := quiz.NormalizeAnswer(o)
			if seen[n] {
				return fmt.Sprintf("duplicate option %q", o)
			}
			seen[n] = true
			if quiz.Grade(q, o) == quiz.Correct {
				correct++
			}
			if o != q.Answer && alias(o, q.Answer, q.AnswerKind) {
				return fmt.Sprintf("option %q is an alias of the answer", o)
			}
			if !sameKind(o, q.Answer, q.AnswerKind) {
				return fmt.Sprintf("option %q is not a %s like %q", o, q.AnswerKind, q.Answer)
			}
		}
		if correct != 1 {
			return fmt.Sprintf("%d options graded correct", correct)
		}
		if !strings.HasSuffix(q.Prompt, "?") {
			return "question without question mark"
		}
	case quiz.ShortAnswer:
		if !strings.HasSuffix(q.Prompt, "?") {
			return "question without question mark"
		}
	case quiz.Cloze:
		if !strings.Contains(q.Prompt, "_____") || q.Cloze == "" {
			return "cloze without blank"
		}
	case quiz.TrueFalse:
		if q.Answer != "True" && q.Answer != "False" || !reflect.DeepEqual(q.Options, []string{"True", "False"}) {
			return "true/false answer or options"
		}
	}
	return ""
}

// sameKind checks an option against the answer's kind where the kind can be
// told from the text alone.
func sameKind(opt, ans string, k quiz.Kind) bool {
	l := lexicon.Default()
	hasDigit := func(s string) bool { return strings.ContainsAny(s, "0123456789") }
	switch k {
	case quiz.KindWeekday:
		for _, w := range strings.Fields(opt) {
			if l.Weekday(strings.Trim(w, ",")) {
				return true
			}
		}
		return false
	case quiz.KindCount, quiz.KindAge, quiz.KindMoney, quiz.KindPercent, quiz.KindDuration:
		_, _, _, _, ok := splitNumber(opt)
		return ok && hasDigit(opt) == hasDigit(ans)
	case quiz.KindCountry:
		kk, _, ok := l.Place(opt)
		return ok && kk == quiz.KindCountry
	case quiz.KindPerson:
		return len(strings.Fields(opt)) >= 2 || len(strings.Fields(ans)) < 2
	}
	return true
}

func TestQuestionsFixtures(t *testing.T) {
	g := mustNew(t)
	for name, fx := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			qs := g.Questions(fx.Article, fx.Facts, nil)
			if *dump {
				printQuestions(t, qs)
			}
			if len(qs) == 0 {
				t.Fatalf("Questions(%s) = none, want some", name)
			}
			types := map[quiz.QuestionType]int{}
			for _, q := range qs {
				types[q.Type]++
				if msg := checkQuestion(q); msg != "" {
					t.Errorf("question %q (%s, answer %q, options %q): %s", q.Prompt, q.Template, q.Answer, q.Options, msg)
				}
				if hasPronoun(strings.TrimPrefix(q.Prompt, "True or false: ")) && q.Type != quiz.Cloze && !strings.Contains(q.Prompt, "“") && q.Template != "sentence-blank" && q.Template != "count-how-many" {
					t.Errorf("question %q has a dangling pronoun", q.Prompt)
				}
			}
			for _, ty := range quiz.QuestionTypes {
				if types[ty] == 0 {
					t.Errorf("Questions(%s) has no %s question", name, ty)
				}
			}
		})
	}
}

func TestQuestionsNone(t *testing.T) {
	g := mustNew(t)
	a := quiz.Article{Title: "Nothing", Paragraphs: []string{"It rained."}}
	tests := []struct {
		name  string
		facts []quiz.Fact
	}{
		{"no facts", nil},
		{"pronoun subject only", []quiz.Fact{{Subject: "he", SubjectKind: quiz.KindPerson, Relation: quiz.RelRole, Object: "spokesman", ObjectKind: quiz.KindRole, Sentence: "He was the spokesman.", SpanStart: -1, SpanEnd: -1}}},
		{"conflict without source", []quiz.Fact{{Subject: "the vote", Relation: quiz.RelTime, Object: "Thursday", ObjectKind: quiz.KindWeekday, Sentence: "The vote is on Thursday.", SpanStart: 15, SpanEnd: 23, Conflicts: []string{"time|vote"}}}},
		{"generic answer", []quiz.Fact{{Subject: "officials", SubjectKind: quiz.KindPerson, Relation: quiz.RelSaid, Object: "No comment", Sentence: "Officials said: no comment.", SpanStart: 0, SpanEnd: 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if qs := g.Questions(a, tt.facts, nil); len(qs) != 0 {
				t.Errorf("Questions(%s) = %d questions (first %q), want none", tt.name, len(qs), qs[0].Prompt)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	g := mustNew(t)
	for name, fx := range fixtures(t) {
		a := g.Questions(fx.Article, fx.Facts, nil)
		b := mustNew(t).Questions(fx.Article, append([]quiz.Fact(nil), fx.Facts...), nil)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("Questions(%s) differs between runs", name)
		}
	}
}

// TestQuestionsOddFacts feeds malformed facts: generation must neither
// panic nor make a question that fails the checks.
func TestQuestionsOddFacts(t *testing.T) {
	g := mustNew(t)
	a := quiz.Article{Title: "Odd", Paragraphs: []string{"Jane Doe met John Roe in Oslo on Monday."}}
	base := quiz.Fact{Subject: "Jane Doe", SubjectKind: quiz.KindPerson, Relation: quiz.RelLocation,
		Object: "Oslo", ObjectKind: quiz.KindCity, Sentence: "Jane Doe met John Roe in Oslo on Monday.", SpanStart: 25, SpanEnd: 29}
	mutations := []struct {
		name string
		mut  func(f *quiz.Fact)
	}{
		{"span past the end", func(f *quiz.Fact) { f.SpanStart, f.SpanEnd = 30, 400 }},
		{"negative span", func(f *quiz.Fact) { f.SpanStart, f.SpanEnd = -5, 3 }},
		{"reversed span", func(f *quiz.Fact) { f.SpanStart, f.SpanEnd = 29, 25 }},
		{"empty sentence", func(f *quiz.Fact) { f.Sentence = "" }},
		{"empty object", func(f *quiz.Fact) { f.Object = "" }},
		{"unknown relation", func(f *quiz.Fact) { f.Relation = "frobnicates" }},
		{"unknown kind", func(f *quiz.Fact) { f.ObjectKind = "spaceship" }},
		{"quote in object", func(f *quiz.Fact) { f.Object = "Oslo\"" }},
		{"span mid-word", func(f *quiz.Fact) { f.SpanStart, f.SpanEnd = 26, 28 }},
		{"number object", func(f *quiz.Fact) {
			f.Relation, f.Object, f.ObjectKind = quiz.RelCount, "9999999999999999999999", quiz.KindCount
		}},
		{"huge decimal", func(f *quiz.Fact) { f.Relation, f.Object, f.ObjectKind = quiz.RelAmount, "$0.0000001", quiz.KindMoney }},
	}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			f := base
			m.mut(&f)
			for _, q := range g.Questions(a, []quiz.Fact{f, base}, nil) {
				if msg := checkQuestion(q); msg != "" {
					t.Errorf("question %q (answer %q): %s", q.Prompt, q.Answer, msg)
				}
			}
		})
	}
}

// TestQuestionsOrder checks that questions come best first and that the
// first ones cover several sentences rather than one sentence four ways.
func TestQuestionsOrder(t *testing.T) {
	g := mustNew(t)
	fx := loadFixture(t, "airasia.json")
	qs := g.Questions(fx.Article, fx.Facts, nil)
	if len(qs) < 8 {
		t.Fatalf("Questions(airasia) = %d questions, want at least 8", len(qs))
	}
	sentences := map[string]bool{}
	for _, q := range qs[:8] {
		sentences[q.Sentence] = true
	}
	if len(sentences) < 4 {
		t.Errorf("first 8 questions come from %d sentences, want at least 4", len(sentences))
	}
	best := 0.0
	for _, q := range qs {
		best = max(best, q.Score)
	}
	if qs[0].Score != best {
		t.Errorf("first question scores %.3f, want the best score %.3f", qs[0].Score, best)
	}
}

// TestBlankCap checks that blank and cloze questions are capped per type by
// the article's length, while every fact with a real question keeps it.
func TestBlankCap(t *testing.T) {
	g := mustNew(t)
	var paras, sents []string
	var facts []quiz.Fact
	cities := []string{"Lyon", "Nantes", "Lille", "Rennes", "Nice", "Metz", "Dijon", "Brest", "Tours", "Reims", "Caen", "Arles"}
	goods := []string{"bread", "cheese", "wine", "honey", "apples", "lace", "pottery", "fish", "cider", "olives", "books", "toys"}
	for i, c := range cities {
		sent := fmt.Sprintf("Traders selling %s opened a fair in %s on day %d.", goods[i], c, i+2)
		sents = append(sents, sent)
		k := strings.Index(sent, c)
		facts = append(facts, quiz.Fact{ID: int64(i + 1), Subject: c, SubjectKind: quiz.KindCity, Relation: quiz.RelIsA,
			Object: "city", ObjectKind: quiz.KindOther, Sentence: sent, SpanStart: k, SpanEnd: k + len(c), Confidence: 0.6})
	}
	paras = append(paras, strings.Join(sents, " "))
	a := quiz.Article{ID: 1, Title: "Fairs open", Paragraphs: paras}
	words := len(strings.Fields(a.Body()))
	want := 1 + words/blankWords
	byType := map[quiz.QuestionType]int{}
	for _, q := range g.Questions(a, facts, nil) {
		byType[q.Type]++
	}
	for ty, n := range byType {
		if n > want {
			t.Errorf("Questions(%d words): %d %s questions, want at most %d", words, n, ty, want)
		}
	}
	t.Logf("%d words: %v", words, byType)
	if byType[quiz.MultipleChoice]+byType[quiz.Cloze]+byType[quiz.ShortAnswer] == 0 {
		t.Errorf("Questions(%d words): no blank questions at all", words)
	}
}

func TestGuessable(t *testing.T) {
	body := "Norway voted on Sunday. Norway's parties campaigned for weeks, and Norway's turnout rose. Jane Doe won."
	headline := letterWords("Norway votes in a tight election")
	tests := []struct {
		name, ans string
		kind      quiz.Kind
		want      bool
	}{
		{"headline country recurring", "Norway", quiz.KindCountry, true},
		{"person not in headline", "Jane Doe", quiz.KindPerson, false},
		{"weekday", "Sunday", quiz.KindWeekday, false},
		{"headline word mentioned once", "Election", quiz.KindMisc, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := guessable(tt.ans, tt.kind, headline, body); got != tt.want {
				t.Errorf("guessable(%q) = %v, want %v", tt.ans, got, tt.want)
			}
		})
	}
}

func TestFragment(t *testing.T) {
	tests := []struct {
		name, sent string
		want       bool
	}{
		{"sentence", "The index ended down 1.5 percent.", false},
		{"quote", "“We will win,” she said.", false},
		{"number", "71 people were hurt.", false},
		{"broken split", "NS) ended down 1.5 percent.", true},
		{"lower case", "and then it rained.", true},
		{"table row", "| a.txt | b | c |", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fragment(tt.sent); got != tt.want {
				t.Errorf("fragment(%q) = %v, want %v", tt.sent, got, tt.want)
			}
		})
	}
}
