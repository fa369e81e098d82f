package generate

import (
	"errors"
	"strings"
	"testing"

	"factdeck/quiz"
)

func TestRankerRoundTrip(t *testing.T) {
	rk := NewRanker(map[string]float64{"bias": -0.5, "digits": 0.75}, map[string]float64{"bias": -1, "held-back": -0.25})
	var b strings.Builder
	if _, err := rk.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	got, err := ParseRanker(strings.NewReader("# comment\n" + b.String()))
	if err != nil {
		t.Fatalf("ParseRanker(%q): %v", b.String(), err)
	}
	for _, fs := range [][]string{{"bias"}, {"bias", "digits"}, {"bias", "held-back", "unknown"}} {
		if a, w := got.Accept(fs), rk.Accept(fs); a != w {
			t.Errorf("Accept(%q) = %v after a round trip, want %v", fs, a, w)
		}
		if a, w := got.Value(fs), rk.Value(fs); a != w {
			t.Errorf("Value(%q) = %v after a round trip, want %v", fs, a, w)
		}
	}
	if !(rk.Accept([]string{"bias", "digits"}) > rk.Accept([]string{"bias"})) {
		t.Error("a positive weight does not raise the estimate")
	}
}

func TestParseRankerRejectsBadLines(t *testing.T) {
	for _, in := range []string{"bias\t1\n", "bias\tx\t1\n", "bias\t1\t2\t3\n", "bias 1 2\n"} {
		if _, err := ParseRanker(strings.NewReader(in)); !errors.Is(err, quiz.ErrInvalid) {
			t.Errorf("ParseRanker(%q) = %v, want ErrInvalid", in, err)
		}
	}
}

func TestEmbeddedRankerLoads(t *testing.T) {
	rk, err := defaultRanker()
	if err != nil {
		t.Fatal(err)
	}
	if len(rk.accept) < 20 || len(rk.value) < 20 {
		t.Fatalf("embedded ranker has %d and %d weights, want a trained model", len(rk.accept), len(rk.value))
	}
	// What every judge round found: a copied sentence with a number blanked
	// beats the same held back with the story's main entity as answer.
	good := []string{"bias", "type=cloze", "template=sentence-cloze", "kind=count", "digits"}
	bad := []string{"bias", "type=short_answer", "template=what-organization", "kind=organization", "answer-top", "held-back", "wh-weak:topic"}
	if !(rk.Accept(good) > rk.Accept(bad)) {
		t.Errorf("Accept(number blank) = %.2f, Accept(story's own name) = %.2f", rk.Accept(good), rk.Accept(bad))
	}
}

func TestBucket(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "<=0"}, {1, "<=1"}, {2, "<=3"}, {3, "<=3"}, {4, ">3"}}
	for _, tt := range tests {
		if got := bucket(tt.n, 0, 1, 3); got != tt.want {
			t.Errorf("bucket(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
