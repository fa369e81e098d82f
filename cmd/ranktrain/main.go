// Command ranktrain trains the acceptability ranker embedded in
// quiz/generate: a logistic model that weighs a candidate question by how
// likely a careful teacher judges it acceptable (../shared/eval/QUALITY.md).
// Run from the repository root, the defaults regenerate the shipped model:
//
//	go run ./cmd/ranktrain
//
// The data are blind verdicts on questions generated from articles kept
// apart from the evaluation articles (testdata/judged/verdicts.json: the
// article's path, the question, and each judge's verdict). The generator
// makes every candidate of those articles again, and a verdict is joined
// to the candidate with the same type, prompt and answer; verdicts on
// questions the generator no longer makes are left out. It reports the
// held-out log-loss and how acceptable the questions above a cut are,
// by cross-validation over articles, then trains on all of them.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"factdeck/quiz/generate"
	"factdeck/quiz/pipeline"
)

// verdict is one judged question: where it came from and what each judge
// said of it.
type verdict struct {
	Path   string `json:"path"`
	Type   string `json:"type"`
	Prompt string `json:"prompt"`
	Answer string `json:"answer"`
	Votes  []struct {
		Acceptable bool `json:"acceptable"`
		Usefulness int  `json:"usefulness"`
	} `json:"votes"`
}

// example is a judged candidate: its features, the share of judges that
// accepted it (y) and its value to a learner (v: usefulness 1-3 scaled to
// 0-1, a question that fails counting as useless), with weight w.
type example struct {
	article  string
	features []string
	y, v, w  float64
}

// target picks what a model is trained to predict.
type target func(e example) float64

func accepted(e example) float64 { return e.y }
func valued(e example) float64   { return e.v }

func main() {
	in := flag.String("verdicts", "testdata/judged/verdicts.json", "judged questions")
	out := flag.String("o", "quiz/generate/rank.tsv", "output weights")
	l2 := flag.Float64("l2", 20, "L2 penalty on the weights (not the bias)")
	minCount := flag.Int("mincount", 3, "drop features seen on fewer judged questions")
	folds := flag.Int("folds", 5, "cross-validation folds over articles (0: none)")
	root := flag.String("root", ".", "directory the verdicts' article paths are relative to")
	flag.Parse()
	if err := run(*in, *root, *out, *l2, *minCount, *folds); err != nil {
		log.Fatal(err)
	}
}

func run(in, root, out string, l2 float64, minCount, folds int) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var vs []verdict
	if err := json.Unmarshal(raw, &vs); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		return err
	}
	exs, missed, err := join(context.Background(), p, root, vs)
	if err != nil {
		return err
	}
	log.Printf("%d judged questions joined to candidates, %d no longer made", len(exs), missed)
	count := map[string]int{}
	for _, e := range exs {
		for _, f := range e.features {
			count[f]++
		}
	}
	keep := func(f string) bool { return count[f] >= minCount }
	if folds > 1 {
		log.Printf("acceptable (the share of judges accepting):")
		crossValidate(exs, accepted, folds, l2, keep)
		log.Printf("value (usefulness 1-3 as 0-1, failing as 1):")
		crossValidate(exs, valued, folds, l2, keep)
	}
	acc, val := train(exs, accepted, l2, keep), train(exs, valued, l2, keep)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "# acceptability ranker: go run ./cmd/ranktrain (%d judged questions, l2 %g)\n", len(exs), l2)
	if _, err := generate.NewRanker(acc, val).WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// join makes the candidates of every judged article and pairs each
// verdict with its candidate.
func join(ctx context.Context, p *pipeline.Pipeline, root string, vs []verdict) ([]example, int, error) {
	byPath := map[string][]verdict{}
	var paths []string
	for _, v := range vs {
		if _, ok := byPath[v.Path]; !ok {
			paths = append(paths, v.Path)
		}
		byPath[v.Path] = append(byPath[v.Path], v)
	}
	sort.Strings(paths)
	var exs []example
	missed := 0
	for _, path := range paths {
		raw, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			return nil, 0, err
		}
		cs, err := p.Candidates(ctx, pipeline.Document{Source: path, Raw: raw})
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", path, err)
		}
		idx := map[[3]string][]string{}
		for _, c := range cs {
			idx[[3]string{string(c.Question.Type), c.Question.Prompt, c.Question.Answer}] = c.Features
		}
		for _, v := range byPath[path] {
			fs, ok := idx[[3]string{v.Type, v.Prompt, v.Answer}]
			if !ok || len(v.Votes) == 0 {
				missed++
				continue
			}
			acc, val := 0.0, 0.0
			for _, vo := range v.Votes {
				if vo.Acceptable {
					acc++
					val += float64(min(max(vo.Usefulness, 1), 3)-1) / 2
				}
			}
			n := float64(len(v.Votes))
			exs = append(exs, example{article: path, features: fs, y: acc / n, v: val / n, w: n})
		}
	}
	return exs, missed, nil
}

// train fits the logistic model by full-batch gradient descent: the same
// data give the same weights.
func train(exs []example, y target, l2 float64, keep func(string) bool) map[string]float64 {
	w := map[string]float64{}
	total := 0.0
	for _, e := range exs {
		total += e.w
	}
	const steps, rate = 3000, 0.5
	for range steps {
		grad := map[string]float64{}
		for _, e := range exs {
			z := 0.0
			for _, f := range e.features {
				if keep(f) {
					z += w[f]
				}
			}
			g := e.w * (sigmoid(z) - y(e)) / total
			for _, f := range e.features {
				if keep(f) {
					grad[f] += g
				}
			}
		}
		for f, g := range grad {
			if f != "bias" {
				g += l2 * w[f] / total
			}
			w[f] -= rate * g
		}
	}
	for f, x := range w {
		if math.Abs(x) < 1e-4 {
			delete(w, f)
		}
	}
	return w
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// dumped counts the cross-validations written to $RANKTRAIN_DUMP.
var dumped int

// crossValidate trains on all but one fold of articles and scores the
// rest, then logs the held-out log-loss and the acceptable share of the
// questions ranked above each cut.
func crossValidate(exs []example, y target, folds int, l2 float64, keep func(string) bool) {
	fold := map[string]int{}
	var arts []string
	for _, e := range exs {
		if _, ok := fold[e.article]; !ok {
			fold[e.article] = 0
			arts = append(arts, e.article)
		}
	}
	sort.Strings(arts)
	for i, a := range arts {
		fold[a] = i % folds
	}
	type scored struct {
		Article  string
		Features []string
		P, Y, W  float64
		Served   bool
	}
	var all []scored
	loss, base, wsum := 0.0, 0.0, 0.0
	for k := range folds {
		var tr []example
		for _, e := range exs {
			if fold[e.article] != k {
				tr = append(tr, e)
			}
		}
		w := train(tr, y, l2, keep)
		prior := 0.0
		for _, e := range tr {
			prior += y(e)
		}
		prior /= float64(len(tr))
		for _, e := range exs {
			if fold[e.article] != k {
				continue
			}
			z := 0.0
			for _, f := range e.features {
				z += w[f]
			}
			p := math.Min(math.Max(sigmoid(z), 1e-6), 1-1e-6)
			loss -= e.w * (y(e)*math.Log(p) + (1-y(e))*math.Log(1-p))
			base -= e.w * (y(e)*math.Log(prior) + (1-y(e))*math.Log(1-prior))
			wsum += e.w
			all = append(all, scored{e.article, e.features, p, y(e), e.w, !slices.Contains(e.features, "held-back")})
		}
	}
	if dump := os.Getenv("RANKTRAIN_DUMP"); dump != "" {
		// The held-out predictions, for reading (one file per target).
		b, _ := json.Marshal(all)
		_ = os.WriteFile(fmt.Sprintf("%s.%d", dump, dumped), b, 0o644)
		dumped++
	}
	log.Printf("held-out log-loss %.3f (prior only %.3f)", loss/wsum, base/wsum)
	sort.Slice(all, func(a, b int) bool { return all[a].P > all[b].P })
	for _, cut := range []float64{0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0} {
		n, acc, ns, accs := 0, 0.0, 0, 0.0
		for _, s := range all {
			if s.P >= cut {
				n++
				acc += s.Y
				if s.Served {
					ns++
					accs += s.Y
				}
			}
		}
		if n > 0 && ns > 0 {
			log.Printf("p >= %.1f: %d questions, mean target %.1f%%; of them served by the rules %d, %.1f%%", cut, n, 100*acc/float64(n), ns, 100*accs/float64(ns))
		}
	}
}
