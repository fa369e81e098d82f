package store

import (
	"context"
	"fmt"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// Facts returns the facts of one article, or of every article when
// articleID is 0, in article then extraction order.
func (s *Store) Facts(ctx context.Context, articleID int64) ([]quiz.Fact, error) {
	q := s.db.WithContext(ctx).Order("article_id, id")
	if articleID != 0 {
		q = q.Where("article_id = ?", articleID)
	}
	out, err := scanFacts(q)
	if err != nil {
		return nil, fmt.Errorf("list facts: %w", err)
	}
	return out, nil
}

// FactsBetween returns the facts of an article whose sentence starts in
// the byte range [from, to) of its body, for marking one part of a long
// article; to 0 means the end. The facts carry what marking and naming
// them reads (markCols): not their context, attribution, sources,
// conflicts, confidence or key.
func (s *Store) FactsBetween(ctx context.Context, articleID int64, from, to int) ([]quiz.Fact, error) {
	q := s.db.WithContext(ctx).Where("article_id = ? AND start >= ?", articleID, from)
	if to > 0 {
		q = q.Where("start < ?", to)
	}
	// Scanned by hand (hotpath.go): an article page marks dozens of facts,
	// and decoding the sources of each was a tenth of the page.
	out, err := scanRows(q.Model(&factRow{}).Select(markCols).Order("id"), scanMark)
	if err != nil {
		return nil, fmt.Errorf("facts of article %d: %w", articleID, err)
	}
	return out, nil
}

// bareCols are the columns of a bare fact (scanBare): what comparing facts
// and drawing distractors from them read, without the sentence, its
// offsets and the sources.
const bareCols = `id, article_id, COALESCE(kind, ''), COALESCE(subject, ''), COALESCE(subject_kind, ''),
	COALESCE(relation, ''), COALESCE(object, ''), COALESCE(object_kind, ''), COALESCE(org, ''),
	COALESCE(confidence, 0), COALESCE(key, '')`

// scanBare reads the columns of bareCols.
func scanBare(sc rowScanner) (quiz.Fact, error) {
	var (
		f                       quiz.Fact
		kind, subjKind, objKind string
	)
	err := sc.Scan(&f.ID, &f.ArticleID, &kind, &f.Subject, &subjKind, &f.Relation, &f.Object, &objKind,
		&f.Org, &f.Confidence, &f.Key)
	f.Kind, f.SubjectKind, f.ObjectKind = quiz.Kind(kind), quiz.Kind(subjKind), quiz.Kind(objKind)
	return f, err
}

// sideCols are the columns of a fact in a distractor pool (scanSides):
// its IDs, sides and their kinds.
const sideCols = `id, article_id, COALESCE(subject, ''), COALESCE(subject_kind, ''), COALESCE(object, ''), COALESCE(object_kind, '')`

// scanSides reads the columns of sideCols.
func scanSides(sc rowScanner) (quiz.Fact, error) {
	var (
		f                 quiz.Fact
		subjKind, objKind string
	)
	err := sc.Scan(&f.ID, &f.ArticleID, &f.Subject, &subjKind, &f.Object, &objKind)
	f.SubjectKind, f.ObjectKind = quiz.Kind(subjKind), quiz.Kind(objKind)
	return f, err
}

// markCols are the columns of a fact marked in its article (scanMark): a
// bare fact's sides and kinds, with its sentence and where it and the
// answer in it start.
const markCols = `id, article_id, COALESCE(kind, ''), COALESCE(subject, ''), COALESCE(subject_kind, ''),
	COALESCE(relation, ''), COALESCE(object, ''), COALESCE(object_kind, ''), COALESCE(org, ''),
	COALESCE(sentence, ''), COALESCE(start, 0), COALESCE("end", 0), COALESCE(span_start, 0), COALESCE(span_end, 0)`

// scanMark reads the columns of markCols.
func scanMark(sc rowScanner) (quiz.Fact, error) {
	var (
		f                       quiz.Fact
		kind, subjKind, objKind string
	)
	err := sc.Scan(&f.ID, &f.ArticleID, &kind, &f.Subject, &subjKind, &f.Relation, &f.Object, &objKind,
		&f.Org, &f.Sentence, &f.Start, &f.End, &f.SpanStart, &f.SpanEnd)
	f.Kind, f.SubjectKind, f.ObjectKind = quiz.Kind(kind), quiz.Kind(subjKind), quiz.Kind(objKind)
	return f, err
}

// scanBareFacts is scanFacts for bare facts (bareCols): the thousands of
// facts an ingest batch reads of the stored articles need no sentences.
func scanBareFacts(q *gorm.DB) ([]quiz.Fact, error) {
	return scanRows(q.Model(&factRow{}).Select(bareCols), scanBare)
}

// scanFacts runs query q on the facts table and reads its rows with
// scanFact (see scanRows).
func scanFacts(q *gorm.DB) ([]quiz.Fact, error) {
	return scanRows(q.Model(&factRow{}).Select(factCols), scanFact)
}
