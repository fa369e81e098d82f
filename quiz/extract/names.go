package extract

// This file turns the recognizer's name spans into typed mentions and
// groups the mentions of one article into entities: a surname with the
// full name it shortens, an acronym with the name it abbreviates.

import (
	"sort"
	"strings"
	"unicode"

	"factdeck/quiz"
)

// nerSpan is a named-entity span over words [lo, hi) of a sentence, typed
// PER, ORG, LOC or MISC as in CoNLL-2003.
type nerSpan struct {
	lo, hi int
	typ    string
}

// names adds the named mentions of s: the recognizer's spans, typed with
// the lexicons, then runs of proper nouns the recognizer left out.
func (x *Extractor) names(s *Sentence, spans []nerSpan) {
	// Two organizations back to back are one name the recognizer split:
	// "Acme | Widget Holdings Inc.".
	merged := spans[:0:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.typ == "ORG" && merged[n-1].typ == "ORG" && merged[n-1].hi == sp.lo {
			merged[n-1].hi = sp.hi
			continue
		}
		// A double-barrelled name split at its hyphen: "Ferreira | - |
		// Quinn" is one name, a person's when either half was.
		if n := len(merged); n > 0 && merged[n-1].hi+1 == sp.lo && hyphenJoins(s, sp.lo-1) {
			if sp.typ == "PER" {
				merged[n-1].typ = "PER"
			}
			merged[n-1].hi = sp.hi
			continue
		}
		merged = append(merged, sp)
	}
	merged = x.repairPersonSpans(s, merged)
	for _, sp := range merged {
		lo, hi := sp.lo, sp.hi
		// Determiners and possessive endings stay out of a name.
		for lo < hi && (s.Words[lo].UPOS == "DET" || s.Words[lo].UPOS == "PUNCT") {
			lo++
		}
		for hi > lo && (s.Words[hi-1].UPOS == "PART" || s.Words[hi-1].UPOS == "PUNCT" && s.Words[hi-1].Text != ".") {
			hi--
		}
		for k := lo; k < hi; k++ {
			if t := s.Words[k].Text; t == "(" || t == ")" || t == "[" || t == "]" {
				hi = k // a bracket ends a name: "Walt (Anderson)"
			}
		}
		if lo >= hi || lo < 0 || hi > len(s.Words) {
			continue
		}
		// Titles before a person's name stay out of it: "Mayor Ann Lee".
		typ := sp.typ
		for k := lo; k < hi-1 && x.isTitleWord(s.Words[k].Text); k++ {
			if x.lx.GivenName(s.Words[k+1].Text) || typ == "PER" {
				lo, typ = k+1, "PER"
			}
		}
		// A number after a name is part of it: "Flight 9", "Route 66".
		for hi < len(s.Words) && s.Words[hi].UPOS == "NUM" && s.Words[hi].Head >= lo && s.Words[hi].Head < hi && s.Words[hi].Start == s.Words[hi-1].End+1 &&
			!strings.ContainsAny(s.Words[hi].Text, ".,") && !(hi+1 < len(s.Words) && (s.Words[hi+1].UPOS == "NOUN" || s.Words[hi+1].Text == "%")) {
			hi++ // but not "Arizona 4.1 percent", "Texas 12 points"
		}
		k, country := x.nameKind(s.Segment(lo, hi), typ, s.Words[lo:hi])
		if k == "" {
			continue
		}
		s.addName(Mention{Lo: lo, Hi: hi, Kind: k, Entity: -1, Country: country})
	}
	// "King's College London": a possessive name that begins an
	// organization's name is part of it.
	for i := 0; i+2 < len(s.Words); i++ {
		a, b := s.Words[i].Mention, s.Words[i+2].Mention
		if a < 0 || b < 0 || a == b || s.Words[i+1].Text != "'s" && s.Words[i+1].Text != "’s" {
			continue
		}
		ma, mb := s.Mentions[a], s.Mentions[b]
		if ma.Hi != i+1 || mb.Lo != i+2 || ma.Hi-ma.Lo != 1 || !x.lx.OrgWord(s.Words[mb.Lo].Text) {
			continue
		}
		merged := Mention{Lo: ma.Lo, Hi: mb.Hi, Kind: quiz.KindOrganization, Entity: -1}
		for j := ma.Lo; j < mb.Hi; j++ {
			s.Words[j].Mention = -1
		}
		s.Mentions[a] = merged
		s.Mentions[b] = Mention{Lo: mb.Lo, Hi: mb.Lo, Kind: mb.Kind, Entity: -1} // emptied
		for j := merged.Lo; j < merged.Hi; j++ {
			s.Words[j].Mention = a
		}
	}
	// Proper-noun runs the recognizer missed: "the Miller Act".
	for i := 0; i < len(s.Words); {
		if s.Words[i].UPOS != "PROPN" || s.Words[i].Mention >= 0 || isHonorific(s.Words[i].Text) {
			i++
			continue
		}
		j := i + 1
		for j < len(s.Words) && s.Words[j].UPOS == "PROPN" && s.Words[j].Mention < 0 && !isHonorific(s.Words[j].Text) {
			j++
		}
		text := s.Segment(i, j)
		// Not a name: a function word, a title, a common word opening the
		// sentence ("Sentencing was set"), or a title run before a name
		// ("City Councilwoman" of "City Councilwoman Ana Ruiz").
		if j-i == 1 && (x.lx.Stop(strings.ToLower(text)) || !hasUpper(text) || x.isTitleWord(text) || i == 0 && x.lx.Word(strings.ToLower(text))) ||
			x.isTitleWord(s.Words[j-1].Text) && j < len(s.Words) && s.Words[j].Mention >= 0 {
			i = j
			continue
		}
		if _, ok := x.lx.Month(text); ok || x.lx.Weekday(text) {
			i = j
			continue
		}
		k, country := x.nameKind(text, "", s.Words[i:j])
		if k != "" {
			s.addName(Mention{Lo: i, Hi: j, Kind: k, Entity: -1, Country: country})
		}
		i = j
	}
}

// nameKind types a name from its recognizer type (PER, ORG, LOC, MISC or
// "" when the recognizer missed it) and the lexicons.
func (x *Extractor) nameKind(text, typ string, ws []Word) (quiz.Kind, string) {
	if len(ws) == 1 {
		if c, ok := x.lx.Nationality(text); ok {
			return quiz.KindNationality, c
		}
	}
	place, country, isPlace := x.lx.Place(text)
	switch typ {
	case "PER":
		// "Harrowgate Foods", "Corvane Industries": a name ending in a
		// word firms end in, and not opening with a given name, is a
		// firm the recognizer took for a person (but "Emily Post").
		if len(ws) >= 2 && x.lx.OrgWord(ws[len(ws)-1].Text) && !x.lx.GivenName(ws[0].Text) && !isHonorific(ws[0].Text) {
			return quiz.KindOrganization, ""
		}
		return quiz.KindPerson, ""
	case "LOC":
		if isPlace {
			return place, country
		}
		return quiz.KindPlace, ""
	case "ORG":
		if isPlace && place == quiz.KindCountry {
			// A country named as an actor ("Australia beat India") stays a
			// country: questions ask about it as one.
			return quiz.KindCountry, country
		}
		return quiz.KindOrganization, ""
	case "MISC":
		return quiz.KindMisc, ""
	}
	if isPlace {
		return place, country
	}
	if x.lx.Org(text) || x.lx.OrgWord(ws[len(ws)-1].Text) {
		return quiz.KindOrganization, ""
	}
	return quiz.KindMisc, ""
}

// isTitleWord reports a title written before a name: "Mr.", "Gov.",
// "Mayor", "Justice".
func (x *Extractor) isTitleWord(w string) bool {
	if isHonorific(w) {
		return true
	}
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "gov", "sen", "rep", "gen", "lt", "col", "capt", "sgt", "adm", "pres", "supt", "det", "insp", "amb", "cmdr", "maj", "cpl", "pvt", "atty", "hon", "judge", "justice", "mayor", "president", "chancellor", "senator", "governor", "minister", "premier", "king", "queen", "prince", "princess", "pope", "bishop", "cardinal", "rabbi", "imam", "coach", "professor", "officer", "chief", "secretary", "ambassador":
		return true
	}
	return unicode.IsUpper(rune(w[0])) && x.lx.TitleHead(strings.ToLower(w))
}

// isHonorific reports a title written before a name ("Mr.", "Dr.").
func isHonorific(w string) bool {
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr", "sr", "jr", "mme", "mlle", "messrs":
		return true
	}
	return false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// addName records a named mention unless it overlaps one already made.
func (s *Sentence) addName(m Mention) {
	for i := m.Lo; i < m.Hi; i++ {
		if s.Words[i].Mention >= 0 {
			return
		}
	}
	s.addMention(m)
}

// sortMentions orders the mentions of s by their first word, drops the
// empty ones left by merges and points the words at their new indexes.
func (s *Sentence) sortMentions() {
	kept := s.Mentions[:0]
	for _, m := range s.Mentions {
		if m.Hi > m.Lo {
			kept = append(kept, m)
		}
	}
	s.Mentions = kept
	sort.SliceStable(s.Mentions, func(a, b int) bool { return s.Mentions[a].Lo < s.Mentions[b].Lo })
	for i := range s.Words {
		s.Words[i].Mention = -1
	}
	for k, m := range s.Mentions {
		for i := m.Lo; i < m.Hi; i++ {
			s.Words[i].Mention = k
		}
	}
}

// MentionText returns the text of mention m of s.
func (s *Sentence) MentionText(m int) string {
	return s.Segment(s.Mentions[m].Lo, s.Mentions[m].Hi)
}

// named reports whether k is the kind of a named entity rather than a value.
func named(k quiz.Kind) bool {
	switch k {
	case quiz.KindPerson, quiz.KindOrganization, quiz.KindPlace, quiz.KindCity, quiz.KindRegion,
		quiz.KindCountry, quiz.KindNationality, quiz.KindMisc:
		return true
	}
	return false
}

// entities groups the named mentions of d into entities: the same name, a
// person's surname or given name alone after the full name, an acronym of a
// name, or a shorter name contained in a longer one of the same kind.
func (d *Doc) entities(gender func(given string) byte) {
	type key struct {
		kind quiz.Kind
		text string
	}
	byName := map[key]int{}
	var persons []int // entity indexes of people with a full name
	add := func(name string, k quiz.Kind, si int) int {
		e := &Entity{Name: name, Kind: k, First: si}
		if k == quiz.KindPerson && strings.Contains(name, " ") {
			first, _, _ := strings.Cut(name, " ")
			switch gender(first) {
			case 'f':
				e.Female = true
			case 'm':
				e.Male = true
			}
		}
		d.Entities = append(d.Entities, e)
		return len(d.Entities) - 1
	}
	// Full names first, so that a surname before its full name (in a
	// headline-like lead) still joins it.
	for pass := 0; pass < 2; pass++ {
		for si, s := range d.Sents {
			for mi := range s.Mentions {
				m := &s.Mentions[mi]
				if !named(m.Kind) || m.Entity >= 0 {
					continue
				}
				text := s.MentionText(mi)
				words := strings.Fields(text)
				full := len(words) >= 2
				if pass == 0 && !(m.Kind == quiz.KindPerson && full) && m.Kind == quiz.KindPerson {
					continue
				}
				k := key{m.Kind, strings.ToLower(text)}
				if m.Kind == quiz.KindCity || m.Kind == quiz.KindRegion || m.Kind == quiz.KindCountry || m.Kind == quiz.KindPlace {
					k.kind = quiz.KindPlace
				}
				if e, ok := byName[k]; ok {
					m.Entity = e
				} else if e := samePerson(d, persons, words); m.Kind == quiz.KindPerson && full && e >= 0 {
					// "Bill Ortega" and "William Ray Ortega": one person.
					m.Entity = e
					byName[k] = e
					if len(text) > len(d.Entities[e].Name) {
						d.Entities[e].Name = text
					}
				} else if m.Kind == quiz.KindPerson && !full {
					// A surname or given name alone: the person it
					// shortens, the one of the right sex after "Mr." or
					// "Mrs."; when several fit, the first named, as news
					// calls its main person by surname and relatives by
					// their given names.
					female, male := honorificSex(s, m.Lo)
					e := -1
					for _, p := range persons {
						pe := d.Entities[p]
						ws := strings.Fields(pe.Name)
						if !strings.EqualFold(ws[len(ws)-1], text) && !strings.EqualFold(ws[0], text) {
							continue
						}
						if female && pe.Male || male && pe.Female {
							continue
						}
						if e < 0 {
							e = p
						}
					}
					if e < 0 {
						// No person: "Harrowgate" shortening the firm
						// "Harrowgate Foods" named before is that firm.
						// ("Hollis pupils" is no school's name.)
						if o := d.shorterOf(text, quiz.KindOrganization, si); o >= 0 && s.Rel(m.Hi-1) != "compound" && s.Rel(m.Hi-1) != "amod" {
							e = o
							m.Kind = quiz.KindOrganization
						}
					}
					if e >= 0 {
						m.Entity = e
					} else {
						m.Entity = add(text, m.Kind, si)
						byName[k] = m.Entity
					}
				} else if p := surnameOf(d, persons, text); (m.Kind == quiz.KindOrganization || m.Kind == quiz.KindMisc || isPlaceKind(m.Kind)) && !full && p >= 0 {
					// "Ferreira-Quinn" typed a firm or a place after "Ana
					// Ferreira-Quinn" was named: the person, by surname.
					m.Entity, m.Kind = p, quiz.KindPerson
				} else if m.Kind == quiz.KindOrganization || m.Kind == quiz.KindMisc {
					m.Entity = d.shorterOf(text, m.Kind, si)
					if m.Entity < 0 {
						m.Entity = add(text, m.Kind, si)
					}
					byName[k] = m.Entity
				} else {
					m.Entity = add(text, m.Kind, si)
					byName[k] = m.Entity
					if m.Kind == quiz.KindPerson {
						persons = append(persons, m.Entity)
					}
				}
				for i := m.Lo; i < m.Hi; i++ {
					s.Words[i].Ent = m.Entity
				}
			}
		}
	}
	// Acronyms in brackets after a name: "the Lagos Stock Exchange (LSE)".
	for _, s := range d.Sents {
		for mi := range s.Mentions {
			m := &s.Mentions[mi]
			if m.Entity < 0 || mi == 0 || m.Lo < 1 || s.Words[m.Lo-1].Text != "(" {
				continue
			}
			prev := s.Mentions[mi-1]
			if prev.Entity < 0 || prev.Entity == m.Entity || prev.Hi != m.Lo-1 || !isAcronym(s.MentionText(mi), s.MentionText(mi-1)) {
				continue
			}
			d.join(prev.Entity, m.Entity)
		}
	}
	for _, s := range d.Sents {
		for mi := range s.Mentions {
			if e := s.Mentions[mi].Entity; e >= 0 {
				d.Entities[e].Mentions++
			}
		}
	}
}

// honorificSex reads the sex a title before word i gives ("Mrs." female).
func honorificSex(s *Sentence, i int) (female, male bool) {
	if i == 0 {
		return false, false
	}
	switch strings.TrimSuffix(s.Words[i-1].Lower(), ".") {
	case "mrs", "ms", "miss", "lady", "dame", "mme", "mlle":
		return true, false
	case "mr", "sir", "lord":
		return false, true
	}
	return false, false
}

// samePerson returns the person among persons whose full name has the
// surname of words and a first name that is the same name or its short
// form ("Jim" for "James"), or -1.
func samePerson(d *Doc, persons []int, words []string) int {
	if len(words) < 2 {
		return -1
	}
	first, last := words[0], words[len(words)-1]
	for _, p := range persons {
		ws := strings.Fields(d.Entities[p].Name)
		if len(ws) < 2 || !strings.EqualFold(ws[len(ws)-1], last) {
			continue
		}
		if strings.EqualFold(ws[0], first) || sameGivenName(ws[0], first) {
			return p
		}
	}
	return -1
}

// sameGivenName reports whether a and b are one given name in full and
// short ("James" and "Jim").
func sameGivenName(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	for _, forms := range nicknames {
		in := func(x string) bool {
			for _, f := range forms {
				if f == x {
					return true
				}
			}
			return false
		}
		if in(a) && in(b) {
			return true
		}
	}
	return false
}

// nicknames are English given names with their common short forms.
var nicknames = [][]string{
	{"james", "jim", "jimmy", "jamie"}, {"william", "bill", "billy", "will", "willie"}, {"robert", "bob", "bobby", "rob", "robbie"},
	{"richard", "rick", "ricky", "dick", "rich"}, {"thomas", "tom", "tommy"}, {"michael", "mike", "mikey"},
	{"joseph", "joe", "joey"}, {"charles", "charlie", "chuck"}, {"edward", "ed", "eddie", "ted", "teddy"},
	{"elizabeth", "liz", "beth", "betty", "lizzie"}, {"katherine", "kate", "katie", "kathy", "kat"},
	{"catherine", "cathy", "kate", "katie"}, {"margaret", "maggie", "peggy", "meg"}, {"anthony", "tony"},
	{"christopher", "chris"}, {"daniel", "dan", "danny"}, {"david", "dave", "davey"}, {"steven", "steve"},
	{"stephen", "steve"}, {"jonathan", "jon"}, {"nicholas", "nick", "nicky"}, {"alexander", "alex"},
	{"benjamin", "ben", "benny"}, {"samuel", "sam", "sammy"}, {"patrick", "pat", "paddy"}, {"andrew", "andy", "drew"},
	{"matthew", "matt"}, {"timothy", "tim", "timmy"}, {"gregory", "greg"}, {"jennifer", "jen", "jenny"},
	{"rebecca", "becky", "becca"}, {"susan", "sue", "susie"}, {"deborah", "debbie", "deb"}, {"patricia", "pat", "patty", "trish"},
	{"donald", "don", "donnie"}, {"ronald", "ron", "ronnie"}, {"kenneth", "ken", "kenny"}, {"lawrence", "larry"},
	{"gerald", "jerry"}, {"frederick", "fred", "freddie"}, {"douglas", "doug"}, {"raymond", "ray"}, {"albert", "al", "bert"},
	{"peter", "pete"}, {"jacob", "jake"}, {"joshua", "josh"}, {"zachary", "zach", "zack"}, {"nathaniel", "nate", "nat"},
	{"victoria", "vicky", "tori"}, {"alexandra", "alex", "sasha"}, {"abraham", "abe"},
}

// repairPersonSpans mends the recognizer's spans where a person's name
// was misread: a title run taken for a firm ("City Councilwoman Ana
// Ruiz"), a given name and surname typed a firm, and a given name cut off
// from its surname ("Ana" | "Ferreira-Quinn", or the surname in no span).
func (x *Extractor) repairPersonSpans(s *Sentence, merged []nerSpan) []nerSpan {
	for i := range merged {
		sp := &merged[i]
		if sp.typ == "PER" || sp.hi-sp.lo < 2 {
			continue
		}
		// A title with words of its own before it ("City Councilwoman
		// Ana Ruiz", "Deputy Police Chief Bo Lind") taken whole for an
		// organization's name: the person begins at the given name.
		for k := sp.lo + 1; k < sp.hi-1; k++ {
			if x.isTitleWord(s.Words[k].Text) && x.lx.GivenName(s.Words[k+1].Text) {
				sp.lo, sp.typ = k+1, "PER"
				break
			}
		}
		// A firm or a work named by a given name and a surname, with no
		// word firms end in, is a person: "Ana Ferreira-Quinn" typed ORG.
		if (sp.typ == "ORG" || sp.typ == "MISC") && x.clearGivenName(s.Words[sp.lo].Text) && !x.lx.OrgWord(s.Words[sp.hi-1].Text) {
			sp.typ = "PER"
		}
	}
	// A given name the recognizer cut from the surname after it: "Ana" PER
	// | "Ferreira-Quinn" LOC.
	for i := 0; i+1 < len(merged); i++ {
		a, b := &merged[i], merged[i+1]
		if a.typ == "PER" && a.hi-a.lo == 1 && x.clearGivenName(s.Words[a.lo].Text) && b.lo == a.hi && b.typ != "PER" && !x.lx.OrgWord(s.Words[b.hi-1].Text) {
			a.hi = b.hi
			merged = append(merged[:i+1], merged[i+2:]...)
		}
	}
	// A person's given name alone, the surname after it left out: "Ana"
	// PER, "Ferreira-Quinn" in no span.
	for i := range merged {
		a := &merged[i]
		if a.typ != "PER" || a.hi-a.lo != 1 || !x.clearGivenName(s.Words[a.lo].Text) || i+1 < len(merged) && merged[i+1].lo <= a.hi+2 {
			continue
		}
		for a.hi < len(s.Words) && s.Words[a.hi].UPOS == "PROPN" && s.Words[a.hi-1].End+1 >= s.Words[a.hi].Start {
			a.hi++
			if hyphenJoins(s, a.hi) {
				a.hi++
			}
		}
	}
	// A given name just before a name the recognizer left it out of:
	// "Lucia | Ferreira-Quinn" is a person.
	for i := range merged {
		sp := &merged[i]
		if lo := sp.lo; lo > 0 && s.Words[lo-1].UPOS == "PROPN" && x.clearGivenName(s.Words[lo-1].Text) && s.Words[lo-1].End+1 == s.Words[lo].Start &&
			(i == 0 || merged[i-1].hi < lo) && sp.typ != "ORG" && sp.typ != "LOC" {
			sp.lo, sp.typ = lo-1, "PER"
		}
	}
	return merged
}

// clearGivenName reports a given name that is nothing else: one the name
// lists give to one sex only, and no English word ("Lucia", not "Red",
// "Mark" or "Port").
func (x *Extractor) clearGivenName(w string) bool {
	return x.lx.GivenName(w) && x.lx.Gender(w) != 0 && !x.lx.Word(strings.ToLower(w))
}

// hyphenJoins reports that word h is a hyphen written without spaces
// between the words around it.
func hyphenJoins(s *Sentence, h int) bool {
	if h <= 0 || h+1 >= len(s.Words) || s.Words[h].Text != "-" {
		return false
	}
	return s.Words[h-1].End == s.Words[h].Start && s.Words[h].End == s.Words[h+1].Start
}

// surnameOf returns the person among persons whose surname is text, when
// exactly one is, or -1.
func surnameOf(d *Doc, persons []int, text string) int {
	found := -1
	for _, p := range persons {
		ws := strings.Fields(d.Entities[p].Name)
		if len(ws) >= 2 && ws[len(ws)-1] == text {
			if found >= 0 && found != p {
				return -1
			}
			found = p
		}
	}
	return found
}

// shorterOf returns the entity of kind k whose name begins with text as
// whole words, or whose name text begins with ("Acme" and "Acme
// Inc"), or -1.
func (d *Doc) shorterOf(text string, k quiz.Kind, si int) int {
	lt := strings.ToLower(text) + " "
	for i, e := range d.Entities {
		if e.Kind != k {
			continue
		}
		// "Acme" shortens "Acme Corp.", but "Acme" is not "Ruritania
		// Acme", a name of its own.
		le := strings.ToLower(e.Name) + " "
		if strings.HasPrefix(le, lt) || strings.HasPrefix(lt, le) {
			if len(text) > len(e.Name) {
				e.Name = text
			}
			return i
		}
	}
	return -1
}

// join merges entity b into a: every word and mention of b refers to a.
func (d *Doc) join(a, b int) {
	for _, s := range d.Sents {
		for mi := range s.Mentions {
			if s.Mentions[mi].Entity == b {
				s.Mentions[mi].Entity = a
			}
		}
		for i := range s.Words {
			if s.Words[i].Ent == b {
				s.Words[i].Ent = a
			}
		}
	}
	d.Entities[b].Name = d.Entities[a].Name
}

// isAcronym reports whether short is made of the initials of long's
// capitalized words ("LSE" of "Lagos Stock Exchange").
func isAcronym(short, long string) bool {
	if len(short) < 2 || strings.ToUpper(short) != short {
		return false
	}
	var b strings.Builder
	for _, w := range strings.FieldsFunc(long, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			b.WriteRune(r[0])
		}
	}
	ini := b.String()
	return ini == short || strings.HasPrefix(ini, short) && len(short) >= 3
}
