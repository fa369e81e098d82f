package extract

// This file holds the analysed article that facts and questions are made
// from: sentences of words with their part of speech, lemma, features and
// dependency tree, the named and numeric mentions found in them, and the
// entities those mentions refer to.

import (
	"strings"

	"factdeck/quiz"
)

// Doc is the analysis of one article. It is built by Analyze and read-only
// afterwards.
type Doc struct {
	Article quiz.Article
	// Body is Article.Body(); every offset in the Doc is a byte offset into it.
	Body string
	// Sents are the body's sentences in order.
	Sents []*Sentence
	// Entities are the people, organizations, places and things the
	// article names, each with every mention that refers to it (pronouns
	// and descriptions included, once resolved).
	Entities []*Entity
	// Salience is, for each entity, the probability that a summary of the
	// story names it; Centrality, for each sentence, how much of what the
	// story says it carries, as a share of the most central sentence's
	// score (1 for that one). Both are nil without a salience model.
	Salience, Centrality []float64
	// Headline holds the lower-case content words of the title and
	// standfirst, for salience.
	Headline map[string]bool
}

// Sentence is one analysed sentence.
type Sentence struct {
	// Index is the sentence's position in Doc.Sents; Para the index of its
	// paragraph.
	Index, Para int
	// Start and End delimit the sentence in Doc.Body.
	Start, End int
	Words      []Word
	// Mentions are the named and numeric mentions of the sentence, in order.
	Mentions []Mention
	// Clauses are the sentence's clauses, outermost first.
	Clauses []Clause
	body    string
	kids    [][]int
}

// Word is one syntactic word of a sentence.
type Word struct {
	Text       string
	Start, End int // in Doc.Body
	Lemma      string
	UPOS, XPOS string
	Feats      string
	// Head is the index of the word's head in Sentence.Words, -1 for the
	// root; Rel is its Universal Dependencies relation ("nsubj:pass").
	Head int
	Rel  string
	// Mention is the index in Sentence.Mentions of the mention covering the
	// word, or -1.
	Mention int
	// Ent is the index in Doc.Entities of the entity the word refers to: as
	// part of a name, or as a resolved pronoun ("she") or description ("the
	// company", on its head noun); -1 otherwise.
	Ent int
}

// Mention is a named or numeric expression: words [Lo, Hi) of its sentence.
type Mention struct {
	Lo, Hi int
	Kind   quiz.Kind
	// Entity is the index in Doc.Entities of what the mention refers to, or
	// -1 for values (numbers, dates) and unresolved mentions.
	Entity int
	// Country is the country of a place or nationality, when known.
	Country string
}

// Entity is something the article refers to, possibly several times.
type Entity struct {
	// Name is its fullest name in the article ("Ana Ruiz", not "Ruiz").
	Name string
	Kind quiz.Kind
	// Mentions counts every mention, resolved pronouns and descriptions
	// included; First is the index of the sentence of the first one.
	Mentions, First int
	// Female, Male and Plural are what pronouns may refer to it; set for
	// people from names, titles and pronouns already resolved to them.
	Female, Male bool
	// Class is a common noun the article uses for it ("bank", "team"), for
	// "Which bank ..." questions.
	Class string
}

// Feat returns the value of the morphological feature key of w ("Past" for
// "Tense"), or "".
func (w *Word) Feat(key string) string {
	f := w.Feats
	for f != "" {
		var kv string
		kv, f, _ = strings.Cut(f, "|")
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// Lower returns the word in lower case.
func (w *Word) Lower() string { return strings.ToLower(w.Text) }

// base returns the relation without its subtype ("nsubj" for "nsubj:pass").
func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// Rel returns the base relation of word i ("obl" for "obl:unmarked").
func (s *Sentence) Rel(i int) string { return base(s.Words[i].Rel) }

// Kids returns the dependents of word i in sentence order.
func (s *Sentence) Kids(i int) []int {
	if s.kids == nil {
		s.kids = make([][]int, len(s.Words))
		for j := range s.Words {
			if h := s.Words[j].Head; h >= 0 && h < len(s.Words) && h != j {
				s.kids[h] = append(s.kids[h], j)
			}
		}
	}
	if i < 0 || i >= len(s.kids) {
		return nil
	}
	return s.kids[i]
}

// Root returns the index of the sentence's root word, or -1.
func (s *Sentence) Root() int {
	for i := range s.Words {
		if s.Words[i].Head < 0 {
			return i
		}
	}
	return -1
}

// Kid returns the first dependent of i with base relation rel, or -1.
func (s *Sentence) Kid(i int, rel string) int {
	for _, k := range s.Kids(i) {
		if s.Rel(k) == rel || s.Words[k].Rel == rel {
			return k
		}
	}
	return -1
}

// HasKid reports whether i has a dependent with relation rel (exact or base).
func (s *Sentence) HasKid(i int, rel string) bool { return s.Kid(i, rel) >= 0 }

// Span returns the range [lo, hi) of the words in the subtree of i.
func (s *Sentence) Span(i int) (lo, hi int) {
	lo, hi = i, i+1
	s.Walk(i, func(j int) {
		lo, hi = min(lo, j), max(hi, j+1)
	})
	return lo, hi
}

// Walk calls fn for i and every word below it. Cycles in a broken tree are
// cut by a depth bound.
func (s *Sentence) Walk(i int, fn func(j int)) {
	var rec func(i, depth int)
	rec = func(i, depth int) {
		fn(i)
		if depth > len(s.Words) {
			return
		}
		for _, k := range s.Kids(i) {
			rec(k, depth+1)
		}
	}
	rec(i, 0)
}

// Dominates reports whether a is b or an ancestor of b.
func (s *Sentence) Dominates(a, b int) bool {
	for n := 0; b >= 0 && n <= len(s.Words); n++ {
		if a == b {
			return true
		}
		b = s.Words[b].Head
	}
	return false
}

// Text returns the sentence as written.
func (s *Sentence) Text() string { return s.body[s.Start:s.End] }

// Segment returns words [lo, hi) as written, spacing included.
func (s *Sentence) Segment(lo, hi int) string {
	if lo >= hi || lo < 0 || hi > len(s.Words) {
		return ""
	}
	return s.body[s.Words[lo].Start:s.Words[hi-1].End]
}
