package generate

// This file turns a laid-out clause into a wh-question: the question phrase
// comes from the answer's kind, role and preposition ("In which city", "How
// many drones", "By what percentage"); a subject is asked in place; any
// other phrase is fronted, with subject-auxiliary inversion or do-support
// by the clause's tense and agreement; a passive stays passive, except that
// its agent is asked as the subject of the active ("Who heads the
// agency?"). A reported clause keeps its source ("According to the
// ministry, ...").

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdeck/quiz"
	"factdeck/quiz/extract"
)

// classNoun returns the noun for "Which ...?" about the target: the class
// the article gives its entity, or the noun of its kind.
func (l *layout) classNoun() string {
	t := l.t
	if t.Entity >= 0 {
		if c := l.d.Entities[t.Entity].Class; c != "" && !personNoun(c) {
			return c
		}
	}
	switch t.Kind {
	case quiz.KindOrganization:
		return "organization"
	case quiz.KindNationality:
		return "nationality"
	}
	return ""
}

// howMany returns "How many drones", with the counted noun phrase and its
// preposition and qualifier ("About how many", "In how many states").
func (l *layout) howMany() (string, bool) {
	s, t := l.s, l.t
	if t.Phrase == t.Head {
		return "How many", true // a bare number
	}
	lo, hi := s.PhraseBounds(t.Phrase)
	var idx []int
	qual := ""
	for j := lo; j < hi; j++ {
		w := &s.Words[j]
		switch {
		case j >= t.Lo && j < t.Hi:
		case !l.answer[j]:
			// a phrase the question keeps in place ("by Saturday
			// evening" after "grown"), not in "how many ..."
		case s.Dominates(t.Head, j) && (s.Rel(j) == "advmod" || s.Rel(j) == "case" || s.Rel(j) == "fixed"):
			if qual == "" {
				qual = w.Lower()
			} else {
				qual += " " + w.Lower()
			}
		case w.UPOS == "DET" && s.Words[j].Head == t.Phrase:
		default:
			idx = append(idx, j)
		}
	}
	for _, j := range idx {
		if s.Words[j].Text == "'s" || s.Words[j].Text == "’s" {
			return "", false // "the two country's airlines": the number counts an owner
		}
	}
	noun, ok := render(l.d, s, idx, nil)
	if !ok || noun == "" {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(noun); !unicode.IsLetter(r) || strings.ContainsAny(strings.Fields(noun)[0], "$€£¥%") {
		return "", false // "C$ 21.07" read as 21.07 of "C$": an amount, not things counted
	}
	noun = lowerFirstUnlessName(s, idx, noun)
	wh := "how many " + noun
	switch qual {
	case "":
	case "about", "around", "roughly", "approximately":
		wh = qual + " " + wh // "About how many people ...?"
	case "nearly", "almost", "some", "over", "more than", "at least", "less than", "fewer than", "up to", "under":
		l.answerQual = qual // "How many miles ...?": "more than 40"
	}
	if t.Case != "" && !strings.Contains(t.Case, " ") {
		wh = t.Case + " " + wh
	}
	return capitalize(wh), true
}

func lowerFirstUnlessName(s *extract.Sentence, idx []int, txt string) string {
	if startsWithName(s, idx) || len(idx) == 0 {
		return txt
	}
	// The text may open with a name put in place of the words ("the
	// union's" rendered as its name's possessive): only the sentence's own
	// opening word is lowered.
	first, _, _ := strings.Cut(txt, " ")
	if !strings.EqualFold(first, s.Words[idx[0]].Text) {
		return txt
	}
	// A capitalized word before another that opens a sentence is a name
	// the tagger took for a noun ("Velmar Freight earned ..."), unless it
	// is a word of the closed classes ("The European Union").
	if w := &s.Words[idx[0]]; len(idx) > 1 && idx[1] == idx[0]+1 && upperFirst(s.Words[idx[1]].Text) && !closedClass[w.UPOS] {
		return txt
	}
	return lowerFirst(txt)
}

// closedClass are the parts of speech whose words are no names.
var closedClass = map[string]bool{"DET": true, "ADP": true, "PRON": true, "CCONJ": true, "SCONJ": true, "AUX": true, "PART": true, "NUM": true, "ADV": true}

// question realizes the wh-question for the layout's target around the
// question phrase wh.
func (l *layout) question(wh string) (string, bool) {
	if l.nested {
		return "", false
	}
	var q string
	ok := false
	switch {
	case l.t.Role == extract.RoleAge:
		return l.ageQuestion()
	case l.t.Role == extract.RoleAgent:
		q, ok = l.activeQuestion(wh)
	case l.t.Role == extract.RoleSubject || l.t.Role == extract.RoleCount && l.countIsSubject():
		q, ok = l.subjectQuestion(wh)
	case l.t.Role == extract.RoleInside:
		q, ok = l.insideQuestion(wh)
	default:
		q, ok = l.frontedQuestion(wh)
	}
	if !ok {
		return "", false
	}
	return l.finishQuestion(q)
}

// countIsSubject reports a counted noun phrase that is the subject ("71
// drones were launched").
func (l *layout) countIsSubject() bool {
	return l.c.Subj >= 0 && l.c.OwnSubj && l.t.Phrase == l.c.Subj
}

// finishQuestion adds the source, capitalizes and checks the question.
func (l *layout) finishQuestion(q string) (string, bool) {
	q = tidy(q)
	if strayWh(q) {
		return "", false // "Who did say what?": a second question word
	}
	if l.source != "" {
		q = "According to " + l.source + ", " + lowerFirstQuestion(q)
	}
	q = capitalize(strings.TrimRight(q, " .,;:!?")) + "?"
	if !balanced(q) || wordCount(q) > maxPromptWords {
		return "", false
	}
	return q, true
}

// strayWh reports a question with a question word after its first phrase
// ("... say after the play what?"), the sign of a clause that did not turn
// around cleanly.
func strayWh(q string) bool {
	if strings.HasSuffix(strings.TrimRight(q, "?."), " what") {
		return true
	}
	n := 0
	for _, w := range strings.Fields(strings.ToLower(q)) {
		switch strings.Trim(w, ",.?;:") {
		case "what", "who", "whom", "whose", "which", "why", "how", "when", "where":
			n++
		}
	}
	return n > 1
}

// lowerFirstQuestion lower-cases the question word that follows "According
// to X, ".
func lowerFirstQuestion(q string) string {
	first, _, _ := strings.Cut(q, " ")
	if first == "I" || strings.ToUpper(first) == first && len(first) > 1 {
		return q // "I", "NATO"
	}
	for _, r := range first[1:] {
		if r >= 'A' && r <= 'Z' {
			return q // "McKay", "iPhone"-like names
		}
	}
	switch strings.ToLower(first) {
	case "who", "what", "which", "where", "when", "how", "whom", "whose", "why":
		return lowerFirst(q)
	}
	if lf := strings.ToLower(first); first == capitalize(lf) && isQuestionOpener(lf) {
		return lowerFirst(q)
	}
	return q
}

// isQuestionOpener reports the prepositions and words a question phrase
// may begin with ("At what time", "About how many").
func isQuestionOpener(w string) bool {
	switch w {
	case "by", "in", "on", "at", "to", "for", "from", "with", "within", "since", "about", "more", "of",
		"after", "before", "until", "over", "under", "into", "during", "against", "as", "around",
		"nearly", "almost", "some", "roughly", "approximately", "less", "fewer", "up", "below", "above",
		"behind", "beside", "alongside", "through", "across", "near", "toward", "towards", "among", "between":
		return true
	}
	return false
}

// maxPromptWords bounds a question's length.
const maxPromptWords = 35

// subjectQuestion asks for the subject in place: "Who heads the agency?".
func (l *layout) subjectQuestion(wh string) (string, bool) {
	c := l.c
	parts := []string{wh}
	repl := map[int]string{}
	// "Who" and "What" agree in the singular: "Exports are rising" asks
	// "What is rising?".
	plural := l.s.Words[c.Subj].Feat("Number") == "Plur" || l.s.HasKid(c.Subj, "conj")
	if (wh == "Who" || wh == "What") && plural {
		l.singular(repl)
	}
	for _, a := range c.Aux {
		parts = append(parts, l.word(a, repl))
	}
	if c.Cop >= 0 {
		parts = append(parts, l.word(c.Cop, repl))
	}
	if c.Neg >= 0 {
		parts = append(parts, negWord(l.s.Words[c.Neg].Lower()))
	}
	idx := append(append(append([]int{}, l.mid...), l.post...), l.pre...)
	rest, ok := l.rest(repl)
	if !ok || rest == "" || !l.hasContentBeyond(idx, c.Pred) {
		return "", false // "Who said?" asks nothing
	}
	return strings.Join(append(parts, rest), " "), true
}

// hasContentBeyond reports whether idx holds a noun, name, number or
// adjective other than the predicate p: "Who fought on?" asks too little.
func (l *layout) hasContentBeyond(idx []int, p int) bool {
	for _, j := range idx {
		if j == p || l.answer[j] {
			continue
		}
		switch l.s.Words[j].UPOS {
		case "NOUN", "PROPN", "NUM", "ADJ", "PRON":
			return true
		}
	}
	return false
}

// singular re-inflects the first auxiliary, copula or verb for a singular
// question subject.
func (l *layout) singular(repl map[int]string) {
	c := l.c
	first := c.Pred
	if len(c.Aux) > 0 {
		first = c.Aux[0]
	} else if c.Cop >= 0 {
		first = c.Cop
	}
	w := &l.s.Words[first]
	switch w.Lower() {
	case "are":
		repl[first] = "is"
	case "were":
		repl[first] = "was"
	case "have":
		repl[first] = "has"
	case "do":
		repl[first] = "does"
	default:
		if w.XPOS == "VBP" {
			repl[first] = thirdPerson(strings.ToLower(w.Lemma))
		}
	}
}

// insideQuestion asks for a name inside the subject, in place: "Unrest in
// which country left investors wary?".
func (l *layout) insideQuestion(wh string) (string, bool) {
	c := l.c
	s := l.s
	var idx []int
	for j := range l.subjWords {
		idx = append(idx, j)
	}
	sort.Ints(idx)
	repl := map[int]string{}
	lo, hi := s.Span(l.t.Head)
	first := true
	for j := lo; j < hi; j++ {
		if first {
			repl[j] = wh
			first = false
		} else {
			repl[j] = ""
		}
	}
	// The case marker of the name moves into the question phrase.
	if cm := s.Kid(l.t.Head, "case"); cm >= 0 && s.Words[l.t.Head].Rel != "nmod:poss" {
		repl[cm] = ""
		if lo > cm {
			// already inside [lo, hi) when the span starts at the case
		}
	}
	if s.Words[l.t.Head].Rel == "nmod:poss" {
		if pm := s.Kid(l.t.Head, "case"); pm >= 0 {
			repl[pm] = ""
		}
	}
	subj, ok := render(l.d, s, dropBracketed(s, idx), repl)
	if !ok || !strings.Contains(subj, wh) {
		return "", false
	}
	if !startsWithName(s, idx) || strings.HasPrefix(subj, wh) {
		subj = capitalize(subj)
	}
	parts := []string{subj}
	for _, a := range c.Aux {
		parts = append(parts, l.word(a, nil))
	}
	if c.Cop >= 0 {
		parts = append(parts, l.word(c.Cop, nil))
	}
	if c.Neg >= 0 {
		parts = append(parts, negWord(l.s.Words[c.Neg].Lower()))
	}
	rest, ok := l.rest(nil)
	if !ok {
		return "", false
	}
	return strings.Join(append(parts, rest), " "), true
}

// frontedQuestion fronts the question phrase with subject-auxiliary
// inversion: "Where will the summit take place?", "How many drones did
// the army launch?".
func (l *layout) frontedQuestion(wh string) (string, bool) {
	c, s := l.c, l.s
	if l.subj == "" || !l.finite {
		return "", false
	}
	repl := map[int]string{}
	var aux string
	var restAux []string
	switch {
	case len(c.Aux) > 0:
		aux = auxWord(s.Words[c.Aux[0]].Lower())
		for _, a := range c.Aux[1:] {
			restAux = append(restAux, l.word(a, nil))
		}
		if c.Cop >= 0 {
			restAux = append(restAux, l.word(c.Cop, nil))
		}
	case c.Cop >= 0:
		aux = auxWord(s.Words[c.Cop].Lower())
	case strings.EqualFold(s.Words[c.Pred].Lemma, "be"):
		aux = s.Words[c.Pred].Lower()
		repl[c.Pred] = ""
	default:
		w := &s.Words[c.Pred]
		switch {
		case w.Feat("Tense") == "Past" || w.XPOS == "VBD":
			aux = "did"
		case w.XPOS == "VBZ" || w.Feat("Person") == "3" && w.Feat("Number") == "Sing":
			aux = "does"
		default:
			aux = "do"
		}
		repl[c.Pred] = strings.ToLower(w.Lemma)
	}
	parts := []string{wh, aux, l.subj}
	parts = append(parts, restAux...)
	if c.Neg >= 0 {
		parts = append(parts, negWord(s.Words[c.Neg].Lower()))
	}
	rest, ok := l.rest(repl)
	if !ok {
		return "", false
	}
	if rest != "" {
		parts = append(parts, rest)
	}
	return strings.Join(parts, " "), true
}

// activeQuestion asks for a passive's agent as the subject of the active
// clause: "the agency, headed by Ana Ruiz" asks "Who heads the agency?";
// "the bridge was built by Acme" asks "Which company built the bridge?".
func (l *layout) activeQuestion(wh string) (string, bool) {
	c, s := l.c, l.s
	if l.subj == "" {
		return "", false
	}
	lemma := strings.ToLower(s.Words[c.Pred].Lemma)
	var verb string
	var auxes []string
	for _, a := range c.Aux {
		if s.Words[a].Rel == "aux:pass" {
			continue
		}
		auxes = append(auxes, s.Words[a].Lower())
	}
	pass := ""
	for _, a := range c.Aux {
		if s.Words[a].Rel == "aux:pass" {
			pass = s.Words[a].Lower()
		}
	}
	switch {
	case len(auxes) > 0:
		last := auxes[len(auxes)-1]
		switch last {
		case "have", "has", "had":
			verb = s.Words[c.Pred].Lower() // the participle
		default:
			verb = lemma
		}
		if pass == "being" {
			return "", false
		}
	case pass == "is" || pass == "are" || pass == "am":
		verb = thirdPerson(lemma)
	case pass == "was" || pass == "were" || c.Kind == "acl" || pass == "":
		verb = past(lemma)
	default:
		return "", false
	}
	obj := l.subj
	parts := []string{wh}
	parts = append(parts, auxes...)
	if c.Neg >= 0 {
		parts = append(parts, negWord(s.Words[c.Neg].Lower()))
	}
	parts = append(parts, verb)
	// Particles stay with the verb: "Who set up the fund?".
	repl := map[int]string{c.Pred: ""}
	for _, k := range s.Kids(c.Pred) {
		if s.Words[k].Rel == "compound:prt" {
			parts = append(parts, s.Words[k].Lower())
			repl[k] = ""
		}
	}
	parts = append(parts, obj)
	rest, ok := l.rest(repl)
	if !ok {
		return "", false
	}
	if rest != "" {
		parts = append(parts, rest)
	}
	return strings.Join(parts, " "), true
}

// ageQuestion asks how old the subject is: "Ana Ruiz, 42, ..." asks "How
// old is Ana Ruiz?".
func (l *layout) ageQuestion() (string, bool) {
	if l.t.Entity < 0 && l.c.Subj < 0 {
		return "", false
	}
	s := l.s
	h := s.Words[l.t.Head].Head
	if l.t.Head == l.c.Pred {
		h = l.c.Subj // "She was 88."
	}
	if h < 0 || s.Words[h].Ent < 0 {
		return "", false
	}
	name := l.d.Entities[s.Words[h].Ent].Name
	verb := "is"
	cop := l.c.Cop
	if cop < 0 && len(l.c.Aux) > 0 {
		cop = l.c.Aux[0]
	}
	if cop >= 0 && s.Words[cop].Feat("Tense") == "Past" || s.Words[l.c.Pred].Feat("Tense") == "Past" || dead(l.d, s.Words[h].Ent) {
		verb = "was" // "He was 76.", or the age of someone who died
	}
	if dead(l.d, s.Words[h].Ent) {
		// "How old was she?" asks at what point; an obituary's age is at
		// death.
		return l.finishQuestion("At what age did " + name + " die")
	}
	return l.finishQuestion("How old " + verb + " " + name)
}

// rest renders the predicate's kept words after the subject: those
// between subject and predicate, from the predicate on, then those that
// stood before the subject ("On Monday, ..." ends the question: "... on
// Monday?").
func (l *layout) rest(repl map[int]string) (string, bool) {
	main, ok := l.words(append(append([]int{}, l.mid...), l.post...), repl)
	if !ok {
		return "", false
	}
	if len(l.pre) == 0 {
		return main, true
	}
	pre, ok := l.words(l.pre, repl)
	if !ok {
		return "", false
	}
	if pre != "" && !startsWithName(l.s, l.pre) {
		pre = lowerFirst(pre)
	}
	return strings.TrimSpace(main + " " + pre), true
}

// words renders the kept words idx with replacements.
func (l *layout) words(idx []int, repl map[int]string) (string, bool) {
	var keep []int
	for _, j := range idx {
		if !l.answer[j] || l.t.Role == extract.RoleInside {
			keep = append(keep, j)
		}
	}
	return renderKeeping(l.d, l.s, keep, repl, l.subjEnt())
}

// word renders one word, replaced or resolved.
func (l *layout) word(j int, repl map[int]string) string {
	if r, ok := repl[j]; ok {
		return r
	}
	w := &l.s.Words[j]
	switch w.Lower() {
	case "'s":
		return "is"
	case "'re":
		return "are"
	case "'ll":
		return "will"
	case "'ve":
		return "have"
	case "'d":
		return "would"
	case "ca":
		return "can"
	case "wo":
		return "will"
	}
	return w.Lower()
}

// auxWord spells out a contracted auxiliary.
func auxWord(a string) string {
	switch a {
	case "'s":
		return "is"
	case "'re":
		return "are"
	case "'ll", "wo":
		return "will"
	case "'ve":
		return "have"
	case "'d":
		return "would"
	case "ca":
		return "can"
	}
	return a
}

func negWord(n string) string {
	if n == "n't" {
		return "not"
	}
	return n
}

// balanced reports whether quotation marks and brackets pair up.
func balanced(q string) bool {
	if strings.Count(q, "“") != strings.Count(q, "”") || strings.Count(q, "\"")%2 != 0 ||
		strings.Count(q, "(") != strings.Count(q, ")") || strings.Count(q, "[") != strings.Count(q, "]") {
		return false
	}
	return true
}
