package export

// This file writes Quizlet's import text: term, tab, definition, one card
// a line.
//
// Quizlet has no quoting, so a tab or line break inside a field would
// split it. They are escaped with backslashes: a backslash becomes \\, a
// tab \t, a line feed \n and a carriage return \r. The escaping is
// reversible (read a backslash and the character after it as one), and
// text without these characters, nearly all of it, is unchanged. Quizlet
// files are also opened in spreadsheets, so a field that would start a
// formula is neutralized as in CSV.

import (
	"bufio"
	"io"
	"strings"

	"factdeck/quiz"
)

// quizletEscaper applies the escaping described above.
var quizletEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// writeQuizlet writes one card a question: the prompt as the term (with a
// multiple choice question's options after it, and "True or false:"
// before a true/false statement) and the answer as the definition.
func writeQuizlet(w io.Writer, d quiz.Deck) error {
	bw := bufio.NewWriter(w)
	for _, q := range d.Questions {
		bw.WriteString(quizletEscaper.Replace(neutralize(quizletTerm(q))))
		bw.WriteByte('\t')
		bw.WriteString(quizletEscaper.Replace(neutralize(q.Answer)))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// quizletTerm is the term side of a question's card.
func quizletTerm(q quiz.Question) string {
	switch q.Type {
	case quiz.MultipleChoice:
		if len(q.Options) > 0 {
			return q.Prompt + " (" + strings.Join(q.Options, " / ") + ")"
		}
	case quiz.TrueFalse:
		if !strings.HasPrefix(strings.ToLower(q.Prompt), "true or false") {
			return "True or false: " + q.Prompt
		}
	}
	return q.Prompt
}
