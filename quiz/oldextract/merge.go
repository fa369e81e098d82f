package oldextract

import (
	"sort"
	"strings"
	"unicode"

	"factdeck/quiz"
)

// This file defines fact keys and the cross-article merge.

// answerIsSubject lists the relations whose question asks for the subject
// ("Who leads X?", "Who said ...?"); for the others it asks for the object.
var answerIsSubject = map[string]bool{
	quiz.RelLeads: true, quiz.RelSaid: true, quiz.RelStruck: true, quiz.RelThreat: false,
}

// answer returns the normalized value a question about f asks for.
func answer(f quiz.Fact) string {
	if answerIsSubject[f.Relation] {
		return norm(f.Subject)
	}
	return norm(f.Object)
}

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

// Merge combines facts from several articles. Facts with the same Key and
// the same answer (the Object, or the Subject for relations such as
// quiz.RelLeads and quiz.RelSaid whose question asks who; "severe
// sanctions" and "severe new sanctions" count as the same) become one fact
// listing all their Sources, keeping the most confident wording. Facts with
// the same Key and different answers not stated by exactly the same
// articles are all kept, each with its own sources, and each lists the
// others in Conflicts as "key => answer (sources)". The result is in first-seen order; the input
// is not modified.
func Merge(facts []quiz.Fact) []quiz.Fact {
	var out []quiz.Fact
	byKey := map[string][]int{}
	for _, f := range facts {
		merged := false
		for _, i := range byKey[f.Key] {
			g := &out[i]
			if !sameAnswer(answer(*g), answer(f)) {
				continue
			}
			srcs := g.Sources
			for _, src := range f.Sources {
				if !contains(srcs, src) {
					srcs = append(srcs, src)
				}
			}
			if f.Confidence > g.Confidence {
				*g = f
			}
			g.Sources = srcs
			g.Conflicts = nil
			merged = true
			break
		}
		if merged {
			continue
		}
		f.Sources = append([]string(nil), f.Sources...)
		f.Conflicts = nil
		byKey[f.Key] = append(byKey[f.Key], len(out))
		out = append(out, f)
	}
	for _, idx := range byKey {
		for _, i := range idx {
			for _, j := range idx {
				// An article may state two values (30 rockets launched, 12
				// intercepted): values stated by exactly the same articles
				// do not disagree.
				if i == j || sameSet(out[i].Sources, out[j].Sources) {
					continue
				}
				other := out[j]
				out[i].Conflicts = append(out[i].Conflicts, other.Key+" => "+answerText(other)+" ("+strings.Join(other.Sources, ", ")+")")
			}
			sort.Strings(out[i].Conflicts)
		}
	}
	// Corroboration raises confidence a little.
	for i := range out {
		if n := len(out[i].Sources); n > 1 {
			out[i].Confidence = min(1, out[i].Confidence+0.05*float64(n-1))
		}
	}
	return out
}

// sameAnswer reports whether two normalized answers say the same thing:
// equal, or one's words all in the other with the same last word
// ("severe sanctions", "severe new sanctions").
func sameAnswer(a, b string) bool {
	if a == b {
		return true
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 || fa[len(fa)-1] != fb[len(fb)-1] {
		return false
	}
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	if len(fa) < 2 {
		return false // "50" and "more than 50" stay apart
	}
	set := map[string]bool{}
	for _, w := range fb {
		set[w] = true
	}
	for _, w := range fa {
		if !set[w] {
			return false
		}
	}
	return true
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func answerText(f quiz.Fact) string {
	if answerIsSubject[f.Relation] {
		return f.Subject
	}
	return f.Object
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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
