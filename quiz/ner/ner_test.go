package ner

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"factdeck/quiz/token"
)

func TestEntities(t *testing.T) {
	m := mustLoad(t)
	type ent struct{ text, typ string }
	tests := []struct {
		name string
		in   string
		want []ent // must all be found, with this type
	}{
		{
			name: "spokesperson",
			in:   "White House spokeswoman Karine Jean-Pierre said on Tuesday that President Joe Biden would travel to Germany.",
			want: []ent{{"White House", LOC}, {"Karine Jean-Pierre", PER}, {"Joe Biden", PER}, {"Germany", LOC}},
		},
		{
			name: "company",
			in:   "Microsoft Corp. agreed to buy Activision Blizzard Inc. for $69 billion, the company said in Seattle.",
			want: []ent{{"Microsoft Corp.", ORG}, {"Activision Blizzard Inc.", ORG}, {"Seattle", LOC}},
		},
		{
			name: "possessive",
			in:   "Brazil's central bank raised rates on Wednesday, Governor Roberto Campos Neto told reporters in Brasilia.",
			want: []ent{{"Brazil", LOC}, {"Roberto Campos Neto", PER}, {"Brasilia", LOC}},
		},
		{
			name: "curly quotes",
			in:   "“We will not give up,” said Angela Merkel, speaking in Berlin after meeting the European Union’s leaders.",
			want: []ent{{"Angela Merkel", PER}, {"Berlin", LOC}, {"European Union", ORG}},
		},
		{
			name: "dotted acronym",
			in:   "The U.S. military said on Friday that the Federal Reserve chair, Jerome Powell, had met officials in Washington.",
			want: []ent{{"U.S.", LOC}, {"Federal Reserve", ORG}, {"Jerome Powell", PER}, {"Washington", LOC}},
		},
		{
			name: "sport",
			in:   "Manchester United beat Chelsea 2-1 at Old Trafford on Sunday.\nStriker Marcus Rashford scored twice.",
			want: []ent{{"Manchester United", ORG}, {"Old Trafford", LOC}, {"Marcus Rashford", PER}},
		},
		{
			name: "honorific",
			in:   "Mr. Hollande and Dr. Angela Merkel spoke by telephone on Monday.",
			want: []ent{{"Hollande", PER}, {"Angela Merkel", PER}},
		},
		{
			name: "title-case headline",
			in:   "Oil Prices Climb Amid Fresh Supply Worries in Asian Trading\nOil prices rose on Tuesday in Singapore.",
			want: []ent{{"Singapore", LOC}},
		},
		{
			name: "misc",
			in:   "Japanese officials met French and German diplomats at the United Nations in New York.",
			want: []ent{{"Japanese", MISC}, {"French", MISC}, {"German", MISC}, {"United Nations", ORG}, {"New York", LOC}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.EntitiesIn(tt.in, token.Split(tt.in))
			checkOffsets(t, tt.in, got)
			for _, w := range tt.want {
				found := false
				for _, e := range got {
					if e.Text == w.text {
						found = true
						if e.Type != w.typ {
							t.Errorf("Entities(%q): %q has type %s, want %s", tt.in, w.text, e.Type, w.typ)
						}
						if want := strings.Index(tt.in, w.text); e.Start != want {
							t.Errorf("Entities(%q): %q at %d, want %d", tt.in, w.text, e.Start, want)
						}
					}
				}
				if !found {
					t.Errorf("Entities(%q) = %v, want it to include %q (%s)", tt.in, got, w.text, w.typ)
				}
			}
		})
	}
}

// checkOffsets fails unless every entity is a valid, ordered slice of text.
func checkOffsets(t testing.TB, text string, ents []Entity) {
	t.Helper()
	prevEnd := 0
	for _, e := range ents {
		if e.Start < prevEnd || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("Entities(%q): bad offsets %+v (previous end %d, len %d)", trunc(text), e, prevEnd, len(text))
		}
		if text[e.Start:e.End] != e.Text {
			t.Fatalf("Entities(%q): text[%d:%d] = %q, want %q", trunc(text), e.Start, e.End, text[e.Start:e.End], e.Text)
		}
		switch e.Type {
		case PER, ORG, LOC, MISC:
		default:
			t.Fatalf("Entities(%q): %+v has unknown type", trunc(text), e)
		}
		prevEnd = e.End
	}
}

func trunc(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

func TestEntitiesRobust(t *testing.T) {
	m := mustLoad(t)
	rng := rand.New(rand.NewSource(1))
	randBytes := make([]byte, 20000)
	rng.Read(randBytes)
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"spaces", "   \n\n\t  "},
		{"no sentence end", "Officials in Paris met executives from Renault and Airbus"},
		{"repeated word", strings.Repeat("London ", 200000)},
		{"one long token", strings.Repeat("x", 100000)},
		{"random bytes", string(randBytes)},
		{"invalid utf8", "Paris \xff\xfe Berlin \xc3 Rome\xe2\x80"},
		{"html", "<html><body><p class=\"x\">Reuters reported that <b>Tesla</b> opened a plant in Berlin.</p></body></html>"},
		{"punctuation only", strings.Repeat("!?.,;:'\"()[]{}—–-…“”’ ", 1000)},
		{"clitics", "' 's n't 'S ’s ’ '' Ma'am O'Brien don't can't Russia's"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.EntitiesIn(tt.in, token.Split(tt.in))
			checkOffsets(t, tt.in, got)
		})
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // sentences joined by " | ", tokens by space
	}{
		{"possessive", "Russia's army", "Russia 's army"},
		{"curly possessive", "Russia’s army", "Russia ’s army"},
		{"negation", "They don't know.", "They do n't know ."},
		{"acronym", "The U.S. and the U.N. met.", "The U.S. and the U.N. met ."},
		{"titles", "Mr. Smith met Dr. Jones in St. Louis.", "Mr. Smith met Dr. Jones in St. Louis ."},
		{"hyphen", "a well-known Ukraine-Russia deal", "a well-known Ukraine-Russia deal"},
		{"numbers", "It cost $1,200.50 on 1996-08-22 at 10:30.", "It cost $ 1,200.50 on 1996-08-22 at 10:30 ."},
		{"quotes", "“Yes,” he said. \"No.\"", "“ Yes , ” he said . | \" No . \""},
		{"sentences", "He left. She stayed! Why? Nobody knows", "He left . | She stayed ! | Why ? | Nobody knows"},
		{"newline", "Headline Here\nBody text", "Headline Here | Body text"},
		{"dash", "three civilians—including two", "three civilians — including two"},
		{"parens", "(Reuters) - The", "( Reuters ) - The"},
		{"url", "See https://example.com/a/b.html. Then", "See https://example.com/a/b.html . | Then"},
		{"number sign", "The No. 1 seed. No. Never.", "The No. 1 seed . | No . | Never ."},
		{"email", "Write to ann@example.org today", "Write to ann@example.org today"},
		{"initials", "J.R.R. Tolkien wrote it.", "J.R.R. Tolkien wrote it ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sents []string
			for _, s := range tokenize(tt.in) {
				var ws []string
				for _, sp := range s {
					ws = append(ws, tt.in[sp.Start:sp.End])
				}
				sents = append(sents, strings.Join(ws, " "))
			}
			if got := strings.Join(sents, " | "); got != tt.want {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeLongSentence(t *testing.T) {
	in := strings.Repeat("word ", 1000)
	for _, s := range tokenize(in) {
		if len(s) > token.MaxSentence {
			t.Fatalf("tokenize: sentence of %d tokens, want at most %d", len(s), token.MaxSentence)
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	m := mustLoad(t)
	var sb strings.Builder
	if err := m.Encode(&sb); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	m2, err := Decode([]byte(sb.String()))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	text := "Chancellor Olaf Scholz flew to Washington to meet officials of the World Bank."
	a, b := m.EntitiesIn(text, token.Split(text)), m2.EntitiesIn(text, token.Split(text))
	if len(a) != len(b) {
		t.Fatalf("Entities after round trip = %v, want %v", b, a)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("Entities after round trip = %v, want %v", b, a)
		}
	}
	if _, err := Decode([]byte("not a model")); err == nil {
		t.Errorf("Decode(garbage) error = nil, want an error")
	}
}

func seedTexts(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no seed texts found: %v", err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("read %s: %v", p, err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestEntitiesSeeds(t *testing.T) {
	m := mustLoad(t)
	for _, text := range seedTexts(t) {
		ents := m.EntitiesIn(text, token.Split(text))
		checkOffsets(t, text, ents)
		found := map[string]string{}
		for _, e := range ents {
			found[e.Text] = e.Type
		}
		for name, typ := range map[string]string{"Ukraine": LOC, "Russia": LOC, "Istanbul": LOC} {
			if strings.Contains(text, name) && found[name] != typ {
				t.Errorf("Entities(seed) type of %q = %q, want %s", name, found[name], typ)
			}
		}
	}
}

func BenchmarkEntities(b *testing.B) {
	m := mustLoad(b)
	texts := seedTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			m.EntitiesIn(t, token.Split(t))
		}
	}
}

func FuzzEntities(f *testing.F) {
	m := mustLoad(f)
	f.Add("President Emmanuel Macron of France met Apple executives in Paris.")
	f.Fuzz(func(t *testing.T, text string) {
		ents := m.EntitiesIn(text, token.Split(text))
		checkOffsets(t, text, ents)
		_ = utf8.ValidString(text)
	})
}

func TestEntitiesConcurrent(t *testing.T) {
	m := mustLoad(t)
	texts := seedTexts(t)
	want := make([][]Entity, len(texts))
	for i, text := range texts {
		want[i] = m.EntitiesIn(text, token.Split(text))
	}
	errs := make(chan string, 4*len(texts))
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i, text := range texts {
				got := m.EntitiesIn(text, token.Split(text))
				if len(got) != len(want[i]) {
					errs <- fmt.Sprintf("concurrent Entities(seed %d) found %d entities, want %d", i, len(got), len(want[i]))
					continue
				}
				for j := range got {
					if got[j] != want[i][j] {
						errs <- fmt.Sprintf("concurrent Entities(seed %d)[%d] = %+v, want %+v", i, j, got[j], want[i][j])
						break
					}
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
