package web

// This file names the action of every route for the policy in package quiz
// (quiz.Policy says which roles may take it). New refuses to start when a
// route has no entry, and TestRoutePolicy requests every route as every
// kind of viewer: add a route's line here when adding the route.

import (
	"fmt"
	"strings"

	"factdeck/quiz"

	"github.com/gofiber/fiber/v2"
)

// routePolicy maps "METHOD /path", as the route is registered, to its
// action.
var routePolicy = map[string]quiz.Action{
	// Before any viewer is known.
	"GET /static/:name": quiz.Public,
	"GET /favicon.ico":  quiz.Public,
	"GET /healthz":      quiz.Public,

	// The JSON API.
	"GET /api/v1/articles":                quiz.Read,
	"POST /api/v1/articles":               quiz.EditContent,
	"GET /api/v1/articles/:id":            quiz.Read, // answers only for SeeAnswers
	"GET /api/v1/questions":               quiz.SeeAnswers,
	"GET /api/v1/questions/:id":           quiz.SeeAnswers,
	"PUT /api/v1/questions/:id":           quiz.EditContent,
	"DELETE /api/v1/questions/:id":        quiz.EditContent,
	"POST /api/v1/questions/:id/promote":  quiz.EditContent,
	"GET /api/v1/decks":                   quiz.Read,
	"GET /api/v1/decks/:deck":             quiz.Read, // answers only for SeeAnswers
	"GET /api/v1/decks/:deck/next":        quiz.Learn,
	"POST /api/v1/quizzes":                quiz.Learn,
	"GET /api/v1/quizzes/:id":             quiz.Learn,
	"POST /api/v1/quizzes/:id/answers":    quiz.Learn,
	"GET /api/v1/quizzes/:id/result":      quiz.Learn,
	"POST /api/v1/reviews":                quiz.Learn,
	"GET /api/v1/scores":                  quiz.Learn,
	"GET /api/v1/assignments":             quiz.Learn,
	"GET /api/v1/assignments/:id/results": quiz.Teach,

	// Pages.
	"GET /":                       quiz.Read,
	"GET /articles/new":           quiz.EditContent,
	"POST /articles":              quiz.EditContent,
	"GET /articles/:id":           quiz.Read, // questions only for SeeAnswers
	"POST /articles/:id/delete":   quiz.EditContent,
	"GET /questions/:id/edit":     quiz.EditContent,
	"POST /questions/:id":         quiz.EditContent,
	"POST /questions/:id/delete":  quiz.EditContent,
	"POST /questions/:id/promote": quiz.EditContent,
	"GET /decks":                  quiz.Read,
	"GET /decks/:deck":            quiz.Read, // questions only for SeeAnswers
	"GET /quiz":                   quiz.Learn,
	"POST /quiz":                  quiz.Learn,
	"GET /quiz/:id":               quiz.Learn,
	"GET /quiz/:id/q/:n":          quiz.Learn,
	"POST /quiz/:id/q/:n":         quiz.Learn,
	"GET /quiz/:id/result":        quiz.Learn,
	"POST /quiz/:id/retry":        quiz.Learn,
	"GET /study/:deck":            quiz.Learn,
	"POST /study/:deck":           quiz.Learn,
	"GET /export":                 quiz.SeeAnswers,

	// Accounts.
	"GET /signin":                     quiz.Public,
	"POST /signin":                    quiz.Public,
	"GET /signup":                     quiz.Public,
	"POST /signup":                    quiz.Public,
	"POST /signout":                   quiz.Public,
	"GET /setup":                      quiz.Public,
	"POST /setup":                     quiz.Public,
	"GET /account":                    quiz.ManageAccount,
	"POST /account/password":          quiz.ManageAccount,
	"POST /account/tokens":            quiz.ManageAccount,
	"POST /account/tokens/:id/delete": quiz.ManageAccount,
	"GET /admin/users":                quiz.ManageUsers,
	"POST /admin/users/:id/role":      quiz.ManageUsers,

	// Classes.
	"GET /classes":                     quiz.Teach,
	"POST /classes":                    quiz.Teach,
	"GET /classes/:id":                 quiz.Teach,
	"POST /classes/:id/assignments":    quiz.Teach,
	"GET /assignments/:id/results":     quiz.Teach,
	"GET /assignments/:id/results.csv": quiz.Teach,
	"GET /assignments":                 quiz.Learn,
	"POST /assignments/:id/start":      quiz.Learn,
	"GET /join":                        quiz.Learn,
	"GET /join/:code":                  quiz.Learn,
	"POST /join":                       quiz.Learn,

	// Studying and teaching tools. A learner undoes, suspends, buries and
	// flags cards while studying and sees their own statistics; the card
	// browser lists every card with its answer and an edit link, so it is
	// a teacher's tool (everyone's in open mode), as are an article's
	// title, hand-written questions, bulk actions and the progress of an
	// article being added.
	"POST /study/:deck/undo":          quiz.Learn,
	"POST /study/:deck/mark":          quiz.Learn,
	"GET /stats":                      quiz.Learn,
	"GET /cards":                      quiz.SeeAnswers,
	"POST /cards/mark":                quiz.SeeAnswers,
	"GET /articles/:id/edit":          quiz.EditContent,
	"POST /articles/:id/edit":         quiz.EditContent,
	"GET /articles/:id/questions/new": quiz.EditContent,
	"POST /articles/:id/questions":    quiz.EditContent,
	"POST /articles/:id/bulk":         quiz.EditContent,
	"GET /articles/jobs/:job":         quiz.EditContent,
}

// guard is one route's pattern and action.
type guard struct {
	method string
	segs   []string // ":x" matches any one segment
	action quiz.Action
}

// guards are the routes' guards in the order fiber matches them.
type guards []guard

// newGuards returns the guards of app's routes under policy (routePolicy),
// or an error naming a route without one.
func newGuards(app *fiber.App, policy map[string]quiz.Action) (guards, error) {
	var gs guards
	var missing []string
	for _, r := range app.GetRoutes(true) {
		m := r.Method
		if m == fiber.MethodHead {
			m = fiber.MethodGet
		}
		a, ok := policy[m+" "+r.Path]
		if !ok {
			missing = append(missing, r.Method+" "+r.Path)
			continue
		}
		gs = append(gs, guard{method: r.Method, segs: splitPath(r.Path), action: a})
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("web: routes without a policy in routePolicy: %s", strings.Join(missing, ", "))
	}
	return gs, nil
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// action returns the action of the first route matching method and path,
// matched as fiber does by default (case-insensitive, a trailing slash
// ignored).
func (gs guards) action(method, path string) (quiz.Action, bool) {
	segs := splitPath(path)
	for _, g := range gs {
		if g.method != method || len(g.segs) != len(segs) {
			continue
		}
		ok := true
		for i, s := range g.segs {
			if strings.HasPrefix(s, ":") {
				if segs[i] == "" {
					ok = false
					break
				}
				continue
			}
			if !strings.EqualFold(s, segs[i]) {
				ok = false
				break
			}
		}
		if ok {
			return g.action, true
		}
	}
	return "", false
}
