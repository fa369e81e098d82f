package token

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// ud is the directory of the UD English treebanks, relative to this package.
const ud = "../../../shared/eval/ud"

// goldSentence is a sentence of a treebank: its text and the byte spans of
// its syntactic words in it.
type goldSentence struct {
	text  string
	spans [][2]int
}

// readTreebank reads the sentences of a CoNLL-U file whose words can be
// found in order in their "# text" line.
func readTreebank(tb testing.TB, path string) []goldSentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var out []goldSentence
	var text string
	var surf []string    // surface tokens
	var words [][]string // syntactic words per surface token
	mw := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	flush := func() {
		if text == "" {
			return
		}
		g := goldSentence{text: text}
		p := 0
		ok := true
		for k, s := range surf {
			i := strings.Index(text[p:], s)
			if i < 0 || strings.TrimSpace(text[p:p+i]) != "" {
				ok = false
				break
			}
			a := p + i
			for _, w := range words[k] {
				g.spans = append(g.spans, [2]int{a, a + len(w)})
				a += len(w)
			}
			p += i + len(s)
		}
		if ok {
			out = append(out, g)
		}
		text, surf, words, mw = "", nil, nil, 0
	}
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "# text = ") {
			text = line[len("# text = "):]
			continue
		}
		if line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 || strings.Contains(f[0], ".") {
			continue
		}
		if strings.Contains(f[0], "-") {
			var a, b int
			for _, c := range strings.Split(f[0], "-")[0] {
				a = a*10 + int(c-'0')
			}
			for _, c := range strings.Split(f[0], "-")[1] {
				b = b*10 + int(c-'0')
			}
			mw = b - a + 1
			surf = append(surf, f[1])
			words = append(words, nil)
			continue
		}
		if mw > 0 {
			words[len(words)-1] = append(words[len(words)-1], f[1])
			mw--
			continue
		}
		surf = append(surf, f[1])
		words = append(words, []string{f[1]})
	}
	flush()
	return out
}

// treebankAgreement tokenizes each sentence's text and returns the share
// of gold words found exactly, the share of tokens that are gold words,
// and the most frequent differences.
func treebankAgreement(sents []goldSentence) (recall, precision float64, diffs []string) {
	count := map[string]int{}
	gold, pred, both := 0, 0, 0
	for _, s := range sents {
		want := map[[2]int]bool{}
		for _, sp := range s.spans {
			want[sp] = true
		}
		got := map[[2]int]bool{}
		for _, se := range Split(s.text) {
			for _, t := range se.Tokens {
				got[[2]int{t.Start, t.End}] = true
			}
		}
		gold += len(want)
		pred += len(got)
		bad := false
		for sp := range got {
			if want[sp] {
				both++
			} else {
				bad = true
			}
		}
		if bad || len(got) != len(want) {
			// Report the differing region word by word.
			var g, p []string
			for _, sp := range s.spans {
				if !got[sp] {
					g = append(g, s.text[sp[0]:sp[1]])
				}
			}
			for _, se := range Split(s.text) {
				for _, t := range se.Tokens {
					if !want[[2]int{t.Start, t.End}] {
						p = append(p, t.Text)
					}
				}
			}
			count["gold "+strings.Join(g, " ")+"  ours "+strings.Join(p, " ")]++
		}
	}
	for k := range count {
		diffs = append(diffs, k)
	}
	sort.Slice(diffs, func(i, j int) bool {
		return count[diffs[i]] > count[diffs[j]] || count[diffs[i]] == count[diffs[j]] && diffs[i] < diffs[j]
	})
	return 100 * float64(both) / float64(gold), 100 * float64(both) / float64(pred), diffs
}

// TestTreebankTokens checks that the tokens of the treebanks' raw sentence
// texts are their syntactic words.
func TestTreebankTokens(t *testing.T) {
	tests := []struct {
		file string
		min  float64 // minimum recall and precision, percent
	}{
		{"en_ewt-ud-dev.conllu", 98.8},
		{"en_gum-ccby-ud-dev.conllu", 99.7},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(ud, tt.file)
			if _, err := os.Stat(path); err != nil {
				if os.Getenv("CI") == "true" {
					t.Fatalf("%s not found: %v", path, err)
				}
				t.Skipf("%s not found (the UD treebanks live in ../shared beside the repository); skipping", path)
			}
			sents := readTreebank(t, path)
			r, p, diffs := treebankAgreement(sents)
			t.Logf("%s: %d sentences, word recall %.2f%%, precision %.2f%%", tt.file, len(sents), r, p)
			if testing.Verbose() {
				for _, d := range diffs[:min(len(diffs), 60)] {
					t.Log(d)
				}
			}
			if r < tt.min || p < tt.min {
				t.Errorf("treebank tokens: recall %.2f%%, precision %.2f%%, want both >= %.1f%%", r, p, tt.min)
			}
		})
	}
}
