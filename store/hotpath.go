package store

// This file holds the hot paths of a quiz, written against database/sql
// with hand-written scans and statements prepared once instead of gorm's
// reflection: the learner of a cookie, a learner's quiz with its attempts,
// a question (with its article's title), a fact, an article's header, the
// account of a session, and the answer transaction (queued to the writer,
// writer.go). Everything else goes through gorm. The tables are gorm's
// (models.go, learning.go, user.go); the queries read NULL as gorm would
// (zero values) and skip soft-deleted questions as gorm does.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// Column lists of the hand-written reads, in the order their scan
// functions read them.
const (
	questionCols = `q.id, q.article_id, q.fact_id, q.type, q.prompt, COALESCE(q.answer, ''), q.accepted, q.options,
		COALESCE(q.answer_kind, ''), COALESCE(q.sentence, ''), COALESCE(q.cloze, ''), COALESCE(q.template, ''),
		COALESCE(q.difficulty, 0), COALESCE(q.score, 0), COALESCE(q.edited, FALSE), q.reserve`
	factCols = `id, article_id, COALESCE(kind, ''), COALESCE(subject, ''), COALESCE(subject_kind, ''),
		COALESCE(relation, ''), COALESCE(object, ''), COALESCE(object_kind, ''), COALESCE(org, ''),
		COALESCE(context, ''), COALESCE(attribution, ''), COALESCE(sentence, ''), COALESCE(start, 0),
		COALESCE("end", 0), COALESCE(span_start, 0), COALESCE(span_end, 0), COALESCE(confidence, 0),
		sources, conflicts, COALESCE(key, '')`
	sessionCols = `s.id, s.learner_id, s.title, COALESCE(s.article_id, 0), s.question_ids,
		COALESCE(s.retry_of, 0), COALESCE(s.hint_at, 0), s.started_at, s.finished_at`
	attemptCols = `a.id, a.position, a.learner_id, a.question_id, COALESCE(a.given, ''), a.result,
		COALESCE(a.tries, 0), a.answered_at`
)

// The hand-written statements, with ? placeholders (see rebind).
const (
	sqlLearner  = `SELECT id, token, created_at FROM learners WHERE token = ?`
	sqlQuestion = `SELECT ` + questionCols + ` FROM questions q WHERE q.id = ? AND q.deleted_at IS NULL`
	// sqlQuizQuestion reads a question with the title of its article.
	sqlQuizQuestion = `SELECT ` + questionCols + `, COALESCE(a.id, 0), COALESCE(a.title, '') FROM questions q
		LEFT JOIN articles a ON a.id = q.article_id WHERE q.id = ? AND q.deleted_at IS NULL`
	sqlFact        = `SELECT ` + factCols + ` FROM facts WHERE id = ?`
	sqlArticleHead = `SELECT id, title, COALESCE(source, ''), COALESCE(label, ''), ingested_at FROM articles WHERE id = ?`
	// sqlLearnerQuiz reads a quiz of the learner holding a token with its
	// attempts in one query: one row per attempt, or one row of NULL
	// attempt columns for a quiz not yet answered.
	sqlLearnerQuiz = `SELECT ` + sessionCols + `, ` + attemptCols + ` FROM quiz_sessions s
		JOIN learners l ON l.id = s.learner_id
		LEFT JOIN attempts a ON a.session_id = s.id
		WHERE s.id = ? AND l.token = ? ORDER BY a.position`
	sqlSession       = `SELECT ` + sessionCols + ` FROM quiz_sessions s WHERE s.id = ?`
	sqlAttempts      = `SELECT ` + attemptCols + ` FROM attempts a WHERE a.session_id = ? ORDER BY a.position`
	sqlInsertAttempt = `INSERT INTO attempts (session_id, position, learner_id, question_id, given, result, tries, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
	sqlInsertQuiz    = `INSERT INTO quiz_sessions (learner_id, title, article_id, question_ids, retry_of, hint_at, started_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`
	sqlSetHint       = `UPDATE quiz_sessions SET hint_at = ? WHERE id = ?`
	sqlFinishQuiz    = `UPDATE quiz_sessions SET hint_at = -1, finished_at = ? WHERE id = ?`
	sqlSessionNoHint = `UPDATE quiz_sessions SET hint_at = -1 WHERE id = ? AND hint_at <> -1`
	sqlSessionViewer = `SELECT u.id, u.email, COALESCE(u.name, ''), u.role, u.learner_id, u.created_at, l.token FROM sessions x JOIN users u ON u.id = x.user_id JOIN learners l ON l.id = u.learner_id WHERE x.hash = ? AND x.expires_at > ?`
	sqlLockSession   = sqlSession + ` FOR UPDATE`
)

// rawDB is the database/sql side of the store: the pool gorm uses for
// reads, and the writer for the answer transaction (on SQLite a pool of
// one connection, so that writers queue in Go instead of sleeping in
// SQLite's busy handler; on PostgreSQL the same pool).
type rawDB struct {
	read, write *sql.DB
	postgres    bool
	// translate turns driver errors into gorm's (gorm.ErrDuplicatedKey).
	translate func(error) error
	stmts     map[stmtKey]*sql.Stmt
	// batch queues SQLite's writes (writer.go); nil on PostgreSQL.
	batch *batcher
}

// readQueries and writeQueries are the statements prepared on the read
// pool and on the writer.
var (
	readQueries  = []string{sqlLearner, sqlQuestion, sqlQuizQuestion, sqlFact, sqlArticleHead, sqlLearnerQuiz, sqlSessionViewer}
	writeQueries = []string{sqlSession, sqlLockSession, sqlAttempts, sqlQuestion, sqlInsertAttempt, sqlSetHint,
		sqlFinishQuiz, sqlSessionNoHint, sqlInsertQuiz}
)

// prepare prepares every statement once, when the store opens: parsing the
// SQL of every query costs more than running these, and preparing inside a
// transaction would wait for a second connection of the writer.
func (r *rawDB) prepare(ctx context.Context) error {
	r.stmts = make(map[stmtKey]*sql.Stmt)
	for _, set := range []struct {
		db *sql.DB
		qs []string
	}{{r.read, readQueries}, {r.write, writeQueries}} {
		for _, q := range set.qs {
			if q == sqlLockSession && !r.postgres {
				continue
			}
			if _, ok := r.stmts[stmtKey{set.db, q}]; ok {
				continue
			}
			st, err := set.db.PrepareContext(ctx, r.rebind(q))
			if err != nil {
				return fmt.Errorf("prepare %.40q: %w", q, err)
			}
			r.stmts[stmtKey{set.db, q}] = st
		}
	}
	return nil
}

// stmt returns the statement of query q prepared on db.
func (r *rawDB) stmt(_ context.Context, db *sql.DB, q string) (*sql.Stmt, error) {
	st, ok := r.stmts[stmtKey{db, q}]
	if !ok {
		return nil, fmt.Errorf("statement not prepared: %.40q", q)
	}
	return st, nil
}

type stmtKey struct {
	db *sql.DB
	q  string
}

// queryRow runs a prepared query of one row on the read pool.
func (r *rawDB) queryRow(ctx context.Context, q string, args ...any) rowScanner {
	st, err := r.stmt(ctx, r.read, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// txStmt returns the prepared statement q for transaction tx of the writer.
func (r *rawDB) txStmt(ctx context.Context, tx *sql.Tx, q string) (*sql.Stmt, error) {
	st, err := r.stmt(ctx, r.write, q)
	if err != nil {
		return nil, err
	}
	return tx.StmtContext(ctx, st), nil
}

// txQueryRow runs prepared query q of one row in transaction tx.
func (r *rawDB) txQueryRow(ctx context.Context, tx *sql.Tx, q string, args ...any) rowScanner {
	st, err := r.txStmt(ctx, tx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// txExec runs prepared statement q in transaction tx.
func (r *rawDB) txExec(ctx context.Context, tx *sql.Tx, q string, args ...any) error {
	st, err := r.txStmt(ctx, tx, q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

// errRow is a row whose query could not even be prepared.
type errRow struct{ err error }

func (e errRow) Scan(...any) error { return e.err }

// close closes the prepared statements and the writer's own pool.
func (r *rawDB) close() {
	if r.batch != nil {
		r.batch.close()
	}
	for _, st := range r.stmts {
		_ = st.Close()
	}
	if r.write != r.read {
		_ = r.write.Close()
	}
}

// rebind turns ? placeholders into PostgreSQL's $1, $2, ...
func (r *rawDB) rebind(q string) string {
	if !r.postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// scanRows runs query q and reads every row with scan, by hand instead of
// through gorm's reflection, which cost more than the query on lists (an
// article page, a batch's distractor pool, a page of questions). It
// returns an empty list, not nil, when there is no row.
func scanRows[T any](q *gorm.DB, scan func(rowScanner) (T, error)) ([]T, error) {
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// scanQuestion reads the columns of questionCols, then extra.
func scanQuestion(sc rowScanner, extra ...any) (quiz.Question, error) {
	var (
		q                 quiz.Question
		fid               sql.NullInt64
		typ, kind         string
		accepted, options []byte
	)
	err := sc.Scan(append([]any{&q.ID, &q.ArticleID, &fid, &typ, &q.Prompt, &q.Answer, &accepted, &options,
		&kind, &q.Sentence, &q.Cloze, &q.Template, &q.Difficulty, &q.Score, &q.Edited, &q.Reserve}, extra...)...)
	if err != nil {
		return q, err
	}
	q.FactID, q.Type, q.AnswerKind = fid.Int64, quiz.QuestionType(typ), quiz.Kind(kind)
	if q.Accepted, err = jsonStrings(accepted); err != nil {
		return q, fmt.Errorf("question %d accepted: %w", q.ID, err)
	}
	if q.Options, err = jsonStrings(options); err != nil {
		return q, fmt.Errorf("question %d options: %w", q.ID, err)
	}
	return q, nil
}

// jsonStrings decodes a column of gorm's JSON serializer; NULL or empty is
// nil, as gorm leaves it. Most arrays hold strings without escapes, split
// directly (plainStrings): decoding them with encoding/json was a tenth of
// a page of a hundred questions.
func jsonStrings(b []byte) ([]string, error) {
	if len(b) == 0 || string(b) == "null" {
		return nil, nil
	}
	if out, ok := plainStrings(b); ok {
		return out, nil
	}
	var out []string
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// plainStrings splits a JSON array of strings as encoding/json writes it
// (no spaces) when no string needs unescaping or repair: without a
// backslash, no control character and valid UTF-8, a string ends at the
// next quote. It returns what json.Unmarshal would, and ok false for
// anything else, which json.Unmarshal then decodes.
func plainStrings(b []byte) (out []string, ok bool) {
	if len(b) < 2 || b[0] != '[' || b[len(b)-1] != ']' {
		return nil, false
	}
	rest := b[1 : len(b)-1]
	out = []string{}
	for len(rest) > 0 {
		if rest[0] != '"' {
			return nil, false
		}
		end := bytes.IndexByte(rest[1:], '"')
		if end < 0 {
			return nil, false
		}
		s := rest[1 : 1+end]
		for _, c := range s {
			if c == '\\' || c < 0x20 {
				return nil, false
			}
		}
		if !utf8.Valid(s) {
			return nil, false
		}
		out = append(out, string(s))
		rest = rest[2+end:]
		if len(rest) > 0 {
			if rest[0] != ',' || len(rest) == 1 {
				return nil, false
			}
			rest = rest[1:]
		}
	}
	return out, true
}

func scanFact(sc rowScanner) (quiz.Fact, error) {
	var (
		f                       quiz.Fact
		kind, subjKind, objKind string
		sources, conflicts      []byte
	)
	err := sc.Scan(&f.ID, &f.ArticleID, &kind, &f.Subject, &subjKind, &f.Relation, &f.Object, &objKind,
		&f.Org, &f.Context, &f.Attribution, &f.Sentence, &f.Start, &f.End, &f.SpanStart, &f.SpanEnd,
		&f.Confidence, &sources, &conflicts, &f.Key)
	if err != nil {
		return f, err
	}
	f.Kind, f.SubjectKind, f.ObjectKind = quiz.Kind(kind), quiz.Kind(subjKind), quiz.Kind(objKind)
	if f.Sources, err = jsonStrings(sources); err != nil {
		return f, fmt.Errorf("fact %d sources: %w", f.ID, err)
	}
	if f.Conflicts, err = jsonStrings(conflicts); err != nil {
		return f, fmt.Errorf("fact %d conflicts: %w", f.ID, err)
	}
	return f, nil
}

// sessionScan holds the columns of sessionCols.
type sessionScan struct {
	s        quiz.QuizSession
	ids      []byte
	finished sql.NullTime
}

func (x *sessionScan) dest() []any {
	return []any{&x.s.ID, &x.s.LearnerID, &x.s.Title, &x.s.ArticleID, &x.ids, &x.s.RetryOf, &x.s.HintAt,
		&x.s.StartedAt, &x.finished}
}

func (x *sessionScan) session() (quiz.QuizSession, error) {
	s := x.s
	if x.finished.Valid {
		s.FinishedAt = x.finished.Time
	}
	if len(x.ids) > 0 && string(x.ids) != "null" {
		if err := json.Unmarshal(x.ids, &s.QuestionIDs); err != nil {
			return s, fmt.Errorf("quiz %d questions: %w", s.ID, err)
		}
	}
	s.Attempts = []quiz.Attempt{}
	return s, nil
}

// attemptScan holds the columns of attemptCols, NULL for a quiz without
// attempts in sqlLearnerQuiz.
type attemptScan struct {
	id, pos, learner, question, tries sql.NullInt64
	given, result                     sql.NullString
	at                                sql.NullTime
}

func (x *attemptScan) dest() []any {
	return []any{&x.id, &x.pos, &x.learner, &x.question, &x.given, &x.result, &x.tries, &x.at}
}

func (x *attemptScan) attempt(sessionID int64) quiz.Attempt {
	return quiz.Attempt{ID: x.id.Int64, SessionID: sessionID, LearnerID: x.learner.Int64, QuestionID: x.question.Int64,
		Position: int(x.pos.Int64), Given: x.given.String, Result: parseResult(x.result.String), Tries: int(x.tries.Int64),
		AnsweredAt: x.at.Time}
}

// noRow turns sql.ErrNoRows into the store's not-found error for what.
func noRow(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return &quiz.Error{Kind: quiz.ErrNotFound, Msg: "There is no " + what + ".", Err: err}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Learner returns the learner with the given cookie token.
func (s *Store) Learner(ctx context.Context, token string) (quiz.Learner, error) {
	var l quiz.Learner
	err := s.raw.queryRow(ctx, sqlLearner, token).Scan(&l.ID, &l.Token, &l.CreatedAt)
	if err != nil {
		return quiz.Learner{}, noRow(err, "learner")
	}
	return l, nil
}

// Question returns the question with the given ID.
func (s *Store) Question(ctx context.Context, id int64) (quiz.Question, error) {
	q, err := scanQuestion(s.raw.queryRow(ctx, sqlQuestion, id))
	if err != nil {
		return quiz.Question{}, noRow(err, fmt.Sprintf("question %d", id))
	}
	return q, nil
}

// QuizQuestion returns the question with the given ID and the ID and
// title of its article (zero when the article is gone), in one query: what
// a quiz's question page shows.
func (s *Store) QuizQuestion(ctx context.Context, id int64) (quiz.Question, quiz.Article, error) {
	var a quiz.Article
	q, err := scanQuestion(s.raw.queryRow(ctx, sqlQuizQuestion, id), &a.ID, &a.Title)
	if err != nil {
		return quiz.Question{}, quiz.Article{}, noRow(err, fmt.Sprintf("question %d", id))
	}
	return q, a, nil
}

// Fact returns the fact with the given ID.
func (s *Store) Fact(ctx context.Context, id int64) (quiz.Fact, error) {
	f, err := scanFact(s.raw.queryRow(ctx, sqlFact, id))
	if err != nil {
		return quiz.Fact{}, noRow(err, fmt.Sprintf("fact %d", id))
	}
	return f, nil
}

// ArticleHead returns an article's ID, title, source, label and time of
// ingestion, without its text: what a page naming the article shows.
func (s *Store) ArticleHead(ctx context.Context, id int64) (quiz.Article, error) {
	var a quiz.Article
	err := s.raw.queryRow(ctx, sqlArticleHead, id).Scan(&a.ID, &a.Title, &a.Source, &a.Label, &a.IngestedAt)
	if err != nil {
		return quiz.Article{}, noRow(err, fmt.Sprintf("article %d", id))
	}
	return a, nil
}

// LearnerQuiz returns quiz id with its attempts when it belongs to the
// learner whose cookie token is token; anyone else's quiz is not found. One
// query checks both and reads the attempts.
func (s *Store) LearnerQuiz(ctx context.Context, token string, id int64) (quiz.QuizSession, error) {
	st, err := s.raw.stmt(ctx, s.raw.read, sqlLearnerQuiz)
	if err != nil {
		return quiz.QuizSession{}, fmt.Errorf("quiz %d: %w", id, err)
	}
	rows, err := st.QueryContext(ctx, id, token)
	if err != nil {
		return quiz.QuizSession{}, fmt.Errorf("quiz %d: %w", id, err)
	}
	defer rows.Close()
	var (
		ss    sessionScan
		as    attemptScan
		sess  quiz.QuizSession
		found bool
	)
	dest := append(ss.dest(), as.dest()...)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return quiz.QuizSession{}, fmt.Errorf("quiz %d: %w", id, err)
		}
		if !found {
			if sess, err = ss.session(); err != nil {
				return quiz.QuizSession{}, err
			}
			found = true
		}
		if as.id.Valid {
			sess.Attempts = append(sess.Attempts, as.attempt(id))
		}
	}
	if err := rows.Err(); err != nil {
		return quiz.QuizSession{}, fmt.Errorf("quiz %d: %w", id, err)
	}
	if !found {
		return quiz.QuizSession{}, noRow(sql.ErrNoRows, fmt.Sprintf("quiz %d", id))
	}
	return sess, nil
}

// SessionViewer returns the account of a live session (by its token's
// hash) and the cookie token of the account's learner, in one query.
func (s *Store) SessionViewer(ctx context.Context, hash string, now time.Time) (quiz.User, string, error) {
	var (
		u       quiz.User
		role    string
		learner string
	)
	err := s.raw.queryRow(ctx, sqlSessionViewer, hash, now).
		Scan(&u.ID, &u.Email, &u.Name, &role, &u.LearnerID, &u.CreatedAt, &learner)
	if err != nil {
		return quiz.User{}, "", noRow(err, "session")
	}
	u = userRow{ID: u.ID, Email: u.Email, Name: u.Name, Role: role, LearnerID: u.LearnerID, CreatedAt: u.CreatedAt}.domain()
	return u, learner, nil
}

// lockedQuiz reads quiz id with its attempts inside transaction tx,
// holding its row on PostgreSQL (SQLite's write transactions are
// exclusive already).
func (s *Store) lockedQuiz(ctx context.Context, tx *sql.Tx, id int64) (quiz.QuizSession, error) {
	q := sqlSession
	if s.raw.postgres {
		q = sqlLockSession
	}
	var ss sessionScan
	if err := s.raw.txQueryRow(ctx, tx, q, id).Scan(ss.dest()...); err != nil {
		return quiz.QuizSession{}, noRow(err, fmt.Sprintf("quiz %d", id))
	}
	sess, err := ss.session()
	if err != nil {
		return sess, err
	}
	st, err := s.raw.txStmt(ctx, tx, sqlAttempts)
	if err != nil {
		return sess, fmt.Errorf("quiz %d attempts: %w", id, err)
	}
	rows, err := st.QueryContext(ctx, id)
	if err != nil {
		return sess, fmt.Errorf("quiz %d attempts: %w", id, err)
	}
	defer rows.Close()
	var as attemptScan
	dest := as.dest()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return sess, fmt.Errorf("quiz %d attempts: %w", id, err)
		}
		sess.Attempts = append(sess.Attempts, as.attempt(id))
	}
	if err := rows.Err(); err != nil {
		return sess, fmt.Errorf("quiz %d attempts: %w", id, err)
	}
	return sess, nil
}

// SubmitAnswer submits the answer given by learner learnerID to the
// question at pos of quiz id and stores what the quiz's rules make of it
// (quiz.QuizSession.Submit): a hint, or the final attempt. It returns the
// quiz after the answer, the step, and the question asked (nil when it was
// deleted since the quiz started). One transaction holds the quiz's row, so
// that two servers answering the same quiz at once record one answer; the
// unique (quiz, position) index backs that up. Another learner's quiz is
// not found; a refused answer is a *quiz.Error.
func (s *Store) SubmitAnswer(ctx context.Context, id, learnerID int64, pos int, given string, now time.Time) (quiz.QuizSession, quiz.Step, *quiz.Question, error) {
	out, step, asked, err := s.submitAnswer(ctx, id, learnerID, pos, given, now)
	if err != nil {
		return out, step, asked, fmt.Errorf("quiz %d answer %d: %w", id, pos+1, err)
	}
	return out, step, asked, nil
}

func (s *Store) submitAnswer(ctx context.Context, id, learnerID int64, pos int, given string, now time.Time) (out quiz.QuizSession, step quiz.Step, asked *quiz.Question, err error) {
	err = s.raw.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		out, step, asked, err = s.answerTx(ctx, tx, id, learnerID, pos, given, now)
		return err
	})
	return out, step, asked, err
}

// answerTx is SubmitAnswer's work inside transaction tx.
func (s *Store) answerTx(ctx context.Context, tx *sql.Tx, id, learnerID int64, pos int, given string, now time.Time) (out quiz.QuizSession, step quiz.Step, asked *quiz.Question, err error) {
	sess, err := s.lockedQuiz(ctx, tx, id)
	if err != nil {
		return out, step, asked, err
	}
	if sess.LearnerID != learnerID {
		return out, step, asked, &quiz.Error{Kind: quiz.ErrNotFound, Msg: fmt.Sprintf("There is no quiz %d.", id)}
	}
	if pos >= 0 && pos < len(sess.QuestionIDs) {
		q, err := scanQuestion(s.raw.txQueryRow(ctx, tx, sqlQuestion, sess.QuestionIDs[pos]))
		switch {
		case err == nil:
			asked = &q
		case !errors.Is(err, sql.ErrNoRows):
			return out, step, asked, fmt.Errorf("question %d: %w", sess.QuestionIDs[pos], err)
		}
	}
	if step, err = sess.Submit(pos, asked, given, now); err != nil {
		return out, step, asked, err
	}
	if step.Hint {
		if err := s.raw.txExec(ctx, tx, sqlSetHint, pos, id); err != nil {
			return out, step, asked, fmt.Errorf("mark hint: %w", err)
		}
		return sess.Apply(pos, step), step, asked, nil
	}
	a := step.Attempt
	err = s.raw.txQueryRow(ctx, tx, sqlInsertAttempt, id, pos, sess.LearnerID, a.QuestionID,
		a.Given, a.Result.String(), a.Tries, a.AnsweredAt).Scan(&step.Attempt.ID)
	if err != nil {
		if errors.Is(s.raw.translate(err), gorm.ErrDuplicatedKey) {
			return out, step, asked, quiz.Errorf(quiz.ErrDuplicate, "Question %d is already answered.", pos+1)
		}
		return out, step, asked, fmt.Errorf("record answer: %w", err)
	}
	out = sess.Apply(pos, step)
	if out.Finished() {
		err = s.raw.txExec(ctx, tx, sqlFinishQuiz, a.AnsweredAt, id)
	} else if sess.HintAt != -1 {
		err = s.raw.txExec(ctx, tx, sqlSessionNoHint, id)
	}
	if err != nil {
		return out, step, asked, fmt.Errorf("record answer: %w", err)
	}
	return out, step, asked, nil
}
