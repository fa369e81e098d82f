package main

// A synthetic library for scale and concurrency tests, made from the real
// seed articles: each article's paragraphs shuffled and its people's names
// swapped for invented ones, so that every article is new to the
// duplicate check but reads like news to the pipeline.

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"factdeck/seeds"
)

// invented first and last names, combined to name people.
var (
	firstNames = []string{"Ada", "Bram", "Cleo", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas",
		"Kaia", "Lior", "Mira", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tara", "Umar"}
	lastNames = []string{"Albrecht", "Brennan", "Castell", "Dunmore", "Eskola", "Fairbank", "Gravell", "Holmqvist",
		"Ibarra", "Jessop", "Kettering", "Lindqvist", "Marwick", "Norcott", "Ostrander", "Pellow", "Quarles",
		"Rusk", "Stroud", "Thorne"}
	personName = regexp.MustCompile(`\b[A-Z][a-z]+ [A-Z][a-z]+\b`)
)

// seedTexts returns the embedded seed articles.
func seedTexts(tb testing.TB) []string {
	tb.Helper()
	fsys := seeds.FS()
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil || len(names) == 0 {
		tb.Fatalf("seeds: %v", err)
	}
	out := make([]string, len(names))
	for i, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = string(b)
	}
	return out
}

// synthArticle makes article i of a synthetic library from the base
// texts: the title line kept with a number, the body paragraphs shuffled,
// and two-word capitalized names swapped for invented people.
func synthArticle(base []string, i int) []byte {
	rng := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	text := base[i%len(base)]
	title, body, _ := strings.Cut(strings.TrimSpace(text), "\n")
	paras := strings.Split(strings.TrimSpace(body), "\n\n")
	rng.Shuffle(len(paras), func(a, b int) { paras[a], paras[b] = paras[b], paras[a] })
	names := map[string]string{}
	swap := func(s string) string {
		return personName.ReplaceAllStringFunc(s, func(n string) string {
			if _, ok := names[n]; !ok {
				names[n] = firstNames[rng.IntN(len(firstNames))] + " " + lastNames[rng.IntN(len(lastNames))]
			}
			return names[n]
		})
	}
	return []byte(fmt.Sprintf("%s (%d)\n\n%s\n", swap(title), i, swap(strings.Join(paras, "\n\n"))))
}
