package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm/clause"
)

// EnsureLearner returns the learner with the given token, creating it on
// first use. Concurrent calls with the same token return the same learner.
func (s *Store) EnsureLearner(ctx context.Context, token string) (quiz.Learner, error) {
	token = strings.TrimSpace(token)
	if token == "" || len(token) > 64 {
		return quiz.Learner{}, fmt.Errorf("learner token of %d bytes: %w", len(token), quiz.ErrInvalid)
	}
	// Read first: a learner is created once and read on every quiz.
	if l, err := s.Learner(ctx, token); err == nil || !errors.Is(err, quiz.ErrNotFound) {
		return l, err
	}
	db := s.db.WithContext(ctx)
	r := learnerRow{Token: token, CreatedAt: time.Now().UTC()}
	if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&r).Error; err != nil {
		return quiz.Learner{}, fmt.Errorf("create learner: %w", err)
	}
	if r.ID != 0 {
		return r.domain(), nil
	}
	return s.Learner(ctx, token)
}
