package main

import (
	"context"
	"fmt"
	"io"

	"factdeck/quiz"
	"factdeck/quiz/pipeline"
	"factdeck/store"
)

// regenerateCmd extracts facts and makes questions again for stored
// articles, for instance after adding templates or upgrading factdeck.
// Questions people edited or deleted are kept as they were, and regenerated
// questions keep their IDs, so learners' progress survives.
func regenerateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlagSet("regenerate", "regenerate [-article ID] [flags]", stderr)
	c.register(fs)
	article := fs.Int64("article", 0, "only this article (default: every article)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "factdeck regenerate: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	st, err := store.Open(ctx, c.db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Config{TemplateDir: c.templates})
	if err != nil {
		return err
	}
	var articles []quiz.Article
	if *article != 0 {
		a, err := st.Article(ctx, *article)
		if err != nil {
			return err
		}
		articles = append(articles, a)
	} else {
		all, err := st.Articles(ctx, 0, 0)
		if err != nil {
			return err
		}
		for i := len(all) - 1; i >= 0; i-- {
			a, err := st.Article(ctx, all[i].ID) // with its body
			if err != nil {
				return err
			}
			articles = append(articles, a)
		}
	}
	results := make([]pipeline.Result, len(articles))
	errs := make([]error, len(articles))
	parallel(len(articles), func(i int) { results[i], errs[i] = p.ExtractArticle(ctx, articles[i]) })
	var all []quiz.Fact
	owner := []int{}
	for i := range results {
		all = append(all, results[i].Facts...)
		for range results[i].Facts {
			owner = append(owner, i)
		}
	}
	parallel(len(articles), func(i int) {
		if errs[i] == nil {
			results[i], errs[i] = p.Generate(ctx, results[i], poolFor(nil, all, owner, i))
		}
	})
	failed := 0
	for i, a := range articles {
		if errs[i] == nil {
			var rep store.RegenerateReport
			rep, errs[i] = st.ReplaceFacts(ctx, a.ID, results[i].Facts, results[i].Questions)
			if errs[i] == nil {
				fmt.Fprintf(stderr, "regenerated %d %s: %s\n", a.ID, a.Source, describe(rep))
				continue
			}
		}
		failed++
		fmt.Fprintf(stderr, "failed %d %s: %v\n", a.ID, a.Source, errs[i])
	}
	fmt.Fprintf(stdout, "regenerated %d, failed %d\n", len(articles)-failed, failed)
	if failed > 0 {
		return errFailed
	}
	return nil
}
