package web

// This file holds the card browser: the learner's flashcards searched by
// text and filtered by deck, type, state and flag, with their schedules, a
// link to edit each and bulk suspend, unsuspend and flag.

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"factdeck/quiz"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// browserPageSize is how many cards one page of the browser lists.
const browserPageSize = 50

type browsedRow struct {
	store.BrowsedCard
	// Due says when the card comes back ("in 3 days", "now"), "" for new.
	Due string
}

type browserPage struct {
	base
	Filter  store.CardFilter
	Deck    string
	Flag    string
	Decks   []store.ArticleSummary
	Types   []quiz.QuestionType
	States  []string
	Flags   []quiz.Flag
	Rows    []browsedRow
	Total   int
	Page    int
	Pages   int
	PrevURL string
	NextURL string
	// Back is this page's URL, where bulk actions return.
	Back string
}

// cardFilter reads the browser's filters from the query string.
func cardFilter(c *fiber.Ctx) (store.CardFilter, string, string, int, error) {
	f := store.CardFilter{Text: truncate(strings.TrimSpace(c.Query("q")), 200), State: c.Query("state")}
	deck := c.Query("deck", deckAll)
	d, err := parseDeck(deck)
	if err != nil {
		return f, "", "", 0, err
	}
	f.ArticleID = d.ArticleID
	if t := c.Query("type"); t != "" {
		f.Type = quiz.QuestionType(t)
		if !f.Type.Valid() {
			return f, "", "", 0, badRequest("Unknown question type %q.", truncate(t, 30))
		}
	}
	if f.State != "" && !containsState(f.State) {
		return f, "", "", 0, badRequest("Unknown card state %q: use one of %s.", truncate(f.State, 30), strings.Join(store.CardStates, ", "))
	}
	flag := c.Query("flag")
	if flag != "" {
		n, err := strconv.Atoi(flag)
		if err != nil || !quiz.Flag(n).Valid() {
			return f, "", "", 0, badRequest("Unknown flag %q: use 0 (none) to 4 (blue).", truncate(flag, 20))
		}
		f.Flag, f.HasFlag = quiz.Flag(n), true
	}
	page := 1
	if v := c.Query("page"); v != "" {
		if page, err = strconv.Atoi(v); err != nil || page < 1 || page > 100000 {
			return f, "", "", 0, badRequest("%q is not a valid page.", truncate(v, 20))
		}
	}
	f.Limit, f.Offset = browserPageSize, (page-1)*browserPageSize
	return f, d.Key, flag, page, nil
}

// backTo returns v when it is a page of this site an edit may return to
// (the card browser, a study page), else "".
func backTo(v string) string {
	if (strings.HasPrefix(v, "/cards") || strings.HasPrefix(v, "/study/")) && !strings.ContainsAny(v, "\\\r\n") && !strings.HasPrefix(v, "//") {
		return v
	}
	return ""
}

// dueIn says roughly when a card comes back: "now", "in 10 min", "in 3 h",
// "in 12 days".
func dueIn(d time.Duration) string {
	switch {
	case d <= 0:
		return "now"
	case d < time.Minute:
		return "in under a minute"
	case d < time.Hour:
		return fmt.Sprintf("in %d min", int(d.Round(time.Minute)/time.Minute))
	case d < 36*time.Hour:
		return fmt.Sprintf("in %d h", int(d.Round(time.Hour)/time.Hour))
	}
	return fmt.Sprintf("in %d days", int(d.Round(24*time.Hour)/(24*time.Hour)))
}

func containsState(s string) bool {
	for _, v := range store.CardStates {
		if v == s {
			return true
		}
	}
	return false
}

func (s *Server) showBrowser(c *fiber.Ctx) error {
	f, deck, flag, page, err := cardFilter(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	now := s.now().UTC()
	cards, total, err := s.store.BrowseCards(ctx, lid, f, now)
	if err != nil {
		return err
	}
	arts, err := s.store.Articles(ctx, 0, setupDecks)
	if err != nil {
		return err
	}
	p := browserPage{base: s.base(c, "Card browser", "decks"), Filter: f, Deck: deck, Flag: flag, Decks: arts,
		Types: quiz.QuestionTypes, States: store.CardStates, Flags: quiz.Flags, Total: total, Page: page,
		Pages: (total + browserPageSize - 1) / browserPageSize}
	for _, bc := range cards {
		r := browsedRow{BrowsedCard: bc}
		if bc.Card.State != quiz.CardNew {
			r.Due = dueIn(bc.Card.Due.Sub(now))
		}
		p.Rows = append(p.Rows, r)
	}
	q := c.Request().URI().QueryArgs()
	link := func(n int) string {
		v := url.Values{}
		q.VisitAll(func(k, val []byte) {
			if string(k) != "page" {
				v.Add(string(k), string(val))
			}
		})
		v.Set("page", strconv.Itoa(n))
		return "/cards?" + v.Encode()
	}
	if page > 1 {
		p.PrevURL = link(page - 1)
	}
	if page < p.Pages {
		p.NextURL = link(page + 1)
	}
	p.Back = link(page)
	return s.render(c, fiber.StatusOK, "browser", p)
}

// markBrowsedCards suspends, unsuspends, buries or flags the cards checked
// in the browser.
func (s *Server) markBrowsedCards(c *fiber.Ctx) error {
	var ids []int64
	for _, v := range c.Request().PostArgs().PeekMulti("id") {
		id, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil || id <= 0 {
			return badRequest("%q is not a valid card.", truncate(string(v), 30))
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return badRequest("Check at least one card first.")
	}
	if len(ids) > browserPageSize {
		return badRequest("Mark at most %d cards at a time.", browserPageSize)
	}
	note, err := s.markCards(c, ids)
	if err != nil {
		return err
	}
	s.flash(c, fmt.Sprintf("%s (%s)", note, plural(len(ids), "card")))
	back := c.FormValue("back")
	if !strings.HasPrefix(back, "/cards") {
		back = "/cards"
	}
	return c.Redirect(back, fiber.StatusSeeOther)
}
