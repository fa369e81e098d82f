package store

import (
	"strings"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
)

// The row types are the database's shape of the domain types; conversion
// functions keep gorm tags out of package quiz.

type articleRow struct {
	ID         int64  `gorm:"primaryKey"`
	Title      string `gorm:"not null"`
	Standfirst string
	Body       string `gorm:"not null"`
	Source     string
	Hash       string `gorm:"size:64;not null;uniqueIndex"`
	IngestedAt time.Time
	// Label is the source's name a person gave (quiz.Article.Label).
	Label string
	// Counts kept with the article (see refreshArticle), so that listings
	// and deck pages add them up instead of counting questions; Counted is
	// false on rows from before they existed.
	NFacts     int64 `gorm:"not null;default:0"`
	NQuestions int64 `gorm:"not null;default:0"`
	NCards     int64 `gorm:"not null;default:0"`
	NReserve   int64 `gorm:"not null;default:0"`
	Counted    bool  `gorm:"not null;default:false"`
}

func (articleRow) TableName() string { return "articles" }

type factRow struct {
	ID          int64 `gorm:"primaryKey"`
	ArticleID   int64 `gorm:"not null;index"`
	Kind        string
	Subject     string
	SubjectKind string
	Relation    string
	Object      string
	ObjectKind  string
	Org         string
	Context     string
	Attribution string
	Sentence    string
	Start       int
	End         int
	SpanStart   int
	SpanEnd     int
	Confidence  float64
	Sources     []string `gorm:"serializer:json"`
	Conflicts   []string `gorm:"serializer:json"`
	Key         string

	Article articleRow `gorm:"foreignKey:ArticleID;constraint:OnDelete:CASCADE"`
}

func (factRow) TableName() string { return "facts" }

// questionRow's indexes serve the queries as SQLite plans them without
// statistics: an index on a column of two values (reserve, card, type) looks
// as selective as any, and SQLite would scan half the table through it
// instead of an article's few questions, so those columns are indexed only
// after the article (see dropIndexes).
type questionRow struct {
	ID         int64  `gorm:"primaryKey"`
	ArticleID  int64  `gorm:"not null;index:idx_questions_article_draw,priority:1"`
	FactID     *int64 `gorm:"index:idx_questions_article_draw,priority:4"`
	Type       string `gorm:"not null"`
	Prompt     string `gorm:"not null"`
	Answer     string
	Accepted   []string `gorm:"serializer:json"`
	Options    []string `gorm:"serializer:json"`
	AnswerKind string
	Sentence   string
	Cloze      string
	Template   string
	Difficulty int
	Score      float64
	Edited     bool
	// Reserve marks a candidate kept out of the default deck (see
	// quiz.Question.Reserve).
	Reserve bool `gorm:"not null;default:false;index:idx_questions_article_draw,priority:2"`
	// Card marks the article's flashcard of its fact (quiz.Flashcards).
	Card bool `gorm:"not null;default:false"`
	// Ident is the question's identity across regenerations (see ident);
	// Retired marks a question that regeneration no longer makes, as opposed
	// to one a person deleted.
	Ident   string `gorm:"size:40"`
	Retired bool
	// Note is quiz.NoteKey: the card questions of one note, whatever their
	// article, are one flashcard; Lead marks the one whose ID keys the
	// learners' schedules (see refreshLeads).
	Note string `gorm:"size:40;index:idx_questions_note_lead,priority:1"`
	Lead bool   `gorm:"not null;default:false;index;index:idx_questions_note_lead,priority:2"`
	// DeletedAt is indexed only after the article and reserve: nearly every
	// row has it NULL, and an index of its own drew SQLite's planner from
	// the useful ones. With the fact it makes idx_questions_article_draw
	// cover drawing a quiz's questions from some articles.
	DeletedAt gorm.DeletedAt `gorm:"index:idx_questions_article_draw,priority:3"`

	Article articleRow `gorm:"foreignKey:ArticleID;constraint:OnDelete:CASCADE"`
}

func (questionRow) TableName() string { return "questions" }

// dropIndexes are indexes of earlier schemas that misled SQLite's planner
// (see questionRow), or that no query reads while every ingest writes them
// at random places (a hash, a score, a key); migrate drops them.
var dropIndexes = []struct {
	model any
	name  string
}{
	{&articleRow{}, "idx_articles_source"},
	{&factRow{}, "idx_facts_relation"},
	{&factRow{}, "idx_facts_key"},
	{&questionRow{}, "idx_questions_score"},
	{&questionRow{}, "idx_questions_ident"},
	{&quizSessionRow{}, "idx_quiz_sessions_finished_at"},
	{&quizSessionRow{}, "idx_quiz_sessions_learner_id"}, // idx_session_learner_finished serves it
	{&questionRow{}, "idx_questions_reserve"},
	{&questionRow{}, "idx_questions_card"},
	{&questionRow{}, "idx_questions_type"},
	{&questionRow{}, "idx_questions_deleted_at"},
	{&questionRow{}, "idx_questions_note"},            // idx_questions_note_lead serves it
	{&questionRow{}, "idx_questions_article_id"},      // idx_questions_article_draw serves it
	{&questionRow{}, "idx_questions_article_reserve"}, // became idx_questions_article_draw
}

func coreModels() []any {
	return []any{&articleRow{}, &factRow{}, &questionRow{}, &settingRow{}, &conflictRow{}, &entityRow{}, &totalsRow{}}
}

func toArticleRow(a quiz.Article) articleRow {
	return articleRow{ID: a.ID, Title: a.Title, Standfirst: a.Standfirst, Body: a.Body(),
		Source: a.Source, Hash: a.Hash, IngestedAt: a.IngestedAt, Label: a.Label}
}

func (r articleRow) domain() quiz.Article {
	var paras []string
	if r.Body != "" {
		paras = strings.Split(r.Body, "\n\n")
	}
	return quiz.Article{ID: r.ID, Title: r.Title, Standfirst: r.Standfirst, Paragraphs: paras,
		Source: r.Source, Hash: r.Hash, IngestedAt: r.IngestedAt, Label: r.Label}
}

func toFactRow(f quiz.Fact) factRow {
	return factRow{ID: f.ID, ArticleID: f.ArticleID, Kind: string(f.Kind), Subject: f.Subject,
		SubjectKind: string(f.SubjectKind), Relation: f.Relation, Object: f.Object,
		ObjectKind: string(f.ObjectKind), Org: f.Org, Context: f.Context, Attribution: f.Attribution,
		Sentence: f.Sentence, Start: f.Start, End: f.End, SpanStart: f.SpanStart, SpanEnd: f.SpanEnd,
		Confidence: f.Confidence, Sources: f.Sources, Conflicts: f.Conflicts, Key: f.Key}
}

func (r factRow) domain() quiz.Fact {
	return quiz.Fact{ID: r.ID, ArticleID: r.ArticleID, Kind: quiz.Kind(r.Kind), Subject: r.Subject,
		SubjectKind: quiz.Kind(r.SubjectKind), Relation: r.Relation, Object: r.Object,
		ObjectKind: quiz.Kind(r.ObjectKind), Org: r.Org, Context: r.Context, Attribution: r.Attribution,
		Sentence: r.Sentence, Start: r.Start, End: r.End, SpanStart: r.SpanStart, SpanEnd: r.SpanEnd,
		Confidence: r.Confidence, Sources: r.Sources, Conflicts: r.Conflicts, Key: r.Key}
}

func toQuestionRow(q quiz.Question) questionRow {
	var fid *int64
	if q.FactID != 0 {
		v := q.FactID
		fid = &v
	}
	return questionRow{ID: q.ID, ArticleID: q.ArticleID, FactID: fid, Type: string(q.Type), Prompt: q.Prompt,
		Answer: q.Answer, Accepted: q.Accepted, Options: q.Options, AnswerKind: string(q.AnswerKind),
		Sentence: q.Sentence, Cloze: q.Cloze, Template: q.Template, Difficulty: q.Difficulty,
		Score: q.Score, Edited: q.Edited, Reserve: q.Reserve, Note: quiz.NoteKey(q)}
}

func (r questionRow) domain() quiz.Question {
	var fid int64
	if r.FactID != nil {
		fid = *r.FactID
	}
	return quiz.Question{ID: r.ID, ArticleID: r.ArticleID, FactID: fid, Type: quiz.QuestionType(r.Type),
		Prompt: r.Prompt, Answer: r.Answer, Accepted: r.Accepted, Options: r.Options,
		AnswerKind: quiz.Kind(r.AnswerKind), Sentence: r.Sentence, Cloze: r.Cloze, Template: r.Template,
		Difficulty: r.Difficulty, Score: r.Score, Edited: r.Edited, Reserve: r.Reserve}
}
