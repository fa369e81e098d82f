package export

// This file writes factdeck's JSON schema, stable since the
// foundation issue: {"articles": [...], "facts": [...], "questions": [...]},
// facts and questions naming their article and fact by id. Fields are only
// ever added.

import (
	"encoding/json"
	"io"
	"time"

	"factdeck/quiz"
)

// jsonDeck is the document.
type jsonDeck struct {
	// Name is the deck's name, absent for an export of everything.
	Name      string         `json:"name,omitempty"`
	Articles  []jsonArticle  `json:"articles"`
	Facts     []jsonFact     `json:"facts"`
	Questions []jsonQuestion `json:"questions"`
}

type jsonArticle struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	Source     string    `json:"source"`
	IngestedAt time.Time `json:"ingested_at"`
	Standfirst string    `json:"standfirst,omitempty"`
	Paragraphs []string  `json:"paragraphs,omitempty"`
	Hash       string    `json:"hash,omitempty"`
}

type jsonFact struct {
	ID          int64     `json:"id"`
	Article     int64     `json:"article"`
	Kind        quiz.Kind `json:"kind"`
	Subject     string    `json:"subject"`
	Relation    string    `json:"relation"`
	Object      string    `json:"object"`
	Sentence    string    `json:"sentence"`
	SubjectKind quiz.Kind `json:"subject_kind,omitempty"`
	ObjectKind  quiz.Kind `json:"object_kind,omitempty"`
	Org         string    `json:"org,omitempty"`
	Context     string    `json:"context,omitempty"`
	Attribution string    `json:"attribution,omitempty"`
	Start       int       `json:"start"`
	End         int       `json:"end"`
	SpanStart   int       `json:"span_start"`
	SpanEnd     int       `json:"span_end"`
	Confidence  float64   `json:"confidence"`
	Sources     []string  `json:"sources,omitempty"`
	Conflicts   []string  `json:"conflicts,omitempty"`
	Key         string    `json:"key,omitempty"`
}

type jsonQuestion struct {
	ID         int64             `json:"id"`
	Article    int64             `json:"article"`
	Fact       int64             `json:"fact"`
	Type       quiz.QuestionType `json:"type"`
	Prompt     string            `json:"prompt"`
	Answer     string            `json:"answer"`
	Accepted   []string          `json:"accepted"`
	Options    []string          `json:"options"`
	Sentence   string            `json:"sentence"`
	Cloze      string            `json:"cloze,omitempty"`
	AnswerKind quiz.Kind         `json:"answer_kind,omitempty"`
	Template   string            `json:"template,omitempty"`
	Difficulty int               `json:"difficulty,omitempty"`
	Score      float64           `json:"score,omitempty"`
	Edited     bool              `json:"edited,omitempty"`
	Reserve    bool              `json:"reserve,omitempty"`
}

// writeJSON writes d as one indented JSON document. Lists are never null.
func writeJSON(w io.Writer, d quiz.Deck) error {
	doc := jsonDeck{
		Name:      d.Name,
		Articles:  make([]jsonArticle, len(d.Articles)),
		Facts:     make([]jsonFact, len(d.Facts)),
		Questions: make([]jsonQuestion, len(d.Questions)),
	}
	for i, a := range d.Articles {
		doc.Articles[i] = jsonArticle{
			ID: a.ID, Title: a.Title, Source: a.Source, IngestedAt: a.IngestedAt,
			Standfirst: a.Standfirst, Paragraphs: a.Paragraphs, Hash: a.Hash,
		}
	}
	for i, f := range d.Facts {
		doc.Facts[i] = jsonFact{
			ID: f.ID, Article: f.ArticleID, Kind: f.Kind,
			Subject: f.Subject, Relation: f.Relation, Object: f.Object, Sentence: f.Sentence,
			SubjectKind: f.SubjectKind, ObjectKind: f.ObjectKind, Org: f.Org, Context: f.Context,
			Attribution: f.Attribution, Start: f.Start, End: f.End,
			SpanStart: f.SpanStart, SpanEnd: f.SpanEnd, Confidence: f.Confidence,
			Sources: f.Sources, Conflicts: f.Conflicts, Key: f.Key,
		}
	}
	for i, q := range d.Questions {
		doc.Questions[i] = jsonQuestion{
			ID: q.ID, Article: q.ArticleID, Fact: q.FactID, Type: q.Type,
			Prompt: q.Prompt, Answer: q.Answer,
			Accepted: nonNil(q.Accepted), Options: nonNil(q.Options),
			Sentence: q.Sentence, Cloze: q.Cloze, AnswerKind: q.AnswerKind,
			Template: q.Template, Difficulty: q.Difficulty, Score: q.Score, Edited: q.Edited, Reserve: q.Reserve,
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Keep <, > and & readable: the file is data, not HTML.
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// nonNil makes a nil list an empty one, so that it encodes as [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
