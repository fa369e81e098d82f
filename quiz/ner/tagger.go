package ner

// This file holds the tag set, the weight table and Viterbi decoding.

import "math"

// types are the entity types in tag order.
var types = [4]string{PER, ORG, LOC, MISC}

// BILOU tags: 0 is O; type t has B=1+4t, I=2+4t, L=3+4t, U=4+4t.
const (
	nTypes = 4
	nTags  = 1 + 4*nTypes
	posB   = 0
	posI   = 1
	posL   = 2
	posU   = 3
)

func tagOf(typ, pos int) int { return 1 + 4*typ + pos }

func tagType(tag int) int { return (tag - 1) / 4 }

func tagPos(tag int) int { return (tag - 1) % 4 }

// allowed reports whether tag b may follow tag a (a = -1 for the start).
func allowed(a, b int) bool {
	openA := a > 0 && (tagPos(a) == posB || tagPos(a) == posI)
	if openA {
		return b > 0 && tagType(b) == tagType(a) && (tagPos(b) == posI || tagPos(b) == posL)
	}
	return b == 0 || tagPos(b) == posB || tagPos(b) == posU
}

// allowedEnd reports whether a sentence may end with tag a.
func allowedEnd(a int) bool {
	return a == 0 || tagPos(a) == posL || tagPos(a) == posU
}

// table is an open-addressing hash table from feature hash to a row of
// nTags weights quantized to 16 bits. A slot packs the top 40 bits of the
// feature hash with a 24-bit row index, so probes, mostly for absent
// features, touch one compact array, and rows are stored densely.
type table struct {
	slots []uint64 // 0 marks an empty slot
	rows  [][nTags]int16
	mask  uint64
	scale float32 // weight = int16 value * scale
}

const (
	rowBits  = 24
	rowMask  = 1<<rowBits - 1
	maxRows  = rowMask
	fpMask   = ^uint64(rowMask)
	slotSalt = 0x9E3779B97F4A7C15
)

// newTable builds a table of keys whose weight rows are consecutive in w.
// Keys beyond maxRows are dropped.
func newTable(keys []uint64, w []float32) *table {
	keys = keys[:min(len(keys), maxRows)]
	n := 1
	for n < len(keys)+len(keys)/2+16 {
		n <<= 1
	}
	maxAbs := float32(0)
	for _, x := range w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	t := &table{slots: make([]uint64, n), rows: make([][nTags]int16, len(keys)+1), mask: uint64(n - 1), scale: scale}
	for i, k := range keys {
		fp := k & fpMask
		s := ((fp >> rowBits) * slotSalt >> 29) & t.mask
		for t.slots[s] != 0 {
			s = (s + 1) & t.mask
		}
		row := i + 1 // row 0 is unused so that a slot is never 0
		t.slots[s] = fp | uint64(row)
		for j, x := range w[i*nTags : (i+1)*nTags] {
			t.rows[row][j] = int16(math.Round(float64(x / scale)))
		}
	}
	return t
}

// row returns the quantized weights of feature k, or nil.
func (t *table) row(k uint64) *[nTags]int16 {
	fp := k & fpMask
	s := ((fp >> rowBits) * slotSalt >> 29) & t.mask
	for {
		v := t.slots[s]
		if v == 0 {
			return nil
		}
		if v&fpMask == fp {
			return &t.rows[v&rowMask]
		}
		s = (s + 1) & t.mask
	}
}

// each calls fn for every feature of the table with its weights. Keys are
// reported by their 40-bit fingerprint, which is all the table keeps.
func (t *table) each(fn func(key uint64, row []float32)) {
	row := make([]float32, nTags)
	for _, v := range t.slots {
		if v != 0 {
			for j, x := range t.rows[v&rowMask] {
				row[j] = float32(x) * t.scale
			}
			fn(v&fpMask, row)
		}
	}
}

// viterbi finds the best legal tag sequence given per-position emission
// scores (len(scores) = n*nTags) and transition weights trans[a+1][b]
// (a = -1 is the start). It writes the tags into out.
func viterbi(scores []float32, n int, trans *[nTags + 1][nTags]float32, out []int, back []int8) {
	if n == 0 {
		return
	}
	negInf := float32(math.Inf(-1))
	var prev, cur [nTags]float32
	for b := 0; b < nTags; b++ {
		if allowed(-1, b) {
			prev[b] = trans[0][b] + scores[b]
		} else {
			prev[b] = negInf
		}
	}
	for i := 1; i < n; i++ {
		em := scores[i*nTags : (i+1)*nTags]
		bk := back[i*nTags : (i+1)*nTags]
		for b := 0; b < nTags; b++ {
			best, arg := negInf, 0
			for _, a := range preds[b] {
				if s := prev[a] + trans[a+1][b]; s > best {
					best, arg = s, int(a)
				}
			}
			cur[b] = best + em[b]
			bk[b] = int8(arg)
		}
		prev = cur
	}
	best, arg := negInf, 0
	for a := 0; a < nTags; a++ {
		if allowedEnd(a) && prev[a] > best {
			best, arg = prev[a], a
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = int(back[i*nTags+arg])
		out[i-1] = arg
	}
}

// preds lists, for each tag, the tags that may precede it.
var preds = func() (p [nTags][]int8) {
	for b := 0; b < nTags; b++ {
		for a := 0; a < nTags; a++ {
			if allowed(a, b) {
				p[b] = append(p[b], int8(a))
			}
		}
	}
	return p
}()

// spans turns a legal BILOU tag sequence into [start, end) token ranges
// with their type index.
func tagSpans(tags []int, fn func(start, end, typ int)) {
	start := -1
	for i, t := range tags {
		if t == 0 {
			start = -1
			continue
		}
		switch tagPos(t) {
		case posU:
			fn(i, i+1, tagType(t))
			start = -1
		case posB:
			start = i
		case posL:
			if start >= 0 {
				fn(start, i+1, tagType(t))
			}
			start = -1
		}
	}
}
