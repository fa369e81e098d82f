package salience

// This file reads and writes the model file: gzip-compressed text, a
// header line, then one weight a line, "model<TAB>feature<TAB>weight",
// entity model first. Text keeps the model inspectable
// (zcat model.tsv.gz); every feature the code computes must have a weight
// and every weight a feature, so that a model trained with other features
// fails to load instead of scoring wrong.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// header is the first line of a model file.
const header = "factdeck salience model v1"

// ErrFormat reports a model file that cannot be read.
var ErrFormat = errors.New("salience: invalid model file")

// Encode writes the model in the format Decode reads.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("salience: encode: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(header + "\n")
	for _, part := range []struct {
		name string
		l    *linear
	}{{"entity", m.entity}, {"sentence", m.sentence}} {
		for i, name := range part.l.names {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", part.name, name, strconv.FormatFloat(part.l.w[i], 'g', 8, 64))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("salience: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("salience: encode: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	m := &Model{
		entity:   &linear{names: entityFeatureNames[:], w: make([]float64, numEntityFeatures)},
		sentence: &linear{names: sentenceFeatureNames[:], w: make([]float64, numSentenceFeatures)},
	}
	index := func(names []string) map[string]int {
		out := make(map[string]int, len(names))
		for i, n := range names {
			out[n] = i
		}
		return out
	}
	parts := map[string]struct {
		l     *linear
		index map[string]int
		seen  map[string]bool
	}{
		"entity":   {m.entity, index(m.entity.names), map[string]bool{}},
		"sentence": {m.sentence, index(m.sentence.names), map[string]bool{}},
	}
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			if line != header {
				return nil, fmt.Errorf("%w: header %q, want %q", ErrFormat, line, header)
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%w: line %d: %d fields, want 3", ErrFormat, n, len(f))
		}
		p, ok := parts[f[0]]
		if !ok {
			return nil, fmt.Errorf("%w: line %d: unknown model %q", ErrFormat, n, f[0])
		}
		i, ok := p.index[f[1]]
		if !ok {
			return nil, fmt.Errorf("%w: line %d: unknown %s feature %q", ErrFormat, n, f[0], f[1])
		}
		if p.seen[f[1]] {
			return nil, fmt.Errorf("%w: line %d: %s feature %q twice", ErrFormat, n, f[0], f[1])
		}
		w, err := strconv.ParseFloat(f[2], 64)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("%w: line %d: weight %q", ErrFormat, n, f[2])
		}
		p.l.w[i] = w
		p.seen[f[1]] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if n == 0 {
		return nil, fmt.Errorf("%w: empty", ErrFormat)
	}
	for _, name := range []string{"entity", "sentence"} {
		p := parts[name]
		for _, f := range p.l.names {
			if !p.seen[f] {
				return nil, fmt.Errorf("%w: no weight for %s feature %q", ErrFormat, name, f)
			}
		}
	}
	return m, nil
}
