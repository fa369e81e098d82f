package syntax

import (
	"math/rand"
	"strings"
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
	add("NN", "The", "the", "House", "house", "home", "home")
	add("VB", "spell", "spell", "wipe", "wipe", "fade", "fade")
	add("VBD", "stopped", "stop", "shipped", "ship", "wrapped", "wrap", "helped", "help", "jumped", "jump")
	add("NNP", "Mexico", "Mexico", "Chile", "Chile", "Lima", "Lima")
	add("JJ", "German", "German", "big", "big", "free", "free", "free", "free")
	add("VBN", "agreed", "agree", "decreed", "decree", "freed", "fre") // the last a slip of the annotators
	add("CD", "1,000", "1000", "one", "one")
	add("ADD", "Me@Example.com", "Me@Example.com", "www.example.com", "www.example.com", "a.example.org", "a.example.org")
	l := trainLemmatizer(exs)
	tests := []struct {
		form, xpos string
		initial    bool
		want       string
	}{
		{"cities", "NNS", false, "city"},                     // known
		{"went", "VBD", false, "go"},                         // irregular, from the lexicon
		{"bodies", "NNS", false, "body"},                     // -ies rule
		{"hats", "NNS", false, "hat"},                        // -s rule
		{"kicked", "VBD", false, "kick"},                     // -ed rule
		{"Berlin", "NNP", false, "Berlin"},                   // proper nouns keep their form
		{"spelled", "VBD", false, "spell"},                   // -elled gives "spel", unknown; -ed gives "spell", known
		{"dwelled", "VBD", false, "dwel"},                    // neither is known: the longest suffix's rule
		{"Walked", "VBD", false, "walk"},                     // lowercased
		{"wiped", "VBD", false, "wipe"},                      // "-ped" gives "wi" as "stopped" gives "stop": the regular stem "wipe" is a known verb
		{"faded", "VBD", false, "fade"},                      // likewise
		{"mexico", "NNP", false, "Mexico"},                   // known capitalized
		{"german", "JJ", false, "German"},                    // likewise
		{"LIMA", "NNP", false, "Lima"},                       // known titled
		{"quito", "NNP", false, "quito"},                     // unknown: as written
		{"12,500", "CD", false, "12500"},                     // grouped digits
		{"12,50", "CD", false, "12,50"},                      // not grouped in thousands
		{"House", "NNP", true, "house"},                      // a sentence's first word, a known common noun
		{"House", "NNP", false, "House"},                     // elsewhere a proper noun
		{"You@Example.org", "ADD", false, "You@Example.org"}, // addresses keep their case
		{"freed", "VBN", false, "free"},                      // a lemma seen once where the rules give a known one is a slip
	}
	for _, tt := range tests {
		if got := l.lemmaX(tt.form, tt.xpos, tt.initial); got != tt.want {
			t.Errorf("lemma(%q, %s, initial %v) = %q, want %q", tt.form, tt.xpos, tt.initial, got, tt.want)
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

func TestViewHyphenPart(t *testing.T) {
	tests := []struct {
		name, word, part string // part "" for no hyphen part
	}{
		{"adjective", "well-known", "known"},
		{"capitals lowered", "Pro-Growth", "growth"},
		{"last of several", "state-of-the-art", "art"},
		{"no hyphen", "known", ""},
		{"trailing hyphen", "pre-", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want uint64
			if tt.part != "" {
				want = makeView(tt.part).lower
			}
			if got := makeView(tt.word).hyph; got != want {
				t.Errorf("makeView(%q).hyph = %x, want %x (the lowercase hash of %q)", tt.word, got, want, tt.part)
			}
		})
	}
}

func TestSentenceCapitalization(t *testing.T) {
	tests := []struct {
		name, text string
		want       uint8
	}{
		{"ordinary", "The bank in Lyon raised its rates", sentCapMixed},
		{"no capitals", "ok see you at the bank", sentCapLower},
		{"title", "Bank Raises Rates Again In May", sentCapTitle},
		{"short", "ok then", sentCapMixed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var vs []view
			for _, w := range strings.Fields(tt.text) {
				vs = append(vs, makeView(w))
			}
			setAmbiguity(vs, nil, nil)
			if got := vs[0].sentCap; got != tt.want {
				t.Errorf("sentence capitalization of %q = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestLexBuckets(t *testing.T) {
	sent := func(words ...string) example {
		ex := example{}
		for _, w := range words {
			ex.views = append(ex.views, makeView(w))
		}
		return ex
	}
	exs := []example{
		sent("Apple", "sold", "apple", "juice"),
		sent("They", "met", "Apple"),
		sent("We", "ate", "an", "apple"),
		sent("Paris", "is", "far"),
		sent("In", "Paris", "now"),
	}
	b := lexBuckets(exs)
	tests := []struct {
		word       string
		freq, caps uint8
	}{
		{"apple", 3, 2},  // 4 uses; capitalized once of 3 inside a sentence
		{"paris", 2, 4},  // 2 uses; always capitalized inside a sentence
		{"they", 1, 0},   // only ever first
		{"juice", 1, 1},  // never capitalized
		{"banana", 0, 0}, // unseen
	}
	for _, tt := range tests {
		got := b[makeView(tt.word).lower]
		if f, c := got&lexFreqMask, got>>lexCapShift; f != tt.freq || c != tt.caps {
			t.Errorf("lexBuckets()[%q] = frequency %d, capitals %d; want %d, %d", tt.word, f, c, tt.freq, tt.caps)
		}
	}
}
