package oldextract

import (
	"fmt"
	"strings"
	"testing"

	"factdeck/quiz"

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

// BenchmarkDegenerate runs Facts on one repeated word and on prose repeated
// without paragraph breaks at two sizes: equal MB/s at both sizes shows the
// time is linear in the input.
func BenchmarkDegenerate(b *testing.B) {
	ex := New(mustModel(b))
	inputs := []struct {
		name string
		unit string
	}{
		{"word", "buffalo "},
		{"prose", "Kremlin spokesperson John Roe said on Monday that 71 drones hit six districts of Kyiv. "},
	}
	for _, in := range inputs {
		for _, size := range []int{1 << 20, 5 << 20} {
			text := strings.Repeat(in.unit, size/len(in.unit))
			a := quiz.Article{Paragraphs: []string{text}, Source: "bench"}
			b.Run(fmt.Sprintf("%s/%dMB", in.name, size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					ex.Facts(a)
				}
			})
		}
	}
}
