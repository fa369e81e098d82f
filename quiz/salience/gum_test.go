package salience_test

// This file scores the shipped model on GUM's dev and test documents
// (never seen in training), against the baselines, and fails when a
// figure falls under its floor.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"factdeck/quiz/salience"
	"factdeck/quiz/salience/gum"
	"factdeck/quiz/syntax"
	"factdeck/quiz/syntax/conllu"
)

// shared is the directory of the evaluation data, beside the repository.
const shared = "../../../shared"

// needShared returns the path of a file under shared/, skipping the test
// when it is absent (failing under CI=true).
func needShared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(shared, rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s not found: %v", p, err)
		}
		tb.Skipf("%s not found (the evaluation data lives in ../shared beside the repository); skipping", p)
	}
	return p
}

// gumSplits are GUM's dev and test documents in the three views, read
// once for the package's tests.
var gumSplits = sync.OnceValues(func() (map[string][]salience.Example, error) {
	sm, err := syntax.Load()
	if err != nil {
		return nil, err
	}
	out := map[string][]salience.Example{}
	for _, split := range []string{"dev", "test"} {
		sents, err := conllu.ReadFile(filepath.Join(shared, "eval", "ud", "en_gum-ccby-ud-"+split+".conllu"))
		if err != nil {
			return nil, err
		}
		parsed := conllu.Reparsed(sents, sm.Annotate)
		for _, v := range []struct {
			name string
			opt  gum.Options
		}{
			{"gold", gum.Options{View: gum.Gold}},
			{"named", gum.Options{View: gum.Named}},
			{"parsed", gum.Options{View: gum.Named, Parsed: parsed}},
		} {
			exs, err := gum.Examples(sents, v.opt)
			if err != nil {
				return nil, err
			}
			out[split+" "+v.name] = exs
		}
	}
	return out, nil
})

func loadGUM(t *testing.T) map[string][]salience.Example {
	t.Helper()
	needShared(t, "eval/ud/en_gum-ccby-ud-dev.conllu")
	needShared(t, "eval/ud/en_gum-ccby-ud-test.conllu")
	splits, err := gumSplits()
	if err != nil {
		t.Fatal(err)
	}
	return splits
}

// TestGUM prints the figures of the model and the baselines on GUM's dev
// and test documents, and on their news documents, for each view:
// gold (every gold mention, gold trees), named (names and the pronouns
// of named entities, gold trees) and parsed (the same mentions, trees by
// quiz/syntax). It fails when a figure of the model falls under its
// floor, a little under what the shipped model scored.
func TestGUM(t *testing.T) {
	splits := loadGUM(t)
	m, err := salience.Load()
	if err != nil {
		t.Fatal(err)
	}
	opt := salience.EvalOptions{MinSummaries: salience.SalientSummaries, MinCentral: salience.CentralShare}
	scorers := []struct {
		name string
		f    salience.Scorer
	}{
		{"model", m.Score},
		// The baselines: entities by mention count or first mention,
		// sentences in text order (lead) or by title overlap.
		{"count+lead", salience.MentionCount},
		{"first+lead", salience.FirstMentioned},
		{"count+title", salience.TitleOverlap},
	}
	figures := map[string]salience.Figures{}
	var report strings.Builder
	fmt.Fprintf(&report, "entity: salient = in >= %d of 5 summaries; sentence: central = in >= %.0f%% of the summaries' extracts\n",
		salience.SalientSummaries, 100*salience.CentralShare)
	fmt.Fprintf(&report, "%-22s %-11s %8s %8s %9s %8s\n", "set", "scorer", "ent AP", "ent P@3", "sen NDCG5", "sen P@5")
	for _, view := range []string{"gold", "named", "parsed"} {
		dev, test := splits["dev "+view], splits["test "+view]
		var news []salience.Example
		for _, ex := range append(append([]salience.Example(nil), dev...), test...) {
			if ex.Genre == "news" {
				news = append(news, ex)
			}
		}
		for _, set := range []struct {
			name string
			exs  []salience.Example
		}{{"dev", dev}, {"test", test}, {"dev+test", append(append([]salience.Example(nil), dev...), test...)}, {"news dev+test", news}} {
			for _, s := range scorers {
				f := salience.Evaluate(set.exs, s.f, opt)
				key := view + " " + set.name + " " + s.name
				figures[key] = f
				fmt.Fprintf(&report, "%-22s %-11s %8.3f %8.3f %9.3f %8.3f   (%d docs, %d with a salient entity)\n",
					view+" "+set.name, s.name, f.EntityAP, f.EntityP3, f.SentenceNDCG5, f.SentenceP5, f.Docs, f.EntityDocs)
			}
		}
	}
	// How the entity probabilities sort salient from other entities at
	// a few thresholds, names and pronouns view.
	for _, view := range []string{"named", "gold"} {
		exs := append(append([]salience.Example(nil), splits["dev "+view]...), splits["test "+view]...)
		for _, th := range []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6} {
			tp, fp, fn, none, noneBelow := 0, 0, 0, 0, 0
			for _, ex := range exs {
				sc := m.Score(ex.Doc)
				for e, n := range ex.Summarized {
					if n == 0 {
						none++
						if sc.Entity[e] < th {
							noneBelow++
						}
					}
					switch got, want := sc.Entity[e] >= th, n >= salience.SalientSummaries; {
					case got && want:
						tp++
					case got:
						fp++
					case want:
						fn++
					}
				}
			}
			fmt.Fprintf(&report, "%s dev+test: Entity >= %.1f: precision %.3f recall %.3f (%.1f entities a document); below it %.0f%% of the entities in no summary\n",
				view, th, float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(max(tp+fn, 1)), float64(tp+fp)/float64(len(exs)),
				100*float64(noneBelow)/float64(max(none, 1)))
		}
	}
	t.Log("\n" + report.String())
	floors := []struct {
		key     string
		measure func(salience.Figures) float64
		what    string
		floor   float64
	}{
		{"gold dev+test model", entAP, "entity AP", 0.60},
		{"named dev+test model", entAP, "entity AP", 0.80},
		{"parsed dev+test model", entAP, "entity AP", 0.80},
		{"named dev+test model", entP3, "entity P@3", 0.65},
		{"gold dev+test model", senNDCG, "sentence NDCG@5", 0.45},
		{"named dev+test model", senNDCG, "sentence NDCG@5", 0.46},
		{"parsed dev+test model", senNDCG, "sentence NDCG@5", 0.45},
		{"named dev+test model", senP5, "sentence P@5", 0.50},
	}
	for _, f := range floors {
		if got := f.measure(figures[f.key]); got < f.floor {
			t.Errorf("%s: %s %.3f, under its floor %.3f", f.key, f.what, got, f.floor)
		}
	}
	// The model beats every baseline on dev+test, in every view.
	for _, view := range []string{"gold", "named", "parsed"} {
		model := figures[view+" dev+test model"]
		for _, s := range scorers[1:] {
			base := figures[view+" dev+test "+s.name]
			if model.EntityAP <= base.EntityAP {
				t.Errorf("%s dev+test: entity AP %.3f, not above %s's %.3f", view, model.EntityAP, s.name, base.EntityAP)
			}
			if model.SentenceNDCG5 <= base.SentenceNDCG5 {
				t.Errorf("%s dev+test: sentence NDCG@5 %.3f, not above %s's %.3f", view, model.SentenceNDCG5, s.name, base.SentenceNDCG5)
			}
		}
	}
}

func entAP(f salience.Figures) float64   { return f.EntityAP }
func entP3(f salience.Figures) float64   { return f.EntityP3 }
func senNDCG(f salience.Figures) float64 { return f.SentenceNDCG5 }
func senP5(f salience.Figures) float64   { return f.SentenceP5 }
