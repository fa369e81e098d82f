package export

// Tests that real importers read our files: Mnemosyne 2.9 imports the .apkg
// and gift-pegjs parses the GIFT. .ci/export-deps.sh installs both; these
// tests find them through environment variables (or the directories that
// script uses), skip when they are absent on a developer's machine, and
// fail when they are absent in CI.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz"
)

// toolDir returns the directory named by the environment variable env
// (.ci/export-deps.sh sets it); probe is a path inside it that must exist.
func toolDir(t *testing.T, env, probe string) string {
	t.Helper()
	dir := os.Getenv(env)
	if _, err := os.Stat(filepath.Join(dir, probe)); err != nil {
		msg := fmt.Sprintf("%s lacks %s (set %s or run .ci/export-deps.sh): %v", dir, probe, env, err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return dir
}

// run runs a command and returns its standard output, failing the test
// with its standard error when it fails.
func run(t *testing.T, cmd *exec.Cmd) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// python returns the Python that runs Mnemosyne: FACTDECK_PYTHON, or
// Debian's, or the first on PATH.
func python() string {
	if p := os.Getenv("FACTDECK_PYTHON"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		return "/usr/bin/python3"
	}
	return "python3"
}

// mnemosyneResult is what testdata/mnemosyne_import.py prints.
type mnemosyneResult struct {
	Imports []struct {
		Facts int `json:"facts"`
		Cards int `json:"cards"`
	} `json:"imports"`
	Tags      []string `json:"tags"`
	CardTypes []string `json:"card_types"`
	Fields    []string `json:"fields"`
}

func TestMnemosyneImportsAPKG(t *testing.T) {
	dir := toolDir(t, "FACTDECK_MNEMOSYNE_DIR",
		"usr/lib/python3/dist-packages/mnemosyne/libmnemosyne/file_formats/anki2.py")
	d := testDeck()
	tmp := t.TempDir()
	first := filepath.Join(tmp, "first.apkg")
	if err := os.WriteFile(first, write(t, APKG, d), 0o600); err != nil {
		t.Fatal(err)
	}
	// A newer export of the same deck with one question edited: importing
	// it must update that note, not add one.
	const target = 3
	edited := d
	edited.Questions = append([]quiz.Question(nil), d.Questions...)
	edited.Questions[target].Prompt = "Edited: " + edited.Questions[target].Prompt
	second := filepath.Join(tmp, "second.apkg")
	if err := os.WriteFile(second, write(t, APKG, edited), 0o600); err != nil {
		t.Fatal(err)
	}
	guid := guids(resolve(d))[target]

	cmd := exec.Command(python(), "-S", "testdata/mnemosyne_import.py", guid, first, second)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+filepath.Join(dir, "usr/lib/python3/dist-packages"))
	out := run(t, cmd)
	var got mnemosyneResult
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("mnemosyne_import.py printed %q: %v", out, err)
	}
	t.Logf("Mnemosyne: %+v", got.Imports)

	n := len(d.Questions)
	if len(got.Imports) != 2 {
		t.Fatalf("imports = %d, want 2", len(got.Imports))
	}
	for i, imp := range got.Imports {
		if imp.Facts != n || imp.Cards != n {
			t.Errorf("after import %d: facts, cards = %d, %d, want %d, %d", i+1, imp.Facts, imp.Cards, n, n)
		}
	}
	if want := []string{"factdeck Basic", "factdeck Cloze"}; strings.Join(got.CardTypes, ",") != strings.Join(want, ",") {
		t.Errorf("card types = %v, want %v", got.CardTypes, want)
	}
	if len(got.Fields) != 3 {
		t.Fatalf("fields of note %s = %q, want 3", guid, got.Fields)
	}
	wantFront := htmlText("Edited: " + d.Questions[target].Prompt)
	if got.Fields[0] != wantFront {
		t.Errorf("front of note %s = %q, want %q", guid, got.Fields[0], wantFront)
	}
	if !strings.HasPrefix(got.Fields[1], htmlText(d.Questions[target].Answer)) {
		t.Errorf("back of note %s = %q, want it to start with the answer %q", guid, got.Fields[1], d.Questions[target].Answer)
	}
	for _, tag := range []string{"factdeck::" + deckTitle(nastyTitle), "factdeck::type::cloze", "factdeck::kind::person"} {
		found := false
		for _, g := range got.Tags {
			found = found || g == tag
		}
		if !found {
			t.Errorf("Mnemosyne tags %q lack %q", got.Tags, tag)
		}
	}
}

// giftResult is what testdata/gift_parse.js prints.
type giftResult struct {
	Questions  int      `json:"questions"`
	Categories []string `json:"categories"`
	Items      []struct {
		Type     string   `json:"type"`
		ID       string   `json:"id"`
		Title    string   `json:"title"`
		Stem     string   `json:"stem"`
		Embedded bool     `json:"embedded"`
		IsTrue   *bool    `json:"isTrue"`
		Tags     []string `json:"tags"`
		Choices  []struct {
			Correct bool   `json:"correct"`
			Text    string `json:"text"`
		} `json:"choices"`
	} `json:"items"`
}

func TestGIFTPegjsParses(t *testing.T) {
	dir := toolDir(t, "FACTDECK_GIFT_DIR", "node_modules/gift-pegjs/package.json")
	d := testDeck()
	path := filepath.Join(t.TempDir(), "deck.gift")
	if err := os.WriteFile(path, write(t, GIFT, d), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "testdata/gift_parse.js", path)
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(dir, "node_modules"))
	out := run(t, cmd)
	var got giftResult
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("gift_parse.js printed %q: %v", out, err)
	}
	t.Logf("gift-pegjs: %d questions in %d categories", got.Questions, len(got.Categories))
	if got.Questions != len(d.Questions) || len(got.Items) != len(d.Questions) {
		t.Fatalf("gift-pegjs questions = %d, want %d", got.Questions, len(d.Questions))
	}
	if len(got.Categories) != len(d.Articles) {
		t.Errorf("gift-pegjs categories = %q, want one per article", got.Categories)
	}
	ids := guids(resolve(d))
	wantType := map[quiz.QuestionType]string{
		quiz.MultipleChoice: "MC", quiz.TrueFalse: "TF", quiz.ShortAnswer: "Short", quiz.Cloze: "Short",
	}
	for i, item := range got.Items {
		q := d.Questions[i]
		want := wantType[q.Type]
		if _, ok := plainNumber(q.Answer); ok && (q.Type == quiz.ShortAnswer || q.Type == quiz.Cloze) {
			want = "Numerical"
		}
		if item.Type != want {
			t.Errorf("question %d (%s) parsed as %s, want %s", i, q.Type, item.Type, want)
		}
		if item.ID != ids[i] {
			t.Errorf("question %d id = %q, want %q", i, item.ID, ids[i])
		}
		if q.Type == quiz.Cloze && !item.Embedded {
			t.Errorf("cloze %d parsed without an embedded answer", i)
		}
		correct := ""
		for _, c := range item.Choices {
			if c.Correct && correct == "" {
				correct = c.Text
			}
		}
		switch q.Type {
		case quiz.TrueFalse:
			if item.IsTrue == nil || *item.IsTrue != (q.Answer == "True") {
				t.Errorf("true/false %d isTrue = %v, want %v", i, item.IsTrue, q.Answer == "True")
			}
		default:
			wantAnswer := strings.ReplaceAll(q.Answer, "\t", " ")
			if q.Type == quiz.MultipleChoice {
				wantAnswer = giftHTMLEscaper.Replace(wantAnswer)
			}
			if correct != wantAnswer {
				t.Errorf("question %d correct answer = %q, want %q", i, correct, wantAnswer)
			}
		}
	}
	// The escaped prompt decodes to the original text (as HTML, tab as space).
	nasty := got.Items[3]
	if want := strings.ReplaceAll(giftHTMLEscaper.Replace(nastyPrompt), "\t", " "); nasty.Stem != want {
		t.Errorf("decoded stem = %q, want %q", nasty.Stem, want)
	}
	if mc := got.Items[6]; len(mc.Choices) != 4 || mc.Choices[1].Text != "John ~ Doe" || mc.Choices[2].Text != "A#B" || mc.Choices[3].Text != "C:D" {
		t.Errorf("decoded choices = %+v, want John ~ Doe, A#B, C:D", mc.Choices)
	}
}
