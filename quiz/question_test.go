package quiz

import (
	"errors"
	"testing"
)

func TestQuestionValidate(t *testing.T) {
	mc := Question{Type: MultipleChoice, Prompt: "Where?", Answer: "Oslo", Options: []string{"Bergen", "Oslo"}}
	tests := []struct {
		name string
		edit func(q *Question)
		ok   bool
	}{
		{"well-formed", func(*Question) {}, true},
		{"unknown type", func(q *Question) { q.Type = "essay" }, false},
		{"no prompt", func(q *Question) { q.Prompt = " " }, false},
		{"no answer", func(q *Question) { q.Answer = "" }, false},
		{"one option", func(q *Question) { q.Options = []string{"Oslo"} }, false},
		{"answer not an option", func(q *Question) { q.Answer = "Paris" }, false},
		{"answer an option in other case", func(q *Question) { q.Answer = "oslo" }, true},
		{"true false", func(q *Question) { q.Type, q.Answer, q.Options = TrueFalse, "False", []string{"True", "False"} }, true},
		{"true false lower case", func(q *Question) { q.Type, q.Answer = TrueFalse, "false" }, false},
		{"invalid utf-8", func(q *Question) { q.Sentence = "\xff" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := mc
			q.Options = append([]string(nil), mc.Options...)
			tt.edit(&q)
			err := q.Validate()
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrInvalid)) {
				t.Errorf("Validate(%+v) = %v, want ok %v", q, err, tt.ok)
			}
		})
	}
}
