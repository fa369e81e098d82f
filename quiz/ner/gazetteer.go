package ner

// This file matches token sequences against lists of known names.

// gazetteer maps the hash of a lowercased token sequence to a bit set of
// entity types (bit t for types[t]).
type gazetteer map[uint64]uint8

// seqHash extends the hash of a token sequence by one token.
func seqHash(h, lower uint64) uint64 { return mix(h^0x5eed, lower) }

// add records words (a name) as an entity of type typ.
func (g gazetteer) add(words []string, typ int) {
	if len(words) == 0 || len(words) > maxGaz {
		return
	}
	h := uint64(0)
	for _, w := range words {
		t := makeTok(w)
		h = seqHash(h, t.lower)
	}
	g[h] |= 1 << typ
}

// mark sets the gaz bits of toks for every match. A match must start and
// end with a token that is not all lowercase, so that "may" or "bush" in
// running text do not match.
func (g gazetteer) mark(toks []tok) {
	if len(g) == 0 {
		return
	}
	for i := range toks {
		if toks[i].flags&(flAllLower|flPunct) != 0 {
			continue
		}
		h := uint64(0)
		for l := 1; l <= maxGaz && i+l <= len(toks); l++ {
			last := &toks[i+l-1]
			h = seqHash(h, last.lower)
			if last.flags&(flAllLower|flPunct) != 0 {
				// Interior lowercase words ("Bank of England") are fine,
				// but a match cannot end on one.
				continue
			}
			bits, ok := g[h]
			if !ok {
				continue
			}
			for typ := 0; typ < nTypes; typ++ {
				if bits&(1<<typ) == 0 {
					continue
				}
				if l == 1 {
					toks[i].gaz |= 1 << (typ*4 + posU)
					continue
				}
				toks[i].gaz |= 1 << (typ*4 + posB)
				for j := i + 1; j < i+l-1; j++ {
					toks[j].gaz |= 1 << (typ*4 + posI)
				}
				toks[i+l-1].gaz |= 1 << (typ*4 + posL)
			}
		}
	}
}
