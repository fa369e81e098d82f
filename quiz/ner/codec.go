package ner

// This file reads and writes the model format: a gzip stream of varints.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

const magic = "factdeck-ner-1\n"

// Encode writes m in the compact model format (gzip, sorted delta-coded
// feature hashes, weights quantized to 16 bits).
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: encode: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	putI := func(x int64) { bw.Write(buf[:binary.PutVarint(buf[:], x)]) }
	bw.WriteString(magic)

	// Features, sorted by hash.
	type feat struct {
		key uint64
		row []float32
	}
	var feats []feat
	maxAbs := float32(0)
	m.tab.each(func(k uint64, row []float32) {
		feats = append(feats, feat{k, append([]float32(nil), row...)})
		for _, x := range row {
			maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
		}
	})
	for _, x := range m.trans {
		for _, y := range x {
			maxAbs = max(maxAbs, float32(math.Abs(float64(y))))
		}
	}
	sort.Slice(feats, func(i, j int) bool { return feats[i].key < feats[j].key })
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	q := func(x float32) int64 { return int64(math.Round(float64(x / scale))) }
	putU(uint64(math.Float32bits(scale)))
	putU(nTags)
	putU(uint64(len(feats)))
	prev := uint64(0)
	for _, f := range feats {
		putU(f.key - prev)
		prev = f.key
		row := f.row
		mask := uint64(0)
		for k, x := range row {
			if q(x) != 0 {
				mask |= 1 << k
			}
		}
		putU(mask)
		for k, x := range row {
			if mask&(1<<k) != 0 {
				putI(q(x))
			}
		}
	}
	for _, x := range m.trans {
		for _, y := range x {
			putI(q(y))
		}
	}
	keys := make([]uint64, 0, len(m.gaz))
	for k := range m.gaz {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	putU(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		putU(k - prev)
		prev = k
		putU(uint64(m.gaz[k]))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: encode: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("ner: decode: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner: decode: %w", err)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("ner: decode: not a model file")
	}
	r := bytes.NewReader(raw[len(magic):])
	var rerr error
	getU := func() uint64 {
		x, err := binary.ReadUvarint(r)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	getI := func() int64 {
		x, err := binary.ReadVarint(r)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	scale := math.Float32frombits(uint32(getU()))
	if nt := getU(); nt != nTags {
		return nil, fmt.Errorf("ner: decode: model has %d tags, want %d", nt, nTags)
	}
	n := getU()
	if rerr != nil || n > uint64(len(raw)) {
		return nil, fmt.Errorf("ner: decode: bad header: %v", rerr)
	}
	keys := make([]uint64, n)
	w := make([]float32, int(n)*nTags)
	prev := uint64(0)
	for i := range keys {
		prev += getU()
		keys[i] = prev
		mask := getU()
		for k := 0; k < nTags; k++ {
			if mask&(1<<k) != 0 {
				w[i*nTags+k] = float32(getI()) * scale
			}
		}
	}
	m := &Model{tab: newTable(keys, w)}
	for a := range m.trans {
		for b := range m.trans[a] {
			m.trans[a][b] = float32(getI()) * scale
		}
	}
	ng := getU()
	if rerr != nil || ng > uint64(len(raw)) {
		return nil, fmt.Errorf("ner: decode: bad gazetteer: %v", rerr)
	}
	m.gaz = make(gazetteer, ng)
	prev = 0
	for i := uint64(0); i < ng; i++ {
		prev += getU()
		m.gaz[prev] = uint32(getU())
	}
	if rerr != nil {
		return nil, fmt.Errorf("ner: decode: %w", rerr)
	}
	return m, nil
}
