package coref_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/coref"
	"factdeck/quiz/syntax"
	"factdeck/quiz/token"
)

var (
	corefModel  = sync.OnceValues(coref.Load)
	syntaxModel = sync.OnceValues(syntax.Load)
)

func mustLoad(tb testing.TB) (*coref.Model, *syntax.Model) {
	tb.Helper()
	m, err := corefModel()
	if err != nil {
		tb.Fatalf("coref.Load() error: %v", err)
	}
	sm, err := syntaxModel()
	if err != nil {
		tb.Fatalf("syntax.Load() error: %v", err)
	}
	return m, sm
}

// name is a mention the caller found: every occurrence of the phrase is
// a mention of the entity.
type name struct {
	phrase string
	kind   quiz.Kind
	proper bool
	gender string
	entity int
}

// passage is a text parsed by package syntax, with its mentions.
type passage struct {
	sents [][]coref.Word
	ments []coref.Mention
}

// parse splits and parses text and finds the occurrences of names in it.
func parse(tb testing.TB, sm *syntax.Model, text string, names []name) passage {
	tb.Helper()
	var p passage
	for _, tr := range sm.ParseAll(text, token.Split(text)) {
		ws := make([]coref.Word, len(tr.Words))
		for i, w := range tr.Words {
			ws[i] = coref.Word{Text: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, Feats: string(w.Feats), Rel: w.DepRel, Head: w.Head}
		}
		p.sents = append(p.sents, ws)
	}
	for _, n := range names {
		want := strings.Fields(n.phrase)
		found := false
		for si, s := range p.sents {
			for lo := 0; lo+len(want) <= len(s); lo++ {
				match := true
				for k, w := range want {
					if s[lo+k].Text != w {
						match = false
						break
					}
				}
				if !match {
					continue
				}
				hi := lo + len(want)
				head := hi - 1
				for i := lo; i < hi; i++ {
					if h := s[i].Head; h < lo || h >= hi {
						head = i
						break
					}
				}
				p.ments = append(p.ments, coref.Mention{
					Sent: si, Lo: lo, Hi: hi, Head: head, Kind: n.kind, Proper: n.proper, Gender: n.gender, Entity: n.entity,
				})
				found = true
			}
		}
		if !found {
			tb.Fatalf("%q not found in %q", n.phrase, text)
		}
	}
	return p
}

// linkText describes link l of passage p: "She -> Ann Lee" or "It -> -".
func (p passage) linkText(l coref.Link) string {
	to := "-"
	if l.Mention >= 0 {
		m := p.ments[l.Mention]
		var ws []string
		for _, w := range p.sents[m.Sent][m.Lo:m.Hi] {
			ws = append(ws, w.Text)
		}
		to = strings.Join(ws, " ")
	}
	return fmt.Sprintf("%s -> %s", p.sents[l.Sent][l.Word].Text, to)
}

func person(phrase, gender string, entity int) name {
	return name{phrase: phrase, kind: quiz.KindPerson, proper: true, gender: gender, entity: entity}
}

func TestResolve(t *testing.T) {
	m, sm := mustLoad(t)
	tests := []struct {
		name  string
		text  string
		names []name
		// want lists "pronoun -> entity" per third-person pronoun, in
		// order: the entity is the first phrase of names with that
		// entity number, "-" for unresolved, "*" for any answer.
		want []string
	}{
		{
			name: "main-clause protagonist over a subordinate subject",
			text: "Ann Lee stepped down in 1995, five years before Bo Park helped engineer a merger. She also donated $10 million to the museum.",
			names: []name{
				person("Ann Lee", "", 1), person("Bo Park", "", 2),
				{phrase: "a merger", entity: 3}, {phrase: "the museum", kind: quiz.KindOrganization, entity: 4},
			},
			want: []string{"She -> Ann Lee"},
		},
		{
			name:  "she and he by gender",
			text:  "Tom Reed met Ann Lee in Lisbon. She gave him a signed copy of the report, and he thanked her.",
			names: []name{person("Tom Reed", "m", 1), person("Ann Lee", "f", 2), {phrase: "Lisbon", kind: quiz.KindCity, proper: true, entity: 3}},
			want:  []string{"She -> Ann Lee", "him -> Tom Reed", "he -> Tom Reed", "her -> Ann Lee"},
		},
		{
			name: "it to an organization",
			text: "Nordal Bank reported a big loss on Monday. It blamed higher costs and said its chief executive would step down.",
			names: []name{
				{phrase: "Nordal Bank", kind: quiz.KindOrganization, proper: true, entity: 1},
				{phrase: "a big loss", entity: 2}, {phrase: "higher costs", entity: 3},
			},
			want: []string{"It -> Nordal Bank", "its -> Nordal Bank"},
		},
		{
			name:  "it to a thing, not a person",
			text:  "Ann Lee bought an old farmhouse in 1990. She restored it over ten years.",
			names: []name{person("Ann Lee", "f", 1), {phrase: "an old farmhouse", entity: 2}},
			want:  []string{"She -> Ann Lee", "it -> an old farmhouse"},
		},
		{
			name: "they to a plural noun",
			text: "The engineers inspected the bridge for three months. They found two cracks in the deck.",
			names: []name{
				{phrase: "The engineers", kind: quiz.KindPerson, entity: 1}, {phrase: "the bridge", entity: 2},
				{phrase: "two cracks", entity: 3},
			},
			want: []string{"They -> The engineers"},
		},
		{
			name:  "binding: an object pronoun is not its clause's subject",
			text:  "Mia Chen visited Ann Lee on Friday. Ann Lee praised her in a speech.",
			names: []name{person("Mia Chen", "f", 1), person("Ann Lee", "f", 2)},
			want:  []string{"her -> Mia Chen"},
		},
		{
			name:  "a reflexive is its clause's subject",
			text:  "Mia Chen visited Ann Lee on Friday. Ann Lee praised herself in a speech.",
			names: []name{person("Mia Chen", "f", 1), person("Ann Lee", "f", 2)},
			want:  []string{"herself -> Ann Lee"},
		},
		{
			name:  "cataphora is left unresolved",
			text:  "Before she left the company, Ann Lee sold her shares.",
			names: []name{person("Ann Lee", "f", 1), {phrase: "the company", kind: quiz.KindOrganization, entity: 2}},
			want:  []string{"she -> -", "her -> Ann Lee"},
		},
		{
			name: "a chain of pronouns beyond the window keeps its entity",
			text: "Ann Lee founded a bakery in 1990. She ran it for ten years. In 2001 she sold it to a rival. " +
				"She then moved to Spain. There she opened a school for cooks. Later she wrote three books.",
			names: []name{
				person("Ann Lee", "f", 1), {phrase: "a bakery", kind: quiz.KindOrganization, entity: 2},
				{phrase: "a rival", kind: quiz.KindOrganization, entity: 3},
				{phrase: "Spain", kind: quiz.KindCountry, proper: true, entity: 4},
				{phrase: "a school for cooks", kind: quiz.KindOrganization, entity: 5},
				{phrase: "three books", entity: 6},
			},
			want: []string{"She -> Ann Lee", "it -> a bakery", "she -> Ann Lee", "it -> a bakery", "She -> Ann Lee", "she -> Ann Lee", "she -> Ann Lee"},
		},
		{
			name:  "no candidate",
			text:  "They said the storm would pass by Sunday.",
			names: []name{{phrase: "the storm", entity: 1}},
			want:  []string{"They -> -"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := parse(t, sm, tc.text, tc.names)
			links := m.Resolve(p.sents, p.ments)
			var got []string
			for _, l := range links {
				got = append(got, p.linkText(l))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Resolve(%q) = %q, want %q", tc.text, got, tc.want)
			}
			for i, l := range links {
				w := tc.want[i]
				if strings.HasSuffix(w, "*") {
					continue
				}
				// The same entity through another of its mentions is
				// right too.
				_, to, _ := strings.Cut(w, " -> ")
				ok := got[i] == w
				if !ok && l.Mention >= 0 && to != "-" {
					for _, n := range tc.names {
						if n.phrase == to && n.entity == p.ments[l.Mention].Entity {
							ok = true
						}
					}
				}
				if !ok {
					t.Errorf("Resolve(%q) link %d = %q (p=%.2f), want %q", tc.text, i, got[i], l.Prob, w)
				}
			}
		})
	}
}
