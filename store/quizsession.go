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
	r := quizSessionRow{LearnerID: q.LearnerID, Title: q.Title, ArticleID: q.ArticleID,
		QuestionIDs: q.QuestionIDs, RetryOf: q.RetryOf, HintAt: -1, StartedAt: q.StartedAt}
	if err := s.db.WithContext(ctx).Create(&r).Error; err != nil {
		return q, fmt.Errorf("create quiz: %w", err)
	}
	return r.domain(nil), nil
}

// QuizSession returns the quiz with the given ID and its attempts.
func (s *Store) QuizSession(ctx context.Context, id int64) (quiz.QuizSession, error) {
	return quizSession(s.db.WithContext(ctx), id, false)
}

// LearnerQuiz returns quiz id with its attempts when it belongs to the
// learner whose cookie token is token; anyone else's quiz is not found. One
// query checks both.
func (s *Store) LearnerQuiz(ctx context.Context, token string, id int64) (quiz.QuizSession, error) {
	db := s.db.WithContext(ctx)
	var r quizSessionRow
	err := db.Joins("JOIN learners ON learners.id = quiz_sessions.learner_id").
		Where("quiz_sessions.id = ? AND learners.token = ?", id, token).Take(&r).Error
	if err != nil {
		return quiz.QuizSession{}, notFound(err, fmt.Sprintf("quiz %d", id))
	}
	var as []attemptRow
	if err := db.Where("session_id = ?", id).Order("position").Find(&as).Error; err != nil {
		return quiz.QuizSession{}, fmt.Errorf("quiz %d attempts: %w", id, err)
	}
	return r.domain(as), nil
}

// quizSession loads quiz id with its attempts; lock holds its row until the
// transaction db ends (PostgreSQL; SQLite's write transactions are
// exclusive already).
func quizSession(db *gorm.DB, id int64, lock bool) (quiz.QuizSession, error) {
	var r quizSessionRow
	q := db
	if lock {
		q = db.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	if err := q.First(&r, id).Error; err != nil {
		return quiz.QuizSession{}, notFound(err, fmt.Sprintf("quiz %d", id))
	}
	var as []attemptRow
	if err := db.Where("session_id = ?", id).Order("position").Find(&as).Error; err != nil {
		return quiz.QuizSession{}, fmt.Errorf("quiz %d attempts: %w", id, err)
	}
	return r.domain(as), nil
}

// SubmitAnswer submits the answer given by learner learnerID to the
// question at pos of quiz id and stores what the quiz's rules make of it
// (quiz.QuizSession.Submit): a hint, or the final attempt. It returns the
// quiz after the answer, the step, and the question asked (nil when it was
// deleted since the quiz started). One transaction holds the quiz's row, so
// that two servers answering the same quiz at once record one answer; the
// unique (quiz, position) index backs that up. Another learner's quiz is
// not found; a refused answer is a *quiz.Error.
func (s *Store) SubmitAnswer(ctx context.Context, id, learnerID int64, pos int, given string, now time.Time) (quiz.QuizSession, quiz.Step, *quiz.Question, error) {
	var (
		out   quiz.QuizSession
		step  quiz.Step
		asked *quiz.Question
	)
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		sess, err := quizSession(tx, id, true)
		if err != nil {
			return err
		}
		if sess.LearnerID != learnerID {
			return &quiz.Error{Kind: quiz.ErrNotFound, Msg: fmt.Sprintf("There is no quiz %d.", id)}
		}
		if pos >= 0 && pos < len(sess.QuestionIDs) {
			var r questionRow
			err := tx.First(&r, sess.QuestionIDs[pos]).Error
			switch {
			case err == nil:
				q := r.domain()
				asked = &q
			case !errors.Is(err, gorm.ErrRecordNotFound):
				return fmt.Errorf("question %d: %w", sess.QuestionIDs[pos], err)
			}
		}
		if step, err = sess.Submit(pos, asked, given, now); err != nil {
			return err
		}
		if step.Hint {
			if err := tx.Model(&quizSessionRow{}).Where("id = ?", id).Update("hint_at", pos).Error; err != nil {
				return fmt.Errorf("mark hint: %w", err)
			}
			out = sess.Apply(pos, step)
			return nil
		}
		a := step.Attempt
		r := attemptRow{SessionID: id, Position: pos, LearnerID: sess.LearnerID, QuestionID: a.QuestionID,
			Given: a.Given, Result: a.Result.String(), Tries: a.Tries, AnsweredAt: a.AnsweredAt}
		if err := tx.Create(&r).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return quiz.Errorf(quiz.ErrDuplicate, "Question %d is already answered.", pos+1)
			}
			return fmt.Errorf("record answer: %w", err)
		}
		step.Attempt.ID = r.ID
		out = sess.Apply(pos, step)
		updates := map[string]any{"hint_at": -1}
		if out.Finished() {
			updates["finished_at"] = a.AnsweredAt
		}
		if err := tx.Model(&quizSessionRow{}).Where("id = ?", id).Updates(updates).Error; err != nil {
			return fmt.Errorf("record answer: %w", err)
		}
		return nil
	})
	if err != nil {
		return out, step, asked, fmt.Errorf("quiz %d answer %d: %w", id, pos+1, err)
	}
	return out, step, asked, nil
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
