package pipeline_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"factdeck/quiz/pipeline"
)

// TestRankerOnJudgedQuestions checks the embedded acceptability ranker
// against the blind verdicts it was trained on (testdata/judged): most
// judged questions are still made (else the data are stale and must be
// judged again), and the ranker orders those judges accepted above those
// they failed (area under the ROC curve). The questions are from invented
// articles and GUM texts only: the news articles that measure quality are
// kept out of its data.
func TestRankerOnJudgedQuestions(t *testing.T) {
	root := "../.."
	raw, err := os.ReadFile(filepath.Join(root, "testdata/judged/verdicts.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vs []struct {
		Path, Type, Prompt, Answer string
		Votes                      []struct{ Acceptable bool }
	}
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatal(err)
	}
	type judged struct {
		type_, prompt, answer string
		ok                    bool
	}
	evaluation := map[string]bool{} // the news articles, when ../shared is here
	if news, err := filepath.Glob("../../../shared/eval/news/*"); err == nil {
		for _, n := range news {
			evaluation[filepath.Base(n)] = true
		}
	}
	byPath := map[string][]judged{}
	for _, v := range vs {
		if evaluation[filepath.Base(v.Path)] {
			t.Errorf("judged data holds %s: the evaluation articles must stay out", v.Path)
		}
		acc := 0
		for _, vo := range v.Votes {
			if vo.Acceptable {
				acc++
			}
		}
		if 2*acc == len(v.Votes) {
			continue // the judges disagree
		}
		byPath[v.Path] = append(byPath[v.Path], judged{v.Type, v.Prompt, v.Answer, 2*acc > len(v.Votes)})
	}
	p := newPipeline(t)
	var pos, neg []float64
	total := 0
	for path, js := range byPath {
		text, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			t.Fatal(err)
		}
		cs, err := p.Candidates(context.Background(), pipeline.Document{Source: path, Raw: text})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		accept := map[[3]string]float64{}
		for _, c := range cs {
			accept[[3]string{string(c.Question.Type), c.Question.Prompt, c.Question.Answer}] = c.Accept
		}
		for _, j := range js {
			total++
			a, ok := accept[[3]string{j.type_, j.prompt, j.answer}]
			switch {
			case !ok:
			case j.ok:
				pos = append(pos, a)
			default:
				neg = append(neg, a)
			}
		}
	}
	joined := len(pos) + len(neg)
	t.Logf("%d of %d judged questions still made (%d accepted, %d failed)", joined, total, len(pos), len(neg))
	if joined < total*85/100 {
		t.Errorf("only %d of %d judged questions are still made: judge the changed ones again and retrain (go run ./cmd/ranktrain)", joined, total)
	}
	auc := rocArea(pos, neg)
	t.Logf("ranker ROC area on judged questions: %.3f", auc)
	if auc < 0.8 {
		t.Errorf("ranker ROC area %.3f, want >= 0.8 (features renamed without retraining?)", auc)
	}
}

// rocArea is the probability that a random accepted question scores above
// a random failed one (ties count half).
func rocArea(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return 0
	}
	sort.Float64s(neg)
	sum := 0.0
	for _, p := range pos {
		lo := sort.SearchFloat64s(neg, p)
		hi := lo
		for hi < len(neg) && neg[hi] == p {
			hi++
		}
		sum += float64(lo) + float64(hi-lo)/2
	}
	return sum / float64(len(pos)*len(neg))
}
