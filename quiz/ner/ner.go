// Package ner finds named entities (persons, organizations, locations and
// miscellaneous names) in English text, using a statistical model trained on
// CoNLL-2003 that is embedded in the binary.
package ner

// Entity types, as in CoNLL-2003.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Entity is one named entity found in a text.
type Entity struct {
	// Text is the entity as written, text[Start:End].
	Text string
	// Type is PER, ORG, LOC or MISC.
	Type string
	// Start and End are byte offsets into the text given to Entities.
	Start, End int
}

// Model is a trained recognizer. It is safe for concurrent use.
type Model struct {
	// filled in by the implementation
}

// Load returns the embedded, trained model.
func Load() (*Model, error) {
	return &Model{}, nil // TODO(ner): decode the embedded model
}

// Entities returns the named entities of text in order of appearance.
func (m *Model) Entities(text string) []Entity {
	return nil // TODO(ner): tokenize, tag, decode spans
}
