// Package clean turns a raw page (plain text, Markdown or HTML) into a
// quiz.Article: a title, an optional standfirst and the body paragraphs, each
// once, with page furniture dropped: section labels, navigation headlines,
// repeated headlines and paragraphs, photo captions, bylines and
// newsletter or social-media footers.
//
// The rules are general, written for pages from any site: a headline is a
// short line without a sentence end that shares words with the body; a
// paragraph is prose when it reads like sentences.
package clean

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"factdeck/quiz"
)

// MaxBytes is the largest page Article accepts. News articles are a few
// tens of kilobytes; anything this large is not one.
const MaxBytes = 5 << 20

// Article cleans raw, read from source (a file name or URL whose extension
// tells HTML or Markdown from text; the content is sniffed too). It fails
// with an error wrapping quiz.ErrInvalid for input that is not text (binary,
// invalid UTF-8, too large) and quiz.ErrEmpty when no article text remains.
func Article(raw []byte, source string) (quiz.Article, error) {
	return Titled("", raw, source)
}

// Titled is Article with a title given by a person: it is used as is, and a
// copy of it at the top of the text is dropped.
func Titled(title string, raw []byte, source string) (quiz.Article, error) {
	text, isHTML, err := decode(raw)
	if err != nil {
		return quiz.Article{}, err
	}
	var htmlTitle string
	if isHTML || isHTMLName(source) {
		text, htmlTitle = fromHTML(text)
	} else {
		text = stripMarkdown(text)
	}
	paras := paragraphs(text)
	a := build(paras, normalizeSpace(title), htmlTitle)
	if len(a.Paragraphs) == 0 {
		return quiz.Article{}, &quiz.Error{Kind: quiz.ErrEmpty, Err: errors.New("no article text found"),
			Msg: "No article text was found: factdeck looks for paragraphs of sentences, and this page has none (it may hold only a menu, links or captions)."}
	}
	if n := len(a.Body()); n > quiz.MaxText {
		return quiz.Article{}, &quiz.Error{Kind: quiz.ErrTooLarge, Err: fmt.Errorf("article text of %d bytes", n),
			Msg: fmt.Sprintf("The article's text is %d KB; the most accepted is %d KB (about a hundred pages). Split it into several articles.", (n+1023)>>10, quiz.MaxText>>10)}
	}
	a.Source = source
	a.Hash = Hash(a)
	return a, nil
}

// Hash returns the hex SHA-256 of the article's normalized body: letters and
// digits lower-cased, everything else folded to single spaces. The same
// article from another file, or with other markup, has the same hash.
func Hash(a quiz.Article) string {
	h := sha256.New()
	space := false
	var buf [utf8.UTFMax]byte
	for _, p := range a.Paragraphs {
		for _, r := range p {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if space {
					h.Write([]byte{' '})
					space = false
				}
				n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
				h.Write(buf[:n])
			} else {
				space = true
			}
		}
		space = true
	}
	return hex.EncodeToString(h.Sum(nil))
}

func isHTMLName(source string) bool {
	switch strings.ToLower(path.Ext(source)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// fileKind names a content type for people: "a PDF", "an image".
func fileKind(ct string) string {
	switch {
	case strings.HasPrefix(ct, "application/pdf"):
		return "a PDF"
	case strings.HasPrefix(ct, "image/"):
		return "an image"
	case strings.HasPrefix(ct, "application/zip"):
		return "a zip archive (a Word or other office file?)"
	case strings.HasPrefix(ct, "audio/"), strings.HasPrefix(ct, "video/"):
		return "a sound or video file"
	}
	return "a binary file"
}

// decode checks that raw is text and returns it as a string, reporting
// whether it looks like HTML.
func decode(raw []byte) (string, bool, error) {
	if len(raw) > MaxBytes {
		return "", false, &quiz.Error{Kind: quiz.ErrInvalid, Err: fmt.Errorf("too large: %d bytes", len(raw)),
			Msg: fmt.Sprintf("The page is %.1f MB; the largest accepted is %d MB.", float64(len(raw))/(1<<20), MaxBytes>>20)}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", false, &quiz.Error{Kind: quiz.ErrEmpty, Msg: "The article is empty.", Err: errors.New("empty")}
	}
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		raw = fromUTF16(raw)
	}
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	if bytes.IndexByte(head, 0) >= 0 || controlShare(head) > 0.05 {
		ct := http.DetectContentType(raw)
		return "", false, &quiz.Error{Kind: quiz.ErrInvalid, Err: fmt.Errorf("binary file (%s), not text", ct),
			Msg: fmt.Sprintf("This is %s, not text: upload the article as a .txt, .md or .html file, or paste its text.", fileKind(ct))}
	}
	if !utf8.Valid(raw) {
		off := 0
		for off < len(raw) {
			r, n := utf8.DecodeRune(raw[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", false, &quiz.Error{Kind: quiz.ErrInvalid, Err: fmt.Errorf("not valid UTF-8 text (bad byte at offset %d)", off),
			Msg: fmt.Sprintf("The text is not in UTF-8, the usual encoding of web pages (the first odd character is at byte %d). Save the file as UTF-8 and try again.", off)}
	}
	ct := http.DetectContentType(head)
	return string(raw), strings.HasPrefix(ct, "text/html") || looksHTML(head), nil
}

func controlShare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			n++
		}
	}
	return float64(n) / float64(len(b))
}

func looksHTML(head []byte) bool {
	s := strings.ToLower(string(head))
	n := 0
	for _, tag := range []string{"<p>", "<p ", "<div", "<html", "<body", "<br", "<h1", "<script", "<article"} {
		if strings.Contains(s, tag) {
			n++
		}
	}
	return n >= 2
}

func fromUTF16(raw []byte) []byte {
	be := raw[0] == 0xFE
	raw = raw[2:]
	u := make([]uint16, 0, len(raw)/2)
	for i := 0; i+1 < len(raw); i += 2 {
		if be {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		} else {
			u = append(u, uint16(raw[i+1])<<8|uint16(raw[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}
