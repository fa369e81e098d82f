package salience

// This file trains the two models from Examples. The sentence model reads
// the entity model's predictions; in training those come from entity
// models fitted on the other folds of the training documents (cross-
// fitting), so that the sentence model learns how far to trust
// predictions on text the entity model has not seen.

import "fmt"

// summaries is the number of summaries GUM's counts are out of.
const summaries = 5

// TrainOptions are the settings of Train.
type TrainOptions struct {
	// EntityL2 and SentenceL2 are the weights of the squared weights'
	// penalty of each model.
	EntityL2, SentenceL2 float64
	// Folds is the number of folds for the entity predictions the
	// sentence model trains on (2 or more; 5 when 0).
	Folds int
}

// Train fits the entity and sentence models to the examples.
func Train(exs []Example, opt TrainOptions) (*Model, error) {
	if opt.Folds == 0 {
		opt.Folds = 5
	}
	if opt.Folds < 2 {
		return nil, fmt.Errorf("salience: train: %d folds, want 2 or more", opt.Folds)
	}
	ent, err := fitEntities(exs, opt)
	if err != nil {
		return nil, err
	}
	// Cross-fitted entity probabilities of each example.
	probs := make([][]float64, len(exs))
	for f := range opt.Folds {
		var rest []Example
		for i := range exs {
			if i%opt.Folds != f {
				rest = append(rest, exs[i])
			}
		}
		fm, err := fitEntities(rest, opt)
		if err != nil {
			return nil, fmt.Errorf("salience: train fold %d: %w", f, err)
		}
		for i := range exs {
			if i%opt.Folds == f {
				probs[i] = entityProbs(fm, analyze(exs[i].Doc))
			}
		}
	}
	feats := make([][][]float64, len(exs))
	for i, ex := range exs {
		a := analyze(ex.Doc)
		c := a.sentenceContext(probs[i])
		feats[i] = make([][]float64, len(ex.Doc.Sents))
		for si := range ex.Doc.Sents {
			x := make([]float64, numSentenceFeatures)
			a.sentenceFeatures(si, c, x)
			feats[i][si] = x
		}
	}
	var ds dataset
	for i, ex := range exs {
		for si, x := range feats[i] {
			ds.add(x, ex.Central[si], 1)
		}
	}
	sent, err := fit(sentenceFeatureNames[:], &ds, opt.SentenceL2)
	if err != nil {
		return nil, fmt.Errorf("salience: sentence model: %w", err)
	}
	return &Model{entity: ent, sentence: sent}, nil
}

// fitEntities fits the entity model.
func fitEntities(exs []Example, opt TrainOptions) (*linear, error) {
	var ds dataset
	x := make([]float64, numEntityFeatures)
	for _, ex := range exs {
		a := analyze(ex.Doc)
		for i := range a.ents {
			a.entityFeatures(i, x)
			y := float64(ex.Summarized[a.ents[i].id]) / summaries
			ds.add(x, min(y, 1), 1)
		}
	}
	l, err := fit(entityFeatureNames[:], &ds, opt.EntityL2)
	if err != nil {
		return nil, fmt.Errorf("salience: entity model: %w", err)
	}
	return l, nil
}

// entityProbs returns the probability of each entity of a, by index.
func entityProbs(l *linear, a *analysis) []float64 {
	x := make([]float64, numEntityFeatures)
	out := make([]float64, len(a.ents))
	for i := range a.ents {
		a.entityFeatures(i, x)
		out[i] = l.prob(x)
	}
	return out
}
