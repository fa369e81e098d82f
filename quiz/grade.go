package quiz

// This file grades a learner's answer against a question: tolerant of case,
// punctuation, leading articles, number words, common written variants
// ("49%" and "49 per cent", "5-year" and "five-year", "U.S." and "US") and of
// typos in any word by an edit distance that grows with the word's length;
// strict about numbers and dates.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Result is the verdict on one answer.
type Result int

// Verdicts, worst first.
const (
	// Wrong means the answer does not match.
	Wrong Result = iota
	// Close means the answer is a near miss, such as a misspelt name.
	Close
	// Correct means the answer matches an accepted answer.
	Correct
)

// String returns "wrong", "close" or "correct".
func (r Result) String() string {
	switch r {
	case Correct:
		return "correct"
	case Close:
		return "close"
	}
	return "wrong"
}

// Grade judges the answer given to q. A multiple choice or true/false answer
// must name an option (case and punctuation ignored). Other answers are
// compared with q.Answer and q.Accepted after normalization (NormalizeAnswer):
// a person's surname alone is accepted, numbers must be equal (number words
// count as digits, "50" matches "more than 50"), and a misspelling within a
// small edit distance of a word answer is Close.
func Grade(q Question, given string) Result {
	g := NormalizeAnswer(given)
	if g == "" {
		return Wrong
	}
	switch q.Type {
	case MultipleChoice:
		return gradeChoice(q, g)
	case TrueFalse:
		return gradeTrueFalse(q, g)
	}
	best := Wrong
	exact := exactKinds[q.AnswerKind]
	for _, a := range accepted(q) {
		if r := gradeText(NormalizeAnswer(a), g, exact); r > best {
			best = r
		}
		if best == Correct {
			return best
		}
	}
	if q.AnswerKind == KindPerson && best < Correct {
		// The surname alone names the person, even if the generator did not
		// list it.
		if s := Surname(q.Answer); s != "" {
			if r := gradeText(NormalizeAnswer(s), g, exact); r > best {
				best = r
			}
		}
	}
	return best
}

func accepted(q Question) []string {
	out := make([]string, 0, len(q.Accepted)+1)
	if q.Answer != "" {
		out = append(out, q.Answer)
	}
	return append(out, q.Accepted...)
}

func gradeChoice(q Question, g string) Result {
	// A single letter picks an option by its position: "b" is the second.
	if len(g) == 1 && g[0] >= 'a' && g[0] <= 'z' && len(q.Options) > 1 {
		if i := int(g[0] - 'a'); i < len(q.Options) {
			g = NormalizeAnswer(q.Options[i])
		}
	}
	want := NormalizeAnswer(q.Answer)
	if g == want {
		return Correct
	}
	// Anything but the answer's option is wrong: choosing is not spelling.
	return Wrong
}

func gradeTrueFalse(q Question, g string) Result {
	switch g {
	case "t", "yes", "y":
		g = "true"
	case "f", "no", "n":
		g = "false"
	}
	if g == NormalizeAnswer(q.Answer) {
		return Correct
	}
	return Wrong
}

// exactKinds are the kinds of answer graded without typo tolerance: a date
// or a time misspelt is another date ("June" and "July" differ by two
// letters), and a weekday is a choice among seven.
var exactKinds = map[Kind]bool{KindDate: true, KindWeekday: true, KindTime: true, KindScore: true}

// gradeText compares a normalized given answer with one normalized accepted
// answer. Numbers must be equal; the words around them, and answers without
// numbers, may hold typos within typoBudget (Close), unless exact.
func gradeText(want, g string, exact bool) Result {
	if want == "" {
		return Wrong
	}
	if g == want {
		return Correct
	}
	wn, gn := numbersIn(want), numbersIn(g)
	if len(wn) > 0 || len(gn) > 0 {
		// Numbers are compared exactly: the given numbers must be the
		// answer's, and its other words a subset of the answer's words
		// ("50" and "50 days" for "more than 50 days").
		if !sameNumbers(wn, gn) {
			return Wrong
		}
		words := dropQualifiers(nonNumbers(g))
		if wordsSubset(words, nonNumbers(want)) {
			return Correct
		}
		if !exact && wordsNear(words, nonNumbers(want)) {
			return Close // "50 adys" for "50 days"
		}
		return Wrong
	}
	if exact {
		return Wrong
	}
	d := Distance(g, want)
	if d <= typoBudget(want) {
		return Close
	}
	return Wrong
}

// typoBudget is the largest edit distance still Close for an answer: none for
// very short answers, one edit up to 8 characters, then one per 6 more.
func typoBudget(want string) int {
	n := len([]rune(want))
	switch {
	case n < 4:
		return 0
	case n <= 8:
		return 1
	}
	return 1 + (n-8)/6
}

// NormalizeAnswer lower-cases s, turns punctuation into spaces (keeping
// decimal points and digit group commas), drops leading articles, writes
// number words as digits ("seventy-one" -> "71", "third" -> "3rd") and
// collapses white space.
func NormalizeAnswer(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case (r == '.' || r == ',') && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			if r == '.' {
				b.WriteRune(r)
			} // a digit group comma disappears: "27,403" = "27403"
		case r == '\'' || r == '’':
			// "Russia's" -> "russias" would not match "russia"; drop the
			// possessive instead.
			if i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) {
				continue
			}
		case r == '%':
			b.WriteString(" percent ")
		case r == '$':
			b.WriteString(" dollars ")
		default:
			b.WriteByte(' ')
		}
	}
	words := variants(strings.Fields(b.String()))
	for len(words) > 1 && (words[0] == "the" || words[0] == "a" || words[0] == "an") {
		words = words[1:]
	}
	words = numberWordsToDigits(words)
	return strings.Join(words, " ")
}

// spellings maps written variants to one form: "per cent" and "pct" are
// "percent", "&" was already a space and "and" is kept.
var spellings = map[string]string{"pct": "percent", "per cent": "percent", "usd": "dollars",
	"dollar": "dollars", "yrs": "years", "yr": "year", "mln": "million", "bn": "billion"}

// variants writes common variants of words one way: "per cent" as
// "percent", and runs of single letters as one word ("u s" from "U.S."
// becomes "us").
func variants(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		if i+1 < len(words) {
			if v, ok := spellings[w+" "+words[i+1]]; ok {
				out = append(out, v)
				i++
				continue
			}
		}
		if v, ok := spellings[w]; ok {
			out = append(out, v)
			continue
		}
		if isLetter(w) && i+1 < len(words) && isLetter(words[i+1]) {
			j := i
			var b strings.Builder
			for j < len(words) && isLetter(words[j]) {
				b.WriteString(words[j])
				j++
			}
			out = append(out, b.String())
			i = j - 1
			continue
		}
		out = append(out, w)
	}
	return out
}

// isLetter reports whether w is a single letter other than "a", which is
// an article ("a b" is not an initialism worth joining).
func isLetter(w string) bool {
	return utf8.RuneCountInString(w) == 1 && w != "a" && unicode.IsLetter([]rune(w)[0])
}

var units = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var scales = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
	"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
	"fiftieth": 50, "hundredth": 100,
}

// numberWordsToDigits rewrites runs of number words ("seventy one", "one
// hundred and five", "two million") as digits, and ordinal words as "3rd".
// Scale words after digits stay words ("1.7 billion").
func numberWordsToDigits(words []string) []string {
	// Split hyphenated number words first: "seventy-one" arrives as two
	// words already, since '-' became a space.
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		if o, ok := ordinals[words[i]]; ok {
			out = append(out, ordinalSuffix(o))
			i++
			continue
		}
		n, used := parseNumberWords(words[i:])
		if used == 0 {
			out = append(out, words[i])
			i++
			continue
		}
		out = append(out, strconv.Itoa(n))
		i += used
	}
	return out
}

// parseNumberWords reads the longest number at the start of ws and returns
// its value and the words used (0 when ws does not start with one). A lone
// "a" or "and" is never a number.
func parseNumberWords(ws []string) (int, int) {
	total, cur, used, seen := 0, 0, 0, false
	for i, w := range ws {
		if v, ok := units[w]; ok {
			cur += v
		} else if v, ok := tens[w]; ok {
			cur += v
		} else if v, ok := scales[w]; ok && seen {
			if v == 100 {
				cur *= v
			} else {
				total += cur * v
				cur = 0
			}
		} else if w == "and" && seen && i+1 < len(ws) {
			if _, ok := units[ws[i+1]]; !ok {
				if _, ok := tens[ws[i+1]]; !ok {
					break
				}
			}
			continue
		} else {
			break
		}
		seen = true
		used = i + 1
	}
	if !seen {
		return 0, 0
	}
	return total + cur, used
}

func ordinalSuffix(n int) string {
	s := strconv.Itoa(n)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}

// numbersIn returns the normalized words of s that contain a digit.
func numbersIn(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			out = append(out, w)
		}
	}
	return out
}

func nonNumbers(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsDigit) < 0 {
			out = append(out, w)
		}
	}
	return out
}

// qualifiers are words a learner may add to a number without changing it:
// "about 50", "more than 50", "66 years old".
var qualifiers = map[string]bool{
	"about": true, "around": true, "approximately": true, "roughly": true, "nearly": true,
	"almost": true, "some": true, "over": true, "more": true, "than": true, "at": true,
	"least": true, "up": true, "to": true, "under": true, "less": true, "fewer": true,
	"year": true, "years": true, "old": true,
}

func dropQualifiers(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !qualifiers[w] {
			out = append(out, w)
		}
	}
	return out
}

func sameNumbers(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func wordsSubset(sub, of []string) bool {
	set := make(map[string]bool, len(of))
	for _, w := range of {
		set[w] = true
		set[strings.TrimSuffix(w, "s")] = true
	}
	for _, w := range sub {
		if !set[w] && !set[strings.TrimSuffix(w, "s")] {
			return false
		}
	}
	return true
}

// wordsNear reports whether every word of sub is, but for a typo within the
// word's budget, a word of of.
func wordsNear(sub, of []string) bool {
	for _, w := range sub {
		near := false
		for _, o := range of {
			if Distance(w, o) <= typoBudget(o) {
				near = true
				break
			}
		}
		if !near {
			return false
		}
	}
	return true
}

// Surname returns the last word of a person's name, skipping suffixes such
// as "Jr." and "III"; "" when the name is a single word.
func Surname(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 {
		last := strings.TrimRight(strings.ToLower(ws[len(ws)-1]), ".,")
		switch last {
		case "jr", "sr", "ii", "iii", "iv":
			ws = ws[:len(ws)-1]
			continue
		}
		return strings.Trim(ws[len(ws)-1], ",")
	}
	return ""
}

// Distance returns the optimal string alignment (restricted
// Damerau-Levenshtein) distance between a and b, counted in runes:
// insertions, deletions, substitutions and transpositions of neighbours.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n, m := len(ra), len(rb)
	if n == 0 {
		return m
	}
	if m == 0 {
		return n
	}
	// Three rows suffice: the transposition looks two rows back.
	prev2 := make([]int, m+1)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		for j := 1; j <= m; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m]
}
