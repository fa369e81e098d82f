package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/store"
)

func TestEnsureLearner(t *testing.T) { backends(t, testEnsureLearner) }

func testEnsureLearner(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, err := s.EnsureLearner(ctx, "tok-1")
	if err != nil || a.ID == 0 {
		t.Fatalf("EnsureLearner(tok-1) = %+v, %v; want a new learner", a, err)
	}
	b, err := s.EnsureLearner(ctx, "tok-1")
	if err != nil || b.ID != a.ID {
		t.Errorf("EnsureLearner(tok-1) again = %d, %v; want %d", b.ID, err, a.ID)
	}
	if _, err := s.Learner(ctx, "nobody"); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("Learner(nobody) err = %v, want ErrNotFound", err)
	}
	if _, err := s.EnsureLearner(ctx, ""); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("EnsureLearner(\"\") err = %v, want ErrInvalid", err)
	}
}

func seedQuiz(t *testing.T, s *store.Store, hash string) (quiz.Learner, []quiz.Question) {
	t.Helper()
	ctx := context.Background()
	a, facts, qs := sample(hash)
	_, _, gq, err := createArticle(s, ctx, a, facts, qs)
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.EnsureLearner(ctx, "learner-"+hash)
	if err != nil {
		t.Fatal(err)
	}
	return l, gq
}

func TestQuizSession(t *testing.T) { backends(t, testQuizSession) }

func testQuizSession(t *testing.T, s *store.Store) {
	ctx := context.Background()
	l, qs := seedQuiz(t, s, "q1")
	sess, err := s.CreateQuizSession(ctx, quiz.QuizSession{LearnerID: l.ID, Title: "Storm", QuestionIDs: []int64{qs[0].ID, qs[1].ID}})
	if err != nil || sess.ID == 0 || sess.HintAt != -1 {
		t.Fatalf("CreateQuizSession = %+v, %v", sess, err)
	}
	now := time.Now().UTC()
	submit := func(pos int, given string) func() error {
		return func() error { _, _, _, err := s.SubmitAnswer(ctx, sess.ID, l.ID, pos, given, now); return err }
	}
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"skip ahead", submit(1, "Monday"), quiz.ErrInvalid},
		{"empty answer", submit(0, "  "), quiz.ErrInvalid},
		{"another learner's quiz", func() error {
			_, _, _, err := s.SubmitAnswer(ctx, sess.ID, l.ID+1000, 0, "Lisbon", now)
			return err
		}, quiz.ErrNotFound},
		{"close answer gets a hint", func() error {
			got, step, _, err := s.SubmitAnswer(ctx, sess.ID, l.ID, 0, "Lisbom", now)
			if err == nil && (!step.Hint || got.HintAt != 0 || got.Next() != 0) {
				return fmt.Errorf("after a close answer: step %+v, hint %d, next %d", step, got.HintAt, got.Next())
			}
			return err
		}, nil},
		{"close again is accepted on the second try", func() error {
			got, step, q, err := s.SubmitAnswer(ctx, sess.ID, l.ID, 0, "Lisbom", now)
			if err == nil && (step.Hint || step.Attempt.Result != quiz.Correct || step.Attempt.Tries != 2 ||
				got.HintAt != -1 || got.Next() != 1 || q == nil || q.Answer != "Lisbon") {
				return fmt.Errorf("after the retry: step %+v, hint %d, next %d, question %v", step, got.HintAt, got.Next(), q)
			}
			return err
		}, nil},
		{"answer first twice", submit(0, "Lisbon"), quiz.ErrDuplicate},
		{"answer last", submit(1, "Friday"), nil},
		{"answer after finish", submit(2, "x"), quiz.ErrInvalid},
		{"unknown quiz", func() error { _, err := s.QuizSession(ctx, 999); return err }, quiz.ErrNotFound},
		{"empty quiz", func() error {
			_, err := s.CreateQuizSession(ctx, quiz.QuizSession{LearnerID: l.ID})
			return err
		}, quiz.ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	got, err := s.QuizSession(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c, n := got.Score(); c != 1 || n != 2 || !got.Finished() || got.FinishedAt.IsZero() {
		t.Errorf("Score = %d/%d finished %v at %v, want 1/2 finished", c, n, got.Finished(), got.FinishedAt)
	}
	if m := got.Missed(); len(m) != 1 || m[0] != qs[1].ID {
		t.Errorf("Missed = %v, want [%d]", m, qs[1].ID)
	}
	scores, err := s.QuizScores(ctx, l.ID, 10)
	if err != nil || len(scores) != 1 || scores[0].Correct != 1 || scores[0].Total != 2 || scores[0].Percent() != 50 {
		t.Errorf("QuizScores = %+v, %v; want one 1/2", scores, err)
	}
}

// TestConcurrentAnswers has 64 learners answer at once: every answer must be
// stored, none lost to "database is locked".
func TestConcurrentAnswers(t *testing.T) { backends(t, testConcurrentAnswers) }

func testConcurrentAnswers(t *testing.T, s *store.Store) {
	ctx := context.Background()
	_, qs := seedQuiz(t, s, "c1")
	const learners, answers = 64, 4
	ids := make([]int64, answers)
	for i := range ids {
		ids[i] = qs[i%len(qs)].ID
	}
	var wg sync.WaitGroup
	errs := make(chan error, learners*answers)
	for i := range learners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l, err := s.EnsureLearner(ctx, fmt.Sprintf("L%d", i))
			if err != nil {
				errs <- err
				return
			}
			sess, err := s.CreateQuizSession(ctx, quiz.QuizSession{LearnerID: l.ID, Title: "t", QuestionIDs: ids})
			if err != nil {
				errs <- err
				return
			}
			for p := range answers {
				if _, _, _, err := s.SubmitAnswer(ctx, sess.ID, l.ID, p, "a", time.Now()); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent answer: %v", err)
	}
}

func TestSaveReview(t *testing.T) { backends(t, testSaveReview) }

func testSaveReview(t *testing.T, s *store.Store) {
	ctx := context.Background()
	l, qs := seedQuiz(t, s, "r1")
	now := time.Now().UTC().Truncate(time.Second)
	c := quiz.Card{LearnerID: l.ID, QuestionID: qs[0].ID, State: quiz.CardLearning, Due: now.Add(10 * time.Minute), Reps: 1, LastReview: now}
	if _, err := s.SaveReview(ctx, c, quiz.Review{Rating: quiz.Good, State: quiz.CardNew, ReviewedAt: now}); err != nil {
		t.Fatal(err)
	}
	c.State, c.Reps, c.Due = quiz.CardReview, 2, now.Add(72*time.Hour)
	if _, err := s.SaveReview(ctx, c, quiz.Review{Rating: quiz.Easy, State: quiz.CardLearning, ReviewedAt: now}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Card(ctx, l.ID, qs[0].ID)
	if err != nil || got.Reps != 2 || got.State != quiz.CardReview || !got.Due.Equal(c.Due) {
		t.Errorf("Card = %+v, %v; want 2 reps in review due %v", got, err, c.Due)
	}
	cards, err := s.Cards(ctx, l.ID, nil)
	if err != nil || len(cards) != 1 {
		t.Errorf("Cards = %d, %v; want 1", len(cards), err)
	}
	if n, err := s.NewCardsSince(ctx, l.ID, now.Add(-time.Hour)); err != nil || n != 1 {
		t.Errorf("NewCardsSince = %d, %v; want 1", n, err)
	}
	if _, err := s.Card(ctx, l.ID, qs[1].ID); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("Card(unstudied) err = %v, want ErrNotFound", err)
	}
	if _, err := s.SaveReview(ctx, c, quiz.Review{Rating: 7}); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("SaveReview(rating 7) err = %v, want ErrInvalid", err)
	}
}
