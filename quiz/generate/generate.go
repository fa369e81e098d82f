// Package generate turns an analysed article into quiz questions. Every
// phrase of every clause the extractor found worth asking about becomes a
// candidate: a wh-question made by turning its clause around the phrase
// (multiple choice with distractors of the answer's kind, or short
// answer), a cloze of the clause restated on its own, and a true/false
// statement regenerated from the clause (false ones swap the answer for
// another value of its kind from the article). Roles people hold get their
// own templates. Candidates are ranked by how central they are to the
// story; the best ones, at most one per source sentence, form the
// article's default deck, and the rest are kept in reserve.
//
// The wording is declarative (templates/*.yaml, see Template); what fills
// the templates comes from the parse. The output is a pure function of the
// input: the same article and pool always give the same questions.
package generate

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/extract"
	"factdeck/quiz/lexicon"
)

// Config configures a Generator.
type Config struct {
	// TemplateDir, when set, holds templates (*.yaml) that add to or
	// replace (by id) the embedded ones.
	TemplateDir string
	// Lexicon supplies cities, countries and other names for
	// distractors. Required.
	Lexicon *lexicon.Lexicon
}

// Generator makes questions. It is read-only after New and safe for
// concurrent use.
type Generator struct {
	templates []Template
	lx        *lexicon.Lexicon
	citiesOf  map[string][]string
}

// New returns a Generator with the embedded templates and those of
// cfg.TemplateDir.
func New(cfg Config) (*Generator, error) {
	if cfg.Lexicon == nil {
		return nil, fmt.Errorf("generate: no lexicon: %w", quiz.ErrInvalid)
	}
	ts, err := loadTemplates(cfg.TemplateDir)
	if err != nil {
		return nil, fmt.Errorf("load templates: %w", err)
	}
	g := &Generator{templates: ts, lx: cfg.Lexicon, citiesOf: map[string][]string{}}
	for _, c := range cfg.Lexicon.List(quiz.KindCity) {
		if _, country, ok := cfg.Lexicon.Place(c); ok && country != "" {
			g.citiesOf[country] = append(g.citiesOf[country], c)
		}
	}
	return g, nil
}

// Templates returns the generator's templates, highest priority first.
func (g *Generator) Templates() []Template {
	return append([]Template(nil), g.templates...)
}

// candidate is a question with what ranking needs.
type candidate struct {
	q     quiz.Question
	fact  int // index in Analysis.Facts
	sent  int
	score float64
	truth bool // a true statement (true/false)
}

// Questions returns the questions of an analysed article: the default deck
// first (best first), then the reserve (Question.Reserve set). pool holds
// values of other articles for distractors and may be nil. Each question's
// FactID is the provisional ID of its fact in an.Facts.
func (g *Generator) Questions(an *extract.Analysis, pool *Pool) []quiz.Question {
	if an == nil || an.Doc == nil {
		return nil
	}
	d := an.Doc
	local := localValues(d)
	var cands []candidate
	for i, t := range an.Targets {
		cands = append(cands, g.targetQuestions(an, i, t, local, pool)...)
	}
	for i, r := range an.Roles {
		cands = append(cands, g.roleQuestions(an, len(an.Targets)+i, r, local, pool)...)
	}
	kept := cands[:0]
	for _, c := range cands {
		f, ok := form(c.q)
		if !ok {
			continue
		}
		c.score += f
		c.q.Score = round3(c.score)
		c.q.ArticleID = d.Article.ID
		kept = append(kept, c)
	}
	cands = kept
	return selectDeck(cands, deckSize(d), hash64(d.Body, 3)%2 == 0)
}

// form scores how a question reads, apart from what it asks: short
// wh-questions on names and numbers read best, long prompts and blanks of
// common phrases worst. It reports false for a prompt that ends
// mid-phrase.
func form(q quiz.Question) (float64, bool) {
	p := strings.TrimRight(q.Prompt, "?.!” \"")
	last := strings.ToLower(p[strings.LastIndexByte(p, ' ')+1:])
	switch last {
	case "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that", "his", "her", "its", "their":
		return 0, false // "... the rules of the?"
	}
	sc := 0.0
	switch n := wordCount(q.Prompt); {
	case n <= 18:
		sc += 0.3
	case n > 25:
		sc -= 0.6
	}
	switch {
	case q.Type == quiz.MultipleChoice || q.Type == quiz.ShortAnswer:
		sc += 0.2
	case q.Template == "sentence-cloze":
		sc -= 0.3
	default:
		sc -= 0.1
	}
	if q.AnswerKind == quiz.KindOther {
		sc -= 0.4
	}
	if strings.Contains(q.Prompt, "Which organization") {
		sc -= 0.2
	}
	return sc, true
}

// deckSize is the number of questions in an article's default deck: about
// one per 40 words, at least 8 and at most 25.
func deckSize(d *extract.Doc) int {
	n := len(strings.Fields(d.Body)) / 40
	return max(8, min(25, n))
}

// localValues returns the article's values by kind, in order of first
// appearance: distractors and false statements come from them first.
func localValues(d *extract.Doc) map[quiz.Kind][]string {
	out := map[quiz.Kind][]string{}
	seen := map[string]bool{}
	add := func(k quiz.Kind, v string) {
		key := string(k) + "\x00" + quiz.NormalizeAnswer(v)
		if v == "" || seen[key] {
			return
		}
		seen[key] = true
		out[k] = append(out[k], v)
	}
	for _, e := range d.Entities {
		if e.Mentions > 0 {
			add(e.Kind, e.Name)
		}
	}
	for _, s := range d.Sents {
		for mi, m := range s.Mentions {
			if m.Entity < 0 {
				add(m.Kind, s.MentionText(mi))
			}
		}
	}
	return out
}

// targetQuestions makes the candidates for target t (fact fi).
func (g *Generator) targetQuestions(an *extract.Analysis, fi int, t extract.Target, local map[quiz.Kind][]string, pool *Pool) []candidate {
	d := an.Doc
	if g.trivial(d, t) {
		return nil
	}
	answer, accepted := answerOf(d, t)
	if answer == "" {
		return nil
	}
	s := d.Sents[t.Sent]
	base := salience(an, t)
	l, why := plan(d, t)
	if why != "" {
		// A cloze of the whole sentence, when it stands alone.
		if cl, ok := sentenceCloze(d, t); ok && !givesAway(strings.Replace(cl, "_____", "", 1), answer, t.Kind) {
			c := candidate{
				q: quiz.Question{
					FactID: an.Facts[fi].ID, Type: quiz.Cloze, Prompt: cl, Answer: answer, Accepted: accepted,
					AnswerKind: t.Kind, Sentence: s.Text(), Template: "sentence-cloze", Difficulty: 3,
				},
				fact: fi, sent: t.Sent, score: base - 0.5,
			}
			return []candidate{clozeOf(c, d, t)}
		}
		return nil
	}
	mk := func(ty quiz.QuestionType, prompt, tpl string, prio int) candidate {
		return candidate{
			q: quiz.Question{
				FactID: an.Facts[fi].ID, Type: ty, Prompt: prompt, Answer: answer,
				Accepted: accepted, AnswerKind: t.Kind, Sentence: s.Text(), Template: tpl,
				Difficulty: difficulty(t, ty),
			},
			fact: fi, sent: t.Sent, score: base + float64(prio)/100,
		}
	}
	var out []candidate
	for _, tpl := range g.templates {
		if !tpl.matchClause(l) {
			continue
		}
		wh, ok := l.fillWh(tpl.Wh)
		if !ok {
			continue
		}
		q, ok := l.question(wh)
		if !ok {
			continue
		}
		if givesAway(q, answer, t.Kind) {
			break
		}
		for _, ty := range tpl.Types {
			c := mk(ty, q, tpl.ID, tpl.Priority)
			switch ty {
			case quiz.MultipleChoice:
				opts, ok := g.options(an, t, answer, q, local, pool)
				if !ok {
					continue
				}
				c.q.Options = opts
			case quiz.ShortAnswer:
			default:
				continue
			}
			out = append(out, c)
		}
		break
	}
	st, stOK := l.statement("")
	if !stOK {
		if cl, ok := sentenceCloze(d, t); ok && !givesAway(strings.Replace(cl, "_____", "", 1), answer, t.Kind) {
			out = append(out, clozeOf(mk(quiz.Cloze, cl, "sentence-cloze", 20), d, t))
		}
	}
	if stOK {
		if cl, ok := l.statement("_____"); ok && strings.Count(cl, "_____") == 1 && !givesAway(strings.Replace(cl, "_____", "", 1), answer, t.Kind) {
			out = append(out, clozeOf(mk(quiz.Cloze, cl, "clause-cloze", 35), d, t))
		}
		if !sameText(st, s.Text()) {
			c := mk(quiz.TrueFalse, "True or false: "+st, "clause-statement", 30)
			c.q.Answer, c.q.Accepted, c.q.Options, c.truth = "True", []string{"True"}, []string{"True", "False"}, true
			out = append(out, c)
		}
		if v, ok := g.falseValue(an, t, answer, local); ok {
			if fs, ok := l.statement(v); ok {
				c := mk(quiz.TrueFalse, "True or false: "+fs, "clause-statement", 30)
				c.q.Answer, c.q.Accepted, c.q.Options = "False", []string{"False"}, []string{"True", "False"}
				out = append(out, c)
			}
		}
	}
	return out
}

// clozeOf makes c a cloze whose answer is the words blanked ("Kimsey" in
// "Mr. _____ said"), the full name still accepted, with its Anki form.
func clozeOf(c candidate, d *extract.Doc, t extract.Target) candidate {
	blank := strings.Join(strings.Fields(unquote.Replace(t.Text(d))), " ")
	if blank != "" && blank != c.q.Answer {
		c.q.Accepted = dedupe(append([]string{blank}, c.q.Accepted...))
		c.q.Answer = blank
	}
	c.q.Cloze = strings.Replace(c.q.Prompt, "_____", "{{c1::"+c.q.Answer+"}}", 1)
	return c
}

// sameText reports whether a statement repeats the sentence word for word.
func sameText(st, sent string) bool {
	return quiz.NormalizeAnswer(st) == quiz.NormalizeAnswer(sent)
}

// difficulty rates a question 1 (easy) to 3: recognition (true/false,
// multiple choice) is easier than recall.
func difficulty(t extract.Target, ty quiz.QuestionType) int {
	switch ty {
	case quiz.TrueFalse:
		return 1
	case quiz.MultipleChoice:
		return 2
	}
	return 3
}

// answerOf returns a target's answer as a learner should give it, and the
// other forms accepted: a person by full name (the surname alone is
// accepted), a number with its common spellings ("49%" for "49 percent").
func answerOf(d *extract.Doc, t extract.Target) (string, []string) {
	a := strings.TrimSpace(strings.Trim(t.Text(d), "\"“”‘’'"))
	a = strings.Join(strings.Fields(unquote.Replace(a)), " ") // "“severe” sanctions"
	if a == "" {
		return "", nil
	}
	acc := []string{a}
	if t.Entity >= 0 && t.Kind == quiz.KindPerson {
		if n := d.Entities[t.Entity].Name; len(n) > len(a) && strings.Contains(n, a) {
			a, acc = n, []string{n, acc[0]}
		}
		if sn := quiz.Surname(a); sn != "" && sn != a {
			acc = append(acc, sn)
		}
	}
	acc = append(acc, variants(a)...)
	return a, dedupe(acc)
}

// variants returns other common spellings of a value: "49%" and "49
// percent", "$5" and "5 dollars".
func variants(a string) []string {
	var out []string
	switch {
	case strings.HasSuffix(a, " percent"):
		out = append(out, strings.TrimSuffix(a, " percent")+"%", strings.TrimSuffix(a, " percent")+" per cent")
	case strings.HasSuffix(a, "%"):
		out = append(out, strings.TrimSuffix(a, "%")+" percent")
	case strings.HasPrefix(a, "$"):
		out = append(out, strings.TrimPrefix(a, "$")+" dollars")
	}
	return out
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// givesAway reports whether the prompt contains the answer (or, for a
// person, the surname).
func givesAway(prompt, answer string, k quiz.Kind) bool {
	np, na := " "+plainWords(prompt)+" ", plainWords(answer)
	if na == "" || strings.Contains(np, " "+na+" ") {
		return true
	}
	if k == quiz.KindPerson {
		if sn := plainWords(quiz.Surname(answer)); sn != "" && strings.Contains(np, " "+sn+" ") {
			return true
		}
	}
	return false
}

// plainWords normalizes s for comparison with possessive endings dropped:
// "AOL's" reads "aol".
func plainWords(s string) string {
	return quiz.NormalizeAnswer(possessives.Replace(s))
}

var unquote = strings.NewReplacer("\"", " ", "“", " ", "”", " ")

var possessives = strings.NewReplacer("'s", "", "’s", "", "s'", "s", "s’", "s")

// genericNouns are answers that carry no knowledge of the story.
var genericNouns = map[string]bool{
	"people": true, "thing": true, "things": true, "way": true, "ways": true, "time": true,
	"times": true, "lot": true, "part": true, "one": true, "some": true, "others": true,
	"number": true, "kind": true, "sort": true, "type": true, "fact": true, "place": true,
	"day": true, "year": true, "years": true, "days": true, "statement": true, "interview": true,
	"report": true, "reports": true, "news": true, "question": true, "questions": true,
	"issue": true, "issues": true, "problem": true, "case": true, "point": true, "end": true,
	"side": true, "area": true, "use": true, "work": true, "comment": true, "comments": true,
	"details": true, "information": true, "move": true, "step": true, "effort": true,
	"today": true, "yesterday": true, "tomorrow": true, "now": true, "here": true, "there": true,
	"lots": true, "half": true, "majority": true, "rest": true, "amount": true,
	"something": true, "anything": true, "everything": true, "nothing": true,
}

// trivial reports a target not worth asking: a weekday that only dates a
// statement ("said on Friday"), a nationality, a generic word.
func (g *Generator) trivial(d *extract.Doc, t extract.Target) bool {
	s := d.Sents[t.Sent]
	c := s.Clauses[t.Clause]
	switch t.Kind {
	case quiz.KindNationality:
		return true
	case quiz.KindWeekday, quiz.KindDate, quiz.KindTime:
		if extract.IsSpeech(s.Words[c.Pred].Lemma) && reports(s, c) {
			return true // "said on Friday"
		}
	case quiz.KindOther:
		txt := strings.ToLower(t.Text(d))
		if strings.ContainsAny(txt, ",;:()") || s.Words[t.Lo].UPOS == "ADP" || s.Words[t.Hi-1].UPOS == "ADP" {
			return true // a broken phrase
		}
		for j := t.Lo; j < t.Hi; j++ {
			if lw := s.Words[j].Lower(); lw == "such" || lw == "same" || lw == "other" {
				return true // "such systems" points elsewhere
			}
		}
		h := &s.Words[t.Head]
		if h.UPOS == "NUM" || genericNouns[strings.ToLower(h.Lemma)] {
			return true // "one of the reasons", "a lot of food"
		}
		if det := s.Kid(t.Head, "det"); det >= 0 {
			dw := s.Words[det].Lower()
			if vagueDet[dw] || t.Hi-t.Lo == 1 && (dw == "a" || dw == "an") {
				return true // "another factor", "an infant"
			}
		}
		if det := s.Kid(t.Head, "det"); t.Hi-t.Lo == 1 && det >= 0 && s.Words[det].Lower() == "the" {
			return true // "the team": which one is the question
		}
		if genericNouns[txt] || t.Hi-t.Lo == 1 && s.Words[t.Head].UPOS != "NOUN" && s.Words[t.Head].UPOS != "ADJ" {
			return true
		}
		if s.Words[t.Head].UPOS == "NOUN" && t.Hi-t.Lo == 1 && s.Words[t.Head].Feat("Number") == "Plur" && genericNouns[strings.ToLower(s.Words[t.Head].Lemma)] {
			return true
		}
	}
	if t.Role != extract.RoleMention && extract.IsSpeech(s.Words[c.Pred].Lemma) && (reports(s, c) || !s.HasKid(c.Pred, "obj")) {
		return true // "Who said?", "What did she say?": the speaker is asked through what was said
	}
	return false
}

// reports reports whether clause c reports speech: a verb of saying with
// what was said as its complement.
func reports(s *extract.Sentence, c extract.Clause) bool {
	return s.HasKid(c.Pred, "ccomp") || s.HasKid(c.Pred, "parataxis")
}

// salience scores how central a target is to the story: an early sentence,
// an entity mentioned often or in the headline, a name or number rather
// than a common noun, a main clause rather than an aside.
func salience(an *extract.Analysis, t extract.Target) float64 {
	d := an.Doc
	s := d.Sents[t.Sent]
	c := s.Clauses[t.Clause]
	sc := 1.5 * math.Exp(-float64(t.Sent)/5)
	if t.Entity >= 0 {
		sc += 0.35 * math.Log2(1+float64(d.Entities[t.Entity].Mentions))
	}
	if c.Subj >= 0 && s.Words[c.Subj].Ent >= 0 {
		sc += 0.2 * math.Log2(1+float64(d.Entities[s.Words[c.Subj].Ent].Mentions))
	}
	shared := 0
	for w := range headWords(s.Text()) {
		if d.Headline[w] {
			shared++
		}
	}
	sc += 0.15 * math.Min(float64(shared), 4)
	switch t.Kind {
	case quiz.KindPerson, quiz.KindOrganization, quiz.KindCity, quiz.KindCountry, quiz.KindRegion, quiz.KindPlace, quiz.KindMisc:
		sc += 0.6
	case quiz.KindCount, quiz.KindMoney, quiz.KindPercent, quiz.KindDuration, quiz.KindAge, quiz.KindScore, quiz.KindDate, quiz.KindTime:
		sc += 0.55
	case quiz.KindWeekday:
		sc += 0.1
	default:
		if t.Hi-t.Lo >= 2 {
			sc += 0.15
		}
	}
	switch t.Role {
	case extract.RoleSubject, extract.RoleObject, extract.RoleAgent, extract.RoleCount:
		sc += 0.3
	case extract.RoleOblique, extract.RoleManner, extract.RoleAge:
		sc += 0.2
	}
	switch c.Kind {
	case "root":
		sc += 0.3
	case "conj", "ccomp", "parataxis":
		sc += 0.15
	}
	return sc
}

// headWords returns the content words of a sentence, lower case.
func headWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if len(w) > 3 {
			m[w] = true
		}
	}
	return m
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// selectDeck orders candidates into the default deck (at most one question
// per source sentence, best facts first, types mixed) followed by the
// reserve (the best remaining question of every other fact).
func selectDeck(cands []candidate, n int, trueFirst bool) []quiz.Question {
	byFact := map[int][]int{}
	var facts []int
	for i, c := range cands {
		if _, ok := byFact[c.fact]; !ok {
			facts = append(facts, c.fact)
		}
		byFact[c.fact] = append(byFact[c.fact], i)
	}
	best := func(f int) float64 {
		b := -1e9
		for _, i := range byFact[f] {
			b = math.Max(b, cands[i].score)
		}
		return b
	}
	sort.SliceStable(facts, func(a, b int) bool {
		sa, sb := best(facts[a]), best(facts[b])
		if sa != sb {
			return sa > sb
		}
		return facts[a] < facts[b]
	})
	usedSent := map[int]bool{}
	usedAnswer := map[string]int{}
	inDeck := map[int]int{} // fact -> the candidate in the deck
	var deck, reserve []quiz.Question
	trueN, falseN, clozeN := 0, 0, 0
	if !trueFirst {
		trueN = 1 // the first statement of this article is a false one
	}
	for _, f := range facts {
		if len(deck) == n {
			break
		}
		is := byFact[f]
		c0 := cands[is[0]]
		if usedSent[c0.sent] {
			continue
		}
		key := quiz.NormalizeAnswer(c0.q.Answer)
		if usedAnswer[key] >= 2 {
			continue // the same answer a third time says little new
		}
		pick := pickType(cands, is, len(deck), trueN, falseN)
		if pick < 0 {
			continue
		}
		c := cands[pick]
		// Blanks and statements are a fifth of a deck each at most: a deck
		// is mostly questions.
		if c.q.Type == quiz.Cloze && clozeN >= max(1, n/5) || c.q.Type == quiz.TrueFalse && trueN+falseN >= max(1, n/4) {
			continue
		}
		if c.q.Type == quiz.Cloze {
			clozeN++
		}
		if c.q.Type == quiz.TrueFalse {
			if c.truth {
				trueN++
			} else {
				falseN++
			}
		}
		usedSent[c.sent] = true
		usedAnswer[key]++
		inDeck[f] = pick
		deck = append(deck, c.q)
	}
	for _, f := range facts {
		// The best question of the fact that is not true/false, unless the
		// deck has it.
		bi := -1
		for _, i := range byFact[f] {
			if cands[i].q.Type == quiz.TrueFalse {
				continue
			}
			if d, ok := inDeck[f]; ok && cands[d].q.Type != quiz.TrueFalse {
				bi = -1
				break
			}
			if bi < 0 || typeRank(cands[i].q.Type) < typeRank(cands[bi].q.Type) {
				bi = i
			}
		}
		if bi >= 0 {
			q := cands[bi].q
			q.Reserve = true
			reserve = append(reserve, q)
		}
	}
	sort.SliceStable(reserve, func(a, b int) bool { return reserve[a].Score > reserve[b].Score })
	if len(reserve) > maxReserve {
		reserve = reserve[:maxReserve]
	}
	// The deck keeps its rank order in Score.
	for i := range deck {
		deck[i].Score = round3(float64(len(deck)-i) + 100)
	}
	return append(deck, reserve...)
}

// maxReserve bounds the reserve of one article.
const maxReserve = 300

// typeRank orders question types for the reserve: a question that asks
// is better than a blank.
func typeRank(t quiz.QuestionType) int {
	switch t {
	case quiz.MultipleChoice:
		return 0
	case quiz.ShortAnswer:
		return 1
	case quiz.Cloze:
		return 2
	}
	return 3
}

// pickType chooses which of a fact's questions joins the deck at position
// pos: mostly wh-questions (multiple choice first), about one in five a
// true/false statement (keeping true and false near even) and about one in
// seven a cloze.
func pickType(cands []candidate, is []int, pos, trueN, falseN int) int {
	find := func(ok func(c candidate) bool) int {
		for _, i := range is {
			if ok(cands[i]) {
				return i
			}
		}
		return -1
	}
	wantTF := pos%5 == 4
	wantCloze := pos%7 == 3
	if wantTF {
		wantTrue := trueN <= falseN
		if i := find(func(c candidate) bool { return c.q.Type == quiz.TrueFalse && c.truth == wantTrue }); i >= 0 {
			return i
		}
	}
	if wantCloze {
		if i := find(func(c candidate) bool { return c.q.Type == quiz.Cloze }); i >= 0 {
			return i
		}
	}
	for _, ty := range []quiz.QuestionType{quiz.MultipleChoice, quiz.ShortAnswer, quiz.Cloze} {
		if i := find(func(c candidate) bool { return c.q.Type == ty }); i >= 0 {
			return i
		}
	}
	wantTrue := trueN <= falseN
	if i := find(func(c candidate) bool { return c.q.Type == quiz.TrueFalse && c.truth == wantTrue }); i >= 0 {
		return i
	}
	return -1
}
