package syntax

// This file holds the part-of-speech tagger: a greedy left-to-right
// averaged perceptron over joint UPOS|XPOS tags, with the two tags
// predicted before each word among its features. Frequent words that take
// one tag (almost) always get it from a dictionary without scoring.

import (
	"math/rand"
	"slices"
)

// Tagger feature templates. Their values are part of the model format:
// append new ones at the end and never renumber.
const (
	tBias uint64 = iota + 1
	tForm
	tLower
	tPre
	tSuf
	tShape
	tShort
	tFlag
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tSufM1
	tSufP1
	tShortM1
	tShortP1
	tTagM1
	tTagM2
	tTagM1M2
	tTagM1Lower
	tTagM1Suf
	tBiM1
	tBiP1
	tFirstShort
	tBiP1P2
	tSufP2
	tTagM1LowerP1
	tAmb
	tAmbM1
	tAmbP1
	tAmbP2
	tTagM1Amb
	tAmbAmbP1
	tSuf4Amb
	tRightP1
	tRightP2
	tRightP1P2
	tLeftRight
	tRightP1Lower
	tRightM1P1Lower
	tLexFreq
	tLexCap
	tHyphLast
	tHyphAmb
	_ // four templates tried and dropped: the first pass's tag of the
	_ // word itself in the second pass, alone and with the next tag, the
	_ // previous tag and the suffix
	_
	tSentCap
	tSentCapLex
)

// tagFeatures appends the features of word i of vs, given the tags
// predicted for the words before it and, in the second pass, the tags of
// the first pass (right; nil in the first pass). lexFeats adds those of
// the word buckets, the sentence's capitalization and hyphen parts, which
// models before format version 5 lack.
func tagFeatures(vs []view, tags, right []int, i int, lexFeats bool, dst []uint64) []uint64 {
	v := &vs[i]
	lowerAt := func(j int) uint64 {
		switch {
		case j < 0:
			return hBOS
		case j >= len(vs):
			return hEOS
		}
		return vs[j].lower
	}
	shortAt := func(j int) uint64 {
		switch {
		case j < 0:
			return hBOS
		case j >= len(vs):
			return hEOS
		}
		return vs[j].short
	}
	sufAt := func(j, k int) uint64 {
		switch {
		case j < 0:
			return hBOS
		case j >= len(vs):
			return hEOS
		}
		return vs[j].suf[k]
	}
	ambAt := func(j int) uint64 {
		switch {
		case j < 0:
			return hBOS
		case j >= len(vs):
			return hEOS
		}
		return vs[j].amb
	}
	tagAt := func(j int) uint64 {
		if j < 0 {
			return 1000
		}
		return uint64(tags[j])
	}
	t1, t2 := tagAt(i-1), tagAt(i-2)
	lm1, lp1 := lowerAt(i-1), lowerAt(i+1)
	dst = append(dst,
		tBias,
		mix(tForm, v.form),
		mix(tLower, v.lower),
		mix(tShape, v.shape),
		mix(tShort, v.short),
		mix(tLowerM1, lm1),
		mix(tLowerP1, lp1),
		mix(tLowerM2, lowerAt(i-2)),
		mix(tLowerP2, lowerAt(i+2)),
		mix(tSufM1, sufAt(i-1, 2)),
		mix(tSufP1, sufAt(i+1, 2)),
		mix(tSufP2, sufAt(i+2, 1)),
		mix(tShortM1, shortAt(i-1)),
		mix(tShortP1, shortAt(i+1)),
		mix(tTagM1, t1),
		mix(tTagM2, t2),
		mix3(tTagM1M2, t1, t2),
		mix3(tTagM1Lower, t1, v.lower),
		mix3(tTagM1Suf, t1, v.suf[2]),
		mix3(tBiM1, lm1, v.lower),
		mix3(tBiP1, v.lower, lp1),
		mix3(tBiP1P2, lp1, lowerAt(i+2)),
		mix3(tTagM1LowerP1, t1, lp1),
		mix(tAmb, v.amb),
		mix(tAmbM1, ambAt(i-1)),
		mix(tAmbP1, ambAt(i+1)),
		mix(tAmbP2, ambAt(i+2)),
		mix3(tTagM1Amb, t1, v.amb),
		mix3(tAmbAmbP1, v.amb, ambAt(i+1)),
		mix3(tSuf4Amb, v.suf[3], v.amb),
	)
	for k := 0; k < 3; k++ {
		if v.pre[k] != 0 {
			dst = append(dst, mix(tPre, v.pre[k]))
		}
	}
	for k := 0; k < 4; k++ {
		if v.suf[k] != 0 {
			dst = append(dst, mix(tSuf, v.suf[k]))
		}
	}
	for f := uint32(0); f < nFlags; f++ {
		if v.flags&(1<<f) != 0 {
			dst = append(dst, mix(tFlag, uint64(f)))
		}
	}
	if i == 0 {
		dst = append(dst, mix(tFirstShort, v.short))
	}
	if lexFeats {
		// How the word is capitalized here, against how often it occurs
		// and is capitalized in the training data and how the whole
		// sentence is capitalized: a first word that is capitalized inside
		// sentences too is likely a name, a capital in a title says little.
		cs := capState(v, i)
		capb := uint64(v.lex >> lexCapShift)
		dst = append(dst,
			mix3(tLexFreq, uint64(v.lex&lexFreqMask), cs),
			mix3(tLexCap, capb, cs),
			mix3(tSentCap, uint64(v.sentCap), cs),
			mix4(tSentCapLex, uint64(v.sentCap), cs, capb),
		)
		if v.hyph != 0 {
			// A hyphenated word often takes the tag of its last part
			// ("long-term", "well-known", "re-elected").
			dst = append(dst, mix(tHyphLast, v.hyph), mix(tHyphAmb, v.hyphAmb))
		}
	}
	if right != nil {
		rightAt := func(j int) uint64 {
			if j >= len(right) {
				return 1001
			}
			return uint64(right[j])
		}
		r1, r2 := rightAt(i+1), rightAt(i+2)
		dst = append(dst,
			mix(tRightP1, r1),
			mix(tRightP2, r2),
			mix3(tRightP1P2, r1, r2),
			mix3(tLeftRight, t1, r1),
			mix3(tRightP1Lower, r1, v.lower),
			mix4(tRightM1P1Lower, t1, r1, v.lower),
		)
	}
	return dst
}

// Sentinel hashes for positions outside the sentence and for words
// without an ambiguity class.
var (
	hBOS         = mix(0xB05, 1)
	hEOS         = mix(0xE05, 2)
	hUnknownWord = mix(0xB05, 3)
)

// ambMinCount is how often a word must occur in the training data to have
// an ambiguity class.
const ambMinCount = 3

// ambiguity returns the ambiguity class of each lowercase word seen at
// least ambMinCount times: a hash of the set of its tags.
func ambiguity(exs []example) map[uint64]uint64 {
	count := map[uint64]int{}
	tags := map[uint64]map[int]bool{}
	for _, ex := range exs {
		for i, v := range ex.views {
			count[v.lower]++
			if tags[v.lower] == nil {
				tags[v.lower] = map[int]bool{}
			}
			tags[v.lower][ex.gold[i]] = true
		}
	}
	out := map[uint64]uint64{}
	for w, n := range count {
		if n < ambMinCount {
			continue
		}
		set := make([]int, 0, len(tags[w]))
		for t := range tags[w] {
			set = append(set, t)
		}
		slices.Sort(set)
		h := uint64(fnvOffset)
		for _, t := range set {
			h = mix(h, uint64(t)+1)
		}
		out[w] = h
	}
	return out
}

// setAmbiguity fills in the views' ambiguity classes, and for a model
// with word buckets their buckets and sentence capitalization, from the
// model's lexicon.
func (m *Model) setAmbiguity(vs []view) {
	if !m.lexFeats {
		for i := range vs {
			vs[i].amb = ambiguityClass(m.ambig, vs[i].lower)
		}
		return
	}
	setAmbiguity(vs, m.ambig, m.lexb)
}

// Sentence capitalization (view.sentCap).
const (
	sentCapMixed = iota // ordinary text
	sentCapLower        // no capital at all ("ok see you at noon")
	sentCapTitle        // mostly capitalized words ("Rates Rise Again In May")
)

// setAmbiguity fills in the views' ambiguity classes and word buckets
// from the lexicon ambig and lexb, the ambiguity classes of hyphenated
// words' last parts, and the sentence's capitalization. Training gives
// each sentence a lexicon built without it.
func setAmbiguity(vs []view, ambig map[uint64]uint64, lexb map[uint64]uint8) {
	words, caps := 0, 0
	for i := range vs {
		v := &vs[i]
		v.amb = ambiguityClass(ambig, v.lower)
		if v.hyph != 0 {
			v.hyphAmb = ambiguityClass(ambig, v.hyph)
		}
		v.lex = lexb[v.lower]
		if v.flags&(flAllLower|flInitCap|flAllCap) != 0 {
			words++
			if v.flags&(flInitCap|flAllCap) != 0 {
				caps++
			}
		}
	}
	mode := uint8(sentCapMixed)
	switch {
	case words >= 3 && caps == 0:
		mode = sentCapLower
	case caps >= 3 && 5*caps >= 3*words:
		mode = sentCapTitle
	}
	for i := range vs {
		vs[i].sentCap = mode
	}
}

// ambiguityClass returns the ambiguity class of the word with lowercase
// hash w, or hUnknownWord for a word the lexicon does not hold.
func ambiguityClass(ambig map[uint64]uint64, w uint64) uint64 {
	if a, ok := ambig[w]; ok {
		return a
	}
	return hUnknownWord
}

// capState tells how word i is capitalized: 0 lowercase or uncased, 1
// capitalized inside the sentence, 2 capitalized first word, 3 all
// capitals.
func capState(v *view, i int) uint64 {
	switch {
	case v.flags&flAllCap != 0:
		return 3
	case v.flags&flInitCap != 0 && i == 0:
		return 2
	case v.flags&flInitCap != 0:
		return 1
	}
	return 0
}

// A word bucket (view.lex) holds the word's frequency class in its low
// bits and its capitalization class above them.
const (
	lexFreqMask = 7
	lexCapShift = 3
)

// lexBuckets returns the word bucket of each lowercase word of the
// examples: how often it occurs (1, 2-3, 4-10, 11-50, more; 0 is an
// unseen word) and how often it is capitalized when not the first word
// (never seen there, never, under half the time, more, always).
func lexBuckets(exs []example) map[uint64]uint8 {
	type stat struct{ n, mid, caps int }
	st := map[uint64]*stat{}
	for _, ex := range exs {
		for i, v := range ex.views {
			s := st[v.lower]
			if s == nil {
				s = &stat{}
				st[v.lower] = s
			}
			s.n++
			if i > 0 && v.flags&flPunct == 0 {
				s.mid++
				if v.flags&flInitCap != 0 {
					s.caps++
				}
			}
		}
	}
	out := make(map[uint64]uint8, len(st))
	for w, s := range st {
		var f uint8
		switch {
		case s.n == 1:
			f = 1
		case s.n <= 3:
			f = 2
		case s.n <= 10:
			f = 3
		case s.n <= 50:
			f = 4
		default:
			f = 5
		}
		var c uint8
		switch {
		case s.mid == 0:
			c = 0
		case s.caps == 0:
			c = 1
		case 2*s.caps < s.mid:
			c = 2
		case s.caps < s.mid:
			c = 3
		default:
			c = 4
		}
		out[w] = f | c<<lexCapShift
	}
	return out
}

// tagSentence writes the tags of the words (views vs) into tags: a first
// pass left to right, then, if the model has one, a second pass that also
// reads the first pass's tags to the right of each word.
func (m *Model) tagSentence(vs []view, tags []int, sc *scratch) {
	m.tagPass(m.tagger, vs, tags, nil, sc)
	if m.tagger2 == nil {
		return
	}
	sc.first = append(sc.first[:0], tags...)
	m.tagPass(m.tagger2, vs, tags, sc.first, sc)
}

// tagPass tags the words with the weights tab; right holds the first
// pass's tags in the second pass.
func (m *Model) tagPass(tab *table, vs []view, tags, right []int, sc *scratch) {
	nt := len(m.tagNames)
	for i := range vs {
		if t, ok := m.tagDict[vs[i].form]; ok {
			tags[i] = int(t)
			continue
		}
		scores := sc.ints(nt)
		sc.feats = tagFeatures(vs, tags, right, i, m.lexFeats, sc.feats[:0])
		tab.addAll(sc.feats, scores, &sc.lk, partAll)
		best := 0
		for k := 1; k < nt; k++ {
			if scores[k] > scores[best] {
				best = k
			}
		}
		tags[i] = best
	}
}

// tagExample is a training sentence for the tagger; first holds the
// first pass's tags when training the second pass.
type tagExample struct {
	views []view
	gold  []int
	first []int
}

// trainTagger trains the tagger for the given number of epochs and
// returns its averaged weights; lexFeats adds the features of the word
// buckets (see tagFeatures). With dev examples it evaluates each epoch
// and calls report with the accuracy.
func trainTagger(exs []tagExample, ntags int, dict map[uint64]int16, lexFeats bool, epochs int, seed int64, prune float32, report func(epoch int, tab *table)) *table {
	tt := newTrainTable()
	rng := rand.New(rand.NewSource(seed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, ntags)
	var feats []uint64
	var pred []int
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &exs[k]
			pred = append(pred[:0], make([]int, len(ex.gold))...)
			for i := range ex.views {
				if t, ok := dict[ex.views[i].form]; ok {
					pred[i] = int(t)
					continue
				}
				feats = tagFeatures(ex.views, pred, ex.first, i, lexFeats, feats[:0])
				clear(scores)
				tt.score(feats, scores)
				best := 0
				for c := 1; c < ntags; c++ {
					if scores[c] > scores[best] {
						best = c
					}
				}
				if best != ex.gold[i] {
					tt.update(feats, ex.gold[i], 1)
					tt.update(feats, best, -1)
				}
				tt.tick()
				pred[i] = best
			}
		}
		if report != nil {
			report(epoch, tt.averaged(prune))
		}
	}
	return tt.averaged(prune)
}
