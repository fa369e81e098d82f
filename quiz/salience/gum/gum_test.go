package gum

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/salience"
	"factdeck/quiz/syntax/conllu"
)

// needShared returns the path of a file under ../shared beside the
// repository, skipping the test when it is absent (failing under CI=true).
func needShared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join("../../../../shared", rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s not found: %v", p, err)
		}
		tb.Skipf("%s not found (the evaluation data lives in ../shared beside the repository); skipping", p)
	}
	return p
}

// TestFile checks the reading of GUM against the files themselves: every
// document has five summaries, the count of each entity in the
// salientEntities comment is the number of s in the salience field of its
// mentions, and the comment's stars mark the entities the first summary
// mentions (the first letter of the field).
func TestFile(t *testing.T) {
	for _, split := range []string{"train", "dev", "test"} {
		t.Run(split, func(t *testing.T) {
			sents, err := conllu.ReadFile(needShared(t, "eval/ud/en_gum-ccby-ud-"+split+".conllu"))
			if err != nil {
				t.Fatal(err)
			}
			exs, err := Examples(sents, Options{View: Gold})
			if err != nil {
				t.Fatal(err)
			}
			var starts []int
			for i := range sents {
				if newDoc(&sents[i]) {
					starts = append(starts, i)
				}
			}
			if len(exs) != len(starts) || len(exs) == 0 {
				t.Fatalf("%d documents read, %d in the file", len(exs), len(starts))
			}
			checked := 0
			for k, ex := range exs {
				if len(ex.Summaries) != 5 {
					t.Errorf("%s: %d summaries, want 5", ex.Name, len(ex.Summaries))
				}
				if len(ex.Central) != len(ex.Doc.Sents) || len(ex.Doc.Para) != len(ex.Doc.Sents) {
					t.Errorf("%s: %d central shares and %d paragraphs for %d sentences", ex.Name, len(ex.Central), len(ex.Doc.Para), len(ex.Doc.Sents))
				}
				end := len(sents)
				if k+1 < len(starts) {
					end = starts[k+1]
				}
				doc := sents[starts[k]:end]
				fields, err := mentionSalience(doc)
				if err != nil {
					t.Fatal(err)
				}
				stars, err := salientStars(&doc[0])
				if err != nil {
					t.Fatal(err)
				}
				counts, err := salientEntities(&doc[0])
				if err != nil {
					t.Fatal(err)
				}
				for e, n := range counts {
					f := fields[e]
					if len(f) < 5 {
						t.Errorf("%s: entity %d: salience field %q, want 5 letters", ex.Name, e, f)
						continue
					}
					// A handful of fields carry a sixth letter ("nnnnsl").
					if c := strings.Count(f[:5], "s"); c != n {
						t.Errorf("%s: entity %d: %d summaries in salientEntities, %d in its field %q", ex.Name, e, n, c, f)
					}
					if stars[e] != (f[0] == 's') {
						t.Errorf("%s: entity %d: star %v, field %q", ex.Name, e, stars[e], f)
					}
					checked++
				}
				for e, f := range fields {
					if _, ok := counts[e]; !ok && strings.Contains(f, "s") {
						t.Errorf("%s: entity %d: field %q but not in salientEntities", ex.Name, e, f)
					}
				}
			}
			if checked == 0 {
				t.Error("no entity checked")
			}
		})
	}
}

// doc is an invented GUM document of three sentences: a headline
// repeating the title, then two paragraphs.
const doc = `# newdoc id = GUM_news_invented
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# meta::genre = news
# meta::salientEntities = 1 (5*), 2 (1)
# meta::summary1 = (human1) Ann Lee opened a bakery.
# meta::summary2 = (gpt4o) Lee opened a bakery in Brisk.
# meta::summary3 = (human3) A bakery opened.
# meta::summary4 = (human4) Ann Lee opened a bakery.
# meta::summary5 = (human5) Ann Lee opened a bakery.
# meta::title = Lee opens bakery
# newpar
# text = Lee opens bakery
1	Lee	Lee	PROPN	NNP	Number=Sing	2	nsubj	_	Entity=(1-person-giv-sssss-cf1-1-coref)
2	opens	open	VERB	VBZ	_	0	root	_	_
3	bakery	bakery	NOUN	NN	Number=Sing	2	obj	_	Entity=(3-place-new-nnnnn-cf2-1-sgl)

# newpar
# text = Ann Lee opened a bakery in Brisk.
1	Ann	Ann	PROPN	NNP	Number=Sing	3	nsubj	_	Entity=(1-person-giv-sssss-cf1-1,2-coref
2	Lee	Lee	PROPN	NNP	Number=Sing	1	flat	_	Entity=1)
3	opened	open	VERB	VBD	_	0	root	_	_
4	a	a	DET	DT	_	5	det	_	Entity=(4-place-new-nnnnn-cf3-2-sgl
5	bakery	bakery	NOUN	NN	Number=Sing	3	obj	_	Entity=4)
6	in	in	ADP	IN	_	7	case	_	_
7	Brisk	Brisk	PROPN	NNP	Number=Sing	3	obl	_	Entity=(2-place-new-nsnnn-cf4-1-sgl)|SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_

# newpar
# text = She was happy.
1	She	she	PRON	PRP	_	3	nsubj	_	Entity=(1-person-giv-sssss-cf1-1-coref)
2	was	be	AUX	VBD	_	3	cop	_	_
3	happy	happy	ADJ	JJ	_	0	root	_	_

`

func TestExamples(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		view View
		want []salience.Mention
	}{
		{"gold", Gold, []salience.Mention{
			{Sent: 0, Lo: 0, Hi: 2, Head: 0, Entity: 1, Kind: quiz.KindPerson, Proper: true},
			{Sent: 0, Lo: 3, Hi: 5, Head: 4, Entity: 4, Kind: quiz.KindPlace},
			{Sent: 0, Lo: 6, Hi: 7, Head: 6, Entity: 2, Kind: quiz.KindPlace, Proper: true},
			{Sent: 1, Lo: 0, Hi: 1, Head: 0, Entity: 1, Kind: quiz.KindPerson},
		}},
		{"named", Named, []salience.Mention{
			{Sent: 0, Lo: 0, Hi: 2, Head: 0, Entity: 1, Kind: quiz.KindPerson, Proper: true},
			{Sent: 0, Lo: 6, Hi: 7, Head: 6, Entity: 2, Kind: quiz.KindPlace, Proper: true},
			{Sent: 1, Lo: 0, Hi: 1, Head: 0, Entity: 1, Kind: quiz.KindPerson},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exs, err := Examples(sents, Options{View: tt.view})
			if err != nil {
				t.Fatal(err)
			}
			if len(exs) != 1 {
				t.Fatalf("%d documents, want 1", len(exs))
			}
			ex := exs[0]
			if ex.Name != "GUM_news_invented" || ex.Genre != "news" || ex.Doc.Title != "Lee opens bakery" {
				t.Errorf("name, genre, title = %q, %q, %q", ex.Name, ex.Genre, ex.Doc.Title)
			}
			if len(ex.Doc.Sents) != 2 {
				t.Fatalf("%d sentences, want 2 (the headline is the title)", len(ex.Doc.Sents))
			}
			if !slices.Equal(ex.Doc.Para, []int{0, 1}) {
				t.Errorf("Para = %v, want [0 1]", ex.Doc.Para)
			}
			if ex.Summaries[1] != "Lee opened a bakery in Brisk." {
				t.Errorf("summary 2 = %q, want its author removed", ex.Summaries[1])
			}
			if !slices.Equal(ex.Doc.Mentions, tt.want) {
				t.Errorf("Mentions =\n%+v\nwant\n%+v", ex.Doc.Mentions, tt.want)
			}
			if ex.Summarized[1] != 5 || ex.Summarized[2] != 1 {
				t.Errorf("Summarized = %v, want entity 1 in 5 summaries, 2 in 1", ex.Summarized)
			}
			if ex.Central[0] != 1 || ex.Central[1] != 0 {
				t.Errorf("Central = %v, want [1 0]", ex.Central)
			}
		})
	}
}

func TestExamplesErrors(t *testing.T) {
	good, err := conllu.Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func([]conllu.Sentence) []conllu.Sentence
		opt  Options
	}{
		{"malformed salientEntities", func(s []conllu.Sentence) []conllu.Sentence {
			s[0].Comments = slices.Clone(s[0].Comments)
			for i, c := range s[0].Comments {
				if strings.HasPrefix(c, "# meta::salientEntities") {
					s[0].Comments[i] = "# meta::salientEntities = 1 (five)"
				}
			}
			return s
		}, Options{}},
		{"entity id not a number", func(s []conllu.Sentence) []conllu.Sentence {
			s[1].Words = slices.Clone(s[1].Words)
			s[1].Words[6].Misc = "Entity=(x-place-new-nsnnn-cf4-1-sgl)"
			return s
		}, Options{}},
		{"parsed sentences missing", func(s []conllu.Sentence) []conllu.Sentence { return s }, Options{Parsed: good[:1]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := tt.edit(slices.Clone(good))
			if _, err := Examples(sents, tt.opt); err == nil {
				t.Error("Examples: no error")
			}
		})
	}
}

// salientStars returns, for the document s starts, the entities of its
// salientEntities comment that are starred.
func salientStars(s *conllu.Sentence) (map[int]bool, error) {
	v, _ := comment(s, "meta::salientEntities")
	out := map[int]bool{}
	err := eachSalient(v, func(id, _ int, star bool) {
		if star {
			out[id] = true
		}
	})
	return out, err
}

// mentionSalience returns, for each entity of the document that sents
// (from its first sentence) holds, the salience field of its mentions
// ("snsnn"): the tests check it against the salientEntities comment.
func mentionSalience(sents []conllu.Sentence) (map[int]string, error) {
	out := map[int]string{}
	for i := range sents {
		if i > 0 && newDoc(&sents[i]) {
			break
		}
		ms, err := mentions(&sents[i], i)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.salience != "" {
				out[m.entity] = m.salience
			}
		}
	}
	return out, nil
}
