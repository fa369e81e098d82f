package ner

// This file reads CoNLL-2003 files and scores a model on them the way the
// conlleval script does (exact span and type).

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one pre-tokenized sentence with its IOB2 tags ("B-PER",
// "I-ORG", "O", ...).
type Sentence struct {
	Words []string
	Tags  []string
}

// ReadCoNLL reads sentences in the CoNLL-2003 column format (word first,
// NER tag last, a blank line between sentences; -DOCSTART- lines are
// skipped).
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			if len(cur.Words) > 0 {
				out = append(out, cur)
				cur = Sentence{}
			}
			continue
		}
		if f[0] == "-DOCSTART-" {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("ner: conll line %d: want word and tag, got %q", line, sc.Text())
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: read conll: %w", err)
	}
	if len(cur.Words) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// Counts holds entity-level counts for one type or overall.
type Counts struct {
	Gold, Pred, Correct int
}

// P returns the precision in percent.
func (c Counts) P() float64 { return pct(c.Correct, c.Pred) }

// R returns the recall in percent.
func (c Counts) R() float64 { return pct(c.Correct, c.Gold) }

// F1 returns the harmonic mean of P and R in percent.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Score is the result of Evaluate.
type Score struct {
	Overall Counts
	ByType  map[string]Counts
}

// String formats the overall score as "P=.. R=.. F1=..".
func (s Score) String() string {
	return fmt.Sprintf("P=%.2f R=%.2f F1=%.2f", s.Overall.P(), s.Overall.R(), s.Overall.F1())
}

type chunk struct {
	start, end int
	typ        string
}

// chunks returns the entities of an IOB tag sequence like conlleval: an
// I- tag after O or another type starts a new entity.
func chunks(tags []string) []chunk {
	var out []chunk
	cur := chunk{start: -1}
	for i, t := range tags {
		typ := ""
		if len(t) > 2 && t[1] == '-' {
			typ = t[2:]
		}
		begin := t != "O" && (t[0] == 'B' || cur.start < 0 || cur.typ != typ)
		if cur.start >= 0 && (t == "O" || begin) {
			cur.end = i
			out = append(out, cur)
			cur = chunk{start: -1}
		}
		if t != "O" && begin {
			cur = chunk{start: i, typ: typ}
		}
	}
	if cur.start >= 0 {
		cur.end = len(tags)
		out = append(out, cur)
	}
	return out
}

// Evaluate tags the sentences document by document (see SplitDocs) and
// scores the predictions against the gold tags, entity by entity.
func (m *Model) Evaluate(sents []Sentence) Score {
	sc := Score{ByType: map[string]Counts{}}
	starts := append(SplitDocs(sents), len(sents))
	preds := make([][]string, 0, len(sents))
	for d := 0; d+1 < len(starts); d++ {
		var doc [][]string
		for _, s := range sents[starts[d]:starts[d+1]] {
			doc = append(doc, s.Words)
		}
		preds = append(preds, m.TagDoc(doc)...)
	}
	for k, s := range sents {
		pred := preds[k]
		g, p := chunks(s.Tags), chunks(pred)
		gold := map[chunk]bool{}
		for _, c := range g {
			gold[c] = true
			ct := sc.ByType[c.typ]
			ct.Gold++
			sc.ByType[c.typ] = ct
			sc.Overall.Gold++
		}
		for _, c := range p {
			ct := sc.ByType[c.typ]
			ct.Pred++
			sc.Overall.Pred++
			if gold[c] {
				ct.Correct++
				sc.Overall.Correct++
			}
			sc.ByType[c.typ] = ct
		}
	}
	return sc
}
