package generate_test

import (
	"os"
	"path/filepath"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/generate"
)

// fuzzArticle is a small article with facts of several relations for the
// templates under test to apply to.
func fuzzArticle() (quiz.Article, []quiz.Fact) {
	s1 := "The harbour festival took place in Bergen on Friday."
	s2 := "Mayor Jane Roe said 40 boats took part."
	a := quiz.Article{Title: "Harbour festival", Paragraphs: []string{s1, s2}, Source: "fuzz.txt"}
	facts := []quiz.Fact{
		{ID: 1, Kind: quiz.KindCity, Subject: "the harbour festival", Relation: quiz.RelLocation, Object: "Bergen",
			ObjectKind: quiz.KindCity, Sentence: s1, End: len(s1), SpanStart: 35, SpanEnd: 41, Confidence: 0.9},
		{ID: 2, Kind: quiz.KindWeekday, Subject: "the harbour festival", Relation: quiz.RelTime, Object: "Friday",
			ObjectKind: quiz.KindWeekday, Sentence: s1, End: len(s1), SpanStart: 45, SpanEnd: 51, Confidence: 0.8},
		{ID: 3, Kind: quiz.KindRole, Subject: "Jane Roe", SubjectKind: quiz.KindPerson, Relation: quiz.RelRole,
			Object: "mayor", ObjectKind: quiz.KindRole, Sentence: s2, Start: len(s1) + 2, SpanStart: 0, SpanEnd: 5, Confidence: 0.9},
		{ID: 4, Kind: quiz.KindCount, Subject: "boats", Relation: quiz.RelCount, Object: "40", ObjectKind: quiz.KindCount,
			Sentence: s2, Start: len(s1) + 2, SpanStart: 23, SpanEnd: 25, Confidence: 0.7},
	}
	return a, facts
}

// FuzzTemplates feeds the template loader arbitrary YAML: it either refuses
// the file with an error or loads a generator whose every question is
// well-formed.
func FuzzTemplates(f *testing.F) {
	f.Add("- id: where\n  relations: [location]\n  answer: object\n  question: \"Where did {subject} happen?\"\n  types: [short_answer, multiple_choice]\n")
	f.Add("- id: tf\n  relations: [time]\n  answer: object\n  statement: \"{subject|the|cap} was on {object}\"\n  types: [true_false]\n  priority: 99\n")
	f.Add("- id: x\n  answer: nothing\n")
	f.Add("- id: [\n")
	f.Add("- id: location-event\n  relations: [location]\n  answer: span\n  question: \"{blank}\"\n  types: [cloze]\n")
	a, facts := fuzzArticle()
	f.Fuzz(func(t *testing.T, yaml string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "fuzz.yaml"), []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		g, err := generate.New(dir)
		if err != nil {
			return
		}
		for _, q := range g.Questions(a, facts, nil) {
			if err := q.Validate(); err != nil {
				t.Errorf("template %q made %+v: %v", q.Template, q, err)
			}
		}
	})
}
