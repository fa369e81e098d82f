package quiz

// This file holds the quiz's rules: how an answer moves a quiz session on.
// The store applies a Step inside a transaction; the web only shows it.

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxAnswerLen is the longest answer a learner may give, in bytes.
const MaxAnswerLen = 500

// Skipped is the answer recorded for a question deleted during a quiz.
const Skipped = "(skipped)"

// Step is what one submitted answer does to a quiz: either a hint and one
// more try (Hint set, nothing recorded), or a final Attempt.
type Step struct {
	// Hint is set when the answer was close the first time: the learner is
	// told HintText and may answer once more.
	Hint     bool
	HintText string
	// Attempt is the final answer to record when Hint is not set.
	Attempt Attempt
}

// Submit judges the answer given to the question at pos, at time now, and
// returns the step it makes. q is the question asked, nil when it was
// deleted after the quiz started (the answer is then recorded as skipped
// and wrong). The first close answer earns a hint and a retry; a second
// close answer is accepted, since the learner knew it and only the spelling
// was off. An answer to a question already answered fails with
// ErrDuplicate; an empty or overlong answer, or one to a question not yet
// reached, with ErrInvalid. Both are *Error with a message for the learner.
func (s QuizSession) Submit(pos int, q *Question, given string, now time.Time) (Step, error) {
	given = strings.TrimSpace(given)
	switch {
	case len(given) > MaxAnswerLen:
		return Step{}, Errorf(ErrInvalid, "The answer is longer than %d characters.", MaxAnswerLen)
	case given == "" && q != nil:
		return Step{}, Errorf(ErrInvalid, "The answer is empty.")
	case !utf8.ValidString(given):
		return Step{}, Errorf(ErrInvalid, "The answer is not valid text.")
	case pos < 0 || pos >= len(s.QuestionIDs):
		return Step{}, Errorf(ErrInvalid, "This quiz has no question %d.", pos+1)
	case pos < s.Next():
		return Step{}, Errorf(ErrDuplicate, "Question %d is already answered.", pos+1)
	case pos > s.Next():
		return Step{}, Errorf(ErrInvalid, "Answer question %d first.", s.Next()+1)
	}
	a := Attempt{SessionID: s.ID, LearnerID: s.LearnerID, QuestionID: s.QuestionIDs[pos], Position: pos,
		Given: given, Tries: 1, AnsweredAt: now}
	if q == nil {
		a.Given, a.Result = Skipped, Wrong
		return Step{Attempt: a}, nil
	}
	// A letter names an option in the order this quiz shows them.
	shown := *q
	shown.Options = ShuffledOptions(*q, s.ID, pos)
	a.Result = Grade(shown, given)
	if a.Result == Close {
		if s.HintAt != pos {
			return Step{Hint: true, HintText: Hint(q.Answer)}, nil
		}
		a.Result = Correct
	}
	if s.HintAt == pos {
		a.Tries = 2
	}
	return Step{Attempt: a}, nil
}

// Apply returns s after step: the hint marked, or the attempt added (and
// the quiz finished with its last answer).
func (s QuizSession) Apply(pos int, step Step) QuizSession {
	if step.Hint {
		s.HintAt = pos
		return s
	}
	s.HintAt = -1
	s.Attempts = append(append([]Attempt(nil), s.Attempts...), step.Attempt)
	if s.Finished() {
		s.FinishedAt = step.Attempt.AnsweredAt
	}
	return s
}

// Hint gives a learner whose answer was close a nudge without the answer:
// its first letter and length.
func Hint(answer string) string {
	r, _ := utf8.DecodeRuneInString(answer)
	words := strings.Fields(answer)
	if len(words) > 1 {
		return fmt.Sprintf("Close! Check the spelling. The answer starts with “%c” and has %d words.", r, len(words))
	}
	return fmt.Sprintf("Close! Check the spelling. The answer starts with “%c” and has %d letters.", r, utf8.RuneCountInString(answer))
}

// Verdict is a word of encouragement for a quiz score in percent.
func Verdict(percent int) string {
	switch {
	case percent == 100:
		return "Perfect score!"
	case percent >= 80:
		return "Great work."
	case percent >= 50:
		return "Good going — retry the ones you missed."
	}
	return "Keep at it — the retry helps."
}

// RetryTitle is the title of a quiz repeating the missed questions of a
// quiz titled title.
func RetryTitle(title string) string {
	if strings.HasPrefix(title, "Retry: ") {
		return title
	}
	return "Retry: " + title
}

// ShuffledOptions returns q's options in the order shown at position pos
// of quiz session sessionID: a shuffle seeded by both, so that a reload
// shows the same order and another attempt (a new session, a retry) a
// different one. True or false options keep their order.
func ShuffledOptions(q Question, sessionID int64, pos int) []string {
	out := append([]string(nil), q.Options...)
	if q.Type == TrueFalse || len(out) < 2 {
		return out
	}
	rng := rand.New(rand.NewPCG(uint64(sessionID), uint64(pos)<<32|uint64(q.ID)&0xffffffff))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
