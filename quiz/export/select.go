package export

// This file narrows a deck to what a user asked to export.

import (
	"slices"

	"factdeck/quiz"
)

// Selection picks the questions of a deck to export. The zero Selection
// keeps everything.
type Selection struct {
	// ArticleID, when not zero, keeps only the questions of that article.
	ArticleID int64
	// Types, when not empty, keeps only questions of these types.
	Types []quiz.QuestionType
}

// Select returns the part of d that s picks: the selected questions in
// their order, and only the articles and facts they come from. Writing a
// selection without questions fails with an error wrapping quiz.ErrEmpty.
func Select(d quiz.Deck, s Selection) quiz.Deck {
	out := quiz.Deck{ID: d.ID, Name: d.Name}
	articles := map[int64]bool{}
	facts := map[int64]bool{}
	for _, q := range d.Questions {
		if s.ArticleID != 0 && q.ArticleID != s.ArticleID {
			continue
		}
		if len(s.Types) > 0 && !slices.Contains(s.Types, q.Type) {
			continue
		}
		out.Questions = append(out.Questions, q)
		articles[q.ArticleID] = true
		facts[q.FactID] = true
	}
	for _, a := range d.Articles {
		if articles[a.ID] {
			out.Articles = append(out.Articles, a)
		}
	}
	for _, f := range d.Facts {
		if facts[f.ID] {
			out.Facts = append(out.Facts, f)
		}
	}
	return out
}
