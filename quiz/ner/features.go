package ner

// This file turns a sentence of tokens into hashed features. Training and
// tagging share it, so a model only ever sees features computed here.

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Their values are part of the model format: append new
// templates at the end and never renumber.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fShape
	fShort
	fPre
	fSuf
	fLowerM1
	fLowerP1
	fLowerM2
	fLowerP2
	fShortM1
	fShortP1
	fShapeM1
	fShapeP1
	fBiM1
	fBiP1
	fTriShort
	fFlag
	fFirstShort
	fCapsSentShort
	fCapsSentLower
	fGaz
	fGazM1
	fGazP1
	fWordM1Short
	fWordP1Short
	fSufM1
	fDocCased
	fDocLowerSeen
	fGazShort
	fTriLower
	fClassM1
	fClassP1
	fLowerPre
	fHistMaj
	fHistSet
	fSufM1b
	fSufP1
	fCapRun
	fShortM2
	fShortP2
)

// Token flags.
const (
	flInitCap = 1 << iota
	flAllCap
	flAllLower
	flHasDigit
	flAllDigit
	flHasHyphen
	flHasPeriod
	flPunct
	flMixed
	flFirst
	flLast
	flSingleCap
	flCapsSentence
	nFlags = iota
)

// maxGaz is the longest gazetteer entry, in tokens.
const maxGaz = 6

// tok holds the hashed views of one token.
type tok struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64
	flags                     uint32
	gaz                       uint64 // bit cat*4+pos (pos B,I,L,U) of each gazetteer match
	doc                       uint32 // document-level evidence bits
}

// mix combines two 64-bit values into one well-spread hash.
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 31
	h *= 0xD6E8FEB86659FD93
	h ^= h >> 32
	h *= 0x94D049BB133111EB
	h ^= h >> 29
	return h
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Sentinel hashes for positions outside the sentence.
var (
	hBOS = mix(0xB05, 1)
	hEOS = mix(0xE05, 2)
)

// normRune maps typographic variants to their ASCII form so that “ and "
// or ’s and 's look alike to the model.
func normRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013':
		return '-'
	case '\u2014', '\u2015':
		return '-'
	case '\u00a0':
		return ' '
	}
	return r
}

// makeTok computes the hashed views of word w; with upper, as if w were
// written in capitals.
func makeTok(w string, upper bool) tok {
	var t tok
	hw, hl := uint64(fnvOffset), uint64(fnvOffset)
	var shape [16]byte
	ns := 0
	var short [8]byte
	nsh := 0
	var last byte
	nUpper, nLower, nDigit, nOther, nRunes := 0, 0, 0, 0, 0
	var preH [4]uint64
	var runesBuf [4]rune // last 4 lowered runes for suffixes
	for i := 0; i < len(w); {
		c := w[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var sz int
			r, sz = utf8.DecodeRuneInString(w[i:])
			i += sz
			r = normRune(r)
		}
		var sc byte
		if upper {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			} else if r >= utf8.RuneSelf && unicode.IsLower(r) {
				r = unicode.ToUpper(r)
			}
		}
		lr := r
		switch {
		case 'a' <= r && r <= 'z':
			sc = 'x'
			nLower++
		case 'A' <= r && r <= 'Z':
			sc = 'X'
			nUpper++
			lr = r + 'a' - 'A'
		case '0' <= r && r <= '9':
			sc = 'd'
			nDigit++
			lr = '0'
			r = '0'
		case r < utf8.RuneSelf:
			sc = byte(r)
			nOther++
		case unicode.IsUpper(r):
			sc = 'X'
			nUpper++
			lr = unicode.ToLower(r)
		case unicode.IsLetter(r):
			sc = 'x'
			nLower++
		case unicode.IsDigit(r):
			sc = 'd'
			nDigit++
		default:
			sc = '*'
			nOther++
		}
		switch sc {
		case '-':
			t.flags |= flHasHyphen
		case '.':
			t.flags |= flHasPeriod
		}
		hw = hashRune(hw, r)
		hl = hashRune(hl, lr)
		if nRunes < 4 {
			preH[nRunes] = hl
		}
		runesBuf[nRunes%4] = lr
		nRunes++
		if ns < len(shape) {
			shape[ns] = sc
			ns++
		}
		if sc != last && nsh < len(short) {
			short[nsh] = sc
			nsh++
		}
		last = sc
	}
	t.word = hw
	t.lower = hl
	t.shape = hashBytes(shape[:ns])
	t.short = hashBytes(short[:nsh])
	for k := 0; k < 4 && k < nRunes; k++ {
		t.pre[k] = mix(uint64(k), preH[k])
	}
	// Suffixes: hash the last k lowered runes, newest last.
	for k := 1; k <= 4 && k <= nRunes; k++ {
		h := uint64(fnvOffset)
		for j := nRunes - k; j < nRunes; j++ {
			h = hashRune(h, runesBuf[j%4])
		}
		t.suf[k-1] = mix(uint64(k+10), h)
	}
	letters := nUpper + nLower
	switch {
	case letters > 0 && nUpper == letters && nUpper > 1:
		t.flags |= flAllCap
	case letters > 0 && nLower == letters:
		t.flags |= flAllLower
	}
	if letters > 0 && len(shape) > 0 && shape[0] == 'X' {
		t.flags |= flInitCap
		if nUpper == 1 && letters == 1 {
			t.flags |= flSingleCap
		}
	}
	if nUpper > 0 && nLower > 0 && !(shape[0] == 'X' && nUpper == 1) {
		t.flags |= flMixed
	}
	if nDigit > 0 {
		t.flags |= flHasDigit
		if nDigit == nRunes {
			t.flags |= flAllDigit
		}
	}
	if letters == 0 && nDigit == 0 {
		t.flags |= flPunct
	}
	return t
}

func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		h ^= uint64(r)
		h *= fnvPrime
		return h
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	for i := 0; i < n; i++ {
		h ^= uint64(buf[i])
		h *= fnvPrime
	}
	return h
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// prepare computes the tokens of one sentence: hashed views, sentence
// flags and gazetteer matches.
func prepare(words []string, g gazetteer, toks []tok) []tok {
	toks = toks[:0]
	upper := titleCase(words)
	caps, lettered := 0, 0
	for _, w := range words {
		t := makeTok(w, upper)
		if t.flags&flAllCap != 0 || t.flags&flSingleCap != 0 && t.flags&flInitCap != 0 {
			caps++
		}
		if t.flags&(flAllCap|flAllLower|flInitCap|flMixed) != 0 {
			lettered++
		}
		toks = append(toks, t)
	}
	capsSent := lettered >= 2 && caps == lettered
	for i := range toks {
		if i == 0 {
			toks[i].flags |= flFirst
		}
		if i == len(toks)-1 {
			toks[i].flags |= flLast
		}
		if capsSent {
			toks[i].flags |= flCapsSentence
		}
	}
	if g != nil {
		g.mark(toks)
	}
	return toks
}

// titleCase reports whether a sentence looks like a title-case headline
// ("Talks Resume in Geneva Amid Ongoing Dispute"): every word of four
// letters or more is capitalized, there are at least four such words, a
// function word ("in", "To") shows it is prose rather than a list of names,
// and there are no brackets or scores as in sports tables. Capitalization
// says little there, as in an all-caps headline, so the sentence is then
// read as if written in capitals.
func titleCase(words []string) bool {
	long, function, numbers := 0, false, 0
	for _, w := range words {
		if w == "(" || w == ")" {
			return false
		}
		if w != "" && isDigit(w[0]) {
			numbers++
		}
		n := 0
		for i := 0; i < len(w) && n < 4; i++ {
			if isLetter(w[i]) || w[i] >= utf8.RuneSelf {
				n++
			}
		}
		fw := headlineFunc(w)
		function = function || fw
		c := w[0]
		if 'a' <= c && c <= 'z' && !fw {
			return false
		}
		if n < 4 {
			continue
		}
		if c >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) {
				return false
			}
		}
		long++
	}
	return long >= 4 && function && numbers <= 1
}

// headlineFunc reports whether w is a function word typical of headlines.
func headlineFunc(w string) bool {
	for _, f := range [...]string{"for", "in", "to", "of", "on", "as", "at", "with", "amid", "after", "over", "from", "into", "by", "is", "are", "will", "set", "says", "the", "its", "and", "or", "a", "an", "but", "vs", "via", "up", "off", "per", "than", "into"} {
		if lowerEq(w, f) {
			return true
		}
	}
	return false
}

// features appends the feature hashes for position i to dst.
func features(toks []tok, i int, dst []uint64) []uint64 {
	return contextFeatures(toks, i, unitFeatures(&toks[i], dst))
}

// unitKey identifies everything unitFeatures reads from a token, so that
// their summed weights can be cached per word within a text.
func unitKey(t *tok) uint64 {
	return mix(mix(mix(t.word, uint64(t.flags)), t.gaz), uint64(t.doc))
}

// unitFeatures appends the features that depend on the token alone (and on
// its flags, gazetteer and document bits).
func unitFeatures(t *tok, dst []uint64) []uint64 {
	dst = append(dst,
		fBias,
		mix(fWord, t.word),
		mix(fLower, t.lower),
		mix(fShape, t.shape),
		mix(fShort, t.short),
	)
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			dst = append(dst, mix(fPre, t.pre[k]))
		}
		if t.suf[k] != 0 {
			dst = append(dst, mix(fSuf, t.suf[k]))
		}
	}
	for f := uint32(0); f < nFlags; f++ {
		if t.flags&(1<<f) != 0 {
			dst = append(dst, mix(fFlag, uint64(f)))
		}
	}
	if t.flags&flFirst != 0 {
		dst = append(dst, mix(fFirstShort, t.short))
	}
	if t.flags&flCapsSentence != 0 {
		dst = append(dst, mix(fCapsSentShort, t.short), mix(fCapsSentLower, t.lower))
	}
	for b := t.gaz; b != 0; b &= b - 1 {
		bit := uint64(trailingZeros(b))
		dst = append(dst, mix(fGaz, bit), mix(mix(fGazShort, bit), t.short))
	}
	if t.doc != 0 {
		pos := uint64(t.flags & (flFirst | flCapsSentence))
		dst = append(dst,
			mix(mix(fDocCased, uint64(t.doc)), t.short),
			mix(mix(fDocLowerSeen, uint64(t.doc)), pos),
		)
	}
	return dst
}

// contextFeatures appends the features of position i that look at its
// neighbours.
func contextFeatures(toks []tok, i int, dst []uint64) []uint64 {
	t := &toks[i]
	lowerAt := func(j int) uint64 {
		if j < 0 {
			return hBOS
		}
		if j >= len(toks) {
			return hEOS
		}
		return toks[j].lower
	}
	shortAt := func(j int) uint64 {
		if j < 0 {
			return hBOS
		}
		if j >= len(toks) {
			return hEOS
		}
		return toks[j].short
	}
	lm1, lp1 := lowerAt(i-1), lowerAt(i+1)
	sm1, sp1 := shortAt(i-1), shortAt(i+1)
	dst = append(dst,
		mix(fLowerM1, lm1),
		mix(fLowerP1, lp1),
		mix(fLowerM2, lowerAt(i-2)),
		mix(fLowerP2, lowerAt(i+2)),
		mix(fShortM1, sm1),
		mix(fShortP1, sp1),
		mix(mix(fBiM1, lm1), t.lower),
		mix(mix(fBiP1, t.lower), lp1),
		mix(mix(mix(fTriShort, sm1), t.short), sp1),
		mix(mix(fWordM1Short, lm1), t.short),
		mix(mix(fWordP1Short, lp1), t.short),
		mix(mix(fTriLower, lm1), mix(t.lower, lp1)),
	)
	if i > 0 && toks[i-1].suf[2] != 0 {
		dst = append(dst, mix(fSufM1b, toks[i-1].suf[2]))
	}
	if i+1 < len(toks) && toks[i+1].suf[2] != 0 {
		dst = append(dst, mix(fSufP1, toks[i+1].suf[2]))
	}
	if t.flags&(flInitCap|flAllCap|flMixed) != 0 {
		// Length of the run of capitalized tokens around i, and i's place in it.
		a, b := i, i
		for a > 0 && toks[a-1].flags&(flInitCap|flAllCap|flMixed) != 0 && i-a < 8 {
			a--
		}
		for b+1 < len(toks) && toks[b+1].flags&(flInitCap|flAllCap|flMixed) != 0 && b-i < 8 {
			b++
		}
		dst = append(dst, mix(fCapRun, uint64(min(b-a, 5)*16+min(i-a, 5))))
	}
	if i > 0 {
		for b := toks[i-1].gaz &^ lowerOKBits; b != 0; b &= b - 1 {
			dst = append(dst, mix(fGazM1, uint64(trailingZeros(b))))
		}
	}
	if i+1 < len(toks) {
		for b := toks[i+1].gaz &^ lowerOKBits; b != 0; b &= b - 1 {
			dst = append(dst, mix(fGazP1, uint64(trailingZeros(b))))
		}
	}
	return dst
}

func trailingZeros(x uint64) int { return bits.TrailingZeros64(x) }
