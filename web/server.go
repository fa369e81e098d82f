// Package web is factdeck's learner-facing web application and JSON API,
// served with fiber: reading articles, taking quizzes, studying flashcards
// and editing questions. Templates and static files are embedded; it is the
// only package that imports fiber.
package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"path"
	"runtime"
	"strings"
	"sync"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/password"
	"factdeck/quiz/pipeline"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames lists every page template; New fails when one is missing.
var pageNames = []string{
	"home", "article", "add", "edit", "decks", "deck", "quizsetup", "question",
	"result", "study", "error", "browser", "stats", "articleedit", "newquestion",
	"signin", "account", "users", "classes", "class", "assignment", "assignments", "join",
}

// DefaultMaxUpload is the largest article upload accepted by default.
const DefaultMaxUpload = 5 << 20

// Config configures a Server.
type Config struct {
	// Store holds articles, questions and learning records. Required.
	Store *store.Store
	// Pipeline cleans added articles and makes their facts and questions.
	// When both Pipeline and Ingest are nil, adding articles is disabled.
	Pipeline *pipeline.Pipeline
	// Ingest replaces Pipeline when set; tests use it to stay independent of
	// extraction quality.
	Ingest IngestFunc
	// Logger receives server errors; nil logs to slog.Default.
	Logger *slog.Logger
	// MaxUpload is the largest article accepted, in bytes (default 5 MB).
	MaxUpload int64
	// Secure marks cookies Secure, for serving behind HTTPS.
	Secure bool
	// Now returns the current time; nil uses time.Now. Tests set it.
	Now func() time.Time
	// Secret signs learner cookies. Nil uses the secret kept in the store,
	// the same for every server on one database.
	Secret []byte
	// Open runs the server without sign-in for a personal install: every
	// viewer is at least a teacher. Otherwise guests and learners may only
	// read, take quizzes and study (see quiz.Policy).
	Open bool
	// TrustProxy trusts X-Forwarded-For and X-Forwarded-Proto from a
	// reverse proxy: the client's address for sign-in throttling, and
	// Secure cookies when the proxy says the request came over HTTPS.
	TrustProxy bool
	// HashParams are argon2id's costs for new passwords; nil uses
	// password.Default. Tests lower them.
	HashParams *password.Params
}

// IngestFunc is the ingest pipeline's Batch: documents and the stored
// articles' pool in, articles with their facts and questions out.
type IngestFunc func(ctx context.Context, docs []pipeline.Document, pool pipeline.Pool, opt pipeline.Options) ([]quiz.Ingested, error)

// Server is factdeck's web application.
type Server struct {
	store     *store.Store
	ingest    IngestFunc
	log       *slog.Logger
	maxUpload int64
	secure    bool
	now       func() time.Time
	app       *fiber.App
	pages     map[string]*template.Template
	static    map[string]asset
	assetVer  string
	secret    []byte

	open       bool
	trustProxy bool
	hashParams password.Params
	guards     guards
	dummyOnce  sync.Once
	dummy      string
	// jobs are the articles being added in the background (jobs.go).
	jobs *ingestJobs
	// hashSlots bounds the password hashes computed at once (see hashing).
	hashSlots chan struct{}
}

type asset struct {
	body  []byte
	ctype string
}

// New returns a Server for cfg. It parses every template and fails fast when
// one is missing or broken.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("web: no store: %w", quiz.ErrInvalid)
	}
	s := &Server{
		store:     cfg.Store,
		ingest:    cfg.Ingest,
		log:       cfg.Logger,
		maxUpload: cfg.MaxUpload,
		secure:    cfg.Secure,
		now:       cfg.Now,
		secret:    cfg.Secret,
		jobs:      newIngestJobs(),

		open:       cfg.Open,
		trustProxy: cfg.TrustProxy,
		hashParams: password.Default,
		hashSlots:  make(chan struct{}, max(2, runtime.NumCPU())),
	}
	if cfg.HashParams != nil {
		s.hashParams = *cfg.HashParams
	}
	if s.ingest == nil && cfg.Pipeline != nil {
		s.ingest = cfg.Pipeline.Batch
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.maxUpload <= 0 {
		s.maxUpload = DefaultMaxUpload
	}
	if s.now == nil {
		s.now = time.Now
	}
	if len(s.secret) == 0 {
		key, err := cfg.Store.Secret(context.Background(), "learner-cookie")
		if err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
		s.secret = key
	}
	if err := s.loadStatic(); err != nil {
		return nil, err
	}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	s.app = fiber.New(fiber.Config{
		AppName:      "factdeck",
		ErrorHandler: s.handleError,
		// Every string fiber returns (form values, parameters, cookies) is
		// a copy, so that one kept past its handler cannot change under
		// the next request that reuses fasthttp's buffers.
		Immutable: true,
		// Well above MaxUpload, so that an upload somewhat too large reaches
		// the handler and gets its message in the form; far larger bodies
		// are refused by fasthttp with a 413 before they are read.
		BodyLimit:             int(4*s.maxUpload) + 1<<20,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          30 * time.Second,
		IdleTimeout:           120 * time.Second,
		DisableStartupMessage: true,
		ReadBufferSize:        16 << 10,
	})
	s.routes(s.app)
	g, err := newGuards(s.app, routePolicy)
	if err != nil {
		return nil, err
	}
	s.guards = g
	return s, nil
}

// Serve serves on an open listener until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	if err := s.app.Listener(ln); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// Shutdown stops the server gracefully, waiting for open requests until ctx
// ends.
func (s *Server) Shutdown(ctx context.Context) error {
	if err := s.app.ShutdownWithContext(ctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

func (s *Server) parseTemplates() error {
	funcs := template.FuncMap{
		"add":        func(a, b int) int { return a + b },
		"plural":     plural,
		"date":       func(t time.Time) string { return t.Format(dateLayout) },
		"datetime":   func(t time.Time) string { return t.Format("2 Jan 2006 15:04") },
		"dur":        humanDuration,
		"asset":      func(name string) string { return "/static/" + name + "?v=" + s.assetVer },
		"key":        func(i int) int { return i + 1 },
		"lower":      strings.ToLower,
		"typeName":   typeName,
		"factAnswer": func(f quiz.Fact) string { return f.Answer() },
		"len64":      func(n int64) int { return int(n) },
		"sourceName": sourceName,
	}
	b, err := templateFS.ReadFile("templates/layout.html")
	if err != nil {
		return fmt.Errorf("web: template layout: %w", err)
	}
	// Asset URLs carry a content hash; write them into the layout once
	// rather than computing them on every page.
	layout := string(b)
	for name := range s.static {
		layout = strings.ReplaceAll(layout, `{{asset "`+name+`"}}`, "/static/"+name+"?v="+s.assetVer)
	}
	s.pages = make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		file := "templates/" + name + ".html"
		if _, err := fs.Stat(templateFS, file); err != nil {
			return fmt.Errorf("web: template %s: %w", file, err)
		}
		t, err := template.New(name).Funcs(funcs).Parse(layout)
		if err == nil {
			t, err = t.ParseFS(templateFS, "templates/parts.html", "templates/card.html", file)
		}
		if err != nil {
			return fmt.Errorf("web: parse template %s: %w", file, err)
		}
		if t.Lookup("content") == nil {
			return fmt.Errorf("web: template %s defines no content block", file)
		}
		s.pages[name] = t
	}
	return nil
}

func (s *Server) loadStatic() error {
	s.static = make(map[string]asset)
	h := sha256.New()
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		h.Write(b)
		ctype := "application/octet-stream"
		switch path.Ext(p) {
		case ".css":
			ctype = "text/css; charset=utf-8"
		case ".js":
			ctype = "text/javascript; charset=utf-8"
		case ".svg":
			ctype = "image/svg+xml"
		}
		s.static[strings.TrimPrefix(p, "static/")] = asset{body: b, ctype: ctype}
		return nil
	})
	if err != nil {
		return fmt.Errorf("web: static files: %w", err)
	}
	for _, need := range []string{"app.css", "app.js", "icon.svg"} {
		if _, ok := s.static[need]; !ok {
			return fmt.Errorf("web: static file %s is missing", need)
		}
	}
	s.assetVer = hex.EncodeToString(h.Sum(nil))[:10]
	return nil
}

// menus holds the main navigation's HTML for each active entry, built once
// from constants: the layout inserts it instead of ranging and comparing on
// every page.
var menus, learnerMenus = buildMenus(true), buildMenus(false)

// buildMenus returns the navigation per active entry, with the entries of
// teachers or without.
func buildMenus(teacher bool) map[string]template.HTML {
	items := []struct{ href, label, nav, alt string }{
		{"/", "Home", "home", ""},
		{"/quiz", "Quiz", "quiz", ""},
		{"/decks", "Flashcards", "decks", "study"},
		{"/articles/new", "Add article", "add", ""},
		{"/classes", "Classes", "classes", ""},
		{"/assignments", "Assignments", "assignments", ""},
	}
	if teacher {
		items = items[:5]
	} else {
		items = append(items[:3:3], items[5])
	}
	m := make(map[string]template.HTML)
	for _, active := range []string{"", "home", "quiz", "decks", "study", "add", "articles", "classes", "assignments", "account", "users"} {
		var b strings.Builder
		for _, it := range items {
			cur := ""
			if active != "" && (active == it.nav || active == it.alt) {
				cur = ` aria-current="page"`
			}
			fmt.Fprintf(&b, `<li><a href="%s"%s>%s</a></li>`, it.href, cur, it.label)
		}
		m[active] = template.HTML(b.String()) // constants only: safe
	}
	return m
}

// Menu returns the navigation with the active entry marked.
func (b base) Menu() template.HTML {
	if !b.Viewer.Teacher() {
		return learnerMenus[b.Nav]
	}
	return menus[b.Nav]
}

// base is the part of every page's data the layout needs.
type base struct {
	Title string
	// Nav names the active navigation entry.
	Nav  string
	CSRF string
	// Viewer is who is asking; the navigation and pages adapt to it.
	Viewer viewer
	// Flash says what the last form did (flash.go).
	Flash string
}

// render executes page name with data and sends it with status.
func (s *Server) render(c *fiber.Ctx, status int, name string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("render: no page %q", name)
	}
	// A fresh buffer per page: fiber's Send keeps the slice until the
	// response is written, after the handler returns, so a pooled buffer
	// would be overwritten by the next request's page.
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	c.Status(status)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(buf.Bytes())
}

// errorPage is the data of the error page.
type errorPage struct {
	base
	Status  int
	Message string
}

// handleError is the one place errors become responses. A *quiz.Error's
// kind gives the status and its message is shown; fiber's own errors (an
// unknown route, a body too large) keep theirs; anything else is a 500 that
// is logged and not shown. The internal chain of wrapped errors goes to the
// log only, never to the page.
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	code, msg := classify(err)
	if code == fiber.StatusRequestEntityTooLarge && c.Path() == "/articles" {
		msg = fmt.Sprintf("The upload is too large: the largest article accepted is %s.", megabytes(s.maxUpload))
	}
	if code >= 500 {
		s.log.Error("request failed", "method", c.Method(), "path", c.Path(), "err", err)
	}
	if strings.HasPrefix(c.Path(), "/api/") || !acceptsHTML(c) {
		return c.Status(code).JSON(fiber.Map{"error": msg})
	}
	data := errorPage{base: base{Title: statusTitle(code), CSRF: csrfToken(c), Viewer: viewerOf(c)}, Status: code, Message: msg}
	if rerr := s.render(c, code, "error", data); rerr != nil {
		s.log.Error("render error page", "err", rerr)
		return c.Status(code).SendString(msg)
	}
	return nil
}

func acceptsHTML(c *fiber.Ctx) bool {
	a := c.Get(fiber.HeaderAccept)
	return a == "" || strings.Contains(a, "text/html") || strings.Contains(a, "*/*")
}

// kinds maps the kinds of quiz.Error to statuses and the message shown when
// an error of that kind carries none.
var kinds = []struct {
	kind error
	code int
	msg  string
}{
	{quiz.ErrNotFound, fiber.StatusNotFound, "Not found."},
	{quiz.ErrDuplicate, fiber.StatusConflict, "That was done already."},
	{quiz.ErrForbidden, fiber.StatusForbidden, "That is not allowed."},
	{quiz.ErrTooLarge, fiber.StatusRequestEntityTooLarge, "The request is too large."},
	{quiz.ErrUnavailable, fiber.StatusServiceUnavailable, "That is not available on this server."},
	{quiz.ErrInvalid, fiber.StatusBadRequest, "The request is not valid."},
	{quiz.ErrEmpty, fiber.StatusBadRequest, "There is nothing to work with here."},
	{errTooMany, fiber.StatusTooManyRequests, "Too many requests: wait a while and try again."},
}

// classify maps an error to a status code and a message for people.
func classify(err error) (int, string) {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		msg := fe.Message
		if fe.Code == fiber.StatusRequestEntityTooLarge {
			msg = "The request is too large."
		}
		return fe.Code, msg
	}
	for _, k := range kinds {
		if errors.Is(err, k.kind) {
			if msg, ok := quiz.Message(err); ok {
				return k.code, msg
			}
			return k.code, k.msg
		}
	}
	return fiber.StatusInternalServerError, "Something went wrong on our side. Please try again."
}

func statusTitle(code int) string {
	switch code {
	case fiber.StatusNotFound:
		return "Not found"
	case fiber.StatusForbidden:
		return "Not allowed"
	case fiber.StatusConflict:
		return "Already done"
	case fiber.StatusRequestEntityTooLarge:
		return "Too large"
	case fiber.StatusTooManyRequests:
		return "Too many requests"
	case fiber.StatusUnauthorized:
		return "Not signed in"
	}
	if code >= 500 {
		return "Server error"
	}
	return "Bad request"
}

// badRequest returns an error of kind quiz.ErrInvalid with a message for
// people.
func badRequest(format string, args ...any) error {
	return quiz.Errorf(quiz.ErrInvalid, format, args...)
}
