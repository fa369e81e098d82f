package extract

import (
	"strings"
	"unicode"

	"factdeck/quiz"
)

// This file defines fact keys: which facts of different articles answer
// the same question (quiz/merge compares them).

// factKey names the question a fact answers: the relation and the side of
// the fact that is not the answer. Facts without a subject to ask about get
// a key unique to their sentence, so that they never merge.
func factKey(f quiz.Fact) string {
	switch f.Relation {
	case quiz.RelIsA:
		return "is|" + norm(f.Subject)
	case quiz.RelRole:
		return "role|" + norm(f.Subject) + "|" + norm(f.Org)
	case quiz.RelFormerRole:
		return "former_role|" + norm(f.Subject)
	case quiz.RelLeads:
		return "leads|" + norm(f.Object)
	case quiz.RelSaid:
		return "said|" + norm(f.Object)
	case quiz.RelStruck:
		return "struck|" + norm(f.Object)
	}
	if f.Subject == "" {
		return f.Relation + "|@" + f.Sources[0] + "@" + itoa(f.Start) + "|" + norm(f.Object)
	}
	switch f.Relation {
	case quiz.RelTime, quiz.RelLocation:
		// A weekday and a year, a city and a country, answer different
		// questions about the same event.
		return f.Relation + "|" + eventKey(f.Subject) + "|" + string(f.ObjectKind)
	}
	return f.Relation + "|" + norm(f.Subject)
}

// headNoun returns the head noun of a noun phrase: the word before "of",
// or the last word ("talks" of "the peace talks in Geneva").
func headNoun(p string) string {
	f := strings.Fields(strings.ToLower(p))
	for i, w := range f {
		switch w {
		case "of", "in", "on", "at", "between", "with", "for", "from", "over", "about", "by", "to", "that", "which", "who":
		default:
			continue
		}
		if i > 0 {
			return strings.Trim(f[i-1], ",.;:")
		}
	}
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.;:")
}

// eventSynonyms map event head nouns to one key word.
var eventSynonyms = map[string]string{
	"negotiations": "talks", "discussions": "talks", "talks": "talks", "session": "meeting",
	"meeting": "meeting", "summit": "meeting", "elections": "election", "vote": "election",
	"game": "match", "protests": "protest",
}

// eventKey keys an event by its head noun, so that "peace talks", "the
// upcoming Geneva talks" and "negotiations" are the same question: when
// did the talks take place?
func eventKey(p string) string {
	h := headNoun(p)
	if syn, ok := eventSynonyms[h]; ok {
		return syn
	}
	return norm(h)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
}

var synonyms = map[string]string{
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "defence": "defense",
	"over": "more than", "organisation": "organization", "percent": "%", "per cent": "%",
}

// norm lower-cases a phrase, drops punctuation and leading articles, and
// writes number words as digits, for keys and comparisons.
func norm(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%':
			return r
		case r == '\'' || r == '’' || r == '.':
			return -1
		}
		return ' '
	}, s)
	f := strings.Fields(s)
	for len(f) > 0 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	for i, w := range f {
		if d, ok := numberWords[w]; ok {
			f[i] = d
		}
		if syn, ok := synonyms[w]; ok {
			f[i] = syn
		}
	}
	return strings.Join(f, " ")
}
