package extract

// This file finds the clauses of a parsed sentence: each predicate with its
// subject (its own, or the one it shares as a relative clause, a
// coordinated verb or a controlled infinitive), its auxiliaries, voice,
// negation, and who reports it.

import "strings"

// Clause is a predicate with what a question about it needs.
type Clause struct {
	// Pred is the predicate: the main verb, or the noun, adjective or
	// phrase a copula links to its subject ("chief" in "she is chief").
	Pred int
	// Cop is the copula of a non-verbal predicate, or -1.
	Cop int
	// Subj is the head of the subject, or -1. For a relative clause, a verb
	// coordinated with another, a participle modifying a noun or a
	// controlled infinitive, it is the shared subject outside the clause.
	Subj int
	// OwnSubj reports whether Subj is the predicate's own dependent.
	OwnSubj bool
	// Aux are the auxiliaries of the predicate in order ("will", "have",
	// "been"); the copula is not among them.
	Aux []int
	// Neg is the negation ("not", "n't", "never"), or -1.
	Neg int
	// Passive reports a passive predicate ("was chosen").
	Passive bool
	// Kind is how the clause attaches: its predicate's relation without
	// subtype ("root", "conj", "ccomp", "advcl", "acl", "xcomp",
	// "parataxis"), "relcl" for a relative clause.
	Kind string
	// Source is the head of who reports the clause: the subject of the verb
	// of saying it complements ("the agency said"), or the object of
	// "according to"; -1 when the sentence states it.
	Source int
	// Parent is the index of the clause this one attaches to, or -1.
	Parent int
}

// speechVerbs are verbs that report what someone said or found.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "announce": true, "report": true, "add": true, "state": true,
	"claim": true, "note": true, "explain": true, "warn": true, "insist": true, "confirm": true,
	"write": true, "argue": true, "estimate": true, "predict": true, "indicate": true,
	"suggest": true, "acknowledge": true, "admit": true, "deny": true, "declare": true,
	"reveal": true, "disclose": true, "assert": true, "allege": true, "testify": true,
	"conclude": true, "find": true, "show": true, "believe": true, "think": true, "expect": true,
	"tweet": true, "post": true, "recall": true, "remark": true, "stress": true, "emphasize": true,
}

// IsSpeech reports whether lemma is a verb of saying or reporting.
func IsSpeech(lemma string) bool { return speechVerbs[strings.ToLower(lemma)] }

// clauses finds the clauses of s, outermost first.
func (s *Sentence) clauses() []Clause {
	var out []Clause
	at := map[int]int{} // predicate word -> clause index
	var visit func(i, parent, depth int)
	visit = func(i, parent, depth int) {
		if depth > 40 {
			return
		}
		ci := -1
		if s.isPredicate(i) {
			c := s.clause(i)
			c.Parent = parent
			out = append(out, c)
			ci = len(out) - 1
			at[i] = ci
		}
		next := parent
		if ci >= 0 {
			next = ci
		}
		for _, k := range s.Kids(i) {
			visit(k, next, depth+1)
		}
	}
	if r := s.Root(); r >= 0 {
		visit(r, -1, 0)
	}
	// Shared subjects and sources come from the parent clause.
	for ci := range out {
		c := &out[ci]
		if c.Subj < 0 && c.Parent >= 0 {
			p := out[c.Parent]
			switch c.Kind {
			case "conj":
				// A verb joined by "and", "but", "or" or a comma shares
				// the subject; one joined by nothing is a misreading
				// ("fell on Monday, a day after the council passed a
				// rule": "passed" is not what the shares did).
				if s.Words[c.Pred].Head == p.Pred && (s.HasKid(c.Pred, "cc") || c.Pred > 0 && isListPunct(s.Words[c.Pred-1].Text)) {
					c.Subj = p.Subj
				}
			case "xcomp":
				if o := s.Kid(p.Pred, "obj"); o >= 0 {
					c.Subj = o
				} else {
					c.Subj = p.Subj
				}
			case "advcl":
				// "talks would span two days, taking place on Friday": a
				// participle shares its clause's subject.
				if w := &s.Words[c.Pred]; w.XPOS == "VBG" || w.XPOS == "VBN" && !c.Passive {
					c.Subj = p.Subj
				}
			}
		}
		if c.Source < 0 && c.Parent >= 0 {
			p := out[c.Parent]
			switch {
			case (c.Kind == "ccomp" || c.Kind == "parataxis") && IsSpeech(s.Words[p.Pred].Lemma) && p.Cop < 0:
				c.Source = p.Subj
			case c.Kind == "conj" || c.Kind == "xcomp":
				c.Source = p.Source
			}
		}
	}
	return out
}

// isPredicate reports whether word i heads a clause.
func (s *Sentence) isPredicate(i int) bool {
	w := &s.Words[i]
	rel := s.Rel(i)
	if s.HasKid(i, "cop") {
		return true
	}
	if w.UPOS != "VERB" && !(w.UPOS == "AUX" && (rel == "root" || rel == "conj" || rel == "ccomp")) {
		return false
	}
	switch rel {
	case "root", "conj", "ccomp", "advcl", "xcomp", "parataxis", "csubj", "acl":
		return true
	}
	return false
}

// clause reads the clause headed by predicate p.
func (s *Sentence) clause(p int) Clause {
	c := Clause{Pred: p, Cop: -1, Subj: -1, Neg: -1, Source: -1, Parent: -1, Kind: s.Rel(p)}
	if s.Words[p].Rel == "acl:relcl" || s.Words[p].Rel == "advcl:relcl" {
		c.Kind = "relcl"
	}
	for _, k := range s.Kids(p) {
		w := &s.Words[k]
		switch s.Words[k].Rel {
		case "nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer":
			if c.Subj < 0 {
				c.Subj, c.OwnSubj = k, true
			}
			if strings.HasSuffix(w.Rel, ":pass") {
				c.Passive = true
			}
		case "aux", "aux:pass":
			if k < p {
				c.Aux = append(c.Aux, k)
			}
			if w.Rel == "aux:pass" {
				c.Passive = true
			}
		case "cop":
			c.Cop = k
		case "advmod":
			switch w.Lower() {
			case "not", "n't", "never":
				c.Neg = k
			}
		case "obl", "obl:agent":
			if s.isAccordingTo(k) {
				c.Source = k
			}
		}
	}
	h := s.Words[p].Head
	switch {
	case c.Kind == "relcl" && h >= 0:
		// "the man who won": the relative pronoun stands for the noun.
		if c.Subj >= 0 && isRelative(s.Words[c.Subj].Lower()) {
			c.Subj, c.OwnSubj = h, false
			// "Ann Lee, a chemist who founded the firm": the appositive
			// restates the name, and the name is who founded it.
			if g := s.Words[h].Head; g >= 0 && s.Words[h].Rel == "appos" && s.Words[g].UPOS == "PROPN" {
				c.Subj = g
			}
		}
	case c.Kind == "acl" && h >= 0 && c.Subj < 0:
		// "the team coached by Ann", "people living nearby".
		c.Subj = h
		if s.Words[p].XPOS == "VBN" || s.Words[p].Feat("Tense") == "Past" && s.Words[p].Feat("VerbForm") == "Part" {
			c.Passive = true
		}
	}
	return c
}

// isListPunct reports a comma or semicolon, which can join verbs in a
// list ("came, saw, won").
func isListPunct(w string) bool { return w == "," || w == ";" }

func isRelative(w string) bool {
	switch w {
	case "who", "which", "that", "whom", "whose":
		return true
	}
	return false
}

// isAccordingTo reports whether oblique k is "according to X".
func (s *Sentence) isAccordingTo(k int) bool {
	for _, c := range s.Kids(k) {
		if s.Rel(c) == "case" && s.Words[c].Lower() == "according" {
			return true
		}
	}
	return false
}

// Case returns the preposition of phrase k ("in", "according to"), lower
// case, or "".
func (s *Sentence) Case(k int) string {
	var parts []string
	for _, c := range s.Kids(k) {
		if s.Rel(c) != "case" || c > k {
			continue
		}
		parts = append(parts, s.Words[c].Lower())
		for _, f := range s.Kids(c) {
			if s.Rel(f) == "fixed" {
				parts = append(parts, s.Words[f].Lower())
			}
		}
	}
	return strings.Join(parts, " ")
}
