package generate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"factdeck/quiz/extract"
	"factdeck/quiz/lexicon"
)

// gumDocs splits a GUM CoNLL-U file into documents (id -> CoNLL-U), with the
// GUM entity annotations of named people, places and organizations turned
// into the NE= tags extract.FromCoNLLU reads.
func gumDocs(t *testing.T, path string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("GUM not available: %v", err)
	}
	docs := map[string]string{}
	var id string
	var b strings.Builder
	anyOpen := regexp.MustCompile(`\((\d+)-([a-z]+)`)
	close := regexp.MustCompile(`(\d+)\)`)
	var active []string // open entities, innermost last: "id:TYPE"
	inNE := false
	flush := func() {
		if id != "" {
			docs[id] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "# newdoc id = ") {
			flush()
			id = strings.TrimPrefix(line, "# newdoc id = ")
			active = nil
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) == 10 && !strings.ContainsAny(f[0], "-.") {
			misc := f[9]
			ent := ""
			for _, kv := range strings.Split(misc, "|") {
				if v, ok := strings.CutPrefix(kv, "Entity="); ok {
					ent = v
				}
			}
			for _, m := range anyOpen.FindAllStringSubmatch(ent, -1) {
				typ := map[string]string{"person": "PER", "place": "LOC", "organization": "ORG"}[m[2]]
				active = append(active, m[1]+":"+typ)
			}
			tag := ""
			if f[3] == "PROPN" && len(active) > 0 {
				_, typ, _ := strings.Cut(active[len(active)-1], ":")
				if typ != "" {
					if inNE {
						tag = "NE=I-" + typ
					} else {
						tag = "NE=B-" + typ
					}
				}
			}
			inNE = tag != ""
			for _, m := range close.FindAllStringSubmatch(ent, -1) {
				for k := len(active) - 1; k >= 0; k-- {
					if strings.HasPrefix(active[k], m[1]+":") {
						active = append(active[:k], active[k+1:]...)
						break
					}
				}
			}
			sp := ""
			if strings.Contains(misc, "SpaceAfter=No") {
				sp = "|SpaceAfter=No"
			}
			if tag == "" {
				tag = "_"
				if sp != "" {
					tag = "SpaceAfter=No"
				}
			} else {
				tag += sp
			}
			f[9] = tag
			line = strings.Join(f, "\t")
		} else if line == "" {
			inNE = false
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	flush()
	return docs
}

// TestGUMQuestions prints the questions made from GUM documents with gold
// parses, for studying the realization rules (FACTDECK_GUM=1).
func TestGUMQuestions(t *testing.T) {
	if os.Getenv("FACTDECK_GUM") == "" {
		t.Skip("set FACTDECK_GUM=1 to print questions from GUM dev documents")
	}
	docs := gumDocs(t, filepath.Join("..", "..", "..", "shared", "eval", "ud", "en_gum-ccby-ud-"+envOr("FACTDECK_GUM_SPLIT", "dev")+".conllu"))
	lx := lexicon.Load()
	x, _ := extract.New(extract.Config{Lexicon: lx})
	g, _ := New(Config{Lexicon: lx})
	filter := os.Getenv("FACTDECK_GUM")
	for id, src := range docs {
		if filter != "1" && !strings.Contains(id, filter) {
			continue
		}
		an, err := x.AnalyzeCoNLLU(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range g.Questions(an, nil) {
			t.Logf("%s %-15s %-5v %-18s %s -> %s %q", id, q.Type, q.Reserve, q.Template, q.Prompt, q.Answer, q.Options)
		}
	}
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}
