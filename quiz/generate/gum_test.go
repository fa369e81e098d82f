package generate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"factdeck/quiz"
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

// TestGUMQuestions makes the questions of the GUM development documents
// (gold trees and names, a dozen genres: news, interviews, how-to guides,
// biographies, fiction, ...) and checks what a machine can check of each:
// a prompt and an answer, one blank in a cloze and none elsewhere, the
// answer not given away, options that hold the answer once. Set
// FACTDECK_GUM_PRINT=1 to print them.
func TestGUMQuestions(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "eval", "ud", "en_gum-ccby-ud-dev.conllu")
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("GUM dev file missing: %v", err)
		}
		t.Skipf("GUM not available beside the checkout (../shared/eval/ud): %v", err)
	}
	docs := gumDocs(t, path)
	lx := lexicon.Load()
	x, _ := extract.New(extract.Config{Lexicon: lx})
	g, _ := New(Config{Lexicon: lx})
	total := 0
	for id, src := range docs {
		an, err := x.AnalyzeCoNLLU(src)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		for _, q := range g.Questions(an, nil) {
			total++
			if os.Getenv("FACTDECK_GUM_PRINT") != "" {
				t.Logf("%s %-15s %-5v %-18s %s -> %s %q", id, q.Type, q.Reserve, q.Template, q.Prompt, q.Answer, q.Options)
			}
			blanks := strings.Count(q.Prompt, "_____")
			switch {
			case q.Prompt == "" || q.Answer == "":
				t.Errorf("%s: question without prompt or answer: %+v", id, q)
			case q.Type == quiz.Cloze && blanks != 1, q.Type != quiz.Cloze && blanks != 0:
				t.Errorf("%s: %s with %d blanks: %q", id, q.Type, blanks, q.Prompt)
			case q.Type != quiz.TrueFalse && strings.Contains(" "+quiz.NormalizeAnswer(q.Prompt)+" ", " "+quiz.NormalizeAnswer(q.Answer)+" "):
				t.Errorf("%s: the prompt gives the answer away: %q -> %q", id, q.Prompt, q.Answer)
			}
			if q.Type == quiz.MultipleChoice {
				n := 0
				for _, o := range q.Options {
					if o == q.Answer {
						n++
					}
				}
				if n != 1 || len(q.Options) < 3 {
					t.Errorf("%s: options %q hold the answer %q %d times", id, q.Options, q.Answer, n)
				}
			}
		}
	}
	if total < 10*len(docs) {
		t.Errorf("%d questions from %d documents, want at least 10 a document", total, len(docs))
	}
	t.Logf("%d questions from %d GUM documents", total, len(docs))
}
