package quiz

// This file holds accounts: users with a role, their sessions and API
// tokens, and the rules their emails, names and passwords follow.

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// User is a person with an account. Every user has a learner record
// (LearnerID) that holds their quizzes and flashcards, the same kind of
// record a guest's browser cookie names.
type User struct {
	ID        int64
	Email     string
	Name      string
	Role      Role
	LearnerID int64
	CreatedAt time.Time
}

// DisplayName returns the user's name, or their email when they gave none.
func (u User) DisplayName() string {
	if u.Name != "" {
		return u.Name
	}
	return u.Email
}

// APIToken is a personal token for the JSON API. Only its hash is stored;
// the token itself is shown once, when it is created.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	CreatedAt  time.Time
	LastUsedAt time.Time
}

// Limits of account fields.
const (
	MaxEmail       = 254
	MaxName        = 80
	MinPassword    = 8
	MaxPassword    = 256
	MaxTokenName   = 60
	MaxTokensOwned = 20
)

// NormalizeEmail returns email trimmed and lower-cased, or an error of kind
// ErrInvalid when it is not one address.
func NormalizeEmail(email string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(email))
	if e == "" {
		return "", Errorf(ErrInvalid, "Enter an email address.")
	}
	if len(e) > MaxEmail || !utf8.ValidString(e) {
		return "", Errorf(ErrInvalid, "That email address is too long.")
	}
	a, err := mail.ParseAddress(e)
	if err != nil || a.Address != e || !strings.Contains(e[strings.LastIndexByte(e, '@')+1:], ".") {
		return "", Errorf(ErrInvalid, "That does not look like an email address (name@example.org).")
	}
	return e, nil
}

// CheckName returns name trimmed, or an error when it is too long or holds
// control characters.
func CheckName(name string) (string, error) {
	n := strings.TrimSpace(name)
	if !utf8.ValidString(n) || utf8.RuneCountInString(n) > MaxName {
		return "", Errorf(ErrInvalid, "A name may have at most %d characters.", MaxName)
	}
	for _, r := range n {
		if r < ' ' || r == 0x7f {
			return "", Errorf(ErrInvalid, "A name may not contain control characters.")
		}
	}
	return n, nil
}

// CheckPassword reports whether a new password is acceptable: between
// MinPassword and MaxPassword bytes and not the email itself. The message
// never repeats the password.
func CheckPassword(password, email string) error {
	switch {
	case utf8.RuneCountInString(password) < MinPassword:
		return Errorf(ErrInvalid, "A password needs at least %d characters.", MinPassword)
	case len(password) > MaxPassword:
		return Errorf(ErrInvalid, "A password may have at most %d bytes.", MaxPassword)
	case strings.EqualFold(strings.TrimSpace(password), strings.TrimSpace(email)):
		return Errorf(ErrInvalid, "Choose a password other than your email address.")
	}
	return nil
}
