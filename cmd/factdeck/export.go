package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/export"
	"factdeck/store"
)

func exportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlagSet("export", "export -format FORMAT [-o FILE] [-article ID] [-type TYPE] [-reserve]", stderr)
	c.register(fs)
	format := fs.String("format", "", "apkg, anki, csv, quizlet, gift or json (default: from the -o extension, else json)")
	out := fs.String("o", "-", "output file; - is standard output")
	article := fs.Int64("article", 0, "only this article's questions")
	types := fs.String("type", "", "only these question types, comma-separated: multiple_choice, cloze, short_answer, true_false")
	reserve := fs.Bool("reserve", false, "add the reserve questions (candidates ranked below the default decks)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "factdeck export: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	name := *format
	if name == "" {
		name = "json"
		if ext := strings.TrimPrefix(filepath.Ext(*out), "."); *out != "-" && ext != "" {
			name = ext
		}
	}
	f, err := export.ParseFormat(name)
	if err != nil {
		fmt.Fprintf(stderr, "factdeck export: %v\n", err)
		return errUsage
	}
	sel := store.Selection{ArticleID: *article, WithReserve: *reserve}
	if *types != "" {
		for _, t := range strings.Split(*types, ",") {
			qt := quiz.QuestionType(strings.TrimSpace(t))
			if !qt.Valid() {
				fmt.Fprintf(stderr, "factdeck export: unknown question type %q\n", t)
				return errUsage
			}
			sel.Types = append(sel.Types, qt)
		}
	}
	st, err := store.Open(ctx, c.db)
	if err != nil {
		return err
	}
	defer st.Close()
	deck, err := st.Deck(ctx, sel)
	if err != nil {
		return err
	}
	if *out == "-" {
		if f == export.APKG && isTerminal(stdout) {
			return errors.New("an .apkg is binary: give -o FILE")
		}
		return export.Write(stdout, f, deck)
	}
	return writeFile(*out, func(w io.Writer) error { return export.Write(w, f, deck) })
}

// writeFile writes through a temporary file renamed into place, so that a
// failed export leaves no half-written file behind.
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".factdeck-export-*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
