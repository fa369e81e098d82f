package main

// This file is the parse command: it shows what the pipeline's syntax
// layer (quiz/syntax) makes of an article, as CoNLL-U.

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"factdeck/quiz/clean"
	"factdeck/quiz/syntax"
	"factdeck/quiz/syntax/conllu"
	"factdeck/quiz/token"
)

// parseCmd runs "factdeck parse [-conllu] [FILE|-]".
func parseCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("parse", "parse [-conllu] [FILE|-]", stderr)
	isCoNLLU := fs.Bool("conllu", false, "the input is CoNLL-U: keep its sentences and words, write them back with predicted LEMMA, UPOS, XPOS, FEATS, HEAD and DEPREL")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factdeck parse [-conllu] [FILE|-]

Writes the syntactic analysis of an article (a .txt, .md or .html file, or
standard input), cleaned as ingest cleans it, as CoNLL-U on standard
output: one sentence per title, standfirst and body sentence, each with
its "# text = " comment. With -conllu the input is CoNLL-U instead and
keeps its tokenization, so that any CoNLL-U scorer can check the model.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	name, raw, err := oneInput(fs, "parse", stderr)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m, err := syntax.Load()
	if err != nil {
		return err
	}
	var sents []conllu.Sentence
	if *isCoNLLU {
		if sents, err = conllu.Read(strings.NewReader(string(raw))); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for i := range sents {
			m.Annotate(&sents[i])
		}
	} else {
		source := name
		if name == "-" {
			source = "stdin.txt"
		}
		a, err := clean.Article(raw, source)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		n := 0
		for _, part := range append([]string{a.Title, a.Standfirst}, a.Paragraphs...) {
			for _, t := range m.ParseAll(part, token.Split(part)) {
				n++
				s := t.Sentence(part)
				s.Comments = append([]string{fmt.Sprintf("# sent_id = %d", n)}, s.Comments...)
				sents = append(sents, s)
			}
		}
	}
	return conllu.Write(stdout, sents)
}

// oneInput reads the one FILE argument of command cmd, standard input when
// there is none or it is "-", and returns its name and bytes. More than one
// argument is a usage error.
func oneInput(fs *flag.FlagSet, cmd string, stderr io.Writer) (string, []byte, error) {
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "factdeck %s: want one FILE, got %d\n", cmd, fs.NArg())
		fs.Usage()
		return "", nil, errUsage
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	raw, err := readInput(name)
	return name, raw, err
}

// readInput reads the file name, or standard input for "-", up to the
// size ingest accepts.
func readInput(name string) ([]byte, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, clean.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > clean.MaxBytes {
		return nil, fmt.Errorf("%s: larger than %d MB", name, clean.MaxBytes>>20)
	}
	return b, nil
}
