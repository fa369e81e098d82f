package store

import (
	"context"
	"fmt"
	"strings"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// QuestionFilter selects questions. Zero fields select everything in the
// default decks: reserve questions only when asked for.
type QuestionFilter struct {
	ArticleID int64
	// IDs selects these questions, reserve or not.
	IDs   []int64
	Types []quiz.QuestionType
	// WithReserve adds the reserve questions; OnlyReserve selects only them.
	WithReserve, OnlyReserve bool
	// Limit caps the number returned (0: no cap). With a limit the order is
	// by ID, after the ID After: pages of a long list by keyset.
	Limit int
	After int64
	// Brief reads only what a list of questions shows: ID, ArticleID,
	// Type, Prompt, Answer, Reserve and Edited. The other fields are left
	// zero, so a brief question is for showing, never for saving or
	// grading.
	Brief bool
}

// The columns Questions reads: all of them (questionCols without its
// table alias), or those of QuestionFilter.Brief.
var (
	questionColumns = strings.ReplaceAll(questionCols, "q.", "")
	briefColumns    = "id, article_id, type, prompt, COALESCE(answer, ''), reserve, COALESCE(edited, FALSE)"
)

// scanBrief reads the columns of briefColumns.
func scanBrief(sc rowScanner) (quiz.Question, error) {
	var (
		q   quiz.Question
		typ string
	)
	err := sc.Scan(&q.ID, &q.ArticleID, &typ, &q.Prompt, &q.Answer, &q.Reserve, &q.Edited)
	q.Type = quiz.QuestionType(typ)
	return q, err
}

func (s *Store) questionQuery(ctx context.Context, f QuestionFilter) (*gorm.DB, error) {
	q := s.db.WithContext(ctx).Model(&questionRow{})
	if f.ArticleID != 0 {
		q = q.Where("article_id = ?", f.ArticleID)
	}
	switch {
	case len(f.IDs) > 0:
		q = q.Where("id IN ?", f.IDs)
	case f.OnlyReserve:
		q = q.Where("reserve = true")
	case !f.WithReserve:
		// A literal, so that the planner may read idx_questions_listed.
		q = q.Where("reserve = false")
	}
	if len(f.Types) > 0 {
		ts := make([]string, len(f.Types))
		for i, t := range f.Types {
			if !t.Valid() {
				return nil, quiz.Errorf(quiz.ErrInvalid, "Unknown question type %q.", t)
			}
			ts[i] = string(t)
		}
		q = q.Where("type IN ?", ts)
	}
	return q, nil
}

// Questions returns the questions matching f, ordered by article, then
// score (best first), then ID; with a Limit, by ID.
func (s *Store) Questions(ctx context.Context, f QuestionFilter) ([]quiz.Question, error) {
	q, err := s.questionQuery(ctx, f)
	if err != nil {
		return nil, err
	}
	if f.Limit > 0 {
		q = q.Where("id > ?", f.After).Order("id").Limit(f.Limit)
	} else {
		q = q.Order("article_id, score DESC, id")
	}
	// The rows are scanned by hand (hotpath.go): gorm's reflection was
	// most of a page of a hundred questions.
	cols, scan := questionColumns, func(sc rowScanner) (quiz.Question, error) { return scanQuestion(sc) }
	if f.Brief {
		cols, scan = briefColumns, scanBrief
	}
	out, err := scanRows(q.Select(cols), scan)
	if err != nil {
		return nil, fmt.Errorf("list questions: %w", err)
	}
	return out, nil
}

// EditQuestion applies a person's edit to question id (quiz.Question.Edit)
// and saves it in one transaction; an edited or promoted question survives
// regeneration of its article's questions. It reports whether anything
// changed: an edit that changes nothing saves nothing.
func (s *Store) EditQuestion(ctx context.Context, id int64, e quiz.Edit) (quiz.Question, bool, error) {
	var (
		out     quiz.Question
		changed bool
	)
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var r questionRow
		if err := tx.First(&r, id).Error; err != nil {
			return notFound(err, fmt.Sprintf("question %d", id))
		}
		q, ch, err := r.domain().Edit(e)
		if err != nil {
			return err
		}
		out, changed = q, ch
		if !ch {
			return nil
		}
		r.Prompt, r.Answer, r.Accepted, r.Options, r.Cloze = q.Prompt, q.Answer, q.Accepted, q.Options, q.Cloze
		r.Edited, r.Reserve = q.Edited, q.Reserve
		r.Note = quiz.NoteKey(q)
		if err := tx.Save(&r).Error; err != nil {
			return fmt.Errorf("update question %d: %w", id, err)
		}
		return refreshArticle(tx, r.ArticleID)
	})
	return out, changed, err
}

// DeleteQuestion removes a question. The deletion is remembered (a soft
// delete) so that regenerating the article's questions does not bring it
// back.
func (s *Store) DeleteQuestion(ctx context.Context, id int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var r questionRow
		if err := tx.First(&r, id).Error; err != nil {
			return notFound(err, fmt.Sprintf("question %d", id))
		}
		if err := tx.Delete(&questionRow{}, id).Error; err != nil {
			return fmt.Errorf("delete question %d: %w", id, err)
		}
		return refreshArticle(tx, r.ArticleID)
	})
}

// refreshArticle recomputes, inside transaction tx, which of an article's
// questions are its flashcards (quiz.Flashcards), the counts kept on the
// article row, the leads of its notes and the library's totals, after its
// questions changed.
func refreshArticle(tx *gorm.DB, articleID int64) error {
	return refreshCounts(tx, articleID, refreshArticleLeads)
}

// refreshCounts is refreshArticle with the refresh of the article's note
// leads given: a new article's needs less (see refreshNewLeads).
func refreshCounts(tx *gorm.DB, articleID int64, leads func(tx *gorm.DB, articleID int64) error) error {
	var rows []questionRow
	if err := tx.Select("id", "fact_id", "type", "score", "card").
		Where("article_id = ? AND reserve = ?", articleID, false).Order("id").Find(&rows).Error; err != nil {
		return fmt.Errorf("article %d questions: %w", articleID, err)
	}
	qs := make([]quiz.Question, len(rows))
	for i, r := range rows {
		qs[i] = r.domain()
	}
	cards := make(map[int64]bool, len(rows))
	for _, q := range quiz.Flashcards(qs) {
		cards[q.ID] = true
	}
	var on, off []int64
	for _, r := range rows {
		if cards[r.ID] != r.Card {
			if cards[r.ID] {
				on = append(on, r.ID)
			} else {
				off = append(off, r.ID)
			}
		}
	}
	for _, set := range []struct {
		ids []int64
		v   bool
	}{{on, true}, {off, false}} {
		if len(set.ids) > 0 {
			if err := tx.Unscoped().Model(&questionRow{}).Where("id IN ?", set.ids).Update("card", set.v).Error; err != nil {
				return fmt.Errorf("article %d flashcards: %w", articleID, err)
			}
		}
	}
	// Reserve, retired and deleted questions are never cards.
	if err := tx.Unscoped().Model(&questionRow{}).Where("article_id = ? AND card = ? AND (reserve = ? OR deleted_at IS NOT NULL)", articleID, true, true).
		Update("card", false).Error; err != nil {
		return fmt.Errorf("article %d flashcards: %w", articleID, err)
	}
	var facts int64
	if err := tx.Model(&factRow{}).Where("article_id = ?", articleID).Count(&facts).Error; err != nil {
		return fmt.Errorf("count facts of article %d: %w", articleID, err)
	}
	var reserve int64
	if err := tx.Model(&questionRow{}).Where("article_id = ? AND reserve = ?", articleID, true).Count(&reserve).Error; err != nil {
		return fmt.Errorf("count reserve of article %d: %w", articleID, err)
	}
	var old articleRow
	if err := tx.Select("id", "counted", "n_facts", "n_questions", "n_cards", "n_reserve").Take(&old, articleID).Error; err != nil {
		return fmt.Errorf("article %d counts: %w", articleID, err)
	}
	d := Totals{Facts: facts - old.NFacts, Questions: int64(len(rows)) - old.NQuestions, Cards: int64(len(cards)) - old.NCards,
		Reserve: reserve - old.NReserve}
	if !old.Counted {
		d = Totals{Articles: 1, Facts: facts, Questions: int64(len(rows)), Cards: int64(len(cards)), Reserve: reserve}
	}
	err := tx.Model(&articleRow{}).Where("id = ?", articleID).Updates(map[string]any{
		"n_facts": facts, "n_questions": len(rows), "n_cards": len(cards), "n_reserve": reserve, "counted": true}).Error
	if err != nil {
		return fmt.Errorf("article %d counts: %w", articleID, err)
	}
	if err := leads(tx, articleID); err != nil {
		return err
	}
	return addTotals(tx, d)
}
