package export

// ReadJSON, the inverse of Write with JSON, checks the JSON export by
// reading it back; factdeck itself never reads decks.

import (
	"encoding/json"
	"fmt"
	"io"

	"factdeck/quiz"
)

// ReadJSON reads a deck written in factdeck's JSON schema, the inverse of
// Write with JSON. Unknown fields are ignored, so files from newer versions
// read. A document that is not valid JSON of that shape is an error
// wrapping quiz.ErrInvalid.
func ReadJSON(r io.Reader) (quiz.Deck, error) {
	var doc jsonDeck
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return quiz.Deck{}, fmt.Errorf("read json deck: %v: %w", err, quiz.ErrInvalid)
	}
	d := quiz.Deck{Name: doc.Name}
	for _, a := range doc.Articles {
		d.Articles = append(d.Articles, quiz.Article{
			ID: a.ID, Title: a.Title, Standfirst: a.Standfirst, Paragraphs: nilIfEmpty(a.Paragraphs),
			Source: a.Source, Hash: a.Hash, IngestedAt: a.IngestedAt,
		})
	}
	for _, f := range doc.Facts {
		d.Facts = append(d.Facts, quiz.Fact{
			ID: f.ID, ArticleID: f.Article, Kind: f.Kind,
			Subject: f.Subject, SubjectKind: f.SubjectKind, Relation: f.Relation,
			Object: f.Object, ObjectKind: f.ObjectKind, Org: f.Org, Context: f.Context,
			Attribution: f.Attribution, Sentence: f.Sentence, Start: f.Start, End: f.End,
			SpanStart: f.SpanStart, SpanEnd: f.SpanEnd, Confidence: f.Confidence,
			Sources: nilIfEmpty(f.Sources), Conflicts: nilIfEmpty(f.Conflicts), Key: f.Key,
		})
	}
	for i, q := range doc.Questions {
		if !q.Type.Valid() {
			return quiz.Deck{}, fmt.Errorf("read json deck: question %d has unknown type %q: %w",
				i, q.Type, quiz.ErrInvalid)
		}
		d.Questions = append(d.Questions, quiz.Question{
			ID: q.ID, ArticleID: q.Article, FactID: q.Fact, Type: q.Type,
			Prompt: q.Prompt, Answer: q.Answer,
			Accepted: nilIfEmpty(q.Accepted), Options: nilIfEmpty(q.Options),
			AnswerKind: q.AnswerKind, Sentence: q.Sentence, Cloze: q.Cloze,
			Template: q.Template, Difficulty: q.Difficulty, Score: q.Score, Edited: q.Edited, Reserve: q.Reserve,
		})
	}
	return d, nil
}

// nilIfEmpty reads an empty list as none, as the domain types hold it.
func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
