package quiz

// This file holds the learner's side of the domain: who is learning, the
// quizzes they take and the flashcard schedules they keep.

import "time"

// Learner is the record of a person studying with factdeck: a guest's,
// named by the random token of a browser cookie, or an account's (see
// User.LearnerID), whose token no cookie carries.
type Learner struct {
	ID        int64
	Token     string
	CreatedAt time.Time
}

// QuizSession is one quiz taken by one learner: a fixed list of questions
// answered in order. Its state lives on the server so that a quiz cannot be
// answered twice or out of order.
type QuizSession struct {
	ID        int64
	LearnerID int64
	// Title describes where the questions come from ("All articles", an
	// article's title, "Retry: ...").
	Title string
	// ArticleID is the article the questions come from, 0 for several.
	ArticleID   int64
	QuestionIDs []int64
	// RetryOf is the quiz whose missed questions this one repeats, or 0.
	RetryOf    int64
	StartedAt  time.Time
	FinishedAt time.Time // zero until the last question is answered
	// HintAt is the position of the question whose first answer was Close:
	// the learner got a hint and may answer it once more. -1 when none.
	HintAt int
	// Attempts are the final answers, in position order.
	Attempts []Attempt
}

// Attempt is a learner's final answer to one question of a quiz.
type Attempt struct {
	ID         int64
	SessionID  int64
	LearnerID  int64
	QuestionID int64
	// Position is the question's index in QuizSession.QuestionIDs.
	Position int
	Given    string
	Result   Result
	// Tries is 2 when the answer came after a "close" hint, else 1.
	Tries      int
	AnsweredAt time.Time
}

// Finished reports whether every question of the quiz has been answered.
func (s QuizSession) Finished() bool { return len(s.Attempts) >= len(s.QuestionIDs) }

// Next returns the position of the next question to answer, or
// len(QuestionIDs) when the quiz is finished.
func (s QuizSession) Next() int { return min(len(s.Attempts), len(s.QuestionIDs)) }

// Score returns the number of correct answers and the number of questions.
func (s QuizSession) Score() (correct, total int) {
	for _, a := range s.Attempts {
		if a.Result == Correct {
			correct++
		}
	}
	return correct, len(s.QuestionIDs)
}

// Duration returns the time from the start to the last answer, or to now
// for an unfinished quiz.
func (s QuizSession) Duration(now time.Time) time.Duration {
	end := s.FinishedAt
	if end.IsZero() {
		end = now
	}
	if end.Before(s.StartedAt) {
		return 0
	}
	return end.Sub(s.StartedAt)
}

// Missed returns the IDs of the questions answered wrongly, in quiz order.
func (s QuizSession) Missed() []int64 {
	var out []int64
	for _, a := range s.Attempts {
		if a.Result != Correct {
			out = append(out, a.QuestionID)
		}
	}
	return out
}

// QuizScore is a finished quiz's result, for listings and charts.
type QuizScore struct {
	SessionID  int64
	Title      string
	Correct    int
	Total      int
	FinishedAt time.Time
}

// Percent returns the score as a whole percentage.
func (q QuizScore) Percent() int {
	if q.Total == 0 {
		return 0
	}
	return (q.Correct*100 + q.Total/2) / q.Total
}

// CardState is where a flashcard is in its spaced-repetition life.
type CardState int

// Card states, as in FSRS.
const (
	CardNew CardState = iota
	CardLearning
	CardReview
	CardRelearning
)

// String returns "new", "learning", "review" or "relearning".
func (s CardState) String() string {
	switch s {
	case CardLearning:
		return "learning"
	case CardReview:
		return "review"
	case CardRelearning:
		return "relearning"
	}
	return "new"
}

// Rating is a learner's judgement of how well they recalled a card.
type Rating int

// Ratings, as in FSRS and Anki; the keys 1-4 choose them.
const (
	Again Rating = iota + 1
	Hard
	Good
	Easy
)

// Ratings lists every rating in key order.
var Ratings = []Rating{Again, Hard, Good, Easy}

// Valid reports whether r is one of Again, Hard, Good, Easy.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// String returns "again", "hard", "good" or "easy".
func (r Rating) String() string {
	switch r {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return "invalid"
}

// Card is one learner's spaced-repetition schedule for one question used as
// a flashcard. A question without a stored Card is new to the learner.
type Card struct {
	LearnerID     int64
	QuestionID    int64
	State         CardState
	Due           time.Time
	Stability     float64
	Difficulty    float64
	ElapsedDays   int
	ScheduledDays int
	Reps          int
	Lapses        int
	LastReview    time.Time
	// Suspended keeps the card out of study until unsuspended; BuriedUntil
	// keeps it out until then (the next day); Flag is the learner's mark.
	Suspended   bool
	BuriedUntil time.Time
	Flag        Flag
}

// Buried reports whether the card is buried at now.
func (c Card) Buried(now time.Time) bool { return now.Before(c.BuriedUntil) }

// Review is one rating of a flashcard, kept as a log.
type Review struct {
	ID         int64
	LearnerID  int64
	QuestionID int64
	Rating     Rating
	// State is the card's state before the review.
	State         CardState
	ScheduledDays int
	ElapsedDays   int
	ReviewedAt    time.Time
}
