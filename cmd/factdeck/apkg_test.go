package main

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// TestMnemosyneImportsSeedDeck exports the seeds' questions as an Anki
// package with the CLI and imports it into Mnemosyne 2.9 (a real flashcard
// client; .ci/export-deps.sh unpacks it), checking fact and card counts and
// one note's text.
func TestMnemosyneImportsSeedDeck(t *testing.T) {
	dir := os.Getenv("FACTDECK_MNEMOSYNE_DIR") // set by .ci/export-deps.sh
	pkgs := filepath.Join(dir, "usr/lib/python3/dist-packages")
	if _, err := os.Stat(filepath.Join(pkgs, "mnemosyne")); err != nil {
		msg := "Mnemosyne is not unpacked in " + dir + " (run .ci/export-deps.sh)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	tmp := t.TempDir()
	db := filepath.Join(tmp, "m.db")
	if code, o, e := runCmd(t, "ingest", "-db", db, "-q", seedDir(t)); code != 0 {
		t.Fatalf("ingest = exit %d: %s %s", code, o, e)
	}
	deck := filepath.Join(tmp, "seeds.apkg")
	if code, o, e := runCmd(t, "export", "-db", db, "-format", "apkg", "-o", deck); code != 0 {
		t.Fatalf("export = exit %d: %s %s", code, o, e)
	}
	notes, cards, guid, front := readAPKG(t, deck, tmp)
	code, out, _ := runCmd(t, "export", "-db", db, "-format", "json")
	var d exportDoc
	if code != 0 || json.Unmarshal([]byte(out), &d) != nil {
		t.Fatal("json export failed")
	}
	if notes != len(d.Questions) {
		t.Errorf("apkg holds %d notes, want one per question (%d)", notes, len(d.Questions))
	}

	cmd := exec.Command(python(), "-S", "../../quiz/export/testdata/mnemosyne_import.py", guid, deck)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+pkgs)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("mnemosyne import: %v\n%s", err, stderr.String())
	}
	var got struct {
		Imports []struct{ Facts, Cards int } `json:"imports"`
		Fields  []string                     `json:"fields"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("mnemosyne output %q: %v", stdout.String(), err)
	}
	if len(got.Imports) != 1 || got.Imports[0].Facts != notes || got.Imports[0].Cards != cards {
		t.Errorf("Mnemosyne imported %+v, want %d facts and %d cards", got.Imports, notes, cards)
	}
	if len(got.Fields) == 0 || !strings.Contains(got.Fields[0], firstWords(front)) {
		t.Errorf("Mnemosyne fact %s fields = %q, want the first to hold %q", guid, got.Fields, firstWords(front))
	}
	t.Logf("Mnemosyne imported the seed deck: %d facts, %d cards", got.Imports[0].Facts, got.Imports[0].Cards)
}

// readAPKG returns the package's note and card counts and the guid and
// first field of its first note.
func readAPKG(t *testing.T, path, tmp string) (notes, cards int, guid, front string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	col := filepath.Join(tmp, "collection.anki2")
	for _, f := range zr.File {
		if f.Name != "collection.anki2" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || os.WriteFile(col, b, 0o644) != nil {
			t.Fatalf("unpack collection: %v", err)
		}
	}
	db, err := sql.Open("sqlite3", col)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow("SELECT count(*) FROM notes").Scan(&notes); err != nil {
		t.Fatalf("read notes: %v", err)
	}
	if err := db.QueryRow("SELECT count(*) FROM cards").Scan(&cards); err != nil {
		t.Fatal(err)
	}
	var flds string
	if err := db.QueryRow("SELECT guid, flds FROM notes ORDER BY id LIMIT 1").Scan(&guid, &flds); err != nil {
		t.Fatal(err)
	}
	return notes, cards, guid, strings.Split(flds, "\x1f")[0]
}

// firstWords returns the first few words of a field, without markup, for a
// comparison that tolerates Mnemosyne's own formatting.
func firstWords(s string) string {
	for strings.Contains(s, "<") {
		i := strings.Index(s, "<")
		j := strings.Index(s[i:], ">")
		if j < 0 {
			break
		}
		s = s[:i] + " " + s[i+j+1:]
	}
	f := strings.Fields(s)
	if len(f) > 4 {
		f = f[:4]
	}
	return strings.Join(f, " ")
}

// python returns the Python that runs Mnemosyne: FACTDECK_PYTHON, else
// python3 on PATH.
func python() string {
	if p := os.Getenv("FACTDECK_PYTHON"); p != "" {
		return p
	}
	return "python3"
}
