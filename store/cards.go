package store

// This file holds flashcards as notes and a learner's marks on them. The
// card questions of one note (quiz.NoteKey), whatever their article, are
// one flashcard: its lead question (the lowest ID) keys the learners'
// schedules, and a deck holds the notes of which it has a card question.
// Learners suspend, bury and flag cards, and undo their last rating.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// LearnAhead is how far ahead a card in (re)learning counts as due, as in
// Anki: a card coming back in ten minutes is waiting, not done.
const LearnAhead = 20 * time.Minute

// cardSnapshot is a card's schedule kept with a review to undo it.
type cardSnapshot struct {
	State         int
	Due           time.Time
	Stability     float64
	Difficulty    float64
	ElapsedDays   int
	ScheduledDays int
	Reps          int
	Lapses        int
	LastReview    *time.Time
}

func snapshotOf(r cardRow) *cardSnapshot {
	return &cardSnapshot{State: r.State, Due: r.Due, Stability: r.Stability, Difficulty: r.Difficulty,
		ElapsedDays: r.ElapsedDays, ScheduledDays: r.ScheduledDays, Reps: r.Reps, Lapses: r.Lapses, LastReview: r.LastReview}
}

// scheduleColumns are the columns a review writes; the learner's marks are
// left as they are.
var scheduleColumns = []string{"state", "due", "stability", "difficulty", "elapsed_days", "scheduled_days", "reps", "lapses", "last_review"}

// cardKey is the cards table's primary key, the target of its upserts.
var cardKey = []clause.Column{{Name: "learner_id"}, {Name: "question_id"}}

// refreshLeads recomputes, inside tx, the lead question of each of notes
// (the lowest ID among its live card questions) and moves learners'
// schedules and review logs kept on another question of a note (its lead
// before an article was deleted, or a question studied before notes
// existed) to the lead, unless the learner has one there already. The
// library's count of notes (Totals.Notes) changes with the leads: every
// note with a lead is one flashcard of the deck of every article.
func refreshLeads(tx *gorm.DB, notes []string) error {
	notes = slices.DeleteFunc(slices.Compact(slices.Sorted(slices.Values(notes))), func(n string) bool { return n == "" })
	var delta int64
	for chunk := range slices.Chunk(notes, 500) {
		var ids []int64
		if err := tx.Model(&questionRow{}).Select("min(id)").
			Where("note IN ? AND card = ? AND reserve = ?", chunk, true, false).Group("note").Pluck("min(id)", &ids).Error; err != nil {
			return fmt.Errorf("note leads: %w", err)
		}
		res := tx.Unscoped().Model(&questionRow{}).Where("note IN ? AND lead = ?", chunk, true).Update("lead", false)
		if res.Error != nil {
			return fmt.Errorf("note leads: %w", res.Error)
		}
		delta += int64(len(ids)) - res.RowsAffected
		if len(ids) == 0 {
			continue
		}
		if err := tx.Model(&questionRow{}).Where("id IN ?", ids).Update("lead", true).Error; err != nil {
			return fmt.Errorf("note leads: %w", err)
		}
		// leadOf is the lead of the note of the row's question.
		const leadOf = "(SELECT l.id FROM questions q JOIN questions l ON l.note = q.note AND l.lead = ? WHERE q.id = %s.question_id)"
		err := tx.Exec("UPDATE cards SET question_id = "+fmt.Sprintf(leadOf, "cards")+
			" WHERE question_id IN (SELECT q.id FROM questions q JOIN questions l ON l.note = q.note AND l.lead = ? WHERE q.note IN ? AND q.id <> l.id)"+
			" AND NOT EXISTS (SELECT 1 FROM cards c2 WHERE c2.learner_id = cards.learner_id AND c2.question_id = "+fmt.Sprintf(leadOf, "cards")+")",
			true, true, chunk, true).Error
		if err != nil {
			return fmt.Errorf("move schedules to note leads: %w", err)
		}
		err = tx.Exec("UPDATE reviews SET question_id = "+fmt.Sprintf(leadOf, "reviews")+
			" WHERE question_id IN (SELECT q.id FROM questions q JOIN questions l ON l.note = q.note AND l.lead = ? WHERE q.note IN ? AND q.id <> l.id)",
			true, true, chunk).Error
		if err != nil {
			return fmt.Errorf("move reviews to note leads: %w", err)
		}
	}
	if delta == 0 {
		return nil
	}
	return addTotals(tx, Totals{Notes: delta})
}

// articleNotes returns the notes of an article's questions, deleted ones
// included, inside tx.
func articleNotes(tx *gorm.DB, articleID int64) ([]string, error) {
	var notes []string
	if err := tx.Unscoped().Model(&questionRow{}).Where("article_id = ?", articleID).Distinct().Pluck("note", &notes).Error; err != nil {
		return nil, fmt.Errorf("article %d notes: %w", articleID, err)
	}
	return notes, nil
}

// refreshArticleLeads recomputes the leads of an article's notes.
func refreshArticleLeads(tx *gorm.DB, articleID int64) error {
	notes, err := articleNotes(tx, articleID)
	if err != nil {
		return err
	}
	return refreshLeads(tx, notes)
}

// refreshNewLeads is refreshArticleLeads for an article just created,
// whose questions have the highest IDs and no learner's schedule yet: a
// note that has a lead keeps it, so only the notes without one (new to the
// library, or whose cards all went) are refreshed. The cost of adding an
// article then does not grow with the other articles that share its notes.
func refreshNewLeads(tx *gorm.DB, articleID int64) error {
	var notes []string
	if err := tx.Model(&questionRow{}).Where("article_id = ? AND card = ? AND reserve = ? AND note <> ?", articleID, true, false, "").
		Distinct().Pluck("note", &notes).Error; err != nil {
		return fmt.Errorf("article %d notes: %w", articleID, err)
	}
	var missing []string
	for chunk := range slices.Chunk(notes, 500) {
		var led []string
		if err := tx.Unscoped().Model(&questionRow{}).Where("note IN ? AND lead = ?", chunk, true).Pluck("note", &led).Error; err != nil {
			return fmt.Errorf("article %d note leads: %w", articleID, err)
		}
		missing = append(missing, slices.DeleteFunc(slices.Clone(chunk), func(n string) bool { return slices.Contains(led, n) })...)
	}
	return refreshLeads(tx, missing)
}

// backfillNotes gives the questions stored before notes existed their note
// and the notes their leads.
func backfillNotes(db *gorm.DB) error {
	for {
		var rows []questionRow
		if err := db.Unscoped().Select("id", "prompt", "answer").Where("note = ? OR note IS NULL", "").Limit(500).Find(&rows).Error; err != nil {
			return fmt.Errorf("backfill notes: %w", err)
		}
		if len(rows) == 0 {
			break
		}
		notes := make([]string, 0, len(rows))
		err := db.Transaction(func(tx *gorm.DB) error {
			for _, r := range rows {
				n := quiz.NoteKey(r.domain())
				notes = append(notes, n)
				if err := tx.Unscoped().Model(&questionRow{}).Where("id = ?", r.ID).Update("note", n).Error; err != nil {
					return err
				}
			}
			return refreshLeads(tx, notes)
		})
		if err != nil {
			return fmt.Errorf("backfill notes: %w", err)
		}
	}
	return nil
}

// inDeck limits a query on questions (as lead questions) to the notes of
// the deck of one article, or of every article for 0.
func inDeck(q *gorm.DB, articleID int64) *gorm.DB {
	q = q.Where("questions.lead = ? AND questions.deleted_at IS NULL", true)
	if articleID != 0 {
		// The leads of the article's notes by ID, found from the article's
		// card questions through the (note, lead) index: filtering on the
		// note itself let SQLite walk every lead of the library in ID order.
		q = q.Where("questions.id IN (SELECT l.id FROM questions q2 JOIN questions l ON l.note = q2.note AND l.lead = ? "+
			"WHERE q2.article_id = ? AND q2.card = ? AND q2.deleted_at IS NULL)", true, articleID, true)
	}
	return q
}

// DeckCounts is one learner's state in one deck, counted as Anki does:
// new cards never studied, cards in (re)learning due within LearnAhead,
// review cards due now; Studied cards are those not new; suspended and
// buried cards count in none of the others.
type DeckCounts struct {
	Studied, Learning, Review, Suspended, Buried int
	// HeldNew counts the cards never studied that are suspended or buried.
	HeldNew int
	// NextDue is when the next card not yet due comes due.
	NextDue time.Time
}

// Due returns the cards to study now besides new ones.
func (d DeckCounts) Due() int { return d.Learning + d.Review }

// LearnerDecks returns the learner's counts in the deck of every article
// under key 0 (counted once per note, not summed: a note in two articles is
// one card there), and in the decks of the articles given: a page counts
// the decks it shows, not every deck the learner has a card in.
func (s *Store) LearnerDecks(ctx context.Context, learnerID int64, now time.Time, articles []int64) (map[int64]DeckCounts, error) {
	out := map[int64]DeckCounts{0: {}}
	if learnerID == 0 {
		return out, nil
	}
	ahead := now.Add(LearnAhead)
	held := "(cards.suspended OR COALESCE(cards.buried_until > ?, false))"
	sel := "sum(CASE WHEN cards.state <> 0 THEN 1 ELSE 0 END), " +
		"sum(CASE WHEN cards.state = 0 AND " + held + " THEN 1 ELSE 0 END), " +
		"sum(CASE WHEN cards.suspended THEN 1 ELSE 0 END), " +
		"sum(CASE WHEN NOT cards.suspended AND cards.buried_until > ? THEN 1 ELSE 0 END), " +
		"sum(CASE WHEN NOT " + held + " AND cards.state IN (1, 3) AND cards.due <= ? THEN 1 ELSE 0 END), " +
		"sum(CASE WHEN NOT " + held + " AND cards.state = 2 AND cards.due <= ? THEN 1 ELSE 0 END), " +
		"min(CASE WHEN NOT cards.suspended AND cards.state <> 0 AND cards.due > ? THEN cards.due END)"
	args := []any{now, now, now, ahead, now, now, now}
	scan := func(q *gorm.DB, grouped bool) error {
		rows, err := q.Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var studied, heldNew, susp, bur, learn, rev sql.NullInt64
			var next any
			dest := []any{&studied, &heldNew, &susp, &bur, &learn, &rev, &next}
			if grouped {
				dest = append([]any{&id}, dest...)
			}
			if err := rows.Scan(dest...); err != nil {
				return err
			}
			out[id] = DeckCounts{Studied: int(studied.Int64), HeldNew: int(heldNew.Int64), Suspended: int(susp.Int64),
				Buried: int(bur.Int64), Learning: int(learn.Int64), Review: int(rev.Int64), NextDue: aggregateTime(next)}
		}
		return rows.Err()
	}
	db := s.db.WithContext(ctx)
	all := db.Table("cards").Select(sel, args...).
		Joins("JOIN questions ON questions.id = cards.question_id").
		Where("cards.learner_id = ?", learnerID)
	if err := scan(inDeck(all, 0), false); err != nil {
		return nil, fmt.Errorf("deck counts of learner %d: %w", learnerID, err)
	}
	for chunk := range slices.Chunk(articles, 500) {
		per := db.Table("cards").Select("q2.article_id, "+sel, args...).
			Joins("JOIN questions ON questions.id = cards.question_id").
			Joins("JOIN questions q2 ON q2.note = questions.note AND q2.card = ? AND q2.deleted_at IS NULL AND q2.article_id IN ?", true, chunk).
			Where("cards.learner_id = ?", learnerID).Group("q2.article_id")
		if err := scan(inDeck(per, 0), true); err != nil {
			return nil, fmt.Errorf("deck counts of learner %d: %w", learnerID, err)
		}
	}
	return out, nil
}

// available limits a query on cards to those neither suspended nor buried
// at now.
func available(q *gorm.DB, now time.Time) *gorm.DB {
	return q.Where("NOT cards.suspended AND (cards.buried_until IS NULL OR cards.buried_until <= ?)", now)
}

// NextCard returns the flashcard the learner should study now in the deck
// of one article (0: every article), as Anki orders them: the most overdue
// card in learning or review, else, when newAllowed, the first card never
// studied, else a card in learning due within LearnAhead. ok is false when
// there is nothing to study now. The question is the note's lead.
func (s *Store) NextCard(ctx context.Context, learnerID, articleID int64, now time.Time, newAllowed bool) (q quiz.Question, c quiz.Card, ok bool, err error) {
	db := s.db.WithContext(ctx)
	due := func(until time.Time) (bool, error) {
		if learnerID == 0 {
			return false, nil
		}
		var cr cardRow
		dq := available(db.Table("cards").Select("cards.*").Joins("JOIN questions ON questions.id = cards.question_id").
			Where("cards.learner_id = ? AND cards.state <> ? AND cards.due <= ?", learnerID, int(quiz.CardNew), until), now)
		err := inDeck(dq, articleID).Order("cards.due, cards.question_id").Limit(1).Take(&cr).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			return false, nil
		case err != nil:
			return false, fmt.Errorf("next due card: %w", err)
		}
		q, err = s.Question(ctx, cr.QuestionID)
		c = cr.domain()
		return err == nil, err
	}
	if ok, err := due(now); ok || err != nil {
		return q, c, ok, err
	}
	if newAllowed {
		var r questionRow
		fresh := inDeck(db.Model(&questionRow{}), articleID)
		if learnerID != 0 {
			fresh = fresh.Where("NOT EXISTS (SELECT 1 FROM cards WHERE cards.learner_id = ? AND cards.question_id = questions.id "+
				"AND (cards.state <> ? OR cards.suspended OR cards.buried_until > ?))", learnerID, int(quiz.CardNew), now)
		}
		err = fresh.Order("questions.id").Limit(1).Take(&r).Error
		switch {
		case err == nil:
			c := quiz.Card{LearnerID: learnerID, QuestionID: r.ID, State: quiz.CardNew}
			if learnerID != 0 {
				if stored, err := s.Card(ctx, learnerID, r.ID); err == nil {
					c = stored // a new card with a flag
				}
			}
			return r.domain(), c, true, nil
		case !errors.Is(err, gorm.ErrRecordNotFound):
			return q, c, false, fmt.Errorf("next new card: %w", err)
		}
	}
	ok, err = due(now.Add(LearnAhead))
	return q, c, ok, err
}

// NoteLead returns the lead question of the note of question id: the
// question whose schedule a review of id updates. A question that is no
// flashcard is its own lead.
func (s *Store) NoteLead(ctx context.Context, id int64) (int64, error) {
	var r questionRow
	if err := s.db.WithContext(ctx).Select("id", "note").Take(&r, id).Error; err != nil {
		return 0, notFound(err, fmt.Sprintf("question %d", id))
	}
	var lead questionRow
	err := s.db.WithContext(ctx).Select("id").Where("note = ? AND lead = ?", r.Note, true).Take(&lead).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound) || r.Note == "":
		return id, nil
	case err != nil:
		return 0, fmt.Errorf("lead of question %d: %w", id, err)
	}
	return lead.ID, nil
}

// NoteSource is one article a note's card questions come from.
type NoteSource struct {
	ArticleID  int64
	Title      string
	QuestionID int64
}

// NoteSources returns the articles whose card questions make the note of
// question id, oldest first.
func (s *Store) NoteSources(ctx context.Context, id int64) ([]NoteSource, error) {
	var out []NoteSource
	err := s.db.WithContext(ctx).Table("questions").
		Select("articles.id AS article_id, articles.title, questions.id AS question_id").
		Joins("JOIN articles ON articles.id = questions.article_id").
		Where("questions.note = (SELECT note FROM questions q0 WHERE q0.id = ?) AND questions.card = ? AND questions.deleted_at IS NULL", id, true).
		Order("questions.id").Limit(50).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("sources of question %d: %w", id, err)
	}
	return out, nil
}

// CardMark changes a learner's marks on a card; nil fields stay as they
// are.
type CardMark struct {
	Suspend     *bool
	BuriedUntil *time.Time
	Flag        *quiz.Flag
}

// MarkCard applies m to the learner's card of question id (the note's
// lead), storing a new card when the learner never studied it.
func (s *Store) MarkCard(ctx context.Context, learnerID, id int64, m CardMark) (quiz.Card, error) {
	if learnerID == 0 {
		return quiz.Card{}, fmt.Errorf("mark card %d: no learner: %w", id, quiz.ErrInvalid)
	}
	if m.Flag != nil && !m.Flag.Valid() {
		return quiz.Card{}, quiz.Errorf(quiz.ErrInvalid, "There is no flag %d.", int(*m.Flag))
	}
	var out quiz.Card
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Select("id").Take(&questionRow{}, id).Error; err != nil {
			return notFound(err, fmt.Sprintf("question %d", id))
		}
		var r cardRow
		err := tx.Where("learner_id = ? AND question_id = ?", learnerID, id).Take(&r).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			r = cardRow{LearnerID: learnerID, QuestionID: id, State: int(quiz.CardNew)}
		case err != nil:
			return fmt.Errorf("card %d: %w", id, err)
		}
		if m.Suspend != nil {
			r.Suspended = *m.Suspend
		}
		if m.BuriedUntil != nil {
			t := *m.BuriedUntil
			r.BuriedUntil = &t
			if t.IsZero() {
				r.BuriedUntil = nil
			}
		}
		if m.Flag != nil {
			r.Flag = int(*m.Flag)
		}
		if err := tx.Clauses(clause.OnConflict{Columns: cardKey, DoUpdates: clause.AssignmentColumns([]string{"suspended", "buried_until", "flag"})}).Create(&r).Error; err != nil {
			return fmt.Errorf("mark card %d: %w", id, err)
		}
		out = r.domain()
		return nil
	})
	return out, err
}

// UndoReview takes back the learner's last review: the card returns to its
// schedule before it (or to new) and the review leaves the log. It returns
// the question reviewed; quiz.ErrNotFound when there is nothing to undo.
func (s *Store) UndoReview(ctx context.Context, learnerID int64) (int64, error) {
	var qid int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var rv reviewRow
		if err := tx.Where("learner_id = ?", learnerID).Order("id DESC").Take(&rv).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return quiz.Errorf(quiz.ErrNotFound, "There is no rating to undo.")
			}
			return fmt.Errorf("last review: %w", err)
		}
		qid = rv.QuestionID
		b := rv.Before
		if b == nil {
			b = &cardSnapshot{State: int(quiz.CardNew)}
		}
		res := tx.Model(&cardRow{}).Where("learner_id = ? AND question_id = ?", learnerID, rv.QuestionID).Updates(map[string]any{
			"state": b.State, "due": b.Due, "stability": b.Stability, "difficulty": b.Difficulty,
			"elapsed_days": b.ElapsedDays, "scheduled_days": b.ScheduledDays, "reps": b.Reps, "lapses": b.Lapses,
			"last_review": b.LastReview})
		if res.Error != nil {
			return fmt.Errorf("restore card %d: %w", rv.QuestionID, res.Error)
		}
		if err := tx.Delete(&reviewRow{}, rv.ID).Error; err != nil {
			return fmt.Errorf("undo review %d: %w", rv.ID, err)
		}
		return nil
	})
	return qid, err
}

// NewCardsPerDeck returns how many cards the learner studied for the first
// time since t in the deck of every article under key 0, and in the decks
// of the articles given.
func (s *Store) NewCardsPerDeck(ctx context.Context, learnerID int64, t time.Time, articles []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if learnerID == 0 {
		return out, nil
	}
	for chunk := range slices.Chunk(articles, 500) {
		var rows []struct {
			ArticleID int64
			N         int
		}
		err := s.db.WithContext(ctx).Table("reviews").Select("q2.article_id, count(DISTINCT reviews.id) AS n").
			Joins("JOIN questions ON questions.id = reviews.question_id").
			Joins("JOIN questions q2 ON q2.note = questions.note AND q2.card = ? AND q2.deleted_at IS NULL AND q2.article_id IN ?", true, chunk).
			Where("reviews.learner_id = ? AND reviews.reviewed_at >= ? AND reviews.state = ?", learnerID, t, int(quiz.CardNew)).
			Group("q2.article_id").Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("new cards per deck: %w", err)
		}
		for _, r := range rows {
			out[r.ArticleID] = r.N
		}
	}
	n, err := s.NewCardsSince(ctx, learnerID, t)
	if err != nil {
		return nil, err
	}
	out[0] = n
	return out, nil
}
