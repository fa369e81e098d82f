package web

// This file holds decks: "all" plus one per article, their flashcards and
// the learner's due and new counts, all counted by the store.

import (
	"strconv"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/schedule"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// New cards per day, as Anki's limits: each article's deck meets at most
// newPerDeck new cards a day, and all decks together newPerDay; a deck shows
// the smaller of what is left of the two, so that what the decks offer
// adds up to what the learner can study.
const (
	newPerDay  = 20
	newPerDeck = 10
)

// deckAll is the key of the deck of every question.
const deckAll = "all"

// deckRef names a deck: every question ("all") or one article's.
type deckRef struct {
	Key       string
	ArticleID int64
}

func parseDeck(key string) (deckRef, error) {
	if key == deckAll || key == "" {
		return deckRef{Key: deckAll}, nil
	}
	id, err := strconv.ParseInt(key, 10, 64)
	if err != nil || id <= 0 {
		return deckRef{}, badRequest("Unknown deck %q: use \"all\" or an article number.", truncate(key, 40))
	}
	return deckRef{Key: key, ArticleID: id}, nil
}

// deckSummary is a deck with its sizes and the learner's counts.
type deckSummary struct {
	Key       string
	Name      string
	ArticleID int64
	Questions int
	Cards     int
	// Due is Learning + Review: the cards to study now besides new ones.
	Due      int
	Learning int
	Review   int
	New      int
	// Limit is the deck's new card limit per day; Suspended and Buried
	// count the cards the learner put aside.
	Limit     int
	Suspended int
	Buried    int
	// NextDue is when the next card not yet due comes due.
	NextDue time.Time
	// DayLeft is how many new cards the learner may still meet today in
	// all decks together.
	DayLeft int
	// Sizes says Cards and Questions in words, for the deck lists: a
	// template function called per row costs a reflected call each.
	Sizes string
}

// deckSummaries returns "All questions" and one deck per article of arts,
// with the learner's counts. Its cost does not grow with the library:
// counts are kept with the articles, and the learner's come from their own
// cards.
func (s *Server) deckSummaries(c *fiber.Ctx, arts []store.ArticleSummary) ([]deckSummary, error) {
	ctx := c.UserContext()
	lid, err := s.learnerID(c)
	if err != nil {
		return nil, err
	}
	totals, err := s.store.Totals(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now().UTC()
	ids := make([]int64, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	counts, err := s.store.LearnerDecks(ctx, lid, now, ids)
	if err != nil {
		return nil, err
	}
	met, err := s.store.NewCardsPerDeck(ctx, lid, startOfDay(now), ids)
	if err != nil {
		return nil, err
	}
	allLeft := max(newPerDay-met[0], 0)
	summarize := func(key, name string, articleID int64, questions, cards int64) deckSummary {
		n := counts[articleID]
		limit, left := newPerDay, allLeft
		if articleID != 0 {
			limit, left = newPerDeck, min(allLeft, max(newPerDeck-met[articleID], 0))
		}
		return deckSummary{Key: key, Name: name, ArticleID: articleID, Questions: int(questions), Cards: int(cards),
			Due: n.Due(), Learning: n.Learning, Review: n.Review, Suspended: n.Suspended, Buried: n.Buried, Limit: limit,
			New: min(left, max(int(cards)-n.Studied-n.HeldNew, 0)), NextDue: n.NextDue, DayLeft: allLeft,
			Sizes: plural(int(cards), "card") + " · " + plural(int(questions), "question")}
	}
	// The deck of every article holds each note once.
	out := []deckSummary{summarize(deckAll, "All questions", 0, totals.Questions, totals.Notes)}
	for _, a := range arts {
		out = append(out, summarize(strconv.FormatInt(a.ID, 10), a.Title, a.ID, a.Questions, a.Cards))
	}
	return out, nil
}

// deck returns the summary of deck d.
func (s *Server) deck(c *fiber.Ctx, d deckRef) (deckSummary, error) {
	var arts []store.ArticleSummary
	if d.ArticleID != 0 {
		a, err := s.store.ArticleSummary(c.UserContext(), d.ArticleID)
		if err != nil {
			return deckSummary{}, err
		}
		arts = append(arts, a)
	}
	decks, err := s.deckSummaries(c, arts)
	if err != nil {
		return deckSummary{}, err
	}
	return decks[len(decks)-1], nil
}

// studyState is what a learner has to study in one deck now.
type studyState struct {
	Deck    deckSummary
	Current *quiz.Question
	Card    quiz.Card
}

// study returns the learner's counts in the deck named by the route's
// :deck and the card to show now.
func (s *Server) study(c *fiber.Ctx) (studyState, error) {
	d, err := parseDeck(c.Params("deck"))
	if err != nil {
		return studyState{}, err
	}
	dk, err := s.deck(c, d)
	if err != nil {
		return studyState{}, err
	}
	st := studyState{Deck: dk}
	lid, err := s.learnerID(c)
	if err != nil {
		return st, err
	}
	if v := c.Query("card"); v != "" && lid != 0 {
		// After an undo the card taken back is shown again first.
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			q, err := s.store.Question(c.UserContext(), id)
			if err == nil && !q.Reserve {
				card, err := s.store.Card(c.UserContext(), lid, id)
				if isNotFound(err) {
					card, err = schedule.New(lid, id), nil
				}
				if err != nil {
					return st, err
				}
				st.Current, st.Card = &q, card
				return st, nil
			} else if err != nil && !isNotFound(err) {
				return st, err
			}
		}
	}
	q, card, ok, err := s.store.NextCard(c.UserContext(), lid, d.ArticleID, s.now().UTC(), dk.New > 0)
	if err != nil {
		return st, err
	}
	if ok {
		st.Current, st.Card = &q, card
	}
	return st, nil
}

// review rates a flashcard for the current learner and returns its new
// schedule.
func (s *Server) review(c *fiber.Ctx, questionID int64, r quiz.Rating) (quiz.Card, error) {
	ctx := c.UserContext()
	if !r.Valid() {
		return quiz.Card{}, badRequest("Rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy).")
	}
	if _, err := s.store.Question(ctx, questionID); err != nil {
		return quiz.Card{}, err
	}
	l, err := s.learner(c)
	if err != nil {
		return quiz.Card{}, err
	}
	// A note's schedule is kept on its lead question, whichever article's
	// question was rated.
	if questionID, err = s.store.NoteLead(ctx, questionID); err != nil {
		return quiz.Card{}, err
	}
	card, err := s.store.Card(ctx, l.ID, questionID)
	if err != nil {
		if !isNotFound(err) {
			return quiz.Card{}, err
		}
		card = schedule.New(l.ID, questionID)
	}
	next, rev := schedule.Review(card, r, s.now().UTC())
	if _, err := s.store.SaveReview(ctx, next, rev); err != nil {
		return quiz.Card{}, err
	}
	return next, nil
}
