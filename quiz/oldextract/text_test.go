package oldextract

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"possessive", "Ukraine's council", []string{"Ukraine", "'s", "council"}},
		{"curly possessive", "Russia’s team", []string{"Russia", "’s", "team"}},
		{"abbreviation", "U.S. President", []string{"U.S.", "President"}},
		{"title", "Mr. Smith said.", []string{"Mr.", "Smith", "said", "."}},
		{"money", "$1.7 billion", []string{"$", "1.7", "billion"}},
		{"thousands", "1,000 people", []string{"1,000", "people"}},
		{"compound", "a 66-year-old woman", []string{"a", "66-year-old", "woman"}},
		{"quotes", "“We won,” she said", []string{"“", "We", "won", ",", "”", "she", "said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range tokenize(tt.in) {
				got = append(got, tok.text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two", "It rained. Then it stopped.", []string{"It rained.", "Then it stopped."}},
		{"abbreviation", "Mr. Smith met U.S. officials. They agreed.", []string{"Mr. Smith met U.S. officials.", "They agreed."}},
		{"quote", "“We won.” She smiled.", []string{"“We won.”", "She smiled."}},
		{"paragraphs", "One\n\nTwo three", []string{"One", "Two three"}},
		{"decimal", "It grew 1.5 percent. Fine.", []string{"It grew 1.5 percent.", "Fine."}},
		{"no end", "no end here", []string{"no end here"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range sentences(tt.in) {
				got = append(got, tt.in[s.start:s.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesQuotes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"opening quote after period", "He spoke. “We won,” she said.", 2},
		{"initial", "President Vladimir V. Putin spoke.", 1},
		{"straight closing", `He said "no." Then left.`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(sentences(tt.in)); got != tt.want {
				t.Errorf("len(sentences(%q)) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}
