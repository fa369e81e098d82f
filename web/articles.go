package web

// This file holds a teacher's tools on an article: its title and source
// label, questions written by hand, and bulk delete, promote and export of
// its questions.

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/export"
	"factdeck/store"

	"github.com/gofiber/fiber/v2"
)

// formatNames lists the export formats for a message: "apkg, anki, csv,
// quizlet, gift or json".
func formatNames() string {
	names := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		names[i] = string(f)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// sourceName is how an article's source is shown: the label a person gave,
// else the URL, else the file's name without its directories (a server's
// paths are nobody's business), "pasted text" for a paste.
func sourceName(a quiz.Article) string {
	if a.Label != "" {
		return a.Label
	}
	src := strings.TrimSpace(a.Source)
	switch {
	case src == "":
		return "unknown source"
	case src == "pasted":
		return "pasted text"
	case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
		if u, err := url.Parse(src); err == nil && u.Host != "" {
			u.User = nil
			return u.String()
		}
		return src
	}
	return path.Base(strings.ReplaceAll(src, `\`, "/"))
}

type articleEditPage struct {
	base
	Article quiz.Article
	Source  string
	Label   string
	Error   string
}

// summaryParam reads the summary of the article the route's :id names.
func (s *Server) summaryParam(c *fiber.Ctx) (store.ArticleSummary, error) {
	id, err := paramID(c, "id")
	if err != nil {
		return store.ArticleSummary{}, err
	}
	return s.store.ArticleSummary(c.UserContext(), id)
}

func (s *Server) showEditArticle(c *fiber.Ctx) error {
	a, err := s.summaryParam(c)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "articleedit", articleEditPage{base: s.base(c, "Edit article", "articles"),
		Article: a.Article, Source: sourceName(quiz.Article{Source: a.Source}), Label: a.Label})
}

func (s *Server) updateArticle(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	title, label := c.FormValue("title"), c.FormValue("label")
	a, err := s.store.RenameArticle(c.UserContext(), id, title, label)
	if msg, ok := quiz.Message(err); ok && errors.Is(err, quiz.ErrInvalid) {
		old, ferr := s.store.ArticleSummary(c.UserContext(), id)
		if ferr != nil {
			return ferr
		}
		form := old.Article
		form.Title = title
		return s.render(c, fiber.StatusBadRequest, "articleedit", articleEditPage{base: s.base(c, "Edit article", "articles"),
			Article: form, Source: sourceName(quiz.Article{Source: old.Source}), Label: label, Error: msg})
	}
	if err != nil {
		return err
	}
	s.flash(c, "Article saved.")
	return c.Redirect(fmt.Sprintf("/articles/%d", a.ID), fiber.StatusSeeOther)
}

type newQuestionPage struct {
	base
	Article  quiz.Article
	Types    []quiz.QuestionType
	Type     quiz.QuestionType
	Prompt   string
	Answer   string
	Options  string
	Accepted string
	Error    string
}

func (s *Server) showNewQuestion(c *fiber.Ctx) error {
	a, err := s.summaryParam(c)
	if err != nil {
		return err
	}
	t := quiz.QuestionType(c.Query("type", string(quiz.ShortAnswer)))
	if !t.Valid() {
		t = quiz.ShortAnswer
	}
	return s.render(c, fiber.StatusOK, "newquestion", newQuestionPage{base: s.base(c, "Write a question", "articles"),
		Article: a.Article, Types: quiz.QuestionTypes, Type: t})
}

func (s *Server) createQuestion(c *fiber.Ctx) error {
	id, err := paramID(c, "id")
	if err != nil {
		return err
	}
	p := newQuestionPage{Types: quiz.QuestionTypes, Type: quiz.QuestionType(c.FormValue("type")),
		Prompt: c.FormValue("prompt"), Answer: c.FormValue("answer"), Options: c.FormValue("options"), Accepted: c.FormValue("accepted")}
	q, err := quiz.Handwritten(p.Type, p.Prompt, p.Answer, lines(p.Accepted), lines(p.Options))
	if err == nil {
		q, err = s.store.AddQuestion(c.UserContext(), id, q)
	}
	if msg, ok := quiz.Message(err); ok && errors.Is(err, quiz.ErrInvalid) {
		a, aerr := s.store.ArticleSummary(c.UserContext(), id)
		if aerr != nil {
			return aerr
		}
		p.base, p.Article, p.Error = s.base(c, "Write a question", "articles"), a.Article, msg
		return s.render(c, fiber.StatusBadRequest, "newquestion", p)
	}
	if err != nil {
		return err
	}
	s.flash(c, "Question added to the article's deck.")
	return c.Redirect(fmt.Sprintf("/articles/%d#q%d", id, q.ID), fiber.StatusSeeOther)
}

// maxBulk is the most questions one bulk action takes.
const maxBulk = 500

// bulkQuestions deletes, promotes or exports the questions checked on an
// article's page.
func (s *Server) bulkQuestions(c *fiber.Ctx) error {
	ctx := c.UserContext()
	aid, err := paramID(c, "id")
	if err != nil {
		return err
	}
	var ids []int64
	for _, v := range c.Request().PostArgs().PeekMulti("id") {
		id, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil || id <= 0 {
			return badRequest("%q is not a valid question.", truncate(string(v), 30))
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return badRequest("Check at least one question first.")
	}
	if len(ids) > maxBulk {
		return badRequest("At most %d questions at a time.", maxBulk)
	}
	// Only this article's questions: an ID of another article is refused.
	qs, err := s.store.Questions(ctx, store.QuestionFilter{ArticleID: aid, IDs: ids})
	if err != nil {
		return err
	}
	if len(qs) != len(uniqIDs(ids)) {
		return quiz.Errorf(quiz.ErrNotFound, "Some of the checked questions are not in this article (deleted meanwhile?).")
	}
	back := fmt.Sprintf("/articles/%d#questions", aid)
	switch action := c.FormValue("action"); action {
	case "delete":
		for _, q := range qs {
			if err := s.store.DeleteQuestion(ctx, q.ID); err != nil {
				return err
			}
		}
		s.flash(c, fmt.Sprintf("Deleted %s.", plural(len(qs), "question")))
	case "promote":
		n := 0
		for _, q := range qs {
			if !q.Reserve {
				continue
			}
			if _, _, err := s.store.EditQuestion(ctx, q.ID, quiz.Edit{Promote: true}); err != nil {
				return err
			}
			n++
		}
		s.flash(c, fmt.Sprintf("Promoted %s to the deck.", plural(n, "reserve question")))
		back = fmt.Sprintf("/articles/%d?reserve=1#questions", aid)
	case "export":
		f, err := export.ParseFormat(c.FormValue("format"))
		if err != nil {
			return badRequest("Unknown export format %q: use %s.", truncate(c.FormValue("format"), 40), formatNames())
		}
		d, err := s.store.Deck(ctx, store.Selection{ArticleID: aid, IDs: ids})
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := export.Write(&buf, f, d); err != nil {
			return fmt.Errorf("export %s: %w", f, err)
		}
		c.Set(fiber.HeaderContentType, f.ContentType())
		c.Set(fiber.HeaderContentDisposition, attachment(export.FileName(d.Name, f)))
		return c.Send(buf.Bytes())
	default:
		return badRequest("Unknown action %q: use delete, promote or export.", truncate(action, 20))
	}
	return c.Redirect(back, fiber.StatusSeeOther)
}

func uniqIDs(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// readerPart is the most text one part of a long article shows: marks
// and their notes make a page several times its text, and an article of a
// hundred pages is read in parts so that no page is too heavy for a phone.
const readerPart = 14 << 10

// textRange is one part of an article's paragraphs: its number (1-based)
// and its paragraphs First to End (exclusive).
type textRange struct {
	N, First, End int
}

// textPart returns part n of paragraphs cut into parts of at most
// readerPart of text (a longer paragraph is a part of its own), the number
// of parts, and the part's byte range in the article's Body.
func textPart(paras []string, n int) (textRange, int, int, int) {
	type part struct{ first, end, from, to int }
	var parts []part
	off, size := 0, 0
	for i, p := range paras {
		if i == 0 || size+len(p) > readerPart {
			if len(parts) > 0 {
				parts[len(parts)-1].end, parts[len(parts)-1].to = i, off
			}
			parts = append(parts, part{first: i, from: off})
			size = 0
		}
		size += len(p) + 2
		off += len(p) + 2 // "\n\n" between paragraphs
	}
	if len(parts) == 0 {
		return textRange{N: 1}, 1, 0, 0
	}
	parts[len(parts)-1].end, parts[len(parts)-1].to = len(paras), off
	n = min(max(n, 1), len(parts))
	pt := parts[n-1]
	return textRange{N: n, First: pt.first, End: pt.end}, len(parts), pt.from, pt.to
}
