package generate

// This file checks a generated question or statement by parsing it again:
// a prompt that turned out well parses as one clean sentence (one clause
// head, question words attached to it, a base verb after "did"), while one
// that a parse error or a cut left broken rarely does.

import (
	"strings"

	"factdeck/quiz/syntax"
	"factdeck/quiz/token"
)

// checker parses the texts generated for one article, each once: the
// same statement or cut sentence comes up for several targets of a
// clause. It is not safe for concurrent use; each article has its own.
type checker struct {
	syn   *syntax.Model
	trees map[string]*syntax.Tree
	// repeats memoizes repeatedValue by answer: the article's body is
	// scanned once per value, not once per question about it.
	repeats map[string]bool
	// seenNoun maps a common noun's lemma to the first sentence of the
	// article using it, for anaphoric; built on first use.
	seenNoun map[string]int
	// contested holds the targets whose value the article gives
	// differently elsewhere (see contested).
	contested map[int]bool
	// datelinePlaces holds the places the dateline names (see
	// datelinePlaces).
	datelinePlaces map[string]bool
}

// checker returns a checker for one article's questions.
func (g *Generator) checker() *checker {
	return &checker{syn: g.syn, trees: map[string]*syntax.Tree{}, repeats: map[string]bool{}}
}

// reparse parses text, a single sentence, once; nil when it is not one
// sentence or there is no parser.
func (ck *checker) reparse(text string) *syntax.Tree {
	if ck.syn == nil {
		return nil
	}
	if t, ok := ck.trees[text]; ok {
		return t
	}
	var t *syntax.Tree
	if sents := token.Split(text); len(sents) == 1 {
		t = ck.syn.Parse(text, sents[0])
	}
	ck.trees[text] = t
	return t
}

// parseClean reports whether text (a question or statement; a cloze blank
// counts as a name) parses as one well-formed sentence. Without a parser
// every text passes.
func (ck *checker) parseClean(text string) bool {
	return ck.parseCheck(text, true)
}

// parseSentence reports whether text parses as a sentence: a verb or
// copula at its root and at most one subject for it. It forgives the
// parser's local stumbles that parseClean rejects.
func (ck *checker) parseSentence(text string) bool {
	return ck.parseCheck(text, false)
}

// sameRoot reports whether text parses with the word root at its root: a
// sentence cut down along its parse should keep its main verb, and a cut
// that went wrong rarely does.
func (ck *checker) sameRoot(text, root string) bool {
	if ck.syn == nil {
		return true
	}
	t := ck.reparse(text)
	if t == nil {
		return false
	}
	r := t.Root()
	return r >= 0 && t.Words[r].Form == root || ck.parseSentence(text)
}

// parseCheck parses text and checks it, strictly or not.
func (ck *checker) parseCheck(text string, strict bool) bool {
	if ck.syn == nil {
		return true
	}
	text = strings.Replace(text, "_____", "Sam", 1) // a blank reads as a name
	text = strings.TrimPrefix(text, "True or false: ")
	t := ck.reparse(text)
	if t == nil || len(t.Words) == 0 {
		return false
	}
	r := t.Root()
	if r < 0 {
		return false
	}
	rw := &t.Words[r]
	switch {
	case rw.UPOS == "VERB" || rw.UPOS == "AUX":
	case t.Dependent(r, "cop") >= 0:
	case rw.Feat("PronType") == "Int" && t.Dependent(r, "nsubj", "cop") >= 0:
	default:
		return false // no clause: a heading or a fragment
	}
	subjects := 0
	do := false
	for i := range t.Words {
		w := &t.Words[i]
		switch {
		case strict && (w.Rel("dep") || w.Rel("orphan") || w.Rel("reparandum") || w.Rel("goeswith") || w.UPOS == "X"):
			return false
		case w.Head == r && (w.Rel("nsubj") || w.Rel("csubj")):
			subjects++
		case w.Head == r && w.Rel("aux") && strings.EqualFold(w.Lemma, "do"):
			do = true
		}
	}
	if subjects > 1 {
		return false // two subjects for one verb: words left stranded
	}
	if do && rw.UPOS == "VERB" && rw.XPOS != "VB" {
		return false // "did ... fell"
	}
	return true
}
