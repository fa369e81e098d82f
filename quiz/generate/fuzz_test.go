package generate_test

import (
	"os"
	"path/filepath"
	"testing"

	"factdeck/quiz/extract"
	"factdeck/quiz/generate"
	"factdeck/quiz/lexicon"
)

// FuzzTemplates feeds the template loader arbitrary YAML: it either refuses
// the file with an error or loads a generator whose every question, on an
// analysed test article, is well-formed.
func FuzzTemplates(f *testing.F) {
	f.Add("- id: where\n  source: clause\n  roles: [oblique]\n  kinds: [city]\n  wh: \"Where\"\n  types: [short_answer, multiple_choice]\n")
	f.Add("- id: holder\n  source: role\n  relations: [role]\n  answer: subject\n  question: \"Who is {role-of-org}?\"\n  statement: \"{subject} is {role}\"\n  types: [true_false, cloze]\n  priority: 99\n")
	f.Add("- id: x\n  source: nothing\n")
	f.Add("- id: [\n")
	f.Add("- id: how-many\n  source: clause\n  roles: [count]\n  wh: \"{howmany} {kind}\"\n  types: [cloze]\n")
	lx := lexicon.Load()
	x, err := extract.New(extract.Config{Lexicon: lx})
	if err != nil {
		f.Fatal(err)
	}
	src, err := os.ReadFile("../extract/testdata/invented.conllu")
	if err != nil {
		f.Fatal(err)
	}
	an, err := x.AnalyzeCoNLLU(string(src))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, yaml string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "fuzz.yaml"), []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		g, err := generate.New(generate.Config{TemplateDir: dir, Lexicon: lx})
		if err != nil {
			return
		}
		for _, q := range g.Questions(an, nil) {
			if err := q.Validate(); err != nil {
				t.Errorf("template %q made %+v: %v", q.Template, q, err)
			}
		}
	})
}
