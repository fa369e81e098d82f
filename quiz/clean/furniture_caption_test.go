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
