package syntax

// This file holds the analysis of a sentence, a Tree of Words, and the
// helpers callers use to walk it.

import (
	"strings"

	"factdeck/quiz/syntax/conllu"
)

// Word is one syntactic word of a parsed sentence.
type Word struct {
	// Form is the word as written: text[Start:End] of the text given to
	// Parse (or the FORM column of CoNLL-U input, whose offsets are 0).
	Form string
	// Start and End are byte offsets into the text.
	Start, End int
	// Lemma is the word's dictionary form ("be" for "was").
	Lemma string
	// UPOS is the Universal Dependencies part of speech ("NOUN", "AUX",
	// "PROPN"); XPOS the Penn Treebank tag ("NNS", "VBD").
	UPOS, XPOS string
	// Feats are the morphological features ("Number=Sing|Tense=Past").
	Feats Feats
	// Head is the index in Tree.Words of the word's head, -1 for the
	// root of the sentence.
	Head int
	// DepRel is the Universal Dependencies relation to the head, with its
	// subtype: "nsubj", "nsubj:pass", "obl:unmarked", "compound:prt",
	// "root" for the root.
	DepRel string
}

// Feat returns the value of the morphological feature name ("Tense"), or
// "" if the word does not have it.
func (w *Word) Feat(name string) string { return w.Feats.Get(name) }

// Rel reports whether the word's relation is rel: "nsubj" matches
// "nsubj" and its subtypes ("nsubj:pass"), "nsubj:pass" only itself.
func (w *Word) Rel(rel string) bool { return relMatches(w.DepRel, rel) }

func relMatches(have, want string) bool {
	if have == want {
		return true
	}
	return len(have) > len(want) && have[len(want)] == ':' && have[:len(want)] == want && strings.IndexByte(want, ':') < 0
}

// Feats is the FEATS column of a word: features written Name=Value,
// sorted by name, joined by "|"; "" for none.
type Feats string

// Get returns the value of feature name, or "".
func (f Feats) Get(name string) string {
	s := string(f)
	for len(s) > 0 {
		i := strings.IndexByte(s, '|')
		kv := s
		if i >= 0 {
			kv, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if len(kv) > len(name) && kv[len(name)] == '=' && kv[:len(name)] == name {
			return kv[len(name)+1:]
		}
	}
	return ""
}

// All returns the features as name, value pairs in order.
func (f Feats) All() [][2]string {
	if f == "" {
		return nil
	}
	var out [][2]string
	for _, kv := range strings.Split(string(f), "|") {
		k, v, _ := strings.Cut(kv, "=")
		out = append(out, [2]string{k, v})
	}
	return out
}

// Tree is the analysis of one sentence: its words with their heads. Its
// helpers take and return word indices into Words.
type Tree struct {
	// Start and End are the byte offsets of the sentence in the text.
	Start, End int
	Words      []Word
	root       int
	// kids lists the dependents of word i, in order, as
	// kids[kidAt[i]:kidAt[i+1]].
	kids, kidAt []int
	// first and last bound the subtree of each word.
	first, last []int
}

// index computes the tree's children lists and subtree spans from the
// words' heads, in linear time.
func (t *Tree) index() {
	n := len(t.Words)
	t.root = -1
	// One allocation for kidAt, kids, first, last and a work queue.
	buf := make([]int, n+1+4*n)
	t.kidAt, buf = buf[:n+1:n+1], buf[n+1:]
	t.kids, buf = buf[:n:n], buf[n:]
	t.first, buf = buf[:n:n], buf[n:]
	t.last, buf = buf[:n:n], buf[n:]
	queue := buf[:0:n]
	for i := range t.Words {
		if h := t.Words[i].Head; h >= 0 && h < n && h != i {
			t.kidAt[h+1]++
		} else {
			if t.root < 0 {
				t.root = i
			}
			queue = append(queue, i)
		}
	}
	for i := 1; i <= n; i++ {
		t.kidAt[i] += t.kidAt[i-1]
	}
	fill := t.first // free until the spans are computed
	copy(fill, t.kidAt[:n])
	for i := range t.Words {
		if h := t.Words[i].Head; h >= 0 && h < n && h != i {
			t.kids[fill[h]] = i
			fill[h]++
		}
	}
	// Breadth-first from the roots; words on a cycle (bad input) are
	// never reached and keep a span of themselves.
	for q := 0; q < len(queue); q++ {
		queue = append(queue, t.Children(queue[q])...)
	}
	for i := range t.first {
		t.first[i], t.last[i] = i, i
	}
	for q := len(queue) - 1; q >= 0; q-- {
		x := queue[q]
		if h := t.Words[x].Head; h >= 0 && h < n && h != x {
			t.first[h] = min(t.first[h], t.first[x])
			t.last[h] = max(t.last[h], t.last[x])
		}
	}
}

// Root returns the index of the sentence's root word, or -1 for an empty
// tree.
func (t *Tree) Root() int { return t.root }

// Children returns the dependents of word i in sentence order. The slice
// belongs to the tree; do not modify it.
func (t *Tree) Children(i int) []int {
	if i < 0 || i >= len(t.Words) {
		return nil
	}
	return t.kids[t.kidAt[i]:t.kidAt[i+1]:t.kidAt[i+1]]
}

// Dependent returns the first dependent of word i whose relation matches
// one of rels (as Word.Rel matches), or -1.
func (t *Tree) Dependent(i int, rels ...string) int {
	for _, k := range t.Children(i) {
		for _, r := range rels {
			if relMatches(t.Words[k].DepRel, r) {
				return k
			}
		}
	}
	return -1
}

// Span returns the first and last word of the subtree of word i (word i
// and everything that depends on it, directly or not).
func (t *Tree) Span(i int) (first, last int) {
	if i < 0 || i >= len(t.Words) {
		return -1, -1
	}
	return t.first[i], t.last[i]
}

// Bytes returns the byte offsets in the text of the subtree of word i:
// from the start of its first word to the end of its last.
func (t *Tree) Bytes(i int) (start, end int) {
	a, b := t.Span(i)
	if a < 0 {
		return 0, 0
	}
	return t.Words[a].Start, t.Words[b].End
}

// Path returns word i and its ancestors, ending with the root.
func (t *Tree) Path(i int) []int {
	var out []int
	for steps := 0; i >= 0 && i < len(t.Words) && steps <= len(t.Words); steps++ {
		out = append(out, i)
		i = t.Words[i].Head
	}
	return out
}

// Dominates reports whether word a is word d or one of its ancestors.
func (t *Tree) Dominates(a, d int) bool {
	if a < 0 || a >= len(t.Words) {
		return false
	}
	return t.first[a] <= d && d <= t.last[a] && t.isAncestor(a, d)
}

func (t *Tree) isAncestor(a, d int) bool {
	for steps := 0; d >= 0 && d < len(t.Words) && steps <= len(t.Words); steps++ {
		if d == a {
			return true
		}
		d = t.Words[d].Head
	}
	return false
}

// Sentence returns the tree as a CoNLL-U sentence with a "# text = "
// comment, text being the text the tree was parsed from: the sentence's
// text with line breaks as spaces, and SpaceAfter=No where no space
// follows a word.
func (t *Tree) Sentence(text string) conllu.Sentence {
	var s conllu.Sentence
	if t.Start >= 0 && t.Start <= t.End && t.End <= len(text) {
		s.Comments = []string{"# text = " + strings.Join(strings.Fields(text[t.Start:t.End]), " ")}
	}
	s.Words = make([]conllu.Word, len(t.Words))
	for i, w := range t.Words {
		misc := "_"
		if i+1 < len(t.Words) && t.Words[i+1].Start == w.End && w.End > 0 {
			misc = "SpaceAfter=No"
		}
		feats := string(w.Feats)
		if feats == "" {
			feats = "_"
		}
		s.Words[i] = conllu.Word{ID: i + 1, Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Feats: feats,
			Head: w.Head + 1, DepRel: w.DepRel, Deps: "_", Misc: misc}
	}
	return s
}
