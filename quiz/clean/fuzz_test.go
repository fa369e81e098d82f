package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFromHTML checks the HTML reader alone: no panic, valid UTF-8 out of
// valid UTF-8 in, and no markup left in the text.
func FuzzFromHTML(f *testing.F) {
	f.Add(`<html><head><title>Storm | Site</title></head><body><h1>Storm</h1><p>Rain &amp; wind.</p><script>x()</script></body></html>`)
	f.Add(`<p>a<a href="/x">link text only</a></p><ul><li><a>b</a></li></ul>`)
	f.Add(`<h1><h1><p>` + strings.Repeat("<div>", 50))
	f.Add("<p>caf\u00e9 \xff</p>")
	f.Fuzz(func(t *testing.T, src string) {
		text, title := fromHTML(src)
		if utf8.ValidString(src) && (!utf8.ValidString(text) || !utf8.ValidString(title)) {
			t.Errorf("fromHTML(%q) = %q, %q: invalid UTF-8", src, text, title)
		}
		if strings.Contains(title, "\n") {
			t.Errorf("fromHTML(%q) title %q holds a line break", src, title)
		}
	})
}

// FuzzStripMarkdown checks the Markdown stripper: no panic, and it never
// adds text.
func FuzzStripMarkdown(f *testing.F) {
	f.Add("# Title\n\n**Bold** and _it_ and [link](http://x) ![img](y)\n\n> quote\n\n---")
	f.Add("***_**__")
	f.Add("[a](b)[c](d)")
	f.Fuzz(func(t *testing.T, s string) {
		out := stripMarkdown(s)
		if len(out) > len(s) {
			t.Errorf("stripMarkdown(%q) = %q, longer than its input", s, out)
		}
	})
}

// FuzzTitled checks the article builder with a person's title: a title
// given is the title, and every paragraph is one non-empty line.
func FuzzTitled(f *testing.F) {
	f.Add("Harbour Notes", []byte("The ferry left at noon. Crews cheered on the quay.\n\nA second paragraph follows here."), true)
	f.Add("", []byte("<h1>Head</h1><p>Body text that reads like prose, with words.</p>"), false)
	f.Add("  ", []byte("x"), true)
	f.Fuzz(func(t *testing.T, title string, raw []byte, html bool) {
		source := "f.txt"
		if html {
			source = "f.html"
		}
		a, err := Titled(title, raw, source)
		if err != nil {
			return
		}
		if want := normalizeSpace(title); want != "" && a.Title != want {
			t.Errorf("Titled(%q) title = %q, want %q", title, a.Title, want)
		}
		if a.Title == "" || len(a.Paragraphs) == 0 || a.Hash == "" {
			t.Errorf("Titled(%q) = title %q, %d paragraphs, hash %q", title, a.Title, len(a.Paragraphs), a.Hash)
		}
		for _, p := range a.Paragraphs {
			if p == "" || strings.Contains(p, "\n") {
				t.Errorf("paragraph %q is empty or holds a line break", p)
			}
		}
	})
}
