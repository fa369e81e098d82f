package generate

// This file holds the English a question needs beyond the parse: verb
// forms for do-support and for turning a passive active, capitalization,
// and the nouns that name an answer's kind.

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdeck/quiz"
)

// irregular lists verbs whose past or past participle is not made with
// -ed: base -> past, participle.
var irregular = map[string][2]string{
	"arise": {"arose", "arisen"}, "awake": {"awoke", "awoken"}, "be": {"was", "been"},
	"bear": {"bore", "borne"}, "beat": {"beat", "beaten"}, "become": {"became", "become"},
	"begin": {"began", "begun"}, "bend": {"bent", "bent"}, "bet": {"bet", "bet"},
	"bid": {"bid", "bid"}, "bind": {"bound", "bound"}, "bite": {"bit", "bitten"},
	"bleed": {"bled", "bled"}, "blow": {"blew", "blown"}, "break": {"broke", "broken"},
	"breed": {"bred", "bred"}, "bring": {"brought", "brought"}, "broadcast": {"broadcast", "broadcast"},
	"build": {"built", "built"}, "burn": {"burned", "burned"}, "burst": {"burst", "burst"},
	"buy": {"bought", "bought"}, "cast": {"cast", "cast"}, "catch": {"caught", "caught"},
	"choose": {"chose", "chosen"}, "cling": {"clung", "clung"}, "come": {"came", "come"},
	"cost": {"cost", "cost"}, "creep": {"crept", "crept"}, "cut": {"cut", "cut"},
	"deal": {"dealt", "dealt"}, "dig": {"dug", "dug"}, "do": {"did", "done"},
	"draw": {"drew", "drawn"}, "dream": {"dreamed", "dreamed"}, "drink": {"drank", "drunk"},
	"drive": {"drove", "driven"}, "eat": {"ate", "eaten"}, "fall": {"fell", "fallen"},
	"feed": {"fed", "fed"}, "feel": {"felt", "felt"}, "fight": {"fought", "fought"},
	"find": {"found", "found"}, "flee": {"fled", "fled"}, "fling": {"flung", "flung"},
	"fly": {"flew", "flown"}, "forbid": {"forbade", "forbidden"}, "forecast": {"forecast", "forecast"},
	"foresee": {"foresaw", "foreseen"}, "forget": {"forgot", "forgotten"}, "forgive": {"forgave", "forgiven"},
	"freeze": {"froze", "frozen"}, "get": {"got", "gotten"}, "give": {"gave", "given"},
	"go": {"went", "gone"}, "grind": {"ground", "ground"}, "grow": {"grew", "grown"},
	"hang": {"hung", "hung"}, "have": {"had", "had"}, "hear": {"heard", "heard"},
	"hide": {"hid", "hidden"}, "hit": {"hit", "hit"}, "hold": {"held", "held"},
	"hurt": {"hurt", "hurt"}, "keep": {"kept", "kept"}, "kneel": {"knelt", "knelt"},
	"know": {"knew", "known"}, "lay": {"laid", "laid"}, "lead": {"led", "led"},
	"leave": {"left", "left"}, "lend": {"lent", "lent"}, "let": {"let", "let"},
	"lie": {"lay", "lain"}, "light": {"lit", "lit"}, "lose": {"lost", "lost"},
	"make": {"made", "made"}, "mean": {"meant", "meant"}, "meet": {"met", "met"},
	"mislead": {"misled", "misled"}, "mistake": {"mistook", "mistaken"}, "outdo": {"outdid", "outdone"},
	"overcome": {"overcame", "overcome"}, "overtake": {"overtook", "overtaken"}, "overthrow": {"overthrew", "overthrown"},
	"pay": {"paid", "paid"}, "prove": {"proved", "proven"}, "put": {"put", "put"},
	"quit": {"quit", "quit"}, "read": {"read", "read"}, "rebuild": {"rebuilt", "rebuilt"},
	"rid": {"rid", "rid"}, "ride": {"rode", "ridden"}, "ring": {"rang", "rung"},
	"rise": {"rose", "risen"}, "run": {"ran", "run"}, "say": {"said", "said"},
	"see": {"saw", "seen"}, "seek": {"sought", "sought"}, "sell": {"sold", "sold"},
	"send": {"sent", "sent"}, "set": {"set", "set"}, "shake": {"shook", "shaken"},
	"shed": {"shed", "shed"}, "shine": {"shone", "shone"}, "shoot": {"shot", "shot"},
	"show": {"showed", "shown"}, "shrink": {"shrank", "shrunk"}, "shut": {"shut", "shut"},
	"sing": {"sang", "sung"}, "sink": {"sank", "sunk"}, "sit": {"sat", "sat"},
	"sleep": {"slept", "slept"}, "slide": {"slid", "slid"}, "speak": {"spoke", "spoken"},
	"speed": {"sped", "sped"}, "spend": {"spent", "spent"}, "spin": {"spun", "spun"},
	"split": {"split", "split"}, "spread": {"spread", "spread"}, "spring": {"sprang", "sprung"},
	"stand": {"stood", "stood"}, "steal": {"stole", "stolen"}, "stick": {"stuck", "stuck"},
	"sting": {"stung", "stung"}, "strike": {"struck", "struck"}, "strive": {"strove", "striven"},
	"swear": {"swore", "sworn"}, "sweep": {"swept", "swept"}, "swim": {"swam", "swum"},
	"swing": {"swung", "swung"}, "take": {"took", "taken"}, "teach": {"taught", "taught"},
	"tear": {"tore", "torn"}, "tell": {"told", "told"}, "think": {"thought", "thought"},
	"throw": {"threw", "thrown"}, "undergo": {"underwent", "undergone"}, "understand": {"understood", "understood"},
	"undertake": {"undertook", "undertaken"}, "upset": {"upset", "upset"}, "wake": {"woke", "woken"},
	"wear": {"wore", "worn"}, "weep": {"wept", "wept"}, "win": {"won", "won"},
	"wind": {"wound", "wound"}, "withdraw": {"withdrew", "withdrawn"}, "withhold": {"withheld", "withheld"},
	"withstand": {"withstood", "withstood"}, "write": {"wrote", "written"}, "oversee": {"oversaw", "overseen"},
	"outrun": {"outran", "outrun"}, "uphold": {"upheld", "upheld"}, "offset": {"offset", "offset"},
	"slay": {"slew", "slain"}, "sew": {"sewed", "sewn"}, "sow": {"sowed", "sown"}, "stride": {"strode", "stridden"},
}

// past returns the simple past of a verb's base form.
func past(base string) string {
	if f, ok := irregular[base]; ok {
		return f[0]
	}
	return regularEd(base)
}

// regularEd adds -ed with English spelling rules: "stopped", "tried",
// "agreed".
func regularEd(b string) string {
	switch {
	case b == "":
		return b
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case strings.HasSuffix(b, "y") && len(b) > 1 && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ied"
	case doublesFinal(b):
		return b + b[len(b)-1:] + "ed"
	}
	return b + "ed"
}

// doublesFinal reports one-syllable verbs ending consonant-vowel-consonant
// ("stop", "plan"), whose final consonant doubles before -ed and -ing.
func doublesFinal(b string) bool {
	n := len(b)
	if n < 3 || n > 4 {
		return false
	}
	c1, v, c2 := b[n-3], b[n-2], b[n-1]
	if !isVowel(v) || isVowel(c1) || isVowel(c2) || strings.IndexByte("wxy", c2) >= 0 {
		return false
	}
	vowels := 0
	for i := 0; i < n; i++ {
		if isVowel(b[i]) {
			vowels++
		}
	}
	return vowels == 1
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// thirdPerson returns the third person singular present of a base form.
func thirdPerson(b string) string {
	switch b {
	case "be":
		return "is"
	case "have":
		return "has"
	case "do":
		return "does"
	case "go":
		return "goes"
	}
	switch {
	case strings.HasSuffix(b, "y") && len(b) > 1 && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ies"
	case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "z") ||
		strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "o"):
		return b + "es"
	}
	return b + "s"
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// kindNoun names the answer's kind in "Which ...?": a region by what its
// country calls its parts ("Which state", "Which province").
func (l *layout) kindNoun() string {
	if l.t.Kind == quiz.KindRegion && l.lx != nil {
		if _, country, ok := l.lx.Place(l.s.Segment(l.t.Lo, l.t.Hi)); ok {
			if n := regionNouns[country]; n != "" {
				return n
			}
		}
	}
	return kindNoun(l.t.Kind)
}

// regionNouns are what countries call their first-level parts, where
// that is not "region".
var regionNouns = map[string]string{
	"United States": "state", "Australia": "state", "India": "state", "Germany": "state",
	"Brazil": "state", "Mexico": "state", "Nigeria": "state", "Malaysia": "state", "Austria": "state",
	"Canada": "province", "China": "province", "South Africa": "province", "Argentina": "province",
	"Indonesia": "province", "Pakistan": "province", "Philippines": "province", "Netherlands": "province",
	"Switzerland": "canton", "Japan": "prefecture",
}

// kindNoun names a kind in "Which ...?" questions, or "" when the kind has
// no such noun.
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
	case quiz.KindPerson:
		return "person"
	case quiz.KindPlace:
		return "place"
	}
	return ""
}

// wordCount counts the words of s.
func wordCount(s string) int { return len(strings.Fields(s)) }

// isDigits reports whether s is made of digits only.
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

// expDecay is the lead bonus of sentence i: 1 for the first, falling by a
// third about every two sentences.
func expDecay(i int) float64 { return math.Exp(-float64(i) / 5) }

// log2p returns log2(1+n).
func log2p(n int) float64 { return math.Log2(1 + float64(n)) }
