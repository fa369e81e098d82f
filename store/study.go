package store

// This file holds the queries of studying and quizzing that must not grow
// with the library: a learner's deck counts, the next flashcard, and the
// random questions of a new quiz.

import (
	"context"
	"fmt"
	"math/rand/v2"
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

// smallLibrary is the question ID range below which a draw reads every
// candidate instead of probing.
const smallLibrary = 2000

// DrawQuestions picks up to n questions matching f at random for a quiz,
// one per fact first, so that a quiz does not ask the same thing twice. The
// questions of an article, or of a small library, are read whole; across the library, random
// points of the ID range are probed through the primary key, so that a
// draw costs the same with ten articles or ten thousand.
func (s *Store) DrawQuestions(ctx context.Context, f QuestionFilter, n int, rng *rand.Rand) ([]int64, error) {
	type pick struct {
		ID     int64
		FactID *int64
	}
	var cands []pick
	var maxID int64
	if err := s.db.WithContext(ctx).Model(&questionRow{}).Select("coalesce(max(id), 0)").Scan(&maxID).Error; err != nil {
		return nil, fmt.Errorf("draw questions: %w", err)
	}
	if f.ArticleID != 0 || maxID <= smallLibrary {
		q, err := s.questionQuery(ctx, f)
		if err != nil {
			return nil, err
		}
		if err := q.Select("id", "fact_id").Order("id").Scan(&cands).Error; err != nil {
			return nil, fmt.Errorf("draw questions: %w", err)
		}
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	} else {
		seen := map[int64]bool{}
		for try := 0; try < 8*n && maxID > 0 && len(cands) < 3*n; try++ {
			q, err := s.questionQuery(ctx, f)
			if err != nil {
				return nil, err
			}
			var p []pick
			start := rng.Int64N(maxID) + 1
			if err := q.Select("id", "fact_id").Where("id >= ?", start).Order("id").Limit(1).Scan(&p).Error; err != nil {
				return nil, fmt.Errorf("draw questions: %w", err)
			}
			if len(p) == 0 && try == 0 { // nothing above: from the start
				q, _ = s.questionQuery(ctx, f)
				if err := q.Select("id", "fact_id").Order("id").Limit(1).Scan(&p).Error; err != nil {
					return nil, fmt.Errorf("draw questions: %w", err)
				}
			}
			if len(p) == 1 && !seen[p[0].ID] {
				seen[p[0].ID] = true
				cands = append(cands, p[0])
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
