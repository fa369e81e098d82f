package store

// This file holds the card browser's query: a learner's flashcards (one per
// note) searched by text and filtered by deck, type, state and flag.

import (
	"context"
	"fmt"
	"strings"
	"time"

	"factdeck/quiz"
)

// CardStates are the states the browser filters on, besides "" (any).
var CardStates = []string{"new", "learning", "review", "due", "suspended", "buried"}

// CardFilter chooses cards in the browser. Zero fields do not filter.
type CardFilter struct {
	Text      string
	ArticleID int64
	Type      quiz.QuestionType
	// State is one of CardStates.
	State string
	// Flag filters on a flag when HasFlag is set (FlagNone: no flag).
	Flag    quiz.Flag
	HasFlag bool
	Limit   int
	Offset  int
}

// BrowsedCard is one card of the browser: the note's lead question and the
// learner's schedule (State new and zero times when never studied).
type BrowsedCard struct {
	Question quiz.Question
	Card     quiz.Card
}

// BrowseCards returns the learner's cards matching f, in question order,
// and how many match in all.
func (s *Store) BrowseCards(ctx context.Context, learnerID int64, f CardFilter, now time.Time) ([]BrowsedCard, int, error) {
	if f.State != "" && !containsString(CardStates, f.State) {
		return nil, 0, quiz.Errorf(quiz.ErrInvalid, "Unknown card state %q.", f.State)
	}
	q := inDeck(s.db.WithContext(ctx).Model(&questionRow{}).
		Joins("LEFT JOIN cards ON cards.question_id = questions.id AND cards.learner_id = ?", learnerID), f.ArticleID)
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(t)) + "%"
		q = q.Where(`(lower(questions.prompt) LIKE ? ESCAPE '\' OR lower(questions.answer) LIKE ? ESCAPE '\' OR lower(questions.sentence) LIKE ? ESCAPE '\')`, like, like, like)
	}
	if f.Type != "" {
		q = q.Where("questions.type = ?", string(f.Type))
	}
	held := "(COALESCE(cards.suspended, false) OR COALESCE(cards.buried_until > ?, false))"
	switch f.State {
	case "new":
		q = q.Where("COALESCE(cards.state, 0) = 0")
	case "learning":
		q = q.Where("cards.state IN (1, 3)")
	case "review":
		q = q.Where("cards.state = 2")
	case "due":
		q = q.Where("cards.state <> 0 AND cards.due <= ? AND NOT "+held, now.Add(LearnAhead), now)
	case "suspended":
		q = q.Where("cards.suspended")
	case "buried":
		q = q.Where("cards.buried_until > ?", now)
	}
	if f.HasFlag {
		q = q.Where("COALESCE(cards.flag, 0) = ?", int(f.Flag))
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("browse cards: %w", err)
	}
	var rows []questionRow
	if f.Limit <= 0 {
		f.Limit = 50
	}
	if err := q.Select("questions.*").Order("questions.id").Limit(f.Limit).Offset(f.Offset).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("browse cards: %w", err)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	cards := map[int64]quiz.Card{}
	if len(ids) > 0 && learnerID != 0 {
		cs, err := s.Cards(ctx, learnerID, ids)
		if err != nil {
			return nil, 0, err
		}
		for _, c := range cs {
			cards[c.QuestionID] = c
		}
	}
	out := make([]BrowsedCard, len(rows))
	for i, r := range rows {
		c, ok := cards[r.ID]
		if !ok {
			c = quiz.Card{LearnerID: learnerID, QuestionID: r.ID, State: quiz.CardNew}
		}
		out[i] = BrowsedCard{Question: r.domain(), Card: c}
	}
	return out, int(total), nil
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
