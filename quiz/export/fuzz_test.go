package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"factdeck/quiz"
)

// fuzzDeck makes a one-article deck of one question of type ty from fuzzed
// text.
func fuzzDeck(title, prompt, answer, other string, ty byte) quiz.Deck {
	types := quiz.QuestionTypes
	q := quiz.Question{ID: 1, ArticleID: 1, FactID: 2, Type: types[int(ty)%len(types)], Prompt: prompt, Answer: answer,
		Accepted: []string{answer, other}, Sentence: other + " " + answer, AnswerKind: quiz.KindPerson, Template: "fuzz"}
	switch q.Type {
	case quiz.MultipleChoice:
		q.Options = []string{other, answer}
	case quiz.TrueFalse:
		q.Answer, q.Options, q.Accepted = "True", []string{"True", "False"}, []string{"True"}
	case quiz.Cloze:
		q.Cloze = "{{c1::" + answer + "}} " + other
	}
	return quiz.Deck{Name: title,
		Articles:  []quiz.Article{{ID: 1, Title: title, Paragraphs: []string{q.Sentence}, Source: "fuzz.txt", Hash: "h"}},
		Facts:     []quiz.Fact{{ID: 2, ArticleID: 1, Kind: quiz.KindPerson, Subject: other, Relation: quiz.RelSaid, Object: answer, Sentence: q.Sentence}},
		Questions: []quiz.Question{q}}
}

func addExportSeeds(f *testing.F) {
	f.Add("Summit ends", "Who said it?", "Jane Roe", "John Doe", byte(0))
	f.Add(nastyTitle, nastyPrompt, `a {deal} ~ is = near`, "C:D\t#1", byte(1))
	f.Add("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", byte(2))
	f.Add("\r\n", "\t=cmd", "\\n", "\"quoted\"", byte(3))
	f.Add("Мирные переговоры", "Кто?", "Анна", "%50%x", byte(0))
}

// FuzzCSV checks that the CSV export reads back, cell for cell, as the
// deck's text with formulas neutralized and list items' line breaks folded.
func FuzzCSV(f *testing.F) {
	addExportSeeds(f)
	f.Fuzz(func(t *testing.T, title, prompt, answer, other string, ty byte) {
		d := fuzzDeck(title, prompt, answer, other, ty)
		var buf bytes.Buffer
		if err := Write(&buf, CSV, d); err != nil {
			return // refused with an error, not half-written
		}
		rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("CSV read back: %d rows, %v", len(rows), err)
		}
		q := d.Questions[0]
		row := map[string]string{}
		for i, name := range rows[0] {
			row[name] = rows[1][i]
		}
		// encoding/csv reads \r\n inside a quoted field as \n.
		crlf := strings.NewReplacer("\r\n", "\n")
		for name, want := range map[string]string{"prompt": q.Prompt, "answer": q.Answer, "sentence": q.Sentence,
			"cloze": q.Cloze, "options": csvList(q.Options), "accepted": csvList(q.Accepted)} {
			if got, want := row[name], crlf.Replace(neutralize(want)); got != want {
				t.Errorf("CSV %s = %q, want %q", name, got, want)
			}
		}
	})
}

// FuzzQuizlet checks that Quizlet text reads back as the terms and
// definitions, formulas neutralized.
func FuzzQuizlet(f *testing.F) {
	addExportSeeds(f)
	f.Fuzz(func(t *testing.T, title, prompt, answer, other string, ty byte) {
		d := fuzzDeck(title, prompt, answer, other, ty)
		var buf bytes.Buffer
		if err := Write(&buf, Quizlet, d); err != nil {
			return
		}
		cards := readQuizlet(t, buf.Bytes())
		q := d.Questions[0]
		if len(cards) != 1 || cards[0][0] != neutralize(quizletTerm(q)) || cards[0][1] != neutralize(q.Answer) {
			t.Errorf("Quizlet read back %q, want %q / %q", cards, neutralize(quizletTerm(q)), neutralize(q.Answer))
		}
	})
}

// FuzzJSON checks that the JSON export reads back equal to the deck.
func FuzzJSON(f *testing.F) {
	addExportSeeds(f)
	f.Fuzz(func(t *testing.T, title, prompt, answer, other string, ty byte) {
		d := fuzzDeck(title, prompt, answer, other, ty)
		var buf bytes.Buffer
		if err := Write(&buf, JSON, d); err != nil {
			return
		}
		got, err := ReadJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("ReadJSON(Write(JSON)) = %v", err)
		}
		if !reflect.DeepEqual(got, d) && validUTF8(d) {
			t.Errorf("ReadJSON(Write(JSON, d)) =\n%+v\nwant\n%+v", got, d)
		}
	})
}

// validUTF8 reports whether the deck's text is valid UTF-8, which JSON
// keeps exactly; invalid bytes come back as U+FFFD.
func validUTF8(d quiz.Deck) bool {
	q := d.Questions[0]
	for _, s := range append([]string{d.Name, q.Prompt, q.Answer, q.Sentence, q.Cloze, d.Articles[0].Title, d.Facts[0].Subject}, append(q.Options, q.Accepted...)...) {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

// FuzzAPKG checks that every .apkg opens in SQLite with one note per
// question.
func FuzzAPKG(f *testing.F) {
	addExportSeeds(f)
	f.Fuzz(func(t *testing.T, title, prompt, answer, other string, ty byte) {
		d := fuzzDeck(title, prompt, answer, other, ty)
		var buf bytes.Buffer
		if err := Write(&buf, APKG, d); err != nil {
			return
		}
		db := openAPKG(t, buf.Bytes())
		var notes int
		if err := db.QueryRow("SELECT count(*) FROM notes").Scan(&notes); err != nil || notes != 1 {
			t.Errorf("apkg notes = %d, %v; want 1", notes, err)
		}
		var check string
		if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
			t.Errorf("apkg integrity_check = %q, %v", check, err)
		}
	})
}

// FuzzGIFT checks that every GIFT question parses: one title between ::
// marks, one answer block, every other control character escaped, and no
// blank line inside a question. (TestGIFTPegjsParses runs the real parser
// on fixed decks; starting node per input would be too slow here.)
func FuzzGIFT(f *testing.F) {
	addExportSeeds(f)
	f.Fuzz(func(t *testing.T, title, prompt, answer, other string, ty byte) {
		d := fuzzDeck(title, prompt, answer, other, ty)
		var buf bytes.Buffer
		if err := Write(&buf, GIFT, d); err != nil {
			return
		}
		if err := checkGIFT(buf.String()); err != nil {
			t.Errorf("GIFT does not parse: %v\n%s", err, buf.String())
		}
	})
}

// checkGIFT checks the structure of GIFT as writeGIFT writes it.
func checkGIFT(s string) error {
	var questions []string
	for _, block := range strings.Split(s, "\n\n") {
		block = strings.TrimSpace(block)
		if block == "" || strings.HasPrefix(block, "$CATEGORY:") {
			if strings.Contains(block, "\n") {
				return fmt.Errorf("category %q spans lines", block)
			}
			continue
		}
		questions = append(questions, block)
	}
	if len(questions) != 1 {
		return fmt.Errorf("%d questions, want 1", len(questions))
	}
	q := questions[0]
	_, body, ok := strings.Cut(q, "\n")
	if !ok || !strings.HasPrefix(q, "// [id:") {
		return fmt.Errorf("question lacks its id comment")
	}
	var marks []string // unescaped braces and colons, in order
	for i := 0; i < len(body); i++ {
		switch c := body[i]; c {
		case '\\':
			i++
		case ':', '{', '}':
			marks = append(marks, string(c))
		}
	}
	// ::title::stem {answers} [rest of a cloze]
	if got := strings.Join(marks, ""); got != "::::{}" {
		return fmt.Errorf("braces and colons %q, want ::::{}", got)
	}
	return nil
}
