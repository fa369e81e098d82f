package web

// This file holds the handlers of the reading pages: home, articles, decks,
// question editing and export downloads.

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"factdeck/quiz"
	"factdeck/quiz/export"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// Field limits: longer values are refused with a 400.
const (
	maxAnswerLen  = 500
	maxPromptLen  = 2000
	maxListItems  = 20
	maxTitleLen   = 300
	recentScores  = 30
	homeScoreRows = 5
)

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
	Articles  []store.ArticleSummary
	Decks     []deckSummary
	Due       int
	New       int
	Scores    []quiz.QuizScore
	Chart     *chart
	Types     []quiz.QuestionType
	CanIngest bool
	Formats   []formatLink
}

func (s *Server) showHome(c *fiber.Ctx) error {
	ctx := c.UserContext()
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	arts, err := s.store.Articles(ctx)
	if err != nil {
		return err
	}
	decks, err := s.deckSummaries(ctx, lid)
	if err != nil {
		return err
	}
	p := homePage{base: base{Title: "Home", Nav: "home", CSRF: csrfToken(c)}, Articles: arts, Decks: decks,
		Types: quiz.QuestionTypes, CanIngest: s.ingest != nil, Formats: exportLinks("")}
	if len(decks) > 0 {
		p.Due, p.New = decks[0].Due, decks[0].New
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
	Conflicts  []conflict
	Added      bool
	Formats    []formatLink
}

// conflict is a fact of this article that other articles state otherwise.
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
	Name, URL string
}

func exportLinks(query string) []formatLink {
	names := []struct{ f, label string }{{"apkg", "Anki (.apkg)"}, {"csv", "CSV"}, {"quizlet", "Quizlet"}, {"gift", "Moodle GIFT"}, {"json", "JSON"}}
	out := make([]formatLink, len(names))
	for i, n := range names {
		out[i] = formatLink{Name: n.label, URL: "/export?format=" + n.f + query}
	}
	return out
}

func (s *Server) showArticle(c *fiber.Ctx) error {
	ctx := c.UserContext()
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	a, err := s.store.Article(ctx, id)
	if err != nil {
		return err
	}
	all, err := s.store.Facts(ctx, 0)
	if err != nil {
		return err
	}
	var facts []quiz.Fact
	for _, f := range all {
		if f.ArticleID == id {
			facts = append(facts, f)
		}
	}
	qs, err := s.store.Questions(ctx, store.QuestionFilter{ArticleID: id})
	if err != nil {
		return err
	}
	conflicts, err := s.conflicts(c, id, facts, all)
	if err != nil {
		return err
	}
	p := articlePage{base: base{Title: a.Title, Nav: "articles", CSRF: csrfToken(c)}, Article: a,
		Paragraphs: highlight(a, facts), Facts: len(facts), Questions: qs, Conflicts: conflicts,
		Added: c.Query("added") != "", Formats: exportLinks("&article=" + strconv.FormatInt(id, 10))}
	return s.render(c, fiber.StatusOK, "article", p)
}

// conflicts pairs this article's facts with facts of other articles that
// answer the same question (the same Key) differently. Answers of different
// kinds ("early 2022" and "Wednesday") are different precision, not a
// contradiction, and are left out.
func (s *Server) conflicts(c *fiber.Ctx, id int64, ours, all []quiz.Fact) ([]conflict, error) {
	byKey := make(map[string][]quiz.Fact)
	for _, f := range all {
		if f.Key != "" && f.ArticleID != id {
			byKey[f.Key] = append(byKey[f.Key], f)
		}
	}
	articles := make(map[int64]quiz.Article)
	var out []conflict
	seenOurs := make(map[string]bool)
	for _, f := range ours {
		mine := quiz.NormalizeAnswer(factAnswer(f))
		if f.Key == "" || mine == "" || seenOurs[f.Key+"\x00"+mine] {
			continue
		}
		seenOurs[f.Key+"\x00"+mine] = true
		cf := conflict{Question: factQuestion(f), Ours: f}
		seen := make(map[string]bool)
		for _, g := range byKey[f.Key] {
			theirs := quiz.NormalizeAnswer(factAnswer(g))
			if theirs == "" || agree(mine, theirs) || seen[theirs] || (f.ObjectKind != "" && g.ObjectKind != "" && f.ObjectKind != g.ObjectKind) {
				continue
			}
			seen[theirs] = true
			a, ok := articles[g.ArticleID]
			if !ok {
				var err error
				a, err = s.store.Article(c.UserContext(), g.ArticleID)
				if err != nil && !isNotFound(err) {
					return nil, err
				}
				articles[g.ArticleID] = a
			}
			cf.Theirs = append(cf.Theirs, otherFact{Fact: g, Article: a})
		}
		if len(cf.Theirs) > 0 {
			out = append(out, cf)
		}
	}
	return out, nil
}

// agree reports whether two normalized answers say the same thing in other
// words: one's words contain the other's ("severe sanctions", "severe new
// sanctions"; "50", "over 50"), or single words share a long stem
// ("spokesman", "spokesperson").
func agree(a, b string) bool {
	if a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if subset(wa, wb) || subset(wb, wa) {
		return true
	}
	if len(wa) == 1 && len(wb) == 1 {
		ra, rb := []rune(a), []rune(b)
		n := 0
		for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
			n++
		}
		return n >= 6
	}
	return false
}

func subset(small, big []string) bool {
	have := make(map[string]bool, len(big))
	for _, w := range big {
		have[w] = true
	}
	for _, w := range small {
		if !have[w] {
			return false
		}
	}
	return len(small) > 0
}

// factAnswer is what a fact answers: the subject for "who leads" and "who
// said", otherwise the object.
func factAnswer(f quiz.Fact) string {
	if f.Relation == quiz.RelLeads || f.Relation == quiz.RelSaid || f.Object == "" {
		return f.Subject
	}
	return f.Object
}

// factQuestion names what two conflicting facts disagree about.
func factQuestion(f quiz.Fact) string {
	return strings.TrimSpace(f.Subject + " — " + relationText(f.Relation))
}

func (s *Server) deleteArticle(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	if err := s.store.DeleteArticle(c.UserContext(), id); err != nil {
		return err
	}
	s.forgetQuestion(0)
	return c.Redirect("/", fiber.StatusSeeOther)
}

type decksPage struct {
	base
	Decks []deckSummary
}

func (s *Server) showDecks(c *fiber.Ctx) error {
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	decks, err := s.deckSummaries(c.UserContext(), lid)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "decks", decksPage{base: base{Title: "Decks", Nav: "decks", CSRF: csrfToken(c)}, Decks: decks})
}

type deckPage struct {
	base
	Deck      deckSummary
	Questions []quiz.Question
	Formats   []formatLink
	Types     []quiz.QuestionType
}

func (s *Server) showDeck(c *fiber.Ctx) error {
	d, err := parseDeck(c.Params("deck"))
	if err != nil {
		return err
	}
	lid, err := s.learnerID(c)
	if err != nil {
		return err
	}
	st, err := s.study(c.UserContext(), lid, d)
	if err != nil {
		return err
	}
	_, qs, err := s.deckQuestions(c.UserContext(), d)
	if err != nil {
		return err
	}
	q := ""
	if d.ArticleID != 0 {
		q = "&article=" + d.Key
	}
	return s.render(c, fiber.StatusOK, "deck", deckPage{base: base{Title: st.Deck.Name, Nav: "decks", CSRF: csrfToken(c)},
		Deck: st.Deck, Questions: qs, Formats: exportLinks(q), Types: quiz.QuestionTypes})
}

type editPage struct {
	base
	Question quiz.Question
	Article  quiz.Article
	Accepted string
	Options  string
	Error    string
}

func (s *Server) showEditQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	q, err := s.store.Question(c.UserContext(), id)
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
	return s.render(c, status, "edit", editPage{base: base{Title: "Edit question", Nav: "articles", CSRF: csrfToken(c)},
		Question: q, Article: a, Accepted: strings.Join(q.Accepted, "\n"), Options: strings.Join(q.Options, "\n"), Error: msg})
}

// lines splits a textarea into trimmed non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// applyEdit checks an edit of q and applies it, reporting whether it changes
// anything; the error explains what to fix.
func applyEdit(q quiz.Question, prompt, answer string, accepted, options []string) (quiz.Question, bool, error) {
	edited, err := checkEdit(q, prompt, answer, accepted, options)
	if err != nil {
		return q, false, err
	}
	changed := edited.Prompt != q.Prompt || edited.Answer != q.Answer || edited.Cloze != q.Cloze ||
		!slices.Equal(edited.Options, q.Options) ||
		!slices.Equal(edited.Accepted, dedupe(append([]string{q.Answer}, q.Accepted...)))
	return edited, changed, nil
}

func checkEdit(q quiz.Question, prompt, answer string, accepted, options []string) (quiz.Question, error) {
	prompt, answer = strings.TrimSpace(prompt), strings.TrimSpace(answer)
	switch {
	case prompt == "":
		return q, fmt.Errorf("the question text is required: %w", quiz.ErrInvalid)
	case answer == "":
		return q, fmt.Errorf("the answer is required: %w", quiz.ErrInvalid)
	case len(prompt) > maxPromptLen:
		return q, fmt.Errorf("the question text is longer than %d characters: %w", maxPromptLen, quiz.ErrInvalid)
	case len(answer) > maxAnswerLen:
		return q, fmt.Errorf("the answer is longer than %d characters: %w", maxAnswerLen, quiz.ErrInvalid)
	case len(accepted) > maxListItems || len(options) > maxListItems:
		return q, fmt.Errorf("at most %d accepted answers and options: %w", maxListItems, quiz.ErrInvalid)
	}
	for _, v := range append(append([]string(nil), accepted...), options...) {
		if len(v) > maxAnswerLen {
			return q, fmt.Errorf("an accepted answer or option is longer than %d characters: %w", maxAnswerLen, quiz.ErrInvalid)
		}
	}
	switch q.Type {
	case quiz.MultipleChoice:
		if len(options) < 2 {
			return q, fmt.Errorf("a multiple choice question needs at least two options: %w", quiz.ErrInvalid)
		}
		found := false
		for _, o := range options {
			if quiz.NormalizeAnswer(o) == quiz.NormalizeAnswer(answer) {
				found = true
			}
		}
		if !found {
			return q, fmt.Errorf("the answer must be one of the options: %w", quiz.ErrInvalid)
		}
	case quiz.TrueFalse:
		switch strings.ToLower(answer) {
		case "true":
			answer = "True"
		case "false":
			answer = "False"
		default:
			return q, fmt.Errorf("the answer to a true or false question is True or False: %w", quiz.ErrInvalid)
		}
		options = []string{"True", "False"}
	default:
		options = nil
	}
	if q.Type == quiz.Cloze && q.Cloze != "" && answer != q.Answer {
		q.Cloze = strings.Replace(q.Cloze, "{{c1::"+q.Answer+"}}", "{{c1::"+answer+"}}", 1)
	}
	q.Prompt, q.Answer, q.Options = prompt, answer, options
	q.Accepted = dedupe(append([]string{answer}, accepted...))
	return q, nil
}

func dedupe(vs []string) []string {
	seen := make(map[string]bool, len(vs))
	var out []string
	for _, v := range vs {
		k := quiz.NormalizeAnswer(v)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}

func (s *Server) updateQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	q, err := s.store.Question(c.UserContext(), id)
	if err != nil {
		return err
	}
	edited, changed, err := applyEdit(q, c.FormValue("prompt"), c.FormValue("answer"), lines(c.FormValue("accepted")), lines(c.FormValue("options")))
	if err != nil {
		form := q
		form.Prompt, form.Answer = c.FormValue("prompt"), c.FormValue("answer")
		form.Accepted, form.Options = lines(c.FormValue("accepted")), lines(c.FormValue("options"))
		return s.renderEdit(c, fiber.StatusBadRequest, form, capitalize(strings.TrimSuffix(err.Error(), ": "+quiz.ErrInvalid.Error()))+".")
	}
	if changed {
		if _, err := s.store.UpdateQuestion(c.UserContext(), edited); err != nil {
			return err
		}
		s.forgetQuestion(id)
	}
	return c.Redirect(fmt.Sprintf("/articles/%d#q%d", q.ArticleID, q.ID), fiber.StatusSeeOther)
}

func (s *Server) deleteQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	q, err := s.store.Question(c.UserContext(), id)
	if err != nil {
		return err
	}
	if err := s.store.DeleteQuestion(c.UserContext(), id); err != nil {
		return err
	}
	s.forgetQuestion(id)
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
		return badRequest("Unknown export format %q: use apkg, csv, quizlet, gift or json.", truncate(c.Query("format"), 40))
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
		return fmt.Errorf("export: the deck has no questions: %w", quiz.ErrEmpty)
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
