package gum

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"factdeck/quiz/salience"
)

func TestScratchShow(t *testing.T) {
	sents, _ := ReadFile("../../../../shared/eval/ud/en_gum-ccby-ud-dev.conllu")
	exs, _ := Examples(sents, Options{View: Named})
	data, _ := os.ReadFile("/tmp/salx/m.tsv.gz")
	m, err := salience.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		if ex.Name != os.Getenv("DOC") {
			continue
		}
		fmt.Println(ex.Doc.Title)
		for _, s := range ex.Summaries {
			fmt.Println("  SUM:", s)
		}
		sc := m.Score(ex.Doc)
		names := map[int]string{}
		for _, mm := range ex.Doc.Mentions {
			if mm.Proper && names[mm.Entity] == "" {
				var w []string
				for _, x := range ex.Doc.Sents[mm.Sent][mm.Lo:mm.Hi] {
					w = append(w, x.Text)
				}
				names[mm.Entity] = strings.Join(w, " ")
			}
		}
		for _, e := range sc.TopEntities(10) {
			fmt.Printf("  ENT %.3f gold %d %s\n", sc.Entity[e], ex.Summarized[e], names[e])
		}
		for i, s := range ex.Doc.Sents {
			var w []string
			for _, x := range s {
				w = append(w, x.Text)
			}
			fmt.Printf("%3d p%d %.3f gold %.1f %s\n", i, ex.Doc.Para[i], sc.Sentence[i], ex.Central[i], strings.Join(w, " "))
		}
	}
}
