package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"factdeck/quiz"

	"github.com/gofiber/fiber/v2"
)

// viewers are the kinds of people TestRoutePolicy requests every route as.
var viewers = []string{"anonymous", "guest", "learner", "teacher", "admin", "open"}

// allowedTo is who may take each action, written out by hand rather than
// derived from quiz.Policy, in the order of viewers. Open mode makes
// everyone a teacher.
var allowedTo = map[quiz.Action][6]bool{
	quiz.Public:        {true, true, true, true, true, true},
	quiz.Read:          {true, true, true, true, true, true},
	quiz.Learn:         {true, true, true, true, true, true},
	quiz.ManageAccount: {false, false, true, true, true, true},
	quiz.SeeAnswers:    {false, false, false, true, true, true},
	quiz.EditContent:   {false, false, false, true, true, true},
	quiz.Teach:         {false, false, false, true, true, true},
	quiz.ManageUsers:   {false, false, false, false, true, false},
}

// policyWorld is one viewer's server with an account of each role, a
// class with an assignment and a quiz.
type policyWorld struct {
	*accounts
	viewer  string
	c       *client
	learner quiz.User
	class   quiz.Class
	assign  quiz.Assignment
	quizID  int64
}

func newPolicyWorld(t *testing.T, viewer string) *policyWorld {
	t.Helper()
	ctx := context.Background()
	a := newAccounts(t)
	w := &policyWorld{accounts: a, viewer: viewer}
	a.addUser(t, "admin@example.org", quiz.Admin)
	teacher := a.addUser(t, "teacher@example.org", quiz.Teacher)
	w.learner = a.addUser(t, "learner@example.org", quiz.LearnerRole)
	var err error
	if w.class, err = a.store.CreateClass(ctx, quiz.Class{Name: "7B", TeacherID: teacher.ID}); err != nil {
		t.Fatal(err)
	}
	if err := a.store.JoinClass(ctx, w.class.ID, w.learner.LearnerID, a.now); err != nil {
		t.Fatal(err)
	}
	w.assign, err = a.store.CreateAssignment(ctx, quiz.Assignment{ClassID: w.class.ID, Title: "Storm",
		QuestionIDs: []int64{a.qs[0][0].ID, a.qs[0][1].ID}})
	if err != nil {
		t.Fatal(err)
	}
	sess, err := a.store.StartAssignment(ctx, w.assign.ID, w.learner.LearnerID, a.now)
	if err != nil {
		t.Fatal(err)
	}
	w.quizID = sess.ID
	if viewer == "open" {
		srv, err := New(Config{Store: a.store, Ingest: fakeIngest, HashParams: &fastHash, Open: true})
		if err != nil {
			t.Fatal(err)
		}
		a.srv = srv
	}
	if viewer != "anonymous" {
		w.c = a.browser(t)
		w.signIn(t)
	}
	return w
}

func (w *policyWorld) signIn(t *testing.T) {
	switch w.viewer {
	case "learner", "teacher", "admin":
		signIn(t, w.c, w.viewer+"@example.org")
	}
}

// path fills a route's parameters with values of the world: each route
// gets something that exists, and routes that delete get things no other
// route needs.
func (w *policyWorld) path(method, route string) string {
	segs := strings.Split(route, "/")
	del := method == fiber.MethodDelete || strings.HasSuffix(route, "/delete")
	for i, s := range segs {
		if !strings.HasPrefix(s, ":") {
			continue
		}
		prev := segs[i-1]
		v := "1"
		switch {
		case prev == "articles" && del:
			v = strconv.FormatInt(w.articles[1].ID, 10)
		case prev == "articles":
			v = strconv.FormatInt(w.articles[0].ID, 10)
		case prev == "questions" && method == fiber.MethodDelete:
			v = strconv.FormatInt(w.qs[0][3].ID, 10)
		case prev == "questions" && del:
			v = strconv.FormatInt(w.qs[0][2].ID, 10)
		case prev == "questions" && strings.HasSuffix(route, "/promote"):
			v = strconv.FormatInt(w.qs[0][1].ID, 10)
		case prev == "questions":
			v = strconv.FormatInt(w.qs[0][0].ID, 10)
		case s == ":deck":
			v = strconv.FormatInt(w.articles[0].ID, 10)
		case prev == "quizzes" || prev == "quiz":
			v = strconv.FormatInt(w.quizID, 10)
		case prev == "tokens":
			v = "999999"
		case prev == "users":
			v = strconv.FormatInt(w.learner.ID, 10)
		case prev == "classes":
			v = strconv.FormatInt(w.class.ID, 10)
		case prev == "assignments":
			v = strconv.FormatInt(w.assign.ID, 10)
		case prev == "join":
			v = w.class.Code
		case prev == "static":
			v = "app.css"
		}
		segs[i] = v
	}
	return strings.Join(segs, "/")
}

// request sends one request to a route as the world's viewer and returns
// the status and body. Anonymous requests carry no cookies at all.
func (w *policyWorld) request(t *testing.T, method, route string) (int, string) {
	t.Helper()
	p := w.path(method, route)
	var req *http.Request
	switch {
	case strings.HasPrefix(route, "/api/") && method != fiber.MethodGet:
		req = httptest.NewRequest(method, p, strings.NewReader("{}"))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json")
	case method == fiber.MethodPost:
		form := url.Values{"deck": {"all"}, "count": {"2"}, "role": {"learner"}, "code": {w.class.Code},
			"email": {"nobody@example.org"}, "password": {"wrong"}, "current": {"wrong"}}
		if w.c != nil {
			form.Set(csrfField, w.c.csrf())
		}
		req = httptest.NewRequest(method, p, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "text/html")
	default:
		req = httptest.NewRequest(method, p, nil)
		if strings.HasPrefix(route, "/api/") {
			req.Header.Set("Accept", "application/json")
		}
	}
	if w.c == nil {
		resp, err := w.srv.app.Test(req, 10_000)
		if err != nil {
			t.Fatalf("%s %s: %v", method, p, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body, _ := w.c.do(req)
	if route == "/signout" {
		w.signIn(t)
	}
	return code, body
}

// deniedByPolicy reports whether a response is the policy's refusal.
func deniedByPolicy(code int, body string) bool {
	return code == 403 && (strings.Contains(body, "Sign in with an account that may do this") || strings.Contains(body, "Your account may not do this"))
}

// TestRoutePolicy requests every route of the route table as every kind
// of viewer. A route without a policy fails; a route the viewer may not
// use must give the policy's 403, and one they may use anything else but
// a 500.
func TestRoutePolicy(t *testing.T) {
	got := map[string][]int{} // "METHOD /route" -> status per viewer
	var order []string
	for vi, viewer := range viewers {
		w := newPolicyWorld(t, viewer)
		for _, r := range w.srv.app.GetRoutes(true) {
			if r.Method == fiber.MethodHead {
				continue
			}
			key := r.Method + " " + r.Path
			action, ok := routePolicy[key]
			if !ok {
				t.Errorf("route %s has no policy in routePolicy", key)
				continue
			}
			want, ok := allowedTo[action]
			if !ok {
				t.Errorf("route %s: action %q has no row in allowedTo", key, action)
				continue
			}
			code, body := w.request(t, r.Method, r.Path)
			if _, seen := got[key]; !seen {
				got[key] = make([]int, len(viewers))
				order = append(order, key)
			}
			got[key][vi] = code
			switch {
			case code >= 500:
				t.Errorf("%s as %s = %d, want no server error; body %s", key, viewer, code, truncate(body, 200))
			case want[vi] && deniedByPolicy(code, body):
				t.Errorf("%s as %s = %d, want it allowed (%s); body %s", key, viewer, code, action, truncate(body, 200))
			case !want[vi] && !deniedByPolicy(code, body):
				t.Errorf("%s as %s = %d, want the policy's 403 (%s)", key, viewer, code, action)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-40s %s\n", "route", strings.Join(viewers, " "))
	for _, k := range order {
		fmt.Fprintf(&b, "%-40s", k)
		for i, c := range got[k] {
			fmt.Fprintf(&b, " %*d", len(viewers[i]), c)
		}
		b.WriteString("\n")
	}
	t.Logf("status per route and viewer (%d routes):\n%s", len(order), b.String())

	// Some cells, exactly.
	exact := []struct {
		route string
		want  [6]int
	}{
		{"GET /api/v1/questions", [6]int{403, 403, 403, 200, 200, 200}},
		{"GET /questions/:id/edit", [6]int{403, 403, 403, 200, 200, 200}},
		{"GET /admin/users", [6]int{403, 403, 403, 403, 200, 403}},
		{"GET /account", [6]int{403, 403, 200, 200, 200, 403}},
		{"GET /classes/:id", [6]int{403, 403, 403, 200, 200, 403}},
		{"GET /assignments", [6]int{200, 200, 200, 200, 200, 200}},
		{"GET /quiz/:id/result", [6]int{404, 404, 303, 404, 404, 404}},
		{"GET /", [6]int{200, 200, 200, 200, 200, 200}},
	}
	for _, e := range exact {
		g, ok := got[e.route]
		if !ok {
			t.Errorf("route %s was not requested", e.route)
			continue
		}
		if !slices.Equal(g, e.want[:]) {
			t.Errorf("%s per viewer %v = %v, want %v", e.route, viewers, g, e.want)
		}
	}
}

// TestNewRefusesRouteWithoutPolicy: a route missing from routePolicy
// stops the server from starting.
func TestNewRefusesRouteWithoutPolicy(t *testing.T) {
	app := fiber.New()
	app.Get("/", func(c *fiber.Ctx) error { return nil })
	app.Post("/unguarded/:id", func(c *fiber.Ctx) error { return nil })
	_, err := newGuards(app, routePolicy)
	if err == nil || !strings.Contains(err.Error(), "POST /unguarded/:id") {
		t.Errorf("newGuards with an unknown route: %v, want an error naming it", err)
	}
}

func TestGuardsMatchLikeFiber(t *testing.T) {
	app := fiber.New()
	h := func(c *fiber.Ctx) error { return nil }
	app.Get("/articles/new", h)
	app.Get("/articles/:id", h)
	app.Get("/", h)
	app.Post("/articles", h)
	gs, err := newGuards(app, map[string]quiz.Action{"GET /articles/new": quiz.EditContent, "GET /articles/:id": quiz.Read,
		"GET /": quiz.Public, "POST /articles": quiz.EditContent})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path string
		want         quiz.Action
		ok           bool
	}{
		{"GET", "/articles/new", quiz.EditContent, true},
		{"GET", "/Articles/NEW/", quiz.EditContent, true},
		{"GET", "/articles/12", quiz.Read, true},
		{"HEAD", "/articles/new", quiz.EditContent, true},
		{"GET", "/", quiz.Public, true},
		{"POST", "/articles/", quiz.EditContent, true},
		{"GET", "/articles", "", false},
		{"DELETE", "/articles/12", "", false},
		{"GET", "/articles/12/more", "", false},
	}
	for _, tt := range tests {
		got, ok := gs.action(tt.method, tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("action(%s %s) = %q, %v, want %q, %v", tt.method, tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

// TestGuardsAgreeWithFiber sends odd spellings of every route's path
// (capitals, trailing and doubled slashes, encoded characters) to an app
// with the server's route table and checks that whenever fiber routes a
// request to a handler, the guards name that route's action: a spelling
// fiber serves but the guards miss would skip the policy.
func TestGuardsAgreeWithFiber(t *testing.T) {
	w := newPolicyWorld(t, "anonymous")
	probe := fiber.New()
	for _, r := range w.srv.app.GetRoutes(true) {
		key := r.Method + " " + r.Path
		probe.Add(r.Method, r.Path, func(c *fiber.Ctx) error { return c.SendString(key) })
	}
	variants := func(p string) []string {
		return []string{p, strings.ToUpper(p), p + "/", p + "//", "/" + p, strings.Replace(p, "/", "//", 2),
			strings.Replace(p, "a", "%61", 1), p + "%2F", p + "?x=/admin", p + "/.", strings.Replace(p, "/", "/./", 1)}
	}
	checked := 0
	for _, r := range w.srv.app.GetRoutes(true) {
		if r.Method == fiber.MethodHead {
			continue // GET's twin, with no body to name the route
		}
		for _, v := range variants(w.path(r.Method, r.Path)) {
			req := httptest.NewRequest(r.Method, "http://x"+v, nil)
			resp, err := probe.Test(req, 5_000)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				continue
			}
			checked++
			want := routePolicy[string(b)]
			path, _, _ := strings.Cut(v, "?")
			if got, ok := w.srv.guards.action(r.Method, path); !ok || got != want {
				t.Errorf("%s %s reaches %s (%s) but the guards give %q, %v", r.Method, v, b, want, got, ok)
			}
		}
	}
	t.Logf("%d spellings routed by fiber, all guarded", checked)
}
