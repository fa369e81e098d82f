package coref_test

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/coref"
)

// checkLinks fails unless links are one per third-person pronoun of
// sents, in order, each to -1 or a usable mention, with a probability.
func checkLinks(t testing.TB, sents [][]coref.Word, ments []coref.Mention, links []coref.Link) {
	t.Helper()
	k := 0
	for si, s := range sents {
		for wi, w := range s {
			if !isPronoun(w) {
				continue
			}
			if k >= len(links) {
				t.Fatalf("Resolve: %d links, missing the pronoun at %d,%d", len(links), si, wi)
			}
			l := links[k]
			k++
			if l.Sent != si || l.Word != wi {
				t.Fatalf("Resolve: link %d at %d,%d, want %d,%d", k-1, l.Sent, l.Word, si, wi)
			}
			if l.Prob < 0 || l.Prob > 1 || l.Prob != l.Prob {
				t.Errorf("Resolve: link %+v: probability out of [0, 1]", l)
			}
			if l.Mention < -1 || l.Mention >= len(ments) {
				t.Fatalf("Resolve: link %+v: mention out of range", l)
			}
			if l.Mention >= 0 {
				m := ments[l.Mention]
				if m.Sent < 0 || m.Sent > si || m.Sent == si && m.Hi > wi || m.Lo >= m.Hi || m.Head < m.Lo || m.Head >= m.Hi {
					t.Errorf("Resolve: link %+v to unusable or later mention %+v", l, m)
				}
			}
		}
	}
	if k != len(links) {
		t.Errorf("Resolve: %d links for %d pronouns", len(links), k)
	}
}

func isPronoun(w coref.Word) bool {
	switch w.UPOS {
	case "PRON", "DET", "":
	default:
		return false
	}
	switch lowerASCII(w.Text) {
	case "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
		"they", "them", "their", "theirs", "themselves":
		return true
	}
	return false
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func TestResolveBadInput(t *testing.T) {
	m, _ := mustLoad(t)
	w := func(text, upos, rel string, head int) coref.Word {
		return coref.Word{Text: text, Lemma: lowerASCII(text), UPOS: upos, Rel: rel, Head: head}
	}
	two := [][]coref.Word{
		{w("Ann", "PROPN", "nsubj", 1), w("left", "VERB", "root", -1)},
		{w("She", "PRON", "nsubj", 1), w("smiled", "VERB", "root", -1)},
	}
	ann := coref.Mention{Sent: 0, Lo: 0, Hi: 1, Head: 0, Kind: quiz.KindPerson, Proper: true, Gender: "f", Entity: 1}
	tests := []struct {
		name  string
		sents [][]coref.Word
		ments []coref.Mention
		// wantMention is the mention the first link must have, -2 for
		// any.
		wantMention int
	}{
		{"nothing", nil, nil, -2},
		{"empty sentences", [][]coref.Word{{}, {}, {w("it", "PRON", "nsubj", -1)}}, nil, -1},
		{"fine", two, []coref.Mention{ann}, 0},
		{"mention in no sentence", two, []coref.Mention{{Sent: 5, Lo: 0, Hi: 1, Head: 0}, {Sent: -1, Lo: 0, Hi: 1}, ann}, 2},
		{"mention outside its sentence", two, []coref.Mention{{Sent: 0, Lo: 1, Hi: 9, Head: 1}, {Sent: 0, Lo: -3, Hi: 1, Head: 0}}, -1},
		{"empty mention", two, []coref.Mention{{Sent: 0, Lo: 1, Hi: 1, Head: 1}}, -1},
		{"head outside the span", two, []coref.Mention{{Sent: 0, Lo: 0, Hi: 1, Head: 1}}, -1},
		{"a pronoun as mention", two, []coref.Mention{{Sent: 1, Lo: 0, Hi: 1, Head: 0}}, -1},
		{"a mention after the pronoun", two, []coref.Mention{{Sent: 1, Lo: 1, Hi: 2, Head: 1}}, -1},
		{"heads out of range and cycles", [][]coref.Word{
			{w("Ann", "PROPN", "nsubj", 7), w("left", "VERB", "root", -9)},
			{w("She", "PRON", "nsubj", 1), w("smiled", "VERB", "root", 0)},
		}, []coref.Mention{ann}, -2},
		{"same entity, other kinds and genders", two, []coref.Mention{ann, {Sent: 0, Lo: 0, Hi: 2, Head: 0, Kind: "weird", Gender: "x", Entity: 1}}, -2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			links := m.Resolve(tc.sents, tc.ments)
			checkLinks(t, tc.sents, tc.ments, links)
			if tc.wantMention != -2 && (len(links) == 0 || links[0].Mention != tc.wantMention) {
				t.Errorf("Resolve(%s) = %+v, want the first link to mention %d", tc.name, links, tc.wantMention)
			}
		})
	}
}

// FuzzResolve resolves texts built from random bytes: words, heads and
// mentions of every kind, valid or not.
func FuzzResolve(f *testing.F) {
	m, _ := mustLoad(f)
	f.Add([]byte("seed"), uint64(1))
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 200, 255}, uint64(2))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		if len(data) > 2000 {
			return
		}
		rng := rand.New(rand.NewPCG(seed, uint64(len(data))))
		forms := []string{"she", "He", "it", "its", "they", "Them", "herself", "Ann", "company", "the", "and", "said", ".", "IT"}
		upos := []string{"PRON", "DET", "PROPN", "NOUN", "VERB", "", "PUNCT"}
		rels := []string{"nsubj", "obj", "nmod:poss", "appos", "conj", "root", "advcl", "xcomp", "expl", "det", "", "ccomp"}
		var sents [][]coref.Word
		var cur []coref.Word
		for _, b := range data {
			if b == 0 || len(cur) > 40 {
				sents = append(sents, cur)
				cur = nil
				continue
			}
			cur = append(cur, coref.Word{
				Text: forms[int(b)%len(forms)], UPOS: upos[int(b/3)%len(upos)], Rel: rels[int(b/7)%len(rels)],
				Head: rng.IntN(len(cur)+3) - 2, Feats: []string{"", "Number=Plur", "Poss=Yes|Number=Sing"}[int(b)%3],
			})
		}
		sents = append(sents, cur)
		var ments []coref.Mention
		for range rng.IntN(3 * len(sents)) {
			si := rng.IntN(len(sents)+2) - 1
			n := 1
			if si >= 0 && si < len(sents) {
				n = len(sents[si]) + 1
			}
			lo := rng.IntN(n+1) - 1
			ments = append(ments, coref.Mention{
				Sent: si, Lo: lo, Hi: lo + rng.IntN(4), Head: lo + rng.IntN(3) - 1,
				Kind:   []quiz.Kind{quiz.KindPerson, quiz.KindOrganization, quiz.KindCity, ""}[rng.IntN(4)],
				Proper: rng.IntN(2) == 0, Gender: []string{"", "m", "f", "?"}[rng.IntN(4)], Entity: rng.IntN(5) - 1,
			})
		}
		checkLinks(t, sents, ments, m.Resolve(sents, ments))
	})
}

// BenchmarkResolve resolves the pronouns of a 40-sentence news story
// (parsed beforehand, as a caller has it); bytes are the story's.
func BenchmarkResolve(b *testing.B) {
	m, _ := mustLoad(b)
	p := article(b)
	text, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.Resolve(p.sents, p.ments)
	}
	b.ReportMetric(float64(len(p.sents)), "sentences/article")
}

func TestResolveConcurrent(t *testing.T) {
	m, _ := mustLoad(t)
	p := article(t)
	want := m.Resolve(p.sents, p.ments)
	errs := make(chan string, 4)
	for range 4 {
		go func() {
			got := m.Resolve(p.sents, p.ments)
			if !slices.Equal(got, want) {
				errs <- "Resolve(article) from another goroutine differs"
				return
			}
			errs <- ""
		}()
	}
	for range 4 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
