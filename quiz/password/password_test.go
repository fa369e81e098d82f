package password

import (
	"errors"
	"strings"
	"testing"

	"factdeck/quiz"
)

// fast keeps the tests quick; the format and the check are the same.
var fast = Params{Time: 1, Memory: 64, Threads: 1}

func TestHashCheck(t *testing.T) {
	h := Hash("correct horse", fast)
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("Hash = %q, want a PHC argon2id string", h)
	}
	if strings.Contains(h, "correct horse") {
		t.Fatalf("Hash = %q contains the password", h)
	}
	if h2 := Hash("correct horse", fast); h2 == h {
		t.Errorf("two hashes of one password are equal (%q): the salt is not random", h)
	}
	tests := []struct {
		name, password string
		want           bool
	}{
		{"same", "correct horse", true},
		{"other", "correct horsf", false},
		{"empty", "", false},
		{"prefix", "correct", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(tt.password, h)
			if err != nil || got != tt.want {
				t.Errorf("Check(%q) = %v, %v, want %v", tt.password, got, err, tt.want)
			}
		})
	}
	def := Hash("x", Default)
	if ok, err := Check("x", def); !ok || err != nil {
		t.Errorf("Check with Default params = %v, %v, want true", ok, err)
	}
}

func TestCheckDamaged(t *testing.T) {
	good := Hash("pw", fast)
	parts := strings.Split(good, "$")
	tests := []struct{ name, hash string }{
		{"empty", ""},
		{"bcrypt", "$2a$10$abcdefghijklmnopqrstuv"},
		{"version", strings.Replace(good, "v=19", "v=16", 1)},
		{"params", strings.Replace(good, "m=64,t=1,p=1", "m=x", 1)},
		{"huge memory", strings.Replace(good, "m=64", "m=99999999", 1)},
		{"zero time", strings.Replace(good, "t=1", "t=0", 1)},
		{"salt", strings.Join(append(parts[:4:4], "!!", parts[5]), "$")},
		{"key", strings.Join(append(parts[:5:5], "short"), "$")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := Check("pw", tt.hash)
			if ok || !errors.Is(err, quiz.ErrInvalid) {
				t.Errorf("Check(%q) = %v, %v, want false, ErrInvalid", tt.hash, ok, err)
			}
		})
	}
}

// BenchmarkHash is the cost of one sign-in's password check with the
// default parameters: what each guess costs the server, and an attacker
// holding a stolen hash.
func BenchmarkHash(b *testing.B) {
	h := Hash("correct horse battery", Default)
	for b.Loop() {
		if ok, err := Check("wrong horse battery", h); ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
