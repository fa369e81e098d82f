package oldextract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenFact is the part of a fact the golden files pin down.
type goldenFact struct {
	Relation    string  `json:"rel"`
	Kind        string  `json:"kind"`
	Subject     string  `json:"subject"`
	Object      string  `json:"object"`
	Org         string  `json:"org,omitempty"`
	Context     string  `json:"context,omitempty"`
	Attribution string  `json:"attribution,omitempty"`
	Answer      string  `json:"answer"` // Sentence[SpanStart:SpanEnd]
	Confidence  float64 `json:"confidence"`
}

// testArticle reads a test article: one paragraph a line.
func testArticle(tb testing.TB, path string) quiz.Article {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var paras []string
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			paras = append(paras, l)
		}
	}
	return quiz.Article{Paragraphs: paras, Source: "testdata/" + filepath.Base(path)}
}

func toGolden(facts []quiz.Fact) []goldenFact {
	out := make([]goldenFact, 0, len(facts))
	for _, f := range facts {
		g := goldenFact{
			Relation: f.Relation, Kind: string(f.Kind), Subject: f.Subject, Object: f.Object,
			Org: f.Org, Context: f.Context, Attribution: f.Attribution, Confidence: float64(int(f.Confidence*100+0.5)) / 100,
		}
		if f.SpanStart >= 0 {
			g.Answer = f.Sentence[f.SpanStart:f.SpanEnd]
		}
		out = append(out, g)
	}
	return out
}

// TestGolden pins the facts of the test articles. It runs without the NER
// model, so that the snapshots change with this package's rules only, not
// with each retraining of the model; TestExpectedFacts runs both ways.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(files) < 6 {
		t.Fatalf("want >= 6 test articles, got %d (%v)", len(files), err)
	}
	ex := New(nil)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			a := testArticle(t, f)
			facts := ex.Facts(a)
			checkInvariants(t, a, facts)
			got, err := json.MarshalIndent(toGolden(facts), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Facts(%s) differs from %s; run go test -run TestGolden -update and review the diff\ngot:\n%s", f, path, got)
			}
		})
	}
}

// checkInvariants asserts what every fact must satisfy.
func checkInvariants(t *testing.T, a quiz.Article, facts []quiz.Fact) {
	t.Helper()
	body := a.Body()
	for _, f := range facts {
		if f.Start < 0 || f.End > len(body) || body[f.Start:f.End] != f.Sentence {
			t.Errorf("fact %q/%q: Sentence is not Body()[%d:%d]", f.Subject, f.Object, f.Start, f.End)
		}
		if f.SpanStart >= 0 && (f.SpanEnd > len(f.Sentence) || f.SpanStart >= f.SpanEnd) {
			t.Errorf("fact %q/%q: bad span %d:%d", f.Subject, f.Object, f.SpanStart, f.SpanEnd)
		}
		if f.Kind == "" || f.Relation == "" || f.Key == "" || len(f.Sources) != 1 || f.Sources[0] != a.Source {
			t.Errorf("fact %+v: missing kind, relation, key or source", f)
		}
		if f.Confidence <= 0 || f.Confidence > 1 {
			t.Errorf("fact %q/%q: confidence %v", f.Subject, f.Object, f.Confidence)
		}
		for i, s := range []string{f.Subject, f.Object} {
			quoted := i == 1 && f.Relation == quiz.RelSaid
			if s != cleanPhrase(s) || (!quoted && strings.HasPrefix(strings.ToLower(s), "the ")) {
				t.Errorf("fact %q/%q: unclean phrase %q", f.Subject, f.Object, s)
			}
		}
	}
}

// TestExpectedFacts checks hand-written expectations on the test articles,
// independent of the golden snapshots.
func TestExpectedFacts(t *testing.T) {
	tests := []struct {
		name, file, rel, subject, object string
	}{
		{"sport age", "sport", quiz.RelAge, "Tomas Brennick", "24"},
		{"sport coach", "sport", quiz.RelRole, "Elena Marsh", "head coach"},
		{"sport captain leads", "sport", quiz.RelLeads, "Samuel Oduya", "Northgate Rovers"},
		{"sport city", "sport", quiz.RelIsA, "Manchester", "city"},
		{"sport quote", "sport", quiz.RelSaid, "Elena Marsh", "This club has waited four decades for a night like this"},
		{"business money", "business", quiz.RelAmount, "", "$4.2 billion"},
		{"business ceo", "business", quiz.RelRole, "Priya Raman", "chief executive"},
		{"business percent", "business", quiz.RelAmount, "owned", "49 percent"},
		{"business deadline", "business", quiz.RelDeadline, "", "nine months"},
		{"business attribution", "business", quiz.RelIsA, "Reuters", "organization"},
		{"business quote", "business", quiz.RelSaid, "Priya Raman", "We are buying the best design team in the industry"},
		{"science leads", "science", quiz.RelLeads, "Mira Castellanos", "The team"},
		{"science count", "science", quiz.RelCount, "times", "14"},
		{"science money", "science", quiz.RelAmount, "grant", "$2.5 million"},
		{"science org", "science", quiz.RelIsA, "Kessler Institute", "organization"},
		{"disaster count", "disaster", quiz.RelCount, "people", "At least 37"},
		{"disaster age", "disaster", quiz.RelAge, "man", "72"},
		{"disaster region", "disaster", quiz.RelIsA, "Valmora", "region"},
		{"disaster city", "disaster", quiz.RelIsA, "Port Almeda", "city"},
		{"disaster governor", "disaster", quiz.RelRole, "Luis Ferrante", "governor"},
		{"disaster duration", "disaster", quiz.RelDuration, "", "30 days"},
		{"courts judge", "courts", quiz.RelRole, "Caroline Petrakis", "judge"},
		{"courts former", "courts", quiz.RelFormerRole, "Raymond Vought", "city council member"},
		{"courts age", "courts", quiz.RelAge, "Raymond Vought", "61"},
		{"courts quote", "courts", quiz.RelSaid, "Caroline Petrakis", "Public office is not a private business"},
		{"courts deadline", "courts", quiz.RelDeadline, "", "60 days"},
		{"elections percent", "elections", quiz.RelAmount, "vote", "34 percent"},
		{"elections leads", "elections", quiz.RelLeads, "Jorge Almada", "The Socialist Party"},
		{"elections former", "elections", quiz.RelFormerRole, "Ines Carvalho", "finance minister"},
		{"elections president", "elections", quiz.RelRole, "Helena Sousa", "president"},
		{"elections ordinal", "elections", quiz.RelOrdinal, "prime minister", "third"},
	}
	for _, model := range []bool{true, false} {
		ex := New(nil)
		if model {
			ex = New(mustModel(t))
		}
		cache := map[string][]quiz.Fact{}
		for _, tt := range tests {
			name := tt.name
			if !model {
				name += "/no model"
			}
			t.Run(name, func(t *testing.T) {
				facts, ok := cache[tt.file]
				if !ok {
					facts = ex.Facts(testArticle(t, filepath.Join("testdata", "articles", tt.file+".txt")))
					cache[tt.file] = facts
				}
				for _, f := range facts {
					if f.Relation == tt.rel && norm(f.Object) == norm(tt.object) && (tt.subject == "" || norm(f.Subject) == norm(tt.subject)) {
						return
					}
				}
				var have []string
				for _, f := range facts {
					if f.Relation == tt.rel {
						have = append(have, f.Subject+" / "+f.Object)
					}
				}
				t.Errorf("Facts(%s) has no %s fact %q / %q; %s facts: %q", tt.file, tt.rel, tt.subject, tt.object, tt.rel, have)
			})
		}
	}
}
