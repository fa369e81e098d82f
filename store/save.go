package store

// This file is the one way in for an article, whichever door it comes
// through: Save stores what the ingest pipeline made, and the methods of
// quiz/pipeline's Pool give the pipeline what it needs of the stored
// articles, in bounded queries.

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// entityRow indexes an article by one of its named entities (quiz.Entities),
// to find the other articles of the same story.
type entityRow struct {
	ArticleID int64  `gorm:"primaryKey;autoIncrement:false;index:idx_entity_article,priority:2"`
	Entity    string `gorm:"primaryKey;size:90;index:idx_entity_article,priority:1"`

	Article articleRow `gorm:"foreignKey:ArticleID;constraint:OnDelete:CASCADE"`
}

func (entityRow) TableName() string { return "article_entities" }

// saveEntities replaces an article's entities inside transaction tx.
func saveEntities(tx *gorm.DB, articleID int64, facts []quiz.Fact) error {
	if err := tx.Where("article_id = ?", articleID).Delete(&entityRow{}).Error; err != nil {
		return fmt.Errorf("article %d entities: %w", articleID, err)
	}
	es := quiz.Entities(facts)
	if len(es) == 0 {
		return nil
	}
	rows := make([]entityRow, len(es))
	for i, e := range es {
		rows[i] = entityRow{ArticleID: articleID, Entity: e}
	}
	if err := tx.CreateInBatches(rows, 200).Error; err != nil {
		return fmt.Errorf("article %d entities: %w", articleID, err)
	}
	return nil
}

// Saved is what became of one article given to Save.
type Saved struct {
	Article quiz.Article
	// Facts and Questions are those of a new article, with their IDs.
	Facts     []quiz.Fact
	Questions []quiz.Question
	// Skipped is set for an article stored already (Err is then a
	// quiz.ErrDuplicate); Regenerated for one made again (force).
	Skipped     bool
	Regenerated bool
	Report      RegenerateReport
	Err         error
}

// Save stores the articles of one batch of the ingest pipeline, each in
// its own transaction, in order: inside the transaction the article is
// looked up (by ID when it has one, else by content hash); a new one is
// created, a stored one is skipped, or with force made again in place
// (questions people edited, promoted or deleted are kept, and learners'
// progress with them). The facts' conflicts are stored from both sides,
// those with earlier articles of the batch once they are stored. An item
// that failed in the pipeline is passed through. The error is for the run
// as a whole (ctx ended); each article's fate is in its Saved.
func (s *Store) Save(ctx context.Context, items []quiz.Ingested, force bool) ([]Saved, error) {
	out := make([]Saved, len(items))
	factIDs := make([]map[int64]int64, len(items))
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		o := &out[i]
		o.Article, o.Err = it.Article, it.Err
		if it.Err != nil {
			o.Skipped = errors.Is(it.Err, quiz.ErrDuplicate)
			continue
		}
		var conflicts [][2]int64
		err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			var existing []articleRow
			q := tx.Select("id").Limit(1)
			if it.Article.ID != 0 {
				q = q.Where("id = ?", it.Article.ID)
			} else {
				q = q.Where("hash = ?", it.Article.Hash)
			}
			if err := q.Find(&existing).Error; err != nil {
				return err
			}
			var ids map[int64]int64
			var err error
			switch {
			case len(existing) == 0 && it.Article.ID != 0:
				return quiz.Errorf(quiz.ErrNotFound, "There is no article %d.", it.Article.ID)
			case len(existing) == 0:
				var a quiz.Article
				a, o.Facts, o.Questions, ids, err = createTx(tx, it.Article, it.Facts, it.Questions)
				o.Article = a
			case !force:
				o.Skipped = true
				return quiz.Errorf(quiz.ErrDuplicate, "This article is already in factdeck.")
			default:
				o.Article.ID = existing[0].ID
				o.Regenerated = true
				o.Report, ids, err = replaceTx(tx, existing[0].ID, it.Facts, it.Questions)
			}
			if err != nil {
				return err
			}
			factIDs[i] = ids
			for _, l := range it.Conflicts {
				other := l.Other
				if other == 0 && l.Sibling >= 0 && l.Sibling < i && factIDs[l.Sibling] != nil {
					other = factIDs[l.Sibling][l.SiblingFact]
				}
				if id, ok := ids[l.Fact]; ok && other != 0 {
					conflicts = append(conflicts, [2]int64{id, other})
				}
			}
			return saveConflicts(tx, conflicts)
		})
		if err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) { // stored meanwhile by another server
				o.Skipped = true
				err = &quiz.Error{Kind: quiz.ErrDuplicate, Msg: "This article is already in factdeck.", Err: err}
			}
			if !o.Skipped {
				o.Regenerated = false
			}
			o.Err = fmt.Errorf("save %q: %w", it.Source, err)
			factIDs[i] = nil
			if ctx.Err() != nil {
				return out, ctx.Err()
			}
		}
	}
	return out, nil
}

// Known returns the IDs of the stored articles with these content hashes.
func (s *Store) Known(ctx context.Context, hashes []string) (map[string]int64, error) {
	out := map[string]int64{}
	for chunk := range slices.Chunk(hashes, 500) {
		var rows []articleRow
		if err := s.db.WithContext(ctx).Select("id", "hash").Where("hash IN ?", chunk).Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("known articles: %w", err)
		}
		for _, r := range rows {
			out[r.Hash] = r.ID
		}
	}
	return out, nil
}

// PoolFacts returns up to limit facts of stored articles, newest first,
// leaving out the articles exclude: one indexed query, however large the
// library. The facts carry their IDs, sides and kinds (sideCols), which is
// what a distractor pool draws on: reading thousands of rows, each column
// left out is a tenth of the read.
func (s *Store) PoolFacts(ctx context.Context, limit int, exclude []int64) ([]quiz.Fact, error) {
	ctx, err := s.bounded(ctx)
	if err != nil {
		return nil, fmt.Errorf("pool facts: %w", err)
	}
	q := s.db.WithContext(ctx).Order("id DESC").Limit(limit)
	if len(exclude) > 0 {
		q = q.Where("article_id NOT IN ?", exclude)
	}
	out, err := scanRows(q.Model(&factRow{}).Select(sideCols), scanSides)
	if err != nil {
		return nil, fmt.Errorf("pool facts: %w", err)
	}
	return out, nil
}

// bounded returns ctx for one of the pool's reads, which are bounded (a
// few thousand rows at most), once it has checked that ctx has not ended.
// On SQLite the context returned cannot be cancelled: mattn/go-sqlite3
// steps each row on a goroutine of its own when it can, which made a
// related search a quarter slower.
func (s *Store) bounded(ctx context.Context) (context.Context, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.dialect == "sqlite" {
		return context.WithoutCancel(ctx), nil
	}
	return ctx, nil
}

// relatedWindow is how many of the newest articles Related searches: a
// story is told within weeks, and the search must not grow with the
// library (an entity such as a country names thousands of articles).
const relatedWindow = 1000

// Related returns up to limit stored articles (without their bodies) among
// the newest relatedWindow that share at least two of the entities, most
// shared first, leaving out exclude; with them each one's entities by
// article ID, as saveEntities stored them with its facts, and those of
// their facts whose key is one of keys, which is all a comparison reads.
// The facts are bare (bareCols): sides, kinds, relation, key and
// organization. The (entity, article) index makes the search a range scan
// per entity.
func (s *Store) Related(ctx context.Context, entities, keys []string, exclude []int64, limit int) ([]quiz.Article, map[int64][]string, []quiz.Fact, error) {
	if len(entities) < 2 {
		return nil, nil, nil, nil
	}
	ctx, err := s.bounded(ctx)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("related articles: %w", err)
	}
	db := s.db.WithContext(ctx)
	var newest int64
	if err := db.Model(&articleRow{}).Select("coalesce(max(id), 0)").Scan(&newest).Error; err != nil {
		return nil, nil, nil, fmt.Errorf("related articles: %w", err)
	}
	q := db.Model(&entityRow{}).Select("article_id").Where("entity IN ? AND article_id > ?", entities, newest-relatedWindow)
	if len(exclude) > 0 {
		q = q.Where("article_id NOT IN ?", exclude)
	}
	var ids []int64
	if err := q.Group("article_id").Having("count(*) >= ?", 2).Order("count(*) DESC, article_id DESC").Limit(limit).
		Pluck("article_id", &ids).Error; err != nil {
		return nil, nil, nil, fmt.Errorf("related articles: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil, nil, nil
	}
	// Scanned by hand (hotpath.go): gorm's reflection over the entity rows
	// cost as much as the search.
	arts, err := scanRows(db.Model(&articleRow{}).Select(summaryCols).Where("id IN ?", ids).Order("id"), scanSummary)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("related articles: %w", err)
	}
	type entity struct {
		article int64
		name    string
	}
	rows, err := scanRows(db.Model(&entityRow{}).Select("article_id, entity").Where("article_id IN ?", ids),
		func(sc rowScanner) (entity, error) {
			var e entity
			return e, sc.Scan(&e.article, &e.name)
		})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("related entities: %w", err)
	}
	ents := make(map[int64][]string, len(ids))
	for _, e := range rows {
		ents[e.article] = append(ents[e.article], e.name)
	}
	for _, es := range ents {
		slices.Sort(es) // in bytes, as quiz.Entities sorts; PostgreSQL's collation may not
	}
	var facts []quiz.Fact
	for chunk := range slices.Chunk(keys, 500) {
		fs, err := scanBareFacts(db.Where("article_id IN ? AND key IN ?", ids, chunk))
		if err != nil {
			return nil, nil, nil, fmt.Errorf("related facts: %w", err)
		}
		facts = append(facts, fs...)
	}
	slices.SortFunc(facts, func(a, b quiz.Fact) int { return cmp.Compare(a.ID, b.ID) })
	outA := make([]quiz.Article, len(arts))
	for i, a := range arts {
		outA[i] = a.Article
	}
	return outA, ents, facts, nil
}
