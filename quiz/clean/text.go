package clean

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`\*\*|__|(^|\s)\*([^*\s])|([^*\s])\*(\s|$|[.,;:!?])`)
	mdHeading  = regexp.MustCompile(`(?m)^\s{0,3}#{1,6}\s+`)
	mdQuote    = regexp.MustCompile(`(?m)^\s{0,3}>\s?`)
	mdRule     = regexp.MustCompile(`(?m)^\s{0,3}([-*_]\s*){3,}$`)
)

// stripMarkdown removes Markdown markup, keeping the words.
func stripMarkdown(s string) string {
	if !strings.ContainsAny(s, "*_#[>") {
		return s
	}
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRule.ReplaceAllString(s, "")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdEmphasis.ReplaceAllString(s, "$1$2$3$4")
	return s
}

// normalizeSpace folds runs of white space (including no-break and
// zero-width spaces) to one space and trims the ends.
func normalizeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00a0' {
			space = true
			continue
		}
		if unicode.IsControl(r) {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// paragraphs splits text into paragraphs: one per line, except that a line
// that stops mid-sentence is joined with a following line that continues in
// lower case (hard-wrapped text).
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var out []string
	var cur strings.Builder
	flush := func() {
		if p := separatorEllipsis.ReplaceAllString(normalizeSpace(cur.String()), "$1 $2"); p != "" {
			out = append(out, p)
		}
		cur.Reset()
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if cur.Len() > 0 {
			prev := strings.TrimSpace(cur.String())
			if endsSentence(prev) || !startsLower(line) {
				flush()
			}
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(line)
	}
	flush()
	return out
}

// separatorEllipsis matches an ellipsis standing between two sentences,
// as notes columns separate their items ("... in the second quarter. ...
// G Ben Ruiz returned"): it is no part of either sentence.
var separatorEllipsis = regexp.MustCompile(`([.!?]["”’]?) (?:\.\.\.|…) (["“]?\p{Lu})`)

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// endsSentence reports whether s ends like a sentence: a full stop,
// question or exclamation mark, possibly inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»' || unicode.IsSpace(r)
	})
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?':
		return true
	}
	return strings.HasSuffix(s, "…")
}

// words splits s into its words (letters, digits, inner apostrophes and
// hyphens).
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-')
	})
}

// key is the form under which two paragraphs count as the same: letters and
// digits only, lower case.
func key(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
