package web

// End-to-end tests of issue 14's tools in real Chromium: quizzes (options
// shuffled per attempt, the typed answer kept under a hint, the story of
// each question of a mixed quiz), articles (rename, the text limit) and
// teachers (a question written by hand that a quiz then asks, answers
// behind a toggle, bulk delete). The flashcard tools are in
// TestE2EStudyTools.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// startQuizOf starts a quiz of one deck and question type from the setup
// page and waits for its first question.
func (e *e2e) startQuizOf(t *testing.T, deck, typ string) {
	t.Helper()
	e.open(t, "/quiz?deck="+deck)
	if typ != "" {
		e.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=type][value=%s]`, typ))))
	}
	e.do(t, chromedp.Click(chromedp.CSS(`#quiz-setup button[type=submit]`)))
	e.waitFor(t, fmt.Sprintf(onQuestion, 1))
}

const optionOrder = `Array.from(document.querySelectorAll('button.option')).map(b => b.value).join('|')`

func TestE2EQuizTools(t *testing.T) {
	e := startE2E(t, false)
	storm := fmt.Sprint(e.articles[0].ID)
	// Options: the same order on reload, another order in another attempt.
	orders := map[string]bool{}
	for i := 0; i < 6; i++ {
		e.startQuizOf(t, storm, "multiple_choice")
		got := e.eval(t, optionOrder)
		if strings.Count(got, "|") != 3 {
			t.Fatalf("attempt %d: options %q, want four", i+1, got)
		}
		e.do(t, chromedp.Reload())
		e.waitFor(t, fmt.Sprintf(onQuestion, 1))
		if again := e.eval(t, optionOrder); again != got {
			t.Errorf("attempt %d: options %q after reload, want %q as before", i+1, again, got)
		}
		orders[got] = true
	}
	if len(orders) < 2 {
		t.Errorf("six attempts showed the options in one order %v, want them shuffled per attempt", orders)
	}
	// A near miss keeps what was typed under the hint.
	e.startQuizOf(t, storm, "short_answer")
	e.do(t, chromedp.SendKeys(chromedp.ID("answer"), "Ana Cotsa"), chromedp.Click(chromedp.CSS(`#answer-form button[type=submit]`)))
	e.waitFor(t, `document.getElementById('hint')`)
	if got := e.eval(t, `document.getElementById('answer').value`); got != "Ana Cotsa" {
		t.Errorf("answer field after the hint = %q, want the typed %q", got, "Ana Cotsa")
	}
	// A quiz of every article names each question's story.
	e.startQuizOf(t, "all", "")
	story := e.eval(t, `(document.getElementById('story') || {}).textContent || ''`)
	if !strings.Contains(story, e.articles[0].Title) && !strings.Contains(story, "Council") {
		t.Errorf("mixed quiz story line = %q, want an article's title", story)
	}
	// One article's quiz does not repeat its title on every question.
	e.startQuizOf(t, storm, "")
	if got := e.eval(t, `String(!!document.getElementById('story'))`); got != "false" {
		t.Errorf("an article's quiz shows the story line")
	}
}

func TestE2EArticleTools(t *testing.T) {
	e := startE2E(t, true)
	id := e.articles[0].ID
	// Rename and label the source.
	e.open(t, fmt.Sprintf("/articles/%d", id))
	if got := e.eval(t, `document.getElementById('source-name').textContent`); got != "storm.txt" {
		t.Errorf("source shown as %q, want the file name", got)
	}
	e.do(t, chromedp.Click(chromedp.ID("edit-article")))
	e.waitFor(t, `document.getElementById('article-edit-form')`)
	e.do(t,
		chromedp.SetValue(chromedp.ID("title"), "Storm reaches Lisbon"),
		chromedp.SetValue(chromedp.ID("label"), "Coast Herald, 3 March"),
		chromedp.Click(chromedp.CSS(`#article-edit-form button[type=submit]`)),
	)
	e.waitFor(t, `document.getElementById('flash')`)
	if got := e.eval(t, `document.querySelector('h1').textContent + ' / ' + document.getElementById('source-name').textContent`); got != "Storm reaches Lisbon / Coast Herald, 3 March" {
		t.Errorf("after rename: %q", got)
	}
	// An empty title is refused in the form.
	e.open(t, fmt.Sprintf("/articles/%d/edit", id))
	e.do(t, chromedp.Evaluate[chromedp.Void](`document.getElementById('title').removeAttribute('required')`),
		chromedp.SetValue(chromedp.ID("title"), "  "), chromedp.Click(chromedp.CSS(`#article-edit-form button[type=submit]`)))
	e.waitFor(t, `document.getElementById('form-error')`)
	if got := e.eval(t, `document.getElementById('form-error').textContent`); !strings.Contains(got, "title is required") {
		t.Errorf("empty title: %q", got)
	}
	// Over the text limit: refused with the limit in the message, nothing
	// stored.
	var b strings.Builder
	for i := 0; b.Len() < 310<<10; i++ {
		fmt.Fprintf(&b, "Paragraph %d says that the council of town number %d met on a Tuesday to agree on a budget.\n\n", i, i)
	}
	e.open(t, "/articles/new")
	e.do(t, chromedp.SetValue(chromedp.ID("title"), "A very long paste"), chromedp.SetValue(chromedp.ID("text"), b.String()),
		chromedp.Click(chromedp.CSS(`#add-form button[type=submit]`)))
	e.waitWithin(t, `document.getElementById('form-error')`, 2*time.Minute)
	if got := e.eval(t, `document.getElementById('form-error').textContent`); !strings.Contains(got, "the most accepted is 300 KB") {
		t.Errorf("over-limit paste: %q, want the 300 KB limit", got)
	}
	if got := e.eval(t, `location.pathname`); got != "/articles/new" {
		t.Errorf("over-limit paste left the form for %s", got)
	}
	// Unreadable input gets plain words.
	e.open(t, "/articles/new")
	e.do(t, chromedp.SetValue(chromedp.ID("text"), "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"),
		chromedp.Click(chromedp.CSS(`#add-form button[type=submit]`)))
	e.waitFor(t, `document.getElementById('form-error')`)
	if got := e.eval(t, `document.getElementById('form-error').textContent`); !strings.Contains(got, "No article text was found") || strings.Contains(got, "nothing usable") {
		t.Errorf("menu-only page: %q, want a plain message", got)
	}
}

func TestE2ETeacherTools(t *testing.T) {
	e := startE2E(t, false)
	id := e.articles[0].ID
	e.open(t, fmt.Sprintf("/articles/%d", id))
	// Answers are hidden until asked for.
	if got := e.eval(t, `String(document.querySelector('.questions .answer-line').offsetHeight)`); got != "0" {
		t.Errorf("answers shown before the toggle (height %s)", got)
	}
	e.do(t, chromedp.Click(chromedp.ID("show-answers-label")))
	e.waitFor(t, `document.querySelector('.questions .answer-line').offsetHeight > 0`)
	// Write a multiple choice question; a bad one first.
	e.do(t, chromedp.Click(chromedp.ID("write-question")))
	e.waitFor(t, `document.getElementById('new-question-form')`)
	e.do(t,
		chromedp.Click(chromedp.CSS(`input[name=type][value=multiple_choice]`)),
		chromedp.SetValue(chromedp.ID("prompt"), "How fast were the winds?"),
		chromedp.SetValue(chromedp.ID("answer"), "150 km/h"),
		chromedp.SetValue(chromedp.ID("options"), "100 km/h\n120 km/h"),
		chromedp.Click(chromedp.ID("add-question")),
	)
	e.waitFor(t, `document.getElementById('form-error')`)
	if got := e.eval(t, `document.getElementById('form-error').textContent`); !strings.Contains(got, "one of the options") {
		t.Errorf("answer outside the options: %q", got)
	}
	if got := e.eval(t, `document.getElementById('prompt').value`); got != "How fast were the winds?" {
		t.Errorf("the form lost the prompt: %q", got)
	}
	e.do(t, chromedp.SetValue(chromedp.ID("options"), "100 km/h\n120 km/h\n150 km/h\n200 km/h"), chromedp.Click(chromedp.ID("add-question")))
	e.waitFor(t, `document.getElementById('flash')`)
	if got := e.eval(t, `document.getElementById('flash').textContent`); !strings.Contains(got, "Question added") {
		t.Errorf("flash after adding = %q", got)
	}
	if got := e.eval(t, `document.getElementById('questions').textContent`); !strings.Contains(got, "How fast were the winds?") || !strings.Contains(got, "written by hand") {
		t.Errorf("the article's questions lack the hand-written one")
	}
	// A quiz of the article's multiple choice questions asks it.
	e.startQuizOf(t, fmt.Sprint(id), "multiple_choice")
	seen := false
	for n := 1; n <= 2; n++ {
		e.waitFor(t, fmt.Sprintf(onQuestion, n))
		prompt := e.eval(t, `document.getElementById('prompt').textContent`)
		answer := "Lisbon"
		if prompt == "How fast were the winds?" {
			seen, answer = true, "150 km/h"
		}
		e.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.option[value=%q]`, answer))))
		e.waitFor(t, `document.getElementById('feedback')`)
		if fb := e.eval(t, `document.getElementById('feedback').textContent`); !strings.Contains(fb, "Correct") {
			t.Errorf("question %q: %q, want Correct", prompt, fb)
		}
		e.do(t, chromedp.Click(chromedp.ID("next")))
	}
	e.waitFor(t, `document.getElementById('score')`)
	if !seen {
		t.Errorf("the quiz did not ask the hand-written question")
	}
	// Export links name every format, Anki text included.
	e.open(t, fmt.Sprintf("/articles/%d", id))
	if got := e.eval(t, `Array.from(document.querySelectorAll('.menu a[download]')).map(a => a.getAttribute('href').split('&')[0]).join(' ')`); !strings.Contains(got, "format=anki") || !strings.Contains(got, "format=apkg") || !strings.Contains(got, "format=gift") {
		t.Errorf("download links = %q, want every format", got)
	}
	// Bulk delete of the checked question, confirmed.
	e.do(t, chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`))
	qid := e.eval(t, `Array.from(document.querySelectorAll('.question-item')).find(li => li.textContent.includes('How fast')).querySelector('input[name=id]').value`)
	e.do(t, chromedp.Click(chromedp.CSS(`input[name=id][value="`+qid+`"]`)), chromedp.Click(chromedp.ID("bulk-delete")))
	e.waitFor(t, `document.getElementById('flash')`)
	if got := e.eval(t, `document.getElementById('flash').textContent`); !strings.Contains(got, "Deleted 1 question") {
		t.Errorf("flash after bulk delete = %q", got)
	}
	if got := e.eval(t, `document.getElementById('questions').textContent`); strings.Contains(got, "How fast were the winds?") {
		t.Errorf("the deleted question is still listed")
	}
}

// TestE2EPhoneStudy checks the study page on a phone: no keyboard hints on
// a touch screen, the answer button and then the rating bar at the bottom
// of the screen, under the thumb; and the hints on a desktop with a mouse.
func TestE2EPhoneStudy(t *testing.T) {
	e := startE2E(t, false)
	e.open(t, "/study/all")
	e.waitFor(t, `document.getElementById('show')`)
	if got := e.eval(t, `String(document.querySelector('#show kbd').offsetWidth > 0)`); got != "true" {
		t.Errorf("desktop: the Space hint is hidden")
	}
	e.do(t, viewport(390, 844, true))
	e.open(t, "/study/all")
	e.waitFor(t, `document.getElementById('show')`)
	if got := e.eval(t, `String(Array.from(document.querySelectorAll('kbd')).filter(k => k.offsetWidth > 0).length)`); got != "0" {
		t.Errorf("phone: %s keyboard hints shown on a touch screen", got)
	}
	inThumbZone := `(function(el){ var r = el.getBoundingClientRect(); return r.bottom <= innerHeight && r.top >= innerHeight - 160 && r.width > 0; })(%s)`
	if got := e.eval(t, fmt.Sprintf("String("+inThumbZone+")", `document.getElementById('show')`)); got != "true" {
		t.Errorf("phone: the Show answer button is not at the bottom of the screen")
	}
	e.do(t, chromedp.Click(chromedp.ID("show")))
	e.waitFor(t, `document.getElementById('reveal').open`)
	if got := e.eval(t, fmt.Sprintf("String("+inThumbZone+")", `document.querySelector('.rating-buttons')`)); got != "true" {
		t.Errorf("phone: the rating bar is not at the bottom of the screen after reveal")
	}
	// Every rating button is whole on the screen and big enough to tap.
	if got := e.eval(t, `String(Array.from(document.querySelectorAll('button.rate')).every(b => { var r = b.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth && r.height >= 44; }))`); got != "true" {
		t.Errorf("phone: a rating button is cut off or under 44 px")
	}
	e.do(t, chromedp.Click(chromedp.CSS(`button.rate[data-key="4"]`)))
	e.waitFor(t, `document.querySelector('.study-counts').textContent.includes('1 reviewed today')`)
}
