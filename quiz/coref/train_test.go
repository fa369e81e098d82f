package coref

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"testing"

	"factdeck/quiz"
)

// toyDocs are small texts where the right antecedent is plain: a woman
// and a box, then "she" and "it".
func toyDocs(t testing.TB) []Doc {
	t.Helper()
	var docs []Doc
	for i := range 6 {
		d := Doc{
			Name: "toy",
			Sents: [][]Word{
				tree(t, "Ann/PROPN/nsubj/2 opened/VERB/root/0 the/DET/det/4 box/NOUN/obj/2 ./PUNCT/punct/2"),
				tree(t, "She/PRON/nsubj/2 liked/VERB/root/0 it/PRON/obj/2 ./PUNCT/punct/2"),
				tree(t, "It/PRON/expl/2 rained/VERB/root/0 ./PUNCT/punct/2"),
			},
			Mentions: []Mention{
				{Sent: 0, Lo: 0, Hi: 1, Head: 0, Kind: quiz.KindPerson, Proper: true, Gender: "f", Entity: 1},
				{Sent: 0, Lo: 2, Hi: 4, Head: 3, Entity: -1},
			},
			Clusters: []int{1, 2},
			Pronouns: []Pronoun{{Sent: 1, Word: 0, Cluster: 1}, {Sent: 1, Word: 2, Cluster: 2}},
		}
		if i%2 == 1 {
			// The box first: recency alone does not decide.
			d.Sents[0] = tree(t, "The/DET/det/2 box/NOUN/nsubj:pass/4 was/AUX/aux:pass/4 opened/VERB/root/0 by/ADP/case/6 Ann/PROPN/obl/4")
			d.Mentions = []Mention{
				{Sent: 0, Lo: 0, Hi: 2, Head: 1, Entity: -1},
				{Sent: 0, Lo: 5, Hi: 6, Head: 5, Kind: quiz.KindPerson, Proper: true, Gender: "f", Entity: 1},
			}
			d.Clusters = []int{2, 1}
		}
		docs = append(docs, d)
	}
	return docs
}

func TestTrain(t *testing.T) {
	docs := toyDocs(t)
	opt := TrainOptions{Epochs: 5, Rate: 0.3, Seed: 7, Average: true, Explore: true, Dev: docs[:2]}
	m, err := Train(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if acc := Evaluate(docs, m.Resolve).Accuracy(); acc != 1 {
		t.Errorf("Train() on toy texts: accuracy on them %.2f, want 1", acc)
	}
	links := m.Resolve(docs[0].Sents, docs[0].Mentions)
	if len(links) != 3 || links[2].Mention != -1 {
		t.Errorf("Resolve(toy) = %+v, want 3 links, the expletive unresolved", links)
	}
	// Deterministic: the same options give the same model file.
	var a, b bytes.Buffer
	if err := m.Encode(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Train(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := m2.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("Train() twice with seed %d: different models", opt.Seed)
	}
	if m.Threshold() <= 0 || m.Threshold() > 1 {
		t.Errorf("Threshold() = %g, want in (0, 1]", m.Threshold())
	}
}

func TestTrainErrors(t *testing.T) {
	docs := toyDocs(t)
	tests := []struct {
		name string
		docs []Doc
		opt  TrainOptions
	}{
		{"no texts", nil, TrainOptions{Epochs: 1, Rate: 0.1}},
		{"no epochs", docs, TrainOptions{Rate: 0.1}},
		{"no rate", docs, TrainOptions{Epochs: 1}},
		{"negative L2", docs, TrainOptions{Epochs: 1, Rate: 0.1, L2: -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Train(tc.docs, tc.opt); err == nil {
				t.Errorf("Train(%s) error = nil, want one", tc.name)
			}
		})
	}
}

func TestCodec(t *testing.T) {
	m, err := Train(toyDocs(t), TrainOptions{Epochs: 2, Rate: 0.3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	m.threshold = 0.625
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("Decode(Encode(m)) error: %v", err)
	}
	if got.Threshold() != 0.625 || len(got.weights) != len(m.weights) || len(got.weights) == 0 {
		t.Fatalf("Decode(Encode(m)): threshold %g, %d weights; want 0.625, %d", got.Threshold(), len(got.weights), len(m.weights))
	}
	for k, w := range m.weights {
		if math.Abs(got.weights[k]-w) > 1e-4*math.Max(1, math.Abs(w)) {
			t.Errorf("Decode(Encode(m)): weight of %q = %g, want %g", m.names[k], got.weights[k], w)
		}
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), gz(t, "other model v9\nthreshold\t1\n"), gz(t, header+"\n"),
		gz(t, header+"\nthreshold\tx\n"), gz(t, header+"\nthreshold\t0.5\n0.1 no tab\n"), gz(t, header+"\nthreshold\t0.5\nabc\tf=1\n")} {
		if _, err := Decode(bad); !errors.Is(err, ErrFormat) {
			t.Errorf("Decode(%q) error = %v, want ErrFormat", bad, err)
		}
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLoad(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatalf("Load() error: %v", err)
	}
	if len(m.weights) < 100 || m.Threshold() <= 0 || m.Threshold() >= 1 {
		t.Errorf("Load(): %d weights, threshold %g; want a trained model", len(m.weights), m.Threshold())
	}
	if len(embedded) > 1<<20 {
		t.Errorf("embedded model is %d bytes, want well under 1 MB", len(embedded))
	}
}

func TestEvaluate(t *testing.T) {
	// Four pronouns: two with an antecedent among the candidates (one
	// linked right at 0.9, one wrong at 0.6), one with none linked at
	// 0.4, one unresolved.
	d := Doc{
		Sents: [][]Word{
			tree(t, "Ann/PROPN/nsubj/2 met/VERB/root/0 Bo/PROPN/obj/2"),
			tree(t, "She/PRON/nsubj/2 thanked/VERB/root/0 him/PRON/obj/2 it/PRON/obj/2 they/PRON/dep/2"),
		},
		Mentions: []Mention{{Sent: 0, Lo: 0, Hi: 1, Head: 0}, {Sent: 0, Lo: 2, Hi: 3, Head: 2}},
		Clusters: []int{1, 2},
		Pronouns: []Pronoun{{Sent: 1, Word: 0, Cluster: 1}, {Sent: 1, Word: 2, Cluster: 2}, {Sent: 1, Word: 3, Cluster: 9}},
	}
	resolve := func([][]Word, []Mention) []Link {
		return []Link{
			{Sent: 1, Word: 0, Mention: 0, Prob: 0.9},
			{Sent: 1, Word: 2, Mention: 0, Prob: 0.6},
			{Sent: 1, Word: 3, Mention: 1, Prob: 0.4},
			{Sent: 1, Word: 4, Mention: -1, Prob: 0.8},
		}
	}
	s := Evaluate([]Doc{d}, resolve)
	if n, win, earlier := s.Counts(); n != 4 || win != 2 || earlier != 2 {
		t.Errorf("Counts() = %d, %d, %d; want 4, 2, 2", n, win, earlier)
	}
	if got := s.Accuracy(); got != 0.5 {
		t.Errorf("Accuracy() = %g, want 0.5", got)
	}
	tests := []struct {
		t                        float64
		links, right             int
		precision, coverage, rec float64
	}{
		{0, 3, 1, 1.0 / 3, 1, 0.5},
		{0.5, 2, 1, 0.5, 1, 0.5},
		{0.7, 1, 1, 1, 0.5, 0.5},
		{0.95, 0, 0, 0, 0, 0},
	}
	for _, tc := range tests {
		p := s.At(tc.t)
		if p.Links != tc.links || p.Right != tc.right || p.Precision != tc.precision || p.Coverage != tc.coverage || p.Recall != tc.rec {
			t.Errorf("At(%g) = %+v, want links %d right %d precision %g coverage %g recall %g", tc.t, p, tc.links, tc.right, tc.precision, tc.coverage, tc.rec)
		}
	}
	if th, ok := s.ThresholdFor(0.9); !ok || th != 0.9 {
		t.Errorf("ThresholdFor(0.9) = %g, %v; want 0.9, true", th, ok)
	}
	if _, ok := (Scores{}).ThresholdFor(0.9); ok {
		t.Errorf("ThresholdFor(0.9) of no links: ok, want none")
	}
}
