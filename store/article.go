package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// ArticleSummary is an article with the counts shown in listings.
type ArticleSummary struct {
	quiz.Article
	Facts     int64
	Questions int64
}

// HasArticle reports whether an article with the given content hash is
// stored.
func (s *Store) HasArticle(ctx context.Context, hash string) (bool, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&articleRow{}).Where("hash = ?", hash).Count(&n).Error; err != nil {
		return false, fmt.Errorf("look up article hash: %w", err)
	}
	return n > 0, nil
}

// CreateArticle stores an article with its facts and questions in one
// transaction and returns the article, facts and questions with their new
// IDs. Facts carry provisional IDs unique within the call (the pipeline
// numbers them 1..n) and each question's FactID names one of them (0 for
// none); they are mapped to the stored IDs. An article whose Hash is already
// stored is refused with an error wrapping quiz.ErrDuplicate, and nothing is
// written.
func (s *Store) CreateArticle(ctx context.Context, a quiz.Article, facts []quiz.Fact, qs []quiz.Question) (quiz.Article, []quiz.Fact, []quiz.Question, error) {
	if a.Hash == "" || a.Title == "" {
		return a, nil, nil, fmt.Errorf("create article %q: missing title or hash: %w", a.Source, quiz.ErrInvalid)
	}
	if a.IngestedAt.IsZero() {
		a.IngestedAt = time.Now().UTC()
	}
	outFacts := make([]quiz.Fact, len(facts))
	outQs := make([]quiz.Question, len(qs))
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&articleRow{}).Where("hash = ?", a.Hash).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return quiz.ErrDuplicate
		}
		ar := toArticleRow(a)
		ar.ID = 0
		if err := tx.Create(&ar).Error; err != nil {
			return err
		}
		a.ID = ar.ID
		ids := make(map[int64]int64, len(facts))
		if len(facts) > 0 {
			rows := make([]factRow, len(facts))
			for i, f := range facts {
				rows[i] = toFactRow(f)
				rows[i].ID = 0
				rows[i].ArticleID = a.ID
			}
			if err := tx.CreateInBatches(rows, 200).Error; err != nil {
				return err
			}
			for i := range rows {
				ids[facts[i].ID] = rows[i].ID
				outFacts[i] = rows[i].domain()
			}
		}
		if len(qs) > 0 {
			rows := make([]questionRow, len(qs))
			byID := make(map[int64]quiz.Fact, len(facts))
			for _, f := range facts {
				byID[f.ID] = f
			}
			for i, q := range qs {
				ident := ident(q, byID[q.FactID])
				if q.FactID != 0 {
					id, ok := ids[q.FactID]
					if !ok {
						return fmt.Errorf("question %d names unknown fact %d: %w", i, q.FactID, quiz.ErrInvalid)
					}
					q.FactID = id
				}
				rows[i] = toQuestionRow(q)
				rows[i].ID = 0
				rows[i].ArticleID = a.ID
				rows[i].Ident = ident
			}
			if err := tx.CreateInBatches(rows, 200).Error; err != nil {
				return err
			}
			for i := range rows {
				outQs[i] = rows[i].domain()
			}
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, quiz.ErrDuplicate) || errors.Is(err, gorm.ErrDuplicatedKey) {
			return a, nil, nil, fmt.Errorf("create article %q: %w", a.Source, quiz.ErrDuplicate)
		}
		return a, nil, nil, fmt.Errorf("create article %q: %w", a.Source, err)
	}
	return a, outFacts, outQs, nil
}

// Article returns the article with the given ID.
func (s *Store) Article(ctx context.Context, id int64) (quiz.Article, error) {
	var r articleRow
	if err := s.db.WithContext(ctx).First(&r, id).Error; err != nil {
		return quiz.Article{}, notFound(err, fmt.Sprintf("article %d", id))
	}
	return r.domain(), nil
}

// Articles returns every article, newest first, with fact and question
// counts.
func (s *Store) Articles(ctx context.Context) ([]ArticleSummary, error) {
	var rows []articleRow
	db := s.db.WithContext(ctx)
	if err := db.Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	type count struct {
		ArticleID int64
		N         int64
	}
	var fc, qc []count
	if err := db.Model(&factRow{}).Select("article_id, count(*) AS n").Group("article_id").Scan(&fc).Error; err != nil {
		return nil, fmt.Errorf("count facts: %w", err)
	}
	if err := db.Model(&questionRow{}).Select("article_id, count(*) AS n").Group("article_id").Scan(&qc).Error; err != nil {
		return nil, fmt.Errorf("count questions: %w", err)
	}
	facts := make(map[int64]int64, len(fc))
	for _, c := range fc {
		facts[c.ArticleID] = c.N
	}
	questions := make(map[int64]int64, len(qc))
	for _, c := range qc {
		questions[c.ArticleID] = c.N
	}
	out := make([]ArticleSummary, len(rows))
	for i, r := range rows {
		out[i] = ArticleSummary{Article: r.domain(), Facts: facts[r.ID], Questions: questions[r.ID]}
	}
	return out, nil
}

// CountArticles returns how many articles are stored.
func (s *Store) CountArticles(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&articleRow{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// DeleteArticle removes an article with its facts and questions.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Delete(&articleRow{}, id)
		if res.Error != nil {
			return fmt.Errorf("delete article %d: %w", id, res.Error)
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("delete article %d: %w", id, quiz.ErrNotFound)
		}
		if err := tx.Unscoped().Where("article_id = ?", id).Delete(&questionRow{}).Error; err != nil {
			return fmt.Errorf("delete article %d questions: %w", id, err)
		}
		if err := tx.Where("article_id = ?", id).Delete(&factRow{}).Error; err != nil {
			return fmt.Errorf("delete article %d facts: %w", id, err)
		}
		return nil
	})
}
