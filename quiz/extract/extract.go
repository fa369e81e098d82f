// Package extract turns a cleaned article into an analysed document and the
// facts a learner could be asked about, each with its source sentence.
//
// Analysis runs the shared tokenizer once, the named-entity model
// (quiz/ner) and the dependency parser (quiz/syntax) over the same words,
// then finds numeric and calendar values, groups names and resolves
// pronouns and descriptions ("the company") to the entities they refer to.
// Facts come from the parse: roles from appositions, titles and copulas
// ("Ana Ruiz, the bank's chief executive"), leadership from verbs and
// passives ("the team, coached by Tom Berg"), and every clause's arguments
// (who did what to whom, when, where, how many, how much), with the time
// and place the parse attaches to that clause. The rules are general
// English syntax; nothing in them names a particular story.
package extract

import (
	"fmt"

	"factdeck/quiz"
	"factdeck/quiz/coref"
	"factdeck/quiz/lexicon"
	"factdeck/quiz/ner"
	"factdeck/quiz/salience"
	"factdeck/quiz/syntax"
)

// Extractor analyses articles and extracts their facts. It is read-only
// after New and safe for concurrent use.
type Extractor struct {
	lx       *lexicon.Lexicon
	ner      *ner.Model
	syn      *syntax.Model
	coref    *coref.Model
	salience *salience.Model
}

// Config configures an Extractor.
type Config struct {
	// Lexicon types names and values. Required.
	Lexicon *lexicon.Lexicon
	// NER finds names; without it only proper nouns the parser tags are
	// names.
	NER *ner.Model
	// Syntax parses sentences. Required for Analyze.
	Syntax *syntax.Model
	// Coref resolves pronouns; without it a salience rule does, less
	// surely.
	Coref *coref.Model
	// Salience weighs what the story is about: which entities and
	// sentences carry it. Optional.
	Salience *salience.Model
}

// New returns an Extractor for cfg.
func New(cfg Config) (*Extractor, error) {
	if cfg.Lexicon == nil {
		return nil, fmt.Errorf("extract: no lexicon: %w", quiz.ErrInvalid)
	}
	return &Extractor{lx: cfg.Lexicon, ner: cfg.NER, syn: cfg.Syntax, coref: cfg.Coref, salience: cfg.Salience}, nil
}
