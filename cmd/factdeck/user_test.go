package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/password"
	"factdeck/store"
)

func TestUserCmd(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "users.db")
	user := func(stdin string, args ...string) (string, error) {
		var o, e bytes.Buffer
		err := userCmd(ctx, append(args[:1:1], append([]string{"-db", db}, args[1:]...)...), strings.NewReader(stdin), &o, &e)
		return o.String() + e.String(), err
	}
	out, err := user("a long secret\n", "add", "-admin", "-name", "Ada", "Ada@Example.org")
	if err != nil || !strings.Contains(out, "created admin ada@example.org") {
		t.Fatalf("user add -admin = %q, %v", out, err)
	}
	if strings.Contains(out, "a long secret") {
		t.Errorf("user add printed the password: %q", out)
	}
	tests := []struct {
		name, stdin string
		args        []string
		want        error
	}{
		{"duplicate", "another secret\n", []string{"add", "ada@example.org"}, quiz.ErrDuplicate},
		{"short password", "short\n", []string{"add", "bo@example.org"}, quiz.ErrInvalid},
		{"bad email", "a long secret\n", []string{"add", "not-an-email"}, quiz.ErrInvalid},
		{"no argument", "", []string{"add"}, errUsage},
		{"unknown subcommand", "", []string{"remove", "x"}, errUsage},
		{"bad role", "", []string{"role", "ada@example.org", "root"}, quiz.ErrInvalid},
		{"last admin", "", []string{"role", "ada@example.org", "learner"}, quiz.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := user(tt.stdin, tt.args...); !errors.Is(err, tt.want) {
				t.Errorf("user %v: %v, want %v", tt.args, err, tt.want)
			}
		})
	}
	if out, err := user("pass phrase two\r\n", "add", "-teacher", "tim@example.org"); err != nil || !strings.Contains(out, "created teacher") {
		t.Fatalf("user add -teacher = %q, %v", out, err)
	}
	if out, err := user("", "role", "tim@example.org", "learner"); err != nil || !strings.Contains(out, "now learner") {
		t.Errorf("user role = %q, %v", out, err)
	}
	out, err = user("", "list")
	if err != nil || !strings.Contains(out, "ada@example.org\tadmin\tAda") || !strings.Contains(out, "tim@example.org\tlearner") {
		t.Errorf("user list = %q, %v", out, err)
	}
	// The password, read up to the line end, signs in.
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, hash, err := st.Credentials(ctx, "tim@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := password.Check("pass phrase two", hash); !ok || err != nil {
		t.Errorf("stored password does not match the line given (CR LF trimmed): %v, %v", ok, err)
	}
}

func TestOpenMode(t *testing.T) {
	loop := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 3000}
	loop6 := &net.TCPAddr{IP: net.IPv6loopback, Port: 3000}
	any := &net.TCPAddr{IP: net.IPv4zero, Port: 3000}
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 3000}
	tests := []struct {
		name string
		v    string
		addr net.Addr
		want bool
		err  bool
	}{
		{"loopback default", "", loop, true, false},
		{"ipv6 loopback default", "", loop6, true, false},
		{"all interfaces default", "", any, false, false},
		{"lan default", "", lan, false, false},
		{"forced open", "1", any, true, false},
		{"forced closed on loopback", "0", loop, false, false},
		{"bad value", "maybe", loop, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := openMode(tt.v, tt.addr)
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("openMode(%q, %v) = %v, %v, want %v (error %v)", tt.v, tt.addr, got, err, tt.want, tt.err)
			}
		})
	}
}
