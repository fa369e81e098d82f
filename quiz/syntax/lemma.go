package syntax

// This file holds the lemmatizer: a lexicon of the training data's words
// (form and XPOS to lemma) for the words its suffix rules get wrong, and
// the suffix rules, learned from the training data's word types ("-ies"
// after NNS gives "-y").

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// maxSuffix is the longest suffix, in bytes, a lemma rule looks at.
const maxSuffix = 7

// lemmaRule turns a form into its lemma: strip bytes from the end, append
// add; lower first lowercases the form.
type lemmaRule struct {
	strip int
	add   string
	lower bool
}

// lemmatizer maps a form and its XPOS to a lemma.
type lemmatizer struct {
	// lex holds lemmas by mix(hash(XPOS), hash(form)).
	lex map[uint64]string
	// rules holds rules by mix3(hash(XPOS), suffix length, hash(lowercase
	// suffix)); suffix length 0 is the XPOS's default.
	rules map[uint64]lemmaRule
	// known holds the hashes of the training data's lemmas: of the rules
	// for the suffixes of an unknown word, the longest whose lemma is
	// known wins ("smelled" gives "smell", not "smel" as "travelled"
	// gives "travel").
	known map[uint64]bool
}

func lexKey(xpos, form string) uint64 { return mix(hashString(xpos), hashString(form)) }

func ruleKey(xpos string, suffix string) uint64 {
	return mix3(hashString(xpos), uint64(len(suffix)), hashString(suffix))
}

// lower returns s lowercased, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// lemmaX returns the lemma of form with XPOS xpos.
func (l *lemmatizer) lemmaX(form, xpos string) string {
	if lem, ok := l.lex[lexKey(xpos, form)]; ok && lem != "" {
		return lem
	}
	return l.guess(form, xpos)
}

// guess returns the lemma the rules give form: that of the longest suffix
// with a rule whose lemma is a known one, else that of the longest suffix
// with a rule, else form.
func (l *lemmatizer) guess(form, xpos string) string {
	lf := lower(form)
	first := ""
	found := false
	for k := min(maxSuffix, len(lf)); k >= 0; k-- {
		r, ok := l.rules[ruleKey(xpos, lf[len(lf)-k:])]
		if !ok || r.strip > len(form) {
			continue
		}
		lem := apply(r, form)
		if lem == "" {
			continue // a rule for longer words ("-s") on a short one ("s")
		}
		if len(l.known) == 0 || l.known[hashString(lem)] {
			return lem
		}
		if !found {
			first, found = lem, true
		}
	}
	if found {
		return first
	}
	return form
}

// apply applies rule r to form.
func apply(r lemmaRule, form string) string {
	base := form
	if r.lower {
		base = lower(form)
	}
	if r.strip > len(base) {
		return form
	}
	base = base[:len(base)-r.strip]
	if r.add == "" {
		return base
	}
	return base + r.add
}

// ruleOf returns the rule that turns form into lemma, and whether one
// does.
func ruleOf(form, lemma string) (lemmaRule, bool) {
	lf, ll := lower(form), lower(lemma)
	p := 0
	for p < len(lf) && p < len(ll) && lf[p] == ll[p] {
		p++
	}
	r := lemmaRule{strip: len(lf) - p, add: ll[p:]}
	if len(lf) != len(form) {
		return r, false // lowercasing changed the length
	}
	if lemma == ll {
		r.lower = true
		if apply(r, form) == lemma {
			return r, true
		}
	}
	r.lower = false
	r.add = lemma[min(p, len(lemma)):]
	if apply(r, form) == lemma {
		return r, true
	}
	return r, false
}

// lemmaExample is a training word.
type lemmaExample struct{ form, xpos, lemma string }

// trainLemmatizer learns rules from the word types of exs and keeps in
// the lexicon the most frequent lemma of each (form, XPOS) that the rules
// get wrong.
func trainLemmatizer(exs []lemmaExample) *lemmatizer {
	type fx struct{ form, xpos string }
	byType := map[fx]map[string]int{}
	for _, e := range exs {
		k := fx{e.form, e.xpos}
		if byType[k] == nil {
			byType[k] = map[string]int{}
		}
		byType[k][e.lemma]++
	}
	types := make([]fx, 0, len(byType))
	for k := range byType {
		types = append(types, k)
	}
	sort.Slice(types, func(i, j int) bool {
		if types[i].xpos != types[j].xpos {
			return types[i].xpos < types[j].xpos
		}
		return types[i].form < types[j].form
	})
	top := func(k fx) string {
		best, bn := "", -1
		for lem, n := range byType[k] {
			if n > bn || n == bn && lem < best {
				best, bn = lem, n
			}
		}
		return best
	}
	// Count rules per (XPOS, suffix), each word type once.
	type rk struct {
		xpos, suffix string
	}
	counts := map[rk]map[lemmaRule]int{}
	for _, k := range types {
		r, ok := ruleOf(k.form, top(k))
		if !ok {
			continue
		}
		lf := lower(k.form)
		for n := 0; n <= maxSuffix && n <= len(lf); n++ {
			key := rk{k.xpos, lf[len(lf)-n:]}
			if counts[key] == nil {
				counts[key] = map[lemmaRule]int{}
			}
			counts[key][r]++
		}
	}
	l := &lemmatizer{lex: map[uint64]string{}, rules: map[uint64]lemmaRule{}, known: map[uint64]bool{}}
	for _, k := range types {
		l.known[hashString(top(k))] = true
	}
	for key, rs := range counts {
		total, best, bn := 0, lemmaRule{}, -1
		for r, n := range rs {
			total += n
			if n > bn || n == bn && ruleLess(r, best) {
				best, bn = r, n
			}
		}
		// A suffix speaks for unknown words only if several word types
		// agree on it; the XPOS default always applies.
		if key.suffix != "" && (bn < 2 || 2*bn < total) {
			continue
		}
		l.rules[ruleKey(key.xpos, key.suffix)] = best
	}
	for _, k := range types {
		lem := top(k)
		if l.guess(k.form, k.xpos) != lem {
			l.lex[lexKey(k.xpos, k.form)] = lem
		}
	}
	return l
}

func ruleLess(a, b lemmaRule) bool {
	if a.strip != b.strip {
		return a.strip < b.strip
	}
	if a.add != b.add {
		return a.add < b.add
	}
	return !a.lower && b.lower
}
