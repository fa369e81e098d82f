//go:build !race

package web

// raceEnabled is set when the tests run with the race detector.
const raceEnabled = false
