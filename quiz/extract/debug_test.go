package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"factdeck/quiz/clean"
	"factdeck/quiz/ner"
)

var dump = flag.String("dump", "", "print the facts of this article file")

func TestDump(t *testing.T) {
	if *dump == "" {
		t.Skip("no -dump file")
	}
	raw, err := os.ReadFile(*dump)
	if err != nil {
		t.Fatal(err)
	}
	a, err := clean.Article(raw, filepath.Base(*dump))
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range New(m).Facts(a) {
		fmt.Printf("%-12s %-10s %-40q %-30q org=%q ctx=%q attr=%q %.2f\n", f.Relation, f.Kind, f.Subject, f.Object, f.Org, f.Context, f.Attribution, f.Confidence)
	}
}
