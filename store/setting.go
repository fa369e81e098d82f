package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"gorm.io/gorm/clause"
)

// settingRow is one named value of the installation, such as the key that
// signs learner cookies.
type settingRow struct {
	Name  string `gorm:"primaryKey;size:64"`
	Value string `gorm:"not null"`
}

func (settingRow) TableName() string { return "settings" }

// Secret returns the installation's random secret called name (32 bytes),
// creating it on first use. Every process on one database gets the same
// secret, whichever created it.
func (s *Store) Secret(ctx context.Context, name string) ([]byte, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	db := s.db.WithContext(ctx)
	r := settingRow{Name: "secret:" + name, Value: hex.EncodeToString(b)}
	if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&r).Error; err != nil {
		return nil, fmt.Errorf("secret %s: %w", name, err)
	}
	var got settingRow
	if err := db.Where("name = ?", r.Name).First(&got).Error; err != nil {
		return nil, notFound(err, "secret "+name)
	}
	key, err := hex.DecodeString(got.Value)
	if err != nil || len(key) < 16 {
		return nil, fmt.Errorf("secret %s is damaged in the database", name)
	}
	return key, nil
}
