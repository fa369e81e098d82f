package main

// This file is the questions command: a dry run of ingest that shows the
// questions an article would get, without a database. With -conllu it
// reads a CoNLL-U analysis instead of an article, so that generation can be
// tried on gold trees (a treebank's) apart from the parser's mistakes.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/coref"
	"factdeck/quiz/extract"
	"factdeck/quiz/generate"
	"factdeck/quiz/lexicon"
	"factdeck/quiz/ner"
	"factdeck/quiz/pipeline"
	"factdeck/quiz/syntax"
)

// questionsCmd runs "factdeck questions [-conllu] [-reserve] [-json] [FILE|-]".
func questionsCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("questions", "questions [-conllu] [-reserve] [-json] [FILE|-]", stderr)
	isCoNLLU := fs.Bool("conllu", false, "the input is CoNLL-U with its trees (and NE=PER|ORG|LOC|MISC tags in MISC, when it has them): make questions from that analysis")
	reserve := fs.Bool("reserve", false, "also show the reserve: the questions kept out of the default deck")
	asJSON := fs.Bool("json", false, "write the questions as JSON")
	templates := fs.String("templates", "", "a directory of extra question templates (YAML)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factdeck questions [-conllu] [-reserve] [-json] [FILE|-]

Shows the questions an article (a .txt, .md or .html file, or standard
input) would get if it were ingested now, without storing anything: the
default deck, best first, and with -reserve the reserve after it. With
-conllu the input is a CoNLL-U analysis (a treebank's gold trees) instead.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	name, raw, err := oneInput(fs, "questions", stderr)
	if err != nil {
		return err
	}
	var qs []quiz.Question
	if *isCoNLLU {
		qs, err = conlluQuestions(string(raw), *templates)
	} else {
		qs, err = articleQuestions(ctx, raw, name, *templates)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if !*reserve {
		kept := qs[:0]
		for _, q := range qs {
			if !q.Reserve {
				kept = append(kept, q)
			}
		}
		qs = kept
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(qs)
	}
	for _, q := range qs {
		kind := string(q.Type)
		if q.Reserve {
			kind += " (reserve)"
		}
		fmt.Fprintf(stdout, "%s\n  %s\n  answer: %s\n", kind, q.Prompt, q.Answer)
		if len(q.Options) > 0 && q.Type == quiz.MultipleChoice {
			fmt.Fprintf(stdout, "  options: %s\n", strings.Join(q.Options, " | "))
		}
	}
	return nil
}

// articleQuestions runs the ingest pipeline over one article with nothing
// stored.
func articleQuestions(ctx context.Context, raw []byte, name, templates string) ([]quiz.Question, error) {
	p, err := pipeline.New(pipeline.Config{TemplateDir: templates})
	if err != nil {
		return nil, err
	}
	source := name
	if name == "-" {
		source = "stdin.txt"
	}
	out, err := p.Batch(ctx, []pipeline.Document{{Raw: raw, Source: source}}, noLibrary{}, pipeline.Options{})
	if err != nil {
		return nil, err
	}
	if out[0].Err != nil {
		return nil, out[0].Err
	}
	return out[0].Questions, nil
}

// conlluQuestions makes the questions of a CoNLL-U analysis.
func conlluQuestions(src, templates string) ([]quiz.Question, error) {
	lx := lexicon.Load()
	nm, err := ner.Load()
	if err != nil {
		return nil, err
	}
	sm, err := syntax.Load()
	if err != nil {
		return nil, err
	}
	cr, err := coref.Load()
	if err != nil {
		return nil, err
	}
	x, err := extract.New(extract.Config{Lexicon: lx, NER: nm, Syntax: sm, Coref: cr})
	if err != nil {
		return nil, err
	}
	an, err := x.AnalyzeCoNLLU(src)
	if err != nil {
		return nil, err
	}
	g, err := generate.New(generate.Config{TemplateDir: templates, Lexicon: lx, Syntax: sm})
	if err != nil {
		return nil, err
	}
	return g.Questions(an, nil), nil
}

// noLibrary is an empty library: nothing stored to compare with or to
// draw distractors from.
type noLibrary struct{}

func (noLibrary) Known(context.Context, []string) (map[string]int64, error) { return nil, nil }

func (noLibrary) PoolFacts(context.Context, int, []int64) ([]quiz.Fact, error) { return nil, nil }

func (noLibrary) Related(context.Context, []string, []string, []int64, int) ([]quiz.Article, map[int64][]string, []quiz.Fact, error) {
	return nil, nil, nil, nil
}
