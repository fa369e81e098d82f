package oldgenerate

// This file turns a sentence with a count in it into a "How many ...?"
// question, for the two shapes that can be done safely: the counted noun
// phrase is the clause's subject ("Six districts of Lyon came under fire" ->
// "How many districts of Lyon came under fire?"), or the object of a known
// verb ("the army launched 40 rockets" -> "How many rockets did the army
// launch?"). Anything else gets no such question.

import (
	"strings"

	"factdeck/quiz"
)

// pastVerbs maps common news verbs in the past tense to their base form.
var pastVerbs = map[string]string{
	"launched": "launch", "fired": "fire", "killed": "kill", "injured": "injure",
	"wounded": "wound", "reported": "report", "repelled": "repel", "intercepted": "intercept",
	"destroyed": "destroy", "arrested": "arrest", "detained": "detain", "deployed": "deploy",
	"evacuated": "evacuate", "recorded": "record", "seized": "seize", "captured": "capture",
	"released": "release", "freed": "free", "exchanged": "exchange", "returned": "return",
	"hired": "hire", "employed": "employ", "cut": "cut", "added": "add", "lost": "lose",
	"won": "win", "gained": "gain", "sold": "sell", "bought": "buy", "paid": "pay",
	"spent": "spend", "raised": "raise", "received": "receive", "sent": "send",
	"built": "build", "made": "make", "took": "take", "shot": "shoot", "downed": "down",
	"struck": "strike", "announced": "announce", "approved": "approve", "signed": "sign",
	"confirmed": "confirm", "counted": "count", "identified": "identify",
	"registered": "register", "scored": "score", "posted": "post", "reached": "reach",
	"attracted": "attract", "visited": "visit", "opened": "open", "closed": "close",
	"produced": "produce", "delivered": "deliver", "shipped": "ship", "invested": "invest",
	"borrowed": "borrow", "donated": "donate", "pledged": "pledge", "promised": "promise",
	"offered": "offer", "ordered": "order", "used": "use", "tested": "test",
	"treated": "treat", "saved": "save", "rescued": "rescue", "found": "find",
	"discovered": "discover", "elected": "elect", "appointed": "appoint", "fined": "fine",
	"charged": "charge", "convicted": "convict", "banned": "ban", "blocked": "block",
	"imposed": "impose", "targeted": "target", "attacked": "attack", "hosted": "host",
	"held": "hold", "welcomed": "welcome", "drew": "draw", "wrote": "write",
	"published": "publish", "completed": "complete", "created": "create",
	"eliminated": "eliminate", "kept": "keep", "saw": "see", "met": "meet",
	"shed": "shed", "lifted": "lift", "planned": "plan", "expected": "expect",
	"collected": "collect", "submitted": "submit", "won back": "win back",
}

// bases is the set of base forms, for present-tense verbs ("employs").
var bases = func() map[string]bool {
	m := map[string]bool{}
	for _, b := range pastVerbs {
		m[b] = true
	}
	return m
}()

var countQualifiers = []string{"more than", "fewer than", "less than", "at least", "up to", "over", "about", "around", "nearly", "almost", "some", "roughly", "approximately"}

// clauseBreaks end the clause that holds the subject, looking left.
var clauseBreaks = map[string]bool{
	"that": true, "which": true, "when": true, "where": true, "after": true, "while": true,
	"as": true, "because": true, "since": true, "and": true, "but": true, "if": true,
}

// howMany returns a "How many ...?" question from sent, whose [start,end)
// span is a count, or "".
func howMany(sent string, start, end int, k quiz.Kind) string {
	if k != quiz.KindCount {
		return ""
	}
	span := strings.ToLower(sent[start:end])
	for _, q := range countQualifiers {
		span = strings.TrimPrefix(span, q+" ")
	}
	if _, _, _, _, ok := splitNumber(span); !ok || len(words(span)) != 1 {
		return ""
	}
	before := strings.TrimSpace(sent[:start])
	lb := strings.ToLower(before)
	for _, q := range countQualifiers {
		if strings.HasSuffix(lb, " "+q) || lb == q {
			before = strings.TrimSpace(before[:len(before)-len(q)])
			lb = strings.ToLower(before)
		}
	}
	rest := strings.TrimSpace(dropDashAside(sent[end:]))
	np, tail := nounPhrase(rest)
	if np == "" || hasPronoun(np) {
		return ""
	}
	tail = cutTail(tail)
	if hasPronoun(tail) || strings.HasPrefix(tail, "and ") || strings.HasPrefix(tail, "or ") {
		return ""
	}
	// The count opens the clause: the sentence start or a short opener
	// ("Earlier," "On Monday,").
	if before == "" || strings.HasSuffix(before, ",") && len(words(before)) <= 3 && !strings.Contains(before[:len(before)-1], ",") {
		if tail == "" {
			return ""
		}
		return "How many " + np + " " + tail + "?"
	}
	// The count is the object of a known verb with a subject before it.
	ws := words(before)
	verb := strings.ToLower(ws[len(ws)-1])
	aux := ""
	base, ok := pastVerbs[verb]
	switch {
	case ok && len(ws) >= 2 && isHave(ws[len(ws)-2]):
		aux, base = strings.ToLower(ws[len(ws)-2]), verb
		ws = ws[:len(ws)-1]
	case ok:
		aux = "did"
	case strings.HasSuffix(verb, "s") && bases[strings.TrimSuffix(verb, "s")]:
		aux, base = "does", strings.TrimSuffix(verb, "s")
	default:
		return ""
	}
	subj := ws[:len(ws)-1]
	for i := len(subj) - 1; i >= 0; i-- {
		w := strings.ToLower(strings.Trim(subj[i], ","))
		if clauseBreaks[w] || strings.HasSuffix(subj[i], ",") {
			if strings.HasSuffix(subj[i], ",") && !clauseBreaks[w] {
				subj = subj[i+1:]
			} else {
				subj = subj[i+1:]
			}
			break
		}
	}
	if len(subj) == 0 || len(subj) > 6 {
		return ""
	}
	subject := strings.Join(subj, " ")
	if hasPronoun(subject) || strings.ContainsAny(subject, ",;:“”\"") {
		return ""
	}
	if f := firstWord(subject); f == "The" || f == "A" || f == "An" {
		subject = strings.ToLower(f) + subject[len(f):]
	}
	q := "How many " + np + " " + aux + " " + subject + " " + base
	if tail != "" {
		q += " " + tail
	}
	return q + "?"
}

func isHave(w string) bool {
	switch strings.ToLower(w) {
	case "has", "have", "had":
		return true
	}
	return false
}

// nounPhrase splits the counted noun phrase off the start of s: words up to
// a preposition, verb-like word, comma or the end.
func nounPhrase(s string) (np, tail string) {
	ws := words(s)
	n := 0
	for n < len(ws) {
		w := ws[n]
		lw := strings.ToLower(strings.Trim(w, ".,;:"))
		if n > 0 && (lw == "and" || lw == "or") && n+1 < len(ws) {
			if _, _, _, _, num := splitNumber(strings.ToLower(ws[n+1])); num {
				break
			}
		}
		if n > 0 && (prepositions[lw] || determiners[lw] || lw == "that" || lw == "who" || lw == "which" || lw == "were" || lw == "was" || lw == "have" || lw == "had" || lw == "has" || lw == "are" || lw == "is" || pastVerbs[lw] != "" || strings.HasSuffix(lw, "ed") && n > 1) {
			if lw == "of" && n == 1 {
				// "districts of Lyon": the of-phrase belongs to the noun.
				n++
				continue
			}
			break
		}
		n++
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ".") || n >= 6 {
			break
		}
	}
	if n == 0 {
		return "", ""
	}
	np = strings.TrimRight(strings.Join(ws[:n], " "), ".,;:")
	tail = strings.Join(ws[n:], " ")
	return np, tail
}

// cutTail keeps the tail up to a clause break: a comma before a lower-case
// word other than "and"/"or", a dash, a semicolon or the sentence end.
func cutTail(s string) string {
	ws := words(s)
	for i, w := range ws {
		if strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":") || w == "—" || w == "–" {
			ws = ws[:i+1]
			break
		}
		if strings.HasSuffix(w, ",") && i+1 < len(ws) {
			next := ws[i+1]
			if !isCapitalized(next) && next != "and" && next != "or" {
				ws = ws[:i+1]
				break
			}
		}
	}
	out := strings.Join(ws, " ")
	out = strings.TrimRight(out, " .,;:—–!?")
	return out
}

// dropDashAside removes a parenthetical set off by dashes: "three
// civilians—including two teenagers—suffered" -> "three civilians suffered".
func dropDashAside(s string) string {
	for _, d := range []string{"—", " – ", " -- "} {
		i := strings.Index(s, d)
		if i < 0 {
			continue
		}
		j := strings.Index(s[i+len(d):], d)
		if j < 0 {
			continue
		}
		return strings.TrimRight(s[:i], " ") + " " + strings.TrimLeft(s[i+len(d)+j+len(d):], " ")
	}
	return s
}
