package syntax

// This file computes the hashed views of a word that the tagger, parser
// and morphology features read: form, lowercase form, shape, affixes and
// a few flags.

import (
	"unicode"
	"unicode/utf8"
)

// view holds the hashed views of one word.
type view struct {
	form, lower, shape, short uint64
	pre                       [3]uint64
	suf                       [4]uint64
	flags                     uint32
	// amb is the word's ambiguity class: a hash of the tags it takes in
	// the training data, or hUnknownWord for a rare or unseen word.
	amb uint64
	// hyph is the lowercase hash of the part after a hyphenated word's
	// last hyphen ("known" in "well-known"; 0 for other words), and
	// hyphAmb the ambiguity class of that part.
	hyph, hyphAmb uint64
	// lex is the word's frequency and capitalization bucket in the
	// training data (see lexBuckets); sentCap tells how the whole sentence
	// is capitalized (see setAmbiguity).
	lex, sentCap uint8
}

// Word flags.
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
	flHasApos
	nFlags = iota
)

// normRune maps typographic variants to their ASCII form so that “ and "
// or ’s and 's look alike to the model.
func normRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb':
		return '"'
	case '\u2010', '\u2011', '\u2012':
		return '-'
	case '\u2013', '\u2014', '\u2015':
		return '\u2014'
	}
	return r
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

// maxViewRunes bounds the work per word: longer words are read up to
// this many runes for their hashes (and their last runes for suffixes).
const maxViewRunes = 48

// makeView computes the views of word w.
func makeView(w string) view {
	var v view
	hw, hl := uint64(fnvOffset), uint64(fnvOffset)
	var shape [12]byte
	ns := 0
	var short [6]byte
	nsh := 0
	var last byte
	nUpper, nLower, nDigit, nRunes := 0, 0, 0, 0
	var ring [4]rune                     // last 4 lowered runes
	hp, hyph := uint64(fnvOffset), false // the part after the last hyphen
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
		case r < utf8.RuneSelf:
			sc = byte(r)
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
		}
		if nRunes < maxViewRunes && hyph {
			hp = hashRune(hp, lr)
		}
		switch sc {
		case '-':
			v.flags |= flHasHyphen
			hyph = true
			hp = uint64(fnvOffset)
		case '.':
			v.flags |= flHasPeriod
		case '\'':
			v.flags |= flHasApos
		}
		if nRunes < maxViewRunes {
			hw = hashRune(hw, r)
			hl = hashRune(hl, lr)
			if nRunes < 3 {
				v.pre[nRunes] = mix(uint64(nRunes+1), hl)
			}
		}
		ring[nRunes%4] = lr
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
	v.form = hw
	if hyph && hp != fnvOffset {
		v.hyph = hp
	}
	v.lower = hl
	v.shape = hashBytes(shape[:ns])
	v.short = hashBytes(short[:nsh])
	for k := 1; k <= 4 && k <= nRunes; k++ {
		h := uint64(fnvOffset)
		for j := nRunes - k; j < nRunes; j++ {
			h = hashRune(h, ring[j%4])
		}
		v.suf[k-1] = mix(uint64(k+10), h)
	}
	letters := nUpper + nLower
	switch {
	case letters > 0 && nUpper == letters && nUpper > 1:
		v.flags |= flAllCap
	case letters > 0 && nLower == letters:
		v.flags |= flAllLower
	}
	if letters > 0 && shape[0] == 'X' {
		v.flags |= flInitCap
	}
	if nUpper > 0 && nLower > 0 && !(shape[0] == 'X' && nUpper == 1) {
		v.flags |= flMixed
	}
	if nDigit > 0 {
		v.flags |= flHasDigit
		if nDigit == nRunes {
			v.flags |= flAllDigit
		}
	}
	if letters == 0 && nDigit == 0 {
		v.flags |= flPunct
	}
	return v
}
