package clean

import "testing"

func TestCaptionCredits(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Ann Lee arriving at the court on Friday morning. Photograph: Bo Chen/Valley Press Agency", true},
		{"A tourist shelters under an umbrella near the museum on Wednesday. Photo: Eleni Marou", true},
		{"Crews work on the new line above Garfield Avenue on Thursday. Photo: Rae Nguyen / Merrimont Courier", true},
		{"Photo: Ann Lee", true},
		{"Photo caption: Bo Lind leaves the Arden County Courthouse with his lawyer, Ann Ruiz, after the verdict on Friday. (Staff photo/Eli Chen)", true},
		{"Image credit: Ann Lee for the Valley Press", true},
		{"Top photo - Firefighters on the ridge above the town on Sunday evening.", true},
		{"Photo editors at the paper chose the picture on Monday, the union said.", false},
		{"The agency said the photo showed the damage. It was taken on Monday.", false},
		{"The court heard that the picture was not taken by her. Credit card records showed the payments.", false},
	}
	for _, tt := range tests {
		if got := isFurniture(tt.p); got != tt.want {
			t.Errorf("isFurniture(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

// TestSubscriptionLines: a paper's offer to subscribe is page furniture;
// a story about a subscription service is not.
func TestSubscriptionLines(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Subscribe to the Arden Valley Gazette for full coverage of the county board. Subscribers get unlimited access for $1 a week for the first 12 weeks.", true},
		{"Related: Harlow mines recorded 14 serious flooding incidents in 2022, up from nine a year earlier", true},
		{"See also: How the county spends its road budget", true},
		{"More than 300 people attended the hearing on Monday.", false},
		{"Subscribe for $2 a week to get unlimited access to local news from the Harlow Ledger.", true},
		{"Already a subscriber? Support local journalism and start your free trial today.", true},
		{"Subscribers get unlimited access to the catalogue for $9.99 a month, the company said on Tuesday.", false},
		{"The service said it would let users subscribe to a cheaper plan with advertising from March.", false},
	}
	for _, tt := range tests {
		if got := isFurniture(tt.p); got != tt.want {
			t.Errorf("isFurniture(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}
