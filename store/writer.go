package store

// This file holds the SQLite writer: answers and new quizzes from every
// request are queued to one goroutine that runs them in batches, one
// transaction per batch and a savepoint per job, so that a commit's cost is
// shared and writers wait in a queue instead of sleeping in SQLite's busy
// handler. A job's results reach its caller only after the commit. On
// PostgreSQL every job is its own transaction: row locks, not one writer,
// keep servers apart there.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// maxBatch caps the jobs of one writer transaction.
const maxBatch = 64

// errClosed is the error of a write queued after the store closed.
var errClosed = errors.New("store closed")

// txFunc is one job: statements run in transaction tx. An error undoes
// this job's statements only.
type txFunc func(ctx context.Context, tx *sql.Tx) error

type writeJob struct {
	ctx  context.Context
	fn   txFunc
	done chan error
}

// batcher runs the jobs queued on jobs on db, a pool of one connection.
type batcher struct {
	db   *sql.DB
	jobs chan *writeJob
	quit chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

func newBatcher(db *sql.DB) *batcher {
	b := &batcher{db: db, jobs: make(chan *writeJob), quit: make(chan struct{})}
	b.wg.Add(1)
	go b.run()
	return b
}

// do queues fn and waits until its batch is committed or undone.
func (b *batcher) do(ctx context.Context, fn txFunc) error {
	j := &writeJob{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case b.jobs <- j:
	case <-ctx.Done():
		return ctx.Err()
	case <-b.quit:
		return errClosed
	}
	return <-j.done
}

func (b *batcher) run() {
	defer b.wg.Done()
	for {
		var batch []*writeJob
		select {
		case j := <-b.jobs:
			batch = append(batch, j)
		case <-b.quit:
			return
		}
	fill:
		for len(batch) < maxBatch {
			select {
			case j := <-b.jobs:
				batch = append(batch, j)
			default:
				break fill
			}
		}
		b.commit(batch)
	}
}

// commit runs a batch in one transaction, each job under a savepoint, and
// tells every job its outcome once the transaction ends.
func (b *batcher) commit(batch []*writeJob) {
	errs := make([]error, len(batch))
	finish := func(all error) {
		for i, j := range batch {
			if all != nil && errs[i] == nil {
				errs[i] = all
			}
			j.done <- errs[i]
		}
	}
	// Statements run without the request's cancellation: interrupting
	// SQLite inside a transaction would undo the whole batch.
	ctx := context.Background()
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		finish(fmt.Errorf("begin: %w", err))
		return
	}
	for i, j := range batch {
		if err := j.ctx.Err(); err != nil {
			errs[i] = err
			continue
		}
		if _, err := tx.ExecContext(ctx, "SAVEPOINT job"); err != nil {
			_ = tx.Rollback()
			finish(fmt.Errorf("savepoint: %w", err))
			return
		}
		if errs[i] = runJob(j, tx); errs[i] != nil {
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO job"); err != nil {
				_ = tx.Rollback()
				finish(fmt.Errorf("rollback to savepoint: %w", err))
				return
			}
		}
		if _, err := tx.ExecContext(ctx, "RELEASE job"); err != nil {
			_ = tx.Rollback()
			finish(fmt.Errorf("release savepoint: %w", err))
			return
		}
	}
	if err := tx.Commit(); err != nil {
		finish(fmt.Errorf("commit: %w", err))
		return
	}
	finish(nil)
}

// runJob runs one job's statements; a panic fails that job, not the
// writer.
func runJob(j *writeJob, tx *sql.Tx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("write job panicked: %v", r)
		}
	}()
	return j.fn(context.WithoutCancel(j.ctx), tx)
}

// close stops the writer after the batch it runs.
func (b *batcher) close() {
	b.once.Do(func() { close(b.quit) })
	b.wg.Wait()
}

// inTx runs fn in a write transaction: queued to the batcher on SQLite, in
// a transaction of its own on PostgreSQL.
func (r *rawDB) inTx(ctx context.Context, fn txFunc) error {
	if r.batch != nil {
		return r.batch.do(ctx, fn)
	}
	tx, err := r.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	if err := fn(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
