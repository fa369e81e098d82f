package coref

// This file scores a resolver against gold coreference, and holds the
// baseline it is compared with: the nearest compatible subject before the
// pronoun.

import (
	"fmt"
	"slices"
	"strings"
)

// Outcome is how one pronoun of an evaluated text was resolved.
type Outcome struct {
	Doc        string
	Sent, Word int
	// Linked is true when the resolver chose a mention; Prob is its
	// probability; Correct when the mention is in the pronoun's gold
	// entity.
	Linked, Correct bool
	Prob            float64
	// InWindow is true when a mention of the pronoun's gold entity is
	// among its candidates (its sentence before it, and the three
	// before); Earlier when one is anywhere before it.
	InWindow, Earlier bool
}

// Scores are the outcomes of every third-person pronoun of a set of
// texts.
type Scores struct {
	Outcomes []Outcome
}

// Evaluate resolves the pronouns of docs with resolve and scores them
// against the gold entities.
func Evaluate(docs []Doc, resolve func(sents [][]Word, ments []Mention) []Link) Scores {
	var s Scores
	for di := range docs {
		d := &docs[di]
		gold := d.gold()
		for _, l := range resolve(d.Sents, d.Mentions) {
			o := Outcome{Doc: d.Name, Sent: l.Sent, Word: l.Word, Linked: l.Mention >= 0, Prob: l.Prob}
			c, ok := gold[[2]int{l.Sent, l.Word}]
			if ok && c >= 0 {
				if o.Linked && l.Mention < len(d.Clusters) && d.Clusters[l.Mention] == c {
					o.Correct = true
				}
				for i, m := range d.Mentions {
					if d.Clusters[i] != c || !before(m, l.Sent, l.Word) {
						continue
					}
					o.Earlier = true
					if m.Sent >= l.Sent-window {
						o.InWindow = true
					}
				}
			}
			s.Outcomes = append(s.Outcomes, o)
		}
	}
	return s
}

// before reports whether mention m ends before word wi of sentence si.
func before(m Mention, si, wi int) bool {
	return m.Sent < si || m.Sent == si && m.Hi <= wi
}

// Accuracy returns the share of the pronouns with a gold antecedent among
// their candidates that were linked to their gold entity, whatever the
// probability.
func (s Scores) Accuracy() float64 {
	n, ok := 0, 0
	for _, o := range s.Outcomes {
		if o.InWindow {
			n++
			if o.Correct {
				ok++
			}
		}
	}
	return ratio(ok, n)
}

// Point is the quality of the links kept from a probability threshold on.
type Point struct {
	Threshold float64
	// Links counts the links kept, Right those to the gold entity;
	// Precision is Right/Links.
	Links, Right int
	Precision    float64
	// Coverage is the share of the pronouns with a gold antecedent among
	// their candidates that keep a link; Recall the share that keep a
	// right one. CoverageEarlier and RecallEarlier are the same over the
	// pronouns with a gold antecedent anywhere before them.
	Coverage, Recall               float64
	CoverageEarlier, RecallEarlier float64
}

// At returns the quality of the links with probability >= t.
func (s Scores) At(t float64) Point {
	p := Point{Threshold: t}
	win, earlier, winLinked, winRight, eLinked, eRight := 0, 0, 0, 0, 0, 0
	for _, o := range s.Outcomes {
		kept := o.Linked && o.Prob >= t
		if kept {
			p.Links++
			if o.Correct {
				p.Right++
			}
		}
		if o.InWindow {
			win++
			if kept {
				winLinked++
				if o.Correct {
					winRight++
				}
			}
		}
		if o.Earlier {
			earlier++
			if kept {
				eLinked++
				if o.Correct {
					eRight++
				}
			}
		}
	}
	p.Precision = ratio(p.Right, p.Links)
	p.Coverage, p.Recall = ratio(winLinked, win), ratio(winRight, win)
	p.CoverageEarlier, p.RecallEarlier = ratio(eLinked, earlier), ratio(eRight, earlier)
	return p
}

// ThresholdFor returns the lowest threshold whose links are right at
// least precision of the time, and false when none is.
func (s Scores) ThresholdFor(precision float64) (float64, bool) {
	var probs []float64
	for _, o := range s.Outcomes {
		if o.Linked {
			probs = append(probs, o.Prob)
		}
	}
	slices.Sort(probs)
	probs = slices.Compact(probs)
	for _, t := range probs {
		if p := s.At(t); p.Links > 0 && p.Precision >= precision {
			return t, true
		}
	}
	return 0, false
}

// Counts returns how many pronouns were scored, how many have a gold
// antecedent among their candidates and how many one anywhere before.
func (s Scores) Counts() (pronouns, inWindow, earlier int) {
	for _, o := range s.Outcomes {
		if o.InWindow {
			inWindow++
		}
		if o.Earlier {
			earlier++
		}
	}
	return len(s.Outcomes), inWindow, earlier
}

// Curve returns a table of the precision and coverage of thresholds, one
// line each.
func (s Scores) Curve(thresholds ...float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%9s %6s %9s %8s %7s %8s %7s\n", "threshold", "links", "precision", "coverage", "recall", "cov.any", "rec.any")
	for _, t := range thresholds {
		p := s.At(t)
		fmt.Fprintf(&b, "%9.2f %6d %8.1f%% %7.1f%% %6.1f%% %7.1f%% %6.1f%%\n", t, p.Links, 100*p.Precision,
			100*p.Coverage, 100*p.Recall, 100*p.CoverageEarlier, 100*p.RecallEarlier)
	}
	return b.String()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// NearestSubject is the baseline resolver: each pronoun refers to the
// nearest mention before it, in its sentence or the three before, that is
// a subject (nsubj, nsubj:pass) and agrees with it in kind, number and
// gender as far as known; Prob is 1 for a link and for none.
func NearestSubject(sents [][]Word, ments []Mention) []Link {
	var links []Link
	w := newWalker(sents, ments, nil)
	w.walk(func(d *decision) (int, float64) {
		l := Link{Sent: d.sent, Word: d.word, Mention: -1, Prob: 1}
		choice := -1
		for i, o := range d.opts {
			oc := &w.occs[o.occ]
			if oc.class == 0 && (oc.role == "nsubj" || oc.role == "nsubj:pass") && w.compatible(d.p, oc) {
				choice, l.Mention = i, oc.anchor
				break
			}
		}
		links = append(links, l)
		return choice, 1
	})
	return links
}
