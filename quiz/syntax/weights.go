package syntax

// This file holds the feature hashing and the two weight tables of the
// averaged perceptrons: a sparse, growing one for training and a compact,
// quantized one for tagging and parsing.

import (
	"math"
	"slices"
	"unsafe"
)

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

func mix3(a, b, c uint64) uint64 { return mix(mix(a, b), c) }

func mix4(a, b, c, d uint64) uint64 { return mix(mix(mix(a, b), c), d) }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString returns the FNV-1a hash of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// keyBits is the number of bits of a feature hash the model keeps; the
// rest is dropped to keep the model file small. A lookup of a feature the
// model lacks matches another by chance about once in 2^keyBits/features.
const keyBits = 44

// keyOf reduces a feature hash to the keyBits the model keeps.
func keyOf(f uint64) uint64 { return f >> (64 - keyBits) }

// table maps feature keys to rows of quantized class weights. It is an
// open-addressing hash table with linear probing whose slots are one word
// each: the key's bits above the home slot index ("quotient"), the
// distance from the home slot, and the offset of the row's header in
// ents. Empty slots are 0 (no row starts at offset 0).
//
// A row is sparse or dense. A sparse row's header holds its number of
// entries (low 16 bits) and how many of them have a class below split
// (bits 16-30), and that many entries follow it, by class, each a class
// in the high 16 bits and an int16 weight in the low 16. A dense row's
// header is denseFlag and the row's index in dense, where it holds the
// weight of every class plus denseBias, 16 bits each, four to a word:
// summing a row then takes a quarter of the additions, four classes at a
// time, which pays for rows that have weights for many classes (those of
// the frequent features every sentence looks up).
type table struct {
	slots   []uint64
	bits    uint // log2(len(slots))
	offBits uint // 12 + bits
	ents    []uint32
	scale   float32
	// nclass is the number of classes, and split the class below which
	// partLow sums (0: the table does not tell parts apart); both are set
	// by compact, which makes dense rows.
	nclass, split int
	dense         []uint64
}

// denseFlag marks the header of a dense row.
const denseFlag = 1 << 31

// denseBias makes the 12-bit weights of dense rows non-negative, so that
// sixteen rows add up in 16-bit lanes without a carry into the next.
const (
	denseBias    = 2048
	denseBatch   = 16
	denseMinRows = 20 // entries a row needs to become dense
)

// Parts of the classes addAll sums: all of them, those below the table's
// split (the parser's SHIFT and LEFT actions) or those from it on (its
// RIGHT actions).
const (
	partAll = iota
	partLow
	partHigh
)

// maxDisp is the largest distance of a key from its home slot; a longer
// probe makes newTable grow the table.
const maxDisp = 255

// buildRow is a row of a table being built.
type buildRow struct {
	key  uint64 // keyOf the feature hash
	cls  []uint16
	vals []int16
}

// sort orders the row's entries by class.
func (r *buildRow) sort() {
	for i := 1; i < len(r.cls); i++ {
		for j := i; j > 0 && r.cls[j] < r.cls[j-1]; j-- {
			r.cls[j], r.cls[j-1] = r.cls[j-1], r.cls[j]
			r.vals[j], r.vals[j-1] = r.vals[j-1], r.vals[j]
		}
	}
}

// newTable builds a table from rows whose weights are already quantized.
// Rows must have distinct keys.
func newTable(rows []buildRow, scale float32) *table {
	nents := 1
	for _, r := range rows {
		nents += 1 + len(r.cls)
	}
	ents := make([]uint32, 1, nents)
	keys := make([]uint64, len(rows))
	offs := make([]uint64, len(rows))
	for i, r := range rows {
		keys[i] = r.key
		offs[i] = uint64(len(ents))
		ents = append(ents, uint32(len(r.cls)))
		for j, c := range r.cls {
			ents = append(ents, uint32(c)<<16|uint32(uint16(r.vals[j])))
		}
	}
	return flatTable(keys, offs, ents, scale)
}

// flatTable builds a table of the rows at offsets offs of ents, whose keys
// are keys.
func flatTable(keys, offs []uint64, ents []uint32, scale float32) *table {
	bits := uint(4)
	for 1<<bits < 2*len(keys) {
		bits++
	}
	for ; ; bits++ {
		t := &table{slots: hugeUint64s(1 << bits), bits: bits, offBits: 12 + bits, ents: ents, scale: scale}
		if t.fill(keys, offs) {
			return t
		}
	}
}

// fill places the rows in the slots, or reports false if a key lands too
// far from its home slot.
func (t *table) fill(keys, offs []uint64) bool {
	mask := uint64(len(t.slots) - 1)
	for i, k := range keys {
		home := k & mask
		d := uint64(0)
		for t.slots[(home+d)&mask] != 0 {
			d++
		}
		if d > maxDisp {
			return false
		}
		t.slots[(home+d)&mask] = (k>>t.bits)<<(8+t.offBits) | d<<t.offBits | offs[i]
	}
	return true
}

// lookup is the work space of addAll, reused across calls.
type lookup struct {
	buf   []uint64 // slots, then row offsets, then sparse rows to sum
	dense []uint32 // dense rows to sum
	acc   []uint64 // sums of dense rows, in 16-bit lanes
}

// addAll adds to scores the weights of all the features for the classes
// of part (partAll, or partLow or partHigh of a table with a split;
// classes outside the part may get any value). It looks them up in
// passes, first probes of every feature, then row headers, then rows, so
// that the processor overlaps their cache misses: the tables are far
// larger than its caches.
func (t *table) addAll(feats []uint64, scores []int32, lk *lookup, part int) {
	if t == nil {
		return
	}
	mask := uint64(len(t.slots) - 1)
	buf := lk.buf[:0]
	for _, f := range feats {
		buf = append(buf, t.slots[keyOf(f)&mask])
	}
	n := 0
	low := uint64(1)<<t.offBits - 1
	for i, f := range feats {
		v := buf[i]
		if v == 0 {
			continue
		}
		k := keyOf(f)
		want := (k >> t.bits) << (8 + t.offBits)
		home := k & mask
		for d := uint64(0); ; {
			if v&^low == want|d<<t.offBits {
				buf[n] = v & low
				n++
				break
			}
			d++
			if d > maxDisp {
				break
			}
			v = t.slots[(home+d)&mask]
			if v == 0 {
				break
			}
		}
	}
	if t.split == 0 {
		part = partAll
	}
	// Load the rows' headers in a pass of their own, so that their misses
	// overlap too, and turn each sparse row into the offset of its first
	// entry to sum with the number to sum in the high bits (at most
	// 65535; offsets are at most 12+26 bits).
	ents := t.ents
	dense := lk.dense[:0]
	m := 0
	for _, off := range buf[:n] {
		h := ents[off]
		if h&denseFlag != 0 {
			dense = append(dense, h&^denseFlag)
			continue
		}
		c, below := uint64(h&0xffff), uint64(h>>16)
		first := off + 1
		switch part {
		case partLow:
			c = below
		case partHigh:
			first += below
			c -= below
		}
		buf[m] = first | c<<44
		m++
	}
	addRows(scores, ents, buf[:m])
	if len(dense) > 0 {
		lk.acc = t.addDense(scores, dense, lk.acc, part)
	}
	lk.buf, lk.dense = buf, dense
}

// addRows adds to scores the entries of ents at the offsets (with their
// number in the high bits) of rows. It is a function of its own so that
// the compiler keeps its loop's values in registers.
func addRows(scores []int32, ents []uint32, rows []uint64) {
	for _, v := range rows {
		off, c := v&(1<<44-1), v>>44
		for _, e := range ents[off : off+c] {
			scores[e>>16] += int32(int16(e))
		}
	}
}

// addDense adds to scores the dense rows of t numbered rows, for the
// classes of part (and the others that share their words), in batches of
// denseBatch summed in the 16-bit lanes of acc, which it returns for
// reuse.
func (t *table) addDense(scores []int32, rows []uint32, acc []uint64, part int) []uint64 {
	words := (t.nclass + 3) / 4
	lo, hi := 0, words
	switch part {
	case partLow:
		hi = (t.split + 3) / 4
	case partHigh:
		lo = t.split / 4
	}
	if cap(acc) < words {
		acc = make([]uint64, words)
	}
	acc = acc[:words]
	sum := acc[lo:hi]
	for len(rows) > 0 {
		k := min(len(rows), denseBatch)
		clear(sum)
		for _, r := range rows[:k] {
			row := t.dense[int(r)*words+lo : int(r)*words+hi]
			row = row[:len(sum)]
			for j, x := range row {
				sum[j] += x
			}
		}
		rows = rows[k:]
		bias := int32(k * denseBias)
		c := 4 * lo
		for _, x := range sum {
			if c+4 <= len(scores) {
				s := scores[c : c+4 : c+4]
				s[0] += int32(x&0xffff) - bias
				s[1] += int32(x>>16&0xffff) - bias
				s[2] += int32(x>>32&0xffff) - bias
				s[3] += int32(x>>48) - bias
			} else {
				for l := 0; c+l < len(scores); l++ {
					scores[c+l] += int32(x>>(16*l)&0xffff) - bias
				}
			}
			c += 4
		}
	}
	return acc
}

// compact records the table's number of classes and split (0 for none),
// sets the sparse rows' counts of entries below the split and makes dense
// the rows with at least denseMinRows entries whose weights all fit 12
// bits and are non-zero (so that rows can give them back). It is called
// once, before the table is used concurrently.
func (t *table) compact(nclass, split int) {
	if t == nil || t.nclass != 0 {
		return
	}
	t.nclass, t.split = nclass, split
	words := (nclass + 3) / 4
	// Dense rows take the place of a sparse row's header and entries.
	ents := hugeUint32s(len(t.ents))[:1]
	for s, v := range t.slots {
		if v == 0 {
			continue
		}
		off := v & (1<<t.offBits - 1)
		c := uint64(t.ents[off])
		row := t.ents[off+1 : off+1+c]
		at := uint64(len(ents))
		if t.denseOK(row) {
			ents = append(ents, denseFlag|uint32(len(t.dense)/words))
			base := len(t.dense)
			for range words {
				t.dense = append(t.dense, 0)
			}
			for l := range 4 * words {
				t.dense[base+l/4] |= uint64(denseBias) << (16 * (l % 4))
			}
			for _, e := range row {
				cls := int(e >> 16)
				w := uint64(int64(int16(e)) + denseBias)
				t.dense[base+cls/4] &^= 0xffff << (16 * (cls % 4))
				t.dense[base+cls/4] |= w << (16 * (cls % 4))
			}
		} else {
			below := 0
			for _, e := range row {
				if int(e>>16) < split {
					below++
				}
			}
			ents = append(ents, uint32(c)|uint32(below)<<16)
			ents = append(ents, row...)
		}
		t.slots[s] = v&^(1<<t.offBits-1) | at
	}
	t.ents = ents
}

// denseOK reports whether a sparse row may become dense.
func (t *table) denseOK(row []uint32) bool {
	if len(row) < denseMinRows {
		return false
	}
	for _, e := range row {
		w := int16(e)
		if w == 0 || w < -denseBias || w >= denseBias || int(e>>16) >= t.nclass {
			return false
		}
	}
	return true
}

// rows returns the table's rows sorted by key, for encoding.
func (t *table) rows() []buildRow {
	var out []buildRow
	mask := uint64(len(t.slots) - 1)
	for s, v := range t.slots {
		if v == 0 {
			continue
		}
		off := v & (1<<t.offBits - 1)
		d := v >> t.offBits & 0xff
		home := (uint64(s) - d) & mask
		r := buildRow{key: (v>>(8+t.offBits))<<t.bits | home}
		if h := t.ents[off]; h&denseFlag != 0 {
			words := (t.nclass + 3) / 4
			row := t.dense[int(h&^denseFlag)*words:][:words]
			for c := range t.nclass {
				if w := int16(row[c/4]>>(16*(c%4))&0xffff) - denseBias; w != 0 {
					r.cls = append(r.cls, uint16(c))
					r.vals = append(r.vals, w)
				}
			}
		} else {
			for _, e := range t.ents[off+1 : off+1+uint64(h&0xffff)] {
				r.cls = append(r.cls, uint16(e>>16))
				r.vals = append(r.vals, int16(e))
			}
		}
		r.sort()
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b buildRow) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	return out
}

// features returns the number of features of t.
func (t *table) features() int {
	if t == nil {
		return 0
	}
	n := 0
	for _, v := range t.slots {
		if v != 0 {
			n++
		}
	}
	return n
}

// entry is one class weight of a training row, with the running sum for
// averaging: acc holds the sum of w over the updates before ts.
type entry struct {
	acc float64
	w   float32
	ts  int32
	cls uint16
}

// trainTable is the growing weight table of a perceptron in training.
type trainTable struct {
	keys []uint64 // open addressing; 0 is empty (feature hashes are never 0 after keyOf+1)
	vals []int32
	n    int
	rows [][]entry
	// clock counts the examples seen, for averaging.
	clock int32
}

func newTrainTable() *trainTable {
	return &trainTable{keys: make([]uint64, 1<<16), vals: make([]int32, 1<<16)}
}

// find returns the row index of feature f, or -1.
func (t *trainTable) find(f uint64) int32 {
	k := keyOf(f) + 1
	mask := uint64(len(t.keys) - 1)
	s := (k * 0x9E3779B97F4A7C15 >> 20) & mask
	for {
		switch t.keys[s] {
		case 0:
			return -1
		case k:
			return t.vals[s]
		}
		s = (s + 1) & mask
	}
}

// insert returns the row index of feature f, adding an empty row.
func (t *trainTable) insert(f uint64) int32 {
	if r := t.find(f); r >= 0 {
		return r
	}
	if 2*(t.n+1) > len(t.keys) {
		old, oldv := t.keys, t.vals
		t.keys = make([]uint64, 2*len(old))
		t.vals = make([]int32, 2*len(old))
		mask := uint64(len(t.keys) - 1)
		for i, k := range old {
			if k == 0 {
				continue
			}
			s := (k * 0x9E3779B97F4A7C15 >> 20) & mask
			for t.keys[s] != 0 {
				s = (s + 1) & mask
			}
			t.keys[s], t.vals[s] = k, oldv[i]
		}
	}
	k := keyOf(f) + 1
	mask := uint64(len(t.keys) - 1)
	s := (k * 0x9E3779B97F4A7C15 >> 20) & mask
	for t.keys[s] != 0 {
		s = (s + 1) & mask
	}
	r := int32(len(t.rows))
	t.keys[s], t.vals[s] = k, r
	t.rows = append(t.rows, nil)
	t.n++
	return r
}

// score adds the current weights of the features to scores.
func (t *trainTable) score(feats []uint64, scores []float32) {
	for _, f := range feats {
		if r := t.find(f); r >= 0 {
			for _, e := range t.rows[r] {
				scores[e.cls] += e.w
			}
		}
	}
}

// update adds delta to the weight of class cls for each feature.
func (t *trainTable) update(feats []uint64, cls int, delta float32) {
	for _, f := range feats {
		r := t.insert(f)
		row := t.rows[r]
		i := 0
		for i < len(row) && row[i].cls != uint16(cls) {
			i++
		}
		if i == len(row) {
			row = append(row, entry{cls: uint16(cls), ts: t.clock})
			t.rows[r] = row
		}
		e := &row[i]
		e.acc += float64(t.clock-e.ts) * float64(e.w)
		e.ts = t.clock
		e.w += delta
	}
}

// tick advances the averaging clock by one example.
func (t *trainTable) tick() { t.clock++ }

// averaged returns the averaged weights as a quantized table, dropping
// weights below prune in absolute value.
func (t *trainTable) averaged(prune float32) *table {
	c := float64(max(t.clock, 1))
	avg := func(e entry) float32 {
		return float32((e.acc + float64(t.clock-e.ts)*float64(e.w)) / c)
	}
	maxAbs := float32(0)
	for _, row := range t.rows {
		for _, e := range row {
			maxAbs = max(maxAbs, float32(math.Abs(float64(avg(e)))))
		}
	}
	// 12-bit weights: most fit a one-byte varint in the model file, and
	// the rounding (a two-thousandth of the largest weight) changes no
	// decision that matters.
	scale := maxAbs / 2047
	if scale == 0 {
		scale = 1
	}
	keyOfRow := make([]uint64, len(t.rows))
	for s, k := range t.keys {
		if k != 0 {
			keyOfRow[t.vals[s]] = k - 1
		}
	}
	rows := make([]buildRow, 0, len(t.rows))
	for r, row := range t.rows {
		var br buildRow
		for _, e := range row {
			a := avg(e)
			if float32(math.Abs(float64(a))) < prune {
				continue
			}
			q := int16(math.Round(float64(a / scale)))
			if q == 0 {
				continue
			}
			br.cls = append(br.cls, e.cls)
			br.vals = append(br.vals, q)
		}
		if len(br.cls) > 0 {
			br.sort()
			br.key = keyOfRow[r]
			rows = append(rows, br)
		}
	}
	return newTable(rows, scale)
}

// hugeUint32s is hugeUint64s for 32-bit words.
func hugeUint32s(n int) []uint32 {
	w := hugeUint64s((n + 1) / 2)
	if len(w) == 0 {
		return nil
	}
	return unsafe.Slice((*uint32)(unsafe.Pointer(&w[0])), n)
}
