package clean

import "testing"

func TestOpenerEnd(t *testing.T) {
	tests := []struct {
		p, rest string
	}{
		{"LIMA (Reuters) - Peru's central bank held rates.", "Peru's central bank held rates."},
		{"PARIS (Wire) - “We will not move,” the minister said.", "“We will not move,” the minister said."},
		{"Comets: Ann Lee passed 11,000 career points.", "Ann Lee passed 11,000 career points."},
		{"Up Next: At Sacramento on Tuesday night.", "At Sacramento on Tuesday night."},
		{"Équipe: Émile Roux scored twice.", "Émile Roux scored twice."},
		{"Ann Lee said: the bank will not move.", "Ann Lee said: the bank will not move."},
		{"At 10:14 the lead was gone.", "At 10:14 the lead was gone."},
		{"The bank, its board said, has three options: Sell, wait or merge.", "The bank, its board said, has three options: Sell, wait or merge."},
	}
	for _, tt := range tests {
		if got := tt.p[OpenerEnd(tt.p):]; got != tt.rest {
			t.Errorf("after the opener of %q: %q, want %q", tt.p, got, tt.rest)
		}
	}
}

func TestSeparatorEllipsis(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lee passed 5,000 points in the second quarter. ... G Bo Ruiz returned.", "Lee passed 5,000 points in the second quarter. G Bo Ruiz returned."},
		{"Seattle is 9-15 on the road. … The Owls host Phoenix.", "Seattle is 9-15 on the road. The Owls host Phoenix."},
		{"She paused... Then she spoke.", "She paused... Then she spoke."},
		{"\"I don't know ... maybe,\" he said.", "\"I don't know ... maybe,\" he said."},
	}
	for _, tt := range tests {
		if got := paragraphs(tt.in); len(got) != 1 || got[0] != tt.want {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
