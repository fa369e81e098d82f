package clean

import (
	"regexp"
	"strings"
	"unicode"

	"factdeck/quiz"
)

// headZone is how many paragraphs from the top are searched for the
// headline; real pages put it within the first few.
const headZone = 6

// build assembles the article from its paragraphs. given is a title a person
// supplied, htmlTitle the page's own <h1> or <title>; either may be empty.
func build(paras []string, given, htmlTitle string) quiz.Article {
	paras = dropFurniture(paras)
	before := len(paras)
	paras = dedupe(paras)
	var a quiz.Article
	a.Repeated = before - len(paras)
	bodyStart := 0
	switch {
	case given != "":
		a.Title = given
		paras = dropKey(paras, key(given))
	case htmlTitle != "":
		a.Title = htmlTitle
		paras = dropKey(paras, key(htmlTitle))
		if i := findTitle(paras); i >= 0 && overlap(paras[i], htmlTitle) > 0.6 {
			paras = append(paras[:i:i], paras[i+1:]...)
		}
	default:
		if t := findTitle(paras); t >= 0 {
			a.Title = paras[t]
			// Prose before the headline is a summary the page put on top.
			var summary []string
			for _, p := range paras[:t] {
				if isProse(p) {
					summary = append(summary, p)
				}
			}
			a.Standfirst = strings.Join(summary, " ")
			bodyStart = t + 1
		}
	}
	body := paras[bodyStart:]
	// Before the first prose paragraph, headline-like lines are navigation.
	// Where the text starts with a dateline, whatever stands before it is
	// page furniture (captions, links).
	start := 0
	for start < len(body) && start < headZone && !isProse(body[start]) {
		start++
	}
	if start == len(body) || start == headZone {
		start = 0
	}
	for i := start; i < len(body) && i < headZone; i++ {
		if dateline.MatchString(body[i]) {
			start = i
			break
		}
	}
	for _, p := range body[start:] {
		if isHeadline(p) && !isProse(p) && len(words(p)) <= 14 && !strings.HasSuffix(p, ":") {
			// Subheads and related-story links carry no facts to ask about.
			continue
		}
		a.Paragraphs = append(a.Paragraphs, p)
	}
	if a.Title == "" && len(a.Paragraphs) > 0 {
		a.Title = leadTitle(a.Paragraphs[0])
	}
	return a
}

// findTitle returns the index of the headline among the first paragraphs, or
// -1: the headline-like line sharing most words with the body, a repeated
// one first.
func findTitle(paras []string) int {
	best, bestScore := -1, 0.0
	body := strings.Join(firstProse(paras, 12), " ")
	for i := 0; i < len(paras) && i < headZone; i++ {
		p := paras[i]
		if !isHeadline(p) {
			continue
		}
		// Short kickers ("Test Series v India") share words with the body
		// too; a headline is usually longer.
		score := overlap(p, body) * min(1, float64(len(words(p)))/7)
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if bestScore < 0.3 {
		return -1
	}
	return best
}

func firstProse(paras []string, n int) []string {
	var out []string
	for _, p := range paras {
		if isProse(p) {
			out = append(out, p)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// overlap is the share of a's content words that occur in b.
func overlap(a, b string) float64 {
	bw := make(map[string]bool)
	for _, w := range contentWords(b) {
		bw[stem(w)] = true
	}
	n, hit := 0, 0
	for _, w := range contentWords(a) {
		n++
		if bw[stem(w)] {
			hit++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hit) / float64(n)
}

// contentWords returns the words of s that carry meaning, hyphenated
// compounds split ("Russia-Ukraine" gives "Russia" and "Ukraine").
func contentWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		for _, part := range strings.Split(w, "-") {
			if part != "" && !stopword(part) {
				out = append(out, part)
			}
		}
	}
	return out
}

// stem folds case, possessives and a plural -s so that "Talks" meets "talk".
func stem(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w
}

var stopwords = toSet(`a an the and or but of in on at to for from by with as is are was were be been
it its this that these those into over after before amid amidst than then not no new`)

func stopword(w string) bool { return stopwords[strings.ToLower(w)] }

func toSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isHeadline reports whether p looks like a headline: a short line that does
// not end like a sentence (a question or exclamation may end a headline), or
// that is set in title case.
func isHeadline(p string) bool {
	ws := words(p)
	if len(ws) == 0 || len(ws) > 25 || len(p) > 220 {
		return false
	}
	if endsSentence(p) && !strings.HasSuffix(strings.TrimRight(p, "\"'”’ "), "?") && !strings.HasSuffix(strings.TrimRight(p, "\"'”’ "), "!") && !titleCase(ws) {
		return false
	}
	if quoted(p) && !quoteKicker.MatchString(p) {
		return false // a pull quote, unless a headline follows it
	}
	if strings.HasSuffix(p, ",") || strings.HasSuffix(p, ";") {
		return false
	}
	return true
}

// titleCase reports whether most content words start with a capital.
func titleCase(ws []string) bool {
	n, caps := 0, 0
	for _, w := range ws {
		if stopword(w) {
			continue
		}
		n++
		r := []rune(w)[0]
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return n >= 3 && caps*10 >= n*8
}

// isProse reports whether p reads like body text: sentences, or a long run
// of words.
func isProse(p string) bool {
	n := len(words(p))
	if n >= 30 {
		return true
	}
	return n >= 5 && endsSentence(p) && !titleCase(words(p))
}

// dateline matches the place line of wire copy: "LIMA (Reuters) - ",
// "PORTLAND, Maine -- ", "OSLO, Norway/BERGEN (AP) - ".
var dateline = regexp.MustCompile(`^(\p{Lu}[\p{Lu} .'’/-]{1,40}(?:, [\p{L}\d./ ]{2,30})?(?:\s*\([^)]{2,40}\))?\s*(?:--|[-–—])\s+)\S`)

// quoted reports whether p is a quotation: it opens with a quote mark.
// quoteKicker matches a headline led by a quotation: "'Every day
// counts': the nurse who ...".
var quoteKicker = regexp.MustCompile(`^["“'‘][^"“”'‘’]{2,80}["”'’]\s*:\s+\S+\s+\S+\s+\S+`)

func quoted(p string) bool {
	return strings.HasPrefix(p, "\"") || strings.HasPrefix(p, "“") || strings.HasPrefix(p, "'") || strings.HasPrefix(p, "‘")
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = toSet(`mr mrs ms dr st jr sr gov sen rep gen col lt sgt capt prof rev hon pres
jan feb mar apr jun jul aug sep sept oct nov dec no vs inc corp co ltd bros
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo`)

// leadTitle makes a title from the lead paragraph of an article that has
// none: its first sentence without the dateline, cut at a word boundary.
func leadTitle(lead string) string {
	if loc := dateline.FindStringSubmatchIndex(lead); loc != nil {
		lead = lead[loc[3]:]
	}
	lead = strings.TrimSpace(lead)
	if i := sentenceEnd(lead); i > 0 {
		if t := cutTitle(lead[:i]); t != "" {
			return t
		}
	}
	if t := cutTitle(lead); t != "" {
		return t
	}
	return lead // only punctuation: still a title, not none
}

// cutTitle is s in at most 12 words without a final full stop.
func cutTitle(s string) string {
	ws := strings.Fields(s)
	if len(ws) > 12 {
		return strings.Join(ws[:12], " ") + "…"
	}
	return strings.TrimRight(strings.Join(ws, " "), ".")
}

// sentenceEnd returns the index just past the first sentence's full stop,
// or -1.
func sentenceEnd(s string) int {
	for i := 0; i < len(s)-1; i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			prev := strings.LastIndexByte(s[:i], ' ')
			tok := s[prev+1 : i]
			if tok != "" && ((len(tok) <= 2 && unicode.IsUpper(rune(tok[0]))) ||
				abbreviations[strings.ToLower(tok)] || strings.Contains(tok, ".")) {
				continue // an initial or abbreviation: "U.S.", "Mr.", "Wis."
			}
			return i + 1
		}
	}
	return -1
}

// dedupe keeps each paragraph once. Paragraphs that differ only in
// punctuation or case are the same; so is one whose first 80 letters and
// length match an earlier one's (a page that repeats its lead with a word
// changed).
func dedupe(paras []string) []string {
	seen := make(map[string]bool, len(paras))
	type sig struct {
		head string
		n    int
	}
	var sigs []sig
	out := paras[:0:0]
next:
	for _, p := range paras {
		k := key(p)
		if k == "" || seen[k] {
			continue
		}
		if len(k) >= 120 {
			for _, g := range sigs {
				if g.head == k[:80] && abs(g.n-len(k))*10 < g.n {
					continue next
				}
			}
			sigs = append(sigs, sig{k[:80], len(k)})
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func dropKey(paras []string, k string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if key(p) != k {
			out = append(out, p)
		}
	}
	return out
}
