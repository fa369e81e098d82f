package web

// This file holds the quiz: setup, one question at a time with feedback,
// and the result page. The quiz's state lives in the store (a quiz session
// with its attempts); the pages only show it.

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"factdeck/quiz"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// Quiz lengths offered and allowed.
const (
	defaultQuizLen = 10
	maxQuizLen     = 50
)

var quizLengths = []int{5, 10, 20}

// quizRequest is what a learner asks for when starting a quiz.
type quizRequest struct {
	Deck  deckRef
	Count int
	Types []quiz.QuestionType
}

func parseCount(v string) (int, error) {
	if v == "" {
		return defaultQuizLen, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > maxQuizLen {
		return 0, badRequest("The number of questions must be between 1 and %d, not %q.", maxQuizLen, truncate(v, 20))
	}
	return n, nil
}

// pickQuestions chooses up to n questions at random, one per fact first so
// that a quiz does not ask the same thing twice, then any.
func pickQuestions(qs []quiz.Question, n int, rng *rand.Rand) []quiz.Question {
	shuffled := append([]quiz.Question(nil), qs...)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	var out, rest []quiz.Question
	seen := make(map[int64]bool)
	for _, q := range shuffled {
		if len(out) == n {
			break
		}
		if q.FactID != 0 && seen[q.FactID] {
			rest = append(rest, q)
			continue
		}
		seen[q.FactID] = true
		out = append(out, q)
	}
	for _, q := range rest {
		if len(out) == n {
			break
		}
		out = append(out, q)
	}
	return out
}

// startSession creates a quiz for the current learner.
func (s *Server) startSession(c *fiber.Ctx, req quizRequest) (quiz.QuizSession, error) {
	ctx := c.UserContext()
	title := "All articles"
	if req.Deck.ArticleID != 0 {
		a, err := s.store.Article(ctx, req.Deck.ArticleID)
		if err != nil {
			return quiz.QuizSession{}, err
		}
		title = a.Title
	}
	qs, err := s.store.Questions(ctx, store.QuestionFilter{ArticleID: req.Deck.ArticleID, Types: req.Types})
	if err != nil {
		return quiz.QuizSession{}, err
	}
	if len(qs) == 0 {
		return quiz.QuizSession{}, fmt.Errorf("there are no questions of the chosen types here: %w", quiz.ErrEmpty)
	}
	l, err := s.learner(c)
	if err != nil {
		return quiz.QuizSession{}, err
	}
	rng := rand.New(rand.NewPCG(uint64(s.now().UnixNano()), uint64(l.ID)))
	picked := pickQuestions(qs, req.Count, rng)
	sess, err := s.store.CreateQuizSession(ctx, quiz.QuizSession{LearnerID: l.ID, Title: title,
		ArticleID: req.Deck.ArticleID, QuestionIDs: questionIDs(picked), StartedAt: s.now().UTC()})
	return s.remember(sess), err
}

// ownSession loads quiz id and checks it belongs to the current learner;
// another learner's quiz is reported as not found.
func (s *Server) ownSession(c *fiber.Ctx, id int64) (quiz.QuizSession, error) {
	sess, err := s.quizSession(c.UserContext(), id)
	if err != nil {
		return sess, err
	}
	lid, err := s.learnerID(c)
	if err != nil {
		return sess, err
	}
	if lid == 0 || sess.LearnerID != lid {
		return quiz.QuizSession{}, fmt.Errorf("quiz %d: %w", id, quiz.ErrNotFound)
	}
	return sess, nil
}

// skipped is the answer recorded for a question deleted during a quiz.
const skipped = "(skipped)"

// removedQuestion stands in for a question deleted after a quiz started.
func removedQuestion(id int64) quiz.Question {
	return quiz.Question{ID: id, Type: quiz.ShortAnswer, Prompt: "This question was deleted after the quiz started.",
		Answer: "(deleted)", Template: "removed"}
}

// answerOutcome is the verdict on one submitted answer.
type answerOutcome struct {
	Session  quiz.QuizSession
	Question quiz.Question
	Result   quiz.Result
	// Retry is set when the answer was close and the learner may try once
	// more; Hint says how.
	Retry bool
	Hint  string
}

// answer grades the answer to the question at pos and records it. A first
// close answer earns a hint and a retry instead; a second close answer is
// accepted, since the learner knew it and only the spelling was off.
func (s *Server) answer(ctx context.Context, sess quiz.QuizSession, pos int, given string) (answerOutcome, error) {
	given = strings.TrimSpace(given)
	if len(given) > maxAnswerLen {
		return answerOutcome{}, badRequest("The answer is longer than %d characters.", maxAnswerLen)
	}
	if given == "" {
		return answerOutcome{}, badRequest("The answer is empty.")
	}
	if pos < 0 || pos >= len(sess.QuestionIDs) {
		return answerOutcome{}, badRequest("This quiz has no question %d.", pos+1)
	}
	if pos != sess.Next() {
		if pos < sess.Next() {
			return answerOutcome{}, fiber.NewError(fiber.StatusConflict, fmt.Sprintf("Question %d is already answered.", pos+1))
		}
		return answerOutcome{}, badRequest("Answer question %d first.", sess.Next()+1)
	}
	q, err := s.question(ctx, sess.QuestionIDs[pos])
	removed := isNotFound(err)
	if err != nil && !removed {
		return answerOutcome{}, err
	}
	res := quiz.Grade(q, given)
	if removed { // deleted since the quiz started: skipped, counted as missed
		q = removedQuestion(sess.QuestionIDs[pos])
		res, given = quiz.Wrong, skipped
	}
	tries := 1
	id := sess.ID
	if res == quiz.Close {
		if sess.HintAt != pos {
			sess, err = s.store.MarkHint(ctx, id, pos)
			if err != nil {
				s.sessions.drop(id)
				return answerOutcome{}, err
			}
			s.remember(sess)
			return answerOutcome{Session: sess, Question: q, Result: res, Retry: true, Hint: hint(q.Answer)}, nil
		}
		res = quiz.Correct
	}
	if sess.HintAt == pos {
		tries = 2
	}
	sess, err = s.store.RecordAttempt(ctx, quiz.Attempt{SessionID: id, Position: pos, Given: given,
		Result: res, Tries: tries, AnsweredAt: s.now().UTC()})
	if err != nil {
		s.sessions.drop(id) // the cached copy may be behind the database
		return answerOutcome{}, err
	}
	s.remember(sess)
	return answerOutcome{Session: sess, Question: q, Result: res}, nil
}

type quizSetupPage struct {
	base
	Decks   []deckSummary
	Deck    string
	Lengths []int
	Count   int
	Types   []quiz.QuestionType
}

func (s *Server) showQuizSetup(c *fiber.Ctx) error {
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	decks, err := s.deckSummaries(c.UserContext(), lid)
	if err != nil {
		return err
	}
	deck := c.Query("deck", deckAll)
	if c.Query("article") != "" {
		deck = c.Query("article")
	}
	return s.render(c, fiber.StatusOK, "quizsetup", quizSetupPage{base: base{Title: "New quiz", Nav: "quiz", CSRF: csrfToken(c)},
		Decks: decks, Deck: deck, Lengths: quizLengths, Count: defaultQuizLen, Types: quiz.QuestionTypes})
}

func (s *Server) startQuiz(c *fiber.Ctx) error {
	d, err := parseDeck(c.FormValue("deck", deckAll))
	if err != nil {
		return err
	}
	n, err := parseCount(c.FormValue("count"))
	if err != nil {
		return err
	}
	types, err := parseTypes(strs(c.Request().PostArgs().PeekMulti("type")))
	if err != nil {
		return err
	}
	sess, err := s.startSession(c, quizRequest{Deck: d, Count: n, Types: types})
	if err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/quiz/%d/q/1", sess.ID), fiber.StatusSeeOther)
}

func (s *Server) resumeQuiz(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	sess, err := s.ownSession(c, id)
	if err != nil {
		return err
	}
	if sess.Finished() {
		return c.Redirect(fmt.Sprintf("/quiz/%d/result", id), fiber.StatusSeeOther)
	}
	return c.Redirect(fmt.Sprintf("/quiz/%d/q/%d", id, sess.Next()+1), fiber.StatusSeeOther)
}

type questionPage struct {
	base
	Session  quiz.QuizSession
	Question quiz.Question
	// Number is 1-based; Total the quiz's length; Progress in percent.
	Number, Total, Progress int
	Correct                 int
	// Attempt is set once the question is answered: the page shows the
	// feedback instead of the form.
	Attempt *quiz.Attempt
	Source  marked
	Article quiz.Article
	Hint    string
	// Fact is the fact the question was made from, shown after a true or
	// false question so the learner sees the true statement.
	Fact *factView
	// Notice explains why an answer was not taken.
	Notice string
	// Card is the question's type, prompt and answer control, the same for
	// every learner (see renderCard).
	Card     questionCard
	Last     bool
	NextURL  string
	Given    string
	Accepted string
}

// position parses the 1-based question number n of sess.
func position(c *fiber.Ctx, sess quiz.QuizSession) (int, error) {
	v := c.Params("n")
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > len(sess.QuestionIDs) {
		return 0, fiber.NewError(fiber.StatusNotFound, fmt.Sprintf("This quiz has no question %q.", truncate(v, 20)))
	}
	return n - 1, nil
}

func (s *Server) showQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	sess, err := s.ownSession(c, id)
	if err != nil {
		return err
	}
	pos, err := position(c, sess)
	if err != nil {
		return err
	}
	if pos > sess.Next() {
		return c.Redirect(fmt.Sprintf("/quiz/%d/q/%d", id, sess.Next()+1), fiber.StatusSeeOther)
	}
	p, err := s.questionPage(c, sess, pos)
	if err != nil {
		return err
	}
	if !fastQuestion(&p) {
		return s.render(c, fiber.StatusOK, "question", p)
	}
	// A new slice: Send keeps it until the response is written.
	b := s.writeQuestion(nil, &p)
	c.Status(fiber.StatusOK)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(b)
}

func (s *Server) questionPage(c *fiber.Ctx, sess quiz.QuizSession, pos int) (questionPage, error) {
	ctx := c.UserContext()
	var q quiz.Question
	var card questionCard
	cq, err := s.cachedQuestion(ctx, sess.QuestionIDs[pos])
	switch {
	case err == nil:
		q, card = cq.q, cq.card
	case isNotFound(err):
		q = removedQuestion(sess.QuestionIDs[pos])
		if card, err = s.renderCard(q); err != nil {
			return questionPage{}, err
		}
	default:
		return questionPage{}, err
	}
	correct, total := sess.Score()
	p := questionPage{base: base{Title: "Question " + strconv.Itoa(pos+1) + " of " + strconv.Itoa(total), Nav: "quiz", CSRF: csrfToken(c)},
		Session: sess, Question: q, Card: card, Number: pos + 1, Total: total, Correct: correct,
		Progress: pos * 100 / max(total, 1), Last: pos == total-1}
	if pos < len(sess.Attempts) {
		a := sess.Attempts[pos]
		p.Attempt = &a
		p.Progress = (pos + 1) * 100 / max(total, 1)
		p.Source = markAnswer(q.Sentence, q.Answer)
		if q.FactID != 0 {
			if f, err := s.store.Fact(ctx, q.FactID); err == nil {
				p.Source = markFact(q, f)
				if q.Type == quiz.TrueFalse {
					p.Fact = newFactView(f)
				}
			}
		}
		if art, err := s.store.Article(ctx, q.ArticleID); err == nil {
			p.Article = art
		} else if !isNotFound(err) {
			return p, err
		}
		p.NextURL = fmt.Sprintf("/quiz/%d/q/%d", sess.ID, pos+2)
		if p.Last {
			p.NextURL = fmt.Sprintf("/quiz/%d/result", sess.ID)
		}
	} else {
		if sess.HintAt == pos && len(q.Options) == 0 && q.Template != "removed" {
			p.Hint = hint(q.Answer)
		}
	}
	return p, nil
}

func (s *Server) answerQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	sess, err := s.ownSession(c, id)
	if err != nil {
		return err
	}
	pos, err := position(c, sess)
	if err != nil {
		return err
	}
	if _, err := s.answer(c.UserContext(), sess, pos, c.FormValue("answer")); err != nil {
		var fe *fiber.Error
		if !errors.As(err, &fe) || fe.Code != fiber.StatusConflict {
			return err
		}
		// Answered already (a double click, the back button): refuse with
		// 409 but show the feedback of the first answer, not an error page.
		if sess, err = s.ownSession(c, id); err != nil {
			return err
		}
		p, err := s.questionPage(c, sess, pos)
		if err != nil {
			return err
		}
		p.Notice = "You already answered this question; your first answer counts."
		return s.render(c, fiber.StatusConflict, "question", p)
	}
	return c.Redirect(fmt.Sprintf("/quiz/%d/q/%d", id, pos+1), fiber.StatusSeeOther)
}

// reviewed is one question of a finished quiz on the result page.
type reviewed struct {
	Number   int
	Question quiz.Question
	Attempt  quiz.Attempt
	Source   marked
}

type resultPage struct {
	base
	Session quiz.QuizSession
	Correct int
	Total   int
	Percent int
	Time    time.Duration
	Items   []reviewed
	Missed  int
	Chart   *chart
	Verdict string
}

func (s *Server) resultData(c *fiber.Ctx, sess quiz.QuizSession) (resultPage, error) {
	ctx := c.UserContext()
	qs, err := s.store.Questions(ctx, store.QuestionFilter{IDs: sess.QuestionIDs})
	if err != nil {
		return resultPage{}, err
	}
	byID := make(map[int64]quiz.Question, len(qs))
	for _, q := range qs {
		byID[q.ID] = q
	}
	correct, total := sess.Score()
	p := resultPage{base: base{Title: "Quiz result", Nav: "quiz", CSRF: csrfToken(c)}, Session: sess,
		Correct: correct, Total: total, Time: sess.Duration(s.now()), Missed: len(sess.Missed())}
	p.Percent = quiz.QuizScore{Correct: correct, Total: total}.Percent()
	switch {
	case p.Percent == 100:
		p.Verdict = "Perfect score!"
	case p.Percent >= 80:
		p.Verdict = "Great work."
	case p.Percent >= 50:
		p.Verdict = "Good going — retry the ones you missed."
	default:
		p.Verdict = "Keep at it — the retry helps."
	}
	for _, a := range sess.Attempts {
		q, ok := byID[a.QuestionID]
		if !ok {
			q = quiz.Question{ID: a.QuestionID, Prompt: "(this question was deleted)"}
		}
		p.Items = append(p.Items, reviewed{Number: a.Position + 1, Question: q, Attempt: a, Source: markAnswer(q.Sentence, q.Answer)})
	}
	scores, err := s.store.QuizScores(ctx, sess.LearnerID, recentScores)
	if err != nil {
		return p, err
	}
	p.Chart = scoreChart(scores)
	return p, nil
}

func (s *Server) showResult(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	sess, err := s.ownSession(c, id)
	if err != nil {
		return err
	}
	if !sess.Finished() {
		return c.Redirect(fmt.Sprintf("/quiz/%d/q/%d", id, sess.Next()+1), fiber.StatusSeeOther)
	}
	p, err := s.resultData(c, sess)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "result", p)
}

// retrySession starts a quiz of the questions missed in sess.
func (s *Server) retrySession(c *fiber.Ctx, sess quiz.QuizSession) (quiz.QuizSession, error) {
	if !sess.Finished() {
		return quiz.QuizSession{}, badRequest("Finish the quiz before retrying it.")
	}
	missed := sess.Missed()
	if len(missed) > 0 { // leave out questions deleted since
		still, err := s.store.Questions(c.UserContext(), store.QuestionFilter{IDs: missed})
		if err != nil {
			return quiz.QuizSession{}, err
		}
		missed = questionIDs(still)
	}
	if len(missed) == 0 {
		return quiz.QuizSession{}, badRequest("You missed nothing in this quiz: there is nothing to retry.")
	}
	title := sess.Title
	if !strings.HasPrefix(title, "Retry: ") {
		title = "Retry: " + title
	}
	next, err := s.store.CreateQuizSession(c.UserContext(), quiz.QuizSession{LearnerID: sess.LearnerID, Title: title,
		ArticleID: sess.ArticleID, QuestionIDs: missed, RetryOf: sess.ID, StartedAt: s.now().UTC()})
	return s.remember(next), err
}

func (s *Server) retryQuiz(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	sess, err := s.ownSession(c, id)
	if err != nil {
		return err
	}
	next, err := s.retrySession(c, sess)
	if err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/quiz/%d/q/1", next.ID), fiber.StatusSeeOther)
}
