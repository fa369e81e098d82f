package pipeline_test

import (
	"context"
	"testing"

	"factdeck/quiz/pipeline"
)

// FuzzBatch runs generation end to end, article text to questions: bad
// text is refused with an error, and every question made is well-formed
// and names one of the article's facts.
func FuzzBatch(f *testing.F) {
	f.Add("Harbour Festival Draws Crowds\n\nThe harbour festival took place in Bergen on Friday. Mayor Jane Roe said 40 boats took part, up from 25 last year.", "")
	f.Add("<h1>Quay</h1><p>Officials in Oslo said on Monday that the ferry would run for three more years.</p>", "Quay works")
	f.Add("\xff\xfe\x00", "")
	f.Add("A. B. C.", "T")
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, title string) {
		out, err := p.Batch(context.Background(), []pipeline.Document{{Title: title, Raw: []byte(text), Source: "fuzz.txt"}}, &memPool{}, pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := out[0]
		if r.Err != nil {
			return
		}
		facts := make(map[int64]bool, len(r.Facts))
		for _, fa := range r.Facts {
			facts[fa.ID] = true
		}
		for _, q := range r.Questions {
			if err := q.Validate(); err != nil {
				t.Errorf("question %+v: %v", q, err)
			}
			if q.FactID != 0 && !facts[q.FactID] {
				t.Errorf("question %q names unknown fact %d", q.Prompt, q.FactID)
			}
		}
	})
}
