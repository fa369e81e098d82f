package coref

// This file trains the model: a log-linear ranking of each pronoun's
// candidates and "none", fitted by AdaGrad to the likelihood of the gold
// antecedents (any candidate of the pronoun's gold entity; "none" when no
// candidate is), walking each training text the way Resolve does and
// taking the most probable gold candidate as the pronoun's choice.

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Doc is a text with gold coreference, for training and evaluation.
type Doc struct {
	// Name identifies the text in messages.
	Name  string
	Sents [][]Word
	// Mentions are the candidate antecedents, as a caller would pass
	// them; Clusters gives the gold entity of each.
	Mentions []Mention
	Clusters []int
	// Pronouns gives the gold entity of the third-person pronouns that
	// have one.
	Pronouns []Pronoun
}

// Pronoun is a pronoun's gold entity.
type Pronoun struct {
	Sent, Word, Cluster int
}

// gold returns the gold entity of each pronoun of d, by position.
func (d *Doc) gold() map[[2]int]int {
	g := make(map[[2]int]int, len(d.Pronouns))
	for _, p := range d.Pronouns {
		g[[2]int{p.Sent, p.Word}] = p.Cluster
	}
	return g
}

// TrainOptions are the settings of Train.
type TrainOptions struct {
	// Epochs is the number of passes over the training texts; the epoch
	// scoring best on Dev is kept when Dev is given.
	Epochs int
	// Rate is AdaGrad's learning rate; L2 the weight of the squared
	// weights' penalty.
	Rate, L2 float64
	// Average makes the model the average of the weights over all
	// steps rather than the last ones.
	Average bool
	// Explore makes the walk over a training text continue, from the
	// second epoch on, with the model's own choices rather than the gold
	// ones.
	Explore bool
	// Runs is the number of models trained, with seeds Seed, Seed+1, ...,
	// whose weights are averaged (1 when 0): an average varies less with
	// the order of the texts than one run does.
	Runs int
	// Seed orders the texts of each epoch.
	Seed uint64
	// Dev are the texts the epoch is chosen on (accuracy over pronouns
	// with a gold antecedent among their candidates).
	Dev []Doc
	// Precision is the share of right links the model's Threshold is
	// set to reach (0.9 when 0) on Dev and, when Folds > 1, on the
	// training texts resolved by models trained on the other folds.
	Precision float64
	// Folds is the number of folds of that cross-validation, none when
	// less than 2.
	Folds int
	// Logf, if not nil, reports progress.
	Logf func(format string, args ...any)
}

// example is one pronoun of the training texts: the feature indices of
// each option, "none" last, and which options are right.
type example struct {
	opts [][]int32
	gold []bool
}

// trainer holds the weights being learned.
type trainer struct {
	index  map[uint64]int32
	keys   []uint64
	w, acc []float64
	// u sums each update times the step it was made at, for averaging:
	// the average of the weights over all steps is w - u/step.
	u       []float64
	grad    []float64
	touched []int32
	// stamp marks the weights touched by step number step.
	stamp []int
	step  int
	names map[uint64]string
	opt   TrainOptions
}

// Train learns a model from texts with gold coreference.
func Train(docs []Doc, opt TrainOptions) (*Model, error) {
	if len(docs) == 0 {
		return nil, errors.New("coref: train: no texts")
	}
	if opt.Epochs <= 0 || opt.Rate <= 0 || opt.L2 < 0 {
		return nil, fmt.Errorf("coref: train: epochs %d, rate %g and L2 %g must be positive", opt.Epochs, opt.Rate, opt.L2)
	}
	runs := max(opt.Runs, 1)
	best := &Model{weights: map[uint64]float64{}, names: map[uint64]string{}}
	for r := range runs {
		m := trainRun(docs, opt, opt.Seed+uint64(r))
		for k, w := range m.weights {
			best.weights[k] += w / float64(runs)
			best.names[k] = m.names[k]
		}
	}
	if runs > 1 && len(opt.Dev) > 0 && opt.Logf != nil {
		opt.Logf("average of %d runs: dev accuracy %.2f%%", runs, 100*Evaluate(opt.Dev, best.Resolve).Accuracy())
	}
	// The threshold, on the dev texts and the training texts of each
	// fold, resolved by a model trained on the other folds.
	var pool Scores
	if len(opt.Dev) > 0 {
		pool = Evaluate(opt.Dev, best.Resolve)
	}
	if opt.Folds > 1 {
		pool.Outcomes = append(pool.Outcomes, crossValidate(docs, opt).Outcomes...)
	}
	if len(pool.Outcomes) > 0 {
		p := opt.Precision
		if p == 0 {
			p = 0.9
		}
		th, ok := pool.ThresholdFor(p)
		if !ok {
			th = 1
		}
		best.threshold = th
		if opt.Logf != nil {
			pt := pool.At(th)
			opt.Logf("threshold %.3f over %d pronouns: precision %.1f%%, coverage %.1f%%", th, len(pool.Outcomes), 100*pt.Precision, 100*pt.Coverage)
		}
	}
	return best, nil
}

// crossValidate returns the outcomes of docs, each resolved by a model
// trained on the docs of the other opt.Folds folds. Docs of the same Name
// (one text with two parses) fall in the same fold.
func crossValidate(docs []Doc, opt TrainOptions) Scores {
	fold := map[string]int{}
	for _, d := range docs {
		if _, ok := fold[d.Name]; !ok {
			fold[d.Name] = len(fold) % opt.Folds
		}
	}
	sub := opt
	sub.Folds, sub.Logf = 0, nil
	var out Scores
	for f := range opt.Folds {
		var train, held []Doc
		for _, d := range docs {
			if fold[d.Name] == f {
				held = append(held, d)
			} else {
				train = append(train, d)
			}
		}
		if len(train) == 0 || len(held) == 0 {
			continue
		}
		m, err := Train(train, sub)
		if err != nil {
			continue
		}
		out.Outcomes = append(out.Outcomes, Evaluate(held, m.Resolve).Outcomes...)
	}
	return out
}

// trainRun trains one model with seed, and returns the weights of the
// epoch that scores best on opt.Dev, or of the last epoch.
func trainRun(docs []Doc, opt TrainOptions, seed uint64) *Model {
	t := &trainer{index: map[uint64]int32{}, names: map[uint64]string{}, opt: opt}
	rng := rand.New(rand.NewPCG(seed, 0x636f726566))
	var best *Model
	bestAcc := -1.0
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		loss, n := 0.0, 0
		for _, i := range rng.Perm(len(docs)) {
			l, k := t.doc(&docs[i], epoch > 1 && opt.Explore)
			loss += l
			n += k
		}
		m := t.model()
		if len(opt.Dev) == 0 {
			best = m
			continue
		}
		acc := Evaluate(opt.Dev, m.Resolve).Accuracy()
		if opt.Logf != nil {
			opt.Logf("seed %d, epoch %d: loss %.4f over %d pronouns, dev accuracy %.2f%%", seed, epoch, loss/float64(max(n, 1)), n, 100*acc)
		}
		if acc > bestAcc {
			best, bestAcc = m, acc
		}
	}
	return best
}

// model returns a snapshot of the weights as a Model.
func (t *trainer) model() *Model {
	m := &Model{weights: make(map[uint64]float64, len(t.keys)), names: make(map[uint64]string, len(t.keys))}
	for i, k := range t.keys {
		w := t.w[i]
		if t.opt.Average {
			w -= t.u[i] / float64(max(t.step, 1))
		}
		if w != 0 {
			m.weights[k] = w
			m.names[k] = t.names[k]
		}
	}
	return m
}

// feature returns the index of the weight of key k, adding it.
func (t *trainer) feature(k uint64) int32 {
	if i, ok := t.index[k]; ok {
		return i
	}
	i := int32(len(t.keys))
	t.index[k] = i
	t.keys = append(t.keys, k)
	t.w = append(t.w, 0)
	t.acc = append(t.acc, 0)
	t.u = append(t.u, 0)
	t.grad = append(t.grad, 0)
	t.stamp = append(t.stamp, 0)
	return i
}

// doc learns from the pronouns of one text, in order, and returns the sum
// of their losses and their number. Each pronoun is an example: the gold
// options are the candidates of its gold entity, or "none" when no
// candidate is. The walk continues with the model's choice when explore
// is set, so that features like "the previous 'she' chose it" are as
// reliable in training as at run time; else with the gold candidate of
// the entity mentioned most so far (the latest of its occurrences).
func (t *trainer) doc(doc *Doc, explore bool) (float64, int) {
	gold := doc.gold()
	loss, n := 0.0, 0
	w := newWalker(doc.Sents, doc.Mentions, t.names)
	w.walk(func(d *decision) (int, float64) {
		c, ok := gold[[2]int{d.sent, d.word}]
		if !ok {
			c = -1
		}
		k := len(d.opts)
		ex := example{opts: make([][]int32, k+1), gold: make([]bool, k+1)}
		choice := -1
		for i, o := range d.opts {
			if c >= 0 && doc.Clusters[w.occs[o.occ].anchor] == c {
				ex.gold[i] = true
				if choice < 0 || w.ents[o.ent].count > w.ents[d.opts[choice].ent].count {
					choice = i
				}
			}
			ex.opts[i] = t.indices(d.feats(o.feats))
		}
		ex.opts[k] = t.indices(d.feats(d.none))
		ex.gold[k] = choice < 0
		l, probs := t.learn(&ex)
		loss += l
		n++
		if explore {
			return d.best(probs)
		}
		return choice, 1
	})
	return loss, n
}

// indices returns the weight indices of feature keys.
func (t *trainer) indices(keys []uint64) []int32 {
	out := make([]int32, len(keys))
	for i, k := range keys {
		out[i] = t.feature(k)
	}
	return out
}

// learn takes one AdaGrad step on the negative log-likelihood of the gold
// options of ex, and returns that loss and the options' probabilities
// before the step.
func (t *trainer) learn(ex *example) (float64, []float64) {
	t.step++
	probs := make([]float64, len(ex.opts))
	for i, fs := range ex.opts {
		for _, j := range fs {
			probs[i] += t.w[j]
		}
	}
	softmax(probs)
	pg := 0.0
	for i, g := range ex.gold {
		if g {
			pg += probs[i]
		}
	}
	for i, fs := range ex.opts {
		coef := probs[i]
		if ex.gold[i] {
			coef -= probs[i] / pg
		}
		if coef == 0 {
			continue
		}
		for _, j := range fs {
			if t.stamp[j] != t.step {
				t.stamp[j] = t.step
				t.touched = append(t.touched, j)
			}
			t.grad[j] += coef
		}
	}
	for _, j := range t.touched {
		g := t.grad[j] + t.opt.L2*t.w[j]
		t.acc[j] += g * g
		delta := -t.opt.Rate * g / math.Sqrt(t.acc[j]+1e-8)
		t.w[j] += delta
		t.u[j] += float64(t.step) * delta
		t.grad[j] = 0
	}
	t.touched = t.touched[:0]
	return -math.Log(max(pg, 1e-300)), probs
}
