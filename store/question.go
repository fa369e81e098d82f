package store

import (
	"context"
	"fmt"
	"strings"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// QuestionFilter selects questions. Zero fields select everything.
type QuestionFilter struct {
	ArticleID int64
	IDs       []int64
	Types     []quiz.QuestionType
	// Limit caps the number returned (0: no cap), best Score first.
	Limit int
}

// Questions returns the questions matching f, ordered by article, then
// score (best first), then ID.
func (s *Store) Questions(ctx context.Context, f QuestionFilter) ([]quiz.Question, error) {
	q := s.db.WithContext(ctx).Model(&questionRow{})
	if f.ArticleID != 0 {
		q = q.Where("article_id = ?", f.ArticleID)
	}
	if len(f.IDs) > 0 {
		q = q.Where("id IN ?", f.IDs)
	}
	if len(f.Types) > 0 {
		ts := make([]string, len(f.Types))
		for i, t := range f.Types {
			if !t.Valid() {
				return nil, fmt.Errorf("question type %q: %w", t, quiz.ErrInvalid)
			}
			ts[i] = string(t)
		}
		q = q.Where("type IN ?", ts)
	}
	if f.Limit > 0 {
		q = q.Order("score DESC, id").Limit(f.Limit)
	} else {
		q = q.Order("article_id, score DESC, id")
	}
	var rows []questionRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list questions: %w", err)
	}
	out := make([]quiz.Question, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// Question returns the question with the given ID.
func (s *Store) Question(ctx context.Context, id int64) (quiz.Question, error) {
	var r questionRow
	if err := s.db.WithContext(ctx).First(&r, id).Error; err != nil {
		return quiz.Question{}, notFound(err, fmt.Sprintf("question %d", id))
	}
	return r.domain(), nil
}

// UpdateQuestion saves a person's edit of a question's wording, answer,
// accepted answers and options, and marks it edited so that it survives
// regeneration of its article's questions.
func (s *Store) UpdateQuestion(ctx context.Context, q quiz.Question) (quiz.Question, error) {
	if strings.TrimSpace(q.Prompt) == "" || strings.TrimSpace(q.Answer) == "" {
		return q, fmt.Errorf("update question %d: prompt and answer are required: %w", q.ID, quiz.ErrInvalid)
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var r questionRow
		if err := tx.First(&r, q.ID).Error; err != nil {
			return notFound(err, fmt.Sprintf("question %d", q.ID))
		}
		r.Prompt, r.Answer, r.Accepted, r.Options, r.Cloze = q.Prompt, q.Answer, q.Accepted, q.Options, q.Cloze
		r.Edited = true
		if err := tx.Save(&r).Error; err != nil {
			return fmt.Errorf("update question %d: %w", q.ID, err)
		}
		q = r.domain()
		return nil
	})
	return q, err
}

// DeleteQuestion removes a question. The deletion is remembered (a soft
// delete) so that regenerating the article's questions does not bring it
// back.
func (s *Store) DeleteQuestion(ctx context.Context, id int64) error {
	res := s.db.WithContext(ctx).Delete(&questionRow{}, id)
	if res.Error != nil {
		return fmt.Errorf("delete question %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("delete question %d: %w", id, quiz.ErrNotFound)
	}
	return nil
}
