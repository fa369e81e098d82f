package oldextract

import (
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

// This file attributes quotations to speakers and reads threats.

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "added": true, "adds": true, "told": true, "telling": true,
	"remarked": true, "stated": true, "stating": true, "wrote": true, "explained": true, "noted": true,
	"argued": true, "warned": true, "insisted": true, "asked": true, "replied": true, "declared": true,
	"saying": true, "tweeted": true, "posted": true, "announced": true, "admitted": true, "acknowledged": true,
	"expressed": true, "described": true, "called": true, "urged": true, "emphasized": true,
	"emphasised": true, "stressed": true, "continued": true, "recalled": true, "predicted": true,
}

func isOpenQuote(t token) bool {
	return t.text == "“" || t.text == "\"" || t.text == "«" || t.text == "„"
}
func isCloseQuote(t token) bool { return t.text == "”" || t.text == "\"" || t.text == "»" }

// quotes finds quotations in sentence si and their speakers.
func (ar *article) quotes(lx *lexicon.Lexicon, si int) {
	s := ar.sents[si]
	n := len(s.toks)
	for k := 0; k < n; k++ {
		if !isOpenQuote(s.toks[k]) {
			continue
		}
		e := k + 1
		for e < n && !isCloseQuote(s.toks[e]) {
			e++
		}
		if e >= n || e == k+1 {
			// A quote running past the sentence: take it to the end.
			if e >= n && e > k+2 {
				ar.quote(lx, si, k, n)
			}
			return
		}
		ar.quote(lx, si, k, e)
		k = e
	}
}

// quote handles the quotation between tokens open and close.
func (ar *article) quote(lx *lexicon.Lexicon, si, open, close int) {
	s := ar.sents[si]
	qs, qe := s.toks[open].end, s.toks[close-1].end
	if close < len(s.toks) {
		qe = s.toks[close].start
	}
	text := cleanPhrase(s.text[qs:qe])
	if text == "" || !strings.ContainsFunc(text, func(r rune) bool { return r >= 'A' && r <= 'z' }) {
		return
	}
	// A fragment ("And he didn't") makes no question.
	switch strings.ToLower(strings.Fields(text)[0]) {
	case "and", "but", "or", "so", "because":
		return
	}
	speaker, kind := "", quiz.Kind("")
	// After: "...,” Jane Doe said" / "...,” said Jane Doe" / "...,” he added".
	k := close + 1
	if s.lower(k) == "," {
		k++
	}
	if speechVerbs[s.lower(k)] {
		speaker, kind = ar.speakerAt(lx, si, k+1)
	} else if name, kd, end := ar.speakerPhrase(lx, si, k); name != "" && speechVerbs[s.lower(end)] {
		speaker, kind = name, kd
	}
	// Before: "Jane Doe said [that] ... “...”". A quoted word or two is
	// a quotation only right after the verb ("said he was “disappointed”").
	short := len(strings.Fields(text)) <= 2
	if speaker == "" {
		for v := open - 1; v >= 0 && (!short || v >= open-4); v-- {
			if !speechVerbs[s.lower(v)] {
				continue
			}
			for b := v - 1; b >= 0; b-- {
				if m := s.mentionAt(b); m != nil && !m.title && (m.kind == quiz.KindPerson || m.kind == quiz.KindOrganization) {
					speaker, kind = m.name, m.kind
					// "a Pentagon spokesperson" speaks for, but is not, the Pentagon.
					if m.kind == quiz.KindOrganization && lx.TitleHead(s.lower(m.j)) && s.mentionAt(m.j+1) == nil {
						speaker, kind = m.name+" "+s.lower(m.j), quiz.KindRole
					}
					break
				}
				if w := s.lower(b); w == "he" || w == "she" {
					speaker, kind = ar.pronoun(si, b)
					break
				}
			}
			break
		}
	}
	if speaker == "" {
		return
	}
	if at := strings.Index(s.text[qs:qe], text); at >= 0 {
		qs, qe = qs+at, qs+at+len(text)
	}
	ar.add(s, quiz.Fact{
		Kind: quiz.KindPerson, Subject: speaker, SubjectKind: kind, Relation: quiz.RelSaid,
		Object: text, ObjectKind: quiz.KindOther, Confidence: 0.75,
	}, qs, qe)
}

// speakerAt reads a speaker starting at token k.
func (ar *article) speakerAt(lx *lexicon.Lexicon, si, k int) (string, quiz.Kind) {
	name, kind, _ := ar.speakerPhrase(lx, si, k)
	return name, kind
}

// speakerPhrase reads a person, a pronoun or a known description ("the
// Norwegian president") at token k and returns it and the token after it.
func (ar *article) speakerPhrase(lx *lexicon.Lexicon, si, k int) (string, quiz.Kind, int) {
	s := ar.sents[si]
	if w := s.lower(k); w == "he" || w == "she" {
		name, kind := ar.pronoun(si, k)
		return name, kind, k + 1
	}
	// Skip a title phrase before a name ("Pentagon spokesperson Jane Doe").
	for q := k; q < len(s.toks) && q < k+6; q++ {
		m := s.mentionAt(q)
		if m != nil && !m.title && (m.kind == quiz.KindPerson || m.kind == quiz.KindOrganization) {
			return m.name, m.kind, m.j
		}
		if m == nil && !lx.Modifier(s.lower(q)) && !lx.TitleHead(s.lower(q)) && s.lower(q) != "the" {
			break
		}
	}
	// "the Norwegian president"
	if s.lower(k) == "the" {
		q := k + 1
		org := ""
		if m := s.mentionAt(q); m != nil && m.i == q && (m.kind == quiz.KindNationality || isPlaceKind(m.kind) || m.kind == quiz.KindOrganization) {
			org = strings.ToLower(m.name)
			if m.country != "" && m.kind == quiz.KindNationality {
				org = strings.ToLower(m.country)
			}
			q = m.j
		}
		b := q
		for q < len(s.toks) && q < b+3 && (lx.Modifier(s.lower(q)) || lx.TitleHead(s.lower(q))) {
			q++
		}
		if q > b {
			role := strings.ToLower(s.spanText(b, q))
			key := role
			if org != "" {
				key = org + " " + role
			}
			if name := ar.descs[key]; name != "" {
				return name, quiz.KindPerson, q
			}
		}
	}
	return "", "", k
}

// pronoun resolves "he"/"she" at token k of sentence si to the one person
// named before it in the sentence or, failing that, in the sentence before.
func (ar *article) pronoun(si, k int) (string, quiz.Kind) {
	if name := singlePerson(ar.sents[si], k); name != "" {
		return name, quiz.KindPerson
	}
	if si > 0 {
		if name := singlePerson(ar.sents[si-1], len(ar.sents[si-1].toks)); name != "" {
			return name, quiz.KindPerson
		}
	}
	return "", ""
}

// singlePerson returns the person named before token k when exactly one is.
func singlePerson(s *sent, k int) string {
	name := ""
	for _, m := range s.ments {
		if m.i >= k || m.kind != quiz.KindPerson || m.title {
			continue
		}
		if name != "" && name != m.name {
			return ""
		}
		name = m.name
	}
	return name
}

// threats reads "threatening [to impose] severe sanctions".
func (ar *article) threats(lx *lexicon.Lexicon, s *sent) {
	n := len(s.toks)
	for k := 1; k < n; k++ {
		w := s.lower(k)
		if w != "threatening" && w != "threatened" && w != "threatens" && w != "threaten" {
			continue
		}
		q := k + 1
		if s.lower(q) == "with" {
			q++
		} else if s.lower(q) == "to" && q+1 < n && isLowerWord(s.toks[q+1]) {
			q += 2
		}
		if determiners[s.lower(q)] {
			q++
		}
		start, end := -1, -1
		var words []string
		for ; q < n && len(words) < 4; q++ {
			t := s.toks[q]
			if t.kind == tQuote {
				continue
			}
			if !contentWord(lx, t, len(words) == 0) {
				break
			}
			if start < 0 {
				start = t.start
			}
			end = t.end
			words = append(words, t.text)
		}
		if len(words) == 0 {
			continue
		}
		who := ""
		for b := k - 1; b >= 0; b-- {
			if m := s.mentionAt(b); m != nil && !m.title && m.kind == quiz.KindPerson {
				who = m.name
				break
			}
		}
		for b := k - 1; b >= 0 && who == ""; b-- {
			if m := s.mentionAt(b); m != nil && !m.title && (m.kind == quiz.KindOrganization || m.kind == quiz.KindCountry) {
				who = m.name
			}
		}
		target := ""
		ar.add(s, quiz.Fact{
			Kind: quiz.KindOther, Subject: who, SubjectKind: quiz.KindPerson, Relation: quiz.RelThreat,
			Object: strings.Join(words, " "), ObjectKind: quiz.KindOther, Context: target, Confidence: 0.6,
		}, start, end)
	}
}
