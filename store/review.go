package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Cards returns the learner's stored flashcard schedules for the given
// questions, or for every question when ids is empty.
func (s *Store) Cards(ctx context.Context, learnerID int64, ids []int64) ([]quiz.Card, error) {
	q := s.db.WithContext(ctx).Where("learner_id = ?", learnerID)
	if len(ids) > 0 {
		q = q.Where("question_id IN ?", ids)
	}
	var rows []cardRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("cards of learner %d: %w", learnerID, err)
	}
	out := make([]quiz.Card, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// Card returns the learner's schedule for one question; a question never
// studied returns quiz.ErrNotFound.
func (s *Store) Card(ctx context.Context, learnerID, questionID int64) (quiz.Card, error) {
	var r cardRow
	if err := s.db.WithContext(ctx).Where("learner_id = ? AND question_id = ?", learnerID, questionID).First(&r).Error; err != nil {
		return quiz.Card{}, notFound(err, fmt.Sprintf("card %d of learner %d", questionID, learnerID))
	}
	return r.domain(), nil
}

// SaveReview stores a card's new schedule and the review that produced it,
// in one transaction.
func (s *Store) SaveReview(ctx context.Context, c quiz.Card, rev quiz.Review) (quiz.Review, error) {
	if c.LearnerID == 0 || c.QuestionID == 0 || !rev.Rating.Valid() {
		return rev, fmt.Errorf("save review of question %d rated %d: %w", c.QuestionID, rev.Rating, quiz.ErrInvalid)
	}
	if rev.ReviewedAt.IsZero() {
		rev.ReviewedAt = time.Now().UTC()
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var before *cardSnapshot
		var old cardRow
		err := tx.Where("learner_id = ? AND question_id = ?", c.LearnerID, c.QuestionID).Take(&old).Error
		switch {
		case err == nil:
			before = snapshotOf(old)
		case !errors.Is(err, gorm.ErrRecordNotFound):
			return fmt.Errorf("card before review: %w", err)
		}
		cr := toCardRow(c)
		// A review writes the schedule; the learner's marks stay.
		if err := tx.Clauses(clause.OnConflict{Columns: cardKey, DoUpdates: clause.AssignmentColumns(scheduleColumns)}).Create(&cr).Error; err != nil {
			return fmt.Errorf("save card: %w", err)
		}
		rr := reviewRow{Before: before, LearnerID: c.LearnerID, QuestionID: c.QuestionID, Rating: int(rev.Rating),
			State: int(rev.State), ScheduledDays: rev.ScheduledDays, ElapsedDays: rev.ElapsedDays,
			ReviewedAt: rev.ReviewedAt}
		if err := tx.Create(&rr).Error; err != nil {
			return fmt.Errorf("log review: %w", err)
		}
		rev.ID = rr.ID
		return nil
	})
	if err != nil {
		return rev, fmt.Errorf("save review of question %d: %w", c.QuestionID, err)
	}
	return rev, nil
}

// NewCardsSince returns how many cards the learner studied for the first
// time since t, for the daily new-card limit.
func (s *Store) NewCardsSince(ctx context.Context, learnerID int64, t time.Time) (int, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&reviewRow{}).
		Where("learner_id = ? AND reviewed_at >= ? AND state = ?", learnerID, t, int(quiz.CardNew)).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count new cards: %w", err)
	}
	return int(n), nil
}

// ReviewsSince returns how many reviews the learner made since t.
func (s *Store) ReviewsSince(ctx context.Context, learnerID int64, t time.Time) (int, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&reviewRow{}).
		Where("learner_id = ? AND reviewed_at >= ?", learnerID, t).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count reviews: %w", err)
	}
	return int(n), nil
}
