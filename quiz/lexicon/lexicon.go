// Package lexicon provides word lists of general English and world
// knowledge (weekdays, months, countries, cities, nationalities, titles,
// given names, organization words) used to type entities and to draw
// distractors. The lists are whole lists, never picks from any article.
//
// Generated lists (countries, cities, regions, nationalities, given names)
// come from public data packages through cmd/lexgen, which names its
// sources; the others are written by hand. All live in data/ and are
// embedded and parsed once, on first use, into read-only tables.
package lexicon

import (
	"bufio"
	"embed"
	"sort"
	"strconv"
	"strings"

	"factdeck/quiz"
)

//go:embed data/*
var data embed.FS

// Lexicon is the parsed set of word lists. It is read-only and safe for
// concurrent use.
type Lexicon struct {
	places      map[string]place  // exact name -> kind and country
	nationality map[string]string // demonym -> country ("" when none)
	given       map[string]bool
	gender      map[string]byte     // given name -> 'f' or 'm' when only one
	titles      map[string]bool     // lower case, one or more words
	titleHeads  map[string]bool     // last word of a title
	persons     map[string]bool     // common nouns that name people ("saxophonist")
	valency     map[string]bool     // "verb prep": a preposition the verb's obliques take ("rely on")
	countryAKA  map[string][]string // country -> its other names ("UK", "Great Britain")
	// countryParts are countries within a country ("Scotland", "Wales"):
	// named as one, but no other name of it.
	countryParts map[string]bool
	theOrgs      map[string]bool // organizations written with "the" ("the Pentagon")
	modifiers    map[string]bool
	orgWords     map[string]bool
	orgs         map[string]bool
	stop         map[string]bool
	months       map[string]string // name or abbreviation -> month name
	weekdays     map[string]bool
	numbers      map[string]int64
	ordinals     map[string]int
	words        map[string]bool // lower-case English words, for spelling
	lists        map[quiz.Kind][]string
}

type place struct {
	kind    quiz.Kind
	country string
}

// Load parses the embedded word lists. The result is read-only and may be
// shared by goroutines; load it once and pass it on.
func Load() *Lexicon { return load() }

// List returns the names of kind k (weekday names for quiz.KindWeekday,
// country names for quiz.KindCountry, ...), or nil when there is none. The
// returned slice must not be modified.
func (l *Lexicon) List(k quiz.Kind) []string { return l.lists[k] }

// Place reports whether name is a known place, with its kind (country,
// region or city) and the country it lies in.
func (l *Lexicon) Place(name string) (kind quiz.Kind, country string, ok bool) {
	p, ok := l.places[name]
	return p.kind, p.country, ok
}

// Nationality reports whether word is a demonym ("Ukrainian", "French") and
// the country it names, which may be empty ("European").
func (l *Lexicon) Nationality(word string) (country string, ok bool) {
	c, ok := l.nationality[word]
	return c, ok
}

// GivenName reports whether w is a known given name ("Maria", "Dmitry").
func (l *Lexicon) GivenName(w string) bool { return l.given[w] }

// Gender returns 'f' or 'm' for a given name the name lists give only to
// women or only to men, and 0 otherwise ("Kim", "Robin", unknown names).
func (l *Lexicon) Gender(name string) byte { return l.gender[name] }

// Title reports whether the lower-case phrase is a known role or title
// ("prime minister", "spokesperson").
func (l *Lexicon) Title(phrase string) bool { return l.titles[phrase] }

// TitleHead reports whether the lower-case word ends a known title
// ("minister", "governor").
func (l *Lexicon) TitleHead(w string) bool { return l.titleHeads[w] }

// TakesThe reports whether English writes the well-known organization
// with "the" ("the Pentagon", "the Vatican"; not "NATO", "Toyota").
func (l *Lexicon) TakesThe(name string) bool { return l.theOrgs[name] }

// PersonNoun reports whether the lower-case common noun names a person
// ("curator", "volunteer"): the nouns that head person mentions in the
// GUM treebank.
func (l *Lexicon) PersonNoun(w string) bool { return l.persons[w] }

// CountryNames returns a country's other names of up to three words,
// the country's own name first: "United Kingdom", "Great Britain", "UK".
// A name that is no country's, or a country within one ("Scotland"),
// gives nil.
func (l *Lexicon) CountryNames(name string) []string {
	k, c, ok := l.Place(name)
	if !ok || k != quiz.KindCountry || c == "" || l.countryParts[name] {
		return nil
	}
	return append([]string{c}, l.countryAKA[c]...)
}

// TakesPrep reports whether the verb (a lower-case lemma) takes an oblique
// with the preposition in most of its uses in the UD English treebanks
// ("rely on", "consist of"): a clause without it says something else.
func (l *Lexicon) TakesPrep(verb, prep string) bool { return l.valency[verb+" "+prep] }

// Modifier reports whether the lower-case word may qualify a title
// ("foreign" minister, "local" governor).
func (l *Lexicon) Modifier(w string) bool { return l.modifiers[w] }

// OrgWord reports whether the capitalized word typically ends an
// organization's name ("Council", "Ministry", "Corp").
func (l *Lexicon) OrgWord(w string) bool { return l.orgWords[w] }

// Org reports whether name is a well-known organization written without a
// head word ("NATO", "Reuters").
func (l *Lexicon) Org(name string) bool { return l.orgs[name] }

// Word reports whether the lower-case word is in the English word list.
func (l *Lexicon) Word(w string) bool { return l.words[w] }

// Stop reports whether the lower-case word is a function word or a common
// sentence opener, never a name by itself.
func (l *Lexicon) Stop(w string) bool { return l.stop[w] }

// Month returns the full month name of a month name or abbreviation.
func (l *Lexicon) Month(w string) (string, bool) {
	m, ok := l.months[w]
	return m, ok
}

// Weekday reports whether w is a day of the week ("Monday").
func (l *Lexicon) Weekday(w string) bool { return l.weekdays[w] }

// Number returns the value of a lower-case number word ("six" -> 6,
// "million" -> 1000000).
func (l *Lexicon) Number(w string) (int64, bool) {
	n, ok := l.numbers[w]
	return n, ok
}

// Ordinal returns the value of a lower-case ordinal word ("third" -> 3).
func (l *Lexicon) Ordinal(w string) (int, bool) {
	n, ok := l.ordinals[w]
	return n, ok
}

// Misspelled reports a lower-case word that is no English word but one
// letter away from one, inside the word: a letter doubled or dropped
// ("accomodate", "begining") or two swapped ("recieved"). It returns
// the word meant. Inflections of known words ("ramped", "curated") and
// words of five letters or fewer are never reported: a rare word is not a
// typo.
func (l *Lexicon) Misspelled(w string) (string, bool) {
	if len(w) < 6 || len(l.words) == 0 || l.words[w] || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" || l.inflected(w) {
		return "", false
	}
	n := len(w)
	for i := 1; i < n-1; i++ { // an inner letter too many
		if e := w[:i] + w[i+1:]; l.words[e] {
			return e, true
		}
	}
	for i := 1; i < n; i++ { // an inner letter missing
		for c := byte('a'); c <= 'z'; c++ {
			if e := w[:i] + string(c) + w[i:]; l.words[e] {
				return e, true
			}
		}
	}
	for i := 1; i < n-1; i++ { // two inner letters swapped
		if w[i] == w[i+1] {
			continue
		}
		if e := w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]; l.words[e] {
			return e, true
		}
	}
	return "", false
}

// inflected reports a word made of a known word and an English suffix:
// "ramped", "gamers", "curating", "happily".
func (l *Lexicon) inflected(w string) bool {
	for _, suf := range []string{"ers", "er", "ing", "ed", "es", "s", "ly", "y", "ness", "ment", "ish"} {
		st, ok := strings.CutSuffix(w, suf)
		if !ok || len(st) < 3 {
			continue
		}
		if l.words[st] || l.words[st+"e"] || len(st) > 3 && st[len(st)-1] == st[len(st)-2] && l.words[st[:len(st)-1]] ||
			strings.HasSuffix(st, "i") && l.words[st[:len(st)-1]+"y"] {
			return true
		}
	}
	return false
}

func load() *Lexicon {
	l := &Lexicon{
		places:       map[string]place{},
		nationality:  map[string]string{},
		given:        map[string]bool{},
		gender:       map[string]byte{},
		titles:       map[string]bool{},
		titleHeads:   map[string]bool{},
		modifiers:    map[string]bool{},
		orgWords:     map[string]bool{},
		orgs:         map[string]bool{},
		stop:         map[string]bool{},
		persons:      map[string]bool{},
		valency:      map[string]bool{},
		countryAKA:   map[string][]string{},
		countryParts: map[string]bool{},
		theOrgs:      map[string]bool{},
		months:       map[string]string{},
		weekdays:     map[string]bool{},
		numbers:      map[string]int64{},
		ordinals:     map[string]int{},
		words:        map[string]bool{},
		lists:        map[quiz.Kind][]string{},
	}
	each("words.txt", func(f []string) { l.words[f[0]] = true })
	// Order matters: a name in several lists keeps its first kind, so a
	// country beats a region or city of the same name.
	each("countries.tsv", func(f []string) {
		l.addPlace(f[0], quiz.KindCountry, field(f, 1))
		if c := field(f, 1); c != "" && c != f[0] && len(strings.Fields(f[0])) <= 3 {
			l.countryAKA[c] = append(l.countryAKA[c], f[0])
		}
		if len(f) > 1 && f[0] == f[1] {
			l.lists[quiz.KindCountry] = append(l.lists[quiz.KindCountry], f[0])
		}
	})
	each("places_extra.tsv", func(f []string) {
		if len(f) >= 2 {
			l.addPlace(f[0], quiz.Kind(f[1]), field(f, 2))
			c := field(f, 2)
			switch {
			case field(f, 3) == "part":
				l.countryParts[f[0]] = true // "Scotland": in the United Kingdom, not another name for it
			case quiz.Kind(f[1]) == quiz.KindCountry && c != "" && c != f[0] && len(strings.Fields(f[0])) <= 3:
				l.countryAKA[c] = append(l.countryAKA[c], f[0]) // "U.S.", "America", "Britain"
			}
		}
	})
	each("cities.tsv", func(f []string) {
		l.addPlace(f[0], quiz.KindCity, field(f, 1))
		l.lists[quiz.KindCity] = append(l.lists[quiz.KindCity], f[0])
	})
	each("regions.tsv", func(f []string) {
		l.addPlace(f[0], quiz.KindRegion, field(f, 1))
		l.lists[quiz.KindRegion] = append(l.lists[quiz.KindRegion], f[0])
	})
	for _, name := range []string{"nationalities.tsv", "nationalities_extra.tsv"} {
		each(name, func(f []string) {
			if _, ok := l.nationality[f[0]]; !ok {
				l.nationality[f[0]] = field(f, 1)
				l.lists[quiz.KindNationality] = append(l.lists[quiz.KindNationality], f[0])
			}
		})
	}
	each("given_names.txt", func(f []string) {
		l.given[f[0]] = true
		if g := field(f, 1); g == "f" || g == "m" {
			l.gender[f[0]] = g[0]
		}
	})
	each("person_nouns.txt", func(f []string) { l.persons[f[0]] = true })
	each("valency.txt", func(f []string) {
		if len(f) >= 2 {
			l.valency[f[0]+" "+f[1]] = true
		}
	})
	each("titles.txt", func(f []string) {
		t := strings.ToLower(f[0])
		l.titles[t] = true
		// The head of "secretary of state" is "secretary".
		head, _, _ := strings.Cut(t, " of ")
		words := strings.Fields(head)
		l.titleHeads[words[len(words)-1]] = true
		l.lists[quiz.KindRole] = append(l.lists[quiz.KindRole], t)
	})
	each("modifiers.txt", func(f []string) { l.modifiers[f[0]] = true })
	each("orgwords.txt", func(f []string) { l.orgWords[f[0]] = true })
	each("orgs.txt", func(f []string) {
		l.orgs[f[0]] = true
		if field(f, 1) == "the" {
			l.theOrgs[f[0]] = true
		}
		l.lists[quiz.KindOrganization] = append(l.lists[quiz.KindOrganization], f[0])
	})
	each("stopwords.txt", func(f []string) { l.stop[f[0]] = true })
	each("months.txt", func(f []string) {
		for _, a := range f {
			l.months[a] = f[0]
		}
		l.lists[quiz.KindDate] = append(l.lists[quiz.KindDate], f[0])
	})
	each("weekdays.txt", func(f []string) {
		l.weekdays[f[0]] = true
		l.lists[quiz.KindWeekday] = append(l.lists[quiz.KindWeekday], f[0])
	})
	each("numbers.tsv", func(f []string) {
		if n, err := strconv.ParseInt(field(f, 1), 10, 64); err == nil {
			l.numbers[f[0]] = n
		}
	})
	each("ordinals.tsv", func(f []string) {
		if n, err := strconv.Atoi(field(f, 1)); err == nil {
			l.ordinals[f[0]] = n
			l.lists[quiz.KindOrdinal] = append(l.lists[quiz.KindOrdinal], f[0])
		}
	})
	for k, v := range l.lists {
		sort.Strings(v)
		l.lists[k] = compact(v)
	}
	return l
}

func (l *Lexicon) addPlace(name string, k quiz.Kind, country string) {
	if _, ok := l.places[name]; !ok {
		l.places[name] = place{kind: k, country: country}
	}
}

// each calls fn with the tab-separated fields of every non-comment line of
// an embedded data file. The files are part of the binary, so a missing one
// is a build defect and panics.
func each(name string, fn func([]string)) {
	f, err := data.Open("data/" + name)
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
}

func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

func compact(v []string) []string {
	out := v[:0]
	for i, s := range v {
		if i == 0 || s != v[i-1] {
			out = append(out, s)
		}
	}
	return out
}
