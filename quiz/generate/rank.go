package generate

import (
	"bufio"
	_ "embed" // the ranker's weights
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"factdeck/quiz"
	"factdeck/quiz/extract"
)

// fired lists the names of the checks that fired for a candidate: why it
// is held back, and the features the acceptability ranker weighs.
type fired []string

// has reports whether the check named name (group:check) fired.
func (f fired) has(name string) bool { return slices.Contains(f, name) }

// check is one named test of a candidate.
type check struct {
	name string
	on   bool
}

// any records, under group, the name of every check that is on and
// reports whether one was. Every check is evaluated, so that each one's
// name is recorded.
func (f *fired) any(group string, cs ...check) bool {
	on := false
	for _, c := range cs {
		if c.on {
			*f = append(*f, group+":"+c.name)
			on = true
		}
	}
	return on
}

// anyBut reports whether a check of group (its prefix, "wh-weak:") other
// than those in but fired.
func (f fired) anyBut(group string, but map[string]bool) bool {
	for _, n := range f {
		if strings.HasPrefix(n, group) && !but[n] {
			return true
		}
	}
	return false
}

// add records name as fired.
func (f *fired) add(name string) { *f = append(*f, name) }

// features names what the ranker weighs of a candidate: its form (type,
// template, kind of answer, length), where its sentence stands, how
// central its fact is, and every check that fired.
func features(c candidate) []string {
	q := c.q
	fs := make([]string, 0, 16+len(c.flags))
	fs = append(fs, "bias", "type="+string(q.Type), "template="+q.Template, "kind="+string(q.AnswerKind),
		"type-kind="+string(q.Type)+"/"+string(q.AnswerKind))
	fs = append(fs, "words"+bucket(wordCount(q.Prompt), 8, 12, 18, 25, 30))
	fs = append(fs, "sent"+bucket(c.sent, 0, 1, 3, 6, 12))
	fs = append(fs, "answer-words"+bucket(wordCount(q.Answer), 1, 2, 3))
	fs = append(fs, "commas"+bucket(strings.Count(q.Prompt, ","), 0, 1, 2))
	fs = append(fs, "level"+bucket(c.level, 0, 1, 2))
	fs = append(fs, "salience"+bucket(int(c.score*4), 2, 4, 6, 8, 10))
	if strings.ContainsAny(q.Prompt, "\"“”") {
		fs = append(fs, "quote-in-prompt")
	}
	if strings.HasPrefix(q.Prompt, "According to ") {
		fs = append(fs, "attributed")
	}
	if strings.ContainsAny(q.Answer, "0123456789") {
		fs = append(fs, "digits")
	}
	if c.weak {
		fs = append(fs, "held-back")
	}
	return append(fs, c.flags...)
}

// bucket names the interval of cuts that n falls in: "<=c" for the first
// cut at or above n, ">c" past the last.
func bucket(n int, cuts ...int) string {
	for _, c := range cuts {
		if n <= c {
			return "<=" + strconv.Itoa(c)
		}
	}
	return ">" + strconv.Itoa(cuts[len(cuts)-1])
}

// Ranker weighs candidates by how likely a careful teacher accepts them
// (../shared/eval/QUALITY.md) and how useful they would find them: two
// logistic models over the same features, trained on judged questions by
// cmd/ranktrain.
type Ranker struct {
	accept, value map[string]float64
}

//go:embed rank.tsv
var rankTSV string

// defaultRanker is the embedded model.
var defaultRanker = sync.OnceValues(func() (*Ranker, error) { return ParseRanker(strings.NewReader(rankTSV)) })

// ParseRanker reads a ranker's weights: one "feature<TAB>accept<TAB>value"
// per line; lines starting with # are comments.
func ParseRanker(r io.Reader) (*Ranker, error) {
	rk := &Ranker{accept: map[string]float64{}, value: map[string]float64{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("ranker line %d: want feature<TAB>accept<TAB>value: %w", n, quiz.ErrInvalid)
		}
		a, err1 := strconv.ParseFloat(f[1], 64)
		v, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("ranker line %d: a weight is not a number: %w", n, quiz.ErrInvalid)
		}
		rk.accept[f[0]], rk.value[f[0]] = a, v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read ranker: %w", err)
	}
	return rk, nil
}

// WriteTo writes the ranker's weights in the form ParseRanker reads,
// features sorted.
func (rk *Ranker) WriteTo(w io.Writer) (int64, error) {
	seen := map[string]bool{}
	var names []string
	for _, m := range []map[string]float64{rk.accept, rk.value} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		fmt.Fprintf(&b, "%s\t%.4f\t%.4f\n", k, rk.accept[k], rk.value[k])
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// NewRanker returns a ranker with these weights: accept for whether a
// judge accepts a question, value for how useful it is.
func NewRanker(accept, value map[string]float64) *Ranker {
	return &Ranker{accept: accept, value: value}
}

// Accept returns the probability that a question with these features is
// judged acceptable.
func (rk *Ranker) Accept(features []string) float64 { return logistic(rk.accept, features) }

// Value returns the expected usefulness of a question with these
// features, 0 (useless or failing) to 1 (very useful).
func (rk *Ranker) Value(features []string) float64 { return logistic(rk.value, features) }

// logistic returns the logistic function of the weights of features.
func logistic(w map[string]float64, features []string) float64 {
	z := 0.0
	for _, f := range features {
		z += w[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// Candidate is a question the generator made, served or not, with the
// features the ranker weighs.
type Candidate struct {
	Question quiz.Question
	Features []string
	// Accept is the ranker's estimate that a judge accepts the question.
	Accept float64
}

// entityIndex finds an article's entities by a question's answer, with
// how often each is mentioned against the others; built once per article.
type entityIndex struct {
	byAnswer map[string]int // normalized name, and surname, -> entity
	rank     []int          // 1 for the most mentioned
	top      int
}

// newEntityIndex indexes d's entities.
func newEntityIndex(d *extract.Doc) *entityIndex {
	x := &entityIndex{byAnswer: map[string]int{}, rank: make([]int, len(d.Entities)), top: -1}
	for i, e := range d.Entities {
		if x.top < 0 || e.Mentions > d.Entities[x.top].Mentions {
			x.top = i
		}
		x.rank[i] = 1
		for _, o := range d.Entities {
			if o.Mentions > e.Mentions {
				x.rank[i]++
			}
		}
		for _, k := range []string{quiz.NormalizeAnswer(e.Name), quiz.NormalizeAnswer(quiz.Surname(e.Name))} {
			if _, seen := x.byAnswer[k]; k != "" && !seen {
				x.byAnswer[k] = i
			}
		}
	}
	return x
}

// docFeatures names what the article says of a candidate: how central its
// sentence is, whether its answer is the story's main entity (the
// commonest failure judges find: the answer is what the story is about),
// and how the prompt opens.
func docFeatures(d *extract.Doc, x *entityIndex, c candidate) []string {
	var fs []string
	if c.sent >= 0 && c.sent < len(d.Centrality) {
		fs = append(fs, "centrality"+bucket(int(d.Centrality[c.sent]*10), 2, 4, 6, 8))
	}
	if i, ok := x.byAnswer[quiz.NormalizeAnswer(c.q.Answer)]; ok {
		e := d.Entities[i]
		fs = append(fs, "answer-rank"+bucket(x.rank[i], 1, 2, 4))
		if i == x.top {
			fs = append(fs, "answer-top")
		}
		if i < len(d.Salience) {
			fs = append(fs, "answer-salience"+bucket(int(d.Salience[i]*10), 2, 5, 8))
		}
		fs = append(fs, "answer-mentions"+bucket(e.Mentions, 1, 2, 4, 8))
	} else {
		fs = append(fs, "answer-no-entity")
	}
	for _, w := range strings.Fields(strings.ToLower(c.q.Answer)) {
		if d.Headline[strings.Trim(w, ".,'’\"")] {
			fs = append(fs, "answer-in-headline")
			break
		}
	}
	first, _, _ := strings.Cut(c.q.Prompt, " ")
	fs = append(fs, "opens="+strings.ToLower(strings.Trim(first, ",")))
	for _, w := range strings.Fields(strings.ToLower(c.q.Prompt)) {
		switch strings.Trim(w, ".,;:!?\"“”'‘’") {
		case "i", "me", "my", "we", "our", "us":
			fs = append(fs, "first-person")
		case "you", "your":
			fs = append(fs, "second-person")
		default:
			continue
		}
		break
	}
	return fs
}

// contested returns the targets (by index) whose value the article gives
// differently elsewhere for the same thing: attendance "stood at 86 per
// cent" and "has risen to 94 per cent", "12 boats" and "one boat". A
// blank of either is answered by both, and which one the question means
// its sentence alone rarely says.
func contested(an *extract.Analysis) map[int]bool {
	type key struct {
		kind quiz.Kind
		noun string
	}
	measured := func(k quiz.Kind) bool { return k == quiz.KindCount || k == quiz.KindPercent || k == quiz.KindMoney }
	values := map[key]map[string]bool{}
	for _, s := range an.Doc.Sents {
		for _, m := range s.Mentions {
			if !measured(m.Kind) {
				continue
			}
			h := s.HeadOf(m.Lo, m.Hi)
			if h < 0 {
				continue
			}
			if n := measuredNoun(s, h, m.Kind); n != "" {
				k := key{m.Kind, n}
				if values[k] == nil {
					values[k] = map[string]bool{}
				}
				values[k][quiz.NormalizeAnswer(s.Segment(m.Lo, m.Hi))] = true
			}
		}
	}
	keys := make([]key, len(an.Targets))
	for i, t := range an.Targets {
		if measured(t.Kind) {
			keys[i] = key{t.Kind, measuredNoun(an.Doc.Sents[t.Sent], t.Head, t.Kind)}
		}
	}
	out := map[int]bool{}
	for i, k := range keys {
		if k.noun != "" && len(values[k]) > 1 {
			out[i] = true
		}
	}
	return out
}

// measuredNoun returns the lemma of what a value headed by h measures: the
// noun a count
// counts ("12 boats"), the "of" phrase of a share ("31 per cent of
// pupils"), or else the subject of its clause ("Attendance stood at 86
// per cent"); "" when none is a common noun.
func measuredNoun(s *extract.Sentence, h int, kind quiz.Kind) string {
	noun := func(j int) string {
		switch {
		case j < 0:
			return ""
		case j == 0 && s.Words[j].UPOS == "PROPN" && (s.Words[j].Mention < 0 || s.Mentions[s.Words[j].Mention].Hi == 1):
			// a capital opening the sentence may be a common noun's
		case s.Words[j].Mention >= 0 || s.Words[j].UPOS != "NOUN":
			return ""
		}
		return strings.ToLower(s.Words[j].Lemma)
	}
	if kind == quiz.KindCount && s.Rel(h) == "nummod" {
		// What is counted and what happened to it: "12 boats had been
		// found" and "one boat had been found" disagree; "70 people"
		// aboard and "300 people" of another crash do not.
		n := s.Words[h].Head
		if noun(n) == "" {
			return ""
		}
		v := s.Words[n].Head
		for k := 0; v >= 0 && s.Words[v].UPOS != "VERB" && k < 4; k++ {
			v = s.Words[v].Head // "a door and one body had been recovered"
		}
		if v < 0 || s.Words[v].UPOS != "VERB" {
			return noun(n)
		}
		return noun(n) + " " + strings.ToLower(s.Words[v].Lemma)
	}
	for _, k := range s.Kids(h) {
		if s.Rel(k) == "nmod" && s.Case(k) == "of" {
			if n := noun(k); n != "" {
				return n
			}
		}
	}
	for p, n := h, 0; p >= 0 && n < 6; p, n = s.Words[p].Head, n+1 {
		if up := s.Words[p].UPOS; up == "VERB" || up == "AUX" || s.Kid(p, "cop") >= 0 {
			return noun(s.Kid(p, "nsubj"))
		}
	}
	return ""
}
