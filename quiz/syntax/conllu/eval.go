package conllu

// This file scores system analyses against gold ones with the definitions
// of the CoNLL 2018 shared task evaluation script (conll18_ud_eval.py) for
// gold tokenization: every word counts, punctuation included; UFeats
// compares the universal features only; LAS compares the universal part of
// the relation ("nsubj" for "nsubj:pass"); a gold lemma "_" matches
// anything.

import (
	"fmt"
	"sort"
	"strings"
)

// universalFeatures are the features UFeats compares.
var universalFeatures = map[string]bool{
	"PronType": true, "NumType": true, "Poss": true, "Reflex": true, "Foreign": true, "Abbr": true,
	"Gender": true, "Animacy": true, "Number": true, "Case": true, "Definite": true, "Degree": true,
	"VerbForm": true, "Mood": true, "Tense": true, "Aspect": true, "Voice": true, "Evident": true,
	"Polarity": true, "Person": true, "Polite": true,
}

// Metric counts the words a measure got right.
type Metric struct {
	Correct, Total int
}

// Pct returns the share of correct words in percent.
func (m Metric) Pct() float64 {
	if m.Total == 0 {
		return 0
	}
	return 100 * float64(m.Correct) / float64(m.Total)
}

func (m *Metric) add(ok bool) {
	m.Total++
	if ok {
		m.Correct++
	}
}

// Scores are the CoNLL 2018 measures over all words.
type Scores struct {
	UPOS, XPOS, UFeats, AllTags, Lemmas, UAS, LAS Metric
	// LabelFull is LAS with the full relation, subtype included
	// ("nsubj:pass"); no CoNLL 2018 measure, but what a caller reads.
	LabelFull Metric
}

// String formats the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.2f XPOS %.2f UFeats %.2f AllTags %.2f Lemmas %.2f UAS %.2f LAS %.2f (full labels %.2f) over %d words",
		s.UPOS.Pct(), s.XPOS.Pct(), s.UFeats.Pct(), s.AllTags.Pct(), s.Lemmas.Pct(), s.UAS.Pct(), s.LAS.Pct(), s.LabelFull.Pct(), s.UAS.Total)
}

// UniversalFeats returns the universal features of a FEATS column, sorted,
// joined by "|"; "" for none.
func UniversalFeats(feats string) string {
	if feats == "_" || feats == "" {
		return ""
	}
	var keep []string
	for _, f := range strings.Split(feats, "|") {
		k, _, _ := strings.Cut(f, "=")
		if universalFeatures[k] {
			keep = append(keep, f)
		}
	}
	sort.Strings(keep)
	return strings.Join(keep, "|")
}

// universalRel returns the relation without its subtype.
func universalRel(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// Evaluate scores system against gold. Both must hold the same sentences
// with the same word forms (gold tokenization); otherwise it returns an
// error naming the first difference.
func Evaluate(gold, system []Sentence) (Scores, error) {
	var sc Scores
	if len(gold) != len(system) {
		return sc, fmt.Errorf("conllu: evaluate: %d gold sentences, %d system sentences", len(gold), len(system))
	}
	for i := range gold {
		g, s := gold[i].Words, system[i].Words
		if len(g) != len(s) {
			return sc, fmt.Errorf("conllu: evaluate: sentence %d has %d gold words, %d system words", i+1, len(g), len(s))
		}
		for j := range g {
			gw, sw := &g[j], &s[j]
			if gw.Form != sw.Form {
				return sc, fmt.Errorf("conllu: evaluate: sentence %d word %d is %q in gold, %q in system", i+1, j+1, gw.Form, sw.Form)
			}
			gf, sf := UniversalFeats(gw.Feats), UniversalFeats(sw.Feats)
			sc.UPOS.add(gw.UPOS == sw.UPOS)
			sc.XPOS.add(gw.XPOS == sw.XPOS)
			sc.UFeats.add(gf == sf)
			sc.AllTags.add(gw.UPOS == sw.UPOS && gw.XPOS == sw.XPOS && gf == sf)
			sc.Lemmas.add(gw.Lemma == "_" || gw.Lemma == sw.Lemma)
			sc.UAS.add(gw.Head == sw.Head)
			sc.LAS.add(gw.Head == sw.Head && universalRel(gw.DepRel) == universalRel(sw.DepRel))
			sc.LabelFull.add(gw.Head == sw.Head && gw.DepRel == sw.DepRel)
		}
	}
	return sc, nil
}
