// Package coref resolves third-person pronouns ("he", "its", "themselves")
// to the names and noun phrases of a text they refer to, so that a
// sentence like "She also donated a library." can be asked about as
// "Ann Lee also donated a library."
//
// The caller parses the sentences (package syntax) and finds the
// candidate antecedents: names with their kind and the noun phrases it
// knows. Resolve walks the text in order and, for each pronoun, ranks the
// mentions of the pronoun's sentence before it and of the three sentences
// before, together with the pronouns it already resolved, against a
// "none" option:
//
//	m, err := coref.Load()
//	...
//	for _, l := range m.Resolve(sents, ments) {
//		if l.Mention >= 0 && l.Prob >= m.Threshold() {
//			// sents[l.Sent][l.Word] refers to ments[l.Mention]
//		}
//	}
//
// The ranking is a log-linear mention-ranking model (Denis and Baldridge
// 2008; Durrett and Klein 2013) over features of the pair: distance,
// grammatical roles and main or subordinate clause, kind, number and
// gender agreement, how often the candidate's entity was mentioned and
// which entity earlier pronouns chose. It is trained by cmd/coreftrain on
// the gold coreference of the GUM corpus (Zeldes 2017) and embedded.
// Hard constraints come first: no link to a mention after the pronoun, and
// no object pronoun bound by its own clause's subject ("Ann praised her"
// is not Ann).
package coref

import (
	_ "embed"
	"fmt"

	"factdeck/quiz"
)

// Word is one word of a parsed sentence, in Universal Dependencies terms.
type Word struct {
	// Text is the word as written; Lemma its dictionary form.
	Text, Lemma string
	// UPOS is the part of speech ("PRON", "PROPN"); Feats the
	// morphological features ("Number=Plur|Person=3"); Rel the relation to
	// the head ("nsubj", "nmod:poss").
	UPOS, Feats, Rel string
	// Head is the index of the word's head in its sentence, -1 for the
	// root.
	Head int
}

// Mention is a candidate antecedent the caller found: a name ("Ann Lee")
// or a noun phrase ("the company").
type Mention struct {
	// Sent is the index of the sentence; Lo and Hi bound the words of
	// the mention, [Lo, Hi); Head is the index of its head word.
	Sent, Lo, Hi, Head int
	// Kind is quiz.KindPerson, quiz.KindOrganization, a place
	// (quiz.KindPlace, KindCity, KindRegion, KindCountry) or anything
	// else, "" when unknown. Give common nouns for people ("the mayor")
	// KindPerson when known: the model learned from texts where every
	// mention had its kind, so a mention of no kind is seldom taken for
	// "he" or "she".
	Kind quiz.Kind
	// Proper is true for a name.
	Proper bool
	// Gender is "m" or "f" when the caller knows it (from a given name
	// or a title), "" otherwise; the he- and she-pronouns resolved to an
	// entity tell its gender too.
	Gender string
	// Entity is the caller's cluster of the mention: mentions with the
	// same Entity >= 0 are the same entity ("Ann Lee" and "Lee"); -1 for
	// none.
	Entity int
}

// Link is the resolution of one pronoun.
type Link struct {
	// Sent and Word locate the pronoun.
	Sent, Word int
	// Mention is the index of the mention it refers to in the slice given
	// to Resolve, or -1 when unresolved. A pronoun resolved through an
	// earlier pronoun gets the mention that one refers to.
	Mention int
	// Prob is the model's probability of the choice: that the pronoun
	// refers to the entity of Mention, or, unresolved, that it refers to
	// none of the candidates.
	Prob float64
}

// Model is a trained pronoun resolver. It is read-only and safe for
// concurrent use.
type Model struct {
	weights map[uint64]float64
	// names are the features' names, by key, for Encode.
	names map[uint64]string
	// threshold is the probability from which links were right at least
	// 90% of the time on the development set, with predicted parses.
	threshold float64
}

//go:embed model.tsv.gz
var embedded []byte

// Load returns the embedded, trained model.
func Load() (*Model, error) {
	m, err := Decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("coref: load embedded model: %w", err)
	}
	return m, nil
}

// Threshold returns the probability from which the model's links were
// right at least 90% of the time on GUM's development documents parsed by
// package syntax: the caller that would rather leave a pronoun unresolved
// than link it wrong keeps the links with Prob >= Threshold().
func (m *Model) Threshold() float64 { return m.threshold }

// Resolve returns one Link per third-person pronoun of sents, in text
// order. Mentions that do not fit their sentence (out of range, empty,
// head outside the span) and mentions headed by a pronoun are ignored;
// heads outside their sentence count as roots.
func (m *Model) Resolve(sents [][]Word, ments []Mention) []Link {
	var links []Link
	w := newWalker(sents, ments, nil)
	w.walk(func(d *decision) (int, float64) {
		probs := m.probs(d)
		best, prob := d.best(probs)
		l := Link{Sent: d.sent, Word: d.word, Mention: -1, Prob: prob}
		if best >= 0 {
			l.Mention = w.named(d.opts[best].ent, w.occs[d.opts[best].occ].anchor)
		}
		links = append(links, l)
		return best, prob
	})
	return links
}

// probs returns the probability of each option of d, the last one for
// "none".
func (m *Model) probs(d *decision) []float64 {
	scores := make([]float64, len(d.opts)+1)
	for i, o := range d.opts {
		scores[i] = m.score(d.feats(o.feats))
	}
	scores[len(d.opts)] = m.score(d.feats(d.none))
	softmax(scores)
	return scores
}

func (m *Model) score(keys []uint64) float64 {
	s := 0.0
	for _, k := range keys {
		s += m.weights[k]
	}
	return s
}
