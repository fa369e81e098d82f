package generate

// This file chooses the wrong options of a multiple-choice question: values
// of the answer's kind from the same article first, then from other
// articles (the pool), then from the lexicons (cities of the same country,
// countries, weekdays, months), and numbers near the answer's in its
// format. An option that is also right, an alias of the answer or of
// another option, or a word of the question is never offered.

import (
	"hash/fnv"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

// Pool holds named values of other articles by kind, for distractors. Build
// it once for a batch of articles with NewPool and add each article's facts
// as it is processed; it is not safe for concurrent writes.
type Pool struct {
	byKind map[quiz.Kind][]poolValue
	seen   map[string]bool
	max    int
}

type poolValue struct {
	text, norm string
}

// NewPool returns a pool of at most max values per kind (0 for a default
// of 2,000), filled from facts.
func NewPool(max int, facts []quiz.Fact) *Pool {
	if max <= 0 {
		max = 2000
	}
	p := &Pool{byKind: map[quiz.Kind][]poolValue{}, seen: map[string]bool{}, max: max}
	p.Add(facts)
	return p
}

// Add adds the named values of facts: people with full names,
// organizations, places and named things.
func (p *Pool) Add(facts []quiz.Fact) {
	if p == nil {
		return
	}
	for _, f := range facts {
		p.add(f.Subject, f.SubjectKind)
		p.add(f.Object, f.ObjectKind)
	}
}

func (p *Pool) add(text string, k quiz.Kind) {
	switch k {
	case quiz.KindPerson:
		if len(strings.Fields(text)) < 2 {
			return
		}
	case quiz.KindOrganization, quiz.KindCity, quiz.KindCountry, quiz.KindRegion, quiz.KindPlace, quiz.KindMisc:
	default:
		return
	}
	if len(p.byKind[k]) >= p.max || text == "" || !startsUpper(text) {
		return
	}
	n := quiz.NormalizeAnswer(text)
	key := string(k) + "\x00" + n
	if n == "" || p.seen[key] {
		return
	}
	p.seen[key] = true
	p.byKind[k] = append(p.byKind[k], poolValue{text, n})
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// option is a candidate wrong option; tier orders sources (article first).
type option struct {
	text string
	tier int
}

// distractors returns n wrong options for answer (of kind k): local are the
// article's values of that kind, exclude the normalized values that are
// also right or would give the answer away.
func (g *Generator) distractors(answer string, k quiz.Kind, local []string, exclude map[string]bool, pool *Pool, seed uint64, n int) []string {
	var cands []option
	for _, v := range local {
		if numericKind(k) && !sameScale(answer, v) {
			continue // "9,753" beside "Three" gives the answer away
		}
		if k == quiz.KindDate && dateShape(g.lx, v) != dateShape(g.lx, answer) {
			continue // a month beside years
		}
		cands = append(cands, option{v, 0})
	}
	switch k {
	case quiz.KindCount, quiz.KindMoney, quiz.KindPercent, quiz.KindAge, quiz.KindDuration, quiz.KindOrdinal, quiz.KindTime:
		cands = append(cands, numberOptions(answer, k)...)
	case quiz.KindDate:
		if monthOnly(g.lx, answer) {
			cands = append(cands, swapped(answer, monthNames, 2)...)
		} else {
			cands = append(cands, numberOptions(answer, k)...)
		}
	case quiz.KindWeekday:
		cands = append(cands, swapped(answer, weekdayNames, 2)...)
	case quiz.KindCity:
		cands = append(cands, g.citiesNear(answer)...)
	case quiz.KindCountry:
		cands = append(cands, lexSample(g.lx.List(quiz.KindCountry), answer, seed, 30)...)
	case quiz.KindRegion:
		cands = append(cands, lexSample(g.lx.List(quiz.KindRegion), answer, seed, 30)...)
	}
	// Names from other stories make no sense in this one's questions:
	// people, organizations and named things come from the article itself.
	if pool != nil && !localOnly(k) {
		for _, v := range pool.byKind[k] {
			cands = append(cands, option{v.text, 1})
		}
	}
	// Options look like the answer: no digits beside a name, a person's full
	// name beside a full name.
	digits := strings.ContainsAny(answer, "0123456789")
	kept := cands[:0]
	for _, c := range cands {
		if strings.ContainsAny(c.text, "0123456789") != digits || named(k) && strings.ContainsAny(c.text, ",;()") {
			continue
		}
		if k == quiz.KindOrganization && !g.orgLike(c.text) {
			continue // a film or a person the recognizer took for a company
		}
		if k == quiz.KindPerson && !g.personLike(c.text) {
			continue // "Maple Field", "Orchard Park" among people
		}
		kept = append(kept, c)
	}
	if k == quiz.KindCountry {
		kept = g.oneNamePerCountry(answer, kept)
	}
	return choose(answer, k, kept, exclude, seed, n)
}

// oneNamePerCountry keeps the first of the options naming one country
// ("Britain", "England", "United Kingdom"), and none naming the answer's:
// two right answers, or one, among the options.
func (g *Generator) oneNamePerCountry(answer string, cands []option) []option {
	country := func(name string) string {
		if _, c, ok := g.lx.Place(name); ok && c != "" {
			return c
		}
		for _, aka := range g.lx.CountryNames(name) {
			if _, c, ok := g.lx.Place(aka); ok && c != "" {
				return c
			}
		}
		return name
	}
	seen := map[string]bool{country(answer): true}
	kept := cands[:0]
	for _, c := range cands {
		key := country(c.text)
		if seen[key] {
			continue
		}
		seen[key] = true
		kept = append(kept, c)
	}
	return kept
}

// orgLike reports a name shaped like an organization's: with a word that
// ends organizations' names ("Ministry", "Inc."), known as one, or an
// acronym ("NATO").
func (g *Generator) orgLike(name string) bool {
	if g.lx.Org(name) {
		return true
	}
	ws := strings.Fields(name)
	for _, w := range ws {
		if g.lx.OrgWord(strings.Trim(w, ".,")) || institutionWords[w] {
			return true
		}
	}
	if len(ws) == 1 && len(name) >= 2 && len(name) <= 6 && strings.ToUpper(name) == name {
		return true
	}
	return false
}

// personLike reports a name that can be a person's: not a place, an
// organization or a thing by its words.
func (g *Generator) personLike(name string) bool {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return false
	}
	for i, w := range ws {
		if g.lx.OrgWord(w) || placeHeads[w] {
			return false
		}
		// Every word a capitalized name or an initial ("J."), but for
		// particles inside ("Ludwig van Beethoven"): not "Smith v. Jones".
		if strings.HasSuffix(w, ".") && !(len([]rune(w)) == 2 && i < len(ws)-1) {
			return false
		}
		if !startsUpper(w) && !(i > 0 && i < len(ws)-1 && nameParticles[w]) {
			return false
		}
	}
	if _, _, ok := g.lx.Place(name); ok {
		return false
	}
	return true
}

// nameParticles are the lower-case words inside people's names.
var nameParticles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "da": true, "di": true, "du": true, "la": true, "le": true, "bin": true, "al": true, "el": true, "y": true}

// placeHeads are capitalized words that end names of places and events.
var placeHeads = map[string]bool{
	"Park": true, "Street": true, "Square": true, "Fest": true, "Festival": true, "Center": true,
	"Centre": true, "Hall": true, "Stadium": true, "Field": true, "Bridge": true, "River": true,
	"Lake": true, "Road": true, "Avenue": true, "Dame": true, "Bowl": true, "Cup": true, "Media": true,
	"Times": true, "Post": true, "News": true, "Report": true, "Act": true, "Law": true, "Rule": true,
	"Boulevard": true, "Lane": true, "Arena": true, "Airport": true, "Station": true, "Hospital": true,
	"University": true, "College": true, "School": true, "Church": true, "Cathedral": true, "Museum": true,
	"Library": true, "Mountain": true, "Island": true, "Bay": true, "Beach": true, "Theater": true,
	"Theatre": true, "Tower": true, "Building": true, "Plaza": true, "Garden": true, "Gardens": true,
	"Valley": true, "County": true, "Institute": true, "Memorial": true, "Palace": true, "Castle": true,
	"Harbor": true, "Harbour": true, "Dam": true, "Canal": true, "Highway": true, "Trail": true,
}

// named reports kinds of named entities.
func named(k quiz.Kind) bool {
	switch k {
	case quiz.KindPerson, quiz.KindOrganization, quiz.KindCity, quiz.KindCountry, quiz.KindRegion, quiz.KindPlace, quiz.KindMisc:
		return true
	}
	return false
}

// dateShape classifies a date by what it names: a year, a month, a day of
// a month, or a full date.
func dateShape(lx *lexicon.Lexicon, s string) string {
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	month, year, day := false, false, false
	for _, w := range f {
		switch {
		case isDigits(w) && len(w) == 4:
			year = true
		case isDigits(strings.TrimRight(w, "stndrh")):
			day = true
		default:
			if _, ok := lx.Month(w); ok {
				month = true
			}
		}
	}
	switch {
	case month && day && year:
		return "full"
	case month && day:
		return "monthday"
	case month && year:
		return "monthyear"
	case month:
		return "month"
	case year:
		return "year"
	}
	return "other"
}

// localOnly reports kinds whose wrong options must come from the article.
func localOnly(k quiz.Kind) bool {
	switch k {
	case quiz.KindPerson, quiz.KindOrganization, quiz.KindMisc, quiz.KindCity, quiz.KindPlace, quiz.KindRegion:
		return true // a city of another story beside this one's reads oddly; the lexicon gives cities near it
	}
	return false
}

// numericKind reports kinds whose values are numbers.
func numericKind(k quiz.Kind) bool {
	switch k {
	case quiz.KindCount, quiz.KindMoney, quiz.KindPercent, quiz.KindAge, quiz.KindDuration, quiz.KindOrdinal, quiz.KindTime, quiz.KindScore:
		return true
	}
	return false
}

// sameScale reports whether two numeric values are written alike (digits or
// words) and within a factor of four of each other.
func sameScale(a, b string) bool {
	_, na, sa, stA, okA := splitNumber(a)
	_, nb, sb, stB, okB := splitNumber(b)
	if !okA || !okB || stA != stB || strings.TrimSpace(sa) != strings.TrimSpace(sb) {
		return false
	}
	x, err1 := strconv.ParseFloat(strings.ReplaceAll(na, ",", ""), 64)
	y, err2 := strconv.ParseFloat(strings.ReplaceAll(nb, ",", ""), 64)
	if err1 != nil || err2 != nil || x <= 0 || y <= 0 {
		return false
	}
	r := x / y
	return r <= 4 && r >= 0.25
}

// choose picks n options, nearest source first, similar in length to the
// answer, no two aliases of each other.
func choose(answer string, k quiz.Kind, cands []option, exclude map[string]bool, seed uint64, n int) []string {
	na := quiz.NormalizeAnswer(answer)
	type scored struct {
		option
		cost float64
	}
	var pool []scored
	seen := map[string]bool{na: true}
	la := float64(len(answer))
	for _, c := range cands {
		nc := quiz.NormalizeAnswer(c.text)
		if nc == "" || seen[nc] || exclude[nc] || alias(answer, c.text, k) {
			continue
		}
		seen[nc] = true
		if k == quiz.KindPerson && len(strings.Fields(c.text)) < 2 && len(strings.Fields(answer)) >= 2 {
			continue // a bare surname beside full names gives itself away
		}
		diff := math.Abs(float64(len(c.text))-la) / math.Max(la, 4)
		jitter := float64(hash64(c.text, seed)%1000) / 4000
		pool = append(pool, scored{c, float64(c.tier)*0.8 + diff*1.2 + jitter})
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
	return out
}

// alias reports whether a and b name the same thing: equal once normalized,
// one contained in the other as words, an acronym of the other, or two
// people with one surname.
func alias(a, b string, k quiz.Kind) bool {
	na, nb := quiz.NormalizeAnswer(a), quiz.NormalizeAnswer(b)
	if na == nb || containsWords(na, nb) || containsWords(nb, na) {
		return true
	}
	if isAcronymOf(a, b) || isAcronymOf(b, a) {
		return true
	}
	if k == quiz.KindPerson {
		sa, sb := quiz.Surname(a), quiz.Surname(b)
		if sa != "" && strings.EqualFold(sa, sb) {
			return true
		}
	}
	return false
}

// isAcronymOf reports whether short is made of the initials of long's
// words ("UN" of "United Nations").
func isAcronymOf(short, long string) bool {
	short = strings.ReplaceAll(short, ".", "")
	if len(short) < 2 || strings.ToUpper(short) != short || len(strings.Fields(long)) < 2 {
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

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// monthOnly reports a date that names a month without a day or year.
func monthOnly(lx *lexicon.Lexicon, s string) bool {
	f := strings.Fields(s)
	if len(f) != 1 {
		return false
	}
	_, ok := lx.Month(f[0])
	return ok
}

// swapped makes options by replacing each word of s that is in set with
// another member of set ("Thursday and Friday" -> "Monday and Tuesday").
func swapped(s string, set []string, tier int) []option {
	in := map[string]int{}
	for i, v := range set {
		in[v] = i
	}
	ws := strings.Fields(s)
	var out []option
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
		out = append(out, option{strings.Join(cp, " "), tier})
	}
	return out
}

// citiesNear returns cities of the answer's country from the lexicon.
func (g *Generator) citiesNear(answer string) []option {
	_, country, ok := g.lx.Place(answer)
	if !ok || country == "" {
		return nil
	}
	var out []option
	for _, c := range g.citiesOf[country] {
		out = append(out, option{c, 2})
	}
	return out
}

// lexSample returns n names of list, chosen by seed, as options.
func lexSample(list []string, answer string, seed uint64, n int) []option {
	if len(list) == 0 {
		return nil
	}
	var out []option
	start := int(seed % uint64(len(list)))
	for i := 0; i < len(list) && len(out) < n; i++ {
		v := list[(start+i*7)%len(list)]
		if v != answer {
			out = append(out, option{v, 3})
		}
	}
	return out
}

var numberRE = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)

var numberWordList = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen", "twenty"}

var ordinalWordList = []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
	"seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}

// numberOptions makes numbers near the answer's, in its format: digits or
// words, group commas, decimals, ordinal suffixes, and the words around it
// ("$12 billion" -> "$10 billion").
func numberOptions(answer string, k quiz.Kind) []option {
	prefix, num, suffix, style, ok := splitNumber(answer)
	if !ok {
		return nil
	}
	decimals := 0
	if i := strings.IndexByte(num, '.'); i >= 0 {
		decimals = len(num) - i - 1
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		return nil
	}
	var vals []float64
	switch {
	case k == quiz.KindDate && v >= 1000 && v <= 2100 && decimals == 0:
		style = "year"
		for _, d := range []float64{-2, 3, -5, 4, -1, 1} {
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
	dayOfDate := k == quiz.KindDate && style != "year" && v >= 1 && v <= 31
	var out []option
	for _, x := range vals {
		if x <= 0 || x == v || x == 1 && strings.TrimSpace(suffix) != "" && style != "ordinal-suffix" {
			continue // "1 days"
		}
		if dayOfDate && x > 28 {
			continue // "32 February": no month has it, and 29-31 not every one
		}
		if style == "ordinal-word" && int(x) >= len(ordinalWordList) || style == "word" && int(x) >= len(numberWordList) {
			continue
		}
		s := formatNumber(x, decimals, style, strings.Contains(num, ","))
		if prefix == "" && startsUpper(answer) && !unicode.IsDigit(rune(answer[0])) {
			s = capitalize(s)
		}
		out = append(out, option{prefix + s + suffix, 2})
	}
	return out
}

// splitNumber finds the number in s: digits, a number word or an ordinal.
func splitNumber(s string) (prefix, num, suffix, style string, ok bool) {
	if loc := numberRE.FindStringIndex(s); loc != nil {
		for loc[1] > loc[0] && (s[loc[1]-1] == ',' || s[loc[1]-1] == '.') {
			loc[1]-- // "15," of "Sept. 15, 1939": the comma is the date's
		}
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
	ws := strings.Fields(s)
	for i, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ",."))
		for j, nw := range numberWordList {
			if lw == nw {
				return joinPrefix(ws[:i]), strconv.Itoa(j), joinSuffix(ws[i+1:]), "word", true
			}
		}
		for j, ow := range ordinalWordList {
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
		return numberWordList[int(x)]
	case "ordinal-word":
		return ordinalWordList[int(x)]
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
