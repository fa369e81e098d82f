package extract

import "testing"

func TestPublicBody(t *testing.T) {
	// "the company" after "funded by the Arden Heart Foundation and by
	// Corvane" was given to the foundation on set o, a wrong fact.
	tests := []struct {
		name string
		want bool
	}{
		{"Arden Heart Research Foundation", true},
		{"Ministry of Health", true},
		{"University of Lindell", true},
		{"Corvane", false},
		{"Harbour Foundation Holdings", false}, // "Foundation" not last: a firm's name
		{"Lindell Savings Bank", false},
	}
	for _, tt := range tests {
		if got := publicBody(tt.name); got != tt.want {
			t.Errorf("publicBody(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
