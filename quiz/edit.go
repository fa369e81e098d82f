package quiz

// This file holds the rules of a person's edit of a question, and of a
// question's identity across regenerations of its article.

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strings"
)

// Limits of an edited question.
const (
	MaxPromptLen = 2000
	MaxListItems = 20
)

// Edit is a person's change to a question; nil and empty fields keep what
// the question has.
type Edit struct {
	Prompt   *string
	Answer   *string
	Accepted []string
	Options  []string
	// Promote takes a reserve question into the default deck.
	Promote bool
}

// Edit applies e to q and reports whether anything changed. A true/false
// answer is written True or False; a multiple choice answer must be one of
// the options; a cloze's Anki form follows a new answer. The error is an
// *Error saying what to fix.
func (q Question) Edit(e Edit) (Question, bool, error) {
	prompt, answer, accepted, options := q.Prompt, q.Answer, q.Accepted, q.Options
	if e.Prompt != nil {
		prompt = *e.Prompt
	}
	if e.Answer != nil {
		answer = *e.Answer
	}
	if e.Accepted != nil {
		accepted = e.Accepted
	}
	if e.Options != nil {
		options = e.Options
	}
	prompt, answer = strings.TrimSpace(prompt), strings.TrimSpace(answer)
	switch {
	case prompt == "":
		return q, false, Errorf(ErrInvalid, "The question text is required.")
	case answer == "":
		return q, false, Errorf(ErrInvalid, "The answer is required.")
	case len(prompt) > MaxPromptLen:
		return q, false, Errorf(ErrInvalid, "The question text is longer than %d characters.", MaxPromptLen)
	case len(answer) > MaxAnswerLen:
		return q, false, Errorf(ErrInvalid, "The answer is longer than %d characters.", MaxAnswerLen)
	case len(accepted) > MaxListItems || len(options) > MaxListItems:
		return q, false, Errorf(ErrInvalid, "At most %d accepted answers and options.", MaxListItems)
	}
	for _, v := range append(slices.Clone(accepted), options...) {
		if len(v) > MaxAnswerLen {
			return q, false, Errorf(ErrInvalid, "An accepted answer or option is longer than %d characters.", MaxAnswerLen)
		}
	}
	switch q.Type {
	case MultipleChoice:
		if len(options) < 2 {
			return q, false, Errorf(ErrInvalid, "A multiple choice question needs at least two options.")
		}
		if !slices.ContainsFunc(options, func(o string) bool { return NormalizeAnswer(o) == NormalizeAnswer(answer) }) {
			return q, false, Errorf(ErrInvalid, "The answer must be one of the options.")
		}
	case TrueFalse:
		switch strings.ToLower(answer) {
		case "true":
			answer = "True"
		case "false":
			answer = "False"
		default:
			return q, false, Errorf(ErrInvalid, "The answer to a true or false question is True or False.")
		}
		options = []string{"True", "False"}
	default:
		options = nil
	}
	out := q
	if q.Type == Cloze && q.Cloze != "" && answer != q.Answer {
		out.Cloze = strings.Replace(q.Cloze, "{{c1::"+q.Answer+"}}", "{{c1::"+answer+"}}", 1)
	}
	out.Prompt, out.Answer, out.Options = prompt, answer, options
	out.Accepted = dedupeAnswers(append([]string{answer}, accepted...))
	if e.Promote {
		out.Reserve = false
	}
	changed := out.Prompt != q.Prompt || out.Answer != q.Answer || out.Cloze != q.Cloze || out.Reserve != q.Reserve ||
		!slices.Equal(out.Options, q.Options) ||
		!slices.Equal(out.Accepted, dedupeAnswers(append([]string{q.Answer}, q.Accepted...)))
	if changed {
		out.Edited = true
	}
	return out, changed, nil
}

// dedupeAnswers drops empty answers and answers equal to an earlier one
// once normalized.
func dedupeAnswers(vs []string) []string {
	seen := make(map[string]bool, len(vs))
	var out []string
	for _, v := range vs {
		k := NormalizeAnswer(v)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}

// Identity is a question's identity across regenerations of its article:
// the same template asking the same type of question about the same fact
// and answer is the same question, whatever its wording. f is the fact q
// was made from (zero for none).
func Identity(q Question, f Fact) string {
	key := f.Key
	if key == "" {
		key = f.Subject + "|" + f.Relation + "|" + f.Object
	}
	h := sha1.New()
	for _, part := range []string{string(q.Type), q.Template, key, strings.ToLower(strings.TrimSpace(q.Answer))} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// cardTypeRank orders question types for flashcards: a card should ask for
// the answer, not offer it.
var cardTypeRank = map[QuestionType]int{ShortAnswer: 0, Cloze: 1, MultipleChoice: 2, TrueFalse: 3}

func cardBefore(a, b Question) bool {
	if ra, rb := cardTypeRank[a.Type], cardTypeRank[b.Type]; ra != rb {
		return ra < rb
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.ID < b.ID
}

// Flashcards returns the flashcards among qs, in qs's order: one question
// per fact is studied as a card, so that a learner does not study the same
// fact in four forms; a question without a fact is its own card. The card
// is the best-ranked type, then the best score, then the lowest ID.
func Flashcards(qs []Question) []Question {
	best := make(map[int64]int) // fact -> index in qs
	for i, q := range qs {
		if q.FactID == 0 {
			continue
		}
		if j, ok := best[q.FactID]; !ok || cardBefore(q, qs[j]) {
			best[q.FactID] = i
		}
	}
	var out []Question
	for i, q := range qs {
		if q.FactID == 0 || best[q.FactID] == i {
			out = append(out, q)
		}
	}
	return out
}
