//go:build !linux

package syntax

// hugeUint64s returns a zeroed slice of n words (huge pages are asked for
// on Linux only).
func hugeUint64s(n int) []uint64 { return make([]uint64, n) }
