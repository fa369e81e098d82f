package salience

import (
	"bytes"
	"compress/gzip"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"

	"factdeck/quiz"
)

// The articles of these tests are invented. They are written in a small
// notation that stands in for a parser: words are separated by spaces;
// "[Ann Lee]3s" is a mention of entity 3 whose head (its last word) is
// the subject of the sentence's main verb (s subject, o object, l
// oblique, c conjunct, p possessive; none: nominal modifier); "opened*"
// is the main verb.

var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "him": true, "her": true, "its": true, "their": true, "them": true}

// sentence builds a sentence and its mentions (with Sent si) from the
// notation.
func sentence(t testing.TB, si int, text string, kinds map[int]quiz.Kind) ([]Word, []Mention) {
	t.Helper()
	var ws []Word
	type span struct {
		lo, hi, ent int
		rel         string
	}
	var spans []span
	root := -1
	toks := strings.Fields(text)
	for k := 0; k < len(toks); k++ {
		tok := toks[k]
		if strings.HasPrefix(tok, "[") {
			lo := len(ws)
			var inner []string
			for ; ; k++ {
				inner = append(inner, toks[k])
				if strings.Contains(toks[k], "]") {
					break
				}
				if k+1 == len(toks) {
					t.Fatalf("unclosed mention in %q", text)
				}
			}
			joined := strings.TrimPrefix(strings.Join(inner, " "), "[")
			body, tail, _ := strings.Cut(joined, "]")
			rel := "nmod"
			switch {
			case strings.HasSuffix(tail, "s"):
				rel = "nsubj"
			case strings.HasSuffix(tail, "o"):
				rel = "obj"
			case strings.HasSuffix(tail, "l"):
				rel = "obl"
			case strings.HasSuffix(tail, "c"):
				rel = "conj"
			case strings.HasSuffix(tail, "p"):
				rel = "nmod:poss"
			}
			ent := 0
			for _, r := range tail {
				if unicode.IsDigit(r) {
					ent = ent*10 + int(r-'0')
				}
			}
			for _, w := range strings.Fields(body) {
				ws = append(ws, Word{Text: w, Lemma: strings.ToLower(w), UPOS: wordPOS(w, len(ws) == 0)})
			}
			spans = append(spans, span{lo, len(ws), ent, rel})
			continue
		}
		w := Word{Text: strings.TrimSuffix(tok, "*"), UPOS: wordPOS(tok, len(ws) == 0), Rel: "dep"}
		w.Lemma = strings.ToLower(w.Text)
		if strings.HasSuffix(tok, "*") && root < 0 {
			root = len(ws)
			w.UPOS, w.Rel = "VERB", "root"
		}
		ws = append(ws, w)
	}
	if root < 0 {
		t.Fatalf("no main verb in %q", text)
	}
	for i := range ws {
		ws[i].Head = root
	}
	ws[root].Head = -1
	var ms []Mention
	for _, s := range spans {
		h := s.hi - 1
		for i := s.lo; i < h; i++ {
			ws[i].Head, ws[i].Rel = h, "compound"
		}
		ws[h].Rel = s.rel
		ms = append(ms, Mention{Sent: si, Lo: s.lo, Hi: s.hi, Head: h, Entity: s.ent, Kind: kinds[s.ent], Proper: ws[h].UPOS == "PROPN"})
	}
	return ws, ms
}

// wordPOS guesses the part of speech of a word of the notation.
func wordPOS(w string, first bool) string {
	w = strings.TrimSuffix(w, "*")
	r := []rune(w)
	switch {
	case len(r) == 0:
		return "X"
	case unicode.IsPunct(r[0]) || unicode.IsSymbol(r[0]):
		return "PUNCT"
	case unicode.IsDigit(r[0]):
		return "NUM"
	case pronouns[strings.ToLower(w)]:
		return "PRON"
	case stopwords[strings.ToLower(w)]:
		return "DET"
	case unicode.IsUpper(r[0]) && !first:
		return "PROPN"
	case unicode.IsUpper(r[0]) && first && len(r) > 1:
		return "PROPN"
	}
	return "NOUN"
}

// article builds a Doc from paragraphs of sentences in the notation.
func article(t testing.TB, title string, kinds map[int]quiz.Kind, paras ...[]string) Doc {
	t.Helper()
	d := Doc{Title: title}
	for p, sents := range paras {
		for _, s := range sents {
			ws, ms := sentence(t, len(d.Sents), s, kinds)
			d.Sents = append(d.Sents, ws)
			d.Mentions = append(d.Mentions, ms...)
			d.Para = append(d.Para, p)
		}
	}
	return d
}

func loadModel(t testing.TB) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// railStory is about a railway company opening a tunnel; a commentator is
// quoted once and three firms appear in a list of share movers.
func railStory(t testing.TB) Doc {
	return article(t, "Norvik Rail opens tunnel under Lake Ostra",
		map[int]quiz.Kind{1: quiz.KindOrganization, 3: quiz.KindPlace, 4: quiz.KindCity, 5: quiz.KindCity,
			6: quiz.KindOrganization, 7: quiz.KindOrganization, 8: quiz.KindOrganization, 9: quiz.KindPerson,
			10: quiz.KindOrganization, 12: quiz.KindDate},
		[]string{
			"[Norvik Rail]1s opened* a tunnel under [Lake Ostra]3l on [Monday]12l .",
			"[It]1s said* the tunnel cost 40 million euros .",
		},
		[]string{
			"[The company]1s will run* 200 trains a day between [Halden]4l and [Brisk]5c .",
			"[Norvik Rail]1s began* work on the tunnel in 2019 .",
		},
		[]string{
			"Shares in [Torve Steel]6s , [Amblin]7c and [Quarro]8c rose* on [Monday]12l .",
			"\" It is a fine piece of engineering , \" said* [Pell Arden]9s , an analyst at [Brightwater]10l .",
		},
		[]string{
			"[Norvik Rail]1s plans* a second tunnel under [Lake Ostra]3l .",
		},
	)
}

// chessStory is about a chess player; an official is quoted late.
func chessStory(t testing.TB) Doc {
	return article(t, "Ida Marren wins national chess title",
		map[int]quiz.Kind{1: quiz.KindPerson, 2: quiz.KindCity, 3: quiz.KindPerson, 4: quiz.KindOrganization, 5: quiz.KindPerson},
		[]string{
			"[Ida Marren]1s won* the national chess title in [Velmar]2l on Sunday .",
			"[She]1s beat* [Olek Danns]3o in the final round .",
		},
		[]string{
			"[Marren]1s , 19 , is* the youngest champion in the history of [the Chess Federation]4l .",
			"[She]1s learned* the game from [her]1p grandfather .",
		},
		[]string{
			"The tournament drew* 120 players from 14 countries .",
			"\" We are delighted , \" said* [Tom Restin]5s , a spokesman for [the federation]4l .",
		},
	)
}

// twinStory mentions two people equally often; the one in the title and
// the first sentence is the one the story is about.
func twinStory(t testing.TB) Doc {
	return article(t, "Sela Brandt elected mayor of Corvo",
		map[int]quiz.Kind{1: quiz.KindPerson, 2: quiz.KindCity, 3: quiz.KindPerson},
		[]string{
			"[Sela Brandt]1s was* elected mayor of [Corvo]2l on Tuesday .",
			"[Brandt]1s won* 54 percent of the vote .",
		},
		[]string{
			"The turnout was* 61 percent .",
			"[Joran Pike]3s , a teacher , voted* in the morning .",
			"[Pike]3s said* the queues were short .",
		},
	)
}

func TestScoreCentralEntity(t *testing.T) {
	m := loadModel(t)
	tests := []struct {
		name string
		doc  Doc
		// top is the entity expected first; below are entities expected
		// to score under it.
		top   int
		below []int
	}{
		{"company story over commentator and share movers", railStory(t), 1, []int{6, 7, 8, 9, 10}},
		{"player over opponent and spokesman", chessStory(t), 1, []int{3, 4, 5}},
		{"title and lead over equal mentions", twinStory(t), 1, []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := m.Score(tt.doc)
			t.Logf("entities by score: %v (%v)", s.TopEntities(-1), s.Entity)
			if got := s.TopEntities(1); len(got) != 1 || got[0] != tt.top {
				t.Errorf("TopEntities(1) = %v, want [%d] (scores %v)", got, tt.top, s.Entity)
			}
			for _, e := range tt.below {
				if s.Entity[e] >= s.Entity[tt.top] {
					t.Errorf("Entity[%d] = %.3f, want below Entity[%d] = %.3f", e, s.Entity[e], tt.top, s.Entity[tt.top])
				}
			}
			for e, p := range s.Entity {
				if p <= 0 || p >= 1 || math.IsNaN(p) {
					t.Errorf("Entity[%d] = %v, want a probability", e, p)
				}
			}
		})
	}
}

func TestScoreCentralSentence(t *testing.T) {
	m := loadModel(t)
	tests := []struct {
		name string
		doc  Doc
		// central is a sentence expected among the first two; side are
		// sentences expected to score under it.
		central int
		side    []int
	}{
		{"lead over quote and share list", railStory(t), 0, []int{4, 5}},
		{"lead over tournament figures and spokesman", chessStory(t), 0, []int{4, 5}},
		{"lead over a voter", twinStory(t), 0, []int{3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := m.Score(tt.doc)
			if len(s.Sentence) != len(tt.doc.Sents) {
				t.Fatalf("len(Sentence) = %d, want %d", len(s.Sentence), len(tt.doc.Sents))
			}
			t.Logf("sentence scores: %.3f", s.Sentence)
			if top := s.TopSentences(2); !slices.Contains(top, tt.central) {
				t.Errorf("TopSentences(2) = %v, want it to hold %d (scores %.3f)", top, tt.central, s.Sentence)
			}
			for _, i := range tt.side {
				if s.Sentence[i] >= s.Sentence[tt.central] {
					t.Errorf("Sentence[%d] = %.3f, want below Sentence[%d] = %.3f", i, s.Sentence[i], tt.central, s.Sentence[tt.central])
				}
			}
		})
	}
}

func TestScoreBadInput(t *testing.T) {
	m := loadModel(t)
	good := chessStory(t)
	want := m.Score(good)
	bad := good
	bad.Mentions = append(slices.Clone(good.Mentions),
		Mention{Sent: -1, Lo: 0, Hi: 1, Entity: 40},
		Mention{Sent: len(good.Sents), Lo: 0, Hi: 1, Entity: 41},
		Mention{Sent: 0, Lo: 3, Hi: 2, Head: 2, Entity: 42},
		Mention{Sent: 0, Lo: 0, Hi: 99, Head: 0, Entity: 43},
		Mention{Sent: 0, Lo: 0, Hi: 1, Head: 99, Entity: 44},
		Mention{Sent: 0, Lo: 0, Hi: 1, Head: 0, Entity: -1},
	)
	tests := []struct {
		name string
		doc  Doc
		// ents and sents are the expected numbers of entities and
		// sentences scored.
		ents, sents int
	}{
		{"empty", Doc{}, 0, 0},
		{"sentences without mentions", Doc{Sents: good.Sents}, 0, len(good.Sents)},
		{"empty sentences", Doc{Sents: make([][]Word, 3), Title: "A title"}, 0, 3},
		{"mentions that do not fit", bad, len(want.Entity), len(good.Sents)},
		{"paragraphs of another length", Doc{Sents: good.Sents, Mentions: good.Mentions, Para: []int{0}}, len(want.Entity), len(good.Sents)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := m.Score(tt.doc)
			if len(s.Entity) != tt.ents || len(s.Sentence) != tt.sents {
				t.Fatalf("Score: %d entities, %d sentences, want %d, %d", len(s.Entity), len(s.Sentence), tt.ents, tt.sents)
			}
			for _, p := range s.Sentence {
				if math.IsNaN(p) || p <= 0 || p >= 1 {
					t.Errorf("Sentence = %v, want probabilities", s.Sentence)
					break
				}
			}
		})
	}
	// Mentions that do not fit change nothing.
	got := m.Score(bad)
	for e, p := range want.Entity {
		if got.Entity[e] != p {
			t.Errorf("with bad mentions Entity[%d] = %v, want %v", e, got.Entity[e], p)
		}
	}
	if !slices.Equal(got.Sentence, want.Sentence) {
		t.Errorf("with bad mentions Sentence = %v, want %v", got.Sentence, want.Sentence)
	}
}

func TestTop(t *testing.T) {
	s := Scores{Entity: map[int]float64{4: 0.2, 1: 0.9, 7: 0.2, 2: 0.5}, Sentence: []float64{0.1, 0.4, 0.4, 0.9}}
	tests := []struct {
		name string
		got  []int
		want []int
	}{
		{"entities, ties by id", s.TopEntities(-1), []int{1, 2, 4, 7}},
		{"two entities", s.TopEntities(2), []int{1, 2}},
		{"sentences, ties in order", s.TopSentences(-1), []int{3, 1, 2, 0}},
		{"more sentences than there are", s.TopSentences(10), []int{3, 1, 2, 0}},
		{"no sentence", s.TopSentences(0), []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestCodec(t *testing.T) {
	m := loadModel(t)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), embedded) {
		t.Errorf("Encode(Load()) differs from the embedded model (%d bytes, want %d): the format is not stable", buf.Len(), len(embedded))
	}
	text := func(lines ...string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
		zw.Close()
		return b.Bytes()
	}
	full := func(edit func([]string) []string) []byte {
		lines := []string{header}
		for _, n := range entityFeatureNames {
			lines = append(lines, "entity\t"+n+"\t0.5")
		}
		for _, n := range sentenceFeatureNames {
			lines = append(lines, "sentence\t"+n+"\t-0.25")
		}
		return text(edit(lines)...)
	}
	same := func(l []string) []string { return l }
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"complete", full(same), true},
		{"not gzip", []byte("factdeck salience model v1\n"), false},
		{"empty", text(), false},
		{"other header", full(func(l []string) []string { l[0] = "factdeck salience model v0"; return l }), false},
		{"unknown feature", full(func(l []string) []string { return append(l, "entity\tshoe_size\t1") }), false},
		{"unknown model", full(func(l []string) []string { return append(l, "verb\tbias\t1") }), false},
		{"feature twice", full(func(l []string) []string { return append(l, l[1]) }), false},
		{"missing feature", full(func(l []string) []string { return l[:len(l)-1] }), false},
		{"bad weight", full(func(l []string) []string { l[2] = "entity\t" + entityFeatureNames[1] + "\tNaN"; return l }), false},
		{"two fields", full(func(l []string) []string { l[2] = "entity\tbias"; return l }), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Decode(tt.data)
			if tt.ok != (err == nil) {
				t.Fatalf("Decode: err = %v, want ok %v", err, tt.ok)
			}
			if tt.ok && (m.entity.w[0] != 0.5 || m.sentence.w[numSentenceFeatures-1] != -0.25) {
				t.Errorf("Decode: weights %v / %v, want 0.5 / -0.25", m.entity.w[0], m.sentence.w[numSentenceFeatures-1])
			}
		})
	}
}

// longStory is a document of 40 sentences in 10 paragraphs: the rail
// story's sentences over and over, with entity ids shifted every round
// so that new side figures keep coming.
func longStory(b testing.TB) Doc {
	base := railStory(b)
	d := Doc{Title: base.Title}
	for round := 0; len(d.Sents) < 40; round++ {
		for i, s := range base.Sents {
			if len(d.Sents) == 40 {
				break
			}
			si := len(d.Sents)
			d.Sents = append(d.Sents, s)
			d.Para = append(d.Para, si/4)
			for _, m := range base.Mentions {
				if m.Sent != i {
					continue
				}
				m.Sent = si
				if m.Entity != 1 {
					m.Entity += 100 * round
				}
				d.Mentions = append(d.Mentions, m)
			}
		}
	}
	return d
}

func BenchmarkScore(b *testing.B) {
	m := loadModel(b)
	d := longStory(b)
	n := 0
	for _, s := range d.Sents {
		for _, w := range s {
			n += len(w.Text) + 1
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		m.Score(d)
	}
}
