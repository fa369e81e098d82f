package store

// This file holds accounts: users, their database sessions and API tokens,
// and the record of failed sign-ins that throttles guessing. Sessions and
// tokens are stored as hashes, so that a copy of the database signs no one
// in.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"factdeck/quiz"

	"gorm.io/gorm"
)

type userRow struct {
	ID           int64  `gorm:"primaryKey"`
	Email        string `gorm:"size:254;not null;uniqueIndex"`
	Name         string `gorm:"size:80"`
	PasswordHash string `gorm:"not null"`
	Role         string `gorm:"size:16;not null"`
	LearnerID    int64  `gorm:"not null;uniqueIndex"`
	CreatedAt    time.Time

	Learner learnerRow `gorm:"foreignKey:LearnerID"`
}

func (userRow) TableName() string { return "users" }

func (r userRow) domain() quiz.User {
	role, err := quiz.ParseRole(r.Role)
	if err != nil {
		role = quiz.LearnerRole // a damaged role grants nothing beyond a learner's
	}
	return quiz.User{ID: r.ID, Email: r.Email, Name: r.Name, Role: role, LearnerID: r.LearnerID, CreatedAt: r.CreatedAt}
}

type sessionRow struct {
	Hash      string `gorm:"primaryKey;size:64"`
	UserID    int64  `gorm:"not null;index"`
	CreatedAt time.Time
	ExpiresAt time.Time `gorm:"index"`

	User userRow `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
}

func (sessionRow) TableName() string { return "sessions" }

type apiTokenRow struct {
	ID         int64  `gorm:"primaryKey"`
	UserID     int64  `gorm:"not null;index"`
	Name       string `gorm:"size:60;not null"`
	Hash       string `gorm:"size:64;not null;uniqueIndex"`
	CreatedAt  time.Time
	LastUsedAt *time.Time

	User userRow `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
}

func (apiTokenRow) TableName() string { return "api_tokens" }

func (r apiTokenRow) domain() quiz.APIToken {
	t := quiz.APIToken{ID: r.ID, UserID: r.UserID, Name: r.Name, CreatedAt: r.CreatedAt}
	if r.LastUsedAt != nil {
		t.LastUsedAt = *r.LastUsedAt
	}
	return t
}

type signInFailureRow struct {
	ID      int64     `gorm:"primaryKey"`
	Subject string    `gorm:"size:300;not null;index:idx_sign_in_failure"`
	At      time.Time `gorm:"not null;index:idx_sign_in_failure;index"`
}

func (signInFailureRow) TableName() string { return "sign_in_failures" }

// accountModels lists the tables of accounts and classes.
func accountModels() []any {
	return []any{&userRow{}, &sessionRow{}, &apiTokenRow{}, &signInFailureRow{},
		&classRow{}, &memberRow{}, &assignmentRow{}, &workRow{}}
}

// userLearnerToken returns a learner token for an account's learner: 64
// hex characters, a form no learner cookie can name (those carry 32).
func userLearnerToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// CountUsers returns the number of accounts.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&userRow{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

// CreateUser stores a new account with the given password hash. When
// guestToken names a stored guest learner, the account takes over that
// learner and its progress, and the guest token stops naming it: whoever
// still holds the guest cookie finds an empty record. Otherwise the account
// gets a new learner. An email already used is an error of kind
// quiz.ErrDuplicate.
func (s *Store) CreateUser(ctx context.Context, u quiz.User, passwordHash, guestToken string) (quiz.User, error) {
	if u.Role < quiz.LearnerRole || u.Role > quiz.Admin {
		return u, fmt.Errorf("create user: role %v: %w", u.Role, quiz.ErrInvalid)
	}
	if u.Email == "" || passwordHash == "" {
		return u, fmt.Errorf("create user: no email or password: %w", quiz.ErrInvalid)
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Now().UTC()
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&userRow{}).Where("email = ?", u.Email).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return quiz.Errorf(quiz.ErrDuplicate, "That email address cannot be used for a new account. If it is yours, sign in.")
		}
		var l learnerRow
		found := false
		if guestToken != "" {
			err := tx.Where("token = ?", guestToken).Take(&l).Error
			switch {
			case err == nil:
				var owned int64
				if err := tx.Model(&userRow{}).Where("learner_id = ?", l.ID).Count(&owned).Error; err != nil {
					return err
				}
				found = owned == 0
			case !errors.Is(err, gorm.ErrRecordNotFound):
				return err
			}
		}
		if found {
			if err := tx.Model(&learnerRow{}).Where("id = ?", l.ID).Update("token", userLearnerToken()).Error; err != nil {
				return err
			}
		} else {
			l = learnerRow{Token: userLearnerToken(), CreatedAt: u.CreatedAt}
			if err := tx.Create(&l).Error; err != nil {
				return err
			}
		}
		r := userRow{Email: u.Email, Name: u.Name, PasswordHash: passwordHash, Role: u.Role.String(),
			LearnerID: l.ID, CreatedAt: u.CreatedAt}
		if err := tx.Create(&r).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return quiz.Errorf(quiz.ErrDuplicate, "That email address cannot be used for a new account. If it is yours, sign in.")
			}
			return err
		}
		u = r.domain()
		return nil
	})
	if err != nil {
		var qe *quiz.Error
		if errors.As(err, &qe) {
			return u, err
		}
		return u, fmt.Errorf("create user: %w", err)
	}
	return u, nil
}

// User returns the account with the given ID.
func (s *Store) User(ctx context.Context, id int64) (quiz.User, error) {
	var r userRow
	if err := s.db.WithContext(ctx).First(&r, id).Error; err != nil {
		return quiz.User{}, notFound(err, fmt.Sprintf("user %d", id))
	}
	return r.domain(), nil
}

// Credentials returns the account with the given (normalized) email and
// its password hash.
func (s *Store) Credentials(ctx context.Context, email string) (quiz.User, string, error) {
	var r userRow
	if err := s.db.WithContext(ctx).Where("email = ?", email).Take(&r).Error; err != nil {
		return quiz.User{}, "", notFound(err, "such account")
	}
	return r.domain(), r.PasswordHash, nil
}

// PasswordHash returns the password hash of account id.
func (s *Store) PasswordHash(ctx context.Context, id int64) (string, error) {
	var r userRow
	if err := s.db.WithContext(ctx).Select("password_hash").First(&r, id).Error; err != nil {
		return "", notFound(err, fmt.Sprintf("user %d", id))
	}
	return r.PasswordHash, nil
}

// Users returns every account, oldest first.
func (s *Store) Users(ctx context.Context) ([]quiz.User, error) {
	var rows []userRow
	if err := s.db.WithContext(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	out := make([]quiz.User, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// SetRole changes account id's role. The last admin cannot stop being one.
func (s *Store) SetRole(ctx context.Context, id int64, role quiz.Role) error {
	if role < quiz.LearnerRole || role > quiz.Admin {
		return quiz.Errorf(quiz.ErrInvalid, "An account is a learner, a teacher or an admin.")
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var r userRow
		if err := tx.First(&r, id).Error; err != nil {
			return notFound(err, fmt.Sprintf("user %d", id))
		}
		if r.Role == quiz.Admin.String() && role != quiz.Admin {
			var admins int64
			if err := tx.Model(&userRow{}).Where("role = ?", quiz.Admin.String()).Count(&admins).Error; err != nil {
				return fmt.Errorf("set role: %w", err)
			}
			if admins <= 1 {
				return quiz.Errorf(quiz.ErrInvalid, "This is the last admin: make someone else an admin first.")
			}
		}
		if err := tx.Model(&userRow{}).Where("id = ?", id).Update("role", role.String()).Error; err != nil {
			return fmt.Errorf("set role: %w", err)
		}
		return nil
	})
}

// SetPassword replaces account id's password hash and ends all its
// sessions.
func (s *Store) SetPassword(ctx context.Context, id int64, passwordHash string) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&userRow{}).Where("id = ?", id).Update("password_hash", passwordHash)
		if res.Error != nil {
			return fmt.Errorf("set password: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return quiz.Errorf(quiz.ErrNotFound, "There is no user %d.", id)
		}
		if err := tx.Where("user_id = ?", id).Delete(&sessionRow{}).Error; err != nil {
			return fmt.Errorf("set password: end sessions: %w", err)
		}
		return nil
	})
}

// CreateSession stores a session of account userID under the hash of its
// token, valid until expires, and drops the account's expired sessions.
func (s *Store) CreateSession(ctx context.Context, hash string, userID int64, now, expires time.Time) error {
	db := s.db.WithContext(ctx)
	if err := db.Where("user_id = ? AND expires_at < ?", userID, now).Delete(&sessionRow{}).Error; err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	if err := db.Create(&sessionRow{Hash: hash, UserID: userID, CreatedAt: now, ExpiresAt: expires}).Error; err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// DeleteSession ends the session with the given token hash; ending one
// that does not exist is no error.
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	if err := s.db.WithContext(ctx).Where("hash = ?", hash).Delete(&sessionRow{}).Error; err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// CreateAPIToken stores a personal API token of account userID under its
// hash. An account holds at most quiz.MaxTokensOwned tokens.
func (s *Store) CreateAPIToken(ctx context.Context, userID int64, name, hash string, now time.Time) (quiz.APIToken, error) {
	r := apiTokenRow{UserID: userID, Name: name, Hash: hash, CreatedAt: now}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&apiTokenRow{}).Where("user_id = ?", userID).Count(&n).Error; err != nil {
			return err
		}
		if n >= quiz.MaxTokensOwned {
			return quiz.Errorf(quiz.ErrInvalid, "An account may hold at most %d tokens: revoke one first.", quiz.MaxTokensOwned)
		}
		return tx.Create(&r).Error
	})
	if err != nil {
		var qe *quiz.Error
		if errors.As(err, &qe) {
			return quiz.APIToken{}, err
		}
		return quiz.APIToken{}, fmt.Errorf("create API token: %w", err)
	}
	return r.domain(), nil
}

// APITokens returns account userID's tokens, newest first.
func (s *Store) APITokens(ctx context.Context, userID int64) ([]quiz.APIToken, error) {
	var rows []apiTokenRow
	if err := s.db.WithContext(ctx).Where("user_id = ?", userID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("API tokens: %w", err)
	}
	out := make([]quiz.APIToken, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// DeleteAPIToken revokes token id of account userID; another account's
// token is not found.
func (s *Store) DeleteAPIToken(ctx context.Context, userID, id int64) error {
	res := s.db.WithContext(ctx).Where("id = ? AND user_id = ?", id, userID).Delete(&apiTokenRow{})
	if res.Error != nil {
		return fmt.Errorf("delete API token: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return quiz.Errorf(quiz.ErrNotFound, "There is no token %d.", id)
	}
	return nil
}

// TokenUser returns the account owning the API token with the given hash
// and notes that it was used at now (to the minute).
func (s *Store) TokenUser(ctx context.Context, hash string, now time.Time) (quiz.User, error) {
	db := s.db.WithContext(ctx)
	var t apiTokenRow
	if err := db.Where("hash = ?", hash).Take(&t).Error; err != nil {
		return quiz.User{}, notFound(err, "such token")
	}
	// Noted at most once a minute: a busy script should not make every
	// request a write.
	if err := db.Model(&apiTokenRow{}).Where("id = ? AND (last_used_at IS NULL OR last_used_at < ?)", t.ID, now.Add(-time.Minute)).
		Update("last_used_at", now).Error; err != nil {
		return quiz.User{}, fmt.Errorf("token used: %w", err)
	}
	return s.User(ctx, t.UserID)
}

// RecordSignInFailure notes a failed sign-in at time at under each key (an
// account's email, an address), and forgets every failure older than a
// day, so that guesses at many made-up emails do not pile up.
func (s *Store) RecordSignInFailure(ctx context.Context, at time.Time, keys ...string) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("at < ?", at.Add(-24*time.Hour)).Delete(&signInFailureRow{}).Error; err != nil {
			return fmt.Errorf("record sign-in failure: %w", err)
		}
		for _, k := range keys {
			if err := tx.Create(&signInFailureRow{Subject: k, At: at}).Error; err != nil {
				return fmt.Errorf("record sign-in failure: %w", err)
			}
		}
		return nil
	})
}

// SignInFailures returns the failed sign-ins under key since the given
// time.
func (s *Store) SignInFailures(ctx context.Context, key string, since time.Time) (int64, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&signInFailureRow{}).Where("subject = ? AND at > ?", key, since).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("sign-in failures: %w", err)
	}
	return n, nil
}

// ClearSignInFailures forgets the failures under key, after a successful
// sign-in.
func (s *Store) ClearSignInFailures(ctx context.Context, key string) error {
	if err := s.db.WithContext(ctx).Where("subject = ?", key).Delete(&signInFailureRow{}).Error; err != nil {
		return fmt.Errorf("clear sign-in failures: %w", err)
	}
	return nil
}

// LearnerByID returns the learner with the given ID.
func (s *Store) LearnerByID(ctx context.Context, id int64) (quiz.Learner, error) {
	var r learnerRow
	if err := s.db.WithContext(ctx).First(&r, id).Error; err != nil {
		return quiz.Learner{}, notFound(err, fmt.Sprintf("learner %d", id))
	}
	return r.domain(), nil
}
