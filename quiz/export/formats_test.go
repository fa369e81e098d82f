package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"factdeck/quiz"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestCSVRoundTrip(t *testing.T) {
	d := testDeck()
	rows, err := csv.NewReader(bytes.NewReader(write(t, CSV, d))).ReadAll()
	if err != nil {
		t.Fatalf("csv.ReadAll(export) = %v", err)
	}
	if len(rows) != len(d.Questions)+1 {
		t.Fatalf("rows = %d, want a header and %d questions", len(rows), len(d.Questions))
	}
	if !reflect.DeepEqual(rows[0], csvHeader) {
		t.Errorf("header = %q, want %q", rows[0], csvHeader)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	split := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "\n")
	}
	for i, q := range d.Questions {
		row := rows[i+1]
		checks := []struct {
			column string
			got    any
			want   any
		}{
			{"id", row[col["id"]], strconv.FormatInt(q.ID, 10)},
			{"type", row[col["type"]], string(q.Type)},
			{"prompt", row[col["prompt"]], q.Prompt},
			{"answer", row[col["answer"]], q.Answer},
			{"options", split(row[col["options"]]), q.Options},
			{"sentence", row[col["sentence"]], q.Sentence},
			{"cloze", row[col["cloze"]], q.Cloze},
			{"answer_kind", row[col["answer_kind"]], string(q.AnswerKind)},
		}
		for _, c := range checks {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("row %d %s = %q, want %q", i+1, c.column, c.got, c.want)
			}
		}
		// Accepted answers keep their text; a tab inside one is kept, a
		// line break would become a space.
		if got := split(row[col["accepted"]]); !reflect.DeepEqual(got, q.Accepted) {
			t.Errorf("row %d accepted = %q, want %q", i+1, got, q.Accepted)
		}
	}
	if got := rows[4][col["article"]]; got != nastyTitle {
		t.Errorf("article of row 4 = %q, want %q", got, nastyTitle)
	}
}

// readQuizlet parses Quizlet text as written by Write: one card a line,
// term and definition split at the one unescaped tab, escapes undone.
func readQuizlet(t *testing.T, data []byte) [][2]string {
	t.Helper()
	var cards [][2]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 2 {
			t.Fatalf("Quizlet line %q has %d tab-separated parts, want 2", sc.Text(), len(parts))
		}
		cards = append(cards, [2]string{unescapeQuizlet(parts[0]), unescapeQuizlet(parts[1])})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cards
}

// unescapeQuizlet undoes quizletEscaper.
func unescapeQuizlet(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func TestQuizletRoundTrip(t *testing.T) {
	d := testDeck()
	// Backslashes and carriage returns too.
	d.Questions[2].Prompt = `C:\path\to\file` + "\r\nline"
	d.Questions[2].Answer = `\t is not a tab` + "\\"
	cards := readQuizlet(t, write(t, Quizlet, d))
	if len(cards) != len(d.Questions) {
		t.Fatalf("cards = %d, want %d", len(cards), len(d.Questions))
	}
	for i, q := range d.Questions {
		if want := quizletTerm(q); cards[i][0] != want {
			t.Errorf("card %d term = %q, want %q", i, cards[i][0], want)
		}
		if cards[i][1] != q.Answer {
			t.Errorf("card %d definition = %q, want %q", i, cards[i][1], q.Answer)
		}
	}
	if !strings.Contains(cards[0][0], "Bergen / Oslo / Trondheim / Stavanger") {
		t.Errorf("multiple choice term = %q, want its options", cards[0][0])
	}
	if !strings.HasPrefix(cards[4][0], "True or false: ") {
		t.Errorf("true/false term = %q, want it to start with True or false:", cards[4][0])
	}
}

func TestJSONRoundTrip(t *testing.T) {
	d := testDeck()
	got, err := ReadJSON(bytes.NewReader(write(t, JSON, d)))
	if err != nil {
		t.Fatalf("ReadJSON(export) = %v", err)
	}
	d.ID = 0 // a deck's id is not exported
	if !reflect.DeepEqual(got, d) {
		t.Errorf("ReadJSON(Write(JSON, d)) =\n%+v\nwant\n%+v", got, d)
	}
}

func TestJSONSchema(t *testing.T) {
	var doc map[string][]map[string]any
	data := write(t, JSON, testDeck())
	var raw map[string]any
	if err := jsonUnmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"articles", "facts", "questions"} {
		if _, ok := raw[key].([]any); !ok {
			t.Errorf("document lacks the list %q", key)
		}
	}
	delete(raw, "name")
	b, _ := jsonMarshal(raw)
	if err := jsonUnmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	required := map[string][]string{
		"articles":  {"id", "title", "source", "ingested_at"},
		"facts":     {"id", "article", "kind", "subject", "relation", "object", "sentence"},
		"questions": {"id", "article", "fact", "type", "prompt", "answer", "accepted", "options", "sentence"},
	}
	for list, keys := range required {
		for i, item := range doc[list] {
			for _, k := range keys {
				if _, ok := item[k]; !ok {
					t.Errorf("%s[%d] lacks %q", list, i, k)
				}
			}
		}
	}
	// Lists are [] rather than null, even when empty.
	d := testDeck()
	d.Questions[0].Options, d.Questions[0].Accepted = nil, nil
	if out := write(t, JSON, d); bytes.Contains(out, []byte("null")) {
		t.Errorf("JSON export holds null:\n%s", out)
	}
}

func TestReadJSONInvalid(t *testing.T) {
	tests := []struct{ name, in string }{
		{"not json", "articles: []"},
		{"wrong shape", `{"questions": {"id": 1}}`},
		{"unknown question type", `{"questions": [{"id": 1, "type": "essay"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ReadJSON(strings.NewReader(tt.in)); !errors.Is(err, quiz.ErrInvalid) {
				t.Errorf("ReadJSON(%q) = %v, want an error wrapping quiz.ErrInvalid", tt.in, err)
			}
		})
	}
}

func TestGIFTEscaping(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tilde", "a ~ b", `a \~ b`},
		{"equals", "a = b", `a \= b`},
		{"hash", "#1", `\#1`},
		{"braces", "{x}", `\{x\}`},
		{"colon", "10:30", `10\:30`},
		{"backslash", `a\b`, `a\\b`},
		{"line breaks", "a\nb\r\nc", `a\nb\nc`},
		{"tab", "a\tb", "a b"},
		{"all at once", `~=#{}:\`, `\~\=\#\{\}\:\\`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := giftPlain(tt.in); got != tt.want {
				t.Errorf("giftPlain(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got, want := giftText("<b>A&B</b>"), "&lt;b&gt;A&amp;B&lt;/b&gt;"; got != want {
		t.Errorf("giftText(<b>A&B</b>) = %q, want %q", got, want)
	}
}

func TestPlainNumber(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"71", "71", true},
		{"1,200", "1200", true},
		{"-3.5", "-3.5", true},
		{"1,2", "", false},
		{"six", "", false},
		{"49 percent", "", false},
		{"1e5", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := plainNumber(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("plainNumber(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAnkiText(t *testing.T) {
	d := testDeck()
	out := write(t, Anki, d)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	var headers, notes []string
	for _, l := range lines {
		if strings.HasPrefix(l, "#") {
			headers = append(headers, l)
		} else {
			notes = append(notes, l)
		}
	}
	for _, h := range []string{"#separator:tab", "#html:true", "#guid column:1", "#notetype column:2",
		"#deck column:3", "#tags column:6"} {
		if !contains(headers, h) {
			t.Errorf("headers %q lack %q", headers, h)
		}
	}
	if len(notes) != len(d.Questions) {
		t.Fatalf("note lines = %d, want %d (a raw line break escaped?)", len(notes), len(d.Questions))
	}
	ids := guids(resolve(d))
	for i, l := range notes {
		cols := strings.Split(l, "\t")
		if len(cols) != 6 {
			t.Errorf("line %d has %d columns, want 6: %q", i, len(cols), l)
			continue
		}
		wantType := stockBasic
		if d.Questions[i].Type == quiz.Cloze {
			wantType = stockCloze
			if !strings.Contains(cols[3], "{{c1::") {
				t.Errorf("cloze line %d text = %q, want a {{c1:: deletion", i, cols[3])
			}
		}
		if cols[0] != ids[i] || cols[1] != wantType || !strings.HasPrefix(cols[2], "factdeck::") {
			t.Errorf("line %d guid, note type, deck = %q, %q, %q, want %q, %q, factdeck::...", i, cols[0], cols[1], cols[2], ids[i], wantType)
		}
		if strings.Contains(l, `"`) {
			t.Errorf("line %d holds a raw double quote, which would start a quoted cell: %q", i, l)
		}
	}
}

func TestTextCell(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "a <b>c</b>", "a <b>c</b>"},
		{"quote", `say "hi"`, `"say ""hi"""`},
		{"tab", "a\tb", "\"a\tb\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textCell(tt.in); got != tt.want {
				t.Errorf("textCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestGolden compares the text formats with files in testdata; run with
// -update after an intended change and review the diff.
func TestGolden(t *testing.T) {
	for _, f := range []Format{Anki, CSV, Quizlet, GIFT, JSON} {
		t.Run(string(f), func(t *testing.T) {
			got := write(t, f, testDeck())
			path := filepath.Join("testdata", "golden", "deck-"+string(f)+f.Ext())
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Write(%s) differs from %s (run go test -update and review the diff):\n%s", f, path, got)
			}
		})
	}
}

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
func jsonMarshal(v any) ([]byte, error)      { return json.Marshal(v) }
