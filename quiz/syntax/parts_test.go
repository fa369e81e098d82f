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

// TestTable checks the weights a table gives against those it was built
// from, as built (sparse rows only) and compacted (dense rows, parts),
// feature by feature and summed, and after a rebuild from its rows.
func TestTable(t *testing.T) {
	const nclass, split = 60, 25
	rng := rand.New(rand.NewSource(1))
	want := map[uint64]map[uint16]int16{}
	var rows []buildRow
	for i := 0; i < 5000; i++ {
		f := rng.Uint64()
		r := buildRow{key: keyOf(f)}
		want[f] = map[uint16]int16{}
		// Most rows are short; one in ten is long enough to become dense,
		// and some of those have a weight beyond 12 bits.
		p := 6
		if i%10 == 0 {
			p = 2
		}
		for c := uint16(0); c < nclass; c++ {
			if rng.Intn(p) == 0 {
				v := int16(rng.Intn(4000) - 2000)
				if i%30 == 0 && c == 7 {
					v = 3000
				}
				if v == 0 {
					v = 1
				}
				r.cls = append(r.cls, c)
				r.vals = append(r.vals, v)
				want[f][c] = v
			}
		}
		rows = append(rows, r)
	}
	var feats []uint64
	for f := range want {
		feats = append(feats, f)
	}
	feats = append(feats, 12345, 67890) // absent
	sum := make([]int32, nclass)
	for _, f := range feats {
		for c, v := range want[f] {
			sum[c] += int32(v)
		}
	}
	inPart := func(part, c int) bool {
		return part == partAll || part == partLow && c < split || part == partHigh && c >= split
	}
	check := func(name string, tab *table, parts ...int) {
		t.Helper()
		var lk lookup
		for _, part := range parts {
			for _, f := range feats[:300] {
				scores := make([]int32, nclass)
				tab.addAll([]uint64{f}, scores, &lk, part)
				for c := range nclass {
					if inPart(part, c) && int32(want[f][uint16(c)]) != scores[c] {
						t.Fatalf("%s, part %d: feature %x class %d: weight %d, want %d", name, part, f, c, scores[c], want[f][uint16(c)])
					}
				}
			}
			scores := make([]int32, nclass)
			tab.addAll(feats, scores, &lk, part)
			for c := range nclass {
				if inPart(part, c) && scores[c] != sum[c] {
					t.Fatalf("%s, part %d: sum of all features, class %d: %d, want %d", name, part, c, scores[c], sum[c])
				}
			}
		}
	}
	tab := newTable(rows, 0.5)
	check("built", tab, partAll, partLow, partHigh)
	tab.compact(nclass, split)
	if len(tab.dense) == 0 {
		t.Fatal("compact made no dense row")
	}
	check("compacted", tab, partAll, partLow, partHigh)
	back := newTable(tab.rows(), tab.scale)
	check("rebuilt", back, partAll)
	if got, want := len(back.rows()), len(rows); got != want {
		t.Errorf("rebuilt table has %d rows, want %d", got, want)
	}
}
