package clean

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Nav: true, atom.Header: false, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Iframe: true, atom.Figure: true, atom.Figcaption: true, atom.Select: true,
	atom.Object: true, atom.Canvas: true, atom.Head: true,
}

// block elements end a paragraph.
var block = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Section: true, atom.Article: true, atom.Tr: true, atom.Td: true, atom.Pre: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Dd: true, atom.Dt: true, atom.Hr: true,
	atom.Header: true, atom.Main: true,
}

// linkShare is the share of a block's letters inside links above which
// the block is navigation (related stories, tag lists, "Read more" lines)
// rather than article text.
const linkShare = 0.5

// fromHTML returns the page's text, one block element a line, and its title
// (the first <h1>, else <title> without a " | Site" suffix). Blocks that are
// mostly link text are dropped.
func fromHTML(src string) (text, title string) {
	z := html.NewTokenizer(strings.NewReader(src))
	var b, cur strings.Builder
	var h1, pageTitle strings.Builder
	skip, inLink := 0, 0
	letters, linked := 0, 0
	inH1, inTitle, h1Done := false, false, false
	flush := func() {
		if letters > 0 && float64(linked) <= linkShare*float64(letters) {
			b.WriteString(cur.String())
		}
		b.WriteByte('\n')
		cur.Reset()
		letters, linked = 0, 0
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			t := normalizeSpace(h1.String())
			if t == "" {
				t = siteless(normalizeSpace(pageTitle.String()))
			}
			return b.String(), t
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
			}
			if skipped[a] && tt == html.StartTagToken && a != atom.Head {
				skip++
			}
			if a == atom.H1 && !h1Done {
				inH1 = true
			}
			if a == atom.A && tt == html.StartTagToken {
				inLink++
			}
			if block[a] {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = false
			}
			if skipped[a] && a != atom.Head && skip > 0 {
				skip--
			}
			if a == atom.H1 && inH1 {
				inH1, h1Done = false, true
			}
			if a == atom.A && inLink > 0 {
				inLink--
			}
			if block[a] {
				flush()
			}
		case html.TextToken:
			t := string(z.Text())
			if inTitle {
				pageTitle.WriteString(t)
				continue
			}
			if skip > 0 {
				continue
			}
			if inH1 {
				h1.WriteString(t)
			}
			n := countLetters(t)
			letters += n
			if inLink > 0 {
				linked += n
			}
			cur.WriteString(strings.ReplaceAll(t, "\n", " "))
		}
	}
}

// siteless drops a trailing " | Site name" or " - Site name" from a page
// title.
func siteless(t string) string {
	for _, sep := range []string{" | ", " — ", " – ", " - "} {
		if i := strings.LastIndex(t, sep); i > 0 && len(t)-i < 40 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
