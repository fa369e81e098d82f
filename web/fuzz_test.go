package web

import (
	"strings"
	"testing"
	"unicode/utf8"

	"factdeck/quiz"
)

// FuzzHighlight runs every page highlight helper on arbitrary text: none
// may panic or lose a byte of the text it cuts.
func FuzzHighlight(f *testing.F) {
	f.Add("The keeper said kilns were cold.", "\u212Ailns", 16, 21)
	f.Add("They met in \u0130zmir on Monday.", "izmir", 12, 18)
	f.Add("قال الوزير في القاهرة اليوم", "القاهرة", 3, 9)
	f.Add("Fans waved 🏳️‍🌈 flags.", "🏳️", 11, 30)
	f.Add("Bad \xff byte.", "\xff", 4, 5)
	f.Fuzz(func(t *testing.T, sentence, answer string, start, end int) {
		m := markAnswer(sentence, answer)
		if m.Before+m.Mark+m.After != sentence {
			t.Fatalf("markAnswer(%q, %q) = %+v, lost text", sentence, answer, m)
		}
		if i, j := foldIndex(sentence, answer); i >= 0 && (j < i || j > len(sentence) || utf8.ValidString(sentence) &&
			((i < len(sentence) && !utf8.RuneStart(sentence[i])) || (j < len(sentence) && !utf8.RuneStart(sentence[j])))) {
			t.Fatalf("foldIndex(%q, %q) = %d, %d: not a rune range of the sentence", sentence, answer, i, j)
		}
		fact := quiz.Fact{Sentence: sentence, Object: answer, SpanStart: start, SpanEnd: end, Start: start}
		for _, ty := range []quiz.QuestionType{quiz.ShortAnswer, quiz.TrueFalse} {
			q := quiz.Question{Type: ty, Sentence: sentence, Answer: answer}
			if m := markFact(q, fact); m.Before+m.Mark+m.After != sentence {
				t.Fatalf("markFact(%q, %q) = %+v, lost text", sentence, answer, m)
			}
		}
		a := quiz.Article{Paragraphs: strings.Split(sentence, "\n\n")}
		var got []string
		for _, p := range highlight(a, []quiz.Fact{fact, {Sentence: answer, Object: sentence, Start: end}}) {
			var b strings.Builder
			for _, s := range p.Segments {
				b.WriteString(s.Text)
			}
			got = append(got, b.String())
		}
		if strings.Join(got, "\n\n") != a.Body() {
			t.Fatalf("highlight(%q) = %q, lost text", a.Body(), got)
		}
		_ = quiz.Hint(answer)
		_ = truncate(sentence, max(start, 0)%64)
	})
}
