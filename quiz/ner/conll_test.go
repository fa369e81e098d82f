package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// findShared walks up from the working directory to find
// shared/eval/conll2003/name (the repository is cloned with shared/ beside
// it).
func findShared(t *testing.T, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("Getwd: %v", err)
	}
	for {
		p := filepath.Join(dir, "shared", "eval", "conll2003", name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func readConLLFile(t *testing.T, path string) []Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		t.Fatalf("ReadCoNLL(%s): %v", path, err)
	}
	return sents
}

func mustLoad(tb testing.TB) *Model {
	tb.Helper()
	m, err := Load()
	if err != nil {
		tb.Fatalf("Load() error: %v", err)
	}
	return m
}

func logScore(t *testing.T, name string, sc Score) {
	t.Helper()
	t.Logf("CoNLL-2003 %s: %s", name, sc)
	var typs []string
	for k := range sc.ByType {
		typs = append(typs, k)
	}
	sort.Strings(typs)
	for _, k := range typs {
		c := sc.ByType[k]
		t.Logf("  %-4s P=%.2f R=%.2f F1=%.2f (gold %d, predicted %d)", k, c.P(), c.R(), c.F1(), c.Gold, c.Pred)
	}
}

// TestCoNLL2003 scores the embedded model on the CoNLL-2003 test set,
// tagging its tokens as given.
func TestCoNLL2003(t *testing.T) {
	path := findShared(t, "test.txt")
	if path == "" {
		t.Skip("shared/eval/conll2003/test.txt not found above the working directory; skipping CoNLL-2003 evaluation")
	}
	m := mustLoad(t)
	sc := m.Evaluate(readConLLFile(t, path))
	logScore(t, "test", sc)
	if f := sc.Overall.F1(); f < 80 {
		t.Errorf("CoNLL-2003 test F1 = %.2f, want >= 80", f)
	}
}

// TestCoNLL2003Valid scores the embedded model on the development set. The
// shipped model is retrained on train and valid together (see the package
// doc), so this is no held-out score: it guards against a broken model file
// or a feature change that the model was not retrained for.
func TestCoNLL2003Valid(t *testing.T) {
	path := findShared(t, "valid.txt")
	if path == "" {
		t.Skip("shared/eval/conll2003/valid.txt not found above the working directory; skipping")
	}
	m := mustLoad(t)
	sc := m.Evaluate(readConLLFile(t, path))
	logScore(t, "valid", sc)
	if f := sc.Overall.F1(); f < 90 {
		t.Errorf("CoNLL-2003 valid F1 = %.2f, want >= 90", f)
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []chunk
	}{
		{"empty", nil, nil},
		{"iob2", []string{"B-PER", "I-PER", "O", "B-LOC"}, []chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"iob1", []string{"I-PER", "I-PER", "B-PER", "I-ORG"}, []chunk{{0, 2, "PER"}, {2, 3, "PER"}, {3, 4, "ORG"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := chunks(tt.tags)
			if len(got) != len(tt.want) {
				t.Fatalf("chunks(%v) = %v, want %v", tt.tags, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("chunks(%v) = %v, want %v", tt.tags, got, tt.want)
				}
			}
		})
	}
}

// TestTrain trains a small model on a fixture and checks that it learns it
// and survives an encode/decode round trip.
func TestTrain(t *testing.T) {
	sents := readConLLFile(t, filepath.Join("testdata", "mini.conll"))
	m, epochs, err := Train(sents, sents, TrainOptions{Epochs: 5, Folds: 2, Seed: 1})
	if err != nil {
		t.Fatalf("Train: %v", err)
	}
	if epochs < 1 || epochs > 5 {
		t.Errorf("Train chose epoch %d, want 1..5", epochs)
	}
	if f := m.Evaluate(sents).Overall.F1(); f < 95 {
		t.Errorf("F1 on the training fixture = %.2f, want >= 95", f)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	m2, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	words := []string{"Peter", "Brown", "visited", "Oslo", "."}
	got, want := m2.TagDoc([][]string{words})[0], m.TagDoc([][]string{words})[0]
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Tag(%v) after round trip = %v, want %v", words, got, want)
	}
	if _, _, err := Train([]Sentence{{Words: []string{"x"}, Tags: []string{"B-FOO"}}}, nil, TrainOptions{}); err == nil {
		t.Errorf("Train with an unknown entity type: error = nil, want an error")
	}
}
