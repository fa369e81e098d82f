// Package ner finds named entities (persons, organizations, locations and
// miscellaneous names) in English text, using a statistical model trained on
// CoNLL-2003 that is embedded in the binary.
//
// Load decodes the model once; the *Model is read-only and may be shared by
// goroutines. EntitiesIn takes a text with its sentences and tokens from
// token.Split, the pipeline's one tokenizer, so that a caller that also
// parses the text (quiz/syntax) tokenizes it once; Entities(text) splits
// the text itself. The tokens follow the Universal Dependencies treebanks,
// which split hyphenated words ("well - known"); the recognizer joins
// touching tokens back into the words CoNLL-2003 writes ("well-known",
// "5pm", "U.S." before a sentence end) for its features, so every entity
// starts and ends on a token boundary. Entities come with byte offsets into
// the text; the whole text is one document. Tag and TagDoc tag
// pre-tokenized sentences, and Evaluate scores a model on CoNLL data as
// conlleval does.
//
// The model is an averaged structured perceptron over BILOU tags with
// Viterbi decoding. Its features are hashed: word, lowercase, shape,
// affixes, neighbours within two tokens, sentence capitalization, gazetteer
// matches (names harvested from the training data, with jackknifing, the
// general word lists of quiz/lexicon and those of cmd/nertrain/data), how
// the word is capitalized elsewhere in the document, and the types given to
// it earlier in the document. All-caps and title-case headlines are read
// alike and tagged after the body, so that its history informs them.
// Honorifics ("Mr.", "Dr.") mark the following name as a person and stay
// out of it, as in CoNLL.
//
// The embedded model.bin.gz is regenerated from the repository root (with
// shared/ beside it) in about 15 seconds with
//
//	go run ./cmd/nertrain -train ../shared/eval/conll2003/train.txt \
//		-dev ../shared/eval/conll2003/valid.txt -epochs 12 -final \
//		-o quiz/ner/model.bin.gz
//
// which picks the number of epochs on valid.txt, then retrains on train.txt
// and valid.txt together. test.txt is only ever read by TestCoNLL2003. The
// gazetteer is stored in the model, so later edits to quiz/lexicon change
// nothing until the model is retrained. Changing features.go, doc.go or
// gazetteer.go also requires retraining (TestCoNLL2003Valid catches a
// model left stale).
package ner

import (
	_ "embed"
	"fmt"
	"sort"

	"factdeck/quiz/token"
)

// Entity types, as in CoNLL-2003.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Entity is one named entity found in a text.
type Entity struct {
	// Text is the entity as written, text[Start:End].
	Text string
	// Type is PER, ORG, LOC or MISC.
	Type string
	// Start and End are byte offsets into the text given to Entities.
	Start, End int
}

// Model is a trained recognizer. It is safe for concurrent use.
type Model struct {
	tab   *table
	trans [nTags + 1][nTags]float32
	gaz   gazetteer
}

//go:embed model.bin.gz
var embedded []byte

// Load returns the embedded, trained model.
func Load() (*Model, error) {
	m, err := Decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("ner: load embedded model: %w", err)
	}
	return m, nil
}

// scratch holds the buffers reused across the sentences of one call.
type scratch struct {
	words  []string
	toks   []tok
	feats  []uint64
	scores []float32
	back   []int8
	tags   []int
	hist   history
	// units caches the summed weights of unitFeatures by unitKey, direct
	// mapped: news repeats its words, so most tokens skip half of the
	// lookups. Its length is a power of two, or 0 for no cache.
	units []unit
}

// unit is an entry of the unit cache.
type unit struct {
	key uint64
	acc [nTags]int32
}

// unitCache returns an empty unit cache sized for a text of n tokens.
func unitCache(n int) []unit {
	size := 64
	for size < n/2 && size < 1<<14 {
		size <<= 1
	}
	return make([]unit, size)
}

// sum adds the quantized weights of feats to acc.
func (m *Model) sum(acc *[nTags]int32, feats []uint64) {
	for _, f := range feats {
		if r := m.tab.row(f); r != nil {
			for k, x := range r {
				acc[k] += int32(x)
			}
		}
	}
}

// tagSentence tags the prepared tokens, leaving BILOU tags in s.tags, and
// records them in the document history s.hist.
func (m *Model) tagSentence(s *scratch) []int {
	n := len(s.toks)
	if cap(s.scores) < n*nTags {
		s.scores = make([]float32, n*nTags)
		s.back = make([]int8, n*nTags)
	}
	scores := s.scores[:n*nTags]
	var acc [nTags]int32
	for i := 0; i < n; i++ {
		t := &s.toks[i]
		key := unitKey(t)
		var u *unit
		if len(s.units) > 0 {
			u = &s.units[key&uint64(len(s.units)-1)]
		}
		if u != nil && u.key == key {
			acc = u.acc
		} else {
			acc = [nTags]int32{}
			s.feats = unitFeatures(t, s.feats[:0])
			m.sum(&acc, s.feats)
			if u != nil {
				*u = unit{key, acc}
			}
		}
		s.feats = contextFeatures(s.toks, i, s.feats[:0])
		s.feats = s.hist.features(t, s.feats)
		m.sum(&acc, s.feats)
		sc := scores[i*nTags : (i+1)*nTags : (i+1)*nTags]
		for k := range sc {
			sc[k] = float32(acc[k]) * m.tab.scale
		}
	}
	if cap(s.tags) < n {
		s.tags = make([]int, n)
	}
	s.tags = s.tags[:n]
	viterbi(scores, n, &m.trans, s.tags, s.back[:n*nTags])
	if s.words != nil {
		honorifics(s.words, s.toks, s.tags)
	}
	s.hist.record(s.toks, s.tags)
	return s.tags
}

// TagDoc returns CoNLL-2003 IOB2 tags for the pre-tokenized sentences of
// one document; how a word is written across the document informs its tags.
func (m *Model) TagDoc(sents [][]string) [][]string {
	s := scratch{hist: history{}}
	ds := docStats{}
	caps := make([]bool, len(sents))
	ntok := 0
	for _, words := range sents {
		ntok += len(words)
	}
	s.units = unitCache(ntok)
	for k, words := range sents {
		s.words = words
		s.toks = prepare(words, nil, s.toks)
		ds.add(s.toks)
		caps[k] = len(s.toks) > 0 && s.toks[0].flags&flCapsSentence != 0
	}
	out := make([][]string, len(sents))
	for _, k := range docOrder(caps) {
		words := sents[k]
		s.words = words
		s.toks = prepare(words, m.gaz, s.toks)
		ds.apply(s.toks)
		tags := m.tagSentence(&s)
		o := make([]string, len(words))
		for i := range o {
			o[i] = "O"
		}
		tagSpans(tags, func(start, end, typ int) {
			o[start] = "B-" + types[typ]
			for j := start + 1; j < end; j++ {
				o[j] = "I-" + types[typ]
			}
		})
		out[k] = o
	}
	return out
}

// docOrder returns the order in which to tag the sentences of a document:
// headlines (all-caps or title-case sentences, caps[k]) last, so that the
// document history from the body informs them.
func docOrder(caps []bool) []int {
	order := make([]int, 0, len(caps))
	for k, c := range caps {
		if !c {
			order = append(order, k)
		}
	}
	for k, c := range caps {
		if c {
			order = append(order, k)
		}
	}
	return order
}

// EntitiesIn returns the named entities of text, split into sentences by
// token.Split, in order of appearance, so that a caller that also parses
// the text tokenizes it once. Every entity starts at a token's start and
// ends at a token's end. The whole text is one document.
func (m *Model) EntitiesIn(text string, sentences []token.Sentence) []Entity {
	var out []Entity
	s := scratch{hist: history{}}
	sents := unitSentences(sentences)
	ntok := 0
	for _, sent := range sents {
		ntok += len(sent)
	}
	ds := make(docStats, ntok/4)
	words := func(sent []span) []string {
		s.words = s.words[:0]
		for _, sp := range sent {
			s.words = append(s.words, text[sp.Start:sp.End])
		}
		return s.words
	}
	caps := make([]bool, len(sents))
	deferred := false
	s.units = unitCache(ntok)
	for k, sent := range sents {
		s.toks = prepare(words(sent), nil, s.toks)
		ds.add(s.toks)
		caps[k] = len(s.toks) > 0 && s.toks[0].flags&flCapsSentence != 0
		deferred = deferred || caps[k] && k+1 < len(sents) && !caps[k+1]
	}
	for _, k := range docOrder(caps) {
		sent := sents[k]
		s.toks = prepare(words(sent), m.gaz, s.toks)
		ds.apply(s.toks)
		tags := m.tagSentence(&s)
		tagSpans(tags, func(start, end, typ int) {
			a, b := sent[start].Start, sent[end-1].End
			out = append(out, Entity{Text: text[a:b], Type: types[typ], Start: a, End: b})
		})
	}
	if deferred {
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// honorifics makes the capitalized words after "Mr.", "Dr." and the like a
// person, leaving the honorific itself out as CoNLL does. The training
// data, Reuters copy, has too few honorifics for the model to learn this.
func honorifics(words []string, toks []tok, tags []int) {
	capital := func(j int) bool { return toks[j].flags&(flInitCap|flAllCap) != 0 }
	for i := 0; i+1 < len(words); i++ {
		if !honorific(words[i]) || !capital(i+1) {
			continue
		}
		// The span to retag starts at i+1 and ends where the entity that
		// covers i+1 ends, or after the capitalized words that follow.
		end := i + 1
		if tags[i+1] != 0 {
			for end < len(tags) && tags[end] != 0 {
				p := tagPos(tags[end])
				end++
				if p == posL || p == posU {
					break
				}
			}
		} else {
			for end < len(tags) && end-i <= 3 && tags[end] == 0 && capital(end) {
				end++
			}
		}
		if tags[i] != 0 {
			// The honorific ends or opens an entity: cut it out.
			a := i
			for a > 0 && tagPos(tags[a]) != posB && tagPos(tags[a]) != posU {
				a--
			}
			if a < i {
				setSpan(tags, a, i, tagType(tags[a]))
			}
			tags[i] = 0
		}
		setSpan(tags, i+1, end, 0)
		i = end - 1
	}
}

// setSpan tags [a, b) as one entity of type typ.
func setSpan(tags []int, a, b, typ int) {
	if b-a == 1 {
		tags[a] = tagOf(typ, posU)
		return
	}
	tags[a] = tagOf(typ, posB)
	for j := a + 1; j < b-1; j++ {
		tags[j] = tagOf(typ, posI)
	}
	tags[b-1] = tagOf(typ, posL)
}

// honorific reports whether w is a title written before a name.
func honorific(w string) bool {
	switch w {
	case "Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Dr", "Prof.", "Sir", "Dame", "Mx.", "Messrs.":
		return true
	}
	return false
}
