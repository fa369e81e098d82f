package web

// This file turns domain values into what templates show: articles with
// their facts highlighted, source sentences with the answer marked, score
// charts, durations.

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"factdeck/quiz"
)

// segment is a run of article text, highlighted when Fact is set.
type segment struct {
	Text string
	Fact *factView
}

// paragraph is one paragraph of an article, cut into segments.
type paragraph struct {
	Segments []segment
}

// factView is a fact as the article page shows it.
type factView struct {
	ID       int64
	Subject  string
	Relation string
	Object   string
	Kind     string
	Sentence string
	Summary  string
}

func newFactView(f quiz.Fact) *factView {
	return &factView{ID: f.ID, Subject: f.Subject, Relation: relationText(f.Relation), Object: f.Object,
		Kind: string(f.Kind), Sentence: f.Sentence, Summary: factSummary(f)}
}

// relationText turns a relation name into words.
func relationText(rel string) string {
	switch rel {
	case quiz.RelIsA:
		return "is a"
	case quiz.RelAttribution:
		return "according to"
	}
	return strings.ReplaceAll(rel, "_", " ")
}

func factSummary(f quiz.Fact) string {
	parts := []string{f.Subject}
	if r := relationText(f.Relation); r != "" {
		parts = append(parts, "—", r)
	}
	if f.Object != "" {
		parts = append(parts, "—", f.Object)
	}
	if f.Org != "" {
		parts = append(parts, "("+f.Org+")")
	}
	return strings.Join(parts, " ")
}

// span is a highlighted byte range of an article body.
type span struct {
	start, end int
	fact       quiz.Fact
}

// factSpans places each fact's answer in the body: the Span inside the
// Sentence at Start, or, when the offsets disagree with the text, the first
// occurrence of the object within the sentence found by search. Overlapping
// spans keep the first.
func factSpans(body string, facts []quiz.Fact) []span {
	var out []span
	for _, f := range facts {
		sStart, ok := sentenceStart(body, f)
		if !ok {
			continue
		}
		start, end := -1, -1
		if f.SpanStart >= 0 && f.SpanEnd > f.SpanStart && f.SpanEnd <= len(f.Sentence) {
			start, end = sStart+f.SpanStart, sStart+f.SpanEnd
		} else if ans := f.Answer(); ans != "" {
			if i := strings.Index(f.Sentence, ans); i >= 0 {
				start, end = sStart+i, sStart+i+len(ans)
			}
		}
		if start < 0 || end > len(body) || !utf8.ValidString(body[start:end]) {
			continue
		}
		out = append(out, span{start, end, f})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	kept := out[:0]
	last := -1
	for _, sp := range out {
		if sp.start >= last {
			kept = append(kept, sp)
			last = sp.end
		}
	}
	return kept
}

// sentenceStart finds where f.Sentence begins in body.
func sentenceStart(body string, f quiz.Fact) (int, bool) {
	if f.Sentence == "" {
		return 0, false
	}
	if f.Start >= 0 && f.Start+len(f.Sentence) <= len(body) && body[f.Start:f.Start+len(f.Sentence)] == f.Sentence {
		return f.Start, true
	}
	i := strings.Index(body, f.Sentence)
	return i, i >= 0
}

// highlight cuts an article into paragraphs whose fact answers are marked.
func highlight(a quiz.Article, facts []quiz.Fact) []paragraph {
	body := a.Body()
	spans := factSpans(body, facts)
	var out []paragraph
	pos := 0
	si := 0
	for _, p := range a.Paragraphs {
		pStart := strings.Index(body[pos:], p)
		if pStart < 0 {
			out = append(out, paragraph{Segments: []segment{{Text: p}}})
			continue
		}
		pStart += pos
		pEnd := pStart + len(p)
		var segs []segment
		cur := pStart
		for si < len(spans) && spans[si].start < pEnd {
			sp := spans[si]
			si++
			if sp.start < cur || sp.end > pEnd {
				continue
			}
			if sp.start > cur {
				segs = append(segs, segment{Text: body[cur:sp.start]})
			}
			segs = append(segs, segment{Text: body[sp.start:sp.end], Fact: newFactView(sp.fact)})
			cur = sp.end
		}
		if cur < pEnd {
			segs = append(segs, segment{Text: body[cur:pEnd]})
		}
		out = append(out, paragraph{Segments: segs})
		pos = pEnd
	}
	return out
}

// marked is a sentence with one part highlighted.
type marked struct {
	Before, Mark, After string
}

// markAnswer highlights the answer in a source sentence, case-insensitively;
// when the answer does not occur, the whole sentence is plain. The offsets
// come from the sentence itself (see foldIndex), so letters whose case
// changes their length cannot put them out of range.
func markAnswer(sentence, answer string) marked {
	answer = strings.TrimSpace(answer)
	if answer == "" || sentence == "" {
		return marked{Before: sentence}
	}
	i, j := foldIndex(sentence, answer)
	if i < 0 {
		return marked{Before: sentence}
	}
	return marked{Before: sentence[:i], Mark: sentence[i:j], After: sentence[j:]}
}

// foldIndex returns the byte range [start, end) of s holding the first match
// of sub under Unicode simple case folding, or -1, -1. Both offsets are
// rune boundaries of s: the match's length in s may differ from len(sub)
// ("K" for the Kelvin sign is one byte, the sign three).
func foldIndex(s, sub string) (start, end int) {
	if sub == "" {
		return 0, 0
	}
	for i := 0; i < len(s); {
		if j, ok := foldPrefix(s[i:], sub); ok {
			return i, i + j
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return -1, -1
}

// foldPrefix reports whether s starts with sub under case folding, and how
// many bytes of s the match takes.
func foldPrefix(s, sub string) (int, bool) {
	i, k := 0, 0
	for k < len(sub) {
		if i >= len(s) {
			return 0, false
		}
		a, na := utf8.DecodeRuneInString(s[i:])
		b, nb := utf8.DecodeRuneInString(sub[k:])
		if !foldEqual(a, b) {
			return 0, false
		}
		i, k = i+na, k+nb
	}
	return i, true
}

// foldEqual reports whether two runes are equal under simple case folding;
// the Turkish dotted and dotless I match i too, so that a person's
// "İzmir" finds "Izmir" in a sentence.
func foldEqual(a, b rune) bool {
	a, b = dottedI(a), dottedI(b)
	if a == b {
		return true
	}
	for r := unicode.SimpleFold(a); r != a; r = unicode.SimpleFold(r) {
		if r == b {
			return true
		}
	}
	return false
}

func dottedI(r rune) rune {
	if r == '\u0130' || r == '\u0131' {
		return 'i'
	}
	return r
}

// markFact highlights the fact's answer span in the question's source
// sentence, which works for true/false questions whose answer ("False") is
// not in the sentence; it falls back to searching for the answer.
func markFact(q quiz.Question, f quiz.Fact) marked {
	sent := q.Sentence
	if sent == "" {
		sent = f.Sentence
	}
	if sent == f.Sentence && f.SpanStart >= 0 && f.SpanEnd > f.SpanStart && f.SpanEnd <= len(sent) &&
		utf8.ValidString(sent[f.SpanStart:f.SpanEnd]) {
		if q.Type != quiz.TrueFalse && !strings.EqualFold(sent[f.SpanStart:f.SpanEnd], q.Answer) {
			if m := markAnswer(sent, q.Answer); m.Mark != "" {
				return m
			}
		}
		return marked{Before: sent[:f.SpanStart], Mark: sent[f.SpanStart:f.SpanEnd], After: sent[f.SpanEnd:]}
	}
	if m := markAnswer(sent, q.Answer); m.Mark != "" || q.Type != quiz.TrueFalse {
		return m
	}
	return markAnswer(sent, f.Answer())
}

// chart is an SVG line chart of quiz scores over time.
type chart struct {
	Width, Height int
	Points        []chartPoint
	Line          string
	Grid          []chartGrid
}

type chartPoint struct {
	X, Y    float64
	Percent int
	Label   string
}

type chartGrid struct {
	Y     float64
	Label string
}

// scoreChart lays out the scores (oldest first) in a 600x200 chart with a
// 0-100% axis; nil when there is nothing to draw.
func scoreChart(scores []quiz.QuizScore) *chart {
	if len(scores) == 0 {
		return nil
	}
	const w, h, left, right, top, bottom = 600, 200, 40, 12, 12, 24
	c := &chart{Width: w, Height: h}
	for _, g := range []int{0, 50, 100} {
		y := top + (h-top-bottom)*float64(100-g)/100
		c.Grid = append(c.Grid, chartGrid{Y: y, Label: fmt.Sprintf("%d%%", g)})
	}
	n := len(scores)
	var pts []string
	for i, sc := range scores {
		x := float64(left) + float64(w-left-right)/2
		if n > 1 {
			x = float64(left) + float64(w-left-right)*float64(i)/float64(n-1)
		}
		p := sc.Percent()
		y := top + (h-top-bottom)*float64(100-p)/100
		x, y = math.Round(x*10)/10, math.Round(y*10)/10
		c.Points = append(c.Points, chartPoint{X: x, Y: y, Percent: p,
			Label: fmt.Sprintf("%s: %d/%d (%d%%) on %s", sc.Title, sc.Correct, sc.Total, p, sc.FinishedAt.Format("2 Jan 15:04"))})
		pts = append(pts, fmt.Sprintf("%g,%g", x, y))
	}
	c.Line = strings.Join(pts, " ")
	return c
}

// humanDuration writes d as "45 s", "3 min 5 s", "2 h 10 min", "3 days".
func humanDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	case d < time.Hour:
		m := int(d / time.Minute)
		sec := int((d % time.Minute).Round(time.Second) / time.Second)
		if sec == 0 || m >= 10 {
			return fmt.Sprintf("%d min", m)
		}
		return fmt.Sprintf("%d min %d s", m, sec)
	case d < 24*time.Hour:
		h := int(d / time.Hour)
		m := int((d % time.Hour) / time.Minute)
		if m == 0 {
			return fmt.Sprintf("%d h", h)
		}
		return fmt.Sprintf("%d h %d min", h, m)
	case d < 60*24*time.Hour:
		return plural(int(math.Round(d.Hours()/24)), "day")
	case d < 730*24*time.Hour:
		return plural(int(math.Round(d.Hours()/24/30)), "month")
	}
	return plural(int(math.Round(d.Hours()/24/365)), "year")
}

// plural writes "1 question", "3 questions".
// dateLayout is how pages write a day ("2 Jan 2006").
const dateLayout = "2 Jan 2006"

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// typeName is a question type as a learner reads it.
func typeName(t quiz.QuestionType) string {
	switch t {
	case quiz.MultipleChoice:
		return "Multiple choice"
	case quiz.Cloze:
		return "Fill in the blank"
	case quiz.ShortAnswer:
		return "Short answer"
	case quiz.TrueFalse:
		return "True or false"
	}
	return string(t)
}
