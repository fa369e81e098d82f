package web

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"factdeck/quiz"
)

func TestNewFailsWithoutStore(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Fatal("New(no store) = nil error, want one")
	}
}

func TestPages(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	a1 := f.articles[0].ID
	q1 := f.qs[0][0].ID
	tests := []struct {
		name string
		path string
		code int
		want []string
	}{
		{"home", "/", 200, []string{"Storm hits the coast", "Two dead as winds reach 150 km/h", "storm.txt", "3 facts", "4 questions", "Quick quiz", "All questions", `href="/export?format=apkg"`}},
		{"article", fmt.Sprintf("/articles/%d", a1), 200, []string{"Storm hits the coast", `<mark class="fact"`, ">Lisbon<", "Which city did the storm hit?", "Quiz me on this article", "/export?format=apkg&amp;article="}},
		{"conflict side by side", fmt.Sprintf("/articles/%d", a1), 200, []string{"Other articles say otherwise", "Porto", "Lisbon"}},
		{"add form", "/articles/new", 200, []string{`enctype="multipart/form-data"`, `name="_csrf"`, "64 KB"}},
		{"edit form", fmt.Sprintf("/questions/%d/edit", q1), 200, []string{"Edit question", "Which city did the storm hit?", `name="options"`}},
		{"decks", "/decks", 200, []string{"All questions", "Storm hits the coast", "due", "new"}},
		{"deck", fmt.Sprintf("/decks/%d", a1), 200, []string{"Study now", "Anki (.apkg)"}},
		{"quiz setup", "/quiz?deck=" + strconv.FormatInt(a1, 10), 200, []string{"New quiz", "Fill in the blank", `selected`}},
		{"study", "/study/all", 200, []string{"Show answer", "new"}},
		{"static css", "/static/app.css", 200, []string{"prefers-color-scheme: dark"}},
		{"static js", "/static/app.js", 200, []string{"keydown"}},
		{"unknown page", "/nope", 404, []string{"There is no page at /nope."}},
		{"unknown article", "/articles/999", 404, []string{"There is no article 999."}},
		{"unknown static", "/static/nope.css", 404, []string{"No such file."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := c.get(tt.path)
			if code != tt.code {
				t.Fatalf("GET %s = %d, want %d; body %s", tt.path, code, tt.code, truncate(body, 300))
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: body lacks %q", tt.path, w)
				}
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	f := newFixture(t)
	code, _, h := f.client(t).get("/")
	if code != 200 {
		t.Fatalf("GET / = %d", code)
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy = %q, want script-src 'self'", csp)
	}
	if got := h.Get("Content-Type"); !strings.HasPrefix(got, "text/html") {
		t.Errorf("Content-Type = %q, want text/html", got)
	}
}

// TestEscaping checks that article and question text never reaches the page
// as markup.
func TestEscaping(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	for _, path := range []string{"/", fmt.Sprintf("/articles/%d", f.articles[1].ID), fmt.Sprintf("/questions/%d/edit", f.qs[1][0].ID)} {
		code, body, _ := c.get(path)
		if code != 200 {
			t.Fatalf("GET %s = %d", path, code)
		}
		for _, bad := range []string{"<script>window", "<script>document", `<img src=x`, "<b>council</b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s contains raw %q", path, bad)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("GET %s lacks the escaped &lt;script&gt;", path)
		}
	}
}

var quizPath = regexp.MustCompile(`^/quiz/(\d+)/q/1$`)

func startQuiz(t *testing.T, c *client, form url.Values) int64 { return startQuizTB(t, c, form) }

func startQuizTB(t testing.TB, c *client, form url.Values) int64 {
	t.Helper()
	loc := c.postRedirect("/quiz", form)
	m := quizPath.FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("POST /quiz redirected to %q, want /quiz/ID/q/1", loc)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func TestQuizFlow(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	ctx := context.Background()
	id := startQuiz(t, c, url.Values{"deck": {strconv.FormatInt(f.articles[0].ID, 10)}, "count": {"10"}})
	sess, err := f.store.QuizSession(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(sess.QuestionIDs) != 4 {
		t.Fatalf("quiz has %d questions, want all 4 of the article", len(sess.QuestionIDs))
	}
	// Answer the first two right and the rest wrong.
	for i, qid := range sess.QuestionIDs {
		q, err := f.store.Question(ctx, qid)
		if err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/quiz/%d/q/%d", id, i+1)
		code, body, _ := c.get(path)
		if code != 200 || !strings.Contains(body, html.EscapeString(q.Prompt)) {
			t.Fatalf("GET %s = %d, want 200 with the prompt %q", path, code, q.Prompt)
		}
		answer := q.Answer
		if i >= 2 {
			answer = "Zanzibar"
			if q.Type == quiz.TrueFalse {
				answer = "True"
			}
		}
		if loc := c.postRedirect(path, url.Values{"answer": {answer}}); loc != path {
			t.Errorf("answer redirected to %q, want %q", loc, path)
		}
		code, body, _ = c.get(path)
		want := "✓ Correct"
		if i >= 2 {
			want = "✗ Not quite"
		}
		if code != 200 || !strings.Contains(body, want) || !strings.Contains(body, `<mark class="answer">`) {
			t.Errorf("feedback %s = %d, want %q with the answer marked in the source", path, code, want)
		}
		// Answering again is refused.
		if code, body, _ := c.post(path, url.Values{"answer": {answer}}); code != http.StatusConflict ||
			!strings.Contains(body, "You already answered this question") || !strings.Contains(body, want) {
			t.Errorf("second answer to %s = %d, want 409 with the first answer's feedback; %s", path, code, truncate(body, 200))
		}
	}
	code, body, _ := c.get(fmt.Sprintf("/quiz/%d/result", id))
	if code != 200 || !strings.Contains(body, `<span class="score" id="score">2/4</span>`) {
		t.Fatalf("result = %d, want score 2/4; %s", code, truncate(body, 500))
	}
	for _, w := range []string{"Retry the 2 I missed", "<svg", "Review", "Zanzibar"} {
		if !strings.Contains(body, w) {
			t.Errorf("result page lacks %q", w)
		}
	}
	loc := c.postRedirect(fmt.Sprintf("/quiz/%d/retry", id), nil)
	m := quizPath.FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("retry redirected to %q", loc)
	}
	rid, _ := strconv.ParseInt(m[1], 10, 64)
	retry, err := f.store.QuizSession(ctx, rid)
	if err != nil || len(retry.QuestionIDs) != 2 || retry.RetryOf != id {
		t.Errorf("retry quiz = %+v, %v; want the 2 missed questions", retry, err)
	}
	// Another learner cannot see the quiz.
	other := f.client(t)
	if code, _, _ := other.get(fmt.Sprintf("/quiz/%d/result", id)); code != 404 {
		t.Errorf("other learner GET result = %d, want 404", code)
	}
}

func TestCloseAnswerGetsHint(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	id := startQuiz(t, c, url.Values{"deck": {strconv.FormatInt(f.articles[0].ID, 10)}, "type": {"short_answer"}})
	path := fmt.Sprintf("/quiz/%d/q/1", id)
	c.postRedirect(path, url.Values{"answer": {"Ana Kosta"}})
	code, body, _ := c.get(path)
	if code != 200 || !strings.Contains(body, "Close! Check the spelling") || !strings.Contains(body, `name="answer"`) {
		t.Fatalf("after a close answer GET %s = %d, want the hint and the form again", path, code)
	}
	c.postRedirect(path, url.Values{"answer": {"Ana Costa"}})
	_, body, _ = c.get(path)
	if !strings.Contains(body, "✓ Correct — on the second try") {
		t.Errorf("retry feedback lacks the second-try note")
	}
}

func TestStudy(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	a1 := strconv.FormatInt(f.articles[0].ID, 10)
	// The storm article has 3 facts, so 3 cards although it has 4 questions.
	_, body, _ := c.get("/study/" + a1)
	if !strings.Contains(body, `id="new-count">3 new`) {
		t.Fatalf("study page lacks 3 new cards: %s", truncate(body, 2000))
	}
	seen := map[string]bool{}
	re := regexp.MustCompile(`name="question" value="(\d+)"`)
	for i := range 3 {
		_, body, _ = c.get("/study/" + a1)
		m := re.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("card %d: no card on the study page", i+1)
		}
		if seen[m[1]] {
			t.Errorf("card %d: question %s shown twice", i+1, m[1])
		}
		seen[m[1]] = true
		if loc := c.postRedirect("/study/"+a1, url.Values{"question": {m[1]}, "rating": {"3"}}); loc != "/study/"+a1 {
			t.Errorf("rating redirected to %q", loc)
		}
	}
	// Rated Good, new cards are in learning and come back within minutes,
	// as in Anki: they are counted and shown again, not "all caught up".
	_, body, _ = c.get("/study/" + a1)
	if !strings.Contains(body, `id="learn-count">3 learning`) || !strings.Contains(body, `id="new-count">0 new`) || strings.Contains(body, "All caught up") {
		t.Fatalf("after 3 new cards rated Good the study page lacks 3 learning, 0 new: %s", truncate(body, 1500))
	}
	for i := range 3 {
		_, body, _ = c.get("/study/" + a1)
		m := re.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("learning card %d: no card on the study page", i+1)
		}
		c.postRedirect("/study/"+a1, url.Values{"question": {m[1]}, "rating": {"4"}})
	}
	_, body, _ = c.get("/study/" + a1)
	if !strings.Contains(body, "All caught up") || !strings.Contains(body, "6 reviewed today") {
		t.Errorf("after 3 cards rated Easy the study page is not done: %s", truncate(body, 1500))
	}
}

func TestEditQuestion(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	q := f.qs[0][2] // short answer
	path := fmt.Sprintf("/questions/%d", q.ID)
	loc := c.postRedirect(path, url.Values{"prompt": {"Who is the mayor?"}, "answer": {"Ana Costa"}, "accepted": {"Costa\nMayor Costa"}})
	if !strings.HasPrefix(loc, fmt.Sprintf("/articles/%d", q.ArticleID)) {
		t.Errorf("edit redirected to %q", loc)
	}
	got, err := f.store.Question(context.Background(), q.ID)
	if err != nil || got.Prompt != "Who is the mayor?" || !got.Edited || len(got.Accepted) != 3 {
		t.Errorf("edited question = %+v, %v", got, err)
	}
	mc := f.qs[0][0]
	tests := []struct {
		name string
		id   int64
		form url.Values
		want string
	}{
		{"blank prompt", q.ID, url.Values{"prompt": {" "}, "answer": {"x"}}, "The question text is required."},
		{"answer not an option", mc.ID, url.Values{"prompt": {"Which city?"}, "answer": {"Rome"}, "options": {"Porto\nLisbon"}}, "The answer must be one of the options."},
		{"one option", mc.ID, url.Values{"prompt": {"Which city?"}, "answer": {"Lisbon"}, "options": {"Lisbon"}}, "at least two options"},
		{"huge answer", q.ID, url.Values{"prompt": {"Who?"}, "answer": {strings.Repeat("a", 600)}}, "longer than 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := c.post(fmt.Sprintf("/questions/%d", tt.id), tt.form)
			if code != 400 || !strings.Contains(body, tt.want) || !strings.Contains(body, `id="form-error"`) {
				t.Errorf("POST = %d, want 400 with %q in the form; %s", code, tt.want, truncate(body, 300))
			}
		})
	}
	loc = c.postRedirect(fmt.Sprintf("/questions/%d/delete", mc.ID), nil)
	if _, err := f.store.Question(context.Background(), mc.ID); err == nil {
		t.Errorf("question %d still there after delete (redirect %s)", mc.ID, loc)
	}
}

func multipartForm(t *testing.T, fields map[string]string, fileName string, file []byte, csrf string) (*http.Request, error) {
	t.Helper()
	var b strings.Builder
	boundary := "xXfactdeckXx"
	write := func(h, v string) { fmt.Fprintf(&b, "--%s\r\n%s\r\n\r\n%s\r\n", boundary, h, v) }
	write(`Content-Disposition: form-data; name="_csrf"`, csrf)
	for k, v := range fields {
		write(fmt.Sprintf(`Content-Disposition: form-data; name=%q`, k), v)
	}
	if fileName != "" {
		write(fmt.Sprintf("Content-Disposition: form-data; name=\"file\"; filename=%q\r\nContent-Type: text/plain", fileName), string(file))
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	req := httptest.NewRequest(http.MethodPost, "/articles", strings.NewReader(b.String()))
	req.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
	return req, nil
}

func TestAddArticle(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	text := "Floods in Valencia\nHeavy rain flooded Valencia on Sunday. The river Turia rose fast."
	tests := []struct {
		name     string
		fields   map[string]string
		fileName string
		file     string
		code     int
		want     string
	}{
		{"paste", map[string]string{"text": text}, "", "", 303, ""},
		{"paste again", map[string]string{"text": text}, "", "", 409, "already in factdeck"},
		{"empty", map[string]string{"text": "   "}, "", "", 400, "Paste the article"},
		{"upload", nil, "quake.txt", "Quake shakes Lima\nA quake shook Lima on Friday. Peru sent help.", 303, ""},
		{"wrong type", nil, "photo.jpg", "\xff\xd8\xff", 400, "upload a .txt, .md or .html file"},
		{"too large", nil, "big.txt", strings.Repeat("word ", 14000), 413, "the largest article accepted is 64 KB"},
		{"pasted too large", map[string]string{"text": strings.Repeat("word ", 40000)}, "", "", 413, "the largest accepted is 64 KB"},
		{"binary", nil, "bin.txt", "abc\x00def\nmore", 400, "could not be read"},
		{"long title", map[string]string{"title": strings.Repeat("t", 400), "text": "x"}, "", "", 400, "longer than 300"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := multipartForm(t, tt.fields, tt.fileName, []byte(tt.file), c.csrf())
			code, body, h := c.do(req)
			if code != tt.code {
				t.Fatalf("POST /articles = %d, want %d; %s", code, tt.code, truncate(body, 400))
			}
			if tt.code == 303 {
				_, page, _ := c.get(h.Get("Location"))
				if !strings.Contains(page, "Article added") || !strings.Contains(page, "_____") {
					t.Errorf("new article page lacks the notice or questions: %s", truncate(page, 600))
				}
				return
			}
			if !strings.Contains(body, tt.want) || !strings.Contains(body, `role="alert"`) {
				t.Errorf("POST /articles body lacks %q in an alert: %s", tt.want, truncate(body, 600))
			}
		})
	}
}

func TestCSRF(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	form := url.Values{"deck": {"all"}}
	tests := []struct {
		name   string
		token  string
		header map[string]string
		code   int
	}{
		{"no token", "", nil, 403},
		{"wrong token", strings.Repeat("0", 32), nil, 403},
		{"cross-site origin", c.csrf(), map[string]string{"Origin": "https://evil.example"}, 403},
		{"cross-site fetch", c.csrf(), map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"good", c.csrf(), map[string]string{"Origin": "http://example.com", "Sec-Fetch-Site": "same-origin"}, 303},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form.Set(csrfField, tt.token)
			req := httptest.NewRequest(http.MethodPost, "/quiz", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			if code, body, _ := c.do(req); code != tt.code {
				t.Errorf("POST /quiz = %d, want %d; %s", code, tt.code, truncate(body, 200))
			}
		})
	}
}

// TestBadRequests sends malformed requests: each must get a 4xx with a
// message, never a 500.
func TestBadRequests(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	qid := startQuiz(t, c, url.Values{"deck": {"all"}, "count": {"2"}})
	q := fmt.Sprintf("/quiz/%d", qid)
	tests := []struct {
		name, method, path, body string
		code                     int
	}{
		{"article id word", "GET", "/articles/abc", "", 400},
		{"article id negative", "GET", "/articles/-3", "", 400},
		{"article id huge", "GET", "/articles/99999999999999999999", "", 400},
		{"question edit unknown", "GET", "/questions/777/edit", "", 404},
		{"deck word", "GET", "/decks/xyz", "", 400},
		{"study unknown article", "GET", "/study/4242", "", 404},
		{"quiz unknown", "GET", "/quiz/4242/q/1", "", 404},
		{"quiz question zero", "GET", q + "/q/0", "", 404},
		{"quiz question beyond", "GET", q + "/q/99", "", 404},
		{"quiz question word", "GET", q + "/q/x", "", 404},
		{"answer empty", "POST", q + "/q/1", "answer=", 400},
		{"answer ahead", "POST", q + "/q/2", "answer=x", 400},
		{"answer too long", "POST", q + "/q/1", "answer=" + strings.Repeat("a", 600), 400},
		{"result unfinished", "GET", q + "/result", "", 303},
		{"retry unfinished", "POST", q + "/retry", "", 400},
		{"quiz count zero", "POST", "/quiz", "deck=all&count=0", 400},
		{"quiz count word", "POST", "/quiz", "deck=all&count=ten", 400},
		{"quiz count huge", "POST", "/quiz", "deck=all&count=100000", 400},
		{"quiz type unknown", "POST", "/quiz", "deck=all&type=essay", 400},
		{"quiz deck unknown", "POST", "/quiz", "deck=9999", 404},
		{"quiz no questions", "POST", "/quiz", "deck=" + strconv.FormatInt(f.articles[1].ID, 10) + "&type=cloze", 400},
		{"rating zero", "POST", "/study/all", fmt.Sprintf("question=%d&rating=0", f.qs[0][0].ID), 400},
		{"rating word", "POST", "/study/all", fmt.Sprintf("question=%d&rating=good", f.qs[0][0].ID), 400},
		{"rating unknown question", "POST", "/study/all", "question=9999&rating=3", 404},
		{"rating no question", "POST", "/study/all", "rating=3", 400},
		{"export format", "GET", "/export?format=docx", "", 400},
		{"export article", "GET", "/export?format=csv&article=zz", "", 400},
		{"export type", "GET", "/export?format=csv&type=essay", "", 400},
		{"export unknown article", "GET", "/export?format=csv&article=999", "", 404},
		{"delete unknown article", "POST", "/articles/999/delete", "", 404},
		{"delete unknown question", "POST", "/questions/999/delete", "", 404},
		{"put on a page", "PUT", "/articles/1", "", 403},
		{"api article word", "GET", "/api/v1/articles/x", "", 400},
		{"api unknown route", "GET", "/api/v1/nope", "", 404},
		{"api bad json", "POST", "/api/v1/quizzes", "{", 400},
		{"api wrong type", "POST", "/api/v1/quizzes", `{"count":"ten"}`, 400},
		{"api unknown field", "POST", "/api/v1/quizzes", `{"cnt":3}`, 400},
		{"api two values", "POST", "/api/v1/quizzes", `{} {}`, 400},
		{"api empty body", "POST", "/api/v1/reviews", "", 400},
		{"api rating", "POST", "/api/v1/reviews", fmt.Sprintf(`{"question":%d,"rating":9}`, f.qs[0][0].ID), 400},
		{"api answer no position", "POST", "/api/v1/quizzes/" + strconv.FormatInt(qid, 10) + "/answers", `{"answer":"x"}`, 400},
		{"api answer unknown quiz", "POST", "/api/v1/quizzes/999/answers", `{"position":0,"answer":"x"}`, 404},
		{"api result unfinished", "GET", "/api/v1/quizzes/" + strconv.FormatInt(qid, 10) + "/result", "", 409},
		{"api questions limit", "GET", "/api/v1/questions?limit=-1", "", 400},
		{"api update blank", "PUT", fmt.Sprintf("/api/v1/questions/%d", f.qs[0][2].ID), `{"answer":""}`, 400},
		{"api delete unknown", "DELETE", "/api/v1/questions/999", "", 404},
		{"api text body", "POST", "/api/v1/reviews", "question=1", 415},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var req *http.Request
			if strings.HasPrefix(tt.path, "/api/") {
				req = httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
				ct := "application/json"
				if tt.code == 415 {
					ct = "application/x-www-form-urlencoded"
				}
				if tt.body != "" {
					req.Header.Set("Content-Type", ct)
				}
			} else {
				body := tt.body
				if tt.method == "POST" {
					body += "&_csrf=" + c.csrf()
				}
				req = httptest.NewRequest(tt.method, tt.path, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			code, body, _ := c.do(req)
			if code != tt.code {
				t.Errorf("%s %s = %d, want %d; %s", tt.method, tt.path, code, tt.code, truncate(body, 300))
			}
			if code >= 400 && !strings.Contains(body, "error") && !strings.Contains(body, `role="alert"`) {
				t.Errorf("%s %s: no error message in %s", tt.method, tt.path, truncate(body, 300))
			}
			if strings.HasPrefix(tt.path, "/api/") && code >= 400 {
				var e struct{ Error string }
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
					t.Errorf("%s %s: body %q is not {\"error\": ...}", tt.method, tt.path, body)
				}
			}
		})
	}
}

func TestAPIQuiz(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	code, body := c.api("POST", "/api/v1/quizzes", fmt.Sprintf(`{"deck":"%d","count":3,"types":["multiple_choice","true_false","short_answer"]}`, f.articles[0].ID))
	if code != 201 {
		t.Fatalf("start quiz = %d %s", code, body)
	}
	var qz apiQuiz
	if err := json.Unmarshal([]byte(body), &qz); err != nil || qz.Total != 3 || len(qz.Questions) != 3 {
		t.Fatalf("start quiz body = %+v, %v", qz, err)
	}
	for _, item := range qz.Questions {
		if item.Answer != "" {
			t.Errorf("question %d: answer %q revealed before answering", item.ID, item.Answer)
		}
	}
	for i, item := range qz.Questions {
		q, err := f.store.Question(context.Background(), item.ID)
		if err != nil {
			t.Fatal(err)
		}
		code, body := c.api("POST", fmt.Sprintf("/api/v1/quizzes/%d/answers", qz.ID), fmt.Sprintf(`{"position":%d,"answer":%q}`, i, q.Answer))
		if code != 201 || !strings.Contains(body, `"result":"correct"`) {
			t.Errorf("answer %d = %d %s, want 201 correct", i, code, body)
		}
	}
	code, body = c.api("POST", fmt.Sprintf("/api/v1/quizzes/%d/answers", qz.ID), `{"position":0,"answer":"x"}`)
	if code != 409 {
		t.Errorf("answer twice = %d %s, want 409", code, body)
	}
	code, body = c.api("GET", fmt.Sprintf("/api/v1/quizzes/%d/result", qz.ID), "")
	if code != 200 || !strings.Contains(body, `"correct":3`) || !strings.Contains(body, `"percent":100`) {
		t.Errorf("result = %d %s", code, body)
	}
	code, body = c.api("GET", "/api/v1/scores", "")
	if code != 200 || !strings.Contains(body, `"percent":100`) {
		t.Errorf("scores = %d %s", code, body)
	}
}

func TestAPIReadAndEdit(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	code, body := c.api("GET", "/api/v1/articles", "")
	if code != 200 || !strings.Contains(body, `"title":"Storm hits the coast"`) || !strings.Contains(body, `"questions":4`) {
		t.Errorf("articles = %d %s", code, body)
	}
	code, body = c.api("GET", fmt.Sprintf("/api/v1/articles/%d", f.articles[0].ID), "")
	if code != 200 || !strings.Contains(body, `"paragraphs"`) || !strings.Contains(body, `"facts"`) || strings.Contains(body, `"facts":[]`) {
		t.Errorf("article = %d %s; want its paragraphs and its facts", code, truncate(body, 300))
	}
	code, body = c.api("GET", "/api/v1/questions?type=true_false", "")
	if code != 200 || strings.Count(body, `"type":"true_false"`) != 1 || strings.Contains(body, "multiple_choice") {
		t.Errorf("questions?type=true_false = %d %s", code, body)
	}
	q := f.qs[0][2]
	code, body = c.api("PUT", fmt.Sprintf("/api/v1/questions/%d", q.ID), `{"prompt":"Who leads the city?"}`)
	if code != 200 || !strings.Contains(body, `"edited":true`) || !strings.Contains(body, "Who leads the city?") {
		t.Errorf("PUT question = %d %s", code, body)
	}
	code, body = c.api("GET", "/api/v1/decks", "")
	if code != 200 || !strings.Contains(body, `"key":"all"`) || !strings.Contains(body, `"new":4`) {
		t.Errorf("decks = %d %s", code, body)
	}
	code, body = c.api("GET", "/api/v1/decks/all/next", "")
	if code != 200 || !strings.Contains(body, `"state":"new"`) {
		t.Fatalf("next card = %d %s", code, body)
	}
	var next struct{ Card apiCard }
	if err := json.Unmarshal([]byte(body), &next); err != nil {
		t.Fatal(err)
	}
	code, body = c.api("POST", "/api/v1/reviews", fmt.Sprintf(`{"question":%d,"rating":4}`, next.Card.Question.ID))
	if code != 201 || !strings.Contains(body, `"state":"review"`) {
		t.Errorf("review = %d %s", code, body)
	}
	code, body = c.api("POST", "/api/v1/articles", `{"title":"Fire in Athens","text":"A fire burned near Athens on Friday. Greece asked Italy for planes."}`)
	if code != 201 || !strings.Contains(body, `"title":"Fire in Athens"`) {
		t.Errorf("create article = %d %s", code, body)
	}
	code, body = c.api("POST", "/api/v1/articles", `{"title":"Fire in Athens","text":"A fire burned near Athens on Friday. Greece asked Italy for planes."}`)
	if code != 409 || !strings.Contains(body, `"article":`) {
		t.Errorf("create article again = %d %s, want 409 naming the article", code, body)
	}
	code, body = c.api("DELETE", fmt.Sprintf("/api/v1/questions/%d", q.ID), "")
	if code != 204 {
		t.Errorf("DELETE question = %d %s", code, body)
	}
}

func TestExport(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	tests := []struct {
		format, article, ctype, ext string
	}{
		{"csv", "1", "text/csv", ".csv"},
		{"json", "1", "application/json", ".json"},
		{"apkg", "1", "", ".apkg"},
		{"gift", "", "", ".txt"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			path := "/export?format=" + tt.format
			if tt.article != "" {
				path += fmt.Sprintf("&article=%d", f.articles[0].ID)
			}
			code, body, h := c.get(path)
			if code != 200 || len(body) == 0 {
				t.Fatalf("export %s = %d (%d bytes)", tt.format, code, len(body))
			}
			if cd := h.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, tt.ext) {
				t.Errorf("Content-Disposition = %q, want an attachment %s", cd, tt.ext)
			}
			if tt.ctype != "" && !strings.HasPrefix(h.Get("Content-Type"), tt.ctype) {
				t.Errorf("Content-Type = %q, want %s", h.Get("Content-Type"), tt.ctype)
			}
		})
	}
}

// TestBodyLimitOverHTTP announces a body far beyond the server's limit over
// a real connection (app.Test refuses such bodies itself): the server answers
// 413 with a page that says the limit, without reading the body.
func TestBodyLimitOverHTTP(t *testing.T) {
	f := newFixture(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = f.srv.Serve(ln) }()
	defer f.srv.Shutdown(context.Background())
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /articles HTTP/1.1\r\nHost: %s\r\nAccept: text/html\r\n"+
		"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\ntext=", ln.Addr(), 100<<20)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("POST /articles (100 MB announced): %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	want := "The upload is too large: the largest article accepted is 64 KB."
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), want) {
		t.Errorf("POST /articles (100 MB) = %d %s, want 413 with %q", resp.StatusCode, truncate(string(b), 300), want)
	}
}

func TestQuestionDeletedDuringQuiz(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	ctx := context.Background()
	id := startQuiz(t, c, url.Values{"deck": {strconv.FormatInt(f.articles[0].ID, 10)}, "count": {"2"}})
	sess, err := f.store.QuizSession(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.store.DeleteQuestion(ctx, sess.QuestionIDs[0]); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/quiz/%d/q/1", id)
	code, body, _ := c.get(path)
	if code != 200 || !strings.Contains(body, "deleted after the quiz started") || !strings.Contains(body, `id="skip"`) {
		t.Fatalf("GET %s = %d, want the deleted notice with a skip button", path, code)
	}
	c.postRedirect(path, url.Values{"answer": {"(skipped)"}})
	if code, _, _ := c.get(fmt.Sprintf("/quiz/%d/q/2", id)); code != 200 {
		t.Errorf("next question after a skip = %d, want 200", code)
	}
}
