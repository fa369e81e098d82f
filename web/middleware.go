package web

// This file holds the middleware every request passes: security headers,
// the learner cookie and protection against cross-site requests.

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"factdeck/quiz"

	"github.com/gofiber/fiber/v2"
)

const (
	learnerCookie = "fd_learner"
	csrfCookie    = "fd_csrf"
	csrfField     = "_csrf"
	csrfHeader    = "X-CSRF-Token"
	cookieMaxAge  = 400 * 24 * 3600 // about the longest browsers keep a cookie
	localsLearner = "learner"
	localsCSRF    = "csrf"
)

// contentSecurityPolicy allows only this site's scripts and styles: even if
// article text slipped through escaping, an injected script would not run.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// securityHeaders are set on every response, as canonical byte slices to
// spare fasthttp the work on each request.
var securityHeaders = [][2][]byte{
	{[]byte("Content-Security-Policy"), []byte(contentSecurityPolicy)},
	{[]byte("X-Content-Type-Options"), []byte("nosniff")},
	{[]byte("X-Frame-Options"), []byte("DENY")},
	{[]byte("Referrer-Policy"), []byte("same-origin")},
}

func (s *Server) secureHeaders(c *fiber.Ctx) error {
	h := &c.Response().Header
	for _, kv := range securityHeaders {
		h.SetCanonical(kv[0], kv[1])
	}
	return c.Next()
}

// errPanic is what a recovered panic becomes: a 500 whose cause is logged.
var errPanic = errors.New("handler panicked")

// recoverPanic turns a panic in any later handler into a 500 page and logs
// it with the request and the stack: one bad request must not stop the
// server for everyone.
func (s *Server) recoverPanic(c *fiber.Ctx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic serving request", "method", c.Method(), "path", c.OriginalURL(),
				"panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			c.Response().ResetBody()
			err = errPanic
		}
	}()
	return c.Next()
}

// randomToken returns 32 hex characters of crypto randomness.
func randomToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

func validToken(t string) bool {
	if len(t) != 32 {
		return false
	}
	for _, r := range t {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

func (s *Server) setCookie(c *fiber.Ctx, name, value string) {
	c.Cookie(&fiber.Cookie{Name: name, Value: value, Path: "/", MaxAge: cookieMaxAge,
		HTTPOnly: true, Secure: s.cookieSecure(c), SameSite: fiber.CookieSameSiteLaxMode})
}

// identify gives every browser a learner token and a CSRF token, each in its
// own cookie. The learner cookie is the token with its signature (see
// signLearner), so that a browser cannot make one up; the learner's
// database row is created only when they first record something (see
// learner).
func (s *Server) identify(c *fiber.Ctx) error {
	tok, ok := s.verifyLearner(c.Cookies(learnerCookie))
	if !ok {
		tok, ok = s.legacyLearner(c)
	}
	if !ok {
		tok = randomToken()
		s.setCookie(c, learnerCookie, s.signLearner(tok))
	}
	c.Locals(localsLearner, tok)
	if !validToken(c.Cookies(csrfCookie)) {
		ct := randomToken()
		s.setCookie(c, csrfCookie, ct)
		c.Locals(localsCSRF, ct)
	}
	return c.Next()
}

// learnerMAC is the signature of a learner token: the first 16 bytes of its
// HMAC-SHA256 under the installation's secret, in hex.
func (s *Server) learnerMAC(tok string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte("learner:" + tok))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// signLearner returns the cookie value of a learner token.
func (s *Server) signLearner(tok string) string { return tok + s.learnerMAC(tok) }

// verifyLearner returns the token of a signed learner cookie, and false for
// anything else.
func (s *Server) verifyLearner(v string) (string, bool) {
	if len(v) != 64 || !validToken(v[:32]) {
		return "", false
	}
	tok, mac := v[:32], v[32:]
	if !hmac.Equal([]byte(mac), []byte(s.learnerMAC(tok))) {
		return "", false
	}
	return tok, true
}

// legacyLearner accepts an unsigned cookie of the form used before cookies
// were signed, but only when it names a learner already stored, and signs
// it: learners keep their progress, and a made-up token is refused.
func (s *Server) legacyLearner(c *fiber.Ctx) (string, bool) {
	tok := c.Cookies(learnerCookie)
	if !validToken(tok) {
		return "", false
	}
	if _, err := s.store.Learner(c.UserContext(), tok); err != nil {
		return "", false
	}
	s.setCookie(c, learnerCookie, s.signLearner(tok))
	return tok, true
}

// csrfToken returns the request's CSRF token.
func csrfToken(c *fiber.Ctx) string {
	if t, ok := c.Locals(localsCSRF).(string); ok {
		return t
	}
	return c.Cookies(csrfCookie)
}

// learnerToken returns the learner's token, set by identify.
func learnerToken(c *fiber.Ctx) string {
	t, _ := c.Locals(localsLearner).(string)
	return t
}

func unsafeMethod(m string) bool {
	switch m {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return false
	}
	return true
}

// sameOrigin refuses state-changing requests from other sites. Browsers send
// Origin (and Sec-Fetch-Site) with every POST; a request without either is
// not from a browser page of another site.
func sameOrigin(c *fiber.Ctx) error {
	if site := c.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return quiz.Errorf(quiz.ErrForbidden, "Cross-site requests are not allowed.")
	}
	if o := c.Get(fiber.HeaderOrigin); o != "" && o != "null" {
		u, err := url.Parse(o)
		if err != nil || !strings.EqualFold(u.Host, string(c.Request().Host())) {
			return quiz.Errorf(quiz.ErrForbidden, "Cross-site requests are not allowed.")
		}
	} else if o == "null" {
		return quiz.Errorf(quiz.ErrForbidden, "Cross-site requests are not allowed.")
	}
	return nil
}

// checkForm protects HTML forms: the same-origin check plus a double-submit
// token, the hidden _csrf field that must equal the CSRF cookie.
func (s *Server) checkForm(c *fiber.Ctx) error {
	if err := formAllowed(c); err != nil {
		return err
	}
	return c.Next()
}

// formAllowed is checkForm's test.
func formAllowed(c *fiber.Ctx) error {
	if !unsafeMethod(c.Method()) {
		return nil
	}
	if err := sameOrigin(c); err != nil {
		return err
	}
	got := c.FormValue(csrfField)
	if got == "" {
		got = c.Get(csrfHeader)
	}
	want := c.Cookies(csrfCookie)
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return quiz.Errorf(quiz.ErrForbidden, "This form has expired or came from another site. Go back, reload the page and try again.")
	}
	return nil
}

// checkAPI protects the JSON API: the same-origin check, and a JSON content
// type on requests with a body, which a cross-site form cannot send without a
// CORS preflight this server never grants.
func (s *Server) checkAPI(c *fiber.Ctx) error {
	if !unsafeMethod(c.Method()) {
		return c.Next()
	}
	if err := sameOrigin(c); err != nil {
		return err
	}
	if len(c.Body()) > 0 && !strings.HasPrefix(strings.ToLower(c.Get(fiber.HeaderContentType)), fiber.MIMEApplicationJSON) {
		return fiber.NewError(fiber.StatusUnsupportedMediaType, "Send the request body as application/json.")
	}
	return c.Next()
}

// learner returns the current learner, creating their database row on first
// use.
func (s *Server) learner(c *fiber.Ctx) (quiz.Learner, error) {
	return s.store.EnsureLearner(c.UserContext(), learnerToken(c))
}

// learnerID returns the current learner's ID without creating one: 0 for a
// browser that has not recorded anything yet.
func (s *Server) learnerID(c *fiber.Ctx) (int64, error) {
	l, err := s.store.Learner(c.UserContext(), learnerToken(c))
	if errors.Is(err, quiz.ErrNotFound) {
		return 0, nil
	}
	return l.ID, err
}

// startOfDay returns midnight before t in t's location.
func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
