package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz/syntax/conllu"
)

func TestParseCommand(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "story.html")
	html := "<html><head><title>Council approves budget</title></head><body>" +
		"<p>The city council approved a new budget on Tuesday. Local farmers said the rain had damaged their crops.</p>" +
		"<p>A spokesman for the company, which employs 300 people, declined to comment.</p></body></html>"
	if err := os.WriteFile(article, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "parse", article)
	if code != 0 {
		t.Fatalf("factdeck parse = exit %d, stderr %q", code, errOut)
	}
	sents, err := conllu.Read(strings.NewReader(out))
	if err != nil {
		t.Fatalf("factdeck parse output is not CoNLL-U: %v\n%s", err, out)
	}
	var texts []string
	for _, s := range sents {
		texts = append(texts, s.Text())
		for _, w := range s.Words {
			if w.UPOS == "_" || w.Lemma == "_" || w.DepRel == "_" || w.Head < 0 {
				t.Errorf("word %q not annotated: %+v", w.Form, w)
			}
		}
	}
	want := []string{"Council approves budget", "The city council approved a new budget on Tuesday.",
		"Local farmers said the rain had damaged their crops.", "A spokesman for the company, which employs 300 people, declined to comment."}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("factdeck parse sentences = %q, want %q", texts, want)
	}

	// -conllu keeps the input's sentences and words and fills in the rest.
	gold := filepath.Join("..", "..", "quiz", "syntax", "conllu", "testdata", "sample.conllu")
	code, out, errOut = runCmd(t, "parse", "-conllu", gold)
	if code != 0 {
		t.Fatalf("factdeck parse -conllu = exit %d, stderr %q", code, errOut)
	}
	b, err := os.ReadFile(gold)
	if err != nil {
		t.Fatal(err)
	}
	in, _ := conllu.Read(strings.NewReader(string(b)))
	got, err := conllu.Read(strings.NewReader(out))
	if err != nil {
		t.Fatalf("factdeck parse -conllu output is not CoNLL-U: %v", err)
	}
	if _, err := conllu.Evaluate(in, got); err != nil {
		t.Errorf("factdeck parse -conllu changed the words: %v", err)
	}
	for i := range in {
		if strings.Join(in[i].Comments, "\n") != strings.Join(got[i].Comments, "\n") || len(in[i].MultiWords) != len(got[i].MultiWords) {
			t.Errorf("factdeck parse -conllu changed the comments or multiword tokens of sentence %d", i+1)
		}
	}

	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"missing file", []string{"parse", filepath.Join(dir, "nope.txt")}, 1, "nope.txt"},
		{"two files", []string{"parse", article, article}, 2, "one FILE"},
		{"bad conllu", []string{"parse", "-conllu", article}, 1, "invalid format"},
		{"help", []string{"help", "parse"}, 0, "-conllu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, o, e := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(o+e, tt.out) {
				t.Errorf("factdeck %q = exit %d, output %q; want exit %d mentioning %q", tt.args, code, o+e, tt.code, tt.out)
			}
		})
	}
}
