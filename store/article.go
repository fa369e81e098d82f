package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// ArticleSummary is an article with the counts shown in listings; its
// Paragraphs are not loaded.
type ArticleSummary struct {
	quiz.Article
	Facts     int64
	Questions int64
	Cards     int64
	Reserve   int64
}

func (r articleRow) summary() ArticleSummary {
	return ArticleSummary{Article: r.domain(), Facts: r.NFacts, Questions: r.NQuestions, Cards: r.NCards, Reserve: r.NReserve}
}

// createTx stores a new article with its facts and questions inside
// transaction tx and returns them with their new IDs, and the map from the
// facts' provisional IDs (unique within the call; the pipeline numbers
// them 1..n, and each question's FactID names one or is 0) to stored ones.
func createTx(tx *gorm.DB, a quiz.Article, facts []quiz.Fact, qs []quiz.Question) (quiz.Article, []quiz.Fact, []quiz.Question, map[int64]int64, error) {
	if a.Hash == "" || a.Title == "" {
		return a, nil, nil, nil, &quiz.Error{Kind: quiz.ErrInvalid, Msg: "The article has no title.", Err: fmt.Errorf("create article %q: missing title or hash", a.Source)}
	}
	if a.IngestedAt.IsZero() {
		a.IngestedAt = time.Now().UTC()
	}
	ar := toArticleRow(a)
	ar.ID = 0
	if err := tx.Create(&ar).Error; err != nil {
		return a, nil, nil, nil, err
	}
	a.ID = ar.ID
	ids := make(map[int64]int64, len(facts))
	outFacts := make([]quiz.Fact, len(facts))
	if len(facts) > 0 {
		rows := make([]factRow, len(facts))
		for i, f := range facts {
			rows[i] = toFactRow(f)
			rows[i].ID = 0
			rows[i].ArticleID = a.ID
		}
		if err := tx.CreateInBatches(rows, 200).Error; err != nil {
			return a, nil, nil, nil, err
		}
		for i := range rows {
			ids[facts[i].ID] = rows[i].ID
			outFacts[i] = rows[i].domain()
		}
	}
	outQs := make([]quiz.Question, len(qs))
	if len(qs) > 0 {
		rows := make([]questionRow, len(qs))
		byID := make(map[int64]quiz.Fact, len(facts))
		for _, f := range facts {
			byID[f.ID] = f
		}
		for i, q := range qs {
			ident := quiz.Identity(q, byID[q.FactID])
			if q.FactID != 0 {
				id, ok := ids[q.FactID]
				if !ok {
					return a, nil, nil, nil, fmt.Errorf("question %d names unknown fact %d: %w", i, q.FactID, quiz.ErrInvalid)
				}
				q.FactID = id
			}
			rows[i] = toQuestionRow(q)
			rows[i].ID = 0
			rows[i].ArticleID = a.ID
			rows[i].Ident = ident
		}
		if err := tx.CreateInBatches(rows, 200).Error; err != nil {
			return a, nil, nil, nil, err
		}
		for i := range rows {
			outQs[i] = rows[i].domain()
		}
	}
	if err := saveEntities(tx, a.ID, facts); err != nil {
		return a, nil, nil, nil, err
	}
	return a, outFacts, outQs, ids, refreshCounts(tx, a.ID, refreshNewLeads)
}

// Article returns the article with the given ID.
func (s *Store) Article(ctx context.Context, id int64) (quiz.Article, error) {
	var r articleRow
	if err := s.db.WithContext(ctx).First(&r, id).Error; err != nil {
		return quiz.Article{}, notFound(err, fmt.Sprintf("article %d", id))
	}
	return r.domain(), nil
}

// summaryCols are the columns of an ArticleSummary, read by scanSummary.
const summaryCols = "id, title, COALESCE(standfirst, ''), COALESCE(source, ''), hash, ingested_at, COALESCE(label, ''), " +
	"n_facts, n_questions, n_cards, n_reserve"

// scanSummary reads the columns of summaryCols: by hand, since gorm's
// reflection was most of the cost of a page of articles.
func scanSummary(sc rowScanner) (ArticleSummary, error) {
	var (
		a  ArticleSummary
		at sql.NullTime
	)
	err := sc.Scan(&a.ID, &a.Title, &a.Standfirst, &a.Source, &a.Hash, &at, &a.Label, &a.Facts, &a.Questions, &a.Cards, &a.Reserve)
	a.IngestedAt = at.Time
	return a, err
}

// Articles returns up to limit articles (0: all), newest first, older
// than the article before (0: from the newest), with their counts: pages
// of a long list by keyset.
func (s *Store) Articles(ctx context.Context, before int64, limit int) ([]ArticleSummary, error) {
	q := s.db.WithContext(ctx).Model(&articleRow{}).Select(summaryCols).Order("id DESC")
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	if limit > 0 {
		q = q.Limit(limit)
	}
	out, err := scanRows(q, scanSummary)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// Totals are the sizes of the whole library. Notes counts the flashcards
// of the deck of every article: card questions of several articles that
// make one note (quiz.NoteKey) count once.
type Totals struct {
	Articles, Facts, Questions, Cards, Reserve, Notes int64
}

// totalsRow keeps the library's Totals in one row, updated in the
// transaction of every change to an article's counts (see refreshArticle),
// so that every deck page reads one row, however large the library.
type totalsRow struct {
	ID        int64 `gorm:"primaryKey;autoIncrement:false"`
	Articles  int64 `gorm:"not null;default:0"`
	Facts     int64 `gorm:"not null;default:0"`
	Questions int64 `gorm:"not null;default:0"`
	Cards     int64 `gorm:"not null;default:0"`
	Reserve   int64 `gorm:"not null;default:0"`
	// Notes is kept by refreshLeads; -1 on a row from before it was kept,
	// until the migration counts it.
	Notes int64 `gorm:"not null;default:-1"`
}

func (totalsRow) TableName() string { return "library_totals" }

// Totals returns the sizes of the whole library.
func (s *Store) Totals(ctx context.Context) (Totals, error) {
	var r totalsRow
	if err := s.db.WithContext(ctx).Take(&r, 1).Error; err != nil {
		return Totals{}, fmt.Errorf("library totals: %w", err)
	}
	return Totals{Articles: r.Articles, Facts: r.Facts, Questions: r.Questions, Cards: r.Cards, Reserve: r.Reserve, Notes: max(r.Notes, 0)}, nil
}

// addTotals adds the differences d to the library's totals inside
// transaction tx.
func addTotals(tx *gorm.DB, d Totals) error {
	err := tx.Model(&totalsRow{}).Where("id = ?", 1).Updates(map[string]any{
		"articles": gorm.Expr("articles + ?", d.Articles), "facts": gorm.Expr("facts + ?", d.Facts),
		"questions": gorm.Expr("questions + ?", d.Questions), "cards": gorm.Expr("cards + ?", d.Cards),
		"reserve": gorm.Expr("reserve + ?", d.Reserve), "notes": gorm.Expr("notes + ?", d.Notes)}).Error
	if err != nil {
		return fmt.Errorf("library totals: %w", err)
	}
	return nil
}

// initTotals creates the totals row, from the counts kept with the
// articles and the notes' leads, when it is missing (a new or an older
// database), and counts the notes on a row from before they were kept.
func initTotals(db *gorm.DB) error {
	db = db.Session(&gorm.Session{NewDB: true}) // no state carried between the queries below
	var rows []totalsRow
	if err := db.Limit(1).Find(&rows).Error; err != nil {
		return err
	}
	countNotes := func() (int64, error) {
		var n int64
		err := db.Model(&questionRow{}).Unscoped().Where("lead = ?", true).Count(&n).Error
		return n, err
	}
	if len(rows) > 0 {
		if rows[0].Notes >= 0 {
			return nil
		}
		n, err := countNotes()
		if err != nil {
			return err
		}
		return db.Model(&totalsRow{}).Where("id = ?", rows[0].ID).Update("notes", n).Error
	}
	notes, err := countNotes()
	if err != nil {
		return err
	}
	var t Totals
	err = db.Model(&articleRow{}).Where("counted = ?", true).Select("count(*) AS articles, coalesce(sum(n_facts), 0) AS facts, " +
		"coalesce(sum(n_questions), 0) AS questions, coalesce(sum(n_cards), 0) AS cards, coalesce(sum(n_reserve), 0) AS reserve").Scan(&t).Error
	if err != nil {
		return err
	}
	// A map, since gorm leaves a zero field of a struct to the column's
	// default, and a Notes of -1 marks an uncounted row.
	return db.Model(&totalsRow{}).Create(map[string]any{"id": 1, "articles": t.Articles, "facts": t.Facts,
		"questions": t.Questions, "cards": t.Cards, "reserve": t.Reserve, "notes": notes}).Error
}

// CountArticles returns how many articles are stored.
func (s *Store) CountArticles(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&articleRow{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// DeleteArticle removes an article with its facts and questions.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var r articleRow
		if err := tx.Omit("body").Take(&r, id).Error; err != nil {
			return notFound(err, fmt.Sprintf("article %d", id))
		}
		if r.Counted {
			if err := addTotals(tx, Totals{Articles: -1, Facts: -r.NFacts, Questions: -r.NQuestions, Cards: -r.NCards, Reserve: -r.NReserve}); err != nil {
				return err
			}
		}
		// Notes shared with other articles keep their cards there: their
		// leads and the learners' schedules move to another article's
		// question while this article's still exist to be joined.
		notes, err := articleNotes(tx, id)
		if err != nil {
			return err
		}
		if err := tx.Unscoped().Model(&questionRow{}).Where("article_id = ?", id).Updates(map[string]any{"card": false}).Error; err != nil {
			return fmt.Errorf("delete article %d cards: %w", id, err)
		}
		if err := refreshLeads(tx, notes); err != nil {
			return err
		}
		res := tx.Delete(&articleRow{}, id)
		if res.Error != nil {
			return fmt.Errorf("delete article %d: %w", id, res.Error)
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("delete article %d: %w", id, quiz.ErrNotFound)
		}
		if err := tx.Unscoped().Where("article_id = ?", id).Delete(&questionRow{}).Error; err != nil {
			return fmt.Errorf("delete article %d questions: %w", id, err)
		}
		if err := tx.Where("article_id = ?", id).Delete(&factRow{}).Error; err != nil {
			return fmt.Errorf("delete article %d facts: %w", id, err)
		}
		return nil
	})
}

// ArticleWithCounts returns the article with the given ID, its text
// included, with the counts of its summary: one read for a page that shows
// both.
func (s *Store) ArticleWithCounts(ctx context.Context, id int64) (ArticleSummary, error) {
	var r articleRow
	if err := s.db.WithContext(ctx).First(&r, id).Error; err != nil {
		return ArticleSummary{}, notFound(err, fmt.Sprintf("article %d", id))
	}
	return r.summary(), nil
}

// ArticleSummary returns one article's summary (see Articles).
func (s *Store) ArticleSummary(ctx context.Context, id int64) (ArticleSummary, error) {
	// Scanned by hand (hotpath.go): every deck and study page of an
	// article reads one, and gorm's reflection was most of its cost.
	rows, err := scanRows(s.db.WithContext(ctx).Model(&articleRow{}).Select(summaryCols).Where("id = ?", id), scanSummary)
	if err == nil && len(rows) == 0 {
		err = gorm.ErrRecordNotFound
	}
	if err != nil {
		return ArticleSummary{}, notFound(err, fmt.Sprintf("article %d", id))
	}
	return rows[0], nil
}
