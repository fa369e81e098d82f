package export

// This file builds Anki notes (shared by the .apkg writer) and writes
// Anki's text import format.

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"factdeck/quiz"
)

// noteKind is which of the two Anki note types a question becomes.
type noteKind int

const (
	// basicNote has Front, Back and Source fields: short answer, multiple
	// choice (options on the front) and true/false.
	basicNote noteKind = iota
	// clozeNote has Text (with a {{c1::...}} deletion), Back Extra and
	// Source fields.
	clozeNote
)

// ankiNote is one question as an Anki note, its fields already HTML.
type ankiNote struct {
	Kind noteKind
	GUID string
	// Deck is the full deck name, "factdeck::<article title>".
	Deck string
	// Fields are Front, Back, Source for a basic note and Text, Back Extra,
	// Source for a cloze note.
	Fields [3]string
	// Tags are the note's tags separated by spaces: factdeck and, each a
	// level under it, the article, the question type and the fact kind.
	Tags string
	// Sort is the first field stripped of HTML, Anki's sort field, and
	// Checksum Anki's checksum of it.
	Sort     string
	Checksum int64
}

// ankiNotes turns every question of d into a note, in deck order. Large
// decks are built by several goroutines, each on its own part.
func ankiNotes(d quiz.Deck) ([]ankiNote, error) {
	srcs := resolve(d)
	ids := guids(srcs)
	notes := make([]ankiNote, len(srcs))
	workers := min(runtime.GOMAXPROCS(0), len(srcs)/1000+1)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(srcs)/workers, (w+1)*len(srcs)/workers
		wg.Go(func() {
			b := noteBuilder{deck: d, articles: map[string]articleNote{}, kinds: map[quiz.Kind]string{}}
			for i := lo; i < hi; i++ {
				n, err := b.note(srcs[i], ids[i])
				if err != nil {
					errs[w] = fmt.Errorf("question %d (id %d): %w", i, srcs[i].Q.ID, err)
					return
				}
				notes[i] = n
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return notes, nil
}

// articleNote is what the notes of one article share.
type articleNote struct {
	deck, tag, source string
}

// noteBuilder makes notes, remembering what notes of the same article or
// kind share.
type noteBuilder struct {
	deck     quiz.Deck
	articles map[string]articleNote
	kinds    map[quiz.Kind]string
}

// note makes the note of s with guid id.
func (b noteBuilder) note(s source, id string) (ankiNote, error) {
	title := s.articleTitle(b.deck)
	key := title + "\x00" + s.Article.Source
	an, ok := b.articles[key]
	if !ok {
		an = articleNote{
			deck:   deckRoot + "::" + deckTitle(title),
			tag:    deckRoot + "::article::" + tagSlug(title),
			source: sourceHTML(s, b.deck),
		}
		b.articles[key] = an
	}
	tags := deckRoot + " " + an.tag + " " + deckRoot + "::type::" + string(s.Q.Type)
	if k := s.kind(); k != "" {
		kt, ok := b.kinds[k]
		if !ok {
			kt = deckRoot + "::kind::" + tagSlug(string(k))
			b.kinds[k] = kt
		}
		tags += " " + kt
	}
	n := ankiNote{GUID: id, Deck: an.deck, Tags: tags}
	switch s.Q.Type {
	case quiz.Cloze:
		text, err := clozeHTML(s.Q)
		if err != nil {
			return n, err
		}
		n.Kind = clozeNote
		n.Fields = [3]string{text, extraHTML(s.Q), an.source}
	default:
		n.Kind = basicNote
		n.Fields = [3]string{frontHTML(s.Q), backHTML(s.Q), an.source}
	}
	n.Sort = stripHTML(n.Fields[0])
	n.Checksum = checksum(n.Sort)
	return n, nil
}

// htmlEscaper escapes plain text for an HTML field: markup characters
// become entities, line breaks <br>, tabs an entity (a raw tab would split
// a field of the text import).
var htmlEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;",
	"\r\n", "<br>", "\r", "<br>", "\n", "<br>", "\t", "&#9;",
)

// htmlText escapes plain text for an HTML field.
func htmlText(s string) string { return htmlEscaper.Replace(s) }

// frontHTML is the front of a basic note: the prompt, with the options of a
// multiple choice question as a lettered list.
func frontHTML(q *quiz.Question) string {
	var b strings.Builder
	b.WriteString(htmlText(q.Prompt))
	switch q.Type {
	case quiz.MultipleChoice:
		if len(q.Options) > 0 {
			b.WriteString("<ol type=A class=options>")
			for _, o := range q.Options {
				b.WriteString("<li>" + htmlText(o) + "</li>")
			}
			b.WriteString("</ol>")
		}
	case quiz.TrueFalse:
		b.WriteString("<div class=options>True or false?</div>")
	}
	return b.String()
}

// backHTML is the back of a basic note: the answer and, when it says more
// than the prompt, the source sentence.
func backHTML(q *quiz.Question) string {
	b := htmlText(q.Answer)
	if q.Sentence != "" && q.Sentence != q.Prompt {
		b += "<div class=sentence>" + htmlText(q.Sentence) + "</div>"
	}
	return b
}

// extraHTML is the Back Extra of a cloze note: the other accepted answers.
func extraHTML(q *quiz.Question) string {
	var alt []string
	for _, a := range q.Accepted {
		if a != q.Answer && strings.TrimSpace(a) != "" {
			alt = append(alt, htmlText(a))
		}
	}
	if len(alt) == 0 {
		return ""
	}
	return "Also accepted: " + strings.Join(alt, ", ")
}

// sourceHTML names the article a question comes from, linked when its
// source is a web address.
func sourceHTML(s source, d quiz.Deck) string {
	title := htmlText(s.articleTitle(d))
	src := s.Article.Source
	switch {
	case strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "http://"):
		return "<a href='" + html.EscapeString(src) + "'>" + title + "</a>"
	case src != "":
		return title + " <span class=source>(" + htmlText(src) + ")</span>"
	}
	return title
}

// clozeMark matches an Anki cloze deletion, {{c1::answer}} or
// {{c1::answer::hint}}.
var clozeMark = regexp.MustCompile(`\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}`)

// blank is what a cloze prompt shows in place of the answer.
const blank = "_____"

// clozeHTML is the Text field of a cloze note: q.Cloze with its text
// escaped and its deletions kept; or, when q.Cloze has none, the sentence
// or prompt with the answer marked {{c1::...}}. A cloze question with none
// of these is an error wrapping quiz.ErrInvalid.
func clozeHTML(q *quiz.Question) (string, error) {
	if locs := clozeMark.FindAllStringSubmatchIndex(q.Cloze, -1); len(locs) > 0 {
		var b strings.Builder
		last := 0
		for _, m := range locs {
			b.WriteString(htmlText(q.Cloze[last:m[0]]))
			b.WriteString("{{c" + q.Cloze[m[2]:m[3]] + "::" + clozeText(q.Cloze[m[4]:m[5]]))
			if m[6] >= 0 {
				b.WriteString("::" + clozeText(q.Cloze[m[6]:m[7]]))
			}
			b.WriteString("}}")
			last = m[1]
		}
		b.WriteString(htmlText(q.Cloze[last:]))
		return b.String(), nil
	}
	answer := strings.TrimSpace(q.Answer)
	if answer == "" {
		return "", fmt.Errorf("cloze without an answer: %w", quiz.ErrInvalid)
	}
	mark := func(text, target string) (string, bool) {
		i := strings.Index(text, target)
		if i < 0 {
			return "", false
		}
		return htmlText(text[:i]) + "{{c1::" + clozeText(answer) + "}}" + htmlText(text[i+len(target):]), true
	}
	if s, ok := mark(q.Sentence, answer); ok {
		return s, nil
	}
	if s, ok := mark(q.Prompt, blank); ok {
		return s, nil
	}
	return "", fmt.Errorf("cloze %q has no deletion and its answer %q is not in its sentence: %w",
		q.Prompt, q.Answer, quiz.ErrInvalid)
}

// clozeText escapes the inside of a cloze deletion; colons and braces
// become entities so that they cannot end the deletion or start a hint.
func clozeText(s string) string {
	s = htmlText(s)
	s = strings.ReplaceAll(s, ":", "&#58;")
	s = strings.ReplaceAll(s, "{", "&#123;")
	return strings.ReplaceAll(s, "}", "&#125;")
}

// Stock note type names the text import targets: every English Anki
// collection has them. Anki in another language names them differently;
// the .apkg, which brings its own note types, imports everywhere.
const (
	stockBasic = "Basic"
	stockCloze = "Cloze"
)

// writeAnki writes Anki's text import format: headers, then one note a
// line with guid, note type, deck, two fields and tags, separated by tabs.
// Note type and deck are columns because a deck mixes basic and cloze
// notes from several articles; the guid column makes a re-import update
// the notes. The fields are HTML whose tabs, line breaks and quotes are
// entities, so no line needs CSV quoting; the source goes at the end of
// the second field, as the stock note types have no Source field.
func writeAnki(w io.Writer, d quiz.Deck) error {
	notes, err := ankiNotes(d)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n")
	for _, n := range notes {
		typ, back := stockBasic, n.Fields[1]
		if n.Kind == clozeNote {
			typ = stockCloze
		}
		if back != "" {
			back += "<br>"
		}
		back += "<div class=source>" + n.Fields[2] + "</div>"
		cols := []string{n.GUID, typ, textCell(n.Deck), textCell(n.Fields[0]), textCell(back), n.Tags}
		bw.WriteString(strings.Join(cols, "\t"))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// textCell quotes a cell of the text import the CSV way when it holds a
// double quote, tab or line break. Fields are HTML written without raw
// quotes, tabs or line breaks, so this only guards against surprises.
func textCell(s string) string {
	if !strings.ContainsAny(s, "\"\t\r\n") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
