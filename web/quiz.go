package web

// This file holds the quiz: setup, one question at a time with feedback,
// and the result page. The quiz's state and rules live in the store and in
// package quiz (quiz.QuizSession.Submit); the pages only show them.

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
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

// startSession creates a quiz for the current learner, its questions drawn
// at random by the store.
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
	l, err := s.learner(c)
	if err != nil {
		return quiz.QuizSession{}, err
	}
	rng := rand.New(rand.NewPCG(uint64(s.now().UnixNano()), uint64(l.ID)))
	ids, err := s.store.DrawQuestions(ctx, store.QuestionFilter{ArticleID: req.Deck.ArticleID, Types: req.Types}, req.Count, rng)
	if err != nil {
		return quiz.QuizSession{}, err
	}
	if len(ids) == 0 {
		return quiz.QuizSession{}, quiz.Errorf(quiz.ErrEmpty, "There are no questions of the chosen types here.")
	}
	return s.store.CreateQuizSession(ctx, quiz.QuizSession{LearnerID: l.ID, Title: title,
		ArticleID: req.Deck.ArticleID, QuestionIDs: ids, StartedAt: s.now().UTC()})
}

// ownSession loads quiz id and checks it belongs to the current learner;
// another learner's quiz is reported as not found.
func (s *Server) ownSession(c *fiber.Ctx, id int64) (quiz.QuizSession, error) {
	return s.store.LearnerQuiz(c.UserContext(), learnerToken(c), id)
}

// paramQuiz returns the current learner's quiz named by the route's :id.
func (s *Server) paramQuiz(c *fiber.Ctx) (quiz.QuizSession, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return quiz.QuizSession{}, err
	}
	return s.ownSession(c, id)
}

// removedQuestion stands in for a question deleted after a quiz started.
func removedQuestion(id int64) quiz.Question {
	return quiz.Question{ID: id, Type: quiz.ShortAnswer, Prompt: "This question was deleted after the quiz started.",
		Answer: "(deleted)", Template: "removed"}
}

// answer submits the current learner's answer to the question at pos of
// quiz id; the store applies the quiz's rules in one transaction.
func (s *Server) answer(c *fiber.Ctx, id int64, pos int, given string) (quiz.QuizSession, quiz.Step, quiz.Question, error) {
	lid, err := s.learnerID(c)
	if err != nil {
		return quiz.QuizSession{}, quiz.Step{}, quiz.Question{}, err
	}
	if lid == 0 {
		return quiz.QuizSession{}, quiz.Step{}, quiz.Question{}, quiz.Errorf(quiz.ErrNotFound, "There is no quiz %d.", id)
	}
	sess, step, q, err := s.store.SubmitAnswer(c.UserContext(), id, lid, pos, given, s.now().UTC())
	asked := removedQuestion(0)
	if q != nil {
		asked = *q
	} else if pos >= 0 && pos < len(sess.QuestionIDs) {
		asked = removedQuestion(sess.QuestionIDs[pos])
	}
	return sess, step, asked, err
}

type quizSetupPage struct {
	base
	Decks   []deckSummary
	Deck    string
	Lengths []int
	Count   int
	Types   []quiz.QuestionType
}

// setupDecks is how many recent articles the quiz setup offers besides
// "all" and the one asked for.
const setupDecks = 50

func (s *Server) showQuizSetup(c *fiber.Ctx) error {
	deck := c.Query("deck", deckAll)
	if c.Query("article") != "" {
		deck = c.Query("article")
	}
	d, err := parseDeck(deck)
	if err != nil {
		return err
	}
	arts, err := s.store.Articles(c.UserContext(), 0, setupDecks)
	if err != nil {
		return err
	}
	if d.ArticleID != 0 && !slices.ContainsFunc(arts, func(a store.ArticleSummary) bool { return a.ID == d.ArticleID }) {
		a, err := s.store.ArticleSummary(c.UserContext(), d.ArticleID)
		if err != nil {
			return err
		}
		arts = append(arts, a)
	}
	// The setup names the decks and their sizes: the learner's counts
	// (deckSummaries) would be read for nothing.
	totals, err := s.store.Totals(c.UserContext())
	if err != nil {
		return err
	}
	decks := make([]deckSummary, 0, len(arts)+1)
	decks = append(decks, deckSummary{Key: deckAll, Name: "All questions", Questions: int(totals.Questions), Cards: int(totals.Notes)})
	for _, a := range arts {
		decks = append(decks, deckSummary{Key: strconv.FormatInt(a.ID, 10), Name: a.Title, ArticleID: a.ID,
			Questions: int(a.Questions), Cards: int(a.Cards)})
	}
	return s.render(c, fiber.StatusOK, "quizsetup", quizSetupPage{base: s.base(c, "New quiz", "quiz"),
		Decks: decks, Deck: d.Key, Lengths: quizLengths, Count: defaultQuizLen, Types: quiz.QuestionTypes})
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
	sess, err := s.paramQuiz(c)
	if err != nil {
		return err
	}
	id := sess.ID
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
	// Given is the answer typed before a hint, kept in the field.
	Given string
	// Story is the article's title, shown with each question of a quiz of
	// several articles.
	Story   string
	Last    bool
	NextURL string

	// What the template shows, prepared once here rather than computed
	// by template functions while rendering (see prepare).
	TypeName string
	Options  []optionView
	LastKey  string
	Removed  bool
	// Action is the answer form's URL.
	Action string
	// Right, SecondTry and Exact describe the attempt: correct, correct on
	// the second try, given exactly as the answer (ignoring case).
	Right, SecondTry, Exact bool
}

// optionView is one option of a question page: its key (1-based), text,
// and once answered whether it is the answer or the wrong one chosen.
type optionView struct {
	Key, Text     string
	Right, Chosen bool
}

// prepare fills the page's prepared fields from its question and attempt.
func (p *questionPage) prepare() {
	q := p.Question
	p.TypeName = typeName(q.Type)
	p.Removed = q.Template == "removed"
	p.Action = "/quiz/" + strconv.FormatInt(p.Session.ID, 10) + "/q/" + strconv.Itoa(p.Number)
	answer, given := strings.ToLower(q.Answer), ""
	if p.Attempt != nil {
		given = strings.ToLower(p.Attempt.Given)
		p.Right = p.Attempt.Result == quiz.Correct
		p.SecondTry = p.Attempt.Tries == 2
		p.Exact = given == answer
	}
	p.Options = make([]optionView, len(q.Options))
	for i, o := range q.Options {
		p.Options[i] = optionView{Key: strconv.Itoa(i + 1), Text: o}
		if p.Attempt != nil {
			lo := strings.ToLower(o)
			p.Options[i].Right = lo == answer
			p.Options[i].Chosen = !p.Options[i].Right && lo == given
		}
	}
	p.LastKey = strconv.Itoa(len(q.Options))
}

// position parses the 1-based question number n of sess.
func position(c *fiber.Ctx, sess quiz.QuizSession) (int, error) {
	v := c.Params("n")
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > len(sess.QuestionIDs) {
		return 0, quiz.Errorf(quiz.ErrNotFound, "This quiz has no question %q.", truncate(v, 20))
	}
	return n - 1, nil
}

func (s *Server) showQuestion(c *fiber.Ctx) error {
	sess, err := s.paramQuiz(c)
	if err != nil {
		return err
	}
	id := sess.ID
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
	return s.render(c, fiber.StatusOK, "question", p)
}

func (s *Server) questionPage(c *fiber.Ctx, sess quiz.QuizSession, pos int) (questionPage, error) {
	p, err := s.questionData(c, sess, pos)
	p.prepare()
	return p, err
}

func (s *Server) questionData(c *fiber.Ctx, sess quiz.QuizSession, pos int) (questionPage, error) {
	q, art, err := s.store.QuizQuestion(c.UserContext(), sess.QuestionIDs[pos])
	if isNotFound(err) {
		q, err = removedQuestion(sess.QuestionIDs[pos]), nil
	}
	if err != nil {
		return questionPage{}, err
	}
	q.Options = quiz.ShuffledOptions(q, sess.ID, pos)
	correct, total := sess.Score()
	p := questionPage{base: s.base(c, "Question "+strconv.Itoa(pos+1)+" of "+strconv.Itoa(total), "quiz"),
		Session: sess, Question: q, Number: pos + 1, Total: total, Correct: correct,
		Progress: pos * 100 / max(total, 1), Last: pos == total-1}
	if sess.ArticleID == 0 && q.Template != "removed" {
		p.Article, p.Story = art, art.Title
	}
	if pos >= len(sess.Attempts) {
		if sess.HintAt == pos && len(q.Options) == 0 && q.Template != "removed" {
			p.Hint = quiz.Hint(q.Answer)
			p.Given = truncate(c.Query("tried"), quiz.MaxAnswerLen)
		}
		return p, nil
	}
	a := sess.Attempts[pos]
	p.Attempt = &a
	p.Progress = (pos + 1) * 100 / max(total, 1)
	if p.Source, p.Fact, err = s.source(c, q, q.Type == quiz.TrueFalse); err != nil {
		return p, err
	}
	p.Article = art
	p.NextURL = fmt.Sprintf("/quiz/%d/q/%d", sess.ID, pos+2)
	if p.Last {
		p.NextURL = fmt.Sprintf("/quiz/%d/result", sess.ID)
	}
	return p, nil
}

// source marks the answer in a question's source sentence, from its fact
// when it has one; withFact also returns the fact, for true or false
// questions whose answer is not in the sentence.
func (s *Server) source(c *fiber.Ctx, q quiz.Question, withFact bool) (marked, *factView, error) {
	m := markAnswer(q.Sentence, q.Answer)
	if q.FactID == 0 {
		return m, nil, nil
	}
	f, err := s.store.Fact(c.UserContext(), q.FactID)
	switch {
	case isNotFound(err):
		return m, nil, nil
	case err != nil:
		return m, nil, err
	}
	var fv *factView
	if withFact {
		fv = newFactView(f)
	}
	return markFact(q, f), fv, nil
}

// articleOf returns the article of q without its text (a page naming it
// needs no more), or a zero article when it is gone.
func (s *Server) articleOf(c *fiber.Ctx, q quiz.Question) (quiz.Article, error) {
	a, err := s.store.ArticleHead(c.UserContext(), q.ArticleID)
	if isNotFound(err) {
		return quiz.Article{}, nil
	}
	return a, err
}

func (s *Server) answerQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 1 {
		return quiz.Errorf(quiz.ErrNotFound, "This quiz has no question %q.", truncate(c.Params("n"), 20))
	}
	given := c.FormValue("answer")
	_, step, _, err := s.answer(c, id, n-1, given)
	if errors.Is(err, quiz.ErrDuplicate) {
		// Answered already (a double click, the back button): refuse with
		// 409 but show the feedback of the first answer, not an error page.
		sess, err := s.ownSession(c, id)
		if err != nil {
			return err
		}
		p, err := s.questionPage(c, sess, n-1)
		if err != nil {
			return err
		}
		p.Notice = "You already answered this question; your first answer counts."
		return s.render(c, fiber.StatusConflict, "question", p)
	}
	if err != nil {
		return err
	}
	if step.Hint {
		// Keep what the learner typed in the field under the hint.
		return c.Redirect(fmt.Sprintf("/quiz/%d/q/%d?tried=%s", id, n, url.QueryEscape(strings.TrimSpace(given))), fiber.StatusSeeOther)
	}
	return c.Redirect(fmt.Sprintf("/quiz/%d/q/%d", id, n), fiber.StatusSeeOther)
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
	p := resultPage{base: s.base(c, "Quiz result", "quiz"), Session: sess,
		Correct: correct, Total: total, Time: sess.Duration(s.now()), Missed: len(sess.Missed())}
	p.Percent = quiz.QuizScore{Correct: correct, Total: total}.Percent()
	p.Verdict = quiz.Verdict(p.Percent)
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
	sess, err := s.paramQuiz(c)
	if err != nil {
		return err
	}
	id := sess.ID
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
		missed = missed[:0]
		for _, q := range still {
			missed = append(missed, q.ID)
		}
	}
	if len(missed) == 0 {
		return quiz.QuizSession{}, badRequest("You missed nothing in this quiz: there is nothing to retry.")
	}
	return s.store.CreateQuizSession(c.UserContext(), quiz.QuizSession{LearnerID: sess.LearnerID, Title: quiz.RetryTitle(sess.Title),
		ArticleID: sess.ArticleID, QuestionIDs: missed, RetryOf: sess.ID, StartedAt: s.now().UTC()})
}

func (s *Server) retryQuiz(c *fiber.Ctx) error {
	sess, err := s.paramQuiz(c)
	if err != nil {
		return err
	}
	next, err := s.retrySession(c, sess)
	if err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/quiz/%d/q/1", next.ID), fiber.StatusSeeOther)
}
