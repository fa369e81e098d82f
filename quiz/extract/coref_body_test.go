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

func TestNameHas(t *testing.T) {
	// "the university" was given to "Calloway State University Board of
	// Regents" on set q: tuition "at ... Board of Regents".
	tests := []struct {
		name, w string
		want    bool
	}{
		{"Nordic Savings Bank", "bank", true},
		{"Bank of Spain", "bank", true},
		{"University of Lindell", "university", true},
		{"Calloway State University Board of Regents", "university", false},
		{"Calloway State University Board of Regents", "board", true},
		{"Harbour Workers Union", "union", true},
		{"Ministry of Education", "school", false},
	}
	for _, tt := range tests {
		if got := nameHas(tt.name, tt.w); got != tt.want {
			t.Errorf("nameHas(%q, %q) = %v, want %v", tt.name, tt.w, got, tt.want)
		}
	}
}
