package store

import (
	"context"
	"errors"
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
		return q, fmt.Errorf("create quiz: no questions: %w", quiz.ErrEmpty)
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
	r := quizSessionRow{LearnerID: q.LearnerID, Title: q.Title, ArticleID: q.ArticleID,
		QuestionIDs: q.QuestionIDs, RetryOf: q.RetryOf, HintAt: -1, StartedAt: q.StartedAt}
	if err := s.db.WithContext(ctx).Create(&r).Error; err != nil {
		return q, fmt.Errorf("create quiz: %w", err)
	}
	return r.domain(nil), nil
}

// QuizSession returns the quiz with the given ID and its attempts.
func (s *Store) QuizSession(ctx context.Context, id int64) (quiz.QuizSession, error) {
	return quizSession(s.db.WithContext(ctx), id)
}

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

// staleAnswer explains why an answer to the question at pos is refused:
// already answered (quiz.ErrDuplicate) or not yet asked (quiz.ErrInvalid).
func staleAnswer(sess quiz.QuizSession, pos int) error {
	if pos < sess.Next() {
		return fmt.Errorf("quiz %d question %d is already answered: %w", sess.ID, pos+1, quiz.ErrDuplicate)
	}
	if sess.Finished() {
		return fmt.Errorf("quiz %d is finished: %w", sess.ID, quiz.ErrDuplicate)
	}
	return fmt.Errorf("quiz %d: answer question %d first, not %d: %w", sess.ID, sess.Next()+1, pos+1, quiz.ErrInvalid)
}

// RecordAttempt stores the final answer a to the question at a.Position of
// quiz a.SessionID and returns the updated quiz. The position must be the
// quiz's next: answering a question twice fails with quiz.ErrDuplicate,
// skipping ahead with quiz.ErrInvalid. The last answer finishes the quiz.
func (s *Store) RecordAttempt(ctx context.Context, a quiz.Attempt) (quiz.QuizSession, error) {
	var out quiz.QuizSession
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		sess, err := quizSession(tx, a.SessionID)
		if err != nil {
			return err
		}
		if a.Position != sess.Next() || sess.Finished() {
			return staleAnswer(sess, a.Position)
		}
		if a.AnsweredAt.IsZero() {
			a.AnsweredAt = time.Now().UTC()
		}
		if a.Tries == 0 {
			a.Tries = 1
		}
		r := attemptRow{SessionID: sess.ID, Position: a.Position, LearnerID: sess.LearnerID,
			QuestionID: sess.QuestionIDs[a.Position], Given: a.Given, Result: a.Result.String(),
			Tries: a.Tries, AnsweredAt: a.AnsweredAt}
		if err := tx.Create(&r).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return staleAnswer(sess, a.Position)
			}
			return fmt.Errorf("record answer: %w", err)
		}
		updates := map[string]any{"hint_at": -1}
		if a.Position == len(sess.QuestionIDs)-1 {
			updates["finished_at"] = a.AnsweredAt
			sess.FinishedAt = a.AnsweredAt
		}
		if err := tx.Model(&quizSessionRow{}).Where("id = ?", sess.ID).Updates(updates).Error; err != nil {
			return fmt.Errorf("record answer: %w", err)
		}
		sess.HintAt = -1
		sess.Attempts = append(sess.Attempts, r.domain())
		out = sess
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("quiz %d answer %d: %w", a.SessionID, a.Position+1, err)
	}
	return out, nil
}

// MarkHint records that the answer to the question at pos of quiz id was
// close: the learner gets a hint and one more try. It fails like
// RecordAttempt when pos is not the quiz's next question, and with
// quiz.ErrDuplicate when the hint was already given.
func (s *Store) MarkHint(ctx context.Context, id int64, pos int) (quiz.QuizSession, error) {
	var out quiz.QuizSession
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		sess, err := quizSession(tx, id)
		if err != nil {
			return err
		}
		if pos != sess.Next() || sess.Finished() {
			return staleAnswer(sess, pos)
		}
		if sess.HintAt == pos {
			return fmt.Errorf("quiz %d question %d already had its hint: %w", id, pos+1, quiz.ErrDuplicate)
		}
		if err := tx.Model(&quizSessionRow{}).Where("id = ?", id).Update("hint_at", pos).Error; err != nil {
			return fmt.Errorf("mark hint: %w", err)
		}
		sess.HintAt = pos
		out = sess
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("quiz %d hint %d: %w", id, pos+1, err)
	}
	return out, nil
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
