package web

// This file holds the small in-memory caches that keep the hot quiz pages
// off the database. Quiz sessions change only through this server, so their
// cache is written through and exact; questions can be changed by another
// process (a re-ingest from the CLI), so they are kept only briefly.

import (
	"context"
	"sync"
	"time"

	"factdeck/quiz"
)

// questionTTL bounds how stale a cached question may be when another
// process edits it.
const questionTTL = 5 * time.Second

// boundedMap is a concurrent map that forgets everything when it reaches its
// size limit: simpler than an LRU, and enough to bound memory. Its
// generation changes whenever a key is dropped, so that a value loaded before
// the drop is not stored after it (see putFresh).
type boundedMap[K comparable, V any] struct {
	mu  sync.RWMutex
	max int
	gen uint64
	m   map[K]V
}

func newBoundedMap[K comparable, V any](max int) *boundedMap[K, V] {
	return &boundedMap[K, V]{max: max, m: make(map[K]V)}
}

func (b *boundedMap[K, V]) get(k K) (V, bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	v, ok := b.m[k]
	return v, ok
}

// generation returns the map's generation, to pass to putFresh.
func (b *boundedMap[K, V]) generation() uint64 {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.gen
}

func (b *boundedMap[K, V]) put(k K, v V) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.putLocked(k, v)
}

// putFresh stores v only when nothing was dropped since generation gen,
// when v was loaded.
func (b *boundedMap[K, V]) putFresh(k K, v V, gen uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.gen == gen {
		b.putLocked(k, v)
	}
}

func (b *boundedMap[K, V]) putLocked(k K, v V) {
	if len(b.m) >= b.max {
		b.m = make(map[K]V)
	}
	b.m[k] = v
}

func (b *boundedMap[K, V]) drop(k K) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.gen++
	delete(b.m, k)
}

func (b *boundedMap[K, V]) clear() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.gen++
	b.m = make(map[K]V)
}

// cachedQuestion is a question with its card rendered from that version of
// it, so that the page never shows a card older than the question.
type cachedQuestion struct {
	q    quiz.Question
	card questionCard
	at   time.Time
}

// question returns a question, from the cache when fresh.
func (s *Server) question(ctx context.Context, id int64) (quiz.Question, error) {
	c, err := s.cachedQuestion(ctx, id)
	if err != nil {
		return quiz.Question{}, err
	}
	return c.q, nil
}

// cachedQuestion returns a question and its card, from the cache when
// fresh. Edits made here drop the question (forgetQuestion); edits made by
// another process show within questionTTL.
func (s *Server) cachedQuestion(ctx context.Context, id int64) (*cachedQuestion, error) {
	if c, ok := s.questions.get(id); ok && time.Since(c.at) < questionTTL {
		return c, nil
	}
	gen := s.questions.generation()
	q, err := s.store.Question(ctx, id)
	if err != nil {
		return nil, err
	}
	card, err := s.renderCard(q)
	if err != nil {
		return nil, err
	}
	c := &cachedQuestion{q: q, card: card, at: time.Now()}
	s.questions.putFresh(id, c, gen)
	return c, nil
}

// forgetQuestion drops a question changed here from the cache; 0 forgets
// every question.
func (s *Server) forgetQuestion(id int64) {
	if id == 0 {
		s.questions.clear()
		return
	}
	s.questions.drop(id)
}

// quizSession returns a quiz session, from the cache when present.
func (s *Server) quizSession(ctx context.Context, id int64) (quiz.QuizSession, error) {
	if sess, ok := s.sessions.get(id); ok {
		return sess, nil
	}
	sess, err := s.store.QuizSession(ctx, id)
	if err != nil {
		return sess, err
	}
	s.sessions.put(id, sess)
	return sess, nil
}

// remember caches a session the store just returned after a change.
func (s *Server) remember(sess quiz.QuizSession) quiz.QuizSession {
	if sess.ID != 0 {
		s.sessions.put(sess.ID, sess)
	}
	return sess
}
