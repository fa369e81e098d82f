package extract

import (
	"fmt"
	"strconv"
	"strings"

	"factdeck/quiz"
)

// FromCoNLLU builds the sentences of a Doc from a gold analysis in CoNLL-U,
// for tests and for studying rules on treebank data: the body is the
// sentences' "# text =" lines joined by spaces (or the word forms, spaced
// as SpaceAfter says). Named mentions come from BIO tags in the MISC column
// ("NE=B-PER", "NE=I-PER"; PER, ORG, LOC, MISC as in CoNLL-2003). The Doc
// still needs Finish to type, resolve and index it.
func FromCoNLLU(src string) (*Doc, [][]nerSpan, error) {
	d := &Doc{}
	var body strings.Builder
	var all [][]nerSpan
	var words []Word
	var misc []string
	var text string
	flush := func() error {
		if len(words) == 0 {
			return nil
		}
		if body.Len() > 0 {
			body.WriteByte(' ')
		}
		start := body.Len()
		if text == "" {
			for i, w := range words {
				text += w.Text
				if i+1 < len(words) && !strings.Contains(misc[i], "SpaceAfter=No") {
					text += " "
				}
			}
		}
		// Align the forms with the text.
		pos := 0
		for i := range words {
			k := strings.Index(text[pos:], words[i].Text)
			if k < 0 {
				return fmt.Errorf("conllu: word %q not found in %q", words[i].Text, text)
			}
			words[i].Start = start + pos + k
			words[i].End = words[i].Start + len(words[i].Text)
			pos += k + len(words[i].Text)
		}
		body.WriteString(text)
		s := &Sentence{Index: len(d.Sents), Para: len(d.Sents), Start: start, End: body.Len(), Words: words}
		d.Sents = append(d.Sents, s)
		var ents []nerSpan
		for i, m := range misc {
			for _, kv := range strings.Split(m, "|") {
				v, ok := strings.CutPrefix(kv, "NE=")
				if !ok {
					continue
				}
				bio, typ, _ := strings.Cut(v, "-")
				if bio == "B" || len(ents) == 0 {
					ents = append(ents, nerSpan{lo: i, hi: i + 1, typ: typ})
				} else {
					ents[len(ents)-1].hi = i + 1
				}
			}
		}
		all = append(all, ents)
		words, misc, text = nil, nil, ""
		return nil
	}
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case strings.TrimSpace(line) == "":
			if err := flush(); err != nil {
				return nil, nil, err
			}
		case strings.HasPrefix(line, "# text = "):
			text = strings.TrimPrefix(line, "# text = ")
		case strings.HasPrefix(line, "#"):
		default:
			f := strings.Split(line, "\t")
			if len(f) != 10 {
				f = strings.Fields(line)
			}
			if len(f) != 10 {
				return nil, nil, fmt.Errorf("conllu: %d columns in %q", len(f), line)
			}
			if strings.ContainsAny(f[0], "-.") {
				continue // multiword token ranges and empty nodes
			}
			head, err := strconv.Atoi(f[6])
			if err != nil {
				return nil, nil, fmt.Errorf("conllu: head %q: %w", f[6], err)
			}
			feats := f[5]
			if feats == "_" {
				feats = ""
			}
			words = append(words, Word{Text: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: feats, Head: head - 1, Rel: f[7], Mention: -1, Ent: -1})
			misc = append(misc, f[9])
		}
	}
	if err := flush(); err != nil {
		return nil, nil, err
	}
	d.Body = body.String()
	d.Article = quiz.Article{Paragraphs: []string{d.Body}}
	for _, s := range d.Sents {
		s.body = d.Body
	}
	return d, all, nil
}

// AnalyzeCoNLLU analyses a gold CoNLL-U document (see FromCoNLLU) as
// Analyze analyses raw text, for tests and for studying the rules on
// treebank data.
func (x *Extractor) AnalyzeCoNLLU(src string) (*Analysis, error) {
	d, spans, err := FromCoNLLU(src)
	if err != nil {
		return nil, err
	}
	return x.finish(d, spans), nil
}
