package store_test

import (
	"context"
	"testing"

	"factdeck/quiz"
	"factdeck/store"
)

func TestReplaceFacts(t *testing.T) { backends(t, testReplaceFacts) }

func testReplaceFacts(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := quiz.Article{Title: "Harbour bridge", Paragraphs: []string{"The bridge reopened on Monday in Lakeview."}, Source: "b.txt", Hash: "rf"}
	facts := []quiz.Fact{
		{ID: 1, Key: "time|bridge", Subject: "bridge", Relation: quiz.RelTime, Object: "Monday"},
		{ID: 2, Key: "location|bridge", Subject: "bridge", Relation: quiz.RelLocation, Object: "Lakeview"},
		{ID: 3, Key: "is|Lakeview", Subject: "Lakeview", Relation: quiz.RelIsA, Object: "city"},
	}
	q := func(fact int64, tpl string, ty quiz.QuestionType, prompt, answer string) quiz.Question {
		return quiz.Question{FactID: fact, Template: tpl, Type: ty, Prompt: prompt, Answer: answer, Accepted: []string{answer}}
	}
	first := []quiz.Question{
		q(1, "time-day", quiz.ShortAnswer, "On which day did the bridge reopen?", "Monday"), // edited below
		q(2, "where", quiz.ShortAnswer, "Where did the bridge reopen?", "Lakeview"),         // deleted below
		q(1, "time-day", quiz.Cloze, "The bridge reopened on _____ in Lakeview.", "Monday"), // updated in place
		q(3, "is-city", quiz.ShortAnswer, "What is Lakeview?", "city"),                      // retired, then back
	}
	stored, _, qs, err := createArticle(s, ctx, a, facts, first)
	if err != nil {
		t.Fatal(err)
	}
	prompt := "On which weekday did the harbour bridge reopen?"
	if _, _, err := s.EditQuestion(ctx, qs[0].ID, quiz.Edit{Prompt: &prompt}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteQuestion(ctx, qs[1].ID); err != nil {
		t.Fatal(err)
	}

	second := []quiz.Question{
		q(1, "time-day", quiz.ShortAnswer, "On which day was the bridge reopened?", "Monday"),
		q(2, "where", quiz.ShortAnswer, "In which town did the bridge reopen?", "Lakeview"),
		q(1, "time-day", quiz.Cloze, "The bridge reopened on _____.", "Monday"),
		q(2, "where", quiz.MultipleChoice, "Where did the bridge reopen?", "Lakeview"),
	}
	rep, err := replaceFacts(s, ctx, stored.ID, facts[:2], second)
	if err != nil {
		t.Fatalf("ReplaceFacts: %v", err)
	}
	want := store.RegenerateReport{Added: 1, Updated: 1, Retired: 1, KeptEdited: 1, KeptDeleted: 1}
	if rep != want {
		t.Errorf("ReplaceFacts report = %+v, want %+v", rep, want)
	}
	got, err := s.Questions(ctx, store.QuestionFilter{ArticleID: stored.ID})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]quiz.Question{}
	for _, g := range got {
		byID[g.ID] = g
	}
	if len(got) != 3 {
		t.Errorf("visible questions = %d, want 3 (edited, updated, added)", len(got))
	}
	if g := byID[qs[0].ID]; g.Prompt != prompt {
		t.Errorf("edited question prompt = %q, want the person's %q", g.Prompt, prompt)
	}
	if _, ok := byID[qs[1].ID]; ok {
		t.Error("a question the person deleted came back")
	}
	if g := byID[qs[2].ID]; g.Prompt != "The bridge reopened on _____." {
		t.Errorf("regenerated question %d prompt = %q, want it updated in place", qs[2].ID, g.Prompt)
	}
	if _, ok := byID[qs[3].ID]; ok {
		t.Error("a question no longer made is still visible")
	}
	fs, err := s.Facts(ctx, stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 { // two new ones and the one the edited question points at
		t.Errorf("facts after replace = %d, want 3", len(fs))
	}

	// A later run that makes the retired question again brings it back
	// under its old ID.
	third := append(second, q(3, "is-city", quiz.ShortAnswer, "What kind of place is Lakeview?", "city"))
	rep, err = replaceFacts(s, ctx, stored.ID, facts, third)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Updated != 3 || rep.Added != 0 {
		t.Errorf("third run report = %+v, want 3 updated (cloze, multiple choice, the retired one), 0 added", rep)
	}
	back, err := s.Question(ctx, qs[3].ID)
	if err != nil || back.Prompt != "What kind of place is Lakeview?" {
		t.Errorf("retired question = %+v, %v; want it back with the new wording", back, err)
	}
	if _, err := replaceFacts(s, ctx, 9999, nil, nil); err == nil {
		t.Error("ReplaceFacts(unknown article) = nil error")
	}
}
