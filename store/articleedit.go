package store

// This file holds a teacher's changes to an article itself: its title and
// the name of its source. Regeneration leaves both as set.

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// Longest title and source label accepted, in characters.
const (
	MaxTitle = 300
	MaxLabel = 200
)

// RenameArticle sets an article's title and source label (empty: the
// source's file name or URL is shown). The title is required.
func (s *Store) RenameArticle(ctx context.Context, id int64, title, label string) (quiz.Article, error) {
	title, label = strings.Join(strings.Fields(title), " "), strings.Join(strings.Fields(label), " ")
	switch {
	case title == "":
		return quiz.Article{}, quiz.Errorf(quiz.ErrInvalid, "The title is required.")
	case !utf8.ValidString(title) || !utf8.ValidString(label):
		return quiz.Article{}, quiz.Errorf(quiz.ErrInvalid, "The title or label is not valid text.")
	case utf8.RuneCountInString(title) > MaxTitle:
		return quiz.Article{}, quiz.Errorf(quiz.ErrInvalid, "The title is longer than %d characters.", MaxTitle)
	case utf8.RuneCountInString(label) > MaxLabel:
		return quiz.Article{}, quiz.Errorf(quiz.ErrInvalid, "The source label is longer than %d characters.", MaxLabel)
	}
	var out quiz.Article
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&articleRow{}).Where("id = ?", id).Updates(map[string]any{"title": title, "label": label})
		if res.Error != nil {
			return fmt.Errorf("rename article %d: %w", id, res.Error)
		}
		if res.RowsAffected == 0 {
			return quiz.Errorf(quiz.ErrNotFound, "There is no article %d.", id)
		}
		var r articleRow
		if err := tx.Omit("body").Take(&r, id).Error; err != nil {
			return fmt.Errorf("rename article %d: %w", id, err)
		}
		out = r.domain()
		return nil
	})
	return out, err
}

// AddQuestion stores a question a person wrote (quiz.Handwritten) in an
// article's deck; it survives regeneration as an edited question does.
func (s *Store) AddQuestion(ctx context.Context, articleID int64, q quiz.Question) (quiz.Question, error) {
	if err := q.Validate(); err != nil {
		return quiz.Question{}, err
	}
	q.ID, q.ArticleID, q.FactID, q.Edited, q.Reserve = 0, articleID, 0, true, false
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("body").Take(&articleRow{}, articleID).Error; err != nil {
			return notFound(err, fmt.Sprintf("article %d", articleID))
		}
		r := toQuestionRow(q)
		r.Ident = quiz.Identity(q, quiz.Fact{Subject: "handwritten", Relation: q.Prompt})
		if err := tx.Create(&r).Error; err != nil {
			return fmt.Errorf("add question to article %d: %w", articleID, err)
		}
		q.ID = r.ID
		return refreshArticle(tx, articleID)
	})
	return q, err
}
