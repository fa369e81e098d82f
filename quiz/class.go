package quiz

// This file holds classes: a teacher's group of learners, the assignments
// given to it, and the analysis of how the class answered.

import (
	"slices"
	"strings"
	"time"
)

// Class is a teacher's group of learners, who join with its code.
type Class struct {
	ID        int64
	Name      string
	TeacherID int64 // the owning user
	Code      string
	CreatedAt time.Time
}

// Member is a learner in a class, with the name shown to the teacher.
type Member struct {
	LearnerID int64
	Name      string
	JoinedAt  time.Time
}

// Assignment is a quiz given to a class: the same questions for every
// learner, drawn once when the teacher creates it.
type Assignment struct {
	ID      int64
	ClassID int64
	Title   string
	// ArticleID is the article whose quiz it is, 0 for questions of every
	// article.
	ArticleID   int64
	QuestionIDs []int64
	Due         time.Time // zero when there is no due date
	CreatedAt   time.Time
}

// Overdue reports whether the assignment's due date has passed at now.
func (a Assignment) Overdue(now time.Time) bool { return !a.Due.IsZero() && now.After(a.Due) }

// Limits of class fields.
const (
	MaxClassName = 80
	MaxTitle     = 120
)

// Work is one member's quiz for an assignment, nil Session when they have
// not started it.
type Work struct {
	Member  Member
	Session *QuizSession
}

// Done reports whether the member finished the assignment.
func (w Work) Done() bool { return w.Session != nil && w.Session.Finished() }

// ItemStat is how a class answered one question of an assignment.
type ItemStat struct {
	Question Question
	// Answered and Correct count the members who finished the assignment.
	Answered, Correct int
	// Choices counts each option picked, in the question's option order;
	// free answers count under Other.
	Choices []Choice
	Other   int
	// Discrimination is the share correct among the stronger half of the
	// class minus that among the weaker half (by total score, the
	// question itself left out); it is 0 when either half is empty.
	Discrimination float64
	// Flagged marks a question that strong learners miss or weak learners
	// get more often than the other way round: a question to review.
	Flagged bool
}

// Choice is one option of a question and how often it was picked.
type Choice struct {
	Option  string
	Correct bool
	Picked  int
}

// ShareCorrect returns Correct/Answered as a whole percentage.
func (s ItemStat) ShareCorrect() int {
	if s.Answered == 0 {
		return 0
	}
	return (s.Correct*100 + s.Answered/2) / s.Answered
}

// AnalyseItems returns a stat per question, in the order of qs, from the
// finished work of a class; unfinished work is left out. A question is
// flagged when its discrimination is negative.
func AnalyseItems(qs []Question, work []Work) []ItemStat {
	var done []QuizSession
	for _, w := range work {
		if w.Done() {
			done = append(done, *w.Session)
		}
	}
	// correct[i][q]: learner i got question q right.
	correct := make([]map[int64]bool, len(done))
	answers := make([]map[int64]string, len(done))
	for i, s := range done {
		correct[i], answers[i] = map[int64]bool{}, map[int64]string{}
		for _, a := range s.Attempts {
			correct[i][a.QuestionID] = a.Result == Correct
			answers[i][a.QuestionID] = a.Given
		}
	}
	out := make([]ItemStat, len(qs))
	for k, q := range qs {
		st := ItemStat{Question: q}
		for _, o := range q.Options {
			st.Choices = append(st.Choices, Choice{Option: o, Correct: strings.EqualFold(o, q.Answer)})
		}
		type scored struct {
			rest int
			ok   bool
		}
		var learners []scored
		for i := range done {
			given, asked := answers[i][q.ID]
			if !asked {
				continue
			}
			st.Answered++
			ok := correct[i][q.ID]
			if ok {
				st.Correct++
			}
			j := slices.IndexFunc(st.Choices, func(c Choice) bool { return strings.EqualFold(c.Option, strings.TrimSpace(given)) })
			if j >= 0 {
				st.Choices[j].Picked++
			} else {
				st.Other++
			}
			rest := 0
			for id, c := range correct[i] {
				if c && id != q.ID {
					rest++
				}
			}
			learners = append(learners, scored{rest, ok})
		}
		// Stable order, strongest first; the middle learner of an odd
		// count belongs to neither half.
		slices.SortStableFunc(learners, func(a, b scored) int { return b.rest - a.rest })
		half := len(learners) / 2
		if half > 0 {
			share := func(g []scored) float64 {
				n := 0
				for _, l := range g {
					if l.ok {
						n++
					}
				}
				return float64(n) / float64(len(g))
			}
			st.Discrimination = share(learners[:half]) - share(learners[len(learners)-half:])
			st.Flagged = st.Discrimination < 0
		}
		out[k] = st
	}
	return out
}
