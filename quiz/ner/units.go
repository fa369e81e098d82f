package ner

// This file maps the pipeline's tokens (package token, which follows the
// Universal Dependencies treebanks) to the words the model was trained on,
// written as CoNLL-2003 writes them: hyphenated words, "5pm", "gonna" and
// "km/h" are one word there. A unit is a run of touching tokens, so every
// entity starts and ends on a token boundary.

import (
	"unicode"
	"unicode/utf8"

	"factdeck/quiz/token"
)

// span is a unit: text[Start:End].
type span struct{ Start, End int }

// units appends the units of one sentence's tokens to dst.
func units(toks []token.Token, dst []span) []span {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if n := len(dst); n > 0 && i > 0 && toks[i-1].End == t.Start && joins(toks, i) {
			dst[n-1].End = t.End
			continue
		}
		dst = append(dst, span{t.Start, t.End})
	}
	return dst
}

// joins reports whether token i continues the unit of the token before
// it, which it touches.
func joins(toks []token.Token, i int) bool {
	prev, cur := toks[i-1].Text, toks[i].Text
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(cur)
	next := func() rune {
		if i+1 < len(toks) && toks[i+1].Start == toks[i].End {
			r, _ := utf8.DecodeRuneInString(toks[i+1].Text)
			return r
		}
		return 0
	}
	switch {
	case isHyphen(cur) || cur == "/":
		// A hyphen or slash between words: "well-known", "km/h".
		return (alnum(last) || last == '.') && alnum(next())
	case isHyphen(prev) || prev == "/":
		// The word after a joining hyphen, or after a minus sign: "-5".
		if alnum(first) {
			return i < 2 || toks[i-2].End != toks[i-1].Start || alnum(lastRune(toks[i-2].Text)) || lastRune(toks[i-2].Text) == '.'
		}
		return false
	case alnum(last) && alnum(first):
		// "gon"+"na", "5"+"pm", "can"+"not"; not "do"+"n't".
		return !isNegClitic(cur)
	case cur == "." && token.Abbreviation(prev+"."):
		// An abbreviation that gave its period to the sentence: "U.S."
		return true
	case cur == "%" && isDigitRune(last), prev == "#" && isDigitRune(first), cur == "+" && alnum(last), cur == "$" && last < utf8.RuneSelf && isLetter(byte(last)):
		return true
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isHyphen reports whether s is a hyphen that CoNLL-2003 keeps inside words.
func isHyphen(s string) bool { return s == "-" || s == "\u2010" || s == "\u2011" }

func alnum(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }

// tokenize splits text into sentences of units.
func tokenize(text string) [][]span {
	return unitSentences(token.Split(text))
}

// unitSentences returns the units of each sentence.
func unitSentences(sents []token.Sentence) [][]span {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	all := make([]span, 0, n)
	out := make([][]span, 0, len(sents))
	for _, s := range sents {
		k := len(all)
		all = units(s.Tokens, all)
		out = append(out, all[k:len(all):len(all)])
	}
	return out
}

// isNegClitic reports whether s is the clitic "n't" (or "n’t").
func isNegClitic(s string) bool {
	return len(s) >= 3 && (s[0] == 'n' || s[0] == 'N') && (s[1] == '\'' || len(s) >= 5 && s[1:4] == "\u2019")
}

func lowerEq(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != b[i] {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }
