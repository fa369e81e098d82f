package quiz

import (
	"errors"
	"fmt"
)

// Sentinel errors shared by every layer. Wrap them with fmt.Errorf("...: %w",
// err) to add context; test them with errors.Is.
var (
	// ErrNotFound reports that a requested record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid reports input that cannot be accepted as given.
	ErrInvalid = errors.New("invalid input")
	// ErrDuplicate reports something already done or stored: an article
	// stored before, a question answered before.
	ErrDuplicate = errors.New("already stored")
	// ErrEmpty reports input with nothing usable in it, such as an article
	// without text or an export selection without questions.
	ErrEmpty = errors.New("nothing usable")
	// ErrTooLarge reports input larger than accepted.
	ErrTooLarge = errors.New("too large")
	// ErrForbidden reports a request the asker may not make.
	ErrForbidden = errors.New("forbidden")
	// ErrUnavailable reports a feature this installation does not offer.
	ErrUnavailable = errors.New("unavailable")
)

// Error is a failure with a message for the person who caused it ("There
// is no article 12.", "The answer is empty."). Kind is one of the sentinels
// above and decides how the failure is reported (a web page maps it to a
// status); Msg is shown as is; Err, the internal cause, is for the log
// only. errors.Is matches both Kind and Err.
type Error struct {
	Kind error
	Msg  string
	Err  error
}

// Errorf returns an *Error of kind with a message formatted for people.
func Errorf(kind error, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// Error returns the message with the kind and cause, for logs.
func (e *Error) Error() string {
	s := e.Msg
	if e.Kind != nil {
		s += " (" + e.Kind.Error() + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the kind and the cause.
func (e *Error) Unwrap() []error {
	var out []error
	for _, err := range []error{e.Kind, e.Err} {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// Message returns the message for people that err carries, and false when
// it carries none (an internal failure, not to be shown).
func Message(err error) (string, bool) {
	var e *Error
	if errors.As(err, &e) && e.Msg != "" {
		return e.Msg, true
	}
	return "", false
}
