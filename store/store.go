// Package store persists factdeck's articles, facts, questions and learning
// records with gorm: SQLite by default, PostgreSQL when the DSN names one.
// It is the only package that imports gorm.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"factdeck/quiz"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store is factdeck's database. It is safe for concurrent use.
type Store struct {
	db      *gorm.DB
	dialect string
	// raw runs the hot paths by hand (hotpath.go).
	raw *rawDB
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than a
// SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") ||
		strings.HasPrefix(dsn, "host=")
}

// Open opens (creating if needed) the database named by dsn and migrates its
// schema. A dsn starting with postgres:// (or host=) opens PostgreSQL;
// anything else is a SQLite file path, opened in WAL mode with a busy
// timeout and immediate write transactions so that concurrent writers wait
// for each other instead of failing with "database is locked".
func Open(ctx context.Context, dsn string) (*Store, error) {
	if dsn == "" {
		return nil, fmt.Errorf("open store: empty database path: %w", quiz.ErrInvalid)
	}
	// Prepared statements are kept (an LRU of 1,000, since "IN ?" lists
	// make many forms of one query): parsing the SQL of every query was a
	// quarter of a quiz page's time.
	cfg := &gorm.Config{Logger: logger.Discard, TranslateError: true, PrepareStmt: true, PrepareStmtMaxSize: 1000,
		PrepareStmtTTL: time.Hour, NowFunc: func() time.Time { return time.Now().UTC() }}
	var (
		db      *gorm.DB
		err     error
		dialect string
	)
	if IsPostgres(dsn) {
		dialect = "postgres"
		db, err = gorm.Open(postgres.Open(dsn), cfg)
	} else {
		dialect = "sqlite"
		if dir := filepath.Dir(dsn); dir != "" {
			if st, serr := os.Stat(dir); serr != nil || !st.IsDir() {
				return nil, fmt.Errorf("open store %s: directory %s does not exist", dsn, dir)
			}
		}
		db, err = gorm.Open(sqlite.Open(sqliteDSN(dsn)), cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if dialect == "sqlite" {
		// WAL allows many readers beside one writer; more connections than
		// that only queue on the write lock.
		sqlDB.SetMaxOpenConns(8)
	} else {
		// Several servers share one PostgreSQL (100 connections by
		// default): 16 each leaves room for five.
		sqlDB.SetMaxOpenConns(16)
		sqlDB.SetMaxIdleConns(16)
	}
	if err := sqlDB.PingContext(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	s := &Store{db: db, dialect: dialect, raw: &rawDB{read: sqlDB, write: sqlDB, postgres: dialect == "postgres",
		translate: func(err error) error { return err }}}
	if t, ok := db.Dialector.(gorm.ErrorTranslator); ok {
		s.raw.translate = t.Translate
	}
	if dialect == "sqlite" {
		// The answer transaction runs on a writer of its own: one
		// connection, so that answers queue in Go instead of in SQLite's
		// busy handler, which sleeps up to 100 ms between tries.
		w, err := sql.Open("sqlite3", sqliteDSN(dsn))
		if err != nil {
			_ = sqlDB.Close()
			return nil, fmt.Errorf("open store %s: writer: %w", dsn, err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		w.SetConnMaxIdleTime(0)
		s.raw.write = w
		s.raw.batch = newBatcher(w)
	}
	err = s.migrate(ctx)
	if err == nil {
		err = s.raw.prepare(ctx)
	}
	if err != nil {
		s.raw.close()
		_ = sqlDB.Close()
		return nil, err
	}
	return s, nil
}

func sqliteDSN(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "1")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// redact hides a PostgreSQL password in error messages.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxx")
			return u.String()
		}
	}
	return dsn
}

// Dialect returns "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// Close closes the database.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	s.raw.close()
	if err := sqlDB.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// migrationLock is the PostgreSQL advisory lock key held while the schema
// is migrated ("factdeck" in ASCII), so that servers starting together
// migrate one after the other instead of racing.
const migrationLock = 0x6661637464656b

// migrate brings the schema up to date, once however many servers start
// together: under an advisory lock on PostgreSQL, in one immediate (write
// locked) transaction on SQLite. Then it fills the counts of articles
// stored before they were kept.
func (s *Store) migrate(ctx context.Context) error {
	models := append(append(coreModels(), learningModels()...), accountModels()...)
	run := func(db *gorm.DB) error {
		db = db.Session(&gorm.Session{NewDB: true})
		if err := db.AutoMigrate(models...); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if s.dialect != "postgres" {
			// SQLite keeps an article's text in its row, so a page of the
			// article list read pages of text it does not show; this index
			// holds the listed columns (summaryCols) in ID order, and the
			// quiz draw's probes (n_questions) with them. PostgreSQL keeps
			// long text apart already.
			if err := db.Exec(listingIndex).Error; err != nil {
				return fmt.Errorf("migrate: listing index: %w", err)
			}
		}
		// Every start looks for articles not yet counted (below); this
		// index holds only those, so that the look is not a scan of the
		// whole table.
		if err := db.Exec(uncountedIndex).Error; err != nil {
			return fmt.Errorf("migrate: uncounted index: %w", err)
		}
		if err := db.Exec(listedIndex).Error; err != nil {
			return fmt.Errorf("migrate: listed questions index: %w", err)
		}
		for _, d := range dropIndexes {
			if m := db.Migrator(); m.HasIndex(d.model, d.name) {
				if err := m.DropIndex(d.model, d.name); err != nil {
					return fmt.Errorf("migrate: drop index %s: %w", d.name, err)
				}
			}
		}
		if err := initTotals(db); err != nil {
			return fmt.Errorf("migrate totals: %w", err)
		}
		if err := backfillNotes(db); err != nil {
			return err
		}
		var ids []int64
		if err := db.Model(&articleRow{}).Where("counted = false").Pluck("id", &ids).Error; err != nil {
			return fmt.Errorf("migrate counts: %w", err)
		}
		for _, id := range ids {
			err := db.Transaction(func(tx *gorm.DB) error {
				var facts []factRow
				if err := tx.Where("article_id = ?", id).Find(&facts).Error; err != nil {
					return err
				}
				fs := make([]quiz.Fact, len(facts))
				for i, f := range facts {
					fs[i] = f.domain()
				}
				if err := saveEntities(tx, id, fs); err != nil {
					return err
				}
				return refreshArticle(tx, id)
			})
			if err != nil {
				return fmt.Errorf("migrate counts: %w", err)
			}
		}
		return nil
	}
	db := s.db.WithContext(ctx)
	if s.dialect != "postgres" {
		return db.Transaction(run)
	}
	return db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("SELECT pg_advisory_lock(?)", migrationLock).Error; err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
		defer conn.Exec("SELECT pg_advisory_unlock(?)", migrationLock)
		return run(conn)
	})
}

// uncountedIndex is the partial index of the articles whose counts and
// entities migrate has yet to fill: a new article is one for the length of
// its transaction. Its condition is the query's, written as a literal, so
// that SQLite's planner sees that the index covers the query.
const uncountedIndex = "CREATE INDEX IF NOT EXISTS idx_articles_uncounted ON articles (id) WHERE counted = false"

// listedIndex orders the questions lists show (not reserve, not deleted)
// by ID: most questions of a large library are reserve (94% of 10,000
// generated articles'), so a page of the whole library's questions by ID
// read seventeen rows for each one it showed. questionQuery
// writes the condition as this literal.
const listedIndex = "CREATE INDEX IF NOT EXISTS idx_questions_listed ON questions (id) WHERE reserve = false AND deleted_at IS NULL"

// listingIndex is SQLite's covering index of the article list (see
// migrate).
const listingIndex = "CREATE INDEX IF NOT EXISTS idx_articles_listing ON articles " +
	"(id, title, standfirst, source, hash, ingested_at, label, n_facts, n_questions, n_cards, n_reserve)"

// notFound turns gorm's not-found into a *quiz.Error of kind
// quiz.ErrNotFound saying "There is no <what>."; other errors are wrapped
// with what.
func notFound(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &quiz.Error{Kind: quiz.ErrNotFound, Msg: "There is no " + what + ".", Err: err}
	}
	return fmt.Errorf("%s: %w", what, err)
}
