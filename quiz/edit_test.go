package quiz

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestFlashcardsOnePerFact(t *testing.T) {
	qs := []Question{
		{ID: 1, FactID: 10, Type: MultipleChoice},
		{ID: 2, FactID: 10, Type: Cloze},
		{ID: 3, FactID: 11, Type: TrueFalse},
		{ID: 4, FactID: 0, Type: MultipleChoice},
		{ID: 5, FactID: 10, Type: ShortAnswer},
	}
	var got []int64
	for _, q := range Flashcards(qs) {
		got = append(got, q.ID)
	}
	if want := []int64{3, 4, 5}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Flashcards = %v, want %v", got, want)
	}
}

func TestEdit(t *testing.T) {
	mc := Question{ID: 1, Type: MultipleChoice, Prompt: "Where?", Answer: "Oslo", Accepted: []string{"Oslo"}, Options: []string{"Bergen", "Oslo"}}
	tf := Question{ID: 2, Type: TrueFalse, Prompt: "It rained.", Answer: "True", Options: []string{"True", "False"}}
	cloze := Question{ID: 3, Type: Cloze, Prompt: "It hit _____.", Answer: "Oslo", Cloze: "It hit {{c1::Oslo}}."}
	str := func(s string) *string { return &s }
	tests := []struct {
		name    string
		q       Question
		e       Edit
		changed bool
		err     error
		check   func(Question) bool
	}{
		{"nothing", mc, Edit{}, false, nil, nil},
		{"same values", mc, Edit{Prompt: str(" Where? "), Answer: str("Oslo")}, false, nil, nil},
		{"true false no change", tf, Edit{}, false, nil, nil},
		{"prompt", mc, Edit{Prompt: str("Where exactly?")}, true, nil, func(q Question) bool { return q.Prompt == "Where exactly?" && q.Edited }},
		{"answer not an option", mc, Edit{Answer: str("Paris")}, false, ErrInvalid, nil},
		{"blank prompt", mc, Edit{Prompt: str("  ")}, false, ErrInvalid, nil},
		{"true false lower case", tf, Edit{Answer: str("false")}, true, nil, func(q Question) bool { return q.Answer == "False" }},
		{"true false nonsense", tf, Edit{Answer: str("maybe")}, false, ErrInvalid, nil},
		{"cloze follows", cloze, Edit{Answer: str("Bergen")}, true, nil, func(q Question) bool { return q.Cloze == "It hit {{c1::Bergen}}." }},
		{"promote", Question{Type: ShortAnswer, Prompt: "Who?", Answer: "Roe", Reserve: true}, Edit{Promote: true}, true, nil,
			func(q Question) bool { return !q.Reserve && q.Edited }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed, err := tt.q.Edit(tt.e)
			if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Fatalf("Edit err = %v, want %v", err, tt.err)
			}
			if _, ok := Message(err); err != nil && !ok {
				t.Errorf("Edit err %v carries no message for people", err)
			}
			if changed != tt.changed {
				t.Errorf("Edit changed = %v, want %v", changed, tt.changed)
			}
			if tt.check != nil && !tt.check(got) {
				t.Errorf("Edit = %+v", got)
			}
		})
	}
}

func TestShuffledOptions(t *testing.T) {
	q := Question{ID: 7, Type: MultipleChoice, Answer: "C", Options: []string{"A", "B", "C", "D", "E"}}
	first := ShuffledOptions(q, 1, 0)
	if again := ShuffledOptions(q, 1, 0); !slices.Equal(first, again) {
		t.Errorf("ShuffledOptions(session 1) = %v then %v, want the same order on reload", first, again)
	}
	differs := false
	for sess := int64(2); sess < 12; sess++ {
		got := ShuffledOptions(q, sess, 0)
		if !slices.Equal(slices.Sorted(slices.Values(got)), []string{"A", "B", "C", "D", "E"}) {
			t.Fatalf("ShuffledOptions(session %d) = %v, want a permutation", sess, got)
		}
		if !slices.Equal(got, first) {
			differs = true
		}
	}
	if !differs {
		t.Errorf("ShuffledOptions gives %v for ten other sessions, want other orders", first)
	}
	tf := Question{Type: TrueFalse, Answer: "True", Options: []string{"True", "False"}}
	if got := ShuffledOptions(tf, 3, 1); !slices.Equal(got, tf.Options) {
		t.Errorf("ShuffledOptions(true/false) = %v, want True, False", got)
	}
	if q.Options[0] != "A" {
		t.Errorf("ShuffledOptions changed the question's options: %v", q.Options)
	}
}

func TestNoteKey(t *testing.T) {
	a := Question{Prompt: "Who is the bank's chief executive?", Answer: "Ana Ruiz"}
	b := Question{ArticleID: 9, ID: 4, Prompt: "who is the banks chief executive", Answer: "ana ruiz", Type: Cloze}
	c := Question{Prompt: "Who is the bank's chief executive?", Answer: "Ben Ode"}
	if NoteKey(a) != NoteKey(b) {
		t.Errorf("NoteKey differs for the same question from two articles: %s, %s", NoteKey(a), NoteKey(b))
	}
	if NoteKey(a) == NoteKey(c) {
		t.Errorf("NoteKey is the same for two answers")
	}
}
