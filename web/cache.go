package web

// This file holds the small in-memory caches that keep the hot quiz pages
// off the database. Quiz sessions change only through this server, so their
// cache is written through and exact; questions can be changed by another
// process (a re-ingest from the CLI), so they are kept only briefly.

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"

	"factdeck/quiz"
)

// questionTTL bounds how stale a cached question may be when another
// process edits it.
const questionTTL = 5 * time.Second

// boundedMap is a concurrent map that forgets everything when it reaches its
// size limit: simpler than an LRU, and enough to bound memory.
type boundedMap[K comparable, V any] struct {
	mu  sync.RWMutex
	max int
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

func (b *boundedMap[K, V]) put(k K, v V) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.m) >= b.max {
		b.m = make(map[K]V)
	}
	b.m[k] = v
}

func (b *boundedMap[K, V]) drop(k K) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.m, k)
}

func (b *boundedMap[K, V]) clear() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.m = make(map[K]V)
}

type cachedQuestion struct {
	q  quiz.Question
	at time.Time
}

// question returns a question, from the cache when fresh.
func (s *Server) question(ctx context.Context, id int64) (quiz.Question, error) {
	if c, ok := s.questions.get(id); ok && time.Since(c.at) < questionTTL {
		return c.q, nil
	}
	q, err := s.store.Question(ctx, id)
	if err != nil {
		return q, err
	}
	s.questions.put(id, cachedQuestion{q: q, at: time.Now()})
	return q, nil
}

type cachedFragment struct {
	html template.HTML
	at   time.Time
}

// optionsHTML returns the answer buttons of a question with options,
// rendered once and kept as long as the question itself.
func (s *Server) optionsHTML(q quiz.Question) (template.HTML, error) {
	if f, ok := s.fragments.get(q.ID); ok && time.Since(f.at) < questionTTL {
		return f.html, nil
	}
	var b strings.Builder
	if err := s.optionsTmpl.ExecuteTemplate(&b, "options", q); err != nil {
		return "", fmt.Errorf("render options of question %d: %w", q.ID, err)
	}
	h := template.HTML(b.String()) // html/template output: already escaped
	s.fragments.put(q.ID, cachedFragment{html: h, at: time.Now()})
	return h, nil
}

// forgetQuestion drops a question changed here from the caches; nil forgets
// every question.
func (s *Server) forgetQuestion(id int64) {
	if id == 0 {
		s.questions.clear()
		s.fragments.clear()
		return
	}
	s.questions.drop(id)
	s.fragments.drop(id)
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
