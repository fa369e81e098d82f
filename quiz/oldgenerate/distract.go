package oldgenerate

// This file draws distractors: wrong options of the answer's kind, from the
// article first, then from other articles, then from the lexicons, and for
// numbers, weekdays, months and years computed near the answer.

import (
	"hash/fnv"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

// candidate is a possible distractor and how far it is from the article.
type candidate struct {
	text string
	tier int    // 0 this article, 1 other articles, 2 lexicon or computed
	norm string // quiz.NormalizeAnswer(text), when known
	key  string // aliasKey(text), for the facts' values
}

// pools indexes the values of the article's facts and of the pool by kind.
type pools struct {
	byKind map[quiz.Kind][]candidate
	// personCtx holds, per normalized person name, what places them: the
	// countries of their article, their organizations and role heads.
	personCtx map[string]map[string]bool
	facts     []quiz.Fact // the article's facts, then the pool
	norms     []factNorm  // normalized slots of facts, same order
}

// factNorm holds a fact's slots normalized once, for comparisons.
type factNorm struct {
	subject, object, org string
}

func newPools(facts, pool []quiz.Fact) *pools {
	p := &pools{byKind: map[quiz.Kind][]candidate{}}
	seen := map[quiz.Kind]map[string]bool{}
	add := func(k quiz.Kind, v string, tier int) {
		v = strings.TrimSpace(v)
		if k == "" || v == "" || len(v) > 60 {
			return
		}
		if seen[k] == nil {
			seen[k] = map[string]bool{}
		}
		n := quiz.NormalizeAnswer(v)
		if seen[k][n] {
			return
		}
		seen[k][n] = true
		p.byKind[k] = append(p.byKind[k], candidate{v, tier, n, aliasKey(v)})
	}
	for tier, fs := range [][]quiz.Fact{facts, pool} {
		for _, f := range fs {
			add(f.SubjectKind, f.Subject, tier)
			if f.Relation == quiz.RelIsA {
				continue // its object is a kind name, not a value
			}
			ok := objectKind(f)
			if ok == quiz.KindOther || ok == quiz.KindMisc {
				// Phrases of other kinds are alike only within a relation.
				ok = quiz.Kind(string(ok) + ":" + f.Relation)
			}
			add(ok, f.Object, tier)
		}
	}
	p.facts = append(append(p.facts, facts...), pool...)
	p.personCtx = personContexts(p.facts)
	p.norms = make([]factNorm, len(p.facts))
	for i, f := range p.facts {
		p.norms[i] = factNorm{quiz.NormalizeAnswer(f.Subject), quiz.NormalizeAnswer(f.Object), quiz.NormalizeAnswer(f.Org)}
	}
	return p
}

// personName reports whether name reads as a person's name: two or more
// capitalized words, or a single word that is the surname of a person known
// from the facts ("Smith").
func (p *pools) personName(name string) bool {
	if nameLike(name, quiz.KindPerson) {
		return true
	}
	if !isCapitalized(name) || strings.Contains(name, " ") {
		return false
	}
	for _, c := range p.byKind[quiz.KindPerson] {
		if strings.Contains(c.text, " ") && quiz.Surname(c.text) == name {
			return true
		}
	}
	return false
}

// numericKinds are answered with numbers and get computed distractors.
var numericKinds = map[quiz.Kind]bool{
	quiz.KindCount: true, quiz.KindAge: true, quiz.KindMoney: true, quiz.KindPercent: true,
	quiz.KindDuration: true, quiz.KindOrdinal: true,
}

// distractors returns up to n wrong options for answer of kind k, none of
// them in exclude (normalized) or an alias of the answer; fewer when the
// kind has too few values. seed makes the choice reproducible.
func (p *pools) distractors(answer string, k quiz.Kind, relation string, exclude map[string]bool, seed uint64, n int) []string {
	var cands []candidate
	switch {
	case k == quiz.KindWeekday || weekdayPhrase(answer):
		cands = swapWords(answer, lexicon.List(quiz.KindWeekday))
	case k == quiz.KindDate && monthPhrase(answer):
		cands = swapWords(answer, months())
	case numericKinds[k] || k == quiz.KindDate && numberRE.MatchString(answer):
		cands = numberDistractors(answer, k, seed)
	case k == quiz.KindOther || k == quiz.KindMisc:
		cands = p.byKind[quiz.Kind(string(k)+":"+relation)]
	default:
		cands = p.named(answer, k, seed)
	}
	if k == quiz.KindPerson {
		cands = p.nearPersons(answer, cands)
	}
	return choose(answer, k, cands, exclude, seed, n)
}

// personContexts maps each person of facts to the words that place them:
// the countries their article speaks of, the organizations and the role
// heads they are named with.
func personContexts(facts []quiz.Fact) map[string]map[string]bool {
	l := lexicon.Default()
	countries := map[int64]map[string]bool{}
	for _, f := range facts {
		for _, v := range []struct {
			text string
			kind quiz.Kind
		}{{f.Subject, f.SubjectKind}, {f.Object, objectKind(f)}} {
			c := ""
			switch v.kind {
			case quiz.KindCountry:
				c = v.text
			case quiz.KindNationality:
				c, _ = l.Nationality(v.text)
			case quiz.KindCity, quiz.KindRegion:
				_, c, _ = l.Place(v.text)
			}
			if c = quiz.NormalizeAnswer(c); c != "" {
				if countries[f.ArticleID] == nil {
					countries[f.ArticleID] = map[string]bool{}
				}
				countries[f.ArticleID]["country:"+c] = true
			}
		}
	}
	out := map[string]map[string]bool{}
	for _, f := range facts {
		if f.SubjectKind != quiz.KindPerson {
			continue
		}
		n := quiz.NormalizeAnswer(f.Subject)
		m := out[n]
		if m == nil {
			m = map[string]bool{}
			out[n] = m
		}
		for c := range countries[f.ArticleID] {
			m[c] = true
		}
		if o := quiz.NormalizeAnswer(f.Org); o != "" {
			m["org:"+o] = true
		}
		switch f.Relation {
		case quiz.RelRole, quiz.RelFormerRole, quiz.RelLeads:
			if h := strings.ToLower(lastWord(f.Object)); h != "" {
				m["role:"+h] = true
			}
		}
	}
	return out
}

// nearPersons keeps candidates from the answer's article first, then moves
// persons of other articles that share nothing with the answer (no
// country, organization or kind of role) behind those that do, so that a
// party leader's distractors are not a foreign president picked at random.
func (p *pools) nearPersons(answer string, cands []candidate) []candidate {
	ctx := p.personCtx[quiz.NormalizeAnswer(answer)]
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		if c.tier != 1 {
			continue
		}
		shared := false
		for w := range p.personCtx[c.norm] {
			if ctx[w] {
				shared = true
				break
			}
		}
		if !shared {
			out[i].tier = 2
		}
	}
	return out
}

// named gathers candidates of a named kind: article, pool, then lexicon.
func (p *pools) named(answer string, k quiz.Kind, seed uint64) []candidate {
	var out []candidate
	kinds := []quiz.Kind{k}
	if k == quiz.KindPlace {
		kinds = append(kinds, quiz.KindCity, quiz.KindRegion)
	}
	for _, kk := range kinds {
		out = append(out, p.byKind[kk]...)
	}
	for _, kk := range kinds {
		out = append(out, lexiconSample(answer, kk, seed)...)
	}
	return out
}

// lexiconSample takes a reproducible sample of a lexicon list, preferring
// places in the answer's country ("Bern" for "Geneva").
func lexiconSample(answer string, k quiz.Kind, seed uint64) []candidate {
	list := lexicon.List(k)
	if len(list) == 0 {
		return nil
	}
	var out []candidate
	_, country, known := lexicon.Default().Place(answer)
	if known && country != "" && (k == quiz.KindCity || k == quiz.KindRegion) {
		for _, v := range placesByCountry()[k][country] {
			if v != answer {
				out = append(out, candidate{text: v, tier: 2})
			}
		}
		if len(out) > 40 {
			out = rotate(out, int(seed%uint64(len(out))))[:40]
		}
	}
	const sample = 40
	start := int(seed % uint64(len(list)))
	for i := 0; i < len(list) && i < sample; i++ {
		out = append(out, candidate{text: list[(start+i*7919)%len(list)], tier: 3})
	}
	return out
}

// placesByCountry indexes the lexicon's cities and regions by country. It
// is built once and read-only.
var placesByCountry = sync.OnceValue(func() map[quiz.Kind]map[string][]string {
	l := lexicon.Default()
	out := map[quiz.Kind]map[string][]string{}
	for _, k := range []quiz.Kind{quiz.KindCity, quiz.KindRegion} {
		out[k] = map[string][]string{}
		for _, v := range lexicon.List(k) {
			if _, c, ok := l.Place(v); ok && c != "" {
				out[k][c] = append(out[k][c], v)
			}
		}
	}
	return out
})

func rotate(cs []candidate, k int) []candidate {
	return append(append([]candidate{}, cs[k:]...), cs[:k]...)
}

// choose picks n candidates: near the article first, of similar length, no
// two aliases of each other, and not all shorter than the answer.
func choose(answer string, k quiz.Kind, cands []candidate, exclude map[string]bool, seed uint64, n int) []string {
	na := quiz.NormalizeAnswer(answer)
	type scored struct {
		candidate
		cost float64
	}
	var pool []scored
	seen := map[string]bool{na: true}
	ka := aliasKey(answer)
	sa := quiz.NormalizeAnswer(quiz.Surname(answer))
	if sa == "" && (k == quiz.KindPerson || k == "") && !strings.Contains(na, " ") {
		sa = na // a surname alone as the answer
	}
	la := float64(len(answer))
	for _, c := range cands {
		nc := c.norm
		if nc == "" {
			nc = quiz.NormalizeAnswer(c.text)
		}
		if nc == "" || seen[nc] || exclude[nc] || generic[nc] || containsWords(na, nc) || containsWords(nc, na) {
			continue
		}
		seen[nc] = true
		if (k == quiz.KindPerson || k == "") && sameSurname(sa, c.text, nc) || !nameLike(c.text, k) || strings.ContainsAny(c.text, "\"“”") || hasPronoun(c.text) {
			continue
		}
		if c.key != "" && c.key == ka || acronymOf(c.text, answer) || acronymOf(answer, c.text) {
			continue
		}
		if k == quiz.KindPerson && len(words(c.text)) < 2 {
			continue // a bare surname beside full names gives itself away
		}
		diff := math.Abs(float64(len(c.text))-la) / math.Max(la, 4)
		jitter := float64(hash64(c.text, seed)%1000) / 4000
		pool = append(pool, scored{c, float64(c.tier)*0.6 + diff*1.5 + jitter})
	}
	sort.SliceStable(pool, func(i, j int) bool { return pool[i].cost < pool[j].cost })
	var out []string
	for _, c := range pool {
		if len(out) == n {
			break
		}
		dup := false
		for _, o := range out {
			if alias(o, c.text, k) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, c.text)
		}
	}
	// The answer should not stand out as the longest option: if it is,
	// trade the last pick for the cheapest longer candidate.
	if len(out) == n && n > 0 && longest(answer, out) {
		for _, c := range pool {
			if len(c.text) >= len(answer) && !contains(out, c.text) {
				dup := false
				for _, o := range out[:n-1] {
					if alias(o, c.text, k) {
						dup = true
					}
				}
				if !dup && c.cost < 2.5 {
					out[n-1] = c.text
					break
				}
			}
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// longest reports whether answer is strictly longer than every option.
func longest(answer string, others []string) bool {
	for _, o := range others {
		if len(o) >= len(answer) {
			return false
		}
	}
	return true
}

// alias reports whether a and b name the same thing: equal once normalized,
// one contained in the other as words, or two people with one surname.
func alias(a, b string, k quiz.Kind) bool {
	na, nb := quiz.NormalizeAnswer(a), quiz.NormalizeAnswer(b)
	if na == nb {
		return true
	}
	if containsWords(na, nb) || containsWords(nb, na) {
		return true
	}
	if acronymOf(a, b) || acronymOf(b, a) {
		return true // "AFP" for "Agence France-Presse"
	}
	if aliasKey(a) == aliasKey(b) {
		return true // "Norway's Security Council" is the "Norwegian Security Council"
	}
	if k == quiz.KindPerson || k == "" {
		sa, sb := quiz.Surname(a), quiz.Surname(b)
		if sa != "" && strings.EqualFold(sa, sb) {
			return true
		}
		if sa != "" && strings.EqualFold(sa, b) || sb != "" && strings.EqualFold(sb, a) {
			return true
		}
	}
	return false
}

// acronymOf reports whether short is the acronym of long: "AFP" of "Agence
// France-Presse", "UN" of "United Nations" (small words skipped).
func acronymOf(short, long string) bool {
	short = strings.ReplaceAll(short, ".", "")
	if !isAcronym(short) || len(words(long)) < 2 && !strings.Contains(long, "-") {
		return false
	}
	var b strings.Builder
	for _, w := range strings.FieldsFunc(long, func(r rune) bool { return r == ' ' || r == '-' }) {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "de", "du", "la":
			continue
		}
		for _, r := range w {
			b.WriteRune(unicode.ToUpper(r))
			break
		}
	}
	return b.String() == short
}

// aliasKey writes a name with demonyms as their countries and without
// possessives, lower case: "Norwegian Security Council" and "Norway's
// Security Council" both give "norway security council".
func aliasKey(s string) string {
	l := lexicon.Default()
	ws := words(s)
	for i, w := range ws {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if c, ok := l.Nationality(w); ok && c != "" {
			w = c
		}
		ws[i] = strings.ToLower(w)
	}
	return strings.Join(ws, " ")
}

// sameSurname reports whether a candidate (text, normalized nc) shares the
// normalized surname sa, or is it.
func sameSurname(sa, text, nc string) bool {
	if sa == "" {
		return false
	}
	if nc == sa {
		return true
	}
	return quiz.NormalizeAnswer(quiz.Surname(text)) == sa
}

// containsWords reports whether the words of small appear together in big.
func containsWords(big, small string) bool {
	if small == "" || len(small) >= len(big) {
		return false
	}
	return strings.Contains(" "+big+" ", " "+small+" ")
}

func hash64(s string, seed uint64) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for i := range b {
		b[i] = byte(seed >> (8 * i))
	}
	h.Write(b[:])
	h.Write([]byte(s))
	return h.Sum64()
}

func months() []string {
	return []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
}

func weekdayPhrase(s string) bool {
	l := lexicon.Default()
	found := false
	for _, w := range words(s) {
		w = strings.Trim(w, ",.")
		switch {
		case l.Weekday(w):
			found = true
		case w == "and" || w == "or" || strings.EqualFold(w, "on") || strings.EqualFold(w, "next") || strings.EqualFold(w, "last"):
		default:
			return false
		}
	}
	return found
}

func monthPhrase(s string) bool {
	for _, w := range words(s) {
		if _, ok := lexicon.Default().Month(strings.Trim(w, ",.")); ok {
			return true
		}
	}
	return false
}

// swapWords makes candidates by replacing each word of s found in set with
// another member of set, keeping the rest ("Thursday and Friday" ->
// "Monday and Tuesday").
func swapWords(s string, set []string) []candidate {
	in := map[string]int{}
	for i, v := range set {
		in[v] = i
	}
	ws := words(s)
	var out []candidate
	for shift := 1; shift < len(set); shift++ {
		cp := make([]string, len(ws))
		copy(cp, ws)
		k := 0
		for i, w := range cp {
			core := strings.Trim(w, ",.")
			if j, ok := in[core]; ok {
				cp[i] = strings.Replace(w, core, set[(j+shift+k*3)%len(set)], 1)
				k++
			}
		}
		out = append(out, candidate{text: strings.Join(cp, " "), tier: 2})
	}
	return out
}

var numberRE = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen", "twenty"}

var ordinalWords = []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
	"seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}

// numberDistractors makes numbers near the answer's, in its format: digits
// or words, group commas, decimals, ordinal suffixes, and the words around
// it ("more than 50" -> "more than 40").
func numberDistractors(answer string, k quiz.Kind, seed uint64) []candidate {
	prefix, num, suffix, style, ok := splitNumber(answer)
	if !ok {
		return nil
	}
	var vals []float64
	decimals := 0
	if i := strings.IndexByte(num, '.'); i >= 0 {
		decimals = len(num) - i - 1
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		return nil
	}
	switch {
	case style == "year" || k == quiz.KindDate && v >= 1000 && v <= 2100 && decimals == 0:
		style = "year"
		for _, d := range []float64{-1, 1, -2, 2, -3, 3, -4, -5} {
			vals = append(vals, v+d)
		}
	case decimals > 0:
		step := math.Pow(10, -float64(decimals))
		delta := math.Max(step, math.Round(v*0.2/step)*step)
		for _, d := range []float64{-2, -1, 1, 2, 3, -3} {
			vals = append(vals, v+d*delta)
		}
	case v <= 12:
		for _, d := range []float64{-1, 1, 2, -2, 3, 4, -3} {
			vals = append(vals, v+d)
		}
	default:
		mag := math.Pow(10, math.Floor(math.Log10(v)))
		step := 1.0
		if v >= 100 {
			step = mag / 10
		}
		if math.Mod(v, 10) == 0 && v < 100 {
			step = 10
		}
		if v >= 100 && math.Mod(v, mag) == 0 {
			step = mag / 2
		}
		delta := math.Max(step, math.Round(v*0.15/step)*step)
		for _, d := range []float64{-1, 1, 2, -2, 3, -3} {
			vals = append(vals, v+d*delta)
		}
	}
	var out []candidate
	for i, x := range vals {
		if x <= 0 || x == v || x == 1 && strings.TrimSpace(suffix) != "" {
			continue // "1 days"
		}
		if style == "ordinal-word" && int(x) >= len(ordinalWords) || style == "word" && int(x) >= len(numberWords) {
			continue
		}
		s := formatNumber(x, decimals, style, strings.Contains(num, ","))
		if prefix == "" && isCapitalized(answer) {
			s = capitalize(s) // "Three" at the start of a sentence
		}
		// Earlier deltas are nearer; the rest are tie-broken by the seed in
		// choose, through the candidates' text.
		_ = i
		out = append(out, candidate{text: prefix + s + suffix, tier: 2})
	}
	return out
}

// splitNumber finds the number in s: digits, a number word or an ordinal.
func splitNumber(s string) (prefix, num, suffix, style string, ok bool) {
	if loc := numberRE.FindStringIndex(s); loc != nil {
		num = s[loc[0]:loc[1]]
		rest := s[loc[1]:]
		style = "digits"
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if strings.HasPrefix(rest, suf) {
				style = "ordinal-suffix"
				rest = rest[len(suf):]
			}
		}
		return s[:loc[0]], num, rest, style, true
	}
	ws := words(s)
	for i, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ",."))
		for j, nw := range numberWords {
			if lw == nw {
				return joinPrefix(ws[:i]), strconv.Itoa(j), joinSuffix(ws[i+1:]), "word", true
			}
		}
		for j, ow := range ordinalWords {
			if lw == ow && j > 0 {
				return joinPrefix(ws[:i]), strconv.Itoa(j), joinSuffix(ws[i+1:]), "ordinal-word", true
			}
		}
	}
	return "", "", "", "", false
}

func joinPrefix(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	return strings.Join(ws, " ") + " "
}

func joinSuffix(ws []string) string {
	if len(ws) == 0 {
		return ""
	}
	return " " + strings.Join(ws, " ")
}

func formatNumber(x float64, decimals int, style string, commas bool) string {
	switch style {
	case "word":
		return numberWords[int(x)]
	case "ordinal-word":
		return ordinalWords[int(x)]
	case "ordinal-suffix":
		n := int(x)
		suf := "th"
		switch {
		case n%100 >= 11 && n%100 <= 13:
		case n%10 == 1:
			suf = "st"
		case n%10 == 2:
			suf = "nd"
		case n%10 == 3:
			suf = "rd"
		}
		return strconv.Itoa(n) + suf
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if commas && style != "year" {
		s = groupThousands(s)
	}
	return s
}

func groupThousands(s string) string {
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + frac
}
