package store_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/store"
)

// TestReserve checks that reserve questions stay out of lists, counts,
// decks, draws and flashcards until promoted, and that a promotion
// survives regeneration.
func TestReserve(t *testing.T) { backends(t, testReserve) }

func testReserve(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, facts, qs := sample("r1")
	qs = append(qs, quiz.Question{FactID: 1, Type: quiz.Cloze, Prompt: "A storm hit _____ on Monday.", Answer: "Lisbon",
		Cloze: "A storm hit {{c1::Lisbon}} on Monday.", Template: "cloze", Reserve: true})
	art, _, gq, err := createArticle(s, ctx, a, facts, qs)
	if err != nil {
		t.Fatal(err)
	}
	reserve := gq[2]
	visible, err := s.Questions(ctx, store.QuestionFilter{ArticleID: art.ID})
	if err != nil || len(visible) != 2 {
		t.Fatalf("Questions = %d, %v; want the 2 not in reserve", len(visible), err)
	}
	if rs, err := s.Questions(ctx, store.QuestionFilter{OnlyReserve: true}); err != nil || len(rs) != 1 {
		t.Errorf("Questions(reserve) = %d, %v; want 1", len(rs), err)
	}
	brief, err := s.Questions(ctx, store.QuestionFilter{ArticleID: art.ID, WithReserve: true, Limit: 10, Brief: true})
	if err != nil || len(brief) != 3 {
		t.Fatalf("Questions(brief) = %d, %v; want 3", len(brief), err)
	}
	for i, b := range brief {
		if w := gq[i]; b.ID != w.ID || b.Prompt != w.Prompt || b.Answer != w.Answer || b.Type != w.Type || b.Reserve != w.Reserve || b.Options != nil {
			t.Errorf("Questions(brief)[%d] = %+v; want the ID, type, prompt, answer and reserve of %+v and no options", i, b, w)
		}
	}
	sum, err := s.ArticleSummary(ctx, art.ID)
	if err != nil || sum.Questions != 2 || sum.Reserve != 1 || sum.Cards != 2 || sum.Facts != 2 {
		t.Errorf("ArticleSummary = %+v, %v; want 2 questions, 1 reserve, 2 cards, 2 facts", sum, err)
	}
	d, err := s.Deck(ctx, store.Selection{ArticleID: art.ID})
	if err != nil || len(d.Questions) != 2 {
		t.Errorf("Deck = %d questions, %v; want 2", len(d.Questions), err)
	}
	for range 20 {
		ids, err := s.DrawQuestions(ctx, store.QuestionFilter{}, 5, rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano()))))
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if id == reserve.ID {
				t.Fatal("DrawQuestions drew a reserve question")
			}
		}
	}
	// Promote, then regenerate with the generator still ranking it reserve.
	got, changed, err := s.EditQuestion(ctx, reserve.ID, quiz.Edit{Promote: true})
	if err != nil || !changed || got.Reserve {
		t.Fatalf("promote = %+v, %v, %v", got, changed, err)
	}
	if tot, err := s.Totals(ctx); err != nil || tot.Questions != 3 || tot.Reserve != 0 {
		t.Errorf("Totals after promotion = %+v, %v; want 3 questions, 0 reserve", tot, err)
	}
	if _, err := replaceFacts(s, ctx, art.ID, facts, qs); err != nil {
		t.Fatal(err)
	}
	back, err := s.Question(ctx, reserve.ID)
	if err != nil || back.Reserve {
		t.Errorf("promoted question after regeneration = %+v, %v; want it still promoted", back, err)
	}
	// The flashcard of fact 1 is the short answer; a learner's next new card
	// is one of the article's two cards.
	q, _, ok, err := s.NextCard(ctx, 0, art.ID, time.Now(), true)
	if err != nil || !ok || q.Type == quiz.Cloze {
		t.Errorf("NextCard = %+v, %v, %v; want a card that is not the cloze beside a short answer", q, ok, err)
	}
}

// TestLearnerDecks checks the learner's deck counts against the cards
// reviewed: due now, studied, and when the next comes due.
func TestLearnerDecks(t *testing.T) { backends(t, testLearnerDecks) }

func testLearnerDecks(t *testing.T, s *store.Store) {
	ctx := context.Background()
	l, qs := seedQuiz(t, s, "ld1")
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	later := now.Add(48 * time.Hour)
	for i, due := range []time.Time{now.Add(-time.Hour), later} {
		c := quiz.Card{LearnerID: l.ID, QuestionID: qs[i].ID, State: quiz.CardReview, Due: due, Reps: 1}
		if _, err := s.SaveReview(ctx, c, quiz.Review{Rating: quiz.Good, ReviewedAt: now.Add(-24 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.LearnerDecks(ctx, l.ID, now, []int64{qs[0].ArticleID})
	if err != nil {
		t.Fatal(err)
	}
	all, art := got[0], got[qs[0].ArticleID]
	if all.Studied != 2 || all.Due() != 1 || !all.NextDue.Equal(later) || art != all {
		t.Errorf("LearnerDecks = %+v, want 2 studied, 1 due, next due %v, the same for the article", got, later)
	}
}
