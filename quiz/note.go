package quiz

// This file holds notes: the same question made from several articles
// ("Who leads the bank?" asked by three stories) is one note, studied as one
// flashcard with several sources.

import (
	"crypto/sha1"
	"encoding/hex"
)

// NoteKey returns the identity of q's note: questions with the same
// normalized prompt and answer are one note, whatever article made them.
func NoteKey(q Question) string {
	h := sha1.Sum([]byte(NormalizeAnswer(q.Prompt) + "\x00" + NormalizeAnswer(q.Answer)))
	return hex.EncodeToString(h[:])
}

// Flag is a learner's coloured mark on a flashcard, as in Anki; FlagNone
// is no mark.
type Flag int

// Flags.
const (
	FlagNone Flag = iota
	FlagRed
	FlagOrange
	FlagGreen
	FlagBlue
)

// Flags lists the flags a card may carry, FlagNone first.
var Flags = []Flag{FlagNone, FlagRed, FlagOrange, FlagGreen, FlagBlue}

// Valid reports whether f is a known flag.
func (f Flag) Valid() bool { return f >= FlagNone && f <= FlagBlue }

// String returns "none", "red", "orange", "green" or "blue".
func (f Flag) String() string {
	switch f {
	case FlagRed:
		return "red"
	case FlagOrange:
		return "orange"
	case FlagGreen:
		return "green"
	case FlagBlue:
		return "blue"
	}
	return "none"
}
