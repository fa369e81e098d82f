package store

import (
	"context"
	"fmt"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// conflictRow records that a fact of one article and a fact of another
// answer the same question differently (quiz/merge decides). Each conflict
// is stored once from each side, so that an article's are one indexed
// query away.
type conflictRow struct {
	ID             int64 `gorm:"primaryKey"`
	ArticleID      int64 `gorm:"not null;index:idx_conflict_article"`
	FactID         int64 `gorm:"not null;uniqueIndex:idx_conflict_pair"`
	OtherArticleID int64 `gorm:"not null"`
	OtherFactID    int64 `gorm:"not null;uniqueIndex:idx_conflict_pair;index"`

	Fact      factRow `gorm:"foreignKey:FactID;constraint:OnDelete:CASCADE"`
	OtherFact factRow `gorm:"foreignKey:OtherFactID;constraint:OnDelete:CASCADE"`
}

func (conflictRow) TableName() string { return "conflicts" }

// Conflict is a fact of an article that a fact of another article, about
// the same story, contradicts.
type Conflict struct {
	Ours, Theirs quiz.Fact
	// Article is the other article (ID and title).
	Article quiz.Article
}

// Conflicts returns up to limit (0: all) of an article's conflicts, in the
// order of its facts, and how many there are in all.
func (s *Store) Conflicts(ctx context.Context, articleID int64, limit int) ([]Conflict, int64, error) {
	db := s.db.WithContext(ctx)
	var total int64
	if err := db.Model(&conflictRow{}).Where("article_id = ?", articleID).Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count conflicts of article %d: %w", articleID, err)
	}
	if total == 0 {
		return nil, 0, nil
	}
	// Every article page reads these: scanned by hand (hotpath.go), not
	// through gorm's reflection.
	q := db.Model(&conflictRow{}).Select("fact_id, other_fact_id, other_article_id").
		Where("article_id = ?", articleID).Order("fact_id, other_fact_id")
	if limit > 0 {
		q = q.Limit(limit)
	}
	rows, err := scanRows(q, func(sc rowScanner) (conflictRow, error) {
		var r conflictRow
		return r, sc.Scan(&r.FactID, &r.OtherFactID, &r.OtherArticleID)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("conflicts of article %d: %w", articleID, err)
	}
	ids := make([]int64, 0, 2*len(rows))
	arts := make([]int64, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.FactID, r.OtherFactID)
		arts = append(arts, r.OtherArticleID)
	}
	facts, err := scanFacts(db.Where("id IN ?", uniq(ids)))
	if err != nil {
		return nil, 0, fmt.Errorf("conflicting facts: %w", err)
	}
	articles, err := scanRows(db.Model(&articleRow{}).Select("id, title").Where("id IN ?", uniq(arts)),
		func(sc rowScanner) (quiz.Article, error) {
			var a quiz.Article
			return a, sc.Scan(&a.ID, &a.Title)
		})
	if err != nil {
		return nil, 0, fmt.Errorf("conflicting articles: %w", err)
	}
	byFact := make(map[int64]quiz.Fact, len(facts))
	for _, f := range facts {
		byFact[f.ID] = f
	}
	byArticle := make(map[int64]quiz.Article, len(articles))
	for _, a := range articles {
		byArticle[a.ID] = a
	}
	out := make([]Conflict, 0, len(rows))
	for _, r := range rows {
		out = append(out, Conflict{Ours: byFact[r.FactID], Theirs: byFact[r.OtherFactID], Article: byArticle[r.OtherArticleID]})
	}
	return out, total, nil
}

// saveConflicts stores conflicts between new facts (ours, by their stored
// IDs) and stored facts, from both sides, inside transaction tx.
func saveConflicts(tx *gorm.DB, pairs [][2]int64) error {
	if len(pairs) == 0 {
		return nil
	}
	ids := make([]int64, 0, 2*len(pairs))
	for _, p := range pairs {
		ids = append(ids, p[0], p[1])
	}
	var facts []factRow
	if err := tx.Select("id", "article_id").Where("id IN ?", uniq(ids)).Find(&facts).Error; err != nil {
		return fmt.Errorf("conflicts: %w", err)
	}
	article := make(map[int64]int64, len(facts))
	for _, f := range facts {
		article[f.ID] = f.ArticleID
	}
	var rows []conflictRow
	for _, p := range pairs {
		a, b := article[p[0]], article[p[1]]
		if a == 0 || b == 0 || a == b {
			continue
		}
		rows = append(rows, conflictRow{ArticleID: a, FactID: p[0], OtherArticleID: b, OtherFactID: p[1]},
			conflictRow{ArticleID: b, FactID: p[1], OtherArticleID: a, OtherFactID: p[0]})
	}
	if len(rows) == 0 {
		return nil
	}
	if err := tx.CreateInBatches(rows, 200).Error; err != nil {
		return fmt.Errorf("save conflicts: %w", err)
	}
	return nil
}
