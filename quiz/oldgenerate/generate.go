// Package generate turns an article's facts into quiz questions: it fills
// declarative templates (multiple choice with distractors of the answer's
// kind, cloze, short answer, true/false), drops trivial and near-duplicate
// questions and ranks the rest by importance. It is a pure function of its
// input: the same article and facts always give the same questions.
package oldgenerate

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdeck/quiz"
)

// Generator makes questions from facts with a fixed template set. It is
// read-only after New and safe for concurrent use.
type Generator struct {
	templates []Template
}

// New returns a Generator with the embedded templates, plus those in
// templateDir (*.yaml) when it is not empty; a template there replaces an
// embedded one with the same id.
func New(templateDir string) (*Generator, error) {
	ts, err := loadTemplates(templateDir)
	if err != nil {
		return nil, fmt.Errorf("load templates: %w", err)
	}
	return &Generator{templates: ts}, nil
}

// Templates returns the generator's templates, highest priority first.
func (g *Generator) Templates() []Template {
	return append([]Template(nil), g.templates...)
}

// Questions returns the questions for article a made from facts, its
// facts. pool holds the facts of other articles: it supplies distractors and
// corroboration. Questions come best first; an article without usable facts
// gets none.
func (g *Generator) Questions(a quiz.Article, facts []quiz.Fact, pool []quiz.Fact) []quiz.Question {
	if len(facts) == 0 {
		return nil
	}
	p := newPools(facts, pool)
	body := a.Body()
	title := contentWords(a.Title + " " + a.Standfirst)

	type factQs struct {
		score   float64
		mention bool
		qs      []quiz.Question
		blank   []bool // qs[i] is a blank or cloze question, capped per article
	}
	headline := letterWords(a.Title)
	var all []factQs
	for _, f := range facts {
		if len(f.Conflicts) > 0 && strings.TrimSpace(f.Attribution) == "" {
			continue // disputed and unattributed: not asked
		}
		fs := factScore(f, body, title, pool)
		var qs []quiz.Question
		var blank []bool
		for _, ty := range quiz.QuestionTypes {
			for _, t := range g.templates {
				if !t.yields(ty) || !t.applies(f) {
					continue
				}
				q, ok := build(t, f, ty, p)
				if !ok {
					continue
				}
				isBlank := ty == quiz.Cloze || strings.Contains(t.Question, "{blank}")
				if isBlank && guessable(q.Answer, q.AnswerKind, headline, body) {
					break // "_____ and its neighbour" in an article headlined with the answer
				}
				q.ArticleID = a.ID
				if q.ArticleID == 0 {
					q.ArticleID = f.ArticleID
				}
				q.Score = round3(fs + float64(t.Priority)/50)
				qs = append(qs, q)
				blank = append(blank, isBlank)
				break
			}
		}
		if len(qs) > 0 {
			all = append(all, factQs{fs, f.Relation == quiz.RelIsA, qs, blank})
		}
	}
	// Long articles yield more. Every relation found is asked; bare entity
	// mentions fill in, about one per 40 words, best first.
	limit := 2 + len(strings.Fields(body))/40
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	var kept []factQs
	asked := map[string]bool{}
	for _, fq := range all {
		if !fq.mention {
			kept = append(kept, fq)
			for _, q := range fq.qs {
				if q.Type != quiz.TrueFalse {
					asked[quiz.NormalizeAnswer(q.Answer)] = true
				}
			}
		}
	}
	mentions := 0
	for _, fq := range all {
		if !fq.mention || mentions == limit || asked[quiz.NormalizeAnswer(fq.qs[0].Answer)] {
			continue // the best mentions of things not asked about yet
		}
		asked[quiz.NormalizeAnswer(fq.qs[0].Answer)] = true
		mentions++
		kept = append(kept, fq)
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].score > kept[j].score })

	// Blank and cloze questions are capped per type, about one per
	// blankWords words of the article, best facts first. A fact gets one
	// blank question that asks for something its real questions do not
	// (all of them, for a fact with no real question) first, of the type with
	// the most room left, so that the blanks cover many facts rather than
	// asking one sentence three ways (a true/false statement tests less,
	// so it is not a fact's first); the room left then goes to the other
	// blank questions, best first.
	room := map[quiz.QuestionType]int{}
	for _, ty := range quiz.QuestionTypes {
		room[ty] = 1 + len(strings.Fields(body))/blankWords
	}
	take := make([][]bool, len(kept))
	for i, fq := range kept {
		take[i] = make([]bool, len(fq.qs))
		real := map[string]bool{}
		for j, q := range fq.qs {
			if !fq.blank[j] {
				take[i][j] = true
				real[quiz.NormalizeAnswer(q.Answer)] = true
			}
		}
		best := -1
		for j, q := range fq.qs {
			if fq.blank[j] && !real[quiz.NormalizeAnswer(q.Answer)] && room[q.Type] > 0 && q.Type != quiz.TrueFalse &&
				(best < 0 || room[q.Type] > room[fq.qs[best].Type]) {
				best = j
			}
		}
		if best >= 0 {
			take[i][best] = true
			room[fq.qs[best].Type]--
		}
	}
	// Facts that no real question asks come first: a blank is all a
	// learner gets of them.
	for _, asked := range []bool{false, true} {
		for i, fq := range kept {
			if hasReal(fq.blank) != asked {
				continue
			}
			for j, q := range fq.qs {
				if fq.blank[j] && !take[i][j] && room[q.Type] > 0 {
					take[i][j] = true
					room[q.Type]--
				}
			}
		}
	}
	var qs []quiz.Question
	for i, fq := range kept {
		for j, q := range fq.qs {
			if take[i][j] {
				qs = append(qs, q)
			}
		}
	}
	qs = merge(qs)
	return diversify(qs)
}

// hasReal reports whether a fact's questions include one that is not a
// blank or cloze.
func hasReal(blank []bool) bool {
	for _, b := range blank {
		if !b {
			return true
		}
	}
	return false
}

// blankWords is the article length, in words, that earns one more blank or
// cloze question of each type.
const blankWords = 60

// letterWords returns the lower-case words of s, split at anything but a
// letter or digit ("Alpha-Beta talks" gives alpha, beta, talks).
func letterWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		m[w] = true
	}
	return m
}

// guessable reports a blank whose answer a learner can guess without having
// read the article: a name that is in the headline and recurs in the body,
// the article's main subject.
func guessable(ans string, kind quiz.Kind, headline map[string]bool, body string) bool {
	switch kind {
	case quiz.KindCountry, quiz.KindNationality, quiz.KindCity, quiz.KindRegion, quiz.KindPlace,
		quiz.KindOrganization, quiz.KindPerson:
	default:
		return false
	}
	ws := letterWords(ans)
	if len(ws) == 0 {
		return false
	}
	for w := range ws {
		if !headline[w] {
			return false
		}
	}
	return strings.Count(strings.ToLower(body), strings.ToLower(ans)) >= 3
}

// diversify orders questions best first, but lets each further question on
// an already used sentence yield to the next sentence's, so that the first
// questions of a quiz cover several facts. Score is lowered to match, since
// stores and exports sort by it.
func diversify(qs []quiz.Question) []quiz.Question {
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Score > qs[j].Score })
	rank := make(map[string]int, len(qs))
	key := make([]float64, len(qs))
	for i, q := range qs {
		key[i] = q.Score - 0.6*float64(rank[q.Sentence])
		rank[q.Sentence]++
	}
	idx := make([]int, len(qs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if key[i] != key[j] {
			return key[i] > key[j]
		}
		if qs[i].Type != qs[j].Type {
			return typeOrder(qs[i].Type) < typeOrder(qs[j].Type)
		}
		return qs[i].Prompt < qs[j].Prompt
	})
	out := make([]quiz.Question, len(qs))
	for k, i := range idx {
		out[k] = qs[i]
		out[k].Score = round3(key[i])
	}
	return out
}

func typeOrder(t quiz.QuestionType) int {
	for i, x := range quiz.QuestionTypes {
		if x == t {
			return i
		}
	}
	return len(quiz.QuestionTypes)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// merge drops questions whose prompt nearly repeats a better one of the same
// type and answer (the same fact told twice, or by several articles).
func merge(qs []quiz.Question) []quiz.Question {
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Score > qs[j].Score })
	// The same question with two different answers is ambiguous: drop it.
	answers := map[string]string{}
	ambiguous := map[string]bool{}
	for _, q := range qs {
		if q.Type == quiz.TrueFalse {
			continue
		}
		key := string(q.Type) + "\x00" + strings.ToLower(q.Prompt)
		a := quiz.NormalizeAnswer(q.Answer)
		if prev, ok := answers[key]; ok && prev != a && !alias(prev, a, q.AnswerKind) {
			ambiguous[key] = true
		}
		answers[key] = a
	}
	type kept struct {
		words  map[string]bool
		answer string
	}
	var out []quiz.Question
	var ks []kept
	for _, q := range qs {
		if ambiguous[string(q.Type)+"\x00"+strings.ToLower(q.Prompt)] {
			continue
		}
		k := kept{wordSet(q.Prompt), quiz.NormalizeAnswer(q.Answer)}
		dup := false
		for i, o := range out {
			if o.Type != q.Type {
				continue
			}
			// Two statements are the same question if they read alike,
			// whatever their truth.
			if q.Type == quiz.TrueFalse && jaccard(k.words, ks[i].words) >= 0.7 ||
				q.Type != quiz.TrueFalse && ks[i].answer == k.answer && jaccard(k.words, ks[i].words) >= 0.6 {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, q)
			ks = append(ks, k)
		}
	}
	return out
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		m[strings.Trim(w, ".,;:?!\"“”'’")] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// stop words are left out when comparing a sentence with the headline.
var stop = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "with": true, "as": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "by": true, "from": true, "that": true,
	"this": true, "it": true, "its": true, "has": true, "have": true, "had": true, "will": true,
	"amid": true, "after": true, "new": true, "said": true, "says": true,
}

func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(quiz.NormalizeAnswer(s)) {
		if !stop[w] && len(w) > 2 {
			m[strings.TrimSuffix(w, "s")] = true
		}
	}
	return m
}

// factScore ranks a fact: confidence, an early sentence (the lead), words
// shared with the headline, corroboration by other articles, specificity.
func factScore(f quiz.Fact, body string, title map[string]bool, pool []quiz.Fact) float64 {
	s := f.Confidence
	if s <= 0 {
		s = 0.5
	}
	pos := f.Start
	if pos <= 0 && f.Sentence != "" {
		if i := strings.Index(body, f.Sentence); i >= 0 {
			pos = i
		}
	}
	if len(body) > 0 && pos >= 0 && pos <= len(body) {
		s += 1 - float64(pos)/float64(len(body))
	}
	shared := 0
	for w := range contentWords(f.Sentence) {
		if title[w] {
			shared++
		}
	}
	s += 0.2 * math.Min(float64(shared), 4)
	corr := 0
	if len(f.Sources) > 1 {
		corr += len(f.Sources) - 1
	}
	if f.Key != "" {
		no := quiz.NormalizeAnswer(f.Object)
		for _, o := range pool {
			if o.Key == f.Key && quiz.NormalizeAnswer(o.Object) == no {
				corr++
			}
		}
	}
	s += 0.4 * math.Min(float64(corr), 3)
	ans := f.Object
	if ans == "" {
		ans = f.Subject
	}
	if isCapitalized(ans) || strings.IndexFunc(ans, unicode.IsDigit) >= 0 {
		s += 0.3
	}
	if f.Relation == quiz.RelIsA {
		// A bare mention says less than a relation.
		s -= 1
		if f.SubjectKind == quiz.KindNationality || f.SubjectKind == quiz.KindMisc {
			s -= 0.5
		}
	}
	return s
}

// answerOf returns the value and kind a template asks for.
func answerOf(t Template, f quiz.Fact) (string, quiz.Kind) {
	v, k := rawAnswer(t, f)
	v = strings.TrimSpace(strings.Trim(v, "\"“”'‘’ ,;:"))
	if t.Answer == "span" {
		v = unquote(v)
	}
	if strings.ContainsAny(v, "\"“”") || !nameLike(v, k) {
		return "", k // a stray quote or a lower-case "name": bad extraction
	}
	return v, k
}

// unquote drops quotation marks inside a phrase: "severe\" sanctions".
func unquote(s string) string {
	if !strings.ContainsAny(s, "\"“”") {
		return s
	}
	return strings.Join(strings.Fields(strings.NewReplacer("\"", " ", "“", " ", "”", " ").Replace(s)), " ")
}

func rawAnswer(t Template, f quiz.Fact) (string, quiz.Kind) {
	if t.Answer == "span" {
		st, en := f.SpanStart, f.SpanEnd
		if st < 0 || en > len(f.Sentence) || st >= en {
			return "", ""
		}
		v := strings.TrimSpace(f.Sentence[st:en])
		switch {
		case v == strings.TrimSpace(f.Subject):
			return v, f.SubjectKind
		case v == strings.TrimSpace(f.Object):
			return v, objectKind(f)
		}
		return v, f.Kind
	}
	switch t.Answer {
	case "subject":
		return strings.TrimSpace(f.Subject), f.SubjectKind
	case "attribution":
		a := strings.TrimSpace(f.Attribution)
		if !isCapitalized(a) {
			return "", "" // "local authorities" names no one to learn
		}
		return a, quiz.KindOrganization
	}
	return strings.TrimSpace(f.Object), objectKind(f)
}

// build fills template t from fact f as a question of type ty.
func build(t Template, f quiz.Fact, ty quiz.QuestionType, p *pools) (quiz.Question, bool) {
	ans, kind := answerOf(t, f)
	if ans == "" || kind == "" || strings.TrimSpace(f.Sentence) == "" || trivialAnswer(ans, kind) {
		return quiz.Question{}, false
	}
	if t.Answer == "span" && len(words(ans)) > 6 {
		return quiz.Question{}, false // a whole clause or quotation is no answer to recall
	}
	if f.SubjectKind == quiz.KindPerson && t.Answer != "subject" && !p.personName(f.Subject) {
		return quiz.Question{}, false // "Electric" of "General Electric" is no person
	}
	sent := strings.TrimSpace(f.Sentence)
	start, end := locate(f, ans)
	if k := datelineEnd(sent); k > 0 {
		if start >= 0 && start < k {
			return quiz.Question{}, false // "Reuters" in "PARIS (Reuters) -" is no fact
		}
		sent = sent[k:]
		if start >= 0 {
			start, end = start-k, end-k
		}
	}
	q := quiz.Question{
		FactID:     f.ID,
		Type:       ty,
		Answer:     ans,
		AnswerKind: kind,
		Sentence:   sent,
		Template:   t.ID,
		Difficulty: difficulty(t.Difficulty, ty),
	}
	if start >= 0 {
		q.Cloze = sent[:start] + "{{c1::" + sent[start:end] + "}}" + sent[end:]
	}
	if (ty == quiz.Cloze || strings.Contains(t.Question, "{blank}")) && fragment(sent) {
		return quiz.Question{}, false // a learner cannot read a broken sentence
	}
	attr := attributionFor(f.Attribution, len(f.Conflicts) > 0, sent, start, end)
	base := baseSlots(f, t.Answer, sent, start, end)
	for _, r := range t.Requires {
		if base[r] == "" {
			return quiz.Question{}, false
		}
	}
	switch ty {
	case quiz.Cloze:
		if start < 0 || dangling(sent) || strings.ContainsAny(sent[start:end], "\"“”") {
			return quiz.Question{}, false
		}
		q.Answer = sent[start:end]
		q.Prompt = sent[:start] + "_____" + sent[end:]
		q.Accepted = acceptedForms(q.Answer, kind)
	case quiz.MultipleChoice, quiz.ShortAnswer:
		prompt, ok := fill(t.Question, base)
		if !ok {
			return quiz.Question{}, false
		}
		if t.Answer != "attribution" {
			prompt = attribute(finishQuestion(prompt), attr)
		}
		q.Prompt = finishQuestion(prompt)
		if ty == quiz.ShortAnswer {
			q.Accepted = acceptedForms(ans, kind)
			break
		}
		seed := hash64(q.Prompt+"\x00"+ans, 0)
		ds := p.distractors(ans, kind, f.Relation, exclusions(f, t.Answer, q.Prompt, p), seed, 3)
		if len(ds) < 3 {
			return quiz.Question{}, false
		}
		// The position also depends on the distractors, so that one question
		// asked of several articles does not always put its answer alike.
		pos := int(hash64(strings.Join(ds, "\x00"), seed) % 4)
		q.Options = append(append(append([]string{}, ds[:pos]...), ans), ds[pos:]...)
		q.Accepted = []string{ans}
	case quiz.TrueFalse:
		trueText, ok := statement(t, baseSlots(f, t.Answer, sent, start, end, ans), ans, attr)
		if !ok {
			return quiz.Question{}, false
		}
		seed := hash64(trueText, 1)
		q.Answer, q.Prompt = "True", "True or false: "+trueText
		if seed%2 == 1 {
			ds := p.distractors(ans, kind, f.Relation, exclusions(f, t.Answer, trueText, p), seed, 1)
			// Without a distractor the statement stays true.
			if len(ds) > 0 {
				if falseText, ok := statement(t, baseSlots(f, t.Answer, sent, start, end, ds[0]), ds[0], attr); ok {
					q.Answer, q.Prompt = "False", "True or false: "+falseText
				}
			}
		}
		q.Options = []string{"True", "False"}
		q.Accepted = []string{q.Answer}
	default:
		return quiz.Question{}, false
	}
	if q.Prompt == "" || ty != quiz.TrueFalse && trivial(q.Prompt, q.Answer, kind) {
		return quiz.Question{}, false
	}
	return q, true
}

func statement(t Template, s slots, value, attr string) (string, bool) {
	text, ok := fill(t.Statement, s)
	if !ok || !strings.Contains(quiz.NormalizeAnswer(text), quiz.NormalizeAnswer(value)) {
		return "", false
	}
	text = strings.TrimRight(text, " .?!")
	if attr != "" && !strings.Contains(text, attr) {
		if w := firstWord(text); w != lowerFirst(w) || !isCapitalized(w) {
			text = "According to " + withThe(attr) + ", " + lowerFirst(text)
		} else {
			// The statement may open with a name or an adverbial: the source
			// goes last rather than lower-casing a word it cannot judge.
			text += ", according to " + withThe(attr)
		}
	}
	if strings.HasSuffix(text, ".”") || strings.HasSuffix(text, ".)") || strings.HasSuffix(text, ".\"") ||
		strings.HasSuffix(text, "?”") || strings.HasSuffix(text, "!”") {
		return capitalize(text), true
	}
	return capitalize(text) + ".", true
}

func difficulty(d int, ty quiz.QuestionType) int {
	switch ty {
	case quiz.ShortAnswer, quiz.Cloze:
		d++
	case quiz.TrueFalse:
		d--
	}
	return min(max(d, 1), 3)
}

// finishQuestion capitalizes a question and ends it with one question mark.
func finishQuestion(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".?!,;:"))
	return capitalize(s) + "?"
}

// attribute names the source of an attributed fact.
func attribute(prompt, source string) string {
	source = strings.TrimSpace(source)
	if source == "" || strings.Contains(prompt, source) {
		return prompt
	}
	return "According to " + withThe(source) + ", " + lowerFirst(prompt)
}

// innerQuotes turns double quotation marks into single ones, for a
// quotation inside a quoted sentence.
var innerQuotes = strings.NewReplacer("“", "‘", "”", "’", "\"", "'")

// datelineRE matches a news dateline: "SURABAYA, Indonesia (Reuters) - ",
// "LIMA, June 3 (AP) - ".
var datelineRE = regexp.MustCompile(`^[A-Z][A-Z .'/-]+(?:, [A-Za-z0-9 ./]+)?(?: \([A-Za-z .]+\))? +[-—–]+ +`)

// datelineEnd returns the length of a dateline opening sent, or 0.
func datelineEnd(sent string) int {
	if loc := datelineRE.FindStringIndex(sent); loc != nil {
		return loc[1]
	}
	return 0
}

// locate returns the byte range of the answer in the fact's sentence, or
// -1, -1.
func locate(f quiz.Fact, ans string) (int, int) {
	s := f.Sentence
	lead := len(s) - len(strings.TrimLeft(s, " \t\n"))
	s = strings.TrimSpace(s)
	if st, en := f.SpanStart-lead, f.SpanEnd-lead; st >= 0 && en <= len(s) && st < en && unquote(s[st:en]) == ans &&
		(st == 0 || !isWordByte(s[st-1])) && (en == len(s) || !isWordByte(s[en])) {
		return st, en
	}
	if i := indexWord(s, ans); i >= 0 {
		return i, i + len(ans)
	}
	if i := indexWord(strings.ToLower(s), strings.ToLower(ans)); i >= 0 {
		return i, i + len(ans)
	}
	return -1, -1
}

// indexWord finds sub in s at word boundaries.
func indexWord(s, sub string) int {
	if sub == "" {
		return -1
	}
	from := 0
	for {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			return -1
		}
		i += from
		j := i + len(sub)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return i
		}
		from = i + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// baseSlots returns the slot values of f, with the answer slot empty (or set
// to value, for statements), or nil when the subject cannot stand alone.
func baseSlots(f quiz.Fact, answerSlot, sent string, start, end int, value ...string) slots {
	clean := func(v string) string {
		v = strings.TrimSpace(v)
		if hasPronoun(v) {
			return ""
		}
		return v
	}
	s := slots{
		"subject":     clean(f.Subject),
		"object":      clean(f.Object),
		"org":         clean(f.Org),
		"context":     clean(f.Context),
		"attribution": strings.TrimSpace(f.Attribution),
	}
	s["subject"] = sentenceCase(s["subject"], f.Sentence)
	if c := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(s["context"], "the "), "The ")); c != "" && strings.Contains(strings.ToLower(s["subject"]+" "+s["object"]+" "+s["org"]), c) {
		s["context"] = "" // already said
	}
	// A vague subject ("the talks") takes its meaning from the context.
	if answerSlot != "subject" && s["subject"] != "" && vague(s["subject"]) {
		ctx := s["context"]
		switch {
		case ctx != "" && strings.Contains(strings.ToLower(ctx), strings.ToLower(lastWord(s["subject"]))):
			s["subject"], s["context"] = ctx, ""
		case ctx != "" && prepositions[strings.ToLower(firstWord(ctx))]:
			s["subject"], s["context"] = withThe(s["subject"])+" "+ctx, ""
		default:
			s["subject"] = ""
		}
		if vague(s["subject"]) {
			s["subject"] = ""
		}
	}
	if answerSlot == "object" && s["object"] != "" && vague(s["object"]) && s["org"] == "" && s["context"] == "" {
		s["object"] = ""
	}
	ans, kind := f.Object, objectKind(f)
	switch answerSlot {
	case "subject":
		ans, kind = f.Subject, f.SubjectKind
	case "attribution":
		ans, kind = f.Attribution, quiz.KindOrganization
	case "span":
		if st, en := f.SpanStart, f.SpanEnd; st >= 0 && en <= len(f.Sentence) && st < en {
			ans = strings.TrimSpace(f.Sentence[st:en])
			if ans == strings.TrimSpace(f.Subject) {
				kind = f.SubjectKind
			} else if ans != strings.TrimSpace(f.Object) {
				kind = f.Kind
			}
		}
	}
	if pastVerbs[strings.ToLower(firstWord(s["subject"]))] != "" {
		s["subject"] = "" // "hosted failed ceasefire": a clause, not a noun phrase
	}
	if s["subject"] != "" && answerSlot != "subject" {
		if isEvent(s["subject"]) {
			s["event"] = s["subject"]
		} else {
			s["thing"] = s["subject"]
		}
	}
	if q := strings.Trim(s["object"], "\"“”"); len(words(q)) >= 4 && isCapitalized(q) && f.Relation == quiz.RelSaid {
		s["quote"] = q // a whole sentence, not a fragment like "disappointed"
	}
	s["when"] = when(ans, kind)
	s["role"] = roleNP(s["object"], s["org"])
	if answerSlot == "object" {
		s["role"] = ""
	}
	setTense(s, tenseOf(sent, start, end))
	s["kind"] = kindNoun(kind)
	v := ""
	if len(value) > 0 {
		v = value[0]
	}
	if answerSlot != "span" {
		s[answerSlot] = v
	}
	if answerSlot == "attribution" {
		// The source is the answer: the question must not name it.
		s["attribution"] = v
	}
	if start >= 0 && !dangling(sent) {
		// The template quotes the sentence: quotations in it nest as ‘ ’.
		s["blank"] = innerQuotes.Replace(blankExcerpt(sent, start, end))
		if v != "" {
			if c, cs, ce, ok := statementClause(sent, start, end); ok {
				s["sentence"] = c[:cs] + v + c[ce:]
			}
		}
		if hm := howMany(sent, start, end, kind); hm != "" {
			s["howmany"] = hm
		}
		if wq := clauseQuestion(sent, start, end, kind); wq != "" {
			s["whq"] = wq
		}
	}
	return s
}

// exclusions lists (normalized) values that must not be distractors: other
// true answers to the same question and words of the prompt.
func exclusions(f quiz.Fact, answerSlot, prompt string, p *pools) map[string]bool {
	ex := map[string]bool{}
	fs, fo, forg := quiz.NormalizeAnswer(f.Subject), quiz.NormalizeAnswer(f.Object), quiz.NormalizeAnswer(f.Org)
	for i, o := range p.facts {
		n := p.norms[i]
		sameKey := f.Key != "" && o.Key == f.Key
		if !sameKey && (o.Relation != f.Relation || n.org != forg) {
			continue
		}
		if answerSlot == "object" && (sameKey || n.subject == fs) {
			ex[n.object] = true
		}
		if answerSlot == "subject" && n.object == fo {
			ex[n.subject] = true
			if s := quiz.Surname(o.Subject); s != "" {
				ex[quiz.NormalizeAnswer(s)] = true
			}
		}
	}
	// Anything named in the prompt gives itself away.
	np := " " + quiz.NormalizeAnswer(prompt) + " "
	for _, vals := range p.byKind {
		for _, c := range vals {
			if c.norm != "" && strings.Contains(np, " "+c.norm+" ") {
				ex[c.norm] = true
			}
		}
	}
	return ex
}

// trivialAnswer reports answers not worth asking for: pronouns and generic
// words.
func trivialAnswer(ans string, kind quiz.Kind) bool {
	n := quiz.NormalizeAnswer(ans)
	if len(n) < 2 && !isDigits(n) || pronouns[n] || generic[n] {
		return true
	}
	if kind == quiz.KindCount && (n == "1" || n == "2") {
		return true // "the two nations", "one of them": rarely worth asking
	}
	return hasPronoun(ans) && len(words(ans)) <= 3
}

// trivial reports whether the prompt gives the answer away.
func trivial(prompt, ans string, kind quiz.Kind) bool {
	p := " " + quiz.NormalizeAnswer(strings.ReplaceAll(prompt, "_____", " ")) + " "
	a := quiz.NormalizeAnswer(ans)
	if a != "" && strings.Contains(p, " "+a+" ") {
		return true
	}
	if kind == quiz.KindPerson {
		if s := quiz.Surname(ans); s != "" && strings.Contains(p, " "+quiz.NormalizeAnswer(s)+" ") {
			return true
		}
	}
	return false
}

// acceptedForms lists the answers a short answer or cloze accepts: the
// answer, without a leading article, a person's surname, a number in digits
// and in words.
func acceptedForms(ans string, kind quiz.Kind) []string {
	out := []string{ans}
	add := func(v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		for _, o := range out {
			if strings.EqualFold(o, v) {
				return
			}
		}
		out = append(out, v)
	}
	for _, art := range []string{"the ", "The ", "a ", "an "} {
		if strings.HasPrefix(ans, art) {
			add(ans[len(art):])
		}
	}
	if kind == quiz.KindPerson {
		ws := words(ans)
		if len(ws) > 2 {
			// "Anna K. Lind" -> "Anna Lind"
			add(ws[0] + " " + ws[len(ws)-1])
		}
		add(quiz.Surname(ans))
	}
	if prefix, num, suffix, style, ok := splitNumber(ans); ok && numericKinds[kind] {
		switch style {
		case "word", "ordinal-word":
			add(strings.TrimSpace(prefix + num + suffix))
			if kind == quiz.KindCount || kind == quiz.KindOrdinal {
				add(num)
			}
		case "digits":
			n := strings.ReplaceAll(num, ",", "")
			if v, err := parseSmall(n); err == nil && v < len(numberWords) {
				add(strings.TrimSpace(prefix + numberWords[v] + suffix))
			}
		}
		if strings.TrimSpace(prefix) != "" {
			add(strings.TrimSpace(num + suffix))
		}
	}
	return out
}

func parseSmall(s string) (int, error) {
	n := 0
	if s == "" || len(s) > 3 {
		return 0, fmt.Errorf("not a small number: %q: %w", s, quiz.ErrInvalid)
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("not a small number: %q: %w", s, quiz.ErrInvalid)
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
}

// fragment reports a sentence that was split badly or is no prose: it
// opens with a lower-case word or stray punctuation ("NS) ended down"), or
// holds a table's cell separators.
func fragment(sent string) bool {
	r, _ := utf8.DecodeRuneInString(sent)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“‘'(", r) {
		return true
	}
	if c, o := strings.IndexByte(sent, ')'), strings.IndexByte(sent, '('); c >= 0 && (o < 0 || c < o) {
		return true
	}
	return strings.Count(sent, " | ") >= 2
}
