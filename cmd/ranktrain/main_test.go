package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRetrainReproducesEmbeddedRanker checks that training is
// deterministic and that the embedded weights are what the judged data in
// the repository give: a rule or feature changed without retraining fails.
func TestRetrainReproducesEmbeddedRanker(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the ranker")
	}
	out := filepath.Join(t.TempDir(), "rank.tsv")
	if err := run("../../testdata/judged/verdicts.json", "../..", out, 20, 3, 0); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../quiz/generate/rank.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("a retrain gives other weights than quiz/generate/rank.tsv: run go run ./cmd/ranktrain")
	}
}
