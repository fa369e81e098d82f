// Package merge compares the facts of articles about the same story.
// Articles are about the same story when they name enough of the same
// people, organizations and places within a few weeks of each other; only
// then are their facts compared, and only facts on the same subject and
// relation (the same quiz.Fact.Key). A fact another article states the
// same way is corroborated; one it answers differently is in conflict.
// It is the one place factdeck decides either.
package merge

import (
	"slices"
	"strings"
	"time"

	"factdeck/quiz"
)

// Article is an article offered for comparison: its facts, its named
// entities (Entities) and when it was ingested.
type Article struct {
	ID         int64
	Source     string
	IngestedAt time.Time
	Entities   []string
	Facts      []quiz.Fact
}

// Match is a fact of the new article and a fact of another article that
// answer the same question: the same way (Agree) or not.
type Match struct {
	// Fact is the new article's fact ID.
	Fact int64
	// Other is the index of the other article in the list given to
	// Compare, OtherFact its fact's ID.
	Other     int
	OtherFact int64
	Agree     bool
}

// Limits that keep one odd article from flooding the pages.
const (
	// storyWindow is how far apart in time two articles of one story may
	// be ingested.
	storyWindow = 30 * 24 * time.Hour
	// storyScore is the weight of shared entities that makes one story:
	// two people or organizations, or one and two places.
	storyScore = 2.0
	// maxPerFact caps the conflicts of one fact; maxPerArticle those of
	// one article.
	maxPerFact    = 3
	maxPerArticle = 30
)

// Entities returns the named entities of an article's facts (see
// quiz.Entities): the keys SameStory compares.
func Entities(facts []quiz.Fact) []string { return quiz.Entities(facts) }

// SameStory reports whether two articles, by their Entities and ingestion
// times (zero: unknown), are about the same story.
func SameStory(a, b []string, ta, tb time.Time) bool {
	if !ta.IsZero() && !tb.IsZero() && (ta.Sub(tb) > storyWindow || tb.Sub(ta) > storyWindow) {
		return false
	}
	score := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if strings.HasPrefix(a[i], "p:") {
				score += 0.5
			} else {
				score++
			}
			i++
			j++
		}
	}
	return score >= storyScore
}

// comparable reports whether a relation's facts can be compared across
// articles: attributions and entity types are not answers to one question.
func comparable(rel string) bool {
	return rel != quiz.RelAttribution && rel != quiz.RelIsA
}

// Compare compares the facts of a new article (its entities and time
// given) with the facts of others, and returns the matches, in the order
// of facts, then others. Articles not about the same story are skipped.
func Compare(facts []quiz.Fact, entities []string, at time.Time, others []Article) []Match {
	var story []int
	for i, o := range others {
		if SameStory(entities, o.Entities, at, o.IngestedAt) {
			story = append(story, i)
		}
	}
	if len(story) == 0 {
		return nil
	}
	// The other stories' facts by key, in story order: each fact meets
	// only those asked the same way, not every fact of every story.
	type other struct {
		i      int
		g      *quiz.Fact
		answer string // norm(g.Answer())
	}
	keys := map[string]bool{}
	for _, f := range facts {
		keys[f.Key] = true
	}
	byKey := map[string][]other{}
	for _, i := range story {
		for j := range others[i].Facts {
			if g := &others[i].Facts[j]; g.Key != "" && keys[g.Key] {
				byKey[g.Key] = append(byKey[g.Key], other{i: i, g: g, answer: norm(g.Answer())})
			}
		}
	}
	var out []Match
	conflicts := 0
	for _, f := range facts {
		if f.Key == "" || !comparable(f.Relation) {
			continue
		}
		mine := norm(f.Answer())
		if mine == "" || vague(f) {
			continue
		}
		perFact := 0
		seen := map[string]bool{}
		for _, o := range byKey[f.Key] {
			i, g := o.i, o.g
			// The key names the relation and the side asked about
			// ("time|talks|weekday" for the talks' day however worded).
			if g.Relation != f.Relation {
				continue
			}
			if f.ObjectKind != "" && g.ObjectKind != "" && f.ObjectKind != g.ObjectKind {
				continue // "early 2022" and "Wednesday": other precision, not a contradiction
			}
			theirs := o.answer
			if theirs == "" || seen[theirs] {
				continue
			}
			seen[theirs] = true
			m := Match{Fact: f.ID, Other: i, OtherFact: g.ID, Agree: Agree(mine, theirs)}
			if !m.Agree {
				if perFact == maxPerFact || conflicts == maxPerArticle {
					continue
				}
				perFact++
				conflicts++
			}
			out = append(out, m)
		}
	}
	return out
}

// norm normalizes an answer for comparison (quiz.NormalizeAnswer, and
// "per cent" is "percent").
func norm(s string) string {
	return strings.ReplaceAll(quiz.NormalizeAnswer(s), "per cent", "percent")
}

// vague reports whether a fact's question is too vague to compare across
// articles: a number of a bare noun ("how many people?", "how many feet?")
// is a different number in every paragraph.
func vague(f quiz.Fact) bool {
	switch f.Relation {
	case quiz.RelCount, quiz.RelAmount, quiz.RelDuration:
		return len(strings.Fields(f.Asked())) < 2
	}
	return false
}

// Agree reports whether two normalized answers say the same thing in other
// words: one's words contain the other's ("severe sanctions", "severe new
// sanctions"; "50", "over 50"), or single words share a long stem
// ("spokesman", "spokesperson").
func Agree(a, b string) bool {
	if a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if subset(wa, wb) || subset(wb, wa) {
		return true
	}
	if len(wa) == 1 && len(wb) == 1 {
		ra, rb := []rune(a), []rune(b)
		n := 0
		for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
			n++
		}
		return n >= 6
	}
	return false
}

func subset(small, big []string) bool {
	if len(small) == 0 {
		return false
	}
	for _, w := range small {
		if !slices.Contains(big, w) {
			return false
		}
	}
	return true
}
