// Package salience tells what a story is about: how likely each of its
// entities is to appear in a summary of it, and how central each of its
// sentences is. A quiz that asks about the salient entities and the
// central sentences asks about the story, not about a side figure quoted
// once or one item of a list.
//
// The caller parses the sentences (package syntax) and finds the mentions
// of entities: names grouped into entities, the pronouns it resolved to
// them, the noun phrases it knows. Score reads them:
//
//	m, err := salience.Load()
//	...
//	s := m.Score(salience.Doc{Sents: sents, Mentions: ments, Title: title, Para: para})
//	for e, p := range s.Entity {
//		// p is the probability that entity e appears in a summary of the story
//	}
//	for _, i := range s.TopSentences(5) {
//		// sents[i] is one of the five sentences that carry the story
//	}
//
// Two logistic regressions do the scoring. The entity model reads how
// often and where an entity is mentioned (count, spread, first mention,
// title, first sentence and paragraph, share of subject mentions, names
// and pronouns, kind, rank among the document's entities). The sentence
// model reads the sentence's position in the text and its paragraph, its
// length, the predicted salience of the entities it mentions, its overlap
// with the title and with the rest of the text, quotation, speech verbs,
// numbers and dates. Both are trained by cmd/saliencetrain on the GUM
// corpus (Zeldes 2017), whose documents each have five summaries: an
// entity's target is the share of the summaries that mention it, a
// sentence's the share of the summaries whose best extract (the sentences
// that together overlap the summary most) includes it. The model is
// trained on the GUM documents of the genres licensed CC BY 4.0 (UD
// English GUM; Zeldes 2017, "The GUM Corpus: Creating Multilayer
// Resources in the Classroom", Language Resources and Evaluation 51(3)).
//
// On GUM's dev and test documents, given names and the pronouns of named
// entities as factdeck's extractor finds them, an entity with Entity >=
// 0.2 was in at least three of the five summaries two times in three
// (recall as high); below 0.2 fell 98% of the entities no summary
// mentions (go test ./quiz/salience -run GUM -v prints these figures).
package salience

import (
	_ "embed"
	"fmt"
	"slices"

	"factdeck/quiz"
)

// Word is one word of a parsed sentence, in Universal Dependencies terms.
type Word struct {
	// Text is the word as written; Lemma its dictionary form.
	Text, Lemma string
	// UPOS is the part of speech ("PROPN", "VERB"); Feats the
	// morphological features ("Number=Plur|Tense=Past"); Rel the relation
	// to the head ("nsubj", "obj").
	UPOS, Feats, Rel string
	// Head is the index of the word's head in its sentence, -1 for the
	// root.
	Head int
}

// Mention is one mention of an entity that the caller found: a name, a
// pronoun it resolved, a noun phrase.
type Mention struct {
	// Sent is the index of the sentence; Lo and Hi bound the words of the
	// mention, [Lo, Hi); Head is the index of its head word.
	Sent, Lo, Hi, Head int
	// Entity is the caller's entity of the mention: mentions with the
	// same Entity are the same entity ("Ann Lee", "Lee", "she"). Mentions
	// with a negative Entity are ignored.
	Entity int
	// Kind is the kind of the entity (quiz.KindPerson, quiz.KindDate, ...),
	// "" when unknown.
	Kind quiz.Kind
	// Proper is true for a name.
	Proper bool
}

// Doc is what the model reads.
type Doc struct {
	// Sents are the sentences of the body, in order (the title is not
	// one of them).
	Sents [][]Word
	// Mentions are the mentions of entities, in any order.
	Mentions []Mention
	// Title is the headline as written, "" if there is none.
	Title string
	// Para gives the paragraph of each sentence, numbered from 0 in
	// order; nil or a slice of another length counts every sentence as a
	// paragraph of its own.
	Para []int
}

// Scores are the model's answers for one Doc.
type Scores struct {
	// Entity maps each entity of the Doc's mentions to the probability
	// that it appears in a summary of the story.
	Entity map[int]float64
	// Sentence gives, for each sentence, the probability that it is part
	// of the extract of the story that best matches a summary of it.
	// These are small in long texts (a summary is matched by a handful of
	// sentences); TopSentences ranks them.
	Sentence []float64
}

// TopEntities returns the entities of s by decreasing probability (ties
// by increasing id), at most n of them (all when n < 0).
func (s Scores) TopEntities(n int) []int {
	ids := make([]int, 0, len(s.Entity))
	for e := range s.Entity {
		ids = append(ids, e)
	}
	slices.SortFunc(ids, func(a, b int) int {
		if s.Entity[a] != s.Entity[b] {
			if s.Entity[a] > s.Entity[b] {
				return -1
			}
			return 1
		}
		return a - b
	})
	if n >= 0 && n < len(ids) {
		ids = ids[:n]
	}
	return ids
}

// TopSentences returns the indices of the sentences of s by decreasing
// centrality (ties in text order), at most n of them (all when n < 0).
func (s Scores) TopSentences(n int) []int {
	return topIndices(s.Sentence, n)
}

// topIndices returns the indices of xs by decreasing value, ties in
// order, at most n (all when n < 0).
func topIndices(xs []float64, n int) []int {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case xs[a] > xs[b]:
			return -1
		case xs[a] < xs[b]:
			return 1
		}
		return 0
	})
	if n >= 0 && n < len(idx) {
		idx = idx[:n]
	}
	return idx
}

// Model is a trained salience model. It is read-only and safe for
// concurrent use.
type Model struct {
	entity, sentence *linear
}

//go:embed model.tsv.gz
var embedded []byte

// Load returns the embedded, trained model.
func Load() (*Model, error) {
	m, err := Decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("salience: load embedded model: %w", err)
	}
	return m, nil
}

// Score returns the salience of the entities of d and the centrality of
// its sentences. Mentions that do not fit their sentence (out of range,
// empty, head outside the sentence) are ignored.
func (m *Model) Score(d Doc) Scores {
	a := analyze(d)
	out := Scores{Entity: make(map[int]float64, len(a.ents)), Sentence: make([]float64, len(d.Sents))}
	probs := make([]float64, len(a.ents))
	x := make([]float64, max(numEntityFeatures, numSentenceFeatures))
	for i := range a.ents {
		a.entityFeatures(i, x[:numEntityFeatures])
		probs[i] = m.entity.prob(x[:numEntityFeatures])
		out.Entity[a.ents[i].id] = probs[i]
	}
	ctx := a.sentenceContext(probs)
	for i := range d.Sents {
		a.sentenceFeatures(i, ctx, x[:numSentenceFeatures])
		out.Sentence[i] = m.sentence.prob(x[:numSentenceFeatures])
	}
	return out
}
