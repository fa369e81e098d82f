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
	// Indefinite marks a role the article gives with "a" ("an economist
	// at the bank"): one of several who hold it.
	Indefinite bool
	// fromNationality marks an Org read from a nationality ("French
	// minister"): a country is the organization only of its officials.
	fromNationality bool
	// Lo and Hi delimit the role's words in the sentence.
	Lo, Hi int
}

// formerWords mark a role as one held before.
var formerWords = map[string]bool{"former": true, "ex": true, "late": true, "then": true, "onetime": true, "one-time": true, "erstwhile": true}

// roleHead reports whether the lower-case noun can head a role; family
// relations ("daughter") are no posts.
func (x *Extractor) roleHead(w string) bool {
	if familyNouns[w] || nonRoleNouns[w] {
		return false
	}
	return x.lx.TitleHead(w) || x.lx.Title(w) || personNouns[w] || x.lx.PersonNoun(w)
}

// looseRoleHead reports whether noun w (lower case) can head a role where
// the syntax already says it describes a person: set off beside the name
// ("Ann Lee, a saxophonist,") or written before it ("airline boss Ann
// Lee"): a singular common noun, not a relative nor a word of time or
// quantity.
func (x *Extractor) looseRoleHead(s *Sentence, k int, before bool) bool {
	w := &s.Words[k]
	lw := strings.ToLower(w.Lemma)
	if x.roleHead(lw) || x.roleHead(w.Lower()) {
		return true
	}
	if w.UPOS != "NOUN" || w.Feat("Number") == "Plur" || familyNouns[lw] || nonRoleNouns[lw] || w.Mention >= 0 || !isLowerASCII(w.Text) {
		return false
	}
	// The word must name someone who does something ("saxophonist",
	// "educator"), or before the name a boss of some kind.
	return agentNoun(lw) || before && bossNouns[lw]
}

// bossNouns head titles written before names that neither the title list
// nor the agent-noun endings cover.
var bossNouns = map[string]bool{
	"boss": true, "chief": true, "head": true, "aide": true, "star": true, "rookie": true, "veteran": true,
	"guru": true, "tycoon": true, "mogul": true, "magnate": true, "czar": true, "tsar": true,
}

// agentNoun reports a noun formed to name a doer: "-ist", "-or", "-er",
// "-ian", "-man".
func agentNoun(w string) bool {
	for _, suf := range []string{"ist", "ian", "or", "er", "eer", "man", "woman", "ant", "ee"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// nonRoleNouns stand beside names without describing them: "Sunday Ann
// Lee", "the year Ann Lee ...".
var nonRoleNouns = map[string]bool{
	"time": true, "day": true, "year": true, "week": true, "month": true, "thing": true, "part": true,
	"side": true, "way": true, "case": true, "kind": true, "sort": true, "type": true, "lot": true,
	"number": true, "one": true, "morning": true, "evening": true, "night": true, "afternoon": true,
	"season": true, "game": true, "match": true, "statement": true, "interview": true, "report": true,
	// People in general: "a great guy" says nothing of a post.
	"guy": true, "man": true, "woman": true, "person": true, "fellow": true, "kid": true, "boy": true,
	"girl": true, "lady": true, "gentleman": true, "human": true, "individual": true, "adult": true,
	"child": true, "friend": true, "people": true, "character": true, "legend": true, "hero": true,
}

// isLowerASCII reports a word of lower-case letters and hyphens.
func isLowerASCII(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return w != ""
}

// familyNouns name relatives, not posts.
var familyNouns = map[string]bool{
	"father": true, "mother": true, "son": true, "daughter": true, "husband": true, "wife": true,
	"brother": true, "sister": true, "uncle": true, "aunt": true, "cousin": true, "grandson": true,
	"granddaughter": true, "grandfather": true, "grandmother": true, "child": true, "parent": true,
	"widow": true, "widower": true, "fiancee": true, "fiance": true, "nephew": true, "niece": true,
}

// titleAbbreviations spell out titles written short before names.
var titleAbbreviations = map[string]string{
	"gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general",
	"lt.": "lieutenant", "col.": "colonel", "capt.": "captain", "sgt.": "sergeant", "adm.": "admiral",
	"pres.": "president", "prof.": "professor", "supt.": "superintendent", "amb.": "ambassador",
	"atty.": "attorney", "det.": "detective", "insp.": "inspector", "cmdr.": "commander", "maj.": "major",
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
		// Apposition either way round; but a name with "'s" owns the noun
		// after it ("Ann Lee's brother-in-law and the owner of X" are
		// someone else's roles, whatever the parse hung them on).
		appos := false
		possessive := m.Hi < len(s.Words) && (s.Words[m.Hi].Text == "'s" || s.Words[m.Hi].Text == "’s" || s.Words[m.Hi].Text == "'")
		for _, k := range s.Kids(h) {
			if s.Rel(k) == "appos" && s.Words[k].UPOS == "NOUN" && !possessive {
				out = append(out, x.rolePhrases(d, s, k, m.Entity, h, true)...)
				appos = true
			}
		}
		if k := s.commaPhrase(m.Hi); !appos && !possessive && k >= 0 {
			// An apposition the parse attached elsewhere: the noun
			// phrase set off by commas right after the name.
			out = append(out, x.rolePhrases(d, s, k, m.Entity, h, true)...)
		}
		p := s.Words[h].Head
		if p < 0 {
			continue
		}
		// "the mayor of Springfield, Ann Lee": the name may hang on the
		// role's complement.
		if s.Rel(h) == "appos" && s.Words[p].UPOS == "PROPN" && s.Rel(p) == "nmod" && s.Words[p].Head >= 0 && s.Words[s.Words[p].Head].UPOS == "NOUN" && p < h {
			p = s.Words[p].Head
		}
		switch {
		case (s.Rel(h) == "appos" || s.Rel(h) == "flat" || s.Rel(h) == "compound" && p < h) && s.Words[p].UPOS == "NOUN":
			// A name before its role noun ("Calder Vale keeper Rhys
			// Penhallow", "Acme engineer") names the employer, not the holder.
			out = append(out, x.rolePhrases(d, s, p, m.Entity, h, true)...)
		case s.Rel(h) == "nsubj" && s.HasKid(p, "cop") && s.Words[p].UPOS == "NOUN":
			out = append(out, x.rolePhrases(d, s, p, m.Entity, h, false)...)
		case strings.HasPrefix(s.Words[h].Rel, "nsubj"):
			// "Ruiz was named chief executive", "Ruiz serves as chairman".
			for _, k := range s.Kids(p) {
				w := &s.Words[k]
				if w.UPOS != "NOUN" {
					continue
				}
				if s.Rel(k) == "xcomp" || s.Rel(k) == "obl" && s.Case(k) == "as" {
					if r, ok := x.rolePhrase(d, s, k, m.Entity, h, false); ok {
						out = append(out, r)
					}
				}
			}
		}
	}
	kept := out[:0]
	for _, r := range out {
		r.Role = strings.Trim(r.Role, " -–—")
		if full, ok := titleAbbreviations[strings.ToLower(r.Role)]; ok {
			r.Role = full
		}
		if r.fromNationality && !officialPosts[roleHead(r.Role)] {
			r.Org = "" // "a British aid worker" works for no country
		}
		// A role needs a person named in full ("Brightwell CEO" may be a
		// company's post) and a role word that is not abbreviated.
		if r.Role == "" || strings.HasSuffix(r.Role, ".") || !strings.Contains(d.Entities[r.Person].Name, " ") {
			continue
		}
		if r.Hi < len(s.Words) && continues(s, r.Hi) && x.lx.Modifier(strings.ToLower(r.Role)) {
			continue // "chief" of "chief U.S. regional economist": a role cut short
		}
		kept = append(kept, r)
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
// adjectives that modify the name's head from the left ("agency
// spokesperson Ann Lee").
func (x *Extractor) titleBefore(d *Doc, s *Sentence, m Mention, h int) (RoleFact, bool) {
	hi := m.Lo
	for hi > 0 && isHonorific(s.Words[hi-1].Text) {
		hi--
	}
	lo := roleRun(s, hi, h)
	if lo >= hi && hi > 0 && s.Words[hi-1].UPOS == "NOUN" && s.Words[hi-1].Head == s.Words[h].Head {
		// The parse made the title a sibling of the name ("spokesman"
		// and "Ann Lee" both subjects): the words still run into it.
		lo = roleRun(s, hi, hi-1)
	}
	if lo >= hi || !x.looseRoleHead(s, hi-1, true) || s.Words[hi-1].Feat("Number") == "Plur" {
		return RoleFact{}, false
	}
	for j := lo; j < hi; j++ {
		if s.Words[j].Feat("Poss") == "Yes" && s.Words[j].UPOS != "PROPN" {
			return RoleFact{}, false // "his second delivery Ann Lee ...": no title
		}
	}
	return x.splitRole(d, s, lo, hi, m.Entity, h), true
}

// roleRun returns the start of the run of words that can make a role or
// its organization ("former culture minister", "Ukraine's Security
// Council chief"), ending before word end and all under word under.
func roleRun(s *Sentence, end, under int) int {
	lo := end
	for lo > 0 {
		w := &s.Words[lo-1]
		if !s.Dominates(under, lo-1) || isHonorific(w.Text) {
			break
		}
		if w.Mention >= 0 && s.Mentions[w.Mention].Kind == quiz.KindPerson {
			if m := s.Mentions[w.Mention]; m.Hi-m.Lo == 1 && lo < end && s.Words[lo].UPOS == "NOUN" {
				lo-- // "Acme CEO": a one-word name owning the title, and no further
			}
			break
		}
		ok := false
		switch w.UPOS {
		case "ADJ", "NOUN", "PROPN":
			ok = true
		case "PART":
			ok = w.Text == "'s" || w.Text == "’s"
		case "PUNCT":
			ok = w.Text == "-"
		}
		if !ok {
			break
		}
		lo--
	}
	return lo
}

// rolePhrases reads the role noun phrase headed by k and those coordinated
// with it ("presidential aide and former culture minister").
func (x *Extractor) rolePhrases(d *Doc, s *Sentence, k, person, name int, loose bool) []RoleFact {
	var out []RoleFact
	if r, ok := x.rolePhrase(d, s, k, person, name, loose); ok {
		out = append(out, r)
	}
	for _, c := range s.Kids(k) {
		if s.Rel(c) == "conj" && s.Words[c].UPOS == "NOUN" && (c < name || loose) {
			if r, ok := x.rolePhrase(d, s, c, person, name, loose); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// rolePhrase reads the role noun phrase headed by k ("the bank's chief
// executive", "chief executive of the bank").
func (x *Extractor) rolePhrase(d *Doc, s *Sentence, k, person, name int, loose bool) (RoleFact, bool) {
	if loose && !x.looseRoleHead(s, k, false) || !loose && !x.roleHead(strings.ToLower(s.Words[k].Lemma)) && !x.roleHead(s.Words[k].Lower()) {
		return RoleFact{}, false
	}
	if s.Words[k].Feat("Number") == "Plur" {
		return RoleFact{}, false // "three sons, Ann, Bob and Cy": a family, not a post
	}
	lo := roleRun(s, k, k)
	r := x.splitRole(d, s, lo, k+1, person, name)
	if det := s.Kid(k, "det"); det >= 0 {
		switch s.Words[det].Lower() {
		case "a", "an", "another", "one":
			r.Indefinite = true
		}
	}
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
			// "of strategy at the bank": the organization may hang on
			// the complement.
			for _, g := range s.Kids(c) {
				gw := &s.Words[g]
				if g > c && s.Rel(g) == "nmod" && r.Org == "" && (s.Case(g) == "at" || s.Case(g) == "of" || s.Case(g) == "for") && gw.Mention >= 0 && named(s.Mentions[gw.Mention].Kind) && s.Mentions[gw.Mention].Kind != quiz.KindPerson {
					mm := s.Mentions[gw.Mention]
					olo, ohi := s.nameBounds(g)
					olo, ohi = min(olo, mm.Lo), max(ohi, mm.Hi)
					r.Org = s.Segment(olo, ohi)
					if takesThe(s, olo) {
						r.Org = "the " + r.Org
					}
					gl, _ := s.Span(g)
					hi = gl
				}
			}
			if hi-lo <= 5 {
				r.Role += " of " + s.Segment(lo, hi)
			}
		}
	}
	if r.Org == "" {
		// "director of strategy at Acme Corp." with "at Acme Corp."
		// attached elsewhere by the parse: the organization right after
		// the role's words.
		_, end := s.Span(k)
		for end < len(s.Words) && s.Words[end].UPOS == "PUNCT" && s.Words[end].Text != "," {
			end++
		}
		if end+1 < len(s.Words) {
			switch s.Words[end].Lower() {
			case "at", "of", "for":
				j := end + 1
				if s.Words[j].Lower() == "the" && j+1 < len(s.Words) {
					j++
				}
				if m := s.Words[j].Mention; m >= 0 && s.Mentions[m].Lo == j && s.Mentions[m].Kind == quiz.KindOrganization {
					mm := s.Mentions[m]
					r.Org = s.Segment(mm.Lo, mm.Hi)
					if takesThe(s, mm.Lo) {
						r.Org = "the " + r.Org
					}
				}
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
	orgLo := -1 // where the organization's words start, possessors included
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
		case w.Mention >= 0 && s.Mentions[w.Mention].Kind == quiz.KindPerson && s.Mentions[w.Mention].Hi-s.Mentions[w.Mention].Lo == 1 && len(role) == 0 && s.Mentions[w.Mention].Hi < hi:
			// "Acme CEO Ann Lee": a one-word name before the title is
			// whose title it is, a company or a person ("Lee aide").
			m := s.Mentions[w.Mention]
			r.Org = s.Segment(m.Lo, m.Hi)
			orgLo = m.Lo
			i = m.Hi - 1
		case w.Mention >= 0 && s.Mentions[w.Mention].Kind == quiz.KindPerson:
			i = s.Mentions[w.Mention].Hi - 1 // a name is no part of a role
		case w.Mention >= 0 && len(role) > 0 && isPlaceKind(s.Mentions[w.Mention].Kind):
			// "chief U.S. economist": a place inside the role is part of it.
			m := s.Mentions[w.Mention]
			role = append(role, s.Segment(m.Lo, m.Hi))
			i = m.Hi - 1
		case w.Mention >= 0 && named(s.Mentions[w.Mention].Kind):
			// The organization is the last name before the role, with the
			// names that possess it: "Ukraine's Security Council chief".
			m := s.Mentions[w.Mention]
			if orgLo < 0 || len(role) > 0 {
				orgLo = m.Lo
			}
			role = role[:0]
			org := s.Segment(orgLo, m.Hi)
			if m.Kind == quiz.KindNationality && orgLo == m.Lo {
				if c, ok := x.lx.Nationality(org); ok && c != "" {
					org = c
				}
				r.fromNationality = true
			}
			if m.Lo == 0 && m.Hi-m.Lo == 1 && m.Kind != quiz.KindNationality && m.Kind != quiz.KindCountry {
				// A capitalized first word of the sentence may be no name:
				// "Star defensive tackle Ann Lee".
				orgLo = -1
				i = m.Hi - 1
				continue
			}
			r.Org = org
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

// isPlaceKind reports a place or nationality.
func isPlaceKind(k quiz.Kind) bool {
	switch k {
	case quiz.KindNationality, quiz.KindCountry, quiz.KindCity, quiz.KindRegion, quiz.KindPlace:
		return true
	}
	return false
}

// continues reports whether the words from i go on a noun phrase: an
// adjective, a noun or a name, not punctuation or a verb.
func continues(s *Sentence, i int) bool {
	switch s.Words[i].UPOS {
	case "ADJ", "NOUN", "PROPN":
		return true
	}
	return false
}

// roleHead returns the lower-case head word of a role: "minister" of
// "foreign minister", "director" of "director of research".
func roleHead(role string) string {
	head, _, _ := strings.Cut(strings.ToLower(role), " of ")
	return lastWord(head)
}

// officialPosts are the posts a country has: "the French foreign
// minister" is France's.
var officialPosts = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "ambassador": true,
	"envoy": true, "king": true, "queen": true, "emperor": true, "prince": true, "princess": true,
	"monarch": true, "secretary": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"general": true, "admiral": true, "commander": true, "chief": true, "diplomat": true, "official": true,
	"senator": true, "lawmaker": true, "legislator": true, "negotiator": true, "leader": true,
}

// commaPhrase returns the head of the noun phrase set off by a comma at
// word i and closed by a comma, a relative pronoun or the end of the
// sentence ("Ann Lee, the bank's chief executive, said"), or -1.
func (s *Sentence) commaPhrase(i int) int {
	if i+1 >= len(s.Words) || s.Words[i].Text != "," {
		return -1
	}
	best, bestHi := -1, -1
	for k := i + 1; k < len(s.Words); k++ {
		if s.Words[k].UPOS != "NOUN" {
			continue
		}
		lo, hi := s.Span(k)
		for hi > k+1 && s.Words[hi-1].UPOS == "PUNCT" {
			hi--
		}
		if (lo == i || lo == i+1) && hi > bestHi {
			best, bestHi = k, hi
		}
	}
	if best < 0 {
		return -1
	}
	if bestHi < len(s.Words) {
		switch w := &s.Words[bestHi]; {
		case w.Text == "," || w.Text == "." || w.Text == ";":
		case w.Feat("PronType") == "Rel":
		default:
			return -1
		}
	}
	return best
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

// pointsBack reports a definite common noun the article used before ("the
// group" after "a group of engineers"): it refers back.
func (d *Doc) pointsBack(s *Sentence, j int) bool {
	w := &s.Words[j]
	if w.UPOS != "NOUN" || w.Mention >= 0 {
		return false
	}
	det := s.Kid(j, "det")
	if det < 0 || s.Words[det].Lower() != "the" {
		return false
	}
	for _, p := range d.Sents[:s.Index] {
		for i := range p.Words {
			if strings.EqualFold(p.Words[i].Lemma, w.Lemma) {
				return true
			}
		}
	}
	return false
}

// closesAside reports punctuation that ends an apposition.
func closesAside(w string) bool {
	switch w {
	case ",", ".", ";", ":", ")", "—", "–", "!", "?":
		return true
	}
	return false
}

// fits reports whether a noun can describe an entity of kind k: people are
// described by nouns for people ("economist", "co-author"), organizations
// and places by others.
func fits(k quiz.Kind, lemma string) bool {
	person := personNouns[lemma] || strings.HasSuffix(lemma, "er") || strings.HasSuffix(lemma, "or") ||
		strings.HasSuffix(lemma, "ist") || strings.HasSuffix(lemma, "ian") || strings.HasSuffix(lemma, "ant") ||
		strings.HasSuffix(lemma, "ent") || strings.HasSuffix(lemma, "man") || strings.HasSuffix(lemma, "woman") ||
		strings.HasSuffix(lemma, "person") || strings.HasSuffix(lemma, "ee") || peopleWords[lemma]
	switch k {
	case quiz.KindPerson:
		return person && !orgNouns[lemma]
	case quiz.KindOrganization, quiz.KindCity, quiz.KindCountry, quiz.KindRegion, quiz.KindPlace:
		return !person || orgNouns[lemma]
	}
	return true
}

// peopleWords are nouns for people that end unlike most: "fellow",
// "legend", "chief".
var peopleWords = map[string]bool{
	"fellow": true, "legend": true, "chief": true, "head": true, "citizen": true, "native": true,
	"veteran": true, "member": true, "star": true, "expert": true, "aide": true, "spokeswoman": true,
	"secretary": true, "candidate": true, "nominee": true, "graduate": true, "co-author": true,
	"colleague": true, "friend": true, "rival": true, "ally": true, "critic": true, "activist": true,
	"deputy": true, "envoy": true, "guard": true, "pilot": true, "captain": true, "coach": true,
	"judge": true, "chef": true, "artist": true, "poet": true, "journalist": true, "scholar": true,
}

// Description says what a named entity is, as an apposition puts it: "Ann
// Lee, a former player at Pitt," describes Ann Lee as "a former player at
// Pitt".
type Description struct {
	Sent int
	// Entity is the entity described; Name the head of its name in the
	// sentence, Head the head of the description.
	Entity, Name, Head int
	// Lo and Hi delimit the description's words, article included.
	Lo, Hi int
	// Nationality marks a description that only gives the person's
	// nationality ("Ann Lee, an Argentine,"); Lo and Hi then hold the
	// nationality word alone.
	Nationality bool
}

// descriptions reads the appositions of the named mentions of s that say
// something specific: with a name or number in them, or three words or
// more ("an Acme vice president", "the country's second-largest city").
func (d *Doc) descriptions(s *Sentence) []Description {
	var out []Description
	for _, m := range s.Mentions {
		if m.Entity < 0 || !named(m.Kind) || m.Kind == quiz.KindNationality {
			continue
		}
		h := s.HeadOf(m.Lo, m.Hi)
		if h < 0 {
			continue
		}
		for _, k := range s.Kids(h) {
			if s.Rel(k) == "appos" && k == m.Hi+2 && m.Kind == quiz.KindPerson && s.Words[m.Hi].Text == "," {
				// "Ann Lee, an Argentine,": the person's nationality.
				w := &s.Words[k]
				if det := s.Kid(k, "det"); det == k-1 && w.Mention >= 0 && s.Mentions[w.Mention].Kind == quiz.KindNationality &&
					s.Mentions[w.Mention].Hi == k+1 && (k+1 == len(s.Words) || closesAside(s.Words[k+1].Text)) {
					out = append(out, Description{Sent: s.Index, Entity: m.Entity, Name: h, Head: k, Lo: k, Hi: k + 1, Nationality: true})
				}
				continue
			}
			if s.Rel(k) != "appos" || s.Words[k].UPOS != "NOUN" || k < m.Hi {
				continue
			}
			lo, hi := s.PhraseBounds(k)
			if det := s.Kid(k, "det"); det >= 0 && det < lo {
				lo = det
			}
			// Right after the name and its comma, and closed by a comma or
			// the end: a misread apposition rarely is.
			if lo != m.Hi+1 || s.Words[m.Hi].Text != "," || hi < len(s.Words) && !closesAside(s.Words[hi].Text) {
				continue
			}
			if !fits(m.Kind, strings.ToLower(s.Words[k].Lemma)) {
				continue // "Ann Lee, the giant service": a misreading
			}
			specific := hi-lo >= 3
			for j := lo; j < hi; j++ {
				if s.Words[j].Mention >= 0 {
					specific = true
				}
				if s.Words[j].UPOS == "PRON" || s.Words[j].Feat("PronType") == "Dem" || j != k && d.pointsBack(s, j) {
					specific = false // "his son", "the group": points elsewhere
					break
				}
			}
			if specific && hi-lo <= 12 {
				out = append(out, Description{Sent: s.Index, Entity: m.Entity, Name: h, Head: k, Lo: lo, Hi: hi})
			}
		}
	}
	return out
}
