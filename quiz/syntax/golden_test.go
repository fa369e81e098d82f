package syntax

// This file pins the model's analysis of the seed and news articles, so
// that work on speed cannot change what the tagger, parser and FEATS
// classifier predict without a test failing.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"factdeck/quiz/syntax/conllu"
	"factdeck/quiz/token"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// goldenHashes is the file of the hashes TestArticlesGolden checks.
const goldenHashes = "testdata/articles.sha256"

// articleHashes returns, for an article, the SHA-256 of its CoNLL-U
// analysis with the LEMMA column blanked (what the tagger, parser and
// FEATS classifier predict) and of the full analysis (lemmas too).
func articleHashes(tb testing.TB, m *Model, text string) (analysis, full string) {
	tb.Helper()
	var sents []conllu.Sentence
	for _, tr := range m.ParseAll(text, token.Split(text)) {
		sents = append(sents, tr.Sentence(text))
	}
	var b bytes.Buffer
	if err := conllu.Write(&b, sents); err != nil {
		tb.Fatal(err)
	}
	f := sha256.Sum256(b.Bytes())
	for i := range sents {
		for j := range sents[i].Words {
			sents[i].Words[j].Lemma = "_"
		}
	}
	b.Reset()
	if err := conllu.Write(&b, sents); err != nil {
		tb.Fatal(err)
	}
	a := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(a[:]), hex.EncodeToString(f[:])
}

// TestArticlesGolden checks that the CoNLL-U analysis of every seed and
// news article is byte for byte the one recorded in testdata (written by
// go test -run TestArticlesGolden -update). A changed analysis hash
// means the tags, FEATS, heads or relations changed; a changed full hash
// with the same analysis hash, only lemmas.
func TestArticlesGolden(t *testing.T) {
	m := mustLoad(t)
	arts := articles(t)
	names := make([]string, 0, len(arts))
	for name := range arts {
		names = append(names, name)
	}
	slices.Sort(names)
	if *update {
		var b strings.Builder
		b.WriteString("# article, SHA-256 of its CoNLL-U analysis without lemmas, with lemmas\n")
		for _, name := range names {
			a, f := articleHashes(t, m, arts[name])
			fmt.Fprintf(&b, "%s %s %s\n", name, a, f)
		}
		if err := os.WriteFile(goldenHashes, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readHashes(t, filepath.FromSlash(goldenHashes))
	for _, name := range names {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s has no recorded hashes in %s (run with -update)", name, goldenHashes)
			continue
		}
		a, f := articleHashes(t, m, arts[name])
		switch {
		case a != w[0]:
			t.Errorf("%s: the tags, FEATS, heads or relations changed (analysis hash %s, want %s)", name, a, w[0])
		case f != w[1]:
			t.Errorf("%s: the lemmas changed (hash %s, want %s; run with -update if meant)", name, f, w[1])
		}
	}
	if len(want) != len(names) {
		t.Errorf("%s has %d articles, the seeds and news %d", goldenHashes, len(want), len(names))
	}
}

// readHashes reads the golden hashes: article name to its two hashes.
func readHashes(tb testing.TB, path string) map[string][2]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string][2]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Fields(line)
		if len(fs) != 3 {
			tb.Fatalf("%s: bad line %q", path, line)
		}
		out[fs[0]] = [2]string{fs[1], fs[2]}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
