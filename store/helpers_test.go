package store_test

import (
	"context"

	"factdeck/quiz"
	"factdeck/store"
)

// createArticle stores one new article through Save, as the pipeline's
// callers do; conflicts pair a new fact (provisional ID) with a stored one.
func createArticle(s *store.Store, ctx context.Context, a quiz.Article, facts []quiz.Fact, qs []quiz.Question, conflicts ...[2]int64) (quiz.Article, []quiz.Fact, []quiz.Question, error) {
	var links []quiz.Link
	for _, c := range conflicts {
		links = append(links, quiz.Link{Fact: c[0], Other: c[1]})
	}
	out, err := s.Save(ctx, []quiz.Ingested{{Source: a.Source, Article: a, Facts: facts, Questions: qs, Conflicts: links}}, false)
	if err != nil {
		return a, nil, nil, err
	}
	return out[0].Article, out[0].Facts, out[0].Questions, out[0].Err
}

// replaceFacts makes a stored article's facts and questions again through
// Save, as regeneration does.
func replaceFacts(s *store.Store, ctx context.Context, articleID int64, facts []quiz.Fact, qs []quiz.Question) (store.RegenerateReport, error) {
	a := quiz.Article{ID: articleID, Title: "regenerated", Hash: "regenerated"}
	out, err := s.Save(ctx, []quiz.Ingested{{Article: a, Facts: facts, Questions: qs}}, true)
	if err != nil {
		return store.RegenerateReport{}, err
	}
	return out[0].Report, out[0].Err
}
