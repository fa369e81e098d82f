package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/store"
)

// TestRacingAnswers answers one question of one quiz from many goroutines
// at once: on SQLite they share the writer's batches, and a refused answer
// must undo only itself. Exactly one answer is stored; every other is
// refused as a duplicate or an out-of-order answer, and answers to other
// quizzes in the same batches are all kept.
func TestRacingAnswers(t *testing.T) { backends(t, testRacingAnswers) }

func testRacingAnswers(t *testing.T, s *store.Store) {
	ctx := context.Background()
	l, qs := seedQuiz(t, s, "race")
	ids := []int64{qs[0].ID, qs[1].ID}
	shared, err := s.CreateQuizSession(ctx, quiz.QuizSession{LearnerID: l.ID, Title: "shared", QuestionIDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	const racers = 32
	own := make([]quiz.QuizSession, racers)
	for i := range own {
		if own[i], err = s.CreateQuizSession(ctx, quiz.QuizSession{LearnerID: l.ID, Title: "own", QuestionIDs: ids}); err != nil {
			t.Fatal(err)
		}
	}
	var (
		wg       sync.WaitGroup
		accepted atomic.Int64
		errs     = make(chan error, 2*racers)
	)
	for i := range racers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, _, _, err := s.SubmitAnswer(ctx, shared.ID, l.ID, 0, "Lisbon", time.Now())
			switch {
			case err == nil:
				accepted.Add(1)
			case !errors.Is(err, quiz.ErrDuplicate) && !errors.Is(err, quiz.ErrInvalid):
				errs <- fmt.Errorf("shared quiz: %w", err)
			}
		}()
		go func() {
			defer wg.Done()
			if _, _, _, err := s.SubmitAnswer(ctx, own[i].ID, l.ID, 0, "Lisbon", time.Now()); err != nil {
				errs <- fmt.Errorf("own quiz %d: %w", i, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := accepted.Load(); n != 1 {
		t.Errorf("%d answers to one question accepted, want 1", n)
	}
	got, err := s.QuizSession(ctx, shared.ID)
	if err != nil || len(got.Attempts) != 1 {
		t.Errorf("shared quiz stores %d attempts (%v), want 1", len(got.Attempts), err)
	}
	for _, o := range own {
		got, err := s.QuizSession(ctx, o.ID)
		if err != nil || len(got.Attempts) != 1 || got.Attempts[0].Result != quiz.Correct {
			t.Errorf("quiz %d stores %+v (%v), want one correct attempt", o.ID, got.Attempts, err)
		}
	}
}

// BenchmarkSubmitAnswer measures answers stored per second by the store
// alone (no HTTP), 64 learners answering at once on SQLite.
func BenchmarkSubmitAnswer(b *testing.B) {
	s := MustOpen(b)
	ctx := context.Background()
	a, facts, qs := sample("bench")
	_, _, gq, err := createArticle(s, ctx, a, facts, qs)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, 0, 50)
	for len(ids) < 50 {
		ids = append(ids, gq[len(ids)%len(gq)].ID)
	}
	var n atomic.Int64
	b.SetParallelism(32) // 64 goroutines on 2 cores
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		l, err := s.EnsureLearner(ctx, fmt.Sprintf("bench-%d", n.Add(1)))
		if err != nil {
			b.Error(err)
			return
		}
		var sess quiz.QuizSession
		pos := len(ids)
		for pb.Next() {
			if pos == len(ids) {
				if sess, err = s.CreateQuizSession(ctx, quiz.QuizSession{LearnerID: l.ID, Title: "b", QuestionIDs: ids}); err != nil {
					b.Error(err)
					return
				}
				pos = 0
			}
			if _, _, _, err := s.SubmitAnswer(ctx, sess.ID, l.ID, pos, "Lisbon", time.Now()); err != nil {
				b.Error(err)
				return
			}
			pos++
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "answers/s")
}
