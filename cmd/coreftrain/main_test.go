package main

import (
	"os"
	"path/filepath"
	"testing"

	"factdeck/quiz/coref"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "model.tsv.gz")
	opt := coref.TrainOptions{Epochs: 2, Rate: 0.1, Seed: 1, Runs: 2, Folds: 2, Average: true, Explore: true}
	if err := run("../../quiz/coref/gum/testdata", "two_docs.conllu", "two_docs.conllu", out, 0.5, true, opt); err != nil {
		t.Fatalf("run() error: %v", err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := coref.Decode(b)
	if err != nil {
		t.Fatalf("Decode(written model) error: %v", err)
	}
	if m.Threshold() <= 0 || m.Threshold() > 1 {
		t.Errorf("written model threshold %g, want in (0, 1]", m.Threshold())
	}
	if err := run("../../quiz/coref/gum/testdata", "en_gum-ccby-ud-test.conllu", "two_docs.conllu", out, 0, false, opt); err == nil {
		t.Errorf("run() on a test file: no error")
	}
}
