// Package pipeline is the ingest use case: raw pages are cleaned
// (quiz/clean), their facts extracted (quiz/extract), compared with the
// facts of other articles about the same story (quiz/merge) and made into
// questions (quiz/generate). It returns values and never stores anything:
// every door an article comes in by (the CLI's ingest and regenerate, the
// first-run seeding, the web's "add article") runs one Batch and saves its
// result with one store call, so that the same input makes the same
// questions whichever door it came in by.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/clean"
	"factdeck/quiz/coref"
	"factdeck/quiz/extract"
	"factdeck/quiz/generate"
	"factdeck/quiz/lexicon"
	"factdeck/quiz/merge"
	"factdeck/quiz/ner"
	"factdeck/quiz/salience"
	"factdeck/quiz/syntax"
)

// Config configures a Pipeline. Models are loaded by the caller (cmd) and
// passed in, so that a new model is one more field here.
type Config struct {
	// TemplateDir, when set, holds question templates (*.yaml) that add to
	// or override the embedded ones.
	TemplateDir string
	// Model is the named-entity model; when nil the embedded one is loaded.
	Model *ner.Model
	// Syntax is the parser; when nil the embedded one is loaded.
	Syntax *syntax.Model
	// Lexicon holds the word lists; when nil the embedded ones are loaded.
	Lexicon *lexicon.Lexicon
	// Coref resolves pronouns; when nil the embedded model is loaded.
	Coref *coref.Model
	// Salience weighs what a story is about; when nil the embedded model
	// is loaded.
	Salience *salience.Model
}

// Pipeline turns raw pages into articles, facts and questions. It is safe
// for concurrent use.
type Pipeline struct {
	extractor *extract.Extractor
	generator *generate.Generator
}

// Document is one raw input: a page's bytes (Raw, or else Read, called by
// the batch in parallel with the others, for files and URLs), where it came
// from, and optionally a title a person typed, which is used as is. Stored
// is set instead to make a stored article's facts and questions again
// (regeneration); its ID is kept.
type Document struct {
	Source string
	Title  string
	Raw    []byte
	Read   func(ctx context.Context) ([]byte, error)
	Stored *quiz.Article
}

// Pool is what a batch reads of the articles already stored. The store
// implements it; a batch calls each method once per batch or per article.
type Pool interface {
	// Known returns the IDs of the stored articles with these content
	// hashes.
	Known(ctx context.Context, hashes []string) (map[string]int64, error)
	// PoolFacts returns up to limit facts of stored articles, newest
	// first, leaving out the articles exclude: distractors come from their
	// sides and kinds, which are all the facts need to carry.
	PoolFacts(ctx context.Context, limit int, exclude []int64) ([]quiz.Fact, error)
	// Related returns up to limit stored articles naming at least two of
	// the entities (see merge.Entities), leaving out exclude: the
	// candidates for the same story. With them come each one's entities
	// by article ID (merge.Entities of its facts, as stored with them,
	// sorted) and those of their facts whose Key is one of keys: a
	// comparison reads no others.
	Related(ctx context.Context, entities, keys []string, exclude []int64, limit int) ([]quiz.Article, map[int64][]string, []quiz.Fact, error)
}

// Options tune a batch.
type Options struct {
	// Force makes articles already stored again instead of skipping them.
	Force bool
	// Now is when new articles are ingested (their IngestedAt); the zero
	// time leaves it to the store.
	Now time.Time
}

// Bounds of a batch's reads, so that ingest costs the same with ten stored
// articles or ten thousand.
const (
	// PoolCap bounds the stored facts an article draws distractors from.
	PoolCap = 5000
	// relatedCap bounds the stored articles an article is compared with.
	relatedCap = 20
)

// New loads the model and the templates.
func New(cfg Config) (*Pipeline, error) {
	m := cfg.Model
	if m == nil {
		var err error
		if m, err = ner.Load(); err != nil {
			return nil, fmt.Errorf("pipeline: load entity model: %w", err)
		}
	}
	syn := cfg.Syntax
	if syn == nil {
		var err error
		if syn, err = syntax.Load(); err != nil {
			return nil, fmt.Errorf("pipeline: load parser: %w", err)
		}
	}
	lx := cfg.Lexicon
	if lx == nil {
		lx = lexicon.Load()
	}
	g, err := generate.New(generate.Config{TemplateDir: cfg.TemplateDir, Lexicon: lx, Syntax: syn})
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	cr := cfg.Coref
	if cr == nil {
		var err error
		if cr, err = coref.Load(); err != nil {
			return nil, fmt.Errorf("pipeline: load pronoun model: %w", err)
		}
	}
	sal := cfg.Salience
	if sal == nil {
		var err error
		if sal, err = salience.Load(); err != nil {
			return nil, fmt.Errorf("pipeline: load salience model: %w", err)
		}
	}
	x, err := extract.New(extract.Config{Lexicon: lx, NER: m, Syntax: syn, Coref: cr, Salience: sal})
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	return &Pipeline{extractor: x, generator: g}, nil
}

// Batch makes the articles of docs, in order: each cleaned and its facts
// extracted (in parallel), compared with the stored articles and the
// earlier articles of the batch about the same story, and made into
// questions with distractors from the stored articles and the rest of the
// batch. A document whose article is stored already (or repeats an earlier
// one of the batch) gets an Err of kind quiz.ErrDuplicate unless
// opt.Force; bad input gets its own Err. The error is for the batch as a
// whole: the pool failed or ctx ended.
func (p *Pipeline) Batch(ctx context.Context, docs []Document, pool Pool, opt Options) ([]quiz.Ingested, error) {
	out := make([]quiz.Ingested, len(docs))
	analyses := make([]*extract.Analysis, len(docs))
	parallel(len(docs), func(i int) {
		out[i], analyses[i] = p.extract(ctx, docs[i])
		if out[i].Err == nil && out[i].Article.IngestedAt.IsZero() {
			out[i].Article.IngestedAt = opt.Now
		}
	})
	if err := ctx.Err(); err != nil {
		return out, err
	}
	hashes := make([]string, 0, len(docs))
	for _, r := range out {
		if r.Err == nil {
			hashes = append(hashes, r.Article.Hash)
		}
	}
	known, err := pool.Known(ctx, hashes)
	if err != nil {
		return out, fmt.Errorf("pipeline: %w", err)
	}
	var exclude []int64
	seen := map[string]bool{}
	for i := range out {
		r := &out[i]
		if r.Err != nil {
			continue
		}
		h := r.Article.Hash
		id, stored := known[h]
		switch {
		case seen[h]:
			r.Err = quiz.Errorf(quiz.ErrDuplicate, "This article is given twice.")
		case r.Article.ID != 0: // regenerating a stored article
			exclude = append(exclude, r.Article.ID)
		case stored && !opt.Force:
			r.Err = quiz.Errorf(quiz.ErrDuplicate, "This article is already in factdeck.")
		case stored:
			r.Article.ID = id
			exclude = append(exclude, id)
		}
		seen[h] = true
	}
	stored, err := pool.PoolFacts(ctx, PoolCap, exclude)
	if err != nil {
		return out, fmt.Errorf("pipeline: %w", err)
	}
	if err := p.compare(ctx, out, pool, exclude); err != nil {
		return out, err
	}
	// One distractor pool for the batch: the batch's own facts first, then
	// the stored ones. An article's own values come first anyway, so that
	// it does not matter that they are in the pool too.
	gp := generate.NewPool(PoolCap, nil)
	for _, r := range out {
		if r.Err == nil {
			gp.Add(r.Facts)
		}
	}
	gp.Add(stored)
	parallel(len(out), func(i int) {
		if out[i].Err == nil {
			out[i] = p.generate(out[i], analyses[i], gp)
		}
	})
	return out, ctx.Err()
}

// extract cleans one document, analyses it and extracts its facts,
// numbered 1..n.
func (p *Pipeline) extract(ctx context.Context, doc Document) (quiz.Ingested, *extract.Analysis) {
	r := quiz.Ingested{Source: doc.Source}
	if err := ctx.Err(); err != nil {
		r.Err = err
		return r, nil
	}
	if doc.Stored != nil {
		r.Article = *doc.Stored
		r.Source = r.Article.Source
	} else {
		if doc.Raw == nil && doc.Read != nil {
			raw, err := doc.Read(ctx)
			if err != nil {
				r.Err = err
				return r, nil
			}
			doc.Raw = raw
		}
		a, err := clean.Article(doc.Raw, doc.Source)
		if doc.Title != "" {
			a, err = clean.Titled(doc.Title, doc.Raw, doc.Source)
		}
		if err != nil {
			r.Err = err
			return r, nil
		}
		r.Article = a
	}
	an := p.extractor.Analyze(r.Article)
	r.Facts = an.Facts
	for i := range r.Facts {
		r.Facts[i].ID = int64(i + 1)
		r.Facts[i].ArticleID = 0
		if len(r.Facts[i].Sources) == 0 {
			r.Facts[i].Sources = []string{r.Article.Source}
		}
	}
	return r, an
}

// compare finds, for each article of the batch, the facts of stored
// articles and of earlier articles of the batch about the same story that
// answer its questions the same way (their sources are added and the
// fact's confidence raised a little) or differently (a conflict link).
func (p *Pipeline) compare(ctx context.Context, out []quiz.Ingested, pool Pool, exclude []int64) error {
	type sibling struct {
		index int
		art   merge.Article
	}
	var earlier []sibling
	for i := range out {
		r := &out[i]
		if r.Err != nil {
			continue
		}
		entities := merge.Entities(r.Facts)
		arts, ents, facts, err := pool.Related(ctx, entities, keys(r.Facts), exclude, relatedCap)
		if err != nil {
			return fmt.Errorf("pipeline: %w", err)
		}
		byArticle := map[int64][]quiz.Fact{}
		for _, f := range facts {
			byArticle[f.ArticleID] = append(byArticle[f.ArticleID], f)
		}
		others := make([]merge.Article, 0, len(arts)+len(earlier))
		for _, a := range arts {
			others = append(others, merge.Article{ID: a.ID, Source: a.Source, IngestedAt: a.IngestedAt,
				Entities: ents[a.ID], Facts: byArticle[a.ID]})
		}
		for _, s := range earlier {
			others = append(others, s.art)
		}
		byID := make(map[int64]int, len(r.Facts))
		for j, f := range r.Facts {
			byID[f.ID] = j
		}
		for _, m := range merge.Compare(r.Facts, entities, r.Article.IngestedAt, others) {
			f := &r.Facts[byID[m.Fact]]
			if m.Agree {
				if src := others[m.Other].Source; src != "" && !contains(f.Sources, src) {
					f.Sources = append(f.Sources, src)
					f.Confidence = min(1, f.Confidence+0.05)
				}
				continue
			}
			l := quiz.Link{Fact: m.Fact}
			if k := m.Other - len(arts); k >= 0 {
				l.Sibling, l.SiblingFact = earlier[k].index, m.OtherFact
			} else {
				l.Other = m.OtherFact
			}
			r.Conflicts = append(r.Conflicts, l)
		}
		earlier = append(earlier, sibling{index: i, art: merge.Article{Source: r.Article.Source,
			IngestedAt: r.Article.IngestedAt, Entities: entities, Facts: r.Facts}})
	}
	return nil
}

// keys returns the distinct keys of facts, sorted: merge.Compare meets a
// fact only with other articles' facts of its key.
func keys(facts []quiz.Fact) []string {
	out := make([]string, 0, len(facts))
	for _, f := range facts {
		if f.Key != "" {
			out = append(out, f.Key)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// generate makes the questions of r from its analysis, drawing on pool.
func (p *Pipeline) generate(r quiz.Ingested, an *extract.Analysis, pool *generate.Pool) quiz.Ingested {
	an.Doc.Article.ID = r.Article.ID
	r.Questions = p.generator.Questions(an, pool)
	known := make(map[int64]bool, len(r.Facts))
	for _, f := range r.Facts {
		known[f.ID] = true
	}
	for i, q := range r.Questions {
		if q.FactID != 0 && !known[q.FactID] {
			r.Err = fmt.Errorf("pipeline: question %d names unknown fact %d", i, q.FactID)
			return r
		}
	}
	return r
}

// parallel calls f(0..n-1) on as many goroutines as there are CPUs.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Candidates returns every question the generator makes of one document,
// served or not, each with the features the acceptability ranker weighs.
// Nothing is compared with other articles and the distractor pool is the
// article's own: the ranker is trained on what a question asks and how.
func (p *Pipeline) Candidates(ctx context.Context, doc Document) ([]generate.Candidate, error) {
	r, an := p.extract(ctx, doc)
	if r.Err != nil {
		return nil, r.Err
	}
	an.Doc.Article.ID = r.Article.ID
	return p.generator.Candidates(an, nil), nil
}
