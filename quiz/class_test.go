package quiz

import (
	"math"
	"testing"
)

// session returns a finished quiz of questions ids with the given answers.
func finished(ids []int64, given []string, right []bool) *QuizSession {
	s := &QuizSession{QuestionIDs: ids}
	for i, id := range ids {
		r := Wrong
		if right[i] {
			r = Correct
		}
		s.Attempts = append(s.Attempts, Attempt{QuestionID: id, Position: i, Given: given[i], Result: r})
	}
	return s
}

func TestAnalyseItems(t *testing.T) {
	// q1 is good: the two strong learners get it, the two weak miss it.
	// q2 is bad: only the weakest gets it. q3 everyone gets.
	q1 := Question{ID: 1, Type: MultipleChoice, Answer: "Oslo", Options: []string{"Oslo", "Bergen", "Trondheim"}}
	q2 := Question{ID: 2, Type: MultipleChoice, Answer: "1905", Options: []string{"1814", "1905", "1940"}}
	q3 := Question{ID: 3, Type: ShortAnswer, Answer: "fjord"}
	ids := []int64{1, 2, 3, 4}
	work := []Work{
		{Member: Member{LearnerID: 1}, Session: finished(ids, []string{"Oslo", "1814", "fjord", "krone"}, []bool{true, false, true, true})},
		{Member: Member{LearnerID: 2}, Session: finished(ids, []string{"oslo", "1814", "fjord", "krone"}, []bool{true, false, true, true})},
		{Member: Member{LearnerID: 3}, Session: finished(ids, []string{"Bergen", "1940", "fjord", "crown"}, []bool{false, false, true, false})},
		{Member: Member{LearnerID: 4}, Session: finished(ids, []string{"Bergen", "1905", "fjord", "?"}, []bool{false, true, true, false})},
		{Member: Member{LearnerID: 5}},                                          // not started
		{Member: Member{LearnerID: 6}, Session: &QuizSession{QuestionIDs: ids}}, // not finished
	}
	got := AnalyseItems([]Question{q1, q2, q3}, work)
	tests := []struct {
		name              string
		stat              ItemStat
		answered, correct int
		picked            []int
		other             int
		disc              float64
		flagged           bool
	}{
		{"good", got[0], 4, 2, []int{2, 2, 0}, 0, 1, false},
		{"bad", got[1], 4, 1, []int{2, 1, 1}, 0, -0.5, true},
		{"easy", got[2], 4, 4, nil, 4, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.stat
			if s.Answered != tt.answered || s.Correct != tt.correct {
				t.Errorf("answered, correct = %d, %d, want %d, %d", s.Answered, s.Correct, tt.answered, tt.correct)
			}
			var picked []int
			for _, c := range s.Choices {
				picked = append(picked, c.Picked)
			}
			if len(picked) != len(tt.picked) {
				t.Fatalf("picked = %v, want %v", picked, tt.picked)
			}
			for i := range picked {
				if picked[i] != tt.picked[i] {
					t.Errorf("picked = %v, want %v", picked, tt.picked)
				}
			}
			if s.Other != tt.other {
				t.Errorf("other = %d, want %d", s.Other, tt.other)
			}
			if math.Abs(s.Discrimination-tt.disc) > 1e-9 || s.Flagged != tt.flagged {
				t.Errorf("discrimination, flagged = %v, %v, want %v, %v", s.Discrimination, s.Flagged, tt.disc, tt.flagged)
			}
		})
	}
	if got[0].Choices[0].Correct != true || got[0].Choices[1].Correct {
		t.Errorf("choices' Correct = %+v, want only Oslo", got[0].Choices)
	}
	if got[0].ShareCorrect() != 50 {
		t.Errorf("ShareCorrect = %d, want 50", got[0].ShareCorrect())
	}
	if empty := AnalyseItems([]Question{q1}, nil); empty[0].Answered != 0 || empty[0].Flagged || empty[0].ShareCorrect() != 0 {
		t.Errorf("AnalyseItems with no work = %+v, want zero counts, not flagged", empty[0])
	}
}
