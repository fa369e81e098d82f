package web

import (
	"factdeck/quiz"

	"github.com/gofiber/fiber/v2"
)

// routes is the table of every route the server answers.
func (s *Server) routes(app *fiber.App) {
	app.Use(s.recoverPanic)
	app.Use(s.secureHeaders)
	app.Get("/static/:name", s.serveStatic)
	app.Get("/favicon.ico", s.serveFavicon)
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })
	// Who is asking, and whether the policy lets them (see policy.go).
	app.Use(s.identify, s.authenticate, s.authorize)

	// The JSON API, documented in API.md.
	api := app.Group("/api/v1", s.checkAPI)
	api.Get("/articles", s.apiArticles)
	api.Post("/articles", s.apiCreateArticle)
	api.Get("/articles/:id", s.apiArticle)
	api.Get("/questions", s.apiQuestions)
	api.Get("/questions/:id", s.apiQuestion)
	api.Put("/questions/:id", s.apiUpdateQuestion)
	api.Delete("/questions/:id", s.apiDeleteQuestion)
	api.Post("/questions/:id/promote", s.apiPromoteQuestion)
	api.Get("/decks", s.apiDecks)
	api.Get("/decks/:deck", s.apiDeck)
	api.Get("/decks/:deck/next", s.apiNextCard)
	api.Post("/quizzes", s.apiStartQuiz)
	api.Get("/quizzes/:id", s.apiQuiz)
	api.Post("/quizzes/:id/answers", s.apiAnswer)
	api.Get("/quizzes/:id/result", s.apiResult)
	api.Post("/reviews", s.apiReview)
	api.Get("/scores", s.apiScores)
	api.Get("/assignments", s.apiAssignments)
	api.Get("/assignments/:id/results", s.apiResults)
	api.Use(func(c *fiber.Ctx) error {
		return quiz.Errorf(quiz.ErrNotFound, "No such API route: %s %s", c.Method(), c.Path())
	})

	// HTML pages; forms post back with a CSRF token and redirect.
	app.Use(s.checkForm)
	app.Get("/", s.showHome)
	app.Get("/articles/new", s.showAddArticle)
	app.Post("/articles", s.createArticle)
	app.Get("/articles/:id", s.showArticle)
	app.Post("/articles/:id/delete", s.deleteArticle)
	app.Get("/questions/:id/edit", s.showEditQuestion)
	app.Post("/questions/:id", s.updateQuestion)
	app.Post("/questions/:id/delete", s.deleteQuestion)
	app.Post("/questions/:id/promote", s.promoteQuestion)
	app.Get("/decks", s.showDecks)
	app.Get("/decks/:deck", s.showDeck)
	app.Get("/quiz", s.showQuizSetup)
	app.Post("/quiz", s.startQuiz)
	app.Get("/quiz/:id", s.resumeQuiz)
	app.Get("/quiz/:id/q/:n", s.showQuestion)
	app.Post("/quiz/:id/q/:n", s.answerQuestion)
	app.Get("/quiz/:id/result", s.showResult)
	app.Post("/quiz/:id/retry", s.retryQuiz)
	app.Get("/study/:deck", s.showStudy)
	app.Post("/study/:deck", s.reviewCard)
	app.Get("/export", s.export)

	// Accounts (auth.go) and classes (classes.go).
	app.Get("/signin", s.showSignIn)
	app.Post("/signin", s.signInPost)
	app.Get("/signup", s.showSignUp)
	app.Post("/signup", s.signUpPost)
	app.Post("/signout", s.signOut)
	app.Get("/setup", s.showSetup)
	app.Post("/setup", s.setupPost)
	app.Get("/account", s.showAccount)
	app.Post("/account/password", s.changePassword)
	app.Post("/account/tokens", s.createToken)
	app.Post("/account/tokens/:id/delete", s.revokeToken)
	app.Get("/admin/users", s.showUsers)
	app.Post("/admin/users/:id/role", s.setUserRole)
	app.Get("/classes", s.showClasses)
	app.Post("/classes", s.createClass)
	app.Get("/classes/:id", s.showClass)
	app.Post("/classes/:id/assignments", s.createAssignment)
	app.Get("/assignments/:id/results", s.showResults)
	app.Get("/assignments/:id/results.csv", s.resultsCSV)
	app.Get("/assignments", s.showAssignments)
	app.Post("/assignments/:id/start", s.startAssignment)
	app.Get("/join", s.showJoin)
	app.Get("/join/:code", s.showJoin)
	app.Post("/join", s.joinClass)

	// Issue 14: studying and teaching (helper "study").
	// Learner actions: undo, suspend/bury/flag, the card browser and its
	// marks, statistics.
	app.Post("/study/:deck/undo", s.undoReview)
	app.Post("/study/:deck/mark", s.markStudyCard)
	app.Get("/cards", s.showBrowser)
	app.Post("/cards/mark", s.markBrowsedCards)
	app.Get("/stats", s.showStats)
	// Teacher actions: an article's title and source label, questions
	// written by hand, bulk delete/promote/export of an article's questions,
	// and the progress of an article being added (whoever added it).
	app.Get("/articles/:id/edit", s.showEditArticle)
	app.Post("/articles/:id/edit", s.updateArticle)
	app.Get("/articles/:id/questions/new", s.showNewQuestion)
	app.Post("/articles/:id/questions", s.createQuestion)
	app.Post("/articles/:id/bulk", s.bulkQuestions)
	app.Get("/articles/jobs/:job", s.showJob)
	// End of issue 14's routes.
	app.Use(func(c *fiber.Ctx) error {
		return quiz.Errorf(quiz.ErrNotFound, "There is no page at %s.", c.Path())
	})
}
