// Package syntax analyses English sentences the way the Universal
// Dependencies treebanks do: for every word its part of speech (UPOS and
// the Penn Treebank XPOS), lemma, morphological features (Number, Person,
// Tense, Mood, VerbForm, Voice, Case, Degree, ...) and its head and
// relation in a labelled dependency tree ("nsubj:pass", "obl", "appos",
// "acl:relcl", "compound:prt").
//
// It reads the sentences and tokens of package token, so that one
// tokenization of an article serves the named-entity recognizer
// (ner.Model.EntitiesIn) and the parser:
//
//	sents := token.Split(text)
//	ents := nerModel.EntitiesIn(text, sents)
//	trees := syntaxModel.ParseAll(text, sents)
//	for _, t := range trees {
//		v := t.Root()
//		if s := t.Dependent(v, "nsubj"); s >= 0 {
//			a, b := t.Bytes(s) // the subject phrase: text[a:b]
//			_, _ = a, b
//		}
//	}
//
// Load decodes the embedded model; the *Model is read-only and safe for
// concurrent use, so load it once and share it. Parse and ParseAll reuse
// internal buffers across calls; a returned Tree is the caller's.
//
// The model, trained on UD English EWT and the CC BY part of GUM, is four
// averaged perceptrons with hashed features: a tagger over joint UPOS|XPOS
// tags in two greedy passes, the second reading the first's tags to the
// right of each word, with frequent unambiguous words tagged from a
// dictionary; an arc-hybrid transition parser with a root at the bottom
// of the stack, trained with a dynamic oracle and exploration on tags
// predicted by jack-knifing, with the rich non-local features of Zhang and
// Nivre (2011), two runs averaged; a classifier of the FEATS string among
// those seen with the tag, reading the tree (relation, head, subject,
// auxiliaries); and a lemmatizer of lexicon exceptions and suffix rules
// learned from the training data, checked against the regular stems of
// English inflection and the lemmas the training data knows in each word
// class. Parses are projective. Weights are stored as 12-bit integers in
// compact hash tables looked up in batches, so that the processor
// overlaps the cache misses of a sentence's features; the rows of
// frequent features are dense and summed four classes at a time, and the
// parser sums only the weights of its valid actions.
//
// Trained with word buckets (syntaxtrain -word-buckets), the tagger also
// reads each word's frequency and usual capitalization in the training
// data, the sentence's capitalization and the last part of hyphenated
// words, and each training sentence gets the ambiguity classes of the
// other folds, as new text has (model format 5). That tags better on the
// dev sets but changes parses the later stages were tuned on; the
// embedded model is trained without (format 4).
//
// The embedded model.bin.gz is regenerated from the repository root (with
// shared/ beside it) by
//
//	go run ./cmd/syntaxtrain
//
// which reads ../shared/eval/ud, chooses the epochs on the dev sets and
// never reads the test sets; see cmd/syntaxtrain for its flags.
package syntax

import (
	_ "embed"
	"fmt"
	"sync"

	"factdeck/quiz/syntax/conllu"
	"factdeck/quiz/token"
)

// Model is a trained tagger, parser, morphological classifier and
// lemmatizer. It is safe for concurrent use.
type Model struct {
	// Tags are joint UPOS and XPOS pairs.
	tagUPOS, tagXPOS []string
	tagNames         []string // "UPOS|XPOS"
	// tagDict gives the tag of frequent words that (almost) always take
	// one, by form hash.
	tagDict map[uint64]int16
	// ambig holds the ambiguity classes of frequent words, by lowercase
	// hash.
	ambig map[uint64]uint64
	// lexb holds the word buckets (frequency and capitalization) of the
	// training data's words, by lowercase hash.
	lexb map[uint64]uint8
	// lexFeats tells whether the tagger reads the word buckets, the
	// sentence's capitalization and hyphen parts (format version 5).
	lexFeats bool
	tagger   *table
	// tagger2 is the second pass of the tagger, or nil.
	tagger2 *table
	// secondOnly marks a model in training that holds only a second pass.
	secondOnly bool

	rels    []string
	rootRel int
	parser  *table

	// feats lists the FEATS strings, "" first; featCands the candidate
	// FEATS of each tag, most frequent first.
	feats     []string
	featCands [][]uint16
	morph     *table
	subjRels  [3]int16
	auxRels   [2]int16

	lem *lemmatizer

	pool sync.Pool // of *scratch
}

//go:embed model.bin.gz
var embedded []byte

// Load returns the embedded, trained model. Loading takes a few hundred
// milliseconds: load once and share the model.
func Load() (*Model, error) {
	m, err := Decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("syntax: load embedded model: %w", err)
	}
	return m, nil
}

// scratch holds the buffers of one analysis, reused across sentences.
type scratch struct {
	views   []view
	tags    []int
	first   []int
	st      state
	sf      sentFeats
	feats   []uint64
	lk      lookup
	iscores []int32
	forms   []string
	morph   morphInput
	tree    Tree
}

// ints returns a zeroed []int32 of length n from the scratch.
func (sc *scratch) ints(n int) []int32 {
	if cap(sc.iscores) < n {
		sc.iscores = make([]int32, n)
	}
	sc.iscores = sc.iscores[:n]
	clear(sc.iscores)
	return sc.iscores
}

func (m *Model) getScratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// Parse analyses one sentence of text, as split by token.Split. The
// tree's words are the sentence's tokens, with their offsets.
func (m *Model) Parse(text string, s token.Sentence) *Tree {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	t := new(Tree)
	*t = *m.parseInto(s, make([]Word, len(s.Tokens)), sc)
	return t
}

// ParseAll analyses the sentences of text, as split by token.Split.
func (m *Model) ParseAll(text string, sents []token.Sentence) []*Tree {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	// All words share one array, and all trees another.
	words := make([]Word, n)
	trees := make([]Tree, len(sents))
	out := make([]*Tree, len(sents))
	for i, s := range sents {
		w := words[:len(s.Tokens):len(s.Tokens)]
		words = words[len(s.Tokens):]
		trees[i] = *m.parseInto(s, w, sc)
		out[i] = &trees[i]
	}
	return out
}

// parseInto analyses sentence s into words and returns its tree, which
// points into sc until copied.
func (m *Model) parseInto(s token.Sentence, words []Word, sc *scratch) *Tree {
	sc.forms = sc.forms[:0]
	for i, t := range s.Tokens {
		words[i].Form, words[i].Start, words[i].End = t.Text, t.Start, t.End
		sc.forms = append(sc.forms, t.Text)
	}
	m.analyze(sc.forms, words, sc)
	sc.tree = Tree{Start: s.Start, End: s.End, Words: words}
	sc.tree.index()
	return &sc.tree
}

// Annotate fills in the predicted LEMMA, UPOS, XPOS, FEATS, HEAD and
// DEPREL of a CoNLL-U sentence's words, keeping their forms and every
// other column and line as they are; DEPS is cleared, as the model does
// not predict enhanced dependencies.
func (m *Model) Annotate(s *conllu.Sentence) {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	sc.forms = sc.forms[:0]
	for _, w := range s.Words {
		sc.forms = append(sc.forms, w.Form)
	}
	words := make([]Word, len(s.Words))
	for i := range words {
		words[i].Form = s.Words[i].Form
	}
	m.analyze(sc.forms, words, sc)
	for i := range s.Words {
		w, p := &s.Words[i], &words[i]
		w.Lemma, w.UPOS, w.XPOS, w.Feats = p.Lemma, p.UPOS, p.XPOS, string(p.Feats)
		if w.Feats == "" {
			w.Feats = "_"
		}
		w.Head, w.DepRel, w.Deps = p.Head+1, p.DepRel, "_"
	}
}

// analyze fills in everything but the forms and offsets of words.
func (m *Model) analyze(forms []string, words []Word, sc *scratch) {
	n := len(forms)
	if n == 0 {
		return
	}
	if cap(sc.views) < n {
		sc.views = make([]view, n)
		sc.tags = make([]int, n)
	}
	sc.views, sc.tags = sc.views[:n], sc.tags[:n]
	for i, f := range forms {
		sc.views[i] = makeView(f)
	}
	m.setAmbiguity(sc.views)
	m.tagSentence(sc.views, sc.tags, sc)
	m.parseSentence(sc)
	for i := range words {
		t := sc.tags[i]
		w := &words[i]
		w.UPOS, w.XPOS = m.tagUPOS[t], m.tagXPOS[t]
		w.Head = int(sc.st.heads[i+1]) - 1
		w.DepRel = m.rels[sc.st.rels[i+1]]
	}
	m.morphSentence(words, sc)
	for i := range words {
		w := &words[i]
		initial := i == 0 || words[i-1].UPOS == "PUNCT" && words[i-1].Form != ","
		w.Lemma = m.lem.lemmaX(w.Form, w.XPOS, initial)
	}
}

// parseSentence parses the tagged words of sc, leaving the tree in sc.st
// (heads and relations by parser word number, 0 the root).
func (m *Model) parseSentence(sc *scratch) {
	n := len(sc.views)
	m.prepareParse(sc.views, sc.tags, &sc.sf)
	st := &sc.st
	st.reset(n)
	nrel := len(m.rels)
	for !st.terminal() {
		// A transition that is the only valid one needs no scores: a SHIFT
		// onto the bare root, the root's own dependent at the end.
		if !st.canLeft() && !st.canRight() {
			st.apply(actShift, 0)
			continue
		}
		if !st.canShift() && st.rightToRoot() {
			st.apply(actRight, m.rootRel)
			continue
		}
		// Only the valid actions' scores are needed: those of SHIFT and
		// LEFT when RIGHT is invalid, those of RIGHT when the buffer is
		// empty.
		part := partAll
		switch {
		case !st.canRight():
			part = partLow
		case !st.canShift():
			part = partHigh
		}
		scores := sc.ints(1 + 2*nrel)
		sc.feats = parseFeatures(st, &sc.sf, sc.feats[:0])
		m.parser.addAll(sc.feats, scores, &sc.lk, part)
		typ, a := bestAction(st, scores, nrel, m.rootRel)
		st.apply(typ, actionLabel(a, nrel))
	}
}

// prepareParse fills the per-word parser feature values.
func (m *Model) prepareParse(vs []view, tags []int, sf *sentFeats) {
	n := len(vs)
	if cap(sf.w) < n+1 {
		sf.w = make([]uint64, n+1)
		sf.p = make([]uint64, n+1)
		sf.punct = make([]int32, n+1)
	}
	sf.w, sf.p, sf.punct = sf.w[:n+1], sf.p[:n+1], sf.punct[:n+1]
	sf.w[0], sf.p[0], sf.punct[0] = hRootWord, pRootTag, 0
	for i := range vs {
		sf.w[i+1] = vs[i].lower
		sf.p[i+1] = uint64(tags[i])
		sf.punct[i+1] = sf.punct[i]
		if vs[i].flags&flPunct != 0 {
			sf.punct[i+1]++
		}
	}
}
