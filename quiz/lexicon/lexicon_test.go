package lexicon

import (
	"testing"

	"factdeck/quiz"
)

func TestPlace(t *testing.T) {
	tests := []struct {
		name, in string
		kind     quiz.Kind
		ok       bool
	}{
		{"country", "France", quiz.KindCountry, true},
		{"alias", "U.S.", quiz.KindCountry, true},
		{"capital", "Nairobi", quiz.KindCity, true},
		{"big city", "Chicago", quiz.KindCity, true},
		{"region", "Bavaria", quiz.KindRegion, true},
		{"word", "Nice", "", false},
		{"unknown", "Zorblat", "", false},
	}
	l := Load()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, _, ok := l.Place(tt.in)
			if k != tt.kind || ok != tt.ok {
				t.Errorf("Place(%q) = %q, %v, want %q, %v", tt.in, k, ok, tt.kind, tt.ok)
			}
		})
	}
}

func TestWords(t *testing.T) {
	l := Load()
	tests := []struct {
		name string
		got  bool
	}{
		{"nationality French", func() bool { c, ok := l.Nationality("French"); return ok && c == "France" }()},
		{"given Maria", l.GivenName("Maria")},
		{"title prime minister", l.Title("prime minister")},
		{"title head minister", l.TitleHead("minister")},
		{"org word Ministry", l.OrgWord("Ministry")},
		{"org NATO", l.Org("NATO")},
		{"stop the", l.Stop("the")},
		{"weekday", l.Weekday("Friday")},
		{"number", func() bool { n, ok := l.Number("six"); return ok && n == 6 }()},
		{"ordinal", func() bool { n, ok := l.Ordinal("third"); return ok && n == 3 }()},
		{"month abbreviation", func() bool { m, ok := l.Month("Sept."); return ok && m == "September" }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.got {
				t.Errorf("%s = false, want true", tt.name)
			}
		})
	}
}

func TestList(t *testing.T) {
	for _, k := range []quiz.Kind{quiz.KindWeekday, quiz.KindCountry, quiz.KindCity, quiz.KindNationality, quiz.KindRole, quiz.KindDate, quiz.KindOrdinal} {
		if n := len(Load().List(k)); n < 7 {
			t.Errorf("len(List(%q)) = %d, want >= 7", k, n)
		}
	}
	if got := Load().List(quiz.KindWeekday)[0]; got != "Friday" {
		t.Errorf("List(weekday)[0] = %q, want Friday (sorted)", got)
	}
}

func TestTakesPrep(t *testing.T) {
	lx := Load()
	for _, tt := range []struct {
		verb, prep string
		want       bool
	}{
		{"rely", "on", true},
		{"consist", "of", true},
		{"rely", "with", false},
		{"say", "on", false},
		{"win", "by", false},
	} {
		if got := lx.TakesPrep(tt.verb, tt.prep); got != tt.want {
			t.Errorf("TakesPrep(%q, %q) = %v, want %v", tt.verb, tt.prep, got, tt.want)
		}
	}
}

func TestCountryNames(t *testing.T) {
	lx := Load()
	for name, want := range map[string]string{"Great Britain": "UK", "United States": "USA", "UK": "United Kingdom"} {
		got := lx.CountryNames(name)
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("CountryNames(%q) = %q, want %q among them", name, got, want)
		}
	}
	if got := lx.CountryNames("Lyon"); got != nil {
		t.Errorf("CountryNames(Lyon) = %q, want none", got)
	}
	// A country within a country is no other name for it, nor are its
	// neighbours other names for it.
	if got := lx.CountryNames("Scotland"); got != nil {
		t.Errorf("CountryNames(Scotland) = %q, want none", got)
	}
	for _, g := range lx.CountryNames("UK") {
		if g == "Wales" || g == "England" {
			t.Errorf("CountryNames(UK) = %q, want no part of it", lx.CountryNames("UK"))
		}
	}
}

func TestMisspelled(t *testing.T) {
	lx := Load()
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"occurences", "occurrences", true},
		{"disappreared", "disappeared", true},
		{"recieved", "received", true},
		{"occurrences", "", false},  // spelled right
		{"colour", "", false},       // British
		{"ramped", "", false},       // an inflection of a known word
		{"curated", "", false},      // likewise
		{"grubbers", "", false},     // a first letter is never taken for a typo
		{"teh", "", false},          // too short to tell
		{"zyxwvutq", "", false},     // far from any word
		{"Disappreared", "", false}, // names and sentence starts are not checked
	}
	for _, tt := range tests {
		got, ok := lx.Misspelled(tt.word)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Misspelled(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}
