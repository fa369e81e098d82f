// Package pipeline runs factdeck's stages in order: a raw page is cleaned
// (quiz/clean), its facts extracted (quiz/extract) and its questions made
// (quiz/generate). It returns values and never stores anything: the caller
// (the CLI's ingest, the web's "add article") saves a Result in one
// transaction.
package pipeline

import (
	"context"
	"fmt"

	"factdeck/quiz"
	"factdeck/quiz/clean"
	"factdeck/quiz/extract"
	"factdeck/quiz/generate"
	"factdeck/quiz/ner"
)

// Config configures a Pipeline.
type Config struct {
	// TemplateDir, when set, holds question templates (*.yaml) that add to
	// or override the embedded ones.
	TemplateDir string
	// Model is the named-entity model; when nil the embedded one is loaded.
	Model *ner.Model
}

// Pipeline turns raw pages into articles, facts and questions. It is safe
// for concurrent use.
type Pipeline struct {
	extractor *extract.Extractor
	generator *generate.Generator
}

// Result is one article with its facts and questions, ready to store. Facts
// carry provisional IDs 1..n, and each question's FactID names one of them.
type Result struct {
	Article   quiz.Article
	Facts     []quiz.Fact
	Questions []quiz.Question
}

// Document is one raw input: a page's bytes, where it came from, and
// optionally a title a person typed, which is used as is.
type Document struct {
	Source string
	Title  string
	Raw    []byte
}

// New loads the model and the templates.
func New(cfg Config) (*Pipeline, error) {
	m := cfg.Model
	if m == nil {
		var err error
		if m, err = ner.Load(); err != nil {
			return nil, fmt.Errorf("pipeline: load entity model: %w", err)
		}
	}
	g, err := generate.New(cfg.TemplateDir)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	return &Pipeline{extractor: extract.New(m), generator: g}, nil
}

// Process cleans doc, extracts its facts and makes its
// questions. pool holds the facts of the other articles: distractors and
// corroboration come from them.
func (p *Pipeline) Process(ctx context.Context, doc Document, pool []quiz.Fact) (Result, error) {
	r, err := p.Extract(ctx, doc)
	if err != nil {
		return r, err
	}
	return p.Generate(ctx, r, pool)
}

// Extract cleans doc and extracts its facts, leaving Questions empty. Bad
// input fails with an error wrapping quiz.ErrInvalid or quiz.ErrEmpty.
func (p *Pipeline) Extract(ctx context.Context, doc Document) (Result, error) {
	a, err := clean.Titled(doc.Title, doc.Raw, doc.Source)
	if err != nil {
		return Result{}, err
	}
	return p.ExtractArticle(ctx, a)
}

// ExtractArticle extracts the facts of an already cleaned article.
func (p *Pipeline) ExtractArticle(ctx context.Context, a quiz.Article) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	facts := p.extractor.Facts(a)
	for i := range facts {
		facts[i].ID = int64(i + 1)
		facts[i].ArticleID = 0
		if len(facts[i].Sources) == 0 {
			facts[i].Sources = []string{a.Source}
		}
	}
	return Result{Article: a, Facts: facts}, nil
}

// Generate makes the questions of r from its facts, drawing on pool (the
// other articles' facts), and returns r with Questions set.
func (p *Pipeline) Generate(ctx context.Context, r Result, pool []quiz.Fact) (Result, error) {
	if err := ctx.Err(); err != nil {
		return r, err
	}
	r.Questions = p.generator.Questions(r.Article, r.Facts, pool)
	known := make(map[int64]bool, len(r.Facts))
	for _, f := range r.Facts {
		known[f.ID] = true
	}
	for i, q := range r.Questions {
		if q.FactID != 0 && !known[q.FactID] {
			return r, fmt.Errorf("pipeline: question %d names unknown fact %d", i, q.FactID)
		}
	}
	return r, nil
}
