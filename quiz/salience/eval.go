package salience

// This file scores rankings of entities and sentences against Examples'
// gold salience, for the model and for the baselines it must beat.

import (
	"math"
	"slices"
)

// Scorer scores a Doc: the model's Score, or a baseline.
type Scorer func(Doc) Scores

// EvalOptions say what counts as relevant.
type EvalOptions struct {
	// MinSummaries is the number of summaries (of five) that must
	// mention an entity for it to count as salient.
	MinSummaries int
	// MinCentral is the share of summaries whose extract must include a
	// sentence for it to count as central (precision@5).
	MinCentral float64
}

// Figures are the mean scores over documents, in [0, 1].
type Figures struct {
	// Docs is the number of documents scored; EntityDocs the number with
	// at least one salient entity among their Doc's entities,
	// SentenceDocs the number with a sentence in a summary's extract.
	Docs, EntityDocs, SentenceDocs int
	// EntityAP is the mean average precision of the entity ranking;
	// EntityP3 its mean precision at 3.
	EntityAP, EntityP3 float64
	// SentenceNDCG5 is the mean NDCG at 5 of the sentence ranking against
	// the graded Central; SentenceP5 the mean precision at 5 against
	// Central >= MinCentral.
	SentenceNDCG5, SentenceP5 float64
}

// Evaluate scores s on exs.
func Evaluate(exs []Example, s Scorer, opt EvalOptions) Figures {
	var f Figures
	for _, ex := range exs {
		f.Docs++
		sc := s(ex.Doc)
		ids := make([]int, 0, len(ex.Summarized))
		for e := range ex.Summarized {
			ids = append(ids, e)
		}
		slices.Sort(ids)
		scores := make([]float64, len(ids))
		rel := make([]bool, len(ids))
		any := false
		for i, e := range ids {
			scores[i] = sc.Entity[e]
			rel[i] = ex.Summarized[e] >= opt.MinSummaries
			any = any || rel[i]
		}
		if any {
			f.EntityDocs++
			order := topIndices(scores, -1)
			f.EntityAP += averagePrecision(order, rel)
			f.EntityP3 += precisionAt(order, rel, 3)
		}
		if len(ex.Central) == len(sc.Sentence) && slices.Max(append([]float64{0}, ex.Central...)) > 0 {
			f.SentenceDocs++
			order := topIndices(sc.Sentence, -1)
			srel := make([]bool, len(ex.Central))
			for i, c := range ex.Central {
				srel[i] = c >= opt.MinCentral-1e-9
			}
			f.SentenceNDCG5 += ndcg(order, ex.Central, 5)
			f.SentenceP5 += precisionAt(order, srel, 5)
		}
	}
	if f.EntityDocs > 0 {
		f.EntityAP /= float64(f.EntityDocs)
		f.EntityP3 /= float64(f.EntityDocs)
	}
	if f.SentenceDocs > 0 {
		f.SentenceNDCG5 /= float64(f.SentenceDocs)
		f.SentenceP5 /= float64(f.SentenceDocs)
	}
	return f
}

// Add returns the figures of the documents of f and g together.
func (f Figures) Add(g Figures) Figures {
	mean := func(a float64, n int, b float64, m int) float64 {
		if n+m == 0 {
			return 0
		}
		return (a*float64(n) + b*float64(m)) / float64(n+m)
	}
	return Figures{
		Docs: f.Docs + g.Docs, EntityDocs: f.EntityDocs + g.EntityDocs, SentenceDocs: f.SentenceDocs + g.SentenceDocs,
		EntityAP:      mean(f.EntityAP, f.EntityDocs, g.EntityAP, g.EntityDocs),
		EntityP3:      mean(f.EntityP3, f.EntityDocs, g.EntityP3, g.EntityDocs),
		SentenceNDCG5: mean(f.SentenceNDCG5, f.SentenceDocs, g.SentenceNDCG5, g.SentenceDocs),
		SentenceP5:    mean(f.SentenceP5, f.SentenceDocs, g.SentenceP5, g.SentenceDocs),
	}
}

// averagePrecision returns the average precision of the ranking order
// (indices into rel).
func averagePrecision(order []int, rel []bool) float64 {
	hits, sum, total := 0, 0.0, 0
	for _, r := range rel {
		if r {
			total++
		}
	}
	if total == 0 {
		return 0
	}
	for k, i := range order {
		if rel[i] {
			hits++
			sum += float64(hits) / float64(k+1)
		}
	}
	return sum / float64(total)
}

// precisionAt returns the share of relevant items among the first k of
// order (the first len(order), if fewer).
func precisionAt(order []int, rel []bool, k int) float64 {
	k = min(k, len(order))
	if k == 0 {
		return 0
	}
	hits := 0
	for _, i := range order[:k] {
		if rel[i] {
			hits++
		}
	}
	return float64(hits) / float64(k)
}

// ndcg returns the normalized discounted cumulative gain at k of order
// against the graded relevance gain.
func ndcg(order []int, gain []float64, k int) float64 {
	dcg := func(gs []float64) float64 {
		s := 0.0
		for r, g := range gs[:min(k, len(gs))] {
			s += g / math.Log2(float64(r+2))
		}
		return s
	}
	got := make([]float64, len(order))
	for r, i := range order {
		got[r] = gain[i]
	}
	ideal := slices.Clone(gain)
	slices.SortFunc(ideal, func(a, b float64) int {
		switch {
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return 0
	})
	best := dcg(ideal)
	if best == 0 {
		return 0
	}
	return dcg(got) / best
}

// MentionCount is the baseline that ranks entities by their number of
// mentions (ties by first mention) and sentences in text order.
func MentionCount(d Doc) Scores {
	a := analyze(d)
	s := baseScores(d)
	for _, e := range a.ents {
		s.Entity[e.id] = float64(e.n) - float64(e.first)/float64(len(d.Sents)+1)
	}
	return s
}

// FirstMentioned is the baseline that ranks entities by their first
// mention (ties by number of mentions) and sentences in text order
// (lead-k).
func FirstMentioned(d Doc) Scores {
	a := analyze(d)
	s := baseScores(d)
	for _, e := range a.ents {
		s.Entity[e.id] = -float64(e.first) + float64(e.n)/float64(a.total+1)
	}
	return s
}

// TitleOverlap is the baseline that ranks sentences by the share of the
// title's content words they contain (ties in text order) and entities
// by number of mentions.
func TitleOverlap(d Doc) Scores {
	a := analyze(d)
	s := MentionCount(d)
	for i := range d.Sents {
		hit := map[string]bool{}
		for _, t := range a.terms[i] {
			if a.title[t] {
				hit[t] = true
			}
		}
		s.Sentence[i] = float64(len(hit)) - float64(i)/float64(len(d.Sents)+1)
	}
	return s
}

// baseScores returns Scores with sentences ranked in text order.
func baseScores(d Doc) Scores {
	s := Scores{Entity: map[int]float64{}, Sentence: make([]float64, len(d.Sents))}
	for i := range s.Sentence {
		s.Sentence[i] = -float64(i)
	}
	return s
}

// The relevance the package's figures are measured at: an entity is
// salient when at least SalientSummaries of its five summaries mention
// it; a sentence central when at least CentralShare of the summaries'
// extracts include it.
const (
	SalientSummaries = 3
	CentralShare     = 0.2
)
