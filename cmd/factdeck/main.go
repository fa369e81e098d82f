// Command factdeck turns news articles into quizzes and flashcard decks.
//
//	factdeck [serve] [-addr 127.0.0.1:3000]   serve the quiz and flashcard web app
//	factdeck ingest PATH...             add articles from files, directories or URLs
//	factdeck export -format F [-o FILE] write a deck (apkg, anki, csv, quizlet, gift, json)
//	factdeck regenerate [-article ID]   make the questions of stored articles again
//	factdeck user add [-admin] EMAIL    create an account, the password read from stdin
//
// The database is -db PATH, else $FACTDECK_DB, else factdeck.db in the
// working directory; a postgres:// DSN selects PostgreSQL. On an empty
// database, serve first ingests the embedded seed articles.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"factdeck/quiz/pipeline"
	"factdeck/store"
)

const usage = `factdeck turns news articles into quizzes and flashcard decks.

Usage:
  factdeck [serve] [-addr 127.0.0.1:3000] serve the web app (ingests the seed articles into an empty database)
  factdeck ingest [flags] PATH...       add articles: .txt, .md and .html files, directories, http(s) URLs
  factdeck export -format F [-o FILE]   write a deck: apkg, anki, csv, quizlet, gift or json
  factdeck regenerate [-article ID]     extract facts and make questions again for stored articles
  factdeck parse [-conllu] [FILE|-]     write the syntactic analysis of an article (or of CoNLL-U) as CoNLL-U
  factdeck questions [-reserve] FILE    show the questions an article would get, storing nothing
  factdeck user add [-admin] EMAIL      create an account (password on stdin); user list, user role
  factdeck help [COMMAND]               show help

Every command takes -db PATH (default $FACTDECK_DB, else ./factdeck.db; a
postgres:// DSN selects PostgreSQL) and -templates DIR (extra question
templates). Run "factdeck COMMAND -h" for a command's flags.
`

// exitUsage is the exit status for a command line that cannot be run.
const exitUsage = 2

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// errUsage marks a command-line mistake; its message was already printed.
var errUsage = errors.New("usage")

// run executes one command line and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-') {
		cmd, args = args[0], args[1:]
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	var err error
	switch cmd {
	case "serve":
		err = serve(ctx, args, stderr, logger)
	case "ingest":
		err = ingestCmd(ctx, args, stdout, stderr)
	case "export":
		err = exportCmd(ctx, args, stdout, stderr)
	case "regenerate":
		err = regenerateCmd(ctx, args, stdout, stderr)
	case "parse":
		err = parseCmd(ctx, args, stdout, stderr)
	case "questions":
		err = questionsCmd(ctx, args, stdout, stderr)
	case "user":
		err = userCmd(ctx, args, os.Stdin, stdout, stderr)
	case "help":
		if len(args) > 0 {
			return run(ctx, []string{args[0], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	case "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "factdeck: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintf(stderr, "factdeck %s: %v\n", cmd, err)
		return 1
	}
}

// common holds the flags every command takes.
type common struct {
	db        string
	templates string
}

func (c *common) register(fs *flag.FlagSet) {
	def := os.Getenv("FACTDECK_DB")
	if def == "" {
		def = "factdeck.db"
	}
	fs.StringVar(&c.db, "db", def, "database: a SQLite file path or a postgres:// DSN (env FACTDECK_DB)")
	fs.StringVar(&c.templates, "templates", "", "directory of extra question templates (*.yaml) that add to or override the built-in ones")
}

// open opens the store and loads the pipeline that c names; the caller
// closes the store. Models the pipeline needs are configured here, from
// flags and environment, and nowhere else.
func (c *common) open(ctx context.Context) (*store.Store, *pipeline.Pipeline, error) {
	st, err := store.Open(ctx, c.db)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.New(pipeline.Config{TemplateDir: c.templates})
	if err != nil {
		_ = st.Close()
		return nil, nil, err
	}
	return st, p, nil
}

// noArgs refuses positional arguments to a command that takes none.
func noArgs(fs *flag.FlagSet, name string, stderr io.Writer) error {
	if fs.NArg() == 0 {
		return nil
	}
	fmt.Fprintf(stderr, "factdeck %s: unexpected argument %q\n", name, fs.Arg(0))
	fs.Usage()
	return errUsage
}

// newFlagSet returns a flag set that prints its usage to stderr and
// reports errors instead of exiting.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: factdeck %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, mapping a bad flag to errUsage (its message and the
// usage are already printed) and -h to flag.ErrHelp.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
