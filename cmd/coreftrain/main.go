// Command coreftrain trains the pronoun resolver embedded in quiz/coref
// from the gold coreference of the GUM corpus. Run from the repository
// root, with shared/ beside it, the defaults regenerate the shipped model:
//
//	go run ./cmd/coreftrain
//
// It trains on GUM's train file, with its gold trees and with the trees
// quiz/syntax predicts, five models with different seeds whose weights it
// averages, each at the epoch that scores best on the dev file parsed by
// quiz/syntax (as pronouns are resolved at run time). It sets the model's
// threshold to the lowest probability whose links are right 90% of the
// time on the dev file and on the training texts, each resolved by models
// trained on the other folds of a 5-fold split. It never reads the test
// file: go test ./quiz/coref scores the shipped model on it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"factdeck/quiz/coref"
	"factdeck/quiz/coref/gum"
	"factdeck/quiz/syntax"
	"factdeck/quiz/syntax/conllu"
)

func main() {
	dir := flag.String("ud", "../shared/eval/ud", "directory of the UD treebanks")
	trainFile := flag.String("train", "en_gum-ccby-ud-train.conllu", "training file in -ud")
	devFile := flag.String("dev", "en_gum-ccby-ud-dev.conllu", "development file in -ud, for choosing the epoch and the threshold")
	out := flag.String("o", "quiz/coref/model.tsv.gz", "output model file")
	var opt coref.TrainOptions
	flag.IntVar(&opt.Epochs, "epochs", 10, "maximum epochs")
	flag.Float64Var(&opt.Rate, "rate", 0.1, "AdaGrad learning rate")
	flag.Float64Var(&opt.L2, "l2", 1e-2, "L2 penalty")
	flag.BoolVar(&opt.Average, "average", true, "average the weights over all steps")
	flag.BoolVar(&opt.Explore, "explore", true, "continue the walk over a training text with the model's own choices from epoch 2")
	flag.Uint64Var(&opt.Seed, "seed", 1, "seed for ordering the texts and dropping genders")
	flag.IntVar(&opt.Runs, "runs", 5, "models trained with seeds seed, seed+1, ... and averaged")
	flag.Float64Var(&opt.Precision, "precision", 0.9, "precision the threshold is set to reach on dev and on the cross-validated training texts")
	flag.IntVar(&opt.Folds, "folds", 5, "folds of the cross-validation on the training texts for the threshold (0: dev only)")
	parsedToo := flag.Bool("parsed", true, "train on the training texts parsed by quiz/syntax as well as on their gold trees")
	drop := flag.Float64("gender-drop", 0.5, "share of names whose gender is hidden in training, as a caller does not know every given name")
	flag.Parse()
	opt.Logf = log.Printf
	if err := run(*dir, *trainFile, *devFile, *out, *drop, *parsedToo, opt); err != nil {
		log.Fatal(err)
	}
}

func read(dir, name string) ([]conllu.Sentence, error) {
	if strings.Contains(name, "-test") {
		return nil, fmt.Errorf("%s: refusing to read a test file", name)
	}
	return conllu.ReadFile(filepath.Join(dir, name))
}

func run(dir, trainFile, devFile, out string, drop float64, parsedToo bool, opt coref.TrainOptions) error {
	trainSents, err := read(dir, trainFile)
	if err != nil {
		return err
	}
	devSents, err := read(dir, devFile)
	if err != nil {
		return err
	}
	sm, err := syntax.Load()
	if err != nil {
		return err
	}
	start := time.Now()
	// The training texts twice: with their gold trees, and with the trees
	// package syntax gives them, so that the model learns how far to
	// trust a parse. (The parser was trained on these texts, so its
	// errors here are fewer than on new text.)
	train, err := gum.Docs(trainSents, gum.Options{})
	if err != nil {
		return err
	}
	if parsedToo {
		parsed, err := gum.Docs(trainSents, gum.Options{Parsed: conllu.Reparsed(trainSents, sm.Annotate)})
		if err != nil {
			return err
		}
		train = append(train, parsed...)
	}
	hideGenders(train, drop, opt.Seed)
	devGold, err := gum.Docs(devSents, gum.Options{})
	if err != nil {
		return err
	}
	devParsed, err := gum.Docs(devSents, gum.Options{Parsed: conllu.Reparsed(devSents, sm.Annotate)})
	if err != nil {
		return err
	}
	log.Printf("%d training and %d dev texts, parsed in %v", len(train), len(devParsed), time.Since(start).Round(time.Millisecond))
	opt.Dev = devParsed
	m, err := coref.Train(train, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	// Score the model as it will be loaded.
	m, err = coref.Decode(buf.Bytes())
	if err != nil {
		return err
	}
	for _, c := range []struct {
		name string
		docs []coref.Doc
	}{{"gold trees", devGold}, {"predicted trees", devParsed}} {
		s := coref.Evaluate(c.docs, m.Resolve)
		base := coref.Evaluate(c.docs, coref.NearestSubject)
		p := s.At(m.Threshold())
		n, inWindow, _ := s.Counts()
		log.Printf("dev, %s: %d pronouns, %d with a gold antecedent among their candidates", c.name, n, inWindow)
		log.Printf("dev, %s: accuracy %.2f%% (nearest compatible subject %.2f%%); at threshold %.3f precision %.1f%%, coverage %.1f%%\n%s",
			c.name, 100*s.Accuracy(), 100*base.Accuracy(), m.Threshold(), 100*p.Precision, 100*p.Coverage, s.Curve(0, 0.5, 0.7, m.Threshold(), 0.9))
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	log.Printf("wrote %s (%d bytes)", out, buf.Len())
	return nil
}

// hideGenders clears the gender of a share of the name clusters of each
// text, chosen with a seeded generator: at run time the caller knows the
// gender of common given names only, and a model that always saw genders
// in training would take a name without one for no antecedent of "he".
func hideGenders(docs []coref.Doc, share float64, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x67656e646572))
	for di := range docs {
		d := &docs[di]
		hidden := map[int]bool{}
		seen := map[int]bool{}
		for i := range d.Mentions {
			m := &d.Mentions[i]
			if m.Entity < 0 || m.Gender == "" {
				continue
			}
			if !seen[m.Entity] {
				seen[m.Entity] = true
				hidden[m.Entity] = rng.Float64() < share
			}
			if hidden[m.Entity] {
				m.Gender = ""
			}
		}
	}
}
