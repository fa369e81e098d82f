package export

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"factdeck/quiz"
)

// Tricky strings every format must carry: markup, tabs, line breaks,
// quotes and GIFT's control characters.
const (
	nastyTitle  = `Talks "resume" in Geneva/Genève: AT&T's <b>view</b> — Мирные переговоры`
	nastyPrompt = "Who said \"a {deal} ~ is = near\" #1 at 10:30?\tWith <i>html</i>\nand a second line"
)

// testDeck returns a fabricated deck of two articles with questions of
// every type, carrying the tricky strings above.
func testDeck() quiz.Deck {
	ingested := time.Date(2025, 5, 12, 9, 30, 0, 0, time.UTC)
	articles := []quiz.Article{
		{ID: 1, Title: "Summit ends without a deal", Source: "https://news.example.com/summit",
			Paragraphs: []string{"Leaders met in Oslo on Tuesday.", "The talks lasted 12 hours."},
			Hash:       "aa11", IngestedAt: ingested},
		{ID: 2, Title: nastyTitle, Source: "seeds/talks.txt", Standfirst: "A summary.",
			Paragraphs: []string{"Body."}, Hash: "bb22", IngestedAt: ingested},
	}
	facts := []quiz.Fact{
		{ID: 10, ArticleID: 1, Kind: quiz.KindCity, Subject: "the summit", Relation: quiz.RelLocation,
			Object: "Oslo", Sentence: "Leaders met in Oslo on Tuesday.", Key: "summit|location", Confidence: 0.9},
		{ID: 11, ArticleID: 1, Kind: quiz.KindCount, Subject: "hours of talks", Relation: quiz.RelCount,
			Object: "12", Sentence: "The talks lasted 12 hours.", Key: "talks|count"},
		{ID: 12, ArticleID: 2, Kind: quiz.KindPerson, Subject: "Jane Roe", Relation: quiz.RelSaid,
			Object: `a {deal} ~ is = near`, Sentence: nastyPrompt, Key: "roe|said",
			Sources: []string{"seeds/talks.txt"}},
		{ID: 13, ArticleID: 2, Kind: quiz.KindRole, Subject: "Jane Roe", Relation: quiz.RelRole,
			Object: "foreign minister", Sentence: "Jane Roe, the foreign minister, spoke.", Key: "roe|role"},
	}
	questions := []quiz.Question{
		{ID: 100, ArticleID: 1, FactID: 10, Type: quiz.MultipleChoice,
			Prompt: "Where did the leaders meet?", Answer: "Oslo",
			Accepted: []string{"Oslo"}, Options: []string{"Bergen", "Oslo", "Trondheim", "Stavanger"},
			AnswerKind: quiz.KindCity, Sentence: "Leaders met in Oslo on Tuesday.", Template: "location_mc", Difficulty: 1},
		{ID: 101, ArticleID: 1, FactID: 11, Type: quiz.Cloze,
			Prompt: "The talks lasted _____ hours.", Answer: "12", Accepted: []string{"12", "twelve"},
			AnswerKind: quiz.KindCount, Sentence: "The talks lasted 12 hours.",
			Cloze: "The talks lasted {{c1::12}} hours.", Template: "count_cloze", Difficulty: 2},
		{ID: 102, ArticleID: 1, FactID: 11, Type: quiz.ShortAnswer,
			Prompt: "How many hours did the talks last?", Answer: "12", Accepted: []string{"12", "twelve"},
			AnswerKind: quiz.KindCount, Sentence: "The talks lasted 12 hours.", Template: "count_short"},
		{ID: 103, ArticleID: 2, FactID: 12, Type: quiz.ShortAnswer,
			Prompt: nastyPrompt, Answer: "Jane \"JR\" Roe\tjr", Accepted: []string{"Jane \"JR\" Roe\tjr", "Roe"},
			AnswerKind: quiz.KindPerson, Sentence: "Jane <Roe> said so, & more.", Template: "said_short", Difficulty: 3},
		{ID: 104, ArticleID: 2, FactID: 13, Type: quiz.TrueFalse,
			Prompt: "Jane Roe is the foreign minister.", Answer: "True", Accepted: []string{"True"},
			Options: []string{"True", "False"}, AnswerKind: quiz.KindRole,
			Sentence: "Jane Roe, the foreign minister, spoke.", Template: "role_tf"},
		{ID: 105, ArticleID: 2, FactID: 13, Type: quiz.Cloze,
			Prompt: "Jane Roe, the _____, spoke.", Answer: "foreign minister",
			Accepted: []string{"foreign minister"}, AnswerKind: quiz.KindRole,
			Sentence: "Jane Roe, the foreign minister, spoke.", Template: "role_cloze"},
		{ID: 106, ArticleID: 2, FactID: 12, Type: quiz.MultipleChoice,
			Prompt: "Who said it: {x} = y?", Answer: "Jane Roe",
			Accepted: []string{"Jane Roe"}, Options: []string{"Jane Roe", "John ~ Doe", "A#B", "C:D"},
			AnswerKind: quiz.KindPerson, Sentence: nastyPrompt, Template: "said_mc"},
	}
	return quiz.Deck{ID: 7, Name: "Test deck", Articles: articles, Facts: facts, Questions: questions}
}

// bigDeck returns a fabricated deck of n questions over n/50+1 articles,
// cycling through the four question types.
func bigDeck(n int) quiz.Deck {
	var d quiz.Deck
	d.Name = "Big deck"
	for a := 0; a <= n/50; a++ {
		d.Articles = append(d.Articles, quiz.Article{
			ID: int64(a + 1), Title: fmt.Sprintf("Article number %d", a),
			Source: fmt.Sprintf("https://news.example.com/%d", a),
		})
	}
	for i := range n {
		art := int64(i/50 + 1)
		city := fmt.Sprintf("City%d", i)
		sentence := fmt.Sprintf("The meeting number %d took place in %s on Monday.", i, city)
		d.Facts = append(d.Facts, quiz.Fact{
			ID: int64(i + 1), ArticleID: art, Kind: quiz.KindCity, Subject: fmt.Sprintf("meeting %d", i),
			Relation: quiz.RelLocation, Object: city, Sentence: sentence, Key: fmt.Sprintf("meeting%d|location", i),
		})
		q := quiz.Question{
			ID: int64(i + 1), ArticleID: art, FactID: int64(i + 1), Type: quiz.QuestionTypes[i%4],
			Answer: city, Accepted: []string{city}, AnswerKind: quiz.KindCity, Sentence: sentence,
		}
		switch q.Type {
		case quiz.MultipleChoice:
			q.Prompt = fmt.Sprintf("Where did meeting %d take place?", i)
			q.Options = []string{"Elsewhere", city, "Nowhere", "Somewhere"}
		case quiz.Cloze:
			q.Prompt = strings.Replace(sentence, city, blank, 1)
			q.Cloze = strings.Replace(sentence, city, "{{c1::"+city+"}}", 1)
		case quiz.ShortAnswer:
			q.Prompt = fmt.Sprintf("Where did meeting %d take place?", i)
		case quiz.TrueFalse:
			q.Prompt, q.Answer = sentence, "True"
			q.Options = []string{"True", "False"}
		}
		d.Questions = append(d.Questions, q)
	}
	return d
}

// write writes d in format f and fails the test on error.
func write(tb testing.TB, f Format, d quiz.Deck) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, d); err != nil {
		tb.Fatalf("Write(%s) = %v, want nil", f, err)
	}
	return buf.Bytes()
}

func TestWriteEmptyDeck(t *testing.T) {
	d := testDeck()
	d.Questions = nil
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, f, d)
			if !errors.Is(err, quiz.ErrEmpty) {
				t.Fatalf("Write(%s, empty deck) = %v, want an error wrapping quiz.ErrEmpty", f, err)
			}
			if buf.Len() != 0 {
				t.Errorf("Write(%s, empty deck) wrote %d bytes, want 0", f, buf.Len())
			}
		})
	}
}

func TestWriteInvalid(t *testing.T) {
	tests := []struct {
		name    string
		format  Format
		mutate  func(*quiz.Deck)
		wantErr error
	}{
		{"unknown format", Format("pdf"), func(*quiz.Deck) {}, quiz.ErrInvalid},
		{"unknown question type", CSV, func(d *quiz.Deck) { d.Questions[0].Type = "essay" }, quiz.ErrInvalid},
		{"cloze without deletion or answer in sentence", APKG, func(d *quiz.Deck) {
			d.Questions[1].Cloze, d.Questions[1].Prompt, d.Questions[1].Sentence = "", "No blank here.", "Nothing."
		}, quiz.ErrInvalid},
		{"gift true/false answered maybe", GIFT, func(d *quiz.Deck) { d.Questions[4].Answer = "Maybe" }, quiz.ErrInvalid},
		{"gift multiple choice answer not an option", GIFT, func(d *quiz.Deck) { d.Questions[0].Answer = "Paris" }, quiz.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDeck()
			tt.mutate(&d)
			if err := Write(&bytes.Buffer{}, tt.format, d); !errors.Is(err, tt.wantErr) {
				t.Errorf("Write(%s) = %v, want an error wrapping %v", tt.format, err, tt.wantErr)
			}
		})
	}
}

func TestWriteEveryFormat(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			if out := write(t, f, testDeck()); len(out) == 0 {
				t.Errorf("Write(%s) wrote nothing", f)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		name, in string
		want     Format
		wantErr  bool
	}{
		{"apkg", "apkg", APKG, false},
		{"upper case with dot", " .APKG ", APKG, false},
		{"anki text", "anki", Anki, false},
		{"csv", "csv", CSV, false},
		{"quizlet", "Quizlet", Quizlet, false},
		{"gift", "gift", GIFT, false},
		{"json", "json", JSON, false},
		{"unknown", "pdf", "", true},
		{"empty", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("ParseFormat(%q) = %q, %v, want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if err != nil && !errors.Is(err, quiz.ErrInvalid) {
				t.Errorf("ParseFormat(%q) error %v does not wrap quiz.ErrInvalid", tt.in, err)
			}
		})
	}
}

func TestFormatExtAndContentType(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			if ext := f.Ext(); !strings.HasPrefix(ext, ".") || len(ext) < 3 {
				t.Errorf("%s.Ext() = %q, want a dotted extension", f, ext)
			}
			if ct := f.ContentType(); !strings.Contains(ct, "/") {
				t.Errorf("%s.ContentType() = %q, want a MIME type", f, ct)
			}
		})
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		name, title string
		format      Format
		want        string
	}{
		{"plain", "Summit ends without a deal", APKG, "summit-ends-without-a-deal.apkg"},
		{"slashes and dots", "../../etc/passwd", CSV, "etc-passwd.csv"},
		{"backslashes", `C:\Windows\evil`, JSON, "c-windows-evil.json"},
		{"quotes", `He said "no" and 'yes'`, GIFT, "he-said-no-and-yes-gift.txt"},
		{"accents folded", "Café in Genève", Quizlet, "cafe-in-geneve-quizlet.txt"},
		{"cyrillic kept", "Мирные переговоры", Anki, "мирные-переговоры-anki.txt"},
		{"chinese kept", "和平谈判", APKG, "和平谈判.apkg"},
		{"nothing usable", `/// "" ***`, APKG, "factdeck.apkg"},
		{"windows device name", "CON", CSV, "con-deck.csv"},
		{"control characters", "a\x00b\nc\td", CSV, "a-b-c-d.csv"},
		{"long", strings.Repeat("word ", 40), APKG, strings.TrimSuffix(strings.Repeat("word-", 16), "-") + ".apkg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FileName(tt.title, tt.format)
			if got != tt.want {
				t.Errorf("FileName(%q, %s) = %q, want %q", tt.title, tt.format, got, tt.want)
			}
			if strings.ContainsAny(got, `/\"':*?<>|`) {
				t.Errorf("FileName(%q, %s) = %q holds an unsafe character", tt.title, tt.format, got)
			}
		})
	}
}

func TestDeckTitle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Summit ends", "Summit ends"},
		{"hierarchy separator", "A::B", "A:B"},
		{"quotes dropped", `Talks "resume"`, "Talks resume"},
		{"newlines and tabs", "a\nb\tc", "a b c"},
		{"non-latin kept", "Мирные переговоры", "Мирные переговоры"},
		{"slash kept", "Geneva/Genève", "Geneva/Genève"},
		{"empty", "  ", "Untitled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := deckTitle(tt.in); got != tt.want {
				t.Errorf("deckTitle(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGUIDsStableAndUnique(t *testing.T) {
	d := testDeck()
	first := guids(resolve(d))
	// New database ids, as after re-ingesting the articles: same guids.
	for i := range d.Articles {
		d.Articles[i].ID += 1000
	}
	for i := range d.Facts {
		d.Facts[i].ID += 1000
		d.Facts[i].ArticleID += 1000
	}
	for i := range d.Questions {
		d.Questions[i].ID += 1000
		d.Questions[i].ArticleID += 1000
		d.Questions[i].FactID += 1000
		d.Questions[i].Prompt += " (edited)"
	}
	second := guids(resolve(d))
	seen := map[string]bool{}
	for i := range first {
		if first[i] != second[i] {
			t.Errorf("guid of question %d = %q after re-ingest, want %q", i, second[i], first[i])
		}
		if seen[first[i]] {
			t.Errorf("guid %q given twice", first[i])
		}
		seen[first[i]] = true
	}
	// The same question twice still gets two guids.
	d.Questions = append(d.Questions, d.Questions[0], d.Questions[0])
	dup := guids(resolve(d))
	if n := len(dup); dup[n-1] == dup[n-2] || dup[n-1] == dup[0] {
		t.Errorf("guids of a repeated question = %q, %q, %q, want three different", dup[0], dup[n-2], dup[n-1])
	}
}
