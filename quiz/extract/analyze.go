package extract

// This file analyses raw article text: one tokenization serves the
// named-entity recognizer and the parser.

import (
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/clean"
	"factdeck/quiz/ner"
	"factdeck/quiz/token"
)

// Analyze analyses article a and extracts its facts.
func (x *Extractor) Analyze(a quiz.Article) *Analysis {
	body := a.Body()
	sents := token.Split(body)
	for i := range sents {
		sents[i] = skipOpener(body, sents[i])
	}
	var ents []ner.Entity
	if x.ner != nil {
		ents = x.ner.EntitiesIn(body, sents)
	}
	trees := x.syn.ParseAll(body, sents)
	d := &Doc{Article: a, Body: body}
	spans := make([][]nerSpan, len(trees))
	para, next := 0, paragraphEnd(body, 0)
	e := 0
	for i, tr := range trees {
		if len(tr.Words) == 0 {
			continue
		}
		s := &Sentence{Start: sents[i].Start, End: sents[i].End}
		for s.Start >= next && next < len(body) {
			para++
			next = paragraphEnd(body, next+2)
		}
		s.Para = para
		s.Words = make([]Word, len(tr.Words))
		for k, w := range tr.Words {
			s.Words[k] = Word{
				Text: w.Form, Start: w.Start, End: w.End, Lemma: w.Lemma,
				UPOS: w.UPOS, XPOS: w.XPOS, Feats: string(w.Feats),
				Head: w.Head, Rel: w.DepRel, Mention: -1, Ent: -1,
			}
		}
		// The recognizer's entities inside the sentence, as word spans.
		for e < len(ents) && ents[e].End <= s.Start {
			e++
		}
		for k := e; k < len(ents) && ents[k].Start < s.End; k++ {
			lo, hi := wordSpan(s.Words, ents[k].Start, ents[k].End)
			if lo < hi {
				spans[len(d.Sents)] = append(spans[len(d.Sents)], nerSpan{lo, hi, ents[k].Type})
			}
		}
		d.Sents = append(d.Sents, s)
	}
	return x.finish(d, spans[:len(d.Sents)])
}

// skipOpener drops the dateline ("PARIS (Wire) - ") or notes label
// ("Comets: ") from a sentence that opens a paragraph.
func skipOpener(body string, s token.Sentence) token.Sentence {
	if s.Start > 0 && body[s.Start-1] != '\n' || len(s.Tokens) == 0 {
		return s
	}
	n := clean.OpenerEnd(body[s.Start:min(len(body), s.Start+120)])
	if n == 0 {
		return s
	}
	k := 0
	for k < len(s.Tokens) && s.Tokens[k].Start < s.Start+n {
		k++
	}
	if k == len(s.Tokens) {
		return s
	}
	s.Tokens = s.Tokens[k:]
	s.Start = s.Tokens[0].Start
	return s
}

// paragraphEnd returns the offset of the blank line that ends the
// paragraph starting at or after from, or len(body).
func paragraphEnd(body string, from int) int {
	if from >= len(body) {
		return len(body)
	}
	if i := strings.Index(body[from:], "\n\n"); i >= 0 {
		return from + i
	}
	return len(body)
}

// wordSpan returns the words [lo, hi) that lie inside bytes [start, end).
func wordSpan(ws []Word, start, end int) (int, int) {
	lo, hi := -1, -1
	for i, w := range ws {
		if w.Start >= start && w.End <= end {
			if lo < 0 {
				lo = i
			}
			hi = i + 1
		}
	}
	if lo < 0 {
		return 0, 0
	}
	return lo, hi
}
