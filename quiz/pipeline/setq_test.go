package pipeline_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"factdeck/quiz"
)

// TestSurnameParticle checks, from a failure both judges found on set q
// (testdata/judged/invented17), that a person's name with a particle
// accepts the surname as the article writes it ("El Amrani" of "Youssef
// El Amrani"), not only its last word.
func TestSurnameParticle(t *testing.T) {
	raw := "Marathon record falls\n\n" +
		"Youssef El Amrani of Morocco won the Harbour City Marathon on Sunday in 2 hours 6 minutes 41 seconds, a course record.\n\n" +
		"El Amrani, 27, pulled away from the leaders after 35 kilometres. \"I felt strong all day,\" El Amrani said after collecting $50,000 in prize money.\n"
	n := 0
	for _, c := range candidatesOf(t, raw, "setq.txt") {
		q := c.Question
		if q.Answer != "Youssef El Amrani" {
			continue
		}
		n++
		if !slices.Contains(q.Accepted, "El Amrani") {
			t.Errorf("%q -> %q accepts %q, not \"El Amrani\"", q.Prompt, q.Answer, q.Accepted)
		}
	}
	if n == 0 {
		t.Error("no question asks for Youssef El Amrani: the case this test checks is gone")
	}
}

// TestSpokespersonNamed checks that the name of a spokesperson introduced
// by a description ("A spokesperson, _____, said ...") is not served as a
// blank: who said it tests the byline, not the story (both judges failed
// it on set q).
func TestSpokespersonNamed(t *testing.T) {
	raw := "Power banks recalled\n\n" +
		"Lumen Devices is recalling about 200,000 power banks after 31 reports of overheating, the company said on Tuesday.\n\n" +
		"A spokesperson, Daniel Ortiz-Reyes, said the company had stopped buying cells from the supplier in June and had added X-ray checks at its factory.\n"
	for _, c := range candidatesOf(t, raw, "setq2.txt") {
		q := c.Question
		if q.Type == quiz.Cloze && q.Answer == "Daniel Ortiz-Reyes" && strings.Contains(q.Prompt, "said") && servable(c) {
			t.Errorf("a spokesperson's name served as a blank: %q", q.Prompt)
		}
	}
}

// TestUniversityNotBoard checks, on the judged article (set q), that
// "the university" is not the board a university's name begins ("tuition
// at Calloway State University Board of Regents", judged nonsense by both
// judges), and that beside that name in its own sentence it is clear
// enough for the lead's cloze.
func TestUniversityNotBoard(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/judged/invented17/q11.txt")
	if err != nil {
		t.Fatal(err)
	}
	lead := false
	for _, c := range candidatesOf(t, string(raw), "q11.txt") {
		q := c.Question
		if strings.Contains(q.Prompt, "at Calloway State University Board of Regents") {
			t.Errorf("\"the university\" given to its board: %q", q.Prompt)
		}
		if q.Type == quiz.Cloze && q.Answer == "8.5%" && strings.HasPrefix(q.Prompt, "Over the chants") {
			lead = true
			if slices.Contains(c.Features, "cloze:unresolved-description") {
				t.Errorf("\"the university\" beside the name that says it taken for unresolved: %q", q.Prompt)
			}
		}
	}
	if !lead {
		t.Error("no cloze of the lead's 8.5%: the case this test checks is gone")
	}
}
