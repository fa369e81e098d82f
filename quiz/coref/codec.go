package coref

// This file reads and writes the model file: gzip-compressed text, one
// feature a line, "weight<TAB>name", after a header line and the
// recommended threshold. Text keeps the model inspectable
// (zcat model.tsv.gz | sort -g) and its hashing an implementation detail.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// header is the first line of a model file.
const header = "factdeck coref model v1"

// ErrFormat reports a model file that cannot be read.
var ErrFormat = errors.New("coref: invalid model file")

// Encode writes the model in the format Decode reads.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("coref: encode: %w", err)
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s\nthreshold\t%s\n", header, strconv.FormatFloat(m.threshold, 'g', 6, 64))
	lines := make([]string, 0, len(m.names))
	for k, name := range m.names {
		if wt := m.weights[k]; wt != 0 {
			lines = append(lines, strconv.FormatFloat(wt, 'g', 5, 64)+"\t"+name)
		}
	}
	slices.SortFunc(lines, func(a, b string) int {
		_, na, _ := strings.Cut(a, "\t")
		_, nb, _ := strings.Cut(b, "\t")
		return strings.Compare(na, nb)
	})
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("coref: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("coref: encode: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	m := &Model{weights: map[uint64]float64{}, names: map[uint64]string{}}
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
		a, b, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("%w: line %d: no tab", ErrFormat, n)
		}
		if n == 2 {
			if a != "threshold" {
				return nil, fmt.Errorf("%w: line 2: %q, want the threshold", ErrFormat, a)
			}
			if m.threshold, err = strconv.ParseFloat(b, 64); err != nil {
				return nil, fmt.Errorf("%w: line 2: %w", ErrFormat, err)
			}
			continue
		}
		wt, err := strconv.ParseFloat(a, 64)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrFormat, n, err)
		}
		k := featureKey(b)
		m.weights[k] = wt
		m.names[k] = b
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if n < 2 {
		return nil, fmt.Errorf("%w: no threshold", ErrFormat)
	}
	return m, nil
}
