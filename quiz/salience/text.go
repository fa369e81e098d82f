package salience

// This file turns words into comparable terms: lower case, a light
// suffix-stripping stem, function words dropped. The title, the sentences
// and (in training) the summaries go through the same steps, so that
// "Elections" in a headline meets "election" in the text.

import (
	"strings"
	"unicode"
)

// stopwords are English function words and a few very common verbs that
// carry no topic.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(`a an the and or but nor so yet if then than that this these those
		there here where when while what which who whom whose why how of in on at by for with from to
		into onto upon about above below over under after before during since until through between
		among against without within across along around behind beyond near off out up down as per via
		is are was were be been being am do does did done doing have has had having will would shall
		should can could may might must i me my mine myself we us our ours ourselves you your yours
		yourself yourselves he him his himself she her hers herself it its itself they them their
		theirs themselves one ones not no yes all any both each few more most other some such only own
		same too very just also even ever still again further once s t don didn doesn isn wasn aren
		weren won wouldn couldn shouldn ll re ve d m o say says said get got go goes went gone make made
		like well really lot lots thing things uh um oh yeah okay ok`) {
		m[w] = true
	}
	return m
}()

// terms appends to dst the stems of the content words of text: letters
// and digits, lower case, function words dropped.
func terms(dst []string, text string) []string {
	if plainWord(text) {
		// The common case, one word: no splitting.
		if t := strings.ToLower(text); !stopwords[t] {
			dst = append(dst, stem(t))
		}
		return dst
	}
	for _, t := range tokens(text) {
		if !stopwords[t] {
			dst = append(dst, stem(t))
		}
	}
	return dst
}

// plainWord reports whether s is a non-empty run of ASCII letters and
// digits.
func plainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// tokens returns the lower-case runs of letters and digits of text.
func tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// stem strips the commonest English inflectional suffixes: enough for
// "elections"/"election" and "voted"/"voting"/"vote" to meet, not a full
// Porter stemmer.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		// "class", "status", "crisis"
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"ing", "ed", "er", "ly", "e"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// sentenceTerms returns the stems of the content words of a sentence.
func sentenceTerms(ws []Word) []string {
	var out []string
	for _, w := range ws {
		if w.UPOS == "PUNCT" || w.UPOS == "SYM" {
			continue
		}
		out = terms(out, w.Text)
	}
	return out
}
