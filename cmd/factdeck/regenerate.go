package main

import (
	"context"
	"fmt"
	"io"

	"factdeck/quiz"
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
	if err := noArgs(fs, "regenerate", stderr); err != nil {
		return err
	}
	st, p, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
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
	docs := make([]doc, len(articles))
	for i := range articles {
		a := &articles[i]
		docs[i] = doc{source: a.Source, stored: a}
	}
	outs, err := ingest(ctx, st, p, docs, true, func() {})
	if err != nil {
		return err
	}
	failed := 0
	for i, o := range outs {
		a := articles[i]
		if o.err == nil {
			fmt.Fprintf(stderr, "regenerated %d %s: %s\n", a.ID, a.Source, describe(o.report))
			continue
		}
		failed++
		fmt.Fprintf(stderr, "failed %d %s: %v\n", a.ID, a.Source, o.err)
	}
	fmt.Fprintf(stdout, "regenerated %d, failed %d\n", len(articles)-failed, failed)
	if failed > 0 {
		return errFailed
	}
	return nil
}
