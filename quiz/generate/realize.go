package generate

// This file lays a clause out for questions and statements: which clause
// hosts a target, which words of it a question keeps (asides, connectives,
// other clauses and the answer itself go), and how its subject reads out of
// context (pronouns and descriptions replaced by the names they refer to).
// A clause that cannot stand alone gives no question.

import (
	"slices"
	"sort"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/extract"
	"factdeck/quiz/lexicon"
)

// layout is a host clause prepared for realization.
type layout struct {
	lx *lexicon.Lexicon
	d  *extract.Doc
	s  *extract.Sentence
	c  extract.Clause
	t  extract.Target
	// subj is the subject as a question can use it ("" when the clause has
	// none); subjWords its words in the sentence (empty when it was
	// replaced by a name or lies outside the clause).
	subj      string
	subjWords map[int]bool
	subjPlur  bool
	// pre, mid and post are the kept words of the predicate before the
	// subject, between subject and predicate, and from the predicate on,
	// answer excluded; answer holds the answer phrase's words.
	pre, mid, post []int
	answer         map[int]bool
	// source is who reports the clause ("the ministry"), "" when none.
	source string
	// finite reports a clause with a tensed verb, auxiliary or copula.
	finite bool
	// nested reports a target inside a phrase or non-finite clause that a
	// wh-question cannot front ("an order to ease _____"): it is asked by
	// cloze and statement only.
	nested bool
	// lossy reports that a clause the predicate governs was left out (a
	// purpose, a condition, a complement): what remains may say less than
	// the sentence.
	lossy bool
	// answerQual is a qualifier of the counted answer that a question
	// cannot front ("more than" in "more than 40 miles": no "More
	// than how many"): it moves into the answer instead.
	answerQual string
}

// maxSourceWords bounds the source a question quotes ("According to ...").
const maxSourceWords = 8

// dropRels are dependents of a predicate that a question leaves out: other
// clauses, connectives, punctuation and asides.
var dropRels = map[string]bool{
	"punct": true, "mark": true, "cc": true, "conj": true, "advcl": true, "parataxis": true,
	"discourse": true, "vocative": true, "dislocated": true, "reparandum": true, "list": true,
	"dep": true, "orphan": true, "csubj": true, "ccomp": true, "goeswith": true,
}

// hypothetical are subordinators of clauses that state no fact.
var hypothetical = map[string]bool{"if": true, "unless": true, "whether": true, "lest": true, "though": false}

// connectives are sentence adverbs that tie a sentence to the one before.
var connectives = map[string]bool{
	"however": true, "meanwhile": true, "also": true, "still": true, "moreover": true,
	"nevertheless": true, "nonetheless": true, "instead": true, "separately": true,
	"additionally": true, "furthermore": true, "further": true, "then": true, "thus": true,
	"therefore": true, "indeed": true, "so": true, "yet": true, "though": true, "too": true,
	"now": true, "already": true, "even": true, "again": true, "similarly": true, "likewise": true,
	"meantime": true, "later": true, "earlier": true, "previously": true, "first": true,
	"finally": true, "lastly": true, "otherwise": true, "anyway": true, "besides": true,
}

// plan lays out the clause that hosts target t, or says why no clean
// question can be made from it.
func plan(d *extract.Doc, t extract.Target) (*layout, string) {
	s := d.Sents[t.Sent]
	ci := t.Clause
	c := s.Clauses[ci]
	// A target in a non-finite clause ("agreed to pay $5") is asked through
	// the clause above it.
	for c.Kind == "xcomp" && c.Parent >= 0 && !(c.Subj >= 0 && c.OwnSubj) {
		ci = c.Parent
		c = s.Clauses[ci]
	}
	l := &layout{d: d, s: s, c: c, t: t, answer: map[int]bool{}, nested: t.Role == extract.RoleMention}
	l.finite = l.isFinite()
	agent := c.Kind == "acl" && t.Role == extract.RoleAgent && c.Passive
	// Other non-finite clauses ("an order to ease the rules") are stated
	// through the finite clause that holds them.
	for !agent && (!l.finite || c.Kind == "acl") && c.Parent >= 0 {
		ci = c.Parent
		c = s.Clauses[ci]
		l.c = c
		l.finite = l.isFinite()
		l.nested = true
	}
	if c.Kind == "acl" && !agent {
		return nil, "an adjectival clause"
	}
	if c.Kind == "advcl" && !l.finite {
		return nil, "a non-finite adverbial clause"
	}
	if m := s.Kid(c.Pred, "mark"); m >= 0 && hypothetical[s.Words[m].Lower()] {
		return nil, "a hypothetical clause" // "if profits are ...": no fact
	}
	if c.Kind == "relcl" && c.OwnSubj && !adverbialRelative(s, c.Pred) {
		return nil, "an object relative clause" // "the cup that the team won": the noun is the object
	}
	if s.HasKid(c.Pred, "expl") {
		return nil, "an existential clause" // "there is ...": no clean question yet
	}
	if !l.finite && !agent {
		return nil, "a non-finite clause"
	}
	s.Walk(t.Phrase, func(j int) { l.answer[j] = true })
	if valueKind(t.Kind) {
		// "earned $4.9 billion in the fourth quarter": the period parsed
		// under the amount stays in the question ("How much did it earn in
		// the fourth quarter?"); without it the question asks which figure.
		for _, k := range s.Kids(t.Phrase) {
			if k < t.Hi || s.Rel(k) != "nmod" {
				continue
			}
			if p := s.Kid(k, "case"); p >= 0 && strandedPreps[s.Words[p].Lower()] {
				s.Walk(k, func(j int) { delete(l.answer, j) })
			}
		}
	}
	if t.Role == extract.RoleInside || t.Role == extract.RoleAge {
		l.answer = map[int]bool{}
		s.Walk(t.Head, func(j int) { l.answer[j] = true })
	}
	if t.Phrase == c.Pred {
		// The answer is the predicate itself (“was “disappointed””): its
		// words, not the clause it heads.
		l.answer = map[int]bool{}
		for j := t.Lo; j < t.Hi; j++ {
			l.answer[j] = true
		}
		// An apposition restates the answer ("was 67 percent, the highest
		// in years"): it goes with it, or the question reads "What
		// percentage was turnout the highest in years?".
		for _, k := range s.Kids(c.Pred) {
			if s.Rel(k) == "appos" && k >= t.Hi {
				s.Walk(k, func(j int) { l.answer[j] = true })
			}
		}
	}
	if c.Source >= 0 && c.Subj >= 0 && s.Words[c.Source].Ent >= 0 && s.Words[c.Source].Ent == s.Words[c.Subj].Ent {
		// "Ann said she was tired" is no "According to Ann, Ann was
		// tired": the sentence as written says it better.
		return nil, "a report about the speaker"
	}
	if c.Source >= 0 {
		src, ok := l.nounPhrase(c.Source, nil)
		if sw := &s.Words[c.Source]; sw.UPOS == "ADJ" || sw.Mention >= 0 && s.Mentions[sw.Mention].Kind == quiz.KindNationality {
			ok = false // "According to Ukrainian": a name cut by the parse
		}
		if !ok || wordCount(src) > maxSourceWords {
			return nil, "an unnamed or long source" // "he said" with no one to name, or a source too long to quote
		}
		l.source = src
	}
	if !l.subject() {
		return nil, "a subject that cannot stand alone"
	}
	for _, k := range s.Kids(c.Pred) {
		switch s.Words[k].Rel {
		case "ccomp", "csubj", "dep", "orphan":
			if !l.inside(k) {
				return nil, "a complement left out" // the clause needs what would be left out
			}
		}
	}
	if t.Role != extract.RoleInside && (s.Rel(t.Head) == "conj" || s.HasKid(t.Head, "conj")) {
		return nil, "a coordinated phrase" // one of several coordinated phrases
	}
	for _, k := range s.Kids(c.Pred) {
		if isRelWord(&s.Words[k]) && !strings.HasPrefix(s.Words[k].Rel, "nsubj") && !(s.Rel(k) == "advmod" && c.OwnSubj) {
			return nil, "an object relative" // "the challenges that they face": the object is outside
		}
	}
	lo, hi := s.Span(c.Pred)
	for j := lo; j < hi; j++ {
		if s.Words[j].Rel == "orphan" {
			return nil, "gapping" // gapping: "A by X, B by Y"
		}
	}
	keep := l.kept()
	sl, sh := l.subjectSpan()
	for _, j := range keep {
		switch {
		case l.answer[j] && t.Role != extract.RoleInside:
		case l.subjWords[j]:
		case sl >= 0 && j < sl || sl < 0 && j < c.Pred:
			l.pre = append(l.pre, j)
		case sh >= 0 && j < c.Pred && (c.Cop < 0 || j < c.Cop):
			l.mid = append(l.mid, j)
		default:
			l.post = append(l.post, j)
		}
	}
	return l, ""
}

// strandedPreps head the phrases under an asked amount that stay in the
// question: when and where it was counted, not what it is of.
var strandedPreps = map[string]bool{"in": true, "during": true, "since": true, "at": true, "on": true, "by": true, "for": true, "over": true}

// isFinite reports whether the host clause carries tense: an auxiliary, a
// copula or a finite verb.
func (l *layout) isFinite() bool {
	first := l.c.Pred
	switch {
	case len(l.c.Aux) > 0:
		first = l.c.Aux[0]
	case l.c.Cop >= 0:
		first = l.c.Cop
	}
	if l.s.HasKid(l.c.Pred, "mark") && l.s.Words[l.s.Kid(l.c.Pred, "mark")].Lower() == "to" {
		return false // "for all salt to be iodised"
	}
	w := &l.s.Words[first]
	switch w.XPOS {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return w.Feat("VerbForm") == "Fin"
}

// kept returns the words of the predicate's clause a question keeps, in
// order: the predicate's subtree without the subject, auxiliaries, copula,
// negation, dropped dependents, asides and the reporting source.
func (l *layout) kept() []int {
	s, c := l.s, l.c
	out := map[int]bool{}
	var add func(i, depth int)
	add = func(i, depth int) {
		if depth > len(s.Words) {
			return
		}
		out[i] = true
		for _, k := range s.Kids(i) {
			if l.dropped(i, k) {
				if i == c.Pred && l.essential(k) {
					l.lossy = true
				}
				continue
			}
			add(k, depth+1)
		}
	}
	add(c.Pred, 0)
	for _, a := range c.Aux {
		delete(out, a)
	}
	if c.Cop >= 0 {
		delete(out, c.Cop)
	}
	if c.Neg >= 0 {
		delete(out, c.Neg)
	}
	if c.Subj >= 0 && c.OwnSubj {
		s.Walk(c.Subj, func(j int) { delete(out, j) })
	}
	if c.Source >= 0 {
		s.Walk(c.Source, func(j int) { delete(out, j) })
	}
	if c.Kind == "acl" {
		// The noun a participle modifies is its subject, not its content.
		delete(out, s.Words[c.Pred].Head)
	}
	keep := make([]int, 0, len(out))
	for j := range out {
		keep = append(keep, j)
	}
	sort.Ints(keep)
	return dropBracketed(s, keep)
}

// essential reports a dependent clause whose loss changes what the clause
// says: a complement, or a purpose ("lobbied Congress to loosen the
// rules").
func (l *layout) essential(k int) bool {
	s := l.s
	switch s.Rel(k) {
	case "xcomp", "ccomp", "csubj":
		return true
	case "advcl":
		m := s.Kid(k, "mark")
		if m < 0 && s.Words[k].UPOS == "ADJ" && !commaBefore(s, k) && len(s.Kids(k)) == 0 {
			return true // "left 10,000 people dead": what the verb made of its object
		}
		if m >= 0 && (s.Words[m].Lower() == "with" || s.Words[m].Lower() == "of") && s.Words[k].XPOS == "VBG" && s.HasKid(s.Words[k].Head, "obj") {
			return true // "credited her with founding ...", "accused them of hiding ...": what the verb says of its object
		}
		return m >= 0 && (s.Words[m].Lower() == "to" || s.Words[m].Lower() == "so")
	}
	return false
}

// dropped reports whether dependent k of word i stays out of a question.
func (l *layout) dropped(i, k int) bool {
	s, c := l.s, l.c
	rel := s.Rel(k)
	w := &s.Words[k]
	if i == c.Pred && isRelWord(w) {
		return true // "who", "where" of a relative clause
	}
	if s.Words[i].UPOS != "VERB" && w.Rel == "acl:relcl" && wordSpan(s, k) > maxRelWords && !l.inside(k) {
		if !commaBefore(s, k) && s.Words[i].Head == c.Pred && !strings.EqualFold(s.Case(i), "including") {
			// A restrictive clause on the verb's own argument says which
			// or what kind: "looked like a team [that had used up its
			// luck]" says little without it.
			l.lossy = true
		}
		return true
	}
	if i == c.Pred {
		switch {
		case rel == "punct" || rel == "mark" || rel == "cc":
			return true
		case dropRels[rel]:
			return !l.inside(k)
		case rel == "advmod" && (connectives[w.Lower()] || s.HasKid(k, "fixed")):
			return true // "however", "for instance"
		case (rel == "obl" || rel == "advmod" || rel == "nmod") && connectivePhrases[strings.ToLower(phraseText(s, k))]:
			return true // "for example", "in fact" parsed as a phrase
		case rel == "advmod" && w.UPOS == "ADV" && onlyPunct(s, k) && c.Subj >= 0 && k < c.Subj && c.OwnSubj:
			return true // "Reportedly, ..."
		case rel == "advmod" && w.UPOS == "ADV" && k+1 < len(s.Words) && l.t.Lo == k+1+caseWords(s, k+1) && !l.inside(k) && (l.t.Role == extract.RoleOblique || valueKind(l.t.Kind)):
			return true // "lost back on February 1": "back" goes with the date asked
		}
		return false
	}
	switch {
	case rel == "appos" && !l.inside(k) && s.TitledName(i) != k && commaBefore(s, k):
		return true // but "governor Ann Lee" keeps the name, and "budget carrier SkyLink" is one phrase
	case (w.Rel == "acl:relcl" || rel == "acl") && commaBefore(s, k) && !l.inside(k):
		return true
	case rel == "parataxis" || rel == "dislocated" || rel == "reparandum" || rel == "discourse":
		return true
	case rel == "advmod" && connectives[w.Lower()] && s.Words[i].UPOS == "VERB":
		return true
	case s.Words[i].UPOS == "VERB" && !l.inside(k) && (rel == "advcl" || rel == "ccomp" || rel == "csubj" || rel == "conj" || rel == "list" || rel == "dep") && !(rel == "advcl" && l.essential(k)):
		return true // clauses inside clauses
	}
	return false
}

// connectivePhrases tie a sentence to the one before, as connectives do.
var connectivePhrases = map[string]bool{
	"for instance": true, "for example": true, "in fact": true, "of course": true, "in addition": true,
	"as a result": true, "in turn": true, "by contrast": true, "in contrast": true, "at the same time": true,
	"on the other hand": true, "in other words": true, "after all": true, "above all": true,
}

// phraseText returns the words of the subtree of k, punctuation left out.
func phraseText(s *extract.Sentence, k int) string {
	lo, hi := s.Span(k)
	var b []string
	for j := lo; j < hi; j++ {
		if s.Words[j].UPOS != "PUNCT" {
			b = append(b, s.Words[j].Text)
		}
	}
	return strings.Join(b, " ")
}

// onlyPunct reports whether word k has no dependents but punctuation.
func onlyPunct(s *extract.Sentence, k int) bool {
	for _, c := range s.Kids(k) {
		if s.Rel(c) != "punct" {
			return false
		}
	}
	return true
}

// adverbialRelative reports a relative clause headed by p that a
// relative adverb opens ("the town where a child was hurt"): without the
// adverb it stands alone, while "the cup that the team won" lacks its
// object.
func adverbialRelative(s *extract.Sentence, p int) bool {
	for _, k := range s.Kids(p) {
		if isRelWord(&s.Words[k]) {
			return s.Rel(k) == "advmod" && k < p
		}
	}
	return false
}

// isRelWord reports a relative pronoun or adverb ("who", "which",
// "where").
func isRelWord(w *extract.Word) bool {
	return w.Feat("PronType") == "Rel" || w.XPOS == "WDT" && w.Rel != "det" || w.XPOS == "WRB" && w.Rel != "advmod:emph"
}

// inside reports whether the target lies in the subtree of k.
func (l *layout) inside(k int) bool { return l.s.Dominates(k, l.t.Head) }

// keptWords returns the sentence's words the question keeps, answer aside.
func (l *layout) keptWords() map[int]bool {
	in := map[int]bool{}
	for _, part := range [][]int{l.pre, l.mid, l.post, l.c.Aux} {
		for _, j := range part {
			in[j] = true
		}
	}
	for j := range l.subjWords {
		in[j] = true
	}
	for _, j := range []int{l.c.Cop, l.c.Neg, l.c.Pred} {
		if j >= 0 {
			in[j] = true
		}
	}
	return in
}

// droppedArgument reports a question that left out an oblique the verb
// takes in most of its uses ("rely on", "consist of", per the treebanks):
// without it, the question asks something else.
func (l *layout) droppedArgument() bool {
	s, c := l.s, l.c
	if c.Pred < 0 || l.lx == nil {
		return false
	}
	kept := map[int]bool{}
	for _, part := range [][]int{l.pre, l.mid, l.post} {
		for _, j := range part {
			kept[j] = true
		}
	}
	lemma := strings.ToLower(s.Words[c.Pred].Lemma)
	for _, k := range s.Kids(c.Pred) {
		if !strings.HasPrefix(s.Words[k].Rel, "obl") || kept[k] || l.answer[k] {
			continue
		}
		if p := s.Kid(k, "case"); p >= 0 && l.lx.TakesPrep(lemma, s.Words[p].Lower()) {
			return true
		}
	}
	return false
}

// caseWords counts the prepositions from word j on: "on" of "back on
// February 1".
func caseWords(s *extract.Sentence, j int) int {
	n := 0
	for j+n < len(s.Words) && s.Words[j+n].UPOS == "ADP" {
		n++
	}
	return n
}

func lastKid(s *extract.Sentence, i int) int {
	k := s.Kids(i)
	if len(k) == 0 {
		return i
	}
	return k[len(k)-1]
}

// commaBefore reports whether the phrase headed by k follows a comma: a
// non-restrictive relative clause or an aside.
func commaBefore(s *extract.Sentence, k int) bool {
	lo, _ := s.Span(k)
	if isAsideMark(s.Words[lo].Text) {
		return true
	}
	return lo > 0 && isAsideMark(s.Words[lo-1].Text)
}

func isAsideMark(w string) bool {
	return w == "," || w == "(" || w == "—" || w == "–" || w == "-"
}

// dropBracketed removes the words between brackets (and the brackets) from
// keep: "(RTR.N)", "(BSE)".
func dropBracketed(s *extract.Sentence, keep []int) []int {
	out := keep[:0]
	depth := 0
	if n := len(s.Words); n > 2 && s.Words[0].Text == "(" && (s.Words[n-1].Text == ")" || s.Words[n-2].Text == ")") {
		depth = -1 // a sentence in brackets as a whole keeps its words
	}
	for _, j := range keep {
		switch s.Words[j].Text {
		case "(", "[":
			depth++
			continue
		case ")", "]":
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			out = append(out, j)
		}
	}
	return out
}

// subject prepares the clause's subject: its words, or the name it refers
// to. It reports false when the subject cannot stand alone.
func (l *layout) subject() bool {
	s, c := l.s, l.c
	l.subjWords = map[int]bool{}
	if c.Subj < 0 {
		return false // no subject: an imperative or a fragment
	}
	if c.OwnSubj {
		s.Walk(c.Subj, func(j int) { l.subjWords[j] = true })
	}
	skip := map[int]bool{}
	if !c.OwnSubj {
		// A shared subject: the noun phrase without this clause.
		s.Walk(c.Pred, func(j int) { skip[j] = true })
	}
	if l.t.Role == extract.RoleSubject {
		return true // the subject is the answer
	}
	if w := &s.Words[c.Subj]; w.UPOS == "NOUN" && w.Feat("Number") == "Plur" && w.Ent < 0 && onlyPunct(s, c.Subj) {
		return false // "leaders include ...": which leaders the article means is elsewhere
	}
	txt, ok := l.nounPhrase(c.Subj, skip)
	if !ok {
		return false
	}
	l.subj = txt
	l.subjPlur = s.Words[c.Subj].Feat("Number") == "Plur" || s.HasKid(c.Subj, "conj")
	return true
}

// simple reports a clause short and plain enough to trust its parse: a
// main or reported clause that keeps at most 22 words.
func (l *layout) simple() bool {
	switch l.c.Kind {
	case "root", "conj", "ccomp":
	default:
		return false
	}
	return len(l.pre)+len(l.mid)+len(l.post)+len(l.subjWords)+len(l.answer) <= 22
}

// subjEnt returns the entity the clause's subject names, or -1.
func (l *layout) subjEnt() int {
	if l.c.Subj < 0 {
		return -1
	}
	return l.s.Words[l.c.Subj].Ent
}

// subjectSpan returns the span of the subject's own words, or -1, -1.
func (l *layout) subjectSpan() (int, int) {
	if len(l.subjWords) == 0 {
		return -1, -1
	}
	lo, hi := len(l.s.Words), -1
	for j := range l.subjWords {
		lo, hi = min(lo, j), max(hi, j+1)
	}
	return lo, hi
}

// nounPhrase renders the noun phrase headed by h for use out of its
// article, without the words in skip: asides dropped, pronouns and
// descriptions replaced by names; false when something in it points
// outside the sentence and cannot be named.
func (l *layout) nounPhrase(h int, skip map[int]bool) (string, bool) {
	s := l.s
	w := &s.Words[h]
	if w.Feat("PronType") == "Dem" {
		return "", false // "these", "that"
	}
	if w.UPOS == "PRON" || isRelativeOrIndefinite(w.Lower()) {
		if w.Ent < 0 || isRelativeOrIndefinite(w.Lower()) {
			return "", false
		}
		return l.d.Entities[w.Ent].Name, true
	}
	if det := s.Kid(h, "det"); det >= 0 && vagueDet[s.Words[det].Lower()] {
		return "", false // "another factor", "some officials"
	}
	if w.UPOS == "NOUN" && genericNouns[strings.ToLower(w.Lemma)] && !s.HasKid(h, "nmod") {
		return "", false // "the only thing"; but "the number of cases" says what
	}
	keep := map[int]bool{}
	var add func(i, depth int)
	add = func(i, depth int) {
		if skip[i] || depth > len(s.Words) {
			return
		}
		keep[i] = true
		for _, k := range s.Kids(i) {
			if i == h && !nominalRels[s.Rel(k)] {
				continue // the clause around a predicate noun is not part of it
			}
			if s.Words[k].Rel == "acl:relcl" && wordSpan(s, k) > maxRelWords {
				continue
			}
			switch {
			case s.Rel(k) == "appos" && commaBefore(s, k) && !(i == h && s.TitledName(h) == k):
				continue // "the agency, a branch of ..."; but "saxophonist Ann Lee" keeps the name
			case s.Rel(k) == "punct" && i == h && (k < h && k == firstKid(s, h) || k > h && k == lastKid(s, h)):
				continue
			case s.Rel(k) == "acl" && commaBefore(s, k), s.Rel(k) == "parataxis", s.Rel(k) == "dep":
				continue
			case i == h && s.Rel(k) == "case":
				continue // the preposition belongs to the clause
			}
			add(k, depth+1)
		}
	}
	add(h, 0)
	idx := make([]int, 0, len(keep))
	for j := range keep {
		idx = append(idx, j)
	}
	sort.Ints(idx)
	idx = dropBracketed(s, idx)
	// A definite description the article resolved reads as the name.
	if w.UPOS == "NOUN" && w.Ent >= 0 && w.Mention < 0 && len(idx) <= 3 && s.Definite(h) {
		return l.d.Entities[w.Ent].Name, true
	}
	if l.anaphoric(h) || l.vagueDescription(h) {
		return "", false
	}
	txt, ok := render(l.d, s, idx, nil)
	if !ok {
		return "", false
	}
	return lowerFirstUnlessName(s, idx, txt), true // "the Pentagon", "exports"
}

func firstKid(s *extract.Sentence, i int) int {
	k := s.Kids(i)
	if len(k) == 0 {
		return i
	}
	return k[0]
}

// startsWithName reports whether the first word of idx is part of a name
// (or "I"), which keeps its capital.
func startsWithName(s *extract.Sentence, idx []int) bool {
	if len(idx) == 0 {
		return false
	}
	w := &s.Words[idx[0]]
	return w.UPOS == "PROPN" || w.Text == "I" || w.Mention >= 0 && w.UPOS != "DET" && w.UPOS != "NUM" && w.Text != w.Lower() || strings.ToUpper(w.Text) == w.Text && len(w.Text) > 1
}

// anaphoric reports a noun phrase headed by h that points back into the
// article without being resolved: "the two men", "that challenge", "the
// campaign" after "a campaign".
func (l *layout) anaphoric(h int) bool {
	s := l.s
	w := &s.Words[h]
	if w.UPOS != "NOUN" || w.Ent >= 0 {
		return false
	}
	det := s.Kid(h, "det")
	if det < 0 {
		return false
	}
	switch s.Words[det].Lower() {
	case "this", "that", "these", "those":
		return !timeNouns[strings.ToLower(w.Lemma)]
	case "the":
	default:
		return false
	}
	for _, k := range s.Kids(h) {
		switch s.Rel(k) {
		case "nmod", "acl", "compound":
			return false // "the head of the agency", "the peace talks"
		case "nummod":
			return true // "the two men"
		case "amod":
			if anaphoricAdj[s.Words[k].Lower()] {
				return true
			}
		}
	}
	lemma := strings.ToLower(w.Lemma)
	if uniqueNouns[lemma] {
		return false
	}
	// Mentioned before: the description points back.
	for _, p := range l.d.Sents[:l.s.Index] {
		for i := range p.Words {
			if strings.EqualFold(p.Words[i].Lemma, lemma) && p.Words[i].UPOS == "NOUN" {
				return true
			}
		}
	}
	return personNoun(lemma)
}

// vagueDescription reports "the company" or "the official" left
// unresolved in an article that names companies or people: it means one of
// them, and a reader out of context cannot tell which.
func (l *layout) vagueDescription(h int) bool {
	s := l.s
	w := &s.Words[h]
	if w.UPOS != "NOUN" || w.Ent >= 0 || !s.Definite(h) {
		return false
	}
	k := extract.DescribedKind(strings.ToLower(w.Lemma))
	if k == "" {
		return false
	}
	for _, e := range l.d.Entities {
		if e.Kind == k && e.Mentions > 0 {
			return true
		}
	}
	return false
}

// nominalRels are the relations inside a noun phrase.
var nominalRels = map[string]bool{
	"det": true, "amod": true, "compound": true, "flat": true, "nmod": true, "nummod": true,
	"conj": true, "cc": true, "acl": true, "advmod": true, "fixed": true, "punct": true,
	"case": true, "appos": true, "dep": false, "goeswith": true, "list": false,
}

// maxRelWords bounds a relative clause kept inside a noun phrase.
const maxRelWords = 10

// wordSpan returns the number of words in the subtree of k.
func wordSpan(s *extract.Sentence, k int) int {
	lo, hi := s.Span(k)
	return hi - lo
}

// vagueDet are determiners of noun phrases that name nothing in
// particular.
var vagueDet = map[string]bool{"another": true, "some": true, "any": true, "many": true, "several": true, "such": true, "other": true, "both": true, "either": true, "neither": true, "every": true, "each": true, "no": true}

// countedBack reports "the two sides", "the three firms": a definite noun
// counted by a small number, which points back to things named before.
func countedBack(s *extract.Sentence, j int) bool {
	det, num := s.Kid(j, "det"), s.Kid(j, "nummod")
	if det < 0 || num < 0 || s.Words[det].Lower() != "the" {
		return false
	}
	switch s.Words[num].Lower() {
	case "two", "three", "four", "five", "six", "both", "2", "3", "4":
		return true
	}
	return false
}

// anaphoricAdj are adjectives that point back: "the same venue".
var anaphoricAdj = map[string]bool{"same": true, "latter": true, "former": true, "aforementioned": true, "other": true}

// timeNouns name periods that "this" and "that" point to in time, not in
// the text: "this week".
var timeNouns = map[string]bool{
	"week": true, "year": true, "month": true, "day": true, "morning": true, "afternoon": true,
	"evening": true, "weekend": true, "season": true, "time": true, "summer": true, "winter": true,
	"spring": true, "autumn": true, "fall": true, "century": true, "decade": true,
}

// uniqueNouns name things there is one of in a story's world: "the
// government", "the economy".
var uniqueNouns = map[string]bool{
	"government": true, "economy": true, "world": true, "country": false, "public": true,
	"internet": true, "market": true, "president": false, "police": true, "army": true,
	"military": true, "parliament": true, "senate": true, "congress": true, "state": false,
	"prosecution": true, "defense": true, "defence": true, "opposition": true, "weather": true,
	"sun": true, "moon": true, "earth": true, "environment": true, "media": true, "press": true,
	"sky": true, "sea": true, "ocean": true,
}

func personNoun(lemma string) bool {
	switch lemma {
	case "man", "woman", "men", "women", "boy", "girl", "couple", "pair", "trio", "victim", "suspect":
		return true
	}
	return false
}

// peopleNouns are nouns for groups of people, asked "Who": "Who is lining
// up a vote?" rather than "What".
var peopleNouns = map[string]bool{
	"people": true, "official": true, "researcher": true, "scientist": true, "resident": true,
	"voter": true, "lawmaker": true, "worker": true, "employee": true, "student": true, "player": true,
	"fan": true, "member": true, "republican": true, "democrat": true, "leader": true, "analyst": true,
	"investor": true, "expert": true, "critic": true, "authority": true, "police": true, "troop": true,
	"soldier": true, "rebel": true, "protester": true, "passenger": true, "victim": true, "doctor": true,
	"parent": true, "child": true, "user": true, "customer": true, "citizen": true, "activist": true,
	"prosecutor": true, "investigator": true, "rescuer": true, "economist": true, "executive": true,
	"supporter": true, "opponent": true, "reporter": true, "journalist": true, "volunteer": true,
}

func isRelativeOrIndefinite(w string) bool {
	switch w {
	case "who", "which", "that", "whom", "whose", "what", "someone", "something", "anyone", "anything",
		"everyone", "everything", "nobody", "nothing", "somebody", "one", "some", "all", "both", "each",
		"many", "few", "others", "another", "several", "most", "none", "i", "we", "you", "me", "us":
		return true
	}
	return false
}

// render returns the words idx of s as text, with the replacements in repl
// (word -> text; "" removes the word), pronouns replaced by the names they
// refer to. It reports false when a pronoun names no one.
func render(d *extract.Doc, s *extract.Sentence, idx []int, repl map[int]string) (string, bool) {
	return renderKeeping(d, s, idx, repl, -1)
}

// renderKeeping is render leaving the possessive and reflexive pronouns of
// entity keep as written: they refer to the clause's subject ("Ann Lee
// died at her home").
func renderKeeping(d *extract.Doc, s *extract.Sentence, idx []int, repl map[int]string, keep int) (string, bool) {
	var b strings.Builder
	prev := -2
	named := map[int]bool{} // entities already named in the text: later pronouns stay
	in := map[int]bool{}
	for _, j := range idx {
		in[j] = true
	}
	quoting := false
	skipTo := -1 // the last word of a description replaced by its name
	last := -1   // the last word written
	for _, j := range idx {
		if j <= skipTo {
			continue
		}
		w := &s.Words[j]
		txt, replaced := repl[j]
		// "the company" the article has named: its name, unless the text
		// names it already ("Acme said the company ...").
		if h, e := describedAt(d, s, j, repl); h >= 0 && !named[e] && !quoting {
			named[e] = true
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(d.Entities[e].Name)
			skipTo, prev = h, -2
			continue
		}
		switch w.Text {
		case "“":
			quoting = true
		case "”":
			quoting = false
		case "\"":
			quoting = !quoting
		}
		if !replaced && w.UPOS == "PRON" && w.Feat("PronType") == "Dem" {
			return "", false // "this", "those": pointing outside the sentence
		}
		if !replaced && w.UPOS == "ADP" && w.Rel == "case" && w.Head >= 0 && !in[w.Head] {
			return "", false // a preposition left without its noun
		}
		if !replaced && w.UPOS == "NOUN" && w.Ent < 0 && countedBack(s, j) {
			return "", false // "the two sides"
		}
		if !replaced && w.Rel == "det" && w.Feat("PronType") == "Dem" && w.Head >= 0 && !timeNouns[strings.ToLower(s.Words[w.Head].Lemma)] {
			return "", false // "that crash", "these systems"
		}
		if !replaced && w.Lower() == "such" && j+1 < len(s.Words) && (s.Words[j+1].Lower() == "a" || s.Words[j+1].Lower() == "an") {
			return "", false // "such a measure": one described before
		}
		// A pronoun whose referent the text already named stays ("Ann Lee
		// said she ..."), as do the possessives of entity keep.
		if !replaced && isPersonal(w) && !(w.Ent >= 0 && named[w.Ent]) && !(keep >= 0 && w.Ent == keep && (possessivePronoun(w) || w.Feat("Reflex") == "Yes")) && !boundBySubject(s, j, in) &&
			!(w.Ent < 0 && onlyFit(d, w, named)) {
			if w.Ent < 0 {
				return "", false
			}
			txt, replaced = d.Entities[w.Ent].Name, true
			if possessivePronoun(w) {
				txt = possessive(txt)
			}
			if quoting {
				txt = "[" + txt + "]" // a quotation is not reworded: the name goes in brackets
			}
		}
		if w.Ent >= 0 && !quoting && (w.Mention >= 0 || replaced && txt != "" && txt != "_____") {
			named[w.Ent] = true // a name in a quotation does not tell who "he" is outside it
		}
		if replaced && txt == "" {
			continue
		}
		if last >= 0 && j-1 > last && s.Words[last+1].Text == "," && s.Words[j-1].Text == "," && s.Rel(j) == "cc" {
			// "1990, the firm said, but beating ...": an aside taken
			// from between commas leaves one before the conjunction.
			b.WriteByte(',')
		}
		last = j
		switch {
		case prev == j-1 && !replaced:
			b.WriteString(d.Body[s.Words[prev].End:w.End])
		case b.Len() > 0:
			b.WriteByte(' ')
			if replaced {
				b.WriteString(txt)
			} else {
				b.WriteString(w.Text)
			}
		default:
			if replaced {
				b.WriteString(txt)
			} else {
				b.WriteString(w.Text)
			}
		}
		prev = j
		if replaced {
			prev = -2
		}
	}
	return tidy(b.String()), true
}

// boundBySubject reports a possessive pronoun bound by the subject of its
// own clause, which the text keeps: "the teams played their final", "the
// bank raised its rates", "Since its founding, the school has ...".
func boundBySubject(s *extract.Sentence, j int, in map[int]bool) bool {
	w := &s.Words[j]
	if !possessivePronoun(w) {
		return false
	}
	for h := w.Head; h >= 0; h = s.Words[h].Head {
		subj := s.Kid(h, "nsubj")
		if subj < 0 {
			subj = s.Kid(h, "nsubj:pass")
		}
		if subj < 0 {
			continue
		}
		if !in[subj] || s.Dominates(subj, j) {
			return false // "Its chief said ...": not bound by itself
		}
		sw := &s.Words[subj]
		plural := sw.Feat("Number") == "Plur" || s.HasKid(subj, "conj")
		switch w.Lower() {
		case "their":
			return plural || sw.UPOS == "PROPN" && sw.Ent >= 0 && kindIsGroup(s, subj) // "India ... their target": a team
		case "its":
			return !plural && sw.UPOS != "PRON"
		case "his", "her":
			// "With his second ball, Ann Lee ...": in a phrase before its
			// clause's subject, the pronoun is the subject's.
			return j < subj && sw.Mention >= 0 && s.Mentions[sw.Mention].Kind == quiz.KindPerson
		}
		return false
	}
	return false
}

// onlyFit reports whether exactly one person the text already named fits
// the unresolved pronoun w by gender ("Ann Lee was a teacher when, in 1990,
// she ..."): within one sentence the reader takes it so too.
func onlyFit(d *extract.Doc, w *extract.Word, named map[int]bool) bool {
	var male, female bool
	switch w.Lower() {
	case "he", "him", "his", "himself":
		male = true
	case "she", "her", "hers", "herself":
		female = true
	default:
		return false
	}
	fits := 0
	for e := range named {
		ent := d.Entities[e]
		if ent.Kind != quiz.KindPerson {
			continue
		}
		if male && ent.Female && !ent.Male || female && ent.Male && !ent.Female {
			continue
		}
		fits++
	}
	return fits == 1
}

// kindIsGroup reports a name of an organization or place, which British
// usage refers to as "they" when it means a team or a government.
func kindIsGroup(s *extract.Sentence, i int) bool {
	if m := s.Words[i].Mention; m >= 0 {
		switch s.Mentions[m].Kind {
		case quiz.KindOrganization, quiz.KindCountry, quiz.KindCity, quiz.KindRegion, quiz.KindPlace:
			return true
		}
	}
	return false
}

// describedAt returns the head of a definite description that starts at
// word j ("the company", "the new airline") and the named entity it was
// resolved to, or -1: a description the text can replace by the name.
func describedAt(d *extract.Doc, s *extract.Sentence, j int, repl map[int]string) (int, int) {
	w := &s.Words[j]
	if w.Rel != "det" || w.Lower() != "the" || w.Head <= j {
		return -1, -1
	}
	h := w.Head
	hw := &s.Words[h]
	if hw.UPOS != "NOUN" || hw.Ent < 0 || hw.Mention >= 0 || d.Entities[hw.Ent].Kind == quiz.KindPerson && hw.Feat("Number") == "Plur" {
		return -1, -1
	}
	name := d.Entities[hw.Ent].Name
	if name == "" || !startsUpper(name) {
		return -1, -1
	}
	for k := j; k <= h; k++ {
		if _, r := repl[k]; r {
			return -1, -1 // the answer is in it
		}
		if k > j && k < h && !(s.Words[k].Head == h && (s.Rel(k) == "amod" || s.Rel(k) == "compound")) {
			return -1, -1 // more than adjectives between: "the bank's chief" is no "the bank"
		}
	}
	if h+1 < len(s.Words) && s.Words[h+1].Head == h && s.Rel(h+1) != "punct" && s.Rel(h+1) != "case" {
		return -1, -1 // "the company that ..." says more than the name
	}
	return h, hw.Ent
}

// isPersonal reports a personal or possessive pronoun of the third person
// that a reader out of context cannot place ("she", "its", "their").
func isPersonal(w *extract.Word) bool {
	if w.UPOS != "PRON" && !(w.UPOS == "DET" && w.Feat("Poss") == "Yes") {
		return false
	}
	if w.Feat("PronType") == "Rel" || w.Feat("PronType") == "Int" {
		return false
	}
	switch w.Lower() {
	case "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs":
		return true
	}
	return false
}

// possessivePronoun reports a pronoun used as a possessive ("her" in "her
// concerns"), by its features or, where the tagger missed them, by its
// relation.
func possessivePronoun(w *extract.Word) bool {
	if w.Feat("Poss") == "Yes" || w.Rel == "nmod:poss" {
		return true
	}
	switch w.Lower() {
	case "its", "their":
		return true
	case "her":
		// "Her letters are kept" misparsed with "Her" the subject:
		// a subject is never "her" but for the possessive.
		return strings.HasPrefix(w.Rel, "nsubj")
	}
	return false
}

// possessive returns the possessive of a name: "Ana Ruiz's", "the Lakers'".
func possessive(n string) string {
	if strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss") {
		return n + "'"
	}
	return n + "'s"
}

// tidy removes spacing and punctuation left dangling by removed words.
func tidy(t string) string {
	for {
		n := strings.Trim(strings.TrimSpace(tidyPairs.Replace(t)), ",;:–—- ")
		n = strings.TrimSpace(n)
		if n == t {
			return n
		}
		t = n
	}
}

// blankApostrophe joins a possessive apostrophe to the blank before it:
// "_____' sister", not "_____ ' sister".
var blankApostrophe = strings.NewReplacer("_____ ' ", "_____' ", "_____ ’ ", "_____’ ")

// tidyPairs are the spacing and punctuation mended after words are taken
// out of a sentence.
var tidyPairs = strings.NewReplacer(" ,", ",", " .", ".", ",,", ",", "( )", "", "()", "", "  ", " ", ", .", ".", ",.", ".",
	", ?", "?", ",?", "?", " ?", "?", "“ ", "“", " ”", "”", " 's", "'s", " ’s", "’s", " n't", "n't", " ’ ", "’ ", "( ", "(", " )", ")")

// statement realizes the clause as a declarative sentence that stands
// alone: its source first ("According to the ministry, ..."), asides and
// other clauses left out, pronouns named, and the answer's words replaced
// by with (kept as written when with is ""). Phrases before the subject
// move to the end, so that the statement is not the sentence copied.
func (l *layout) statement(with string) (string, bool) {
	s, c := l.s, l.c
	if !l.finite || c.Subj < 0 || c.Kind == "acl" {
		return "", false
	}
	switch s.Words[c.Subj].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "SYM":
	default:
		return "", false // "Implementing was ...": no one to state it of
	}
	if extract.IsSpeech(s.Words[c.Pred].Lemma) && !s.HasKid(c.Pred, "obj") {
		return "", false // "Ann said." without what she said
	}
	repl := map[int]string{}
	if with != "" {
		first := true
		lo, hi := blankBounds(s, l.t)
		if det := s.Kid(l.t.Head, "det"); det >= 0 && det == lo-1 && with != "_____" && s.Words[l.t.Head].UPOS == "NOUN" && startsUpper(with) {
			repl[det] = "" // "the company" swapped for a name: "Acme", not "the Acme"
		}
		for j := lo; j < hi; j++ {
			if first {
				repl[j] = with
				first = false
			} else {
				repl[j] = ""
			}
		}
	}
	var subj string
	rendered := map[int]bool{}
	if c.OwnSubj {
		var idx []int
		for j := range l.subjWords {
			idx = append(idx, j)
		}
		sort.Ints(idx)
		idx = l.dropAsides(dropBracketed(s, idx))
		for _, j := range idx {
			rendered[j] = true
		}
		txt, ok := render(l.d, s, idx, repl)
		if !ok {
			return "", false
		}
		if len(idx) > 0 {
			if _, replaced := repl[idx[0]]; !replaced && !isPersonal(&s.Words[idx[0]]) {
				txt = lowerFirstUnlessName(s, idx, txt)
			}
		}
		if l.t.Role != extract.RoleSubject && l.t.Role != extract.RoleInside && l.subj != "" && !rendered[l.t.Lo] {
			txt = l.subj // the subject as it reads alone, unless the answer is in it
		}
		subj = txt
	} else {
		subj = l.subj
	}
	if subj == "" {
		return "", false
	}
	var idx []int
	idx = append(idx, c.Aux...)
	if c.Neg >= 0 {
		idx = append(idx, c.Neg)
	}
	if c.Cop >= 0 {
		idx = append(idx, c.Cop)
	}
	idx = append(idx, l.mid...)
	idx = append(idx, l.post...)
	// The answer's words stand where they stood: with the phrases before
	// the subject when they are among them.
	pre := append([]int(nil), l.pre...)
	sl, _ := l.subjectSpan()
	for j := range l.answer {
		switch {
		case l.subjWords[j]:
		case sl >= 0 && j < sl:
			pre = append(pre, j)
		default:
			idx = append(idx, j)
		}
	}
	sort.Ints(idx)
	sort.Ints(pre)
	for _, j := range idx {
		rendered[j] = true
	}
	for _, j := range pre {
		rendered[j] = true
	}
	if !rendered[l.t.Head] && l.t.Role != extract.RoleSubject || l.t.Role == extract.RoleSubject && l.subj == "" && !rendered[l.t.Head] && c.OwnSubj {
		return "", false // the answer is in an aside the statement leaves out
	}
	pred, ok := renderKeeping(l.d, s, idx, repl, l.subjEnt())
	if !ok {
		return "", false
	}
	out := subj + " " + pred
	if !l.hasContentBeyond(idx, c.Pred) && l.t.Role == extract.RoleSubject {
		return "", false // "The agency recommends." says nothing
	}
	if len(pre) > 0 {
		tail, ok := renderKeeping(l.d, s, pre, repl, l.subjEnt())
		if !ok {
			return "", false
		}
		if !startsWithName(s, pre) {
			tail = lowerFirst(tail)
		}
		out += " " + tail
	}
	out = tidy(out)
	if l.source != "" {
		out = "According to " + l.source + ", " + out
	}
	out = capitalize(strings.TrimRight(out, " ,;:")) + "."
	if strayWh(out) || strings.Contains(out, "_____ -") || strings.Contains(out, "- _____") || strings.Contains(out, "_____/") {
		return "", false // a question word left in, or a blank cut from a number
	}
	if f := strings.ToLower(strings.Fields(out)[0]); f == "whose" || f == "which" || f == "who" || f == "what" {
		return "", false // a relative clause, not a statement
	}
	// Room for "True or false: " in front.
	if !balanced(out) || wordCount(out) > maxPromptWords-3 || wordCount(out) < minStatementWords {
		return "", false
	}
	return out, true
}

// minStatementWords is the length below which a statement says too little
// to test ("Ann has not forgotten.").
const minStatementWords = 5

// dropAsides removes appositions and bracketed asides from a subject's
// words.
func (l *layout) dropAsides(idx []int) []int {
	s := l.s
	skip := map[int]bool{}
	for _, j := range idx {
		if (s.Rel(j) == "appos" || s.Rel(j) == "acl") && commaBefore(s, j) {
			s.Walk(j, func(k int) { skip[k] = true })
		}
	}
	out := idx[:0]
	for _, j := range idx {
		if !skip[j] {
			out = append(out, j)
		}
	}
	return out
}

// hasFiniteVerb reports whether s has a finite verb or auxiliary: a
// sentence, not a heading or a list.
func hasFiniteVerb(s *extract.Sentence) bool {
	if r := s.Root(); r >= 0 && s.Words[r].UPOS == "VERB" && s.Words[r].Feat("VerbForm") != "" && s.Words[r].Feat("VerbForm") != "Fin" && !s.HasKid(r, "aux") && !s.HasKid(r, "aux:pass") && !s.HasKid(r, "nsubj") && !s.HasKid(r, "nsubj:pass") {
		return false // "Achieving four goals: ...": a heading or a list item
	}

	verb := false
	for i := range s.Words {
		w := &s.Words[i]
		if (w.UPOS == "VERB" || w.UPOS == "AUX") && w.Feat("VerbForm") == "Fin" {
			return true
		}
		verb = verb || w.UPOS == "VERB"
	}
	// A verb the tagger took for a participle, in a sentence that ends
	// like one: headings and list items do not end with a full stop.
	n := len(s.Words)
	return verb && n >= 8 && s.Words[n-1].Text == "."
}

// blankBounds returns the words a blank for target t replaces: the
// answer's, with the quotation marks around it or begun in it
// ("threatened “severe” sanctions" blanks the marks too).
func blankBounds(s *extract.Sentence, t extract.Target) (int, int) {
	lo, hi := t.Lo, t.Hi
	if lo == 0 || !isQuoteMark(s.Words[lo-1].Text) {
		return lo, hi
	}
	if hi < len(s.Words) && isQuoteMark(s.Words[hi].Text) {
		return lo - 1, hi + 1
	}
	for j := lo; j < hi; j++ {
		if isQuoteMark(s.Words[j].Text) {
			return lo - 1, hi
		}
	}
	return lo, hi
}

// isQuoteMark reports a quotation mark.
func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "‘", "’":
		return true
	}
	return false
}

// sentenceClozeWhy makes a cloze of target t's sentence: the sentence as
// written, without bracketed asides or an opening connective ("However,
// ..."), pronouns named, the answer blanked. A sentence too long, or with
// words pointing outside it, is compressed along its parse: first asides
// (appositions, non-restrictive relative clauses, parataxis), then the
// clauses beside the target's (coordinated clauses, adverbial clauses that
// do not state a condition), then times and places, then the target's
// clause alone. It returns the cloze and the level of compression it took,
// or the reason the sentence cannot stand alone. A compressed sentence
// must parse with its main verb as before, its answer in place.
func (ck *checker) sentenceClozeWhy(d *extract.Doc, t extract.Target) (string, int, string) {
	s := d.Sents[t.Sent]
	if !hasFiniteVerb(s) {
		return "", 0, "not a sentence" // a heading or a list
	}
	why := ""
	for level := 0; level <= 4; level++ {
		idx := compress(s, t, level)
		if idx == nil {
			continue
		}
		idx = apposComma(s, idx)
		if level > 0 && lostArgument(s, idx) {
			why = "a verb lost its object"
			continue
		}
		if level > 0 && !keptFinite(s, idx) && keptFinite(s, allWords(s)) {
			why = "the cut left no verb"
			continue
		}
		if level > 0 && lostListEnd(s, idx) {
			why = "a list lost its last member"
			continue
		}
		if level > 0 && cutBeforeContrast(s, idx) {
			why = "a contrast lost what it contrasts"
			continue
		}
		if danglingSubordinator(s, idx) {
			why = "a subordinate clause lost its verb"
			continue
		}
		var out string
		if out, why = clozeOfWords(d, s, t, idx); why == "" {
			// A cut sentence served by default must keep its main verb
			// when parsed again; deeper cuts stay in the reserve anyway.
			if level == 1 && !ck.sameRoot(strings.Replace(out, "_____", t.Text(d), 1), s.Words[s.Root()].Text) {
				why = "compressed badly"
				continue
			}
			return out, level, ""
		}
	}
	return "", 0, why
}

// apposComma puts back the comma that closed an aside the cut dropped when
// the comma belongs to the appositive after it: "born in Shreveport, La., the
// youngest of five" cut to "born in Shreveport, the youngest of five",
// not "in Shreveport the youngest". idx is in order.
func apposComma(s *extract.Sentence, idx []int) []int {
	kept := indexSet(idx)
	for i := 0; i+1 < len(idx); i++ {
		a, b, k := idx[i]+1, idx[i+1]-1, idx[i+1]
		if b <= a || s.Words[a].Text != "," || s.Words[b].Text != "," {
			continue
		}
		// Only before a phrase set off by commas (an appositive, or one the
		// parse took for an adverbial clause): the comma closing "The
		// team, which ..., now plans" is the verb's and goes with the clause.
		if h := s.Words[b].Head; h >= k && kept[h] && (s.Rel(h) == "appos" || s.Rel(h) == "advcl") {
			idx = slices.Insert(idx, i+1, b)
			i++
		}
	}
	return idx
}

// danglingSubordinator reports a cut that keeps a subordinator ("as",
// "when", "because") but not the finite verb that follows it: "were ordered
// to leave on Saturday as a fast-moving wildfire" of "... as a
// fast-moving wildfire, driven by gusts, jumped a highway". A verb of a
// relative clause ("since the closure of the plant, which employed ...")
// is not the subordinator's.
func danglingSubordinator(s *extract.Sentence, idx []int) bool {
	kept := indexSet(idx)
	for _, j := range idx {
		if !subordinators[s.Words[j].Lower()] && s.Words[j].UPOS != "CCONJ" {
			continue // a subordinator, or "and" before a clause ("rose 2 percent and Tessin Home")
		}
		conj := s.Words[j].UPOS == "CCONJ"
		for k := j + 1; k < len(s.Words); k++ {
			w := &s.Words[k]
			if isRelWord(w) || w.Text == ";" || w.Text == ":" || w.UPOS == "CCONJ" || subordinators[w.Lower()] || conj && w.Text == "," {
				break // the verb of another clause; "and" joins no clause across a comma
			}
			if (w.UPOS == "VERB" || w.UPOS == "AUX") && w.Feat("VerbForm") == "Fin" {
				if !kept[k] {
					return true
				}
				break
			}
		}
	}
	return false
}

// subordinators open clauses that need a verb of their own; "after",
// "before", "since" and "until" also head a noun ("after negotiations"),
// which reads well enough alone.
var subordinators = map[string]bool{
	"as": true, "when": true, "while": true, "because": true,
	"although": true, "though": true, "unless": true, "whereas": true,
}

// allWords returns the indexes of all of s's words.
func allWords(s *extract.Sentence) []int {
	idx := make([]int, len(s.Words))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// keptFinite reports a finite verb or auxiliary among the words idx: a
// cut of a sentence that has one and kept none is a list of nouns, not a
// sentence.
func keptFinite(s *extract.Sentence, idx []int) bool {
	in := indexSet(idx)
	root := s.Root()
	for _, j := range idx {
		w := &s.Words[j]
		if inRelative(s, j) {
			continue // "Food, which make up 17% of the basket.": the main verb went
		}
		if (w.UPOS == "VERB" || w.UPOS == "AUX") && w.Feat("VerbForm") == "Fin" || j == root && w.UPOS == "VERB" {
			return true
		}
		// A verb kept with its subject is a clause, even where the tagger
		// took a past tense for a participle ("He donated $5").
		if w.UPOS == "VERB" {
			if k := s.Kid(j, "nsubj"); k >= 0 && in[k] {
				return true
			}
		}
	}
	return false
}

// indexSet returns the words idx as a set.
func indexSet(idx []int) map[int]bool {
	set := make(map[int]bool, len(idx))
	for _, j := range idx {
		set[j] = true
	}
	return set
}

// lostListEnd reports a cut that keeps some members of a list but drops
// the one "and" joins: "introduced cameras, opened a substation and saw
// complaints fall" cut to "introduced cameras, opened a substation." reads
// as a list left open.
func lostListEnd(s *extract.Sentence, idx []int) bool {
	kept := indexSet(idx)
	for _, h := range idx {
		keptConj, droppedEnd := false, false
		for _, k := range s.Kids(h) {
			switch {
			case s.Rel(k) == "punct" && k == h-1 && s.Words[k].Text == "," && kept[k] && s.Words[h].UPOS == "VERB":
				keptConj = true // ", opened a substation": a member after a comma, whatever the parse made of the one before
			case s.Rel(k) != "conj":
			case kept[k]:
				keptConj = true
			default:
				if c := s.Kid(k, "cc"); c >= 0 && !kept[c] {
					droppedEnd = true
				}
			}
		}
		if keptConj && droppedEnd {
			return true
		}
	}
	return false
}

// inRelative reports a word of a relative clause: the clause's verb or
// one of its auxiliaries.
func inRelative(s *extract.Sentence, j int) bool {
	if s.Rel(j) == "aux" || s.Rel(j) == "aux:pass" || s.Rel(j) == "cop" {
		j = s.Words[j].Head
	}
	return j >= 0 && s.Words[j].Rel == "acl:relcl"
}

// cutBeforeContrast reports a cut right before a kept "but" or "yet": "...
// sold 40 ships in 1990, down from a year before, but beating forecasts"
// cut to "... sold 40 ships in 1990, but beating forecasts" contrasts
// with nothing left.
func cutBeforeContrast(s *extract.Sentence, idx []int) bool {
	in := indexSet(idx)
	for _, j := range idx {
		switch s.Words[j].Lower() {
		case "but", "yet", "although", "though", "while", "whereas":
		default:
			continue
		}
		for k := j - 1; k >= 0 && !in[k]; k-- {
			if s.Words[k].UPOS != "PUNCT" {
				return true
			}
		}
	}
	return false
}

// lostArgument reports whether a verb kept in idx lost a subject, object
// or complement the sentence gives it: "prepares to take on." without
// what is taken on.
func lostArgument(s *extract.Sentence, idx []int) bool {
	in := map[int]bool{}
	for _, j := range idx {
		in[j] = true
	}
	for _, j := range idx {
		if s.Words[j].UPOS != "VERB" && s.Words[j].UPOS != "AUX" {
			continue
		}
		for _, k := range s.Kids(j) {
			switch s.Rel(k) {
			case "nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "compound":
				if lo, _ := s.Span(k); !in[k] && !(lo > 0 && s.Words[lo-1].Text == "(" || s.Words[lo].Text == "(") {
					return true // but a bracketed aside may go: "(fMRI)"
				}
			}
		}
	}
	return false
}

// compress returns the words of sentence s a cloze on target t keeps at a
// level of compression: 0 the whole sentence, 1 without asides, 2 without
// the clauses beside the target's too. Bracketed words never stay.
func compress(s *extract.Sentence, t extract.Target, level int) []int {
	path := map[int]bool{} // the target's words and their heads up to the root
	for j := t.Lo; j < t.Hi; j++ {
		for k := j; k >= 0 && !path[k]; k = s.Words[k].Head {
			path[k] = true
		}
	}
	drop := map[int]bool{}
	if level == 4 {
		// The clause of the target alone, when it has a subject of its own
		// and says something true by itself: a coordinated clause ("...
		// and India was nowhere close to 384"), or an adverbial clause of
		// time or cause without its conjunction.
		island := -1
		for k := t.Head; k >= 0; k = s.Words[k].Head {
			switch s.Rel(k) {
			case "conj":
				if s.HasKid(k, "nsubj") || s.HasKid(k, "nsubj:pass") {
					island = k
				}
			case "advcl":
				if m := s.Kid(k, "mark"); m >= 0 && sideMarks[s.Words[m].Lower()] && (s.HasKid(k, "nsubj") || s.HasKid(k, "nsubj:pass")) {
					island = k
				}
			}
		}
		if island < 0 {
			return nil
		}
		lo, hi := s.Span(island)
		for j := range s.Words {
			if (j < lo || j >= hi) && !(j == len(s.Words)-1 && s.Words[j].UPOS == "PUNCT") {
				drop[j] = true
			}
		}
		for _, k := range s.Kids(island) {
			if r := s.Rel(k); r == "cc" || r == "mark" || r == "punct" && k < island {
				drop[k] = true
			}
		}
		level = 3
	}
	for j := range s.Words {
		if path[j] || level == 0 || drop[j] {
			continue
		}
		if dropAt(s, j, level) {
			s.Walk(j, func(k int) { drop[k] = true })
		}
	}
	// A comma left before a dropped aside goes when the sentence goes on
	// without one: "Ann Lee, [the mayor,] said" reads "Ann Lee said".
	for j := 1; j < len(s.Words); j++ {
		if !drop[j] || drop[j-1] {
			continue
		}
		k := j // the gap is [j, k)
		for k < len(s.Words) && drop[k] {
			k++
		}
		if k == len(s.Words) {
			break
		}
		before, after := s.Words[j-1].Text == ",", s.Words[k].Text == ","
		switch {
		case (before || s.Words[j].Text == ",") && after && reportAfter(s, k):
			// "... early Sunday[, after crews pumped the water out], the
			// owner said": the comma before the report stays.
		case !before && !after && s.Words[j].Text == "," && reportAfter(s, k-1):
			drop[j] = false // both commas went with the aside: one comes back
		case (before || s.Words[j].Text == ",") && after:
			drop[k] = true // "Ann Lee, [the mayor], said": one comma
		case before && s.Words[k].UPOS != "PUNCT":
			drop[j-1] = true
		}
		j = k
	}
	var idx []int
	for j := range s.Words {
		if !drop[j] {
			idx = append(idx, j)
		}
	}
	return dropBracketed(s, idx)
}

// reportAfter reports a clause of saying that begins right after the
// comma at k ("..., the mine's owner said.").
func reportAfter(s *extract.Sentence, k int) bool {
	for p := k + 1; p < len(s.Words) && p <= k+8; p++ {
		if s.Words[p].UPOS != "VERB" {
			continue
		}
		if s.Rel(p) == "parataxis" {
			lo, _ := s.Span(p)
			return lo <= k+1
		}
		if !extract.IsSpeech(s.Words[p].Lemma) {
			return false
		}
		for _, c := range s.Kids(p) {
			if s.Rel(c) == "nsubj" && c > k {
				return true // "..., the owner said"
			}
		}
		return false
	}
	return false
}

// sideMarks introduce adverbial clauses whose removal leaves the rest
// true.
var sideMarks = map[string]bool{
	"because": true, "as": true, "while": true, "after": true, "before": true, "when": true,
	"although": true, "though": true, "since": true, "whereas": true, "until": true,
}

// dropAt reports whether the phrase headed by word j can go at a level of
// compression without changing what the rest says.
func dropAt(s *extract.Sentence, j, level int) bool {
	w := &s.Words[j]
	switch s.Rel(j) {
	case "parataxis":
		// "..., she said" goes; a clause the parse hung on as parataxis
		// may be what the sentence says, and stays unless set off.
		if extract.IsSpeech(w.Lemma) && s.HasKid(j, "nsubj") {
			return true
		}
		lo, hi := s.Span(j)
		for hi > lo && s.Words[hi-1].UPOS == "PUNCT" && s.Words[hi-1].Text != "," {
			hi-- // the sentence's full stop may hang on it
		}
		end := hi >= len(s.Words) || hi == len(s.Words)-1 && s.Words[hi].UPOS == "PUNCT" || hi < len(s.Words) && (s.Words[hi].Text == "." || s.Words[hi].Text == "!")
		opens := lo > 0 && isAsideMark(s.Words[lo-1].Text) || isAsideMark(s.Words[lo].Text)
		if comma := lo > 0 && s.Words[lo-1].Text == "," || s.Words[lo].Text == ","; comma && !s.HasKid(j, "nsubj") && !s.HasKid(j, "nsubj:pass") {
			// ", were exceedingly remote": a predicate without a subject
			// set off by a comma is more likely the sentence's own, parsed
			// wrong, than an aside.
			return false
		}
		return opens && (end || hi < len(s.Words) && isAsideMark(s.Words[hi].Text) || s.Words[hi-1].Text == ",")
	case "appos":
		// An apposition set off by punctuation; one written against its
		// head is the parser splitting one phrase.
		return s.TitledName(w.Head) != j && commaBefore(s, j) // "CEO Ann Lee" keeps the name
	case "dep", "discourse", "vocative":
		return true
	case "acl":
		return commaBefore(s, j) // "the plane, carrying 162 people," but not "the plane carrying ..."
	case "advcl":
		if level < 2 {
			return false
		}
		if m := s.Kid(j, "mark"); m >= 0 {
			// "because ...", "after ...", but not "if ..." (the rest holds
			// only under it) nor "to ..." (often what the verb needs).
			return sideMarks[s.Words[m].Lower()]
		}
		// "..., citing the weather": a participle set off by a comma.
		return commaBefore(s, j) && (w.Feat("VerbForm") == "Part" || w.Feat("VerbForm") == "Ger")
	case "conj":
		// A coordinated clause, not a coordinated noun: "and served in
		// Vietnam" goes, "and Guinea" stays.
		return level >= 2 && (w.UPOS == "VERB" || s.HasKid(j, "nsubj") || s.HasKid(j, "cop"))
	case "obl":
		// Times and places: the rest stays true without them ("in 1962",
		// "on Tuesday", "in Lyon"); other obliques may be what the verb
		// needs ("lead to ...", "comply with ...").
		if level < 3 || w.Head < 0 || s.Words[w.Head].UPOS != "VERB" {
			return false
		}
		if s.Words[j].Rel == "obl:tmod" || s.Words[j].Rel == "obl:npmod" {
			return true
		}
		if lo, hi := s.Span(j); lo == 0 && hi < len(s.Words) && (s.Words[hi].Text == "," || s.Words[hi-1].Text == ",") && !strings.HasPrefix(s.Case(j), "according") {
			return true // a fronted frame: "In work shown last week, ..."
		}
		switch s.Case(j) {
		case "in", "on", "at", "during":
		case "with":
			return commaBefore(s, j) // "..., with 20 deaths so far": a rider
		default:
			return false
		}
		if w.Mention >= 0 {
			switch s.Mentions[w.Mention].Kind {
			case quiz.KindDate, quiz.KindWeekday, quiz.KindTime, quiz.KindCity, quiz.KindCountry, quiz.KindRegion, quiz.KindPlace:
				return true
			}
		}
		return timeNouns[strings.ToLower(w.Lemma)]
	}
	return false
}

// clozeOfWords renders words idx of sentence s as a cloze on target t, or
// says why it cannot stand alone.
func clozeOfWords(d *extract.Doc, s *extract.Sentence, t extract.Target, idx []int) (string, string) {
	// An opening connective and its comma.
	for len(idx) > 1 {
		w := &s.Words[idx[0]]
		if next := &s.Words[idx[1]]; (next.UPOS == "SCONJ" || next.UPOS == "ADP") && s.Words[idx[0]].Head == idx[1] {
			break // "Even as ...": the adverb belongs to the conjunction
		}
		if connectives[w.Lower()] || w.UPOS == "CCONJ" || w.UPOS == "PUNCT" && w.Text != "“" && w.Text != "\"" {
			idx = idx[1:]
			continue
		}
		break
	}
	if len(idx) == 0 || idx[0] > t.Lo {
		return "", "the answer opens the sentence"
	}
	if first := &s.Words[idx[0]]; (isRelWord(first) || first.Feat("PronType") == "Int" || first.UPOS == "SCONJ") && (idx[0] > 0 || strings.HasSuffix(s.Text(), "?")) ||
		idx[0] == 0 && first.UPOS != "PUNCT" && strings.ToLower(first.Text[:1]) == first.Text[:1] && first.Mention < 0 {
		return "", "a fragment" // "Whose duck had ...", "and then ...", a sentence split mid-way
	}
	if first := &s.Words[idx[0]]; (first.UPOS == "VERB" || first.UPOS == "AUX") && first.Feat("VerbForm") == "Fin" && first.Feat("Mood") != "Imp" && !strings.HasSuffix(s.Text(), "?") {
		return "", "the subject follows its verb" // "Thus began her reign" cut to "Began her reign"
	}
	if len(idx) > maxPromptWords+12 {
		return "", "too long"
	}
	if first := &s.Words[idx[0]]; first.UPOS == "SCONJ" && first.Head >= 0 && s.Words[first.Head].Head < 0 {
		return "", "a subordinate clause without its main clause" // "As the team prepares to ..."
	}
	quoted := false
	for _, j := range idx {
		w := &s.Words[j]
		switch w.Text {
		case "“", "”", "\"":
			quoted = w.Text == "“" || w.Text == "\"" && !quoted
		}
		if w.UPOS == "PRON" && !quoted {
			switch w.Lower() {
			case "i", "me", "my", "we", "us", "our", "you", "your":
				return "", "a quotation out of its speaker's mouth"
			}
		}
		if w.UPOS == "NOUN" && w.Ent < 0 {
			if det := s.Kid(j, "det"); det >= 0 {
				switch s.Words[det].Lower() {
				case "this", "that", "these", "those":
					// "this year" places itself; "those same two years"
					// points back.
					if !timeNouns[strings.ToLower(w.Lemma)] {
						return "", "a demonstrative"
					}
				}
			}
			if countedBack(s, j) {
				return "", "a counted reference" // "the two men"
			}
			if det := s.Kid(j, "det"); det >= 0 && s.Words[det].Lower() == "both" && !s.HasKid(j, "appos") && !s.HasKid(j, "nmod") {
				return "", "a counted reference" // "both times", but "both analysts, Ann and Bo,"
			}
		}
	}
	repl := map[int]string{}
	lo, hi := blankBounds(s, t)
	for j := lo; j < hi; j++ {
		repl[j] = ""
	}
	repl[lo] = "_____"
	out, ok := render(d, s, idx, repl)
	if !ok {
		return "", "a reference that cannot be named"
	}
	out = capitalize(blankApostrophe.Replace(out))
	if !strings.HasSuffix(out, ".") && !strings.HasSuffix(out, "!") && !strings.HasSuffix(out, "?") && !strings.HasSuffix(out, "”") && !strings.HasSuffix(out, "\"") {
		return "", "no full stop"
	}
	if last := idx[len(idx)-1]; last != len(s.Words)-1 && !strings.HasSuffix(out, ".") && !strings.HasSuffix(out, "!") && !strings.HasSuffix(out, "?") {
		return "", "no full stop" // a quotation cut from its "..., she said."
	}
	if !balanced(out) {
		return "", "unbalanced"
	}
	if wordCount(out) > maxPromptWords {
		return "", "too long"
	}
	if wordCount(out) < minStatementWords+1 {
		return "", "too short"
	}
	if strings.Count(out, "_____") != 1 {
		return "", "not one blank"
	}
	return out, ""
}

// roughCuts counts the places where the clause as kept skips words of its
// sentence that are not an aside: words set off by commas, dashes or
// brackets, punctuation, or a connective may go; any other gap inside the
// kept span, or a verb left off the end, is a cut a misparse may have
// made.
func (l *layout) roughCuts() int {
	s := l.s
	in := l.keptWords()
	for j := range l.answer {
		in[j] = true
	}
	lo, hi := len(s.Words), -1
	for j := range in {
		lo, hi = min(lo, j), max(hi, j)
	}
	cuts := 0
	for j := lo; j <= hi; {
		if in[j] {
			j++
			continue
		}
		k := j
		for k <= hi && !in[k] {
			k++
		}
		if !asideGap(s, j, k) {
			cuts++
		}
		j = k
	}
	// A verb dropped after the kept words, unless a new clause begins
	// there ("..., and ...", "..., she said").
	for j := hi + 1; j < len(s.Words); j++ {
		w := &s.Words[j]
		if w.Text == "," || w.Text == "." || w.Text == ";" || w.Text == ":" || w.UPOS == "CCONJ" || w.UPOS == "SCONJ" || isRelWord(w) {
			break
		}
		if w.UPOS == "VERB" && w.Feat("VerbForm") == "Fin" || w.UPOS == "AUX" {
			cuts++
			break
		}
	}
	return cuts
}

// coverage returns the share of the sentence's content words (nouns,
// names, verbs, adjectives, numbers) that the clause as kept says: a
// question from a few words of a long sentence has lost the context that
// made it clear, and a misparse shows most there.
func (l *layout) coverage() float64 {
	s, c := l.s, l.c
	in := map[int]bool{}
	for _, part := range [][]int{l.pre, l.mid, l.post, c.Aux} {
		for _, j := range part {
			in[j] = true
		}
	}
	for j := range l.subjWords {
		in[j] = true
	}
	for j := range l.answer {
		in[j] = true
	}
	in[c.Pred] = true
	kept, all := 0, 0
	for j := range s.Words {
		switch s.Words[j].UPOS {
		case "NOUN", "PROPN", "VERB", "ADJ", "NUM":
			all++
			if in[j] {
				kept++
			}
		}
	}
	if all == 0 {
		return 1
	}
	return float64(kept) / float64(all)
}

// agrees reports whether the clause's subject agrees in number with its
// verb where English shows it ("the plane were" shows a subject the parse
// got wrong), and is no bare expression of time ("a day after ...").
func (l *layout) agrees() bool {
	s, c := l.s, l.c
	if c.Subj < 0 || !c.OwnSubj {
		return true
	}
	subj := &s.Words[c.Subj]
	if subj.UPOS == "NOUN" && timeNouns[strings.ToLower(subj.Lemma)] && s.Kid(c.Subj, "det") >= 0 {
		return false
	}
	verb := c.Pred
	if len(c.Aux) > 0 {
		verb = c.Aux[0]
	} else if c.Cop >= 0 {
		verb = c.Cop
	}
	vn := s.Words[verb].Feat("Number")
	sn := subj.Feat("Number")
	if s.HasKid(c.Subj, "conj") || subj.UPOS == "PRON" || subj.UPOS == "NUM" {
		return true // "Ann and Bo were", "you were", "five were"
	}
	return vn == "" || sn == "" || vn == sn
}

// asideGap reports whether words [j, k) of s are an aside a clause may
// drop: only punctuation, a connective, or a stretch set off by commas,
// dashes or brackets.
func asideGap(s *extract.Sentence, j, k int) bool {
	only := true
	for i := j; i < k; i++ {
		w := &s.Words[i]
		if w.UPOS != "PUNCT" && !connectives[w.Lower()] {
			only = false
		}
	}
	if only {
		return true
	}
	open := func(i int) bool { return i >= 0 && isAsideMark(s.Words[i].Text) }
	return (open(j) || open(j-1)) && (k >= len(s.Words) || open(k) || open(k-1))
}
