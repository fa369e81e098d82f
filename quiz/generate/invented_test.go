package generate

import (
	"os"
	"testing"

	"factdeck/quiz/extract"
	"factdeck/quiz/lexicon"
)

func TestDumpInvented(t *testing.T) {
	lx := lexicon.Load()
	x, err := extract.New(extract.Config{Lexicon: lx})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../extract/testdata/invented.conllu")
	if err != nil {
		t.Fatal(err)
	}
	an, err := x.AnalyzeCoNLLU(string(src))
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(Config{Lexicon: lx})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range g.Questions(an, nil) {
		t.Logf("%-16s %-5v %-22s %q -> %q %q", q.Type, q.Reserve, q.Template, q.Prompt, q.Answer, q.Options)
	}
}
