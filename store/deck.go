package store

import (
	"context"
	"fmt"
	"slices"

	"factdeck/quiz"
)

// Selection chooses the questions of a deck: every article, or one, and
// optionally only some question types. Reserve questions are left out.
type Selection struct {
	ArticleID int64
	Types     []quiz.QuestionType
	// WithReserve adds the reserve questions to the default decks'.
	WithReserve bool
	// IDs selects these questions (of ArticleID when set), reserve or not.
	IDs []int64
}

// Deck returns the questions chosen by sel with the articles and facts they
// come from. The deck's Name is the article title for one article,
// "factdeck" for all.
func (s *Store) Deck(ctx context.Context, sel Selection) (quiz.Deck, error) {
	d := quiz.Deck{Name: "factdeck"}
	if sel.ArticleID != 0 {
		a, err := s.Article(ctx, sel.ArticleID)
		if err != nil {
			return d, err
		}
		d.Name = a.Title
	}
	qs, err := s.Questions(ctx, QuestionFilter{ArticleID: sel.ArticleID, Types: sel.Types, WithReserve: sel.WithReserve, IDs: sel.IDs})
	if err != nil {
		return d, fmt.Errorf("deck: %w", err)
	}
	d.Questions = qs
	var factIDs, articleIDs []int64
	for _, q := range qs {
		if q.FactID != 0 {
			factIDs = append(factIDs, q.FactID)
		}
		articleIDs = append(articleIDs, q.ArticleID)
	}
	if sel.ArticleID != 0 {
		articleIDs = []int64{sel.ArticleID}
	}
	db := s.db.WithContext(ctx)
	for ids := range slices.Chunk(uniq(articleIDs), 500) {
		var rows []articleRow
		if err := db.Where("id IN ?", ids).Order("id").Find(&rows).Error; err != nil {
			return d, fmt.Errorf("deck articles: %w", err)
		}
		for _, r := range rows {
			d.Articles = append(d.Articles, r.domain())
		}
	}
	for ids := range slices.Chunk(uniq(factIDs), 500) {
		var rows []factRow
		if err := db.Where("id IN ?", ids).Order("id").Find(&rows).Error; err != nil {
			return d, fmt.Errorf("deck facts: %w", err)
		}
		for _, r := range rows {
			d.Facts = append(d.Facts, r.domain())
		}
	}
	return d, nil
}

// uniq returns the distinct IDs in ascending order.
func uniq(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}
