package extract

// This file reads the roles people hold from the parse: a title before the
// name ("agency spokesperson Ana Ruiz"), an apposition ("Ana Ruiz, the
// bank's chief executive,"), a copula ("Ruiz is the chief executive of the
// bank"), an appointment ("Ruiz was named chief executive") and "as"
// ("Ruiz, as chief executive, ...").

import (
	"strings"

	"factdeck/quiz"
)

// RoleFact says that a person holds (or held) a role, of an organization or
// country when the article says so.
type RoleFact struct {
	Sent int
	// Person is the person's entity; Name its head word in the sentence.
	Person, Name int
	// Role is the role without its organization ("chief executive");
	// Org the organization or country ("the bank", "France").
	Role, Org string
	// Former marks a role no longer held ("former minister").
	Former bool
	// Lo and Hi delimit the role's words in the sentence.
	Lo, Hi int
}

// formerWords mark a role as one held before.
var formerWords = map[string]bool{"former": true, "ex": true, "late": true, "then": true, "onetime": true, "one-time": true, "erstwhile": true}

// roleHead reports whether the lower-case noun can head a role.
func (x *Extractor) roleHead(w string) bool {
	return x.lx.TitleHead(w) || x.lx.Title(w) || personNouns[w]
}

// roles reads the roles of the people named in s.
func (x *Extractor) roles(d *Doc, s *Sentence) []RoleFact {
	var out []RoleFact
	for _, m := range s.Mentions {
		if m.Kind != quiz.KindPerson || m.Entity < 0 {
			continue
		}
		h := s.HeadOf(m.Lo, m.Hi)
		if h < 0 {
			continue
		}
		if r, ok := x.titleBefore(d, s, m, h); ok {
			out = append(out, r)
		}
		// Apposition either way round.
		for _, k := range s.Kids(h) {
			if s.Rel(k) == "appos" && s.Words[k].UPOS == "NOUN" {
				out = append(out, x.rolePhrases(d, s, k, m.Entity, h)...)
			}
		}
		p := s.Words[h].Head
		if p < 0 {
			continue
		}
		switch {
		case (s.Rel(h) == "appos" || s.Rel(h) == "flat" || s.Rel(h) == "compound") && s.Words[p].UPOS == "NOUN":
			out = append(out, x.rolePhrases(d, s, p, m.Entity, h)...)
		case s.Rel(h) == "nsubj" && s.HasKid(p, "cop") && s.Words[p].UPOS == "NOUN":
			out = append(out, x.rolePhrases(d, s, p, m.Entity, h)...)
		case strings.HasPrefix(s.Words[h].Rel, "nsubj"):
			// "Ruiz was named chief executive", "Ruiz serves as chairman".
			for _, k := range s.Kids(p) {
				w := &s.Words[k]
				if w.UPOS != "NOUN" {
					continue
				}
				if s.Rel(k) == "xcomp" || s.Rel(k) == "obl" && s.Case(k) == "as" {
					if r, ok := x.rolePhrase(d, s, k, m.Entity, h); ok {
						out = append(out, r)
					}
				}
			}
		}
	}
	kept := out[:0]
	for _, r := range out {
		if r.Role != "" {
			kept = append(kept, r)
		}
	}
	out = kept
	for i := range out {
		out[i].Sent = s.Index
		if d.Entities[out[i].Person].Class == "" {
			d.Entities[out[i].Person].Class = lastWord(out[i].Role)
		}
	}
	return out
}

// titleBefore reads a title written before the name: the nouns and
// adjectives that modify the name's head from the left.
func (x *Extractor) titleBefore(d *Doc, s *Sentence, m Mention, h int) (RoleFact, bool) {
	lo := m.Lo
	for _, k := range s.Kids(h) {
		if k >= m.Lo {
			break
		}
		if isHonorific(s.Words[k].Text) || s.Words[k].Rel == "nmod:desc" && isHonorific(s.Words[k].Text) {
			continue
		}
		switch s.Rel(k) {
		case "compound", "amod", "nmod":
			if a, _ := s.Span(k); a < lo {
				lo = a
			}
		}
	}
	if lo == m.Lo {
		return RoleFact{}, false
	}
	// The title is the run of modifier words right before the name.
	hi := m.Lo
	for lo < hi && (s.Words[lo].UPOS == "DET" || s.Words[lo].UPOS == "PUNCT" || isHonorific(s.Words[lo].Text)) {
		lo++
	}
	for hi > lo && isHonorific(s.Words[hi-1].Text) {
		hi--
	}
	if lo >= hi || !x.roleHead(strings.ToLower(s.Words[hi-1].Text)) {
		return RoleFact{}, false
	}
	return x.splitRole(d, s, lo, hi, m.Entity, h), true
}

// rolePhrases reads the role noun phrase headed by k and those coordinated
// with it ("presidential aide and former culture minister").
func (x *Extractor) rolePhrases(d *Doc, s *Sentence, k, person, name int) []RoleFact {
	var out []RoleFact
	if r, ok := x.rolePhrase(d, s, k, person, name); ok {
		out = append(out, r)
	}
	for _, c := range s.Kids(k) {
		if s.Rel(c) == "conj" && s.Words[c].UPOS == "NOUN" && c < name {
			if r, ok := x.rolePhrase(d, s, c, person, name); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// rolePhrase reads the role noun phrase headed by k ("the bank's chief
// executive", "chief executive of the bank").
func (x *Extractor) rolePhrase(d *Doc, s *Sentence, k, person, name int) (RoleFact, bool) {
	if !x.roleHead(strings.ToLower(s.Words[k].Lemma)) && !x.roleHead(s.Words[k].Lower()) {
		return RoleFact{}, false
	}
	lo := k
	for _, c := range s.Kids(k) {
		if c > k {
			break
		}
		switch s.Rel(c) {
		case "compound", "amod", "nmod", "det":
			if a, _ := s.Span(c); a < lo {
				lo = a
			}
		}
	}
	for lo < k && (s.Words[lo].UPOS == "DET" && s.Words[lo].Rel == "det" || s.Words[lo].UPOS == "PUNCT") {
		lo++
	}
	r := x.splitRole(d, s, lo, k+1, person, name)
	// "director of strategy at the bank": what the role is of belongs to
	// it, the organization after the head is its organization.
	for _, c := range s.Kids(k) {
		if c < k || s.Rel(c) != "nmod" {
			continue
		}
		cas := s.Case(c)
		w := &s.Words[c]
		switch {
		case (cas == "of" || cas == "at" || cas == "for" || cas == "with") && w.Mention >= 0 && named(s.Mentions[w.Mention].Kind) && s.Mentions[w.Mention].Kind != quiz.KindPerson:
			if r.Org == "" {
				mm := s.Mentions[w.Mention]
				lo, hi := s.nameBounds(c)
				lo, hi = min(lo, mm.Lo), max(hi, mm.Hi)
				r.Org = s.Segment(lo, hi)
				if takesThe(s, lo) {
					r.Org = "the " + r.Org
				}
			}
		case cas == "of" && w.Mention < 0 && w.UPOS == "NOUN":
			lo, hi := s.PhraseBounds(c)
			if hi-lo <= 5 {
				r.Role += " of " + s.Segment(lo, hi)
			}
		}
	}
	return r, true
}

// splitRole splits title words [lo, hi) into the role, its organization
// (a name among them, or a possessive) and a "former" marker.
func (x *Extractor) splitRole(d *Doc, s *Sentence, lo, hi, person, name int) RoleFact {
	r := RoleFact{Person: person, Name: name, Lo: lo, Hi: hi}
	var role []string
	for i := lo; i < hi; i++ {
		w := &s.Words[i]
		lw := w.Lower()
		if s.Words[i].Rel == "nmod:poss" && w.Mention < 0 {
			// "the bank's": the organization when the article names it,
			// otherwise left out of the role.
			_, b := s.Span(i)
			if w.Ent >= 0 && r.Org == "" {
				r.Org = d.Entities[w.Ent].Name
			}
			i = max(i, b-1)
			continue
		}
		switch {
		case formerWords[lw]:
			r.Former = true
		case w.Mention >= 0 && s.Mentions[w.Mention].Kind == quiz.KindPerson:
			i = s.Mentions[w.Mention].Hi - 1 // a name is no part of a role
		case w.Mention >= 0 && named(s.Mentions[w.Mention].Kind):
			m := s.Mentions[w.Mention]
			org := s.Segment(m.Lo, m.Hi)
			if m.Kind == quiz.KindNationality {
				if c, ok := x.lx.Nationality(org); ok && c != "" {
					org = c
				}
			}
			if r.Org == "" {
				r.Org = org
			}
			i = m.Hi - 1
			if i+1 < hi && s.Words[i+1].UPOS == "PART" { // "Russia's"
				i++
			}
		case w.UPOS == "PART" || w.UPOS == "ADP" || w.UPOS == "DET" || w.UPOS == "CCONJ" || w.UPOS == "PUNCT" && lw != "-":
		default:
			role = append(role, w.Text)
		}
	}
	r.Role = strings.Join(role, " ")
	r.Role = strings.ReplaceAll(r.Role, " - ", "-")
	return r
}

// takesThe reports whether the name at word lo is written with "the" ("the
// Pentagon"): the word before it is "the".
func takesThe(s *Sentence, lo int) bool {
	return lo > 0 && s.Words[lo-1].Lower() == "the"
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}
