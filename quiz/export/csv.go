package export

// This file writes RFC 4180 CSV, one question a row, for spreadsheets and
// any tool with a CSV import.

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"factdeck/quiz"
)

// csvHeader names the columns. options and accepted hold one item a line
// (CSV quotes the line breaks); an item's own line breaks become spaces.
var csvHeader = []string{
	"id", "guid", "article", "source", "type", "prompt", "answer", "options", "accepted",
	"sentence", "cloze", "answer_kind", "fact_kind", "template", "difficulty",
}

// writeCSV writes d as CSV with a header row. Text is plain, not HTML;
// encoding/csv quotes fields holding commas, quotes or line breaks, and
// cells a spreadsheet would run as formulas are neutralized.
func writeCSV(w io.Writer, d quiz.Deck) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	srcs := resolve(d)
	ids := guids(srcs)
	for i, s := range srcs {
		q := s.Q
		row := []string{
			strconv.FormatInt(q.ID, 10), ids[i], s.articleTitle(d), s.Article.Source,
			string(q.Type), q.Prompt, q.Answer, csvList(q.Options), csvList(q.Accepted),
			q.Sentence, q.Cloze, string(q.AnswerKind), string(s.kind()), q.Template,
			strconv.Itoa(q.Difficulty),
		}
		for j := range row {
			row[j] = neutralize(row[j])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutralize keeps a spreadsheet from reading a cell as a formula: a cell
// that begins with = + - @, a tab or a carriage return gets a leading
// apostrophe, as OWASP recommends against CSV injection. Spreadsheets hide
// the apostrophe and show the text; other cells are unchanged.
func neutralize(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// csvLineBreaks folds an item's own line breaks into spaces.
var csvLineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// csvList joins items one a line.
func csvList(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = csvLineBreaks.Replace(s)
	}
	return strings.Join(out, "\n")
}
