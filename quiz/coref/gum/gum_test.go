package gum

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/coref"
	"factdeck/quiz/syntax/conllu"
)

func readTestdata(t *testing.T) []conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadFile("testdata/two_docs.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDocs(t *testing.T) {
	sents := readTestdata(t)
	tests := []struct {
		name string
		opt  Options
		want []coref.Doc
	}{
		{
			name: "genders from the clusters' pronouns",
			want: []coref.Doc{
				{
					Name: "a",
					Mentions: []coref.Mention{
						{Sent: 0, Lo: 0, Hi: 2, Head: 0, Kind: quiz.KindPerson, Proper: true, Gender: "f", Entity: 1},
						{Sent: 0, Lo: 3, Hi: 4, Head: 3, Kind: quiz.KindOrganization, Proper: true, Entity: 2},
						{Sent: 0, Lo: 5, Hi: 6, Head: 5, Kind: quiz.KindPlace, Proper: true, Entity: 3},
						{Sent: 1, Lo: 2, Hi: 4, Head: 3, Entity: -1},
						{Sent: 1, Lo: 5, Hi: 8, Head: 7, Kind: quiz.KindPerson, Entity: -1},
					},
					Clusters: []int{1, 2, 3, 4, 5},
					Pronouns: []coref.Pronoun{{Sent: 1, Word: 0, Cluster: 1}, {Sent: 1, Word: 2, Cluster: 2}, {Sent: 2, Word: 0, Cluster: 5}, {Sent: 2, Word: 1, Cluster: 5}},
				},
				{
					Name:     "b",
					Mentions: []coref.Mention{{Sent: 0, Lo: 0, Hi: 1, Head: 0, Kind: quiz.KindPerson, Proper: true, Gender: "m", Entity: 1}},
					Clusters: []int{1},
					Pronouns: []coref.Pronoun{{Sent: 1, Word: 0, Cluster: 1}},
				},
			},
		},
		{
			name: "genders from given names",
			opt: Options{Gender: func(given string) byte {
				if given == "Ann" {
					return 'f'
				}
				return 0
			}},
			want: []coref.Doc{
				{
					Name: "a",
					Mentions: []coref.Mention{
						{Sent: 0, Lo: 0, Hi: 2, Head: 0, Kind: quiz.KindPerson, Proper: true, Gender: "f", Entity: 1},
						{Sent: 0, Lo: 3, Hi: 4, Head: 3, Kind: quiz.KindOrganization, Proper: true, Entity: 2},
						{Sent: 0, Lo: 5, Hi: 6, Head: 5, Kind: quiz.KindPlace, Proper: true, Entity: 3},
						{Sent: 1, Lo: 2, Hi: 4, Head: 3, Entity: -1},
						{Sent: 1, Lo: 5, Hi: 8, Head: 7, Kind: quiz.KindPerson, Entity: -1},
					},
					Clusters: []int{1, 2, 3, 4, 5},
					Pronouns: []coref.Pronoun{{Sent: 1, Word: 0, Cluster: 1}, {Sent: 1, Word: 2, Cluster: 2}, {Sent: 2, Word: 0, Cluster: 5}, {Sent: 2, Word: 1, Cluster: 5}},
				},
				{
					// "Bo" alone says nothing of a given name.
					Name:     "b",
					Mentions: []coref.Mention{{Sent: 0, Lo: 0, Hi: 1, Head: 0, Kind: quiz.KindPerson, Proper: true, Entity: 1}},
					Clusters: []int{1},
					Pronouns: []coref.Pronoun{{Sent: 1, Word: 0, Cluster: 1}},
				},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Docs(sents, tc.opt)
			if err != nil {
				t.Fatalf("Docs() error: %v", err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Docs() = %d docs, want %d", len(got), len(tc.want))
			}
			for i := range got {
				g, w := got[i], tc.want[i]
				if g.Name != w.Name || !reflect.DeepEqual(g.Mentions, w.Mentions) || !reflect.DeepEqual(g.Clusters, w.Clusters) ||
					!reflect.DeepEqual(g.Pronouns, w.Pronouns) {
					t.Errorf("Docs() doc %d =\n%+v\nwant\n%+v", i, g, w)
				}
			}
			if w := got[0].Sents[1][2]; w.Text != "its" || w.Rel != "nmod:poss" || w.Head != 3 || w.Feats != "Poss=Yes|PronType=Prs" {
				t.Errorf("Docs() word = %+v, want its, nmod:poss of word 3", w)
			}
			if w := got[0].Sents[0][4]; w.Feats != "" {
				t.Errorf("Docs() feats of %q = %q, want none for _", w.Text, w.Feats)
			}
		})
	}
}

func TestDocsParsed(t *testing.T) {
	gold := readTestdata(t)
	// Another tree: "Lee" heads "Ann Lee"; the words come from it, which
	// mentions are candidates and their kinds from the gold one.
	parsed := conllu.Reparsed(gold, func(s *conllu.Sentence) {
		if s.Words[0].Form == "Ann" {
			s.Words[0].Head, s.Words[0].DepRel = 2, "compound"
			s.Words[1].Head, s.Words[1].DepRel = 3, "nsubj"
		}
	})
	if gold[0].Words[0].Head != 3 {
		t.Fatalf("Reparsed changed the gold sentences")
	}
	docs, err := Docs(gold, Options{Parsed: parsed})
	if err != nil {
		t.Fatal(err)
	}
	m := docs[0].Mentions[0]
	if m.Head != 1 || docs[0].Sents[0][1].Rel != "nsubj" {
		t.Errorf("Docs(parsed) mention %+v, word %+v, want head 1 with the parsed relation", m, docs[0].Sents[0][1])
	}
	if _, err := Docs(gold, Options{Parsed: parsed[:2]}); err == nil {
		t.Errorf("Docs() with fewer parsed sentences: no error")
	}
}

func TestMentionsErrors(t *testing.T) {
	tests := []struct{ name, misc string }{
		{"no id", "Entity=(-person-new)"},
		{"no type", "Entity=(7)"},
		{"id not a number", "Entity=(x-person-new)"},
		{"close without id", "Entity=)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := conllu.Sentence{Words: []conllu.Word{{ID: 1, Form: "Ann", UPOS: "PROPN", Head: 0, DepRel: "root", Misc: tc.misc}}}
			_, err := Docs([]conllu.Sentence{s}, Options{})
			if err == nil || !strings.Contains(err.Error(), "word 1") {
				t.Errorf("Docs(%q) error = %v, want one naming word 1", tc.misc, err)
			}
		})
	}
	if _, err := conllu.ReadFile("testdata/missing.conllu"); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("conllu.ReadFile(missing) error = %v, want not exist", err)
	}
}
