package oldgenerate

// This file finds the clause of a sentence that holds an answer, and tells
// the tense in which that clause speaks of an event: questions about a
// scheduled meeting ask "will", about a past one "did", about a plan
// reported in the past "was ... to".

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tense is the time an event's clause speaks of.
type tense int

const (
	tensePast       tense = iota // "the talks took place", the default for news
	tenseFuture                  // "will take place", "are set to", "scheduled for"
	tenseFuturePast              // reported plans: "would take place", "was due to"
	tensePresent                 // habitual: "takes place every year"
	tenseUnrealized              // sought, proposed, cancelled: it may never happen
)

// Markers of each tense, looked for in the answer's clause, in this order.
var (
	pastMarkers = []string{" took place", " was held", " were held", " happened", " occurred",
		" had taken place", " has taken place", " have taken place", " ended ", " concluded"}
	unrealizedMarkers = []string{" sought ", " seek ", " seeks ", " seeking ", " proposed ", " proposes ",
		" called for ", " calls for ", " calling for ", " wants ", " wanted ", " hopes ", " hoped ",
		" cancelled ", " canceled ", " called off ", " ruled out ", " rejected ", " refused "}
	futurePastMarkers = []string{" would ", " was to ", " were to ", " was due ", " were due ",
		" was scheduled", " were scheduled", " was set to ", " were set to ", " was set for ",
		" were set for ", " was expected to ", " were expected to ", " had been scheduled",
		" was planned", " were planned", " was slated", " were slated"}
	presentMarkers = []string{" takes place", " is held ", " are held ", " is taking place", " are taking place",
		" every year", " each year", " annually"}
)

// tenseOf returns the tense of the clause of sent that holds [start,end).
func tenseOf(sent string, start, end int) tense {
	if start < 0 || end > len(sent) || start > end {
		start, end = 0, len(sent)
	}
	lo, hi := clauseBounds(sent, start, end)
	c := " " + strings.ToLower(sent[lo:hi]) + " "
	has := func(ms []string) bool {
		for _, m := range ms {
			if strings.Contains(c, m) {
				return true
			}
		}
		return false
	}
	switch {
	case has(pastMarkers):
		return tensePast
	case has(unrealizedMarkers):
		return tenseUnrealized
	case has(futurePastMarkers):
		return tenseFuturePast
	case future(c) || headlineFuture(sent[lo:hi]):
		return tenseFuture
	case has(presentMarkers):
		return tensePresent
	case future(sent):
		// Nothing in the clause: the sentence's plan covers it ("preparing
		// for talks in Geneva, with the meeting set for Monday").
		return tenseFuture
	}
	return tensePast
}

// headlineFuture reports a headline-like clause "Ukraine and France to
// hold talks in Geneva": an infinitive with no finite verb before it.
func headlineFuture(clause string) bool {
	ws := words(clause)
	for i, w := range ws {
		if strings.ToLower(w) == "to" && i > 0 && i+1 < len(ws) {
			return !hasVerb(strings.Join(ws[:i], " ")) && !hasVerb(strings.Join(ws[i+2:], " "))
		}
	}
	return false
}

// clauseOpeners start a new clause after a comma.
var clauseOpeners = map[string]bool{
	"and": true, "but": true, "while": true, "as": true, "which": true, "who": true, "whose": true,
	"where": true, "when": true, "with": true, "after": true, "before": true, "because": true,
	"although": true, "though": true, "since": true, "including": true, "amid": true, "amidst": true,
	"according": true, "despite": true, "yet": true, "so": true, "whereas": true, "even": true,
	"until": true, "unless": true, "if": true, "said": true, "says": true, "adding": true,
	"saying": true, "noting": true, "killing": true, "injuring": true, "wounding": true,
	"leaving": true, "prompting": true, "forcing": true, "raising": true, "sending": true,
	"threatening": true, "highlighting": true, "pledging": true, "ranking": true, "marking": true,
}

// openerWords start a short adverbial that a comma ends: "Overnight into
// Tuesday, ...", "Last weekend, ...", "However, ...".
var openerWords = map[string]bool{
	"however": true, "meanwhile": true, "additionally": true, "earlier": true, "later": true,
	"overnight": true, "last": true, "today": true, "yesterday": true, "still": true, "now": true,
	"instead": true, "also": true, "moreover": true, "furthermore": true, "separately": true,
	"similarly": true, "nonetheless": true, "nevertheless": true, "then": true, "this": true,
	"next": true, "historically": true, "previously": true, "currently": true, "according": true,
}

// boundaries returns the byte offsets where clauses of sent meet: each
// pair is the end of one clause and the start of the next.
func boundaries(sent string) [][2]int {
	var out [][2]int
	firstComma := true
	for i := 0; i < len(sent); {
		r, n := utf8.DecodeRuneInString(sent[i:])
		switch {
		case r == ';' || r == ':' && i+1 < len(sent) && sent[i+1] == ' ':
			out = append(out, [2]int{i, skipSpace(sent, i+n)})
		case r == '—' || r == '–' || r == '-' && i > 0 && sent[i-1] == ' ' && i+1 < len(sent) && sent[i+1] == ' ':
			out = append(out, [2]int{trimSpaceLeft(sent, i), skipSpace(sent, i+n)})
		case r == ',':
			next := skipSpace(sent, i+n)
			w := strings.ToLower(strings.Trim(firstWord(sent[next:]), ".,;:\"“”'‘’"))
			fw := strings.ToLower(strings.Trim(firstWord(sent), "\"“‘'"))
			opener := firstComma && len(words(sent[:i])) <= 5 && !strings.ContainsAny(sent[:i], ",;") &&
				(openerWords[fw] || prepositions[fw] || strings.HasSuffix(fw, "ly"))
			if clauseOpeners[w] || opener {
				out = append(out, [2]int{i, next})
			}
			firstComma = false
		}
		i += n
	}
	return out
}

func skipSpace(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func trimSpaceLeft(s string, i int) int {
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	return i
}

// minClauseWords is the size under which a clause is merged with its
// neighbours: a few words out of context say too little.
const minClauseWords = 6

// clauseBounds returns the byte range [lo,hi) of the clause of sent that
// holds [start,end): the smallest run of clauses with a finite verb and at
// least minClauseWords words. Quotation marks are not split.
func clauseBounds(sent string, start, end int) (int, int) {
	bs := boundaries(sent)
	// Clause i runs from starts[i] to ends[i].
	starts := []int{0}
	ends := []int{}
	for _, b := range bs {
		if inQuote(sent, b[0]) {
			continue
		}
		ends = append(ends, b[0])
		starts = append(starts, b[1])
	}
	ends = append(ends, len(strings.TrimRight(sent, " .!?")))
	first, last := -1, -1
	for i := range starts {
		if first < 0 && start < ends[i] {
			first = i
		}
		if end <= ends[i] || i == len(starts)-1 {
			last = i
			break
		}
	}
	if first < 0 {
		first = len(starts) - 1
	}
	if last < first {
		last = first
	}
	ok := func() bool {
		c := sent[starts[first]:ends[last]]
		return hasVerb(c) && len(words(c)) >= minClauseWords
	}
	for !ok() && (first > 0 || last < len(starts)-1) {
		// The verb is more often before the answer than after it.
		if first > 0 {
			first--
		} else {
			last++
		}
	}
	return starts[first], ends[last]
}

// inQuote reports whether byte i of s is inside a quotation.
func inQuote(s string, i int) bool {
	open := strings.Count(s[:i], "“") - strings.Count(s[:i], "”")
	return open > 0 || strings.Count(s[:i], "\"")%2 == 1
}

// finiteVerbs are common verbs in a form that makes a clause.
var finiteVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
	"must": true, "shall": true, "should": true, "did": true, "does": true, "do": true,
	"said": true, "says": true, "say": true, "told": true, "remains": true, "remain": true,
	"became": true, "becomes": true, "began": true, "begins": true, "came": true, "comes": true,
	"went": true, "goes": true, "gave": true, "gives": true, "got": true, "gets": true,
	"knew": true, "thought": true, "fell": true, "rose": true, "grew": true, "left": true,
	"led": true, "leads": true, "heads": true, "holds": true, "takes": true, "makes": true,
	"meets": true, "wants": true, "seems": true, "shows": true, "plans": true, "faces": true,
	"includes": true, "continues": true, "continue": true, "marks": true, "runs": true,
	"ran": true, "won": true, "lost": true, "met": true, "saw": true, "sees": true,
	"stands": true, "stood": true, "struck": true, "hit": true, "put": true, "set": true,
}

// hasVerb reports whether s holds a finite verb, by a word list and the
// past tense of regular verbs after a noun.
func hasVerb(s string) bool {
	prev := ""
	for _, w := range words(stripQuotes(s)) {
		lw := strings.ToLower(strings.Trim(w, ".,;:!?\"“”'‘’()"))
		if finiteVerbs[lw] || baseVerb(lw) != "" && !determiners[prev] {
			return true
		}
		if strings.HasSuffix(lw, "ed") && len(lw) > 4 && prev != "" && !determiners[prev] && !prepositions[prev] {
			return true
		}
		if strings.HasSuffix(lw, "s") && (bases[strings.TrimSuffix(lw, "s")] || lw == "costs") && prev != "" && !determiners[prev] {
			return true
		}
		prev = lw
	}
	return false
}

// trimClause returns the clause of sent around [start,end) as a sentence
// that stands alone, with the answer's new offsets, or ok false when the
// clause cannot stand alone (it opens with "which" or "according to", a
// pronoun, or has no verb).
func trimClause(sent string, start, end int) (clause string, s, e int, ok bool) {
	lo, hi := clauseBounds(sent, start, end)
	if lo > start || hi < end {
		return "", 0, 0, false
	}
	c := sent[lo:hi]
	s, e = start-lo, end-lo
	// A leading conjunction goes: "as both sides continue" -> "both sides continue".
	if w := strings.ToLower(firstWord(c)); lo > 0 && (w == "and" || w == "but" || w == "yet" || w == "so" ||
		w == "while" || w == "as" || w == "whereas" || w == "although" || w == "though" || w == "because") && s > len(w) {
		k := skipSpace(c, len(w))
		c, s, e = c[k:], s-k, e-k
	}
	w := strings.ToLower(strings.Trim(firstWord(c), ",.\"“”"))
	sub := w == "while" || w == "although" || w == "as" || w == "if" || w == "because" || w == "since" ||
		w == "though" || w == "whereas" || w == "unless" || w == "until" || w == "after" || w == "before"
	if sub && hi < len(strings.TrimRight(sent, " .!?")) {
		return "", 0, 0, false // "While X has not commented, Y" cut before Y's verb
	}
	if w == "which" || w == "who" || w == "whose" || w == "where" || w == "when" || w == "according" ||
		w == "said" || w == "says" || lo > 0 && finiteVerbs[w] || strings.HasSuffix(strings.ToLower(strings.TrimRight(c, " ,;:")), " that") ||
		w == "with" || w == "including" || strings.HasSuffix(w, "ing") || !hasVerb(c) || dangling(c) {
		return "", 0, 0, false
	}
	if s > 0 {
		r, n := utf8.DecodeRuneInString(c)
		if unicode.IsLower(r) {
			up := string(unicode.ToUpper(r))
			c = up + c[n:]
			s, e = s+len(up)-n, e+len(up)-n
		}
	}
	c = strings.TrimRight(c, " ,;:")
	if len(c) < e {
		return "", 0, 0, false
	}
	return c, s, e, true
}

// setTense fills the tense slots of a template: {aux} and {take} for
// questions ("did ... take place", "will ... take place", "were ... to take
// place"), {lastq} ("last", "to last"), and {tookplace} and {last} for
// statements. An event that may never happen gets none, so that no
// question asks where or when it took place.
func setTense(s slots, t tense) {
	np := s["event"]
	if np == "" {
		np = s["thing"]
	}
	if np == "" {
		np = s["subject"]
	}
	switch t {
	case tenseFuture:
		s["aux"], s["take"], s["tookplace"], s["last"], s["lastq"] = "will", "take", "will take place", "will last", "last"
	case tenseFuturePast:
		be := agree(np, "was", "were")
		s["aux"], s["take"], s["tookplace"], s["last"], s["lastq"] = be, "to take", be+" to take place", be+" to last", "to last"
	case tensePresent:
		s["aux"], s["take"], s["tookplace"], s["last"], s["lastq"] = agree(np, "does", "do"), "take", agree(np, "takes", "take")+" place", agree(np, "lasts", "last"), "last"
	case tenseUnrealized:
		s["aux"], s["take"], s["tookplace"], s["last"], s["lastq"] = "", "", "", "", ""
	default:
		s["aux"], s["take"], s["tookplace"], s["last"], s["lastq"] = "did", "take", "took place", "lasted", "last"
	}
}

// longSentence is the length, in bytes, above which a quoted sentence is
// cut to the clause around its blank.
const longSentence = 150

// blankExcerpt returns sent with [start,end) blanked, cut to the clause
// around the blank with "…" where words were left out when the sentence is
// long.
func blankExcerpt(sent string, start, end int) string {
	full := strings.TrimRight(sent[:start]+"_____"+sent[end:], ".")
	if len(sent) <= longSentence {
		return full
	}
	lo, hi := clauseBounds(sent, start, end)
	if lo > start || hi < end || hi-lo >= len(strings.TrimRight(sent, ". ")) {
		return full
	}
	out := sent[lo:start] + "_____" + sent[end:hi]
	out = strings.TrimRight(out, " ,;:.")
	if lo > 0 {
		out = "… " + out
	}
	if hi < len(strings.TrimRight(sent, " .!?")) {
		out += " …"
	}
	return out
}

// maxStatementWords bounds a true/false statement made from a sentence:
// a longer one tests reading more than knowing.
const maxStatementWords = 22

// statementClause returns the clause around [start,end) for a true/false
// statement, when it stands alone and is short, or ok false.
func statementClause(sent string, start, end int) (string, int, int, bool) {
	c, s, e, ok := trimClause(sent, start, end)
	if !ok || len(words(c)) > maxStatementWords {
		return "", 0, 0, false
	}
	return c, s, e, true
}

// attributionFor returns the source a question about f must name, or "":
// the fact's attribution when the facts conflict, or when the attribution
// reports the clause that holds the answer [start,end) of sent ("the talks
// will be held on Monday, according to X") rather than another clause, and
// the answer is not a possessive taken for granted ("won Sunday's election
// with 34 percent, according to X" reports the result, not the day).
func attributionFor(attr string, conflicts bool, sent string, start, end int) string {
	attr = strings.TrimSpace(attr)
	if attr == "" || conflicts {
		return attr
	}
	ai := strings.Index(strings.ToLower(sent), strings.ToLower(attr))
	if ai < 0 || start < 0 || end > len(sent) {
		return attr // reported elsewhere in the article: keep it
	}
	if rest := sent[end:]; strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ") {
		return ""
	}
	lo, hi := clauseBounds(sent, start, end)
	switch {
	case ai >= lo && ai < hi:
		return attr
	case ai >= hi:
		if attributionGap(sent[hi:ai]) {
			return attr
		}
	case ai+len(attr) <= lo:
		if strings.Trim(sent[ai+len(attr):lo], " ,") == "" && attributionGap(sent[:ai]) {
			return attr
		}
	}
	return ""
}

// attributionGap reports whether s (up to an attribution) ends with
// "according to" and, for text after a clause, holds nothing else.
func attributionGap(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, art := range []string{" the", " a", " an"} {
		l = strings.TrimSuffix(l, art)
	}
	if !strings.HasSuffix(l, "according to") {
		return false
	}
	head := strings.Trim(strings.TrimSuffix(l, "according to"), " ,")
	return head == "" || len(words(head)) > 3 // after a clause only ", according to"; before, an opener
}
