package web

// End-to-end tests in a real headless Chromium: the server listens on
// 127.0.0.1:0 and the browser clicks and types like a learner. They skip
// when Chromium is not installed (.ci/web-deps.sh installs it).

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"
	"factdeck/seeds"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var screenshotDir = flag.String("screenshots", "", "write screenshots of the main pages to this directory")

// chromiumPath returns the browser to drive, or skips the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("FACTDECK_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	t.Skip("chromium is not installed: run .ci/web-deps.sh (apt-get install -y chromium) to run the browser tests")
	return ""
}

// e2e is a live server with a browser tab pointed at it.
type e2e struct {
	*fixture
	base string
	ctx  context.Context
}

func startE2E(t *testing.T, withPipeline bool) *e2e {
	t.Helper()
	f := newFixture(t)
	if withPipeline {
		srv, err := New(Config{Store: f.store, Pipeline: e2ePipeline(t), Open: true})
		if err != nil {
			t.Fatal(err)
		}
		f.srv = srv
	}
	return launchE2E(t, f)
}

func e2ePipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatalf("pipeline.New: %v", err)
	}
	return p
}

// launchE2E serves f.srv on loopback and starts a browser.
func launchE2E(t *testing.T, f *fixture) *e2e {
	t.Helper()
	exe := chromiumPath(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = f.srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = f.srv.Shutdown(ctx)
	})
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		// Headless Chromium has no pointer; these are a desktop's mouse
		// (tests of a phone emulate touch, which makes it coarse).
		chromedp.Flag("blink-settings", "primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	// Start the browser on a context without a deadline; steps get their own.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &e2e{fixture: f, base: "http://" + ln.Addr().String(), ctx: ctx}
}

// person returns a tab in a browser context of its own: another person
// on another computer, with no cookies shared with the others.
func (e *e2e) person(t *testing.T) *e2e {
	t.Helper()
	ctx, cancel := chromedp.NewContext(e.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("new browser context: %v", err)
	}
	p := *e
	p.ctx = ctx
	return &p
}

// do runs steps with a time limit.
func (e *e2e) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("browser: %v (at %s)", err, e.location(t))
	}
}

func (e *e2e) location(t *testing.T) string {
	ctx, cancel := context.WithTimeout(e.ctx, 2*time.Second)
	defer cancel()
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	return loc
}

func (e *e2e) eval(t *testing.T, expr string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds.
func (e *e2e) waitFor(t *testing.T, cond string) {
	t.Helper()
	e.waitWithin(t, cond, 30*time.Second) // generous: a loaded CI machine under -race is slow, and a wait is no speed test
}

// waitWithin polls a JavaScript condition until it holds, for up to d: a
// step that runs the pipeline takes long under the race detector.
func (e *e2e) waitWithin(t *testing.T, cond string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		ctx, cancel := context.WithTimeout(e.ctx, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: timed out at %s (last error %v)", cond, e.location(t), err)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

func (e *e2e) open(t *testing.T, path string) {
	t.Helper()
	e.do(t, chromedp.Navigate(e.base+path))
}

// answerOf returns the fixture's answer to the question shown, found by its
// prompt.
func (e *e2e) answerOf(t *testing.T, prompt string) quiz.Question {
	t.Helper()
	for _, qs := range e.qs {
		for _, q := range qs {
			if strings.TrimSpace(q.Prompt) == strings.TrimSpace(prompt) {
				return q
			}
		}
	}
	t.Fatalf("no fixture question with prompt %q", prompt)
	return quiz.Question{}
}

const onQuestion = `document.getElementById('answer-form') && document.querySelector('.quiz-count strong').textContent == '%d'`

func TestE2EQuizByClicking(t *testing.T) {
	e := startE2E(t, false)
	e.open(t, fmt.Sprintf("/articles/%d", e.articles[0].ID))
	e.do(t, chromedp.Click(chromedp.ID("quiz-article")))
	for n := 1; n <= 4; n++ {
		e.waitFor(t, fmt.Sprintf(onQuestion, n))
		q := e.answerOf(t, e.eval(t, `document.getElementById('prompt').textContent`))
		answer := q.Answer
		if n == 4 { // miss the last one on purpose
			answer = "Nowhere"
			if q.Type == quiz.TrueFalse {
				answer = "True"
			}
		}
		if len(q.Options) > 0 {
			if n == 4 && q.Type == quiz.MultipleChoice {
				answer = q.Options[0]
				if answer == q.Answer {
					answer = q.Options[1]
				}
			}
			e.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.option[value=%q]`, answer))))
		} else {
			e.do(t, chromedp.SendKeys(chromedp.ID("answer"), answer), chromedp.Click(chromedp.CSS(`#answer-form button[type=submit]`)))
		}
		e.waitFor(t, `document.getElementById('feedback')`)
		fb := e.eval(t, `document.getElementById('feedback').textContent`)
		if n < 4 && !strings.Contains(fb, "Correct") {
			t.Errorf("question %d (%q): feedback %q, want Correct", n, q.Prompt, fb)
		}
		if n == 4 && !strings.Contains(fb, "Not quite") {
			t.Errorf("question %d: feedback %q, want Not quite", n, fb)
		}
		e.do(t, chromedp.Click(chromedp.ID("next")))
	}
	e.waitFor(t, `document.getElementById('score')`)
	if got := e.eval(t, `document.getElementById('score').textContent`); got != "3/4" {
		t.Errorf("score = %q, want 3/4", got)
	}
	if n := e.eval(t, `String(document.querySelectorAll('.chart circle').length)`); n != "1" {
		t.Errorf("chart points = %s, want 1", n)
	}
	// Retry the one missed.
	e.do(t, chromedp.Click(chromedp.ID("retry")))
	e.waitFor(t, fmt.Sprintf(onQuestion, 1))
	if total := e.eval(t, `document.querySelector('.quiz-count').textContent`); !strings.Contains(total, "of 1") {
		t.Errorf("retry quiz header = %q, want 1 question", total)
	}
}

func TestE2EQuizByKeyboard(t *testing.T) {
	e := startE2E(t, false)
	e.open(t, fmt.Sprintf("/quiz?deck=%d", e.articles[0].ID))
	// Choose only the questions with options, by keyboard: check the boxes
	// with Space, submit with Enter.
	e.do(t,
		chromedp.Focus(chromedp.CSS(`input[name=type][value=multiple_choice]`)), chromedp.KeyEvent(" "),
		chromedp.Focus(chromedp.CSS(`input[name=type][value=true_false]`)), chromedp.KeyEvent(" "),
		chromedp.Focus(chromedp.CSS(`#quiz-setup button[type=submit]`)), chromedp.KeyEvent(kb.Enter),
	)
	for n := 1; n <= 2; n++ {
		e.waitFor(t, fmt.Sprintf(onQuestion, n))
		q := e.answerOf(t, e.eval(t, `document.getElementById('prompt').textContent`))
		// Options are shuffled per quiz: the key is the one shown.
		key := e.eval(t, fmt.Sprintf(`document.querySelector('button.option[value=%q]').dataset.key`, q.Answer))
		e.do(t, chromedp.KeyEvent(key))
		e.waitFor(t, `document.getElementById('feedback')`)
		if fb := e.eval(t, `document.getElementById('feedback').textContent`); !strings.Contains(fb, "Correct") {
			t.Errorf("question %d: feedback %q after key %s, want Correct", n, fb, key)
		}
		e.do(t, chromedp.KeyEvent(kb.Enter))
	}
	e.waitFor(t, `document.getElementById('score')`)
	if got := e.eval(t, `document.getElementById('score').textContent`); got != "2/2" {
		t.Errorf("score = %q, want 2/2", got)
	}
}

func TestE2EFlashcards(t *testing.T) {
	e := startE2E(t, false)
	deck := fmt.Sprint(e.articles[0].ID)
	e.open(t, "/study/"+deck)
	for n := 1; n <= 3; n++ {
		e.waitFor(t, fmt.Sprintf(`document.getElementById('reveal') && document.querySelector('.study-counts').textContent.includes('%d reviewed today')`, n-1))
		if open := e.eval(t, `String(document.getElementById('reveal').open)`); open != "false" {
			t.Fatalf("card %d: answer shown before reveal", n)
		}
		if n == 2 {
			e.do(t, chromedp.Click(chromedp.ID("show"))) // reveal by click
		} else {
			e.do(t, chromedp.KeyEvent(" ")) // reveal by space
		}
		e.waitFor(t, `document.getElementById('reveal').open && document.getElementById('back').offsetHeight > 0`)
		e.do(t, chromedp.KeyEvent("4"))
	}
	e.waitFor(t, `document.getElementById('study-done')`)
	if got := e.eval(t, `document.querySelector('.study-counts').textContent`); !strings.Contains(got, "3 reviewed today") || !strings.Contains(got, "0 new") {
		t.Errorf("study counts = %q, want 0 new, 3 reviewed today", got)
	}
}

// TestE2EStudyTools undoes a rating, suspends and flags cards, finds them
// in the browser and sees the statistics' charts.
func TestE2EStudyTools(t *testing.T) {
	e := startE2E(t, false)
	deck := fmt.Sprint(e.articles[0].ID)
	e.open(t, "/study/"+deck)
	e.waitFor(t, `document.getElementById('reveal')`)
	first := e.eval(t, `document.getElementById('front').textContent`)
	e.do(t, chromedp.Click(chromedp.ID("show")))
	e.waitFor(t, `document.getElementById('back').offsetHeight > 0`)
	e.do(t, chromedp.Click(chromedp.CSS(`button.rate[data-key="3"]`)))
	e.waitFor(t, `document.querySelector('.study-counts').textContent.includes('1 reviewed today')`)
	if got := e.eval(t, `document.getElementById('learn-count').textContent`); got != "1 learning" {
		t.Errorf("after rating a new card Good: %q, want 1 learning", got)
	}
	// Undo: the same card again, new, nothing reviewed.
	e.do(t, chromedp.Click(chromedp.ID("undo")))
	e.waitFor(t, `document.querySelector('.study-counts').textContent.includes('0 reviewed today')`)
	if got := e.eval(t, `document.getElementById('front').textContent`); got != first {
		t.Errorf("after undo the card is %q, want %q again", got, first)
	}
	if got := e.eval(t, `document.getElementById('new-count').textContent`); got != "3 new" {
		t.Errorf("after undo: %q, want 3 new", got)
	}
	// Suspend it: another card comes, one new card fewer.
	e.do(t, chromedp.Click(chromedp.ID("card-menu")), chromedp.Click(chromedp.ID("suspend")))
	e.waitFor(t, `document.getElementById('flash') && document.getElementById('flash').textContent.includes('suspended')`)
	if got := e.eval(t, `document.getElementById('front').textContent`); got == first {
		t.Errorf("the suspended card %q is shown again", got)
	}
	if got := e.eval(t, `document.getElementById('new-count').textContent`); got != "2 new" {
		t.Errorf("after suspending: %q, want 2 new", got)
	}
	// Flag the next one red.
	second := e.eval(t, `document.getElementById('front').textContent`)
	e.do(t, chromedp.Click(chromedp.ID("card-menu")), chromedp.Click(chromedp.CSS(`.card-menu button.flag-red`)))
	e.waitFor(t, `document.querySelector('.flashcard.flag-red')`)
	// The browser finds the suspended card by state and the flagged one by
	// flag, and unsuspends in bulk.
	e.open(t, "/cards?state=suspended")
	e.waitFor(t, `document.getElementById('browser-count')`)
	if got := e.eval(t, `document.getElementById('browser-list').textContent`); !strings.Contains(got, first) || strings.Contains(got, second) {
		t.Errorf("suspended cards = %q, want %q only", got, first)
	}
	e.open(t, "/cards?flag=1")
	e.waitFor(t, `document.getElementById('browser-count')`)
	if got := e.eval(t, `document.getElementById('browser-count').textContent`); got != "1 card" {
		t.Errorf("red-flagged cards: %q, want 1 card", got)
	}
	e.open(t, "/cards?q="+url.QueryEscape(strings.Fields(first)[1]))
	e.waitFor(t, `document.getElementById('browser-list')`)
	e.do(t, chromedp.Click(chromedp.CSS(`#browser-list input[type=checkbox]`)), chromedp.Click(chromedp.ID("bulk-unsuspend")))
	e.waitFor(t, `document.getElementById('flash')`)
	if got := e.eval(t, `document.getElementById('flash').textContent`); !strings.Contains(got, "unsuspended") {
		t.Errorf("flash after bulk unsuspend = %q", got)
	}
	// Edit from the browser.
	e.do(t, chromedp.Click(chromedp.CSS(`#browser-list a.button`)))
	e.waitFor(t, `location.pathname.endsWith('/edit')`)
	e.do(t, chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)))
	e.waitFor(t, `location.pathname == '/cards' && document.getElementById('flash')`)
	if got := e.eval(t, `document.getElementById('flash').textContent + ' ' + location.search`); !strings.Contains(got, "Question saved") || !strings.Contains(got, "q=") {
		t.Errorf("after saving from the browser: %q, want the browser's search again with Question saved", got)
	}
	// Statistics: four charts, the reviews one with a bar once a card is rated.
	e.open(t, "/study/"+deck)
	e.waitFor(t, `document.getElementById('reveal')`)
	e.do(t, chromedp.KeyEvent(" "), chromedp.KeyEvent("4"))
	e.waitFor(t, `document.querySelector('.study-counts').textContent.includes('1 reviewed today')`)
	e.open(t, "/stats")
	e.waitFor(t, `document.getElementById('chart-reviews')`)
	if n := e.eval(t, `String(document.querySelectorAll('figure.chart').length)`); n != "4" {
		t.Errorf("stats page charts = %s, want 4", n)
	}
	if n := e.eval(t, `String(document.querySelectorAll('#chart-reviews svg rect').length + document.querySelectorAll('#chart-forecast svg rect').length + document.querySelectorAll('#chart-retrievability svg rect').length)`); n != "3" {
		t.Errorf("bars in reviews, forecast and retrievability = %s, want one each", n)
	}
}

func TestE2EScriptDoesNotRun(t *testing.T) {
	e := startE2E(t, false)
	e.open(t, fmt.Sprintf("/articles/%d", e.articles[1].ID))
	e.waitFor(t, `document.getElementById('article-body')`)
	if got := e.eval(t, `String(window.pwned)`); got != "undefined" {
		t.Errorf("window.pwned = %s: an article script ran", got)
	}
	if title := e.eval(t, `document.title`); title == "pwned" {
		t.Errorf("document.title = %q: an article script ran", title)
	}
	if body := e.eval(t, `document.getElementById('article-body').textContent`); !strings.Contains(body, "<script>") {
		t.Errorf("article text lacks the literal <script>: %q", body)
	}
	if h1 := e.eval(t, `document.querySelector('h1').textContent`); !strings.Contains(h1, "<script>") {
		t.Errorf("title = %q, want the script tag shown as text", h1)
	}
	// The question with markup in its options, in a quiz.
	e.open(t, fmt.Sprintf("/quiz?deck=%d", e.articles[1].ID))
	e.do(t, chromedp.Click(chromedp.CSS(`#quiz-setup button[type=submit]`)))
	e.waitFor(t, fmt.Sprintf(onQuestion, 1))
	if got := e.eval(t, `String(window.pwned) + document.querySelectorAll('#answer-form img').length`); got != "undefined0" {
		t.Errorf("quiz page: pwned/img = %s, want undefined0", got)
	}
}

func TestE2EAddArticle(t *testing.T) {
	e := startE2E(t, true)
	raw, err := fs.ReadFile(seeds.FS(), "003_9c82c14015ffbaf5.txt")
	if err != nil {
		t.Fatalf("seed article: %v", err)
	}
	e.open(t, "/articles/new")
	e.do(t,
		chromedp.SetValue(chromedp.ID("text"), string(raw)),
		chromedp.Click(chromedp.CSS(`#add-form button[type=submit]`)),
	)
	e.waitFor(t, `document.querySelector('.notice') || document.getElementById('form-error')`)
	if msg := e.eval(t, `(document.getElementById('form-error')||{}).textContent || ''`); msg != "" {
		t.Fatalf("add article failed: %s", msg)
	}
	n := e.eval(t, `String(document.querySelectorAll('.question-item').length)`)
	if n == "0" {
		t.Errorf("the added article shows no questions")
	}
	if marks := e.eval(t, `String(document.querySelectorAll('mark.fact').length)`); marks == "0" {
		t.Errorf("the added article shows no highlighted facts")
	}
	// The same text again is refused with a link to the article.
	e.open(t, "/articles/new")
	e.do(t, chromedp.SetValue(chromedp.ID("text"), string(raw)), chromedp.Click(chromedp.CSS(`#add-form button[type=submit]`)))
	e.waitFor(t, `document.getElementById('form-error')`)
	if msg := e.eval(t, `document.getElementById('form-error').textContent`); !strings.Contains(msg, "already in factdeck") {
		t.Errorf("second add: %q, want already in factdeck", msg)
	}
}

// TestScreenshots writes screenshots of the main pages at desktop and phone
// width when run with -screenshots DIR.
func TestScreenshots(t *testing.T) {
	if *screenshotDir == "" {
		t.Skip("run with -screenshots DIR to write screenshots")
	}
	e := startE2E(t, false)
	if err := os.MkdirAll(*screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	a1 := e.articles[0].ID
	shots := []struct {
		name, path string
		prep       func()
	}{
		{"home", "/", nil},
		{"article", fmt.Sprintf("/articles/%d", a1), nil},
		{"hostile", fmt.Sprintf("/articles/%d", e.articles[1].ID), nil},
		{"add", "/articles/new", nil},
		{"quizsetup", "/quiz", nil},
		{"question", "", func() {
			e.open(t, fmt.Sprintf("/articles/%d", a1))
			e.do(t, chromedp.Click(chromedp.ID("quiz-article")))
			e.waitFor(t, fmt.Sprintf(onQuestion, 1))
		}},
		{"feedback", "", func() {
			q := e.answerOf(t, e.eval(t, `document.getElementById('prompt').textContent`))
			if len(q.Options) > 0 {
				e.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.option[value=%q]`, q.Options[0]))))
			} else {
				e.do(t, chromedp.SendKeys(chromedp.ID("answer"), "Lisbon"+kb.Enter))
			}
			e.waitFor(t, `document.getElementById('feedback')`)
		}},
		{"result", "", func() {
			for i := 0; i < 10; i++ {
				if e.eval(t, `document.getElementById('score') ? 'y' : ''`) == "y" {
					return
				}
				if e.eval(t, `document.getElementById('next') ? 'y' : ''`) == "y" {
					e.do(t, chromedp.Click(chromedp.ID("next")))
					e.waitFor(t, `document.getElementById('answer-form') || document.getElementById('score')`)
					continue
				}
				q := e.answerOf(t, e.eval(t, `document.getElementById('prompt').textContent`))
				if len(q.Options) > 0 {
					e.do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.option[value=%q]`, q.Answer))))
				} else {
					e.do(t, chromedp.SendKeys(chromedp.ID("answer"), q.Answer+kb.Enter))
				}
				e.waitFor(t, `document.getElementById('feedback')`)
			}
		}},
		{"question-mixed", "", func() {
			e.open(t, "/quiz")
			e.do(t, chromedp.Click(chromedp.CSS(`#quiz-setup button[type=submit]`)))
			e.waitFor(t, fmt.Sprintf(onQuestion, 1))
		}},
		{"study", "/study/all", nil},
		{"study-back", "", func() { e.do(t, chromedp.Click(chromedp.ID("show"))); time.Sleep(100 * time.Millisecond) }},
		{"study-menu", "", func() {
			// Rate this card, then open the card menu of the next.
			before := e.eval(t, `document.querySelector('.study-counts').textContent`)
			e.do(t, chromedp.Click(chromedp.CSS(`button.rate[data-key="3"]`)))
			e.waitFor(t, fmt.Sprintf(`document.querySelector('.study-counts').textContent != %q`, before))
			if e.eval(t, `document.getElementById('card-menu') ? 'y' : ''`) == "y" {
				e.do(t, chromedp.Click(chromedp.ID("card-menu")))
			}
			time.Sleep(100 * time.Millisecond)
		}},
		{"browser", "", func() {
			// A flag and a suspended card for the browser to show.
			e.open(t, "/study/all")
			e.waitFor(t, `document.getElementById('card-menu') || document.getElementById('study-done')`)
			if e.eval(t, `document.getElementById('card-menu') ? 'y' : ''`) == "y" {
				e.do(t, chromedp.Click(chromedp.ID("card-menu")), chromedp.Click(chromedp.CSS(`.card-menu button.flag-orange`)))
				e.waitFor(t, `document.querySelector('.flashcard.flag-orange')`)
				e.do(t, chromedp.Click(chromedp.ID("card-menu")), chromedp.Click(chromedp.ID("suspend")))
				e.waitFor(t, `document.getElementById('flash') && document.getElementById('flash').textContent.includes('suspended')`)
			}
			e.open(t, "/cards")
			e.waitFor(t, `document.getElementById('browser-count')`)
		}},
		{"stats", "", func() {
			// Rate what is left, so that the charts have bars.
			e.open(t, "/study/all")
			for i := 0; i < 4; i++ {
				if e.eval(t, `document.getElementById('show') ? 'y' : ''`) != "y" {
					break
				}
				n := e.eval(t, `document.querySelector('.study-counts').textContent`)
				e.do(t, chromedp.Click(chromedp.ID("show")), chromedp.Click(chromedp.CSS(fmt.Sprintf(`button.rate[data-key="%d"]`, 1+i%4))))
				e.waitFor(t, fmt.Sprintf(`document.querySelector('.study-counts').textContent != %q`, n))
			}
			e.open(t, "/stats")
			e.waitFor(t, `document.getElementById('chart-reviews')`)
		}},
		{"newquestion", fmt.Sprintf("/articles/%d/questions/new", a1), nil},
		{"articleedit", fmt.Sprintf("/articles/%d/edit", a1), nil},
		{"decks", "/decks", nil},
		{"edit", fmt.Sprintf("/questions/%d/edit", e.qs[0][0].ID), nil},
		{"error", "/articles/999", nil},
	}
	for _, mode := range []struct {
		width, height int64
		dark          bool
	}{{1280, 800, false}, {1280, 800, true}, {390, 844, false}, {390, 844, true}} {
		width := mode.width
		scheme := "light"
		if mode.dark {
			scheme = "dark"
		}
		e.do(t, viewport(width, mode.height, width < 600), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
			if err != nil {
				return err
			}
			// A new learner per mode, with every card still to study.
			_, err = cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{})
			return err
		}))
		// A phone has a coarse pointer and no hover, a desktop a mouse:
		// keyboard hints show on the desktop only.
		touch := width < 600
		for _, s := range shots {
			e.do(t, viewport(width, mode.height, touch))
			if s.path != "" {
				e.open(t, s.path)
			}
			if s.prep != nil {
				s.prep()
			}
			ctx, cancel := context.WithTimeout(e.ctx, 10*time.Second)
			if !strings.HasPrefix(s.name, "study") {
				// The whole page: a viewport as tall as the page (a
				// full-page screenshot would drop the touch emulation).
				// The study pages are shot as the screen shows them, with
				// the rating bar under the thumb.
				h, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`document.documentElement.scrollHeight`))
				if err == nil && h > mode.height {
					err = chromedp.Do(ctx, viewport(width, h, touch))
				}
				if err != nil {
					t.Fatalf("screenshot %s: %v", s.name, err)
				}
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			cancel()
			if err != nil {
				t.Fatalf("screenshot %s: %v", s.name, err)
			}
			name := filepath.Join(*screenshotDir, fmt.Sprintf("%s-%d-%s.png", s.name, width, scheme))
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// viewport sets the page's size, and with touch a phone's touch screen
// (coarse pointer, no hover). Unlike chromedp.EmulateViewport it leaves
// the touch emulation alone otherwise: turning it off would leave the
// desktop with no pointer at all, and its keyboard hints hidden. So the
// desktop modes come before the phone ones.
func viewport(width, height int64, touch bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: width, Height: height, DeviceScaleFactor: 1, Mobile: touch}); err != nil {
			return err
		}
		if !touch {
			return nil
		}
		_, err := cdp.Call(ctx, tg, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5})
		return err
	})
}
