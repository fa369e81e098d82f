package web

// This file renders the hottest page, an unanswered quiz question, without
// running the page template on every request. The page is three kinds of
// parts:
//
//   - the layout around the content (head, asset URLs, navigation, footer),
//     rendered from layout.html once at start-up (see newFrame);
//   - the question card (type, prompt, options or answer field), the same
//     for every learner, rendered from card.html once per version of the
//     question and cached with it (see cache.go);
//   - the learner's own parts (quiz title, progress, form action, CSRF token,
//     hint), written here with the same escaping html/template uses.
//
// question.html renders the same bytes and stays the reference: the answered
// state and notices go through it, and TestFastQuestionPage checks that both
// paths agree byte for byte.

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"factdeck/quiz"
)

// Markers stand for the title and content when the layout is rendered once;
// neither contains a character html/template escapes.
const (
	titleMarker   = "@@factdeck-title@@"
	contentMarker = "@@factdeck-content@@"
)

// frame is the layout of one navigation entry, split around the title and
// the content.
type frame struct {
	head, mid, foot []byte
}

// newFrame renders layout (the layout template's source) for the navigation
// entry nav with markers for the title and the content, and splits it there.
func newFrame(funcs template.FuncMap, layout, nav string) (frame, error) {
	t, err := template.New("frame").Funcs(funcs).Parse(layout)
	if err == nil {
		_, err = t.Parse(`{{define "content"}}` + contentMarker + `{{end}}`)
	}
	if err != nil {
		return frame{}, fmt.Errorf("web: parse layout frame: %w", err)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", base{Title: titleMarker, Nav: nav}); err != nil {
		return frame{}, fmt.Errorf("web: render layout frame: %w", err)
	}
	page := b.String()
	head, rest, ok1 := strings.Cut(page, titleMarker)
	mid, foot, ok2 := strings.Cut(rest, contentMarker)
	if !ok1 || !ok2 || strings.Contains(head+mid+foot, titleMarker) || strings.Contains(foot, contentMarker) {
		return frame{}, fmt.Errorf("web: layout must show the title and the content once each")
	}
	return frame{head: []byte(head), mid: []byte(mid), foot: []byte(foot)}, nil
}

// questionCard is the part of a question page that is the same for every
// learner, rendered once per version of the question.
type questionCard struct {
	// Top is the question's type and prompt.
	Top template.HTML
	// Input is the answer control: the option buttons or the text field.
	Input template.HTML
}

// renderCard renders q's card from card.html.
func (s *Server) renderCard(q quiz.Question) (questionCard, error) {
	var top, input strings.Builder
	if err := s.cardTmpl.ExecuteTemplate(&top, "card-top", q); err != nil {
		return questionCard{}, fmt.Errorf("render card of question %d: %w", q.ID, err)
	}
	if err := s.cardTmpl.ExecuteTemplate(&input, "card-input", q); err != nil {
		return questionCard{}, fmt.Errorf("render card of question %d: %w", q.ID, err)
	}
	// html/template output: already escaped.
	return questionCard{Top: template.HTML(top.String()), Input: template.HTML(input.String())}, nil
}

// fastQuestion reports whether p can be written by writeQuestion: a question
// waiting for its answer, with nothing to explain.
func fastQuestion(p *questionPage) bool {
	return p.Attempt == nil && p.Notice == "" && p.Nav == "quiz"
}

// writeQuestion appends the question page p (see fastQuestion) to b, the same
// bytes as the question template.
func (s *Server) writeQuestion(b []byte, p *questionPage) []byte {
	b = append(b, s.quizFrame.head...)
	b = appendEscaped(b, p.Title)
	b = append(b, s.quizFrame.mid...)
	b = append(b, "\n<section class=\"quiz\" data-quiz=\""...)
	b = strconv.AppendInt(b, p.Session.ID, 10)
	b = append(b, "\">\n  <div class=\"quiz-head\">\n    <p class=\"muted quiz-title\">"...)
	b = appendEscaped(b, p.Session.Title)
	b = append(b, "</p>\n    <p class=\"quiz-count\" aria-live=\"polite\">Question <strong>"...)
	b = strconv.AppendInt(b, int64(p.Number), 10)
	b = append(b, "</strong> of "...)
	b = strconv.AppendInt(b, int64(p.Total), 10)
	b = append(b, " · "...)
	b = strconv.AppendInt(b, int64(p.Correct), 10)
	b = append(b, " right so far</p>\n    <progress max=\"100\" value=\""...)
	b = strconv.AppendInt(b, int64(p.Progress), 10)
	b = append(b, "\" aria-label=\"Quiz progress\">"...)
	b = strconv.AppendInt(b, int64(p.Progress), 10)
	b = append(b, "%</progress>\n  </div>\n  <div class=\"card question-card\">\n    "...)
	b = append(b, p.Card.Top...)
	b = append(b, "\n    \n    \n      <form method=\"post\" action=\"/quiz/"...)
	b = strconv.AppendInt(b, p.Session.ID, 10)
	b = append(b, "/q/"...)
	b = strconv.AppendInt(b, int64(p.Number), 10)
	b = append(b, "\" id=\"answer-form\" class=\"answer-form\">\n        <input type=\"hidden\" name=\"_csrf\" value=\""...)
	b = appendEscaped(b, p.CSRF) // hex digits only (see validToken)
	b = append(b, "\">\n        "...)
	if p.Hint != "" {
		b = append(b, "<p class=\"hint\" role=\"alert\" id=\"hint\">"...)
		b = appendEscaped(b, p.Hint)
		b = append(b, "</p>\n        "...)
	}
	b = append(b, p.Card.Input...)
	b = append(b, "\n      </form>\n    \n  </div>\n</section>\n"...)
	return append(b, s.quizFrame.foot...)
}

// appendEscaped appends s escaped as html/template escapes text: the same
// characters replaced by the same entities.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, r...)
		last = i + 1
	}
	return append(b, s[last:]...)
}
