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
	// known holds the hashes of the training data's lemmas, alone
	// (hashString) and with their word class (classKey): of the lemmas
	// an unknown word's suffixes could give, one known in its class wins
	// ("smelled" gives "smell", not "smel" as "travelled" gives
	// "travel"), then one known at all.
	known map[uint64]bool
}

func lexKey(xpos, form string) uint64 { return mix(hashString(xpos), hashString(form)) }

func ruleKey(xpos string, suffix string) uint64 {
	return mix3(hashString(xpos), uint64(len(suffix)), hashString(suffix))
}

// Word classes of the known lemmas.
const (
	classOther = iota + 1
	classVerb
	classNoun
	classProper
	classAdj
	classAdv
)

// wordClass returns the class of a Penn Treebank tag.
func wordClass(xpos string) uint64 {
	switch {
	case strings.HasPrefix(xpos, "VB"):
		return classVerb
	case strings.HasPrefix(xpos, "NNP"):
		return classProper
	case strings.HasPrefix(xpos, "NN"):
		return classNoun
	case strings.HasPrefix(xpos, "JJ"):
		return classAdj
	case strings.HasPrefix(xpos, "RB"):
		return classAdv
	}
	return classOther
}

func classKey(class uint64, lemma string) uint64 { return mix(0xC1A55+class, hashString(lemma)) }

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

// lemmaX returns the lemma of form with XPOS xpos; initial tells that the
// word opens its sentence (or a quotation or heading), where a common
// noun is capitalized too.
func (l *lemmatizer) lemmaX(form, xpos string, initial bool) string {
	if lem, ok := l.lex[lexKey(xpos, form)]; ok && lem != "" {
		return lem
	}
	if xpos == "NNP" && initial && capitalized(form) {
		// A sentence's first word tagged a proper noun that never was
		// one in training, but whose lowercase form is a common noun
		// ("Applause."), is most likely that common noun.
		if lf := lower(form); !l.known[classKey(classProper, form)] && l.known[classKey(classNoun, lf)] {
			return lf
		}
	}
	if xpos == "CD" && groupedNumber(form) {
		return strings.ReplaceAll(form, ",", "") // "12,500" is 12500
	}
	return l.guess(form, xpos)
}

// capitalized reports whether s is an ASCII word with its first letter
// alone upper case.
func capitalized(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// groupedNumber reports whether s is a number with its thousands
// separated by commas ("1,200", "3,202.61").
func groupedNumber(s string) bool {
	intPart, frac, _ := strings.Cut(s, ".")
	groups, digits := 1, 0
	for i := 0; i < len(intPart); i++ {
		switch c := intPart[i]; {
		case c == ',':
			if digits == 0 || digits > 3 || groups > 1 && digits != 3 {
				return false
			}
			groups, digits = groups+1, 0
		case '0' <= c && c <= '9':
			digits++
		default:
			return false
		}
	}
	return groups > 1 && digits == 3 && strings.Trim(frac, "0123456789") == ""
}

// cand is a candidate lemma, head+tail, built as a string only when
// chosen: most candidates are only looked up.
type cand struct{ head, tail string }

func (c cand) String() string {
	if c.tail == "" {
		return c.head
	}
	return c.head + c.tail
}

func (c cand) empty() bool { return c.head == "" && c.tail == "" }

// hash returns hashString(c.String()).
func (c cand) hash() uint64 {
	h := hashString(c.head)
	for i := 0; i < len(c.tail); i++ {
		h ^= uint64(c.tail[i])
		h *= fnvPrime
	}
	return h
}

// classKeyHash is classKey of a lemma's hash.
func classKeyHash(class, h uint64) uint64 { return mix(0xC1A55+class, h) }

// guess returns the lemma the rules give form: that of the longest suffix
// with a rule whose lemma is known in the word's class, else the first of
// the regular stems of an inflected form ("wiped": "wipe", "wip") known
// in its class, else that of the longest suffix with a rule whose lemma is
// known, else that of the longest suffix with a rule, else form.
func (l *lemmatizer) guess(form, xpos string) string {
	lf := lower(form)
	class := wordClass(xpos)
	var first, known cand
	for k := min(maxSuffix, len(lf)); k >= 0; k-- {
		r, ok := l.rules[ruleKey(xpos, lf[len(lf)-k:])]
		if !ok || r.strip > len(form) {
			continue
		}
		c := applyCand(r, form, lf)
		if c.empty() {
			continue // a rule for longer words ("-s") on a short one ("s")
		}
		h := c.hash()
		if len(l.known) == 0 || l.known[classKeyHash(class, h)] {
			return c.String()
		}
		if known.empty() && l.known[h] {
			known = c
		}
		if first.empty() {
			first = c
		}
	}
	var buf [3]cand
	stems := regularStems(lf, xpos, buf[:0])
	for _, st := range stems {
		if l.known[classKeyHash(class, st.hash())] {
			return st.String()
		}
	}
	if known.empty() {
		// A stem known in another class ("freed": the adjective "free").
		for _, st := range stems {
			if l.known[st.hash()] {
				return st.String()
			}
		}
	}
	lem := form
	switch {
	case !known.empty():
		lem = known.String()
	case !first.empty():
		lem = first.String()
	}
	return l.recase(lem, class)
}

// recase returns lemma as it is known in its class when it is not known
// as it is: capitalized ("mexico" as "Mexico", "german" as "German") or,
// in capitals, titled ("PARIS" as "Paris").
func (l *lemmatizer) recase(lemma string, class uint64) string {
	if len(l.known) == 0 || len(lemma) < 2 || l.known[classKey(class, lemma)] {
		return lemma
	}
	// The first letter goes up and the rest down; ASCII words are looked
	// up without building the other spelling.
	lowerRest, upperRest := true, true
	for i := 0; i < len(lemma); i++ {
		c := lemma[i]
		switch {
		case c >= utf8.RuneSelf:
			return l.recaseUnicode(lemma, class)
		case i > 0 && 'A' <= c && c <= 'Z':
			lowerRest = false
		case i > 0 && 'a' <= c && c <= 'z':
			upperRest = false
		}
	}
	c0 := lemma[0]
	switch {
	case 'a' <= c0 && c0 <= 'z' && lowerRest:
	case 'A' <= c0 && c0 <= 'Z' && upperRest && !lowerRest:
	default:
		return lemma
	}
	up := c0
	if 'a' <= up && up <= 'z' {
		up -= 'a' - 'A'
	}
	h := uint64(fnvOffset)
	h ^= uint64(up)
	h *= fnvPrime
	for i := 1; i < len(lemma); i++ {
		c := lemma[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	if !l.known[classKeyHash(class, h)] {
		return lemma
	}
	return string(up) + strings.ToLower(lemma[1:])
}

// recaseUnicode is recase for words beyond ASCII.
func (l *lemmatizer) recaseUnicode(lemma string, class uint64) string {
	ll := lower(lemma)
	if 'a' > ll[0] || ll[0] > 'z' || lemma != ll && strings.ToUpper(lemma) != lemma {
		return lemma
	}
	if alt := string(ll[0]-'a'+'A') + ll[1:]; l.known[classKey(class, alt)] {
		return alt
	}
	return lemma
}

// regularStems appends to dst the stems English inflection regularly
// gives a lowercase form with Penn Treebank tag xpos, most likely first:
// "-ied" and "-ies" give "-y"; "-ed" the form less "d", less "ed" and,
// after a doubled consonant, less one more letter; "-ing" the form less
// "ing" plus "e", less "ing" and undoubled; "-es" after a sibilant or
// "o" the form less "es"; "-s" the form less "s"; "-est" and "-er" the
// form less "st" or "r", less the suffix and undoubled.
func regularStems(lf, xpos string, dst []cand) []cand {
	n := len(lf)
	doubled := func(k int) bool { return n-k-2 >= 0 && lf[n-k-1] == lf[n-k-2] }
	stem := func(k int) cand { return cand{head: lf[:n-k]} }
	switch xpos {
	case "VBD", "VBN":
		if strings.HasSuffix(lf, "ied") && n > 4 {
			return append(dst, cand{lf[:n-3], "y"})
		}
		if strings.HasSuffix(lf, "ed") && n > 4 {
			dst = append(dst, stem(1), stem(2))
			if doubled(2) {
				dst = append(dst, stem(3))
			}
		}
	case "VBG":
		if strings.HasSuffix(lf, "ing") && n > 5 {
			dst = append(dst, cand{lf[:n-3], "e"}, stem(3))
			if doubled(3) {
				dst = append(dst, stem(4))
			}
		}
	case "VBZ", "NNS":
		if strings.HasSuffix(lf, "ies") && n > 4 {
			return append(dst, cand{lf[:n-3], "y"})
		}
		if strings.HasSuffix(lf, "es") && n > 3 {
			switch st := lf[:n-2]; {
			case strings.HasSuffix(st, "s"), strings.HasSuffix(st, "x"), strings.HasSuffix(st, "z"),
				strings.HasSuffix(st, "ch"), strings.HasSuffix(st, "sh"), strings.HasSuffix(st, "o"):
				dst = append(dst, stem(2))
			}
		}
		if strings.HasSuffix(lf, "s") && n > 3 {
			dst = append(dst, stem(1))
		}
	case "JJS", "RBS":
		if strings.HasSuffix(lf, "est") && n > 5 {
			dst = append(dst, stem(2), stem(3))
			if doubled(3) {
				dst = append(dst, stem(4))
			}
		}
	case "JJR", "RBR":
		if strings.HasSuffix(lf, "er") && n > 4 {
			dst = append(dst, stem(1), stem(2))
			if doubled(2) {
				dst = append(dst, stem(3))
			}
		}
	}
	return dst
}

// applyCand is apply as a candidate; lf is lower(form).
func applyCand(r lemmaRule, form, lf string) cand {
	base := form
	if r.lower {
		base = lf
	}
	if r.strip > len(base) {
		return cand{head: form}
	}
	return cand{base[:len(base)-r.strip], r.add}
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
// does. A lowercase form's rule lowercases unless keepCase (the tag's
// capitalized forms keep their case).
func ruleOf(form, lemma string, keepCase bool) (lemmaRule, bool) {
	lf, ll := lower(form), lower(lemma)
	p := 0
	for p < len(lf) && p < len(ll) && lf[p] == ll[p] {
		p++
	}
	r := lemmaRule{strip: len(lf) - p, add: ll[p:]}
	if len(lf) != len(form) {
		return r, false // lowercasing changed the length
	}
	if lemma == ll && !(keepCase && form == lf) {
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
	// A tag's lowercase forms say nothing of case: its rules keep the
	// case if its capitalized forms mostly do ("Example.com" stays as it
	// is), else lowercase ("The" gives "the").
	kept, lowered := map[string]int{}, map[string]int{}
	for _, k := range types {
		if lower(k.form) == k.form {
			continue
		}
		switch r, ok := ruleOf(k.form, top(k), false); {
		case !ok || r.strip == len(k.form):
			// No rule, or one that keeps nothing of the form ("_").
		case r.lower:
			lowered[k.xpos]++
		default:
			kept[k.xpos]++
		}
	}
	// Count rules per (XPOS, suffix), each word type once.
	type rk struct {
		xpos, suffix string
	}
	counts := map[rk]map[lemmaRule]int{}
	for _, k := range types {
		r, ok := ruleOf(k.form, top(k), kept[k.xpos] > 9*lowered[k.xpos])
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
	// A lemma given to one word of the training data only, where the
	// rules give another known lemma, is more likely
	// a slip of the annotators ("freed" as "fre") than an irregular form:
	// it is neither known nor an exception.
	uses := map[string]int{}
	for _, e := range exs {
		uses[e.lemma]++
	}
	know := func(k fx) {
		lem := top(k)
		l.known[hashString(lem)] = true
		l.known[classKey(wordClass(k.xpos), lem)] = true
	}
	for _, k := range types {
		if uses[top(k)] > 1 {
			know(k)
		}
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
	slip := map[fx]bool{}
	for _, k := range types {
		if lem := top(k); uses[lem] == 1 {
			guess := l.lemmaX(k.form, k.xpos, false)
			if guess != lem && guess != k.form && l.known[hashString(guess)] {
				slip[k] = true
			}
		}
	}
	for _, k := range types {
		if uses[top(k)] == 1 && !slip[k] {
			know(k)
		}
	}
	for _, k := range types {
		if lem := top(k); !slip[k] && l.lemmaX(k.form, k.xpos, false) != lem {
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
