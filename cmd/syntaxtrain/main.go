// Command syntaxtrain trains the tagger, parser, morphological classifier
// and lemmatizer embedded in quiz/syntax from the Universal Dependencies
// English treebanks. Run from the repository root, with shared/ beside
// it, the defaults regenerate the shipped model:
//
//	go run ./cmd/syntaxtrain
//
// It trains on the train files of UD English EWT and of the CC BY part of
// GUM, chooses each part's epochs on their dev files, and scores the model
// as it will be loaded on each dev file. It never reads the test files:
// go test ./quiz/syntax scores the shipped model on them.
//
// With -word-buckets the tagger also reads word frequency and
// capitalization buckets and hyphen parts (model format 5; see package
// syntax): better tags on the dev sets, but not the shipped model.
//
// With -lemmas-only it retrains only the lemmatizer of the model file -o
// and rewrites it, keeping its tagger, parser and FEATS weights (seconds
// instead of minutes, and every tag, head and relation stays as it was):
//
//	go run ./cmd/syntaxtrain -lemmas-only
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"factdeck/quiz/syntax"
	"factdeck/quiz/syntax/conllu"
)

func main() {
	dir := flag.String("ud", "../shared/eval/ud", "directory of the UD treebanks")
	trainFiles := flag.String("train", "en_ewt-ud-train.conllu,en_gum-ccby-ud-train.conllu", "comma-separated training files in -ud")
	devFiles := flag.String("dev", "en_ewt-ud-dev.conllu,en_gum-ccby-ud-dev.conllu", "comma-separated development files in -ud, for choosing epochs")
	out := flag.String("o", "quiz/syntax/model.bin.gz", "output model file")
	var opt syntax.TrainOptions
	flag.IntVar(&opt.TagEpochs, "tag-epochs", 10, "maximum tagger epochs")
	flag.IntVar(&opt.ParseEpochs, "parse-epochs", 15, "maximum parser epochs")
	flag.IntVar(&opt.MorphEpochs, "morph-epochs", 5, "maximum morphology epochs")
	flag.IntVar(&opt.Folds, "folds", 4, "jack-knifing folds for the parser's training tags")
	flag.BoolVar(&opt.TwoPass, "two-pass", true, "train the tagger's second pass")
	flag.BoolVar(&opt.WordBuckets, "word-buckets", false, "give the tagger word frequency and capitalization buckets and hyphen parts, with each training sentence's word classes from the other folds (model format 5)")
	flag.Float64Var(&opt.Explore, "explore", 0.9, "probability of following the parser's own prediction in training, from epoch 2")
	tagPrune := flag.Float64("tag-prune", 0.3, "drop tagger weights below this")
	parsePrune := flag.Float64("parse-prune", 1.0, "drop parser weights below this (smaller and faster model; 1.0 costs about 0.2 LAS)")
	morphPrune := flag.Float64("morph-prune", 0.3, "drop morphology weights below this")
	flag.IntVar(&opt.DictMin, "dict-min", 20, "occurrences for a word to be tagged from the dictionary")
	flag.Float64Var(&opt.DictShare, "dict-share", 0.99, "share of a dictionary word's uses with its tag")
	flag.IntVar(&opt.Runs, "runs", 2, "parser training runs (in parallel, seeds seed, seed+1, ...) whose weights are averaged")
	flag.Int64Var(&opt.Seed, "seed", 1, "seed for shuffling and exploration")
	flag.IntVar(&opt.Workers, "workers", 2, "goroutines for jack-knifing")
	lemmasOnly := flag.Bool("lemmas-only", false, "retrain only the lemmatizer of the model -o, keeping its other weights")
	flag.Parse()
	opt.TagPrune, opt.ParsePrune, opt.MorphPrune = float32(*tagPrune), float32(*parsePrune), float32(*morphPrune)
	opt.Logf = log.Printf
	if err := run(*dir, split(*trainFiles), split(*devFiles), *out, opt, *lemmasOnly); err != nil {
		log.Fatal(err)
	}
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func read(dir, name string) ([]conllu.Sentence, error) {
	if strings.Contains(name, "-test") {
		return nil, fmt.Errorf("%s: refusing to read a test file", name)
	}
	s, err := conllu.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("read treebank: %w", err)
	}
	return s, nil
}

func run(dir string, trainFiles, devFiles []string, out string, opt syntax.TrainOptions, lemmasOnly bool) error {
	start := time.Now()
	var train, dev []conllu.Sentence
	devSets := map[string][]conllu.Sentence{}
	for _, f := range trainFiles {
		s, err := read(dir, f)
		if err != nil {
			return err
		}
		train = append(train, s...)
	}
	for _, f := range devFiles {
		s, err := read(dir, f)
		if err != nil {
			return err
		}
		dev = append(dev, s...)
		devSets[f] = s
	}
	var m *syntax.Model
	var err error
	if lemmasOnly {
		old, rerr := os.ReadFile(out)
		if rerr != nil {
			return fmt.Errorf("read model: %w", rerr)
		}
		m, err = syntax.RetrainLemmatizer(old, train)
	} else {
		m, err = syntax.Train(train, dev, opt)
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	// Score the model as it will be loaded.
	t0 := time.Now()
	m2, err := syntax.Decode(buf.Bytes())
	if err != nil {
		return err
	}
	log.Printf("wrote %s: %d bytes; decoded in %s; trained in %s", out, buf.Len(), time.Since(t0).Round(time.Millisecond), time.Since(start).Round(time.Second))
	for _, f := range devFiles {
		gold := devSets[f]
		sys := make([]conllu.Sentence, len(gold))
		for i := range gold {
			sys[i] = clone(gold[i])
			m2.Annotate(&sys[i])
		}
		sc, err := conllu.Evaluate(gold, sys)
		if err != nil {
			return err
		}
		log.Printf("%s: %s", f, sc)
	}
	return nil
}

// clone copies a sentence so that annotating it leaves the original alone.
func clone(s conllu.Sentence) conllu.Sentence {
	s.Words = append([]conllu.Word(nil), s.Words...)
	return s
}
