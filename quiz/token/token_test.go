package token

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // sentences joined by " | ", tokens by space
	}{
		{"possessive", "Russia's army", "Russia 's army"},
		{"curly possessive", "Russia’s army", "Russia ’s army"},
		{"plural possessive", "the players' union", "the players ' union"},
		{"negation", "They don't know.", "They do n't know ."},
		{"won't", "It won't rain and can't snow.", "It wo n't rain and ca n't snow ."},
		{"contractions", "I'm sure they'll say we've gone.", "I 'm sure they 'll say we 've gone ."},
		{"gonna", "We're gonna win, you cannot stop us", "We 're gon na win , you can not stop us"},
		{"acronym", "The U.S. and the U.N. met.", "The U.S. and the U.N. met ."},
		{"abbreviation ends sentence", "They met in the U.S.\nThen they left.", "They met in the U.S . | Then they left ."},
		{"abbreviation before opener", "It opened at 9 a.m. The crowd grew.", "It opened at 9 a.m . | The crowd grew ."},
		{"abbreviation mid-sentence", "Acme Inc. said on Monday", "Acme Inc. said on Monday"},
		{"titles", "Mr. Smith met Dr. Jones in St. Louis.", "Mr. Smith met Dr. Jones in St. Louis ."},
		{"hyphen", "a well-known Ukraine-Russia deal", "a well - known Ukraine - Russia deal"},
		{"prefix hyphen", "the anti-war, re-elected, e-mail co-founder", "the anti-war , re-elected , e-mail co-founder"},
		{"number range", "10-12 people in 1990-1995", "10 - 12 people in 1990 - 1995"},
		{"age", "a 26-year-old man", "a 26 - year - old man"},
		{"phone and date", "Call 555-0123 on 2024-03-01 or 3/14/2025", "Call 555-0123 on 2024-03-01 or 3/14/2025"},
		{"numbers", "It cost $1,200.50 on 10:30, up 3.5%.", "It cost $ 1,200.50 on 10:30 , up 3.5 % ."},
		{"units", "at 5pm, 35mm and $3bn", "at 5 pm , 35 mm and $ 3 bn"},
		{"ordinals and decades", "the 3rd in the 1990s and '80s", "the 3rd in the 1990s and ' 80s"},
		{"slash", "and/or 9/11 km/h", "and / or 9/11 km / h"},
		{"quotes", "“Yes,” he said. \"No.\"", "“ Yes , ” he said . | \" No . \""},
		{"sentences", "He left. She stayed! Why? Nobody knows", "He left . | She stayed ! | Why ? | Nobody knows"},
		{"repeated stops", "Really?! Yes...", "Really ?! | Yes ..."},
		{"newline", "Headline Here\nBody text", "Headline Here | Body text"},
		{"dash", "three civilians—including two -- maybe", "three civilians — including two -- maybe"},
		{"parens", "(Reuters) - The", "( Reuters ) - The"},
		{"url", "See https://example.com/a/b.html. Then", "See https://example.com/a/b.html . | Then"},
		{"email", "Write to ann@example.org today", "Write to ann@example.org today"},
		{"number sign", "The No. 1 seed. No. Never.", "The No. 1 seed . | No . | Never ."},
		{"initials", "J.R.R. Tolkien wrote it.", "J.R.R. Tolkien wrote it ."},
		{"apostrophe name", "O'Brien and O’Neill", "O'Brien and O’Neill"},
		{"emoticon", "great :) thanks", "great :) thanks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(Split(tt.in)); got != tt.want {
				t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// words returns the texts of a sentence's tokens.
func words(s Sentence) []string {
	out := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		out[i] = t.Text
	}
	return out
}

// render writes sentences as tokens joined by spaces, sentences by " | ".
func render(sents []Sentence) string {
	var out []string
	for _, s := range sents {
		out = append(out, strings.Join(words(s), " "))
	}
	return strings.Join(out, " | ")
}

// checkSentences fails unless the sentences are valid, ordered, non-empty
// slices of text.
func checkSentences(t testing.TB, text string, sents []Sentence) {
	t.Helper()
	prev := 0
	for _, s := range sents {
		if len(s.Tokens) == 0 || len(s.Tokens) > MaxSentence {
			t.Fatalf("Split: sentence of %d tokens", len(s.Tokens))
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Fatalf("Split: sentence offsets %d..%d, tokens %d..%d", s.Start, s.End, s.Tokens[0].Start, s.Tokens[len(s.Tokens)-1].End)
		}
		for _, tk := range s.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
				t.Fatalf("Split: bad token %+v (previous end %d, text length %d)", tk, prev, len(text))
			}
			if strings.ContainsAny(tk.Text, " \n\t") {
				t.Fatalf("Split: token %q contains a space", tk.Text)
			}
			prev = tk.End
		}
	}
}

func TestSplitRobust(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	randBytes := make([]byte, 20000)
	rng.Read(randBytes)
	tests := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"spaces", "   \n\n\t  \u2028 "},
		{"long line", strings.Repeat("word ", 5000)},
		{"one long token", strings.Repeat("x", 100000)},
		{"random bytes", string(randBytes)},
		{"invalid utf8", "Paris \xff\xfe Berlin \xc3 Rome\xe2\x80"},
		{"punctuation only", strings.Repeat("!?.,;:'\"()[]{}—–-…“”’ ", 1000)},
		{"hyphens", strings.Repeat("a-b-c-d-e-f-g-h-i-j-k ", 100)},
		{"clitics", "' 's n't 'S ’s ’ '' Ma'am O'Brien don't can't Russia's n' n’"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSentences(t, tt.in, Split(tt.in))
		})
	}
}

// TestSplitCoversText checks that only spaces are left out of tokens.
func TestSplitCoversText(t *testing.T) {
	paths, _ := filepath.Glob("../../seeds/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed articles found in ../../seeds")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		sents := Split(text)
		checkSentences(t, text, sents)
		covered := make([]bool, len(text))
		for _, s := range sents {
			for _, tk := range s.Tokens {
				for i := tk.Start; i < tk.End; i++ {
					covered[i] = true
				}
			}
		}
		for i := 0; i < len(text); {
			r, sz := utf8.DecodeRuneInString(text[i:])
			if !covered[i] && !strings.ContainsRune(" \t\r\n\u00a0\u2009\u200a\u202f", r) {
				t.Fatalf("%s: byte %d (%q) is in no token", p, i, r)
			}
			i += sz
		}
	}
}

func BenchmarkSplit(b *testing.B) {
	paths, _ := filepath.Glob("../../seeds/*.txt")
	var texts []string
	n := 0
	for _, p := range paths {
		bs, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(bs))
		n += len(bs)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Split(t)
		}
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Mr. Smith's well-known U.S. firm didn't pay $5m (3.5%) on 2024-03-01.")
	f.Fuzz(func(t *testing.T, text string) {
		checkSentences(t, text, Split(text))
	})
}
