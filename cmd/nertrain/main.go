// Command nertrain trains the named-entity model embedded in quiz/ner.
//
//	go run ./cmd/nertrain -train ../shared/eval/conll2003/train.txt \
//		-dev ../shared/eval/conll2003/valid.txt -o quiz/ner/model.bin.gz
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"time"

	"factdeck/quiz/ner"
)

func main() {
	trainPath := flag.String("train", "../shared/eval/conll2003/train.txt", "CoNLL-2003 training file")
	devPath := flag.String("dev", "../shared/eval/conll2003/valid.txt", "CoNLL-2003 development file, for choosing the epoch")
	out := flag.String("o", "quiz/ner/model.bin.gz", "output model file")
	epochs := flag.Int("epochs", 12, "maximum training epochs")
	folds := flag.Int("folds", 10, "jackknife folds for gazetteer features")
	prune := flag.Float64("prune", 0.02, "drop features whose averaged weights are all below this")
	seed := flag.Int64("seed", 1, "shuffle seed")
	flag.Parse()
	if err := run(*trainPath, *devPath, *out, ner.TrainOptions{
		Epochs: *epochs, Folds: *folds, Prune: float32(*prune), Seed: *seed, Logf: log.Printf,
	}); err != nil {
		log.Fatal(err)
	}
}

func read(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return ner.ReadCoNLL(f)
}

func run(trainPath, devPath, out string, opt ner.TrainOptions) error {
	start := time.Now()
	train, err := read(trainPath)
	if err != nil {
		return err
	}
	dev, err := read(devPath)
	if err != nil {
		return err
	}
	m, err := ner.Train(train, dev, opt)
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
	// Score the model as it will be loaded, after quantization.
	m2, err := ner.Decode(buf.Bytes())
	if err != nil {
		return err
	}
	sc := m2.Evaluate(dev)
	log.Printf("dev (decoded model): %s", sc)
	var typs []string
	for t := range sc.ByType {
		typs = append(typs, t)
	}
	sort.Strings(typs)
	for _, t := range typs {
		c := sc.ByType[t]
		log.Printf("  %-4s P=%.2f R=%.2f F1=%.2f", t, c.P(), c.R(), c.F1())
	}
	log.Printf("wrote %s: %d bytes, %d features, %s", out, buf.Len(), m2.Features(), time.Since(start).Round(time.Second))
	return nil
}
