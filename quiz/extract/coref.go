package extract

// This file resolves what pronouns ("she", "its") and definite
// descriptions ("the company", "the airline") refer to, and learns the
// common nouns an article uses for its entities ("AirCo, a budget airline").
// Resolution prefers precision: a reference with no clear antecedent stays
// unresolved, and a question that needs it is not asked.

import (
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/coref"
)

// personNouns are common nouns that describe a person.
var personNouns = map[string]bool{
	"man": true, "woman": true, "boy": true, "girl": true, "official": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "player": true, "coach": true, "executive": true,
	"lawmaker": true, "senator": true, "minister": true, "president": true, "chairman": true,
	"founder": true, "judge": true, "governor": true, "mayor": true, "leader": true, "captain": true,
	"pilot": true, "driver": true, "victim": true, "suspect": true, "author": true, "scientist": true,
	"researcher": true, "doctor": true, "officer": true, "teacher": true, "student": true,
	"father": true, "mother": true, "son": true, "daughter": true, "husband": true, "wife": true,
	"businessman": true, "businesswoman": true, "star": true, "singer": true, "actor": true, "actress": true,
	"chief": true, "director": true, "manager": true, "secretary": true, "ambassador": true, "envoy": true,
	"prosecutor": true, "lawyer": true, "attorney": true, "economist": true, "analyst": true, "veteran": true,
}

// orgNouns are common nouns that describe an organization.
var orgNouns = map[string]bool{
	"company": true, "firm": true, "group": true, "bank": true, "airline": true, "carrier": true,
	"agency": true, "team": true, "club": true, "party": true, "organization": true, "organisation": true,
	"network": true, "newspaper": true, "publisher": true, "retailer": true, "manufacturer": true,
	"maker": true, "lender": true, "insurer": true, "startup": true, "charity": true, "university": true,
	"school": true, "hospital": true, "court": true, "union": true, "department": true, "ministry": true,
	"exchange": true, "fund": true, "operator": true, "giant": true, "automaker": true, "broadcaster": true,
	"committee": true, "council": true, "commission": true, "jury": true, "panel": true, "board": true,
	"tribunal": true, "delegation": true, "crew": true, "squad": true, "orchestra": true, "choir": true,
	"cabinet": true,
}

// broadOrgNouns are the nouns any organization may be called by: "the
// company" refers back to whichever firm was named, "the union" only to a
// union.
var broadOrgNouns = map[string]bool{
	"company": true, "firm": true, "group": true, "organization": true, "organisation": true, "giant": true,
}

// firmNouns are the nouns that describe a business: "the company" is
// not a foundation, a university or a ministry.
var firmNouns = map[string]bool{"company": true, "firm": true, "giant": true}

// bodyNouns end the names of bodies that are not businesses.
var bodyNouns = map[string]bool{
	"foundation": true, "university": true, "institute": true, "agency": true, "ministry": true,
	"department": true, "council": true, "commission": true, "committee": true, "court": true,
	"association": true, "society": true, "hospital": true, "school": true, "college": true,
	"museum": true, "church": true, "party": true, "union": true, "federation": true, "league": true,
	"government": true, "parliament": true, "authority": true, "police": true, "army": true,
	"charity": true, "trust": true, "academy": true, "library": true, "center": true, "centre": true,
}

// publicBody reports a name whose last word says it is no business:
// "Canadian Heart Foundation", "Ministry of Health" ("of Health" aside).
func publicBody(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	for i, w := range f {
		w = strings.Trim(w, ".,'’")
		if bodyNouns[w] && (i == len(f)-1 || f[i+1] == "of" || f[i+1] == "for") {
			return true
		}
	}
	return false
}

// nameHas reports whether name has the word w, case aside, and no other
// noun for a body after it: "the bank" of "Nordic Savings Bank", not "the
// university" of "Calloway State University Board of Regents", which is
// the board.
func nameHas(name, w string) bool {
	fs := strings.Fields(name)
	for i, f := range fs {
		f = strings.ToLower(strings.Trim(f, ".,'’"))
		if f == "of" {
			return false // "Bank of Spain": the noun before "of" is the head
		}
		if f != w && f != w+"s" {
			continue
		}
		for _, g := range fs[i+1:] {
			g = strings.ToLower(strings.Trim(g, ".,'’"))
			if g == "of" {
				break
			}
			if orgNouns[g] && g != w {
				return false
			}
		}
		return true
	}
	return false
}

// DescribedKind returns the kind of entity a common noun describes:
// person for "official", organization for "company", "" for others.
func DescribedKind(lemma string) quiz.Kind {
	switch {
	case orgNouns[lemma]:
		return quiz.KindOrganization
	case personNouns[lemma]:
		return quiz.KindPerson
	}
	return ""
}

// corefPronoun describes what a personal or possessive pronoun may refer to.
type corefPronoun struct {
	person, female, male bool
}

var pronounSet = map[string]corefPronoun{
	"he": {person: true, male: true}, "him": {person: true, male: true}, "his": {person: true, male: true},
	"himself": {person: true, male: true},
	"she":     {person: true, female: true}, "her": {person: true, female: true}, "hers": {person: true, female: true},
	"herself": {person: true, female: true},
	"it":      {}, "its": {}, "itself": {},
}

// resolvePronouns links the third-person pronouns to the entities model
// finds they refer to, keeping only the links it is sure of (its
// threshold): a pronoun left unresolved makes no question, one resolved
// wrong makes a wrong one. Candidates are the names and the noun phrases
// of the article.
func (d *Doc) resolvePronouns(model *coref.Model) {
	sents := make([][]coref.Word, len(d.Sents))
	var ments []coref.Mention
	for si, s := range d.Sents {
		ws := make([]coref.Word, len(s.Words))
		for i := range s.Words {
			w := &s.Words[i]
			ws[i] = coref.Word{Text: w.Text, Lemma: w.Lemma, UPOS: w.UPOS, Feats: w.Feats, Rel: w.Rel, Head: w.Head}
		}
		sents[si] = ws
		for _, m := range s.Mentions {
			if m.Lo >= m.Hi || !named(m.Kind) {
				continue
			}
			h := s.HeadOf(m.Lo, m.Hi)
			if h < 0 {
				continue
			}
			gender := ""
			if m.Entity >= 0 {
				switch e := d.Entities[m.Entity]; {
				case e.Male && !e.Female:
					gender = "m"
				case e.Female && !e.Male:
					gender = "f"
				}
			}
			ments = append(ments, coref.Mention{Sent: si, Lo: m.Lo, Hi: m.Hi, Head: h, Kind: m.Kind, Proper: true, Gender: gender, Entity: m.Entity})
		}
		for i := range s.Words {
			w := &s.Words[i]
			if w.UPOS != "NOUN" || w.Mention >= 0 {
				continue
			}
			switch s.Rel(i) {
			case "nsubj", "obj", "iobj", "obl", "nmod", "appos", "root", "conj", "xcomp":
			default:
				continue
			}
			lo, hi := s.PhraseBounds(i)
			if lo > i || hi <= i {
				lo, hi = i, i+1
			}
			kind := DescribedKind(strings.ToLower(w.Lemma))
			if w.Ent >= 0 {
				kind = d.Entities[w.Ent].Kind
			}
			ments = append(ments, coref.Mention{Sent: si, Lo: lo, Hi: hi, Head: i, Kind: kind, Entity: w.Ent})
		}
	}
	for _, l := range model.Resolve(sents, ments) {
		if l.Mention < 0 || l.Prob < model.Threshold() {
			continue
		}
		e := ments[l.Mention].Entity
		if e < 0 {
			continue // a noun phrase that names no one
		}
		w := &d.Sents[l.Sent].Words[l.Word]
		if w.UPOS == "NOUN" && d.rivalNear(e, l.Sent, l.Word) {
			continue // "the company" after two companies: which, the words do not say
		}
		w.Ent = e
		ent := d.Entities[e]
		ent.Mentions++
		if p := pronounSet[w.Lower()]; p.female {
			ent.Female = true
		} else if p.male {
			ent.Male = true
		}
	}
}

// rivalNear reports another entity of e's kind named in the two sentences
// before word i of sentence si or earlier in that sentence: a description
// ("the company") could mean either.
func (d *Doc) rivalNear(e, si, i int) bool {
	k := d.Entities[e].Kind
	for sj := max(0, si-2); sj <= si; sj++ {
		for j, w := range d.Sents[sj].Words {
			if sj == si && j >= i {
				break
			}
			if w.Ent >= 0 && w.Ent != e && w.Mention >= 0 && d.Entities[w.Ent].Kind == k {
				return true
			}
		}
	}
	return false
}

// referent is an entity mention a later pronoun or description may point
// back to.
type referent struct {
	ent, sent, word int
	subject         bool
}

// resolve links pronouns and definite descriptions to entities, and learns
// entity classes and genders on the way.
func (d *Doc) resolve(model *coref.Model) {
	d.classes()
	d.resolveRules(model == nil)
	if model != nil {
		d.resolvePronouns(model)
	}
}

// resolveRules links definite descriptions (and, when pronouns is set,
// pronouns) by salience: the latest compatible entity of the last three
// sentences, subjects first.
func (d *Doc) resolveRules(pronouns bool) {
	var recent []referent
	for si, s := range d.Sents {
		for i := range s.Words {
			w := &s.Words[i]
			if w.Ent >= 0 {
				if w.Mention >= 0 && s.Mentions[w.Mention].Lo == i || w.Mention < 0 {
					recent = append(recent, referent{w.Ent, si, i, s.isSubject(i)})
				}
				if w.Mention >= 0 && i > 0 {
					d.honorific(s, i, w.Ent)
				}
				continue
			}
			lw := w.Lower()
			if p, ok := pronounSet[lw]; ok && (w.UPOS == "PRON" || w.UPOS == "DET") && w.Rel != "expl" {
				if !pronouns {
					continue
				}
				if e := d.antecedent(recent, si, i, p, s.coargument(i)); e >= 0 {
					w.Ent = e
					ent := d.Entities[e]
					ent.Mentions++
					if p.female {
						ent.Female = true
					}
					if p.male {
						ent.Male = true
					}
					recent = append(recent, referent{e, si, i, s.isSubject(i)})
				}
				continue
			}
			if w.UPOS == "NOUN" && s.Definite(i) {
				if e := d.described(recent, si, lw, w.Lemma); e >= 0 {
					w.Ent = e
					d.Entities[e].Mentions++
					recent = append(recent, referent{e, si, i, s.isSubject(i)})
				}
			}
		}
		// Only the last few sentences are candidates.
		k := 0
		for k < len(recent) && recent[k].sent < si-2 {
			k++
		}
		recent = recent[k:]
	}
}

// antecedent returns the entity pronoun p at word i of sentence si refers
// to, or -1 when none is clearly meant: the most salient compatible entity
// of this and the two sentences before, subjects and recent mentions first.
func (d *Doc) antecedent(recent []referent, si, i int, p corefPronoun, not int) int {
	best, bestScore, second := -1, -1.0, -1.0
	seen := map[int]float64{}
	for _, r := range recent {
		if r.sent == si && r.word >= i {
			continue
		}
		e := d.Entities[r.ent]
		if r.ent == not {
			continue // "Ann praised her" is not Ann praising herself
		}
		if p.person != (e.Kind == quiz.KindPerson) {
			continue
		}
		if p.female && e.Male || p.male && e.Female {
			continue
		}
		if !p.person && (e.Kind != quiz.KindOrganization || !r.subject || r.sent != si) {
			continue // "its" is the organization that is the subject of its sentence, or unknown
		}
		sc := 10 / float64(1+si-r.sent)
		if r.subject {
			sc += 4
		}
		if r.sent == si {
			sc += 2
		}
		if sc > seen[r.ent] {
			seen[r.ent] = sc
		}
	}
	for e, sc := range seen {
		switch {
		case sc > bestScore:
			best, second, bestScore = e, bestScore, sc
		case sc > second:
			second = sc
		}
	}
	if best >= 0 && second >= 0 && bestScore-second < 3 {
		return -1 // two people fit about as well: unresolved
	}
	return best
}

// coargument returns the entity of the subject of the clause whose object
// pronoun i is ("him" in "Ann praised him" is not Ann), or -1.
func (s *Sentence) coargument(i int) int {
	switch s.Words[i].Lower() {
	case "him", "her", "them":
	default:
		return -1
	}
	if s.Words[i].Feat("Poss") == "Yes" || strings.HasPrefix(s.Words[i].Rel, "nsubj") {
		return -1
	}
	p := s.Words[i].Head
	if p < 0 {
		return -1
	}
	if subj := s.Kid(p, "nsubj"); subj >= 0 {
		return s.Words[subj].Ent
	}
	return -1
}

// described returns the entity a definite description with head noun lw
// (lemma lemma) refers to, or -1: the latest entity the article called by
// that noun, or for a generic person or organization noun the latest
// entity of that kind when only one was mentioned lately.
func (d *Doc) described(recent []referent, si int, lw, lemma string) int {
	// The entity the article called so; two of them ("Ann Lee, the
	// company's founder, ... Bo Chen, a rival company's ...") and the
	// description is not clear.
	// One of its kind named since ("... Bo Chen said the company") and
	// the description is not clear either.
	class := -1
	var later []int // entities named after the latest of the class
	for k := len(recent) - 1; k >= 0; k-- {
		e := recent[k].ent
		if c := d.Entities[e].Class; c != "" && (c == lemma || c == lw) {
			if class >= 0 && class != e {
				return -1
			}
			class = e
		} else if class < 0 {
			later = append(later, e)
		}
	}
	if class >= 0 {
		for _, e := range later {
			if e != class && d.Entities[e].Kind == d.Entities[class].Kind {
				return -1
			}
		}
		return class
	}
	var kind quiz.Kind
	switch {
	case orgNouns[lemma]:
		kind = quiz.KindOrganization
	case personNouns[lemma] && lw == lemma: // "the two men" is several people
		kind = quiz.KindPerson
	default:
		return -1
	}
	found := -1
	for k := len(recent) - 1; k >= 0; k-- {
		e := recent[k].ent
		if d.Entities[e].Kind != kind {
			continue
		}
		if recent[k].sent < si-1 {
			// Named two sentences back: not the referent, but a rival
			// that makes "the company" unclear.
			if found >= 0 && found != e && recent[k].sent >= si-2 {
				return -1
			}
			continue
		}
		if firmNouns[lemma] && publicBody(d.Entities[e].Name) {
			continue // "the company" is not the foundation or the ministry named last
		}
		if kind == quiz.KindOrganization && !broadOrgNouns[lemma] && !nameHas(d.Entities[e].Name, lemma) {
			// "the union" is not the carmaker named last: a noun for one
			// sort of body refers to an entity the article called so or
			// whose name says so.
			continue
		}
		if found >= 0 && found != e {
			return -1
		}
		found = e
	}
	return found
}

// Definite reports whether noun i heads a definite description: "the" or a
// demonstrative and no name of its own.
func (s *Sentence) Definite(i int) bool {
	det := s.Kid(i, "det")
	if det < 0 {
		return false
	}
	switch s.Words[det].Lower() {
	case "the", "this", "that", "these", "those":
	default:
		return false
	}
	for _, k := range s.Kids(i) {
		if s.Words[k].Ent >= 0 || s.Rel(k) == "nmod" || s.Rel(k) == "acl" {
			return false // "the company's founder", "the bank of Spain"
		}
		if s.Rel(k) == "amod" && newEntityWords[s.Words[k].Lower()] {
			return false // "the combined company" is none of the two named
		}
	}
	return true
}

// newEntityWords are modifiers by which a description names another
// entity than the one named before: "the combined company", "the other
// firm", "the new group".
var newEntityWords = map[string]bool{
	"combined": true, "merged": true, "new": true, "other": true, "rival": true, "joint": true,
	"enlarged": true, "resulting": true, "future": true, "former": true, "parent": true, "second": true,
}

// isSubject reports whether word i is (in) the subject of its clause.
func (s *Sentence) isSubject(i int) bool {
	for n := 0; i >= 0 && n < 8; n++ {
		switch s.Rel(i) {
		case "nsubj", "csubj":
			return true
		case "flat", "compound", "appos", "nmod", "amod", "det", "case":
			i = s.Words[i].Head
			continue
		}
		return false
	}
	return false
}

// honorific learns the gender of a person from a title before the name.
func (d *Doc) honorific(s *Sentence, i, e int) {
	ent := d.Entities[e]
	if ent.Kind != quiz.KindPerson || i == 0 {
		return
	}
	switch strings.TrimSuffix(s.Words[i-1].Lower(), ".") {
	case "mr", "sir", "lord", "king", "prince", "father":
		ent.Male = true
	case "mrs", "ms", "miss", "lady", "dame", "queen", "princess", "mother":
		ent.Female = true
	}
}

// classes learns the common noun the article uses for each entity: an
// apposition ("AirCo, a budget airline"), a noun before the name ("the
// airline AirCo") or a copula ("AirCo is an airline").
func (d *Doc) classes() {
	for _, s := range d.Sents {
		for mi, m := range s.Mentions {
			if m.Entity < 0 {
				continue
			}
			e := d.Entities[m.Entity]
			if e.Class != "" {
				continue
			}
			h := s.HeadOf(m.Lo, m.Hi)
			if h < 0 {
				continue
			}
			e.Class = s.classOf(h, mi)
		}
	}
}

// classOf returns the class noun given to the name headed by h.
func (s *Sentence) classOf(h, mi int) string {
	for _, k := range s.Kids(h) {
		w := &s.Words[k]
		if w.Text != w.Lower() || w.Mention >= 0 {
			continue // "the Tokyo Nikkei": a name, not a class
		}
		switch {
		case s.Rel(k) == "appos" && w.UPOS == "NOUN" && w.Feat("Number") == "Plur" && s.Words[h].Feat("Number") != "Plur":
			return "" // "Calder Vale, the holders": a team or a band, whatever the name reads like
		case s.Rel(k) == "appos" && w.UPOS == "NOUN":
			return strings.ToLower(w.Lemma)
		case s.Rel(k) == "compound" && w.UPOS == "NOUN" && k < s.Mentions[mi].Lo && (orgNouns[w.Lemma] || personNouns[w.Lemma]):
			return strings.ToLower(w.Lemma) // "the airline AirCo"
		}
	}
	if p := s.Words[h].Head; p >= 0 && s.Rel(h) == "appos" && s.Words[p].UPOS == "NOUN" && s.Words[p].Mention < 0 && s.Words[p].Text == s.Words[p].Lower() {
		return strings.ToLower(s.Words[p].Lemma)
	}
	if p := s.Words[h].Head; p >= 0 && s.Rel(h) == "nsubj" && s.Words[p].UPOS == "NOUN" && s.HasKid(p, "cop") {
		return strings.ToLower(s.Words[p].Lemma)
	}
	return ""
}

// HeadOf returns the word of [lo, hi) whose head lies outside it: the head
// of the phrase; -1 when there is none.
func (s *Sentence) HeadOf(lo, hi int) int {
	for i := lo; i < hi; i++ {
		h := s.Words[i].Head
		if h < lo || h >= hi {
			return i
		}
	}
	return -1
}
