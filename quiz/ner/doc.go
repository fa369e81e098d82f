package ner

// This file computes document-level evidence: how a word is written
// elsewhere in the same text. A word capitalized mid-sentence elsewhere is
// likely a name even at the start of a sentence or in an all-caps headline;
// a word also seen in lowercase is likely a common word.

// docStats counts, per lowercased word hash, its capitalized mid-sentence
// uses (low byte) and its all-lowercase uses (high byte), saturating at 255.
type docStats map[uint64]uint16

// Document evidence bits of tok.doc.
const (
	docCapElsewhere = 1 << iota
	docLowerElsewhere
	docNoEvidence
)

// casedUse reports whether t is capitalized where English does not force it.
func casedUse(t *tok) bool {
	return t.flags&(flInitCap|flAllCap|flMixed) != 0 && t.flags&(flFirst|flCapsSentence) == 0
}

// add counts the words of one prepared sentence.
func (d docStats) add(toks []tok) {
	for i := range toks {
		t := &toks[i]
		v := d[t.lower]
		switch {
		case casedUse(t):
			if v&0xff != 0xff {
				v++
			}
		case t.flags&flAllLower != 0:
			if v>>8 != 0xff {
				v += 1 << 8
			}
		default:
			continue
		}
		d[t.lower] = v
	}
}

// apply sets the doc bits of the capitalized words of one prepared
// sentence, leaving out the word's own use.
func (d docStats) apply(toks []tok) {
	for i := range toks {
		t := &toks[i]
		if t.flags&(flInitCap|flAllCap|flMixed) == 0 {
			continue
		}
		v := d[t.lower]
		capN, lowN := int(v&0xff), int(v>>8)
		if casedUse(t) && capN > 0 && capN < 0xff {
			capN--
		}
		if capN > 0 {
			t.doc |= docCapElsewhere
		}
		if lowN > 0 {
			t.doc |= docLowerElsewhere
		}
		if capN == 0 && lowN == 0 {
			t.doc |= docNoEvidence
		}
	}
}

// SplitDocs splits CoNLL-2003 sentences into documents, which the file
// format here does not mark: a document starts with the headline before a
// dateline sentence such as "LONDON 1996-08-22". It returns the index of
// the first sentence of each document.
func SplitDocs(sents []Sentence) []int {
	starts := []int{0}
	for i := 1; i < len(sents); i++ {
		w := sents[i].Words
		if len(w) > 6 || !isDate(w[len(w)-1]) {
			continue
		}
		if s := i - 1; s > starts[len(starts)-1] {
			starts = append(starts, s)
		}
	}
	return starts
}

// isDate reports whether w looks like 1996-08-22.
func isDate(w string) bool {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return false
	}
	for i := 0; i < 10; i++ {
		if i != 4 && i != 7 && !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// history remembers, per lowercased word, how often earlier sentences of
// the same document tagged it with each entity type (a byte per type,
// saturating). Later mentions ("Clinton" after "Bill Clinton") lean on it.
type history map[uint64]uint32

// histable reports whether t takes part in the history: capitalized words.
func histable(t *tok) bool {
	return t.flags&(flInitCap|flAllCap|flMixed) != 0
}

// histPos folds the sentence-position flags of t into 0..3.
func histPos(t *tok) uint64 {
	p := uint64(0)
	if t.flags&flFirst != 0 {
		p |= 1
	}
	if t.flags&flCapsSentence != 0 {
		p |= 2
	}
	return p
}

// histFeatures appends the history features of token t.
func (h history) features(t *tok, dst []uint64) []uint64 {
	if !histable(t) {
		return dst
	}
	v, ok := h[t.lower]
	if !ok {
		return dst
	}
	maj, best, set := 0, uint32(0), uint64(0)
	for typ := 0; typ < nTypes; typ++ {
		c := v >> (8 * typ) & 0xff
		if c > 0 {
			set |= 1 << typ
		}
		if c > best {
			maj, best = typ, c
		}
	}
	p := histPos(t)
	return append(dst, histMaj(uint64(maj), p), histSet(set, p))
}

func histMaj(maj, pos uint64) uint64 { return mix(mix(fHistMaj, maj), pos) }
func histSet(set, pos uint64) uint64 { return mix(mix(fHistSet, set), pos) }

// allHist lists every history feature hash, for training.
func allHist() []uint64 {
	var out []uint64
	for p := uint64(0); p < 4; p++ {
		for t := uint64(0); t < nTypes; t++ {
			out = append(out, histMaj(t, p))
		}
		for s := uint64(1); s < 1<<nTypes; s++ {
			out = append(out, histSet(s, p))
		}
	}
	return out
}

// record adds the entities of a tagged sentence to the history.
func (h history) record(toks []tok, tags []int) {
	tagSpans(tags, func(start, end, typ int) {
		for i := start; i < end; i++ {
			t := &toks[i]
			if !histable(t) {
				continue
			}
			v := h[t.lower]
			if v>>(8*typ)&0xff != 0xff {
				v += 1 << (8 * typ)
			}
			h[t.lower] = v
		}
	})
}
