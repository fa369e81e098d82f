// Package schedule decides when a flashcard comes back, with the FSRS
// spaced-repetition algorithm (github.com/open-spaced-repetition/go-fsrs).
// Its functions are pure: they take quiz cards and a time and return new
// cards; the caller stores them.
package schedule

import (
	"time"

	"factdeck/quiz"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

// params returns the FSRS parameters factdeck uses: the published defaults
// with short-term learning steps, so that a missed card returns within
// minutes, and no fuzz, so that schedules are reproducible.
func params() fsrs.Parameters {
	p := fsrs.DefaultParam()
	p.EnableShortTerm = true
	p.EnableFuzz = false
	return p
}

// New returns the card of a question the learner has never studied.
func New(learnerID, questionID int64) quiz.Card {
	return quiz.Card{LearnerID: learnerID, QuestionID: questionID, State: quiz.CardNew}
}

// Review applies rating r given at now to card c and returns the card's new
// schedule with the review to log.
func Review(c quiz.Card, r quiz.Rating, now time.Time) (quiz.Card, quiz.Review) {
	// A new scheduler per call: go-fsrs keeps a seed in its parameters, so
	// one shared instance would race between requests.
	f := fsrs.NewFSRS(params())
	info := f.Next(toFSRS(c), now, fsrs.Rating(r))
	next := fromFSRS(info.Card, c.LearnerID, c.QuestionID)
	rev := quiz.Review{
		LearnerID:     c.LearnerID,
		QuestionID:    c.QuestionID,
		Rating:        r,
		State:         c.State,
		ScheduledDays: int(info.ReviewLog.ScheduledDays),
		ElapsedDays:   int(info.ReviewLog.ElapsedDays),
		ReviewedAt:    now,
	}
	return next, rev
}

// Intervals returns, for each rating, how long until card c would be due
// again if rated so at now; the study page shows them on the buttons.
func Intervals(c quiz.Card, now time.Time) map[quiz.Rating]time.Duration {
	f := fsrs.NewFSRS(params())
	log := f.Repeat(toFSRS(c), now)
	out := make(map[quiz.Rating]time.Duration, len(log))
	for r, info := range log {
		out[quiz.Rating(r)] = info.Card.Due.Sub(now)
	}
	return out
}

func toFSRS(c quiz.Card) fsrs.Card {
	return fsrs.Card{
		Due:           c.Due,
		Stability:     c.Stability,
		Difficulty:    c.Difficulty,
		ElapsedDays:   uint64(max(c.ElapsedDays, 0)),
		ScheduledDays: uint64(max(c.ScheduledDays, 0)),
		Reps:          uint64(max(c.Reps, 0)),
		Lapses:        uint64(max(c.Lapses, 0)),
		State:         fsrs.State(c.State),
		LastReview:    c.LastReview,
	}
}

func fromFSRS(c fsrs.Card, learnerID, questionID int64) quiz.Card {
	return quiz.Card{
		LearnerID:     learnerID,
		QuestionID:    questionID,
		State:         quiz.CardState(c.State),
		Due:           c.Due,
		Stability:     c.Stability,
		Difficulty:    c.Difficulty,
		ElapsedDays:   int(c.ElapsedDays),
		ScheduledDays: int(c.ScheduledDays),
		Reps:          int(c.Reps),
		Lapses:        int(c.Lapses),
		LastReview:    c.LastReview,
	}
}

// Retrievability returns the probability that the learner recalls card c
// at now, by FSRS's forgetting curve; 0 for a card never studied.
func Retrievability(c quiz.Card, now time.Time) float64 {
	if c.State == quiz.CardNew {
		return 0
	}
	return fsrs.NewFSRS(params()).GetRetrievability(toFSRS(c), now)
}
