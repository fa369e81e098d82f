package ner

// This file splits raw text into CoNLL-2003-style tokens and sentences,
// keeping byte offsets into the original text.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSentence caps the number of tokens in one sentence so that tagging
// stays linear on text without sentence ends.
const maxSentence = 200

// maxTokenBytes caps the length of one token; longer runs of non-space bytes
// are cut so that per-token work stays bounded.
const maxTokenBytes = 64

// span is a token: text[Start:End].
type span struct{ Start, End int }

// tokenize splits text into sentences of tokens. Tokens follow CoNLL-2003
// conventions: punctuation is split off, clitics ("'s", "n't") are separate
// tokens, hyphenated words, numbers like "1,000" and "3.5" and abbreviations
// like "U.S." and "Mr." stay whole. Every newline ends a sentence, as news
// text puts one paragraph or headline on a line.
func tokenize(text string) [][]span {
	var sents [][]span
	var cur []span
	flush := func() {
		if len(cur) > 0 {
			sents = splitSentences(text, cur, sents)
			cur = cur[len(cur):] // the sentences keep their capacity capped
		}
	}
	add := func(s span) {
		cur = append(cur, s)
		if len(cur) >= 4*maxSentence {
			flush()
		}
	}
	i := 0
	for i < len(text) {
		c := text[i]
		if c == '\n' {
			flush()
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					flush()
				}
				i += size
				continue
			}
		}
		_ = r
		// A chunk is a maximal run of non-space bytes.
		j := i
		for j < len(text) {
			c := text[j]
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				break
			}
			if c >= utf8.RuneSelf {
				r, sz := utf8.DecodeRuneInString(text[j:])
				if unicode.IsSpace(r) {
					break
				}
				j += sz
				continue
			}
			j++
		}
		splitChunk(text, i, j, add, flush)
		i = j
	}
	flush()
	return sents
}

// splitChunk splits the whitespace-free chunk text[start:end] into tokens.
func splitChunk(text string, start, end int, add func(span), flush func()) {
	if isURL(text[start:end]) {
		// A web address is one token, less closing punctuation.
		e := end
		for e > start+1 && strings.IndexByte(".,;:!?)]}\"'", text[e-1]) >= 0 {
			e--
		}
		add(span{start, e})
		start = e
	}
	for start < end {
		// Leading punctuation, one symbol at a time.
		if n := leadPunct(text[start:end]); n > 0 {
			add(span{start, start + n})
			start += n
			continue
		}
		// The word runs to the next hard separator.
		wend := wordEnd(text, start, end)
		if wend == start {
			// Defensive: always make progress.
			_, sz := utf8.DecodeRuneInString(text[start:end])
			add(span{start, start + sz})
			start += sz
			continue
		}
		if wend == end && text[start:wend] == "No." && nextIsDigit(text, end) {
			add(span{start, wend}) // "No. 1"
			start = wend
			continue
		}
		emitWord(text, start, wend, end, add, flush)
		start = wend
	}
}

// isURL reports whether chunk starts like a web address.
func isURL(chunk string) bool {
	return strings.HasPrefix(chunk, "http://") || strings.HasPrefix(chunk, "https://") || strings.HasPrefix(chunk, "www.")
}

// leadPunct returns the byte length of a punctuation symbol opening s that
// is always a token of its own, or 0.
func leadPunct(s string) int {
	c := s[0]
	switch c {
	case '"', '(', ')', '[', ']', '{', '}', '<', '>', '*', '|', '!', '?', ';', ',', '#', '`', '~', '^', '=', '+':
		if c == '+' && len(s) > 1 && isDigit(s[1]) {
			return 0
		}
		if c == '#' && len(s) > 1 && isAlnum(s[1]) {
			return 0
		}
		return 1
	case '-':
		if len(s) > 1 && (isDigit(s[1]) || s[1] == '.') {
			return 0 // negative number
		}
		n := 1
		for n < len(s) && s[n] == '-' {
			n++
		}
		return n
	case '.':
		n := 1
		for n < len(s) && s[n] == '.' {
			n++
		}
		if n == 1 && len(s) > 1 && isDigit(s[1]) {
			return 0 // ".5"
		}
		return n
	case ':', '/', '\\', '&', '@', '%', '$':
		return 1
	case '\'':
		if len(s) > 1 && isClitic(s) {
			return 0
		}
		return 1
	}
	if c >= utf8.RuneSelf {
		r, sz := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError {
			return sz
		}
		if r == '\u2019' && isClitic(s) {
			return 0
		}
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return sz
		}
	}
	return 0
}

// wordEnd returns where the word starting at text[start] ends: before a
// character that always splits (quotes, brackets, commas not between digits,
// trailing periods are handled by emitWord).
func wordEnd(text string, start, end int) int {
	j := start
	for j < end {
		c := text[j]
		switch {
		case c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
			c == '<' || c == '>' || c == '*' || c == '|' || c == '!' || c == '?' || c == ';' || c == '`':
			return j
		case c == ',' || c == ':':
			// Kept inside numbers and times: 1,000 and 10:30.
			if j > start && j+1 < end && isDigit(text[j-1]) && isDigit(text[j+1]) {
				j++
				continue
			}
			return j
		case c == '/':
			// Kept inside numbers and short tokens like "km/h"; else split.
			if j > start && j+1 < end && isAlnum(text[j-1]) && isAlnum(text[j+1]) {
				j++
				continue
			}
			return j
		case c == '-' && j+1 < end && text[j+1] == '-':
			return j // "--" dash
		case c == '.' && j+2 < end && text[j+1] == '.' && text[j+2] == '.':
			return j // ellipsis
		case c == 'n' || c == 'N':
			if j > start && j+2 < end+0 && isNegClitic(text[j:end]) {
				return j
			}
			j++
			continue
		case c == '\'':
			if j > start && isClitic(text[j:end]) {
				return j
			}
			j++
			continue
		case c >= utf8.RuneSelf:
			r, sz := utf8.DecodeRuneInString(text[j:end])
			if r == utf8.RuneError {
				return j
			}
			if r == '\u2019' {
				if isClitic(text[j:end]) {
					if j > start {
						return j
					}
					j += sz // the clitic itself: ’s
					continue
				}
				if j+sz < end && isLetterAt(text, j+sz) && j > start {
					j += sz // O’Brien
					continue
				}
				return j
			}
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				if r == '\u2010' || r == '\u2011' {
					j += sz // Unicode hyphens inside words
					continue
				}
				return j
			}
			j += sz
			continue
		}
		j++
		if j-start >= maxTokenBytes {
			return j
		}
	}
	return j
}

// emitWord adds the word text[start:wend] (chunk ends at end), splitting a
// trailing period unless the word is an abbreviation, and trailing
// apostrophes.
func emitWord(text string, start, wend, end int, add func(span), flush func()) {
	w := text[start:wend]
	// Trailing periods.
	if len(w) > 1 && w[len(w)-1] == '.' {
		if !isAbbrev(w) {
			// Strip all trailing periods into one token.
			k := len(w) - 1
			for k > 0 && w[k-1] == '.' {
				k--
			}
			if k > 0 {
				add(span{start, start + k})
				add(span{start + k, wend})
				return
			}
		}
	}
	// Trailing straight apostrophe (plural possessive "players'").
	if len(w) > 1 && w[len(w)-1] == '\'' {
		add(span{start, wend - 1})
		add(span{wend - 1, wend})
		return
	}
	add(span{start, wend})
}

// isNegClitic reports whether s starts with "n't" (or "n’t") ending a word.
func isNegClitic(s string) bool {
	var rest string
	switch {
	case len(s) >= 3 && s[1] == '\'':
		rest = s[2:]
	case len(s) >= 5 && s[1:4] == "\u2019":
		rest = s[4:]
	default:
		return false
	}
	if rest[0] != 't' && rest[0] != 'T' {
		return false
	}
	return !isLetterAt(rest, 1)
}

// splitSentences cuts the tokens of one line into sentences after ".", "!",
// "?" (and closing quotes following them) when the next token can open a
// sentence, caps sentences at maxSentence tokens and appends them to sents.
func splitSentences(text string, toks []span, sents [][]span) [][]span {
	start := 0
	cut := func(end int) {
		for end-start > maxSentence {
			sents = append(sents, toks[start:start+maxSentence:start+maxSentence])
			start += maxSentence
		}
		if end > start {
			sents = append(sents, toks[start:end:end])
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		t := text[toks[i].Start:toks[i].End]
		if t != "." && t != "!" && t != "?" && t != "..." {
			continue
		}
		j := i + 1
		for j < len(toks) {
			u := text[toks[j].Start:toks[j].End]
			closing := u == "\u201d" || u == "\u2019" || u == ")"
			if u == "\"" || u == "'" {
				// A straight quote right after the stop closes a quotation;
				// after a space it opens the next one.
				closing = toks[j].Start == toks[j-1].End
			}
			if closing {
				j++
				continue
			}
			break
		}
		if j >= len(toks) {
			break
		}
		u := text[toks[j].Start:toks[j].End]
		if canOpenSentence(u) {
			cut(j)
			i = j - 1
		}
	}
	cut(len(toks))
	return sents
}

// canOpenSentence reports whether token u may start a sentence.
func canOpenSentence(u string) bool {
	c := u[0]
	if 'A' <= c && c <= 'Z' || isDigit(c) || c == '"' || c == '(' {
		return true
	}
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(u)
		return unicode.IsUpper(r) || r == '\u201c' || r == '\u2018'
	}
	return false
}

// isClitic reports whether s starts with a clitic that CoNLL splits off:
// 's 're 've 'll 'd 'm n't is handled by the caller via isNegClitic.
func isClitic(s string) bool {
	// s starts with ' or ’.
	var rest string
	if s[0] == '\'' {
		rest = s[1:]
	} else if len(s) >= 3 && s[:3] == "\u2019" {
		rest = s[3:]
	} else {
		return false
	}
	var l int
	switch {
	case len(rest) >= 1 && (rest[0] == 's' || rest[0] == 'S' || rest[0] == 'd' || rest[0] == 'D' || rest[0] == 'm' || rest[0] == 'M'):
		l = 1
	case len(rest) >= 2 && (lowerEq(rest[:2], "re") || lowerEq(rest[:2], "ve") || lowerEq(rest[:2], "ll")):
		l = 2
	default:
		return false
	}
	return len(rest) == l || !isLetterAt(rest, l)
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

// isAbbrev reports whether w, which ends in a period, keeps it: initials
// and dotted acronyms ("J.", "U.S.", "a.m."), numbers used as ordinals in
// lists ("1."), and common English abbreviations.
func isAbbrev(w string) bool {
	// Dotted letters: X. or X.Y. etc.
	dotted := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i%2 == 0 {
			if !isLetter(c) {
				dotted = false
				break
			}
		} else if c != '.' {
			dotted = false
			break
		}
	}
	if dotted && len(w)%2 == 0 {
		return true
	}
	switch w {
	case "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Jr.", "Sr.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.",
		"Cmdr.", "Adm.", "Maj.", "Rep.", "Sen.", "Gov.", "Rev.", "Hon.", "Pres.", "Supt.", "Insp.",
		"Inc.", "Corp.", "Ltd.", "Co.", "Bros.", "Cos.", "Plc.", "Mt.", "Ft.", "Ave.", "Blvd.", "Rd.",
		"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
		"vs.", "etc.", "approx.", "Vol.", "pp.", "Fig.", "Dept.", "Univ.", "Assn.",
		"Calif.", "Fla.", "Ill.", "Mass.", "Mich.", "Minn.", "Penn.", "Tenn.", "Tex.", "Wash.", "Wis.",
		"Ariz.", "Ark.", "Colo.", "Conn.", "Del.", "Ga.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Miss.",
		"Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Va.", "Vt.", "Wyo.", "Ala.":
		return true
	}
	return false
}

// nextIsDigit reports whether the first non-blank byte from text[i] is a
// digit on the same line.
func nextIsDigit(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i < len(text) && isDigit(text[i])
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// isLetterAt reports whether s[i:] starts with a letter (any script).
func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isLetter(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
