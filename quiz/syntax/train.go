package syntax

// This file trains a model from CoNLL-U treebanks: the tagger first (its
// epochs chosen on dev), then the tagger again on each of Folds parts of
// the training data to tag the held-out part (jack-knifing), so that the
// parser and the morphological classifier train on realistic tags; then
// the parser with a dynamic oracle, the morphological classifier and the
// lemmatizer.

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"sync"

	"factdeck/quiz/syntax/conllu"
)

// TrainOptions configures Train.
type TrainOptions struct {
	// TagEpochs, ParseEpochs and MorphEpochs are the maximum numbers of
	// passes of each perceptron; the epoch scoring best on dev is kept.
	TagEpochs, ParseEpochs, MorphEpochs int
	// Folds is the number of jack-knifing folds for the parser's training
	// tags (0 or 1: gold tags).
	Folds int
	// TwoPass adds the tagger's second pass, which reads the first pass's
	// tags to the right of each word.
	TwoPass bool
	// WordBuckets gives the tagger each word's frequency and usual
	// capitalization in the training data, the sentence's capitalization
	// and the last part of hyphenated words, and gives each training
	// sentence the ambiguity classes and buckets of the other folds (model
	// format 5). Without it training writes format 4, as before.
	WordBuckets bool
	// Explore is the probability with which the parser in training follows
	// its own prediction rather than the oracle, from its second epoch.
	Explore float64
	// TagPrune, ParsePrune and MorphPrune drop averaged weights below
	// them in absolute value, to keep the model small.
	TagPrune, ParsePrune, MorphPrune float32
	// DictMin is the number of times a word must occur, always with one
	// tag (DictShare of its uses), to be tagged from the dictionary.
	DictMin   int
	DictShare float64
	// Runs is the number of parser training runs, with seeds Seed,
	// Seed+1, ..., whose weights are averaged.
	Runs int
	// Seed seeds the shuffling and exploration.
	Seed int64
	// Workers bounds the goroutines of jack-knifing.
	Workers int
	// Logf, when set, receives progress lines.
	Logf func(format string, args ...any)
}

// example is a training or dev sentence, converted.
type example struct {
	src   *conllu.Sentence
	views []view
	gold  []int   // gold tag ids (-1 for a tag the model lacks)
	heads []int32 // by parser number, 0 the root; projective for training
	rels  []int16 // relation ids (-1 unknown)
	feats []int   // FEATS ids (-1 unknown)
	pred  []int   // predicted tags
}

// vocab numbers the tags, relations and FEATS of the training data.
type vocab struct {
	tags     map[string]int
	tagNames []string
	rels     map[string]int
	relNames []string
	feats    map[string]int
	featList []string
}

func (v *vocab) id(m map[string]int, list *[]string, s string, grow bool) int {
	if i, ok := m[s]; ok {
		return i
	}
	if !grow {
		return -1
	}
	m[s] = len(*list)
	*list = append(*list, s)
	return m[s]
}

// featsString returns a word's FEATS as the model writes it ("" for none).
func featsString(f string) string {
	if f == "_" {
		return ""
	}
	return f
}

// convert turns sentences into examples, growing the vocabulary if grow.
func (v *vocab) convert(sents []conllu.Sentence, grow, projective bool) []example {
	out := make([]example, 0, len(sents))
	for k := range sents {
		s := &sents[k]
		n := len(s.Words)
		ex := example{src: s, views: make([]view, n), gold: make([]int, n), heads: make([]int32, n+1),
			rels: make([]int16, n+1), feats: make([]int, n)}
		for i, w := range s.Words {
			ex.views[i] = makeView(w.Form)
			ex.gold[i] = v.id(v.tags, &v.tagNames, w.UPOS+"|"+w.XPOS, grow)
			h := w.Head
			if h < 0 || h > n {
				h = 0
			}
			ex.heads[i+1] = int32(h)
			ex.rels[i+1] = int16(v.id(v.rels, &v.relNames, w.DepRel, grow))
			ex.feats[i] = v.id(v.feats, &v.featList, featsString(w.Feats), grow)
		}
		if projective {
			projectivize(ex.heads)
		}
		out = append(out, ex)
	}
	return out
}

// Train fits a model on the train sentences, choosing the epochs of each
// part on the dev sentences (which it never trains on).
func Train(train, dev []conllu.Sentence, opt TrainOptions) (*Model, error) {
	logf := opt.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	m, trainEx, devEx, err := trainTagging(train, dev, opt, logf)
	if err != nil {
		return nil, err
	}
	m.parser = trainParsers(trainEx, devEx, m, opt, logf)
	// Morphology.
	m.morph = trainMorph(trainEx, devEx, m, opt, logf)
	m.compact()
	return m, nil
}

// trainTagging trains the lemmatizer and the tagger and returns the
// model so far with the training examples, tagged by jack-knifing, and
// the dev examples, tagged by the model.
func trainTagging(train, dev []conllu.Sentence, opt TrainOptions, logf func(string, ...any)) (*Model, []example, []example, error) {
	if len(train) == 0 {
		return nil, nil, nil, errors.New("syntax: train: no training sentences")
	}
	if opt.Workers < 1 {
		opt.Workers = 1
	}
	v := &vocab{tags: map[string]int{}, rels: map[string]int{}, feats: map[string]int{"": 0}, featList: []string{""}}
	trainEx := v.convert(train, true, true)
	devEx := v.convert(dev, false, false)
	if _, ok := v.rels["root"]; !ok {
		return nil, nil, nil, errors.New("syntax: train: no root relation in the training data")
	}
	if len(v.relNames) > 63 || len(v.featList) > 65535 || len(v.tagNames) > 65535 {
		return nil, nil, nil, fmt.Errorf("syntax: train: too many relations (%d), FEATS (%d) or tags (%d)", len(v.relNames), len(v.featList), len(v.tagNames))
	}
	m := &Model{rels: v.relNames, rootRel: v.rels["root"], feats: v.featList, lexFeats: opt.WordBuckets}
	for _, name := range v.tagNames {
		u, x, _ := strings.Cut(name, "|")
		m.tagUPOS = append(m.tagUPOS, u)
		m.tagXPOS = append(m.tagXPOS, x)
	}
	m.tagDict = buildTagDict(trainEx, opt.DictMin, opt.DictShare)
	m.ambig = ambiguity(trainEx)
	if opt.WordBuckets {
		m.lexb = lexBuckets(trainEx)
	}
	for _, exs := range [][]example{trainEx, devEx} {
		for i := range exs {
			m.setAmbiguity(exs[i].views)
		}
	}
	if opt.WordBuckets && opt.Folds >= 2 {
		// Each training sentence's ambiguity classes and word buckets come
		// from the other folds, so that a word seen only in it looks unseen
		// and one seen rarely has the classes it would have in new text
		// (which may lack the tag it takes here), as on dev.
		for f := 0; f < opt.Folds; f++ {
			var rest []example
			for i := range trainEx {
				if i%opt.Folds != f {
					rest = append(rest, trainEx[i])
				}
			}
			amb, lexb := ambiguity(rest), lexBuckets(rest)
			for i := f; i < len(trainEx); i += opt.Folds {
				setAmbiguity(trainEx[i].views, amb, lexb)
			}
		}
	}
	m.finish()
	logf("syntax: %d training sentences, %d dev; %d tags, %d relations, %d FEATS, %d dictionary words",
		len(trainEx), len(devEx), len(v.tagNames), len(v.relNames), len(v.featList), len(m.tagDict))

	// Lemmatizer, from gold XPOS.
	m.lem = trainLemmatizer(lemmaExamples(train))
	logf("syntax: lemmatizer: %d exceptions, %d rules", len(m.lem.lex), len(m.lem.rules))

	// Tagger.
	tagExs := make([]tagExample, len(trainEx))
	for i, ex := range trainEx {
		tagExs[i] = tagExample{views: ex.views, gold: ex.gold}
	}
	bestAcc, bestEpoch := -1.0, opt.TagEpochs
	var bestTab *table
	report := func(epoch int, tab *table) {
		if len(devEx) == 0 {
			return
		}
		m.tagger = tab
		acc := m.tagAccuracy(devEx)
		logf("syntax: tagger epoch %d: dev UPOS|XPOS %.2f%%, %d features", epoch, acc, tab.features())
		if acc > bestAcc {
			bestAcc, bestEpoch, bestTab = acc, epoch, tab
		}
	}
	last := trainTagger(tagExs, len(v.tagNames), m.tagDict, m.lexFeats, opt.TagEpochs, opt.Seed, opt.TagPrune, report)
	if bestTab == nil {
		bestTab = last
	}
	m.tagger = bestTab
	logf("syntax: tagger: best epoch %d", bestEpoch)

	// Jack-knifed first-pass tags for the training data.
	first := make([][]int, len(trainEx))
	jackknife(tagExs, opt, func(part []tagExample, seed int64) *Model {
		return &Model{tagger: trainTagger(part, len(v.tagNames), m.tagDict, m.lexFeats, bestEpoch, seed, opt.TagPrune, nil),
			tagDict: m.tagDict, tagNames: m.tagNames, lexFeats: m.lexFeats}
	}, first)
	logf("syntax: jack-knifed first-pass tags (%d folds): UPOS|XPOS %.2f%%", opt.Folds, agreement(first, trainEx))
	if opt.TwoPass {
		// The second pass, trained on the first pass's jack-knifed tags.
		for i := range tagExs {
			tagExs[i].first = first[i]
		}
		bestAcc, bestEpoch2 := -1.0, opt.TagEpochs
		var best2 *table
		report2 := func(epoch int, tab *table) {
			m.tagger2 = tab
			acc := m.tagAccuracy(devEx)
			logf("syntax: tagger pass 2 epoch %d: dev UPOS|XPOS %.2f%%, %d features", epoch, acc, tab.features())
			if acc > bestAcc {
				bestAcc, bestEpoch2, best2 = acc, epoch, tab
			}
		}
		if len(devEx) == 0 {
			report2 = nil
		}
		last := trainTagger(tagExs, len(v.tagNames), m.tagDict, m.lexFeats, opt.TagEpochs, opt.Seed+100, opt.TagPrune, report2)
		if best2 == nil {
			best2 = last
		}
		m.tagger2 = best2
		logf("syntax: tagger pass 2: best epoch %d", bestEpoch2)
		// Jack-knifed two-pass tags: the first pass's are already held
		// out; the second pass is trained on the other folds.
		second := make([][]int, len(trainEx))
		jackknife(tagExs, opt, func(part []tagExample, seed int64) *Model {
			return &Model{tagger2: trainTagger(part, len(v.tagNames), m.tagDict, m.lexFeats, bestEpoch2, seed+100, opt.TagPrune, nil),
				tagDict: m.tagDict, tagNames: m.tagNames, secondOnly: true, lexFeats: m.lexFeats}
		}, second)
		first = second
		logf("syntax: jack-knifed two-pass tags: UPOS|XPOS %.2f%%", agreement(first, trainEx))
	}
	for i := range trainEx {
		trainEx[i].pred = first[i]
	}
	if opt.Folds < 2 {
		for i := range trainEx {
			trainEx[i].pred = append([]int(nil), trainEx[i].gold...)
		}
	}
	for i := range devEx {
		ex := &devEx[i]
		ex.pred = make([]int, len(ex.views))
		m.tagSentence(ex.views, ex.pred, &scratch{})
	}

	return m, trainEx, devEx, nil
}

// trainParsers trains the parser Runs times, with seeds Seed, Seed+1,
// ..., in parallel, and returns the average of their weights.
func trainParsers(trainEx, devEx []example, m *Model, opt TrainOptions, logf func(string, ...any)) *table {
	runs := max(opt.Runs, 1)
	tabs := make([]*table, runs)
	var wg sync.WaitGroup
	for r := range tabs {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			o := opt
			o.Seed += int64(r)
			// A model of its own, whose parser the run sets for its dev scores.
			pm := &Model{rels: m.rels, rootRel: m.rootRel}
			tabs[r] = trainParser(trainEx, devEx, pm, o, logf)
		}(r)
	}
	wg.Wait()
	m.parser = averageTables(tabs, opt.ParsePrune)
	if runs > 1 && len(devEx) > 0 {
		uas, las := m.parseAccuracy(devEx)
		logf("syntax: parser: average of %d runs: dev UAS %.2f LAS %.2f; %d features", runs, uas, las, m.parser.features())
	}
	return m.parser
}

// buildTagDict returns the words that occur at least min times with one
// tag in at least share of their uses.
func buildTagDict(exs []example, min int, share float64) map[uint64]int16 {
	dict := map[uint64]int16{}
	if min <= 0 {
		return dict
	}
	counts := map[uint64]map[int]int{}
	for _, ex := range exs {
		for i, v := range ex.views {
			if counts[v.form] == nil {
				counts[v.form] = map[int]int{}
			}
			counts[v.form][ex.gold[i]]++
		}
	}
	for f, c := range counts {
		total, best, bn := 0, 0, -1
		for t, n := range c {
			total += n
			if n > bn || n == bn && t < best {
				best, bn = t, n
			}
		}
		if total >= min && float64(bn) >= share*float64(total) {
			dict[f] = int16(best)
		}
	}
	return dict
}

// tagAccuracy tags the examples and returns the share of words whose
// UPOS|XPOS is right, in percent.
func (m *Model) tagAccuracy(exs []example) float64 {
	sc := &scratch{}
	ok, n := 0, 0
	var tags []int
	for _, ex := range exs {
		tags = append(tags[:0], make([]int, len(ex.views))...)
		m.tagSentence(ex.views, tags, sc)
		for i, t := range tags {
			n++
			if t == ex.gold[i] {
				ok++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return 100 * float64(ok) / float64(n)
}

// jackknife tags each example with a model trained (by train, with a
// seed per fold) on the examples of the other folds, writing the tags to
// out. With fewer than 2 folds it writes the gold tags.
func jackknife(exs []tagExample, opt TrainOptions, train func(part []tagExample, seed int64) *Model, out [][]int) {
	if opt.Folds < 2 {
		for i := range exs {
			out[i] = append([]int(nil), exs[i].gold...)
		}
		return
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, opt.Workers)
	for f := 0; f < opt.Folds; f++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(f int) {
			defer wg.Done()
			defer func() { <-sem }()
			var part []tagExample
			for i := range exs {
				if i%opt.Folds != f {
					part = append(part, exs[i])
				}
			}
			fm := train(part, opt.Seed+int64(f)+1)
			sc := &scratch{}
			for i := f; i < len(exs); i += opt.Folds {
				out[i] = make([]int, len(exs[i].views))
				if fm.secondOnly {
					copy(out[i], exs[i].first)
					sc.first = append(sc.first[:0], exs[i].first...)
					fm.tagPass(fm.tagger2, exs[i].views, out[i], sc.first, sc)
				} else {
					fm.tagSentence(exs[i].views, out[i], sc)
				}
			}
		}(f)
	}
	wg.Wait()
}

// agreement returns the share of tags equal to the examples' gold tags,
// in percent.
func agreement(tags [][]int, exs []example) float64 {
	ok, n := 0, 0
	for k, ex := range exs {
		for i, t := range tags[k] {
			n++
			if t == ex.gold[i] {
				ok++
			}
		}
	}
	return 100 * float64(ok) / float64(max(n, 1))
}

// trainParser trains the parser on the examples' predicted tags and
// returns the averaged weights of the epoch with the best dev LAS.
func trainParser(exs, dev []example, m *Model, opt TrainOptions, logf func(string, ...any)) *table {
	nrel := len(m.rels)
	nact := 1 + 2*nrel
	tt := newTrainTable()
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	sfs := make([]sentFeats, len(exs))
	for i := range exs {
		m.prepareParse(exs[i].views, exs[i].pred, &sfs[i])
	}
	scores := make([]float32, nact)
	var feats []uint64
	var st state
	var best *table
	bestLAS := -1.0
	for epoch := 1; epoch <= opt.ParseEpochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, steps := 0, 0
		for _, k := range order {
			ex := &exs[k]
			n := len(ex.views)
			st.reset(n)
			o := newOracle(ex.heads, ex.rels)
			o.inStack[0] = true
			for !st.terminal() {
				feats = parseFeatures(&st, &sfs[k], feats[:0])
				clear(scores)
				tt.score(feats, scores)
				ptyp, pa := bestAction(&st, scores, nrel, m.rootRel)
				cs, cl, cr := o.costs(&st)
				s0 := st.at(0)
				cost := func(typ, a int) int {
					switch typ {
					case actShift:
						return cs
					case actLeft:
						c := cl
						if o.heads[s0] == st.b0 && int16(actionLabel(a, nrel)) != o.rels[s0] {
							c++
						}
						return c
					}
					c := cr
					if o.heads[s0] == st.at(1) && int16(actionLabel(a, nrel)) != o.rels[s0] {
						c++
					}
					return c
				}
				// The best-scoring action of least cost.
				otyp, oa, oc := -1, -1, 0
				consider := func(typ, a int) {
					c := cost(typ, a)
					if oa < 0 || c < oc || c == oc && scores[a] > scores[oa] {
						otyp, oa, oc = typ, a, c
					}
				}
				if st.canShift() {
					consider(actShift, 0)
				}
				if st.canLeft() {
					for l := 0; l < nrel; l++ {
						if l != m.rootRel {
							consider(actLeft, 1+l)
						}
					}
				}
				if st.canRight() {
					if st.rightToRoot() {
						consider(actRight, 1+nrel+m.rootRel)
					} else {
						for l := 0; l < nrel; l++ {
							if l != m.rootRel {
								consider(actRight, 1+nrel+l)
							}
						}
					}
				}
				if cost(ptyp, pa) > oc {
					tt.update(feats, oa, 1)
					tt.update(feats, pa, -1)
					errs++
				}
				tt.tick()
				steps++
				typ, a := otyp, oa
				if epoch > 1 && opt.Explore > 0 && rng.Float64() < opt.Explore {
					typ, a = ptyp, pa
				}
				if typ == actShift {
					o.inStack[st.b0] = true
				} else {
					o.inStack[s0] = false
				}
				st.apply(typ, actionLabel(a, nrel))
			}
		}
		tab := tt.averaged(opt.ParsePrune)
		if len(dev) == 0 {
			logf("syntax: parser epoch %d: %d/%d wrong steps", epoch, errs, steps)
			best = tab
			continue
		}
		m.parser = tab
		uas, las := m.parseAccuracy(dev)
		logf("syntax: parser epoch %d: %d/%d wrong steps; dev UAS %.2f LAS %.2f; %d features", epoch, errs, steps, uas, las, tab.features())
		if las > bestLAS {
			bestLAS, best = las, tab
		}
	}
	if best == nil {
		best = tt.averaged(opt.ParsePrune)
	}
	return best
}

// parseAccuracy parses the examples with their predicted tags and returns
// UAS and LAS (full labels) in percent.
func (m *Model) parseAccuracy(exs []example) (uas, las float64) {
	sc := &scratch{}
	ok, okl, n := 0, 0, 0
	for _, ex := range exs {
		sc.views, sc.tags = ex.views, ex.pred
		m.parseSentence(sc)
		for i := 1; i <= len(ex.views); i++ {
			n++
			if sc.st.heads[i] == ex.heads[i] {
				ok++
				if sc.st.rels[i] == ex.rels[i] {
					okl++
				}
			}
		}
	}
	sc.views, sc.tags = nil, nil
	if n == 0 {
		return 0, 0
	}
	return 100 * float64(ok) / float64(n), 100 * float64(okl) / float64(n)
}

// trainMorph trains the FEATS classifier on gold trees with predicted
// tags and keeps the epoch whose FEATS are best on dev, with predicted
// tags and trees.
func trainMorph(exs, dev []example, m *Model, opt TrainOptions, logf func(string, ...any)) *table {
	// Candidate FEATS per tag, from gold tags, most frequent first.
	cnt := make([]map[int]int, len(m.tagUPOS))
	for _, ex := range exs {
		for i, t := range ex.gold {
			if cnt[t] == nil {
				cnt[t] = map[int]int{}
			}
			cnt[t][ex.feats[i]]++
		}
	}
	m.featCands = make([][]uint16, len(m.tagUPOS))
	for t, c := range cnt {
		var ids []int
		for f := range c {
			ids = append(ids, f)
		}
		sort.Slice(ids, func(i, j int) bool { return c[ids[i]] > c[ids[j]] || c[ids[i]] == c[ids[j]] && ids[i] < ids[j] })
		for _, f := range ids {
			m.featCands[t] = append(m.featCands[t], uint16(f))
		}
	}
	tt := newTrainTable()
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, len(m.feats))
	var feats []uint64
	var in morphInput
	var best *table
	bestAcc := -1.0
	for epoch := 1; epoch <= opt.MorphEpochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &exs[k]
			in.vs, in.tags, in.heads, in.rels = ex.views, ex.pred, ex.heads, ex.rels
			in.index()
			for x := int32(1); int(x) <= len(ex.views); x++ {
				cands := m.featCands[ex.pred[x-1]]
				gold := ex.feats[x-1]
				if len(cands) < 2 || !containsU16(cands, gold) {
					continue
				}
				feats = morphFeatures(&in, x, m.subjRels, m.auxRels, feats[:0])
				clear(scores)
				tt.score(feats, scores)
				bestC := int(cands[0])
				for _, c := range cands[1:] {
					if scores[c] > scores[bestC] {
						bestC = int(c)
					}
				}
				if bestC != gold {
					tt.update(feats, gold, 1)
					tt.update(feats, bestC, -1)
				}
				tt.tick()
			}
		}
		tab := tt.averaged(opt.MorphPrune)
		if len(dev) == 0 {
			best = tab
			continue
		}
		m.morph = tab
		acc := m.featsAccuracy(dev)
		logf("syntax: morphology epoch %d: dev FEATS %.2f%%, %d features", epoch, acc, tab.features())
		if acc > bestAcc {
			bestAcc, best = acc, tab
		}
	}
	if best == nil {
		best = tt.averaged(opt.MorphPrune)
	}
	return best
}

// averageTables returns the table of the mean weights of tabs.
// Weights below prune in absolute value are dropped.
func averageTables(tabs []*table, prune float32) *table {
	if len(tabs) == 1 {
		return tabs[0]
	}
	type acc struct {
		cls  []uint16
		vals []float32
	}
	rows := map[uint64]*acc{}
	maxAbs := float32(0)
	for _, t := range tabs {
		for _, r := range t.rows() {
			a := rows[r.key]
			if a == nil {
				a = &acc{}
				rows[r.key] = a
			}
			for j, c := range r.cls {
				w := float32(r.vals[j]) * t.scale / float32(len(tabs))
				k := slices.Index(a.cls, c)
				if k < 0 {
					a.cls = append(a.cls, c)
					a.vals = append(a.vals, 0)
					k = len(a.cls) - 1
				}
				a.vals[k] += w
			}
		}
	}
	for _, a := range rows {
		for _, w := range a.vals {
			maxAbs = max(maxAbs, float32(math.Abs(float64(w))))
		}
	}
	scale := maxAbs / 2047
	if scale == 0 {
		scale = 1
	}
	keys := make([]uint64, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]buildRow, 0, len(keys))
	for _, k := range keys {
		a := rows[k]
		br := buildRow{key: k}
		for j, c := range a.cls {
			if float32(math.Abs(float64(a.vals[j]))) < prune {
				continue
			}
			if q := int16(math.Round(float64(a.vals[j] / scale))); q != 0 {
				br.cls = append(br.cls, c)
				br.vals = append(br.vals, q)
			}
		}
		if len(br.cls) > 0 {
			br.sort()
			out = append(out, br)
		}
	}
	return newTable(out, scale)
}

func containsU16(s []uint16, x int) bool {
	for _, c := range s {
		if int(c) == x {
			return true
		}
	}
	return false
}

// featsAccuracy analyses the examples with predicted tags and trees and
// returns the share of words with the right FEATS, in percent.
func (m *Model) featsAccuracy(exs []example) float64 {
	sc := &scratch{}
	ok, n := 0, 0
	var words []Word
	for _, ex := range exs {
		sc.views, sc.tags = ex.views, ex.pred
		m.parseSentence(sc)
		words = append(words[:0], make([]Word, len(ex.views))...)
		m.morphSentence(words, sc)
		for i := range words {
			n++
			if ex.feats[i] >= 0 && string(words[i].Feats) == m.feats[ex.feats[i]] {
				ok++
			}
		}
	}
	sc.views, sc.tags = nil, nil
	if n == 0 {
		return 0
	}
	return 100 * float64(ok) / float64(n)
}

// RetrainLemmatizer decodes the model in data (as written by Encode) and
// returns it with a lemmatizer learned afresh from the gold lemmas and
// XPOS of train; its tagger, parser and FEATS weights are those of data,
// so that it tags and parses exactly as before.
func RetrainLemmatizer(data []byte, train []conllu.Sentence) (*Model, error) {
	if len(train) == 0 {
		return nil, errors.New("syntax: retrain lemmatizer: no training sentences")
	}
	m, err := Decode(data)
	if err != nil {
		return nil, err
	}
	m.lem = trainLemmatizer(lemmaExamples(train))
	return m, nil
}

// lemmaExamples returns the words of sentences as lemmatizer examples.
func lemmaExamples(sents []conllu.Sentence) []lemmaExample {
	var out []lemmaExample
	for _, s := range sents {
		for _, w := range s.Words {
			out = append(out, lemmaExample{w.Form, w.XPOS, w.Lemma})
		}
	}
	return out
}
