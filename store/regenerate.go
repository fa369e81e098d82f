package store

import (
	"context"
	"fmt"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// RegenerateReport counts what ReplaceFacts did to an article's questions.
type RegenerateReport struct {
	Added, Updated, Retired, KeptEdited, KeptDeleted int
}

// replaceTx replaces an article's facts and questions with a newly
// extracted and generated set, in one transaction, keeping what people and
// learners made of the old ones:
//   - a question a person edited stays as edited, and one a person deleted
//     stays deleted, even when the new set makes it again;
//   - a question made again is updated in place, so its ID, and with it the
//     learners' attempts and flashcard schedules, survive;
//   - a question no longer made is retired (hidden), not erased, and comes
//     back if a later run makes it again.
//
// Facts, questions and conflicts are numbered as for CreateArticle.
//
// It runs inside transaction tx and returns the map of provisional fact IDs
// to stored ones.
func replaceTx(tx *gorm.DB, articleID int64, facts []quiz.Fact, qs []quiz.Question) (RegenerateReport, map[int64]int64, error) {
	var rep RegenerateReport
	ids := make(map[int64]int64, len(facts))
	err := func() error {
		var n int64
		if err := tx.Model(&articleRow{}).Where("id = ?", articleID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("article %d: %w", articleID, quiz.ErrNotFound)
		}
		var old []questionRow
		if err := tx.Unscoped().Where("article_id = ?", articleID).Find(&old).Error; err != nil {
			return err
		}
		byIdent := make(map[string]*questionRow, len(old))
		keepFacts := map[int64]bool{}
		for i := range old {
			q := &old[i]
			if q.Ident != "" {
				byIdent[q.Ident] = q
			}
			if q.Edited && q.FactID != nil {
				keepFacts[*q.FactID] = true
			}
		}
		// Facts: the new set replaces the old, except facts that edited
		// questions still point at.
		del := tx.Where("article_id = ?", articleID)
		if len(keepFacts) > 0 {
			ids := make([]int64, 0, len(keepFacts))
			for id := range keepFacts {
				ids = append(ids, id)
			}
			del = del.Where("id NOT IN ?", ids)
		}
		if err := del.Delete(&factRow{}).Error; err != nil {
			return err
		}
		byID := make(map[int64]quiz.Fact, len(facts))
		if len(facts) > 0 {
			rows := make([]factRow, len(facts))
			for i, f := range facts {
				byID[f.ID] = f
				rows[i] = toFactRow(f)
				rows[i].ID, rows[i].ArticleID = 0, articleID
			}
			if err := tx.CreateInBatches(rows, 200).Error; err != nil {
				return err
			}
			for i := range rows {
				ids[facts[i].ID] = rows[i].ID
			}
		}
		made := make(map[string]bool, len(qs))
		var fresh []questionRow
		for _, q := range qs {
			id := quiz.Identity(q, byID[q.FactID])
			if made[id] {
				continue
			}
			made[id] = true
			if q.FactID != 0 {
				fid, ok := ids[q.FactID]
				if !ok {
					return fmt.Errorf("question %q names unknown fact %d: %w", q.Prompt, q.FactID, quiz.ErrInvalid)
				}
				q.FactID = fid
			}
			row := toQuestionRow(q)
			row.ArticleID, row.Ident = articleID, id
			prev, ok := byIdent[id]
			switch {
			case !ok:
				row.ID = 0
				fresh = append(fresh, row)
				rep.Added++
			case prev.Edited && !prev.DeletedAt.Valid:
				rep.KeptEdited++
			case prev.DeletedAt.Valid && !prev.Retired:
				rep.KeptDeleted++
			default:
				row.ID = prev.ID
				if err := tx.Unscoped().Model(&questionRow{}).Where("id = ?", prev.ID).
					Select("*").Omit("id", "article_id", "Article").Updates(&row).Error; err != nil {
					return err
				}
				rep.Updated++
			}
		}
		if len(fresh) > 0 {
			if err := tx.CreateInBatches(fresh, 200).Error; err != nil {
				return err
			}
		}
		for _, q := range old {
			if made[q.Ident] || q.Edited || q.DeletedAt.Valid {
				continue
			}
			if err := tx.Model(&questionRow{}).Where("id = ?", q.ID).Update("retired", true).Error; err != nil {
				return err
			}
			if err := tx.Delete(&questionRow{}, q.ID).Error; err != nil {
				return err
			}
			rep.Retired++
		}
		if err := saveEntities(tx, articleID, facts); err != nil {
			return err
		}
		return refreshArticle(tx, articleID)
	}()
	if err != nil {
		return rep, nil, fmt.Errorf("replace facts of article %d: %w", articleID, err)
	}
	return rep, ids, nil
}

// ArticleByHash returns the stored article with the given content hash.
func (s *Store) ArticleByHash(ctx context.Context, hash string) (quiz.Article, error) {
	var r articleRow
	if err := s.db.WithContext(ctx).Where("hash = ?", hash).First(&r).Error; err != nil {
		return quiz.Article{}, notFound(err, "article with hash "+hash)
	}
	return r.domain(), nil
}
