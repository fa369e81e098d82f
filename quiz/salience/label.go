package salience

// This file derives the training targets from a document's summaries.
// An entity's target is the share of the summaries that mention it (GUM
// gives it). A sentence's target is the share of the summaries whose
// extract includes it: the extract of a summary is built greedily, as
// extractive summarizers' training labels are (Nallapati et al. 2017),
// adding the sentence that most raises the mean of the unigram and bigram
// F1 of the extract against the summary (ROUGE-1 and ROUGE-2 over stems
// of content words), until no sentence raises it or maxExtract are in.

// Example is a document with its gold salience, for training and
// evaluation.
type Example struct {
	// Name identifies the document in messages; Genre is its kind of
	// text ("news", "interview").
	Name, Genre string
	Doc         Doc
	// Summaries are the document's summaries.
	Summaries []string
	// Summarized gives, for each entity of Doc's mentions, the number of
	// summaries (of five) that mention it.
	Summarized map[int]int
	// Central gives, for each sentence of Doc, the share of the summaries
	// whose extract includes it (Extracts).
	Central []float64
}

// maxExtract bounds the sentences of a summary's extract.
const maxExtract = 5

// Extracts returns, for each sentence, the share of summaries whose
// extract includes it (all 0 when there are none).
func Extracts(sents [][]Word, summaries []string) []float64 {
	out := make([]float64, len(sents))
	if len(summaries) == 0 {
		return out
	}
	grams := make([]ngrams, len(sents))
	for i, s := range sents {
		grams[i] = newNgrams(sentenceTerms(s))
	}
	for _, sum := range summaries {
		ref := newNgrams(terms(nil, sum))
		for _, i := range extract(grams, ref) {
			out[i] += 1 / float64(len(summaries))
		}
	}
	return out
}

// ngrams are the unigram and bigram counts of a text.
type ngrams struct {
	uni map[string]int
	bi  map[[2]string]int
	// nu and nb are the totals.
	nu, nb int
}

func newNgrams(ts []string) ngrams {
	g := ngrams{uni: map[string]int{}, bi: map[[2]string]int{}}
	g.add(ts)
	return g
}

func (g *ngrams) add(ts []string) {
	for i, t := range ts {
		g.uni[t]++
		g.nu++
		if i > 0 {
			g.bi[[2]string{ts[i-1], t}]++
			g.nb++
		}
	}
}

// merge adds the counts of o to g.
func (g *ngrams) merge(o ngrams) {
	for k, n := range o.uni {
		g.uni[k] += n
	}
	for k, n := range o.bi {
		g.bi[k] += n
	}
	g.nu += o.nu
	g.nb += o.nb
}

// rouge returns the mean of the unigram and bigram F1 of g against ref.
func (g ngrams) rouge(ref ngrams) float64 {
	f1 := func(hit, n, m int) float64 {
		if hit == 0 {
			return 0
		}
		p, r := float64(hit)/float64(n), float64(hit)/float64(m)
		return 2 * p * r / (p + r)
	}
	hu, hb := 0, 0
	for k, n := range g.uni {
		hu += min(n, ref.uni[k])
	}
	for k, n := range g.bi {
		hb += min(n, ref.bi[k])
	}
	return (f1(hu, g.nu, ref.nu) + f1(hb, g.nb, ref.nb)) / 2
}

// extract returns the sentences of the greedy extract of a summary.
func extract(sents []ngrams, ref ngrams) []int {
	var picked []int
	in := make([]bool, len(sents))
	cur := newNgrams(nil)
	best := 0.0
	for len(picked) < maxExtract {
		pick, pickScore := -1, best
		for i, s := range sents {
			if in[i] || s.nu == 0 {
				continue
			}
			cand := newNgrams(nil)
			cand.merge(cur)
			cand.merge(s)
			if sc := cand.rouge(ref); sc > pickScore {
				pick, pickScore = i, sc
			}
		}
		if pick < 0 {
			break
		}
		in[pick] = true
		picked = append(picked, pick)
		cur.merge(sents[pick])
		best = pickScore
	}
	return picked
}
