package web

// This file holds the JSON API under /api/v1, documented in API.md. It uses
// the same learner cookie and the same store calls as the pages.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// maxJSONBody caps JSON request bodies other than new articles.
const maxJSONBody = 64 << 10

type apiArticle struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	Standfirst string    `json:"standfirst,omitempty"`
	Source     string    `json:"source"`
	IngestedAt time.Time `json:"ingested_at"`
	Facts      *int64    `json:"facts,omitempty"`
	Questions  *int64    `json:"questions,omitempty"`
	Paragraphs []string  `json:"paragraphs,omitempty"`
}

type apiFact struct {
	ID       int64  `json:"id"`
	Kind     string `json:"kind"`
	Subject  string `json:"subject"`
	Relation string `json:"relation"`
	Object   string `json:"object"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

type apiQuestion struct {
	ID       int64    `json:"id"`
	Article  int64    `json:"article"`
	Fact     int64    `json:"fact,omitempty"`
	Type     string   `json:"type"`
	Prompt   string   `json:"prompt"`
	Answer   string   `json:"answer,omitempty"`
	Accepted []string `json:"accepted,omitempty"`
	Options  []string `json:"options,omitempty"`
	Sentence string   `json:"sentence,omitempty"`
	Edited   bool     `json:"edited,omitempty"`
	Reserve  bool     `json:"reserve,omitempty"`
}

func toAPIQuestion(q quiz.Question, withAnswer bool) apiQuestion {
	v := apiQuestion{ID: q.ID, Article: q.ArticleID, Fact: q.FactID, Type: string(q.Type), Prompt: q.Prompt, Options: q.Options}
	if withAnswer {
		v.Answer, v.Accepted, v.Sentence, v.Edited, v.Reserve = q.Answer, q.Accepted, q.Sentence, q.Edited, q.Reserve
	}
	return v
}

// decodeJSON reads the body strictly into v: unknown fields, wrong types and
// trailing data are 400s that say what is wrong.
func decodeJSON(c *fiber.Ctx, v any, limit int) error {
	body := c.Body()
	if len(body) == 0 {
		return badRequest("The request body is empty: send a JSON object.")
	}
	if len(body) > limit {
		return quiz.Errorf(quiz.ErrTooLarge, "The request body is larger than %d bytes.", limit)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &te):
			return badRequest("Field %q must be a %s, not a %s.", te.Field, te.Type.String(), te.Value)
		case errors.As(err, &se):
			return badRequest("The body is not valid JSON (at byte %d).", se.Offset)
		}
		return badRequest("The body is not a valid request: %s.", err.Error())
	}
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("The body holds more than one JSON value.")
	}
	return nil
}

// apiLimit parses the limit of a list, 1 to max, def when absent.
func apiLimit(c *fiber.Ctx, def, max int) (int, error) {
	v := c.Query("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		return 0, badRequest("limit must be a number from 1 to %d, not %q.", max, truncate(v, 20))
	}
	return n, nil
}

// apiArticlePage returns the page of articles a list request asks for
// (?before=ID&limit=N) and its limit.
func (s *Server) apiArticlePage(c *fiber.Ctx) ([]store.ArticleSummary, int, error) {
	after, err := before(c)
	if err != nil {
		return nil, 0, err
	}
	limit, err := apiLimit(c, 100, 1000)
	if err != nil {
		return nil, 0, err
	}
	arts, err := s.store.Articles(c.UserContext(), after, limit)
	return arts, limit, err
}

func (s *Server) apiArticles(c *fiber.Ctx) error {
	arts, limit, err := s.apiArticlePage(c)
	if err != nil {
		return err
	}
	out := make([]apiArticle, len(arts))
	for i, a := range arts {
		out[i] = apiArticle{ID: a.ID, Title: a.Title, Standfirst: a.Standfirst, Source: a.Source,
			IngestedAt: a.IngestedAt, Facts: &arts[i].Facts, Questions: &arts[i].Questions}
	}
	body := fiber.Map{"articles": out}
	if m := more(arts, limit); m != 0 {
		body["next"] = fmt.Sprintf("/api/v1/articles?before=%d&limit=%d", m, limit)
	}
	return c.JSON(body)
}

func (s *Server) apiArticle(c *fiber.Ctx) error {
	ac, err := s.paramArticle(c)
	if err != nil {
		return err
	}
	facts, err := s.store.Facts(c.UserContext(), ac.Article.ID)
	if err != nil {
		return err
	}
	a, qs := ac.Article, ac.Questions
	fv := make([]apiFact, len(facts))
	for i, f := range facts {
		fv[i] = apiFact{ID: f.ID, Kind: string(f.Kind), Subject: f.Subject, Relation: f.Relation, Object: f.Object,
			Sentence: f.Sentence, Start: f.Start, End: f.End}
	}
	qv := make([]apiQuestion, len(qs))
	for i, q := range qs {
		qv[i] = toAPIQuestion(q, can(c, quiz.SeeAnswers))
	}
	return c.JSON(fiber.Map{
		"article":   apiArticle{ID: a.ID, Title: a.Title, Standfirst: a.Standfirst, Source: a.Source, IngestedAt: a.IngestedAt, Paragraphs: a.Paragraphs},
		"facts":     fv,
		"questions": qv,
	})
}

func (s *Server) apiCreateArticle(c *fiber.Ctx) error {
	var req struct {
		Title  string `json:"title"`
		Text   string `json:"text"`
		Source string `json:"source"`
	}
	if err := decodeJSON(c, &req, int(s.maxUpload)+4096); err != nil {
		return err
	}
	if len(req.Title) > maxTitleLen {
		return badRequest("The title is longer than %d characters.", maxTitleLen)
	}
	source := req.Source
	if source == "" {
		source = "api"
	}
	if len(source) > maxTitleLen {
		return badRequest("The source is longer than %d characters.", maxTitleLen)
	}
	a, qs, err := s.addArticle(c.UserContext(), pipeline.Document{Title: strings.TrimSpace(req.Title), Raw: []byte(req.Text), Source: source})
	if err != nil {
		var ae *addError
		if errors.As(err, &ae) {
			body := fiber.Map{"error": ae.msg}
			if ae.existing != nil {
				body["article"] = ae.existing.ID
			}
			return c.Status(ae.status).JSON(body)
		}
		return err
	}
	qv := make([]apiQuestion, len(qs))
	for i, q := range qs {
		qv[i] = toAPIQuestion(q, true)
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{
		"article":   apiArticle{ID: a.ID, Title: a.Title, Standfirst: a.Standfirst, Source: a.Source, IngestedAt: a.IngestedAt},
		"questions": qv,
	})
}

func (s *Server) apiQuestions(c *fiber.Ctx) error {
	var f store.QuestionFilter
	if v := c.Query("article"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return badRequest("%q is not a valid article number.", truncate(v, 40))
		}
		f.ArticleID = id
	}
	var err error
	if f.Limit, err = apiLimit(c, 100, 10000); err != nil {
		return err
	}
	if v := c.Query("after"); v != "" {
		if f.After, err = strconv.ParseInt(v, 10, 64); err != nil || f.After < 0 {
			return badRequest("after must be a question number, not %q.", truncate(v, 20))
		}
	}
	switch c.Query("reserve") {
	case "", "false":
	case "true", "only":
		f.OnlyReserve = true
	case "all":
		f.WithReserve = true
	default:
		return badRequest("reserve must be false, true (only the reserve) or all, not %q.", truncate(c.Query("reserve"), 20))
	}
	if f.Types, err = parseTypes(strs(c.Context().QueryArgs().PeekMulti("type"))); err != nil {
		return err
	}
	qs, err := s.store.Questions(c.UserContext(), f)
	if err != nil {
		return err
	}
	out := make([]apiQuestion, len(qs))
	for i, q := range qs {
		out[i] = toAPIQuestion(q, true)
	}
	body := fiber.Map{"questions": out}
	if len(qs) == f.Limit {
		body["next_after"] = qs[len(qs)-1].ID
	}
	return c.JSON(body)
}

func (s *Server) apiQuestion(c *fiber.Ctx) error {
	q, err := s.paramQuestion(c)
	if err != nil {
		return err
	}
	return c.JSON(toAPIQuestion(q, true))
}

func (s *Server) apiUpdateQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req struct {
		Prompt   *string  `json:"prompt"`
		Answer   *string  `json:"answer"`
		Accepted []string `json:"accepted"`
		Options  []string `json:"options"`
		// Reserve false promotes a reserve question; true is refused (a
		// question is not sent back to the reserve).
		Reserve *bool `json:"reserve"`
	}
	if err := decodeJSON(c, &req, maxJSONBody); err != nil {
		return err
	}
	if req.Reserve != nil && *req.Reserve {
		return badRequest("A question cannot be put back in the reserve; delete it instead.")
	}
	q, _, err := s.store.EditQuestion(c.UserContext(), id, quiz.Edit{Prompt: req.Prompt, Answer: req.Answer,
		Accepted: req.Accepted, Options: req.Options, Promote: req.Reserve != nil})
	if err != nil {
		return err
	}
	return c.JSON(toAPIQuestion(q, true))
}

func (s *Server) apiPromoteQuestion(c *fiber.Ctx) error {
	q, err := s.promote(c)
	if err != nil {
		return err
	}
	return c.JSON(toAPIQuestion(q, true))
}

func (s *Server) apiDeleteQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.store.DeleteQuestion(c.UserContext(), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

type apiDeck struct {
	Key       string     `json:"key"`
	Name      string     `json:"name"`
	Article   int64      `json:"article,omitempty"`
	Questions int        `json:"questions"`
	Cards     int        `json:"cards"`
	Due       int        `json:"due"`
	Learning  int        `json:"learning"`
	Review    int        `json:"review"`
	New       int        `json:"new"`
	NextDue   *time.Time `json:"next_due,omitempty"`
}

func toAPIDeck(d deckSummary) apiDeck {
	v := apiDeck{Key: d.Key, Name: d.Name, Article: d.ArticleID, Questions: d.Questions, Cards: d.Cards, Due: d.Due, Learning: d.Learning, Review: d.Review, New: d.New}
	if !d.NextDue.IsZero() {
		t := d.NextDue
		v.NextDue = &t
	}
	return v
}

func (s *Server) apiDecks(c *fiber.Ctx) error {
	arts, limit, err := s.apiArticlePage(c)
	if err != nil {
		return err
	}
	decks, err := s.deckSummaries(c, arts)
	if err != nil {
		return err
	}
	out := make([]apiDeck, len(decks))
	for i, d := range decks {
		out[i] = toAPIDeck(d)
	}
	body := fiber.Map{"decks": out}
	if m := more(arts, limit); m != 0 {
		body["next"] = fmt.Sprintf("/api/v1/decks?before=%d&limit=%d", m, limit)
	}
	return c.JSON(body)
}

func (s *Server) apiDeck(c *fiber.Ctx) error {
	limit, err := apiLimit(c, 100, 10000)
	if err != nil {
		return err
	}
	_, dk, qs, err := s.paramDeck(c, limit, false)
	if err != nil {
		return err
	}
	qv := make([]apiQuestion, len(qs))
	for i, q := range qs {
		qv[i] = toAPIQuestion(q, can(c, quiz.SeeAnswers))
	}
	body := fiber.Map{"deck": toAPIDeck(dk), "questions": qv}
	if len(qs) == limit {
		body["next_after"] = qs[len(qs)-1].ID
	}
	return c.JSON(body)
}

type apiCard struct {
	Question apiQuestion `json:"question"`
	State    string      `json:"state"`
	Due      *time.Time  `json:"due,omitempty"`
	Reps     int         `json:"reps"`
}

func toAPICard(q quiz.Question, c quiz.Card) apiCard {
	v := apiCard{Question: toAPIQuestion(q, true), State: c.State.String(), Reps: c.Reps}
	if !c.Due.IsZero() {
		t := c.Due
		v.Due = &t
	}
	return v
}

func (s *Server) apiNextCard(c *fiber.Ctx) error {
	st, err := s.study(c)
	if err != nil {
		return err
	}
	body := fiber.Map{"deck": toAPIDeck(st.Deck), "card": nil}
	if st.Current != nil {
		body["card"] = toAPICard(*st.Current, st.Card)
	}
	return c.JSON(body)
}

func (s *Server) apiReview(c *fiber.Ctx) error {
	var req struct {
		Question int64 `json:"question"`
		Rating   int   `json:"rating"`
	}
	if err := decodeJSON(c, &req, maxJSONBody); err != nil {
		return err
	}
	if req.Question <= 0 {
		return badRequest("question must be a question number.")
	}
	card, err := s.review(c, req.Question, quiz.Rating(req.Rating))
	if err != nil {
		return err
	}
	q, err := s.store.Question(c.UserContext(), req.Question)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toAPICard(q, card))
}

type apiQuiz struct {
	ID         int64          `json:"id"`
	Title      string         `json:"title"`
	Article    int64          `json:"article,omitempty"`
	Total      int            `json:"total"`
	Next       int            `json:"next"`
	Finished   bool           `json:"finished"`
	StartedAt  time.Time      `json:"started_at"`
	FinishedAt *time.Time     `json:"finished_at,omitempty"`
	Questions  []apiQuizItem  `json:"questions"`
	Correct    int            `json:"correct"`
	RetryOf    int64          `json:"retry_of,omitempty"`
	Answers    []apiAttempted `json:"answers"`
}

type apiQuizItem struct {
	Position int `json:"position"`
	apiQuestion
}

type apiAttempted struct {
	Position int    `json:"position"`
	Question int64  `json:"question"`
	Given    string `json:"given"`
	Result   string `json:"result"`
	Tries    int    `json:"tries"`
}

// apiQuizView shows a quiz; its questions' answers only once answered.
func (s *Server) apiQuizView(c *fiber.Ctx, sess quiz.QuizSession) (apiQuiz, error) {
	qs, err := s.store.Questions(c.UserContext(), store.QuestionFilter{IDs: sess.QuestionIDs})
	if err != nil {
		return apiQuiz{}, err
	}
	byID := make(map[int64]quiz.Question, len(qs))
	for _, q := range qs {
		byID[q.ID] = q
	}
	correct, total := sess.Score()
	v := apiQuiz{ID: sess.ID, Title: sess.Title, Article: sess.ArticleID, Total: total, Next: sess.Next(),
		Finished: sess.Finished(), StartedAt: sess.StartedAt, Correct: correct, RetryOf: sess.RetryOf,
		Questions: make([]apiQuizItem, 0, total), Answers: make([]apiAttempted, 0, len(sess.Attempts))}
	if !sess.FinishedAt.IsZero() {
		t := sess.FinishedAt
		v.FinishedAt = &t
	}
	for i, id := range sess.QuestionIDs {
		q, ok := byID[id]
		if !ok {
			q = quiz.Question{ID: id, Prompt: "(deleted)"}
		}
		q.Options = quiz.ShuffledOptions(q, sess.ID, i)
		v.Questions = append(v.Questions, apiQuizItem{Position: i, apiQuestion: toAPIQuestion(q, i < len(sess.Attempts))})
	}
	for _, a := range sess.Attempts {
		v.Answers = append(v.Answers, apiAttempted{Position: a.Position, Question: a.QuestionID, Given: a.Given, Result: a.Result.String(), Tries: a.Tries})
	}
	return v, nil
}

func (s *Server) apiStartQuiz(c *fiber.Ctx) error {
	var req struct {
		Deck  string   `json:"deck"`
		Count int      `json:"count"`
		Types []string `json:"types"`
		Retry int64    `json:"retry"`
	}
	if err := decodeJSON(c, &req, maxJSONBody); err != nil {
		return err
	}
	var sess quiz.QuizSession
	if req.Retry != 0 {
		prev, err := s.ownSession(c, req.Retry)
		if err != nil {
			return err
		}
		if sess, err = s.retrySession(c, prev); err != nil {
			return err
		}
	} else {
		d, err := parseDeck(req.Deck)
		if err != nil {
			return err
		}
		if req.Count == 0 {
			req.Count = defaultQuizLen
		}
		if req.Count < 1 || req.Count > maxQuizLen {
			return badRequest("count must be between 1 and %d.", maxQuizLen)
		}
		types, err := parseTypes(req.Types)
		if err != nil {
			return err
		}
		if sess, err = s.startSession(c, quizRequest{Deck: d, Count: req.Count, Types: types}); err != nil {
			return err
		}
	}
	v, err := s.apiQuizView(c, sess)
	if err != nil {
		return err
	}
	c.Location(fmt.Sprintf("/api/v1/quizzes/%d", sess.ID))
	return c.Status(fiber.StatusCreated).JSON(v)
}

func (s *Server) apiQuiz(c *fiber.Ctx) error {
	sess, err := s.paramQuiz(c)
	if err != nil {
		return err
	}
	v, err := s.apiQuizView(c, sess)
	if err != nil {
		return err
	}
	return c.JSON(v)
}

func (s *Server) apiAnswer(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var req struct {
		Position *int   `json:"position"`
		Answer   string `json:"answer"`
	}
	if err := decodeJSON(c, &req, maxJSONBody); err != nil {
		return err
	}
	if req.Position == nil {
		return badRequest("position is required: the 0-based index of the question answered.")
	}
	sess, step, q, err := s.answer(c, id, *req.Position, req.Answer)
	if err != nil {
		return err
	}
	body := fiber.Map{"finished": sess.Finished(), "next": sess.Next()}
	if step.Hint {
		body["result"] = quiz.Close.String()
		body["retry"] = true
		body["hint"] = step.HintText
		return c.JSON(body)
	}
	body["result"] = step.Attempt.Result.String()
	body["answer"] = q.Answer
	body["sentence"] = q.Sentence
	body["article"] = q.ArticleID
	return c.Status(fiber.StatusCreated).JSON(body)
}

func (s *Server) apiResult(c *fiber.Ctx) error {
	sess, err := s.paramQuiz(c)
	if err != nil {
		return err
	}
	id := sess.ID
	if !sess.Finished() {
		return quiz.Errorf(quiz.ErrDuplicate, "Quiz %d is not finished: %d of %d answered.", id, len(sess.Attempts), len(sess.QuestionIDs))
	}
	v, err := s.apiQuizView(c, sess)
	if err != nil {
		return err
	}
	correct, total := sess.Score()
	return c.JSON(fiber.Map{"quiz": v, "correct": correct, "total": total,
		"percent": quiz.QuizScore{Correct: correct, Total: total}.Percent(), "seconds": int(sess.Duration(s.now()).Seconds()),
		"missed": sess.Missed()})
}

func (s *Server) apiScores(c *fiber.Ctx) error {
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	type score struct {
		Quiz       int64     `json:"quiz"`
		Title      string    `json:"title"`
		Correct    int       `json:"correct"`
		Total      int       `json:"total"`
		Percent    int       `json:"percent"`
		FinishedAt time.Time `json:"finished_at"`
	}
	out := []score{}
	if lid != 0 {
		scores, err := s.store.QuizScores(c.UserContext(), lid, 0)
		if err != nil {
			return err
		}
		for _, sc := range scores {
			out = append(out, score{sc.SessionID, sc.Title, sc.Correct, sc.Total, sc.Percent(), sc.FinishedAt})
		}
	}
	return c.JSON(fiber.Map{"scores": out})
}
