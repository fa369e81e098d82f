// Package gum reads the gold coreference of the GUM corpus (Zeldes 2017)
// in its Universal Dependencies release into coref.Doc values, for
// training and evaluating package coref.
//
// GUM marks mentions in the MISC column: "Entity=(12-person-new-...-Ann_Lee"
// opens a mention of entity 12, of type person, on its word, "Entity=12)"
// closes it, and "(12-person-...)" is a one-word mention; brackets nest
// and several may share a word. The fields after the entity id follow the
// file's "# global.Entity = GRP-etype-infstat-salience-centering-minspan-
// link-identity" comment; only the id (the cluster) and the type are read.
//
// A Doc's candidate mentions are the gold mentions headed by a noun, a
// name or a number (a caller passes names and noun phrases, not clauses
// or pronouns), with GUM's type mapped to a kind (person, organization,
// place; anything else has none), Proper for a name head, the gold
// cluster as the Entity of names (as a caller groups "Ann Lee" and
// "Lee") and, for names, the gender of the he- or she-pronouns of their
// cluster. Pronouns are the one-word mentions headed by a pronoun.
package gum

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/coref"
	"factdeck/quiz/syntax/conllu"
)

// Options are the settings of Docs.
type Options struct {
	// Parsed, if not nil, holds the same sentences with other (predicted)
	// trees, which the Docs' words and mention heads then come from;
	// which mentions are candidates, their kind and whether they are
	// names still come from the gold trees.
	Parsed []conllu.Sentence
	// Gender, if not nil, gives names their gender the way a caller
	// knows it: from the given name of the fullest name of their cluster
	// ("Ann" of "Ann Lee", 'f', 'm' or 0), instead of from the
	// cluster's pronouns.
	Gender func(given string) byte
}

// mention is a gold mention of a sentence.
type mention struct {
	sent, lo, hi int
	cluster      int
	etype        string
}

// Docs converts the gold sentences of GUM documents (a document starts at
// a "# newdoc id = ..." comment) into Docs.
func Docs(gold []conllu.Sentence, opt Options) ([]coref.Doc, error) {
	if opt.Parsed != nil && len(opt.Parsed) != len(gold) {
		return nil, fmt.Errorf("gum: %d parsed sentences for %d gold ones", len(opt.Parsed), len(gold))
	}
	var docs []coref.Doc
	start := 0
	for i := range gold {
		if i > start && newDoc(&gold[i]) {
			d, err := doc(gold, start, i, opt)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
			start = i
		}
	}
	if start < len(gold) {
		d, err := doc(gold, start, len(gold), opt)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// newDoc reports whether s starts a document.
func newDoc(s *conllu.Sentence) bool {
	for _, c := range s.Comments {
		if strings.HasPrefix(c, "# newdoc") {
			return true
		}
	}
	return false
}

// docName returns the id of the document s starts, or "".
func docName(s *conllu.Sentence) string {
	for _, c := range s.Comments {
		if v, ok := strings.CutPrefix(c, "# newdoc id = "); ok {
			return v
		}
	}
	return ""
}

// words converts a CoNLL-U sentence.
func words(s *conllu.Sentence) []coref.Word {
	out := make([]coref.Word, len(s.Words))
	for i, w := range s.Words {
		feats := w.Feats
		if feats == "_" {
			feats = ""
		}
		out[i] = coref.Word{Text: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, Feats: feats, Rel: w.DepRel, Head: w.Head - 1}
	}
	return out
}

// head returns the head of words [lo, hi): of the words whose head is
// outside the span, the first noun, name, number or pronoun, else the
// first that is not punctuation, else lo.
func head(ws []coref.Word, lo, hi int) int {
	first := -1
	for i := lo; i < hi; i++ {
		if h := ws[i].Head; h >= lo && h < hi {
			continue
		}
		switch ws[i].UPOS {
		case "NOUN", "PROPN", "NUM", "PRON":
			return i
		case "PUNCT":
		default:
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		return first
	}
	return lo
}

var (
	male   = map[string]bool{"he": true, "him": true, "his": true, "himself": true}
	female = map[string]bool{"she": true, "her": true, "hers": true, "herself": true}
)

// kind maps GUM's entity types to kinds.
func kind(etype string) quiz.Kind {
	switch etype {
	case "person":
		return quiz.KindPerson
	case "organization":
		return quiz.KindOrganization
	case "place":
		return quiz.KindPlace
	}
	return ""
}

// doc converts the sentences [lo, hi) of gold into a Doc.
func doc(gold []conllu.Sentence, lo, hi int, opt Options) (coref.Doc, error) {
	d := coref.Doc{Name: docName(&gold[lo])}
	var ments []mention
	goldWords := make([][]coref.Word, 0, hi-lo)
	for i := lo; i < hi; i++ {
		gw := words(&gold[i])
		goldWords = append(goldWords, gw)
		if opt.Parsed != nil {
			if len(opt.Parsed[i].Words) != len(gw) {
				return d, fmt.Errorf("gum: %s: sentence %d: %d parsed words for %d gold ones", d.Name, i-lo, len(opt.Parsed[i].Words), len(gw))
			}
			d.Sents = append(d.Sents, words(&opt.Parsed[i]))
		} else {
			d.Sents = append(d.Sents, gw)
		}
		ms, err := mentions(&gold[i], i-lo)
		if err != nil {
			return d, fmt.Errorf("gum: %s: sentence %d: %w", d.Name, i-lo, err)
		}
		ments = append(ments, ms...)
	}
	// The gender of each cluster, from its pronouns.
	males, females := map[int]int{}, map[int]int{}
	for _, m := range ments {
		if m.hi-m.lo != 1 {
			continue
		}
		w := strings.ToLower(goldWords[m.sent][m.lo].Text)
		switch {
		case male[w]:
			males[m.cluster]++
		case female[w]:
			females[m.cluster]++
		}
	}
	gender := map[int]string{}
	for c, n := range males {
		if n > females[c] {
			gender[c] = "m"
		}
	}
	for c, n := range females {
		if n > males[c] {
			gender[c] = "f"
		}
	}
	if opt.Gender != nil {
		gender = namesGender(ments, goldWords, opt.Gender)
	}
	// single marks the words that are a mention of their own; seen the
	// pronouns given a cluster.
	single, seen := map[[2]int]bool{}, map[[2]int]bool{}
	for _, m := range ments {
		if m.hi-m.lo == 1 {
			single[[2]int{m.sent, m.lo}] = true
		}
	}
	for _, m := range ments {
		gw := goldWords[m.sent]
		gh := head(gw, m.lo, m.hi)
		switch gw[gh].UPOS {
		case "PRON", "DET":
			// "he himself", "sh- she": the pronouns of a mention headed
			// by one, unless a mention of their own says otherwise.
			for i := m.lo; i < m.hi; i++ {
				k := [2]int{m.sent, i}
				if (i == gh || gw[i].UPOS == "PRON") && (m.hi-m.lo == 1 || !single[k]) && !seen[k] {
					seen[k] = true
					d.Pronouns = append(d.Pronouns, coref.Pronoun{Sent: m.sent, Word: i, Cluster: m.cluster})
				}
			}
			continue
		case "NOUN", "PROPN", "NUM":
		default:
			continue
		}
		cm := coref.Mention{
			Sent: m.sent, Lo: m.lo, Hi: m.hi, Head: head(d.Sents[m.sent], m.lo, m.hi),
			Kind: kind(m.etype), Proper: gw[gh].UPOS == "PROPN", Entity: -1,
		}
		if cm.Proper {
			cm.Entity = m.cluster
			if cm.Kind == quiz.KindPerson {
				cm.Gender = gender[m.cluster]
			}
		}
		d.Mentions = append(d.Mentions, cm)
		d.Clusters = append(d.Clusters, m.cluster)
	}
	return d, nil
}

// namesGender returns the gender of each cluster of names from the given
// name of its mentions of two words or more.
func namesGender(ments []mention, words [][]coref.Word, gender func(string) byte) map[int]string {
	out := map[int]string{}
	for _, m := range ments {
		if m.etype != "person" || m.hi-m.lo < 2 || out[m.cluster] != "" {
			continue
		}
		ws := words[m.sent]
		if ws[m.lo].UPOS != "PROPN" || ws[m.lo+1].UPOS != "PROPN" {
			continue
		}
		switch gender(ws[m.lo].Text) {
		case 'm':
			out[m.cluster] = "m"
		case 'f':
			out[m.cluster] = "f"
		}
	}
	return out
}

// mentions returns the gold mentions of sentence s (number si of its
// document). A mention left open at the end of the sentence is dropped.
func mentions(s *conllu.Sentence, si int) ([]mention, error) {
	type open struct {
		id    string
		etype string
		lo    int
	}
	var stack []open
	var out []mention
	cluster := func(id string) (int, error) {
		n, err := strconv.Atoi(id)
		if err != nil {
			return 0, fmt.Errorf("entity id %q is not a number", id)
		}
		return n, nil
	}
	for wi, w := range s.Words {
		ann := entityField(w.Misc)
		for ann != "" {
			switch {
			case ann[0] == '(':
				end := strings.IndexAny(ann[1:], "()")
				body := ann[1:]
				if end >= 0 {
					body = ann[1 : 1+end]
				}
				f := strings.Split(body, "-")
				if len(f) < 2 || f[0] == "" {
					return nil, fmt.Errorf("word %d: malformed entity %q", wi+1, body)
				}
				if end >= 0 && ann[1+end] == ')' {
					c, err := cluster(f[0])
					if err != nil {
						return nil, fmt.Errorf("word %d: %w", wi+1, err)
					}
					out = append(out, mention{sent: si, lo: wi, hi: wi + 1, cluster: c, etype: f[1]})
					ann = ann[2+end:]
				} else {
					stack = append(stack, open{id: f[0], etype: f[1], lo: wi})
					if end < 0 {
						ann = ""
					} else {
						ann = ann[1+end:]
					}
				}
			default:
				end := strings.IndexByte(ann, ')')
				if end <= 0 {
					return nil, fmt.Errorf("word %d: malformed entity annotation %q", wi+1, ann)
				}
				id := ann[:end]
				ann = ann[end+1:]
				k := len(stack) - 1
				for k >= 0 && stack[k].id != id {
					k--
				}
				if k < 0 {
					continue // opened in an earlier sentence
				}
				c, err := cluster(id)
				if err != nil {
					return nil, fmt.Errorf("word %d: %w", wi+1, err)
				}
				out = append(out, mention{sent: si, lo: stack[k].lo, hi: wi + 1, cluster: c, etype: stack[k].etype})
				stack = slices.Delete(stack, k, k+1)
			}
		}
	}
	// Outer mentions close after inner ones: order by start, longest
	// first.
	slices.SortStableFunc(out, func(a, b mention) int {
		if a.lo != b.lo {
			return a.lo - b.lo
		}
		return b.hi - a.hi
	})
	return out, nil
}

// entityField returns the value of the Entity attribute of a MISC column.
func entityField(misc string) string {
	for misc != "" {
		var kv string
		kv, misc, _ = strings.Cut(misc, "|")
		if v, ok := strings.CutPrefix(kv, "Entity="); ok {
			return v
		}
	}
	return ""
}
