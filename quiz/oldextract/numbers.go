package oldextract

import (
	"strconv"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

// This file reads quantities: counts with what they count, money,
// percentages, ages, durations and deadlines, ordinals and dates.

var qualifiers2 = map[string]bool{
	"more than": true, "less than": true, "fewer than": true, "up to": true, "at least": true,
	"at most": true, "as many": true, "as much": true, "no more": true, "nearly all": false,
}

var qualifiers1 = map[string]bool{
	"over": true, "nearly": true, "almost": true, "about": true, "around": true, "roughly": true,
	"approximately": true, "some": true, "only": true, "just": true, "under": true, "below": true,
	"above": true, "exactly": true, "barely": true, "estimated": true,
}

var timeUnits = map[string]string{
	"second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
	"hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
	"month": "months", "months": "months", "year": "years", "years": "years", "decade": "decades",
	"decades": "decades", "century": "centuries", "centuries": "centuries",
}

var currencyWords = map[string]bool{
	"dollars": true, "euros": true, "pounds": true, "yen": true, "yuan": true, "rupees": true,
	"francs": true, "rubles": true, "roubles": true, "pesos": true, "won": false, "hryvnias": true,
	"dollar": true, "euro": true, "pound": true,
}

var scaleWords = map[string]bool{"thousand": true, "million": true, "billion": true, "trillion": true, "bn": true, "m": true}

var deadlineNouns = map[string]bool{
	"ultimatum": true, "deadline": true, "window": true, "countdown": true, "timeline": true, "timeframe": true,
}

// number is a parsed number expression.
type number struct {
	i, j   int // tokens incl. qualifier and currency
	ni, nj int // tokens of the number itself (and scale)
	qual   string
	text   string // qualifier + number as written
	value  float64
	word   bool   // written in words
	unit   string // for "30-day": "days"; for "40-year-old": "years old"
}

// numberAt parses a number starting at token k (qualifiers are looked for
// before k).
func (s *sent) numberAt(lx *lexicon.Lexicon, k int) (number, bool) {
	var n number
	t := s.toks[k]
	var v float64
	switch {
	case t.kind == tNum:
		head, rest, _ := strings.Cut(t.text, "-")
		f, err := strconv.ParseFloat(strings.ReplaceAll(head, ",", ""), 64)
		if err != nil {
			return n, false
		}
		v = f
		if rest != "" {
			n.unit = compoundUnit(rest)
			if n.unit == "" {
				return n, false // "3-1", "COVID-19"-like
			}
		}
	case t.kind == tWord && isLowerWord(t) || t.kind == tWord && k == 0:
		w := t.low
		parts := strings.Split(w, "-")
		total := int64(0)
		used := 0
		for _, p := range parts {
			x, ok := lx.Number(p)
			if !ok || strings.HasSuffix(p, "s") && x >= 100 { // "hundreds"
				break
			}
			total += x
			used++
		}
		if used == 0 || total == 1 && len(parts) == 1 || scaleWords[parts[0]] {
			return n, false
		}
		if used < len(parts) {
			n.unit = compoundUnit(strings.Join(parts[used:], "-"))
			if n.unit == "" {
				return n, false
			}
		}
		v = float64(total)
		n.word = true
	default:
		return n, false
	}
	n.ni, n.nj = k, k+1
	if n.unit == "" && scaleWords[s.lower(k+1)] {
		switch s.lower(k + 1) {
		case "thousand":
			v *= 1e3
		case "million", "m":
			v *= 1e6
		case "billion", "bn":
			v *= 1e9
		case "trillion":
			v *= 1e12
		}
		n.nj = k + 2
	}
	n.value = v
	n.i, n.j = n.ni, n.nj
	// Currency symbol before.
	if n.i > 0 {
		switch s.toks[n.i-1].text {
		case "$", "€", "£", "¥", "US$":
			n.i--
			n.unit = "money"
		}
	}
	// Qualifier before.
	if n.i >= 2 && qualifiers2[s.lower(n.i-2)+" "+s.lower(n.i-1)] {
		n.qual = s.spanText(n.i-2, n.i)
		n.i -= 2
	} else if n.i >= 1 && qualifiers1[s.lower(n.i-1)] {
		n.qual = s.spanText(n.i-1, n.i)
		n.i--
	}
	n.text = s.spanText(n.i, n.nj)
	return n, true
}

// compoundUnit reads the part after the number in "30-day" or
// "40-year-old".
func compoundUnit(rest string) string {
	rest = strings.ToLower(rest)
	if u, ok := strings.CutSuffix(rest, "-old"); ok {
		if timeUnits[u] != "" {
			return timeUnits[u] + " old"
		}
		return ""
	}
	if u := timeUnits[rest]; u != "" {
		return u
	}
	switch rest {
	case "percent", "per-cent":
		return "percent"
	}
	return ""
}

func unitWord(u string, v float64, word string) string {
	if v == 1 {
		return strings.TrimSuffix(u, "s")
	}
	_ = word
	return u
}

// numbers finds the quantity facts of s.
func (ar *article) numbers(lx *lexicon.Lexicon, s *sent) {
	ev, hasEvent := s.eventPhrase(lx)
	lastCount := ""
	for k := 0; k < len(s.toks); k++ {
		if o, ok := ar.ordinal(lx, s, k); ok {
			k = o
			continue
		}
		if d, ok := ar.date(lx, s, k, ev, hasEvent); ok {
			k = d
			continue
		}
		n, ok := s.numberAt(lx, k)
		if !ok {
			continue
		}
		k = n.nj - 1
		switch {
		case n.unit == "money" || currencyWords[s.lower(n.nj)]:
			ar.money(lx, s, n)
		case n.unit == "percent" || s.lower(n.nj) == "percent" || s.lower(n.nj) == "%" || (s.lower(n.nj) == "per" && s.lower(n.nj+1) == "cent"):
			ar.percent(lx, s, n)
		case strings.HasSuffix(n.unit, " old"):
			if i, j, ok := s.phraseAfter(lx, n.nj, 3); ok {
				ar.add(s, quiz.Fact{
					Kind: quiz.KindAge, Subject: s.spanText(i, j), SubjectKind: quiz.KindOther, Relation: quiz.RelAge,
					Object: numText(s, n), ObjectKind: quiz.KindAge, Context: "the " + s.spanText(i, j), Confidence: 0.85,
				}, s.toks[n.ni].start, s.toks[n.ni].start+len(numText(s, n)))
			}
		case n.unit != "":
			ar.compoundDuration(lx, s, n)
		case timeUnits[s.lower(n.nj)] != "":
			ar.duration(lx, s, n)
		case isYear(n) && !n.word:
			// Years are dates, read by ar.date.
		default:
			if s.lower(n.nj) == "," || s.lower(n.nj) == ")" {
				ar.ageApposition(s, n)
				continue
			}
			if n.i > 0 && (s.lower(n.i-1) == "the" || s.lower(n.i-1) == "these" || s.lower(n.i-1) == "those") {
				continue // "the two sides" names known things
			}
			i, j, ok := s.phraseAfter(lx, n.nj, 5)
			if ok && n.value != 1 {
				j = s.pluralEnd(i, j)
				ok = s.hasPlural(i, j)
			}
			if ok && i == n.nj && j > i {
				subj := s.spanText(i, j)
				lastCount = subj
				ar.add(s, quiz.Fact{
					Kind: quiz.KindCount, Subject: subj, SubjectKind: quiz.KindOther, Relation: quiz.RelCount,
					Object: n.text, ObjectKind: quiz.KindCount, Context: subj, Confidence: 0.75,
				}, s.toks[n.i].start, s.toks[n.nj-1].end)
			} else if lastCount != "" && !n.word && n.nj < len(s.toks) && (strings.HasSuffix(s.lower(n.nj), "ly") || strings.HasSuffix(s.lower(n.nj), "ed") || passiveAux[s.lower(n.nj)]) {
				// "30 rockets ..., with 12 intercepted": the same things.
				ar.add(s, quiz.Fact{
					Kind: quiz.KindCount, Subject: lastCount, SubjectKind: quiz.KindOther, Relation: quiz.RelCount,
					Object: n.text, ObjectKind: quiz.KindCount, Context: lastCount, Confidence: 0.5,
				}, s.toks[n.i].start, s.toks[n.nj-1].end)
			}
		}
	}
}

func numText(s *sent, n number) string {
	head, _, _ := strings.Cut(s.toks[n.ni].text, "-")
	return head
}

func isYear(n number) bool {
	return n.nj-n.ni == 1 && n.value >= 1800 && n.value <= 2100 && n.value == float64(int(n.value)) && n.unit == ""
}

// ageApposition reads "Jane Doe, 45, said".
func (ar *article) ageApposition(s *sent, n number) {
	if n.qual != "" || n.i < 2 || s.lower(n.i-1) != "," || n.value < 1 || n.value > 120 {
		return
	}
	m := s.mentionAt(n.i - 2)
	if m == nil || m.kind != quiz.KindPerson || m.j != n.i-1 {
		return
	}
	ar.add(s, quiz.Fact{
		Kind: quiz.KindAge, Subject: m.name, SubjectKind: quiz.KindPerson, Relation: quiz.RelAge,
		Object: n.text, ObjectKind: quiz.KindAge, Context: m.name, Confidence: 0.8,
	}, s.toks[n.i].start, s.toks[n.nj-1].end)
}

func (ar *article) money(lx *lexicon.Lexicon, s *sent, n number) {
	j := n.nj
	if currencyWords[s.lower(j)] {
		j++
	}
	obj := s.spanText(n.i, j)
	subj := ""
	for q := j; q < len(s.toks) && q < j+3; q++ {
		if w := s.lower(q); w == "for" || w == "on" {
			if m := s.mentionAt(q + 1 + b2i(s.lower(q+1) == "the")); m != nil && !m.title && m.kind != quiz.KindPerson {
				subj = m.name
			} else if i, jj, ok := s.phraseAfter(lx, q+1, 4); ok {
				subj = s.spanText(i, jj)
			}
			break
		}
	}
	if subj == "" && n.i > 0 && s.lower(n.i-1) == "of" {
		// "a fine of $250,000"
		if i, jj, ok := s.phraseBefore(lx, n.i-1, 4); ok && jj == n.i-1 {
			subj = s.spanText(i, jj)
		}
	}
	if subj == "" {
		// "a $2.5 million grant"
		if i, jj, ok := s.phraseAfter(lx, j, 3); ok && i == j {
			subj = s.spanText(i, jj)
		}
	}
	ar.add(s, quiz.Fact{
		Kind: quiz.KindMoney, Subject: subj, SubjectKind: quiz.KindOther, Relation: quiz.RelAmount,
		Object: obj, ObjectKind: quiz.KindMoney, Context: subj, Confidence: 0.75,
	}, s.toks[n.i].start, s.toks[j-1].end)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (ar *article) percent(lx *lexicon.Lexicon, s *sent, n number) {
	j := n.nj
	switch {
	case n.unit == "percent":
	case s.lower(j) == "per":
		j += 2
	default:
		j++
	}
	obj := s.spanText(n.i, j)
	subj := ""
	if s.lower(j) == "of" {
		if m := s.mentionAt(j + 1 + b2i(s.lower(j+1) == "the")); m != nil && !m.title {
			subj = m.name
		} else if i, jj, ok := s.phraseAfter(lx, j+1, 4); ok {
			subj = s.spanText(i, jj)
		}
	} else if i, jj, ok := s.phraseAfter(lx, j, 3); ok && i == j {
		subj = s.spanText(i, jj) // "49 percent owned", "5 percent growth"
	}
	ar.add(s, quiz.Fact{
		Kind: quiz.KindPercent, Subject: subj, SubjectKind: quiz.KindOther, Relation: quiz.RelAmount,
		Object: obj, ObjectKind: quiz.KindPercent, Context: subj, Confidence: 0.75,
	}, s.toks[n.i].start, s.toks[j-1].end)
}

// passiveAux follow a number that counts things named before it ("more
// than 200 were injured").
var passiveAux = map[string]bool{"were": true, "was": true, "are": true, "had": true, "have": true}

// clauseVerb are words that follow the subject of a clause.
var clauseVerb = map[string]bool{
	"that": true, "which": true, "who": true, "is": true, "was": true, "are": true, "were": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "must": true,
	"should": true, "can": true, "lasted": true, "lasts": true, "ran": true, "runs": true,
}

// duration reads "for more than three years", "within the next 30 days".
func (ar *article) duration(lx *lexicon.Lexicon, s *sent, n number) {
	unitTok := n.nj
	if s.lower(unitTok+1) == "ago" {
		return
	}
	obj := s.spanText(n.i, unitTok+1)
	b := n.i
	for b > 0 && (s.lower(b-1) == "next" || s.lower(b-1) == "coming" || s.lower(b-1) == "past" || s.lower(b-1) == "last" || s.lower(b-1) == "the") {
		b--
	}
	rel := quiz.RelDuration
	switch s.lower(b - 1) {
	case "within", "in":
		if s.lower(b-1) == "within" || b < n.i {
			rel = quiz.RelDeadline
		}
	}
	subj := ""
	if s.lower(unitTok+1) == "of" {
		if i, j, ok := s.phraseAfter(lx, unitTok+2, 3); ok {
			subj = s.spanText(i, j)
		}
	}
	if subj == "" {
		// Only a clause's subject: "a war that has persisted for ...".
		if i, j, ok := s.phraseBefore(lx, b, 10); ok && clauseVerb[s.lower(j)] {
			subj = s.spanText(i, j)
		}
	}
	ar.add(s, quiz.Fact{
		Kind: quiz.KindDuration, Subject: subj, SubjectKind: quiz.KindOther, Relation: rel,
		Object: obj, ObjectKind: quiz.KindDuration, Context: subj, Confidence: 0.7,
	}, s.toks[n.i].start, s.toks[unitTok].end)
}

// compoundDuration reads "a 30-day deadline", "a three-year contract".
func (ar *article) compoundDuration(lx *lexicon.Lexicon, s *sent, n number) {
	i, j, ok := s.phraseAfter(lx, n.nj, 3)
	if !ok {
		return
	}
	subj := s.spanText(i, j)
	rel := quiz.RelDuration
	for k := i; k < j; k++ {
		if deadlineNouns[s.lower(k)] {
			rel = quiz.RelDeadline
		}
	}
	head, _, _ := strings.Cut(s.toks[n.ni].text, "-")
	obj := head + " " + unitWord(n.unit, n.value, head)
	if n.qual != "" {
		obj = n.qual + " " + obj
	}
	ar.add(s, quiz.Fact{
		Kind: quiz.KindDuration, Subject: subj, SubjectKind: quiz.KindOther, Relation: rel,
		Object: obj, ObjectKind: quiz.KindDuration, Context: "the " + subj, Confidence: 0.75,
	}, s.toks[n.ni].start, s.toks[n.ni].end)
}

// ordinal reads "third round of negotiations", "21st century".
func (ar *article) ordinal(lx *lexicon.Lexicon, s *sent, k int) (int, bool) {
	t := s.toks[k]
	w := t.low
	_, isWord := lx.Ordinal(w)
	isNum := t.kind == tNum && (strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") || strings.HasSuffix(w, "th"))
	if !isWord && !isNum {
		return k, false
	}
	if isWord && !isLowerWord(t) && k != 0 {
		return k, false
	}
	i, j, ok := s.phraseAfter(lx, k+1, 4)
	if !ok || i != k+1 || s.lower(k+1) == "time" || s.lower(k+1) == "place" {
		return k, true
	}
	conf := 0.7
	if w == "first" || w == "second" {
		conf = 0.55
	}
	subj := s.spanText(i, j)
	ar.add(s, quiz.Fact{
		Kind: quiz.KindOrdinal, Subject: subj, SubjectKind: quiz.KindOther, Relation: quiz.RelOrdinal,
		Object: t.text, ObjectKind: quiz.KindOrdinal, Context: "the " + subj, Confidence: conf,
	}, t.start, t.end)
	return k, true
}

var datePreps = map[string]bool{
	"in": true, "on": true, "since": true, "by": true, "until": true, "from": true, "last": true,
	"next": true, "early": true, "late": true, "mid": true, "of": true, "between": true, "before": true,
	"after": true, "during": true, "this": true, "and": true, "through": true, "to": true, "till": true,
}

// date reads years and months: "in early 2022", "in May and June",
// "on 12 May 2025", "May 12, 2025".
func (ar *article) date(lx *lexicon.Lexicon, s *sent, k int, ev string, hasEvent bool) (int, bool) {
	n := len(s.toks)
	isYearTok := func(q int) bool {
		if q >= n || s.toks[q].kind != tNum || len(s.toks[q].text) != 4 {
			return false
		}
		y, err := strconv.Atoi(s.toks[q].text)
		return err == nil && y >= 1800 && y <= 2100
	}
	isDay := func(q int) bool {
		if q >= n || s.toks[q].kind != tNum {
			return false
		}
		d, err := strconv.Atoi(strings.TrimRight(s.toks[q].text, "stndrh"))
		return err == nil && d >= 1 && d <= 31
	}
	_, isMonth := lx.Month(s.toks[k].text)
	isMonth = isMonth && isCap(s.toks[k].text)
	if !isMonth && !isYearTok(k) {
		return k, false
	}
	i, j := k, k+1
	if isMonth {
		// Day before ("12 May") or after ("May 12").
		if i > 0 && isDay(i-1) {
			i--
		}
		if isDay(j) {
			j++
			if s.lower(j) == "," && isYearTok(j+1) {
				j += 2
			}
		}
		if isYearTok(j) {
			j++
		}
		prev := s.lower(i - 1)
		if j == k+1 && i == k && !datePreps[prev] {
			return k, false // "May" the verb, a name
		}
		// "May and June"
		if (s.lower(j) == "and" || s.lower(j) == "or") && j+1 < n {
			if _, ok := lx.Month(s.toks[j+1].text); ok && isCap(s.toks[j+1].text) {
				j += 2
				if isYearTok(j) {
					j++
				}
			}
		}
	} else {
		// A lone year needs a date preposition: "in 2022", "since 2014".
		prev := s.lower(i - 1)
		if prev == "early" || prev == "late" || prev == "mid" || prev == "mid-" {
			i--
			prev = s.lower(i - 1)
		}
		if !datePreps[prev] {
			return k, false
		}
	}
	obj := s.spanText(i, j)
	kind := quiz.KindDate
	conf := 0.5
	subj := ""
	// An event before "since <date>" is not dated by it: "the first talks
	// since the war began in 2020".
	if near, at, ok := s.eventNearAt(lx, i); ok && hasEvent && (at > i || !s.boundedBetween(at, i)) {
		subj = near
		conf = 0.7
	}
	ar.add(s, quiz.Fact{
		Kind: kind, Subject: subj, SubjectKind: quiz.KindMisc, Relation: quiz.RelTime,
		Object: obj, ObjectKind: kind, Context: contextOf(subj), Confidence: conf,
	}, s.toks[i].start, s.toks[j-1].end)
	return j - 1, true
}

func contextOf(p string) string {
	if p == "" {
		return ""
	}
	return "the " + p
}
