package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"factdeck/quiz"
)

// TestSetPRepairs checks repairs of failures both judges found on set p
// (testdata/judged/invented16), on invented sentences of the same shapes:
// options a rise "from 7.25%" rules out, a cut that keeps only a relative
// clause's verb, "the first" or "the remaining four" standing for what an
// earlier sentence named, a count of an owner ("the two country's carriers") or of a
// currency sign ("How many C$ ...?"), a town blanked before its state in
// a description, and a list cut before the member "and" joins.
func TestSetPRepairs(t *testing.T) {
	raw := "Central bank lifts rates\n\n" +
		"JOHANNESBURG - The Arden Reserve Bank raised its main lending rate by 25 basis points on Thursday, the second increase this year.\n\n" +
		"The bank's Monetary Policy Committee lifted the repo rate to 7.50% from 7.25%. Consumer inflation rose to 5.4% in the year to August, up from 4.7% in July and well above the 4.9% economists had expected.\n\n" +
		"The final was decided over two games. In the first, Ana Ruiz steered a quiet opening into a long endgame and won in 63 moves. The second was drawn after 41 moves.\n\n" +
		"The first two corridors would open next summer at a cost of about $41 million. The remaining four would follow in stages through 2028.\n"
	// The judged articles themselves, for shapes an invented sentence
	// parsed otherwise did not reproduce.
	for _, f := range []string{"p1.txt", "p6.txt", "p8.txt", "p12.txt"} {
		text, err := os.ReadFile(filepath.Join("../../testdata/judged/invented16", f))
		if err != nil {
			t.Fatal(err)
		}
		raw += "\n" + string(text[bytes.IndexByte(text, '\n')+1:]) // the body, without the headline
	}
	cs := candidatesOf(t, raw, "setp.txt")
	rise := false
	for _, c := range cs {
		q := c.Question
		served := servable(c)
		if q.Type == quiz.MultipleChoice && q.AnswerKind == quiz.KindPercent && strings.Contains(q.Prompt, "from 7.25%") {
			rise = true
			for _, o := range q.Options {
				if v, err := strconv.ParseFloat(strings.TrimSuffix(o, "%"), 64); err != nil || v <= 7.25 {
					t.Errorf("option %q of a rise from 7.25%%: %q %q", o, q.Prompt, q.Options)
				}
			}
		}
		switch {
		case q.Type == quiz.Cloze && strings.HasPrefix(q.Prompt, "Food and non-alcoholic beverages, which") && !strings.Contains(q.Prompt, " rose "):
			t.Errorf("a cut that kept only a relative clause's verb: %q", q.Prompt)
		case served && (strings.Contains(q.Prompt, "In the first,") || strings.HasPrefix(q.Prompt, "The second was")):
			t.Errorf("\"the first\" standing for a game named before: %q", q.Prompt)
		case q.Type != quiz.Cloze && strings.Contains(q.Prompt, "would four follow"):
			t.Errorf("a question on a misread \"the remaining four\": %q", q.Prompt)
		case served && q.Type == quiz.Cloze && strings.HasPrefix(q.Prompt, "The remaining"):
			t.Errorf("\"the remaining four\" standing for what an earlier sentence named: %q", q.Prompt)
		case q.Type == quiz.Cloze && strings.Contains(q.Prompt, "cameras, opened") && !strings.Contains(q.Prompt, " and "):
			t.Errorf("a list cut before its last member: %q", q.Prompt)
		case strings.Contains(q.Prompt, "how many C$") || strings.Contains(q.Prompt, "how many country's"):
			t.Errorf("a count of a currency sign or an owner: %q", q.Prompt)
		case served && q.Type == quiz.Cloze && strings.Contains(q.Prompt, "in _____, Ohio"):
			t.Errorf("a town blanked before its state: %q", q.Prompt)
		}
	}
	if !rise {
		t.Log("no multiple choice about the rise from 7.25%: the option check had nothing to check")
	}
}

// TestTeamNotPerson checks, on the judged article where both judges failed
// it (a cup final), that a team the recognizer typed a person is neither
// an option among people nor given a post: "Calder Vale, the holders"
// (a plural appositive) is no person's class, and "Calder Vale keeper
// Rhys Penhallow" makes Penhallow the keeper, not the team.
func TestTeamNotPerson(t *testing.T) {
	text, err := os.ReadFile("../../testdata/judged/invented16/p3.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range candidatesOf(t, string(text), "p3.txt") {
		q := c.Question
		switch {
		case q.Type == quiz.MultipleChoice && q.AnswerKind == quiz.KindPerson && (q.Answer == "Calder Vale" || slices.Contains(q.Options, "Calder Vale")):
			t.Errorf("a team among people: %q %q", q.Prompt, q.Options)
		case strings.HasPrefix(q.Template, "role") && (q.Answer == "Calder Vale" || strings.Contains(q.Prompt, "Calder Vale's position")):
			t.Errorf("a post given to a team: %q -> %q", q.Prompt, q.Answer)
		}
	}
}
