package extract

// This file finishes an analysis (mentions, entities, references, clauses,
// targets, roles) and turns it into facts.

import (
	"strings"

	"factdeck/quiz"
)

// Analysis is an analysed article with everything a question can be made
// from.
type Analysis struct {
	Doc *Doc
	// Targets are the phrases of clauses a question can ask for, in
	// sentence order; Roles the roles people hold.
	Targets []Target
	Roles   []RoleFact
	// Descriptions are what appositions say names are.
	Descriptions []Description
	// Facts has one fact per target, then one per role, then one per
	// description, with provisional IDs 1..n: Facts[i] is Targets[i] for
	// i < len(Targets), then Roles[i-len(Targets)], then
	// Descriptions[i-len(Targets)-len(Roles)].
	Facts []quiz.Fact
}

// finish completes a Doc whose sentences hold parsed words: it finds
// mentions (from the recognizer's spans, one slice per sentence), groups
// entities, resolves references, reads clauses, targets and roles, and
// makes the facts.
func (x *Extractor) finish(d *Doc, spans [][]nerSpan) *Analysis {
	for i, s := range d.Sents {
		s.Index = i
		s.body = d.Body
		for k := range s.Words {
			s.Words[k].Mention, s.Words[k].Ent = -1, -1
		}
		var sp []nerSpan
		if i < len(spans) {
			sp = spans[i]
		}
		x.names(s, sp)
		x.values(s)
		s.sortMentions()
	}
	d.entities(x.lx.Gender)
	d.resolve(x.coref)
	d.Headline = contentWords(d.Article.Title + " " + d.Article.Standfirst)
	d.weigh(x.salience)
	an := &Analysis{Doc: d}
	for _, s := range d.Sents {
		s.Clauses = s.clauses()
		n := len(an.Targets)
		for ci := range s.Clauses {
			an.Targets = append(an.Targets, d.targets(s, s.Clauses, ci)...)
		}
		an.Targets = append(an.Targets, d.mentionTargets(s, an.Targets[n:])...)
		an.Roles = append(an.Roles, x.roles(d, s)...)
		an.Descriptions = append(an.Descriptions, d.descriptions(s)...)
	}
	an.Facts = make([]quiz.Fact, 0, len(an.Targets)+len(an.Roles))
	for _, t := range an.Targets {
		f := d.targetFact(t)
		if t.Role != RoleSubject && t.Role != RoleMention && f.Subject != "" && t.Kind != quiz.KindOther {
			// What the fact answers, for comparing articles: values and
			// names only, as two wordings of a phrase are no conflict.
			f.Key = factKey(f)
		}
		an.Facts = append(an.Facts, f)
	}
	for _, r := range an.Roles {
		f := d.roleFact(r)
		f.Key = factKey(f)
		an.Facts = append(an.Facts, f)
	}
	for _, ds := range an.Descriptions {
		an.Facts = append(an.Facts, d.descriptionFact(ds))
	}
	for i := range an.Facts {
		an.Facts[i].ID = int64(i + 1)
		if an.Facts[i].Sources == nil && d.Article.Source != "" {
			an.Facts[i].Sources = []string{d.Article.Source}
		}
	}
	return an
}

// targetFact is the fact a target states: the clause's subject, its
// predicate (with the oblique's preposition) and the answer.
func (d *Doc) targetFact(t Target) quiz.Fact {
	s := d.Sents[t.Sent]
	if t.Clause < 0 {
		// A name or value in a sentence the parse found no clause in.
		return quiz.Fact{
			Kind: t.Kind, Relation: "mention", Object: t.Text(d), ObjectKind: t.Kind,
			Sentence: s.Text(), Start: s.Start, End: s.End,
			SpanStart: s.Words[t.Lo].Start - s.Start, SpanEnd: s.Words[t.Hi-1].End - s.Start, Confidence: 0.5,
		}
	}
	c := s.Clauses[t.Clause]
	f := quiz.Fact{
		Kind:       t.Kind,
		Relation:   relation(s, c, t),
		Object:     t.Text(d),
		ObjectKind: t.Kind,
		Sentence:   s.Text(),
		Start:      s.Start,
		End:        s.End,
		SpanStart:  s.Words[t.Lo].Start - s.Start,
		SpanEnd:    s.Words[t.Hi-1].End - s.Start,
		Confidence: 0.5,
	}
	if c.Subj >= 0 {
		f.Subject, f.SubjectKind = d.NounPhrase(s, c.Subj)
	}
	if t.Role == RoleSubject {
		f.Subject, f.SubjectKind = f.Object, f.ObjectKind
		f.Object = ""
		if pr := s.Words[c.Pred].Lemma; c.Cop < 0 {
			f.Object = strings.ToLower(pr)
		}
	}
	if c.Source >= 0 {
		f.Attribution, _ = d.NounPhrase(s, c.Source)
	}
	if named(t.Kind) || t.Kind != quiz.KindOther {
		f.Confidence = 0.7
	}
	return f
}

// relation names what a target's fact says: the time, place, count,
// amount, duration or age of its clause, or the clause's verb with the
// oblique's preposition ("fall to").
func relation(s *Sentence, c Clause, t Target) string {
	switch {
	case t.Role == RoleCount:
		return quiz.RelCount
	case t.Role == RoleAge || t.Kind == quiz.KindAge:
		return quiz.RelAge
	case t.Role != RoleOblique && t.Role != RoleObject && t.Role != RolePred:
	case t.Kind == quiz.KindDate || t.Kind == quiz.KindWeekday || t.Kind == quiz.KindTime:
		return quiz.RelTime
	case t.Kind == quiz.KindDuration && (t.Case == "within" || t.Case == "by"):
		return quiz.RelDeadline
	case t.Kind == quiz.KindDuration:
		return quiz.RelDuration
	case t.Kind == quiz.KindMoney || t.Kind == quiz.KindPercent:
		return quiz.RelAmount
	case t.Role == RoleOblique && (t.Case == "in" || t.Case == "at" || t.Case == "near") &&
		(t.Kind == quiz.KindCity || t.Kind == quiz.KindCountry || t.Kind == quiz.KindRegion || t.Kind == quiz.KindPlace):
		return quiz.RelLocation
	}
	return lemmaPhrase(s, c, t)
}

// roleFact is the fact a role states.
func (d *Doc) roleFact(r RoleFact) quiz.Fact {
	s := d.Sents[r.Sent]
	rel := quiz.RelRole
	if r.Former {
		rel = quiz.RelFormerRole
	}
	return quiz.Fact{
		Kind:        quiz.KindRole,
		Subject:     d.Entities[r.Person].Name,
		SubjectKind: quiz.KindPerson,
		Relation:    rel,
		Object:      r.Role,
		ObjectKind:  quiz.KindRole,
		Org:         r.Org,
		Sentence:    s.Text(),
		Start:       s.Start,
		End:         s.End,
		SpanStart:   s.Words[r.Lo].Start - s.Start,
		SpanEnd:     s.Words[r.Hi-1].End - s.Start,
		Confidence:  0.8,
	}
}

// descriptionFact is the fact a description states: the entity is what
// the apposition says.
func (d *Doc) descriptionFact(ds Description) quiz.Fact {
	s := d.Sents[ds.Sent]
	e := d.Entities[ds.Entity]
	return quiz.Fact{
		Kind:        e.Kind,
		Subject:     e.Name,
		SubjectKind: e.Kind,
		Relation:    quiz.RelIsA,
		Object:      s.Segment(ds.Lo, ds.Hi),
		ObjectKind:  quiz.KindOther,
		Sentence:    s.Text(),
		Start:       s.Start,
		End:         s.End,
		SpanStart:   s.Words[ds.Lo].Start - s.Start,
		SpanEnd:     s.Words[ds.Hi-1].End - s.Start,
		Confidence:  0.7,
	}
}

// NounPhrase returns the noun phrase headed by word h as a question can use
// it: a resolved pronoun or description as its entity's name, otherwise the
// phrase's words without clauses, appositions and asides. The kind is the
// entity's, or other.
func (d *Doc) NounPhrase(s *Sentence, h int) (string, quiz.Kind) {
	w := &s.Words[h]
	if w.Ent >= 0 && (w.UPOS == "PRON" || w.Mention < 0) {
		e := d.Entities[w.Ent]
		return e.Name, e.Kind
	}
	lo, hi := s.PhraseBounds(h)
	k := quiz.KindOther
	if w.Mention >= 0 {
		k = s.Mentions[w.Mention].Kind
	}
	return s.Segment(lo, hi), k
}

// contentWords returns the lower-case words of s longer than two letters
// that are not function words.
func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if len(w) > 2 && !functionWords[w] {
			m[w] = true
		}
	}
	return m
}

var functionWords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "from": true, "that": true, "this": true,
	"its": true, "has": true, "have": true, "had": true, "will": true, "was": true, "were": true,
	"are": true, "after": true, "amid": true, "new": true, "said": true, "says": true, "over": true,
	"into": true, "but": true, "not": true, "who": true, "what": true, "why": true, "how": true,
}
