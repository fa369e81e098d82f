package web

// This file holds classes on the web: a teacher's classes and their join
// codes, assignments and their results per learner and per question (page,
// CSV and JSON), and the learner's side: joining with a code and doing
// assignments.

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"factdeck/quiz"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// classesPage is the data of a teacher's list of classes.
type classesPage struct {
	base
	Classes []quiz.Class
	Name    string
	Error   string
}

// owner returns the signed-in teacher, whom classes belong to. In open
// mode a guest is a teacher but owns nothing: classes need an account.
func owner(c *fiber.Ctx) (quiz.User, error) {
	v := viewerOf(c)
	if v.User == nil {
		return quiz.User{}, quiz.Errorf(quiz.ErrForbidden, "Sign in to run classes: a class belongs to an account.")
	}
	return *v.User, nil
}

func (s *Server) showClasses(c *fiber.Ctx) error {
	u, err := owner(c)
	if err != nil {
		return err
	}
	cs, err := s.store.TeacherClasses(c.UserContext(), u.ID)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "classes", classesPage{base: s.base(c, "Classes", "classes"), Classes: cs})
}

func (s *Server) createClass(c *fiber.Ctx) error {
	u, err := owner(c)
	if err != nil {
		return err
	}
	name, err := quiz.CheckName(c.FormValue("name"))
	if err == nil && name == "" {
		err = quiz.Errorf(quiz.ErrInvalid, "Give the class a name.")
	}
	if err != nil {
		msg, ok := quiz.Message(err)
		if !ok {
			return err
		}
		cs, lerr := s.store.TeacherClasses(c.UserContext(), u.ID)
		if lerr != nil {
			return lerr
		}
		return s.render(c, fiber.StatusBadRequest, "classes", classesPage{base: s.base(c, "Classes", "classes"),
			Classes: cs, Name: truncate(c.FormValue("name"), quiz.MaxName), Error: msg})
	}
	cl, err := s.store.CreateClass(c.UserContext(), quiz.Class{Name: name, TeacherID: u.ID, CreatedAt: s.now().UTC()})
	if err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/classes/%d", cl.ID), fiber.StatusSeeOther)
}

// ownClass returns the class named by the route's :id when the viewer
// owns it (or is an admin); anyone else's class is not found.
func (s *Server) ownClass(c *fiber.Ctx, id int64) (quiz.Class, error) {
	u, err := owner(c)
	if err != nil {
		return quiz.Class{}, err
	}
	cl, err := s.store.Class(c.UserContext(), id)
	if err != nil {
		return cl, err
	}
	if cl.TeacherID != u.ID && u.Role != quiz.Admin {
		return quiz.Class{}, quiz.Errorf(quiz.ErrNotFound, "There is no class %d.", id)
	}
	return cl, nil
}

// assignmentRow is an assignment with how many members finished it.
type assignmentSummary struct {
	quiz.Assignment
	Done, Members int
}

// classPage is the data of a class's page.
type classPage struct {
	base
	Class       quiz.Class
	JoinURL     string
	Members     []quiz.Member
	Assignments []assignmentSummary
	Articles    []store.ArticleSummary
	Now         time.Time
	Form        assignmentForm
	Error       string
}

// assignmentForm is the new-assignment form as filled in.
type assignmentForm struct {
	Title   string
	Article int64
	Count   int
	Due     string
}

func (s *Server) classData(c *fiber.Ctx) (classPage, error) {
	ctx := c.UserContext()
	id, err := paramID(c, "id")
	if err != nil {
		return classPage{}, err
	}
	cl, err := s.ownClass(c, id)
	if err != nil {
		return classPage{}, err
	}
	p := classPage{base: s.base(c, cl.Name, "classes"), Class: cl, JoinURL: c.BaseURL() + "/join/" + cl.Code,
		Now: s.now(), Form: assignmentForm{Count: defaultQuizLen}}
	if p.Members, err = s.store.Members(ctx, cl.ID); err != nil {
		return p, err
	}
	as, err := s.store.ClassAssignments(ctx, cl.ID)
	if err != nil {
		return p, err
	}
	for _, a := range as {
		work, err := s.store.AssignmentWork(ctx, a)
		if err != nil {
			return p, err
		}
		sum := assignmentSummary{Assignment: a, Members: len(work)}
		for _, w := range work {
			if w.Done() {
				sum.Done++
			}
		}
		p.Assignments = append(p.Assignments, sum)
	}
	p.Articles, err = s.store.Articles(ctx, 0, setupDecks)
	return p, err
}

func (s *Server) showClass(c *fiber.Ctx) error {
	p, err := s.classData(c)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "class", p)
}

// parseDue reads an optional due date, a day (2006-01-02) that ends at
// midnight UTC after it.
func parseDue(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse("2006-01-02", v)
	if err != nil || d.Year() < 2000 || d.Year() > 2200 {
		return time.Time{}, badRequest("The due date must be a day such as 2026-05-31, not %q.", truncate(v, 20))
	}
	return d.Add(24*time.Hour - time.Second), nil
}

func (s *Server) createAssignment(c *fiber.Ctx) error {
	p, err := s.classData(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	f := assignmentForm{Title: strings.TrimSpace(c.FormValue("title")), Due: strings.TrimSpace(c.FormValue("due"))}
	fail := func(err error) error {
		msg, ok := quiz.Message(err)
		if !ok {
			return err
		}
		code, _ := classify(err)
		p.Form, p.Error = f, msg
		p.Form.Title, p.Form.Due = truncate(f.Title, quiz.MaxTitle), truncate(f.Due, 20)
		return s.render(c, code, "class", p)
	}
	d, err := parseDeck(c.FormValue("deck", deckAll))
	if err != nil {
		return fail(err)
	}
	f.Article = d.ArticleID
	if f.Count, err = parseCount(c.FormValue("count")); err != nil {
		return fail(err)
	}
	due, err := parseDue(f.Due)
	if err != nil {
		return fail(err)
	}
	if !due.IsZero() && due.Before(s.now()) {
		return fail(badRequest("The due date has passed already."))
	}
	if !utf8.ValidString(f.Title) || utf8.RuneCountInString(f.Title) > quiz.MaxTitle {
		return fail(badRequest("A title may have at most %d characters.", quiz.MaxTitle))
	}
	title := f.Title
	if title == "" {
		title = "All articles"
		if d.ArticleID != 0 {
			a, err := s.store.Article(ctx, d.ArticleID)
			if err != nil {
				return fail(err)
			}
			title = truncate(a.Title, quiz.MaxTitle)
		}
	}
	rng := rand.New(rand.NewPCG(uint64(s.now().UnixNano()), uint64(p.Class.ID)))
	ids, err := s.store.DrawQuestions(ctx, store.QuestionFilter{ArticleID: d.ArticleID}, f.Count, rng)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return fail(quiz.Errorf(quiz.ErrEmpty, "There are no questions to assign here."))
	}
	a, err := s.store.CreateAssignment(ctx, quiz.Assignment{ClassID: p.Class.ID, Title: title, ArticleID: d.ArticleID,
		QuestionIDs: ids, Due: due, CreatedAt: s.now().UTC()})
	if err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/assignments/%d/results", a.ID), fiber.StatusSeeOther)
}

// learnerResult is one member's line of an assignment's results.
type learnerResult struct {
	Name      string
	LearnerID int64
	Started   bool
	Done      bool
	Correct   int
	Total     int
	Percent   int
	Time      time.Duration
	Session   *quiz.QuizSession
}

// resultsPage is the data of an assignment's results.
type resultsPage struct {
	base
	Class      quiz.Class
	Assignment quiz.Assignment
	Learners   []learnerResult
	Items      []quiz.ItemStat
	Done       int
	Flagged    int
}

func (s *Server) results(c *fiber.Ctx) (resultsPage, error) {
	ctx := c.UserContext()
	id, err := paramID(c, "id")
	if err != nil {
		return resultsPage{}, err
	}
	a, err := s.store.Assignment(ctx, id)
	if err != nil {
		return resultsPage{}, err
	}
	cl, err := s.ownClass(c, a.ClassID)
	if err != nil {
		return resultsPage{}, quiz.Errorf(quiz.ErrNotFound, "There is no assignment %d.", id)
	}
	work, err := s.store.AssignmentWork(ctx, a)
	if err != nil {
		return resultsPage{}, err
	}
	qs, err := s.store.Questions(ctx, store.QuestionFilter{IDs: a.QuestionIDs, WithReserve: true})
	if err != nil {
		return resultsPage{}, err
	}
	byID := make(map[int64]quiz.Question, len(qs))
	for _, q := range qs {
		byID[q.ID] = q
	}
	ordered := make([]quiz.Question, len(a.QuestionIDs))
	for i, qid := range a.QuestionIDs {
		q, ok := byID[qid]
		if !ok {
			q = removedQuestion(qid)
		}
		ordered[i] = q
	}
	p := resultsPage{base: s.base(c, a.Title, "classes"), Class: cl, Assignment: a, Items: quiz.AnalyseItems(ordered, work)}
	now := s.now()
	for _, w := range work {
		r := learnerResult{Name: w.Member.Name, LearnerID: w.Member.LearnerID, Total: len(a.QuestionIDs)}
		if w.Session != nil {
			r.Session = w.Session
			r.Started, r.Done = true, w.Done()
			r.Correct, r.Total = w.Session.Score()
			r.Time = w.Session.Duration(now).Round(time.Second)
			if r.Total > 0 {
				r.Percent = (r.Correct*100 + r.Total/2) / r.Total
			}
		}
		if r.Done {
			p.Done++
		}
		p.Learners = append(p.Learners, r)
	}
	for _, it := range p.Items {
		if it.Flagged {
			p.Flagged++
		}
	}
	return p, nil
}

func (s *Server) showResults(c *fiber.Ctx) error {
	p, err := s.results(c)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "assignment", p)
}

// resultsCSV writes an assignment's results, one rectangular table: a
// line per learner with their score, time and the answer they gave to each
// question, then lines with each question's share correct and flag.
func (s *Server) resultsCSV(c *fiber.Ctx) error {
	p, err := s.results(c)
	if err != nil {
		return err
	}
	fixed := []string{"learner", "status", "correct", "total", "percent", "seconds"}
	header := append([]string(nil), fixed...)
	for i, it := range p.Items {
		header = append(header, csvSafe(fmt.Sprintf("Q%d %s", i+1, truncate(it.Question.Prompt, 60))))
	}
	rows := [][]string{header}
	for _, r := range p.Learners {
		status := "not started"
		if r.Done {
			status = "done"
		} else if r.Started {
			status = "started"
		}
		row := []string{csvSafe(r.Name), status, strconv.Itoa(r.Correct), strconv.Itoa(r.Total),
			strconv.Itoa(r.Percent), strconv.Itoa(int(r.Time.Seconds()))}
		given := map[int64]quiz.Attempt{}
		if r.Session != nil {
			for _, a := range r.Session.Attempts {
				given[a.QuestionID] = a
			}
		}
		for _, it := range p.Items {
			cell := ""
			if a, ok := given[it.Question.ID]; ok {
				cell = a.Result.String() + ": " + a.Given
			}
			row = append(row, csvSafe(cell))
		}
		rows = append(rows, row)
	}
	share := []string{"share correct", "", "", "", "", ""}
	flag := []string{"flagged for review", "", "", "", "", ""}
	for _, it := range p.Items {
		share = append(share, strconv.Itoa(it.ShareCorrect()))
		flag = append(flag, strconv.FormatBool(it.Flagged))
	}
	rows = append(rows, share, flag)
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return fmt.Errorf("results csv: %w", err)
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, attachment(fmt.Sprintf("assignment-%d-results.csv", p.Assignment.ID)))
	return c.SendString(b.String())
}

// csvSafe keeps a spreadsheet from running a cell as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// apiResults is an assignment's results as JSON.
func (s *Server) apiResults(c *fiber.Ctx) error {
	p, err := s.results(c)
	if err != nil {
		return err
	}
	type choice struct {
		Option  string `json:"option"`
		Correct bool   `json:"correct"`
		Picked  int    `json:"picked"`
	}
	type item struct {
		Question       int64    `json:"question"`
		Prompt         string   `json:"prompt"`
		Answered       int      `json:"answered"`
		Correct        int      `json:"correct"`
		Choices        []choice `json:"choices"`
		Other          int      `json:"other"`
		Discrimination float64  `json:"discrimination"`
		Flagged        bool     `json:"flagged"`
	}
	type learner struct {
		Name    string  `json:"name"`
		Done    bool    `json:"done"`
		Correct int     `json:"correct"`
		Total   int     `json:"total"`
		Seconds float64 `json:"seconds"`
	}
	out := struct {
		Assignment int64     `json:"assignment"`
		Title      string    `json:"title"`
		Learners   []learner `json:"learners"`
		Questions  []item    `json:"questions"`
	}{Assignment: p.Assignment.ID, Title: p.Assignment.Title, Learners: []learner{}, Questions: []item{}}
	for _, r := range p.Learners {
		out.Learners = append(out.Learners, learner{r.Name, r.Done, r.Correct, r.Total, r.Time.Seconds()})
	}
	for _, it := range p.Items {
		v := item{Question: it.Question.ID, Prompt: it.Question.Prompt, Answered: it.Answered, Correct: it.Correct,
			Choices: []choice{}, Other: it.Other, Discrimination: it.Discrimination, Flagged: it.Flagged}
		for _, ch := range it.Choices {
			v.Choices = append(v.Choices, choice{ch.Option, ch.Correct, ch.Picked})
		}
		out.Questions = append(out.Questions, v)
	}
	return c.JSON(out)
}

// assignmentsPage is the data of a learner's assignments.
type assignmentsPage struct {
	base
	Assignments []store.LearnerAssignment
	Now         time.Time
	Joined      string
}

func (s *Server) learnerAssignments(c *fiber.Ctx) ([]store.LearnerAssignment, error) {
	lid, err := s.learnerID(c)
	if err != nil || lid == 0 {
		return nil, err
	}
	return s.store.LearnerAssignments(c.UserContext(), lid)
}

func (s *Server) showAssignments(c *fiber.Ctx) error {
	as, err := s.learnerAssignments(c)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "assignments", assignmentsPage{base: s.base(c, "Assignments", "assignments"),
		Assignments: as, Now: s.now(), Joined: truncate(c.Query("joined"), quiz.MaxClassName)})
}

func (s *Server) apiAssignments(c *fiber.Ctx) error {
	as, err := s.learnerAssignments(c)
	if err != nil {
		return err
	}
	type item struct {
		ID        int64      `json:"id"`
		Title     string     `json:"title"`
		Class     string     `json:"class"`
		Questions int        `json:"questions"`
		Due       *time.Time `json:"due,omitempty"`
		Quiz      int64      `json:"quiz,omitempty"`
		Done      bool       `json:"done"`
	}
	out := make([]item, len(as))
	for i, a := range as {
		out[i] = item{ID: a.ID, Title: a.Title, Class: a.ClassName, Questions: len(a.QuestionIDs), Quiz: a.SessionID, Done: a.Done}
		if !a.Due.IsZero() {
			d := a.Due
			out[i].Due = &d
		}
	}
	return c.JSON(fiber.Map{"assignments": out})
}

func (s *Server) startAssignment(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	l, err := s.learner(c)
	if err != nil {
		return err
	}
	sess, err := s.store.StartAssignment(c.UserContext(), id, l.ID, s.now().UTC())
	if err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/quiz/%d", sess.ID), fiber.StatusSeeOther)
}

// joinPage is the data of the join form.
type joinPage struct {
	base
	Code  string
	Class *quiz.Class
	Error string
}

func (s *Server) showJoin(c *fiber.Ctx) error {
	p := joinPage{base: s.base(c, "Join a class", "assignments"), Code: store.NormalizeCode(c.Params("code"))}
	if p.Code != "" {
		cl, err := s.store.ClassByCode(c.UserContext(), p.Code)
		switch {
		case err == nil:
			p.Class = &cl
		case isNotFound(err):
			p.Error = "No class has this code. Check it with your teacher."
			p.Code = truncate(p.Code, 16)
			return s.render(c, fiber.StatusNotFound, "join", p)
		default:
			return err
		}
	}
	return s.render(c, fiber.StatusOK, "join", p)
}

func (s *Server) joinClass(c *fiber.Ctx) error {
	code := store.NormalizeCode(c.FormValue("code"))
	p := joinPage{base: s.base(c, "Join a class", "assignments"), Code: truncate(code, 16)}
	if code == "" || len(code) > 16 {
		p.Error = "Enter the class code your teacher gave you."
		return s.render(c, fiber.StatusBadRequest, "join", p)
	}
	cl, err := s.store.ClassByCode(c.UserContext(), code)
	if isNotFound(err) {
		p.Error = "No class has this code. Check it with your teacher."
		return s.render(c, fiber.StatusNotFound, "join", p)
	}
	if err != nil {
		return err
	}
	l, err := s.learner(c)
	if err != nil {
		return err
	}
	if err := s.store.JoinClass(c.UserContext(), cl.ID, l.ID, s.now().UTC()); err != nil {
		return err
	}
	return c.Redirect("/assignments?joined="+url.QueryEscape(cl.Name), fiber.StatusSeeOther)
}
