package extract

// This file chooses, in every clause, the phrases a question could ask for:
// the subject, objects and obliques, a copula's predicate, a resultative
// adjective ("ended flat"), numbers counting a noun, and names inside the
// subject ("unrest in which country ...").

import (
	"strings"

	"factdeck/quiz"
)

// Role is the grammatical role of a target in its clause.
type Role string

// Target roles.
const (
	RoleSubject Role = "subject" // the clause's own subject
	RoleObject  Role = "object"  // direct or indirect object
	RoleOblique Role = "oblique" // a prepositional or bare adverbial phrase
	RoleAgent   Role = "agent"   // the "by" phrase of a passive
	RolePred    Role = "pred"    // what a copula says the subject is
	RoleManner  Role = "manner"  // a resultative or depictive adjective: "ended flat"
	RoleCount   Role = "count"   // a number counting the noun it modifies
	RoleInside  Role = "inside"  // a name inside the subject phrase
	RoleAge     Role = "age"     // an age in apposition: "Ana Ruiz, 42,"
	// RoleMention is a name or value deeper in a phrase ("a low below
	// $57"): asked by a cloze or a statement, not a wh-question.
	RoleMention Role = "mention"
)

// Target is a phrase of a clause a question can ask for.
type Target struct {
	// Sent and Clause locate the clause: Doc.Sents[Sent].Clauses[Clause].
	Sent, Clause int
	// Head is the answer phrase's head word; Lo and Hi delimit the answer's
	// words (without a leading preposition or determiner).
	Head, Lo, Hi int
	// Phrase is the head of the whole phrase that leaves the clause when it
	// is asked for: the noun phrase a counted number belongs to, the
	// oblique a name sits in; Phrase == Head otherwise.
	Phrase int
	Role   Role
	// Case is the preposition of an oblique ("in", "according to").
	Case string
	Kind quiz.Kind
	// Entity is the entity the answer names, or -1.
	Entity int
}

// Text returns the answer's words as written.
func (t Target) Text(d *Doc) string { return d.Sents[t.Sent].Segment(t.Lo, t.Hi) }

// targets returns the targets of clause ci of sentence s.
func (d *Doc) targets(s *Sentence, cls []Clause, ci int) []Target {
	c := cls[ci]
	var out []Target
	add := func(head, phrase int, role Role, cas string) {
		t, ok := d.target(s, head, phrase, role, cas)
		if ok {
			t.Sent, t.Clause = s.Index, ci
			out = append(out, t)
		}
	}
	if c.Subj >= 0 && c.OwnSubj {
		add(c.Subj, c.Subj, RoleSubject, "")
		d.inside(s, c.Subj, func(h int) { add(h, h, RoleInside, s.Case(h)) })
	}
	kids := s.Kids(c.Pred)
	for _, k := range kids {
		// An oblique the parse hung on an adverb of the verb ("left once
		// with an injury") is the verb's.
		if s.Rel(k) == "advmod" && s.Words[k].UPOS == "ADV" {
			for _, g := range s.Kids(k) {
				if s.Rel(g) == "obl" && g > k {
					kids = append(kids, g)
				}
			}
		}
	}
	for _, k := range kids {
		rel := s.Words[k].Rel
		switch base(rel) {
		case "obj", "iobj":
			add(k, k, RoleObject, "")
		case "obl":
			if k == c.Source {
				continue
			}
			if rel == "obl:agent" {
				add(k, k, RoleAgent, "by")
				continue
			}
			add(k, k, RoleOblique, s.Case(k))
		case "xcomp":
			if w := &s.Words[k]; w.UPOS == "ADJ" && onlyModifiers(s, k) {
				add(k, k, RoleManner, "")
			}
		case "nmod":
			if c.Cop >= 0 { // "she is chief of the agency"
				add(k, k, RoleOblique, s.Case(k))
			}
		}
	}
	if c.Cop >= 0 && s.Words[c.Pred].UPOS != "ADJ" {
		if d.personSubject(s, c) && s.Words[c.Pred].UPOS == "NUM" && s.Words[c.Pred].Mention >= 0 && !s.HasKid(c.Pred, "nmod") && !s.HasKid(c.Pred, "acl") {
			// "She was 88.", but not "He was one of the first six scholars
			// to ...": a number with a phrase of its own counts that.
			s.Mentions[s.Words[c.Pred].Mention].Kind = quiz.KindAge
			add(c.Pred, c.Pred, RoleAge, "")
		} else {
			add(c.Pred, c.Pred, RolePred, s.Case(c.Pred))
		}
	}
	// Numbers counting a noun of the clause's own phrases.
	for _, t := range append([]Target(nil), out...) {
		if t.Role == RoleInside {
			continue
		}
		for _, n := range s.Kids(t.Head) {
			if s.Rel(n) == "nummod" {
				add(n, t.Phrase, RoleCount, t.Case)
			}
		}
	}
	// An age in apposition to the subject.
	if c.Subj >= 0 && c.OwnSubj {
		for _, k := range s.Kids(c.Subj) {
			if w := &s.Words[k]; s.Rel(k) == "appos" && w.Mention >= 0 && s.Mentions[w.Mention].Kind == quiz.KindAge {
				add(k, k, RoleAge, "")
			}
		}
	}
	return out
}

// mentionTargets adds a target for every named or numeric mention of s
// that no clause target answers, in the innermost clause that holds it.
func (d *Doc) mentionTargets(s *Sentence, have []Target) []Target {
	// A mention is covered by a target that answers exactly it.
	covered := map[[2]int]bool{}
	for _, t := range have {
		if t.Sent == s.Index {
			covered[[2]int{t.Lo, t.Hi}] = true
		}
	}
	var out []Target
	for mi, m := range s.Mentions {
		if covered[[2]int{m.Lo, m.Hi}] || m.Kind == quiz.KindNationality {
			continue
		}
		h := s.HeadOf(m.Lo, m.Hi)
		if h < 0 {
			continue
		}
		ci := s.clauseOf(h)
		if ci < 0 && (len(s.Clauses) > 0 || !(named(m.Kind) || isValue(m.Kind))) {
			continue
		}
		// ci is -1 in a sentence the parse found no clause in: its names
		// and numbers can still be blanked in the sentence as written.
		t := Target{Sent: s.Index, Clause: ci, Head: h, Lo: m.Lo, Hi: m.Hi, Phrase: h, Role: RoleMention, Kind: m.Kind, Entity: m.Entity}
		if named(m.Kind) && m.Kind != quiz.KindPerson {
			if lo, hi := s.nameBounds(h); hi-lo <= m.Hi-m.Lo+4 {
				t.Lo, t.Hi = min(lo, m.Lo), max(hi, m.Hi)
			}
		}
		_ = mi
		out = append(out, t)
	}
	// A short phrase in quotation marks inside a sentence ("was
	// “disappointed” in him"): a word the article singles out.
	for lo := 1; lo < len(s.Words); lo++ {
		if !isQuote(s.Words[lo-1].Text) {
			continue
		}
		hi := lo
		for hi < len(s.Words) && hi-lo <= 4 && !isQuote(s.Words[hi].Text) {
			hi++
		}
		if hi == lo || hi-lo > 4 || hi >= len(s.Words) || covered[[2]int{lo, hi}] {
			continue
		}
		ok := true
		for j := lo; j < hi; j++ {
			switch s.Words[j].UPOS {
			case "PUNCT", "AUX", "PRON", "DET":
				ok = false // a clause or a fragment, not a term
			}
		}
		h := s.HeadOf(lo, hi)
		if !ok || h < 0 || s.clauseOf(h) < 0 {
			lo = hi
			continue
		}
		out = append(out, Target{Sent: s.Index, Clause: s.clauseOf(h), Head: h, Lo: lo, Hi: hi, Phrase: h, Role: RoleMention, Kind: quiz.KindOther, Entity: -1})
		lo = hi
	}
	return out
}

// isValue reports the kinds of numbers, amounts and dates.
func isValue(k quiz.Kind) bool {
	switch k {
	case quiz.KindCount, quiz.KindMoney, quiz.KindPercent, quiz.KindDuration, quiz.KindAge, quiz.KindScore, quiz.KindDate, quiz.KindTime:
		return true
	}
	return false
}

// isQuote reports a quotation mark.
func isQuote(w string) bool {
	switch w {
	case "\"", "“", "”", "‘", "’":
		return true
	}
	return false
}

// onlyModifiers reports whether word k has no dependents but times,
// places, adverbs and punctuation ("ended flat on Tuesday" as parsed with
// the day under "flat").
func onlyModifiers(s *Sentence, k int) bool {
	for _, c := range s.Kids(k) {
		switch s.Rel(c) {
		case "obl", "advmod", "punct":
		default:
			return false
		}
	}
	return true
}

// clauseOf returns the index of the innermost clause whose predicate
// dominates word i, or -1.
func (s *Sentence) clauseOf(i int) int {
	best, depth := -1, -1
	for ci, c := range s.Clauses {
		if !s.Dominates(c.Pred, i) {
			continue
		}
		d := 0
		for j := c.Pred; j >= 0 && d <= len(s.Words); j = s.Words[j].Head {
			d++
		}
		if d > depth {
			best, depth = ci, d
		}
	}
	return best
}

// personSubject reports whether the clause's subject is a person (a name,
// or a pronoun resolved to one).
func (d *Doc) personSubject(s *Sentence, c Clause) bool {
	if c.Subj < 0 {
		return false
	}
	w := &s.Words[c.Subj]
	return w.Ent >= 0 && d.Entities[w.Ent].Kind == quiz.KindPerson
}

// inside calls fn for each name that sits inside subject phrase h as a
// prepositional or possessive modifier ("unrest in Peru", "Spain's
// ruling party").
func (d *Doc) inside(s *Sentence, h int, fn func(k int)) {
	for _, k := range s.Kids(h) {
		switch s.Words[k].Rel {
		case "nmod", "nmod:poss":
			if w := &s.Words[k]; w.Mention >= 0 && named(s.Mentions[w.Mention].Kind) {
				fn(k)
			}
		}
	}
}

// target makes the target headed by word h, or reports that the phrase is
// nothing to ask for: a pronoun, a clause, a bare function word.
func (d *Doc) target(s *Sentence, h, phrase int, role Role, cas string) (Target, bool) {
	w := &s.Words[h]
	t := Target{Head: h, Phrase: phrase, Role: role, Case: cas, Entity: -1}
	if role == RoleCount || role == RoleAge {
		if w.Mention < 0 {
			return t, false
		}
		m := s.Mentions[w.Mention]
		t.Lo, t.Hi, t.Kind = m.Lo, m.Hi, m.Kind
		if role == RoleCount && m.Kind != quiz.KindCount {
			return t, false // "$5 million" is asked for as money, "1989" as a date
		}
		return t, true
	}
	switch w.UPOS {
	case "PRON", "DET", "SCONJ", "CCONJ", "PUNCT", "PART", "AUX", "INTJ", "X", "SYM":
		if !(w.UPOS == "SYM" && w.Mention >= 0) {
			return t, false
		}
	case "VERB":
		return t, false // a clause
	}
	if role == RoleManner {
		t.Lo, t.Hi, t.Kind = h, h+1, quiz.KindOther
		return t, true
	}
	if partitive[strings.ToLower(w.Lemma)] && w.Mention < 0 {
		// "as part of a drug inquiry", "one of the pilots": the answer is
		// what the part is of.
		for _, k := range s.Kids(h) {
			if s.Rel(k) == "nmod" && s.Case(k) == "of" && k > h {
				return d.target(s, k, k, RoleMention, "")
			}
		}
	}
	// The mention the head belongs to.
	if w.Mention >= 0 {
		m := s.Mentions[w.Mention]
		t.Kind, t.Entity = m.Kind, m.Entity
		// A name with its own modifiers ("the Lindqvist Hall for the
		// Visual Arts") is answered in full; a value with a qualifier
		// ("more than 20") without it.
		if named(m.Kind) && m.Kind != quiz.KindPerson {
			lo, hi := s.nameBounds(h)
			t.Lo, t.Hi = min(lo, m.Lo), max(hi, m.Hi)
			if s.otherMention(t.Lo, t.Hi, w.Mention) {
				// A phrase of two names ("Ruritania AirOne"): which one
				// the clause is about the parse cannot say.
				return t, false
			}
			if t.Hi-t.Lo > m.Hi-m.Lo+4 {
				t.Lo, t.Hi = m.Lo, m.Hi
			}
		} else {
			t.Lo, t.Hi = m.Lo, m.Hi
		}
		return t, true
	}
	if n := s.TitledName(h); n >= 0 {
		// "presidential aide Ann Lee": asked for as the person.
		m := s.Mentions[s.Words[n].Mention]
		t.Kind, t.Entity, t.Lo, t.Hi = m.Kind, m.Entity, m.Lo, m.Hi
		return t, true
	}
	if w.Ent >= 0 {
		// A description resolved to a name: asked for as the name.
		t.Kind, t.Entity = d.Entities[w.Ent].Kind, w.Ent
	} else {
		t.Kind = quiz.KindOther
	}
	t.Lo, t.Hi = s.PhraseBounds(h)
	if t.Hi-t.Lo > 6 || t.Hi-t.Lo == 0 {
		return t, false // a long phrase is no answer to recall
	}
	return t, true
}

// TitledName returns the head of the person's name that a title noun
// phrase headed by h ends with ("former minister Ann Lee", "Mrs Lee",
// "Secretary of State Ann Lee"), or -1.
func (s *Sentence) TitledName(h int) int {
	if w := &s.Words[h]; w.UPOS != "NOUN" && !(w.UPOS == "PROPN" && w.Mention < 0) {
		return -1
	}
	if det := s.Kid(h, "det"); det >= 0 && (s.Words[det].Lower() == "a" || s.Words[det].Lower() == "an") {
		return -1 // "an aide, Ann Lee" is still an aide
	}
	for _, k := range s.Kids(h) {
		if k < h {
			continue
		}
		switch s.Rel(k) {
		case "appos", "flat", "compound", "nmod":
			if w := &s.Words[k]; w.Mention >= 0 && s.Mentions[w.Mention].Kind == quiz.KindPerson && !commaAt(s, k-1) && s.Case(k) == "" {
				return k
			}
		}
	}
	return -1
}

func commaAt(s *Sentence, i int) bool { return i >= 0 && s.Words[i].Text == "," }

// PhraseBounds returns the words of the noun phrase headed by h that make
// an answer: its subtree without a leading preposition or determiner, and
// without clauses, appositions or anything after a comma.
func (s *Sentence) PhraseBounds(h int) (lo, hi int) {
	keep := map[int]bool{}
	s.Walk(h, func(j int) { keep[j] = true })
	for _, k := range s.Kids(h) {
		if !answerRels[s.Rel(k)] || s.Words[k].Rel == "nmod:desc" {
			s.Walk(k, func(j int) { delete(keep, j) })
		}
	}
	lo, hi = h, h+1
	for lo-1 >= 0 && keep[lo-1] {
		lo--
	}
	for hi < len(s.Words) && keep[hi] {
		hi++
	}
	for lo < h && (s.Words[lo].UPOS == "DET" && s.Words[lo].Rel == "det" && !s.HasKid(lo, "fixed") || s.Words[lo].UPOS == "PUNCT") {
		lo++
	}
	for hi > h+1 && s.Words[hi-1].UPOS == "PUNCT" {
		hi--
	}
	return lo, hi
}

// answerRels are the dependents a noun phrase keeps in an answer: its
// determiners, modifiers and complements, not the clause around a
// predicate noun, nor appositions, relative clauses or coordinated phrases.
var answerRels = map[string]bool{
	"det": true, "amod": true, "compound": true, "flat": true, "nmod": true, "nummod": true,
	"fixed": true, "goeswith": true,
}

// nameBounds returns the words of a name headed by h with the parts that
// belong to the name: compounds, and "of", "for" and "on" complements ("the
// Institute for the Visual Arts"), not other modifiers ("Oregon in the
// final").
func (s *Sentence) nameBounds(h int) (lo, hi int) {
	keep := map[int]bool{h: true}
	for _, k := range s.Kids(h) {
		rel := s.Rel(k)
		if rel == "compound" || rel == "flat" || rel == "amod" && s.Words[k].UPOS == "PROPN" ||
			s.Words[k].Rel == "nmod:poss" && s.Words[k].UPOS == "PROPN" && k < h && !possessedPlace(s, k, h) ||
			rel == "nmod" && s.Words[k].UPOS == "PROPN" && (s.Case(k) == "of" || s.Case(k) == "for" || s.Case(k) == "on") && !timeNames[s.Words[k].Lower()] {
			s.Walk(k, func(j int) { keep[j] = true })
		}
	}
	lo, hi = h, h+1
	for lo-1 >= 0 && keep[lo-1] {
		lo--
	}
	for hi < len(s.Words) && keep[hi] {
		hi++
	}
	return lo, hi
}

// otherMention reports whether words [lo, hi) hold a word of a mention
// other than mi.
func (s *Sentence) otherMention(lo, hi, mi int) bool {
	for j := lo; j < hi; j++ {
		if m := s.Words[j].Mention; m >= 0 && m != mi {
			return true
		}
	}
	return false
}

// partitive nouns name a part of what their "of" phrase names.
var partitive = map[string]bool{
	"part": true, "one": true, "some": true, "most": true, "many": true, "all": true, "both": true,
	"each": true, "none": true, "rest": true, "kind": true, "type": true, "sort": true, "member": true,
	"portion": true, "share": true, "half": true, "majority": true, "piece": true,
}

// possessedPlace reports a possessor k of name h that is a place named on
// its own ("Lyon's Grand Hotel"): the name is the hotel's, the place
// only locates it. "King's College" is one name.
func possessedPlace(s *Sentence, k, h int) bool {
	mk, mh := s.Words[k].Mention, s.Words[h].Mention
	if mk < 0 || mk == mh {
		return false
	}
	switch s.Mentions[mk].Kind {
	case quiz.KindCity, quiz.KindCountry, quiz.KindRegion, quiz.KindPlace:
		return true
	}
	return false
}

// lemmaPhrase returns the predicate's lemma with an oblique's preposition,
// as a fact's relation ("fall to", "rise").
func lemmaPhrase(s *Sentence, c Clause, t Target) string {
	l := strings.ToLower(s.Words[c.Pred].Lemma)
	if c.Cop >= 0 {
		l = "be"
		if t.Role != RolePred {
			l = "be " + strings.ToLower(s.Words[c.Pred].Lemma)
		}
	}
	if c.Passive {
		l = "be " + strings.ToLower(s.Words[c.Pred].Text)
	}
	if t.Case != "" && (t.Role == RoleOblique || t.Role == RoleAgent) {
		l += " " + t.Case
	}
	return l
}

// timeNames are the days and months, which a name never takes as its own
// modifier: "the Rovers on Sunday" is the team and a time.
var timeNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}
