package web

// The class story of issue 13 in a real Chromium: a teacher signs up and is
// made a teacher by the admin, adds an article, creates a class and an
// assignment; two learners join with the code and do it, one as a guest
// who then signs up and keeps the result; the teacher sees both results and
// the per-question table; a learner cannot reach the edit page or the API's
// answer list.

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/seeds"
	"factdeck/store"

	"github.com/chromedp/chromedp"
)

// fill sets the form fields by ID, submits the form with the button
// submit and waits for the next page.
func (e *e2e) fill(t *testing.T, fields map[string]string, submit string) {
	t.Helper()
	var steps []chromedp.Action[chromedp.Void]
	for id, v := range fields {
		steps = append(steps, chromedp.SetValue(chromedp.ID(id), v))
	}
	e.do(t, steps...)
	e.submit(t, chromedp.Click(chromedp.ID(submit)))
}

// submit runs step, which leaves the page, and waits for the next page to
// load.
func (e *e2e) submit(t *testing.T, step chromedp.Action[chromedp.Void]) {
	t.Helper()
	e.eval(t, `window.__leaving = 'yes'`)
	e.do(t, step)
	e.waitFor(t, `window.__leaving === undefined && document.readyState === 'complete'`)
}

func (e *e2e) text(t *testing.T, id string) string {
	t.Helper()
	e.waitFor(t, fmt.Sprintf(`document.getElementById(%q)`, id))
	return e.eval(t, fmt.Sprintf(`document.getElementById(%q).textContent`, id))
}

// questionShown returns the stored question whose prompt the page shows.
func (e *e2e) questionShown(t *testing.T) quiz.Question {
	t.Helper()
	prompt := strings.TrimSpace(e.eval(t, `document.getElementById('prompt').textContent`))
	qs, err := e.store.Questions(context.Background(), store.QuestionFilter{WithReserve: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if strings.TrimSpace(q.Prompt) == prompt {
			return q
		}
	}
	t.Fatalf("no stored question with prompt %q", prompt)
	return quiz.Question{}
}

// answerQuiz answers the quiz on screen by clicking and typing, answer(q)
// for each question, and returns the score shown at the end.
func (e *e2e) answerQuiz(t *testing.T, answer func(q quiz.Question) string) string {
	t.Helper()
	for n := 1; ; n++ {
		e.waitFor(t, fmt.Sprintf(onQuestion, n))
		q := e.questionShown(t)
		a := answer(q)
		if len(q.Options) > 0 {
			e.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.option[value=%q]`, a))))
		} else {
			e.do(t, chromedp.SendKeys(chromedp.ID("answer"), a), chromedp.Click(chromedp.CSS(`#answer-form button[type=submit]`)))
		}
		e.waitFor(t, `document.getElementById('feedback')`)
		last := e.eval(t, `document.getElementById('next').textContent`)
		e.do(t, chromedp.Click(chromedp.ID("next")))
		if strings.Contains(last, "result") {
			break
		}
	}
	return e.text(t, "score")
}

// wrongAnswer returns an answer to q that is wrong: a distractor when q has
// options.
func wrongAnswer(q quiz.Question) string {
	for _, o := range q.Options {
		if !strings.EqualFold(o, q.Answer) {
			return o
		}
	}
	return "qqqq"
}

func TestE2EClassStory(t *testing.T) {
	f := newFixture(t)
	srv, err := New(Config{Store: f.store, Pipeline: e2ePipeline(t), HashParams: &fastHash})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	e := launchE2E(t, f)
	ctx := context.Background()
	// The first admin, as `factdeck user add -admin` makes them.
	if _, err := f.store.CreateUser(ctx, quiz.User{Email: "admin@school.example", Role: quiz.Admin}, passwordHash(t, "admin's password"), ""); err != nil {
		t.Fatal(err)
	}

	// The teacher signs up...
	teacher := e.person(t)
	teacher.open(t, "/signup")
	teacher.fill(t, map[string]string{"email": "tess@school.example", "name": "Ms Tess", "password": "tess's password"}, "signup-submit")
	teacher.waitFor(t, `document.getElementById('nav-account')`)
	// ...and the admin makes her a teacher.
	admin := e.person(t)
	admin.open(t, "/signin")
	admin.fill(t, map[string]string{"email": "admin@school.example", "password": "admin's password"}, "signin-submit")
	admin.waitFor(t, `document.getElementById('nav-account')`)
	admin.open(t, "/admin/users")
	tess, _, err := f.store.Credentials(ctx, "tess@school.example")
	if err != nil {
		t.Fatal(err)
	}
	admin.fill(t, map[string]string{fmt.Sprintf("role-%d", tess.ID): "teacher"}, fmt.Sprintf("set-role-%d", tess.ID))
	if role := admin.eval(t, fmt.Sprintf(`document.getElementById('role-%d').value`, tess.ID)); role != "teacher" {
		t.Fatalf("after the admin's change, Tess is %q", role)
	}

	// She adds an article.
	raw, err := fs.ReadFile(seeds.FS(), "003_9c82c14015ffbaf5.txt")
	if err != nil {
		t.Fatal(err)
	}
	teacher.open(t, "/articles/new")
	teacher.do(t, chromedp.SetValue(chromedp.ID("text"), string(raw)))
	teacher.submit(t, chromedp.Click(chromedp.CSS(`#add-form button[type=submit]`)))
	if msg := teacher.eval(t, `(document.getElementById('form-error')||{}).textContent || ''`); msg != "" {
		t.Fatalf("add article: %s", msg)
	}
	var articleID int64
	if _, err := fmt.Sscanf(strings.TrimPrefix(teacher.location(t), teacher.base), "/articles/%d", &articleID); err != nil {
		t.Fatalf("after adding, at %s", teacher.location(t))
	}
	editable := teacher.eval(t, `document.querySelector('.q-actions a').getAttribute('href')`)

	// A class and an assignment of the article's quiz, due in a week.
	teacher.open(t, "/classes")
	teacher.fill(t, map[string]string{"class-name": "Year 9 news"}, "create-class")
	teacher.waitFor(t, `document.getElementById('class-code')`)
	code := teacher.text(t, "class-code")
	joinURL := teacher.text(t, "join-url")
	teacher.fill(t, map[string]string{"deck": fmt.Sprint(articleID), "count": "4", "due": "2099-06-30"}, "assign")
	teacher.waitFor(t, `document.getElementById('item-results')`)
	resultsURL := teacher.location(t)

	// Learner one has an account and types the code.
	ann := e.person(t)
	ann.open(t, "/signup")
	ann.fill(t, map[string]string{"email": "ann@school.example", "name": "Ann", "password": "ann's password"}, "signup-submit")
	ann.waitFor(t, `document.getElementById('nav-account')`)
	ann.open(t, "/join")
	ann.fill(t, map[string]string{"code": strings.ToLower(code)}, "join")
	ann.waitFor(t, `document.getElementById('my-assignments')`)
	ann.submit(t, chromedp.Click(chromedp.CSS(`#my-assignments button[type=submit]`)))
	// The assignment asks for 4 questions; an article whose default deck
	// is smaller gives them all.
	score := ann.answerQuiz(t, func(q quiz.Question) string { return q.Answer })
	var right, n int
	if _, err := fmt.Sscanf(score, "%d/%d", &right, &n); err != nil || n < 1 || n > 4 || right != n {
		t.Fatalf("Ann's score = %q, want all right of 1 to 4", score)
	}
	all, none := fmt.Sprintf("%d/%d", n, n), fmt.Sprintf("0/%d", n)

	// Learner two follows the link as a guest, does the assignment wrong,
	// then signs up.
	gus := e.person(t)
	gus.do(t, chromedp.Navigate(joinURL))
	gus.waitFor(t, `document.getElementById('join-class')`)
	gus.submit(t, chromedp.Click(chromedp.ID("join")))
	gus.waitFor(t, `document.getElementById('my-assignments')`)
	gus.submit(t, chromedp.Click(chromedp.CSS(`#my-assignments button[type=submit]`)))
	if score := gus.answerQuiz(t, wrongAnswer); score != none {
		t.Errorf("the guest's score = %q, want %s", score, none)
	}
	gus.submit(t, chromedp.Click(chromedp.ID("nav-signup")))
	gus.waitFor(t, `document.getElementById('signup-form')`)
	gus.fill(t, map[string]string{"email": "gus@school.example", "name": "Gus", "password": "gus's password"}, "signup-submit")
	gus.waitFor(t, `document.getElementById('nav-account')`)
	gus.open(t, "/assignments")
	if done := gus.eval(t, `document.getElementById('my-assignments').textContent`); !strings.Contains(done, "Done") {
		t.Errorf("Gus's assignments after sign-up = %q, want it done", done)
	}

	// The teacher sees both, and the per-question table.
	teacher.do(t, chromedp.Navigate(resultsURL))
	teacher.waitFor(t, `document.getElementById('learner-results')`)
	learners := teacher.eval(t, `document.getElementById('learner-results').innerText`)
	for _, want := range []string{"Ann", "Gus", all + " (100%)", none + " (0%)"} {
		if !strings.Contains(learners, want) {
			t.Errorf("learner results lack %q:\n%s", want, learners)
		}
	}
	if done := teacher.text(t, "done-count"); done != "2" {
		t.Errorf("done count = %q, want 2", done)
	}
	if rows := teacher.eval(t, `String(document.querySelectorAll('#item-results tbody tr').length)`); rows != fmt.Sprint(n) {
		t.Errorf("per-question rows = %s, want %d", rows, n)
	}
	items := teacher.eval(t, `document.getElementById('item-results').innerText`)
	if half := strings.Count(items, "1/2 (50%)"); half != n {
		t.Errorf("per-question table: %d questions half right, want all %d (Ann right, Gus wrong):\n%s", half, n, items)
	}
	// Gus's distractors are counted where the question has options.
	if opts := teacher.eval(t, `String(document.querySelectorAll('#item-results .choice-count.right').length)`); opts != "0" {
		picked := teacher.eval(t, `String([...document.querySelectorAll('#item-results .choice-count:not(.right)')].filter(e => e.textContent.endsWith(': 1')).length)`)
		if picked != opts {
			t.Errorf("%s distractors counted once, want one per question with options (%s)", picked, opts)
		}
	}
	t.Logf("per-question table:\n%s", items)

	// Ann cannot edit questions or read the answer list.
	ann.open(t, editable)
	if got := ann.eval(t, `document.querySelector('.status') ? document.querySelector('.status').textContent : document.title`); got != "403" {
		t.Errorf("Ann at %s: %q, want the 403 page", editable, got)
	}
	ann.open(t, "/api/v1/questions")
	if body := ann.eval(t, `document.body.innerText`); !strings.Contains(body, "may not") || strings.Contains(body, `"answer"`) {
		t.Errorf("Ann at /api/v1/questions: %s", body)
	}
	ann.open(t, fmt.Sprintf("/articles/%d", articleID))
	if n := ann.eval(t, `String(document.querySelectorAll('.question-item, .answer-line').length)`); n != "0" {
		t.Errorf("Ann sees %s questions with answers on the article page, want 0", n)
	}
}
