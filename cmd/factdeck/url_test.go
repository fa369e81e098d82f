package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/store"
)

// TestIngestURL ingests pages from a server on loopback: the article's
// source is its URL, and a missing page is a failure with its status.
func TestIngestURL(t *testing.T) {
	page := `<html><head><title>Ferry service cut | Lakeview Times</title><script>track()</script></head><body>
<nav><a href="/">Home</a></nav><h1>Lakeview Ferry Service To Be Cut By Half</h1>
<p>LAKEVIEW (Reuters) - The ferry service between Lakeview and Port Alder will be cut by half from next spring, the regional transport authority said on Monday.</p>
<p>Transport director Maria Lindqvist said the service had lost 40 percent of its passengers since 2019.</p></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/ferry" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(page))
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "u.db")
	good, missing := srv.URL+"/ferry", srv.URL+"/gone"
	code, out, errOut := runCmd(t, "ingest", "-db", db, good, missing)
	if code != 1 || !strings.Contains(out, "ingested 1, skipped 0, failed 1") {
		t.Fatalf("ingest = exit %d, %q %q; want 1 ingested, 1 failed", code, out, errOut)
	}
	if !strings.Contains(errOut, "failed "+missing+": fetch: 404") {
		t.Errorf("stderr = %q, want the 404 of %s", errOut, missing)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.Articles(context.Background(), 0, 0)
	if err != nil || len(arts) != 1 {
		t.Fatalf("Articles = %d, %v", len(arts), err)
	}
	if a := arts[0]; a.Source != good || a.Title != "Lakeview Ferry Service To Be Cut By Half" || a.Questions == 0 {
		t.Errorf("article = source %q, title %q, %d questions; want the URL, the h1 and some questions", a.Source, a.Title, a.Questions)
	}
}
