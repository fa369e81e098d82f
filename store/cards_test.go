package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/schedule"
	"factdeck/store"
)

// TestNotes checks that the same question from two articles is one
// flashcard with two sources, whose schedule survives the deletion of the
// article that made it first.
func TestNotes(t *testing.T) { backends(t, testNotes) }

func testNotes(t *testing.T, s *store.Store) {
	ctx := context.Background()
	l, qs1 := seedQuiz(t, s, "note1")
	a2, f2, q2 := sample("note2")
	a2.Title = "Storm, second report"
	_, _, qs2, err := createArticle(s, ctx, a2, f2, q2)
	if err != nil {
		t.Fatal(err)
	}
	if tot, err := s.Totals(ctx); err != nil || tot.Notes != 2 {
		t.Errorf("Totals().Notes = %d, %v; want 2 notes for two articles of the same two questions", tot.Notes, err)
	}
	src, err := s.NoteSources(ctx, qs2[0].ID)
	if err != nil || len(src) != 2 || src[0].ArticleID == src[1].ArticleID {
		t.Errorf("NoteSources = %+v, %v; want the two articles", src, err)
	}
	if lead, err := s.NoteLead(ctx, qs2[0].ID); err != nil || lead != qs1[0].ID {
		t.Errorf("NoteLead(%d) = %d, %v; want the first article's %d", qs2[0].ID, lead, err, qs1[0].ID)
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	q, c, ok, err := s.NextCard(ctx, l.ID, qs2[0].ArticleID, now, true)
	if err != nil || !ok || q.ID != qs1[0].ID {
		t.Fatalf("NextCard(second article) = %d, %v, %v; want the note's lead %d", q.ID, ok, err, qs1[0].ID)
	}
	next, rev := schedule.Review(c, quiz.Good, now)
	if _, err := s.SaveReview(ctx, next, rev); err != nil {
		t.Fatal(err)
	}
	got, err := s.LearnerDecks(ctx, l.ID, now, []int64{qs1[0].ArticleID, qs2[0].ArticleID})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Studied != 1 || got[qs1[0].ArticleID].Studied != 1 || got[qs2[0].ArticleID].Studied != 1 {
		t.Errorf("LearnerDecks = %+v; want the one studied note in every deck", got)
	}
	if only, err := s.LearnerDecks(ctx, l.ID, now, []int64{qs1[0].ArticleID}); err != nil || len(only) != 2 || only[0].Studied != 1 || only[qs1[0].ArticleID].Studied != 1 {
		t.Errorf("LearnerDecks(first article) = %+v, %v; want the deck of every article and the first's only", only, err)
	}
	if got[0].Learning != 1 {
		t.Errorf("LearnerDecks[all] = %+v; want the card in learning counted as waiting", got[0])
	}
	// The first article goes: the schedule moves to the second's question.
	if err := s.DeleteArticle(ctx, qs1[0].ArticleID); err != nil {
		t.Fatal(err)
	}
	moved, err := s.Card(ctx, l.ID, qs2[0].ID)
	if err != nil || moved.Reps != next.Reps {
		t.Errorf("Card after deleting the first article = %+v, %v; want the schedule on question %d", moved, err, qs2[0].ID)
	}
	if tot, err := s.Totals(ctx); err != nil || tot.Notes != 2 {
		t.Errorf("Totals().Notes after deleting the first article = %d, %v; want the 2 notes kept by the second", tot.Notes, err)
	}
	if err := s.DeleteArticle(ctx, qs2[0].ArticleID); err != nil {
		t.Fatal(err)
	}
	if tot, err := s.Totals(ctx); err != nil || tot.Notes != 0 {
		t.Errorf("Totals().Notes after deleting both articles = %d, %v; want 0", tot.Notes, err)
	}
}

// TestCardMarksAndUndo checks suspend, bury, flag and undo of the last
// rating.
func TestCardMarksAndUndo(t *testing.T) { backends(t, testCardMarksAndUndo) }

func testCardMarksAndUndo(t *testing.T, s *store.Store) {
	ctx := context.Background()
	l, qs := seedQuiz(t, s, "marks")
	art := qs[0].ArticleID
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	first, c, ok, err := s.NextCard(ctx, l.ID, art, now, true)
	if err != nil || !ok {
		t.Fatalf("NextCard = %v, %v", ok, err)
	}
	yes := true
	if _, err := s.MarkCard(ctx, l.ID, first.ID, store.CardMark{Suspend: &yes}); err != nil {
		t.Fatal(err)
	}
	second, _, ok, err := s.NextCard(ctx, l.ID, art, now, true)
	if err != nil || !ok || second.ID == first.ID {
		t.Fatalf("NextCard after suspending %d = %d, %v, %v; want another card", first.ID, second.ID, ok, err)
	}
	tomorrow := now.Add(24 * time.Hour)
	if _, err := s.MarkCard(ctx, l.ID, second.ID, store.CardMark{BuriedUntil: &tomorrow}); err != nil {
		t.Fatal(err)
	}
	if q, _, ok, err := s.NextCard(ctx, l.ID, art, now, true); err != nil || ok {
		t.Errorf("NextCard with one suspended and one buried = %d, %v, %v; want nothing", q.ID, ok, err)
	}
	if q, _, ok, err := s.NextCard(ctx, l.ID, art, tomorrow.Add(time.Minute), true); err != nil || !ok || q.ID != second.ID {
		t.Errorf("NextCard the next day = %d, %v, %v; want the buried card %d back", q.ID, ok, err, second.ID)
	}
	counts, err := s.LearnerDecks(ctx, l.ID, now, []int64{art})
	if err != nil || counts[art].Suspended != 1 || counts[art].Buried != 1 || counts[art].HeldNew != 2 || counts[art].Studied != 0 {
		t.Errorf("LearnerDecks = %+v, %v; want 1 suspended, 1 buried, both new", counts[art], err)
	}
	no := false
	red := quiz.FlagRed
	if _, err := s.MarkCard(ctx, l.ID, first.ID, store.CardMark{Suspend: &no, Flag: &red}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkCard(ctx, l.ID, first.ID, store.CardMark{Flag: ptr(quiz.Flag(9))}); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("MarkCard(flag 9) = %v, want ErrInvalid", err)
	}
	// Rate it twice, undo twice: back to new, the flag kept.
	c.Flag = red
	for _, r := range []quiz.Rating{quiz.Good, quiz.Again} {
		next, rev := schedule.Review(c, r, now)
		if _, err := s.SaveReview(ctx, next, rev); err != nil {
			t.Fatal(err)
		}
		c = next
		now = now.Add(time.Minute)
	}
	if qid, err := s.UndoReview(ctx, l.ID); err != nil || qid != first.ID {
		t.Fatalf("UndoReview = %d, %v; want %d", qid, err, first.ID)
	}
	afterOne, err := s.Card(ctx, l.ID, first.ID)
	if err != nil || afterOne.Reps != 1 || afterOne.Flag != quiz.FlagRed {
		t.Errorf("card after one undo = %+v, %v; want 1 rep, red flag", afterOne, err)
	}
	if _, err := s.UndoReview(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	back, err := s.Card(ctx, l.ID, first.ID)
	if err != nil || back.State != quiz.CardNew || back.Reps != 0 || back.Flag != quiz.FlagRed {
		t.Errorf("card after two undos = %+v, %v; want new with its flag", back, err)
	}
	if n, err := s.ReviewsSince(ctx, l.ID, time.Time{}); err != nil || n != 0 {
		t.Errorf("ReviewsSince after undo = %d, %v; want 0", n, err)
	}
	if _, err := s.UndoReview(ctx, l.ID); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("UndoReview with nothing to undo = %v, want ErrNotFound", err)
	}
}

func ptr[T any](v T) *T { return &v }

// TestDrawQuestionsFair checks that a quiz of every article draws from
// each in turn: a long article does not fill it.
func TestDrawQuestionsFair(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	long := quiz.Article{Title: "Long", Paragraphs: []string{"Long text."}, Source: "long.txt", Hash: "long"}
	var qs []quiz.Question
	for i := range 60 {
		qs = append(qs, quiz.Question{Type: quiz.ShortAnswer, Prompt: fmt.Sprintf("Long question %d?", i), Answer: fmt.Sprint("answer ", i)})
	}
	if _, _, _, err := createArticle(s, ctx, long, nil, qs); err != nil {
		t.Fatal(err)
	}
	short := quiz.Article{Title: "Short", Paragraphs: []string{"Short text."}, Source: "short.txt", Hash: "short"}
	sq := []quiz.Question{{Type: quiz.ShortAnswer, Prompt: "Short one?", Answer: "one"}, {Type: quiz.ShortAnswer, Prompt: "Short two?", Answer: "two"}}
	sa, _, _, err := createArticle(s, ctx, short, nil, sq)
	if err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(20) {
		ids, err := s.DrawQuestions(ctx, store.QuestionFilter{}, 4, rand.New(rand.NewPCG(seed, 1)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Questions(ctx, store.QuestionFilter{IDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		fromShort := 0
		for _, q := range got {
			if q.ArticleID == sa.ID {
				fromShort++
			}
		}
		if len(ids) != 4 || fromShort != 2 {
			t.Errorf("seed %d: DrawQuestions(4) = %d questions, %d from the short article; want 4, 2 (one per article a turn)", seed, len(ids), fromShort)
		}
	}
}

// TestDrawQuestionsLargeLibrary checks the draw from a library too large
// to read every article's ID, where articles are probed at random points of
// the ID range: a quiz of n questions from n articles, with an article
// without questions never drawn.
func TestDrawQuestionsLargeLibrary(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	items := make([]quiz.Ingested, 520)
	for i := range items {
		a, facts, qs := sample(fmt.Sprintf("large-%d", i))
		if i%2 == 1 {
			facts, qs = nil, nil // articles without questions are skipped
		}
		items[i] = quiz.Ingested{Source: a.Source, Article: a, Facts: facts, Questions: qs}
	}
	saved, err := s.Save(ctx, items, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, sv := range saved {
		if sv.Err != nil {
			t.Fatal(sv.Err)
		}
	}
	for seed := range uint64(10) {
		ids, err := s.DrawQuestions(ctx, store.QuestionFilter{}, 10, rand.New(rand.NewPCG(seed, 2)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Questions(ctx, store.QuestionFilter{IDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		articles := map[int64]bool{}
		for _, q := range got {
			articles[q.ArticleID] = true
		}
		if len(ids) != 10 || len(got) != 10 || len(articles) != 10 {
			t.Errorf("seed %d: DrawQuestions(10) = %d questions (%d found) from %d articles; want 10 from 10", seed, len(ids), len(got), len(articles))
		}
	}
}

// TestBrowseAndEdits runs the browser's query, the per-deck new counts,
// facts of a part, a hand-written question and a rename on both databases.
func TestBrowseAndEdits(t *testing.T) { backends(t, testBrowseAndEdits) }

func testBrowseAndEdits(t *testing.T, s *store.Store) {
	ctx := context.Background()
	l, qs := seedQuiz(t, s, "browse")
	art := qs[0].ArticleID
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	all, n, err := s.BrowseCards(ctx, l.ID, store.CardFilter{}, now)
	if err != nil || n != 2 || len(all) != 2 {
		t.Fatalf("BrowseCards() = %d of %d, %v; want the 2 cards", len(all), n, err)
	}
	// Rate one, flag the other.
	c := quiz.Card{LearnerID: l.ID, QuestionID: all[0].Question.ID, State: quiz.CardNew}
	next, rev := schedule.Review(c, quiz.Good, now)
	if _, err := s.SaveReview(ctx, next, rev); err != nil {
		t.Fatal(err)
	}
	blue := quiz.FlagBlue
	if _, err := s.MarkCard(ctx, l.ID, all[1].Question.ID, store.CardMark{Flag: &blue}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		f    store.CardFilter
		want []int64
	}{
		{"text", store.CardFilter{Text: "WHERE did"}, []int64{all[0].Question.ID}},
		{"text with wildcards", store.CardFilter{Text: "%_"}, nil},
		{"type", store.CardFilter{Type: quiz.MultipleChoice}, []int64{qs[1].ID}},
		{"learning", store.CardFilter{State: "learning"}, []int64{all[0].Question.ID}},
		{"due", store.CardFilter{State: "due"}, []int64{all[0].Question.ID}},
		{"new", store.CardFilter{State: "new"}, []int64{all[1].Question.ID}},
		{"flag blue", store.CardFilter{Flag: quiz.FlagBlue, HasFlag: true}, []int64{all[1].Question.ID}},
		{"no flag", store.CardFilter{Flag: quiz.FlagNone, HasFlag: true}, []int64{all[0].Question.ID}},
		{"deck", store.CardFilter{ArticleID: art}, []int64{all[0].Question.ID, all[1].Question.ID}},
		{"other deck", store.CardFilter{ArticleID: art + 100}, nil},
	} {
		got, n, err := s.BrowseCards(ctx, l.ID, tt.f, now)
		var ids []int64
		for _, g := range got {
			ids = append(ids, g.Question.ID)
		}
		if err != nil || n != len(tt.want) || !slices.Equal(ids, tt.want) {
			t.Errorf("%s: BrowseCards = %v (%d), %v; want %v", tt.name, ids, n, err, tt.want)
		}
	}
	if _, _, err := s.BrowseCards(ctx, l.ID, store.CardFilter{State: "asleep"}, now); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("BrowseCards(state asleep) = %v, want ErrInvalid", err)
	}
	met, err := s.NewCardsPerDeck(ctx, l.ID, now.Add(-time.Hour), []int64{art})
	if err != nil || met[0] != 1 || met[art] != 1 {
		t.Errorf("NewCardsPerDeck = %v, %v; want 1 in all and in the article", met, err)
	}
	facts, err := s.FactsBetween(ctx, art, 0, 10)
	if err != nil || len(facts) == 0 {
		t.Errorf("FactsBetween(0, 10) = %d facts, %v; want the first sentence's", len(facts), err)
	}
	if facts, err := s.FactsBetween(ctx, art, 1000, 0); err != nil || len(facts) != 0 {
		t.Errorf("FactsBetween(1000, end) = %d facts, %v; want none", len(facts), err)
	}
	// A hand-written question joins the deck as a card of its own.
	hq, err := quiz.Handwritten(quiz.ShortAnswer, "How many people died?", "two", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	added, err := s.AddQuestion(ctx, art, hq)
	if err != nil || added.ID == 0 || !added.Edited {
		t.Fatalf("AddQuestion = %+v, %v", added, err)
	}
	if _, n, _ := s.BrowseCards(ctx, l.ID, store.CardFilter{}, now); n != 3 {
		t.Errorf("cards after a hand-written question = %d, want 3", n)
	}
	if _, err := s.AddQuestion(ctx, art+100, hq); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("AddQuestion(no article) = %v, want ErrNotFound", err)
	}
	// Rename: the title required, the label optional.
	a, err := s.RenameArticle(ctx, art, "  Storm   reaches Lisbon ", "Coast Herald")
	if err != nil || a.Title != "Storm reaches Lisbon" || a.Label != "Coast Herald" {
		t.Errorf("RenameArticle = %q, %q, %v", a.Title, a.Label, err)
	}
	if _, err := s.RenameArticle(ctx, art, " ", ""); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("RenameArticle(empty title) = %v, want ErrInvalid", err)
	}
	if _, err := s.RenameArticle(ctx, art+100, "x", ""); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("RenameArticle(no article) = %v, want ErrNotFound", err)
	}
	if got, err := s.Article(ctx, art); err != nil || got.Label != "Coast Herald" {
		t.Errorf("Article after rename = %+v, %v", got.Label, err)
	}
}
