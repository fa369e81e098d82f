package oldextract

import (
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/lexicon"
)

// This file holds the small noun-phrase helpers the patterns share. There is
// no part-of-speech tagger: a phrase is a run of lower-case content words
// (and names used as adjectives) that stops at function words, punctuation
// and words shaped like verbs or adverbs.

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "this": true, "that": true, "these": true, "those": true, "some": true,
}

// verbs are common verb forms that end a noun phrase but carry no -ed/-ing.
var verbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tell": true, "were": true, "was": true,
	"is": true, "are": true, "be": true, "been": true, "have": true, "has": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "may": true, "might": true, "must": true,
	"remain": true, "remains": true, "came": true, "come": true, "went": true, "go": true, "won": true,
	"lost": true, "hit": true, "struck": true, "took": true, "take": true, "made": true, "make": true,
	"got": true, "get": true, "gave": true, "give": true, "left": true, "met": true, "saw": true,
	"see": true, "became": true, "become": true, "began": true, "begin": true, "shot": true,
	"fell": true, "rose": true, "grew": true, "paid": true, "sold": true, "bought": true, "spent": true,
	"built": true, "held": true, "led": true, "ran": true, "set": true, "put": true, "cut": true,
	"do": true, "does": true, "did": true, "amid": true, "per": true, "each": true, "who": true,
	"which": true, "that": true, "than": true, "across": true, "including": true, "because": true,
}

// contentWord reports a lower-case word that may sit inside a noun phrase.
func contentWord(lx *lexicon.Lexicon, t token, first bool) bool {
	if t.kind != tWord || !isLowerWord(t) {
		return false
	}
	w := t.text
	if lx.Stop(w) || verbs[w] {
		return false
	}
	if strings.HasSuffix(w, "ly") && len(w) > 4 {
		return false
	}
	if !first && len(w) > 4 && strings.HasSuffix(w, "ed") {
		return false
	}
	return true
}

// verbLike reports an -ing word that continues with an object ("killing
// civilians") rather than ending a phrase as a noun ("a residential
// building in").
func (s *sent) verbLike(lx *lexicon.Lexicon, k int) bool {
	w := s.lower(k)
	if len(w) <= 4 || !strings.HasSuffix(w, "ing") {
		return false
	}
	if k+1 >= len(s.toks) {
		return false
	}
	next := s.toks[k+1]
	return determiners[s.lower(k+1)] || contentWord(lx, next, true) || (next.kind == tWord && isCap(next.text))
}

// phraseAfter returns the noun phrase starting at token k: optional
// determiner, content words or names, "X and Y" when Y continues the phrase,
// and an "of <name>" tail. It returns the token range without the
// determiner, or ok false.
func (s *sent) phraseAfter(lx *lexicon.Lexicon, k, max int) (i, j int, ok bool) {
	n := len(s.toks)
	if k < n && determiners[s.lower(k)] {
		k++
	}
	i, j = k, k
	for j < n && j-i < max {
		t := s.toks[j]
		if (contentWord(lx, t, j == i) && (j == i || !s.verbLike(lx, j))) || s.adjName(j) {
			j++
			continue
		}
		// "tanks and armoured trucks": "and" joins when content follows and the
		// phrase so far is plural-looking.
		if (t.text == "and" || t.text == "or") && j > i && j+1 < n && (contentWord(lx, s.toks[j+1], true) || s.adjName(j+1)) {
			j++
			continue
		}
		break
	}
	// Allow a trailing capitalized plural like "UAVs".
	if j < n && j > i && s.toks[j].kind == tWord && isCap(s.toks[j].text) && strings.HasSuffix(s.toks[j].text, "s") {
		if m := s.mentionAt(j); m == nil || (m.j == j+1 && (m.kind == "" || m.kind == quiz.KindMisc)) {
			j++
		}
	}
	if j == i {
		return 0, 0, false
	}
	// Do not end on "and".
	for j > i && (s.toks[j-1].text == "and" || s.toks[j-1].text == "or") {
		j--
	}
	// A phrase of names only is not a counted thing.
	if !s.hasLower(i, j) {
		return 0, 0, false
	}
	if j+1 < n && s.toks[j].text == "of" {
		q := j + 1
		if determiners[s.lower(q)] {
			q++
		}
		if m := s.mentionAt(q); m != nil && m.i == q {
			j = m.j
		} else {
			// "round of negotiations"
			e := q
			for e < n && e < q+3 && contentWord(lx, s.toks[e], e == q) {
				e++
			}
			if e > q {
				j = e
			}
		}
	}
	return i, j, true
}

func (s *sent) hasLower(i, j int) bool {
	for k := i; k < j; k++ {
		if isLowerWord(s.toks[k]) && s.toks[k].text != "and" && s.toks[k].text != "or" {
			return true
		}
	}
	return false
}

// adjName reports a name used as an adjective inside a phrase: a
// nationality ("French attacks") or a place ("Geneva talks").
func (s *sent) adjName(k int) bool {
	m := s.mentionAt(k)
	if m == nil || m.title {
		return false
	}
	return m.kind == quiz.KindNationality || isPlaceKind(m.kind)
}

// phraseBefore returns the noun phrase ending just before token k, such as
// "a war" in "a war that has persisted": it looks back over at most max
// tokens for a determiner followed by content words.
func (s *sent) phraseBefore(lx *lexicon.Lexicon, k, max int) (i, j int, ok bool) {
	for d := k - 1; d >= 0 && d >= k-max; d-- {
		if !determiners[s.lower(d)] {
			continue
		}
		i, j, ok := s.phraseAfter(lx, d, 4)
		if ok && j <= k {
			return i, j, true
		}
	}
	return 0, 0, false
}

// irregularPlurals are plural nouns without a final "s".
var irregularPlurals = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "police": true, "staff": true,
	"personnel": true, "cattle": true, "troops": true, "feet": true, "teeth": true, "mice": true,
	"aircraft": true, "livestock": true, "data": true, "media": true, "crew": true,
}

// pluralEnd trims a counted phrase [i, j) after its last plural noun:
// "nations reach" -> "nations". It keeps an "of <name>" tail.
func (s *sent) pluralEnd(i, j int) int {
	of := j
	for k := i; k < j; k++ {
		if s.toks[k].text == "of" {
			of = k
			break
		}
	}
	for k := of - 1; k >= i; k-- {
		w := s.lower(k)
		if (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")) || irregularPlurals[w] {
			if k+1 == of {
				return j
			}
			return k + 1
		}
	}
	return of
}

// hasPlural reports whether [i, j) holds a plural noun.
func (s *sent) hasPlural(i, j int) bool {
	for k := i; k < j; k++ {
		w := s.lower(k)
		if w == "of" {
			return false
		}
		if (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")) || irregularPlurals[w] {
			return true
		}
	}
	return false
}

// headNoun returns the last word of a phrase, for keys.
func headNoun(p string) string {
	f := strings.Fields(p)
	if len(f) == 0 {
		return ""
	}
	if i := indexOf(f, "of"); i > 0 {
		return strings.ToLower(f[i-1])
	}
	return strings.ToLower(f[len(f)-1])
}

func indexOf(f []string, w string) int {
	for i, x := range f {
		if x == w {
			return i
		}
	}
	return -1
}
