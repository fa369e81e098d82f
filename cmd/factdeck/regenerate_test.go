package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/store"
)

// TestRegenerateKeepsEdits edits and deletes questions, re-ingests with
// -force and regenerates with an overriding template: people's edits and
// deletions hold, regenerated questions keep their IDs, and the new
// template's wording replaces the old in place.
func TestRegenerateKeepsEdits(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	db := filepath.Join(tmp, "g.db")
	if code, o, e := runCmd(t, "ingest", "-db", db, "-q", seedDir(t)); code != 0 {
		t.Fatalf("ingest = exit %d: %s %s", code, o, e)
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	before, err := st.Questions(ctx, store.QuestionFilter{})
	if err != nil || len(before) < 10 {
		t.Fatalf("Questions = %d, %v", len(before), err)
	}
	edited := before[0]
	edited.Prompt = "Edited by a teacher: " + edited.Prompt
	if _, _, err := st.EditQuestion(ctx, edited.ID, quiz.Edit{Prompt: &edited.Prompt}); err != nil {
		t.Fatal(err)
	}
	deleted := before[1]
	if err := st.DeleteQuestion(ctx, deleted.ID); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, out, errOut := runCmd(t, "ingest", "-db", db, "-q", "-force", seedDir(t))
	if code != 0 || !strings.Contains(out, "ingested 0, regenerated 5, skipped 0, failed 0") {
		t.Fatalf("ingest -force = exit %d, %q %q", code, out, errOut)
	}

	// An override of the role-holder template rewords its questions.
	tpl := filepath.Join(tmp, "tpl")
	if err := os.Mkdir(tpl, 0o755); err != nil {
		t.Fatal(err)
	}
	override := `- id: role-holder
  source: role
  relations: [role]
  requires: [org]
  answer: subject
  question: "Name the person who is {role-of-org}."
  statement: "{subject} is {role-of-org}"
  types: [multiple_choice, short_answer, true_false, cloze]
  difficulty: 1
  priority: 58
`
	if err := os.WriteFile(filepath.Join(tpl, "override.yaml"), []byte(override), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCmd(t, "regenerate", "-db", db, "-templates", tpl)
	if code != 0 || !strings.Contains(out, "regenerated 5, failed 0") {
		t.Fatalf("regenerate = exit %d, %q %q", code, out, errOut)
	}

	st, err = store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, err := st.Questions(ctx, store.QuestionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]quiz.Question{}
	reworded := 0
	for _, q := range after {
		byID[q.ID] = q
		if strings.HasPrefix(q.Prompt, "Name the person who is") {
			reworded++
		}
	}
	if got := byID[edited.ID]; got.Prompt != edited.Prompt {
		t.Errorf("edited question = %q, want the teacher's %q", got.Prompt, edited.Prompt)
	}
	if _, ok := byID[deleted.ID]; ok {
		t.Errorf("deleted question %d is back", deleted.ID)
	}
	kept := 0
	for _, q := range before[2:] {
		if _, ok := byID[q.ID]; ok {
			kept++
		}
	}
	if kept*10 < (len(before)-2)*9 {
		t.Errorf("%d of %d questions kept their IDs through regeneration, want at least 90%%", kept, len(before)-2)
	}
	if reworded == 0 {
		t.Error("no question uses the overriding template's wording")
	}
	t.Logf("%d questions before, %d after; %d kept their IDs; %d reworded by the override", len(before), len(after), kept, reworded)
}
