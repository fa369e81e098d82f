package salience

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"factdeck/quiz"
)

func TestStem(t *testing.T) {
	tests := []struct{ a, b string }{
		{"elections", "election"},
		{"voted", "voting"},
		{"votes", "vote"},
		{"cities", "city"},
		{"tunnels", "tunnel"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if stem(tt.a) != stem(tt.b) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q, want equal", tt.a, stem(tt.a), tt.b, stem(tt.b))
			}
		})
	}
	if stem("class") == stem("clas") {
		t.Errorf("stem(class) = %q: a double s is no plural", stem("class"))
	}
}

func TestExtracts(t *testing.T) {
	d := article(t, "", nil,
		[]string{
			"The council approved* a new bridge over the river .",
			"Residents had waited* ten years for it .",
			"The weather was* mild .",
			"Construction of the bridge begins* in spring .",
		})
	tests := []struct {
		name      string
		summaries []string
		// in must be in the extract of every summary, out in none.
		in, out []int
	}{
		{"one sentence matches", []string{"The council approved a bridge over the river."}, []int{0}, []int{1, 2}},
		{"two sentences match", []string{"A new bridge over the river was approved; construction begins in spring."}, []int{0, 3}, []int{2}},
		{"nothing matches", []string{"Unrelated words entirely."}, nil, []int{0, 1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extracts(d.Sents, tt.summaries)
			for _, i := range tt.in {
				if got[i] != 1 {
					t.Errorf("Extracts = %v, want sentence %d in", got, i)
				}
			}
			for _, i := range tt.out {
				if got[i] != 0 {
					t.Errorf("Extracts = %v, want sentence %d out", got, i)
				}
			}
		})
	}
	if got := Extracts(d.Sents, nil); slices.Max(got) != 0 {
		t.Errorf("Extracts(no summaries) = %v, want zeros", got)
	}
	two := Extracts(d.Sents, []string{"The council approved a bridge over the river.", "Residents waited ten years."})
	if two[0] != 0.5 || two[1] != 0.5 {
		t.Errorf("Extracts(two summaries) = %v, want 0.5 for sentences 0 and 1", two)
	}
}

func TestMetrics(t *testing.T) {
	rel := []bool{true, false, true, false}
	tests := []struct {
		name      string
		got, want float64
	}{
		{"AP perfect", averagePrecision([]int{0, 2, 1, 3}, rel), 1},
		{"AP second and fourth", averagePrecision([]int{1, 0, 3, 2}, rel), (1.0/2 + 2.0/4) / 2},
		{"AP nothing relevant", averagePrecision([]int{0, 1}, []bool{false, false}), 0},
		{"P@3", precisionAt([]int{1, 0, 3, 2}, rel, 3), 1.0 / 3},
		{"P@3 of two items", precisionAt([]int{0, 1}, rel, 3), 0.5},
		{"NDCG perfect", ndcg([]int{2, 0, 1}, []float64{0.4, 0, 1}, 5), 1},
		{"NDCG reversed", ndcg([]int{1, 0, 2}, []float64{0.4, 0, 1}, 5),
			(0.4/math.Log2(3) + 1/math.Log2(4)) / (1 + 0.4/math.Log2(3))},
		{"NDCG at 1", ndcg([]int{0, 2, 1}, []float64{0.4, 0, 1}, 1), 0.4},
		{"NDCG no gain", ndcg([]int{0, 1}, []float64{0, 0}, 5), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if math.Abs(tt.got-tt.want) > 1e-12 {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestEvaluate(t *testing.T) {
	d := railStory(t)
	ex := Example{Doc: d, Summarized: map[int]int{}, Central: make([]float64, len(d.Sents))}
	for _, m := range d.Mentions {
		ex.Summarized[m.Entity] = 0
	}
	ex.Summarized[1], ex.Summarized[9], ex.Summarized[3] = 5, 3, 1
	ex.Central[0], ex.Central[3] = 1, 0.4
	opt := EvalOptions{MinSummaries: 3, MinCentral: 0.2}
	// An oracle that scores by the gold gets every figure at 1.
	oracle := func(Doc) Scores {
		s := Scores{Entity: map[int]float64{}, Sentence: ex.Central}
		for e, n := range ex.Summarized {
			s.Entity[e] = float64(n)
		}
		return s
	}
	f := Evaluate([]Example{ex}, oracle, opt)
	if f.EntityAP != 1 || f.EntityP3 != 2.0/3 || f.SentenceNDCG5 != 1 || f.SentenceP5 != 2.0/5 {
		t.Errorf("Evaluate(oracle) = %+v, want AP 1, P@3 2/3, NDCG@5 1, P@5 2/5", f)
	}
	if f.Docs != 1 || f.EntityDocs != 1 || f.SentenceDocs != 1 {
		t.Errorf("Evaluate(oracle) counts %+v, want 1 document of each", f)
	}
	// Mention counts put entity 1 first but the analyst, mentioned once,
	// far down.
	f = Evaluate([]Example{ex}, MentionCount, opt)
	if f.EntityAP >= 1 || f.EntityAP <= 0 {
		t.Errorf("Evaluate(MentionCount).EntityAP = %v, want in (0, 1)", f.EntityAP)
	}
	both := f.Add(Evaluate([]Example{ex}, oracle, opt))
	if both.Docs != 2 || math.Abs(both.EntityAP-(f.EntityAP+1)/2) > 1e-12 {
		t.Errorf("Add = %+v, want 2 documents and the mean AP", both)
	}
}

// syntheticExamples are invented documents whose gold salience follows
// their mentions, for training tests.
func syntheticExamples(t *testing.T) []Example {
	var exs []Example
	for _, d := range []Doc{railStory(t), chessStory(t), twinStory(t)} {
		ex := Example{Doc: d, Summarized: map[int]int{}, Central: make([]float64, len(d.Sents))}
		for _, m := range d.Mentions {
			ex.Summarized[m.Entity] = 0
		}
		ex.Summarized[1] = 5
		ex.Central[0], ex.Central[1] = 1, 0.2
		exs = append(exs, ex)
	}
	return exs
}

func TestTrain(t *testing.T) {
	exs := syntheticExamples(t)
	opt := TrainOptions{EntityL2: 1e-2, SentenceL2: 1e-2, Folds: 3}
	m, err := Train(exs, opt)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Train(exs, opt)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := m.Encode(&a); err != nil {
		t.Fatal(err)
	}
	if err := again.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("Train is not deterministic: two runs encode differently")
	}
	// The model learned its training data: the central entity and the
	// lead sentence come first.
	for _, ex := range exs {
		s := m.Score(ex.Doc)
		if top := s.TopEntities(1); top[0] != 1 {
			t.Errorf("trained model: TopEntities(1) = %v, want [1]", top)
		}
		if top := s.TopSentences(1); top[0] != 0 {
			t.Errorf("trained model: TopSentences(1) = %v, want [0]", top)
		}
	}
	tests := []struct {
		name string
		exs  []Example
		opt  TrainOptions
	}{
		{"no examples", nil, opt},
		{"one fold", exs, TrainOptions{Folds: 1}},
		{"no entities", []Example{{Doc: Doc{Sents: make([][]Word, 2)}, Central: []float64{1, 0}}}, opt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Train(tt.exs, tt.opt); err == nil {
				t.Error("Train: no error")
			}
		})
	}
}

func TestFit(t *testing.T) {
	// One feature whose share of positives is 0.2 at 0 and 0.8 at 1:
	// without penalty the fit finds exactly those probabilities.
	var d dataset
	for _, p := range []struct{ x, y float64 }{{0, 0.2}, {1, 0.8}} {
		for range 10 {
			d.add([]float64{1, p.x}, p.y, 1)
		}
	}
	l, err := fit([]string{"bias", "x"}, &d, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ x, want float64 }{{0, 0.2}, {1, 0.8}} {
		if got := l.prob([]float64{1, p.x}); math.Abs(got-p.want) > 1e-6 {
			t.Errorf("prob(x=%v) = %v, want %v", p.x, got, p.want)
		}
	}
	if _, err := fit([]string{"bias"}, &dataset{}, 0); err == nil {
		t.Error("fit(no data): no error")
	}
}

func TestKindGroup(t *testing.T) {
	tests := []struct {
		kind quiz.Kind
		want int
	}{
		{quiz.KindPerson, ePerson}, {quiz.KindCity, ePlace}, {quiz.KindCountry, ePlace},
		{quiz.KindWeekday, eTime}, {quiz.KindNationality, eMisc}, {quiz.KindCount, -1}, {"", -1},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			if got := kindGroup(tt.kind); got != tt.want {
				t.Errorf("kindGroup(%q) = %d, want %d", tt.kind, got, tt.want)
			}
		})
	}
}
