// Package extract turns a cleaned article into typed facts with provenance:
// entities (persons, organizations, places, nationalities), roles and
// leadership, events with place and time, quantities with what they count,
// deadlines and durations, and quotations with their speakers.
//
// Extraction is rule-based over tokens, helped by the word lists of package
// lexicon and, when given, the statistical recognizer of package ner. The
// rules are general English patterns; nothing in them names a particular
// story. Every pass is linear in the size of the article.
package oldextract

import (
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
	"factdeck/quiz/ner"
)

// maxSentence bounds the sentences analysed, in bytes; longer "sentences"
// are lists, tables or junk, and skipping them keeps the time linear.
const maxSentence = 1500

// Extractor extracts facts from articles. It is safe for concurrent use.
type Extractor struct {
	ner *ner.Model
	lx  *lexicon.Lexicon
}

// New returns an Extractor that types names with m, which may be nil: the
// lexicons and the patterns then work alone.
func New(m *ner.Model) *Extractor {
	return &Extractor{ner: m, lx: lexicon.Default()}
}

// article holds the analysis of one article while its facts are made.
type article struct {
	a     quiz.Article
	src   string
	sents []*sent
	// persons maps a surname, or a full name, to the full name.
	persons map[string]string
	// descs maps a description ("ukrainian president") to a full name.
	descs map[string]string
	facts []quiz.Fact
	seen  map[string]bool // fact dedup keys within the article
}

// Facts returns the facts of a, in order of appearance. It is a pure
// function of the article.
func (e *Extractor) Facts(a quiz.Article) []quiz.Fact {
	body := a.Body()
	ar := &article{a: a, src: a.Source, persons: map[string]string{}, descs: map[string]string{}, seen: map[string]bool{}}
	capSeen := map[string]bool{}
	for _, sp := range sentences(body) {
		if sp.end-sp.start > maxSentence {
			continue
		}
		s := &sent{text: body[sp.start:sp.end], off: sp.start}
		s.toks = tokenize(s.text)
		for k, t := range s.toks {
			if k > 0 && t.kind == tWord && isCap(t.text) && s.toks[k-1].kind != tQuote && s.toks[k-1].text != ":" {
				capSeen[t.text] = true
			}
		}
		ar.sents = append(ar.sents, s)
	}
	ents := e.entities(body, ar.sents)
	for _, s := range ar.sents {
		s.hasNER = e.ner != nil
		s.tagNER(ents)
		s.findMentions(e.lx, capSeen)
	}
	ar.unifyKinds()
	ar.resolve(e.lx)
	for _, s := range ar.sents {
		ar.roles(e.lx, s)
	}
	for si, s := range ar.sents {
		attr := attribution(s)
		n := len(ar.facts)
		ar.leads(e.lx, s)
		ar.events(e.lx, s)
		ar.numbers(e.lx, s)
		ar.quotes(e.lx, si)
		ar.impacts(e.lx, s)
		ar.threats(e.lx, s)
		if attr != "" {
			for k := n; k < len(ar.facts); k++ {
				if ar.facts[k].Attribution == "" && ar.facts[k].Subject != attr {
					ar.facts[k].Attribution = attr
				}
			}
		}
	}
	ar.entityFacts(e.lx)
	ar.dropWeakRoles()
	ar.personContext(e.lx)
	return ar.facts
}

// maxNERDoc bounds the text given to the model as one document; a larger
// body is tagged sentence by sentence.
const maxNERDoc = 1 << 20

// entities runs the model over the analysed sentences and returns its
// entities with offsets into body.
func (e *Extractor) entities(body string, sents []*sent) []ner.Entity {
	if e.ner == nil {
		return nil
	}
	if len(body) <= maxNERDoc {
		return e.ner.Entities(body)
	}
	var out []ner.Entity
	for _, s := range sents {
		for _, en := range e.ner.Entities(s.text) {
			en.Start += s.off
			en.End += s.off
			out = append(out, en)
		}
	}
	return out
}

// unifyKinds gives weakly typed names the kind they have elsewhere in the
// article: a name typed by the model alone, or not at all, takes the kind
// with the most confidence over all its mentions, and the first word of a
// multi-word organization ("Vantero" of "Vantero Systems") is that
// organization.
func (ar *article) unifyKinds() {
	votes := map[string]map[quiz.Kind]float64{}
	orgFirst := map[string]bool{}
	for _, s := range ar.sents {
		for _, m := range s.ments {
			if m.title || m.kind == "" {
				continue
			}
			if votes[m.text] == nil {
				votes[m.text] = map[quiz.Kind]float64{}
			}
			votes[m.text][m.kind] += m.conf
			if m.kind == quiz.KindOrganization && m.j-m.i >= 2 && m.conf >= 0.8 {
				orgFirst[s.toks[m.i].text] = true
			}
		}
	}
	for _, s := range ar.sents {
		for idx := range s.ments {
			m := &s.ments[idx]
			if m.title || m.conf >= 0.8 {
				continue
			}
			if m.j-m.i == 1 && orgFirst[m.text] {
				m.kind, m.conf = quiz.KindOrganization, 0.8
				continue
			}
			best, bestV := m.kind, 0.0
			for k, v := range votes[m.text] {
				if v > bestV || (v == bestV && k < best) {
					best, bestV = k, v
				}
			}
			if best != "" {
				m.kind = best
			}
		}
	}
}

// resolve links surnames, "Mr. X" and known descriptions to full names seen
// anywhere in the article, and types single names that match.
func (ar *article) resolve(lx *lexicon.Lexicon) {
	ambiguous := map[string]bool{}
	for _, s := range ar.sents {
		for _, m := range s.ments {
			if m.kind != quiz.KindPerson || m.j-m.i < 2 {
				continue
			}
			first, last := s.toks[m.i].text, s.toks[m.j-1].text
			if _, ok := ar.persons[m.text]; !ok {
				ar.persons[m.text] = m.text
			}
			key := first + " " + last
			if full, ok := ar.persons[key]; ok && full != m.text {
				// "Anna K. Lind" is "Anna Lind" seen first.
				ar.persons[m.text] = full
			} else if !ok {
				ar.persons[key] = ar.persons[m.text]
			}
			if full, ok := ar.persons[last]; ok && full != ar.persons[m.text] {
				ambiguous[last] = true
			} else {
				ar.persons[last] = ar.persons[m.text]
			}
		}
	}
	for w := range ambiguous {
		delete(ar.persons, w)
	}
	for _, s := range ar.sents {
		for idx := range s.ments {
			m := &s.ments[idx]
			if m.title {
				continue
			}
			full, ok := ar.persons[m.text]
			if !ok {
				continue
			}
			if m.kind == quiz.KindPerson || m.kind == "" || m.kind == quiz.KindMisc || (m.j-m.i == 1 && m.conf < 0.9) {
				m.kind, m.name = quiz.KindPerson, full
				if m.conf < 0.85 {
					m.conf = 0.85
				}
			}
		}
	}
}

// add records a fact made from sentence s, deduplicated within the article.
func (ar *article) add(s *sent, f quiz.Fact, answerStart, answerEnd int) {
	f.Subject = cleanPhrase(f.Subject)
	f.Object = cleanPhrase(f.Object)
	if f.Subject == "" && f.Object == "" {
		return
	}
	f.Sentence = s.text
	f.Start, f.End = s.off, s.off+len(s.text)
	f.SpanStart, f.SpanEnd = -1, -1
	if answerStart >= 0 && answerEnd <= len(s.text) && answerStart < answerEnd {
		f.SpanStart, f.SpanEnd = answerStart, answerEnd
	}
	if f.Kind == "" {
		f.Kind = f.ObjectKind
	}
	f.Sources = []string{ar.src}
	f.Key = factKey(f)
	dedup := f.Key + "\x00" + norm(f.Object) + "\x00" + norm(f.Subject)
	if ar.seen[dedup] {
		return
	}
	ar.seen[dedup] = true
	ar.facts = append(ar.facts, f)
}

// dropWeakRoles removes a role without an organization when the article
// also gives the same person the same role with one ("President Smith"
// beside "U.S. President John Smith").
func (ar *article) dropWeakRoles() {
	withOrg := map[string]bool{}
	for _, f := range ar.facts {
		if f.Relation == quiz.RelRole && f.Org != "" {
			withOrg[f.Subject+"\x00"+f.Object] = true
		}
	}
	out := ar.facts[:0]
	for _, f := range ar.facts {
		if f.Relation == quiz.RelRole && f.Org == "" && withOrg[f.Subject+"\x00"+f.Object] {
			continue
		}
		out = append(out, f)
	}
	ar.facts = out
}

// personContext gives facts about a person without a context the person's
// first current role ("Pentagon spokesperson"), so that a question about
// them stands alone.
func (ar *article) personContext(lx *lexicon.Lexicon) {
	desc := map[string]string{}
	for _, f := range ar.facts {
		if f.Relation != quiz.RelRole || desc[f.Subject] != "" {
			continue
		}
		switch k, _, _ := lx.Place(f.Org); {
		case f.Org == "":
			desc[f.Subject] = f.Object
		case k == quiz.KindCountry:
			desc[f.Subject] = f.Object + " of " + f.Org // "president of Norway"
		default:
			desc[f.Subject] = f.Org + " " + f.Object // "Pentagon spokesperson"
		}
	}
	for i := range ar.facts {
		f := &ar.facts[i]
		if f.Context == "" && f.SubjectKind == quiz.KindPerson {
			f.Context = desc[f.Subject]
		}
	}
}

// entityFacts adds one typing fact per entity, at its first full mention.
func (ar *article) entityFacts(lx *lexicon.Lexicon) {
	done := map[string]bool{}
	for _, s := range ar.sents {
		for _, m := range s.ments {
			if m.title || m.kind == "" || (m.kind == quiz.KindMisc && (m.j-m.i < 2 || strings.Contains(m.text, "-"))) {
				continue
			}
			// A lone given name ("Mark") that names no one in full makes a
			// poor question.
			if m.kind == quiz.KindPerson && m.j-m.i == 1 && m.name == m.text && lx.GivenName(m.text) {
				continue
			}
			key := string(m.kind) + "\x00" + m.name
			if done[key] {
				continue
			}
			done[key] = true
			start, end := s.toks[m.i].start, s.toks[m.j-1].end
			f := quiz.Fact{
				Kind: m.kind, Subject: m.name, SubjectKind: m.kind, Relation: quiz.RelIsA,
				Object: string(m.kind), ObjectKind: quiz.KindOther, Confidence: m.conf,
			}
			if m.kind == quiz.KindNationality || isPlaceKind(m.kind) {
				f.Context = m.country
			}
			if m.name != m.text {
				// The answer span is the mention as written.
				f.Confidence *= 0.95
			}
			ar.add(s, f, start, end)
		}
	}
}

func isPlaceKind(k quiz.Kind) bool {
	return k == quiz.KindPlace || k == quiz.KindCity || k == quiz.KindRegion || k == quiz.KindCountry
}

// cleanPhrase trims spaces, quotes and punctuation around a phrase.
func cleanPhrase(s string) string {
	s = strings.TrimSpace(s)
	orig := s
	for {
		t := strings.Trim(s, " \t\n,;:.!?\"“”‘’'()[]—–-")
		t = strings.TrimSpace(t)
		if t == s {
			break
		}
		s = t
	}
	// Keep the period of a trailing abbreviation ("U.S.", "Inc.").
	if strings.HasSuffix(orig, s+".") && s != "" {
		last := s[strings.LastIndexAny(s, " ")+1:]
		if strings.Contains(last, ".") || abbrevs[last] {
			s += "."
		}
	}
	return strings.Join(strings.Fields(s), " ")
}
