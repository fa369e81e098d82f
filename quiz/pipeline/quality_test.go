package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"factdeck/quiz"
	"factdeck/quiz/generate"
	"factdeck/quiz/lexicon"
	"factdeck/quiz/pipeline"
)

// qualityPages returns the seeds, the invented test articles and, when
// ../shared is present, the news articles.
func qualityPages(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../../seeds/*.txt")
	own, _ := filepath.Glob("testdata/articles/*.txt")
	files = append(files, own...)
	// The invented articles judged blind (testdata/judged): sets written
	// after the rules, of many kinds.
	judged, _ := filepath.Glob("../../testdata/judged/invented*/*.txt")
	files = append(files, judged...)
	if p, err := filepath.Abs("../../../shared/eval/news"); err == nil {
		news, _ := filepath.Glob(filepath.Join(p, "*.txt"))
		files = append(files, news...)
	}
	return files
}

var (
	// A personal pronoun or a possessive with no name, blank or question
	// word before it to refer to ("his" in "Who died at his home?" and
	// "she" in "Ann Lee said she ..." are bound; in "His son said ..." it
	// points outside). A capital opening the prompt is no name.
	pronounRE    = regexp.MustCompile(`(?i)\b(he|she|they|him|them|it|hers|theirs)\b`)
	possessiveRE = regexp.MustCompile(`(?i)\b(his|her|its|their)\b`)
	referentRE   = regexp.MustCompile(`\b(Who|Whom|Which|What)\b|\s\p{Lu}\p{L}+|_____`)
	firstWordRE  = regexp.MustCompile(`^(True or false: )?(\p{Lu}\p{L}+)`)
	// "that" is a demonstrative at the start or after a preposition; after
	// a verb ("found that people ...") it introduces a clause.
	vagueRE = regexp.MustCompile(`(?i)\b(this|these|those) (man|woman|men|women|challenge|campaign|aides|company|group|people|officials|move|decision|plan)\b|(^|\b(in|of|on|at|for|with|from|by|to|about) )that (man|woman|challenge|campaign|company|group|move|decision|plan)\b|\bthe (two|three|four) (men|women|sides|countries|leaders)\b`)
	// Blanks no deck holds: glued to a word ("2002-_____"), owning a
	// name ("_____'s Flight 447"), counting a group said elsewhere ("all
	// _____ publishers"), or in a sentence pointing back ("those same
	// _____", "Similar agreements").
	deckClozeRE = regexp.MustCompile(`(?i)[\p{L}\p{N}-]_____|\p{N}- _____|_____[-\p{L}\p{N}]|\b(all|both) _____|\b(the|those|these) same\b|\bsimilar\b`)
	quotedRE    = regexp.MustCompile(`“[^”]*”|"[^"]*"`)
)

// TestQuestionQuality checks the machine-checkable rules of
// shared/eval/QUALITY.md on every question made from the seeds, the
// invented test articles and the news articles.
// sentenceOpeners are capitalized words that open sentences without naming
// anyone.
var sentenceOpeners = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "For": true, "With": true,
	"From": true, "By": true, "To": true, "But": true, "And": true, "After": true, "Before": true,
	"When": true, "While": true, "As": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "He": true, "She": true, "They": true, "His": true, "Her": true, "Its": true, "Their": true,
	"True": true, "Some": true, "Most": true, "Many": true, "Since": true, "During": true, "Under": true,
}

// cataphor reports a possessive at i inside an opening phrase whose
// subject follows it: "Since its founding, the school ...", "In his
// address, Ann Lee said ...".
func cataphor(text string, i int) bool {
	w := strings.ToLower(text[i:])
	if !strings.HasPrefix(w, "its ") && !strings.HasPrefix(w, "their ") && !strings.HasPrefix(w, "his ") && !strings.HasPrefix(w, "her ") {
		return false
	}
	if _, rest, ok := strings.Cut(text[i:], ", "); ok && (strings.HasPrefix(rest, "the ") || strings.HasPrefix(rest, "_____") || rest != "" && unicode.IsUpper([]rune(rest)[0])) {
		return true // "..., the school", "..., Ann Lee": the opening phrase's subject
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(text, "True or false: "), " ")
	switch strings.ToLower(first) {
	case "since", "after", "before", "in", "during", "despite", "with", "upon", "under", "for", "at", "on":
	default:
		return false
	}
	// "With his second ball Ann Lee ...", "For its first 13 years the
	// collection was ...": the subject follows without a comma.
	after := text[i+strings.IndexByte(text[i:], ' ')+1:]
	_, rest, _ := strings.Cut(after, " ")
	return strings.Contains(rest, "_____") || regexp.MustCompile(`\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+`).MatchString(rest) ||
		regexp.MustCompile(`\bthe \p{Ll}+ (was|were|is|are|has|had|will)\b`).MatchString(rest)
}

// boundPossessive reports whether "its" or "their" after text may be
// bound by a noun phrase in it: "The bank raised its rates", "prices
// regained their losses".
func boundPossessive(text, poss string) bool {
	switch poss {
	case "its":
		return regexp.MustCompile(`(?i)\b(the|a|an)\s`).MatchString(text)
	case "their":
		return regexp.MustCompile(`\b\p{L}+s\b`).MatchString(text)
	}
	return false
}

// hasReferent reports whether text names something a later pronoun can
// refer to: a blank, a question word or a capitalized name (a capital
// opening a sentence is a name only when the word is not a common opener).
func hasReferent(text string) bool {
	if referentRE.MatchString(text) {
		return true
	}
	m := firstWordRE.FindStringSubmatch(text)
	return m != nil && !sentenceOpeners[m[2]]
}

func TestQuestionQuality(t *testing.T) {
	ctx := context.Background()
	p := newPipeline(t)
	files := qualityPages(t)
	out, err := p.Batch(ctx, readDocs(t, files), &memPool{}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	trueN, tfN := 0, 0
	for i, r := range out {
		f := files[i]
		if r.Err != nil {
			t.Fatalf("%s: %v", f, r.Err)
		}
		name := filepath.Base(f)
		deckSent := map[string]string{}
		deck := 0
		for _, q := range r.Questions {
			prompt := q.Prompt
			fail := func(format string, args ...any) {
				t.Helper()
				t.Errorf("%s: %s %q (answer %q): "+format, append([]any{name, q.Type, prompt, q.Answer}, args...)...)
			}
			if strings.Contains(strings.ToLower(prompt), "fills the blank") && (q.Type == quiz.MultipleChoice || q.Type == quiz.ShortAnswer) {
				fail("a blank as a question")
			}
			if strings.Count(prompt, "“") != strings.Count(prompt, "”") || strings.Count(prompt, "\"")%2 != 0 ||
				strings.Count(prompt, "(") != strings.Count(prompt, ")") {
				fail("unbalanced quotes or brackets")
			}
			if n := len(strings.Fields(prompt)); n > 35 {
				fail("%d words, want at most 35", n)
			}
			outside := quotedRE.ReplaceAllString(prompt, "")
			outside = strings.TrimPrefix(outside, "True or false: ")
			if loc := pronounRE.FindStringIndex(outside); loc != nil && !hasReferent(outside[:loc[0]]) {
				fail("pronoun %q without its referent", outside[loc[0]:loc[1]])
			}
			if loc := possessiveRE.FindStringIndex(outside); loc != nil && !hasReferent(outside[:loc[0]]) &&
				!boundPossessive(outside[:loc[0]], strings.ToLower(outside[loc[0]:loc[1]])) && !cataphor(outside, loc[0]) {
				fail("possessive %q without its referent", outside[loc[0]:loc[1]])
			}
			if m := vagueRE.FindString(outside); m != "" {
				fail("description %q without its referent", m)
			}
			if q.Type != quiz.TrueFalse && q.Type != quiz.Cloze {
				na := " " + quiz.NormalizeAnswer(q.Answer) + " "
				if strings.Contains(" "+quiz.NormalizeAnswer(prompt)+" ", na) {
					fail("the answer is in the prompt")
				}
			}
			switch q.Type {
			case quiz.MultipleChoice:
				if len(q.Options) != 4 {
					fail("%d options, want 4", len(q.Options))
				}
				seen := map[string]bool{}
				right := 0
				digits := strings.ContainsAny(q.Answer, "0123456789")
				for _, o := range q.Options {
					no := quiz.NormalizeAnswer(o)
					if seen[no] {
						fail("option %q twice", o)
					}
					seen[no] = true
					if quiz.Grade(q, o) == quiz.Correct {
						right++
					}
					if digits != strings.ContainsAny(o, "0123456789") {
						fail("option %q is not of the answer's kind", o)
					}
				}
				if right != 1 {
					fail("%d options accepted, want 1", right)
				}
			case quiz.TrueFalse:
				tfN++
				if q.Answer == "True" {
					trueN++
				}
			case quiz.Cloze:
				if strings.Count(prompt, "_____") != 1 {
					fail("a cloze needs one blank")
				}
			}
			if !q.Reserve {
				deck++
				if other, ok := deckSent[q.Sentence]; ok {
					fail("same sentence as %q in the deck", other)
				}
				deckSent[q.Sentence] = prompt
				if q.Type == quiz.Cloze {
					if m := deckClozeRE.FindString(prompt); m != "" {
						fail("a blank a deck should not hold: %q", m)
					}
				}
			}
		}
		if deck == 0 {
			t.Errorf("%s: no question in the default deck", name)
		}
	}
	if tfN > 0 {
		share := float64(trueN) / float64(tfN)
		t.Logf("true/false: %d of %d true (%.0f%%)", trueN, tfN, 100*share)
		if share < 0.4 || share > 0.6 {
			t.Errorf("true/false keys %.0f%% true, want 40-60%%", 100*share)
		}
	}
}

// TestTrapsStayOutOfDecks runs an invented article full of blanks that
// judges reject (a dateline's city, the state after its town, a country a
// copula defines, a range's end, a person's home state, an owner of a
// name, a count the next words list) and checks that none of them is
// asked in its default deck, while the deck still asks something.
func TestTrapsStayOutOfDecks(t *testing.T) {
	p := newPipeline(t)
	out, err := p.Batch(context.Background(), readDocs(t, []string{"testdata/traps/ferry.txt"}), &memPool{}, pipeline.Options{})
	if err != nil || len(out) != 1 || out[0].Err != nil {
		t.Fatalf("Batch = %v, %v", out, err)
	}
	qs := out[0].Questions
	traps := map[string]string{
		"Lisbon":   "a dateline's city",
		"Ohio":     "the state after its town",
		"Portugal": "a country the copula defines",
		"2024":     "a range's end",
		"2019":     "a range's start",
		"Nevada":   "a person's home state",
		"Air Lusa": "the owner of a flight's name",
		"three":    "a count the next words list",
		"1980s":    "a decade asked as a month",
	}
	deck := 0
	for _, q := range qs {
		if q.Reserve {
			continue
		}
		deck++
		if why, ok := traps[q.Answer]; ok {
			t.Errorf("deck asks %s: %s %q -> %q", why, q.Type, q.Prompt, q.Answer)
		}
		if q.Template == "month" && !strings.ContainsAny(q.Answer, "JFMASOND") {
			t.Errorf("a month question keyed %q: %q", q.Answer, q.Prompt)
		}
	}
	if deck == 0 {
		t.Error("no question in the deck: the rules keep out everything")
	}
	t.Logf("%d questions in the deck", deck)
}

// TestDayFirstDates checks that a date written day first ("28 February")
// is one date, asked as one, with options that are real days.
func TestDayFirstDates(t *testing.T) {
	raw := "Island records first case\n\nOn Friday, 28 February, the island of Varda recorded its first case of the fever, health minister Lena Ostrova said.\n\nThe patient had returned from a trip to Lisbon on 14 February and is being treated in hospital.\n"
	qs := questionsOf(t, raw, "day-first.txt")
	dates := 0
	for _, q := range qs {
		if q.Answer == "28" || q.Answer == "14" {
			t.Errorf("the day of a date asked alone: %s %q -> %q", q.Type, q.Prompt, q.Answer)
		}
		if q.Answer == "28 February" || q.Answer == "14 February" {
			dates++
		}
		for _, o := range q.Options {
			var d int
			var m string
			if n, _ := fmt.Sscanf(o, "%d %s", &d, &m); n == 2 && m == "February" && d > 28 {
				t.Errorf("option %q is no day of February: %q", o, q.Prompt)
			}
		}
	}
	if dates == 0 {
		t.Error("no question asks for a day-first date whole")
	}
}

// TestRealizedSentencesStayEnglish checks three repairs a prompt's words
// need when the generator rewrites a sentence: a possessive pronoun becomes
// a possessive name (even where the parse took "Her" for a subject), a
// "but" is never kept once what it contrasts was cut, and a
// count qualified by "more than" is asked as "How many", the qualifier
// moving into the answer; and no deck question copies a misspelled word.
func TestRealizedSentencesStayEnglish(t *testing.T) {
	raw := "Archive opens papers of engineer Mara Voss\n\n" +
		"Engineer Mara Voss designed the Tallin river bridge in 1961, the city's archive said on Monday.\n\n" +
		"Her previously unknown notebooks are held in official papers released by the archive in Dunmore, a town north of the capital.\n\n" +
		"The Tallin Bridge Company earned $4.9 million in the fourth quarter of 1962, the company said in a report on Tuesday, down from a year earlier, but capping what its chief executive Mara Voss called a record year for the firm and for its workers in the river valley.\n\n" +
		"During the storm, the steel cable of the bridge fell more than 11 metres into the river.\n\n" +
		"Thieves took 300 letters by Mara Voss when the drawings dissapeared from the Dunmore archive in 1974, the police said.\n"
	qs := questionsOf(t, raw, "voss.txt")
	possessive, howMany := 0, 0
	for _, q := range qs {
		switch {
		case strings.Contains(q.Prompt, "Voss previously"):
			t.Errorf("possessive pronoun named without 's: %q", q.Prompt)
		case strings.Contains(q.Prompt, "Voss's previously"):
			possessive++
		}
		switch {
		case strings.Contains(q.Prompt, "but capping") && !strings.Contains(q.Prompt, "down from a year earlier, but capping"):
			t.Errorf("a contrast kept without what it contrasts: %q", q.Prompt)
		}
		if !q.Reserve && strings.Contains(q.Prompt, "dissapeared") {
			t.Errorf("the article's typo copied into the deck: %q", q.Prompt)
		}
		if strings.Contains(strings.ToLower(q.Prompt), "than how many") {
			t.Errorf("qualifier fronted with the question word: %q", q.Prompt)
		}
		if strings.HasPrefix(q.Prompt, "How many metres") {
			howMany++
			if q.Answer != "more than 11" {
				t.Errorf("%q -> %q, want the qualifier in the answer", q.Prompt, q.Answer)
			}
		}
	}
	if possessive == 0 || howMany == 0 {
		for _, q := range qs {
			t.Logf("%s %q -> %q", q.Type, q.Prompt, q.Answer)
		}
		t.Errorf("no prompt shows the repairs: %d with the possessive name, %d asking how many with the qualifier answered", possessive, howMany)
	}
}

// TestTyposStayOutOfDecks checks that no default-deck question copies a
// misspelled word of its article, while the article still gets questions.
func TestTyposStayOutOfDecks(t *testing.T) {
	raw := "Ferry lost off Varda\n\n" +
		"The ferry Orla dissapeared off the coast of Varda on 3 May with 212 passengers on board, the coast guard said.\n\n" +
		"Rescue teams from Lenmark and Varda searched an area of 400 square kilometres for six days.\n"
	qs := questionsOf(t, raw, "ferry-typo.txt")
	deck := 0
	for _, q := range qs {
		if q.Reserve {
			continue
		}
		deck++
		if strings.Contains(q.Prompt, "dissapeared") {
			t.Errorf("the article's typo copied into the deck: %s %q", q.Type, q.Prompt)
		}
	}
	if deck == 0 {
		t.Error("no question in the default deck")
	}
}

// TestHeldOutRepairs checks repairs found by judging held-out texts: a
// "When" question does not keep another time ("When did ... on
// Friday?"), a deck question does not copy "here" from a speech, a plural
// description is no answer to "What is X?", and no two options of a
// question name one country.
func TestHeldOutRepairs(t *testing.T) {
	raw := "Minister Ana Ruiz speaks to the assembly\n\n" +
		"On Friday, 6 March, the island of Varda recorded its first case of the fever, health minister Lena Ostrova said.\n\n" +
		"The Middle East took centre stage this week here at the assembly, Ana Ruiz told the delegates in Geneva.\n\n" +
		"The main ports are: Port Alma.\n\n" +
		"Varda buys its fuel from Norway, Britain, England, Scotland and the United Kingdom, and sells fish to Austria and Japan.\n\n" +
		"Ana Ruiz, who was born in Spain, said that Varda would send 40 doctors to Italy in May.\n"
	qs := questionsOf(t, raw, "held-out.txt")
	lx := lexicon.Load()
	for _, q := range qs {
		if strings.HasPrefix(q.Prompt, "When ") && strings.Contains(q.Prompt, " on Friday") {
			t.Errorf("a When question keeps another time: %q", q.Prompt)
		}
		if !q.Reserve && strings.Contains(q.Prompt, " here ") {
			t.Errorf("the speaker's \"here\" copied into the deck: %q", q.Prompt)
		}
		if !q.Reserve && (q.Answer == "main ports" || q.Answer == "Port Alma") {
			t.Errorf("a heading's plural taken for what a name is: %q -> %q", q.Prompt, q.Answer)
		}
		countries := map[string]string{}
		for _, o := range q.Options {
			if _, c, ok := lx.Place(o); ok && c != "" && q.AnswerKind == quiz.KindCountry {
				if prev, dup := countries[c]; dup {
					t.Errorf("options %q and %q name one country: %q %q", prev, o, q.Prompt, q.Options)
				}
				countries[c] = o
			}
		}
	}
}

// TestObituaryAge checks that the age in an obituary is asked as the age
// at death, not "How old was she?", that "such a" measure, which points
// to one described before, is not copied into a question, and that a name
// put in place of "Her" keeps its capital.
func TestObituaryAge(t *testing.T) {
	raw := "Lena Ostrova, harpist who revived folk songs, dies at 91\n\n" +
		"Lena Ostrova, a harpist who spent five decades recording the folk songs of her native island, died on Sunday at her home in Dunmore. She was 91.\n\n" +
		"Her son, Pavel Ostrova, said the cause was heart failure.\n\n" +
		"Ms. Ostrova recorded 14 albums and founded the Dunmore Folk Archive in 1968, which now holds more than 3,000 songs.\n\n" +
		"The council proposed a tax on recordings in 1990. Such a measure would have needed seven votes to pass, and it failed.\n"
	qs := questionsOf(t, raw, "obituary.txt")
	atDeath := 0
	for _, q := range qs {
		if strings.HasPrefix(q.Prompt, "How old was Lena Ostrova") {
			t.Errorf("the age of someone who died asked without saying when: %q", q.Prompt)
		}
		if strings.HasPrefix(q.Prompt, "At what age did Lena Ostrova die") {
			atDeath++
			if q.Answer != "91" {
				t.Errorf("%q -> %q, want 91", q.Prompt, q.Answer)
			}
		}
		if strings.Contains(q.Prompt, "lena Ostrova") {
			t.Errorf("a name put in place of a pronoun lower-cased: %q", q.Prompt)
		}
		if strings.Contains(q.Prompt, "Such a measure") {
			t.Errorf("\"such a\" copied without what it points to: %q", q.Prompt)
		}
	}
	if atDeath == 0 {
		for _, q := range qs {
			t.Logf("%s %q -> %q", q.Type, q.Prompt, q.Answer)
		}
		t.Error("no question asks the age at death")
	}
}

// questionsOf runs the pipeline, as ingest does, on one article's raw text
// and returns its questions, failing the test on any error.
func questionsOf(t *testing.T, raw, source string) []quiz.Question {
	t.Helper()
	out, err := newPipeline(t).Batch(context.Background(), []pipeline.Document{{Raw: []byte(raw), Source: source}}, &memPool{}, pipeline.Options{})
	if err != nil || len(out) != 1 || out[0].Err != nil {
		t.Fatalf("Batch = %v, %v", out, err)
	}
	return out[0].Questions
}

// candidatesOf returns every question the generator makes of the article
// raw, served or not, with the features the ranker weighs.
func candidatesOf(t *testing.T, raw, source string) []generate.Candidate {
	t.Helper()
	cs, err := newPipeline(t).Candidates(context.Background(), pipeline.Document{Source: source, Raw: []byte(raw)})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// servable reports a candidate no check held back: one a default deck may
// take.
func servable(c generate.Candidate) bool { return !slices.Contains(c.Features, "held-back") }

// TestJudgedRepairs checks repairs of failures judges found on held-out
// articles: one of two names joined by "and" is not blanked, a day is no
// part of a team's name, "the union" is not taken for the company named
// last, a figure the article gives differently elsewhere is not asked in
// the deck, a clause the parse misread around "whose" asks nothing, an
// apposition to the answer goes with it, and the scores of a match's
// moments are not asked.
func TestJudgedRepairs(t *testing.T) {
	raw := "Dockers strike at Velmar Freight as talks fail\n\n" +
		"Dock workers at Velmar Freight walked out on Monday after talks over pay broke down, the Harbour Workers Union said.\n\n" +
		"The union's demands would add more than $40 million to costs over three years, Velmar Freight said.\n\n" +
		"Talks at Ostrava Shipping also failed on Monday. The union's demands would add $9 million to its costs, the company said.\n\n" +
		"Star striker Pavel Costa drew the ire of the Lindqvist Rovers on Sunday after he stepped on their goalkeeper during the second half.\n\n" +
		"Mediators from Norway and Chile arrived on Tuesday to help restart the talks.\n\n" +
		"Turnout stood at 64 per cent in the first ballot, and most members backed the strike.\n\n" +
		"Turnout had risen to 81 per cent by the second ballot in June.\n\n" +
		"The Ostrava Kings beat the Lindqvist Rovers on Sunday in the port's charity match, which raised $12,000 for the strikers.\n\n" +
		"For Maria Costa, whose son Pavel is in his first year at the docks, the strike has been hard.\n\n" +
		"Turnout was 58.4 percent, the highest in a decade.\n\n" +
		"In the final, Lena Ostrova beat Ana Ruiz 6-4 3-6 7-6(5) to win the port's tennis cup.\n\n" +
		"Ostrova led the tiebreak 4-1 before Ruiz levelled at 5-5.\n\n" +
		"Velmar Freight earned $9 million in the fourth quarter, capping what CEO Ana Lind called a record year for the biggest port operator by tonnage.\n"
	qs := questionsOf(t, raw, "strike.txt")
	for _, q := range qs {
		if strings.Contains(q.Answer, "on Sunday") {
			t.Errorf("a day taken into a name: %q -> %q", q.Prompt, q.Answer)
		}
		if strings.Contains(q.Prompt, "Velmar Freight's demands") || strings.Contains(q.Prompt, "Ostrava Shipping's demands") {
			t.Errorf("the union's demands given to the company: %q", q.Prompt)
		}
		if strings.Contains(q.Prompt, "first year at the docks for") {
			t.Errorf("a question built on a misread relative clause: %q", q.Prompt)
		}
		if strings.HasPrefix(q.Prompt, "Who called a record year") {
			t.Errorf("a question built on a free relative misread as a main clause: %q", q.Prompt)
		}
		if strings.Contains(q.Prompt, "turnout the highest") {
			t.Errorf("the answer's apposition left in the question: %q", q.Prompt)
		}
		if q.Reserve {
			continue
		}
		if q.AnswerKind == quiz.KindScore {
			t.Errorf("a passing score of a match asked in the deck: %q -> %q", q.Prompt, q.Answer)
		}
		if (q.Answer == "Chile" || q.Answer == "Norway") && strings.Contains(q.Prompt, " and _____") {
			t.Errorf("one of two names blanked: %q -> %q", q.Prompt, q.Answer)
		}
		if q.Answer == "64 per cent" || q.Answer == "81 per cent" {
			t.Errorf("a turnout the article gives twice asked in the deck: %q -> %q", q.Prompt, q.Answer)
		}
	}
}

// TestDatelinePlace checks that the place a story's dateline names is not
// blanked in the deck: the reader saw it first.
func TestDatelinePlace(t *testing.T) {
	raw := "Ruritanian central bank holds rates\n\n" +
		"VARNOVO, May 3 (Northwire) - The Ruritanian National Bank kept its main rate at 4.5% on Thursday, as 14 of 17 analysts had expected.\n\n" +
		"\"We are not in a hurry,\" Governor Ana Lind told a news conference in Varnovo.\n\n" +
		"Inflation rose to 3.1% in April from 2.8% in March, driven by rents and food.\n"
	for _, q := range questionsOf(t, raw, "rates.txt") {
		if !q.Reserve && q.Answer == "Varnovo" {
			t.Errorf("the dateline's place blanked in the deck: %q", q.Prompt)
		}
	}
}

// TestDescriptionBlanks checks the blanks of an apposition's cloze: a name
// that only modifies the description's noun ("a Lakeside coaching
// legend") stays in the reserve, where a teacher may still promote it.
func TestDescriptionBlanks(t *testing.T) {
	raw := "Coaches and scientists meet at the Harlow forum\n\n" +
		"Nina Castell and Tom Berg spoke on Monday at the Harlow forum, which drew 400 guests.\n\n" +
		"Berg, a Lakeside coaching legend, told the forum that young players needed more rest.\n\n" +
		"Greyfield Labs opened its research centre in Harlow in 2019 and employs 120 people there.\n\n" +
		"The study found that athletes who slept nine hours ran 4 percent faster.\n"
	modifier := false
	for _, q := range questionsOf(t, raw, "forum.txt") {
		if q.Type != quiz.Cloze {
			continue
		}
		if strings.Contains(q.Prompt, "_____ coaching legend") {
			modifier = true
			if !q.Reserve {
				t.Errorf("a name modifying the description's noun blanked in the deck: %q", q.Prompt)
			}
		}
	}
	if !modifier {
		t.Errorf("no cloze of the description's modifier, not even in the reserve")
	}
}

// TestAmountKeepsPeriod checks that a period parsed under an asked amount
// stays in the question ("How much did it earn?" asks which figure when
// the article gives several), and that a name opening the sentence keeps
// its capital when the tagger took it for a noun.
func TestAmountKeepsPeriod(t *testing.T) {
	raw := "Velmar Freight profit rises\n\n" +
		"Velmar Freight earned $9 million in the third quarter of 2024, the company said on Tuesday.\n\n" +
		"Over the past two years the port operator has earned $31 million.\n\n" +
		"The Harlow fire had grown to an estimated 3,200 hectares by Sunday evening.\n"
	cs := candidatesOf(t, raw, "profit.txt")
	found, fire := false, false
	for _, c := range cs {
		q := c.Question
		if q.Answer == "3,200" && q.Type != quiz.Cloze && q.Type != quiz.TrueFalse {
			fire = true
			if n := strings.Count(q.Prompt, "by Sunday evening"); n != 1 {
				t.Errorf("the period %d times in %q", n, q.Prompt)
			}
		}
		if q.Answer != "$9 million" || q.Type == quiz.Cloze || q.Type == quiz.TrueFalse {
			continue
		}
		found = true
		if !strings.Contains(q.Prompt, "third quarter") {
			t.Errorf("the amount asked without its period: %q", q.Prompt)
		}
		if !strings.Contains(q.Prompt, "Velmar Freight") {
			t.Errorf("the company's name, opening the sentence, lowered: %q", q.Prompt)
		}
	}
	if !found || !fire {
		t.Errorf("no question asks for the quarter's profit (%v) or the fire's size (%v)", found, fire)
	}
}

// TestGerundComplement checks that a question keeps what a verb says of
// its object ("credited her with saving ..."): "Who credited Ana Lind?"
// asks about half a fact.
func TestGerundComplement(t *testing.T) {
	raw := "Harbour plan approved\n\n" +
		"The Harlow council approved the harbour plan on Monday after a vote of 7 to 2.\n\n" +
		"Mayor Tom Berg credited Ana Lind with saving the plan in a statement on Tuesday.\n\n" +
		"The plan will cost $40 million and take five years.\n"
	cs := candidatesOf(t, raw, "plan.txt")
	for _, c := range cs {
		q := c.Question
		if strings.Contains(q.Prompt, "credit") && !strings.Contains(q.Prompt, "saving") && q.Type != quiz.TrueFalse && q.Type != quiz.Cloze && servable(c) {
			t.Errorf("a question that drops what the verb says of its object, not held back: %q", q.Prompt)
		}
	}
}

// TestDefinitionHeldBack checks that a thing defined in common words by an
// apposition ("Theobromine, the stimulant in cocoa and tea,") is not asked
// about by default: what a dictionary says is not the story.
func TestDefinitionHeldBack(t *testing.T) {
	raw := "Study news\n\n" +
		"Theobromine, the stimulant in cocoa and tea, was the subject of a study published on Monday by researchers at the Harlow Institute.\n\n" +
		"The team, led by Ana Lind, studied 240 people over six months.\n"
	cs := candidatesOf(t, raw, "herb.txt")
	asked := false
	for _, c := range cs {
		if c.Question.Template != "description-what" || c.Question.Type == quiz.TrueFalse {
			continue
		}
		asked = true
		if servable(c) {
			t.Errorf("a definition in common words served: %q -> %q", c.Question.Prompt, c.Question.Answer)
		}
	}
	if !asked {
		t.Errorf("no question from the apposition: the case this test checks is gone")
	}
}

// TestRegionNoun checks that a question asks for a region by what its
// country calls it: "Which state" of a US state, "Which province" of a
// Canadian one.
func TestRegionNoun(t *testing.T) {
	raw := "Factory jobs return to the Midwest\n\n" +
		"Ohio regained 12,400 factory jobs between 2020 and 2023, the Labor Department said on Friday.\n\n" +
		"Ontario lost 3,100 factory jobs in the same period, Statistics Canada said.\n"
	want := map[string]string{"Ohio": "which state", "Ontario": "which province"}
	cs := candidatesOf(t, raw, "jobs.txt")
	for _, c := range cs {
		q := c.Question
		if w, ok := want[q.Answer]; ok && strings.Contains(strings.ToLower(q.Prompt), "which ") {
			if !strings.Contains(strings.ToLower(q.Prompt), w) {
				t.Errorf("%q -> %s: want %q", q.Prompt, q.Answer, w)
			}
			delete(want, q.Answer)
		}
	}
	for a := range want {
		t.Errorf("no which-question for %s", a)
	}
}

// TestFirstNameAlone checks that a first name alone ("his wife, Ana, a
// teacher") does not take the description to another person with that
// first name ("her daughter, Ana Lind, a cellist"): a wrong key.
func TestFirstNameAlone(t *testing.T) {
	raw := "Painter Mara Holm dies at 87\n\n" +
		"Mara Holm, a painter of shipyards, died on Sunday at her home in Glasgow. She was 87.\n\n" +
		"She was born in 1937 in Gothenburg, the elder of two daughters of Tom Holm, a ship's engineer, and his wife, Ana, a primary school teacher.\n\n" +
		"She is survived by her son, Daniel; her daughter, Ana Lind, a cellist; and five grandchildren.\n"
	cs := candidatesOf(t, raw, "holm.txt")
	for _, c := range cs {
		q := c.Question
		if strings.Contains(q.Prompt, "teacher") && q.Answer == "Ana Lind" {
			t.Errorf("the mother's description keyed to the daughter: %q -> %q", q.Prompt, q.Answer)
		}
	}
}

// TestRoleAbbreviation checks that a job title asked for accepts its usual
// short form ("vice president": "VP").
func TestRoleAbbreviation(t *testing.T) {
	raw := "Bank executive detained\n\n" +
		"Police in Lisbon detained Ana Lind, Velmar Bank's vice president, on Tuesday over a tax inquiry.\n\n" +
		"Lind was released on Wednesday after a judge overturned the order.\n"
	cs := candidatesOf(t, raw, "bank.txt")
	asked := false
	for _, c := range cs {
		if q := c.Question; q.Answer == "vice president" && q.Type == quiz.ShortAnswer {
			asked = true
			if !slices.Contains(q.Accepted, "VP") {
				t.Errorf("%q accepts %q, not VP", q.Prompt, q.Accepted)
			}
		}
	}
	if !asked {
		t.Errorf("no question asks for the title: the case this test checks is gone")
	}
}

// TestArticleNameForms checks that an answer naming a person or a firm
// accepts the shorter names the article itself uses ("Estévez" of "Ramiro
// Estévez Lagos", "Tarrant" of "Tarrant Agrisystems Inc."), and not a first
// name alone.
func TestArticleNameForms(t *testing.T) {
	raw := "Quake kills 14 in southern Chile\n\n" +
		"SANTIAGO - A strong earthquake killed 14 people in southern Chile on Wednesday, officials said.\n\n" +
		"Ramiro Estévez Lagos, director of the national emergency office, told reporters that 11 of the dead were in Puerto Alcanto.\n\n" +
		"Estévez said rescue teams had reached every town by nightfall. \"We are still counting,\" Estévez said.\n\n" +
		"Tarrant Agrisystems Inc., a Minneapolis-based maker of grain-handling equipment, agreed on Monday to buy the sensor startup Siloworks for $310 million.\n\n" +
		"Tarrant said the deal would close by March. Tarrant has bought four companies since 2019.\n"
	cs := candidatesOf(t, raw, "quake.txt")
	seen := map[string]bool{}
	for _, c := range cs {
		q := c.Question
		switch q.Answer {
		case "Ramiro Estévez Lagos":
			seen[q.Answer] = true
			if !slices.Contains(q.Accepted, "Estévez") || slices.Contains(q.Accepted, "Ramiro") {
				t.Errorf("%q accepts %q, want Estévez and no first name", q.Prompt, q.Accepted)
			}
		case "Tarrant Agrisystems Inc.":
			seen[q.Answer] = true
			if !slices.Contains(q.Accepted, "Tarrant") {
				t.Errorf("%q accepts %q, want Tarrant", q.Prompt, q.Accepted)
			}
		}
	}
	if len(seen) != 2 {
		t.Errorf("questions asked for %v, want both names: the cases this test checks are gone", seen)
	}
}

// TestVagueMagnitude checks that the magnitude of a vague quantity
// ("several _____ farmers": hundred) is not blanked in the deck.
func TestVagueMagnitude(t *testing.T) {
	raw := "Farmers protest trade deal\n\n" +
		"Several hundred farmers drove tractors into the centre of the capital on Thursday to protest against the deal.\n\n" +
		"The agreement, signed on Monday, removes tariffs on 4,200 goods over five years.\n"
	for _, q := range questionsOf(t, raw, "farmers.txt") {
		if !q.Reserve && strings.EqualFold(q.Answer, "hundred") {
			t.Errorf("a vague magnitude blanked in the deck: %q", q.Prompt)
		}
	}
}

// TestMisreadClauses checks questions over clauses a parse commonly
// misreads or an appositive hides: a relative clause on an appositive asks
// about the name ("Into which organization did Mara Vell help turn ...?",
// not "did a chemist"), and none is asked over two subjects of one verb, a
// verb joined to another by nothing, or a verb's receiver ("What may cold
// showers give sharper focus?").
func TestMisreadClauses(t *testing.T) {
	raw := "Paint firm founder dies at 81\n\n" +
		"Mara Vell, a chemist who helped turn a struggling paint maker into Corvane Industries, died on Monday at her home in Ashby, Ohio.\n\n" +
		"Veteran centre back Pavel Costa drew the ire of the Lindqvist Rovers on Sunday after he stepped on their goalkeeper.\n\n" +
		"Shares in Harlow Bank fell on Thursday, a day after the government passed an executive order to cap bank fees.\n\n" +
		"Cold showers may give swimmers sharper focus, a study found.\n"
	cs := candidatesOf(t, raw, "misread.txt")
	named := false
	for _, c := range cs {
		q := c.Question
		if q.Type == quiz.Cloze || q.Type == quiz.TrueFalse {
			continue
		}
		if strings.Contains(q.Prompt, "Mara Vell help turn") {
			named = true
		}
		for _, bad := range []string{"a chemist help", "What back", "shares in Harlow Bank pass", "give sharper focus"} {
			if strings.Contains(q.Prompt, bad) {
				t.Errorf("a question over a misread clause: %q -> %q", q.Prompt, q.Answer)
			}
		}
	}
	if !named {
		t.Error("no question asks what the named person of an appositive's relative clause did")
	}
}

// TestLeadQuestions checks that a question on the story's lead is not
// held back for the lead's length or its coordinated clauses, and that a
// figure carrying a participle clause ("spent four decades bringing
// vaccines") or placing an event in time ("90 minutes into the flight")
// is not asked by "How long".
func TestLeadQuestions(t *testing.T) {
	raw := "Hawks rally to beat Rams\n\n" +
		"Mila Orsk scored twice in the second half, and the Harwick Hawks came back from a goal down to beat the Dunmore Rams 3-2 on Saturday in front of a crowd of 8,100 at Bell Park.\n\n" +
		"Dr. Ana Lind, the team doctor, spent four decades bringing vaccines to children in the hills.\n\n" +
		"The Rams' charter jet was forced to turn back 90 minutes into the flight on Sunday.\n"
	cs := candidatesOf(t, raw, "lead.txt")
	lead := false
	for _, c := range cs {
		q := c.Question
		if q.Type == quiz.Cloze || q.Type == quiz.TrueFalse || !servable(c) {
			continue
		}
		if q.Answer == "Mila Orsk" {
			lead = true
		}
		if strings.HasPrefix(q.Prompt, "How long") || strings.HasPrefix(q.Prompt, "For how long") {
			t.Errorf("a figure that is no length of time asked by how long: %q -> %q", q.Prompt, q.Answer)
		}
	}
	if !lead {
		t.Error("no question on the lead's scorer is served")
	}
}

// TestNamesAndDescriptions checks repairs of names the recognizer
// misread and descriptions resolved to the wrong entity, each of which
// put a wrong name into a question: a title with words before it ("City
// Councilwoman") and a double-barrelled surname split at its hyphen; a
// firm whose name ends in a word firms end in ("Dunmore Foods") typed a
// person, and its short name with it; "the company" after two companies,
// and "the combined company", which is neither.
func TestNamesAndDescriptions(t *testing.T) {
	raw := "Ibsen-Kalla wins Tolbrook mayor's race\n\n" +
		"City Councilwoman Marta Ibsen-Kalla was elected mayor of Tolbrook on Tuesday, defeating former fire chief Glen Harwood by 402 votes.\n\n" +
		"Ibsen-Kalla, 51, had 9,100 votes. Harwood said he would not seek a recount.\n\n" +
		"She will be the first woman to lead the town of about 30,000 people.\n\n" +
		"Separately, Dunmore Foods, the Texas-based maker of snacks, said on Monday it had agreed to buy Pell Dairy Co. for about $1.2 billion.\n\n" +
		"The combined company would have annual sales of about $4.6 billion. Dunmore said it expected to cut 500 jobs. The company said it expected savings of $40 million a year.\n"
	cs := candidatesOf(t, raw, "names.txt")
	for _, c := range cs {
		q := c.Question
		p := q.Prompt
		switch {
		case strings.Contains(p, "Harwood will be the first woman"), strings.Contains(p, "Harwood") && q.Answer == "30,000":
			t.Errorf("the winner's pronoun given to the loser: %q", p)
		case strings.Contains(p, "Pell Dairy Co. said it expected savings"), strings.Contains(p, "Pell Dairy Co. would have annual sales"),
			strings.Contains(p, "Dunmore Foods would have annual sales"):
			t.Errorf("a description given to the wrong company: %q", p)
		case q.Answer == "Marta Ibsen-Kalla" && q.AnswerKind != quiz.KindPerson:
			t.Errorf("the mayor typed %s: %q", q.AnswerKind, p)
		case strings.Contains(p, "Who ") && (q.Answer == "Dunmore Foods" || q.Answer == "Dunmore"):
			t.Errorf("a firm asked about as a person: %q", p)
		}
	}
}

// TestServedForms checks forms judges failed: a subject whose article a
// misparse took away ("How many cars can rust-streaked boat carry?"), a
// common word opening a sentence taken for a name ("When was Sentencing
// set?" names nothing), "the other 12" pointing back, and a number that
// opened its sentence keyed with its capital among lower-case options.
func TestServedForms(t *testing.T) {
	raw := "Ferry crash\n\n" +
		"Every morning at 6:30, Ana Lind has started the diesel engine of a flat, rust-streaked boat that can carry three cars, a tractor or a small truck.\n\n" +
		"Three passengers were flown by helicopter to Bell Regional Hospital in Tarrow on Monday. The other 12 crew members swam ashore.\n\n" +
		"Sentencing was set for May 2.\n"
	cs := candidatesOf(t, raw, "forms.txt")
	for _, c := range cs {
		q := c.Question
		served := servable(c)
		switch {
		case q.Type != quiz.Cloze && q.Type != quiz.TrueFalse && strings.Contains(q.Prompt, "can rust-streaked boat"):
			t.Errorf("a subject without its article: %q", q.Prompt)
		case served && strings.Contains(q.Prompt, "Sentencing"):
			t.Errorf("a question naming nothing served: %q", q.Prompt)
		case served && strings.Contains(q.Prompt, "other _____"):
			t.Errorf("a blank pointing back served: %q", q.Prompt)
		case q.Type != quiz.Cloze && q.AnswerKind == quiz.KindCount && q.Answer == "Three":
			t.Errorf("a number keyed with the capital of its sentence: %q -> %q %q", q.Prompt, q.Answer, q.Options)
		}
	}
}

// TestGivenAway checks two give-aways judged on set k: a description
// that says the name asked for ("What is the maker of the popular Acme
// line of heaters?"), and a count whose members a colon lists after it
// ("one of _____ groups: a, b or c").
func TestGivenAway(t *testing.T) {
	raw := "Heater maker unveils new model\n\n" +
		"Tarnow Inc., the maker of the popular Tarnow line of heaters, on Wednesday unveiled a heater that runs on sunlight.\n\n" +
		"In the trial, 300 adults were randomly assigned to one of three groups: a walk after each meal; a single walk each day; or no change to their routine.\n"
	cs := candidatesOf(t, raw, "given.txt")
	for _, c := range cs {
		q := c.Question
		if !servable(c) {
			continue
		}
		if strings.Contains(q.Prompt, "Tarnow line") && strings.Contains(q.Answer, "Tarnow") {
			t.Errorf("a description naming its answer served: %q -> %q", q.Prompt, q.Answer)
		}
		if strings.Contains(q.Prompt, "_____ groups:") {
			t.Errorf("a count its list gives served: %q", q.Prompt)
		}
	}
}

// TestSetMRepairs checks repairs of failures judged on set m: a date that
// begins a range ("from August 8 to 11") is not asked alone, a time of day
// written "3 p.m." is a time beside the date asked, "the company" after a
// rival named two sentences back is unclear, a role after a possessive
// name ("Ann Ruiz's brother-in-law and the owner of X") is not hers, and a
// cut keeps the comma before "the owner said".
func TestSetMRepairs(t *testing.T) {
	raw := "Miners rescued\n\n" +
		"Nine miners who spent 30 hours trapped more than 700 metres underground were brought to the surface early Sunday, after crews pumped water out of a flooded tunnel at the Orla Lake mine, the mine's owner said.\n\n" +
		"The Dunmore Apple Festival runs from September 5 to 8. A memorial concert for the miners will be held at the Dunmore barn on September 6 at 3 p.m.\n\n" +
		"The recall covers the Brightline Aura kettle. The kettles were sold at HomeWay and Calder's stores across the country. The company said it had received 23 reports of kettles overheating.\n\n" +
		"A co-defendant, Bo Lindgren, Ann Ruiz-Tall's brother-in-law and the listed owner of Tarn Consulting, pleaded guilty in May.\n\n" +
		"For two sets on Sunday, the Harlow Kites looked like a team that had used up all its luck just getting to the final.\n"
	cs := candidatesOf(t, raw, "setm.txt")
	cut := false
	for _, c := range cs {
		q := c.Question
		served := servable(c)
		if strings.Contains(q.Prompt, "early Sunday") && strings.Contains(q.Prompt, "mine's owner said") {
			cut = true
			if !strings.Contains(q.Prompt, "Sunday, the mine's owner said") {
				t.Errorf("a cut lost the comma before the report: %q", q.Prompt)
			}
		}
		switch {
		case served && q.Type != quiz.Cloze && q.Type != quiz.TrueFalse && strings.Contains(q.Prompt, "look like a team"):
			t.Errorf("a question that dropped the clause saying what kind of team: %q", q.Prompt)
		case served && q.Type != quiz.Cloze && q.Answer == "September 5":
			t.Errorf("a range's first day asked alone: %q", q.Prompt)
		case q.Type != quiz.Cloze && q.Type != quiz.TrueFalse && strings.HasPrefix(q.Prompt, "When") && strings.Contains(q.Prompt, "p.m"):
			t.Errorf("a time kept beside the date asked: %q", q.Prompt)
		case strings.Contains(q.Prompt, "HomeWay said it had received"):
			t.Errorf("\"the company\" given to the store, not the maker: %q", q.Prompt)
		case q.Type != quiz.Cloze && strings.Contains(q.Prompt, "Tarn Consulting") && strings.Contains(q.Answer, "Ruiz"):
			t.Errorf("a role after a possessive name given to the possessor: %q -> %q", q.Prompt, q.Answer)
		}
	}
	if !cut {
		t.Error("no cloze of the rescue sentence: the case this test checks is gone")
	}
}

// TestUnnamedOrgRole checks that a question about a post does not name
// the organization by a description alone ("Who is the local's
// president?", with "local" read as an adjective), judged unclear on set
// n.
func TestUnnamedOrgRole(t *testing.T) {
	raw := "Axle workers strike\n\n" +
		"About 1,150 workers at the Dunmore Axle plant walked out on Monday. The workers are members of Local 40 of the Steel Workers Union.\n\n" +
		"Tessa Gall-Whit, the local's president, said the union had been left with no choice. Gall-Whit said the workers wanted a 9 percent raise.\n\n" +
		"Gall-Whit said talks would resume on Friday. Gall-Whit has led the union for six years.\n\n" +
		"Bo Lind, treasurer of the union, said its strike fund held $2 million. Lind said the fund would last ten weeks.\n"
	for _, c := range candidatesOf(t, raw, "strike.txt") {
		q := c.Question
		if servable(c) && (strings.Contains(q.Prompt, "the local") || strings.Contains(q.Prompt, "at the union")) && q.Type != quiz.Cloze {
			t.Errorf("a role question naming its organization by a description served: %q", q.Prompt)
		}
	}
}

// TestLeadBlankFillsDeck checks that a deck with no question from the
// story's first two sentences takes the lead's blank of a number even when
// the lead is long: in set l's school-board story the deck held only later
// facts, while judges score lead blanks 2.8 of 3 and later ones 2.0.
func TestLeadBlankFillsDeck(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/judged/invented12/l3.txt")
	if err != nil {
		t.Fatal(err)
	}
	lead := false
	for _, q := range questionsOf(t, string(raw), "l3.txt") {
		if !q.Reserve && strings.Contains(q.Sentence, "voted 4-3 on Thursday night") {
			lead = true
		}
	}
	if !lead {
		t.Error("the deck has no question from the lead")
	}
}

// TestPlaceNameForms checks that a place the article names both in full
// and shortened ("Lake Orla Spaceport", "Lake Orla") accepts either form:
// judges failed a key that took only one.
func TestPlaceNameForms(t *testing.T) {
	raw := "Rocket reaches orbit\n\n" +
		"The two-stage rocket lifted off from the company's launch site at Lake Orla Spaceport, about 300 kilometres north of Tarrow, at 6:40 a.m. on Tuesday.\n\n" +
		"The rocket carried 14 small satellites into orbit.\n\n" +
		"The next mission is expected to launch from Lake Orla in the first quarter of next year.\n"
	found := false
	for _, c := range candidatesOf(t, raw, "orla.txt") {
		q := c.Question
		if !strings.HasPrefix(q.Answer, "Lake Orla") {
			continue
		}
		found = true
		if !slices.Contains(q.Accepted, "Lake Orla") || !slices.Contains(q.Accepted, "Lake Orla Spaceport") {
			t.Errorf("%q -> %q accepts %q, not both of the article's names", q.Prompt, q.Answer, q.Accepted)
		}
	}
	if !found {
		t.Error("no question about the launch site: the case this test checks is gone")
	}
}
