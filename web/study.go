package web

// This file holds the flashcard study page: one card at a time, reveal,
// rate with FSRS.

import (
	"fmt"
	"strconv"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/schedule"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// ratingButton is one of the four rating choices with the wait it implies.
type ratingButton struct {
	Rating quiz.Rating
	Key    int
	Label  string
	Wait   string
}

type studyPage struct {
	base
	Deck     deckSummary
	Question *quiz.Question
	Card     quiz.Card
	Source   marked
	Article  quiz.Article
	Buttons  []ratingButton
	Reviewed int
	NextDue  string
	// Sources are the articles the card's note comes from.
	Sources []store.NoteSource
	// Flags are the flags a card may carry, for the flag menu.
	Flags []quiz.Flag
}

func ratingLabel(r quiz.Rating) string {
	switch r {
	case quiz.Again:
		return "Again"
	case quiz.Hard:
		return "Hard"
	case quiz.Good:
		return "Good"
	}
	return "Easy"
}

func (s *Server) showStudy(c *fiber.Ctx) error {
	st, err := s.study(c)
	if err != nil {
		return err
	}
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	now := s.now()
	p := studyPage{base: s.base(c, "Study: "+st.Deck.Name, "study"), Deck: st.Deck, Question: st.Current, Card: st.Card,
		Flags: quiz.Flags}
	if lid != 0 {
		if p.Reviewed, err = s.store.ReviewsSince(ctx, lid, startOfDay(now)); err != nil {
			return err
		}
	}
	if !st.Deck.NextDue.IsZero() {
		p.NextDue = humanDuration(st.Deck.NextDue.Sub(now))
	}
	if q := st.Current; q != nil {
		if p.Source, _, err = s.source(c, *q, false); err != nil {
			return err
		}
		if p.Article, err = s.articleOf(c, *q); err != nil {
			return err
		}
		if p.Sources, err = s.store.NoteSources(ctx, q.ID); err != nil {
			return err
		}
		waits := schedule.Intervals(st.Card, now.UTC())
		for i, r := range quiz.Ratings {
			p.Buttons = append(p.Buttons, ratingButton{Rating: r, Key: i + 1, Label: ratingLabel(r), Wait: shortWait(waits[r])})
		}
	}
	return s.render(c, fiber.StatusOK, "study", p)
}

// shortWait writes an interval compactly for a button: "<1m", "10m", "3d".
func shortWait(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "<1m"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Round(time.Minute)/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh", int(d.Round(time.Hour)/time.Hour))
	case d < 60*24*time.Hour:
		return fmt.Sprintf("%dd", int(d.Round(24*time.Hour)/(24*time.Hour)))
	case d < 730*24*time.Hour:
		return fmt.Sprintf("%dmo", int(d/(30*24*time.Hour)))
	}
	return fmt.Sprintf("%dy", int(d/(365*24*time.Hour)))
}

func parseRating(v string) (quiz.Rating, error) {
	n, err := strconv.Atoi(v)
	r := quiz.Rating(n)
	if err != nil || !r.Valid() {
		return 0, badRequest("Rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), not %q.", truncate(v, 20))
	}
	return r, nil
}

// studyForm reads a study page's post: the deck in the route and the
// question the card shows.
func studyForm(c *fiber.Ctx) (deckRef, int64, error) {
	d, err := parseDeck(c.Params("deck"))
	if err != nil {
		return d, 0, err
	}
	qid, err := strconv.ParseInt(c.FormValue("question"), 10, 64)
	if err != nil || qid <= 0 {
		return d, 0, badRequest("%q is not a valid question number.", truncate(c.FormValue("question"), 40))
	}
	return d, qid, nil
}

func (s *Server) reviewCard(c *fiber.Ctx) error {
	d, qid, err := studyForm(c)
	if err != nil {
		return err
	}
	r, err := parseRating(c.FormValue("rating"))
	if err != nil {
		return err
	}
	if _, err := s.review(c, qid, r); err != nil {
		return err
	}
	return c.Redirect("/study/"+d.Key, fiber.StatusSeeOther)
}
