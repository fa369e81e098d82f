package web

// Tests of accounts: sign-up, sign-in and their security properties
// (throttling, session fixation, stolen guest cookies, cross-site posts,
// no passwords in logs or at rest), API tokens and the admin's users page.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/password"
)

// fastHash keeps argon2id cheap in tests; the code path is the same.
var fastHash = password.Params{Time: 1, Memory: 64, Threads: 1}

// accounts is a server with accounts (not open) on the fixture's store.
type accounts struct {
	*fixture
	srv *Server
	log *bytes.Buffer
	// now is the server's clock; tests move it.
	now time.Time
}

func newAccounts(t testing.TB) *accounts {
	t.Helper()
	f := newFixture(t)
	a := &accounts{fixture: f, log: &bytes.Buffer{}, now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	srv, err := New(Config{Store: f.store, Ingest: fakeIngest, HashParams: &fastHash,
		Logger: slog.New(slog.NewTextHandler(a.log, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:    func() time.Time { return a.now }})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	a.srv = srv
	return a
}

// browser returns a fresh client of the accounts server.
func (a *accounts) browser(t testing.TB) *client {
	c := &client{t: t, srv: a.srv, cookies: map[string]string{}}
	c.get("/")
	return c
}

// pw is the password tests give the account of email.
func pw(email string) string { return "pass " + email }

// addUser stores an account with role, its password pw(email).
func (a *accounts) addUser(t testing.TB, email string, role quiz.Role) quiz.User {
	t.Helper()
	u, err := a.store.CreateUser(context.Background(), quiz.User{Email: email, Name: strings.Split(email, "@")[0], Role: role},
		password.Hash(pw(email), fastHash), "")
	if err != nil {
		t.Fatalf("CreateUser(%s): %v", email, err)
	}
	return u
}

// signIn signs c in as email and fails the test unless it works.
func signIn(t testing.TB, c *client, email string) {
	t.Helper()
	if loc := c.postRedirect("/signin", url.Values{"email": {email}, "password": {pw(email)}}); loc != "/" {
		t.Fatalf("sign in as %s redirected to %q, want /", email, loc)
	}
}

// startAPIQuiz starts a quiz of the first article's questions over the
// API and answers them all rightly; it returns the quiz ID.
func startAPIQuiz(t *testing.T, f *fixture, c *client) int64 {
	t.Helper()
	code, body := c.api("POST", "/api/v1/quizzes", fmt.Sprintf(`{"deck":"%d","count":2,"types":["short_answer","multiple_choice","true_false","cloze"]}`, f.articles[0].ID))
	if code != 201 {
		t.Fatalf("start quiz = %d %s", code, body)
	}
	var qz apiQuiz
	if err := json.Unmarshal([]byte(body), &qz); err != nil {
		t.Fatal(err)
	}
	for i, item := range qz.Questions {
		q, err := f.store.Question(context.Background(), item.ID)
		if err != nil {
			t.Fatal(err)
		}
		if code, body := c.api("POST", fmt.Sprintf("/api/v1/quizzes/%d/answers", qz.ID), fmt.Sprintf(`{"position":%d,"answer":%q}`, i, q.Answer)); code != 201 {
			t.Fatalf("answer = %d %s", code, body)
		}
	}
	return qz.ID
}

func TestSignUpSignInSignOut(t *testing.T) {
	a := newAccounts(t)
	c := a.browser(t)
	if code, body, _ := c.get("/account"); code != 403 || !strings.Contains(body, "Sign in") {
		t.Errorf("guest GET /account = %d, want 403 with a sign-in hint", code)
	}
	bad := []struct {
		name string
		form url.Values
		want string
	}{
		{"bad email", url.Values{"email": {"nope"}, "password": {"long enough pw"}}, "does not look like an email"},
		{"short password", url.Values{"email": {"ann@example.org"}, "password": {"short"}}, "at least 8"},
		{"control in name", url.Values{"email": {"ann@example.org"}, "name": {"a\x01b"}, "password": {"long enough pw"}}, "control characters"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := c.post("/signup", tt.form)
			if code != 400 || !strings.Contains(body, tt.want) {
				t.Errorf("POST /signup %s = %d, want 400 with %q; body %s", tt.name, code, tt.want, truncate(body, 300))
			}
		})
	}
	loc := c.postRedirect("/signup", url.Values{"email": {"Ann@Example.org"}, "name": {"Ann"}, "password": {"ann's long pw"}})
	if loc != "/" {
		t.Errorf("sign-up redirected to %q", loc)
	}
	code, body, _ := c.get("/account")
	if code != 200 || !strings.Contains(body, "ann@example.org") || !strings.Contains(body, `<span id="role">learner</span>`) {
		t.Fatalf("GET /account after sign-up = %d %s", code, truncate(body, 500))
	}
	// A second sign-up with the email, in any case, is refused.
	d := a.browser(t)
	if code, body, _ := d.post("/signup", url.Values{"email": {"ANN@example.org"}, "password": {"other long pw"}}); code != 409 {
		t.Errorf("second sign-up = %d %s, want 409", code, truncate(body, 200))
	}
	// Sign out, then in again.
	if loc := c.postRedirect("/signout", nil); loc != "/" {
		t.Errorf("sign-out redirected to %q", loc)
	}
	if code, _, _ := c.get("/account"); code != 403 {
		t.Errorf("GET /account after sign-out = %d, want 403", code)
	}
	if loc := c.postRedirect("/signin", url.Values{"email": {" ann@EXAMPLE.org"}, "password": {"ann's long pw"}, "next": {"/assignments"}}); loc != "/assignments" {
		t.Errorf("sign-in with next redirected to %q, want /assignments", loc)
	}
	if loc := c.postRedirect("/signin", url.Values{"email": {"ann@example.org"}, "password": {"ann's long pw"}, "next": {"//evil.example/"}}); loc != "/" {
		t.Errorf("sign-in with an off-site next redirected to %q, want /", loc)
	}
}

func TestNoUserEnumeration(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "ann@example.org", quiz.LearnerRole)
	c := a.browser(t)
	code1, wrongPW, _ := c.post("/signin", url.Values{"email": {"ann@example.org"}, "password": {"wrong password"}})
	code2, noUser, _ := c.post("/signin", url.Values{"email": {"nobody@example.org"}, "password": {"wrong password"}})
	msg := regexp.MustCompile(`id="form-error">([^<]*)<`)
	m1, m2 := msg.FindStringSubmatch(wrongPW), msg.FindStringSubmatch(noUser)
	if code1 != 401 || code2 != 401 || m1 == nil || m2 == nil || m1[1] != m2[1] {
		t.Errorf("wrong password = %d %q, unknown email = %d %q: want the same 401 message", code1, m1, code2, m2)
	}
	// Junk in the email field gets the same answer, never a 500.
	for _, junk := range []string{"", "not an email", strings.Repeat("é", 5000) + "@example.org", "\xff\xfe@x.org"} {
		code, body, _ := c.post("/signin", url.Values{"email": {junk}, "password": {"x"}})
		if m := msg.FindStringSubmatch(body); code != 401 || m == nil || m[1] != m1[1] {
			t.Errorf("sign-in with email %q = %d %q, want 401 %q", truncate(junk, 20), code, m, m1[1])
		}
	}
}

func TestSignInThrottled(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "ann@example.org", quiz.LearnerRole)
	start := a.now
	checked, refused := 0, 0
	// 1,000 wrong passwords, one a second, each from a new address, so
	// that only the per-account limit can hold them.
	for i := range 1000 {
		c := &client{t: t, srv: a.srv, cookies: map[string]string{csrfCookie: "0123456789abcdef0123456789abcdef"}}
		form := url.Values{"email": {"ann@example.org"}, "password": {fmt.Sprintf("guess %d", i)}, csrfField: {c.csrf()}}
		req := httptest.NewRequest(http.MethodPost, "/signin", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = fmt.Sprintf("10.0.%d.%d:4000", i/250, i%250+1)
		code, _, _ := c.do(req)
		switch code {
		case 401:
			checked++
		case 429:
			refused++
		default:
			t.Fatalf("attempt %d = %d, want 401 or 429", i, code)
		}
		a.now = a.now.Add(time.Second)
	}
	elapsed := a.now.Sub(start)
	perHour := float64(checked) / elapsed.Hours()
	t.Logf("1,000 wrong passwords over %v (simulated): %d checked, %d refused: %.0f guesses per hour; limit %d per %v per account = %.0f per hour in the long run",
		elapsed, checked, refused, perHour, accountFailures, failureWindow, float64(accountFailures)/failureWindow.Hours())
	if checked > 2*accountFailures || refused < 1000-2*accountFailures {
		t.Errorf("%d of 1,000 guesses checked, want at most %d", checked, 2*accountFailures)
	}
	// While throttled, even the right password is refused, with the same
	// message as for an account that does not exist.
	a.now = a.now.Add(-time.Second)
	c := a.browser(t)
	code, body, _ := c.post("/signin", url.Values{"email": {"ann@example.org"}, "password": {pw("ann@example.org")}})
	if code != 429 || !strings.Contains(body, "Too many failed sign-ins") {
		t.Errorf("right password while throttled = %d, want 429", code)
	}
	a.now = a.now.Add(failureWindow + time.Second)
	signIn(t, c, "ann@example.org")

	// One address trying many accounts is throttled too.
	b := a.browser(t)
	over := 0
	for i := range addressFailures + 5 {
		code, _, _ := b.post("/signin", url.Values{"email": {fmt.Sprintf("u%d@example.org", i)}, "password": {"guess"}})
		if code == 429 {
			over++
		}
	}
	if over != 5 {
		t.Errorf("%d attempts from one address refused, want 5 (after %d failures)", over, addressFailures)
	}
}

func TestSessionRotatesAtSignIn(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "ann@example.org", quiz.Teacher)
	c := a.browser(t)
	// An attacker plants a session ID of their choosing in the browser.
	planted := strings.Repeat("ab", 32)
	c.cookies[sessionCookie] = planted
	beforeCSRF, beforeLearner := c.cookies[csrfCookie], c.cookies[learnerCookie]
	signIn(t, c, "ann@example.org")
	first := c.cookies[sessionCookie]
	if first == "" || first == planted {
		t.Fatalf("session cookie after sign-in = %q, want a new one", first)
	}
	if c.cookies[csrfCookie] == beforeCSRF || c.cookies[learnerCookie] == beforeLearner {
		t.Error("the CSRF and guest cookies did not change at sign-in")
	}
	evil := &client{t: t, srv: a.srv, cookies: map[string]string{sessionCookie: planted}}
	if code, _, _ := evil.get("/account"); code != 403 {
		t.Errorf("planted session after the victim's sign-in: GET /account = %d, want 403", code)
	}
	// Signing in again in the same browser ends the first session.
	signIn(t, c, "ann@example.org")
	if second := c.cookies[sessionCookie]; second == first {
		t.Error("the session ID did not change at the second sign-in")
	}
	old := &client{t: t, srv: a.srv, cookies: map[string]string{sessionCookie: first}}
	if code, _, _ := old.get("/account"); code != 403 {
		t.Errorf("the replaced session still works: %d", code)
	}
}

func TestSessionCookieFlags(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "ann@example.org", quiz.LearnerRole)
	for _, tt := range []struct {
		name   string
		header map[string]string
		trust  bool
		secure bool
	}{
		{"plain http", nil, false, false},
		{"proxy header not trusted", map[string]string{"X-Forwarded-Proto": "https"}, false, false},
		{"trusted proxy says https", map[string]string{"X-Forwarded-Proto": "https"}, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a.srv.trustProxy = tt.trust
			defer func() { a.srv.trustProxy = false }()
			c := a.browser(t)
			form := url.Values{"email": {"ann@example.org"}, "password": {pw("ann@example.org")}, csrfField: {c.csrf()}}
			req := httptest.NewRequest(http.MethodPost, "/signin", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			code, _, h := c.do(req)
			if code != 303 {
				t.Fatalf("sign-in = %d", code)
			}
			var sc string
			for _, v := range h.Values("Set-Cookie") {
				if strings.HasPrefix(v, sessionCookie+"=") {
					sc = strings.ToLower(v)
				}
			}
			if !strings.Contains(sc, "httponly") || !strings.Contains(sc, "samesite=lax") || strings.Contains(sc, "secure") != tt.secure {
				t.Errorf("session Set-Cookie = %q, want HttpOnly, SameSite=Lax, Secure %v", sc, tt.secure)
			}
		})
	}
}

func TestGuestKeepsProgressAndStolenCookieIsUseless(t *testing.T) {
	a := newAccounts(t)
	g := a.browser(t)
	qid := startAPIQuiz(t, a.fixture, g)
	// Someone copies the guest's cookies.
	thief := &client{t: t, srv: a.srv, cookies: map[string]string{}}
	for k, v := range g.cookies {
		thief.cookies[k] = v
	}
	if code, _ := thief.api("GET", fmt.Sprintf("/api/v1/quizzes/%d", qid), ""); code != 200 {
		t.Fatalf("the copied guest cookie before sign-up: %d, want 200 (it is the guest's)", code)
	}
	g.postRedirect("/signup", url.Values{"email": {"gil@example.org"}, "password": {"gil's long pw"}})
	code, body := g.api("GET", "/api/v1/scores", "")
	if code != 200 || !strings.Contains(body, fmt.Sprintf(`"quiz":%d`, qid)) {
		t.Errorf("scores after sign-up = %d %s, want the guest's quiz %d", code, body, qid)
	}
	if code, _ := g.api("GET", fmt.Sprintf("/api/v1/quizzes/%d/result", qid), ""); code != 200 {
		t.Errorf("the account's own quiz = %d, want 200", code)
	}
	if code, _ := thief.api("GET", fmt.Sprintf("/api/v1/quizzes/%d", qid), ""); code != 404 {
		t.Errorf("stolen guest cookie after sign-up: quiz = %d, want 404", code)
	}
	if code, body := thief.api("GET", "/api/v1/scores", ""); code != 200 || strings.Contains(body, `"quiz"`) {
		t.Errorf("stolen guest cookie after sign-up: scores = %d %s, want none", code, body)
	}
	if code, _, _ := thief.get("/account"); code != 403 {
		t.Errorf("stolen guest cookie: /account = %d, want 403", code)
	}
}

func TestCrossSitePostsRefused(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "tea@example.org", quiz.Teacher)
	c := a.browser(t)
	signIn(t, c, "tea@example.org")
	q := a.qs[0][0]
	form := func(path string, v url.Values, headers map[string]string) int {
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		code, _, _ := c.do(req)
		return code
	}
	withToken := url.Values{csrfField: {c.csrf()}, "email": {"tea@example.org"}, "password": {pw("tea@example.org")}}
	tests := []struct {
		name    string
		path    string
		form    url.Values
		headers map[string]string
	}{
		{"sign-in from another origin", "/signin", withToken, map[string]string{"Origin": "https://evil.example"}},
		{"sign-out cross-site", "/signout", url.Values{csrfField: {c.csrf()}}, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"password change without token", "/account/password", url.Values{"current": {pw("tea@example.org")}, "password": {"new long password"}}, nil},
		{"delete question with a wrong token", fmt.Sprintf("/questions/%d/delete", q.ID), url.Values{csrfField: {strings.Repeat("0", 32)}}, nil},
		{"create class from a null origin", "/classes", url.Values{csrfField: {c.csrf()}, "name": {"x"}}, map[string]string{"Origin": "null"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code := form(tt.path, tt.form, tt.headers); code != 403 {
				t.Errorf("POST %s = %d, want 403", tt.path, code)
			}
		})
	}
	req := httptest.NewRequest(http.MethodDelete, fmt.Sprintf("/api/v1/questions/%d", q.ID), nil)
	req.Header.Set("Origin", "https://evil.example")
	if code, _, _ := c.do(req); code != 403 {
		t.Errorf("cross-origin DELETE = %d, want 403", code)
	}
	if _, err := a.store.Question(context.Background(), q.ID); err != nil {
		t.Errorf("the question is gone after refused requests: %v", err)
	}
	if code, _, _ := c.get("/account"); code != 200 {
		t.Errorf("still signed in after the refused sign-out: %d", code)
	}
}

func TestPasswordChange(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "ann@example.org", quiz.LearnerRole)
	c, other := a.browser(t), a.browser(t)
	signIn(t, c, "ann@example.org")
	signIn(t, other, "ann@example.org")
	old := c.cookies[sessionCookie]
	if code, body, _ := c.post("/account/password", url.Values{"current": {"not it at all"}, "password": {"a new password"}}); code != 400 || !strings.Contains(body, "current password is not right") {
		t.Errorf("wrong current password = %d, want 400", code)
	}
	if code, body, _ := c.post("/account/password", url.Values{"current": {pw("ann@example.org")}, "password": {"short"}}); code != 400 || !strings.Contains(body, "at least 8") {
		t.Errorf("short new password = %d %s, want 400", code, truncate(body, 200))
	}
	if loc := c.postRedirect("/account/password", url.Values{"current": {pw("ann@example.org")}, "password": {"a new password"}}); loc != "/account?changed=1" {
		t.Errorf("password change redirected to %q", loc)
	}
	if c.cookies[sessionCookie] == old {
		t.Error("the session ID did not change with the password")
	}
	if code, _, _ := c.get("/account"); code != 200 {
		t.Errorf("this browser after the change: %d, want 200", code)
	}
	if code, _, _ := other.get("/account"); code != 403 {
		t.Errorf("the other device after the change: %d, want 403 (signed out)", code)
	}
	d := a.browser(t)
	if code, _, _ := d.post("/signin", url.Values{"email": {"ann@example.org"}, "password": {pw("ann@example.org")}}); code != 401 {
		t.Errorf("old password after the change = %d, want 401", code)
	}
	if loc := d.postRedirect("/signin", url.Values{"email": {"ann@example.org"}, "password": {"a new password"}}); loc != "/" {
		t.Errorf("new password = %q", loc)
	}
}

func TestAPITokens(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "tea@example.org", quiz.Teacher)
	a.addUser(t, "lea@example.org", quiz.LearnerRole)
	token := func(email string) (string, *client) {
		c := a.browser(t)
		signIn(t, c, email)
		code, body, h := c.post("/account/tokens", url.Values{"name": {"laptop"}})
		m := regexp.MustCompile(`<code id="new-token">(fdt_[0-9a-f]{64})</code>`).FindStringSubmatch(body)
		if code != 201 || m == nil || h.Get("Cache-Control") != "no-store" {
			t.Fatalf("create token = %d (Cache-Control %q) %s", code, h.Get("Cache-Control"), truncate(body, 300))
		}
		return m[1], c
	}
	teacherTok, tc := token("tea@example.org")
	learnerTok, _ := token("lea@example.org")
	bearer := func(tok, method, path string) int {
		req := httptest.NewRequest(method, path, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Accept", "application/json")
		resp, err := a.srv.app.Test(req, 10_000)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := bearer(teacherTok, "GET", "/api/v1/questions"); code != 200 {
		t.Errorf("teacher token: answer list = %d, want 200", code)
	}
	if code := bearer(learnerTok, "GET", "/api/v1/questions"); code != 403 {
		t.Errorf("learner token: answer list = %d, want 403", code)
	}
	if code := bearer(learnerTok, "GET", "/api/v1/scores"); code != 200 {
		t.Errorf("learner token: scores = %d, want 200", code)
	}
	for _, bad := range []string{"fdt_" + strings.Repeat("0", 64), "nonsense", teacherTok[:20]} {
		if code := bearer(bad, "GET", "/api/v1/articles"); code != 401 {
			t.Errorf("token %q = %d, want 401", bad, code)
		}
	}
	// Tokens are kept hashed: the token is nowhere in the database files.
	if raw := dbBytes(t, a.fixture); bytes.Contains(raw, []byte(teacherTok[4:])) {
		t.Error("the token is stored in the database as is")
	}
	// Revoking.
	toks, _ := a.store.APITokens(context.Background(), 1)
	if len(toks) != 1 {
		t.Fatalf("teacher has %d tokens, want 1", len(toks))
	}
	if code, _, _ := tc.post(fmt.Sprintf("/account/tokens/%d/delete", toks[0].ID+1), nil); code != 404 {
		t.Errorf("revoking another's token = %d, want 404", code)
	}
	tc.postRedirect(fmt.Sprintf("/account/tokens/%d/delete", toks[0].ID), nil)
	if code := bearer(teacherTok, "GET", "/api/v1/questions"); code != 401 {
		t.Errorf("revoked token = %d, want 401", code)
	}
	if code, body, _ := tc.post("/account/tokens", url.Values{"name": {""}}); code != 400 || !strings.Contains(body, "Give the token a name") {
		t.Errorf("token without a name = %d, want 400", code)
	}
}

// dbBytes returns the content of the fixture's SQLite files (database and
// write-ahead log).
func dbBytes(t *testing.T, f *fixture) []byte {
	t.Helper()
	var out []byte
	for _, p := range f.dbFiles() {
		b, err := os.ReadFile(p)
		if err == nil {
			out = append(out, b...)
		}
	}
	if len(out) == 0 {
		t.Fatal("no database files found")
	}
	return out
}

func TestPasswordsNeverLoggedOrStored(t *testing.T) {
	a := newAccounts(t)
	secrets := []string{"first secret pw", "second secret pw", "wrong secret pw", "third secret pw"}
	c := a.browser(t)
	c.postRedirect("/signup", url.Values{"email": {"ann@example.org"}, "password": {secrets[0]}})
	c.post("/account/password", url.Values{"current": {secrets[0]}, "password": {secrets[1]}})
	d := a.browser(t)
	d.post("/signin", url.Values{"email": {"ann@example.org"}, "password": {secrets[2]}})
	d.post("/signup", url.Values{"email": {"bob@example.org"}, "password": {secrets[3]}, "name": {strings.Repeat("x", 200)}})
	// A failure of the database while a password is in the request is
	// logged as a server error: the log line must not carry it.
	if err := a.store.Close(); err != nil {
		t.Fatal(err)
	}
	code, _, _ := d.post("/signin", url.Values{"email": {"ann@example.org"}, "password": {secrets[1]}})
	if code != 500 {
		t.Fatalf("sign-in on a closed database = %d, want 500", code)
	}
	log := a.log.String()
	if !strings.Contains(log, "request failed") {
		t.Fatalf("the 500 was not logged; log:\n%s", log)
	}
	for _, s := range secrets {
		if strings.Contains(log, s) {
			t.Errorf("password %q appears in the log:\n%s", s, log)
		}
	}
	raw := dbBytes(t, a.fixture)
	for _, s := range secrets {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("password %q is stored in the database as is", s)
		}
	}
	if !bytes.Contains(raw, []byte("$argon2id$")) {
		t.Error("no argon2id hash in the database")
	}
}

func TestSetupAndUsers(t *testing.T) {
	a := newAccounts(t)
	c := a.browser(t)
	if _, body, _ := c.get("/"); !strings.Contains(body, `id="needs-setup"`) {
		t.Error("the home page of a server without accounts does not point to /setup")
	}
	if code, body, _ := c.get("/setup"); code != 200 || !strings.Contains(body, "setup-form") {
		t.Fatalf("GET /setup on an empty user table = %d", code)
	}
	if loc := c.postRedirect("/setup", url.Values{"email": {"root@example.org"}, "password": {"root's long pw"}}); loc != "/account" {
		t.Errorf("setup redirected to %q", loc)
	}
	if code, body, _ := c.get("/account"); code != 200 || !strings.Contains(body, `<span id="role">admin</span>`) {
		t.Errorf("after setup, account = %d, want an admin", code)
	}
	d := a.browser(t)
	if _, body, _ := d.get("/"); strings.Contains(body, `id="needs-setup"`) {
		t.Error("the home page points to /setup after it was done")
	}
	if code, _, _ := d.get("/setup"); code != 404 {
		t.Errorf("GET /setup with an admin = %d, want 404", code)
	}
	if code, _, _ := d.post("/setup", url.Values{"email": {"evil@example.org"}, "password": {"evil's long pw"}}); code != 404 {
		t.Errorf("POST /setup with an admin = %d, want 404", code)
	}
	// The admin makes a learner a teacher.
	d.postRedirect("/signup", url.Values{"email": {"tim@example.org"}, "password": {"tim's long pw"}})
	if code, _, _ := d.get("/classes"); code != 403 {
		t.Errorf("learner GET /classes = %d, want 403", code)
	}
	if code, _, _ := d.get("/admin/users"); code != 403 {
		t.Errorf("learner GET /admin/users = %d, want 403", code)
	}
	code, body, _ := c.get("/admin/users")
	if code != 200 || !strings.Contains(body, "tim@example.org") {
		t.Fatalf("admin GET /admin/users = %d", code)
	}
	tim, _, err := a.store.Credentials(context.Background(), "tim@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if code, _, _ := c.post(fmt.Sprintf("/admin/users/%d/role", tim.ID), url.Values{"role": {"root"}}); code != 400 {
		t.Errorf("unknown role = %d, want 400", code)
	}
	c.postRedirect(fmt.Sprintf("/admin/users/%d/role", tim.ID), url.Values{"role": {"teacher"}})
	if code, _, _ := d.get("/classes"); code != 200 {
		t.Errorf("promoted teacher GET /classes = %d, want 200", code)
	}
	if code, body, _ := c.post("/admin/users/1/role", url.Values{"role": {"learner"}}); code != 400 || !strings.Contains(body, "last admin") {
		t.Errorf("demoting the last admin = %d, want 400", code)
	}
}

// dbFiles lists the fixture's SQLite files.
func (f *fixture) dbFiles() []string {
	return []string{f.dbPath, f.dbPath + "-wal"}
}

// passwordHash hashes pw as the tests' servers do.
func passwordHash(t testing.TB, pw string) string {
	t.Helper()
	return password.Hash(pw, fastHash)
}

// TestAccountsAcrossInstances: two servers on one database share sessions
// and the count of failed sign-ins.
func TestAccountsAcrossInstances(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "ann@example.org", quiz.LearnerRole)
	other, err := New(Config{Store: a.store, Ingest: fakeIngest, HashParams: &fastHash, Now: func() time.Time { return a.now }})
	if err != nil {
		t.Fatal(err)
	}
	c := a.browser(t)
	signIn(t, c, "ann@example.org")
	c.srv = other
	if code, body, _ := c.get("/account"); code != 200 || !strings.Contains(body, "ann@example.org") {
		t.Errorf("the session on the other instance: /account = %d", code)
	}
	// Failures alternate between the instances; the limit holds for both.
	refused := 0
	for i := range 2 * accountFailures {
		b := &client{t: t, srv: []*Server{a.srv, other}[i%2], cookies: map[string]string{}}
		b.get("/signin")
		if code, _, _ := b.post("/signin", url.Values{"email": {"ann@example.org"}, "password": {"guess"}}); code == 429 {
			refused++
		}
	}
	if refused != accountFailures {
		t.Errorf("%d of %d guesses over two instances refused, want %d", refused, 2*accountFailures, accountFailures)
	}
	// A page the policy refuses to a guest offers to sign in.
	g := a.browser(t)
	if code, body, _ := g.get("/classes"); code != 403 || !strings.Contains(body, `id="error-signin"`) {
		t.Errorf("guest GET /classes = %d, want 403 with a sign-in button", code)
	}
}

// TestConcurrentSignIns: more sign-ins at once than hashing slots all
// finish, rightly.
func TestConcurrentSignIns(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "ann@example.org", quiz.LearnerRole)
	n := 3 * cap(a.srv.hashSlots)
	codes := make(chan int, n)
	for i := range n {
		go func() {
			form := url.Values{"email": {"ann@example.org"}, "password": {pw("ann@example.org")}, csrfField: {strings.Repeat("a", 32)}}
			if i%2 == 1 {
				form.Set("password", "wrong one")
			}
			req := httptest.NewRequest(http.MethodPost, "/signin", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: csrfCookie, Value: strings.Repeat("a", 32)})
			req.RemoteAddr = fmt.Sprintf("10.1.0.%d:1000", i+1)
			resp, err := a.srv.app.Test(req, 30_000)
			if err != nil {
				codes <- 0
				return
			}
			resp.Body.Close()
			codes <- resp.StatusCode
		}()
	}
	got := map[int]int{}
	for range n {
		got[<-codes]++
	}
	// Wrong passwords past the account's limit are refused unchecked.
	if got[303] != (n+1)/2 || got[401]+got[429] != n/2 {
		t.Errorf("%d concurrent sign-ins gave %v, want %d 303 and %d 401 or 429", n, got, (n+1)/2, n/2)
	}
}
