package ner

// This file trains a model with the averaged structured perceptron.

import (
	"fmt"
	"math"
	"math/rand"
)

// TrainOptions configures Train.
type TrainOptions struct {
	// Epochs is the maximum number of passes over the training data; the
	// epoch scoring best on the dev sentences is kept.
	Epochs int
	// Folds is the number of jackknife folds for gazetteer features: a
	// training sentence only sees names harvested from the other folds, so
	// that the model does not learn to trust the gazetteer blindly.
	Folds int
	// Prune drops features whose largest absolute averaged weight is below
	// this value, to keep the model small.
	Prune float32
	// MinCount drops features seen fewer times in the training data.
	MinCount int
	// Runs is the number of training runs, with seeds Seed, Seed+1, ...,
	// whose weights are averaged into the final model.
	Runs int
	// Seed seeds the shuffling of sentences.
	Seed int64
	// Lexicon holds general word lists by category: "country", "city",
	// "region", "nationality", "given" (given names), "org", "orgword"
	// (words that end organization names), "title" (lowercase roles),
	// "word" (lowercase dictionary words), "person" and "place".
	Lexicon map[string][]string
	// Logf, when set, receives progress lines.
	Logf func(format string, args ...any)
}

// bilou converts IOB2 (or IOB1) tags into BILOU tag ids.
func bilou(tags []string) ([]int, error) {
	out := make([]int, len(tags))
	for _, c := range chunks(tags) {
		typ := -1
		for i, t := range types {
			if t == c.typ {
				typ = i
			}
		}
		if typ < 0 {
			return nil, fmt.Errorf("ner: unknown entity type %q", c.typ)
		}
		if c.end-c.start == 1 {
			out[c.start] = tagOf(typ, posU)
			continue
		}
		out[c.start] = tagOf(typ, posB)
		for i := c.start + 1; i < c.end-1; i++ {
			out[i] = tagOf(typ, posI)
		}
		out[c.end-1] = tagOf(typ, posL)
	}
	return out, nil
}

// harvest adds the entities of sents to g.
func harvest(g gazetteer, sents []Sentence) {
	for _, s := range sents {
		for _, c := range chunks(s.Tags) {
			for i, t := range types {
				if t == c.typ {
					g.add(s.Words[c.start:c.end], i)
				}
			}
		}
	}
}

// example is a training sentence with its features resolved to ids.
type example struct {
	gold  []int
	feats [][]int32 // per position, feature ids
	toks  []tok     // for the document history
}

// Train fits a model on train, choosing the number of epochs on dev, and
// returns it with that number of epochs. With no dev sentences it trains
// for opt.Epochs epochs.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, int, error) {
	logf := opt.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Folds < 2 {
		opt.Folds = 2
	}
	full := gazetteer{}
	harvest(full, train)
	if err := full.addLexicon(opt.Lexicon); err != nil {
		return nil, 0, err
	}
	folds := make([]gazetteer, opt.Folds)
	foldOf := func(i int) int { return i * opt.Folds / len(train) }
	for f := range folds {
		folds[f] = gazetteer{}
		var others []Sentence
		for i, s := range train {
			if foldOf(i) != f {
				others = append(others, s)
			}
		}
		harvest(folds[f], others)
		if err := folds[f].addLexicon(opt.Lexicon); err != nil {
			return nil, 0, err
		}
	}

	ids := map[uint64]int32{}
	var keys []uint64
	for _, h := range allHist() {
		ids[h] = int32(len(keys))
		keys = append(keys, h)
	}
	exs := make([]example, 0, len(train))
	var toks []tok
	var fs []uint64
	starts := append(SplitDocs(train), len(train))
	docOf := make([]docStats, len(train))
	for d := 0; d+1 < len(starts); d++ {
		ds := docStats{}
		for i := starts[d]; i < starts[d+1]; i++ {
			toks = prepare(train[i].Words, nil, toks)
			ds.add(toks)
			docOf[i] = ds
		}
	}
	counts := map[uint64]int32{}
	if opt.MinCount > 1 {
		for i, s := range train {
			toks = prepare(s.Words, folds[foldOf(i)], toks)
			docOf[i].apply(toks)
			for p := range toks {
				fs = features(toks, p, fs[:0])
				for _, h := range fs {
					counts[h]++
				}
			}
		}
	}
	for i, s := range train {
		gold, err := bilou(s.Tags)
		if err != nil {
			return nil, 0, fmt.Errorf("ner: train sentence %d: %w", i, err)
		}
		toks = prepare(s.Words, folds[foldOf(i)], toks)
		docOf[i].apply(toks)
		ex := example{gold: gold, feats: make([][]int32, len(toks)), toks: append([]tok(nil), toks...)}
		for p := range toks {
			fs = features(toks, p, fs[:0])
			row := make([]int32, 0, len(fs))
			for _, h := range fs {
				if opt.MinCount > 1 && int(counts[h]) < opt.MinCount {
					continue
				}
				id, ok := ids[h]
				if !ok {
					id = int32(len(keys))
					ids[h] = id
					keys = append(keys, h)
				}
				row = append(row, id)
			}
			ex.feats[p] = row
		}
		exs = append(exs, ex)
	}
	logf("ner: %d sentences, %d features", len(exs), len(keys))
	runs := max(opt.Runs, 1)
	var models []*Model
	epochs := 0
	for r := 0; r < runs; r++ {
		m, e := perceptron(exs, starts, keys, full, dev, opt.Epochs, opt.Seed+int64(r), logf)
		models = append(models, m)
		epochs = max(epochs, e)
	}
	best := average(models)
	if runs > 1 && len(dev) > 0 {
		logf("ner: average of %d runs: dev %s", runs, best.Evaluate(dev))
	}
	return best.prune(opt.Prune), epochs, nil
}

// perceptron runs the averaged structured perceptron over the examples,
// document by document in a shuffled order, and returns the averaged model
// of the epoch that scores best on dev.
func perceptron(exs []example, starts []int, keys []uint64, full gazetteer, dev []Sentence, epochs int, seed int64, logf func(string, ...any)) (*Model, int) {
	ids := make(map[uint64]int32, len(keys))
	for i, k := range keys {
		ids[k] = int32(i)
	}
	nf := len(keys)

	w := make([]float32, nf*nTags)
	acc := make([]float64, nf*nTags)
	ts := make([]int32, nf)
	var trans, transAcc [nTags + 1][nTags]float64
	var transTS int32
	c := int32(1)

	flushRow := func(f int32) {
		if d := c - ts[f]; d > 0 {
			r := int(f) * nTags
			for k := 0; k < nTags; k++ {
				acc[r+k] += float64(d) * float64(w[r+k])
			}
		}
		ts[f] = c
	}
	flushTrans := func() {
		d := float64(c - transTS)
		for a := range trans {
			for b := range trans[a] {
				transAcc[a][b] += d * trans[a][b]
			}
		}
		transTS = c
	}
	averaged := func() *Model {
		flushTrans()
		aw := make([]float32, nf*nTags)
		for f := 0; f < nf; f++ {
			flushRow(int32(f))
		}
		for i := range aw {
			aw[i] = float32(acc[i] / float64(c))
		}
		m := &Model{gaz: full}
		for a := range trans {
			for b := range trans[a] {
				m.trans[a][b] = float32(transAcc[a][b] / float64(c))
			}
		}
		m.tab = newTable(keys, aw)
		return m
	}

	rng := rand.New(rand.NewSource(seed))
	order := rng.Perm(len(starts) - 1)
	var scores []float32
	var back []int8
	var pred []int
	var dyn [][]int32
	var caps []bool
	var hf []uint64
	var ftrans [nTags + 1][nTags]float32
	var best *Model
	bestF, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, d := range order {
			hist := history{}
			caps = caps[:0]
			for ei := starts[d]; ei < starts[d+1]; ei++ {
				caps = append(caps, exs[ei].toks[0].flags&flCapsSentence != 0)
			}
			for _, k := range docOrder(caps) {
				ex := &exs[starts[d]+k]
				n := len(ex.gold)
				if cap(scores) < n*nTags {
					scores = make([]float32, n*nTags)
					back = make([]int8, n*nTags)
					pred = make([]int, n)
					dyn = make([][]int32, n)
				}
				sc := scores[:n*nTags]
				for i := range sc {
					sc[i] = 0
				}
				for p, row := range ex.feats {
					hf = hist.features(&ex.toks[p], hf[:0])
					dyn[p] = dyn[p][:0]
					for _, h := range hf {
						dyn[p] = append(dyn[p], ids[h])
					}
					s := sc[p*nTags : (p+1)*nTags]
					for _, f := range row {
						wr := w[int(f)*nTags : int(f)*nTags+nTags]
						for k := range s {
							s[k] += wr[k]
						}
					}
					for _, f := range dyn[p] {
						wr := w[int(f)*nTags : int(f)*nTags+nTags]
						for k := range s {
							s[k] += wr[k]
						}
					}
				}
				for a := range trans {
					for b := range trans[a] {
						ftrans[a][b] = float32(trans[a][b])
					}
				}
				viterbi(sc, n, &ftrans, pred[:n], back[:n*nTags])
				hist.record(ex.toks, pred[:n])
				wrong := false
				for p := 0; p < n; p++ {
					if pred[p] != ex.gold[p] {
						wrong = true
						break
					}
				}
				if wrong {
					errs++
					flushTrans()
					for p := 0; p < n; p++ {
						g, q := ex.gold[p], pred[p]
						pg, pq := -1, -1
						if p > 0 {
							pg, pq = ex.gold[p-1], pred[p-1]
						}
						if g != q || pg != pq {
							trans[pg+1][g]++
							trans[pq+1][q]--
						}
						if g == q {
							continue
						}
						for _, f := range ex.feats[p] {
							flushRow(f)
							w[int(f)*nTags+g]++
							w[int(f)*nTags+q]--
						}
						for _, f := range dyn[p] {
							flushRow(f)
							w[int(f)*nTags+g]++
							w[int(f)*nTags+q]--
						}
					}
				}
				c++
			}
		}
		if len(dev) == 0 {
			logf("ner: epoch %d: %d/%d sentences wrong", epoch, errs, len(exs))
			continue
		}
		m := averaged()
		score := m.Evaluate(dev)
		logf("ner: epoch %d: %d/%d sentences wrong; dev %s", epoch, errs, len(exs), score)
		if f := score.Overall.F1(); f > bestF {
			bestF, best, bestEpoch = f, m, epoch
		}
	}
	if best == nil {
		best, bestEpoch = averaged(), epochs
	}
	return best, bestEpoch
}

// average returns the model whose weights are the mean of the models'.
func average(models []*Model) *Model {
	if len(models) == 1 {
		return models[0]
	}
	idx := map[uint64]int{}
	var keys []uint64
	var w []float32
	scale := 1 / float32(len(models))
	out := &Model{gaz: models[0].gaz}
	for _, m := range models {
		m.tab.each(func(k uint64, row []float32) {
			i, ok := idx[k]
			if !ok {
				i = len(keys)
				idx[k] = i
				keys = append(keys, k)
				w = append(w, make([]float32, nTags)...)
			}
			for t, x := range row {
				w[i*nTags+t] += x * scale
			}
		})
		for a := range m.trans {
			for b := range m.trans[a] {
				out.trans[a][b] += m.trans[a][b] * scale
			}
		}
	}
	out.tab = newTable(keys, w)
	return out
}

// prune drops features whose weights are all below min in absolute value.
func (m *Model) prune(min float32) *Model {
	var keys []uint64
	var w []float32
	m.tab.each(func(k uint64, row []float32) {
		for _, x := range row {
			if float32(math.Abs(float64(x))) >= min {
				keys = append(keys, k)
				w = append(w, row...)
				return
			}
		}
	})
	return &Model{tab: newTable(keys, w), trans: m.trans, gaz: m.gaz}
}

// Features returns the number of features of m, for reports.
func (m *Model) Features() int {
	n := 0
	m.tab.each(func(uint64, []float32) { n++ })
	return n
}
