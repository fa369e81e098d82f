package conllu

import (
	"fmt"
	"os"
	"slices"
)

// ReadFile reads the sentences of the CoNLL-U file at path.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	s, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("conllu: read %s: %w", path, err)
	}
	return s, nil
}

// Reparsed returns copies of sents analysed by annotate (for instance
// syntax.Model.Annotate), the words and comments kept and sents left as
// they were.
func Reparsed(sents []Sentence, annotate func(*Sentence)) []Sentence {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		s.Words = slices.Clone(s.Words)
		annotate(&s)
		out[i] = s
	}
	return out
}
