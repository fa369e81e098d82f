package ner

import "fmt"

// This file matches token sequences against lists of known names.

// gazetteer maps the hash of a lowercased token sequence to a bit set of
// categories: bit t < nTypes for names of type types[t] harvested from
// training data, then the general lexicon categories of lexCats.
type gazetteer map[uint64]uint32

// prefixBit marks a token sequence that begins a longer entry, so that
// matching stops as soon as no entry can continue.
const prefixBit = 1 << 31

// lexCats are the general lexicon categories, in bit order after the
// entity types. Their order is part of the model format.
var lexCats = [...]string{"country", "city", "region", "nationality", "given", "org", "orgword", "title", "word", "person", "place"}

// nCats is the number of gazetteer categories.
const nCats = nTypes + len(lexCats)

// lowerOKBits are the tok.gaz bits of the lowerOK categories; the
// neighbours' features leave them out.
var lowerOKBits = func() (b uint64) {
	for cat := 0; cat < nCats; cat++ {
		if lowerOK&(1<<cat) != 0 {
			b |= 0xf << (4 * cat)
		}
	}
	return b
}()

// lowerOK is the set of categories that may match all-lowercase words:
// titles and dictionary words.
var lowerOK = uint32(1)<<(nTypes+7) | uint32(1)<<(nTypes+8)

// addLexicon adds general word lists, keyed by lexCats names, to g.
func (g gazetteer) addLexicon(lex map[string][]string) error {
	for name, list := range lex {
		cat := -1
		for i, c := range lexCats {
			if c == name {
				cat = nTypes + i
			}
		}
		if cat < 0 {
			return fmt.Errorf("ner: unknown lexicon category %q", name)
		}
		for _, entry := range list {
			var words []string
			for _, sent := range tokenize(entry) {
				for _, sp := range sent {
					words = append(words, entry[sp.Start:sp.End])
				}
			}
			g.add(words, cat)
		}
	}
	return nil
}

// seqHash extends the hash of a token sequence by one token.
func seqHash(h, lower uint64) uint64 { return mix(h^0x5eed, lower) }

// add records words (a name) in category cat.
func (g gazetteer) add(words []string, cat int) {
	if len(words) == 0 || len(words) > maxGaz {
		return
	}
	h := uint64(0)
	for i, w := range words {
		if i > 0 {
			g[h] |= prefixBit
		}
		t := makeTok(w, false)
		h = seqHash(h, t.lower)
	}
	g[h] |= 1 << cat
}

// mark sets the gaz bits of toks for every match. A match must start and
// end with a token that is not all lowercase, so that "may" or "bush" in
// running text do not match.
func (g gazetteer) mark(toks []tok) {
	if len(g) == 0 {
		return
	}
	for i := range toks {
		if toks[i].flags&flPunct != 0 {
			continue
		}
		lowerStart := toks[i].flags&flAllLower != 0
		h := uint64(0)
		for l := 1; l <= maxGaz && i+l <= len(toks); l++ {
			last := &toks[i+l-1]
			h = seqHash(h, last.lower)
			bits, ok := g[h]
			if !ok {
				break
			}
			bits &^= prefixBit
			if lowerStart || last.flags&(flAllLower|flPunct) != 0 {
				// Names must start and end capitalized ("Bank of England"
				// may have lowercase words inside); titles need not.
				bits &= lowerOK
			}
			for cat := 0; cat < nCats; cat++ {
				if bits&(1<<cat) == 0 {
					continue
				}
				if l == 1 {
					toks[i].gaz |= 1 << (cat*4 + posU)
					continue
				}
				toks[i].gaz |= 1 << (cat*4 + posB)
				for j := i + 1; j < i+l-1; j++ {
					toks[j].gaz |= 1 << (cat*4 + posI)
				}
				toks[i+l-1].gaz |= 1 << (cat*4 + posL)
			}
		}
	}
}
