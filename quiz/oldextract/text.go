package oldextract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file turns text into tokens and sentences. Both passes are single
// scans, linear in the input, whatever the input is.

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
	tQuote // an opening, closing or straight quotation mark
)

type token struct {
	text       string
	low        string // text in lower case
	start, end int    // byte offsets in the text given to tokenize
	kind       tokKind
}

func mkTok(text string, start, end int, k tokKind) token {
	return token{text: text, low: lowerASCIIFast(text), start: start, end: end, kind: k}
}

// lowerASCIIFast lower-cases s, allocating only when s has upper case.
func lowerASCIIFast(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// abbrevs end with a period that does not end a sentence.
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true,
	"Gen": true, "Lt": true, "Col": true, "Sgt": true, "Capt": true, "Sen": true, "Rep": true,
	"Gov": true, "Prof": true, "Rev": true, "Inc": true, "Corp": true, "Co": true, "Ltd": true,
	"No": true, "vs": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true, "Aug": true,
	"Sept": true, "Sep": true, "Oct": true, "Nov": true, "Dec": true, "Mt": true, "Ft": true,
	"approx": true, "etc": true, "e.g": true, "i.e": true,
	// U.S. state abbreviations of wire style: "Cupertino, Calif."
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true, "Fla": true,
	"Ill": true, "Kan": true, "Ky": true, "Md": true, "Mass": true, "Mich": true, "Minn": true,
	"Neb": true, "Nev": true, "Okla": true, "Ore": true, "Tenn": true, "Tex": true, "Wis": true, "Wyo": true,
}

func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '«', '»', '„':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits s into words, numbers, punctuation and quotes. A
// possessive "'s" becomes its own token; "U.S." and "Mr." keep their
// periods; "1,000" and "1.7" are one number; "40-year-old" is one word.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(s, i)
			w := s[i:j]
			// "then-Secretary", "ex-President": the prefix is its own word.
			if p, rest, ok := strings.Cut(w, "-"); ok && (p == "then" || p == "ex" || p == "Ex" || p == "Then") && rest != "" && isCap(rest) {
				toks = append(toks, mkTok(p, i, i+len(p), tWord))
				toks = append(toks, mkTok("-", i+len(p), i+len(p)+1, tPunct))
				i += len(p) + 1
				continue
			}
			// Split a possessive: "Norway's" -> "Norway", "'s".
			if n := len(w); n > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) {
				cut := n - 2
				if strings.HasSuffix(w, "’s") {
					cut = n - len("’s")
				}
				toks = append(toks, mkTok(w[:cut], i, i+cut, wordKind(w[:cut])))
				toks = append(toks, mkTok(w[cut:], i+cut, j, tPunct))
			} else {
				toks = append(toks, mkTok(w, i, j, wordKind(w)))
			}
			i = j
		default:
			k := tPunct
			if isQuote(r) {
				k = tQuote
			}
			toks = append(toks, mkTok(s[i:i+size], i, i+size, k))
			i += size
		}
	}
	return toks
}

func wordKind(w string) tokKind {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return tNum
	}
	return tWord
}

// scanWord returns the end of the word starting at i.
func scanWord(s string, i int) int {
	j := i
	segLen := 0 // letters since the last period, for "U.S."
	dotted := false
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			segLen++
			continue
		}
		next, nsize := utf8.DecodeRuneInString(s[j+size:])
		if j+size >= len(s) {
			next, nsize = 0, 0
		}
		_ = nsize
		switch {
		case (r == '-' || isApos(r)) && (unicode.IsLetter(next) || unicode.IsDigit(next)):
			// "40-year-old", "O'Brien"; keep "'s" for the possessive split.
			j += size
			segLen = 0
			continue
		case (r == '.' || r == ',') && unicode.IsDigit(next) && j > i && isDigitBefore(s, j):
			j += size // 1.7, 1,000
			continue
		case r == '.' && segLen == 1 && (unicode.IsLetter(next) || dotted):
			// U.S., U.K.: single letters between periods.
			j += size
			dotted = true
			segLen = 0
			if !unicode.IsLetter(next) {
				return j
			}
			continue
		case r == '.' && j-i == 1 && unicode.IsUpper(rune(s[i])):
			return j + size // an initial: "Anna K. Lind"
		case r == '.' && abbrevs[s[i:j]]:
			return j + size
		}
		break
	}
	return j
}

func isDigitBefore(s string, j int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return unicode.IsDigit(r)
}

// span is a byte range.
type span struct{ start, end int }

// sentences returns the sentence spans of text: paragraphs (split on blank
// lines or newlines) split after ".", "!" or "?" (with closing quotes or
// brackets) when the next token starts a sentence.
func sentences(text string) []span {
	var out []span
	pstart := 0
	for pstart <= len(text) {
		pend := strings.IndexByte(text[pstart:], '\n')
		if pend < 0 {
			pend = len(text)
		} else {
			pend += pstart
		}
		out = splitParagraph(text, pstart, pend, out)
		pstart = pend + 1
	}
	return out
}

func splitParagraph(text string, pstart, pend int, out []span) []span {
	para := text[pstart:pend]
	toks := tokenize(para)
	start := -1
	for i := 0; i < len(toks); i++ {
		if start < 0 {
			start = toks[i].start
		}
		t := toks[i]
		if t.kind != tPunct || (t.text != "." && t.text != "!" && t.text != "?") {
			continue
		}
		end := i
		for end+1 < len(toks) && closesSentence(toks[end], toks[end+1]) {
			end++
		}
		if end+1 < len(toks) && !startsSentence(toks[end+1]) {
			continue
		}
		out = appendSpan(out, pstart+start, pstart+toks[end].end, text)
		start = -1
		i = end
	}
	if start >= 0 && len(toks) > 0 {
		out = appendSpan(out, pstart+start, pstart+toks[len(toks)-1].end, text)
	}
	return out
}

// closesSentence reports whether next still belongs to a sentence ending
// with prev: a closing quote or bracket, or more end punctuation. A straight
// quote closes only when it touches the period.
func closesSentence(prev, next token) bool {
	switch next.text {
	case "”", "’", "»", ")", "]", ".", "!", "?":
		return true
	case "\"", "'":
		return next.start == prev.end
	}
	return false
}

func appendSpan(out []span, s, e int, text string) []span {
	if strings.TrimSpace(text[s:e]) == "" {
		return out
	}
	return append(out, span{s, e})
}

func startsSentence(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || t.kind == tQuote || r == '(' || r == '['
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isLowerWord(t token) bool {
	if t.kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLower(r)
}

// allCaps reports an acronym like "NATO" or "U.S.".
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}
