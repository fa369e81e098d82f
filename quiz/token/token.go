// Package token splits English text into sentences and tokens, keeping byte
// offsets into the text. It is the one tokenizer of the pipeline: the
// named-entity recognizer (quiz/ner) and the parser (quiz/syntax) read the
// same tokens of an article.
//
// Tokens are the syntactic words of the Universal Dependencies English
// treebanks (EWT, GUM), so that the parser sees on raw text the word shapes
// it was trained on:
//
//   - punctuation is split off; clitics are words of their own ("it 's",
//     "do n't", "wo n't", "ca n't"), and so are the parts of "gonna" (gon
//     na), "cannot" (can not), "wanna" and "gotta";
//   - hyphenated compounds are split into their parts and the hyphen
//     ("well - known", "Jean - Pierre"), except after a prefix ("re-elect",
//     "anti-war", "e-mail"), in number words ("twenty-one") and in phone
//     numbers and dates ("555-0123", "2024-03-01"); number ranges split
//     ("10 - 12");
//   - "$", "%" and units after a number split ("$ 5", "20 %", "5 pm",
//     "35 mm"), while ordinals and decades stay whole ("3rd", "1990s");
//   - abbreviations keep their period ("U.S.", "Mr.", "etc.", "a.m.")
//     except where it also ends the sentence;
//   - web and e-mail addresses, numbers ("1,200.50", "3.5", "10:30") and
//     dates written with slashes stay whole.
//
// CoNLL-2003, on which the named-entity model is trained, keeps hyphenated
// words whole; quiz/ner joins such tokens back into one unit for its own
// features, so both packages still agree on every token boundary.
//
// Sentences end at every line end and after ".", "!", "?" when the next
// token can open a sentence, and are cut at MaxSentence tokens.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSentence caps the number of tokens of one sentence so that the
// tagging and parsing stay bounded on text without sentence ends.
const MaxSentence = 200

// maxTokenBytes caps the length of one token; longer runs of non-space
// bytes are cut so that per-token work stays bounded.
const maxTokenBytes = 64

// Token is one token (a syntactic word) of a text.
type Token struct {
	// Text is the token as written: text[Start:End] of the text given to
	// Split.
	Text string
	// Start and End are byte offsets into the text.
	Start, End int
}

// Sentence is one sentence of a text.
type Sentence struct {
	// Start and End are the byte offsets of the sentence's first token's
	// start and last token's end.
	Start, End int
	// Tokens are the tokens of the sentence, in order; never empty.
	Tokens []Token
}

// splitter holds the state of one Split call.
type splitter struct {
	text  string
	toks  []Token // tokens of the current line
	sents []Sentence
	// all is the backing array the sentences' tokens live in.
	all []Token
}

// Split returns the sentences of text. Every token is a non-empty slice of
// text without spaces; tokens do not overlap and come in text order.
func Split(text string) []Sentence {
	sp := splitter{text: text, all: make([]Token, 0, len(text)/5+8)}
	i := 0
	for i < len(text) {
		c := text[i]
		if c == '\n' {
			sp.flush()
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					sp.flush()
				}
				i += size
				continue
			}
		}
		j := chunkEnd(text, i)
		sp.chunk(i, j, lineEndsAt(text, j))
		i = j
	}
	sp.flush()
	return sp.sents
}

// chunkEnd returns the end of the run of non-space bytes starting at i.
func chunkEnd(text string, i int) int {
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
	return j
}

// lineEndsAt reports whether only blanks follow text[j] before the end of
// its line.
func lineEndsAt(text string, j int) bool {
	for j < len(text) {
		switch text[j] {
		case ' ', '\t', '\r', '\f', '\v':
			j++
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// add appends the token text[a:b] to the current line.
func (sp *splitter) add(a, b int) {
	sp.toks = append(sp.toks, Token{Text: sp.text[a:b], Start: a, End: b})
	if len(sp.toks) >= 4*MaxSentence {
		sp.flush()
	}
}

// flush cuts the tokens of the current line into sentences.
func (sp *splitter) flush() {
	if len(sp.toks) == 0 {
		return
	}
	toks := sp.toks
	start := 0
	cut := func(end int) {
		for end-start > 0 {
			n := min(end-start, MaxSentence)
			first := len(sp.all)
			sp.all = append(sp.all, toks[start:start+n]...)
			ts := sp.all[first:len(sp.all):len(sp.all)]
			sp.sents = append(sp.sents, Sentence{Start: ts[0].Start, End: ts[len(ts)-1].End, Tokens: ts})
			start += n
		}
	}
	for i := 0; i < len(toks); i++ {
		if t := toks[i].Text; t != "\u2026" && stops(t) != len(t) {
			continue
		}
		j := i + 1
		for j < len(toks) {
			u := toks[j].Text
			closing := u == "\u201d" || u == "\u2019" || u == ")" || u == "]" || stops(u) == len(u)
			if u == "\"" || u == "'" {
				// A straight quote right after the stop closes a quotation;
				// after a space it opens the next one.
				closing = toks[j].Start == toks[j-1].End
			}
			if !closing {
				break
			}
			j++
		}
		if j >= len(toks) {
			break
		}
		if canOpenSentence(toks[j].Text) {
			cut(j)
			i = j - 1
		}
	}
	cut(len(toks))
	sp.toks = sp.toks[:0]
}

// canOpenSentence reports whether token u may start a sentence.
func canOpenSentence(u string) bool {
	c := u[0]
	if 'A' <= c && c <= 'Z' || isDigit(c) || c == '"' || c == '(' || c == '[' || c == '\'' {
		return true
	}
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(u)
		return unicode.IsUpper(r) || r == '\u201c' || r == '\u2018'
	}
	return false
}

// chunk splits the whitespace-free chunk text[start:end] into tokens;
// lineEnd reports whether it is the last chunk of its line.
func (sp *splitter) chunk(start, end int, lineEnd bool) {
	text := sp.text
	for start < end {
		if n := leadPunct(text[start:end]); n > 0 {
			sp.add(start, start+n)
			start += n
			continue
		}
		if n := addressLen(text[start:end]); n > 0 {
			sp.add(start, start+n)
			start += n
			continue
		}
		wend := wordEnd(text, start, end)
		if wend == start {
			// Defensive: always make progress.
			_, sz := utf8.DecodeRuneInString(text[start:end])
			sp.add(start, start+sz)
			start += sz
			continue
		}
		if wend == end && text[start:wend] == "No." && nextIsDigit(text, end) {
			sp.add(start, wend) // "No. 1"
			start = wend
			continue
		}
		sp.word(start, wend, wend == end && lineEnd, wend == end)
		start = wend
	}
}

// addressLen returns the length of a web or e-mail address opening s, less
// closing punctuation, or 0.
func addressLen(s string) int {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "www.") && !isEmail(s) {
		return 0
	}
	e := len(s)
	for e > 1 && strings.IndexByte(".,;:!?)]}>\"'", s[e-1]) >= 0 {
		e--
	}
	if e > 3 && s[e-3:e] == "\u2019" || e > 3 && s[e-3:e] == "\u201d" {
		e -= 3
	}
	return e
}

// isEmail reports whether s starts with an e-mail address: letters, digits
// and ._%+- around one @, a dot in the domain.
func isEmail(s string) bool {
	at := -1
	dot := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isAlnum(c) || c == '_' || c == '%' || c == '+' || c == '-':
		case c == '.':
			if at >= 0 && i > at+1 && i+1 < len(s) && isAlnum(s[i+1]) {
				dot = true
			}
		case c == '@':
			if at >= 0 || i == 0 {
				return false
			}
			at = i
		default:
			return at > 0 && dot
		}
	}
	return at > 0 && dot
}

// leadPunct returns the byte length of a punctuation symbol opening s that
// is always a token of its own, or 0. Runs of one symbol ("***", "==") and
// of sentence punctuation ("?!", "...") are one token, as are emoticons.
func leadPunct(s string) int {
	c := s[0]
	switch c {
	case '"', '(', ')', '[', ']', '{', '}', '|', ',', '`', '%', '\\', '&', '@', '$', '/':
		return 1
	case '<', '>', '*', '=', '~', '^', '+', '_':
		if c == '+' && len(s) > 1 && isDigit(s[1]) {
			return 0 // +44
		}
		if c == '_' && len(s) > 1 && isAlnum(s[1]) {
			return 0
		}
		return run(s, c)
	case '!', '?':
		return stops(s)
	case ';':
		if n := emoticon(s); n > 0 {
			return n
		}
		return 1
	case ':':
		if n := emoticon(s); n > 0 {
			return n
		}
		return 1
	case '#':
		if len(s) > 1 && isLetter(s[1]) {
			return 0 // #hashtag
		}
		return 1
	case '-':
		return run(s, '-')
	case '.':
		if len(s) > 1 && isDigit(s[1]) {
			return 0 // ".5"
		}
		return stops(s)
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

// run returns the length of the run of c opening s.
func run(s string, c byte) int {
	n := 1
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// stops returns the length of the run of sentence punctuation (. ! ?)
// opening s.
func stops(s string) int {
	n := 0
	for n < len(s) && (s[n] == '.' || s[n] == '!' || s[n] == '?') {
		n++
	}
	return n
}

// emoticon returns the length of an emoticon opening s (":)", ";-)",
// ":P"), or 0.
func emoticon(s string) int {
	n := 1
	if n < len(s) && s[n] == '-' {
		n++
	}
	if n >= len(s) {
		return 0
	}
	switch s[n] {
	case ')', '(', 'P', 'p', 'D', '/':
		n++
	default:
		return 0
	}
	if n < len(s) && isAlnum(s[n]) {
		return 0
	}
	return n
}

// wordEnd returns where the word starting at text[start] ends: before a
// character that always splits (quotes, brackets, commas not between
// digits, clitics); trailing periods are handled by word.
func wordEnd(text string, start, end int) int {
	j := start
	for j < end {
		if j-start >= maxTokenBytes {
			return j
		}
		c := text[j]
		switch {
		case c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
			c == '<' || c == '>' || c == '*' || c == '|' || c == '!' || c == '?' || c == ';' || c == '`' || c == '%' || c == '$' ||
			c == '=' || c == '~' || c == '^':
			return j
		case c == '+':
			if j > start {
				return j
			}
			j++ // +44
		case c == ',' || c == ':':
			// Kept inside numbers and times: 1,000 and 10:30.
			if j > start && j+1 < end && isDigit(text[j-1]) && isDigit(text[j+1]) {
				j++
				continue
			}
			return j
		case c == '/':
			// Kept inside numbers and dates (9/11, 1/2); else split.
			if j > start && j+1 < end && isDigit(text[j-1]) && isDigit(text[j+1]) {
				j++
				continue
			}
			return j
		case c == '-' && j+1 < end && text[j+1] == '-':
			return j // "--" dash
		case c == '.' && j+2 < end && text[j+1] == '.' && text[j+2] == '.':
			return j // ellipsis
		case c == 'n' || c == 'N':
			if j > start && isNegClitic(text[j:end]) {
				return j
			}
			j++
			continue
		case c == '\'':
			if j > start && isClitic(text[j:end]) {
				if isDigit(text[j-1]) && j+2 <= end && (text[j+1] == 's' || text[j+1] == 'S') {
					j += 2 // decades: 1990's
					continue
				}
				return j
			}
			if j > start && j+1 < end && isLetter(text[j-1]) && isLetter(text[j+1]) {
				j++ // O'Brien
				continue
			}
			if j > start {
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
				if (r == '\u2010' || r == '\u2011') && j > start {
					j += sz // Unicode hyphens inside words
					continue
				}
				return j
			}
			j += sz
			continue
		}
		j++
	}
	return j
}

// word adds the word text[start:end], splitting off trailing periods
// (unless the word is an abbreviation not ending a sentence) and a
// trailing apostrophe. lineEnd reports that nothing but blanks follows on
// the line; chunkEnd that the word ends its whitespace-delimited chunk.
func (sp *splitter) word(start, end int, lineEnd, chunkEnd bool) {
	w := sp.text[start:end]
	if len(w) > 1 && w[len(w)-1] == '.' {
		k := len(w) - 1
		for k > 0 && w[k-1] == '.' {
			k--
		}
		switch {
		case k == 0:
		case k < len(w)-1 || !isAbbrev(w):
			// "end." and "end..."
			sp.core(start, start+k)
			sp.add(start+k, end)
			return
		case chunkEnd && (lineEnd || endsSentence(w, sp.text, end)):
			// An abbreviation ending the sentence gives its period to
			// the sentence, as the treebanks write it: "in the U.S" ".".
			sp.core(start, end-1)
			sp.add(end-1, end)
			return
		default:
			sp.add(start, end)
			return
		}
	}
	if len(w) > 1 && w[len(w)-1] == '\'' {
		// Plural possessive: "players'".
		sp.core(start, end-1)
		sp.add(end-1, end)
		return
	}
	sp.core(start, end)
}

// endsSentence reports whether the abbreviation w, followed by text[end:],
// also ends its sentence: it is not a title or an initial, and the next
// word is a capitalized function word that opens sentences ("The", "He").
func endsSentence(w, text string, end int) bool {
	if isTitle(w) || len(w) == 2 {
		return false
	}
	i := end
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	j := i
	for j < len(text) && isLetter(text[j]) {
		j++
	}
	return j > i && 'A' <= text[i] && text[i] <= 'Z' && sentenceOpener(text[i:j])
}

// core adds a word free of sentence punctuation, split at hyphens by the
// treebanks' rules.
func (sp *splitter) core(start, end int) {
	text := sp.text
	w := text[start:end]
	// Positions and lengths of the hyphens.
	var hy [8]int
	nh := 0
	for i := 0; i < len(w) && nh < len(hy); i++ {
		if w[i] == '-' {
			hy[nh] = i
			nh++
		} else if w[i] == 0xe2 && i+2 < len(w) && w[i+1] == 0x80 && (w[i+2] == 0x90 || w[i+2] == 0x91) {
			hy[nh] = i
			nh++
			i += 2
		}
	}
	if nh == 0 || nh == len(hy) || keepHyphens(w) {
		sp.part(start, end)
		return
	}
	p := start
	for k := 0; k < nh; k++ {
		h := start + hy[k]
		hl := 1
		if text[h] != '-' {
			hl = 3
		}
		if h > p {
			sp.part(p, h)
		}
		sp.add(h, h+hl)
		p = h + hl
	}
	if p < end {
		sp.part(p, end)
	}
}

// keepHyphens reports whether the hyphenated word w stays one token.
func keepHyphens(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' })
	if len(parts) == 0 || w[0] == '-' || w[len(w)-1] == '-' || strings.HasPrefix(w, "\u2010") || strings.HasPrefix(w, "\u2011") {
		return true // a fragment ("w-") or only hyphens
	}
	digits := true
	for _, p := range parts {
		if !allDigits(p) {
			digits = false
		}
	}
	if digits {
		// Phone numbers and dates stay whole, ranges split.
		return len(parts) >= 3 || len(parts) == 2 && len(parts[0]) <= 3 && len(parts[1]) == 4
	}
	return hyphenPrefix(strings.ToLower(parts[0]))
}

// part adds a word free of hyphens, splitting the contractions the
// treebanks split ("gonna" -> gon na, "dont" -> do nt) and units after
// numbers ("5pm" -> 5 pm).
func (sp *splitter) part(start, end int) {
	w := sp.text[start:end]
	if k := contraction(w); k > 0 {
		sp.add(start, start+k)
		sp.add(start+k, end)
		return
	}
	if k := numberUnit(w); k > 0 {
		sp.add(start, start+k)
		sp.add(start+k, end)
		return
	}
	sp.add(start, end)
}

// contraction returns where the treebanks split w, or 0.
func contraction(w string) int {
	if len(w) < 4 || len(w) > 8 {
		return 0
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch l := string(buf[:len(w)]); l {
	case "gonna", "wanna", "gotta", "outta", "cannot", "lemme", "gimme":
		return len(l) - 2 - btoi(l == "cannot")
	case "dont", "didnt", "doesnt", "cant", "wont", "isnt", "arent", "wasnt", "werent", "couldnt",
		"wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "aint", "mustnt":
		return len(l) - 2
	}
	return 0
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// numberUnit returns where a number followed by a unit or time of day
// ("5pm", "35mm", "10k") splits, or 0.
func numberUnit(w string) int {
	i := 0
	for i < len(w) && (isDigit(w[i]) || i > 0 && (w[i] == '.' || w[i] == ',' || w[i] == ':') && i+1 < len(w) && isDigit(w[i+1])) {
		i++
	}
	if i == 0 || i == len(w) {
		return 0
	}
	switch strings.ToLower(w[i:]) {
	case "am", "pm", "a.m.", "p.m.", "mm", "cm", "km", "kg", "mg", "ml", "ft", "lb", "lbs", "mph", "kph", "km/h",
		"k", "bn", "mn", "gb", "mb", "tb", "kb", "ghz", "mhz", "hz", "kw", "mw", "kwh", "mwh", "hrs", "hr", "min", "mins", "sec", "secs":
		return i
	}
	return 0
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

// isClitic reports whether s starts with a clitic that is split off: 's
// 're 've 'll 'd 'm (n't is found by isNegClitic).
func isClitic(s string) bool {
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

// nextIsDigit reports whether the first non-blank byte from text[i] is a
// digit on the same line.
func nextIsDigit(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i < len(text) && isDigit(text[i])
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

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
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
