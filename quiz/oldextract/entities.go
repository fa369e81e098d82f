package oldextract

import (
	"sort"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
	"factdeck/quiz/ner"
)

// This file finds the named mentions of a sentence: capitalized chunks split
// into nationality, title and name parts, typed by lexicons first, by the NER
// model second and by context (a title before a name, "city of", "region")
// last.

// mention is one typed name in a sentence.
type mention struct {
	i, j    int    // token range [i, j)
	text    string // as written
	name    string // canonical name after coreference
	kind    quiz.Kind
	country string // for places and nationalities
	title   bool   // a capitalized title ("President") rather than a name
	conf    float64
}

// sent is one analysed sentence.
type sent struct {
	text   string
	off    int // byte offset of text in the body
	toks   []token
	ner    []string // per token NER type or ""
	nerID  []int    // per token index of the model's entity, or -1
	hasNER bool     // a model tagged the sentence
	ments  []mention
	at     []int // token -> index in ments or -1
}

// maxChunk bounds a capitalized chunk; longer runs are headlines or lists.
const maxChunk = 10

func (s *sent) mentionAt(k int) *mention {
	if k < 0 || k >= len(s.at) || s.at[k] < 0 {
		return nil
	}
	return &s.ments[s.at[k]]
}

func (s *sent) spanText(i, j int) string {
	if i >= j || i < 0 || j > len(s.toks) {
		return ""
	}
	return s.text[s.toks[i].start:s.toks[j-1].end]
}

func (s *sent) lower(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	return s.toks[k].low
}

// tagNER records the model's entity types per token.
// ents are the body's entities in order, with body offsets.
func (s *sent) tagNER(ents []ner.Entity) {
	s.ner = make([]string, len(s.toks))
	s.nerID = make([]int, len(s.toks))
	for k := range s.nerID {
		s.nerID[k] = -1
	}
	lo := sort.Search(len(ents), func(i int) bool { return ents[i].End > s.off })
	k := 0
	for id, e := range ents[lo:] {
		start, end := e.Start-s.off, e.End-s.off
		if start >= len(s.text) {
			break
		}
		for k < len(s.toks) && s.toks[k].end <= start {
			k++
		}
		for q := k; q < len(s.toks) && s.toks[q].start < end; q++ {
			s.ner[q] = e.Type
			s.nerID[q] = id
		}
	}
}

// nameTok reports whether token k can be part of a name.
func (s *sent) nameTok(lx *lexicon.Lexicon, k int, capSeen map[string]bool) bool {
	t := s.toks[k]
	if t.kind != tWord || !isCap(t.text) {
		return false
	}
	if lx.Weekday(t.text) {
		return false
	}
	if _, ok := lx.Month(t.text); ok && !allCaps(t.text) {
		return false
	}
	low := t.low
	if lx.Stop(low) {
		// "The" opens "The New York Times" only mid-sentence.
		if k == 0 || low != "the" {
			return false
		}
		return k+1 < len(s.toks) && s.toks[k+1].kind == tWord && isCap(s.toks[k+1].text)
	}
	if k == 0 || (k > 0 && s.toks[k-1].kind == tQuote && k == 1) {
		// A sentence opener is a name when the lexicons or the model know it,
		// when it is seen capitalized mid-sentence, or when a name follows.
		if capSeen[t.text] || known(lx, t.text) {
			return true
		}
		return k+1 < len(s.toks) && s.toks[k+1].kind == tWord && isCap(s.toks[k+1].text)
	}
	return true
}

func known(lx *lexicon.Lexicon, w string) bool {
	if allCaps(w) {
		w = titleCase(w)
	}
	if _, _, ok := lx.Place(w); ok {
		return true
	}
	if _, ok := lx.Nationality(w); ok {
		return true
	}
	return lx.GivenName(w) || lx.Org(w) || lx.OrgWord(w)
}

func isConnector(w string) bool {
	switch w {
	case "of", "and", "&", "for", "de", "du", "la", "van", "von", "der", "bin", "al", "el", "da", "dos":
		return true
	}
	return false
}

// findMentions chunks and types the names of s.
func (s *sent) findMentions(lx *lexicon.Lexicon, capSeen map[string]bool) {
	s.at = make([]int, len(s.toks))
	for k := range s.at {
		s.at[k] = -1
	}
	n := len(s.toks)
	for i := 0; i < n; {
		if !s.nameTok(lx, i, capSeen) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if s.nameTok(lx, j, capSeen) {
				j++
				continue
			}
			// A hyphen joins "Agence France-Presse"-like names already;
			// connectors join "Bank of America".
			if isConnector(s.toks[j].text) && j+1 < n && s.nameTok(lx, j+1, capSeen) {
				j++
				continue
			}
			// "King's College London": a possessive inside one model entity.
			if (s.toks[j].text == "'s" || s.toks[j].text == "’s") && j+1 < n && s.nerID[j-1] >= 0 && s.nerID[j-1] == s.nerID[j+1] && s.nameTok(lx, j+1, capSeen) {
				j++
				continue
			}
			break
		}
		if j-i <= maxChunk {
			s.splitChunk(lx, i, j)
		}
		i = j
	}
	s.joinPossessiveOrgs()
	s.typeByContext(lx)
	for idx, m := range s.ments {
		for k := m.i; k < m.j; k++ {
			s.at[k] = idx
		}
	}
}

func (s *sent) add(lx *lexicon.Lexicon, i, j int, k quiz.Kind, conf float64) {
	if i >= j {
		return
	}
	// Leading "The" is not part of a name.
	if strings.EqualFold(s.toks[i].text, "the") {
		i++
		if i >= j {
			return
		}
	}
	m := mention{i: i, j: j, text: s.spanText(i, j), kind: k, conf: conf}
	m.name = m.text
	// A dateline in capitals: "NEW YORK" is New York.
	if allCaps(m.text) && j-i <= 3 {
		if tc := titleCase(m.text); knownPlace(lx, tc) {
			m.name = tc
			k = quiz.KindPlace
			m.kind = k
			if pk, c, ok := lx.Place(tc); ok {
				m.kind, m.country, m.conf = pk, c, 0.9
			}
			s.ments = append(s.ments, m)
			return
		}
	}
	// A lone organization word ("Party", "Council") names nothing.
	if k == quiz.KindOrganization && j-i == 1 && lx.OrgWord(m.text) && !lx.Org(m.text) {
		m.kind, m.conf = "", 0.5
	}
	if pk, c, ok := lx.Place(m.text); ok && (k == quiz.KindPlace || k == "") {
		m.kind, m.country = pk, c
	}
	if c, ok := lx.Nationality(m.text); ok && k == quiz.KindNationality {
		m.country = c
	}
	s.ments = append(s.ments, m)
}

// splitChunk types the capitalized chunk [i, j).
func (s *sent) splitChunk(lx *lexicon.Lexicon, i, j int) {
	if i >= j {
		return
	}
	whole := s.spanText(i, j)
	if strings.EqualFold(s.toks[i].text, "the") {
		whole = s.spanText(i+1, j)
	}
	if _, _, ok := lx.Place(whole); ok {
		s.add(lx, i, j, quiz.KindPlace, 0.95)
		return
	}
	if lx.Org(whole) {
		s.add(lx, i, j, quiz.KindOrganization, 0.95)
		return
	}
	// The model's organizations keep "General Electric" whole.
	if s.nerMajority(i, j) == ner.ORG && j-i >= 2 && !lx.GivenName(s.toks[i].text) && !lx.GivenName(s.toks[min(i+1, j-1)].text) && !s.hasAnd(i, j) {
		if _, ok := lx.Nationality(s.toks[i].text); !ok {
			s.add(lx, i, j, quiz.KindOrganization, 0.8)
			return
		}
	}
	// "Chief of Norway": a title, then "of" and a name.
	if q := s.titleWords(lx, i, j); q > i && q+1 < j && s.toks[q].text == "of" && lx.Title(strings.ToLower(s.spanText(i, q+2))) {
		// "Secretary of State Colin Powell"
		s.ments = append(s.ments, mention{i: i, j: q + 2, text: s.spanText(i, q+2), name: s.spanText(i, q+2), kind: quiz.KindRole, title: true, conf: 0.9})
		s.addName(lx, q+2, j, true)
		return
	}
	if q := s.titleWords(lx, i, j); q > i && q < j && s.toks[q].text == "of" {
		s.ments = append(s.ments, mention{i: i, j: q, text: s.spanText(i, q), name: s.spanText(i, q), kind: quiz.KindRole, title: true, conf: 0.9})
		s.splitChunk(lx, q+1, j)
		return
	}
	// A title followed by a name: "[Norwegian|Pentagon] [Defense] Minister Jane Doe".
	if p, q, ok := s.titleRun(lx, i, j); ok {
		s.splitChunk(lx, i, p)
		s.ments = append(s.ments, mention{i: p, j: q, text: s.spanText(p, q), name: s.spanText(p, q), kind: quiz.KindRole, title: true, conf: 0.9})
		// "Senator Rand Paul of Kentucky": the name stops at a connector.
		e := q
		for e < j && !isConnector(s.toks[e].text) {
			e++
		}
		s.addName(lx, q, e, true)
		if e < j {
			s.splitChunk(lx, e+1, j)
		}
		return
	}
	last := s.toks[j-1].text
	if regionWords[last] && j-i >= 2 {
		s.add(lx, i, j, quiz.KindRegion, 0.85)
		return
	}
	if (placeWords[last] || firstPlaceWords[s.toks[i].text]) && j-i >= 2 && !lx.OrgWord(last) {
		s.add(lx, i, j, quiz.KindPlace, 0.85)
		return
	}
	if lx.OrgWord(last) || lx.OrgWord(strings.TrimSuffix(last, ".")) {
		// "Norway's Security Council" is split by the possessive already.
		s.add(lx, i, j, quiz.KindOrganization, 0.85)
		return
	}
	// "Simon & Schuster", "AT & T": an ampersand joins one organization.
	for k := i + 1; k < j-1; k++ {
		if s.toks[k].text == "&" {
			s.add(lx, i, j, quiz.KindOrganization, 0.85)
			return
		}
	}
	// Split at connectors unless they sit inside an organization name.
	start := i
	for k := i; k < j; k++ {
		w := s.toks[k].text
		if !isConnector(w) {
			continue
		}
		if w == "of" && k > start && lx.OrgWord(s.toks[k-1].text) {
			s.add(lx, start, j, quiz.KindOrganization, 0.8)
			return
		}
		s.addName(lx, start, k, false)
		start = k + 1
	}
	s.addName(lx, start, j, false)
}

// hasAnd reports an "and" inside [i, j).
func (s *sent) hasAnd(i, j int) bool {
	for k := i; k < j; k++ {
		if s.toks[k].text == "and" {
			return true
		}
	}
	return false
}

// titleWords returns the end of the title words starting chunk [i, j), or
// i when it does not start with a title.
func (s *sent) titleWords(lx *lexicon.Lexicon, i, j int) int {
	q := i
	for q < j && (lx.Modifier(s.lower(q)) || lx.TitleHead(s.lower(q))) {
		q++
	}
	if q == i || !lx.TitleHead(s.lower(q-1)) {
		return i
	}
	return q
}

// titleRun finds capitalized title words inside [i, j) followed by a name:
// it returns the title's token range [p, q).
func (s *sent) titleRun(lx *lexicon.Lexicon, i, j int) (p, q int, ok bool) {
	for p = i; p < j; p++ {
		q = p
		for q < j-1 && (lx.Modifier(s.lower(q)) || lx.TitleHead(s.lower(q))) {
			q++
		}
		if q == p || !lx.TitleHead(s.lower(q-1)) {
			continue
		}
		if isConnector(s.toks[q].text) {
			return 0, 0, false
		}
		// What follows must be a name, not the rest of an organization
		// ("General Motors", "Justice Department").
		rest := s.spanText(q, j)
		if lx.OrgWord(s.toks[j-1].text) || lx.Org(rest) {
			return 0, 0, false
		}
		if _, _, isPlace := lx.Place(rest); isPlace {
			return 0, 0, false
		}
		// "Chief Whip": with a model, a lone word after a title must be a
		// person to it.
		if j-q == 1 && s.hasNER && s.ner[q] != ner.PER && !lx.GivenName(s.toks[q].text) {
			return 0, 0, false
		}
		return p, q, true
	}
	return 0, 0, false
}

// addName types a piece of a chunk that holds no title.
func (s *sent) addName(lx *lexicon.Lexicon, i, j int, afterTitle bool) {
	if i >= j {
		return
	}
	if strings.EqualFold(s.toks[i].text, "the") {
		i++
	}
	if i >= j {
		return
	}
	text := s.spanText(i, j)
	if _, ok := lx.Nationality(text); ok && !afterTitle {
		s.add(lx, i, j, quiz.KindNationality, 0.95)
		return
	}
	// "CEO" is a title, not an organization.
	if lx.Title(strings.ToLower(text)) {
		return
	}
	// "Neighbouring Liberia" at the start of a sentence: the opener is an
	// ordinary word when the rest is a known name and it is not.
	if i == 0 && j-i >= 2 && !known(lx, s.toks[0].text) && s.nerID != nil {
		if rest := s.spanText(1, j); knownPlace(lx, rest) || lx.Org(rest) {
			s.addName(lx, 1, j, false)
			return
		}
	}
	if _, ok := lx.Nationality(s.toks[i].text); ok && !afterTitle {
		if j == i+1 {
			s.add(lx, i, j, quiz.KindNationality, 0.95)
			return
		}
		// "Norwegian Air Force" stays whole; "French Anna Lind" splits.
		if !lx.OrgWord(s.toks[j-1].text) {
			s.add(lx, i, i+1, quiz.KindNationality, 0.95)
			s.addName(lx, i+1, j, false)
			return
		}
	}
	// "Detroit Lions", "Green Bay Packers": a city's team.
	if j-i >= 2 && strings.HasSuffix(s.toks[j-1].text, "s") && !knownPlace(lx, text) {
		if k, _, ok := lx.Place(s.spanText(i, j-1)); ok && (k == quiz.KindCity || k == quiz.KindRegion) {
			s.add(lx, i, j, quiz.KindOrganization, 0.8)
			return
		}
	}
	switch {
	case knownPlace(lx, text):
		s.add(lx, i, j, quiz.KindPlace, 0.95)
	case lx.Org(text) || lx.OrgWord(s.toks[j-1].text):
		s.add(lx, i, j, quiz.KindOrganization, 0.85)
	case afterTitle && j-i <= 4:
		s.add(lx, i, j, quiz.KindPerson, 0.9)
	case j-i >= 2 && lx.GivenName(s.toks[i].text) && s.nerMajority(i, j) != ner.ORG && s.nerMajority(i, j) != ner.LOC:
		s.add(lx, i, j, quiz.KindPerson, 0.85)
	default:
		switch s.nerMajority(i, j) {
		case ner.PER:
			s.add(lx, i, j, quiz.KindPerson, 0.75)
		case ner.ORG:
			s.add(lx, i, j, quiz.KindOrganization, 0.75)
		case ner.LOC:
			s.add(lx, i, j, quiz.KindPlace, 0.75)
		case ner.MISC:
			s.add(lx, i, j, quiz.KindMisc, 0.6)
		default:
			s.add(lx, i, j, "", 0.5)
		}
	}
}

// titleCase writes "NEW YORK" as "New York".
func titleCase(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		if w != "" {
			f[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(f, " ")
}

func knownPlace(lx *lexicon.Lexicon, text string) bool {
	_, _, ok := lx.Place(text)
	return ok
}

func (s *sent) nerMajority(i, j int) string {
	counts := map[string]int{}
	best, bestN := "", 0
	for k := i; k < j && k < len(s.ner); k++ {
		if t := s.ner[k]; t != "" {
			counts[t]++
			if counts[t] > bestN {
				best, bestN = t, counts[t]
			}
		}
	}
	if bestN*2 < j-i {
		return ""
	}
	return best
}

// joinPossessiveOrgs extends "College London" after "King's" to "King's
// College London" when the word before the possessive names nothing else.
func (s *sent) joinPossessiveOrgs() {
	out := s.ments[:0]
	for idx := 0; idx < len(s.ments); idx++ {
		m := s.ments[idx]
		if m.kind == quiz.KindOrganization && m.i >= 2 && (s.toks[m.i-1].text == "'s" || s.toks[m.i-1].text == "’s") &&
			s.toks[m.i-2].kind == tWord && isCap(s.toks[m.i-2].text) {
			prevIsName := false
			if len(out) > 0 && out[len(out)-1].j == m.i-1 && !out[len(out)-1].title {
				p := out[len(out)-1]
				sameEntity := s.nerID[m.i-2] >= 0 && s.nerID[m.i-2] == s.nerID[m.i]
				prevIsName = p.kind == quiz.KindPerson || isPlaceKind(p.kind) || p.kind == quiz.KindNationality ||
					(p.kind == quiz.KindOrganization && !sameEntity && p.conf >= 0.8)
			}
			if !prevIsName {
				if len(out) > 0 && out[len(out)-1].j == m.i-1 {
					out = out[:len(out)-1] // an untyped or title word
				}
				m.i -= 2
				m.text = s.spanText(m.i, m.j)
				m.name = m.text
			}
		}
		out = append(out, m)
	}
	s.ments = out
}

// orgCues are common nouns that introduce an organization's name.
var orgCues = map[string]bool{
	"agency": true, "company": true, "firm": true, "group": true, "newspaper": true, "broadcaster": true,
	"channel": true, "club": true, "team": true, "party": true, "outlet": true, "network": true,
	"carrier": true, "maker": true, "startup": true, "bank": true, "retailer": true, "insurer": true,
	"airline": true, "publisher": true, "charity": true, "lender": true, "automaker": true, "giant": true,
	"conglomerate": true, "developer": true, "manufacturer": true, "organization": true, "organisation": true,
	"university": true, "regulator": true, "watchdog": true, "operator": true, "supplier": true,
}

// namingCues are the orgCues that name the organization right after them
// even when the model took it for a person ("news agency Varta Novosti"),
// unless its first word is a given name.
var namingCues = map[string]bool{
	"agency": true, "newspaper": true, "broadcaster": true, "company": true, "firm": true,
	"outlet": true, "publisher": true, "airline": true, "carrier": true, "lender": true,
}

// regionWords end a region's name ("Camden County").
var regionWords = map[string]bool{
	"County": true, "Province": true, "Oblast": true, "Region": true, "District": true, "Prefecture": true,
	"Governorate": true, "Territory": true, "Valley": true, "Peninsula": true, "Island": true, "Islands": true,
}

// placeWords end ("Yarra River") or begin ("Lake Victoria") a place's name.
var placeWords = map[string]bool{
	"River": true, "Lake": true, "Mountain": true, "Mountains": true, "Mount": true, "Sea": true,
	"Ocean": true, "Bay": true, "Gulf": true, "Park": true, "Street": true, "Road": true, "Avenue": true,
	"Square": true, "Bridge": true, "Stadium": true, "Airport": true, "Station": true, "Hill": true,
	"Hills": true, "Beach": true, "Desert": true, "Forest": true, "Canal": true, "Strait": true,
	"Arena": true, "Coast": true, "Falls": true, "Harbour": true, "Harbor": true,
}

// firstPlaceWords begin a place's name ("Lake Victoria", "Port Said").
var firstPlaceWords = map[string]bool{
	"Lake": true, "Mount": true, "Mt.": true, "Port": true, "Fort": true, "Cape": true, "Gulf": true,
}

// regionCues follow a region's name ("the Donetsk region").
var regionCues = map[string]bool{
	"region": true, "province": true, "oblast": true, "county": true, "district": true,
	"prefecture": true, "governorate": true, "territory": true,
}

// typeByContext corrects kinds from neighbouring words.
func (s *sent) typeByContext(lx *lexicon.Lexicon) {
	for idx := range s.ments {
		m := &s.ments[idx]
		if m.title || m.kind == quiz.KindNationality {
			continue
		}
		prev, prev2, next := s.lower(m.i-1), s.lower(m.i-2), s.lower(m.j)
		isLexPlace := knownPlace(lx, m.text)
		switch {
		case prev == "of" && (prev2 == "city" || prev2 == "town" || prev2 == "village" || prev2 == "capital") && m.conf < 0.9:
			m.kind, m.conf = quiz.KindCity, 0.9
		case prev == "of" && regionCues[prev2] && m.conf < 0.9:
			m.kind, m.conf = quiz.KindRegion, 0.9
		case regionCues[next] && m.kind != quiz.KindPerson && m.kind != quiz.KindOrganization && m.kind != quiz.KindCountry:
			m.kind, m.conf = quiz.KindRegion, 0.85
		case orgCues[prev] && !isLexPlace && (m.kind != quiz.KindPerson || namingCues[prev] && !lx.GivenName(s.toks[m.i].text)):
			m.kind, m.conf = quiz.KindOrganization, 0.85
		case m.kind == "" || m.kind == quiz.KindMisc:
			// A lower-case title before a name: "governor Jane Doe".
			if m.i > 0 && lx.TitleHead(prev) && isLowerWord(s.toks[m.i-1]) && m.j-m.i <= 4 {
				m.kind, m.conf = quiz.KindPerson, 0.85
			} else if next == "," && s.lower(m.j+1) == "who" && m.j-m.i <= 4 {
				m.kind, m.conf = quiz.KindPerson, 0.8
			}
		}
		// A name listed with places is a place: "Lyon, Nantes and Lille".
		if (m.kind == "" || m.kind == quiz.KindMisc || (m.kind == quiz.KindOrganization && m.conf < 0.8)) && s.listedWithPlace(lx, idx) {
			m.kind, m.conf = quiz.KindPlace, 0.7
		}
		// An acronym in brackets after an organization is the same organization.
		if prev == "(" && next == ")" && allCaps(m.text) && idx > 0 && s.ments[idx-1].j == m.i-1 && s.ments[idx-1].kind == quiz.KindOrganization {
			m.kind, m.conf = quiz.KindOrganization, 0.9
		}
	}
}

// listedWithPlace reports whether mention idx sits in a comma or "and" list
// next to a place from the lexicon.
func (s *sent) listedWithPlace(lx *lexicon.Lexicon, idx int) bool {
	m := s.ments[idx]
	isSep := func(k int) bool {
		w := s.lower(k)
		return w == "," || w == "and" || w == "or"
	}
	near := func(o int) bool {
		if o < 0 || o >= len(s.ments) {
			return false
		}
		om := s.ments[o]
		return isPlaceKind(om.kind) && om.conf >= 0.9 && knownPlace(lx, om.text)
	}
	// Neighbour before: "X, Y" / "X and Y" / "X, and Y".
	if idx > 0 {
		p := s.ments[idx-1]
		gap := m.i - p.j
		if gap >= 1 && gap <= 2 && isSep(p.j) && isSep(m.i-1) && near(idx-1) {
			return true
		}
	}
	if idx+1 < len(s.ments) {
		nx := s.ments[idx+1]
		gap := nx.i - m.j
		if gap >= 1 && gap <= 2 && isSep(m.j) && isSep(nx.i-1) && near(idx+1) {
			return true
		}
	}
	return false
}
