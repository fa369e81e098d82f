package syntax

// This file reads and writes the model format: a gzip stream of varints
// and strings. Weight tables are written as sorted, delta-coded feature
// keys, each with its sparse row of class deltas and int16 weights.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// magic starts a model file. Version 5 (TrainOptions.WordBuckets) added
// the word buckets after the ambiguity classes and the tagger features
// that read them; a model without them is written and read as version 4.
const (
	magic   = "factdeck-syntax-5\n"
	magicV4 = "factdeck-syntax-4\n"
)

// encoder writes varints and strings to a buffered stream.
type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) u(x uint64) { e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], x)]) }
func (e *encoder) i(x int64)  { e.w.Write(e.buf[:binary.PutVarint(e.buf[:], x)]) }
func (e *encoder) s(x string) {
	e.u(uint64(len(x)))
	e.w.WriteString(x)
}
func (e *encoder) strs(xs []string) {
	e.u(uint64(len(xs)))
	for _, x := range xs {
		e.s(x)
	}
}

// encodeKeyed writes a map by word hash: its size, then its keys in order,
// each as the gap from the one before, followed by what put writes of its
// value.
func encodeKeyed[V any](e *encoder, m map[uint64]V, put func(V)) {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.u(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		e.u(k - prev)
		prev = k
		put(m[k])
	}
}

func (e *encoder) table(t *table) {
	if t == nil {
		e.u(math.MaxUint32)
		return
	}
	e.u(uint64(math.Float32bits(t.scale)))
	rows := t.rows()
	e.u(uint64(len(rows)))
	prev := uint64(0)
	for _, r := range rows {
		e.u(r.key - prev)
		prev = r.key
		e.u(uint64(len(r.cls)))
		pc := uint16(0)
		for j, c := range r.cls {
			e.u(uint64(c - pc))
			pc = c
			e.i(int64(r.vals[j]))
		}
	}
}

// Encode writes m in the model format.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("syntax: encode: %w", err)
	}
	e := &encoder{w: bufio.NewWriterSize(zw, 1<<16)}
	if m.lexFeats {
		e.w.WriteString(magic)
	} else {
		e.w.WriteString(magicV4)
	}
	e.strs(m.tagUPOS)
	e.strs(m.tagXPOS)
	encodeKeyed(e, m.tagDict, func(t int16) { e.u(uint64(t)) })
	encodeKeyed(e, m.ambig, e.u)
	if m.lexFeats {
		encodeKeyed(e, m.lexb, func(b uint8) { e.u(uint64(b)) })
	}
	e.table(m.tagger)
	e.table(m.tagger2)
	e.strs(m.rels)
	e.u(uint64(m.rootRel))
	e.table(m.parser)
	e.strs(m.feats)
	e.u(uint64(len(m.featCands)))
	for _, cs := range m.featCands {
		e.u(uint64(len(cs)))
		for _, c := range cs {
			e.u(uint64(c))
		}
	}
	e.table(m.morph)
	// Lemmatizer.
	encodeKeyed(e, m.lem.lex, e.s)
	encodeKeyed(e, m.lem.rules, func(r lemmaRule) {
		e.u(uint64(r.strip))
		e.s(r.add)
		if r.lower {
			e.u(1)
		} else {
			e.u(0)
		}
	})
	encodeKeyed(e, m.lem.known, func(bool) {})
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("syntax: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("syntax: encode: %w", err)
	}
	return nil
}

// decoder reads what encoder wrote, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

// fail records the first error and empties the input.
func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

func (d *decoder) u() uint64 {
	var x uint64
	for i, s := 0, uint(0); i < len(d.b) && i < binary.MaxVarintLen64; i, s = i+1, s+7 {
		c := d.b[i]
		if c < 0x80 {
			d.b = d.b[i+1:]
			return x | uint64(c)<<s
		}
		x |= uint64(c&0x7f) << s
	}
	d.fail(errors.New("bad or truncated varint"))
	return 0
}

func (d *decoder) i() int64 {
	ux := d.u()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// count reads a count and checks that it is plausible for the data left.
func (d *decoder) count() int {
	n := d.u()
	if n > uint64(len(d.b)) {
		d.fail(errors.New("count beyond the end of the data"))
		return 0
	}
	return int(n)
}

func (d *decoder) s() string {
	n := d.count()
	if n > len(d.b) {
		return ""
	}
	x := string(d.b[:n])
	d.b = d.b[n:]
	return x
}

func (d *decoder) strs() []string {
	n := d.count()
	out := make([]string, n)
	for i := range out {
		out[i] = d.s()
	}
	return out
}

// decodeKeyed reads a map written by encodeKeyed, each value by get; it
// reports false when get does.
func decodeKeyed[V any](d *decoder, get func() (V, bool)) (map[uint64]V, bool) {
	n := d.count()
	m := make(map[uint64]V, n)
	prev := uint64(0)
	for range n {
		prev += d.u()
		v, ok := get()
		if !ok {
			return nil, false
		}
		m[prev] = v
	}
	return m, true
}

func (d *decoder) table(nclass int) *table {
	sb := d.u()
	if sb == math.MaxUint32 {
		return nil
	}
	if nclass > 1<<15-1 {
		d.fail(fmt.Errorf("%d classes, more than a table holds", nclass))
		return nil
	}
	scale := math.Float32frombits(uint32(sb))
	n := d.count()
	keys := make([]uint64, n)
	offs := make([]uint64, n)
	// Rows hold a few entries each; the data left bounds their number.
	ents := make([]uint32, 1, 1+n+min(len(d.b), 8*n))
	prev := uint64(0)
	for i := range keys {
		prev += d.u()
		k := d.count()
		keys[i], offs[i] = prev, uint64(len(ents))
		ents = append(ents, uint32(k))
		if k > nclass {
			d.fail(fmt.Errorf("bad weight row %d", i))
			return nil
		}
		c := uint64(0)
		for j := 0; j < k; j++ {
			dc := d.u()
			c += dc
			v := d.i()
			if j > 0 && dc == 0 || c >= uint64(nclass) || v < math.MinInt16 || v > math.MaxInt16 {
				d.fail(fmt.Errorf("bad weight row %d", i))
				return nil
			}
			ents = append(ents, uint32(c)<<16|uint32(uint16(int16(v))))
		}
		if d.err != nil {
			return nil
		}
	}
	return flatTable(keys, offs, ents, scale)
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("syntax: decode: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("syntax: decode: %w", err)
	}
	v4 := bytes.HasPrefix(raw, []byte(magicV4))
	if !v4 && !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("syntax: decode: not a model file")
	}
	d := &decoder{b: raw[len(magic):]}
	m := &Model{lexFeats: !v4}
	m.tagUPOS = d.strs()
	m.tagXPOS = d.strs()
	if len(m.tagUPOS) != len(m.tagXPOS) || len(m.tagUPOS) == 0 {
		return nil, errors.New("syntax: decode: bad tag set")
	}
	nt := len(m.tagUPOS)
	var ok bool
	if m.tagDict, ok = decodeKeyed(d, func() (int16, bool) { t := d.u(); return int16(t), t < uint64(nt) }); !ok {
		return nil, errors.New("syntax: decode: bad tag dictionary")
	}
	m.ambig, _ = decodeKeyed(d, func() (uint64, bool) { return d.u(), true })
	if !v4 {
		if m.lexb, ok = decodeKeyed(d, func() (uint8, bool) { b := d.u(); return uint8(b), b <= math.MaxUint8 }); !ok {
			return nil, errors.New("syntax: decode: bad word buckets")
		}
	}
	m.tagger = d.table(nt)
	m.tagger2 = d.table(nt)
	m.rels = d.strs()
	m.rootRel = int(d.u())
	if m.rootRel >= len(m.rels) {
		return nil, errors.New("syntax: decode: bad relations")
	}
	m.parser = d.table(1 + 2*len(m.rels))
	m.feats = d.strs()
	nc := d.count()
	if d.err != nil {
		return nil, fmt.Errorf("syntax: decode: %w", d.err)
	}
	if nc != nt {
		return nil, fmt.Errorf("syntax: decode: %d feature candidate lists for %d tags", nc, nt)
	}
	m.featCands = make([][]uint16, nc)
	for i := range m.featCands {
		k := d.count()
		m.featCands[i] = make([]uint16, k)
		for j := range m.featCands[i] {
			c := d.u()
			if c >= uint64(len(m.feats)) {
				return nil, errors.New("syntax: decode: bad feature candidates")
			}
			m.featCands[i][j] = uint16(c)
		}
	}
	m.morph = d.table(len(m.feats))
	m.lem = &lemmatizer{}
	m.lem.lex, _ = decodeKeyed(d, func() (string, bool) { return d.s(), true })
	m.lem.rules, _ = decodeKeyed(d, func() (lemmaRule, bool) {
		return lemmaRule{strip: int(d.u()), add: d.s(), lower: d.u() == 1}, true
	})
	m.lem.known, _ = decodeKeyed(d, func() (bool, bool) { return true, true })
	if d.err != nil {
		return nil, fmt.Errorf("syntax: decode: %w", d.err)
	}
	if len(d.b) != 0 {
		return nil, errors.New("syntax: decode: data after the model")
	}
	if m.tagger == nil || m.parser == nil {
		return nil, errors.New("syntax: decode: missing weights")
	}
	m.finish()
	m.compact()
	return m, nil
}

// compact prepares the model's tables for tagging and parsing (see
// table.compact): the parser's split is its first RIGHT action.
func (m *Model) compact() {
	m.tagger.compact(len(m.tagNames), 0)
	m.tagger2.compact(len(m.tagNames), 0)
	m.parser.compact(1+2*len(m.rels), 1+len(m.rels))
	m.morph.compact(len(m.feats), 0)
}

// finish computes the model's derived fields.
func (m *Model) finish() {
	m.tagNames = make([]string, len(m.tagUPOS))
	for i := range m.tagNames {
		m.tagNames[i] = m.tagUPOS[i] + "|" + m.tagXPOS[i]
	}
	m.subjRels, m.auxRels = relIDs(m.rels)
}
