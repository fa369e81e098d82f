package store

// This file holds classes: a teacher's classes, the learners who joined
// them with the class code, assignments, and each learner's quiz for an
// assignment.

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type classRow struct {
	ID        int64  `gorm:"primaryKey"`
	Name      string `gorm:"size:80;not null"`
	TeacherID int64  `gorm:"not null;index"`
	Code      string `gorm:"size:16;not null;uniqueIndex"`
	CreatedAt time.Time

	Teacher userRow `gorm:"foreignKey:TeacherID;constraint:OnDelete:CASCADE"`
}

func (classRow) TableName() string { return "classes" }

func (r classRow) domain() quiz.Class {
	return quiz.Class{ID: r.ID, Name: r.Name, TeacherID: r.TeacherID, Code: r.Code, CreatedAt: r.CreatedAt}
}

type memberRow struct {
	ClassID   int64 `gorm:"primaryKey;autoIncrement:false"`
	LearnerID int64 `gorm:"primaryKey;autoIncrement:false;index"`
	JoinedAt  time.Time

	Class   classRow   `gorm:"foreignKey:ClassID;constraint:OnDelete:CASCADE"`
	Learner learnerRow `gorm:"foreignKey:LearnerID;constraint:OnDelete:CASCADE"`
}

func (memberRow) TableName() string { return "class_members" }

type assignmentRow struct {
	ID          int64   `gorm:"primaryKey"`
	ClassID     int64   `gorm:"not null;index"`
	Title       string  `gorm:"size:120;not null"`
	ArticleID   int64   // 0 for questions of every article; no foreign key, the article may go
	QuestionIDs []int64 `gorm:"serializer:json;not null"`
	Due         *time.Time
	CreatedAt   time.Time

	Class classRow `gorm:"foreignKey:ClassID;constraint:OnDelete:CASCADE"`
}

func (assignmentRow) TableName() string { return "assignments" }

func (r assignmentRow) domain() quiz.Assignment {
	a := quiz.Assignment{ID: r.ID, ClassID: r.ClassID, Title: r.Title, ArticleID: r.ArticleID,
		QuestionIDs: r.QuestionIDs, CreatedAt: r.CreatedAt}
	if r.Due != nil {
		a.Due = *r.Due
	}
	return a
}

// workRow links a learner's quiz to the assignment it does.
type workRow struct {
	AssignmentID int64 `gorm:"primaryKey;autoIncrement:false"`
	LearnerID    int64 `gorm:"primaryKey;autoIncrement:false"`
	SessionID    int64 `gorm:"not null;uniqueIndex"`

	Assignment assignmentRow  `gorm:"foreignKey:AssignmentID;constraint:OnDelete:CASCADE"`
	Session    quizSessionRow `gorm:"foreignKey:SessionID;constraint:OnDelete:CASCADE"`
}

func (workRow) TableName() string { return "assignment_work" }

// codeAlphabet has no letters or digits easily confused when read aloud or
// copied from a board (0/O, 1/I/L).
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// CodeLen is the length of a class code.
const CodeLen = 8

func classCode() string {
	b := make([]byte, CodeLen)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b)
}

// NormalizeCode returns a class code as typed (any case, spaces or dashes)
// in its stored form.
func NormalizeCode(code string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, strings.TrimSpace(code))
}

// CreateClass stores a new class of teacher c.TeacherID with a fresh join
// code.
func (s *Store) CreateClass(ctx context.Context, c quiz.Class) (quiz.Class, error) {
	if c.Name == "" || c.TeacherID == 0 {
		return c, fmt.Errorf("create class: no name or teacher: %w", quiz.ErrInvalid)
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = time.Now().UTC()
	}
	for range 5 {
		r := classRow{Name: c.Name, TeacherID: c.TeacherID, Code: classCode(), CreatedAt: c.CreatedAt}
		err := s.db.WithContext(ctx).Create(&r).Error
		if err == nil {
			return r.domain(), nil
		}
		if !errors.Is(err, gorm.ErrDuplicatedKey) {
			return c, fmt.Errorf("create class: %w", err)
		}
	}
	return c, fmt.Errorf("create class: no free code after 5 tries")
}

// Class returns the class with the given ID.
func (s *Store) Class(ctx context.Context, id int64) (quiz.Class, error) {
	var r classRow
	if err := s.db.WithContext(ctx).First(&r, id).Error; err != nil {
		return quiz.Class{}, notFound(err, fmt.Sprintf("class %d", id))
	}
	return r.domain(), nil
}

// ClassByCode returns the class whose join code is code (see
// NormalizeCode).
func (s *Store) ClassByCode(ctx context.Context, code string) (quiz.Class, error) {
	var r classRow
	if err := s.db.WithContext(ctx).Where("code = ?", NormalizeCode(code)).Take(&r).Error; err != nil {
		return quiz.Class{}, notFound(err, "class with that code")
	}
	return r.domain(), nil
}

// TeacherClasses returns the classes of user teacherID, newest first.
func (s *Store) TeacherClasses(ctx context.Context, teacherID int64) ([]quiz.Class, error) {
	var rows []classRow
	if err := s.db.WithContext(ctx).Where("teacher_id = ?", teacherID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("classes: %w", err)
	}
	out := make([]quiz.Class, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// JoinClass makes learnerID a member of class classID; joining twice is
// no error.
func (s *Store) JoinClass(ctx context.Context, classID, learnerID int64, now time.Time) error {
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&memberRow{ClassID: classID, LearnerID: learnerID, JoinedAt: now}).Error
	if err != nil {
		return fmt.Errorf("join class %d: %w", classID, err)
	}
	return nil
}

// Members returns the learners of class classID in the order they joined,
// named by their account (name, else email) or "Guest N".
func (s *Store) Members(ctx context.Context, classID int64) ([]quiz.Member, error) {
	var rows []struct {
		LearnerID int64
		JoinedAt  time.Time
		Name      *string
		Email     *string
	}
	err := s.db.WithContext(ctx).Table("class_members").
		Select("class_members.learner_id, class_members.joined_at, users.name, users.email").
		Joins("LEFT JOIN users ON users.learner_id = class_members.learner_id").
		Where("class_members.class_id = ?", classID).Order("class_members.joined_at, class_members.learner_id").
		Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("class %d members: %w", classID, err)
	}
	out := make([]quiz.Member, len(rows))
	for i, r := range rows {
		name := fmt.Sprintf("Guest %d", r.LearnerID)
		switch {
		case r.Name != nil && *r.Name != "":
			name = *r.Name
		case r.Email != nil:
			name = *r.Email
		}
		out[i] = quiz.Member{LearnerID: r.LearnerID, Name: name, JoinedAt: r.JoinedAt}
	}
	return out, nil
}

// IsMember reports whether learnerID is in class classID.
func (s *Store) IsMember(ctx context.Context, classID, learnerID int64) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&memberRow{}).Where("class_id = ? AND learner_id = ?", classID, learnerID).Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("class member: %w", err)
	}
	return n > 0, nil
}

// CreateAssignment stores a new assignment of class a.ClassID.
func (s *Store) CreateAssignment(ctx context.Context, a quiz.Assignment) (quiz.Assignment, error) {
	if a.ClassID == 0 || a.Title == "" || len(a.QuestionIDs) == 0 || len(a.QuestionIDs) > MaxQuizQuestions {
		return a, fmt.Errorf("create assignment: class, title and 1 to %d questions needed: %w", MaxQuizQuestions, quiz.ErrInvalid)
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = time.Now().UTC()
	}
	r := assignmentRow{ClassID: a.ClassID, Title: a.Title, ArticleID: a.ArticleID, QuestionIDs: a.QuestionIDs, CreatedAt: a.CreatedAt}
	if !a.Due.IsZero() {
		d := a.Due.UTC()
		r.Due = &d
	}
	if err := s.db.WithContext(ctx).Create(&r).Error; err != nil {
		return a, fmt.Errorf("create assignment: %w", err)
	}
	return r.domain(), nil
}

// Assignment returns the assignment with the given ID.
func (s *Store) Assignment(ctx context.Context, id int64) (quiz.Assignment, error) {
	var r assignmentRow
	if err := s.db.WithContext(ctx).First(&r, id).Error; err != nil {
		return quiz.Assignment{}, notFound(err, fmt.Sprintf("assignment %d", id))
	}
	return r.domain(), nil
}

// ClassAssignments returns the assignments of class classID, newest first.
func (s *Store) ClassAssignments(ctx context.Context, classID int64) ([]quiz.Assignment, error) {
	var rows []assignmentRow
	if err := s.db.WithContext(ctx).Where("class_id = ?", classID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("assignments: %w", err)
	}
	out := make([]quiz.Assignment, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// LearnerAssignment is an assignment as one learner sees it.
type LearnerAssignment struct {
	quiz.Assignment
	ClassName string
	// SessionID is the learner's quiz for it, 0 before they start.
	SessionID int64
	Done      bool
}

// LearnerAssignments returns the assignments of every class learnerID
// belongs to, newest first, with the learner's quiz for each.
func (s *Store) LearnerAssignments(ctx context.Context, learnerID int64) ([]LearnerAssignment, error) {
	db := s.db.WithContext(ctx)
	var rows []assignmentRow
	err := db.Where("class_id IN (?)", db.Model(&memberRow{}).Select("class_id").Where("learner_id = ?", learnerID)).
		Order("id DESC").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("learner assignments: %w", err)
	}
	var classes []classRow
	if err := db.Where("id IN (?)", db.Model(&memberRow{}).Select("class_id").Where("learner_id = ?", learnerID)).
		Find(&classes).Error; err != nil {
		return nil, fmt.Errorf("learner assignments: %w", err)
	}
	names := make(map[int64]string, len(classes))
	for _, c := range classes {
		names[c.ID] = c.Name
	}
	var work []struct {
		AssignmentID int64
		SessionID    int64
		FinishedAt   *time.Time
	}
	err = db.Table("assignment_work").Select("assignment_work.assignment_id, assignment_work.session_id, quiz_sessions.finished_at").
		Joins("JOIN quiz_sessions ON quiz_sessions.id = assignment_work.session_id").
		Where("assignment_work.learner_id = ?", learnerID).Scan(&work).Error
	if err != nil {
		return nil, fmt.Errorf("learner assignments: %w", err)
	}
	out := make([]LearnerAssignment, len(rows))
	for i, r := range rows {
		out[i] = LearnerAssignment{Assignment: r.domain(), ClassName: names[r.ClassID]}
		for _, w := range work {
			if w.AssignmentID == r.ID {
				out[i].SessionID, out[i].Done = w.SessionID, w.FinishedAt != nil
			}
		}
	}
	return out, nil
}

// StartAssignment returns learnerID's quiz for assignment id, creating it
// with the assignment's questions on first call. A learner outside the
// assignment's class gets an error of kind quiz.ErrForbidden.
func (s *Store) StartAssignment(ctx context.Context, id, learnerID int64, now time.Time) (quiz.QuizSession, error) {
	var sessionID int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var a assignmentRow
		if err := tx.First(&a, id).Error; err != nil {
			return notFound(err, fmt.Sprintf("assignment %d", id))
		}
		var n int64
		if err := tx.Model(&memberRow{}).Where("class_id = ? AND learner_id = ?", a.ClassID, learnerID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return quiz.Errorf(quiz.ErrForbidden, "Join the class first: this assignment is for its members.")
		}
		var w workRow
		err := tx.Where("assignment_id = ? AND learner_id = ?", id, learnerID).Take(&w).Error
		if err == nil {
			sessionID = w.SessionID
			return nil
		}
		if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		r := quizSessionRow{LearnerID: learnerID, Title: a.Title, ArticleID: a.ArticleID, QuestionIDs: a.QuestionIDs,
			HintAt: -1, StartedAt: now}
		if err := tx.Create(&r).Error; err != nil {
			return err
		}
		sessionID = r.ID
		return tx.Create(&workRow{AssignmentID: id, LearnerID: learnerID, SessionID: r.ID}).Error
	})
	if err != nil {
		var qe *quiz.Error
		if errors.As(err, &qe) {
			return quiz.QuizSession{}, err
		}
		return quiz.QuizSession{}, fmt.Errorf("start assignment %d: %w", id, err)
	}
	return s.QuizSession(ctx, sessionID)
}

// AssignmentWork returns every member of the assignment's class with
// their quiz for it (nil before they start), in the order they joined.
func (s *Store) AssignmentWork(ctx context.Context, a quiz.Assignment) ([]quiz.Work, error) {
	members, err := s.Members(ctx, a.ClassID)
	if err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	var work []workRow
	if err := db.Where("assignment_id = ?", a.ID).Find(&work).Error; err != nil {
		return nil, fmt.Errorf("assignment %d work: %w", a.ID, err)
	}
	byLearner := make(map[int64]int64, len(work))
	for _, w := range work {
		byLearner[w.LearnerID] = w.SessionID
	}
	out := make([]quiz.Work, len(members))
	for i, m := range members {
		out[i].Member = m
		if sid, ok := byLearner[m.LearnerID]; ok {
			sess, err := quizSession(db, sid)
			if err != nil {
				return nil, fmt.Errorf("assignment %d work: %w", a.ID, err)
			}
			out[i].Session = &sess
		}
	}
	return out, nil
}
