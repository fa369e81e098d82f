package quiz

import (
	"errors"
	"testing"
)

func TestAllowed(t *testing.T) {
	// The table a reader checks the policy against, written out rather than
	// derived from Policy.
	want := map[Action][4]bool{ // guest, learner, teacher, admin
		Public:        {true, true, true, true},
		Read:          {true, true, true, true},
		Learn:         {true, true, true, true},
		ManageAccount: {false, true, true, true},
		SeeAnswers:    {false, false, true, true},
		EditContent:   {false, false, true, true},
		Teach:         {false, false, true, true},
		ManageUsers:   {false, false, false, true},
		"unknown":     {false, false, false, false},
	}
	for a, w := range want {
		for i, r := range Roles {
			if got := Allowed(r, a); got != w[i] {
				t.Errorf("Allowed(%s, %s) = %v, want %v", r, a, got, w[i])
			}
		}
	}
	for a := range Policy {
		if _, ok := want[a]; !ok {
			t.Errorf("action %q has a policy but no row in this test", a)
		}
	}
}

func TestParseRole(t *testing.T) {
	for _, r := range Roles[1:] {
		got, err := ParseRole(r.String())
		if err != nil || got != r {
			t.Errorf("ParseRole(%q) = %v, %v, want %v", r.String(), got, err, r)
		}
	}
	for _, s := range []string{"", "guest", "Admin", "root"} {
		if _, err := ParseRole(s); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseRole(%q) error = %v, want ErrInvalid", s, err)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"plain", "ann@example.org", "ann@example.org", true},
		{"case and space", "  Ann@Example.ORG ", "ann@example.org", true},
		{"empty", "", "", false},
		{"no at", "ann.example.org", "", false},
		{"no dot", "ann@localhost", "", false},
		{"display name", "Ann <ann@example.org>", "", false},
		{"two", "a@example.org, b@example.org", "", false},
		{"long", string(make([]byte, 300)) + "@example.org", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NormalizeEmail(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("NormalizeEmail(%q) = %q, %v, want %q (ok %v)", tt.in, got, err, tt.want, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalid) {
				t.Errorf("NormalizeEmail(%q) error %v is not ErrInvalid", tt.in, err)
			}
		})
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		name, pw string
		ok       bool
	}{
		{"good", "a long passphrase", true},
		{"short", "short", false},
		{"email", "ann@example.org", false},
		{"huge", string(make([]byte, 300)), false},
		{"eight runes", "ééééèèèè", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPassword(tt.pw, "ann@example.org")
			if (err == nil) != tt.ok {
				t.Errorf("CheckPassword(%q) = %v, want ok %v", tt.pw, err, tt.ok)
			}
			if msg, _ := Message(err); tt.pw != "" && err != nil && len(tt.pw) > 3 && contains(msg, tt.pw) {
				t.Errorf("CheckPassword message %q repeats the password", msg)
			}
		})
	}
}

func contains(s, sub string) bool {
	return len(sub) > 0 && len(s) >= len(sub) && (s == sub || len(s) > 0 && (s[:len(sub)] == sub || contains(s[1:], sub)))
}

func TestCheckName(t *testing.T) {
	if got, err := CheckName("  Ann Lee "); err != nil || got != "Ann Lee" {
		t.Errorf("CheckName = %q, %v, want Ann Lee", got, err)
	}
	for _, bad := range []string{"a\x00b", "tab\there", string(make([]rune, 81))} {
		if _, err := CheckName(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("CheckName(%q) error = %v, want ErrInvalid", bad, err)
		}
	}
}
