package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz/pipeline"
	"factdeck/store"
)

// runCmd runs a command line and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

func TestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	tests := []struct {
		name string
		args []string
		code int
		out  string // in stdout or stderr
	}{
		{"help", []string{"help"}, 0, "Usage:"},
		{"-h", []string{"-h"}, 0, "Usage:"},
		{"help ingest", []string{"help", "ingest"}, 0, "factdeck ingest"},
		{"ingest -h", []string{"ingest", "-h"}, 0, "-db"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", []string{"ingest", "-nope", "x"}, 2, "flag provided but not defined"},
		{"ingest without paths", []string{"ingest", "-db", db}, 2, "no PATH"},
		{"bad export format", []string{"export", "-db", db, "-format", "docx"}, 2, "docx"},
		{"bad question type", []string{"export", "-db", db, "-type", "essay"}, 2, "essay"},
		{"serve with argument", []string{"serve", "-db", db, "extra"}, 2, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, o, e := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(o+e, tt.out) {
				t.Errorf("factdeck %q = exit %d, output %q; want exit %d mentioning %q", tt.args, code, o+e, tt.code, tt.out)
			}
		})
	}
}

func seedDir(t *testing.T) string {
	t.Helper()
	m, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(m) != 5 {
		t.Fatalf("seed files = %d, %v; want 5", len(m), err)
	}
	return "../../seeds"
}

func TestIngestTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	dir := seedDir(t)
	code, out, errOut := runCmd(t, "ingest", "-db", db, "-q", dir)
	if code != 0 || !strings.Contains(out, "ingested 5, skipped 0, failed 0") {
		t.Fatalf("first ingest = exit %d, %q %q; want 5 ingested", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "ingest", "-db", db, "-q", dir)
	if code != 0 || !strings.Contains(out, "ingested 0, skipped 5, failed 0") || !strings.Contains(errOut, "already stored") {
		t.Fatalf("second ingest = exit %d, %q %q; want 5 skipped", code, out, errOut)
	}
}

func TestIngestBadInput(t *testing.T) {
	tmp := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := os.ReadFile("../../seeds/003_9c82c14015ffbaf5.txt")
	if err != nil {
		t.Fatal(err)
	}
	emptyDir := filepath.Join(tmp, "nothing")
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	write("nothing/notes.pdf", []byte("%PDF-1.4"))
	bad := []struct {
		path, reason string
	}{
		{write("empty.txt", nil), "empty"},
		{write("binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00")), "binary"},
		{write("latin1.txt", []byte("Caf\xe9 owners in the old town protest against rent rises.\n")), "UTF-8"},
		{write("huge.txt", bytes.Repeat([]byte("all work and no play. "), 20<<20/22)), "too large"},
		{write("scripts.html", []byte("<html><script>alert(1)</script><style>p{}</style><noscript>x</noscript></html>")), "no article text"},
		{emptyDir, "no .txt, .md or .html"},
		{filepath.Join(tmp, "missing.txt"), "no such file"},
		{write("slides.pptx", []byte("x")), "unsupported file type"},
	}
	args := []string{"ingest", "-db", filepath.Join(tmp, "t.db"), "-q", write("good.txt", good)}
	for _, b := range bad {
		args = append(args, b.path)
	}
	args = append(args, write("page.html", []byte("<html><head><script>var x=1;</script><style>body{}</style></head><body><h1>Harbour bridge reopens after repairs</h1><p>The harbour bridge in Lakeview reopened on Monday after six months of repairs that cost $4 million, the city council said.</p></body></html>")))
	code, out, errOut := runCmd(t, args...)
	if code != 1 {
		t.Errorf("exit = %d, want 1 when some inputs fail", code)
	}
	if !strings.Contains(out, "ingested 2, skipped 0, failed 8") {
		t.Errorf("summary = %q, want 2 ingested and 8 failed; stderr:\n%s", out, errOut)
	}
	for _, b := range bad {
		found := false
		for _, line := range strings.Split(errOut, "\n") {
			if strings.Contains(line, b.path) && strings.Contains(line, b.reason) {
				found = true
			}
		}
		if !found {
			t.Errorf("no failure line naming %s with %q in:\n%s", b.path, b.reason, errOut)
		}
	}
	st, err := store.Open(context.Background(), filepath.Join(tmp, "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.Articles(context.Background(), 0, 0)
	if err != nil || len(arts) != 2 {
		t.Fatalf("stored articles = %d, %v; want exactly the 2 good ones", len(arts), err)
	}
	for _, a := range arts {
		if strings.Contains(a.Title+strings.Join(a.Paragraphs, " "), "var x") {
			t.Errorf("script text stored in article %q", a.Title)
		}
	}
}

// exportDoc is the JSON export schema.
type exportDoc struct {
	Articles []struct {
		ID         int64  `json:"id"`
		Title      string `json:"title"`
		Source     string `json:"source"`
		IngestedAt string `json:"ingested_at"`
	} `json:"articles"`
	Facts []struct {
		ID       int64  `json:"id"`
		Article  int64  `json:"article"`
		Kind     string `json:"kind"`
		Subject  string `json:"subject"`
		Relation string `json:"relation"`
		Object   string `json:"object"`
		Sentence string `json:"sentence"`
	} `json:"facts"`
	Questions []struct {
		ID       int64    `json:"id"`
		Article  int64    `json:"article"`
		Fact     int64    `json:"fact"`
		Type     string   `json:"type"`
		Prompt   string   `json:"prompt"`
		Answer   string   `json:"answer"`
		Accepted []string `json:"accepted"`
		Options  []string `json:"options"`
		Sentence string   `json:"sentence"`
	} `json:"questions"`
}

func TestServeSeedsAndExportJSON(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := seed(ctx, st, p, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if err := seed(ctx, st, p, slog.New(slog.DiscardHandler)); err != nil { // not empty: nothing to do
		t.Fatalf("second seed: %v", err)
	}
	st.Close()

	out := filepath.Join(t.TempDir(), "deck.json")
	if code, o, e := runCmd(t, "export", "-db", db, "-format", "json", "-o", out); code != 0 {
		t.Fatalf("export = exit %d: %s %s", code, o, e)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCmd(t, "export", "-db", db, "-format", "json", "-o", "-")
	if code != 0 || stdout != string(raw) {
		t.Errorf("export to stdout differs from -o FILE (exit %d)", code)
	}
	var d exportDoc
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if len(d.Articles) != 5 {
		t.Fatalf("exported %d articles, want the 5 seeds", len(d.Articles))
	}
	perArticle := map[int64]int{}
	facts := map[int64]bool{}
	for _, f := range d.Facts {
		facts[f.ID] = true
		if f.Kind == "" || f.Sentence == "" || (f.Subject == "" && f.Object == "") {
			t.Errorf("fact %d lacks kind, sentence or values: %+v", f.ID, f)
		}
	}
	for _, q := range d.Questions {
		perArticle[q.Article]++
		if q.Prompt == "" || q.Answer == "" || q.Type == "" || len(q.Accepted) == 0 {
			t.Errorf("question %d lacks prompt, answer, type or accepted: %+v", q.ID, q)
		}
		if q.Fact != 0 && !facts[q.Fact] {
			t.Errorf("question %d names fact %d, not in the export", q.ID, q.Fact)
		}
	}
	for _, a := range d.Articles {
		if !strings.HasPrefix(a.Source, "seeds/") || a.Title == "" || a.IngestedAt == "" {
			t.Errorf("article %+v: want source seeds/<file>, a title and ingested_at", a)
		}
		if strings.HasPrefix(a.Title, "News") || strings.Contains(a.Title, "**") {
			t.Errorf("article title %q is not clean", a.Title)
		}
		if perArticle[a.ID] == 0 {
			t.Errorf("seed %s has no questions", a.Source)
		}
	}
}
