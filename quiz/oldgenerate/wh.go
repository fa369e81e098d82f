package oldgenerate

// This file turns the clause that holds a money, percentage, date or
// weekday answer into a wh-question, moving the verb for do-support:
// "Shares of Vantero fell 12 percent" -> "By what percentage did shares of
// Vantero fall?", "The agency paid $1.7 billion for the rocket" -> "How much
// did the agency pay for the rocket?", "The firm was founded in 1985" -> "In
// which year was the firm founded?". Only shapes that can be turned safely
// are turned: a subject noun phrase with no pronoun, then a known verb, then
// the answer; anything else gets no such question.

import (
	"strings"

	"factdeck/quiz"
)

// moreVerbs are past tenses of verbs of change, trade and record that
// wh-questions turn; they extend pastVerbs for this file only.
var moreVerbs = map[string]string{
	"rose": "rise", "fell": "fall", "jumped": "jump", "climbed": "climb", "dropped": "drop",
	"slid": "slide", "grew": "grow", "declined": "decline", "increased": "increase",
	"decreased": "decrease", "surged": "surge", "soared": "soar", "plunged": "plunge",
	"tumbled": "tumble", "slumped": "slump", "shrank": "shrink", "sank": "sink", "dipped": "dip",
	"slipped": "slip", "advanced": "advance", "rallied": "rally", "retreated": "retreat",
	"earned": "earn", "generated": "generate", "cost": "cost", "charged": "charge",
	"awarded": "award", "allocated": "allocate", "budgeted": "budget", "owed": "owe",
	"acquired": "acquire", "agreed": "agree", "founded": "found", "established": "establish",
	"began": "begin", "started": "start", "ended": "end", "joined": "join", "left": "leave",
	"launched": "launch", "opened": "open", "won": "win", "lost": "lose", "took": "take",
	"met": "meet", "spoke": "speak", "visited": "visit", "arrived": "arrive", "signed": "sign",
	"secured": "secure", "claimed": "claim", "captured": "capture", "finished": "finish",
	"returned": "return", "retired": "retire", "resigned": "resign", "died": "die",
	"introduced": "introduce", "passed": "pass", "ruled": "rule", "voted": "vote",
	"invaded": "invade", "annexed": "annex", "collapsed": "collapse", "erupted": "erupt",
	"valued": "value", "fined": "fine", "forecast": "forecast", "projected": "project",
	"estimated": "estimate", "predicted": "predict", "reported": "report",
}

// changeVerbs take "By what percentage" / "By how much" questions.
var changeVerbs = map[string]bool{
	"rise": true, "fall": true, "jump": true, "climb": true, "drop": true, "slide": true,
	"grow": true, "decline": true, "increase": true, "decrease": true, "surge": true,
	"soar": true, "plunge": true, "tumble": true, "slump": true, "shrink": true, "sink": true,
	"dip": true, "slip": true, "advance": true, "rally": true, "retreat": true, "gain": true,
	"lose": true, "cut": true, "raise": true, "lift": true,
}

// baseVerb returns the base form of a past-tense verb, or "".
func baseVerb(w string) string {
	if b := pastVerbs[w]; b != "" {
		return b
	}
	return moreVerbs[w]
}

// participles are past participles that differ from the past tense.
var participles = map[string]bool{
	"founded": true, "established": true, "built": true, "sold": true, "bought": true, "paid": true,
	"fined": true, "valued": true, "awarded": true, "elected": true, "appointed": true,
	"acquired": true, "launched": true, "opened": true, "created": true, "signed": true,
	"approved": true, "introduced": true, "passed": true, "held": true, "killed": true,
	"injured": true, "arrested": true, "charged": true, "convicted": true, "sentenced": true,
	"released": true, "published": true, "completed": true, "discovered": true, "given": true,
	"granted": true, "spent": true, "raised": true, "cut": true, "priced": true, "estimated": true,
	"expected": true, "forecast": true, "projected": true, "allocated": true, "budgeted": true,
	"ordered": true, "taken": true, "won": true, "lost": true, "hit": true, "born": true,
	"named": true, "renamed": true, "built up": false, "set": true, "made": true,
	"delivered": true, "announced": true, "reported": true, "recorded": true, "seized": true,
}

// clauseQuestion returns a wh-question asking for the [start,end) span of
// sent, an answer of kind k, or "".
func clauseQuestion(sent string, start, end int, k quiz.Kind) string {
	switch k {
	case quiz.KindMoney, quiz.KindPercent, quiz.KindDate, quiz.KindWeekday:
	default:
		return ""
	}
	c, s, e, ok := trimClause(sent, start, end)
	if !ok {
		return ""
	}
	ans := c[s:e]
	before, after := c[:s], c[e:]
	if strings.ContainsAny(c, "“”\"") || hasPronoun(c) {
		return ""
	}
	if k == quiz.KindDate || k == quiz.KindWeekday {
		return timeQuestion(before, after, ans, k)
	}
	return amountQuestion(before, after, k)
}

// parsedClause is a clause cut into subject, verb group and the words
// after the verb up to the answer.
type parsedClause struct {
	subject string
	aux     string // "did", "does", "was", "has", "will"...
	verb    string // the verb as the question needs it: "fall", "founded"
	object  string // words between the verb and the answer (or the prep)
}

// parseClause reads "SUBJECT VERB [OBJECT]" from ws.
func parseClause(ws []string) (parsedClause, bool) {
	var p parsedClause
	// Drop a short opener ("On Tuesday,", "Last year,").
	for i, w := range ws {
		if strings.HasSuffix(w, ",") {
			if i < 5 {
				fw := strings.ToLower(ws[0])
				if prepositions[fw] || openerWords[fw] || strings.HasSuffix(fw, "ly") {
					ws = ws[i+1:]
				}
			}
			break
		}
	}
	for i, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if i == 0 {
			continue
		}
		next, adv, k := "", "", i+2 // k: where the object starts after an aux and verb
		if i+1 < len(ws) {
			next = strings.ToLower(strings.Trim(ws[i+1], ",;:"))
		}
		if strings.HasSuffix(next, "ly") && i+2 < len(ws) && (lw == "was" || lw == "were" || lw == "has" || lw == "have") {
			// "were eventually introduced"
			adv, next, k = next+" ", strings.ToLower(strings.Trim(ws[i+2], ",;:")), i+3
		}
		switch {
		case lw == "was" || lw == "were" || lw == "is" || lw == "are":
			if !participles[next] {
				return p, false
			}
			p.aux, p.verb = lw, adv+next
			p.object = strings.Join(ws[k:], " ")
		case lw == "has" || lw == "have" || lw == "had":
			if baseVerb(next) == "" || !participles[next] && pastVerbs[next] == "" {
				return p, false
			}
			p.aux, p.verb = lw, adv+next
			p.object = strings.Join(ws[k:], " ")
		case lw == "will":
			if !bases[next] && !changeVerbs[next] && !isBaseOfMore(next) {
				return p, false
			}
			p.aux, p.verb = "will", next
			p.object = strings.Join(ws[i+2:], " ")
		case determiners[strings.ToLower(ws[i-1])]:
			continue // "the cost of": a noun
		case lw == "and" && i+1 < len(ws) && isCapitalized(ws[i+1]):
			continue // "Spain and Japan"
		case baseVerb(lw) != "":
			p.aux, p.verb = "did", baseVerb(lw)
			p.object = strings.Join(ws[i+1:], " ")
		case strings.HasSuffix(lw, "s") && (bases[strings.TrimSuffix(lw, "s")] || isBaseOfMore(strings.TrimSuffix(lw, "s"))):
			p.aux, p.verb = "does", strings.TrimSuffix(lw, "s")
			p.object = strings.Join(ws[i+1:], " ")
		default:
			if !subjectWord(lw) {
				return p, false
			}
			continue
		}
		p.subject = strings.Join(ws[:i], " ")
		break
	}
	if p.aux == "" || !goodSubject(p.subject) {
		return p, false
	}
	if p.aux == "does" && plural(p.subject) {
		return p, false // "Shares costs": a misread
	}
	if (p.aux == "was" || p.aux == "is" || p.aux == "has") && plural(p.subject) ||
		(p.aux == "were" || p.aux == "are" || p.aux == "have") && !plural(p.subject) && !strings.Contains(p.subject, " and ") {
		return p, false
	}
	p.subject = lowerOpening(p.subject)
	return p, true
}

// lowerOpening lower-cases the sentence-initial word of a subject that is
// not a name: an article, or a common noun by sentenceCase ("Shares of
// Vantero"). A possessive is taken for a name.
func lowerOpening(subj string) string {
	f := firstWord(subj)
	switch {
	case f == "The" || f == "A" || f == "An":
		return strings.ToLower(f) + subj[len(f):]
	case strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "’s"):
		return subj
	}
	return sentenceCase(subj, subj)
}

// moreBases is the set of base forms of moreVerbs.
var moreBases = func() map[string]bool {
	m := map[string]bool{}
	for _, b := range moreVerbs {
		m[b] = true
	}
	return m
}()

func isBaseOfMore(w string) bool { return moreBases[w] }

// subjectWord reports a word that may stand in a subject noun phrase.
func subjectWord(lw string) bool {
	if lw == "" || clauseBreaks[lw] || lw == "who" || lw == "not" || lw == "also" || lw == "would" ||
		lw == "could" || lw == "may" || lw == "might" || lw == "should" || lw == "must" || lw == "can" ||
		lw == "do" || lw == "does" || lw == "did" || lw == "said" || lw == "says" || lw == "to" {
		return false
	}
	return !strings.HasSuffix(lw, "ly") || lw == "italy" || lw == "family" || lw == "supply"
}

// goodSubject reports a subject that may name something out of its
// article: no pronoun, 1 to 8 words, no clause punctuation.
func goodSubject(subj string) bool {
	ws := words(subj)
	if len(ws) == 0 || len(ws) > 8 || hasPronoun(subj) || strings.ContainsAny(subj, ",;:()") {
		return false
	}
	if l := strings.ToLower(ws[0]); prepositions[l] || clauseBreaks[l] || l == "there" || l == "here" {
		return false
	}
	return true
}

// standsAlone reports whether a question about subject, with the rest of
// its words, names something: a vague subject ("the company") needs a name
// among the rest ("for Orbital Dynamics").
func standsAlone(subj string, rest ...string) bool {
	if !vague(subj) {
		return true
	}
	for _, r := range rest {
		for _, w := range words(r) {
			if isCapitalized(w) {
				return true
			}
		}
	}
	return false
}

// questionTail cuts the rest of a clause after the answer to a short
// phrase that belongs to the question, or reports false.
func questionTail(after string) (string, bool) {
	t := cutTail(strings.TrimSpace(after))
	if t == "" {
		return "", true
	}
	ws := words(t)
	if len(ws) > 8 || hasPronoun(t) {
		return "", false
	}
	fw := strings.ToLower(ws[0])
	if !prepositions[fw] && fw != "since" {
		return "", false
	}
	return t, true
}

// amountQuestion asks for money or a percentage.
func amountQuestion(before, after string, k quiz.Kind) string {
	ws := words(before)
	prep := ""
	if n := len(ws); n > 0 {
		switch l := strings.ToLower(ws[n-1]); l {
		case "by", "for", "at":
			prep, ws = l, ws[:n-1]
		}
	}
	p, ok := parseClause(ws)
	if !ok || strings.TrimSpace(p.object) != "" {
		return "" // "paid the club $5 million": the object would need moving
	}
	tail, ok := questionTail(after)
	change := changeVerbs[p.verb] || changeVerbs[baseVerb(p.verb)]
	var wh string
	switch {
	case k == quiz.KindPercent && strings.HasPrefix(strings.ToLower(strings.TrimSpace(after)), "of "):
		np, rest := ofPhrase(after)
		if np == "" || change {
			return ""
		}
		tail, ok = questionTail(rest)
		wh = "What share of " + np
	case !ok:
		return ""
	case k == quiz.KindPercent && change && (prep == "" || prep == "by"):
		wh, prep = "By what percentage", ""
	case k == quiz.KindMoney && change && prep == "by":
		wh, prep = "By how much", ""
	case k == quiz.KindMoney && !change && prep != "by":
		wh = "How much"
	default:
		return ""
	}
	if !ok {
		return ""
	}
	if change && (strings.HasPrefix(tail, "at ") || strings.HasPrefix(tail, "to ")) {
		tail = "" // the level reached is another answer
	}
	if !standsAlone(p.subject, tail) {
		return ""
	}
	q := wh + " " + p.aux + " " + p.subject + " " + p.verb
	if prep != "" {
		q += " " + prep
	}
	if tail != "" {
		q += " " + tail
	}
	return q + "?"
}

// ofPhrase splits "of the vote in Sunday's election" into "the vote" and
// the rest.
func ofPhrase(after string) (string, string) {
	ws := words(strings.TrimSpace(after))[1:]
	n := 0
	for n < len(ws) && n < 5 {
		lw := strings.ToLower(strings.Trim(ws[n], ".,;:"))
		if n > 0 && (prepositions[lw] || clauseBreaks[lw] || baseVerb(lw) != "") {
			break
		}
		n++
		if strings.HasSuffix(ws[n-1], ",") || strings.HasSuffix(ws[n-1], ".") {
			break
		}
	}
	if n == 0 {
		return "", ""
	}
	np := strings.TrimRight(strings.Join(ws[:n], " "), ".,;:")
	if hasPronoun(np) {
		return "", ""
	}
	return np, strings.Join(ws[n:], " ")
}

// timeQuestion asks for a year, month, date or weekday.
func timeQuestion(before, after, ans string, k quiz.Kind) string {
	ws := words(before)
	if len(ws) == 0 {
		return ""
	}
	prep := strings.ToLower(ws[len(ws)-1])
	if prep != "in" && prep != "on" {
		return ""
	}
	ws = ws[:len(ws)-1]
	if len(ws) == 0 {
		// "In 1985, the firm was founded": the clause follows the comma.
		a := strings.TrimSpace(after)
		if !strings.HasPrefix(a, ",") {
			return ""
		}
		ws = words(a[1:])
		after = ""
	}
	p, ok := parseClause(ws)
	if !ok {
		return ""
	}
	tail, ok := questionTail(after)
	if !ok {
		return ""
	}
	obj := strings.TrimSpace(p.object)
	if obj != "" && (hasPronoun(obj) || len(words(obj)) > 6 || strings.ContainsAny(obj, ",;:")) {
		return ""
	}
	w := when(ans, k)
	if w == "When" || strings.Contains(ans, " and ") {
		return ""
	}
	if !standsAlone(p.subject, obj, tail) {
		return ""
	}
	q := w + " " + p.aux + " " + p.subject + " " + p.verb
	if obj != "" {
		q += " " + obj
	}
	if tail != "" {
		q += " " + tail
	}
	return q + "?"
}
