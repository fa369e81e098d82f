package schedule

import (
	"testing"
	"time"

	"factdeck/quiz"
)

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func TestReview(t *testing.T) {
	tests := []struct {
		name     string
		ratings  []quiz.Rating
		minDelay time.Duration
		maxDelay time.Duration
		state    quiz.CardState
	}{
		{"new again comes back within minutes", []quiz.Rating{quiz.Again}, 0, 15 * time.Minute, quiz.CardLearning},
		{"new easy waits days", []quiz.Rating{quiz.Easy}, 24 * time.Hour, 60 * 24 * time.Hour, quiz.CardReview},
		{"good good graduates", []quiz.Rating{quiz.Good, quiz.Good}, 24 * time.Hour, 30 * 24 * time.Hour, quiz.CardReview},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(1, 2)
			now := t0
			for i, r := range tt.ratings {
				if i > 0 {
					now = c.Due // the learner comes back when the card is due
				}
				var rev quiz.Review
				prev := c.State
				c, rev = Review(c, r, now)
				if rev.Rating != r || rev.State != prev || rev.QuestionID != 2 || rev.LearnerID != 1 {
					t.Fatalf("Review log = %+v, want rating %v from state %v", rev, r, prev)
				}
			}
			delay := c.Due.Sub(now)
			if delay < tt.minDelay || delay > tt.maxDelay {
				t.Errorf("Review(%v) due in %v, want between %v and %v", tt.ratings, delay, tt.minDelay, tt.maxDelay)
			}
			if c.State != tt.state {
				t.Errorf("Review(%v) state = %v, want %v", tt.ratings, c.State, tt.state)
			}
			if c.LearnerID != 1 || c.QuestionID != 2 || c.Reps != len(tt.ratings) {
				t.Errorf("Review card = %+v, want learner 1, question 2, %d reps", c, len(tt.ratings))
			}
		})
	}
}

func TestIntervalsOrdered(t *testing.T) {
	iv := Intervals(New(1, 1), t0)
	if len(iv) != 4 {
		t.Fatalf("Intervals = %v, want 4 ratings", iv)
	}
	for i := 1; i < len(quiz.Ratings); i++ {
		a, b := quiz.Ratings[i-1], quiz.Ratings[i]
		if iv[a] > iv[b] {
			t.Errorf("Intervals[%v] = %v > Intervals[%v] = %v, want non-decreasing", a, iv[a], b, iv[b])
		}
	}
}
