// Package gum reads the documents of the GUM corpus (Zeldes 2017) in its
// Universal Dependencies release into salience.Example values, for
// training and evaluating package salience.
//
// A GUM document starts at a "# newdoc id = ..." comment. Its header
// gives the title ("# meta::title"), the genre ("# meta::genre"), five
// summaries ("# meta::summary1" to "summary5": the first written by a
// person who read the text, the others by other people or by language
// models, each prefixed with its author in brackets) and the entities the
// summaries mention: "# meta::salientEntities = 3 (5*), 24 (4), 1 (2*)"
// lists entity ids, each with the number of summaries (of five) that
// mention it, and a star when the first summary does (the star agrees
// with the first letter of the entity's salience field below, checked by
// the tests). Entities not listed are in no summary.
//
// Mentions are marked in the MISC column, in the bracketing of the
// "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-
// identity" comment: "Entity=(12-person-new-sssns-...-Ann_Lee" opens a
// mention of entity 12, of type person, on its word, "Entity=12)" closes
// it, and "(12-person-...)" is a one-word mention; brackets nest and
// several may share a word. The salience field has one letter per
// summary, s when that summary mentions the entity and n when not ("n____"
// on some entities in no summary; a handful carry a sixth letter). The
// number of s is the entity's count in salientEntities.
package gum

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/salience"
	"factdeck/quiz/syntax/conllu"
)

// View says which gold mentions a Doc is given.
type View int

const (
	// Gold gives every gold mention: names, noun phrases, pronouns,
	// dates, quantities, clauses.
	Gold View = iota
	// Named gives what factdeck's extractor finds: the mentions headed by
	// a name and the pronouns of the entities that have one. Entities
	// never named are left out.
	Named
)

// Options are the settings of Examples.
type Options struct {
	View View
	// Parsed, if not nil, holds the same sentences with other (predicted)
	// trees, which the Docs' words and mention heads then come from;
	// which mentions are names or pronouns still comes from the gold
	// trees.
	Parsed []conllu.Sentence
}

// Examples converts GUM documents into Examples: the Doc of each, the
// number of summaries that mention each of its entities and the share of
// summaries whose extract includes each sentence (salience.Extracts). A
// first sentence that repeats the title is the title, not a sentence of
// the Doc.
func Examples(gold []conllu.Sentence, opt Options) ([]salience.Example, error) {
	if opt.Parsed != nil && len(opt.Parsed) != len(gold) {
		return nil, fmt.Errorf("gum: %d parsed sentences for %d gold ones", len(opt.Parsed), len(gold))
	}
	var out []salience.Example
	start := 0
	for i := 1; i <= len(gold); i++ {
		if i < len(gold) && !newDoc(&gold[i]) {
			continue
		}
		ex, err := example(gold, start, i, opt)
		if err != nil {
			return nil, err
		}
		out = append(out, ex)
		start = i
	}
	return out, nil
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

// comment returns the value of the "# key = value" comment of s, if any.
func comment(s *conllu.Sentence, key string) (string, bool) {
	for _, c := range s.Comments {
		if v, ok := strings.CutPrefix(c, "# "+key+" = "); ok {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// newPar reports whether s starts a paragraph.
func newPar(s *conllu.Sentence) bool {
	for _, c := range s.Comments {
		if c == "# newpar" || strings.HasPrefix(c, "# newpar ") || strings.HasPrefix(c, "# newpar_block") {
			return true
		}
	}
	return false
}

// words converts a CoNLL-U sentence.
func words(s *conllu.Sentence) []salience.Word {
	out := make([]salience.Word, len(s.Words))
	for i, w := range s.Words {
		feats := w.Feats
		if feats == "_" {
			feats = ""
		}
		out[i] = salience.Word{Text: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, Feats: feats, Rel: w.DepRel, Head: w.Head - 1}
	}
	return out
}

// mention is a gold mention of a sentence.
type mention struct {
	sent, lo, hi int
	entity       int
	etype        string
	// salience is the mention's salience field ("sssns"), "" if absent.
	salience string
}

// example converts the sentences [lo, hi) of gold, one document, into an
// Example.
func example(gold []conllu.Sentence, lo, hi int, opt Options) (salience.Example, error) {
	first := &gold[lo]
	ex := salience.Example{}
	ex.Name, _ = comment(first, "newdoc id")
	ex.Genre, _ = comment(first, "meta::genre")
	ex.Doc.Title, _ = comment(first, "meta::title")
	for k := 1; k <= 5; k++ {
		if s, ok := comment(first, fmt.Sprintf("meta::summary%d", k)); ok {
			ex.Summaries = append(ex.Summaries, stripAuthor(s))
		}
	}
	counts, err := salientEntities(first)
	if err != nil {
		return ex, fmt.Errorf("gum: %s: %w", ex.Name, err)
	}
	if text, _ := comment(first, "text"); ex.Doc.Title != "" && sameText(text, ex.Doc.Title) {
		lo++ // the headline is the title
	}
	var ments []mention
	var goldWords [][]salience.Word
	para := -1
	for i := lo; i < hi; i++ {
		si := i - lo
		gw := words(&gold[i])
		goldWords = append(goldWords, gw)
		if opt.Parsed != nil {
			if len(opt.Parsed[i].Words) != len(gw) {
				return ex, fmt.Errorf("gum: %s: sentence %d: %d parsed words for %d gold ones", ex.Name, si, len(opt.Parsed[i].Words), len(gw))
			}
			ex.Doc.Sents = append(ex.Doc.Sents, words(&opt.Parsed[i]))
		} else {
			ex.Doc.Sents = append(ex.Doc.Sents, gw)
		}
		if para < 0 || newPar(&gold[i]) {
			para++
		}
		ex.Doc.Para = append(ex.Doc.Para, para)
		ms, err := mentions(&gold[i], si)
		if err != nil {
			return ex, fmt.Errorf("gum: %s: sentence %d: %w", ex.Name, si, err)
		}
		ments = append(ments, ms...)
	}
	ex.Doc.Mentions = docMentions(ments, goldWords, ex.Doc.Sents, opt.View)
	ex.Summarized = map[int]int{}
	for _, m := range ex.Doc.Mentions {
		ex.Summarized[m.Entity] = counts[m.Entity]
	}
	ex.Central = salience.Extracts(ex.Doc.Sents, ex.Summaries)
	return ex, nil
}

// stripAuthor removes the "(author) " prefix of a summary.
func stripAuthor(s string) string {
	if strings.HasPrefix(s, "(") {
		if i := strings.Index(s, ") "); i > 0 {
			return s[i+2:]
		}
	}
	return s
}

// sameText reports whether a and b have the same letters and digits,
// ignoring case.
func sameText(a, b string) bool {
	norm := func(s string) string {
		var sb strings.Builder
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
				sb.WriteRune(r)
			}
		}
		return sb.String()
	}
	return norm(a) == norm(b)
}

// salientEntities returns the number of summaries that mention each
// entity listed in the salientEntities comment of s.
func salientEntities(s *conllu.Sentence) (map[int]int, error) {
	v, _ := comment(s, "meta::salientEntities")
	out := map[int]int{}
	err := eachSalient(v, func(id, n int, _ bool) { out[id] = n })
	return out, err
}

// eachSalient calls f with each "id (n*)" item of a salientEntities
// value.
func eachSalient(v string, f func(id, n int, star bool)) error {
	if v == "" {
		return nil
	}
	for item := range strings.SplitSeq(v, ",") {
		item = strings.TrimSpace(item)
		a, b, ok := strings.Cut(item, " (")
		if !ok || !strings.HasSuffix(b, ")") {
			return fmt.Errorf("salientEntities: malformed item %q", item)
		}
		b = strings.TrimSuffix(b, ")")
		star := strings.HasSuffix(b, "*")
		id, err1 := strconv.Atoi(a)
		n, err2 := strconv.Atoi(strings.TrimSuffix(b, "*"))
		if err1 != nil || err2 != nil || n < 0 || n > 5 {
			return fmt.Errorf("salientEntities: malformed item %q", item)
		}
		f(id, n, star)
	}
	return nil
}

// kind maps GUM's entity types to kinds.
func kind(etype string, proper bool) quiz.Kind {
	switch etype {
	case "person":
		return quiz.KindPerson
	case "organization":
		return quiz.KindOrganization
	case "place":
		return quiz.KindPlace
	case "time":
		return quiz.KindDate
	case "quantity":
		return quiz.KindCount
	}
	if proper {
		return quiz.KindMisc
	}
	return quiz.KindOther
}

// head returns the head of words [lo, hi): of the words whose head is
// outside the span, the first noun, name, number or pronoun, else the
// first that is not punctuation, else lo.
func head(ws []salience.Word, lo, hi int) int {
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

// docMentions converts the gold mentions of a document as view says,
// heads taken from the gold trees for deciding what a mention is and from
// sents for the Mention.
func docMentions(ments []mention, gold, sents [][]salience.Word, view View) []salience.Mention {
	named := map[int]bool{}
	for _, m := range ments {
		if gold[m.sent][head(gold[m.sent], m.lo, m.hi)].UPOS == "PROPN" {
			named[m.entity] = true
		}
	}
	var out []salience.Mention
	for _, m := range ments {
		gh := head(gold[m.sent], m.lo, m.hi)
		upos := gold[m.sent][gh].UPOS
		proper := upos == "PROPN"
		if view == Named {
			pronoun := upos == "PRON" && m.hi-m.lo == 1
			if !proper && !(pronoun && named[m.entity]) {
				continue
			}
		}
		out = append(out, salience.Mention{
			Sent: m.sent, Lo: m.lo, Hi: m.hi, Head: head(sents[m.sent], m.lo, m.hi),
			Entity: m.entity, Kind: kind(m.etype, named[m.entity]), Proper: proper,
		})
	}
	return out
}

// mentions returns the gold mentions of sentence s (number si of its
// document). A mention left open at the end of the sentence is dropped.
func mentions(s *conllu.Sentence, si int) ([]mention, error) {
	type open struct {
		id, etype, salience string
		lo                  int
	}
	var stack []open
	var out []mention
	for wi, w := range s.Words {
		ann := entityField(w.Misc)
		for ann != "" {
			if ann[0] == '(' {
				end := strings.IndexAny(ann[1:], "()")
				body := ann[1:]
				if end >= 0 {
					body = ann[1 : 1+end]
				}
				f := strings.Split(body, "-")
				if len(f) < 2 || f[0] == "" {
					return nil, fmt.Errorf("word %d: malformed entity %q", wi+1, body)
				}
				sal := ""
				if len(f) > 3 {
					sal = f[3]
				}
				o := open{id: f[0], etype: f[1], salience: sal, lo: wi}
				switch {
				case end >= 0 && ann[1+end] == ')':
					id, err := strconv.Atoi(o.id)
					if err != nil {
						return nil, fmt.Errorf("word %d: entity id %q is not a number", wi+1, o.id)
					}
					out = append(out, mention{sent: si, lo: wi, hi: wi + 1, entity: id, etype: o.etype, salience: o.salience})
					ann = ann[2+end:]
				case end < 0:
					stack = append(stack, o)
					ann = ""
				default:
					stack = append(stack, o)
					ann = ann[1+end:]
				}
				continue
			}
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
			n, err := strconv.Atoi(id)
			if err != nil {
				return nil, fmt.Errorf("word %d: entity id %q is not a number", wi+1, id)
			}
			o := stack[k]
			out = append(out, mention{sent: si, lo: o.lo, hi: wi + 1, entity: n, etype: o.etype, salience: o.salience})
			stack = slices.Delete(stack, k, k+1)
		}
	}
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
