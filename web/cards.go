package web

// This file holds the learner's actions on flashcards besides rating them:
// undo the last rating, suspend, bury until tomorrow and flag.

import (
	"fmt"
	"strconv"
	"time"

	"factdeck/quiz"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// undoReview takes back the learner's last rating and shows that card
// again.
func (s *Server) undoReview(c *fiber.Ctx) error {
	d, err := parseDeck(c.Params("deck"))
	if err != nil {
		return err
	}
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	if lid == 0 {
		return quiz.Errorf(quiz.ErrNotFound, "There is no rating to undo.")
	}
	qid, err := s.store.UndoReview(c.UserContext(), lid)
	if err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/study/%s?card=%d", d.Key, qid), fiber.StatusSeeOther)
}

// parseMark reads a card action from a form: action "suspend", "unsuspend",
// "bury", "unbury", or a flag number.
func (s *Server) parseMark(c *fiber.Ctx) (store.CardMark, string, error) {
	var m store.CardMark
	yes, no := true, false
	var note string
	switch a := c.FormValue("action"); a {
	case "suspend":
		m.Suspend, note = &yes, "Card suspended: it stays out of study until you unsuspend it in the card browser."
	case "unsuspend":
		m.Suspend, note = &no, "Card unsuspended."
	case "bury":
		t := startOfDay(s.now().UTC()).Add(24 * time.Hour)
		m.BuriedUntil, note = &t, "Card buried until tomorrow."
	case "unbury":
		var zero time.Time
		m.BuriedUntil, note = &zero, "Card unburied."
	case "":
	default:
		return m, "", badRequest("Unknown card action %q: use suspend, unsuspend, bury or unbury.", truncate(a, 20))
	}
	if v := c.FormValue("flag"); v != "" {
		n, err := strconv.Atoi(v)
		f := quiz.Flag(n)
		if err != nil || !f.Valid() {
			return m, "", badRequest("Unknown flag %q: use 0 (none) to 4 (blue).", truncate(v, 20))
		}
		m.Flag, note = &f, "Flag set to "+f.String()+"."
	}
	if m.Suspend == nil && m.BuriedUntil == nil && m.Flag == nil {
		return m, "", badRequest("Choose what to do with the card: suspend, bury or a flag.")
	}
	return m, note, nil
}

// markCards applies the form's mark to the cards of the form's question
// IDs (the notes' leads) for the current learner.
func (s *Server) markCards(c *fiber.Ctx, ids []int64) (string, error) {
	m, note, err := s.parseMark(c)
	if err != nil {
		return "", err
	}
	l, err := s.learner(c)
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		lead, err := s.store.NoteLead(c.UserContext(), id)
		if err != nil {
			return "", err
		}
		if _, err := s.store.MarkCard(c.UserContext(), l.ID, lead, m); err != nil {
			return "", err
		}
	}
	return note, nil
}

// markStudyCard suspends, buries or flags the card shown on the study page.
func (s *Server) markStudyCard(c *fiber.Ctx) error {
	d, qid, err := studyForm(c)
	if err != nil {
		return err
	}
	note, err := s.markCards(c, []int64{qid})
	if err != nil {
		return err
	}
	s.flash(c, note)
	return c.Redirect("/study/"+d.Key, fiber.StatusSeeOther)
}
