package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"factdeck/quiz"
	"factdeck/quiz/clean"
	"factdeck/quiz/pipeline"
	"factdeck/store"

	"github.com/schollz/progressbar/v3"
)

// errFailed reports that some inputs failed; each was already reported.
var errFailed = errors.New("some inputs failed")

// ingestible lists the file extensions ingest takes from directories.
var ingestible = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// doc is one input: where it came from and how to read it, or a stored
// article to make again.
type doc struct {
	source string
	read   func(ctx context.Context) ([]byte, error)
	stored *quiz.Article
}

// outcome is what became of one doc.
type outcome struct {
	source      string
	article     quiz.Article
	skipped     bool
	regenerated bool
	report      store.RegenerateReport
	err         error
}

func ingestCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlagSet("ingest", "ingest [flags] PATH...", stderr)
	c.register(fs)
	quiet := fs.Bool("q", false, "no progress bar")
	force := fs.Bool("force", false, "articles already stored are processed again: their facts and questions are regenerated, keeping questions people edited or deleted")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "factdeck ingest: no PATH given")
		fs.Usage()
		return errUsage
	}
	docs, failed := collect(fs.Args())
	st, p, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	var bar *progressbar.ProgressBar
	if len(docs) > 3 && !*quiet {
		bar = progressbar.NewOptions(len(docs), progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("ingesting"), progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	outs, err := ingest(ctx, st, p, docs, *force, func() {
		if bar != nil {
			_ = bar.Add(1)
		}
	})
	if bar != nil {
		_ = bar.Finish()
	}
	if err != nil {
		return err
	}
	outs = append(failed, outs...)
	var n, skipped, nfailed, regenerated int
	for _, o := range outs {
		switch {
		case o.err != nil:
			nfailed++
			fmt.Fprintf(stderr, "failed %s: %v\n", o.source, o.err)
		case o.regenerated:
			regenerated++
			fmt.Fprintf(stderr, "regenerated %s: %s\n", o.source, describe(o.report))
		case o.skipped:
			skipped++
			fmt.Fprintf(stderr, "skipped %s: already stored\n", o.source)
		default:
			n++
		}
	}
	if *force {
		fmt.Fprintf(stdout, "ingested %d, regenerated %d, skipped %d, failed %d\n", n, regenerated, skipped, nfailed)
	} else {
		fmt.Fprintf(stdout, "ingested %d, skipped %d, failed %d\n", n, skipped, nfailed)
	}
	if nfailed > 0 {
		return errFailed
	}
	return nil
}

// collect expands the command-line paths into docs; paths that cannot be
// used become failed outcomes.
func collect(paths []string) (docs []doc, failed []outcome) {
	for _, p := range paths {
		if strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
			docs = append(docs, urlDoc(p))
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			failed = append(failed, outcome{source: p, err: reason(err)})
			continue
		}
		if !info.IsDir() {
			if ext := strings.ToLower(filepath.Ext(p)); ext != "" && !ingestible[ext] {
				failed = append(failed, outcome{source: p, err: fmt.Errorf("unsupported file type %s (want .txt, .md or .html)", ext)})
				continue
			}
			docs = append(docs, fileDoc(p))
			continue
		}
		var found []doc
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failed = append(failed, outcome{source: path, err: reason(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if ingestible[strings.ToLower(filepath.Ext(path))] {
				found = append(found, fileDoc(path))
			}
			return nil
		})
		if err != nil {
			failed = append(failed, outcome{source: p, err: reason(err)})
		}
		if len(found) == 0 {
			failed = append(failed, outcome{source: p, err: errors.New("directory holds no .txt, .md or .html files")})
		}
		docs = append(docs, found...)
	}
	return docs, failed
}

// reason shortens an os error to its cause: the path is printed beside it.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read: %w", pe.Err)
	}
	return err
}

func fileDoc(p string) doc {
	return doc{source: p, read: func(context.Context) ([]byte, error) {
		f, err := os.Open(p)
		if err != nil {
			return nil, reason(err)
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.Size() > clean.MaxBytes {
			return nil, fmt.Errorf("too large: %.1f MB, the limit is %d MB: %w", float64(info.Size())/(1<<20), clean.MaxBytes>>20, quiz.ErrInvalid)
		}
		b, err := io.ReadAll(io.LimitReader(f, clean.MaxBytes+1))
		if err != nil {
			return nil, reason(err)
		}
		return b, nil
	}}
}

func seedDocs(fsys fs.FS) ([]doc, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list seeds: %w", err)
	}
	docs := make([]doc, len(names))
	for i, name := range names {
		docs[i] = doc{source: path.Join("seeds", name), read: func(context.Context) ([]byte, error) {
			return fs.ReadFile(fsys, name)
		}}
	}
	return docs, nil
}

func urlDoc(u string) doc {
	return doc{source: u, read: func(ctx context.Context) ([]byte, error) {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("User-Agent", "factdeck")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("fetch: %s", resp.Status)
		}
		b, err := io.ReadAll(io.LimitReader(resp.Body, clean.MaxBytes+1))
		if err != nil {
			return nil, fmt.Errorf("fetch: %w", err)
		}
		return b, nil
	}}
}

// chunk is how many articles go through the pipeline and the store
// together: within a chunk every article draws distractors from the others
// and is compared with them, and a crash loses at most one chunk of work.
const chunk = 64

// describe says what regeneration did to an article's questions.
func describe(r store.RegenerateReport) string {
	return fmt.Sprintf("%d questions added, %d updated, %d retired, %d edited and %d deleted by people kept as they were",
		r.Added, r.Updated, r.Retired, r.KeptEdited, r.KeptDeleted)
}

// ingest reads docs and runs them, a chunk at a time, through the one
// ingest path: pipeline.Batch, then store.Save. Articles already stored are
// skipped, or with force made again. done is called once per doc. The
// returned error is for the run as a whole (the database failed, the
// context ended); each doc's fate is in its outcome.
func ingest(ctx context.Context, st *store.Store, p *pipeline.Pipeline, docs []doc, force bool, done func()) ([]outcome, error) {
	outs := make([]outcome, 0, len(docs))
	for lo := 0; lo < len(docs); lo += chunk {
		batch := docs[lo:min(lo+chunk, len(docs))]
		pdocs := make([]pipeline.Document, len(batch))
		for i, d := range batch {
			pdocs[i] = pipeline.Document{Source: d.source, Read: d.read, Stored: d.stored}
		}
		saved, err := save(ctx, st, p, pdocs, force)
		if err != nil {
			return outs, err
		}
		for i, sv := range saved {
			o := outcome{source: batch[i].source, article: sv.Article, skipped: sv.Skipped,
				regenerated: sv.Regenerated, report: sv.Report}
			if !sv.Skipped {
				o.err = sv.Err
			}
			outs = append(outs, o)
			done()
		}
	}
	return outs, nil
}

// save runs docs through the pipeline and stores the result.
func save(ctx context.Context, st *store.Store, p *pipeline.Pipeline, docs []pipeline.Document, force bool) ([]store.Saved, error) {
	items, err := p.Batch(ctx, docs, st, pipeline.Options{Force: force, Now: time.Now().UTC()})
	if err != nil {
		return nil, err
	}
	return st.Save(ctx, items, force)
}
