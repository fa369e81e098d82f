package store

// This file holds what the statistics page reads: a learner's review log
// over a period. The page counts and draws it; a learner's log over a few
// weeks is small.

import (
	"context"
	"fmt"
	"time"

	"factdeck/quiz"
)

// Reviews returns the learner's reviews since t, oldest first.
func (s *Store) Reviews(ctx context.Context, learnerID int64, t time.Time) ([]quiz.Review, error) {
	var rows []reviewRow
	if err := s.db.WithContext(ctx).Select("id", "learner_id", "question_id", "rating", "state", "scheduled_days", "elapsed_days", "reviewed_at").
		Where("learner_id = ? AND reviewed_at >= ?", learnerID, t).Order("reviewed_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("reviews of learner %d: %w", learnerID, err)
	}
	out := make([]quiz.Review, len(rows))
	for i, r := range rows {
		out[i] = quiz.Review{ID: r.ID, LearnerID: r.LearnerID, QuestionID: r.QuestionID, Rating: quiz.Rating(r.Rating),
			State: quiz.CardState(r.State), ScheduledDays: r.ScheduledDays, ElapsedDays: r.ElapsedDays, ReviewedAt: r.ReviewedAt}
	}
	return out, nil
}
