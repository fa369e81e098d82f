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
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"factdeck/quiz"
	"factdeck/quiz/extract"
	"factdeck/quiz/lexicon"
	"factdeck/quiz/syntax"
)

// Config configures a Generator.
type Config struct {
	// TemplateDir, when set, holds templates (*.yaml) that add to or
	// replace (by id) the embedded ones.
	TemplateDir string
	// Lexicon supplies cities, countries and other names for
	// distractors. Required.
	Lexicon *lexicon.Lexicon
	// Syntax, when set, parses every question again to check that it reads
	// as one well-formed sentence.
	Syntax *syntax.Model
	// Ranker weighs how acceptable a question is; nil is the embedded one.
	Ranker *Ranker
}

// Generator makes questions. It is read-only after New and safe for
// concurrent use.
type Generator struct {
	templates []Template
	lx        *lexicon.Lexicon
	syn       *syntax.Model
	citiesOf  map[string][]string
	ranker    *Ranker
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
	rk := cfg.Ranker
	if rk == nil {
		if rk, err = defaultRanker(); err != nil {
			return nil, fmt.Errorf("load ranker: %w", err)
		}
	}
	g := &Generator{templates: ts, lx: cfg.Lexicon, syn: cfg.Syntax, citiesOf: map[string][]string{}, ranker: rk}
	for _, c := range cfg.Lexicon.List(quiz.KindCity) {
		if _, country, ok := cfg.Lexicon.Place(c); ok && country != "" {
			g.citiesOf[country] = append(g.citiesOf[country], c)
		}
	}
	return g, nil
}

// candidate is a question with what ranking needs.
type candidate struct {
	q     quiz.Question
	fact  int // index in Analysis.Facts
	sent  int
	score float64
	truth bool // a true statement (true/false)
	// weak marks a question that may be sound but is not sure enough to be
	// served by default: it stays in the reserve.
	weak bool
	// level is how far a sentence cloze cut its sentence (0: not at all).
	level int
	// hard marks a weak candidate that no deck takes, even a small one:
	// a trivial or unfair blank; soft one that only a small deck takes.
	hard, soft bool
	// lastResort marks a cloze kept out of decks only for a description
	// its sentence leaves unresolved ("the service had lost _____"): an
	// article that has no other question serves its best one.
	lastResort bool
	// flags names the checks that fired for it (see fired); features all
	// that the ranker weighs; accept its estimate that a judge accepts the
	// question and value how useful they find it.
	flags         fired
	features      []string
	accept, value float64
}

// Questions returns the questions of an analysed article: the default deck
// first (best first), then the reserve (Question.Reserve set). pool holds
// values of other articles for distractors and may be nil. Each question's
// FactID is the provisional ID of its fact in an.Facts.
func (g *Generator) Questions(an *extract.Analysis, pool *Pool) []quiz.Question {
	if an == nil || an.Doc == nil {
		return nil
	}
	cands := g.candidates(an, pool)
	return selectDeck(cands, deckSize(an.Doc), hash64(an.Doc.Body, 3)%2 == 0)
}

// Candidates returns every question the generator makes of an analysed
// article, served or not, with the features the ranker weighs, in no
// particular order. cmd/ranktrain trains on them.
func (g *Generator) Candidates(an *extract.Analysis, pool *Pool) []Candidate {
	if an == nil || an.Doc == nil {
		return nil
	}
	cs := g.candidates(an, pool)
	out := make([]Candidate, len(cs))
	for i, c := range cs {
		out[i] = Candidate{Question: c.q, Features: c.features, Accept: c.accept}
	}
	return out
}

// candidates makes every question of an analysed article, scored.
func (g *Generator) candidates(an *extract.Analysis, pool *Pool) []candidate {
	d := an.Doc
	local := localValues(d)
	ck := g.checker()
	ck.contested = contested(an)
	ck.datelinePlaces = g.datelinePlaces(d)
	var cands []candidate
	for i, t := range an.Targets {
		cands = append(cands, g.targetQuestions(ck, an, i, t, local, pool)...)
	}
	for i, r := range an.Roles {
		cands = append(cands, g.roleQuestions(an, len(an.Targets)+i, r, local, pool)...)
	}
	for i, ds := range an.Descriptions {
		cands = append(cands, g.descriptionQuestions(ck, an, len(an.Targets)+len(an.Roles)+i, ds, local)...)
	}
	kept := cands[:0]
	checked := map[string]bool{}
	ents := newEntityIndex(d)
	for _, c := range cands {
		f, ok := form(c.q)
		if !ok || unclosedAside(c.q.Prompt, c.q.Sentence) {
			continue
		}
		// A blank glued to a hyphen ("a _____-year-old company") reads as
		// a broken word: no deck takes it.
		if c.q.Type == quiz.Cloze && (strings.Contains(c.q.Prompt, "_____-") || strings.Contains(c.q.Prompt, "-_____")) {
			c.weak, c.hard = true, true
			c.flags.add("cloze-hard:glued")
		}
		// A restated prompt must parse cleanly to be served; one in the
		// reserve anyway, or a sentence as written, needs no check.
		if !c.weak && (c.q.Type == quiz.Cloze && c.q.Template != "sentence-cloze" || c.q.Type == quiz.TrueFalse) {
			clean, seen := checked[c.q.Prompt]
			if !seen {
				clean = ck.parseClean(c.q.Prompt)
				checked[c.q.Prompt] = clean
			}
			c.weak = c.weak || !clean
		}
		c.score += f
		c.q.ArticleID = d.Article.ID
		c.features = append(features(c), docFeatures(d, ents, c)...)
		c.accept, c.value = g.ranker.Accept(c.features), g.ranker.Value(c.features)
		c.q.Score = round3(c.rank())
		kept = append(kept, c)
	}
	return kept
}

// cutFillAt is the least acceptability of a sentence cut to its clause
// that fills a deck: cross-validated, those between fillAt and it were
// accepted about half the time, those above it three times in four.
const cutFillAt = 0.65

// fillAt is the least acceptability of a question that fills a deck too
// small for its article: below it judges accepted about half.
const fillAt = 0.5

// rank orders candidates: how useful a judge would find the question,
// then how central its fact is.
func (c candidate) rank() float64 { return c.value + 0.05*c.score }

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
	if transitiveOnly[last] && adverbialWh(q.Prompt) {
		return 0, false // "In which year did she make?": made what, the question lost
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

// transitiveOnly are verbs that cannot end a clause without their object.
var transitiveOnly = map[string]bool{
	"make": true, "take": true, "give": true, "find": true, "hold": true, "build": true,
	"bring": true, "put": true, "get": true, "buy": true, "send": true, "cause": true,
	"produce": true, "reach": true, "need": true, "want": true, "use": true, "keep": true,
	"offer": true, "include": true, "require": true, "provide": true, "receive": true,
	"contain": true, "describe": true, "announce": true,
}

// adverbialWh reports a question that asks for when, where, how long or
// why, not for the verb's object.
func adverbialWh(p string) bool {
	for _, w := range []string{"When ", "Where ", "Why ", "In which ", "On which ", "In what ", "At what ", "For how long ", "How long ", "Since when "} {
		if strings.HasPrefix(p, w) {
			return true
		}
	}
	return false
}

// asideRE matches a short aside between commas: ", 57,", ", a nurse,".
var asideRE = regexp.MustCompile(`, ([^,;:()“”"]{1,30}),`)

// unclosedAside reports a prompt that keeps an aside of its sentence
// without the comma that closed it: "Lee, 57, a former nurse, will lead"
// cut to "Lee, 57 will lead".
func unclosedAside(prompt, sentence string) bool {
	for _, m := range asideRE.FindAllStringSubmatch(sentence, -1) {
		open := ", " + m[1]
		for i := strings.Index(prompt, open); i >= 0; {
			rest := prompt[i+len(open):]
			if len(rest) > 1 && rest[0] == ' ' && unicode.IsLetter(rune(rest[1])) {
				return true
			}
			j := strings.Index(rest, open)
			if j < 0 {
				break
			}
			i += len(open) + j
		}
	}
	return false
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
func (g *Generator) targetQuestions(ck *checker, an *extract.Analysis, fi int, t extract.Target, local map[quiz.Kind][]string, pool *Pool) []candidate {
	d := an.Doc
	if g.trivial(d, t) {
		return nil
	}
	answer, accepted := answerOf(g.lx, d, t)
	if answer == "" {
		return nil
	}
	s := d.Sents[t.Sent]
	base := salience(an, t)
	var out []candidate
	if captionLike(d, s) {
		// A photo caption left in the text: its questions stay in the
		// reserve.
		defer func() {
			for i := range out {
				out[i].weak = true
			}
		}()
	}
	// A cloze of the sentence as written (or without its asides) reads as
	// well as the article: it serves by default when it asks for a name or
	// a number worth knowing.
	if cl, level, why := ck.sentenceClozeWhy(d, t); why == "" && !givesAway(strings.Replace(cl, "_____", "", 1), answer, t.Kind) {
		c := candidate{
			q: quiz.Question{
				FactID: an.Facts[fi].ID, Type: quiz.Cloze, Prompt: cl, Answer: answer, Accepted: accepted,
				AnswerKind: t.Kind, Sentence: s.Text(), Template: "sentence-cloze", Difficulty: 3,
			},
			fact: fi, sent: t.Sent, score: base + 0.25, level: level,
		}
		var fl fired
		// What makes a blank trivial or unfair keeps it out of any deck; a
		// long or cut sentence only out of a full one.
		c.hard = fl.any("cloze-hard",
			check{"quoted", quoted(s, t.Lo)}, check{"topic", topic(d, t)}, check{"anaphoric-answer", anaphoricAnswer(d, t)},
			check{"unnamed-kind", !(named(t.Kind) || valueKind(t.Kind))}, check{"part-of-name", partOfName(s, t)},
			check{"address", address(s, t)}, check{"count-given", countGiven(s, t)}, check{"owner-of-name", ownerOfName(s, t)},
			check{"repeated-value", ck.repeatedValue(d, t, answer)}, check{"country-given", g.countryGiven(s, t, answer)},
			check{"decimal", decimalFigure(t, answer)}, check{"dateline", dateline(s, t)}, check{"class-predicate", classPredicate(s, t)},
			check{"boilerplate", boilerplate(s)}, check{"caption", captionLike(d, s)}, check{"speaker", speaker(s, t)},
			check{"list-member", listMember(s, t)}, check{"beside-place", besidePlace(s, t)}, check{"titled", g.titled(s, t)},
			check{"weekday", t.Kind == quiz.KindWeekday}, check{"points-back", pointsBack(cl) || tiesBack(cl)},
			check{"compound", s.Rel(t.Head) == "compound"}, check{"protagonist", protagonist(d, t)},
			check{"appos-defines", s.HasKid(t.Head, "appos")}, // "_____, the active ingredient of ...": the apposition defines it
			check{"headline", inHeadline(d, t)}, check{"shares-word", sharesWord(cl, t.Text(d))},
			check{"reference-use", referenceUse(s, t)}, check{"weak-kind", weakClozeKind(t.Kind)},
			check{"century", t.Kind == quiz.KindOrdinal && centuryOrdinal(s, t)},            // "the _____ century": a guess among three
			check{"bare-count", bareCount(s, t)}, check{"misspelled", g.misspelled(s, nil)}, // the article's typo, copied
			check{"first", strings.EqualFold(answer, "first")},                           // "the territory's _____ female premier": the guess
			check{"small-ordinal", t.Kind == quiz.KindOrdinal && g.smallOrdinal(answer)}, // "in the _____ quarter": a guess among four
			check{"range-part", valueKind(t.Kind) && rangePart(s, t)},                    // "aged _____ to 82": judged 1.5 of 4
			check{"designation", t.Kind == quiz.KindCount && designation(s, t)},          // "type _____ diabetes", "Flight _____"
			check{"age-appos", t.Kind == quiz.KindAge && s.Rel(t.Head) == "appos"},       // "Fenn, _____, conceded": what is asked is not said
			check{"arithmetic", arithmeticGiveaway(cl, answer)},
			check{"deictic", deictic(s, nil)},                                   // "this week here": where the speaker stood
			check{"contested", ck.contested[fi]},                                // "Attendance stood at _____": 86 per cent then, 94 now
			check{"dateline-place", ck.datelinePlaces[strings.ToLower(answer)]}, // "told a news conference in _____" under "PRAGUE -"
			// "led the tiebreak _____ before ...": a moment of the match; the
			// result is in the lead.
			check{"passing-score", passingScore(s, t) || t.Kind == quiz.KindScore && t.Sent > 2},
		)
		// "The information had been requested ...": judged ambiguous in
		// every round; only an article without another question asks it.
		c.lastResort = fl.any("cloze", check{"unresolved-description", unresolvedDescription(s, t)})
		// Less sure than a full deck wants, but fair: a detail in an aside,
		// a "the company" said before, a name summaries skip.
		c.soft = fl.any("cloze-soft",
			check{"aside", inAside(s, t)}, check{"incidental", incidental(d, t)}, check{"cut", level > 1},
			check{"long", wordCount(cl) > maxClozeWords}, check{"anaphoric", ck.anaphoric(d, s, t, nil)})
		if t.Kind == quiz.KindPerson && (t.Entity < 0 || !g.surelyPerson(d.Entities[t.Entity])) {
			// "With _____ in 1989" (an earthquake) typed a person: nothing
			// says it is one, and a named thing blanks badly.
			c.hard, c.weak = true, true
			fl.add("cloze-hard:unsure-person")
		}
		if !c.hard && !c.soft && level == 0 && !ck.parseClean(s.Text()) {
			c.soft = true // the article's own garbled sentence, copied
			fl.add("cloze-soft:garbled")
		}
		c.flags = fl
		c.weak = c.hard || c.soft || c.lastResort
		out = append(out, clozeOf(c, d, t))
	}
	if t.Clause < 0 {
		return out // a sentence the parse found no clause in: its cloze only
	}
	l, why := plan(d, t)
	if l != nil {
		l.lx = g.lx
	}
	if why != "" {
		return out
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
	// The clause stated plainly must parse cleanly, or its questions may be
	// built on a misreading: they stay in the reserve.
	st, stOK := l.statement("")
	var fl fired
	other := t.Kind == quiz.KindOther
	weak := fl.any("wh-weak",
		check{"unstated", !stOK && !l.simple()}, check{"lossy", l.lossy}, check{"not-simple", !l.simple()},
		check{"topic", topic(d, t)}, check{"own-source", l.source != "" && sameEntity(d, l.c.Source, t.Sent, l.c.Subj)},
		check{"speech-subject", (t.Role == extract.RoleSubject || t.Role == extract.RoleInside) && extract.IsSpeech(s.Words[l.c.Pred].Lemma)},
		check{"long-sentence", len(s.Words) > maxDeckSentence}, check{"anaphoric-answer", anaphoricAnswer(d, t)},
		check{"other-kind", other && (t.Hi-t.Lo == 1 || t.Role == extract.RoleManner || l.c.Cop >= 0 && t.Case != "" || !plainNoun(s, t))},
		check{"quoted", quoted(s, t.Lo)},
		check{"unsure-person", t.Kind == quiz.KindPerson && t.Entity >= 0 && !g.surelyPerson(d.Entities[t.Entity])},
		check{"rough-cuts", l.roughCuts() > 0}, check{"disagrees", !l.agrees()}, check{"incidental", incidental(d, t)},
		check{"other-subject", other && t.Role == extract.RoleSubject}, // "What highlights ...?": vague
		check{"part-of-name", named(t.Kind) && partOfName(s, t)},       // "Research Vessel _____": "Which city set sail?"
		// judged 0 of 6: "Of what was he a co-founder?"
		check{"org-kind", t.Kind == quiz.KindOrganization || t.Kind == quiz.KindMisc},
		check{"bare-oblique", bareOblique(s, l.c.Pred)},
		// Judged 0 of 8: the story's own city or a seat world knowledge
		// gives ("In which city did the State Department ..."), and a name
		// typed a city that is not one ("Which city was lost?").
		check{"city-or-weekday", t.Kind == quiz.KindCity || t.Kind == quiz.KindWeekday},
		check{"range-part", valueKind(t.Kind) && rangePart(s, t)}, // "In which year ... the Dumky Trio?" of "1890–91"
		check{"small-ordinal", t.Kind == quiz.KindOrdinal && g.smallOrdinal(answer)},
		check{"unresolved", unresolvedIn(s, t, l.keptWords())},   // "the undamaged aircraft": which one, the question does not say
		check{"anaphoric", ck.anaphoric(d, s, t, l.keptWords())}, // "in the state": which, an earlier sentence said
		check{"dropped-argument", l.droppedArgument()},
		check{"compound-inside", t.Role == extract.RoleInside && s.Rel(t.Head) == "compound"}, // "the Lyon talks" is no "Which city talks"
		check{"contested", ck.contested[fi]},                                                  // "How many boats were found?": 12 at first, later four
		check{"answer-clause", valueKind(t.Kind) && answerClause(s, t)},                       // "How long did she spend?" of "spent four decades bringing ..."
		check{"offset", t.Kind == quiz.KindDuration && offset(s, t)},                          // "90 minutes into the flight" says when, not how long
		check{"aside-leak", asideLeak(s, l.keptWords(), l.answer)},                            // "rose 6%, their biggest one-day gain since March": "gain since March" kept
	)
	// The lead says what the story is: its sentence is long and packed
	// by design, and what it asks is what judges value most. There, a
	// question is not held back for length alone.
	lead := leadSentence(d, t.Sent) && leadKind(t.Kind)
	if lead {
		weak = fl.anyBut("wh-weak:", leadTolerated(l))
	}
	// Questions that would read wrong are not asked at all, not even as
	// an empty deck's last resort: a typo or "here" copied, a time given
	// beside the time asked ("When did ... on Friday?"), a copula joining
	// a plural and a singular ("The main ports are: X").
	noWh := g.misspelled(s, l.keptWords()) || deictic(s, l.keptWords()) ||
		timeKind(t.Kind) && otherTime(s, t, l.keptWords()) ||
		l.c.Cop >= 0 && (numberClash(s, t.Head, l.c.Subj) || numberClash(s, l.c.Pred, l.c.Subj)) ||
		timeSubject(s, l.c.Subj) || // "To what amount did June 30 rise?": a misparse
		relativeMain(s, l.c.Subj) || // "whose son Tyler is in Year 11" parsed as the main clause
		twoSubjects(s, l.c.Pred) || // "Veteran centre back Ann Lee drew ...": "centre" and "Lee" both subjects
		bareSingular(s, l.c.Subj) || // "How many cars can rust-streaked boat carry?": its article went with a misread "a flat"
		s.Rel(t.Phrase) == "iobj" || // "What may the drug give sharper focus?": the receiver is no "what"
		saidCount(s, t, l.c.Pred) // "How many hospitals did the firm say?" of "said all three hospitals remained open"
	// A sentence the parse misread asks no wh-question ("When would four
	// follow in stages the remaining?"); its cloze, the sentence as
	// written, stands on its own checks.
	misread := detOnVerb(s)
	// Last, as it costs a parse: the statement must parse cleanly.
	weak = weak || noWh || fl.any("wh-weak", check{"unclean-statement", stOK && !weak && !noWh && !ck.parseClean(st)})
	// What holds back a restatement of the clause holds back the sentence
	// cloze of the target too: tried without (the cloze on its own checks),
	// decks took clozes of weaker facts in place of judged wh-questions.
	defer func() {
		for i := range out {
			out[i].weak = out[i].weak || weak
			out[i].flags = append(out[i].flags, fl...)
		}
	}()
	for _, tpl := range g.templates {
		if noWh || misread {
			break
		}
		if !tpl.matchClause(l) {
			continue
		}
		wh, ok := l.fillWh(tpl.Wh)
		if !ok {
			continue
		}
		q, ok := l.question(wh)
		if !ok || strings.Contains(q, " n't") || strings.Contains(q, " n’t") || strayTailRE.MatchString(q) {
			continue // "does she n't see", "born, in Lyon?": words the question could not place
		}
		if givesAway(q, answer, t.Kind) {
			break
		}
		weak = fl.any("wh-weak",
			check{"points-back", pointsBack(q)}, // "the same airline's Flight 12"
			// "When was she born, in Lyon, the younger of two daughters?"
			check{"two-asides", strings.Count(strings.TrimPrefix(q, "According to "+l.source+", "), ",") >= 2},
		) || weak
		// A wh-question served by default names something of the story,
		// comes from a clause not coordinated with another, and asks for
		// a name or a number: "What did she describe?" has as many
		// right answers as a learner can word.
		var wfl fired
		whWeak := wfl.any("wh-unsure",
			check{"reserve-template", tpl.Reserve}, check{"unspecific", !specific(s, l)}, check{"coordinated", coordinated(s, l.c)},
			check{"low-coverage", l.coverage() < minCoverage}, check{"other-kind", t.Kind == quiz.KindOther})
		if lead {
			whWeak = wfl.anyBut("wh-unsure:", leadTolerated(l))
		}
		for _, ty := range tpl.Types {
			c := mk(ty, q, tpl.ID, tpl.Priority)
			c.weak = whWeak
			c.flags = append(c.flags, wfl...)
			if l.answerQual != "" {
				if ty != quiz.ShortAnswer {
					continue // options would each need the qualifier
				}
				c.q.Answer = l.answerQual + " " + answer
				c.q.Accepted = dedupe(append([]string{c.q.Answer}, accepted...))
			}
			// "Three passengers were flown ...": the number opened the
			// sentence; asked, it is a number like its options.
			if t.Kind == quiz.KindCount && ty != quiz.Cloze {
				if low := strings.ToLower(c.q.Answer); low != c.q.Answer && countWord(low) {
					c.q.Answer = low
				}
			}
			switch ty {
			case quiz.MultipleChoice:
				opts, ok := g.options(an, t, c.q.Answer, q, local, pool)
				if !ok {
					continue
				}
				c.q.Options = opts
				c.weak = c.flags.any("choice-weak", check{"kind", weakChoiceKind(t.Kind)},
					check{"unknown-region", t.Kind == quiz.KindRegion && !g.knownRegion(answer)}) || c.weak
			case quiz.ShortAnswer:
			default:
				continue
			}
			out = append(out, c)
		}
		break
	}
	if stOK {
		if cl, ok := l.statement("_____"); ok && strings.Count(cl, "_____") == 1 && !givesAway(strings.Replace(cl, "_____", "", 1), answer, t.Kind) {
			// A clause cut out and restated: where a misreading shows
			// most. It stays in the reserve.
			c := clozeOf(mk(quiz.Cloze, cl, "clause-cloze", 35), d, t)
			c.weak = true
			out = append(out, c)
		}
		// A statement is served when it says the fact in fewer words than
		// the sentence (not the sentence copied), of a name or a number,
		// and no quotation is near to be taken for the article's own word.
		// A statement cut from its sentence is near the article's words:
		// served true/false statements are those a template rewords
		// (roles, descriptions); these stay in the reserve.
		tfWeak := true
		if !sameText(st, s.Text()) {
			c := mk(quiz.TrueFalse, "True or false: "+st, "clause-statement", 30)
			c.weak = tfWeak
			c.q.Answer, c.q.Accepted, c.q.Options, c.truth = "True", []string{"True"}, []string{"True", "False"}, true
			out = append(out, c)
		}
		if v, ok := g.falseValue(an, t, answer, local); ok {
			if fs, ok := l.statement(v); ok && fs != st && strings.Contains(fs, v) {
				c := mk(quiz.TrueFalse, "True or false: "+fs, "clause-statement", 30)
				c.weak = tfWeak
				c.q.Answer, c.q.Accepted, c.q.Options = "False", []string{"False"}, []string{"True", "False"}
				out = append(out, c)
			}
		}
	}
	return out
}

// clozeOf makes c a cloze whose answer is the words blanked ("Ortega" in
// "Mr. _____ said"), the full name still accepted, with its Anki form.
func clozeOf(c candidate, d *extract.Doc, t extract.Target) candidate {
	blank := tightMoney(strings.Join(strings.Fields(unquote.Replace(t.Text(d))), " "))
	if blank != "" && blank != c.q.Answer {
		c.q.Accepted = dedupe(append([]string{blank}, c.q.Accepted...))
		c.q.Answer = blank
	}
	c.q.Cloze = strings.Replace(c.q.Prompt, "_____", "{{c1::"+c.q.Answer+"}}", 1)
	return c
}

// quoted reports whether word i stands inside quotation marks: a blank in
// a quotation asks for the speaker's wording.
func quoted(s *extract.Sentence, i int) bool {
	open := false
	for j := 0; j < i; j++ {
		switch s.Words[j].Text {
		case "“":
			open = true
		case "”":
			open = false
		case "\"":
			open = !open
		}
	}
	return open
}

// maxDeckSentence bounds the sentences the default deck draws on, in
// words: a long sentence is more often misread.
const maxDeckSentence = 40

// anaphoricAnswer reports an answer phrase that points back into the
// article ("the new scheme", "the two nations"): it names nothing alone.
func anaphoricAnswer(d *extract.Doc, t extract.Target) bool {
	if t.Kind != quiz.KindOther {
		return false
	}
	s := d.Sents[t.Sent]
	for j := t.Lo; j < t.Hi; j++ {
		w := &s.Words[j]
		if w.UPOS != "NOUN" {
			continue
		}
		if det := s.Kid(j, "det"); det >= 0 && s.Words[det].Lower() == "the" {
			lemma := strings.ToLower(w.Lemma)
			for _, p := range d.Sents[:t.Sent] {
				for i := range p.Words {
					if strings.EqualFold(p.Words[i].Lemma, lemma) {
						return true
					}
				}
			}
		}
		if s.HasKid(j, "nummod") && s.Kid(j, "det") >= 0 {
			return true // "the two nations"
		}
	}
	return false
}

// topic reports an answer that is what the story is about: the entity the
// headline names and the article mentions most. Asking for it tests
// nothing.
func topic(d *extract.Doc, t extract.Target) bool {
	if t.Entity < 0 {
		return false
	}
	e := d.Entities[t.Entity]
	second := 0
	for _, o := range d.Entities {
		if o != e && o.Mentions > second {
			second = o.Mentions
		}
	}
	inTitle := false
	for _, w := range strings.Fields(strings.ToLower(e.Name)) {
		if d.Headline[strings.Trim(w, ".,'’s")] {
			inTitle = true
		}
	}
	// The story's main entity: named in the headline and the most
	// mentioned, or mentioned far more than any other.
	// A speech's own country or a chapter's scientist, named throughout,
	// is the story's main entity too.
	return inTitle && e.Mentions >= 3 && e.Mentions > second || e.Mentions >= 5 && e.Mentions >= 2*second ||
		e.Mentions >= 8 && e.Mentions >= second
}

// specific reports whether a question names something of the story
// besides its answer (a name, a number, a date): "Who is lining up a
// vote?" could be asked of any article.
func specific(s *extract.Sentence, l *layout) bool {
	for _, part := range [][]int{l.pre, l.mid, l.post} {
		for _, j := range part {
			if s.Words[j].Mention >= 0 && !l.answer[j] && s.Mentions[s.Words[j].Mention].Kind != quiz.KindNationality {
				return true
			}
		}
	}
	for j := range l.subjWords {
		if s.Words[j].Mention >= 0 && !l.answer[j] {
			return true
		}
	}
	return l.subj != "" && l.c.Subj >= 0 && s.Words[l.c.Subj].Ent >= 0
}

// coordinated reports a clause that shares its sentence with a coordinated
// clause of its own: where the parse most often mixes up whose number or
// object is whose ("A closed down 2 percent and B fell 1 percent").
func coordinated(s *extract.Sentence, c extract.Clause) bool {
	if c.Kind == "conj" {
		return true
	}
	for _, k := range s.Kids(c.Pred) {
		if s.Rel(k) == "conj" && (s.Words[k].UPOS == "VERB" || s.HasKid(k, "nsubj")) {
			return true
		}
	}
	return false
}

// sameEntity reports whether words a and b of sentence si name the same
// entity ("According to Ann Lee, Ann Lee ...").
func sameEntity(d *extract.Doc, a, si, b int) bool {
	if a < 0 || b < 0 {
		return false
	}
	s := d.Sents[si]
	return s.Words[a].Ent >= 0 && s.Words[a].Ent == s.Words[b].Ent
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
func answerOf(lx *lexicon.Lexicon, d *extract.Doc, t extract.Target) (string, []string) {
	a := strings.TrimSpace(strings.Trim(t.Text(d), "\"“”‘’'"))
	a = tightMoney(strings.Join(strings.Fields(unquote.Replace(a)), " ")) // "“severe” sanctions"
	if a == "" {
		return "", nil
	}
	if last := &d.Sents[t.Sent].Words[t.Hi-1]; last.Lemma == last.Text+"." && strings.HasSuffix(a, last.Text) {
		a += "." // "3 p.m." whose period the sentence's full stop took
	}
	acc := []string{a}
	if t.Kind == quiz.KindDate && t.Lo > 0 {
		// "the early 1990s": the period is part of the answer.
		if w := &d.Sents[t.Sent].Words[t.Lo-1]; w.Head == t.Head && (w.Lower() == "early" || w.Lower() == "late" || w.Lower() == "mid" || w.Lower() == "mid-") {
			a = w.Text + " " + a
			acc = []string{a, acc[0]}
		}
	}
	if t.Entity >= 0 && t.Kind == quiz.KindPerson {
		if n := d.Entities[t.Entity].Name; len(n) > len(a) && strings.Contains(n, a) {
			a, acc = n, []string{n, acc[0]}
		}
		acc = append(acc, shortForms(d, t.Entity, a)...)
	}
	if t.Entity >= 0 && t.Kind == quiz.KindOrganization {
		acc = append(acc, orgForms(lx, d, t.Entity, a)...) // "Acme Holdings": "Acme", as the article calls it
	}
	if named(t.Kind) && t.Kind != quiz.KindPerson {
		acc = append(acc, prefixNames(d, t.Kind, a)...)
	}
	acc = append(acc, variants(lx, a)...)
	if t.Kind == quiz.KindCountry && lx != nil {
		acc = append(acc, lx.CountryNames(a)...) // "Great Britain": "United Kingdom", "UK"
	}
	return a, dedupe(acc)
}

// entityForms returns the other names the article gives entity e, within
// the answer a ("Acme" of "Acme Holdings", "Estévez" of "Ramiro Estévez
// Lagos"): what a reader who learned it from the article writes.
func entityForms(d *extract.Doc, e int, a string) []string {
	var out []string
	for si := range d.Sents {
		s := d.Sents[si]
		for mi, m := range s.Mentions {
			if m.Entity != e {
				continue
			}
			if txt := s.MentionText(mi); txt != a && strings.Contains(a, txt) && !slices.Contains(out, txt) {
				out = append(out, txt)
			}
		}
	}
	return out
}

// orgForms returns the shorter names the article uses for organization
// e that open its name and are no common word: "Tarrant" of "Tarrant
// Agrisystems", not "University" of "University of Alabama".
func orgForms(lx *lexicon.Lexicon, d *extract.Doc, e int, a string) []string {
	var out []string
	for _, f := range entityForms(d, e, a) {
		if strings.HasPrefix(a, f+" ") && (lx == nil || !lx.Word(strings.ToLower(f))) && !strings.HasSuffix(f, " of") {
			out = append(out, f)
		}
	}
	return out
}

// shortForms returns what a person's name a may be shortened to: the
// shorter names the article uses for them, or else the surname.
func shortForms(d *extract.Doc, e int, a string) []string {
	var fs []string
	for _, f := range entityForms(d, e, a) {
		if first, _, _ := strings.Cut(a, " "); f != first {
			fs = append(fs, f) // not the first name alone: "Diego" is many people
		}
	}
	// A part of the name other than the first that the article uses
	// alone for a person, resolved or not ("Estévez" of "Ramiro Estévez
	// Lagos").
	if ws := strings.Fields(a); len(ws) > 2 {
		for si := range d.Sents {
			s := d.Sents[si]
			for mi, m := range s.Mentions {
				if txt := s.MentionText(mi); m.Kind == quiz.KindPerson && slices.Contains(ws[1:], txt) && !slices.Contains(fs, txt) {
					fs = append(fs, txt)
				}
			}
		}
	}
	if len(fs) == 0 {
		fs = surnameForm(a)
	}
	// A surname with its particle ("El Amrani" of "Youssef El Amrani"),
	// as the article writes it after the first mention.
	if ws := strings.Fields(a); len(ws) > 2 && surnameParticles[strings.ToLower(ws[len(ws)-2])] {
		if sn := strings.Join(ws[len(ws)-2:], " "); !slices.Contains(fs, sn) {
			fs = append(fs, sn)
		}
	}
	return fs
}

// surnameParticles begin surnames of two words: "El Amrani", "van Dijk",
// "de la" aside.
var surnameParticles = map[string]bool{
	"el": true, "al": true, "al-": true, "van": true, "von": true, "de": true, "da": true, "di": true,
	"du": true, "del": true, "della": true, "le": true, "la": true, "bin": true, "ben": true, "ibn": true,
	"abu": true, "st.": true, "mac": true, "ter": true, "ten": true, "dos": true, "das": true,
}

// prefixNames returns the article's other names of a's kind that a
// begins or that begin a, in whole words of two or more: "Lake Tarrant"
// and "Lake Tarrant Spaceport" are one place the article names both ways.
func prefixNames(d *extract.Doc, k quiz.Kind, a string) []string {
	var out []string
	for _, e := range d.Entities {
		n := e.Name
		if n == a || isPlace(e.Kind) != isPlace(k) || !isPlace(k) && e.Kind != k {
			continue
		}
		short, long := n, a
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(strings.Fields(short)) >= 2 && strings.HasPrefix(long+" ", short+" ") {
			out = append(out, n)
		}
	}
	return out
}

// surnameForm returns the surname a person's name a may be shortened to,
// or nil when it has none ("Lee" of "Ann Lee"; nothing of a name that
// reads as a place's).
func surnameForm(a string) []string {
	if sn := quiz.Surname(a); sn != "" && sn != a && !placeNamed(a) {
		return []string{sn}
	}
	return nil
}

// variants returns other common spellings of a value: "49%" and "49
// percent", "$5" and "5 dollars".
func variants(lx *lexicon.Lexicon, a string) []string {
	var out []string
	switch {
	case strings.HasSuffix(a, " percent"):
		out = append(out, strings.TrimSuffix(a, " percent")+"%", strings.TrimSuffix(a, " percent")+" per cent")
	case strings.HasSuffix(a, " per cent"):
		out = append(out, strings.TrimSuffix(a, " per cent")+"%", strings.TrimSuffix(a, " per cent")+" percent")
	case strings.HasSuffix(a, "%"):
		out = append(out, strings.TrimSuffix(a, "%")+" percent")
	case strings.HasPrefix(a, "$"):
		out = append(out, strings.TrimPrefix(a, "$")+" dollars", strings.TrimPrefix(a, "$"))
	}
	ws := strings.Fields(a)
	if v, ok := lx.Number(strings.ToLower(ws[0])); ok && v >= 1 && v < 100 && !strings.HasSuffix(ws[0], "s") && !strings.EqualFold(ws[0], "dozen") {
		// Number words, not "hundreds" (no number) or "dozen" (of "half a
		// dozen": a unit).
		n := strconv.FormatInt(v, 10)
		if len(ws) == 1 {
			out = append(out, n) // "nine": "9"
		} else {
			out = append(out, strings.Join(append([]string{n}, ws[1:]...), " ")) // "two years": "2 years"
			if len(ws) == 2 && strings.EqualFold(ws[1], "dollars") {
				out = append(out, "$"+n) // "thirteen dollars": "$13"
			}
		}
	}
	if len(ws) == 2 && isMonth(lx, ws[0]) && isDigits(ws[1]) {
		out = append(out, ws[1]+" "+ws[0]) // "March 6": "6 March"
	}
	if full, ok := lx.Month(ws[0]); ok && len(ws) >= 2 && full != ws[0] {
		// "Nov. 20": "November 20", "20 November"; "Sept. 3, 2024": "September 3, 2024"
		out = append(out, strings.Join(append([]string{full}, ws[1:]...), " "))
		if len(ws) == 2 && isDigits(ws[1]) {
			out = append(out, ws[1]+" "+full)
		}
	}
	if len(ws) == 1 {
		if n, ok := lx.Ordinal(strings.ToLower(a)); ok && n > 0 && n <= 100 {
			out = append(out, ordinalDigits(n)) // "fourth": "4th"
		}
	}
	if d := strings.ReplaceAll(ws[0], ",", ""); d != ws[0] && isDigits(d) {
		out = append(out, strings.Join(append([]string{d}, ws[1:]...), " ")) // "12,000 feet": "12000 feet"
	}
	if len(ws) == 2 && isDigits(ws[0]) && isMonth(lx, ws[1]) {
		out = append(out, ws[1]+" "+ws[0]) // "28 February": "February 28"
	}
	if len(ws) >= 2 && len([]rune(ws[0])) == 1 && strings.ContainsAny(ws[0], "€£¥$") {
		out = append(out, ws[0]+strings.Join(ws[1:], " ")) // "€ 150 million": "€150 million"
	}
	if r := []rune(ws[0]); len(r) >= 1 && currencyWords[r[0]] != "" {
		// "€150 million": "150 million euros", "150 million"
		amount := strings.TrimSpace(strings.TrimPrefix(a, string(r[0])))
		if amount != "" {
			out = append(out, amount+" "+currencyWords[r[0]], amount)
		}
	}
	if len(ws) >= 2 {
		// "2.1 million pounds": "£2.1 million"
		for r, word := range currencyWords {
			if strings.EqualFold(ws[len(ws)-1], word) {
				amount := strings.Join(ws[:len(ws)-1], " ")
				out = append(out, string(r)+amount)
				if d := strings.ReplaceAll(amount, ",", ""); d != amount {
					out = append(out, string(r)+d)
				}
			}
		}
		if strings.EqualFold(ws[len(ws)-1], "dollars") && isDigits(strings.ReplaceAll(strings.ReplaceAll(ws[0], ",", ""), ".", "")) {
			out = append(out, "$"+strings.Join(ws[:len(ws)-1], " "))
		}
	}
	if eq, ok := sameDuration[strings.ToLower(a)]; ok {
		out = append(out, eq...) // "half an hour": "30 minutes"
	}
	if ab, ok := titleAbbreviations[strings.ToLower(a)]; ok {
		out = append(out, ab...) // "vice president": "VP"
	}
	if len(ws) >= 2 {
		switch strings.ToLower(ws[len(ws)-1]) {
		case "city", "hospital", "airport", "stadium", "desert", "river", "mountains", "valley", "island",
			"islands", "peninsula", "forest", "canyon", "glacier", "basin":
			// "Salt Lake City": "Salt Lake"; "Millbrook Hospital": "Millbrook";
			// "Atacama Desert": "Atacama"
			out = append(out, strings.Join(ws[:len(ws)-1], " "))
		}
	}
	return out
}

// currencyWords name the currencies of the signs an amount may start with.
var currencyWords = map[rune]string{'€': "euros", '£': "pounds", '¥': "yen"}

// titleAbbreviations are the usual short forms of job titles.
var titleAbbreviations = map[string][]string{
	"vice president":            {"VP", "vice-president"},
	"vice-president":            {"VP", "vice president"},
	"senior vice president":     {"SVP", "senior VP"},
	"executive vice president":  {"EVP", "executive VP"},
	"chief executive":           {"CEO", "chief executive officer"},
	"chief executive officer":   {"CEO", "chief executive"},
	"chief financial officer":   {"CFO"},
	"chief operating officer":   {"COO"},
	"chief technology officer":  {"CTO"},
	"chief information officer": {"CIO"},
	"chief marketing officer":   {"CMO"},
	"managing director":         {"MD"},
	"member of parliament":      {"MP"},
	"general manager":           {"GM"},
}

// sameDuration gives the other usual wordings of durations said in words.
var sameDuration = map[string][]string{
	"half an hour":         {"30 minutes", "30 min", "half hour"},
	"an hour":              {"1 hour", "one hour", "60 minutes"},
	"an hour and a half":   {"90 minutes", "1.5 hours", "one and a half hours"},
	"a day":                {"1 day", "one day", "24 hours"},
	"a week":               {"1 week", "one week", "7 days", "seven days"},
	"a fortnight":          {"two weeks", "2 weeks", "14 days"},
	"a month":              {"1 month", "one month"},
	"a year":               {"1 year", "one year", "12 months"},
	"half a year":          {"six months", "6 months"},
	"a year and a half":    {"18 months", "1.5 years"},
	"a decade":             {"10 years", "ten years"},
	"half a century":       {"50 years", "fifty years"},
	"a century":            {"100 years", "one hundred years"},
	"a quarter of an hour": {"15 minutes", "quarter of an hour"},
}

// tightMoney writes a currency sign against its amount, as English does:
// "€ 150 million" (two tokens) reads "€150 million".
func tightMoney(a string) string {
	if r := []rune(a); len(r) > 2 && (r[0] == '€' || r[0] == '£' || r[0] == '¥' || r[0] == '$') && r[1] == ' ' {
		return string(r[0]) + string(r[2:])
	}
	return a
}

// smallOrdinal reports an ordinal of ten or less ("third", "4th"): judges
// passed 2 of 12 such blanks, a guess among few ("in the _____ quarter",
// "a _____ round"), against all 3 larger ones ("its _____ mission").
func (g *Generator) smallOrdinal(a string) bool {
	a = strings.ToLower(strings.TrimSpace(a))
	n, ok := g.lx.Ordinal(a)
	if !ok && len(a) > 2 {
		var err error
		n, err = strconv.Atoi(a[:len(a)-2]) // "4th"
		ok = err == nil && n >= 0 && ordinalDigits(n) == a
	}
	return ok && n <= 10
}

// ordinalDigits writes n as an ordinal in digits: 1st, 2nd, 3rd, 4th,
// 11th, 22nd.
func ordinalDigits(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return strconv.Itoa(n) + suf
}

// isMonth reports a month's name or its abbreviation, with or without its
// full stop ("Sept.", "Dec").
func isMonth(lx *lexicon.Lexicon, w string) bool {
	if _, ok := lx.Month(w); ok {
		return true
	}
	_, ok := lx.Month(w + ".")
	return ok
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
	if t.Clause < 0 {
		return t.Kind == quiz.KindNationality
	}
	c := s.Clauses[t.Clause]
	if c.Cop >= 0 && evaluative[strings.ToLower(s.Words[c.Pred].Lemma)] {
		return true // "May is a great guy": praise, not a fact
	}
	switch t.Kind {
	case quiz.KindNationality:
		return true
	case quiz.KindCount, quiz.KindAge:
		switch strings.ToLower(t.Text(d)) {
		case "one", "1", "a", "an", "single":
			return true // "one pilot flies ...", "one of his works": one is no number to learn
		case "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions":
			if t.Lo > 0 && vagueQuantity[s.Words[t.Lo-1].Lower()] {
				return true // "several _____ farmers": a magnitude, not a number
			}
		}
		if h := s.Words[t.Head].Head; h >= 0 && (isMonth(g.lx, s.Words[h].Text) && upperFirst(s.Words[h].Text) || g.lx.Weekday(s.Words[h].Text)) {
			return true // "28 February": a day of a date, not a count
		}
		if t.Hi < len(s.Words) && isMonth(g.lx, s.Words[t.Hi].Text) && upperFirst(s.Words[t.Hi].Text) {
			return true
		}
		if t.Lo == 0 && t.Hi < len(s.Words) && upperFirst(s.Words[t.Hi].Text) && s.Rel(t.Head) != "nummod" {
			return true // "5 At the other end ...": a list's numbering
		}
	case quiz.KindScore:
		return !sportsSentence(s) // "Ten years after 9/11": a date read as a score
	case quiz.KindOrdinal:
		if h := s.Words[t.Head]; h.Rel == "advmod" || t.Hi < len(s.Words) && s.Words[t.Hi].Text == "," {
			return true // "Second, workers ...": the order of an argument
		}
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
		singled := t.Lo > 0 && t.Hi < len(s.Words) && isQuoteMark(s.Words[t.Lo-1].Text) && isQuoteMark(s.Words[t.Hi].Text)
		if genericNouns[txt] || t.Hi-t.Lo == 1 && s.Words[t.Head].UPOS != "NOUN" && s.Words[t.Head].UPOS != "ADJ" && !singled {
			return true // but a word in quotation marks was singled out: was “disappointed”
		}
		if s.Words[t.Head].UPOS == "NOUN" && t.Hi-t.Lo == 1 && s.Words[t.Head].Feat("Number") == "Plur" && genericNouns[strings.ToLower(s.Words[t.Head].Lemma)] {
			return true
		}
	}
	if t.Role != extract.RoleMention && extract.IsSpeech(s.Words[c.Pred].Lemma) && (reports(s, c) || !s.HasKid(c.Pred, "obj")) &&
		!(t.Role == extract.RoleObject && named(t.Kind)) && (quotes(s) || t.Role != extract.RoleSubject && t.Role != extract.RoleInside) {
		// "Who said “...”?", "What did she say?": the speaker is asked
		// through a quotation, or what was said is missing; but whom she
		// told ("told the agency") and who reported a fact in other words
		// ("researchers at X say batteries ...") are news.
		return true
	}
	return false
}

// vagueQuantity are the words that make a magnitude vague: "several
// hundred", "a few thousand".
var vagueQuantity = map[string]bool{"several": true, "few": true, "many": true, "some": true, "a": true, "hundreds": true, "thousands": true}

// evaluative are nouns that praise or blame rather than say what someone
// is.
var evaluative = map[string]bool{
	"guy": true, "man": true, "woman": true, "person": true, "fellow": true, "kid": true,
	"legend": true, "hero": true, "genius": true, "idiot": true, "fool": true, "star": true,
	"friend": true, "character": true, "gentleman": true, "lady": true, "fan": true,
}

// surelyPerson reports whether the article shows that entity e, which the
// recognizer calls a person, is one: a known first name, a pronoun "he"
// or "she" for it, a title or role. Brands and firms the recognizer takes
// for people ("Acme rose 4 percent") show none of these, and "Who" would
// ask wrongly for them.
func (g *Generator) surelyPerson(e *extract.Entity) bool {
	if placeNamed(e.Name) {
		return false // "Harlow Park": a person's name on a place
	}
	first, _, _ := strings.Cut(e.Name, " ")
	return e.Male || e.Female || e.Class != "" && g.lx.PersonNoun(e.Class) || g.lx.GivenName(first)
}

// placeNamed reports a name whose last word says it names a place or a
// building, not a person, though a person's name begins it: "Harlow
// Park", "Brandt Airport", "Ostrova Center".
func placeNamed(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return false
	}
	return placeHeads[strings.Trim(name[i+1:], ".,")]
}

// captionLike reports a sentence that reads like a photo caption: alone in
// its paragraph, short, in the present tense and about someone indefinite
// ("A street vendor in Lyon uses a lamp ...").
func captionLike(d *extract.Doc, s *extract.Sentence) bool {
	for _, o := range d.Sents {
		if o.Para == s.Para && o.Index != s.Index {
			return false
		}
	}
	r := s.Root()
	if r < 0 || len(s.Words) > 25 || s.Words[r].Feat("Tense") != "Pres" {
		return false
	}
	subj := s.Kid(r, "nsubj")
	if subj < 0 {
		return false
	}
	det := s.Kid(subj, "det")
	return det >= 0 && (s.Words[det].Lower() == "a" || s.Words[det].Lower() == "an") ||
		det < 0 && s.Words[subj].UPOS == "NOUN" && s.Words[subj].Feat("Number") == "Plur"
}

// givesAwayDeck reports whether question q and a question of deck answer
// each other: q's answer (or its surname) in a deck prompt, or a deck
// answer in q's prompt.
func givesAwayDeck(deck []quiz.Question, q quiz.Question) bool {
	has := func(prompt, answer string) bool {
		if answer == "" || answer == "True" || answer == "False" {
			return false
		}
		p := " " + quiz.NormalizeAnswer(prompt) + " "
		for _, a := range []string{answer, quiz.Surname(answer)} {
			if na := quiz.NormalizeAnswer(a); na != "" && strings.Contains(p, " "+na+" ") {
				return true
			}
		}
		return false
	}
	for _, d := range deck {
		if has(d.Prompt, q.Answer) || has(q.Prompt, d.Answer) || quiz.NormalizeAnswer(d.Answer) == quiz.NormalizeAnswer(q.Answer) && q.Type != quiz.TrueFalse {
			return true
		}
	}
	return false
}

// weakClozeKind reports the kinds of answers a blanked sentence asks badly.
// Two blind judges read 80 served clozes of real articles (two rounds):
// organizations passed 0 of 14 (the rest of the sentence or world
// knowledge names them: "Acme, which owns _____"), named things of
// other kinds 3 of 12, dates 2 of 12 and durations 3 of 10 (an incidental
// date or "less than _____"), against 40 of 48 for people, places,
// counts and sums.
func weakClozeKind(k quiz.Kind) bool {
	switch k {
	case quiz.KindOrganization, quiz.KindMisc, quiz.KindDate, quiz.KindDuration, quiz.KindWeekday, quiz.KindTime:
		return true
	}
	return false
}

// weakChoiceKind reports the kinds of answers whose options judges found
// implausible (0 of 8 in two rounds): cities and organizations from other
// stories, years a reader can rule out, weekdays. They are asked as short
// answers; their multiple choice stays in the reserve.
func weakChoiceKind(k quiz.Kind) bool {
	switch k {
	case quiz.KindCity, quiz.KindOrganization, quiz.KindDate, quiz.KindWeekday:
		return true
	}
	return false
}

// fillTier ranks a candidate that is not sure enough for a deck by how
// little a misreading spoils its form: 0 for a sentence as written with a
// name or number blanked, 1 for role and description questions, 2 for a
// sentence cut to its clause or with a detail less central, 3 for the
// rest (which no deck takes).
func fillTier(c candidate) int {
	switch {
	case c.hard || c.lastResort:
		return 3
	case c.q.Template == "sentence-cloze" && !c.soft && (named(c.q.AnswerKind) || valueKind(c.q.AnswerKind)):
		return 0
	case strings.HasPrefix(c.q.Template, "role-") || strings.HasPrefix(c.q.Template, "description-"):
		return 1
	case c.q.Template == "sentence-cloze" && c.level <= 2:
		return 2
	}
	return 3
}

// speaker reports a target that is who says the sentence's report ("...,
// Ann Lee said."): asking who said it tests the byline, not the story.
func speaker(s *extract.Sentence, t extract.Target) bool {
	h := s.Words[t.Head]
	if t.Kind == quiz.KindPerson && strings.HasPrefix(s.Case(t.Head), "according") {
		return true // "according to the Gazette's _____": a source, not the story
	}
	if h.Rel == "appos" && h.Head >= 0 && strings.HasPrefix(s.Words[h.Head].Rel, "nsubj") {
		h = s.Words[h.Head] // "A spokesperson, _____, said ...": the speaker still
	}
	if !strings.HasPrefix(h.Rel, "nsubj") || h.Head < 0 {
		return false
	}
	v := &s.Words[h.Head]
	return extract.IsSpeech(v.Lemma) && (s.HasKid(h.Head, "ccomp") || s.HasKid(h.Head, "parataxis") || v.Rel == "parataxis")
}

// listMember reports a target that is one item of a list of three or more
// ("Texas, Ohio and Utah"): the others stand around the blank and any of
// them could fill it.
func listMember(s *extract.Sentence, t extract.Target) bool {
	h := t.Head
	if s.Rel(h) == "conj" && s.Words[h].Head >= 0 {
		h = s.Words[h].Head
	}
	n := 1
	names := s.Words[h].Mention >= 0
	for _, k := range s.Kids(h) {
		if s.Rel(k) == "conj" {
			n++
			names = names && s.Words[k].Mention >= 0
		}
	}
	// "Chad and Niger": one of two names is given by the other too.
	return n >= 3 || n == 2 && names || pairedName(s, t) || listRun(s, t)
}

// listRun reports a target that holds list members read as one name,
// with "and" after it: "Pine Hollow, Ashby Flat" of "the towns of Pine
// Hollow, Ashby Flat and the edge of Orrin". The blank asks for two
// places without saying so.
func listRun(s *extract.Sentence, t extract.Target) bool {
	if t.Hi >= len(s.Words) || s.Words[t.Hi].UPOS != "CCONJ" {
		return false
	}
	for j := t.Lo + 1; j < t.Hi-1; j++ {
		if s.Words[j].Text == "," {
			return true
		}
	}
	return false
}

// pairedName reports a name joined by "and" or "or" to another name of its
// kind right beside it ("from Spain and _____"), whatever the parse made
// of the coordination.
func pairedName(s *extract.Sentence, t extract.Target) bool {
	m := s.Words[t.Lo].Mention
	if m < 0 || !named(s.Mentions[m].Kind) {
		return false
	}
	kind := s.Mentions[m].Kind
	nameAt := func(j int) bool {
		return j >= 0 && j < len(s.Words) && s.Words[j].Mention >= 0 && s.Mentions[s.Words[j].Mention].Kind == kind
	}
	conj := func(j int) bool { return j >= 0 && j < len(s.Words) && s.Words[j].UPOS == "CCONJ" }
	return conj(t.Lo-1) && nameAt(t.Lo-2) || conj(t.Hi) && nameAt(t.Hi+1)
}

// pointsBack reports words that refer to what came before the sentence:
// "those same two years", "the same week", "similar".
func pointsBack(s string) bool {
	ws := strings.FieldsFunc(strings.ToLower(s), notWordRune)
	for i, w := range ws {
		switch w {
		case "similar":
			return true
		case "same":
			if i > 0 && (ws[i-1] == "the" || ws[i-1] == "those" || ws[i-1] == "these") {
				return true
			}
		case "those", "these":
			for k := i + 1; k <= i+3 && k < len(ws); k++ {
				switch ws[k] {
				case "years", "months", "weeks", "days", "decades":
					return true
				}
			}
		case "there":
			// "had registered there": where, the sentence before said;
			// "there were 40" and "over there" say nothing back.
			if i+1 < len(ws) && existential[ws[i+1]] || i > 0 && (ws[i-1] == "over" || ws[i-1] == "here") {
				continue
			}
			if i > 0 {
				return true
			}
		case "one":
			// "have to lodge one?": one of what an earlier sentence named
			if i == len(ws)-1 && i > 0 && !numberContext[ws[i-1]] {
				return true
			}
		case "other":
			// "The other 19 people on board": the others of a count an
			// earlier sentence gave.
			if i > 0 && ws[i-1] == "the" && i+1 < len(ws) && countWord(ws[i+1]) {
				return true
			}
		}
	}
	return strings.Contains(strings.ToLower(s), "the other _____")
}

// countWord reports a number written in digits or a small number word.
func countWord(w string) bool {
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "few", "several":
		return true
	}
	return false
}

// existential are the words after an existential "there" ("there are").
var existential = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "will": true, "would": true,
	"could": true, "may": true, "might": true, "must": true, "should": true, "can": true, "has": true, "have": true,
	"had": true, "s": true, "seems": true, "seemed": true, "remain": true, "remains": true, "remained": true,
	"appear": true, "appears": true, "appeared": true, "exist": true, "exists": true, "existed": true,
	"used": true, "still": true, "also": true, "never": true, "once": true,
}

// numberContext are words after which "one" is a number, not a pronoun:
// "number one", "at one", "more than one".
var numberContext = map[string]bool{
	"number": true, "no": true, "page": true, "day": true, "chapter": true, "at": true, "than": true,
	"to": true, "of": true, "from": true, "minus": true, "plus": true, "and": true, "or": true, "only": true,
	"just": true, "least": true, "over": true, "under": true, "by": true, "phase": true, "stage": true, "round": true,
}

// unresolvedDescription reports a sentence that speaks of "the company"
// or "the co-pilot" without the article's name for it: out of its article
// the reader cannot tell who is meant.
func unresolvedDescription(s *extract.Sentence, t extract.Target) bool {
	return unresolvedIn(s, t, nil)
}

// unresolvedIn is unresolvedDescription over the words in keep (all words
// when keep is nil): a question reads only the words it kept.
func unresolvedIn(s *extract.Sentence, t extract.Target, keep map[int]bool) bool {
	for j := range s.Words {
		w := &s.Words[j]
		if (keep == nil || keep[j]) && (j < t.Lo || j >= t.Hi) && ellipticOrdinal(s, j) {
			return true // "In the first, Lee steered ...": the first what, an earlier sentence said
		}
		if keep != nil && !keep[j] || j >= t.Lo && j < t.Hi || w.UPOS != "NOUN" || w.Ent >= 0 || w.Mention >= 0 || timeNouns[strings.ToLower(w.Lemma)] {
			continue
		}
		det := definite(s, j)
		if det < 0 || s.Words[det].Lower() != "the" || s.HasKid(j, "nmod") || s.HasKid(j, "acl") || s.HasKid(j, "appos") || s.HasKid(j, "nummod") {
			continue // "the price of oil", "the plane that ...": said here
		}
		// A subject ("The request was denied"), or a person or group ("the
		// company"), refers to what the article said before; another
		// object or place ("into the sea") reads well enough alone.
		if !specifiedBy(s, j, false) && (strings.HasPrefix(w.Rel, "nsubj") || extract.DescribedKind(strings.ToLower(w.Lemma)) != "") &&
			!namedHere(s, t, strings.ToLower(w.Lemma)) {
			return true
		}
	}
	return false
}

// namedHere reports a name in s, outside target t, with the noun in it:
// "at the university" beside "the Calloway State University Board of
// Regents" says which university.
func namedHere(s *extract.Sentence, t extract.Target, noun string) bool {
	for mi, m := range s.Mentions {
		if m.Lo >= t.Lo && m.Hi <= t.Hi {
			continue
		}
		for _, f := range strings.Fields(strings.ToLower(s.MentionText(mi))) {
			if f == noun {
				return true
			}
		}
	}
	return false
}

// ellipticOrdinal reports "the first", "the latter" or "the remaining
// four" standing for a noun an earlier sentence gave: an ordinal or a
// number heading a subject, object or oblique with "the" and nothing to
// say what it counts ("the third in the series" says it).
func ellipticOrdinal(s *extract.Sentence, j int) bool {
	w := &s.Words[j]
	if !ordinalHeads[w.Lower()] && w.UPOS != "NUM" || w.UPOS != "ADJ" && w.UPOS != "NUM" && w.UPOS != "NOUN" {
		return false // a number heading a phrase counts it too: "the remaining four", "the two"
	}
	switch s.Rel(j) {
	case "nsubj", "obj", "obl", "iobj":
	default:
		return false
	}
	if s.HasKid(j, "nmod") || s.HasKid(j, "obl") || s.HasKid(j, "acl") || s.HasKid(j, "appos") {
		return false // "the third in the series", "three of the authors"
	}
	det := s.Kid(j, "det")
	return det >= 0 && s.Words[det].Lower() == "the"
}

// ordinalHeads are the words that stand for a noun left out: "the first",
// "the latter".
var ordinalHeads = map[string]bool{"first": true, "second": true, "third": true, "fourth": true,
	"last": true, "final": true, "latter": true, "former": true}

// detOnVerb reports a determiner the parse hung on a verb ("The remaining
// four would follow", with "The" on "follow"): the sentence was misread,
// and a question built on it reads broken.
func detOnVerb(s *extract.Sentence) bool {
	for j := range s.Words {
		if s.Rel(j) == "det" && s.Words[j].Head >= 0 && s.Words[s.Words[j].Head].UPOS == "VERB" {
			return true
		}
	}
	return false
}

// anaphoric reports a bare definite description among the words in keep
// (all words when keep is nil) whose noun the article used before the
// sentence: "the state", "the site", "the vessel" point back to what an
// earlier sentence named, and a prompt read alone leaves the reader to
// guess which. Descriptions that say which ("the state's capital", "the
// site of the crash", "the Chilean police") and nouns with one referent
// in any story ("the world") are not.
func (ck *checker) anaphoric(d *extract.Doc, s *extract.Sentence, t extract.Target, keep map[int]bool) bool {
	if ck.seenNoun == nil {
		ck.seenNoun = map[string]int{}
		for si, st := range d.Sents {
			for k := range st.Words {
				if w := &st.Words[k]; w.UPOS == "NOUN" {
					if _, ok := ck.seenNoun[strings.ToLower(w.Lemma)]; !ok {
						ck.seenNoun[strings.ToLower(w.Lemma)] = si
					}
				}
			}
		}
	}
	for j := range s.Words {
		w := &s.Words[j]
		if keep != nil && !keep[j] || j >= t.Lo && j < t.Hi || w.UPOS != "NOUN" || w.Mention >= 0 {
			continue
		}
		lemma := strings.ToLower(w.Lemma)
		if timeNouns[lemma] || uniqueNouns[lemma] {
			continue
		}
		if first, ok := ck.seenNoun[lemma]; !ok || first >= t.Sent {
			continue
		}
		det := definite(s, j)
		if det < 0 || s.Words[det].Lower() != "the" || s.HasKid(j, "nmod") || s.HasKid(j, "acl") || s.HasKid(j, "acl:relcl") || s.HasKid(j, "appos") || s.HasKid(j, "nummod") || s.HasKid(j, "nmod:poss") {
			continue
		}
		if h, _ := describedAt(d, s, det, nil); h == j {
			continue // the prompt names it instead: "the company" -> "Acme"
		}
		if !specifiedBy(s, j, true) {
			return true
		}
	}
	return false
}

// specifiedBy reports a noun j whose modifiers say which one it is: a
// name, a superlative, an ordinal, a capitalized adjective ("the cholera
// outbreak", "the largest city", "the first round", "the Chilean police"),
// and with compounds also a compound noun ("the bridge project").
func specifiedBy(s *extract.Sentence, j int, compounds bool) bool {
	for _, k := range s.Kids(j) {
		kw := &s.Words[k]
		if kw.Mention >= 0 || kw.Feat("Degree") == "Sup" || kw.Feat("NumType") == "Ord" || kw.UPOS == "PROPN" ||
			kw.UPOS == "ADJ" && upperFirst(kw.Text) && k != 0 || compounds && s.Rel(k) == "compound" {
			return true
		}
	}
	return false
}

// definite returns the determiner of noun j: its det, or the first word
// of its phrase when that is "the" ("the old and rusty vessel",
// with "the" parsed under the first adjective); -1 when it has none.
func definite(s *extract.Sentence, j int) int {
	if det := s.Kid(j, "det"); det >= 0 {
		return det
	}
	lo := j
	s.Walk(j, func(k int) { lo = min(lo, k) })
	if lo < j && s.Words[lo].Lower() == "the" && s.Rel(lo) == "det" {
		return lo
	}
	return -1
}

// strayTailRE matches a question ending in a phrase cut off by a comma
// ("When was she born, in Lyon?").
var strayTailRE = regexp.MustCompile(`, (in|on|at|for|from|with|by|to|of|up|down|about|around) [^,?]*\?$`)

// tiesBack reports words that tie a sentence to what came before it: "is
// also", "again", "another", "as well".
func tiesBack(s string) bool {
	ws := strings.FieldsFunc(strings.ToLower(s), notWordRune)
	for i, w := range ws {
		switch w {
		case "also", "again", "another", "too", "likewise", "similarly", "either":
			return true
		case "as":
			if i+1 < len(ws) && ws[i+1] == "well" {
				return true
			}
		}
	}
	return false
}

// titled reports a person blanked right after a title ("Prime Minister
// _____"): a famous holder is world knowledge, another an incidental
// name.
func (g *Generator) titled(s *extract.Sentence, t extract.Target) bool {
	if t.Kind != quiz.KindPerson || t.Lo == 0 {
		return false
	}
	raw := strings.ToLower(s.Words[t.Lo-1].Text) // "rep." is listed with its stop
	w := strings.TrimSuffix(raw, ".")
	return g.lx.TitleHead(w) || g.lx.Title(w) || g.lx.TitleHead(raw) || g.lx.Title(raw) || g.lx.PersonNoun(w) && s.Words[t.Lo-1].UPOS == "NOUN"
}

// inAside reports a target inside an aside of its sentence (an
// apposition, a relative clause set off by commas, brackets): "Acme,
// which owns _____, ..." asks for a detail the sentence itself passes by.
func inAside(s *extract.Sentence, t extract.Target) bool {
	for k := t.Head; k >= 0; k = s.Words[k].Head {
		switch {
		case s.Rel(k) == "appos" && s.TitledName(s.Words[k].Head) != k && k != t.Head:
			return true
		case s.Words[k].Rel == "acl:relcl" && commaBefore(s, k):
			return true
		case s.Rel(k) == "parataxis":
			return true
		}
	}
	lo, _ := s.Span(t.Head)
	return lo > 0 && s.Words[lo-1].Text == "("
}

// besidePlace reports a place named next to another place ("Lyon, _____"
// or "_____, France"): the neighbour gives it away.
func besidePlace(s *extract.Sentence, t extract.Target) bool {
	if !isPlace(t.Kind) {
		return false
	}
	if h := s.Words[t.Head].Head; h >= 0 && s.Rel(t.Head) == "nmod" {
		if m := s.Words[h].Mention; m >= 0 && s.Mentions[m].Kind == quiz.KindPerson {
			return true // "Sen. Ann Lee of _____": a person's state, said in passing
		}
	}
	for _, j := range []int{t.Lo - 2, t.Hi + 1} {
		if j < 0 || j >= len(s.Words) {
			continue
		}
		comma := t.Lo - 1
		if j > t.Lo {
			comma = t.Hi
		}
		if s.Words[comma].Text != "," {
			continue
		}
		if j > t.Lo && compassWords[s.Words[j].Lower()] && j+1 < len(s.Words) {
			j++ // "_____, north Lyon": the place is in a direction of another
		}
		if m := s.Words[j].Mention; m >= 0 && isPlace(s.Mentions[m].Kind) {
			return true
		}
	}
	return false
}

// compassWords place somewhere relative to another place: "north Lyon".
var compassWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "north-east": true, "north-west": true, "south-east": true,
	"south-west": true, "northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
}

// isPlace reports the kinds of places.
func isPlace(k quiz.Kind) bool {
	switch k {
	case quiz.KindCity, quiz.KindCountry, quiz.KindRegion, quiz.KindPlace:
		return true
	}
	return false
}

// leadSentence reports the story's first sentence, its lead.
func leadSentence(d *extract.Doc, si int) bool {
	return si == 0 && len(d.Sents) > 0
}

// asideLeak reports a question built across an aside the parse split:
// after a comma, the words up to the next punctuation form one phrase in
// good English ("rose 6%, their biggest one-day gain since March."); when
// the parse hangs them from two places outside ("gain since March" under
// "rose"), it misread the aside, and a question that keeps part of it
// ("did shares rise gain since March?") or asks for a figure in it ("its
// first device in five years": "Within what period ...?") is built on the
// misreading.
func asideLeak(s *extract.Sentence, kept, answer map[int]bool) bool {
	for i := 0; i+1 < len(s.Words); i++ {
		if s.Words[i].Text != "," {
			continue
		}
		j := i + 1
		for j < len(s.Words) && !asideEnd(s.Words[j].Text) {
			j++
		}
		// A list going on ("300 parents, teachers and students
		// crowded") or the main clause after a fronted phrase is no
		// aside.
		roots, in, out, ans := 0, 0, 0, false
		for k := i + 1; k < j; k++ {
			if h := s.Words[k].Head; (h <= i || h >= j) && s.Words[k].UPOS != "PUNCT" && s.Rel(k) != "conj" && s.Rel(k) != "cc" {
				roots++
			}
			if s.Words[k].Head < 0 {
				roots = -len(s.Words)
			}
			switch {
			case answer[k]:
				ans = true
			case kept[k]:
				in++
			default:
				out++
			}
		}
		if roots >= 2 && (ans || in > 0 && out > 0) {
			return true
		}
	}
	return false
}

// asideEnd reports punctuation that can close an aside.
func asideEnd(w string) bool {
	switch w {
	case ",", ";", ":", ".", "?", "!", ")", "—", "–", "--", "\"", "”":
		return true
	}
	return false
}

// leadKind reports the kinds of answer a question on the lead is asked
// for despite its length: who, and the story's figures.
func leadKind(k quiz.Kind) bool {
	return k == quiz.KindPerson || valueKind(k) && k != quiz.KindTime && k != quiz.KindOrdinal
}

// answerClause reports an answer whose phrase carries a participle clause
// that says what the figure is about ("spent four decades bringing
// vaccines to children"): asked by a wh-word, the clause goes with it and
// "How long did she spend?" is left.
func answerClause(s *extract.Sentence, t extract.Target) bool {
	for _, k := range s.Kids(t.Head) {
		if strings.HasPrefix(s.Rel(k), "acl") && s.Words[k].XPOS == "VBG" {
			return true
		}
	}
	// The same clause parsed under the verb, right after the figure.
	if v := s.Words[t.Phrase].Head; v >= 0 {
		for _, k := range s.Kids(v) {
			if r := s.Rel(k); (r == "advcl" || r == "xcomp") && s.Words[k].XPOS == "VBG" && k == t.Hi {
				return true
			}
		}
	}
	return false
}

// offset reports a duration that places an event in time rather than
// measuring it ("90 minutes into the flight", "two hours after the
// blast"): "How long ...?" misreads it.
func offset(s *extract.Sentence, t extract.Target) bool {
	if strings.HasPrefix(s.Rel(t.Phrase), "nmod") {
		return true // "its first device in five years" measures no event
	}
	if t.Hi >= len(s.Words) || t.Case != "" {
		return false // "for nine days after the crash" measures
	}
	switch s.Words[t.Hi].Lower() {
	case "into", "after", "before", "later", "earlier", "ago", "on":
		return true
	}
	return false
}

// leadTolerated names the checks a question on the lead is not held back
// for: a long or coordinated sentence, a question that keeps little of it
// or names little of the story (the lead is the story). A clause nested
// deeper than a main, coordinated, reported or relative one stays held
// back: there the parse is least sure.
func leadTolerated(l *layout) map[string]bool {
	m := map[string]bool{"wh-weak:long-sentence": true, "wh-unsure:low-coverage": true, "wh-unsure:coordinated": true, "wh-unsure:unspecific": true}
	switch l.c.Kind {
	case "root", "conj", "ccomp", "relcl":
		m["wh-weak:not-simple"] = true
	}
	return m
}

// minCoverage is the least share of its sentence's content words a
// wh-question served by default keeps.
const minCoverage = 0.5

// inHeadline reports a name the headline gives: a learner who read the
// title knows it.
func inHeadline(d *extract.Doc, t extract.Target) bool {
	name := ""
	switch {
	case t.Entity >= 0:
		name = d.Entities[t.Entity].Name
	case named(t.Kind):
		name = t.Text(d) // a name coreference left alone is still the headline's
	default:
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if len(w) > 2 && d.Headline[strings.Trim(w, ".,'’s")] {
			return true
		}
	}
	return false
}

// sharesWord reports a cloze whose prompt holds a word of its answer
// ("_____ is owned by Acme" -> "Ruritania Acme").
func sharesWord(prompt, answer string) bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(prompt), notWordRune) {
		words[w] = true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(answer), notWordRune) {
		if len([]rune(w)) >= 4 && words[w] {
			return true // "SkyLink." gives "Peru SkyLink" away
		}
		if r := []rune(w); len(r) >= 6 {
			stem := string(r[:len(r)-1])
			for p := range words {
				if strings.HasPrefix(p, stem) {
					return true // "the Olympic Games" give "Olympia" away, "American" "America"
				}
			}
		}
	}
	return false
}

// notWordRune splits words: anything but letters and digits.
func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// referenceUse reports a name used as a common noun ("the missing
// Boeing"): "the" and an adjective before a name, where plane, jet or
// aircraft would fill the blank as well.
func referenceUse(s *extract.Sentence, t extract.Target) bool {
	return t.Lo >= 2 && s.Words[t.Lo-1].UPOS == "ADJ" && s.Words[t.Lo-2].Lower() == "the" && named(t.Kind)
}

// protagonist reports an answer that is the story's main entity: a blank
// for the name the whole article is about tests nothing ("On board _____
// were 155 passengers" in a story about that flight).
func protagonist(d *extract.Doc, t extract.Target) bool {
	if t.Entity < 0 || d.Salience == nil || d.Salience[t.Entity] < 0.5 {
		return false
	}
	for e, v := range d.Salience {
		if e != t.Entity && v > d.Salience[t.Entity] {
			return false
		}
	}
	return true
}

// incidental reports an answer the story passes by: a name no summary of
// it would mention, or a number in a sentence far from its centre ("one
// of many economists quoted", "one stock among the movers").
func incidental(d *extract.Doc, t extract.Target) bool {
	if t.Entity >= 0 && d.Salience != nil && named(t.Kind) {
		return d.Salience[t.Entity] < minSalience
	}
	return d.Centrality != nil && d.Centrality[t.Sent] < minCentrality
}

// minSalience is the least probability that a summary names an entity
// for questions answered by it to be served; minCentrality the least
// centrality (a share of the most central sentence's) of a sentence for
// its questions to be served. Both are low: a teacher asks about more
// than a summary says (on GUM, 88% of the entities no summary names score
// below 0.1); they keep out only what the story mentions in passing.
const (
	minSalience   = 0.05
	minCentrality = 0.05
)

// maxClozeWords is the length of the longest cloze served by default.
const maxClozeWords = 30

// valueKind reports the kinds of values: numbers, amounts, dates.
func valueKind(k quiz.Kind) bool {
	switch k {
	case quiz.KindCount, quiz.KindMoney, quiz.KindPercent, quiz.KindDuration, quiz.KindAge, quiz.KindScore, quiz.KindDate, quiz.KindTime, quiz.KindOrdinal:
		return true
	}
	return false
}

// partOfName reports a target that is one piece of a longer name: "LSE"
// in "the LSE Index", "Flight" in "Flight 9". Blanking it asks for a
// word the rest of the name gives away.
func partOfName(s *extract.Sentence, t extract.Target) bool {
	if glued(s, t) {
		return true
	}
	if valueKind(t.Kind) && rangePart(s, t) {
		return true
	}
	if t.Lo > 1 && s.Words[t.Lo-1].Lower() == "of" && upperFirst(s.Words[t.Lo-2].Text) && s.Words[t.Lo-2].UPOS != "ADP" && named(t.Kind) && t.Lo-2 > 0 {
		return true // "the State of _____", "the University of _____"
	}
	if t.Lo > 0 && t.Kind == quiz.KindCount && upperFirst(s.Words[t.Lo-1].Text) && t.Lo > 1 && !sentenceOpener(s.Words[t.Lo-1].Lower()) {
		return true // "the No _____ policy unit", "Flight _____": a number in a name
	}
	if t.Lo > 0 && t.Kind != quiz.KindPerson {
		// "Chilean _____" for "Chilean Airways Flight 12": a
		// capitalized modifier right before a capitalized answer is part
		// of one name, whatever the tagger made of it.
		p, w := &s.Words[t.Lo-1], &s.Words[t.Lo]
		if (p.UPOS == "ADJ" || p.UPOS == "PROPN" || p.UPOS == "NOUN") && upperFirst(p.Text) && upperFirst(w.Text) && !sentenceOpener(p.Lower()) && !(t.Lo == 1 || s.Words[t.Lo-2].UPOS == "PUNCT" && s.Words[t.Lo-2].Text != ",") {
			return true
		}
	}
	if t.Hi+1 < len(s.Words) && s.Words[t.Hi].Text == "-" && s.Words[t.Hi].Start == s.Words[t.Hi-1].End && s.Words[t.Hi+1].UPOS == "NUM" {
		return true // "5-1/2": one number
	}
	for _, j := range []int{t.Lo - 1, t.Hi} {
		if j < 0 || j >= len(s.Words) || j < t.Lo && t.Kind == quiz.KindPerson {
			continue // "Mr. _____", "President _____": a title is no part of the name
		}
		w := &s.Words[j]
		capital := j > 0 && w.Text != "" && unicode.IsUpper([]rune(w.Text)[0]) // "the United _____"
		if (w.UPOS == "PROPN" && j > 0 || capital || w.UPOS == "NUM" && j == t.Hi) && (w.Head >= t.Lo && w.Head < t.Hi || s.Words[t.Head].Head == j) {
			return true
		}
	}
	return false
}

// address reports a number that names rather than counts: "1225 N.
// Oak St.", "Flight 12".
func address(s *extract.Sentence, t extract.Target) bool {
	if t.Kind != quiz.KindCount && !(t.Kind == quiz.KindDate && t.Hi-t.Lo == 1 && s.Words[t.Lo].UPOS == "NUM") {
		return false // "1225" may read as a year
	}
	h := s.Words[t.Head].Head
	if s.Words[t.Head].UPOS == "NUM" && h >= 0 && s.Words[h].UPOS == "PROPN" {
		return true
	}
	return t.Kind == quiz.KindCount && t.Hi < len(s.Words) && s.Words[t.Hi].UPOS == "PROPN" && upperFirst(s.Words[t.Hi].Text)
}

// repeatedValue reports a number or date the article repeats (three times
// or more): the story's own year or figure, which every other sentence
// gives away.
func (ck *checker) repeatedValue(d *extract.Doc, t extract.Target, answer string) bool {
	if !valueKind(t.Kind) || len(answer) < 2 {
		return false
	}
	r, ok := ck.repeats[answer]
	if !ok {
		r = repeatsIn(d.Body, answer)
		ck.repeats[answer] = r
	}
	return r
}

// repeatsIn reports whether answer stands in body three times or more as
// a whole word.
func repeatsIn(body, answer string) bool {
	n := 0
	for {
		i := strings.Index(body, answer)
		if i < 0 {
			return false
		}
		end := i + len(answer)
		if (i == 0 || !isWordByte(body[i-1])) && (end == len(body) || !isWordByte(body[end])) {
			if n++; n >= 3 {
				return true
			}
		}
		body = body[end:]
	}
}

// isWordByte reports an ASCII letter or digit.
func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// knownRegion reports a region the lexicon places in a country: its
// options are that country's regions ("Which region ...?" among US states),
// not names from other stories ("Middle East" among towns).
func (g *Generator) knownRegion(name string) bool {
	k, country, ok := g.lx.Place(name)
	return ok && k == quiz.KindRegion && country != ""
}

// centuryOrdinal reports the ordinal of a century ("the _____ century",
// "eighteenth-century").
func centuryOrdinal(s *extract.Sentence, t extract.Target) bool {
	for j := t.Hi; j < len(s.Words) && j <= t.Hi+1; j++ {
		if w := s.Words[j].Lower(); w == "century" || w == "centuries" {
			return true
		}
	}
	return false
}

// sportsSentence reports a sentence about a game, where "30-20" is a
// score: a word of winning, losing or playing.
func sportsSentence(s *extract.Sentence) bool {
	for i := range s.Words {
		switch strings.ToLower(s.Words[i].Lemma) {
		case "win", "lose", "beat", "defeat", "loss", "victory", "score", "game", "match", "play", "draw", "lead", "trail", "final", "season", "point", "goal", "run", "wicket", "set":
			return true
		}
	}
	return false
}

// designation reports a number that names rather than counts, written
// after a bare singular noun used as its label: "type 2 diabetes",
// "Flight 281 departed", "seated in row 14" (but "a town 40 miles away"
// counts: the noun before it is a phrase of its own).
func designation(s *extract.Sentence, t extract.Target) bool {
	if t.Hi-t.Lo != 1 || t.Lo == 0 || !isDigits(s.Words[t.Lo].Text) && s.Words[t.Lo].UPOS != "NUM" {
		return false
	}
	switch s.Words[t.Lo-1].XPOS {
	case "NN", "NNP":
	default:
		return false
	}
	if t.Lo == 1 {
		return true
	}
	switch s.Words[t.Lo-2].XPOS {
	case "DT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS", "WP$":
		return false // "a town 40 miles away", "the team's 3 goals"
	}
	return true
}

// rangePart reports a value that is one end of a range: "1920 – _____",
// "_____–91", "returns of _____ to 14 percent", "between 5 and _____
// a.m.", "from $11,240 to _____": the other end all but gives it. A change
// and where it led ("fell 9 percent to 186 kroner") is no range: its ends
// are of different kinds.
func rangePart(s *extract.Sentence, t extract.Target) bool {
	if t.Lo > 1 && isDash(s.Words[t.Lo-1].Text) && s.Words[t.Lo-2].UPOS == "NUM" {
		return true
	}
	if t.Hi+1 < len(s.Words) && isDash(s.Words[t.Hi].Text) && s.Words[t.Hi+1].UPOS == "NUM" {
		return true
	}
	between := func(at int) bool { // "between" shortly before word at
		for j := at - 1; j >= 0 && j >= at-4; j-- {
			if s.Words[j].Lower() == "between" {
				return true
			}
		}
		return false
	}
	sameRange := func(o int) bool {
		if s.Words[o].UPOS != "NUM" {
			return false
		}
		m := s.Words[o].Mention
		// "11 to _____" of "11 to 14 percent": a bare number right before
		// "to" shares the unit after the range.
		bare := o == t.Lo-2 && (m < 0 || s.Mentions[m].Hi-s.Mentions[m].Lo == 1)
		// "August 8 to 11": a bare number right after "to" ends the range
		// the answer begins.
		bareEnd := o == t.Hi+1 && (m < 0 || s.Mentions[m].Hi-s.Mentions[m].Lo == 1) && (t.Kind == quiz.KindDate || t.Kind == quiz.KindTime)
		return t.Hi-t.Lo == 1 || bare || bareEnd || m >= 0 && s.Mentions[m].Kind == t.Kind
	}
	if t.Hi+1 < len(s.Words) {
		if w := s.Words[t.Hi].Lower(); w == "to" || w == "through" || w == "and" && between(t.Lo) {
			for o := t.Hi + 1; o < len(s.Words) && o <= t.Hi+2; o++ {
				if sameRange(o) {
					return true
				}
			}
		}
	}
	if t.Lo > 1 {
		if w := s.Words[t.Lo-1].Lower(); w == "to" || w == "and" && between(t.Lo-1) {
			for o := t.Lo - 2; o >= 0 && o >= t.Lo-4; o-- {
				if sameRange(o) {
					return true
				}
			}
		}
	}
	return false
}

// dateline reports a place blanked where a story says where it is told
// from: "In _____, the State Department said ...", "McMinnville, _____": the
// seat of who speaks, or the state after its town, which any reader fills.
func dateline(s *extract.Sentence, t extract.Target) bool {
	if !isPlace(t.Kind) {
		return false
	}
	if t.Lo == 1 && s.Words[0].Lower() == "in" && t.Hi < len(s.Words) && s.Words[t.Hi].Text == "," {
		return true
	}
	return (t.Kind == quiz.KindRegion || t.Kind == quiz.KindCountry) && t.Lo > 1 && s.Words[t.Lo-1].Text == "," && s.Words[t.Lo-2].UPOS == "PROPN" && upperFirst(s.Words[t.Lo-2].Text)
}

// classPredicate reports a blank that a copula defines by the class of its
// answer: "_____ is a nation that will endure" (any nation fits).
func classPredicate(s *extract.Sentence, t extract.Target) bool {
	h := s.Words[t.Head]
	if !strings.HasPrefix(h.Rel, "nsubj") || h.Head < 0 || !s.HasKid(h.Head, "cop") {
		return false
	}
	switch strings.ToLower(s.Words[h.Head].Lemma) {
	case "nation", "country", "state", "city", "town", "place", "company", "firm", "organization", "man", "woman", "person", "people", "leader", "team":
		return true
	}
	return false
}

// misspelled reports a misspelled word among the words in keep (all
// words when keep is nil): a prompt copies the article's words, typos
// included.
func (g *Generator) misspelled(s *extract.Sentence, keep map[int]bool) bool {
	if g.lx == nil {
		return false
	}
	for j := range s.Words {
		if keep != nil && !keep[j] {
			continue
		}
		if _, ok := g.lx.Misspelled(s.Words[j].Text); ok {
			return true
		}
		if j+1 < len(s.Words) && s.Words[j].Lower() == "an" && anBeforeConsonant(s.Words[j+1].Text) {
			return true // "an voluntary"
		}
	}
	return false
}

// numberClash reports a noun and a subject of one copula that disagree in
// number ("The main ports are: Port Alma"): a list's heading, not what the
// name is.
func numberClash(s *extract.Sentence, a, subj int) bool {
	if subj < 0 {
		return false
	}
	na, ns := s.Words[a].Feat("Number"), s.Words[subj].Feat("Number")
	return a != subj && (s.Words[a].UPOS == "NOUN" || s.Words[a].UPOS == "PROPN") && na != "" && ns != "" && na != ns && !s.HasKid(a, "conj") && !s.HasKid(subj, "conj")
}

// saidCount reports a figure read as what a verb of saying says ("said
// all three hospitals remained open", with "hospitals" parsed as the
// object of "said"): one says a clause, not a counted thing, so the
// parse split the reported clause and a question would ask "How many
// hospitals did the firm say?".
func saidCount(s *extract.Sentence, t extract.Target, pred int) bool {
	if !valueKind(t.Kind) || pred < 0 || !sayVerbs[s.Words[pred].Lemma] {
		return false
	}
	p := t.Phrase
	return p >= 0 && s.Words[p].Head == pred && (s.Rel(p) == "obj" || s.Rel(p) == "iobj")
}

// sayVerbs report a clause and never count a thing, unlike "denied three
// charges" or "announced 500 job cuts".
var sayVerbs = map[string]bool{"say": true, "tell": true, "add": true, "insist": true, "explain": true, "note": true}

// bareSingular reports a subject that is a singular common noun with
// modifiers but no determiner ("rust-streaked boat" of "a flat,
// rust-streaked boat", where the parse gave "a" to "flat"): English needs
// one, so the parse lost it, and the question reads broken.
func bareSingular(s *extract.Sentence, subj int) bool {
	if subj < 0 || s.Words[subj].XPOS != "NN" || s.Words[subj].Ent >= 0 || s.Words[subj].Mention >= 0 || upperFirst(s.Words[subj].Text) {
		return false // a name tagged a noun: "Velmar Freight earned"
	}
	modified := false
	for _, k := range s.Kids(subj) {
		if s.Words[k].Ent >= 0 || s.Words[k].UPOS == "PROPN" || k > 0 && upperFirst(s.Words[k].Text) {
			return false // a title before a name: "Czech qualifier Tomas Reznik"
		}
		switch s.Rel(k) {
		case "det", "nmod:poss", "nummod", "det:poss":
			return false
		case "amod", "compound":
			modified = true
		}
	}
	return modified
}

// twoSubjects reports a predicate parsed with two subjects of the same
// clause, a misreading: "Veteran centre back Ann Lee drew the ire" read
// "centre" and "Lee" both as subjects of "drew", and its question asks
// "What back Ann Lee drew ...?".
func twoSubjects(s *extract.Sentence, pred int) bool {
	n := 0
	for _, k := range s.Kids(pred) {
		if r := s.Rel(k); r == "nsubj" || r == "nsubj:pass" {
			n++
		}
	}
	return n >= 2
}

// timeSubject reports a clause whose subject is a date or a time: "the
// three months ended June 30 rose" misparsed with the date for subject.
func timeSubject(s *extract.Sentence, subj int) bool {
	if subj < 0 {
		return false
	}
	m := s.Words[subj].Mention
	return m >= 0 && timeKind(s.Mentions[m].Kind)
}

// deictic reports "here" among the words in keep (all words when keep is
// nil) pointing to where the writer or speaker is ("took centre stage this
// week here"): a reader of the question alone is not there.
func deictic(s *extract.Sentence, keep map[int]bool) bool {
	for j := range s.Words {
		if keep != nil && !keep[j] {
			continue
		}
		if w := &s.Words[j]; w.Lower() == "here" && w.UPOS == "ADV" && !quoted(s, j) {
			return true
		}
	}
	return false
}

// timeKind reports the kinds a "When" question asks for.
func timeKind(k quiz.Kind) bool {
	return k == quiz.KindDate || k == quiz.KindWeekday || k == quiz.KindTime
}

// otherTime reports a time kept in a question beside the time it asks
// for: "When did the island record its first case on Friday?" asks for a
// date and gives its day.
func otherTime(s *extract.Sentence, t extract.Target, keep map[int]bool) bool {
	for j := range keep {
		if j >= t.Lo && j < t.Hi {
			continue
		}
		if m := s.Words[j].Mention; m >= 0 && timeKind(s.Mentions[m].Kind) {
			return true
		}
	}
	return false
}

// arithmeticGiveaway reports a numeric answer that two other numbers of
// the prompt give by a sum or a difference: "from $11,240 to _____, an
// increase of $440".
func arithmeticGiveaway(prompt, answer string) bool {
	a, ok := amount(answer)
	if !ok {
		return false
	}
	var ns []float64
	for _, f := range strings.Fields(prompt) {
		if v, ok := amount(f); ok && v != a {
			ns = append(ns, v)
		}
	}
	for i := range ns {
		for j := range ns {
			if i != j && (math.Abs(ns[i]+ns[j]-a) < 1e-6 || math.Abs(ns[i]-ns[j]-a) < 1e-6) {
				return true
			}
		}
	}
	return false
}

// amount reads a number written in digits, with its currency sign,
// thousands commas, decimals and trailing punctuation: "$11,240," is
// 11240.
func amount(w string) (float64, bool) {
	w = strings.TrimRight(strings.TrimLeft(w, "$€£¥(“\""), ".,;:)”\"%")
	w = strings.ReplaceAll(w, ",", "")
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(w, 64)
	return v, err == nil
}

// anBeforeConsonant reports a lower-case word that "an" cannot precede:
// one starting with a consonant letter other than h (whose silent h in
// "an honour" is allowed) and not with a letter read as a vowel.
func anBeforeConsonant(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' || strings.ContainsRune("aeiouhx", rune(w[0])) {
		return false
	}
	return len(w) > 1 && w[1] >= 'a' && w[1] <= 'z' // not "an f-stop", "an mp3"
}

// bareCount reports a count that counts no noun ("when she was on _____",
// "with _____ aboard"): the blank does not say what is counted, and a
// reader guesses a unit before a number.
func bareCount(s *extract.Sentence, t extract.Target) bool {
	if t.Kind != quiz.KindCount || t.Hi-t.Lo != 1 || s.Words[t.Head].UPOS != "NUM" {
		return false
	}
	switch s.Rel(t.Head) {
	case "nummod", "compound", "flat", "appos":
		return false // "_____ ships", "a _____-year-old"
	}
	return true
}

// countGiven reports a count the sentence gives away or that counts a
// group defined elsewhere: "_____ sons, Michael, Mark and Raymond" lists
// them; "all _____ publishers", "the _____ men" are the article's earlier
// group, which the sentence alone does not say.
func countGiven(s *extract.Sentence, t extract.Target) bool {
	if t.Kind != quiz.KindCount {
		return false
	}
	if t.Lo > 0 {
		switch s.Words[t.Lo-1].Lower() {
		case "all", "the", "these", "those", "both":
			return true
		}
	}
	if t.Hi < len(s.Words) && s.Words[t.Hi].Lower() == "other" {
		return true // "_____ other incidents": others than one said before
	}
	h := s.Words[t.Head].Head
	if h < 0 || h < t.Hi-1 {
		return false
	}
	if h+2 < len(s.Words) {
		if p := s.Words[h+1].Text; (p == "," || p == ":" || p == "—" || p == "–") && s.Words[h+2].UPOS == "PROPN" {
			return true
		}
		if s.Words[h+1].Text == ":" {
			return true // "one of _____ groups: a walk after meals; ...; or no change": the list counts them
		}
	}
	return false
}

// ownerOfName reports a place or organization blanked as the owner of a
// name: "_____'s Flight 12", "one of _____'s state senators". Whose a
// flight or a senator is, world knowledge tells.
func ownerOfName(s *extract.Sentence, t extract.Target) bool {
	if !isPlace(t.Kind) && t.Kind != quiz.KindOrganization {
		return false
	}
	if t.Hi >= len(s.Words) || s.Words[t.Hi].Lower() != "'s" && s.Words[t.Hi].Lower() != "’s" {
		return false
	}
	return true
}

// glued reports a target written against a neighbour with no space
// between but a hyphen or a letter: "2006" of "2002-2006", "Boeing" of
// "Boeing-made".
func glued(s *extract.Sentence, t extract.Target) bool {
	if t.Lo > 0 && s.Words[t.Lo-1].End == s.Words[t.Lo].Start && gluing(s.Words[t.Lo-1].Text, true) {
		return true
	}
	if t.Hi < len(s.Words) && s.Words[t.Hi].Start == s.Words[t.Hi-1].End && gluing(s.Words[t.Hi].Text, false) {
		return true
	}
	return false
}

// gluing reports whether a word touching a target (before it, or after it)
// makes the target part of a longer written word.
func gluing(w string, before bool) bool {
	if w == "" {
		return false
	}
	r := []rune(w)
	c := r[len(r)-1]
	if !before {
		c = r[0]
		if strings.HasPrefix(w, "'") || strings.HasPrefix(w, "’") {
			return false // "'s", "’s"
		}
	}
	return c == '-' || c == '‑' || c == '/' || unicode.IsLetter(c) || unicode.IsDigit(c)
}

// bareOblique reports a noun the parse hangs on predicate p as an oblique
// with no preposition and no temporal subtype: "Research Vessel" in "Research
// Vessel Aurora set sail" taken apart from its name. A question
// rebuilt on such a parse moves the pieces apart.
func bareOblique(s *extract.Sentence, p int) bool {
	if p < 0 {
		return false
	}
	for _, k := range s.Kids(p) {
		w := &s.Words[k]
		if w.Rel == "obl" && (w.UPOS == "NOUN" || w.UPOS == "PROPN") && !s.HasKid(k, "case") && !timeNouns[strings.ToLower(w.Lemma)] && (w.Mention < 0 || !valueKind(s.Mentions[w.Mention].Kind) && s.Mentions[w.Mention].Kind != quiz.KindWeekday) {
			return true
		}
	}
	return false
}

// countryGiven reports a country blanked in a sentence that names one of
// its cities ("moved to the _____ ... in Denver"), or a city
// blanked after an organization it is the seat of ("Lakeside University
// in _____").
func (g *Generator) countryGiven(s *extract.Sentence, t extract.Target, answer string) bool {
	switch t.Kind {
	case quiz.KindCountry:
		for mi, m := range s.Mentions {
			if m.Lo >= t.Lo && m.Lo < t.Hi || m.Kind != quiz.KindCity && m.Kind != quiz.KindRegion {
				continue
			}
			if _, country, ok := g.lx.Place(s.MentionText(mi)); ok && country != "" && (country == answer || strings.TrimPrefix(answer, "the ") == country) {
				return true
			}
		}
	case quiz.KindCity, quiz.KindRegion:
		h := s.Words[t.Head].Head
		if h >= 0 && s.Rel(t.Head) == "nmod" {
			if m := s.Words[h].Mention; m >= 0 && s.Mentions[m].Kind == quiz.KindOrganization {
				return true
			}
			for _, k := range s.Kids(h) {
				// "the United Nations headquarters in _____"
				if m := s.Words[k].Mention; m >= 0 && s.Mentions[m].Kind == quiz.KindOrganization && (s.Rel(k) == "compound" || s.Rel(k) == "nmod:poss") {
					return true
				}
			}
		}
	}
	return false
}

// decimalFigure reports a count to the hundredth ("27,403.54 points"): an
// index level or a reading nobody learns.
func decimalFigure(t extract.Target, answer string) bool {
	if t.Kind != quiz.KindCount {
		return false
	}
	if i := strings.LastIndexByte(answer, '.'); i > 0 && i+1 < len(answer) && answer[i+1] >= '0' && answer[i+1] <= '9' {
		return true
	}
	return false
}

// isDash reports a hyphen or a dash.
func isDash(w string) bool { return w == "-" || w == "–" || w == "—" || w == "‑" }

// sentenceOpener reports a capitalized word before a number that is no
// name of it: "In 1990", "The 15 volunteers".
func sentenceOpener(w string) bool {
	switch w {
	case "the", "a", "an", "in", "on", "at", "by", "for", "of", "to", "from", "about", "around", "some", "all", "only", "just", "over", "under", "nearly", "almost", "more", "than":
		return true
	}
	return false
}

// upperFirst reports a word written with a capital first letter.
func upperFirst(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// boilerplate reports a sentence newswire writes about itself rather than
// the story: "X declined to comment", "did not respond to a request for
// comment", "released a statement".
func boilerplate(s *extract.Sentence) bool {
	for i := range s.Words {
		w := &s.Words[i]
		lemma := strings.ToLower(w.Lemma)
		switch {
		case lemma == "comment" && (w.UPOS == "VERB" || s.Words[max(i-1, 0)].Lower() == "for"):
			return true
		case lemma == "statement" && w.Rel == "obj" && w.Head >= 0:
			switch strings.ToLower(s.Words[w.Head].Lemma) {
			case "release", "issue", "put":
				return true
			}
		}
	}
	return false
}

// plainNoun reports an answer that is a plain noun phrase of two to four
// words, nouns and adjectives only ("military support", "rescue
// director"): a phrase with a preposition, verb or clause in it is where
// parse errors cut answers wrong.
func plainNoun(s *extract.Sentence, t extract.Target) bool {
	if t.Hi-t.Lo > 4 {
		return false
	}
	for j := t.Lo; j < t.Hi; j++ {
		switch s.Words[j].UPOS {
		case "NOUN", "PROPN", "ADJ", "NUM":
		case "PUNCT":
			if s.Words[j].Text != "-" {
				return false
			}
		default:
			return false
		}
	}
	h := s.Words[t.Head].UPOS
	return h == "NOUN" || h == "PROPN"
}

// quotes reports whether s quotes someone's words.
func quotes(s *extract.Sentence) bool {
	for i := range s.Words {
		switch s.Words[i].Text {
		case "“", "\"":
			return true
		}
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
	sc := 1.5 * math.Exp(-float64(t.Sent)/5)
	if d.Centrality != nil {
		// How much of the story the sentence carries, by the model
		// trained on GUM's summaries.
		sc += 1.5 * d.Centrality[t.Sent]
	}
	if t.Clause < 0 {
		return sc // no clause to weigh
	}
	c := s.Clauses[t.Clause]
	if t.Entity >= 0 {
		sc += 0.35 * math.Log2(1+float64(d.Entities[t.Entity].Mentions))
		if d.Salience != nil {
			sc += 1.5 * d.Salience[t.Entity]
		}
	}
	if c.Subj >= 0 && s.Words[c.Subj].Ent >= 0 {
		sc += 0.2 * math.Log2(1+float64(d.Entities[s.Words[c.Subj].Ent].Mentions))
		if d.Salience != nil {
			sc += 0.5 * d.Salience[s.Words[c.Subj].Ent]
		}
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
	usedPrompt := map[string]bool{}
	usedAnswer := map[string]int{}
	inDeck := map[int]int{} // fact -> the candidate in the deck
	var deck, reserve []quiz.Question
	clozeN := 0
	perFamily := map[string]int{}
	pairs := 1 // true/false statements come in pairs, one true and one false
	if n > 12 {
		pairs = 2
	}
	for _, f := range facts {
		if len(deck) == n-2*pairs {
			break
		}
		var is []int
		for _, i := range byFact[f] {
			if !cands[i].weak {
				is = append(is, i)
			}
		}
		if len(is) == 0 {
			continue // nothing sure enough to serve
		}
		c0 := cands[is[0]]
		if usedSent[c0.sent] || usedPrompt[quiz.NormalizeAnswer(c0.q.Prompt)] {
			continue
		}
		key := quiz.NormalizeAnswer(c0.q.Answer)
		if usedAnswer[key] >= 1 {
			continue // the same answer twice says little new
		}
		pick := pickType(cands, is, len(deck))
		if pick < 0 {
			continue
		}
		c := cands[pick]
		if givesAwayDeck(deck, c.q) {
			continue // one question of a quiz would answer another
		}
		// Blanks are half a deck at most, and questions about what
		// someone's job is a few: a deck is mostly questions about what
		// happened.
		if c.q.Type == quiz.Cloze && clozeN >= max(1, n/2) ||
			family(c.q.Template) != "" && perFamily[family(c.q.Template)] >= familyCap(c.q.Template) {
			continue
		}
		perFamily[family(c.q.Template)]++
		if c.q.Type == quiz.Cloze {
			clozeN++
		}
		usedSent[c.sent] = true
		usedPrompt[quiz.NormalizeAnswer(c.q.Prompt)] = true
		usedAnswer[key]++
		inDeck[f] = pick
		deck = append(deck, c.q)
	}
	// A deck too small for its article takes the best of the rest in the
	// forms that misreadings spoil least: a sentence as written with a name
	// or number blanked, then questions from templates, then a sentence cut
	// to its clause. Restated clauses that were not sure enough, and
	// trivial blanks, stay out: a smaller deck is better than a broken
	// question.
	for tier := 0; tier < 3 && len(deck) < minDeck; tier++ {
		for _, f := range facts {
			if len(deck) >= minDeck {
				break
			}
			if _, ok := inDeck[f]; ok {
				continue
			}
			for _, i := range byFact[f] {
				c := cands[i]
				if c.q.Type == quiz.TrueFalse || usedSent[c.sent] || fillTier(c) != tier || c.accept < fillAt || tier == 2 && c.accept < cutFillAt || givesAwayDeck(deck, c.q) {
					continue
				}
				usedSent[c.sent] = true
				inDeck[f] = i
				deck = append(deck, c.q)
				break
			}
		}
	}
	// A deck with no question from the story's first two sentences takes
	// their likeliest accepted blank of a name or a number even when it is
	// long or cut: judges score lead blanks 2.8 of 3 against 2.0 for later
	// paragraphs (testdata/judged/heldout.json). One, and only into a deck
	// that has others, so that it neither stands alone nor displaces an
	// article's last resort.
	if len(deck) > 0 && len(deck) < n && !usedSent[0] && !usedSent[1] {
		pick := -1
		for i, c := range cands {
			if c.sent > 1 || c.q.Template != "sentence-cloze" || c.hard || c.lastResort || c.level > 2 ||
				!(named(c.q.AnswerKind) || valueKind(c.q.AnswerKind)) || c.accept < fillAt || givesAwayDeck(deck, c.q) {
				continue
			}
			if _, ok := inDeck[c.fact]; ok {
				continue
			}
			if pick < 0 || c.accept > cands[pick].accept {
				pick = i
			}
		}
		if pick >= 0 {
			c := cands[pick]
			usedSent[c.sent] = true
			inDeck[c.fact] = pick
			deck = append([]quiz.Question{c.q}, deck...)
		}
	}
	// An article with no question at all serves its best cloze held back
	// only for an unresolved description: a short story's "the service"
	// is clear enough beside its headline.
	// A description an earlier sentence introduced (soft) is as clear, and
	// last, a sentence cut a little further.
	for pass := 0; pass < 3 && len(deck) == 0; pass++ {
	last:
		for _, f := range facts {
			for _, i := range byFact[f] {
				if c := cands[i]; c.lastResort && !c.hard && (!c.soft || pass >= 1) && (c.level <= 1 || pass == 2 && c.level <= 2) {
					usedSent[c.sent] = true
					inDeck[f] = i
					deck = append(deck, c.q)
					break last
				}
			}
		}
	}
	// Still none: the best question that asks about a clause of the story
	// (not held back as unfair, only as less sure), rather than an article
	// a learner cannot study.
	// The likeliest to be accepted wins; a question that dropped a clause
	// its verb governs ("lobbied for the council" of "lobbied for the
	// council to drop the rule") says something else, and one that names
	// nothing of the story ("Who got the ruling?") could be asked of any:
	// neither is asked.
	if len(deck) == 0 {
		pick := -1
		for _, f := range facts {
			for _, i := range byFact[f] {
				// Short answer only: options drawn for a question held back
				// were not checked for it; and not the kinds judges never
				// passed in wh-questions.
				if c := cands[i]; !c.hard && !c.lastResort && !c.flags.has("wh-weak:lossy") && !c.flags.has("wh-unsure:unspecific") && c.q.Type == quiz.ShortAnswer && !weakChoiceKind(c.q.AnswerKind) && c.q.AnswerKind != quiz.KindCity && c.q.AnswerKind != quiz.KindOther && c.q.AnswerKind != quiz.KindMisc &&
					(pick < 0 || c.accept > cands[pick].accept) {
					pick = i
				}
			}
		}
		if pick >= 0 {
			usedSent[cands[pick].sent] = true
			inDeck[cands[pick].fact] = pick
			deck = append(deck, cands[pick].q)
		}
	}
	// True/false pairs from facts not yet asked, best first.
	for p := 0; p < pairs; p++ {
		ti, fi := -1, -1
		for _, f := range facts {
			if _, ok := inDeck[f]; ok {
				continue
			}
			for _, i := range byFact[f] {
				c := cands[i]
				if c.weak || c.q.Type != quiz.TrueFalse || usedSent[c.sent] || givesAwayDeck(deck, c.q) {
					continue
				}
				if c.truth && ti < 0 {
					ti = i
				}
				if !c.truth && fi < 0 && (ti < 0 || cands[ti].sent != c.sent) {
					fi = i
				}
			}
		}
		if ti < 0 || fi < 0 || cands[ti].sent == cands[fi].sent {
			break
		}
		first, second := ti, fi
		if !trueFirst {
			first, second = fi, ti
		}
		for _, i := range []int{first, second} {
			usedSent[cands[i].sent] = true
			inDeck[cands[i].fact] = i
			deck = append(deck, cands[i].q)
		}
	}
	for _, f := range facts {
		// The best question of the fact for each of its answers (a role
		// asks for the person and for the role), not true/false, unless the
		// deck has it.
		best := map[string]int{}
		var order []string
		for _, i := range byFact[f] {
			q := cands[i].q
			if q.Type == quiz.TrueFalse {
				continue
			}
			key := quiz.NormalizeAnswer(q.Answer)
			if d, ok := inDeck[f]; ok && quiz.NormalizeAnswer(cands[d].q.Answer) == key && cands[d].q.Type != quiz.TrueFalse {
				continue
			}
			bi, seen := best[key]
			if !seen {
				order = append(order, key)
			}
			if !seen || typeRank(q.Type) < typeRank(cands[bi].q.Type) {
				best[key] = i
			}
		}
		for _, key := range order {
			q := cands[best[key]].q
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

// minDeck is the fewest questions a default deck holds when the article
// allows.
const minDeck = 5

// family groups templates that ask the same kind of thing, for the caps of
// a deck; "" for templates without a cap.
func family(template string) string {
	switch template {
	case "role-post", "role-post-org", "former-role":
		return "role-post"
	case "role-holder":
		return "role-holder"
	}
	return ""
}

// familyCap bounds the questions of a template family in one deck.
func familyCap(template string) int {
	if family(template) == "role-post" {
		return 2
	}
	return 3
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
func pickType(cands []candidate, is []int, pos int) int {
	find := func(ok func(c candidate) bool) int {
		for _, i := range is {
			if ok(cands[i]) {
				return i
			}
		}
		return -1
	}
	wantCloze := pos%7 == 3
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
	return -1
}

// relativeMain reports a subject that a relative or interrogative word
// modifies ("whose son", "what" in "ending what its chair called a
// banner season") in a clause the parse took for a main one: the sentence was
// misread, and a question built on it asks something else.
func relativeMain(s *extract.Sentence, subj int) bool {
	if subj < 0 || s.Words[subj].Head < 0 || s.Rel(s.Words[subj].Head) == "acl:relcl" {
		return false
	}
	for _, k := range s.Kids(subj) {
		if pt := s.Words[k].Feat("PronType"); pt == "Rel" || pt == "Int" {
			return true // "whose son", "what CEO Ann Lee called ...": a relative clause
		}
	}
	return false
}

// passingScore reports a score that is a moment of a match, not its
// result: one in brackets ("7-6(5)"), or one of several in its sentence
// ("Trailing 5-4 in the deciding set ... levelled at 5-5").
func passingScore(s *extract.Sentence, t extract.Target) bool {
	if t.Kind != quiz.KindScore {
		return false
	}
	if t.Lo > 0 && s.Words[t.Lo-1].Text == "(" {
		return true
	}
	for _, m := range s.Mentions {
		if m.Kind == quiz.KindScore && m.Lo != t.Lo {
			return true
		}
	}
	for j, w := range s.Words {
		if j >= t.Lo && j < t.Hi {
			continue
		}
		if a, b, ok := strings.Cut(w.Text, "-"); ok && isDigits(a) && isDigits(b) {
			return true // "levelled at 5-5"
		}
		if j+2 < len(s.Words) && (j+2 < t.Lo || j >= t.Hi) && isDigits(w.Text) && isDash(s.Words[j+1].Text) && isDigits(s.Words[j+2].Text) {
			return true // the same, split into three tokens
		}
	}
	return false
}

// datelinePlaces returns, lower-cased, the places a story's dateline
// names and the countries of those that are cities: "told reporters in
// _____" under "PRAGUE, May 3 -" asks what the reader saw first.
func (g *Generator) datelinePlaces(d *extract.Doc) map[string]bool {
	out := map[string]bool{}
	if len(d.Sents) == 0 {
		return out
	}
	start := d.Sents[0].Start
	para := strings.LastIndexByte(d.Body[:start], '\n') + 1
	line := d.Body[para:start]
	if strings.TrimSpace(line) == "" || len(line) > 120 {
		return out
	}
	for _, w := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '(' || r == ')' || r == '-' || r == '–' || r == '—' }) {
		place := strings.TrimSpace(w)
		if place == "" {
			continue
		}
		out[strings.ToLower(place)] = true
		if _, country, ok := g.lx.Place(titleWords(place)); ok && country != "" {
			out[strings.ToLower(country)] = true
		}
	}
	return out
}

// titleWords writes an upper-case dateline word as a name: "PRAGUE" is
// "Prague", "NEW YORK" is "New York".
func titleWords(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		ws[i] = capitalize(w)
	}
	return strings.Join(ws, " ")
}
