package oldgenerate

// This file holds the English the templates need: articles, possessives,
// number agreement, pronouns and vague noun phrases.

import (
	"strings"
	"unicode"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

// pronouns are words that, in a question standing alone, point nowhere.
var pronouns = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "him": true, "her": true, "them": true,
	"his": true, "hers": true, "its": true, "their": true, "theirs": true, "we": true, "us": true,
	"our": true, "i": true, "me": true, "my": true, "you": true, "your": true, "this": true,
	"these": true, "those": true, "itself": true, "himself": true, "herself": true,
	"themselves": true,
}

// generic answers carry no knowledge: asking for them is trivial.
var generic = map[string]bool{
	"people": true, "officials": true, "official": true, "country": true, "countries": true,
	"city": true, "government": true, "company": true, "sources": true, "source": true,
	"someone": true, "somebody": true, "something": true, "one": true, "both": true,
	"all": true, "some": true, "many": true, "several": true, "others": true, "other": true,
	"side": true, "sides": true, "nation": true, "nations": true, "report": true,
	"reports": true, "authorities": true, "spokesperson": true, "spokesman": true,
	"spokeswoman": true, "president": true, "leader": true, "region": true, "area": true,
	"today": true, "yesterday": true, "tomorrow": true, "now": true, "then": true,
	"week": true, "year": true, "day": true, "month": true,
}

// theNames are heads of proper names that take "the": "the Pentagon",
// "the United States", "the National Security Council".
var theNames = map[string]bool{
	"kremlin": true, "pentagon": true, "vatican": true, "senate": true, "congress": true,
	"parliament": true, "council": true, "committee": true, "commission": true,
	"union": true, "house": true, "ministry": true, "department": true, "agency": true,
	"bank": true, "court": true, "states": true, "kingdom": true, "republic": true,
	"nations": true, "office": true, "assembly": true, "army": true, "navy": true,
	"force": true, "forces": true, "party": true, "administration": true,
	"government": true, "guard": true, "service": true, "bureau": true, "authority": true,
	"fund": true, "organization": true, "organisation": true, "federation": true,
	"reserve": true, "times": true, "post": true, "journal": true, "guardian": true,
	"netherlands": true, "philippines": true, "emirates": true, "islands": true,
	"bahamas": true, "maldives": true, "gambia": true, "uk": true, "us": true, "u.s.": true,
	"eu": true, "un": true, "u.k.": true, "uae": true, "board": true, "club": true,
	"institute": true, "foundation": true, "museum": true, "group": true,
	"police": true, "military": true, "cabinet": true, "duma": true, "secretariat": true,
	"alliance": true, "coalition": true, "delegation": true, "team": true, "embassy": true,
	"squad": true, "league": true, "association": true, "center": true, "centre": true,
	"olympics": true, "games": true, "championship": true, "cup": true,
}

// noTheNames take no article even with a head above: company and agency
// names used as names ("Reuters", "Apple").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"my": true, "your": true, "some": true, "any": true, "each": true, "every": true,
	"no": true, "both": true, "all": true, "another": true, "several": true, "many": true,
}

// prepositions that may open a context phrase.
var prepositions = map[string]bool{
	"in": true, "at": true, "on": true, "over": true, "between": true, "with": true,
	"of": true, "for": true, "about": true, "during": true, "after": true, "before": true,
	"against": true, "from": true, "to": true, "into": true, "across": true, "near": true,
	"by": true, "amid": true, "under": true, "within": true,
}

func words(s string) []string { return strings.Fields(s) }

func firstWord(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[0]
}

func lastWord(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return ""
	}
	return strings.Trim(ws[len(ws)-1], ".,;:!?\"'’")
}

func isCapitalized(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// hasPronoun reports whether s contains a pronoun as a word, outside
// quotation marks.
func hasPronoun(s string) bool {
	for _, w := range words(stripQuotes(s)) {
		w = strings.ToLower(strings.Trim(w, ".,;:!?\"'’()“”"))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if pronouns[w] {
			return true
		}
	}
	return false
}

func stripQuotes(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch r {
		case '“':
			in = true
			continue
		case '”':
			in = false
			continue
		case '"':
			in = !in
			continue
		}
		if !in {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// startsWithPronoun reports whether a sentence opens with a pronoun ("He
// added, ..."), which leaves it dangling out of its article.
func startsWithPronoun(s string) bool {
	w := strings.ToLower(strings.Trim(firstWord(s), ".,;:\"“”'‘’"))
	return pronouns[w] || w == "that" || w == "such" || w == "there"
}

// personalPronouns name someone the sentence alone does not identify.
var personalPronouns = map[string]bool{"he": true, "she": true, "they": true, "him": true, "them": true}

// dangling reports whether a sentence, out of its article, leaves a reader
// asking who is meant: it opens with a pronoun, or has "he", "she", "they"
// outside quotations with no name before it ("In a statement, he
// revealed ..."; but "Smith said he was ..." is clear).
func dangling(sent string) bool {
	sent = stripQuotes(sent)
	if startsWithPronoun(sent) {
		return true
	}
	named := false
	for i, w := range words(sent) {
		core := strings.Trim(w, ".,;:!?()'’")
		lw := strings.ToLower(core)
		if personalPronouns[lw] && !named {
			return true
		}
		if isCapitalized(core) && (i > 0 || !lexicon.Default().Stop(lw)) {
			named = true
		}
	}
	return false
}

// vague reports whether a noun phrase needs context to mean anything: a
// bare common noun, or a determiner with at most one common noun besides
// numbers and anaphoric adjectives ("the talks", "the company", "the two
// nations", "the same venue").
func vague(np string) bool {
	ws := words(np)
	if len(ws) == 0 {
		return true
	}
	if len(ws) == 1 {
		return !isCapitalized(ws[0]) && strings.IndexFunc(ws[0], unicode.IsDigit) < 0
	}
	if !determiners[strings.ToLower(ws[0])] {
		return false
	}
	content := 0
	for _, w := range ws[1:] {
		if isCapitalized(w) {
			return false
		}
		lw := strings.ToLower(w)
		if anaphoric[lw] || numberWordSet[lw] {
			continue
		}
		content++
	}
	return content <= 1
}

// anaphoric adjectives point back into the article.
var anaphoric = map[string]bool{
	"same": true, "other": true, "former": true, "latter": true, "latest": true, "new": true,
	"previous": true, "next": true, "earlier": true, "later": true, "upcoming": true, "recent": true,
	"current": true, "said": true, "aforementioned": true, "above": true, "both": true, "such": true,
}

var numberWordSet = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true,
}

// plural guesses whether a noun phrase is plural from its head noun (the
// word before "of", or the last word), or from "and".
func plural(np string) bool {
	ws := words(np)
	head := ""
	for i, w := range ws {
		if strings.EqualFold(w, "of") && i > 0 {
			head = ws[i-1]
			break
		}
		if strings.EqualFold(w, "and") && i > 0 {
			return true
		}
	}
	if head == "" {
		head = lastWord(np)
	}
	h := strings.ToLower(head)
	switch h {
	case "people", "police", "children", "men", "women", "forces", "talks", "news", "series", "media", "data":
		return h != "news" && h != "series"
	}
	if strings.HasSuffix(h, "ss") || strings.HasSuffix(h, "us") || strings.HasSuffix(h, "is") {
		return false
	}
	return strings.HasSuffix(h, "s") && len(h) > 3
}

// withThe returns np with a definite article when it is a bare common noun
// phrase or a proper name that takes one ("Pentagon" -> "the Pentagon").
func withThe(np string) string {
	np = strings.TrimSpace(np)
	if np == "" {
		return ""
	}
	f := strings.ToLower(firstWord(np))
	if determiners[f] || strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "’s") || strings.HasSuffix(f, "s'") {
		return np
	}
	if isCapitalized(np) && isCapitalized(lastWord(np)) {
		if takesThe(np) {
			return "the " + np
		}
		return np
	}
	if r := []rune(f); unicode.IsDigit(r[0]) || numberWordSet[f] {
		return np // "30 days", "two sides"
	}
	return "the " + np
}

// takesThe reports whether a proper name is used with "the".
func takesThe(name string) bool {
	ws := words(name)
	if len(ws) == 0 {
		return false
	}
	for i, w := range ws {
		if strings.EqualFold(w, "of") && i > 0 {
			// "Ministry of Defence", "University of Oxford", but not
			// "Bank of America"-like company names; good enough.
			return true
		}
	}
	head := strings.ToLower(ws[len(ws)-1])
	if theNames[head] {
		// A single capitalized word like "Reuters" is not here; "Congress"
		// takes no article in American use.
		return head != "congress" && head != "parliament" || len(ws) > 1
	}
	return false
}

// possessive returns the possessive of a noun phrase, with "the" where the
// name needs it: "France's", "the Pentagon's", "the United States'".
func possessive(np string) string {
	np = withThe(np)
	if np == "" {
		return ""
	}
	if strings.HasSuffix(np, "'s") || strings.HasSuffix(np, "’s") {
		return np
	}
	last := lastWord(np)
	if strings.HasSuffix(last, "s") && (plural(np) || isCapitalized(last) && strings.HasSuffix(strings.ToLower(last), "states")) {
		return np + "'"
	}
	return np + "'s"
}

// locative returns "in Norway" for a country or region and "at the
// Pentagon" for an organization.
func locative(org string) string {
	if org == "" {
		return ""
	}
	k, _, ok := lexicon.Default().Place(strings.TrimPrefix(org, "the "))
	if ok && (k == quiz.KindCountry || k == quiz.KindRegion || k == quiz.KindCity) {
		return "in " + withThe(org)
	}
	return "at " + withThe(org)
}

// contextPhrase turns a context noun phrase into a phrase that can follow a
// question: prepositional phrases as they are, noun phrases after "at".
func contextPhrase(c string) string {
	c = strings.TrimSpace(c)
	if c == "" {
		return ""
	}
	if prepositions[strings.ToLower(firstWord(c))] {
		return c
	}
	return "at " + withThe(c)
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	for i, r := range s {
		return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// lowerFirst lower-cases the first letter of s unless the first word is a
// name (capitalized beyond its first letter, or not a question word).
func lowerFirst(s string) string {
	w := firstWord(s)
	switch strings.ToLower(w) {
	case "who", "what", "which", "when", "where", "how", "in", "on", "at", "within", "for", "the", "a", "an", "true":
		for i, r := range s {
			return s[:i] + string(unicode.ToLower(r)) + s[i+len(string(r)):]
		}
	}
	return s
}

// kindNoun names a kind for "which ...?" questions.
func kindNoun(k quiz.Kind) string {
	switch k {
	case quiz.KindCity:
		return "city"
	case quiz.KindCountry:
		return "country"
	case quiz.KindRegion:
		return "region"
	case quiz.KindOrganization:
		return "organization"
	case quiz.KindNationality:
		return "nationality"
	case quiz.KindPerson:
		return "person"
	}
	return ""
}

// when returns the question opener for a time value: "On which day" for a
// weekday, "In which month", "In which year", "On which date", or "When".
func when(value string, k quiz.Kind) string {
	l := lexicon.Default()
	ws := words(value)
	if k == quiz.KindWeekday || len(ws) > 0 && l.Weekday(ws[0]) {
		if strings.Contains(value, " and ") {
			return "On which days"
		}
		return "On which day"
	}
	hasMonth, hasYear, hasDay := false, false, false
	for _, w := range ws {
		w = strings.Trim(w, ",.")
		if _, ok := l.Month(w); ok {
			hasMonth = true
		} else if len(w) == 4 && isDigits(w) {
			hasYear = true
		} else if isDigits(strings.TrimRight(w, "stndrh")) {
			hasDay = true
		}
	}
	switch {
	case hasMonth && hasDay:
		return "On which date"
	case hasMonth && strings.Contains(value, " and "):
		return "In which months"
	case hasMonth:
		return "In which month"
	case hasYear:
		return "In which year"
	}
	return "When"
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// eventNouns head noun phrases that name something that takes place.
var eventNouns = map[string]bool{
	"talks": true, "meeting": true, "meetings": true, "summit": true, "negotiations": true,
	"election": true, "elections": true, "conference": true, "match": true, "game": true,
	"games": true, "festival": true, "ceremony": true, "attack": true, "attacks": true,
	"strike": true, "strikes": true, "crash": true, "rally": true, "protest": true,
	"protests": true, "trial": true, "hearing": true, "visit": true, "session": true,
	"round": true, "war": true, "battle": true, "concert": true, "tournament": true,
	"race": true, "invasion": true, "launch": true, "disappearance": true, "vote": true,
	"referendum": true, "discussions": true, "dialogue": true, "exchange": true,
	"swap": true, "final": true, "semifinal": true, "show": true, "exhibition": true,
	"fair": true, "parade": true, "funeral": true, "wedding": true, "debate": true,
	"auction": true, "raid": true, "bombing": true, "shooting": true, "explosion": true,
	"earthquake": true, "fire": true, "flood": true, "storm": true, "talk": true,
	"forum": true, "congress": true, "convention": true, "olympics": true, "cup": true,
	"championship": true, "marathon": true, "premiere": true, "accident": true,
	"ceasefire": true, "deal": true, "agreement": true, "operation": true, "offensive": true,
	"incident": true, "collision": true, "hijacking": true, "massacre": true,
}

// isEvent reports whether a noun phrase names an event ("the Geneva peace
// talks", "the crash of Flight 9"), judged by its head noun.
func isEvent(np string) bool {
	ws := words(np)
	head := ""
	for i, w := range ws {
		if strings.EqualFold(w, "of") && i > 0 {
			head = ws[i-1]
			break
		}
	}
	if head == "" {
		head = lastWord(np)
	}
	return eventNouns[strings.ToLower(strings.Trim(head, ".,;:"))]
}

// roleNP names a role of an organization or country: "France's president",
// "the Pentagon's spokesperson", "the U.S. president", "the head of the
// National Security Council".
func roleNP(role, org string) string {
	role, org = strings.TrimSpace(role), strings.TrimSpace(org)
	if role == "" || org == "" || !uniqueRole(role) {
		return ""
	}
	if strings.Contains(org, ".") || isAcronym(org) {
		return "the " + strings.TrimPrefix(org, "the ") + " " + role
	}
	if strings.Contains(org, "'s ") || strings.Contains(org, "’s ") || len(words(org)) > 2 {
		return "the " + role + " of " + withThe(org)
	}
	return possessive(org) + " " + role
}

// uniqueHeads end titles that one person holds at a time in an
// organization, so that "Who is the Pentagon's spokesperson?" has one answer
// while "Who is the physicist of King's College?" has many.
var uniqueHeads = map[string]bool{
	"president": true, "minister": true, "chief": true, "head": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "governor": true, "mayor": true, "ceo": true,
	"chairman": true, "chairwoman": true, "chair": true, "director": true, "secretary": true,
	"king": true, "queen": true, "leader": true, "commander": true, "coach": true,
	"captain": true, "founder": true, "chancellor": true, "ambassador": true, "premier": true,
	"speaker": true, "editor": true, "owner": true, "manager": true, "principal": true,
	"dean": true, "provost": true, "pope": true, "emperor": true, "monarch": true,
	"executive": true, "treasurer": true, "envoy": true, "prosecutor": true,
}

// uniqueRole reports whether a role is held by one person at a time: one of
// its words is such a title ("secretary general", "chief executive").
func uniqueRole(role string) bool {
	for _, w := range words(role) {
		if uniqueHeads[strings.ToLower(strings.Trim(w, ".,"))] {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// futureMarkers tell that a sentence speaks of something still to come.
var futureMarkers = []string{" will ", "scheduled", " set to ", " set for ", "upcoming", "to take place",
	" next ", "slated", "planned", " are to ", " is to ", "expected to", "due to be", "due to take", "would ",
	" gearing up", " preparing for", " prepare for", " prepares for", "ahead of "}

// future reports whether the sentence speaks of the future.
func future(sent string) bool {
	l := " " + strings.ToLower(sent) + " "
	for _, m := range futureMarkers {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// nameLike reports whether v looks like a name of kind k: a person's name
// is two or more capitalized words, a place or organization starts with a
// capital.
func nameLike(v string, k quiz.Kind) bool {
	switch k {
	case quiz.KindPerson:
		ws := words(v)
		if len(ws) < 2 {
			return false
		}
		for _, w := range ws {
			switch strings.ToLower(w) {
			case "de", "da", "van", "von", "der", "bin", "al", "el", "la", "le", "di", "du", "dos", "del", "ibn":
				continue
			}
			if !isCapitalized(w) {
				return false
			}
		}
		return true
	case quiz.KindCity, quiz.KindCountry, quiz.KindRegion, quiz.KindPlace, quiz.KindOrganization, quiz.KindNationality, quiz.KindWeekday:
		return isCapitalized(v)
	}
	return true
}

// sentenceCase lower-cases the first word of a noun phrase taken from the
// start of sent ("Fresh discussions" -> "fresh discussions") unless it is a
// name: a place, a nationality, an acronym, or followed by another
// capitalized word.
func sentenceCase(np, sent string) string {
	ws := words(np)
	if len(ws) < 2 || !strings.HasPrefix(strings.TrimSpace(sent), np) || !isCapitalized(ws[0]) || isCapitalized(ws[1]) {
		return np
	}
	w := ws[0]
	l := lexicon.Default()
	if _, _, ok := l.Place(w); ok {
		return np
	}
	if _, ok := l.Nationality(w); ok || isAcronym(w) || strings.ContainsAny(w, ".0123456789") {
		return np
	}
	r := []rune(w)
	for _, c := range r[1:] {
		if unicode.IsUpper(c) {
			return np // "McDonald", "iPhone"-like names
		}
	}
	return strings.ToLower(string(r[:1])) + np[len(string(r[:1])):]
}
