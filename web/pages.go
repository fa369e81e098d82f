package web

// This file holds the handlers of the reading pages: home, articles, decks,
// question editing and export downloads.

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"factdeck/quiz"
	"factdeck/quiz/export"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// Limits of what pages show and accept.
const (
	maxTitleLen   = 300
	recentScores  = 30
	homeScoreRows = 5
	// pageSize is how many articles a list page shows; longer lists page
	// by keyset ("?before=ID"). A page's cost is its rows (each row is
	// dozens of escaped template fields), so pages are short.
	pageSize = 20
	// shownConflicts is how many conflicts an article page shows; a link
	// leads to the rest.
	shownConflicts = 3
	// deckPageSize is how many questions a deck page lists.
	deckPageSize = 20
)

// base returns the layout's data for a page titled title under the
// navigation entry nav.
func (s *Server) base(c *fiber.Ctx, title, nav string) base {
	return base{Title: title, Nav: nav, CSRF: csrfToken(c), Viewer: viewerOf(c), Flash: s.takeFlash(c)}
}

// before parses the keyset cursor of a list page: the ID the page starts
// below (0: the top).
func before(c *fiber.Ctx) (int64, error) {
	v := c.Query("before")
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("%q is not a valid page.", truncate(v, 20))
	}
	return id, nil
}

func isNotFound(err error) bool { return errors.Is(err, quiz.ErrNotFound) }

// paramID parses the route parameter name as a positive ID.
func paramID(c *fiber.Ctx, name string) (int64, error) {
	v := c.Params(name)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("%q is not a valid %s number.", truncate(v, 40), name)
	}
	return id, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func (s *Server) serveStatic(c *fiber.Ctx) error {
	a, ok := s.static[c.Params("name")]
	if !ok {
		return fiber.NewError(fiber.StatusNotFound, "No such file.")
	}
	c.Set(fiber.HeaderContentType, a.ctype)
	c.Set(fiber.HeaderCacheControl, "public, max-age=86400")
	return c.Send(a.body)
}

func (s *Server) serveFavicon(c *fiber.Ctx) error {
	a := s.static["icon.svg"]
	c.Set(fiber.HeaderContentType, a.ctype)
	c.Set(fiber.HeaderCacheControl, "public, max-age=86400")
	return c.Send(a.body)
}

type homePage struct {
	base
	Articles  []articleItem
	More      int64
	Decks     []deckSummary
	Due       int
	New       int
	Scores    []quiz.QuizScore
	Chart     *chart
	Types     []quiz.QuestionType
	CanIngest bool
	Formats   []formatLink
	// NeedsSetup is true on a server with accounts but none made yet.
	NeedsSetup bool
}

// articleItem is an article of the home page's list with its words
// prepared here: each template function a row called cost a reflected call
// per article, most of the page's time.
type articleItem struct {
	ID                        int64
	Title, Standfirst, Source string
	// ISODate and Date are when it was added, for the machine and in words;
	// Sizes its facts and questions in words.
	ISODate, Date, Sizes string
}

func articleItems(arts []store.ArticleSummary) []articleItem {
	out := make([]articleItem, len(arts))
	for i, a := range arts {
		out[i] = articleItem{ID: a.ID, Title: a.Title, Standfirst: a.Standfirst, Source: sourceName(a.Article),
			ISODate: a.IngestedAt.Format("2006-01-02"), Date: a.IngestedAt.Format(dateLayout),
			Sizes: plural(int(a.Facts), "fact") + " · " + plural(int(a.Questions), "question")}
	}
	return out
}

// more returns the cursor of the page after a full page of articles.
func more(arts []store.ArticleSummary, limit int) int64 {
	if len(arts) < limit || len(arts) == 0 {
		return 0
	}
	return arts[len(arts)-1].ID
}

func (s *Server) showHome(c *fiber.Ctx) error {
	ctx := c.UserContext()
	after, err := before(c)
	if err != nil {
		return err
	}
	arts, err := s.store.Articles(ctx, after, pageSize)
	if err != nil {
		return err
	}
	decks, err := s.deckSummaries(c, arts)
	if err != nil {
		return err
	}
	p := homePage{base: s.base(c, "Home", "home"), Articles: articleItems(arts), More: more(arts, pageSize), Decks: decks,
		Types: quiz.QuestionTypes, CanIngest: s.ingest != nil && can(c, quiz.EditContent), Formats: exportLinks("")}
	if !can(c, quiz.SeeAnswers) {
		p.Formats = nil
		n, err := s.store.CountUsers(ctx)
		if err != nil {
			return err
		}
		p.NeedsSetup = n == 0
	}
	p.Due, p.New = decks[0].Due, decks[0].New
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	if lid != 0 {
		scores, err := s.store.QuizScores(ctx, lid, recentScores)
		if err != nil {
			return err
		}
		p.Chart = scoreChart(scores)
		for i := len(scores) - 1; i >= 0 && len(p.Scores) < homeScoreRows; i-- {
			p.Scores = append(p.Scores, scores[i])
		}
	}
	return s.render(c, fiber.StatusOK, "home", p)
}

type articlePage struct {
	base
	Article    quiz.Article
	Paragraphs []paragraph
	Facts      int
	Questions  []quiz.Question
	// Reserve lists the reserve questions when asked for (?reserve=1);
	// ReserveCount counts them either way.
	Reserve      []quiz.Question
	ShowReserve  bool
	ReserveCount int64
	Conflicts    []conflict
	// MoreConflicts is how many conflicts are not shown; AllConflicts is
	// set on the page that shows them all (?conflicts=all).
	MoreConflicts int64
	AllConflicts  bool
	Added         bool
	// Repeated counts the paragraphs left out at ingest because the page
	// repeated them (shown once, after adding).
	Repeated int
	// Part is the part of a long article's text shown, of Parts.
	Part  textRange
	Parts int
	// MoreReserve is the last reserve question listed when more follow.
	MoreReserve int64
	Formats     []formatLink
}

// conflict is a fact of this article that another article about the same
// story states otherwise.
type conflict struct {
	Question string
	Ours     quiz.Fact
	Theirs   []otherFact
}

// otherFact is another article's version of a fact.
type otherFact struct {
	Fact    quiz.Fact
	Article quiz.Article
}

type formatLink struct {
	Name, URL, Format string
}

func exportLinks(query string) []formatLink {
	names := []struct{ f, label string }{{"apkg", "Anki (.apkg)"}, {"anki", "Anki (text import)"}, {"csv", "CSV"}, {"quizlet", "Quizlet"}, {"gift", "Moodle GIFT"}, {"json", "JSON"}}
	out := make([]formatLink, len(names))
	for i, n := range names {
		out[i] = formatLink{Name: n.label, URL: "/export?format=" + n.f + query, Format: n.f}
	}
	return out
}

// articleContents is an article named by the route's :id with its
// questions (not the reserve), and the counts kept with it.
type articleContents struct {
	Article   quiz.Article
	Questions []quiz.Question
	Counts    store.ArticleSummary
}

func (s *Server) paramArticle(c *fiber.Ctx) (articleContents, error) {
	ctx := c.UserContext()
	id, err := paramID(c, "id")
	if err != nil {
		return articleContents{}, err
	}
	var ac articleContents
	if ac.Counts, err = s.store.ArticleWithCounts(ctx, id); err != nil {
		return ac, err
	}
	ac.Article = ac.Counts.Article
	ac.Questions, err = s.store.Questions(ctx, store.QuestionFilter{ArticleID: id})
	return ac, err
}

// reservePage is how many reserve questions one article page lists.
const reservePage = 20

func (s *Server) showArticle(c *fiber.Ctx) error {
	ctx := c.UserContext()
	ac, err := s.paramArticle(c)
	if err != nil {
		return err
	}
	a, qs, id := ac.Article, ac.Questions, ac.Article.ID
	teacher := can(c, quiz.SeeAnswers)
	if !teacher {
		qs = nil // answers are for teachers; learners meet questions in quizzes
	}
	sum := ac.Counts
	p := articlePage{base: s.base(c, a.Title, "articles"), Article: a,
		Facts: int(sum.Facts), Questions: qs, ShowReserve: c.Query("reserve") != "",
		AllConflicts: c.Query("conflicts") == "all", Added: c.Query("added") != "", Repeated: c.QueryInt("repeated"),
		Formats: exportLinks("&article=" + strconv.FormatInt(id, 10))}
	// A long article is read in parts; only the facts of the part shown
	// are read and marked.
	var from, to int
	p.Part, p.Parts, from, to = textPart(a.Paragraphs, c.QueryInt("part", 1))
	facts, err := s.store.FactsBetween(ctx, id, from, to)
	if err != nil {
		return err
	}
	p.Paragraphs = highlight(a, facts)[p.Part.First:p.Part.End]
	if !teacher {
		p.Formats, p.ShowReserve = nil, false
	} else {
		p.ReserveCount = sum.Reserve // kept with the article
	}
	if p.ShowReserve {
		// The reserve of a long article runs to thousands: a page at a time.
		after := int64(c.QueryInt("after", 0))
		if p.Reserve, err = s.store.Questions(ctx, store.QuestionFilter{ArticleID: id, OnlyReserve: true, Limit: reservePage + 1, After: after}); err != nil {
			return err
		}
		if len(p.Reserve) > reservePage {
			p.Reserve = p.Reserve[:reservePage]
			p.MoreReserve = p.Reserve[reservePage-1].ID
		}
	}
	limit := shownConflicts
	if p.AllConflicts {
		limit = 0
	}
	links, total, err := s.store.Conflicts(ctx, id, limit)
	if err != nil {
		return err
	}
	p.Conflicts = groupConflicts(links)
	p.MoreConflicts = total - int64(len(p.Conflicts))
	return s.render(c, fiber.StatusOK, "article", p)
}

// groupConflicts gathers the stored conflicts by this article's fact.
func groupConflicts(links []store.Conflict) []conflict {
	var out []conflict
	at := map[int64]int{}
	for _, l := range links {
		i, ok := at[l.Ours.ID]
		if !ok {
			i = len(out)
			at[l.Ours.ID] = i
			out = append(out, conflict{Question: factQuestion(l.Ours), Ours: l.Ours})
		}
		out[i].Theirs = append(out[i].Theirs, otherFact{Fact: l.Theirs, Article: l.Article})
	}
	return out
}

// factQuestion names what two conflicting facts disagree about.
func factQuestion(f quiz.Fact) string {
	return strings.TrimSpace(f.Asked() + " — " + relationText(f.Relation))
}

func (s *Server) deleteArticle(c *fiber.Ctx) error {
	a, err := s.summaryParam(c)
	if err != nil {
		return err
	}
	id := a.ID
	if err := s.store.DeleteArticle(c.UserContext(), id); err != nil {
		return err
	}
	s.flash(c, fmt.Sprintf("Deleted the article “%s” with its questions.", truncate(a.Title, 120)))
	return c.Redirect("/", fiber.StatusSeeOther)
}

type decksPage struct {
	base
	Decks []deckSummary
	More  int64
	// The new card limits, and what is left of the daily one.
	PerDeck, PerDay, NewLeft int
}

func (s *Server) showDecks(c *fiber.Ctx) error {
	after, err := before(c)
	if err != nil {
		return err
	}
	arts, err := s.store.Articles(c.UserContext(), after, pageSize)
	if err != nil {
		return err
	}
	decks, err := s.deckSummaries(c, arts)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "decks", decksPage{base: s.base(c, "Decks", "decks"), Decks: decks, More: more(arts, pageSize),
		PerDeck: newPerDeck, PerDay: newPerDay, NewLeft: decks[0].DayLeft})
}

type deckPage struct {
	base
	Deck      deckSummary
	Questions []quiz.Question
	// More is the cursor of the next page of questions (?after=ID).
	More    int64
	Formats []formatLink
	Types   []quiz.QuestionType
}

// paramDeck returns the deck named by the route's :deck with a page of up
// to limit of its questions, after the question ?after=ID; brief questions
// (store.QuestionFilter.Brief) when brief.
func (s *Server) paramDeck(c *fiber.Ctx, limit int, brief bool) (deckRef, deckSummary, []quiz.Question, error) {
	d, err := parseDeck(c.Params("deck"))
	if err != nil {
		return d, deckSummary{}, nil, err
	}
	dk, err := s.deck(c, d)
	if err != nil {
		return d, dk, nil, err
	}
	after, err := strconv.ParseInt(c.Query("after", "0"), 10, 64)
	if err != nil || after < 0 {
		return d, dk, nil, badRequest("after must be a question number, not %q.", truncate(c.Query("after"), 20))
	}
	qs, err := s.store.Questions(c.UserContext(), store.QuestionFilter{ArticleID: d.ArticleID, Limit: limit, After: after, Brief: brief})
	return d, dk, qs, err
}

func (s *Server) showDeck(c *fiber.Ctx) error {
	d, dk, qs, err := s.paramDeck(c, deckPageSize, true)
	if err != nil {
		return err
	}
	if !can(c, quiz.SeeAnswers) {
		qs = nil
	}
	p := deckPage{base: s.base(c, dk.Name, "decks"), Deck: dk, Questions: qs, Types: quiz.QuestionTypes}
	if len(qs) == deckPageSize {
		p.More = qs[len(qs)-1].ID
	}
	q := ""
	if d.ArticleID != 0 {
		q = "&article=" + d.Key
	}
	if p.Viewer.Teacher() {
		p.Formats = exportLinks(q)
	}
	return s.render(c, fiber.StatusOK, "deck", p)
}

type editPage struct {
	base
	Question quiz.Question
	Article  quiz.Article
	Accepted string
	Options  string
	Error    string
	// Back is the card browser or study page the edit came from, where
	// saving returns.
	Back string
}

func (s *Server) showEditQuestion(c *fiber.Ctx) error {
	q, err := s.paramQuestion(c)
	if err != nil {
		return err
	}
	return s.renderEdit(c, fiber.StatusOK, q, "")
}

func (s *Server) renderEdit(c *fiber.Ctx, status int, q quiz.Question, msg string) error {
	a, err := s.store.Article(c.UserContext(), q.ArticleID)
	if err != nil && !isNotFound(err) {
		return err
	}
	return s.render(c, status, "edit", editPage{base: s.base(c, "Edit question", "articles"),
		Question: q, Article: a, Accepted: strings.Join(q.Accepted, "\n"), Options: strings.Join(q.Options, "\n"), Error: msg,
		Back: backTo(c.Query("back", c.FormValue("back")))})
}

// lines splits a textarea into trimmed non-empty lines.
func lines(s string) []string {
	out := []string{}
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (s *Server) updateQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	prompt, answer := c.FormValue("prompt"), c.FormValue("answer")
	e := quiz.Edit{Prompt: &prompt, Answer: &answer, Accepted: lines(c.FormValue("accepted")), Options: lines(c.FormValue("options"))}
	q, _, err := s.store.EditQuestion(c.UserContext(), id, e)
	if msg, ok := quiz.Message(err); ok && errors.Is(err, quiz.ErrInvalid) {
		form, ferr := s.store.Question(c.UserContext(), id)
		if ferr != nil {
			return ferr
		}
		form.Prompt, form.Answer, form.Accepted, form.Options = prompt, answer, e.Accepted, e.Options
		return s.renderEdit(c, fiber.StatusBadRequest, form, msg)
	}
	if err != nil {
		return err
	}
	s.flash(c, "Question saved.")
	if back := backTo(c.FormValue("back")); back != "" {
		return c.Redirect(back, fiber.StatusSeeOther)
	}
	return c.Redirect(fmt.Sprintf("/articles/%d#q%d", q.ArticleID, q.ID), fiber.StatusSeeOther)
}

// paramQuestion returns the question named by the route's :id.
func (s *Server) paramQuestion(c *fiber.Ctx) (quiz.Question, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return quiz.Question{}, err
	}
	return s.store.Question(c.UserContext(), id)
}

// promote takes the reserve question named by the route's :id into its
// article's default deck.
func (s *Server) promote(c *fiber.Ctx) (quiz.Question, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return quiz.Question{}, err
	}
	q, _, err := s.store.EditQuestion(c.UserContext(), id, quiz.Edit{Promote: true})
	return q, err
}

// promoteQuestion takes a reserve question into the article's default deck.
func (s *Server) promoteQuestion(c *fiber.Ctx) error {
	q, err := s.promote(c)
	if err != nil {
		return err
	}
	s.flash(c, "Question promoted to the article's deck.")
	return c.Redirect(fmt.Sprintf("/articles/%d?reserve=1#q%d", q.ArticleID, q.ID), fiber.StatusSeeOther)
}

func (s *Server) deleteQuestion(c *fiber.Ctx) error {
	q, err := s.paramQuestion(c)
	if err != nil {
		return err
	}
	if err := s.store.DeleteQuestion(c.UserContext(), q.ID); err != nil {
		return err
	}
	s.flash(c, "Question deleted.")
	return c.Redirect(fmt.Sprintf("/articles/%d#questions", q.ArticleID), fiber.StatusSeeOther)
}

// parseTypes reads question types from repeated values, refusing unknown
// ones.
func parseTypes(vs []string) ([]quiz.QuestionType, error) {
	var out []quiz.QuestionType
	for _, v := range vs {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			t := quiz.QuestionType(part)
			if !t.Valid() {
				return nil, badRequest("Unknown question type %q: use multiple_choice, cloze, short_answer or true_false.", truncate(part, 40))
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// export streams a deck as a file in the asked format.
func (s *Server) export(c *fiber.Ctx) error {
	f, err := export.ParseFormat(c.Query("format", "apkg"))
	if err != nil {
		return badRequest("Unknown export format %q: use %s.", truncate(c.Query("format"), 40), formatNames())
	}
	var sel store.Selection
	if a := c.Query("article"); a != "" && a != deckAll {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return badRequest("%q is not a valid article number.", truncate(a, 40))
		}
		sel.ArticleID = id
	}
	if sel.Types, err = parseTypes(strs(c.Context().QueryArgs().PeekMulti("type"))); err != nil {
		return err
	}
	d, err := s.store.Deck(c.UserContext(), sel)
	if err != nil {
		return err
	}
	if len(d.Questions) == 0 {
		return quiz.Errorf(quiz.ErrEmpty, "This deck has no questions to export.")
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, f, d); err != nil {
		return fmt.Errorf("export %s: %w", f, err)
	}
	c.Set(fiber.HeaderContentType, f.ContentType())
	c.Set(fiber.HeaderContentDisposition, attachment(export.FileName(d.Name, f)))
	return c.Send(buf.Bytes())
}

// attachment is a Content-Disposition header for a download named name, as
// RFC 6266 asks: an ASCII filename for old clients and filename* with the
// name in UTF-8, percent-encoded (RFC 8187).
func attachment(name string) string {
	var ascii, enc strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r >= 0x7f || r == '"' || r == '\\' || r == '%':
			ascii.WriteByte('_')
		default:
			ascii.WriteRune(r)
		}
	}
	for _, b := range []byte(name) {
		if attrChar(b) {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + enc.String()
}

// attrChar reports whether b may stand unencoded in an RFC 8187 value.
func attrChar(b byte) bool {
	switch {
	case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}

func strs(bs [][]byte) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = string(b)
	}
	return out
}
