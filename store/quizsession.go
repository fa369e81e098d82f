package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// MaxQuizQuestions caps the questions of one quiz.
const MaxQuizQuestions = 200

// CreateQuizSession stores a new quiz for a learner and returns it with its
// ID. The quiz must name at least one question.
func (s *Store) CreateQuizSession(ctx context.Context, q quiz.QuizSession) (quiz.QuizSession, error) {
	if len(q.QuestionIDs) == 0 {
		return q, quiz.Errorf(quiz.ErrEmpty, "There are no questions to ask here.")
	}
	if len(q.QuestionIDs) > MaxQuizQuestions {
		return q, fmt.Errorf("create quiz: %d questions, at most %d: %w", len(q.QuestionIDs), MaxQuizQuestions, quiz.ErrInvalid)
	}
	if q.LearnerID == 0 {
		return q, fmt.Errorf("create quiz: no learner: %w", quiz.ErrInvalid)
	}
	if q.StartedAt.IsZero() {
		q.StartedAt = time.Now().UTC()
	}
	ids, err := json.Marshal(q.QuestionIDs)
	if err != nil {
		return q, fmt.Errorf("create quiz: %w", err)
	}
	// On the writer (writer.go), beside the answers.
	err = s.raw.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return s.raw.txQueryRow(ctx, tx, sqlInsertQuiz, q.LearnerID, q.Title, q.ArticleID, string(ids), q.RetryOf, -1, q.StartedAt).Scan(&q.ID)
	})
	if err != nil {
		return q, fmt.Errorf("create quiz: %w", err)
	}
	return quiz.QuizSession{ID: q.ID, LearnerID: q.LearnerID, Title: q.Title, ArticleID: q.ArticleID,
		QuestionIDs: q.QuestionIDs, RetryOf: q.RetryOf, HintAt: -1, StartedAt: q.StartedAt, Attempts: []quiz.Attempt{}}, nil
}

// QuizSession returns the quiz with the given ID and its attempts.
func (s *Store) QuizSession(ctx context.Context, id int64) (quiz.QuizSession, error) {
	return quizSession(s.db.WithContext(ctx), id)
}

// quizSession loads quiz id with its attempts.
func quizSession(db *gorm.DB, id int64) (quiz.QuizSession, error) {
	var r quizSessionRow
	if err := db.First(&r, id).Error; err != nil {
		return quiz.QuizSession{}, notFound(err, fmt.Sprintf("quiz %d", id))
	}
	var as []attemptRow
	if err := db.Where("session_id = ?", id).Order("position").Find(&as).Error; err != nil {
		return quiz.QuizSession{}, fmt.Errorf("quiz %d attempts: %w", id, err)
	}
	return r.domain(as), nil
}

// QuizScores returns the learner's finished quizzes, oldest first, at most
// limit of the most recent (0: all).
func (s *Store) QuizScores(ctx context.Context, learnerID int64, limit int) ([]quiz.QuizScore, error) {
	var sessions []quizSessionRow
	q := s.db.WithContext(ctx).Where("learner_id = ? AND finished_at IS NOT NULL", learnerID).Order("finished_at DESC, id DESC")
	if limit > 0 {
		q = q.Limit(limit)
	}
	if err := q.Find(&sessions).Error; err != nil {
		return nil, fmt.Errorf("quiz scores: %w", err)
	}
	if len(sessions) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(sessions))
	for i, r := range sessions {
		ids[i] = r.ID
	}
	type count struct {
		SessionID int64
		N         int
	}
	var counts []count
	if err := s.db.WithContext(ctx).Model(&attemptRow{}).Select("session_id, count(*) AS n").
		Where("session_id IN ? AND result = ?", ids, quiz.Correct.String()).Group("session_id").Scan(&counts).Error; err != nil {
		return nil, fmt.Errorf("quiz scores: %w", err)
	}
	correct := make(map[int64]int, len(counts))
	for _, c := range counts {
		correct[c.SessionID] = c.N
	}
	out := make([]quiz.QuizScore, len(sessions))
	for i, r := range sessions {
		out[len(sessions)-1-i] = quiz.QuizScore{SessionID: r.ID, Title: r.Title, Correct: correct[r.ID],
			Total: len(r.QuestionIDs), FinishedAt: *r.FinishedAt}
	}
	return out, nil
}
