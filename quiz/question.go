package quiz

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// QuestionType is the form of a question.
type QuestionType string

// Question types.
const (
	MultipleChoice QuestionType = "multiple_choice"
	Cloze          QuestionType = "cloze"
	ShortAnswer    QuestionType = "short_answer"
	TrueFalse      QuestionType = "true_false"
)

// QuestionTypes lists every question type in a stable order.
var QuestionTypes = []QuestionType{MultipleChoice, Cloze, ShortAnswer, TrueFalse}

// Valid reports whether t is a known question type.
func (t QuestionType) Valid() bool {
	switch t {
	case MultipleChoice, Cloze, ShortAnswer, TrueFalse:
		return true
	}
	return false
}

// Question is one quiz question made from a fact by a template.
type Question struct {
	ID        int64
	ArticleID int64
	FactID    int64
	Type      QuestionType
	// Prompt is the question text. For a cloze it is the sentence with the
	// answer replaced by "_____"; Cloze holds the Anki form with {{c1::...}}.
	Prompt string
	// Answer is the canonical correct answer; for true_false "True" or "False".
	Answer string
	// Accepted lists every answer Grade accepts as correct, Answer included.
	Accepted []string
	// Options are the choices of a multiple_choice (answer included, in
	// display order) or true_false ("True", "False") question.
	Options []string
	// AnswerKind is the kind of the answer (person, city, count...).
	AnswerKind Kind
	// Sentence is the source sentence; Cloze the sentence with the answer
	// marked {{c1::answer}}.
	Sentence string
	Cloze    string
	// Template names the template that made the question; Difficulty is 1
	// (easy) to 3 (hard); Score ranks questions by importance.
	Template   string
	Difficulty int
	Score      float64
	// Edited is set once a person changed the question; an edited question
	// survives re-ingest of its article.
	Edited bool
	// Reserve marks a candidate the generator ranked below an article's
	// default deck: it is kept for a teacher to browse and promote, and is
	// not served in quizzes, flashcards or exports until promoted.
	Reserve bool
}

// Deck is a named selection of questions with the articles and facts they
// come from, the unit of study and of export.
type Deck struct {
	ID        int64
	Name      string
	Articles  []Article
	Facts     []Fact
	Questions []Question
}

// Validate reports whether q is well-formed, whoever made it: a known type,
// a prompt and an answer, a multiple choice answer among at least two
// options, a true/false answer of True or False, and valid UTF-8
// throughout. The error wraps ErrInvalid and says what is wrong.
func (q Question) Validate() error {
	switch {
	case !q.Type.Valid():
		return fmt.Errorf("unknown question type %q: %w", q.Type, ErrInvalid)
	case strings.TrimSpace(q.Prompt) == "":
		return fmt.Errorf("the question text is required: %w", ErrInvalid)
	case strings.TrimSpace(q.Answer) == "":
		return fmt.Errorf("the answer is required: %w", ErrInvalid)
	}
	for _, s := range append([]string{q.Prompt, q.Answer, q.Sentence, q.Cloze}, append(q.Options, q.Accepted...)...) {
		if !utf8.ValidString(s) {
			return fmt.Errorf("the question holds text that is not UTF-8: %w", ErrInvalid)
		}
	}
	switch q.Type {
	case MultipleChoice:
		if len(q.Options) < 2 {
			return fmt.Errorf("a multiple choice question needs at least two options: %w", ErrInvalid)
		}
		if !slices.ContainsFunc(q.Options, func(o string) bool { return NormalizeAnswer(o) == NormalizeAnswer(q.Answer) }) {
			return fmt.Errorf("the answer must be one of the options: %w", ErrInvalid)
		}
	case TrueFalse:
		if q.Answer != "True" && q.Answer != "False" {
			return fmt.Errorf("the answer to a true or false question is True or False: %w", ErrInvalid)
		}
	}
	return nil
}
