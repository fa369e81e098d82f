package web

// This file holds decks: "all" plus one per article, their flashcards and
// the learner's due and new counts.

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/schedule"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// newPerDay caps the new flashcards a learner meets per day, as Anki does.
const newPerDay = 20

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
	Due       int
	New       int
	// NextDue is when the next card not yet due comes due.
	NextDue time.Time
}

// cardTypeRank orders question types for flashcards: a card should ask for
// the answer, not offer it.
var cardTypeRank = map[quiz.QuestionType]int{quiz.ShortAnswer: 0, quiz.Cloze: 1, quiz.MultipleChoice: 2, quiz.TrueFalse: 3}

// flashcards picks one question per fact as the deck's flashcards, so that a
// learner does not study the same fact in four forms; questions without a
// fact are each a card. The order is the deck's.
func flashcards(qs []quiz.Question) []quiz.Question {
	best := make(map[int64]int) // fact -> index in qs
	for i, q := range qs {
		if q.FactID == 0 {
			continue
		}
		j, ok := best[q.FactID]
		if !ok || cardTypeRank[q.Type] < cardTypeRank[qs[j].Type] {
			best[q.FactID] = i
		}
	}
	var out []quiz.Question
	for i, q := range qs {
		if q.FactID == 0 || best[q.FactID] == i {
			out = append(out, q)
		}
	}
	return out
}

func questionIDs(qs []quiz.Question) []int64 {
	ids := make([]int64, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	return ids
}

// newLeft returns how many new cards the learner may still meet today.
func (s *Server) newLeft(ctx context.Context, learnerID int64, now time.Time) (int, error) {
	if learnerID == 0 {
		return newPerDay, nil
	}
	n, err := s.store.NewCardsSince(ctx, learnerID, startOfDay(now))
	if err != nil {
		return 0, err
	}
	return max(newPerDay-n, 0), nil
}

// deckSummaries returns "All questions" and one deck per article with the
// learner's due and new counts, from a handful of queries.
func (s *Server) deckSummaries(ctx context.Context, learnerID int64) ([]deckSummary, error) {
	arts, err := s.store.Articles(ctx)
	if err != nil {
		return nil, err
	}
	qs, err := s.store.Questions(ctx, store.QuestionFilter{})
	if err != nil {
		return nil, err
	}
	var cards []quiz.Card
	if learnerID != 0 {
		if cards, err = s.store.Cards(ctx, learnerID, nil); err != nil {
			return nil, err
		}
	}
	now := s.now()
	left, err := s.newLeft(ctx, learnerID, now)
	if err != nil {
		return nil, err
	}
	byArticle := make(map[int64][]quiz.Question)
	for _, q := range qs {
		byArticle[q.ArticleID] = append(byArticle[q.ArticleID], q)
	}
	summarize := func(key, name string, articleID int64, qs []quiz.Question) deckSummary {
		fc := flashcards(qs)
		queue := schedule.Build(questionIDs(fc), cards, now, left)
		return deckSummary{Key: key, Name: name, ArticleID: articleID, Questions: len(qs), Cards: len(fc),
			Due: len(queue.Due), New: len(queue.New), NextDue: queue.NextDue}
	}
	out := []deckSummary{summarize(deckAll, "All questions", 0, qs)}
	for _, a := range arts {
		key := strconv.FormatInt(a.ID, 10)
		out = append(out, summarize(key, a.Title, a.ID, byArticle[a.ID]))
	}
	return out, nil
}

// deckQuestions returns a deck's name and questions.
func (s *Server) deckQuestions(ctx context.Context, d deckRef) (string, []quiz.Question, error) {
	name := "All questions"
	if d.ArticleID != 0 {
		a, err := s.store.Article(ctx, d.ArticleID)
		if err != nil {
			return "", nil, err
		}
		name = a.Title
	}
	qs, err := s.store.Questions(ctx, store.QuestionFilter{ArticleID: d.ArticleID})
	if err != nil {
		return "", nil, err
	}
	return name, qs, nil
}

// studyState is what a learner has to study in one deck now.
type studyState struct {
	Deck    deckSummary
	Queue   schedule.Queue
	Current *quiz.Question
	Card    quiz.Card
}

// study builds the learner's queue for deck d and picks the card to show.
func (s *Server) study(ctx context.Context, learnerID int64, d deckRef) (studyState, error) {
	name, qs, err := s.deckQuestions(ctx, d)
	if err != nil {
		return studyState{}, err
	}
	fc := flashcards(qs)
	ids := questionIDs(fc)
	var cards []quiz.Card
	if learnerID != 0 && len(ids) > 0 {
		if cards, err = s.store.Cards(ctx, learnerID, ids); err != nil {
			return studyState{}, err
		}
	}
	now := s.now()
	left, err := s.newLeft(ctx, learnerID, now)
	if err != nil {
		return studyState{}, err
	}
	queue := schedule.Build(ids, cards, now, left)
	st := studyState{
		Deck: deckSummary{Key: d.Key, Name: name, ArticleID: d.ArticleID, Questions: len(qs), Cards: len(fc),
			Due: len(queue.Due), New: len(queue.New), NextDue: queue.NextDue},
		Queue: queue,
	}
	if id, ok := queue.Next(); ok {
		for i := range fc {
			if fc[i].ID == id {
				st.Current = &fc[i]
				break
			}
		}
		st.Card = schedule.New(learnerID, id)
		for _, c := range cards {
			if c.QuestionID == id {
				st.Card = c
			}
		}
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
	card, err := s.store.Card(ctx, l.ID, questionID)
	if err != nil {
		if !isNotFound(err) {
			return quiz.Card{}, err
		}
		card = schedule.New(l.ID, questionID)
	}
	next, rev := schedule.Review(card, r, s.now().UTC())
	if _, err := s.store.SaveReview(ctx, next, rev); err != nil {
		return quiz.Card{}, fmt.Errorf("review: %w", err)
	}
	return next, nil
}
