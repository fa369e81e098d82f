package extract

// This file finds numeric and calendar expressions in a parsed sentence:
// money, percentages, counts with what they count, ages, durations, dates,
// weekdays, times of day, scores and ordinals.

import (
	"strconv"
	"strings"
	"unicode"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

// timeUnits maps a time unit, singular or plural, to its plural.
var timeUnits = map[string]string{
	"second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
	"hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
	"month": "months", "months": "months", "year": "years", "years": "years", "decade": "decades",
	"decades": "decades", "century": "centuries", "centuries": "centuries",
}

// currencies are words that make a number an amount of money.
var currencies = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true,
	"yen": true, "yuan": true, "renminbi": true, "rupee": true, "rupees": true, "franc": true,
	"francs": true, "ruble": true, "rubles": true, "rouble": true, "roubles": true, "peso": true,
	"pesos": true, "hryvnia": true, "hryvnias": true, "rand": true, "real": false, "reais": true,
	"lira": true, "won": false, "krona": true, "kronor": true, "krone": true, "kroner": true,
	"shekel": true, "shekels": true, "dinar": true, "dinars": true, "dirham": true, "dirhams": true,
	"ringgit": true, "rupiah": true, "baht": true, "naira": true, "cents": true, "pence": true,
}

// currencySymbols start an amount of money.
var currencySymbols = map[string]bool{
	"$": true, "US$": true, "€": true, "£": true, "¥": true, "₹": true, "A$": true, "C$": true,
	"HK$": true, "NZ$": true, "S$": true, "R$": true, "Rs": true, "Rs.": true, "USD": true, "EUR": true, "GBP": true,
}

// scales multiply the number before them.
var scales = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"m": 1e6, "bn": 1e9, "mn": 1e6, "k": 1e3,
}

// isNumberWord reports whether w (as written) is a cardinal number: digits
// ("71", "1,000", "3.5") or a number word ("six", "forty-two").
func isNumberWord(lx *lexicon.Lexicon, w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' {
		for _, r := range w {
			if !(r >= '0' && r <= '9' || r == ',' || r == '.') {
				return false
			}
		}
		return true
	}
	lw := strings.ToLower(w)
	if _, ok := lx.Number(lw); ok {
		return true
	}
	if a, b, ok := strings.Cut(lw, "-"); ok {
		_, ok1 := lx.Number(a)
		_, ok2 := lx.Number(b)
		return ok1 && ok2
	}
	return false
}

// isDecade reports a decade written "1960s" or "'60s".
func isDecade(w string) bool {
	w = strings.TrimLeft(w, "'’")
	if !strings.HasSuffix(w, "0s") {
		return false
	}
	n := strings.TrimSuffix(w, "s")
	return isYear(n) || len(n) == 2 && n[0] >= '0' && n[0] <= '9'
}

// isYear reports whether w is written like a year ("1989", "2014").
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1000 && n <= 2100
}

// values adds the numeric and calendar mentions of s.
func (x *Extractor) values(s *Sentence) {
	lx := x.lx
	ws := s.Words
	for i := 0; i < len(ws); i++ {
		if ws[i].Mention >= 0 {
			continue
		}
		t := ws[i].Text
		lt := strings.ToLower(t)
		switch {
		case lx.Weekday(t):
			s.addValue(i, i+1, quiz.KindWeekday)
		case isMonth(lx, t, ws, i):
			i = s.date(lx, i) - 1
		case isTimeOfDay(t) && i+1 < len(ws) && isMeridiem(ws[i+1].Text), isHour(t) && i+1 < len(ws) && isAmPm(ws[i+1].Text):
			s.addValue(i, i+2, quiz.KindTime) // "10:30 a.m.", "3 p.m."
			i++
		case isDecade(t):
			// "the 1960s": a time, asked with "when".
			s.addValue(i, i+1, quiz.KindDate)
		case isScore(t):
			s.addValue(i, i+1, quiz.KindScore)
		case i+2 < len(ws) && scoreSide(lx, t) && (ws[i+1].Text == "-" || ws[i+1].Text == "/") && scoreSide(lx, ws[i+2].Text) &&
			ws[i+1].Start == ws[i].End && ws[i+2].Start == ws[i+1].End && !isYear(t) && !isYear(ws[i+2].Text) && scoreContext(ws, i, i+3):
			// "30-20", "6/174", "two-nil" split by the tokenizer.
			s.addValue(i, i+3, quiz.KindScore)
			i += 2
		case ws[i].Feat("NumType") == "Ord" || isOrdinal(lx, lt):
			if ws[i].UPOS == "ADJ" || ws[i].UPOS == "NUM" || ws[i].UPOS == "ADV" && isOrdinal(lx, lt) {
				s.addValue(i, i+1, quiz.KindOrdinal)
			}
		case currencySymbols[t] && i+1 < len(ws) && isNumberWord(lx, ws[i+1].Text):
			j := s.numberEnd(lx, i+1)
			s.addValue(i, j, quiz.KindMoney)
			i = j - 1
		case isNumberWord(lx, t) && (ws[i].UPOS == "NUM" || unicode.IsDigit(rune(t[0]))):
			i = s.number(lx, i) - 1
		case (lt == "a" || lt == "an") && i+1 < len(ws) && timeUnits[ws[i+1].Lower()] != "" && durationLead(ws, i):
			// "for a year", "at least a decade": a span of time; "half an
			// hour" with its "half".
			lo := i
			if i > 0 && (ws[i-1].Lower() == "half" || ws[i-1].Lower() == "quarter") {
				lo = i - 1
			}
			s.addValue(lo, i+2, quiz.KindDuration)
			i++
		case strings.HasSuffix(lt, "-year-old") || strings.HasSuffix(lt, "-years-old"):
			if n := strings.TrimSuffix(strings.TrimSuffix(lt, "-year-old"), "-years-old"); isNumberWord(lx, n) {
				s.addValue(i, i+1, quiz.KindAge)
			}
		}
	}
}

// numberEnd returns the end of the number starting at word i: the number
// with any scale word after it ("1.1 million").
func (s *Sentence) numberEnd(lx *lexicon.Lexicon, i int) int {
	j := i + 1
	for j < len(s.Words) && scales[strings.ToLower(s.Words[j].Text)] > 0 {
		j++
	}
	return j
}

// number types the number starting at word i and returns the end of the
// mention.
func (s *Sentence) number(lx *lexicon.Lexicon, i int) int {
	ws := s.Words
	t := ws[i].Text
	j := s.numberEnd(lx, i)
	next := ""
	if j < len(ws) {
		next = strings.ToLower(ws[j].Text)
	}
	after := ""
	if j+1 < len(ws) {
		after = strings.ToLower(ws[j+1].Text)
	}
	switch {
	case next == "percent" || next == "%" || next == "pct" || next == "per" && after == "cent":
		e := j + 1
		if next == "per" {
			e++
		}
		if e < len(ws) && ws[e].Lower() == "points" {
			e++
		}
		s.addValue(i, e, quiz.KindPercent)
		return e
	case currencies[next]:
		s.addValue(i, j+1, quiz.KindMoney)
		return j + 1
	case isYear(t) && j == i+1:
		s.addValue(i, j, quiz.KindDate)
		return j
	case next == "-" && timeUnits[after] != "" && j+3 < len(ws) && ws[j+2].Text == "-" && ws[j+3].Lower() == "old":
		// "an 89-year-old": the age is the number.
		s.addValue(i, j, quiz.KindAge)
		return j + 4
	case timeUnits[next] != "" && (after == "old" || after == "-" && j+2 < len(ws) && ws[j+2].Lower() == "old"):
		e := j + 2
		if after == "-" {
			e = j + 3
		}
		s.addValue(i, e, quiz.KindAge)
		return e
	case timeUnits[next] != "" && after == "ago":
		return j + 2 // "three years ago" dates nothing a learner can check
	case timeUnits[next] != "":
		s.addValue(i, j+1, quiz.KindDuration)
		return j + 1
	case next == "-" && timeUnits[after] != "" && j+3 < len(ws) && ws[j+2].Text == "-" && ws[j+3].Lower() == "old":
		// "66 - year - old" split by the tokenizer: an age.
		s.addValue(i, j+4, quiz.KindAge)
		return j + 4
	case next == "-" && timeUnits[after] != "":
		// "50 - day" split by the tokenizer: a duration used as a modifier.
		s.addValue(i, j+2, quiz.KindDuration)
		return j + 2
	}
	// An age in apposition to a person: "Ana Ruiz, 42, said".
	if h := ws[i].Head; h >= 0 && s.Rel(i) == "appos" && ws[h].Mention >= 0 && s.Mentions[ws[h].Mention].Kind == quiz.KindPerson {
		s.addValue(i, j, quiz.KindAge)
		return j
	}
	s.addValue(i, j, quiz.KindCount)
	return j
}

// dayCount reports a count mention of word j alone, the last one read:
// the day of a date written day first.
func (s *Sentence) dayCount(j int) bool {
	if len(s.Mentions) == 0 {
		return false
	}
	last := s.Mentions[len(s.Mentions)-1]
	return last.Lo == j && last.Hi == j+1 && s.Words[j].Mention == len(s.Mentions)-1
}

// date reads a date starting with the month name at word i ("May 13, 2014",
// "May 2014", "May") or the day before it ("13 May 2025") and returns its
// end.
func (s *Sentence) date(lx *lexicon.Lexicon, i int) int {
	ws := s.Words
	lo, j := i, i+1
	if i > 0 && isDay(ws[i-1].Text) && (ws[i-1].Mention < 0 || s.dayCount(i-1)) {
		lo = i - 1 // "28 February", the day first read as a count
	}
	if j < len(ws) && isDay(ws[j].Text) && lo == i {
		j++
	}
	if j+1 < len(ws) && ws[j].Text == "," && isYear(ws[j+1].Text) {
		j += 2
	} else if j < len(ws) && isYear(ws[j].Text) {
		j++
	}
	if lo < i && i > 0 && s.Mentions != nil && len(s.Mentions) > 0 {
		last := &s.Mentions[len(s.Mentions)-1]
		if last.Hi == i && last.Lo == i-1 {
			// the day was taken as a count: the date replaces it
			s.Mentions = s.Mentions[:len(s.Mentions)-1]
			ws[i-1].Mention = -1
		}
	}
	s.addValue(lo, j, quiz.KindDate)
	return j
}

// isMonth reports whether word i is a month name used as one ("May 13",
// "in March"), not the verb "may" or the name "April" alone in a name.
func isMonth(lx *lexicon.Lexicon, t string, ws []Word, i int) bool {
	if t == "" || !unicode.IsUpper(rune(t[0])) {
		return false
	}
	if _, ok := lx.Month(t); !ok {
		return false
	}
	if t == "May" || t == "March" || t == "June" || t == "April" || t == "August" {
		// Also names or verbs: a month needs a day, a year or a preposition.
		prev := ""
		if i > 0 {
			prev = ws[i-1].Lower()
		}
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1].Text
		}
		return isDay(next) || isYear(next) || (i > 0 && isDay(ws[i-1].Text)) ||
			prev == "in" || prev == "since" || prev == "until" || prev == "by" || prev == "of" || prev == "early" || prev == "late" || prev == "mid" || prev == "last" || prev == "next" || prev == "this"
	}
	return !strings.HasSuffix(t, ".") || len(t) > 2
}

func isDay(w string) bool {
	w = strings.TrimRight(w, "stndrh")
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1 && n <= 31
}

func isOrdinal(lx *lexicon.Lexicon, lw string) bool {
	if _, ok := lx.Ordinal(lw); ok {
		return true
	}
	if len(lw) >= 3 && lw[0] >= '0' && lw[0] <= '9' {
		suf := lw[len(lw)-2:]
		if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
			_, err := strconv.Atoi(lw[:len(lw)-2])
			return err == nil
		}
	}
	return false
}

func isTimeOfDay(w string) bool {
	h, m, ok := strings.Cut(w, ":")
	if !ok || len(m) != 2 {
		return false
	}
	a, err1 := strconv.Atoi(h)
	b, err2 := strconv.Atoi(m)
	return err1 == nil && err2 == nil && a <= 24 && b < 60
}

// isHour reports an hour of a twelve-hour clock written alone ("3" of
// "3 p.m.").
func isHour(w string) bool {
	h, err := strconv.Atoi(w)
	return err == nil && h >= 1 && h <= 12
}

// isAmPm reports "a.m." or "p.m." in its written forms (the sentence's
// full stop may have taken the last period).
func isAmPm(w string) bool {
	switch strings.ToLower(w) {
	case "a.m.", "p.m.", "am", "pm", "a.m", "p.m":
		return true
	}
	return false
}

func isMeridiem(w string) bool {
	switch strings.ToLower(w) {
	case "gmt", "utc", "local":
		return true
	}
	return isAmPm(w)
}

// durationLead reports words before word i that make "a year" a span of
// time ("for a year", "within a week", "at least a month") rather than a
// rate or a date ("a year ago", "twice a year").
func durationLead(ws []Word, i int) bool {
	if i+2 < len(ws) && ws[i+2].Lower() == "ago" {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch ws[j].Lower() {
		case "for", "within", "over", "during", "least", "than", "about", "nearly", "almost", "after":
			return true
		}
	}
	return false
}

// scoreContext reports words around [lo, hi) that make two numbers a
// score, not a range: "a 30-20 loss", "won 2-1", "a two-nil lead".
func scoreContext(ws []Word, lo, hi int) bool {
	if hi < len(ws) {
		switch strings.ToLower(ws[hi].Lemma) {
		case "win", "loss", "victory", "defeat", "lead", "draw", "rout", "triumph", "score", "scoreline", "result", "series":
			return true
		}
	}
	for j := lo - 1; j >= 0 && j >= lo-3; j-- {
		switch strings.ToLower(ws[j].Lemma) {
		case "win", "lose", "beat", "defeat", "lead", "trail", "draw", "score", "finish", "end":
			return true
		}
	}
	return false
}

// scoreSide reports one side of a score: a number of at most three
// digits, a number word, or "nil".
func scoreSide(lx *lexicon.Lexicon, w string) bool {
	if lw := strings.ToLower(w); lw == "nil" || lw == "love" {
		return true
	}
	if n, err := strconv.Atoi(w); err == nil {
		return n >= 0 && n < 1000
	}
	_, ok := lx.Number(strings.ToLower(w))
	return ok
}

// isScore reports a score written with a hyphen or slash between two
// numbers ("30-20", "6/174").
func isScore(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok {
		a, b, ok = strings.Cut(w, "/")
	}
	if !ok || a == "" || b == "" || len(a) > 3 || len(b) > 3 {
		return false
	}
	_, err1 := strconv.Atoi(a)
	_, err2 := strconv.Atoi(b)
	return err1 == nil && err2 == nil
}

// addValue records words [lo, hi) as a value mention of kind k, unless
// they overlap a mention already made.
func (s *Sentence) addValue(lo, hi int, k quiz.Kind) {
	if lo < 0 || hi > len(s.Words) || lo >= hi {
		return
	}
	for i := lo; i < hi; i++ {
		if s.Words[i].Mention >= 0 {
			return
		}
	}
	s.addMention(Mention{Lo: lo, Hi: hi, Kind: k, Entity: -1})
}

// addMention appends m and points its words at it. Mentions are kept in
// order of their first word.
func (s *Sentence) addMention(m Mention) {
	idx := len(s.Mentions)
	s.Mentions = append(s.Mentions, m)
	for i := m.Lo; i < m.Hi; i++ {
		s.Words[i].Mention = idx
	}
}
