package quiz

import "errors"

// Sentinel errors shared by every layer. Wrap them with fmt.Errorf("...: %w",
// err) to add context; test them with errors.Is.
var (
	// ErrNotFound reports that a requested record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid reports input that cannot be accepted as given.
	ErrInvalid = errors.New("invalid input")
	// ErrDuplicate reports an article that is already stored.
	ErrDuplicate = errors.New("already stored")
	// ErrEmpty reports input with nothing usable in it, such as an article
	// without text or an export selection without questions.
	ErrEmpty = errors.New("nothing usable")
)
