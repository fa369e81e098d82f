// Package export writes a quiz.Deck as files that other study tools import:
// an Anki package (.apkg), Anki's text import format, CSV, Quizlet's
// term/definition text, Moodle GIFT and factdeck's own JSON schema.
//
// Write is the one entry point; each format lives in its own file. Every
// writer fails with an error rather than dropping a question silently, and
// an empty selection is an error wrapping quiz.ErrEmpty.
package export

import (
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"factdeck/quiz"
)

// Format is an export file format.
type Format string

// Export formats.
const (
	// APKG is an Anki package: a zip with a legacy (schema 11) collection,
	// importable by every Anki since 2.0, AnkiDroid, AnkiMobile and Mnemosyne.
	APKG Format = "apkg"
	// Anki is Anki's text import format (tab separated, with # headers).
	Anki Format = "anki"
	// CSV is RFC 4180 CSV with a header row.
	CSV Format = "csv"
	// Quizlet is Quizlet's import text: term, tab, definition, one card a line.
	Quizlet Format = "quizlet"
	// GIFT is Moodle's GIFT question format.
	GIFT Format = "gift"
	// JSON is factdeck's own stable schema of articles, facts and questions.
	JSON Format = "json"
)

// Formats lists every export format in a stable order.
var Formats = []Format{APKG, Anki, CSV, Quizlet, GIFT, JSON}

// ParseFormat returns the format named s, ignoring case, surrounding space
// and a leading dot (".apkg" works). An unknown name is an error wrapping
// quiz.ErrInvalid.
func ParseFormat(s string) (Format, error) {
	name := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".")
	for _, f := range Formats {
		if string(f) == name {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown export format %q (want one of %s): %w",
		s, strings.Join(names, ", "), quiz.ErrInvalid)
}

// String returns the format's name as ParseFormat accepts it.
func (f Format) String() string { return string(f) }

// Ext returns the file name extension of the format, with its dot. The
// text formats (anki, quizlet, gift) all use ".txt", which every importer
// accepts; FileName tells them apart.
func (f Format) Ext() string {
	switch f {
	case APKG:
		return ".apkg"
	case CSV:
		return ".csv"
	case JSON:
		return ".json"
	case Anki, Quizlet, GIFT:
		return ".txt"
	}
	return ""
}

// ContentType returns the MIME type to serve the format with. The package
// is served as an octet stream so that browsers keep its .apkg name.
func (f Format) ContentType() string {
	switch f {
	case APKG:
		return "application/octet-stream"
	case CSV:
		return "text/csv; charset=utf-8"
	case JSON:
		return "application/json"
	case Anki, Quizlet, GIFT:
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// Write writes deck d to w in format f. A deck without questions is an
// error wrapping quiz.ErrEmpty; an unknown format or an unusable question
// is an error wrapping quiz.ErrInvalid.
func Write(w io.Writer, f Format, d quiz.Deck) error {
	if len(d.Questions) == 0 {
		return fmt.Errorf("export %s: deck %q has no questions: %w", f, d.Name, quiz.ErrEmpty)
	}
	for i, q := range d.Questions {
		if !q.Type.Valid() {
			return fmt.Errorf("export %s: question %d (id %d) has unknown type %q: %w",
				f, i, q.ID, q.Type, quiz.ErrInvalid)
		}
	}
	var err error
	switch f {
	case APKG:
		err = writeAPKG(w, d)
	case Anki:
		err = writeAnki(w, d)
	case CSV:
		err = writeCSV(w, d)
	case Quizlet:
		err = writeQuizlet(w, d)
	case GIFT:
		err = writeGIFT(w, d)
	case JSON:
		err = writeJSON(w, d)
	default:
		return fmt.Errorf("export: unknown format %q: %w", f, quiz.ErrInvalid)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", f, err)
	}
	return nil
}

// maxNameRunes caps the length of a file name's stem.
const maxNameRunes = 80

// windowsReserved are device names Windows refuses as file names.
var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true,
	"com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true,
	"lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// FileName returns a safe file name for a deck titled title in format f:
// lower case letters and digits of any script joined by hyphens, accents
// dropped from Latin letters, no path separators, quotes or control
// characters, at most 80 runes before the extension (cut between words), "factdeck" when
// nothing is left. The text formats get a "-anki", "-quizlet" or "-gift"
// suffix so that their ".txt" files do not collide. Letters of other
// scripts are kept, so a Content-Disposition header needs the RFC 6266
// filename* form for them.
func FileName(title string, f Format) string {
	stem := slug(title, '-')
	if stem == "" {
		stem = "factdeck"
	}
	if windowsReserved[stem] {
		stem += "-deck"
	}
	if f.Ext() == ".txt" {
		stem += "-" + string(f)
	}
	return stem + f.Ext()
}

// slug folds s to lower case letters and digits separated by sep, with
// combining marks removed (so "Café" gives "cafe") and at most maxNameRunes
// runes.
func slug(s string, sep rune) string {
	var b strings.Builder
	n := 0
	pending := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if n >= maxNameRunes {
				// Cut at a word boundary when there is one.
				out := b.String()
				if i := strings.LastIndex(out, string(sep)); i > 0 {
					out = out[:i]
				}
				return out
			}
			if pending && b.Len() > 0 {
				b.WriteRune(sep)
				n++
			}
			pending = false
			b.WriteRune(unicode.ToLower(r))
			n++
		default:
			pending = true
		}
	}
	return b.String()
}

// deckRoot is the top of the Anki deck hierarchy every export lands in.
const deckRoot = "factdeck"

// deckTitle cleans an article title for use as one level of an Anki deck
// name: no "::" (which would add a level), no double quotes (which Anki
// strips), no control characters, single spaces, "Untitled" when empty.
func deckTitle(title string) string {
	title = strings.ReplaceAll(title, "::", ":")
	title = strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return -1
		case unicode.IsControl(r) || unicode.IsSpace(r):
			return ' '
		}
		return r
	}, title)
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return "Untitled"
	}
	return title
}

// tagSlug makes one level of an Anki tag: no spaces (which separate tags)
// and no colons (which separate levels).
func tagSlug(s string) string {
	t := slug(s, '_')
	if t == "" {
		return "untitled"
	}
	return t
}

// source is a question with what it was made from, resolved once for all
// writers. The pointers point into the deck, which writers never change.
type source struct {
	Q       *quiz.Question
	Article *quiz.Article
	Fact    *quiz.Fact
	// HasArticle and HasFact report whether the deck held the question's
	// article and fact; when not, Article and Fact point to zero values.
	HasArticle, HasFact bool
}

// resolve pairs each question of d with its article and fact, in deck order.
func resolve(d quiz.Deck) []source {
	articles := make(map[int64]int, len(d.Articles))
	for i, a := range d.Articles {
		articles[a.ID] = i
	}
	facts := make(map[int64]int, len(d.Facts))
	for i, f := range d.Facts {
		facts[f.ID] = i
	}
	var noArticle quiz.Article
	var noFact quiz.Fact
	out := make([]source, len(d.Questions))
	for i := range d.Questions {
		q := &d.Questions[i]
		s := source{Q: q, Article: &noArticle, Fact: &noFact}
		if j, ok := articles[q.ArticleID]; ok {
			s.Article, s.HasArticle = &d.Articles[j], true
		}
		if j, ok := facts[q.FactID]; ok {
			s.Fact, s.HasFact = &d.Facts[j], true
		}
		out[i] = s
	}
	return out
}

// articleTitle is the title to show for s's article, the deck name when the
// deck lacks the article.
func (s source) articleTitle(d quiz.Deck) string {
	if s.HasArticle && strings.TrimSpace(s.Article.Title) != "" {
		return s.Article.Title
	}
	if strings.TrimSpace(d.Name) != "" {
		return d.Name
	}
	return "Untitled"
}

// kind is the fact kind of s, or the answer kind when the fact is missing.
func (s source) kind() quiz.Kind {
	if s.HasFact && s.Fact.Kind != "" {
		return s.Fact.Kind
	}
	return s.Q.AnswerKind
}

// identity names "the same question" across exports, independent of
// database ids: the article's source, the fact's key and the question's
// type and template. Re-ingesting an article gives new ids but the same
// identity, so an importer updates the note instead of duplicating it.
func (s source) identity() string {
	var article string
	switch {
	case s.HasArticle && s.Article.Source != "":
		article = s.Article.Source
	case s.HasArticle && s.Article.Hash != "":
		article = "hash:" + s.Article.Hash
	case s.HasArticle && s.Article.Title != "":
		article = "title:" + s.Article.Title
	default:
		article = "article:" + strconv.FormatInt(s.Q.ArticleID, 10)
	}
	var fact string
	switch {
	case s.HasFact && s.Fact.Key != "":
		fact = s.Fact.Key
	case s.HasFact:
		fact = strings.Join([]string{s.Fact.Subject, s.Fact.Relation, s.Fact.Object}, "|")
	default:
		fact = "sentence:" + s.Q.Sentence + "|" + s.Q.Answer
	}
	return strings.Join([]string{article, fact, string(s.Q.Type), s.Q.Template}, "\x1f")
}

// guids returns a stable, unique note guid for each source: a base-62 form
// of 64 bits of the SHA-1 of its identity. Two questions with the same
// identity (the same fact asked twice by one template) are told apart by
// their prompts, then by their order.
func guids(srcs []source) []string {
	out := make([]string, len(srcs))
	seen := make(map[string]bool, len(srcs))
	for i, s := range srcs {
		id := s.identity()
		g := guid(id)
		if seen[g] {
			g = guid(id + "\x1f" + s.Q.Prompt)
		}
		for n := 2; seen[g]; n++ {
			g = guid(id + "\x1f" + s.Q.Prompt + "\x1f" + strconv.Itoa(n))
		}
		seen[g] = true
		out[i] = g
	}
	return out
}

// base62 digits: guids use no characters that HTML, SQL or Mnemosyne's
// sync protocol would mangle.
const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// guid encodes 64 bits of the SHA-1 of s in base 62.
func guid(s string) string {
	sum := sha1.Sum([]byte(s))
	n := binary.BigEndian.Uint64(sum[:8])
	var buf [11]byte
	i := len(buf)
	for {
		i--
		buf[i] = base62[n%62]
		n /= 62
		if n == 0 {
			break
		}
	}
	return string(buf[i:])
}

// hash64 returns 64 bits of the SHA-1 of the parts joined by a separator.
func hash64(parts ...string) uint64 {
	sum := sha1.Sum([]byte(strings.Join(parts, "\x1f")))
	return binary.BigEndian.Uint64(sum[:8])
}
