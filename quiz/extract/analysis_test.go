package extract

import (
	"fmt"
	"os"
	"testing"

	"factdeck/quiz/lexicon"
)

func analyseCoNLLU(t *testing.T, path string) *Analysis {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, spans, err := FromCoNLLU(string(src))
	if err != nil {
		t.Fatal(err)
	}
	x := &Extractor{lx: lexicon.Load()}
	return x.finish(d, spans)
}

func TestDumpInvented(t *testing.T) {
	an := analyseCoNLLU(t, "testdata/invented.conllu")
	for _, e := range an.Doc.Entities {
		t.Logf("entity %+v", *e)
	}
	for _, s := range an.Doc.Sents {
		for _, c := range s.Clauses {
			t.Logf("clause %+v", c)
		}
	}
	for i, f := range an.Facts {
		t.Logf("fact %s", fmt.Sprintf("%d %s | %s | %s (%s) attr=%q org=%q", i, f.Subject, f.Relation, f.Object, f.ObjectKind, f.Attribution, f.Org))
	}
}
