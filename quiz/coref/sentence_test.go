package coref

import (
	"strings"
	"testing"
)

// tree builds the words of a sentence from "form/UPOS/rel/head" items,
// heads 1-based as in CoNLL-U (0 for the root).
func tree(t testing.TB, spec string) []Word {
	t.Helper()
	var ws []Word
	for _, item := range strings.Fields(spec) {
		f := strings.Split(item, "/")
		if len(f) != 4 {
			t.Fatalf("bad item %q", item)
		}
		h := 0
		for _, c := range f[3] {
			h = 10*h + int(c-'0')
		}
		ws = append(ws, Word{Text: f[0], Lemma: strings.ToLower(f[0]), UPOS: f[1], Rel: f[2], Head: h - 1})
	}
	return ws
}

func TestAnalyze(t *testing.T) {
	// "Ann said that Bo praised her before he left ."
	s := analyze(tree(t, "Ann/PROPN/nsubj/2 said/VERB/root/0 that/SCONJ/mark/5 Bo/PROPN/nsubj/5 praised/VERB/ccomp/2 "+
		"her/PRON/obj/5 before/SCONJ/mark/9 he/PRON/nsubj/9 left/VERB/advcl/5 ./PUNCT/punct/2"))
	tests := []struct {
		name      string
		got, want any
	}{
		{"subject of the clause of 'her'", s.clauseSubject(5), 3},
		{"subject of the main clause", s.clauseSubject(s.root), 0},
		{"depth of Ann", s.depth[0], 0},
		{"depth of Bo", s.depth[3], 1},
		{"depth of he", s.depth[7], 2},
		{"Ann governs the clause of 'her'", s.governingSubject(0, 5), true},
		{"Bo governs the clause of 'he'", s.governingSubject(3, 7), true},
		{"Bo does not govern the clause of 'her'", s.governingSubject(3, 5), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
			}
		})
	}
}

func TestAnalyzeControl(t *testing.T) {
	// "Ann arrived and thanked him": the conjunct shares the subject.
	s := analyze(tree(t, "Ann/PROPN/nsubj/2 arrived/VERB/root/0 and/CCONJ/cc/4 thanked/VERB/conj/2 him/PRON/obj/4"))
	if got := s.clauseSubject(4); got != 0 {
		t.Errorf("clauseSubject(him) = %d, want 0 (Ann)", got)
	}
	// "Ann wanted to see her": the xcomp's subject is the controller.
	s = analyze(tree(t, "Ann/PROPN/nsubj/2 wanted/VERB/root/0 to/PART/mark/4 see/VERB/xcomp/2 her/PRON/obj/4"))
	if got := s.clauseSubject(4); got != 0 {
		t.Errorf("clauseSubject(her) = %d, want 0 (Ann)", got)
	}
}

func TestAnalyzeBadHeads(t *testing.T) {
	tests := []struct {
		name  string
		heads []int
	}{
		{"cycle", []int{1, 2, 0}},
		{"self", []int{0, 0, 1}},
		{"out of range", []int{7, -5, 1}},
		{"no root", []int{1, 0, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := make([]Word, len(tc.heads))
			for i, h := range tc.heads {
				ws[i] = Word{Text: "w", UPOS: "NOUN", Rel: "dep", Head: h}
			}
			s := analyze(ws)
			for i, h := range s.head {
				if h < -1 || h >= len(ws) || h == i {
					t.Errorf("analyze(heads %v): head of %d = %d", tc.heads, i, h)
				}
				// Every chain of heads reaches a root.
				j, steps := i, 0
				for j >= 0 && steps <= len(ws) {
					j, steps = s.head[j], steps+1
				}
				if j >= 0 {
					t.Errorf("analyze(heads %v): word %d on a cycle", tc.heads, i)
				}
			}
		})
	}
}

func TestPronounOf(t *testing.T) {
	tests := []struct {
		w     Word
		ok    bool
		class byte
		cas   byte
	}{
		{Word{Text: "She", UPOS: "PRON", Rel: "nsubj"}, true, 'f', 'n'},
		{Word{Text: "her", UPOS: "PRON", Rel: "obj"}, true, 'f', 'a'},
		{Word{Text: "her", UPOS: "PRON", Rel: "nmod:poss", Feats: "Poss=Yes"}, true, 'f', 'p'},
		{Word{Text: "themselves", UPOS: "PRON", Rel: "obj"}, true, 'p', 'r'},
		{Word{Text: "Its", UPOS: "DET", Rel: "nmod:poss"}, true, 'n', 'p'},
		{Word{Text: "IT", UPOS: "PROPN", Rel: "compound"}, false, 0, 0},
		{Word{Text: "you", UPOS: "PRON", Rel: "nsubj"}, false, 0, 0},
		{Word{Text: "it", Rel: "obj"}, true, 'n', 'a'},
		{Word{Text: "It", UPOS: "PRON", Rel: "nsubj"}, true, 'n', 'n'},
	}
	for _, tc := range tests {
		t.Run(tc.w.Text+"/"+tc.w.Rel, func(t *testing.T) {
			_, p, ok := pronounOf(&tc.w)
			if ok != tc.ok || ok && (p.class != tc.class || p.cas != tc.cas) {
				t.Errorf("pronounOf(%+v) = %c %c %v, want %c %c %v", tc.w, p.class, p.cas, ok, tc.class, tc.cas, tc.ok)
			}
		})
	}
}
