package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz"
)

func TestQuestionsCommand(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "story.txt")
	text := "Harbour Bridge Reopens After Repairs\n\n" +
		"The harbour bridge in Lakeview reopened on Monday after repairs that cost $12 million.\n\n" +
		"Mayor Ana Ruiz said the bridge carries 40,000 cars a day. The repairs took eight months, the city's engineers said.\n\n" +
		"Ruiz, who was elected in 2019, had promised to reopen the bridge before the winter."
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	deck := func(args ...string) []quiz.Question {
		t.Helper()
		code, out, errOut := runCmd(t, append([]string{"questions", "-json"}, args...)...)
		if code != 0 {
			t.Fatalf("factdeck questions %v = exit %d, stderr %q", args, code, errOut)
		}
		var qs []quiz.Question
		if err := json.Unmarshal([]byte(out), &qs); err != nil {
			t.Fatalf("factdeck questions -json output: %v\n%s", err, out)
		}
		return qs
	}
	served := deck(article)
	if len(served) == 0 {
		t.Fatal("factdeck questions gave no question")
	}
	for _, q := range served {
		if q.Reserve {
			t.Errorf("reserve question %q served without -reserve", q.Prompt)
		}
		if q.Prompt == "" || q.Answer == "" {
			t.Errorf("question without prompt or answer: %+v", q)
		}
	}
	all := deck("-reserve", article)
	if len(all) <= len(served) {
		t.Errorf("-reserve gave %d questions, want more than the %d served", len(all), len(served))
	}
	// The text form names each question's type and answer.
	code, out, _ := runCmd(t, "questions", article)
	if code != 0 || !strings.Contains(out, "answer: ") {
		t.Errorf("factdeck questions = exit %d, output %q", code, out)
	}
	// A CoNLL-U analysis gives questions too.
	code, out, errOut := runCmd(t, "questions", "-conllu", "-reserve", filepath.Join("..", "..", "quiz", "extract", "testdata", "invented.conllu"))
	if code != 0 || !strings.Contains(out, "answer: ") {
		t.Errorf("factdeck questions -conllu = exit %d, output %q, stderr %q", code, out, errOut)
	}
	// Bad input gets a clear error and exit status 1.
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd(t, "questions", empty); code != 1 || !strings.Contains(errOut, "empty.txt") {
		t.Errorf("factdeck questions on an empty file = exit %d, stderr %q; want 1 and the file named", code, errOut)
	}
}
