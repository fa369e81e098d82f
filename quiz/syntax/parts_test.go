package syntax

import (
	"math/rand"
	"testing"
)

func TestLemmatizer(t *testing.T) {
	var exs []lemmaExample
	add := func(xpos string, pairs ...string) {
		for i := 0; i < len(pairs); i += 2 {
			exs = append(exs, lemmaExample{pairs[i], xpos, pairs[i+1]})
		}
	}
	add("NNS", "cities", "city", "ladies", "lady", "parties", "party", "cats", "cat", "dogs", "dog", "houses", "house")
	add("VBD", "walked", "walk", "talked", "talk", "smelled", "smell", "travelled", "travel", "labelled", "label", "went", "go", "Went", "go")
	add("NNP", "Paris", "Paris", "Alice", "Alice")
	add("NN", "The", "the")
	add("VB", "spell", "spell")
	l := trainLemmatizer(exs)
	tests := []struct{ form, xpos, want string }{
		{"cities", "NNS", "city"},   // known
		{"went", "VBD", "go"},       // irregular, from the lexicon
		{"bodies", "NNS", "body"},   // -ies rule
		{"hats", "NNS", "hat"},      // -s rule
		{"jumped", "VBD", "jump"},   // -ed rule
		{"Berlin", "NNP", "Berlin"}, // proper nouns keep their form
		{"spelled", "VBD", "spell"}, // -elled gives "spel", unknown; -ed gives "spell", known
		{"dwelled", "VBD", "dwel"},  // neither is known: the longest suffix's rule
		{"Walked", "VBD", "walk"},   // lowercased
	}
	for _, tt := range tests {
		if got := l.lemmaX(tt.form, tt.xpos); got != tt.want {
			t.Errorf("lemma(%q, %s) = %q, want %q", tt.form, tt.xpos, got, tt.want)
		}
	}
}

func TestTable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	want := map[uint64]map[uint16]int16{}
	var rows []buildRow
	for i := 0; i < 5000; i++ {
		f := rng.Uint64()
		r := buildRow{key: keyOf(f)}
		want[f] = map[uint16]int16{}
		for c := uint16(0); c < 10; c++ {
			if rng.Intn(3) == 0 {
				v := int16(rng.Intn(2000) - 1000)
				r.cls = append(r.cls, c)
				r.vals = append(r.vals, v)
				want[f][c] = v
			}
		}
		rows = append(rows, r)
	}
	tab := newTable(rows, 0.5)
	var feats []uint64
	for f := range want {
		feats = append(feats, f)
	}
	feats = append(feats, 12345, 67890) // absent
	var buf []uint64
	for _, f := range feats {
		scores := make([]int32, 10)
		buf = tab.addAll([]uint64{f}, scores, buf)
		for c := uint16(0); c < 10; c++ {
			if int32(want[f][c]) != scores[c] {
				t.Fatalf("feature %x class %d: weight %d, want %d", f, c, scores[c], want[f][c])
			}
		}
	}
	back := newTable(tab.rows(), tab.scale)
	scores, scores2 := make([]int32, 10), make([]int32, 10)
	tab.addAll(feats, scores, nil)
	back.addAll(feats, scores2, nil)
	for c := range scores {
		if scores[c] != scores2[c] {
			t.Fatalf("rebuilt table differs in class %d: %d, want %d", c, scores2[c], scores[c])
		}
	}
}
