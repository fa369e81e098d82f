package quiz

// This file is factdeck's authorization policy: the roles people have and
// the actions each role may take. The web layer names the action of every
// route and asks Allowed; nothing else decides who may do what.

import "fmt"

// Role is what a person may do. Roles are ordered: each may do everything
// the roles below it may.
type Role int

// Roles, from least to most trusted.
const (
	// Guest is anyone without an account, known by a browser cookie only.
	Guest Role = iota
	// LearnerRole takes quizzes, studies and sees their own progress.
	LearnerRole
	// Teacher adds articles, edits questions, and runs classes.
	Teacher
	// Admin manages users, and may do what a teacher does.
	Admin
)

// Roles lists every role, least trusted first.
var Roles = []Role{Guest, LearnerRole, Teacher, Admin}

// String returns "guest", "learner", "teacher" or "admin".
func (r Role) String() string {
	switch r {
	case Guest:
		return "guest"
	case LearnerRole:
		return "learner"
	case Teacher:
		return "teacher"
	case Admin:
		return "admin"
	}
	return fmt.Sprintf("role(%d)", int(r))
}

// ParseRole returns the role named s ("learner", "teacher", "admin"); a
// stored account is never a guest.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles[1:] {
		if r.String() == s {
			return r, nil
		}
	}
	return Guest, Errorf(ErrInvalid, "Unknown role %q: use learner, teacher or admin.", s)
}

// Action is something a request does, as the policy sees it.
type Action string

// Actions. Add one here, with its least role in Policy, for a route that
// fits none of them.
const (
	// Public: pages anyone may open (home, sign-in, sign-up).
	Public Action = "public"
	// Read: read articles and list decks, without answers.
	Read Action = "read"
	// Learn: take quizzes, study flashcards, join classes, see one's own
	// progress and assignments. Guests may.
	Learn Action = "learn"
	// ManageAccount: the own account page, password and API tokens.
	ManageAccount Action = "account"
	// SeeAnswers: lists of questions with their answers, exports of decks.
	SeeAnswers Action = "answers"
	// EditContent: add articles, edit, delete, add or promote questions.
	EditContent Action = "edit"
	// Teach: create classes and assignments and see their results.
	Teach Action = "teach"
	// ManageUsers: list users and change their roles.
	ManageUsers Action = "users"
)

// Policy is the least role each action needs.
var Policy = map[Action]Role{
	Public:        Guest,
	Read:          Guest,
	Learn:         Guest,
	ManageAccount: LearnerRole,
	SeeAnswers:    Teacher,
	EditContent:   Teacher,
	Teach:         Teacher,
	ManageUsers:   Admin,
}

// Allowed reports whether role r may take action a. An action missing
// from Policy is allowed to no one.
func Allowed(r Role, a Action) bool {
	least, ok := Policy[a]
	return ok && r >= least
}
