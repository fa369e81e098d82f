package extract

import (
	"testing"

	"github.com/jdkato/prose/v3"
)

// seedBodies returns the cleaned seed articles and their total size.
func seedBodies(b *testing.B) ([]string, int64) {
	b.Helper()
	var bodies []string
	var n int64
	for _, a := range seedArticles(b) {
		bodies = append(bodies, a.Body())
		n += int64(len(a.Body()))
	}
	return bodies, n
}

// BenchmarkFacts measures the whole extraction, NER included, over the five
// seed articles.
func BenchmarkFacts(b *testing.B) {
	arts := seedArticles(b)
	ex := New(mustModel(b))
	var n int64
	for _, a := range arts {
		n += int64(len(a.Body()))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			ex.Facts(a)
		}
	}
}

// BenchmarkProseNER measures prose v3's named-entity recognition alone on
// the same text, for comparison.
func BenchmarkProseNER(b *testing.B) {
	bodies, n := seedBodies(b)
	b.SetBytes(n)
	b.ResetTimer()
	for b.Loop() {
		for _, body := range bodies {
			doc, err := prose.NewDocument(body, prose.WithSegmentation(false))
			if err != nil {
				b.Fatal(err)
			}
			_ = doc.Entities()
		}
	}
}
