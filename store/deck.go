package store

import (
	"context"
	"fmt"

	"factdeck/quiz"
)

// Selection chooses the questions of a deck: every article, or one, and
// optionally only some question types.
type Selection struct {
	ArticleID int64
	Types     []quiz.QuestionType
}

// Deck returns the questions chosen by sel with their articles and facts.
// The deck's Name is the article title for one article, "factdeck" for all.
func (s *Store) Deck(ctx context.Context, sel Selection) (quiz.Deck, error) {
	d := quiz.Deck{Name: "factdeck"}
	if sel.ArticleID != 0 {
		a, err := s.Article(ctx, sel.ArticleID)
		if err != nil {
			return d, fmt.Errorf("deck: %w", err)
		}
		d.Name = a.Title
		d.Articles = []quiz.Article{a}
	} else {
		all, err := s.Articles(ctx)
		if err != nil {
			return d, fmt.Errorf("deck: %w", err)
		}
		for i := len(all) - 1; i >= 0; i-- { // oldest first
			d.Articles = append(d.Articles, all[i].Article)
		}
	}
	qs, err := s.Questions(ctx, QuestionFilter{ArticleID: sel.ArticleID, Types: sel.Types})
	if err != nil {
		return d, fmt.Errorf("deck: %w", err)
	}
	d.Questions = qs
	facts, err := s.Facts(ctx, sel.ArticleID)
	if err != nil {
		return d, fmt.Errorf("deck: %w", err)
	}
	used := make(map[int64]bool, len(qs))
	for _, q := range qs {
		used[q.FactID] = true
	}
	for _, f := range facts {
		if used[f.ID] {
			d.Facts = append(d.Facts, f)
		}
	}
	return d, nil
}
