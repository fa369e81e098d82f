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
		return quiz.Article{}, fmt.Errorf("no article text found: %w", quiz.ErrEmpty)
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

// decode checks that raw is text and returns it as a string, reporting
// whether it looks like HTML.
func decode(raw []byte) (string, bool, error) {
	if len(raw) > MaxBytes {
		return "", false, fmt.Errorf("too large: %.1f MB, the limit is %d MB: %w",
			float64(len(raw))/(1<<20), MaxBytes>>20, quiz.ErrInvalid)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", false, fmt.Errorf("empty: %w", quiz.ErrEmpty)
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
		return "", false, fmt.Errorf("binary file (%s), not text: %w", http.DetectContentType(raw), quiz.ErrInvalid)
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
		return "", false, fmt.Errorf("not valid UTF-8 text (bad byte at offset %d); save the file as UTF-8: %w", off, quiz.ErrInvalid)
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
