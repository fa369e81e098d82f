package web

// This file holds accounts on the web: who is asking (a session cookie, an
// API token, or a guest's learner cookie), the one authorization
// middleware that applies quiz.Policy to every route, and the sign-up,
// sign-in, sign-out, first-run setup and account pages.

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/password"

	"github.com/gofiber/fiber/v2"
)

const (
	sessionCookie = "fd_session"
	sessionTTL    = 30 * 24 * time.Hour
	localsViewer  = "viewer"
	tokenPrefix   = "fdt_"
	// Sign-in throttling: at most accountFailures failed sign-ins per
	// account and addressFailures per client address in any failureWindow;
	// further attempts are refused without checking the password.
	failureWindow   = 15 * time.Minute
	accountFailures = 5
	addressFailures = 20
)

// viewer is who a request comes from.
type viewer struct {
	// User is the signed-in account, nil for a guest.
	User *quiz.User
	// Role is what the policy sees: the account's role, Guest without
	// one, at least Teacher in open mode.
	Role quiz.Role
	// Open is true when the server runs in open mode.
	Open bool
	// Token is true when an API token authenticated the request.
	Token bool
}

// Teacher reports whether the viewer may edit content and see answers.
func (v viewer) Teacher() bool { return quiz.Allowed(v.Role, quiz.EditContent) }

// Admin reports whether the viewer manages users.
func (v viewer) Admin() bool { return quiz.Allowed(v.Role, quiz.ManageUsers) }

// Name is the account's name for the navigation.
func (v viewer) Name() string {
	if v.User == nil {
		return ""
	}
	return v.User.DisplayName()
}

func viewerOf(c *fiber.Ctx) viewer {
	v, _ := c.Locals(localsViewer).(viewer)
	return v
}

// can reports whether the request's viewer may take action a.
func can(c *fiber.Ctx, a quiz.Action) bool { return quiz.Allowed(viewerOf(c).Role, a) }

// hashToken returns the hex SHA-256 of a session or API token, the form
// in which the database keeps them.
func hashToken(tok string) string {
	h := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(h[:])
}

// longToken returns 64 hex characters of crypto randomness.
func longToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

func validLongToken(t string) bool { return len(t) == 64 && validToken(t[:32]) && validToken(t[32:]) }

// authenticate finds the viewer: an API token (API only), else the session
// cookie, else a guest. A signed-in viewer's quizzes and cards are their
// account's learner record, whatever learner cookie the browser holds.
func (s *Server) authenticate(c *fiber.Ctx) error {
	ctx := c.UserContext()
	v := viewer{Role: quiz.Guest}
	if auth := c.Get(fiber.HeaderAuthorization); auth != "" && strings.HasPrefix(c.Path(), "/api/") {
		tok, ok := strings.CutPrefix(auth, "Bearer ")
		tok, ok2 := strings.CutPrefix(strings.TrimSpace(tok), tokenPrefix)
		if !ok || !ok2 || !validLongToken(tok) {
			return fiber.NewError(fiber.StatusUnauthorized, "The API token is not valid.")
		}
		u, err := s.store.TokenUser(ctx, hashToken(tok), s.now().UTC())
		if isNotFound(err) {
			return fiber.NewError(fiber.StatusUnauthorized, "The API token is not valid.")
		}
		if err != nil {
			return err
		}
		v.User, v.Role, v.Token = &u, u.Role, true
	} else if sid := c.Cookies(sessionCookie); sid != "" {
		if validLongToken(sid) {
			// One indexed query finds the account and its learner; a
			// session is never written while it is used.
			u, learner, err := s.store.SessionViewer(ctx, hashToken(sid), s.now().UTC())
			switch {
			case err == nil:
				v.User, v.Role = &u, u.Role
				c.Locals(localsLearner, learner)
			case !isNotFound(err):
				return err
			}
		}
		if v.User == nil {
			s.clearCookie(c, sessionCookie)
		}
	}
	if v.Token {
		l, err := s.store.LearnerByID(ctx, v.User.LearnerID)
		if err != nil {
			return err
		}
		c.Locals(localsLearner, l.Token)
	}
	if s.open && v.Role < quiz.Teacher {
		v.Role, v.Open = quiz.Teacher, true
	}
	c.Locals(localsViewer, v)
	return c.Next()
}

// authorize applies the policy: the route's action (see routePolicy) must
// be allowed to the viewer's role. A request that matches no guard is
// answered 404 here rather than passed on: every route has a guard (New
// checks), so it names no route, and should fiber ever route a spelling the
// guards do not know, it is refused rather than let through unchecked.
func (s *Server) authorize(c *fiber.Ctx) error {
	a, ok := s.guards.action(c.Method(), c.Path())
	if !ok {
		if len(c.Path()) >= 5 && strings.EqualFold(c.Path()[:5], "/api/") {
			return quiz.Errorf(quiz.ErrNotFound, "No such API route: %s %s", c.Method(), c.Path())
		}
		// As the pages' own 404 would: a form posted without its token
		// is refused first.
		if err := formAllowed(c); err != nil {
			return err
		}
		return quiz.Errorf(quiz.ErrNotFound, "There is no page at %s.", c.Path())
	}
	v := viewerOf(c)
	if !quiz.Allowed(v.Role, a) {
		if v.User == nil && !v.Token {
			return quiz.Errorf(quiz.ErrForbidden, "Sign in with an account that may do this: %s.", describe(a))
		}
		return quiz.Errorf(quiz.ErrForbidden, "Your account may not do this: %s.", describe(a))
	}
	return c.Next()
}

// describe says what an action is, for the 403 page.
func describe(a quiz.Action) string {
	switch a {
	case quiz.ManageAccount:
		return "manage an account"
	case quiz.SeeAnswers:
		return "see the answers of questions"
	case quiz.EditContent:
		return "add articles and edit questions"
	case quiz.Teach:
		return "run classes"
	case quiz.ManageUsers:
		return "manage users"
	}
	return string(a)
}

func (s *Server) cookieSecure(c *fiber.Ctx) bool {
	return s.secure || c.Context().IsTLS() || (s.trustProxy && strings.EqualFold(c.Get("X-Forwarded-Proto"), "https"))
}

func (s *Server) clearCookie(c *fiber.Ctx, name string) {
	c.Cookie(&fiber.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, Expires: time.Unix(1, 0),
		HTTPOnly: true, Secure: s.cookieSecure(c), SameSite: fiber.CookieSameSiteLaxMode})
}

// clientAddr is the address sign-in failures are counted under: the
// peer's, or the first X-Forwarded-For entry behind a trusted proxy.
func (s *Server) clientAddr(c *fiber.Ctx) string {
	if s.trustProxy {
		if ips := c.IPs(); len(ips) > 0 && ips[0] != "" {
			return ips[0]
		}
	}
	return c.IP()
}

// signIn starts a new session for u: a fresh session ID (any session the
// browser held is ended, so that an ID planted before sign-in is worth
// nothing), a fresh CSRF token and a fresh guest cookie for after sign-out.
func (s *Server) signIn(c *fiber.Ctx, u quiz.User) error {
	ctx := c.UserContext()
	if old := c.Cookies(sessionCookie); old != "" {
		if err := s.store.DeleteSession(ctx, hashToken(old)); err != nil {
			return err
		}
	}
	sid := longToken()
	now := s.now().UTC()
	if err := s.store.CreateSession(ctx, hashToken(sid), u.ID, now, now.Add(sessionTTL)); err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: sid, Path: "/", MaxAge: int(sessionTTL / time.Second),
		HTTPOnly: true, Secure: s.cookieSecure(c), SameSite: fiber.CookieSameSiteLaxMode})
	s.setCookie(c, learnerCookie, s.signLearner(randomToken()))
	s.setCookie(c, csrfCookie, randomToken())
	return nil
}

// authPage is the data of the sign-in, sign-up and setup forms.
type authPage struct {
	base
	// Mode is "signin", "signup" or "setup".
	Mode  string
	Email string
	Name  string
	Next  string
	Error string
}

func (s *Server) authForm(c *fiber.Ctx, status int, mode, email, name, msg string) error {
	titles := map[string]string{"signin": "Sign in", "signup": "Create an account", "setup": "Set up factdeck"}
	return s.render(c, status, "signin", authPage{base: s.base(c, titles[mode], "account"), Mode: mode,
		Email: email, Name: name, Next: safeNext(c.Query("next", c.FormValue("next"))), Error: msg})
}

// safeNext keeps a redirect target on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") || len(next) > 300 {
		return ""
	}
	return next
}

func (s *Server) showSignIn(c *fiber.Ctx) error {
	return s.authForm(c, fiber.StatusOK, "signin", "", "", "")
}

func (s *Server) showSignUp(c *fiber.Ctx) error {
	return s.authForm(c, fiber.StatusOK, "signup", "", "", "")
}

// errBadCredentials is the one message of a failed sign-in, whether the
// account exists or not.
const errBadCredentials = "The email or the password is not right."

// errThrottled is the message of a refused sign-in.
const errThrottled = "Too many failed sign-ins. Wait 15 minutes and try again."

// hashing runs f, a password hash or check, when one of the server's
// hashing slots is free: each takes 19 MiB and a core for some 50 ms, so a
// burst of sign-ins queues instead of exhausting memory. A request that
// ends while waiting gets an error.
func (s *Server) hashing(c *fiber.Ctx, f func()) error {
	select {
	case s.hashSlots <- struct{}{}:
	case <-c.UserContext().Done():
		return fmt.Errorf("waiting to check a password: %w", c.UserContext().Err())
	}
	defer func() { <-s.hashSlots }()
	f()
	return nil
}

// dummyHash returns the hash checked against when no account has the
// email, so that a sign-in takes as long for an unknown email as for a
// wrong password. It is made on first use.
func (s *Server) dummyHash() string {
	s.dummyOnce.Do(func() { s.dummy = password.Hash(longToken(), s.hashParams) })
	return s.dummy
}

// throttled reports whether sign-ins for key are refused at now.
func (s *Server) throttled(c *fiber.Ctx, keys map[string]int64) (bool, error) {
	since := s.now().UTC().Add(-failureWindow)
	for k, limit := range keys {
		n, err := s.store.SignInFailures(c.UserContext(), k, since)
		if err != nil {
			return false, err
		}
		if n >= limit {
			return true, nil
		}
	}
	return false, nil
}

// checkCredentials returns the account of email when password is its
// password. Failures are counted per account and per address; past the
// limits the password is not checked at all.
func (s *Server) checkCredentials(c *fiber.Ctx, email, pw string) (quiz.User, string, error) {
	ctx := c.UserContext()
	accountKey, addrKey := "account:"+email, "addr:"+s.clientAddr(c)
	over, err := s.throttled(c, map[string]int64{accountKey: accountFailures, addrKey: addressFailures})
	if err != nil {
		return quiz.User{}, "", err
	}
	if over {
		return quiz.User{}, "", &quiz.Error{Kind: errTooMany, Msg: errThrottled}
	}
	u, hash, err := s.store.Credentials(ctx, email)
	found := err == nil
	if err != nil && !isNotFound(err) {
		return quiz.User{}, "", err
	}
	if !found {
		hash = s.dummyHash()
	}
	var ok bool
	err = s.hashing(c, func() { ok, err = password.Check(pw, hash) })
	if err != nil {
		return quiz.User{}, "", fmt.Errorf("check password of user %d: %w", u.ID, err)
	}
	if !ok || !found {
		if err := s.store.RecordSignInFailure(ctx, s.now().UTC(), accountKey, addrKey); err != nil {
			return quiz.User{}, "", err
		}
		return quiz.User{}, "", quiz.Errorf(quiz.ErrInvalid, errBadCredentials)
	}
	if err := s.store.ClearSignInFailures(ctx, accountKey); err != nil {
		return quiz.User{}, "", err
	}
	return u, hash, nil
}

// errTooMany marks a request refused for coming too often.
var errTooMany = errors.New("too many requests")

func (s *Server) signInPost(c *fiber.Ctx) error {
	// An address that is not an email is still counted against (cut to an
	// email's length), so that the answer is the same as for an unknown one.
	email, err := quiz.NormalizeEmail(c.FormValue("email"))
	if err != nil {
		email = strings.ToValidUTF8(truncate(strings.TrimSpace(c.FormValue("email")), quiz.MaxEmail), "")
	}
	u, _, err := s.checkCredentials(c, email, c.FormValue("password"))
	if err != nil {
		var qe *quiz.Error
		if !errors.As(err, &qe) {
			return err
		}
		status := fiber.StatusUnauthorized
		if errors.Is(err, errTooMany) {
			status = fiber.StatusTooManyRequests
		}
		return s.authForm(c, status, "signin", email, "", qe.Msg)
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	return c.Redirect(nextOr(c, "/"), fiber.StatusSeeOther)
}

func nextOr(c *fiber.Ctx, def string) string {
	if n := safeNext(c.FormValue("next")); n != "" {
		return n
	}
	return def
}

// newAccount validates the sign-up form and creates the account with the
// given role. A guest's learner record, with their progress and classes,
// becomes the account's.
func (s *Server) newAccount(c *fiber.Ctx, role quiz.Role) (quiz.User, error) {
	email, err := quiz.NormalizeEmail(c.FormValue("email"))
	if err != nil {
		return quiz.User{}, err
	}
	name, err := quiz.CheckName(c.FormValue("name"))
	if err != nil {
		return quiz.User{}, err
	}
	pw := c.FormValue("password")
	if err := quiz.CheckPassword(pw, email); err != nil {
		return quiz.User{}, err
	}
	guest := ""
	if viewerOf(c).User == nil {
		guest = learnerToken(c)
	}
	var hash string
	if err := s.hashing(c, func() { hash = password.Hash(pw, s.hashParams) }); err != nil {
		return quiz.User{}, err
	}
	return s.store.CreateUser(c.UserContext(), quiz.User{Email: email, Name: name, Role: role, CreatedAt: s.now().UTC()},
		hash, guest)
}

func (s *Server) signUpPost(c *fiber.Ctx) error {
	// Sign-ups count against the address like failed sign-ins, so that
	// trying emails one after the other is as slow as guessing passwords.
	addrKey := "addr:" + s.clientAddr(c)
	if over, err := s.throttled(c, map[string]int64{addrKey: addressFailures}); err != nil {
		return err
	} else if over {
		return s.authForm(c, fiber.StatusTooManyRequests, "signup", "", "", errThrottled)
	}
	u, err := s.newAccount(c, quiz.LearnerRole)
	if err != nil {
		if errors.Is(err, quiz.ErrDuplicate) {
			if rerr := s.store.RecordSignInFailure(c.UserContext(), s.now().UTC(), addrKey); rerr != nil {
				return rerr
			}
		}
		return s.formError(c, err, "signup")
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	return c.Redirect(nextOr(c, "/"), fiber.StatusSeeOther)
}

// formError shows a form again with the message of a *quiz.Error; other
// errors go to the error handler.
func (s *Server) formError(c *fiber.Ctx, err error, mode string) error {
	msg, ok := quiz.Message(err)
	if !ok {
		return err
	}
	code, _ := classify(err)
	return s.authForm(c, code, mode, truncate(strings.TrimSpace(c.FormValue("email")), quiz.MaxEmail),
		truncate(c.FormValue("name"), quiz.MaxName), msg)
}

// setupOpen reports whether the first-run setup is available: no account
// exists yet.
func (s *Server) setupOpen(c *fiber.Ctx) error {
	n, err := s.store.CountUsers(c.UserContext())
	if err != nil {
		return err
	}
	if n > 0 {
		return quiz.Errorf(quiz.ErrNotFound, "factdeck is set up already: sign in.")
	}
	return nil
}

func (s *Server) showSetup(c *fiber.Ctx) error {
	if err := s.setupOpen(c); err != nil {
		return err
	}
	return s.authForm(c, fiber.StatusOK, "setup", "", "", "")
}

func (s *Server) setupPost(c *fiber.Ctx) error {
	if err := s.setupOpen(c); err != nil {
		return err
	}
	u, err := s.newAccount(c, quiz.Admin)
	if err != nil {
		return s.formError(c, err, "setup")
	}
	if err := s.signIn(c, u); err != nil {
		return err
	}
	return c.Redirect("/account", fiber.StatusSeeOther)
}

func (s *Server) signOut(c *fiber.Ctx) error {
	if sid := c.Cookies(sessionCookie); sid != "" {
		if err := s.store.DeleteSession(c.UserContext(), hashToken(sid)); err != nil {
			return err
		}
	}
	s.clearCookie(c, sessionCookie)
	s.setCookie(c, learnerCookie, s.signLearner(randomToken()))
	s.setCookie(c, csrfCookie, randomToken())
	return c.Redirect("/", fiber.StatusSeeOther)
}

// accountPage is the data of the account page.
type accountPage struct {
	base
	User     quiz.User
	Tokens   []quiz.APIToken
	NewToken string
	Notice   string
	Error    string
}

// signedIn returns the viewer's account, or an error that leads a guest to
// the sign-in page.
func signedIn(c *fiber.Ctx) (quiz.User, error) {
	v := viewerOf(c)
	if v.User == nil {
		return quiz.User{}, quiz.Errorf(quiz.ErrForbidden, "Sign in to see your account.")
	}
	return *v.User, nil
}

func (s *Server) accountData(c *fiber.Ctx) (accountPage, error) {
	u, err := signedIn(c)
	if err != nil {
		return accountPage{}, err
	}
	p := accountPage{base: s.base(c, "Your account", "account"), User: u}
	p.Tokens, err = s.store.APITokens(c.UserContext(), u.ID)
	return p, err
}

func (s *Server) showAccount(c *fiber.Ctx) error {
	p, err := s.accountData(c)
	if err != nil {
		return err
	}
	if c.Query("changed") != "" {
		p.Notice = "Your password is changed. Other devices are signed out."
	}
	if c.Query("revoked") != "" {
		p.Notice = "The token is revoked."
	}
	return s.render(c, fiber.StatusOK, "account", p)
}

func (s *Server) changePassword(c *fiber.Ctx) error {
	p, err := s.accountData(c)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		msg, ok := quiz.Message(err)
		if !ok {
			return err
		}
		code, _ := classify(err)
		if errors.Is(err, errTooMany) {
			code = fiber.StatusTooManyRequests
		}
		p.Error = msg
		return s.render(c, code, "account", p)
	}
	if _, _, err := s.checkCredentials(c, p.User.Email, c.FormValue("current")); err != nil {
		if errors.Is(err, quiz.ErrInvalid) {
			err = quiz.Errorf(quiz.ErrInvalid, "The current password is not right.")
		}
		return fail(err)
	}
	pw := c.FormValue("password")
	if err := quiz.CheckPassword(pw, p.User.Email); err != nil {
		return fail(err)
	}
	var hash string
	if err := s.hashing(c, func() { hash = password.Hash(pw, s.hashParams) }); err != nil {
		return err
	}
	if err := s.store.SetPassword(c.UserContext(), p.User.ID, hash); err != nil {
		return err
	}
	if err := s.signIn(c, p.User); err != nil {
		return err
	}
	return c.Redirect("/account?changed=1", fiber.StatusSeeOther)
}

// createToken makes a personal API token and shows it once, on this
// response: only its hash is kept.
func (s *Server) createToken(c *fiber.Ctx) error {
	p, err := s.accountData(c)
	if err != nil {
		return err
	}
	name, err := quiz.CheckName(c.FormValue("name"))
	if err == nil && (name == "" || len(name) > quiz.MaxTokenName) {
		err = quiz.Errorf(quiz.ErrInvalid, "Give the token a name of 1 to %d characters, such as the device it is for.", quiz.MaxTokenName)
	}
	if err == nil {
		tok := longToken()
		if _, err = s.store.CreateAPIToken(c.UserContext(), p.User.ID, name, hashToken(tok), s.now().UTC()); err == nil {
			p.NewToken = tokenPrefix + tok
			p.Tokens, err = s.store.APITokens(c.UserContext(), p.User.ID)
			if err != nil {
				return err
			}
			c.Set(fiber.HeaderCacheControl, "no-store")
			return s.render(c, fiber.StatusCreated, "account", p)
		}
	}
	msg, ok := quiz.Message(err)
	if !ok {
		return err
	}
	code, _ := classify(err)
	p.Error = msg
	return s.render(c, code, "account", p)
}

func (s *Server) revokeToken(c *fiber.Ctx) error {
	u, err := signedIn(c)
	if err != nil {
		return err
	}
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.store.DeleteAPIToken(c.UserContext(), u.ID, id); err != nil {
		return err
	}
	return c.Redirect("/account?revoked=1", fiber.StatusSeeOther)
}

// usersPage is the data of the admin's list of accounts.
type usersPage struct {
	base
	Users []quiz.User
	Roles []quiz.Role
}

func (s *Server) showUsers(c *fiber.Ctx) error {
	us, err := s.store.Users(c.UserContext())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "users", usersPage{base: s.base(c, "Users", "users"), Users: us, Roles: quiz.Roles[1:]})
}

func (s *Server) setUserRole(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	role, err := quiz.ParseRole(c.FormValue("role"))
	if err != nil {
		return err
	}
	if err := s.store.SetRole(c.UserContext(), id, role); err != nil {
		return err
	}
	return c.Redirect("/admin/users", fiber.StatusSeeOther)
}
