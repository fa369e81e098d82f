package oldextract

import (
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

// This file holds the relation patterns over mentions: roles, leadership,
// events with place and time, attribution and strikes.

// leadHeads are titles that make their holder the head of the organization.
var leadHeads = map[string]bool{
	"chief": true, "head": true, "chairman": true, "chairwoman": true, "chair": true, "chairperson": true,
	"director": true, "leader": true, "president": true, "ceo": true, "chief executive": true,
	"secretary-general": true, "secretary general": true, "director-general": true, "commander": true,
	"governor": true, "mayor": true, "founder": true, "coach": true, "manager": true, "captain": true,
}

// roleRun is a title phrase before a name.
type roleRun struct {
	i, j   int // token range of the title words, without "former"
	role   string
	former bool
	org    string
	orgK   quiz.Kind
}

// titleBefore parses the title words that end just before token k, with an
// optional "former" and an optional organization, country or nationality
// before them ("Pentagon spokesperson", "former culture minister").
func (s *sent) titleBefore(lx *lexicon.Lexicon, k int) (roleRun, bool) {
	var r roleRun
	p := k
	if m := s.mentionAt(k - 1); m != nil && m.title {
		p = m.i
	} else {
		for p > 0 && isLowerWord(s.toks[p-1]) && (lx.Modifier(s.lower(p-1)) || lx.TitleHead(s.lower(p-1))) {
			p--
		}
		if p == k || !lx.TitleHead(s.lower(k-1)) {
			return r, false
		}
	}
	// Strip "former"-like words from the front of the run.
	for p < k {
		w := s.lower(p)
		if w == "former" || w == "ex" || w == "then" {
			r.former = true
			p++
			continue
		}
		break
	}
	if p < k && lx.Modifier(s.lower(p)) && !lx.TitleHead(s.lower(p)) && (s.lower(p) == "top" || s.lower(p) == "senior" || s.lower(p) == "local") {
		p++
	}
	if p >= k {
		return r, false
	}
	r.i, r.j = p, k
	r.role = strings.ToLower(s.spanText(p, k))
	if !lx.TitleHead(roleHead(r.role)) {
		return r, false
	}
	q := p
	for q > 0 && (s.lower(q-1) == "former" || s.lower(q-1) == "ex-" || s.lower(q-1) == "-") {
		r.former = true
		q--
	}
	if q > 0 && s.toks[q-1].text == "-" && (s.lower(q-2) == "ex" || s.lower(q-2) == "then") {
		r.former = true
		q -= 2
	}
	// The organization or country the role is of.
	o := q
	if o > 0 && (s.toks[o-1].text == "'s" || s.toks[o-1].text == "’s") {
		o--
	}
	if m := s.mentionAt(o - 1); m != nil && !m.title && m.j == o {
		if w := s.lower(m.i - 1); w == "former" || w == "ex" {
			r.former = true
		}
		switch {
		case m.kind == quiz.KindNationality:
			r.org, r.orgK = m.name, quiz.KindNationality
			if m.country != "" {
				r.org, r.orgK = m.country, quiz.KindCountry
			}
		case m.kind == quiz.KindOrganization || isPlaceKind(m.kind):
			r.org, r.orgK = m.name, m.kind
		}
	}
	return r, true
}

// roleHead returns the head word of a role: "secretary" of "secretary of
// state", "minister" of "culture minister".
func roleHead(role string) string {
	head, _, _ := strings.Cut(role, " of ")
	return lastWord(head)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// roles finds "<org> <title> <Person>", "<Person>, <title> of <Org>" and
// "<Person>, who now serves as <title> of <Org>".
func (ar *article) roles(lx *lexicon.Lexicon, s *sent) {
	for _, m := range s.ments {
		if m.kind != quiz.KindPerson || m.title {
			continue
		}
		k := m.i
		for n := 0; n < 3; n++ { // "aide and former culture minister X"
			r, ok := s.titleBefore(lx, k)
			if !ok {
				break
			}
			ar.addRole(s, m, r)
			k = r.i
			for k > 0 && (s.lower(k-1) == "former" || s.lower(k-1) == "ex") {
				k--
			}
			if r.org != "" {
				break
			}
			if s.lower(k-1) != "and" {
				break
			}
			k--
		}
		ar.appositive(lx, s, m)
	}
}

// honorifics mark a name but are no role.
var honorifics = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "miss": true, "sir": true, "dame": true, "dr.": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "lord": true, "lady": true, "baroness": true,
}

// abbrevTitles expand abbreviated titles.
var abbrevTitles = map[string]string{
	"sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general", "lt.": "lieutenant",
	"col.": "colonel", "sgt.": "sergeant", "capt.": "captain", "prof.": "professor",
}

func (ar *article) addRole(s *sent, m mention, r roleRun) {
	if honorifics[r.role] {
		return
	}
	if full, ok := abbrevTitles[lastWord(r.role)]; ok {
		r.role = strings.TrimSpace(strings.TrimSuffix(r.role, lastWord(r.role)) + full)
	}
	rel := quiz.RelRole
	if r.former {
		rel = quiz.RelFormerRole
	}
	role := canonRole(r.role)
	f := quiz.Fact{
		Kind: quiz.KindRole, Subject: m.name, SubjectKind: quiz.KindPerson, Relation: rel,
		Object: role, ObjectKind: quiz.KindRole, Org: r.org, Context: r.org, Confidence: 0.85 * m.conf,
	}
	ar.add(s, f, s.toks[r.i].start, s.toks[r.j-1].end)
	if !r.former {
		ar.describe(r, m.name)
	}
	if !r.former && leadHeads[roleHead(role)] && r.org != "" && r.orgK == quiz.KindOrganization {
		ar.add(s, quiz.Fact{
			Kind: quiz.KindPerson, Subject: m.name, SubjectKind: quiz.KindPerson, Relation: quiz.RelLeads,
			Object: r.org, ObjectKind: quiz.KindOrganization, Context: r.org, Confidence: 0.8 * m.conf,
		}, s.toks[m.i].start, s.toks[m.j-1].end)
	}
}

// describe remembers "the <nationality> <title>" descriptions for
// coreference; a description that fits two people is dropped.
func (ar *article) describe(r roleRun, name string) {
	keys := []string{r.role}
	if r.org != "" {
		keys = append(keys, strings.ToLower(r.org)+" "+r.role)
	}
	for _, k := range keys {
		if old, ok := ar.descs[k]; ok && old != name {
			ar.descs[k] = ""
			continue
		}
		ar.descs[k] = name
	}
}

// appositive handles "<Person>, [the] [former] <title> of <Org>," and
// "<Person>, who [now] serves as <title> of <Org>".
func (ar *article) appositive(lx *lexicon.Lexicon, s *sent, m mention) {
	k := m.j
	if s.lower(k) != "," {
		return
	}
	k++
	if s.lower(k) == "who" {
		k++
		for s.lower(k) == "now" || s.lower(k) == "currently" || s.lower(k) == "also" {
			k++
		}
		switch s.lower(k) {
		case "serves", "served", "is", "was", "works":
			k++
			if s.lower(k) == "as" {
				k++
			}
		case "heads", "leads", "chairs", "runs", "headed", "led", "chaired", "ran":
			if oi, oj, org, ok := s.orgPhrase(k + 1); ok {
				ar.add(s, quiz.Fact{
					Kind: quiz.KindOrganization, Subject: m.name, SubjectKind: quiz.KindPerson, Relation: quiz.RelLeads,
					Object: org, ObjectKind: quiz.KindOrganization, Context: org, Confidence: 0.8,
				}, s.toks[oi].start, s.toks[oj-1].end)
			}
			return
		default:
			return
		}
	}
	if determiners[s.lower(k)] && s.lower(k) != "his" && s.lower(k) != "her" {
		k++
	}
	former := false
	if s.lower(k) == "former" {
		former = true
		k++
	}
	// An optional nationality or country before the title.
	org := ""
	if mm := s.mentionAt(k); mm != nil && mm.i == k && !mm.title && (mm.kind == quiz.KindNationality || isPlaceKind(mm.kind)) {
		org = mm.name
		if mm.country != "" && mm.kind == quiz.KindNationality {
			org = mm.country
		}
		k = mm.j
		if s.lower(k) == "'s" || s.lower(k) == "’s" {
			k++
		}
	}
	ti := k
	for k < len(s.toks) && (lx.Modifier(s.lower(k)) || lx.TitleHead(s.lower(k))) && k-ti < 5 {
		k++
	}
	if k == ti || !lx.TitleHead(s.lower(k-1)) {
		return
	}
	role := canonRole(strings.ToLower(s.spanText(ti, k)))
	var orgI, orgJ int
	if w := s.lower(k); w == "of" || w == "at" || w == "for" {
		if oi, oj, o, ok := s.orgPhrase(k + 1); ok {
			org, orgI, orgJ = o, oi, oj
			k = oj
		}
	}
	// The apposition must end here.
	if k < len(s.toks) && s.lower(k) != "," && s.lower(k) != "." && s.lower(k) != ";" && s.lower(k) != "and" && s.lower(k) != "—" {
		return
	}
	rel := quiz.RelRole
	if former {
		rel = quiz.RelFormerRole
	}
	ar.add(s, quiz.Fact{
		Kind: quiz.KindRole, Subject: m.name, SubjectKind: quiz.KindPerson, Relation: rel,
		Object: role, ObjectKind: quiz.KindRole, Org: org, Context: org, Confidence: 0.85 * m.conf,
	}, s.toks[ti].start, s.toks[ti].start+len(s.spanText(ti, ti+len(strings.Fields(role)))))
	if !former && org != "" && orgJ > orgI && leadHeads[roleHead(role)] {
		ar.add(s, quiz.Fact{
			Kind: quiz.KindOrganization, Subject: m.name, SubjectKind: quiz.KindPerson, Relation: quiz.RelLeads,
			Object: org, ObjectKind: quiz.KindOrganization, Context: org, Confidence: 0.8 * m.conf,
		}, s.toks[orgI].start, s.toks[orgJ-1].end)
	}
}

// orgPhrase reads "[the] [<Country>'s] <Org>" starting at token k.
func (s *sent) orgPhrase(k int) (i, j int, text string, ok bool) {
	if s.lower(k) == "the" {
		k++
	}
	m := s.mentionAt(k)
	if m == nil || m.i != k || m.title {
		return 0, 0, "", false
	}
	i, j = m.i, m.j
	if (s.lower(j) == "'s" || s.lower(j) == "’s") && s.mentionAt(j+1) != nil {
		m2 := s.mentionAt(j + 1)
		if m2.kind == quiz.KindOrganization {
			j = m2.j
		}
	}
	if m.kind != quiz.KindOrganization && j == m.j {
		return 0, 0, "", false
	}
	return i, j, s.spanText(i, j), true
}

// canonRole normalizes spelling in a role ("defence" stays as written, but
// surrounding spaces and case are cleaned).
func canonRole(r string) string {
	return strings.Join(strings.Fields(r), " ")
}

var passiveLead = map[string]bool{
	"headed": true, "led": true, "lead": true, "represented": true, "chaired": true, "captained": true,
	"coached": true, "managed": true, "fronted": true,
}

var auxWords = map[string]bool{
	"will": true, "be": true, "been": true, "being": true, "is": true, "are": true, "was": true, "were": true,
	"again": true, "also": true, "to": true, "would": true, "has": true, "have": true, "had": true,
	"currently": true, "now": true, "reportedly": true, "once": true, ",": true, "still": true, "again,": true,
}

// leads finds "X will be headed/led/represented by [title] Y", "X, led by Y"
// and "Y leads X".
func (ar *article) leads(lx *lexicon.Lexicon, s *sent) {
	n := len(s.toks)
	for k := 1; k+1 < n; k++ {
		if !passiveLead[s.lower(k)] || s.lower(k+1) != "by" {
			continue
		}
		// The leader: the first person within a title phrase after "by".
		var p *mention
		for q := k + 2; q < n && q < k+12; q++ {
			if m := s.mentionAt(q); m != nil && m.kind == quiz.KindPerson && !m.title {
				p = m
				break
			}
			w := s.lower(q)
			if w == "," || w == ";" || w == "." || w == "while" || w == "but" || w == "who" {
				break
			}
		}
		if p == nil {
			continue
		}
		// The led: skip auxiliaries back to a name or "<Name>'s <noun>".
		e := k
		for e > 0 && auxWords[s.lower(e-1)] {
			e--
		}
		oi, oj, ok := s.ledPhrase(lx, e)
		if !ok {
			continue
		}
		obj := s.spanText(oi, oj)
		ar.add(s, quiz.Fact{
			Kind: quiz.KindPerson, Subject: p.name, SubjectKind: quiz.KindPerson, Relation: quiz.RelLeads,
			Object: obj, ObjectKind: ledKind(s, oi, oj), Context: obj, Confidence: 0.8 * p.conf,
		}, s.toks[p.i].start, s.toks[p.j-1].end)
	}
	// Active voice: "<Person> leads|heads|chairs <Org>".
	for _, m := range s.ments {
		if m.kind != quiz.KindPerson || m.title {
			continue
		}
		switch s.lower(m.j) {
		case "leads", "heads", "chairs", "runs", "headed", "chaired":
			if oi, oj, org, ok := s.orgPhrase(m.j + 1); ok {
				ar.add(s, quiz.Fact{
					Kind: quiz.KindPerson, Subject: m.name, SubjectKind: quiz.KindPerson, Relation: quiz.RelLeads,
					Object: org, ObjectKind: quiz.KindOrganization, Context: org, Confidence: 0.75 * m.conf,
				}, s.toks[oi].start, s.toks[oj-1].end)
			}
		}
	}
}

// ledPhrase returns what ends at token e: "France's delegation", "the
// team", "Norway".
func (s *sent) ledPhrase(lx *lexicon.Lexicon, e int) (i, j int, ok bool) {
	if e <= 0 {
		return 0, 0, false
	}
	if m := s.mentionAt(e - 1); m != nil && m.j == e && !m.title {
		if m.kind == quiz.KindPerson {
			return 0, 0, false
		}
		return m.i, m.j, true
	}
	b := e
	for b > 0 && b > e-3 && contentWord(lx, s.toks[b-1], true) {
		b--
	}
	if b == e {
		return 0, 0, false
	}
	if b >= 2 && (s.lower(b-1) == "'s" || s.lower(b-1) == "’s") {
		if m := s.mentionAt(b - 2); m != nil && !m.title {
			return m.i, e, true
		}
	}
	if b > 0 && determiners[s.lower(b-1)] {
		return b, e, true
	}
	return 0, 0, false
}

func ledKind(s *sent, i, j int) quiz.Kind {
	if m := s.mentionAt(i); m != nil && m.i == i && m.j == j {
		return m.kind
	}
	return quiz.KindOther
}

// eventNouns name things that happen at a place and a time.
var eventNouns = map[string]bool{
	"talks": true, "negotiations": true, "meeting": true, "summit": true, "election": true, "elections": true,
	"vote": true, "match": true, "game": true, "final": true, "trial": true, "hearing": true, "conference": true,
	"ceremony": true, "visit": true, "referendum": true, "tournament": true, "race": true, "concert": true,
	"launch": true, "session": true, "protest": true, "protests": true, "festival": true, "debate": true,
	"inauguration": true, "discussions": true, "exchange": true, "funeral": true, "rally": true,
	"championship": true, "auction": true, "sentencing": true, "verdict": true, "congress": true,
	"convention": true, "forum": true, "exhibition": true, "strike": true, "attack": true, "explosion": true,
	"earthquake": true, "fire": true, "crash": true, "storm": true, "flood": true, "ceasefire": true,
	"address": true, "speech": true, "interview": true, "briefing": true, "invasion": true,
	"war": true, "offensive": true, "raid": true, "operation": true, "opening": true, "release": true,
}

// eventPhrase finds the first event noun of s and its phrase ("peace
// talks", "Geneva talks").
func (s *sent) eventPhrase(lx *lexicon.Lexicon) (phrase string, ok bool) {
	return s.eventNear(lx, -1)
}

// eventNear finds the event phrase nearest to token at (the first one when
// at is negative), preferring one before it.
func (s *sent) eventNear(lx *lexicon.Lexicon, at int) (phrase string, ok bool) {
	phrase, _, ok = s.eventNearAt(lx, at)
	return phrase, ok
}

// eventNearAt is eventNear that also returns the event noun's token index.
func (s *sent) eventNearAt(lx *lexicon.Lexicon, at int) (phrase string, idx int, ok bool) {
	best, bestD, bestK := "", 1<<30, -1
	for k, t := range s.toks {
		if t.kind != tWord || !eventNouns[t.text] {
			continue
		}
		// "are meeting", "will vote": a verb, not an event.
		if k > 0 && (auxWords[s.lower(k-1)] || s.lower(k-1) == "to") && s.lower(k-1) != "," {
			continue
		}
		b := k
		for b > 0 && b > k-3 && (contentWord(lx, s.toks[b-1], true) || s.adjName(b-1) || s.plainOpener(lx, b-1)) && !eventNouns[s.lower(b-1)] {
			b--
		}
		if at < 0 {
			return s.spanText(b, k+1), k, true
		}
		d := at - k
		if d < 0 {
			d = -2 * d // an event after the time is a weaker match
		}
		if d < bestD && d <= maxEventDistance {
			best, bestD, bestK = s.spanText(b, k+1), d, k
		}
	}
	return best, bestK, best != ""
}

// boundWords open a phrase whose time bounds a period rather than dating
// what comes before it: "the first talks since the war began in 2020",
// "extend the period until 2030".
var boundWords = map[string]bool{"since": true, "until": true, "till": true, "before": true, "after": true}

// boundedBetween reports a bound word between tokens from and to.
func (s *sent) boundedBetween(from, to int) bool {
	for q := from + 1; q < to; q++ {
		if boundWords[s.lower(q)] {
			return true
		}
	}
	return false
}

// maxEventDistance bounds how far, in tokens, an event noun may be from the
// place or time it is given.
const maxEventDistance = 16

// plainOpener reports a capitalized sentence opener that names nothing
// ("Peace talks ...").
func (s *sent) plainOpener(lx *lexicon.Lexicon, k int) bool {
	return k == 0 && s.toks[0].kind == tWord && s.mentionAt(0) == nil && !lx.Stop(s.lower(0))
}

// events finds "<event> ... in <Place> ... on <Weekday>".
func (ar *article) events(lx *lexicon.Lexicon, s *sent) {
	_, hasEvent := s.eventPhrase(lx)
	n := len(s.toks)
	if hasEvent {
		for k := 0; k+1 < n; k++ {
			if w := s.lower(k); w != "in" && w != "at" {
				continue
			}
			q := k + 1
			if s.lower(q) == "the" {
				q++
			}
			m := s.mentionAt(q)
			if m == nil || m.i != q || !isPlaceKind(m.kind) {
				continue
			}
			near, ok := s.eventNear(lx, k)
			conf := 0.7
			if !ok {
				conf = 0.5
			}
			ar.add(s, quiz.Fact{
				Kind: m.kind, Subject: near, SubjectKind: quiz.KindMisc, Relation: quiz.RelLocation,
				Object: m.name, ObjectKind: m.kind, Context: contextOf(near), Confidence: conf,
			}, s.toks[m.i].start, s.toks[m.j-1].end)
		}
	}
	for k := 0; k < n; k++ {
		if !lx.Weekday(s.toks[k].text) {
			continue
		}
		j := k + 1
		if j+1 < n && (s.lower(j) == "and" || s.lower(j) == "or" || s.lower(j) == "to") && lx.Weekday(s.toks[j+1].text) {
			j += 2
		}
		obj := s.spanText(k, j)
		conf := 0.75
		subj, at, _ := s.eventNearAt(lx, k)
		if at >= 0 && at < k && s.boundedBetween(at, k) {
			subj = "" // "the first talks since Monday"
		}
		if !hasEvent {
			conf = 0.55
		}
		ar.add(s, quiz.Fact{
			Kind: quiz.KindWeekday, Subject: subj, SubjectKind: quiz.KindMisc, Relation: quiz.RelTime,
			Object: obj, ObjectKind: quiz.KindWeekday, Context: contextOf(subj), Confidence: conf,
		}, s.toks[k].start, s.toks[j-1].end)
		k = j
	}
}

var reportVerbs = map[string]bool{
	"reported": true, "said": true, "says": true, "announced": true, "confirmed": true, "told": true,
	"reports": true, "stated": true, "claimed": true, "wrote": true,
}

// attribution returns who a sentence attributes its content to: "according
// to X", "X, citing ..., reported that", "X reported that".
func attribution(s *sent) string {
	n := len(s.toks)
	for k := 0; k+2 < n; k++ {
		if s.lower(k) == "according" && s.lower(k+1) == "to" {
			q := k + 2
			if s.lower(q) == "the" {
				q++
			}
			if m := s.mentionAt(q); m != nil && m.i == q && !m.title {
				return m.name
			}
			// "according to local authorities"
			e := q
			for e < n && e < q+3 && isLowerWord(s.toks[e]) {
				e++
			}
			if e > q && (e == n || s.toks[e].kind == tPunct) {
				return s.spanText(q, e)
			}
		}
	}
	for _, m := range s.ments {
		if m.title || (m.kind != quiz.KindOrganization && m.kind != quiz.KindPerson) {
			continue
		}
		k := m.j
		if s.lower(k) == "," && s.lower(k+1) == "citing" {
			for k = k + 2; k < n && s.lower(k) != ","; k++ {
			}
			k++
		}
		if reportVerbs[s.lower(k)] && s.lower(k+1) == "that" && m.kind == quiz.KindOrganization {
			return m.name
		}
	}
	return ""
}

var impactVerbs = map[string]bool{
	"struck": true, "hit": true, "destroyed": true, "damaged": true, "killed": true, "injured": true,
	"wounded": true, "flattened": true,
}

// impacts finds "<a weapon or force> struck <a target>": the agent is the
// answer ("a glide bomb").
func (ar *article) impacts(lx *lexicon.Lexicon, s *sent) {
	for k := 2; k+1 < len(s.toks); k++ {
		if !impactVerbs[s.lower(k)] {
			continue
		}
		i, j, ok := s.phraseBefore(lx, k, 5)
		if !ok || j != k {
			continue
		}
		ti, tj, ok := s.phraseAfter(lx, k+1, 4)
		if !ok {
			continue
		}
		if s.lower(tj) == "in" {
			if m := s.mentionAt(tj + 1); m != nil && isPlaceKind(m.kind) {
				tj = m.j
			}
		}
		ar.add(s, quiz.Fact{
			Kind: quiz.KindOther, Subject: s.spanText(i, j), SubjectKind: quiz.KindOther, Relation: quiz.RelStruck,
			Object: s.spanText(ti, tj), ObjectKind: quiz.KindOther, Context: s.spanText(ti, tj), Confidence: 0.6,
		}, s.toks[i].start, s.toks[j-1].end)
	}
}
