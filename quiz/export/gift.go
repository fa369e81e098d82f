package export

// This file writes Moodle GIFT: one question a paragraph, grouped in a
// question bank category per article.
//
// GIFT's control characters ~ = # { } : and the backslash are escaped with
// a backslash, line breaks as \n; a tab, which GIFT cannot escape, becomes a
// space. Question text and choices are in [html]
// format with <, > and & as entities, so that Moodle shows them as text;
// each choice carries its own [html] like the question text, so that a
// choice starting with "%25%" or "[markdown]" is text, not a weight or a
// format;
// short and numerical answers, which Moodle compares with what a student
// types, stay plain.

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"factdeck/quiz"
)

// giftEscaper escapes GIFT's control characters.
var giftEscaper = strings.NewReplacer(
	`\`, `\\`, "~", `\~`, "=", `\=`, "#", `\#`, "{", `\{`, "}", `\}`, ":", `\:`,
	"\r\n", `\n`, "\n", `\n`, "\r", `\n`, "\t", " ",
)

// giftHTMLEscaper makes text safe for an [html] field; quotes need no
// entity outside attributes, and an entity's # would need escaping.
var giftHTMLEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// giftText escapes plain text shown as HTML.
func giftText(s string) string { return giftEscaper.Replace(giftHTMLEscaper.Replace(s)) }

// giftPlain escapes plain text compared as typed.
func giftPlain(s string) string { return giftEscaper.Replace(s) }

// maxGIFTTitle caps a question name, which Moodle shows in lists.
const maxGIFTTitle = 60

// writeGIFT writes d as GIFT. Multiple choice, true/false and short answer
// questions map to their GIFT types; a short answer or cloze whose answer
// is a plain number becomes a numerical question; a cloze becomes a
// missing-word question with the answer box in place of the blank. A
// true/false question answered neither "True" nor "False", or a multiple
// choice question whose answer is not among its options, is an error
// wrapping quiz.ErrInvalid.
func writeGIFT(w io.Writer, d quiz.Deck) error {
	srcs := resolve(d)
	ids := guids(srcs)
	bw := bufio.NewWriter(w)
	category := ""
	for i, s := range srcs {
		if c := giftCategory(s.articleTitle(d)); c != category {
			category = c
			fmt.Fprintf(bw, "$CATEGORY: %s\n\n", c)
		}
		text, err := giftQuestion(s.Q)
		if err != nil {
			return fmt.Errorf("question %d (id %d): %w", i, s.Q.ID, err)
		}
		fmt.Fprintf(bw, "// [id:%s] [tag:factdeck] [tag:%s]\n", ids[i], s.Q.Type)
		fmt.Fprintf(bw, "::%s::%s\n\n", giftPlain(giftTitle(s.Q.Prompt)), text)
	}
	return bw.Flush()
}

// giftCategory is the question bank category of an article: one line, no
// slash (a slash would add a level).
func giftCategory(title string) string {
	title = strings.NewReplacer("/", "-", "\\", "-").Replace(deckTitle(title))
	return deckRoot + "/" + title
}

// giftTitle is a question's name: its prompt's first words.
func giftTitle(prompt string) string {
	words := strings.Fields(prompt)
	title := ""
	for _, w := range words {
		next := strings.TrimSpace(title + " " + w)
		if len([]rune(next)) > maxGIFTTitle {
			if title == "" {
				return string([]rune(next)[:maxGIFTTitle])
			}
			return title + "…"
		}
		title = next
	}
	return title
}

// giftQuestion is a question's text and answer block.
func giftQuestion(q *quiz.Question) (string, error) {
	stem := "[html]" + giftText(q.Prompt)
	feedback := ""
	if q.Sentence != "" && q.Sentence != q.Prompt {
		feedback = " ####[html]" + giftText(q.Sentence)
	}
	switch q.Type {
	case quiz.TrueFalse:
		switch strings.ToLower(strings.TrimSpace(q.Answer)) {
		case "true":
			return stem + " {TRUE" + feedback + "}", nil
		case "false":
			return stem + " {FALSE" + feedback + "}", nil
		}
		return "", fmt.Errorf("true/false question %q answered %q: %w", q.Prompt, q.Answer, quiz.ErrInvalid)
	case quiz.MultipleChoice:
		if len(q.Options) == 0 {
			break
		}
		var b strings.Builder
		found := false
		for _, o := range q.Options {
			mark := "~"
			if o == q.Answer {
				mark, found = "=", true
			}
			b.WriteString("\n\t" + mark + "[html]" + giftText(o))
		}
		if !found {
			return "", fmt.Errorf("multiple choice %q: answer %q not among options %q: %w",
				q.Prompt, q.Answer, q.Options, quiz.ErrInvalid)
		}
		return stem + " {" + b.String() + feedback + "\n}", nil
	case quiz.Cloze:
		answers := giftAnswers(q)
		if before, after, ok := strings.Cut(q.Prompt, blank); ok {
			return "[html]" + giftText(before) + "{" + answers + feedback + "}" + giftText(after), nil
		}
		return stem + " {" + answers + feedback + "}", nil
	}
	return stem + " {" + giftAnswers(q) + feedback + "}", nil
}

// giftAnswers is the inside of a short answer or numerical block: "#71",
// or "=answer =alternative".
func giftAnswers(q *quiz.Question) string {
	if n, ok := plainNumber(q.Answer); ok {
		return "#" + n
	}
	answers := []string{"=" + giftPlain(q.Answer)}
	for _, a := range q.Accepted {
		if a != q.Answer && strings.TrimSpace(a) != "" {
			answers = append(answers, "="+giftPlain(a))
		}
	}
	return strings.Join(answers, " ")
}

// numberPattern matches a plain decimal number, with optional thousands
// separators: "71", "1,200", "-3.5".
var numberPattern = regexp.MustCompile(`^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$`)

// plainNumber reports whether s is a plain decimal number and returns it
// without thousands separators.
func plainNumber(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !numberPattern.MatchString(s) {
		return "", false
	}
	return strings.ReplaceAll(s, ",", ""), true
}
