package coref

// This file reads what the resolver needs from a dependency tree: which
// words are third-person pronouns, each word's grammatical role, its
// clause, the clause's subject and whether the clause is the main one.

import "strings"

// pron describes a third-person pronoun form.
type pron struct {
	// class is 'm' (he), 'f' (she), 'n' (it) or 'p' (they).
	class byte
	// cas is 'n' nominative, 'a' accusative, 'p' possessive, 'r'
	// reflexive; 0 for "her" and "it", whose case is their use.
	cas byte
}

// pronouns are the third-person pronoun forms the resolver resolves.
var pronouns = map[string]pron{
	"he": {'m', 'n'}, "him": {'m', 'a'}, "his": {'m', 'p'}, "himself": {'m', 'r'},
	"she": {'f', 'n'}, "her": {'f', 0}, "hers": {'f', 'p'}, "herself": {'f', 'r'},
	"it": {'n', 0}, "its": {'n', 'p'}, "itself": {'n', 'r'},
	"they": {'p', 'n'}, "them": {'p', 'a'}, "their": {'p', 'p'}, "theirs": {'p', 'p'},
	"themselves": {'p', 'r'},
}

// pronounOf returns the pronoun word w is, if it is a third-person
// pronoun: its form, lower-cased, is one of the pronouns and it is tagged
// as a pronoun or determiner (or not tagged), so that "IT" the noun is
// not one.
func pronounOf(w *Word) (string, pron, bool) {
	if len(w.Text) > 10 || len(w.Text) < 2 {
		return "", pron{}, false
	}
	form := lower(w.Text)
	p, ok := pronouns[form]
	if !ok {
		return "", pron{}, false
	}
	switch w.UPOS {
	case "PRON", "DET", "":
	default:
		return "", pron{}, false
	}
	if p.cas == 0 {
		p.cas = 'a'
		switch {
		case p.class == 'f' && (w.Rel == "nmod:poss" || featValue(w.Feats, "Poss") == "Yes"):
			p.cas = 'p'
		case p.class == 'n':
			switch baseRel(w.Rel) {
			case "nsubj", "csubj", "expl", "root", "":
				p.cas = 'n'
			}
		}
	}
	return form, p, true
}

// featValue returns the value of feature name in feats
// ("Number=Plur|Person=3"), or "".
func featValue(feats, name string) string {
	for feats != "" {
		var kv string
		kv, feats, _ = strings.Cut(feats, "|")
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}

// baseRel returns a relation without its subtype ("obl" for "obl:tmod").
func baseRel(rel string) string {
	b, _, _ := strings.Cut(rel, ":")
	return b
}

// role returns the grammatical role of a word with relation rel, among
// the few the features distinguish.
func role(rel string) string {
	switch rel {
	case "nsubj:pass", "nmod:poss":
		return rel
	}
	switch b := baseRel(rel); b {
	case "nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "compound", "root", "expl":
		return b
	case "csubj":
		return "nsubj"
	}
	return "other"
}

// subordinate reports whether relation rel attaches a subordinate clause.
func subordinate(rel string) bool {
	switch baseRel(rel) {
	case "advcl", "acl", "ccomp", "csubj", "parataxis":
		return true
	}
	return false
}

// sentence is a sentence with the tree facts the features read.
type sentence struct {
	words []Word
	// head is each word's head, -1 for the root and for heads outside
	// the sentence or on a cycle.
	head []int
	// clause is the head of each word's clause; depth the number of
	// subordinate clauses between the word and the root.
	clause, depth []int
	// subj is the subject of each clause head (inherited through xcomp
	// and conj), -1 if none.
	subj []int
	// root is the first root word, 0 if none.
	root int
}

// clauseRel reports whether relation rel makes its word a clause head.
func clauseRel(rel string) bool {
	switch baseRel(rel) {
	case "root", "advcl", "acl", "ccomp", "csubj", "xcomp", "parataxis":
		return true
	}
	return false
}

// analyze computes the tree facts of a sentence, whatever its heads: a
// head outside the sentence or a cycle makes a word a root.
func analyze(words []Word) sentence {
	n := len(words)
	s := sentence{words: words}
	buf := make([]int, 4*n)
	s.head, s.clause, s.depth, s.subj = buf[:n:n], buf[n:2*n:2*n], buf[2*n:3*n:3*n], buf[3*n:]
	for i, w := range words {
		h := w.Head
		if h < 0 || h >= n || h == i {
			h = -1
		}
		s.head[i] = h
	}
	// Break cycles: a word whose chain of heads does not reach a root
	// within n steps becomes one.
	for i := range n {
		j, steps := i, 0
		for j >= 0 && steps <= n {
			j = s.head[j]
			steps++
		}
		if j >= 0 {
			s.head[i] = -1
		}
	}
	for i := n - 1; i >= 0; i-- {
		if s.head[i] < 0 {
			s.root = i
		}
	}
	hasSubj := make([]int, n)
	for i := range hasSubj {
		hasSubj[i] = -1
	}
	for i, w := range words {
		if h := s.head[i]; h >= 0 {
			switch baseRel(w.Rel) {
			case "nsubj", "csubj":
				if hasSubj[h] < 0 {
					hasSubj[h] = i
				}
			}
		}
	}
	isClause := func(j int) bool {
		w := &words[j]
		if s.head[j] < 0 || clauseRel(w.Rel) || hasSubj[j] >= 0 {
			return true
		}
		return baseRel(w.Rel) == "conj" && (w.UPOS == "VERB" || w.UPOS == "AUX")
	}
	for i := range n {
		j := i
		for !isClause(j) {
			j = s.head[j]
		}
		s.clause[i] = j
		d := 0
		for k := i; k >= 0; k = s.head[k] {
			if subordinate(words[k].Rel) && s.head[k] >= 0 {
				d++
			}
		}
		s.depth[i] = d
	}
	for i := range n {
		s.subj[i] = -1
		// The subject of a clause, or of the clause it is controlled
		// by or coordinated with ("Ann arrived and thanked him").
		for j, steps := i, 0; steps < 4; steps++ {
			if hasSubj[j] >= 0 {
				s.subj[i] = hasSubj[j]
				break
			}
			if r := baseRel(words[j].Rel); r != "xcomp" && r != "conj" || s.head[j] < 0 {
				break
			}
			j = s.clause[s.head[j]]
		}
	}
	return s
}

// clauseSubject returns the subject of the clause of word i, -1 if none.
func (s *sentence) clauseSubject(i int) int { return s.subj[s.clause[i]] }

// governingSubject reports whether word c is the subject of a clause that
// the clause of word i is subordinate to ("Ann said that she ...").
func (s *sentence) governingSubject(c, i int) bool {
	for j, steps := s.clause[i], 0; steps < len(s.words); steps++ {
		h := s.head[j]
		if h < 0 {
			return false
		}
		j = s.clause[h]
		if s.subj[j] == c {
			return true
		}
	}
	return false
}

// plural returns the number of mention [lo, hi) with head h: "coord" for
// a coordination ("Ann and Bo"), else the head's Number ("plur", "sing")
// or "0".
func (s *sentence) number(lo, hi, h int) string {
	for i := lo; i < hi; i++ {
		if s.head[i] == h && baseRel(s.words[i].Rel) == "conj" {
			return "coord"
		}
	}
	switch featValue(s.words[h].Feats, "Number") {
	case "Plur":
		return "plur"
	case "Sing":
		return "sing"
	}
	return "0"
}
