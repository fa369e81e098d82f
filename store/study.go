package store

// This file holds the queries of studying and quizzing that must not grow
// with the library: a learner's deck counts, the next flashcard, and the
// random questions of a new quiz.

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// DeckCounts is one learner's state in one deck: studied cards (not new),
// those due now, and when the next one not yet due comes due.
type DeckCounts struct {
	Studied, Due int
	NextDue      time.Time
}

// LearnerDecks returns the learner's counts per article, and for every
// article together under key 0: one aggregate over the learner's own cards.
func (s *Store) LearnerDecks(ctx context.Context, learnerID int64, now time.Time) (map[int64]DeckCounts, error) {
	out := map[int64]DeckCounts{0: {}}
	if learnerID == 0 {
		return out, nil
	}
	rows, err := s.db.WithContext(ctx).Table("cards").
		Select("questions.article_id, count(*), sum(CASE WHEN cards.due <= ? THEN 1 ELSE 0 END), "+
			"min(CASE WHEN cards.due > ? THEN cards.due END)", now, now).
		Joins("JOIN questions ON questions.id = cards.question_id").
		Where("cards.learner_id = ? AND cards.state <> ? AND questions.card = ? AND questions.deleted_at IS NULL",
			learnerID, int(quiz.CardNew), true).
		Group("questions.article_id").Rows()
	if err != nil {
		return nil, fmt.Errorf("deck counts of learner %d: %w", learnerID, err)
	}
	defer rows.Close()
	type row struct {
		articleID    int64
		studied, due int
		nextDue      any
	}
	var got []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.articleID, &r.studied, &r.due, &r.nextDue); err != nil {
			return nil, fmt.Errorf("deck counts of learner %d: %w", learnerID, err)
		}
		got = append(got, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("deck counts of learner %d: %w", learnerID, err)
	}
	all := out[0]
	for _, r := range got {
		c := DeckCounts{Studied: r.studied, Due: r.due, NextDue: aggregateTime(r.nextDue)}
		out[r.articleID] = c
		all.Studied += c.Studied
		all.Due += c.Due
		if !c.NextDue.IsZero() && (all.NextDue.IsZero() || c.NextDue.Before(all.NextDue)) {
			all.NextDue = c.NextDue
		}
	}
	out[0] = all
	return out, nil
}

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

// NextCard returns the flashcard the learner should study now in the deck
// of one article (0: every article): the most overdue card, else, when
// newAllowed, the first card never studied. ok is false when there is
// nothing to study now.
func (s *Store) NextCard(ctx context.Context, learnerID, articleID int64, now time.Time, newAllowed bool) (q quiz.Question, c quiz.Card, ok bool, err error) {
	db := s.db.WithContext(ctx)
	if learnerID != 0 {
		var cr cardRow
		due := db.Table("cards").Select("cards.*").Joins("JOIN questions ON questions.id = cards.question_id").
			Where("cards.learner_id = ? AND cards.state <> ? AND cards.due <= ? AND questions.card = ? AND questions.deleted_at IS NULL",
				learnerID, int(quiz.CardNew), now, true)
		if articleID != 0 {
			due = due.Where("questions.article_id = ?", articleID)
		}
		err := due.Order("cards.due, cards.question_id").Limit(1).Take(&cr).Error
		switch {
		case err == nil:
			q, err := s.Question(ctx, cr.QuestionID)
			return q, cr.domain(), err == nil, err
		case !errors.Is(err, gorm.ErrRecordNotFound):
			return q, c, false, fmt.Errorf("next due card: %w", err)
		}
	}
	if !newAllowed {
		return q, c, false, nil
	}
	var r questionRow
	fresh := db.Where("card = ? AND reserve = ?", true, false)
	if articleID != 0 {
		fresh = fresh.Where("article_id = ?", articleID)
	}
	if learnerID != 0 {
		fresh = fresh.Where("NOT EXISTS (SELECT 1 FROM cards WHERE cards.learner_id = ? AND cards.question_id = questions.id AND cards.state <> ?)",
			learnerID, int(quiz.CardNew))
	}
	err = fresh.Order("id").Limit(1).Take(&r).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return q, c, false, nil
	case err != nil:
		return q, c, false, fmt.Errorf("next new card: %w", err)
	}
	return r.domain(), quiz.Card{LearnerID: learnerID, QuestionID: r.ID, State: quiz.CardNew}, true, nil
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
