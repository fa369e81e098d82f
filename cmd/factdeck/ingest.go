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
	"runtime"
	"strings"
	"sync"
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

// doc is one input: where it came from and how to read it.
type doc struct {
	source string
	read   func(ctx context.Context) ([]byte, error)
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
	st, err := store.Open(ctx, c.db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Config{TemplateDir: c.templates})
	if err != nil {
		return err
	}
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

// chunk is how many articles are extracted before their questions are made
// and stored; within a chunk every article draws distractors from all the
// others, and a crash loses at most one chunk of work.
const chunk = 64

// poolCap bounds the facts an article draws distractors from, so that a
// large database does not make every ingest slower.
const poolCap = 5000

// describe says what regeneration did to an article's questions.
func describe(r store.RegenerateReport) string {
	return fmt.Sprintf("%d questions added, %d updated, %d retired, %d edited and %d deleted by people kept as they were",
		r.Added, r.Updated, r.Retired, r.KeptEdited, r.KeptDeleted)
}

// ingest runs the pipeline over docs and stores each article with its facts
// and questions in one transaction. Articles already stored are skipped, or
// with force have their facts and questions regenerated (store.ReplaceFacts).
// done is called once per doc. The returned error is for the run as a whole
// (the database failed, the context ended); each doc's fate is in its
// outcome.
func ingest(ctx context.Context, st *store.Store, p *pipeline.Pipeline, docs []doc, force bool, done func()) ([]outcome, error) {
	pool, err := st.Facts(ctx, 0)
	if err != nil {
		return nil, err
	}
	outs := make([]outcome, 0, len(docs))
	seen := make(map[string]bool)
	for lo := 0; lo < len(docs); lo += chunk {
		hi := min(lo+chunk, len(docs))
		batch := docs[lo:hi]
		results := make([]pipeline.Result, len(batch))
		errs := make([]error, len(batch))
		parallel(len(batch), func(i int) {
			raw, err := batch[i].read(ctx)
			if err == nil {
				results[i], err = p.Extract(ctx, pipeline.Document{Raw: raw, Source: batch[i].source})
			}
			errs[i] = err
		})
		// Drop duplicates before making questions: stored ones and repeats
		// within the run.
		skip := make([]bool, len(batch))
		regen := make([]int64, len(batch)) // stored article to regenerate
		for i := range batch {
			if errs[i] != nil {
				continue
			}
			h := results[i].Article.Hash
			has, err := st.HasArticle(ctx, h)
			if err != nil {
				return outs, err
			}
			skip[i] = has || seen[h]
			if has && force && !seen[h] {
				stored, err := st.ArticleByHash(ctx, h)
				if err != nil {
					return outs, err
				}
				regen[i], skip[i] = stored.ID, false
			}
			seen[h] = true
		}
		var batchFacts []quiz.Fact
		owner := []int{}
		for i := range batch {
			if errs[i] == nil && !skip[i] {
				batchFacts = append(batchFacts, results[i].Facts...)
				for range results[i].Facts {
					owner = append(owner, i)
				}
			}
		}
		stored := pool
		if force {
			// Articles being regenerated are in the batch: their stored
			// facts must not corroborate themselves.
			again := map[int64]bool{}
			for _, id := range regen {
				again[id] = id != 0
			}
			stored = make([]quiz.Fact, 0, len(pool))
			for _, f := range pool {
				if !again[f.ArticleID] {
					stored = append(stored, f)
				}
			}
		}
		parallel(len(batch), func(i int) {
			if errs[i] != nil || skip[i] {
				return
			}
			others := poolFor(stored, batchFacts, owner, i)
			results[i], errs[i] = p.Generate(ctx, results[i], others)
		})
		for i := range batch {
			o := outcome{source: batch[i].source, err: errs[i], skipped: skip[i]}
			if o.err == nil && regen[i] != 0 {
				r := results[i]
				o.report, o.err = st.ReplaceFacts(ctx, regen[i], r.Facts, r.Questions)
				o.regenerated = o.err == nil
				outs = append(outs, o)
				done()
				continue
			}
			if o.err == nil && !o.skipped {
				r := results[i]
				a, facts, _, err := st.CreateArticle(ctx, r.Article, r.Facts, r.Questions)
				switch {
				case errors.Is(err, quiz.ErrDuplicate):
					o.skipped = true
				case err != nil && ctx.Err() != nil:
					return outs, ctx.Err()
				case err != nil:
					o.err = err
				default:
					o.article = a
					pool = append(pool, facts...)
				}
			}
			outs = append(outs, o)
			done()
		}
		if err := ctx.Err(); err != nil {
			return outs, err
		}
	}
	return outs, nil
}

// poolFor returns the facts article i may draw on: the stored ones and the
// rest of its batch, capped at poolCap, nearest first.
func poolFor(stored, batch []quiz.Fact, owner []int, i int) []quiz.Fact {
	out := make([]quiz.Fact, 0, min(poolCap, len(stored)+len(batch)))
	for j, f := range batch {
		if owner[j] != i && len(out) < poolCap {
			f.ID = 0 // provisional IDs repeat across articles
			out = append(out, f)
		}
	}
	for j := len(stored) - 1; j >= 0 && len(out) < poolCap; j-- {
		out = append(out, stored[j])
	}
	return out
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
