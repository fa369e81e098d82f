package store

// This file holds the tables of the learner's side: learners, quiz sessions
// with their attempts, and flashcard schedules with their review log. The
// methods are in learner.go, quizsession.go and review.go.

import (
	"time"

	"factdeck/quiz"
)

type learnerRow struct {
	ID        int64  `gorm:"primaryKey"`
	Token     string `gorm:"size:64;not null;uniqueIndex"`
	CreatedAt time.Time
}

func (learnerRow) TableName() string { return "learners" }

type quizSessionRow struct {
	ID          int64   `gorm:"primaryKey"`
	LearnerID   int64   `gorm:"not null;index:idx_session_learner_finished,priority:1"`
	Title       string  `gorm:"not null"`
	ArticleID   int64   // 0 for several articles; no foreign key, the article may go
	QuestionIDs []int64 `gorm:"serializer:json;not null"`
	RetryOf     int64
	HintAt      int
	StartedAt   time.Time
	// FinishedAt is indexed with the learner: a learner's scores, newest
	// first, are a range of it however many quizzes they left unfinished.
	FinishedAt *time.Time `gorm:"index:idx_session_learner_finished,priority:2"`

	Learner learnerRow `gorm:"foreignKey:LearnerID;constraint:OnDelete:CASCADE"`
}

func (quizSessionRow) TableName() string { return "quiz_sessions" }

type attemptRow struct {
	ID         int64 `gorm:"primaryKey"`
	SessionID  int64 `gorm:"not null;uniqueIndex:idx_attempt_position"`
	Position   int   `gorm:"not null;uniqueIndex:idx_attempt_position"`
	LearnerID  int64 `gorm:"not null;index"`
	QuestionID int64 `gorm:"not null;index"`
	Given      string
	Result     string `gorm:"size:16;not null"`
	Tries      int
	AnsweredAt time.Time

	Session quizSessionRow `gorm:"foreignKey:SessionID;constraint:OnDelete:CASCADE"`
}

func (attemptRow) TableName() string { return "attempts" }

type cardRow struct {
	LearnerID     int64 `gorm:"primaryKey;autoIncrement:false"`
	QuestionID    int64 `gorm:"primaryKey;autoIncrement:false;index"`
	State         int
	Due           time.Time `gorm:"index"`
	Stability     float64
	Difficulty    float64
	ElapsedDays   int
	ScheduledDays int
	Reps          int
	Lapses        int
	LastReview    *time.Time
	// Suspended, BuriedUntil and Flag are the learner's marks (store/cards.go).
	Suspended   bool `gorm:"not null;default:false"`
	BuriedUntil *time.Time
	Flag        int `gorm:"not null;default:0"`

	Learner learnerRow `gorm:"foreignKey:LearnerID;constraint:OnDelete:CASCADE"`
}

func (cardRow) TableName() string { return "cards" }

type reviewRow struct {
	ID            int64 `gorm:"primaryKey"`
	LearnerID     int64 `gorm:"not null;index:idx_review_learner_time"`
	QuestionID    int64 `gorm:"not null"`
	Rating        int
	State         int
	ScheduledDays int
	ElapsedDays   int
	ReviewedAt    time.Time `gorm:"index:idx_review_learner_time"`
	// Before is the card as it was before the review, nil for a card never
	// stored, so that the review can be undone (store/cards.go).
	Before *cardSnapshot `gorm:"serializer:json"`

	Learner learnerRow `gorm:"foreignKey:LearnerID;constraint:OnDelete:CASCADE"`
}

func (reviewRow) TableName() string { return "reviews" }

// learningModels lists the tables of the learner's side.
func learningModels() []any {
	return []any{&learnerRow{}, &quizSessionRow{}, &attemptRow{}, &cardRow{}, &reviewRow{}}
}

func (r learnerRow) domain() quiz.Learner {
	return quiz.Learner{ID: r.ID, Token: r.Token, CreatedAt: r.CreatedAt}
}

func (r quizSessionRow) domain(attempts []attemptRow) quiz.QuizSession {
	s := quiz.QuizSession{ID: r.ID, LearnerID: r.LearnerID, Title: r.Title, ArticleID: r.ArticleID,
		QuestionIDs: r.QuestionIDs, RetryOf: r.RetryOf, HintAt: r.HintAt, StartedAt: r.StartedAt}
	if r.FinishedAt != nil {
		s.FinishedAt = *r.FinishedAt
	}
	s.Attempts = make([]quiz.Attempt, len(attempts))
	for i, a := range attempts {
		s.Attempts[i] = a.domain()
	}
	return s
}

func (r attemptRow) domain() quiz.Attempt {
	return quiz.Attempt{ID: r.ID, SessionID: r.SessionID, LearnerID: r.LearnerID, QuestionID: r.QuestionID,
		Position: r.Position, Given: r.Given, Result: parseResult(r.Result), Tries: r.Tries, AnsweredAt: r.AnsweredAt}
}

func parseResult(s string) quiz.Result {
	switch s {
	case quiz.Correct.String():
		return quiz.Correct
	case quiz.Close.String():
		return quiz.Close
	}
	return quiz.Wrong
}

func toCardRow(c quiz.Card) cardRow {
	r := cardRow{LearnerID: c.LearnerID, QuestionID: c.QuestionID, State: int(c.State), Due: c.Due,
		Stability: c.Stability, Difficulty: c.Difficulty, ElapsedDays: c.ElapsedDays,
		ScheduledDays: c.ScheduledDays, Reps: c.Reps, Lapses: c.Lapses, Suspended: c.Suspended, Flag: int(c.Flag)}
	if !c.LastReview.IsZero() {
		t := c.LastReview
		r.LastReview = &t
	}
	if !c.BuriedUntil.IsZero() {
		t := c.BuriedUntil
		r.BuriedUntil = &t
	}
	return r
}

func (r cardRow) domain() quiz.Card {
	c := quiz.Card{LearnerID: r.LearnerID, QuestionID: r.QuestionID, State: quiz.CardState(r.State), Due: r.Due,
		Stability: r.Stability, Difficulty: r.Difficulty, ElapsedDays: r.ElapsedDays,
		ScheduledDays: r.ScheduledDays, Reps: r.Reps, Lapses: r.Lapses, Suspended: r.Suspended, Flag: quiz.Flag(r.Flag)}
	if r.LastReview != nil {
		c.LastReview = *r.LastReview
	}
	if r.BuriedUntil != nil {
		c.BuriedUntil = *r.BuriedUntil
	}
	return c
}
