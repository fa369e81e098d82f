package quiz

// This file holds the rules of a question a teacher writes by hand.

import "strings"

// Blank is the gap of a cloze prompt.
const Blank = "_____"

// Handwritten returns the question of type t a person wrote, checked as an
// edit is (Question.Edit) and by type: a cloze's prompt holds a gap
// (Blank, or a run of three or more underscores) where its answer goes; a
// multiple choice answer is one of at least two options; a true or false
// answer is True or False. The error is an *Error saying what to fix.
func Handwritten(t QuestionType, prompt, answer string, accepted, options []string) (Question, error) {
	if !t.Valid() {
		return Question{}, Errorf(ErrInvalid, "Choose the type of question: multiple choice, cloze, short answer or true or false.")
	}
	q := Question{Type: t, Template: "handwritten", Difficulty: 2}
	if t == Cloze {
		i := strings.Index(prompt, "___")
		if i < 0 {
			return Question{}, Errorf(ErrInvalid, "A cloze needs a gap: write the sentence with ___ where the answer goes.")
		}
		j := i
		for j < len(prompt) && prompt[j] == '_' {
			j++
		}
		prompt = prompt[:i] + Blank + prompt[j:]
		if strings.Contains(prompt[i+len(Blank):], "___") {
			return Question{}, Errorf(ErrInvalid, "A cloze has one gap: write ___ once.")
		}
	}
	if t == MultipleChoice && len(options) > 0 && strings.TrimSpace(answer) != "" {
		// The answer counts as an option even if not written twice.
		found := false
		for _, o := range options {
			if NormalizeAnswer(o) == NormalizeAnswer(answer) {
				found = true
			}
		}
		if !found {
			return Question{}, Errorf(ErrInvalid, "The answer must be one of the options: add it to the list.")
		}
	}
	p, a := prompt, answer
	out, _, err := q.Edit(Edit{Prompt: &p, Answer: &a, Accepted: accepted, Options: options})
	if err != nil {
		return Question{}, err
	}
	if t == Cloze {
		out.Sentence = strings.Replace(out.Prompt, Blank, out.Answer, 1)
		out.Cloze = strings.Replace(out.Prompt, Blank, "{{c1::"+out.Answer+"}}", 1)
	}
	out.Edited = true
	if err := out.Validate(); err != nil {
		return Question{}, Errorf(ErrInvalid, "%s", strings.TrimSuffix(err.Error(), ": "+ErrInvalid.Error()))
	}
	return out, nil
}
