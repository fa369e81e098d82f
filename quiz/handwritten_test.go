package quiz

import (
	"errors"
	"testing"
)

func TestHandwritten(t *testing.T) {
	tests := []struct {
		name             string
		typ              QuestionType
		prompt, answer   string
		accepted, opts   []string
		wantErr          bool
		wantPrompt, want string
	}{
		{name: "short answer", typ: ShortAnswer, prompt: "Who won?", answer: "Ana", accepted: []string{"Ana Ruiz"}, wantPrompt: "Who won?", want: "Ana"},
		{name: "cloze gap normalized", typ: Cloze, prompt: "The river rose ___ metres.", answer: "four", wantPrompt: "The river rose _____ metres.", want: "four"},
		{name: "cloze without gap", typ: Cloze, prompt: "The river rose.", answer: "four", wantErr: true},
		{name: "cloze two gaps", typ: Cloze, prompt: "___ rose ___.", answer: "four", wantErr: true},
		{name: "multiple choice", typ: MultipleChoice, prompt: "Which city?", answer: "Porto", opts: []string{"Lisbon", "Porto"}, wantPrompt: "Which city?", want: "Porto"},
		{name: "answer not an option", typ: MultipleChoice, prompt: "Which city?", answer: "Faro", opts: []string{"Lisbon", "Porto"}, wantErr: true},
		{name: "one option", typ: MultipleChoice, prompt: "Which city?", answer: "Porto", opts: []string{"Porto"}, wantErr: true},
		{name: "true false", typ: TrueFalse, prompt: "The river rose.", answer: "true", wantPrompt: "The river rose.", want: "True"},
		{name: "true false other", typ: TrueFalse, prompt: "The river rose.", answer: "maybe", wantErr: true},
		{name: "no prompt", typ: ShortAnswer, prompt: " ", answer: "Ana", wantErr: true},
		{name: "no answer", typ: ShortAnswer, prompt: "Who?", answer: "", wantErr: true},
		{name: "unknown type", typ: "essay", prompt: "Who?", answer: "Ana", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Handwritten(tt.typ, tt.prompt, tt.answer, tt.accepted, tt.opts)
			if tt.wantErr {
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("Handwritten = %+v, %v; want ErrInvalid", q, err)
				} else if _, ok := Message(err); !ok {
					t.Errorf("Handwritten error %v has no message for people", err)
				}
				return
			}
			if err != nil || q.Prompt != tt.wantPrompt || q.Answer != tt.want || !q.Edited || q.Template != "handwritten" {
				t.Errorf("Handwritten = %+v, %v; want prompt %q, answer %q, edited", q, err, tt.wantPrompt, tt.want)
			}
			if tt.typ == Cloze && q.Cloze != "The river rose {{c1::four}} metres." {
				t.Errorf("cloze form = %q", q.Cloze)
			}
		})
	}
}
