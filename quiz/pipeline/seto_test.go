package pipeline_test

import (
	"slices"
	"strings"
	"testing"

	"factdeck/quiz"
)

// TestSetORepairs checks repairs of failures both judges found on set o
// (testdata/judged/invented15), on invented sentences of the same shapes:
// a blank glued to a hyphen ("a _____-year-old company"), a count asked of
// a verb of saying ("How many clinics did Harwick Health say?"), "the
// company" given to a foundation, a notes label kept in a subject
// ("Owls: Delgado"), the state dropped with both its commas ("born in
// Monroe the youngest of"), and a blank holding two members of a list.
func TestSetORepairs(t *testing.T) {
	raw := "Norvell Robotics ships its first warehouse robot\n\n" +
		"Norvell Robotics, a seven-year-old Denver company, said on Monday that its first warehouse robot had shipped to a customer in Ohio.\n\n" +
		"Harwick Health said all four clinics remained open and that emergency rooms were taking patients as usual.\n\n" +
		"The study was not designed to measure heart attacks or strokes, and the authors acknowledge that limitation in the paper. It was funded in part by the Lindell Heart Research Foundation and in part by Corvane, which paid for the drug and some monitoring costs. Three of the study's 22 authors have received consulting fees from the company.\n\n" +
		"The Owls beat the Hawks 101-99 on Saturday behind 31 points from Mateo Delgado.\n\n" +
		"TIP-INS\n\n" +
		"Hawks: F Sam Ortiz missed his third straight game with a sore knee. ... The Hawks are 9-15 on the road.\n\n" +
		"Owls: Delgado passed 5,000 career points with a layup in the second quarter. ... G Ben Ruiz returned after missing two games with an illness and scored six points in 18 minutes.\n\n" +
		"Ann Louise Ruiz was born on May 2, 1950, in Monroe, La., the youngest of five children of Ben Ruiz, a railroad porter, and Ada (Lind) Ruiz, a church organist who gave her daughter her first lessons at the age of 5.\n\n" +
		"Deputies ordered evacuations for about 600 homes in the towns of Elm Rock, Bay Flat and the western edge of Orrin on Sunday.\n"
	cs := candidatesOf(t, raw, "seto.txt")
	saying := false
	for _, c := range cs {
		q := c.Question
		served := servable(c)
		hard := slices.ContainsFunc(c.Features, func(f string) bool { return strings.HasPrefix(f, "cloze-hard:") })
		if strings.Contains(q.Sentence, "Harwick Health said") {
			saying = true
		}
		switch {
		case (served || !hard) && q.Type == quiz.Cloze && (strings.Contains(q.Prompt, "_____-") || strings.Contains(q.Prompt, "-_____")):
			t.Errorf("a blank glued to a hyphen can fill a deck: %q", q.Prompt)
		case q.Type != quiz.Cloze && q.Type != quiz.TrueFalse && strings.HasPrefix(q.Prompt, "How many") && strings.HasSuffix(q.Prompt, " say?"):
			t.Errorf("a count asked of a verb of saying: %q", q.Prompt)
		case q.Answer != "False" && (strings.Contains(q.Prompt, "fees from Lindell") || strings.Contains(q.Prompt, "fees from the Lindell")):
			t.Errorf("\"the company\" given to a foundation: %q -> %q", q.Prompt, q.Answer)
		case strings.Contains(q.Prompt, "Hawks:") || strings.Contains(q.Prompt, "Owls:"):
			t.Errorf("a notes label kept in a question: %q", q.Prompt)
		case strings.Contains(q.Prompt, "Monroe the"):
			t.Errorf("a city's state dropped with both commas: %q", q.Prompt)
		case (served || !hard) && q.Type == quiz.Cloze && listAnswer(q.Answer):
			t.Errorf("a blank of two list members can fill a deck: %q -> %q", q.Prompt, q.Answer)
		}
	}
	if !saying {
		t.Error("no question of the clinics sentence: the case this test checks is gone")
	}
}

// listAnswer reports an answer of two names joined by a comma ("Elm Rock,
// Bay Flat"), not a date's or a place's comma ("May 2, 1950").
func listAnswer(a string) bool {
	i := strings.Index(a, ", ")
	return i > 0 && i+2 < len(a) && a[i+2] >= 'A' && a[i+2] <= 'Z'
}
