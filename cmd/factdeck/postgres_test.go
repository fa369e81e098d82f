package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// TestPostgres runs ingest twice and export against a real PostgreSQL
// server (FACTDECK_TEST_POSTGRES, started by .ci/postgres-deps.sh), in a
// schema of its own.
func TestPostgres(t *testing.T) {
	dsn := os.Getenv("FACTDECK_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("FACTDECK_TEST_POSTGRES is not set in CI (.ci/postgres-deps.sh sets it)")
		}
		t.Skip("FACTDECK_TEST_POSTGRES is not set: no PostgreSQL server to test against")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("cli_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db := u.String()

	if code, out, e := runCmd(t, "ingest", "-db", db, "-q", seedDir(t)); code != 0 || !strings.Contains(out, "ingested 5, skipped 0, failed 0") {
		t.Fatalf("first ingest = exit %d, %q %q", code, out, e)
	}
	if code, out, e := runCmd(t, "ingest", "-db", db, "-q", seedDir(t)); code != 0 || !strings.Contains(out, "ingested 0, skipped 5, failed 0") {
		t.Fatalf("second ingest = exit %d, %q %q", code, out, e)
	}
	code, out, e := runCmd(t, "export", "-db", db, "-format", "csv")
	if code != 0 || strings.Count(out, "\n") < 2 {
		t.Fatalf("export csv = exit %d, %d lines, %s", code, strings.Count(out, "\n"), e)
	}
	// The same seeds through SQLite give the same deck: the database
	// behind the store changes nothing a learner sees.
	lite := filepath.Join(t.TempDir(), "pg.db")
	if code, out, e := runCmd(t, "ingest", "-db", lite, "-q", seedDir(t)); code != 0 {
		t.Fatalf("sqlite ingest = exit %d, %q %q", code, out, e)
	}
	code, want, e := runCmd(t, "export", "-db", lite, "-format", "csv")
	if code != 0 {
		t.Fatalf("sqlite export csv = exit %d, %s", code, e)
	}
	if out != want {
		t.Errorf("csv export differs between PostgreSQL (%d lines) and SQLite (%d lines)",
			strings.Count(out, "\n"), strings.Count(want, "\n"))
	}
}
