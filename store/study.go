package store

// This file holds the queries of studying and quizzing that must not grow
// with the library: a learner's deck counts, the next flashcard, and the
// random questions of a new quiz.

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// aggregateTime reads a time computed by an aggregate: PostgreSQL returns
// a time, SQLite the text it stored.
func aggregateTime(v any) time.Time {
	switch t := v.(type) {
	case time.Time:
		return t
	case []byte:
		return aggregateTime(string(t))
	case string:
		for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999"} {
			if p, err := time.Parse(layout, t); err == nil {
				return p
			}
		}
	}
	return time.Time{}
}

// smallLibrary is the article ID range below which a draw reads every
// article's ID instead of probing.
const smallLibrary = 500

// drawArticles returns up to n articles with questions, in random order.
func (s *Store) drawArticles(ctx context.Context, n int, rng *rand.Rand) ([]int64, error) {
	db := s.db.WithContext(ctx)
	var maxID int64
	if err := db.Model(&articleRow{}).Select("coalesce(max(id), 0)").Scan(&maxID).Error; err != nil {
		return nil, fmt.Errorf("draw articles: %w", err)
	}
	var ids []int64
	if maxID <= smallLibrary {
		if err := db.Model(&articleRow{}).Where("n_questions > 0 OR counted = ?", false).Order("id").Pluck("id", &ids).Error; err != nil {
			return nil, fmt.Errorf("draw articles: %w", err)
		}
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		return ids[:min(n, len(ids))], nil
	}
	// Probes at random points of the ID range, all in one statement; a
	// second round makes up for probes that found the same article.
	seen := map[int64]bool{}
	for round := 0; round < 2 && len(ids) < n; round++ {
		k := 2 * (n - len(ids))
		var sb strings.Builder
		args := make([]any, k)
		for i := range k {
			if i > 0 {
				sb.WriteString(" UNION ALL ")
			}
			sb.WriteString("SELECT coalesce((SELECT id FROM articles WHERE id >= ? AND n_questions > 0 ORDER BY id LIMIT 1), 0)")
			args[i] = rng.Int64N(maxID) + 1
		}
		var got []int64
		if err := db.Raw(sb.String(), args...).Scan(&got).Error; err != nil {
			return nil, fmt.Errorf("draw articles: %w", err)
		}
		for _, id := range got {
			if id != 0 && !seen[id] && len(ids) < n {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids, nil
}

// DrawQuestions picks up to n questions matching f at random for a quiz,
// one per fact first, so that a quiz does not ask the same thing twice. The
// questions of one article are read whole. Across the library the draw is
// fair to articles: it picks articles at random, then questions from them
// in turns, one per article a turn, so that an article with a thousand
// questions gets no more of a quiz than one with ten. Articles are probed
// at random points of their ID range, so that a draw costs the same with
// ten articles or ten thousand.
func (s *Store) DrawQuestions(ctx context.Context, f QuestionFilter, n int, rng *rand.Rand) ([]int64, error) {
	type pick struct {
		ID        int64
		FactID    *int64
		ArticleID int64
	}
	var cands []pick
	if f.ArticleID != 0 {
		q, err := s.questionQuery(ctx, f)
		if err != nil {
			return nil, err
		}
		if err := q.Select("id", "fact_id", "article_id").Order("id").Scan(&cands).Error; err != nil {
			return nil, fmt.Errorf("draw questions: %w", err)
		}
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	} else {
		arts, err := s.drawArticles(ctx, 2*n+2, rng)
		if err != nil {
			return nil, err
		}
		var all []pick
		for chunk := range slices.Chunk(arts, 200) {
			q, err := s.questionQuery(ctx, f)
			if err != nil {
				return nil, err
			}
			var got []pick
			if err := q.Select("id", "fact_id", "article_id").Where("article_id IN ?", chunk).Order("id").Scan(&got).Error; err != nil {
				return nil, fmt.Errorf("draw questions: %w", err)
			}
			all = append(all, got...)
		}
		byArticle := map[int64][]pick{}
		for _, p := range all {
			byArticle[p.ArticleID] = append(byArticle[p.ArticleID], p)
		}
		for _, ps := range byArticle {
			rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		}
		// Turns: one question of each article, in the drawn order of
		// articles, then a second of each, and so on.
		for turn := 0; len(cands) < 3*n; turn++ {
			added := false
			for _, a := range arts {
				if ps := byArticle[a]; turn < len(ps) {
					cands = append(cands, ps[turn])
					added = true
				}
			}
			if !added {
				break
			}
		}
	}
	var out, rest []int64
	facts := map[int64]bool{}
	for _, c := range cands {
		if len(out) == n {
			break
		}
		if c.FactID != nil && facts[*c.FactID] {
			rest = append(rest, c.ID)
			continue
		}
		if c.FactID != nil {
			facts[*c.FactID] = true
		}
		out = append(out, c.ID)
	}
	for _, id := range rest {
		if len(out) == n {
			break
		}
		out = append(out, id)
	}
	return out, nil
}
