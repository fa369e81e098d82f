// Command saliencetrain trains the entity salience and sentence
// centrality models embedded in quiz/salience from the summaries of the
// GUM corpus. Run from the repository root, with shared/ beside it, the
// defaults regenerate the shipped model:
//
//	go run ./cmd/saliencetrain
//
// It trains on GUM's train file seen three ways: with every gold mention
// and the gold trees, with only the names and the pronouns of named
// entities (what factdeck's extractor finds) and the gold trees, and with
// those mentions and the trees quiz/syntax predicts. It prints the
// figures of the model and of the baselines on the dev file, read the
// same three ways. It never reads the test file: go test ./quiz/salience
// scores the shipped model on it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"factdeck/quiz/salience"
	"factdeck/quiz/salience/gum"
	"factdeck/quiz/syntax"
	"factdeck/quiz/syntax/conllu"
)

func main() {
	dir := flag.String("ud", "../shared/eval/ud", "directory of the UD treebanks")
	trainFile := flag.String("train", "en_gum-ccby-ud-train.conllu", "training file in -ud")
	devFile := flag.String("dev", "en_gum-ccby-ud-dev.conllu", "development file in -ud, for the figures printed")
	out := flag.String("o", "quiz/salience/model.tsv.gz", "output model file, empty for none")
	var opt salience.TrainOptions
	flag.Float64Var(&opt.EntityL2, "entity-l2", 1e-2, "L2 penalty of the entity model")
	flag.Float64Var(&opt.SentenceL2, "sentence-l2", 1e-4, "L2 penalty of the sentence model")
	flag.IntVar(&opt.Folds, "folds", 5, "folds of the cross-fitted entity predictions the sentence model trains on")
	views := flag.String("views", "gold,named,parsed", "ways of reading the training file: gold, named, parsed (comma-separated)")
	cv := flag.Int("cv", 0, "if > 1, cross-validate on the training file with this many folds and write nothing")
	flag.Parse()
	if err := run(*dir, *trainFile, *devFile, *out, strings.Split(*views, ","), *cv, opt); err != nil {
		log.Fatal(err)
	}
}

func read(dir, name string) ([]conllu.Sentence, error) {
	if strings.Contains(name, "-test") {
		return nil, fmt.Errorf("%s: refusing to read a test file", name)
	}
	return conllu.ReadFile(filepath.Join(dir, name))
}

// reader reads GUM sentences in the three views, parsing with quiz/syntax
// once if needed.
type reader struct {
	sm *syntax.Model
}

func (r *reader) examples(sents []conllu.Sentence, view string) ([]salience.Example, error) {
	switch view {
	case "gold":
		return gum.Examples(sents, gum.Options{View: gum.Gold})
	case "named":
		return gum.Examples(sents, gum.Options{View: gum.Named})
	case "parsed":
		if r.sm == nil {
			sm, err := syntax.Load()
			if err != nil {
				return nil, err
			}
			r.sm = sm
		}
		return gum.Examples(sents, gum.Options{View: gum.Named, Parsed: conllu.Reparsed(sents, r.sm.Annotate)})
	}
	return nil, fmt.Errorf("unknown view %q (want gold, named or parsed)", view)
}

// scorers are the model and the baselines, by name.
func scorers(m *salience.Model) []scorer {
	return []scorer{{"model", m.Score}, {"mentions", salience.MentionCount}, {"first", salience.FirstMentioned}, {"title", salience.TitleOverlap}}
}

type scorer struct {
	name string
	f    salience.Scorer
}

func logFigures(what string, f salience.Figures) {
	log.Printf("%-24s entity AP %.3f P@3 %.3f (%3d docs) | sentence NDCG@5 %.3f P@5 %.3f (%3d docs)",
		what, f.EntityAP, f.EntityP3, f.EntityDocs, f.SentenceNDCG5, f.SentenceP5, f.SentenceDocs)
}

var allViews = []string{"gold", "named", "parsed"}

func run(dir, trainFile, devFile, out string, views []string, cv int, opt salience.TrainOptions) error {
	trainSents, err := read(dir, trainFile)
	if err != nil {
		return err
	}
	var r reader
	byView := map[string][]salience.Example{}
	for _, v := range allViews {
		if byView[v], err = r.examples(trainSents, v); err != nil {
			return err
		}
	}
	if cv > 1 {
		crossValidate(byView, views, cv, opt)
		return nil
	}
	var train []salience.Example
	for _, v := range views {
		train = append(train, byView[v]...)
	}
	log.Printf("%d training documents (%d views)", len(train), len(views))
	m, err := salience.Train(train, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	// Score the model as it will be loaded.
	if m, err = salience.Decode(buf.Bytes()); err != nil {
		return err
	}
	devSents, err := read(dir, devFile)
	if err != nil {
		return err
	}
	eopt := salience.EvalOptions{MinSummaries: salience.SalientSummaries, MinCentral: salience.CentralShare}
	for _, v := range allViews {
		dev, err := r.examples(devSents, v)
		if err != nil {
			return err
		}
		for _, s := range scorers(m) {
			logFigures("dev "+v+" "+s.name, salience.Evaluate(dev, s.f, eopt))
		}
	}
	if out == "" {
		return nil
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	log.Printf("wrote %s (%d bytes)", out, buf.Len())
	return nil
}

// crossValidate trains on all folds but one of the training documents,
// in the given views, and scores the held-out fold in every view.
func crossValidate(byView map[string][]salience.Example, views []string, k int, opt salience.TrainOptions) {
	eopt := salience.EvalOptions{MinSummaries: salience.SalientSummaries, MinCentral: salience.CentralShare}
	total := map[string]salience.Figures{}
	for f := range k {
		var train []salience.Example
		for _, v := range views {
			for i, ex := range byView[v] {
				if i%k != f {
					train = append(train, ex)
				}
			}
		}
		m, err := salience.Train(train, opt)
		if err != nil {
			log.Fatal(err)
		}
		for _, v := range allViews {
			var held, news []salience.Example
			for i, ex := range byView[v] {
				if i%k == f {
					held = append(held, ex)
					if ex.Genre == "news" {
						news = append(news, ex)
					}
				}
			}
			for _, s := range scorers(m) {
				key := v + " " + s.name
				total[key] = total[key].Add(salience.Evaluate(held, s.f, eopt))
				total[key+" news"] = total[key+" news"].Add(salience.Evaluate(news, s.f, eopt))
			}
		}
	}
	for _, g := range []string{"", " news"} {
		for _, v := range allViews {
			for _, s := range scorers(nil) {
				logFigures(fmt.Sprintf("cv%d %s %s%s", k, v, s.name, g), total[v+" "+s.name+g])
			}
		}
	}
}
