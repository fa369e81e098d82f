package coref_test

import (
	"os"
	"path/filepath"
	"testing"

	"factdeck/quiz/coref"
	"factdeck/quiz/coref/gum"
	"factdeck/quiz/lexicon"
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

func readGUM(tb testing.TB, split string) []conllu.Sentence {
	tb.Helper()
	sents, err := conllu.ReadFile(needShared(tb, "eval/ud/en_gum-ccby-ud-"+split+".conllu"))
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

func docs(tb testing.TB, sents []conllu.Sentence, opt gum.Options) []coref.Doc {
	tb.Helper()
	d, err := gum.Docs(sents, opt)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// TestGUM scores the embedded model on GUM's dev and test documents
// (never trained on), with the gold trees and with the trees package
// syntax predicts for GUM's tokens, as at run time, against the baseline
// of the nearest compatible subject. Accuracy is over the pronouns with a
// gold antecedent among their candidates; the floors sit just below the
// measured figures. Run with -v for the precision and coverage of
// thresholds.
func TestGUM(t *testing.T) {
	m, sm := mustLoad(t)
	lx := lexicon.Load()
	tests := []struct {
		split, trees string
		// gender from the given-name lexicon, as the caller knows it,
		// rather than from the cluster's pronouns
		lexGender bool
		// namesOnly keeps only the names among the candidates, as a
		// caller that finds no other noun phrases would pass.
		namesOnly bool
		floor     float64
		// At m.Threshold(), the links must be right at least
		// minPrecision of the time and cover at least minCoverage of the
		// pronouns with an antecedent among their candidates.
		minPrecision, minCoverage float64
	}{
		{split: "dev", trees: "gold", floor: 0.75, minPrecision: 0.88, minCoverage: 0.40},
		{split: "dev", trees: "predicted", floor: 0.70, minPrecision: 0.88, minCoverage: 0.40},
		{split: "test", trees: "gold", floor: 0.69, minPrecision: 0.88, minCoverage: 0.44},
		{split: "test", trees: "predicted", floor: 0.65, minPrecision: 0.88, minCoverage: 0.42},
		{split: "test", trees: "predicted", lexGender: true, floor: 0.64, minPrecision: 0.88, minCoverage: 0.38},
		{split: "test", trees: "predicted", namesOnly: true, floor: 0.80, minPrecision: 0.90, minCoverage: 0.60},
	}
	sents := map[string][]conllu.Sentence{}
	parsed := map[string][]conllu.Sentence{}
	for _, tc := range tests {
		name := tc.split + "/" + tc.trees
		if tc.lexGender {
			name += "/lexicon-gender"
		}
		if tc.namesOnly {
			name += "/names-only"
		}
		t.Run(name, func(t *testing.T) {
			gold, ok := sents[tc.split]
			if !ok {
				gold = readGUM(t, tc.split)
				sents[tc.split] = gold
			}
			var opt gum.Options
			if tc.trees == "predicted" {
				if parsed[tc.split] == nil {
					parsed[tc.split] = conllu.Reparsed(gold, sm.Annotate)
				}
				opt.Parsed = parsed[tc.split]
			}
			if tc.lexGender {
				opt.Gender = lx.Gender
			}
			ds := docs(t, gold, opt)
			if tc.namesOnly {
				for i := range ds {
					d := &ds[i]
					var ments []coref.Mention
					var clusters []int
					for j, m := range d.Mentions {
						if m.Proper {
							ments = append(ments, m)
							clusters = append(clusters, d.Clusters[j])
						}
					}
					d.Mentions, d.Clusters = ments, clusters
				}
			}
			s := coref.Evaluate(ds, m.Resolve)
			base := coref.Evaluate(ds, coref.NearestSubject)
			n, inWindow, earlier := s.Counts()
			acc := s.Accuracy()
			at := s.At(m.Threshold())
			t.Logf("%s: %d pronouns, %d with a gold antecedent among their candidates, %d with one earlier", name, n, inWindow, earlier)
			t.Logf("%s: accuracy %.2f%% (baseline, nearest compatible subject: %.2f%%)", name, 100*acc, 100*base.Accuracy())
			t.Logf("%s: at the model's threshold %.3f: precision %.1f%%, coverage %.1f%% (right %.1f%%)",
				name, m.Threshold(), 100*at.Precision, 100*at.Coverage, 100*at.Recall)
			if th, ok := s.ThresholdFor(0.9); ok {
				p := s.At(th)
				t.Logf("%s: lowest threshold with precision >= 90%%: %.3f, coverage %.1f%% (right %.1f%%)", name, th, 100*p.Coverage, 100*p.Recall)
			}
			b0 := base.At(1)
			t.Logf("%s: baseline links: precision %.1f%%, coverage %.1f%%", name, 100*b0.Precision, 100*b0.Coverage)
			t.Logf("%s:\n%s", name, s.Curve(0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95))
			if acc < tc.floor {
				t.Errorf("%s: accuracy %.2f%%, want >= %.0f%%", name, 100*acc, 100*tc.floor)
			}
			if at.Precision < tc.minPrecision || at.Coverage < tc.minCoverage {
				t.Errorf("%s: at the threshold %.3f precision %.1f%%, coverage %.1f%%; want >= %.0f%%, >= %.0f%%",
					name, m.Threshold(), 100*at.Precision, 100*at.Coverage, 100*tc.minPrecision, 100*tc.minCoverage)
			}
			if acc <= base.Accuracy() {
				t.Errorf("%s: accuracy %.2f%% no better than the baseline's %.2f%%", name, 100*acc, 100*base.Accuracy())
			}
		})
	}
}
