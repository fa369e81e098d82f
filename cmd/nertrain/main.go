// Command nertrain trains the named-entity model embedded in quiz/ner. Run
// from the repository root, with shared/ beside it, the defaults regenerate
// the shipped model:
//
//	go run ./cmd/nertrain -train ../shared/eval/conll2003/train.txt \
//		-dev ../shared/eval/conll2003/valid.txt -epochs 12 -final \
//		-o quiz/ner/model.bin.gz
//
// It chooses the number of epochs on the dev file, logs the held-out dev
// score, then (with -final) retrains on train and dev together. It never
// reads the CoNLL-2003 test file.
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
	final := flag.Bool("final", true, "after choosing the epochs on dev, retrain on train and dev together")
	runs := flag.Int("runs", 1, "training runs with different seeds whose weights are averaged")
	minCount := flag.Int("mincount", 1, "drop features seen fewer times in the training data")
	lexDir := flag.String("lexicon", "quiz/lexicon/data", "directory of general word lists (empty: none)")
	flag.Parse()
	opt := ner.TrainOptions{Epochs: *epochs, Folds: *folds, Prune: float32(*prune), Seed: *seed, MinCount: *minCount, Runs: *runs, Logf: log.Printf}
	if *lexDir != "" {
		lex, err := readLexicon(*lexDir)
		if err != nil {
			log.Fatal(err)
		}
		opt.Lexicon = lex
	}
	if err := run(*trainPath, *devPath, *out, *final, opt); err != nil {
		log.Fatal(err)
	}
}

// lexFiles maps the quiz/lexicon data files to ner lexicon categories; the
// first tab-separated field of each non-comment line is the entry.
var lexFiles = []struct{ file, cat, kind string }{
	{"countries.tsv", "country", ""},
	{"cities.tsv", "city", ""},
	{"regions.tsv", "region", ""},
	{"nationalities.tsv", "nationality", ""},
	{"nationalities_extra.tsv", "nationality", ""},
	{"given_names.txt", "given", ""},
	{"orgs.txt", "org", ""},
	{"orgwords.txt", "orgword", ""},
	{"titles.txt", "title", ""},
	{"places_extra.tsv", "country", "country"},
	{"places_extra.tsv", "region", "region"},
	{"places_extra.tsv", "city", "city"},
}

// extra holds word lists of this command, added to quiz/lexicon's; each
// file is named for its ner lexicon category ("org.txt",
// "person.wordnet.txt"). The *.wordnet.txt lists are drawn from WordNet 3.1;
// see data/WORDNET-LICENSE.
//
//go:embed data/*.txt
var extra embed.FS

// readLexicon reads the general word lists of quiz/lexicon's data directory.
func readLexicon(dir string) (map[string][]string, error) {
	lex := map[string][]string{}
	for _, lf := range lexFiles {
		b, err := os.ReadFile(filepath.Join(dir, lf.file))
		if err != nil {
			return nil, fmt.Errorf("read lexicon: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if lf.kind != "" && (len(f) < 2 || f[1] != lf.kind) {
				continue
			}
			if e := strings.TrimSpace(f[0]); e != "" {
				lex[lf.cat] = append(lex[lf.cat], e)
			}
		}
	}
	files, err := extra.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("read extra lexicon: %w", err)
	}
	for _, f := range files {
		b, err := extra.ReadFile("data/" + f.Name())
		if err != nil {
			return nil, fmt.Errorf("read extra lexicon: %w", err)
		}
		cat, _, _ := strings.Cut(f.Name(), ".")
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				lex[cat] = append(lex[cat], line)
			}
		}
	}
	return lex, nil
}

func read(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return ner.ReadCoNLL(f)
}

func run(trainPath, devPath, out string, final bool, opt ner.TrainOptions) error {
	start := time.Now()
	train, err := read(trainPath)
	if err != nil {
		return err
	}
	dev, err := read(devPath)
	if err != nil {
		return err
	}
	m, epochs, err := ner.Train(train, dev, opt)
	if err != nil {
		return err
	}
	logScore(fmt.Sprintf("dev (held out, trained on train only, best epoch %d)", epochs), m.Evaluate(dev))
	if final {
		// Retrain on train and dev together for the epochs chosen above;
		// the dev score below is then no longer held out.
		opt.Epochs = epochs
		if m, _, err = ner.Train(append(train[:len(train):len(train)], dev...), nil, opt); err != nil {
			return err
		}
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
	logScore(fmt.Sprintf("dev (decoded model%s)", map[bool]string{true: ", dev was training data"}[final]), m2.Evaluate(dev))
	log.Printf("wrote %s: %d bytes, %d features, %s", out, buf.Len(), m2.Features(), time.Since(start).Round(time.Second))
	return nil
}

func logScore(name string, sc ner.Score) {
	log.Printf("%s: %s", name, sc)
	var typs []string
	for t := range sc.ByType {
		typs = append(typs, t)
	}
	sort.Strings(typs)
	for _, t := range typs {
		c := sc.ByType[t]
		log.Printf("  %-4s P=%.2f R=%.2f F1=%.2f", t, c.P(), c.R(), c.F1())
	}
}
