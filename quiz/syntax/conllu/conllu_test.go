package conllu

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRoundTrip(t *testing.T) {
	in := readFile(t, filepath.Join("testdata", "sample.conllu"))
	sents, err := Read(bytes.NewReader(in))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(sents) != 2 {
		t.Fatalf("Read: %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if got := s.Text(); got != "They won't go." {
		t.Errorf("Text() = %q, want %q", got, "They won't go.")
	}
	if got := strings.Join(s.Forms(), " "); got != "They wo n't go ." {
		t.Errorf("Forms() = %q, want %q", got, "They wo n't go .")
	}
	if len(s.MultiWords) != 1 || s.MultiWords[0].First != 2 || s.MultiWords[0].Last != 3 || s.MultiWords[0].Form() != "won't" {
		t.Errorf("MultiWords = %+v, want one token won't over words 2-3", s.MultiWords)
	}
	if w := s.Words[0]; w.Head != 4 || w.DepRel != "nsubj" || w.Feats != "Case=Nom|Number=Plur|Person=3|PronType=Prs" {
		t.Errorf("Words[0] = %+v", w)
	}
	if len(sents[1].Empty) != 1 || sents[1].Empty[0].After != 3 {
		t.Errorf("Empty = %+v, want one empty node after word 3", sents[1].Empty)
	}
	var out bytes.Buffer
	if err := Write(&out, sents); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if out.String() != string(in) {
		t.Errorf("Write(Read(x)) differs from x:\n%s\nwant:\n%s", out.String(), in)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"nine columns", "1\ta\ta\tX\tX\t_\t0\troot\t_\n"},
		{"id out of order", "2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n"},
		{"head outside", "1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n"},
		{"head not a number", "1\ta\ta\tX\tX\t_\tx\troot\t_\t_\n"},
		{"own head", "1\ta\ta\tX\tX\t_\t1\troot\t_\t_\n"},
		{"bad range", "1-x\tab\t_\t_\t_\t_\t_\t_\t_\t_\n"},
		{"comment after words", "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n# x\n"},
		{"comment only", "# text = x\n\n"},
		{"empty form", "1\t\ta\tX\tX\t_\t0\troot\t_\t_\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in))
			if !errors.Is(err, ErrFormat) {
				t.Errorf("Read(%q) error = %v, want ErrFormat", tt.in, err)
			}
		})
	}
	if s, err := Read(strings.NewReader("")); err != nil || len(s) != 0 {
		t.Errorf("Read(\"\") = %v, %v; want no sentences", s, err)
	}
	if s, err := Read(strings.NewReader("1\ta\t_\t_\t_\t_\t_\t_\t_\t_\r\n")); err != nil || len(s) != 1 || s[0].Words[0].Head != -1 {
		t.Errorf("Read(CRLF, head _) = %v, %v; want one word with head -1", s, err)
	}
}

func TestEvaluate(t *testing.T) {
	gold, err := Read(bytes.NewReader(readFile(t, filepath.Join("testdata", "sample.conllu"))))
	if err != nil {
		t.Fatal(err)
	}
	sys, _ := Read(bytes.NewReader(readFile(t, filepath.Join("testdata", "sample.conllu"))))
	sc, err := Evaluate(gold, sys)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	if sc.LAS.Pct() != 100 || sc.UFeats.Pct() != 100 || sc.UAS.Total != 11 {
		t.Errorf("Evaluate(gold, gold) = %s, want 100%% over 11 words", sc)
	}
	// A wrong subtype is right for LAS (CoNLL 2018), wrong for full labels;
	// language-specific features and the gold lemma "_" are not compared.
	sys[0].Words[0].DepRel = "nsubj:pass"
	sys[0].Words[0].Feats = "Case=Nom|Number=Plur|Person=3|PronType=Prs|Style=Coll"
	gold[0].Words[1].Lemma = "_"
	sys[0].Words[1].Lemma = "wo"
	sys[1].Words[3].Head = 5
	sys[1].Words[4].UPOS = "VERB"
	sc, err = Evaluate(gold, sys)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	tests := []struct {
		name string
		m    Metric
		want int
	}{
		{"LAS", sc.LAS, 10},
		{"UAS", sc.UAS, 10},
		{"full labels", sc.LabelFull, 9},
		{"UFeats", sc.UFeats, 11},
		{"Lemmas", sc.Lemmas, 11},
		{"UPOS", sc.UPOS, 10},
	}
	for _, tt := range tests {
		if tt.m.Correct != tt.want || tt.m.Total != 11 {
			t.Errorf("%s = %d/%d, want %d/11", tt.name, tt.m.Correct, tt.m.Total, tt.want)
		}
	}
	sys[1].Words[0].Form = "Ann"
	if _, err := Evaluate(gold, sys); err == nil {
		t.Errorf("Evaluate with a different form: error = nil, want one")
	}
	if _, err := Evaluate(gold, sys[:1]); err == nil {
		t.Errorf("Evaluate with a missing sentence: error = nil, want one")
	}
}

func TestUniversalFeats(t *testing.T) {
	tests := []struct{ in, want string }{
		{"_", ""},
		{"Number=Sing", "Number=Sing"},
		{"Typo=Yes|Number=Plur|NumForm=Digit|Abbr=Yes", "Abbr=Yes|Number=Plur"},
	}
	for _, tt := range tests {
		if got := UniversalFeats(tt.in); got != tt.want {
			t.Errorf("UniversalFeats(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
