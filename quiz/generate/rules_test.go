package generate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"factdeck/quiz"
	"factdeck/quiz/extract"
	"factdeck/quiz/lexicon"
)

func TestVariants(t *testing.T) {
	lx := lexicon.Load()
	tests := []struct {
		answer string
		want   []string // each must be among the variants
		not    []string // none may be
	}{
		{"49 percent", []string{"49%", "49 per cent"}, nil},
		{"2.1 million pounds", []string{"£2.1 million"}, nil},
		{"40,000 pounds", []string{"£40,000", "£40000"}, nil},
		{"150 euros", []string{"€150"}, nil},
		{"12 dollars", []string{"$12"}, nil},
		{"half an hour", []string{"30 minutes"}, nil},
		{"a decade", []string{"10 years"}, nil},
		{"vice president", []string{"VP"}, nil},
		{"chief executive", []string{"CEO"}, nil},
		{"49%", []string{"49 percent"}, nil},
		{"7.9 per cent", []string{"7.9%", "7.9 percent"}, nil},
		{"$57", []string{"57", "57 dollars"}, nil},
		{"two years", []string{"2 years"}, nil},
		{"Three months", []string{"3 months"}, nil},
		{"March 6", []string{"6 March"}, nil},
		{"Sept. 15", []string{"15 Sept.", "September 15", "15 September"}, nil},
		{"Nov. 20", []string{"November 20", "20 November"}, nil},
		{"Atacama Desert", []string{"Atacama"}, nil},
		{"Orla River", []string{"Orla"}, nil},
		{"Oct. 3, 2024", []string{"October 3, 2024"}, nil},
		{"May 4", nil, []string{"May 4 May"}},
		{"Mark Zandi", nil, []string{"Zandi Mark"}},
		{"May", nil, []string{""}},
		{"twofold", nil, []string{"2fold"}},
		{"fourth", []string{"4th"}, nil},
		{"third", []string{"3rd"}, nil},
		{"34,000", []string{"34000"}, nil},
		{"€150 million", []string{"150 million euros", "150 million"}, nil},
		{"£2 billion", []string{"2 billion pounds"}, nil},
		{"hundred dollars", nil, []string{"$100", "100 dollars"}}, // "several hundred dollars"
		{"20,537 hours", []string{"20537 hours"}, nil},
	}
	for _, tt := range tests {
		got := variants(lx, tt.answer)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("variants(%q) = %q, want %q among them", tt.answer, got, w)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(got, n) {
				t.Errorf("variants(%q) = %q, must not hold %q", tt.answer, got, n)
			}
		}
	}
}

func TestSharesWord(t *testing.T) {
	tests := []struct {
		prompt, answer string
		want           bool
	}{
		{"_____ is 49 percent owned by Malaysia-based budget carrier AirAsia.", "Indonesia AirAsia", true},
		{"_____ is owned by the carrier (AirAsia).", "AirAsia Group", true},
		{"The bank earned _____ in net income.", "$39.7 billion", false},
		{"Flights to _____ resumed.", "New York", false}, // "new", "york": short or absent
		{"_____ said the airline's chief.", "Tony Fernandes", false},
	}
	for _, tt := range tests {
		if got := sharesWord(tt.prompt, tt.answer); got != tt.want {
			t.Errorf("sharesWord(%q, %q) = %v, want %v", tt.prompt, tt.answer, got, tt.want)
		}
	}
}

func TestIsMonth(t *testing.T) {
	lx := lexicon.Load()
	for w, want := range map[string]bool{"March": true, "Sept.": true, "Dec": true, "Ma": false, "Monday": false, "Marching": false} {
		if got := isMonth(lx, w); got != want {
			t.Errorf("isMonth(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestGenderless(t *testing.T) {
	tests := []struct{ a, b string }{
		{"spokeswoman", "spokesperson"}, {"spokesman", "spokeswoman"}, {"chairwoman", "chairman"},
	}
	for _, tt := range tests {
		if genderless(tt.a) != genderless(tt.b) {
			t.Errorf("genderless(%q) = %q, genderless(%q) = %q: want equal", tt.a, genderless(tt.a), tt.b, genderless(tt.b))
		}
	}
	for _, w := range []string{"woman", "man", "human", "mayor"} {
		if genderless(w) != w {
			t.Errorf("genderless(%q) = %q, want it unchanged", w, genderless(w))
		}
	}
}

func TestGenderForms(t *testing.T) {
	tests := []struct {
		post string
		want []string
	}{
		{"spokeswoman", []string{"spokesman", "spokesperson"}},
		{"chief spokesperson", []string{"chief spokeswoman", "chief spokesman"}},
		{"mayor", nil},
		{"human", nil},
	}
	for _, tt := range tests {
		got := genderForms(tt.post)
		if !slices.Equal(got, tt.want) {
			t.Errorf("genderForms(%q) = %q, want %q", tt.post, got, tt.want)
		}
	}
}

func TestMoreVariants(t *testing.T) {
	lx := lexicon.Load()
	tests := []struct {
		answer string
		want   string
	}{
		{"nine", "9"},
		{"thirteen dollars", "$13"},
		{"28 February", "February 28"},
		{"€ 150 million", "€150 million"},
		{"New York City", "New York"},
		{"Gartnavel Hospital", "Gartnavel"},
	}
	for _, tt := range tests {
		if got := variants(lx, tt.answer); !slices.Contains(got, tt.want) {
			t.Errorf("variants(%q) = %q, want %q among them", tt.answer, got, tt.want)
		}
	}
	if got := variants(lx, "Hospital"); len(got) != 0 {
		t.Errorf("variants(Hospital) = %q, want none", got)
	}
}

func TestArithmeticGiveaway(t *testing.T) {
	tests := []struct {
		prompt, answer string
		want           bool
	}{
		{"Tuition rises from $11,240 to _____, an increase of $440.", "$11,680", true},
		{"Sales fell to _____ from 900 units, a drop of 120.", "780", true},
		{"The town has 1,200 homes and _____ shops.", "45", false},
		{"About _____ people were rescued from 12 boats.", "400", false},
		{"She won _____ of the 3 races.", "two", false}, // words are not added up
	}
	for _, tt := range tests {
		if got := arithmeticGiveaway(tt.prompt, tt.answer); got != tt.want {
			t.Errorf("arithmeticGiveaway(%q, %q) = %v, want %v", tt.prompt, tt.answer, got, tt.want)
		}
	}
}

func TestPointsBack(t *testing.T) {
	tests := []struct {
		s          string
		back, ties bool
	}{
		{"In those same two years, prices rose.", true, false},
		{"The same week, she left.", true, false},
		{"A similar plan failed.", true, false},
		{"These days she writes.", true, false},
		{"She also won the final.", false, true},
		{"He was there as well.", true, true}, // "there": where, a sentence before said
		{"The council met on Monday.", false, false},
		{"Sameer said the tool was useful.", false, false},
	}
	for _, tt := range tests {
		if got := pointsBack(tt.s); got != tt.back {
			t.Errorf("pointsBack(%q) = %v, want %v", tt.s, got, tt.back)
		}
		if got := tiesBack(tt.s); got != tt.ties {
			t.Errorf("tiesBack(%q) = %v, want %v", tt.s, got, tt.ties)
		}
	}
}

func TestPairedName(t *testing.T) {
	// "Rescue teams from Norway and Chile arrived", "Norway" blanked or
	// "Chile", whatever the parse made of the coordination; "Norway" in
	// "from Norway on Monday" is no pair.
	words := func(ws ...string) []extract.Word {
		out := make([]extract.Word, len(ws))
		for i, w := range ws {
			out[i] = extract.Word{Text: w, UPOS: "NOUN", Mention: -1, Head: -1}
		}
		return out
	}
	pair := &extract.Sentence{Words: words("teams", "from", "Norway", "and", "Chile", "arrived")}
	pair.Words[3].UPOS = "CCONJ"
	pair.Words[2].Mention, pair.Words[4].Mention = 0, 1
	pair.Mentions = []extract.Mention{{Lo: 2, Hi: 3, Kind: quiz.KindCountry}, {Lo: 4, Hi: 5, Kind: quiz.KindCountry}}
	alone := &extract.Sentence{Words: words("teams", "from", "Norway", "on", "Monday")}
	alone.Words[2].Mention = 0
	alone.Mentions = []extract.Mention{{Lo: 2, Hi: 3, Kind: quiz.KindCountry}}
	tests := []struct {
		s      *extract.Sentence
		lo, hi int
		want   bool
	}{
		{pair, 4, 5, true},
		{pair, 2, 3, true},
		{alone, 2, 3, false},
	}
	for _, tt := range tests {
		if got := pairedName(tt.s, extract.Target{Lo: tt.lo, Hi: tt.hi}); got != tt.want {
			t.Errorf("pairedName(%q, %d) = %v, want %v", tt.s.Words[tt.lo].Text, tt.lo, got, tt.want)
		}
	}
}

func TestListRun(t *testing.T) {
	// "the towns of Elm Rock, Bay Flat and the edge of Orrin", where the
	// recognizer read "Elm Rock, Bay Flat" as one place (judged unclear on
	// set o); "Portland, Maine" before a full stop is one place.
	words := func(ws ...string) []extract.Word {
		out := make([]extract.Word, len(ws))
		for i, w := range ws {
			out[i] = extract.Word{Text: w, UPOS: "PROPN", Mention: -1, Head: -1}
		}
		return out
	}
	run := &extract.Sentence{Words: words("of", "Elm", "Rock", ",", "Bay", "Flat", "and", "the", "edge")}
	run.Words[6].UPOS = "CCONJ"
	one := &extract.Sentence{Words: words("in", "Portland", ",", "Maine", ".")}
	one.Words[4].UPOS = "PUNCT"
	tests := []struct {
		s      *extract.Sentence
		lo, hi int
		want   bool
	}{
		{run, 1, 6, true},
		{run, 4, 6, false},
		{one, 1, 4, false},
	}
	for _, tt := range tests {
		if got := listRun(tt.s, extract.Target{Lo: tt.lo, Hi: tt.hi}); got != tt.want {
			t.Errorf("listRun(%d-%d) = %v, want %v", tt.lo, tt.hi, got, tt.want)
		}
	}
}

// sent builds a parsed sentence from "text/UPOS/head/rel" words (heads
// counted from 0, -1 for the root); a word whose text is capitalized
// mid-sentence is part of mention 0.
func sent(ws ...[4]string) *extract.Sentence {
	s := &extract.Sentence{}
	for i, w := range ws {
		h := 0
		fmt.Sscan(w[2], &h)
		m := -1
		if i > 0 && w[1] == "PROPN" {
			m = 0
		}
		s.Words = append(s.Words, extract.Word{Text: w[0], Lemma: strings.ToLower(w[0]), UPOS: w[1], Head: h, Rel: w[3], Mention: m, Ent: -1})
	}
	return s
}

func TestDescriptionChecks(t *testing.T) {
	// "a Lakeside coaching legend": the name modifies the noun.
	legend := sent([4]string{"a", "DET", "3", "det"}, [4]string{"Lakeside", "PROPN", "3", "compound"},
		[4]string{"coaching", "NOUN", "3", "compound"}, [4]string{"legend", "NOUN", "-1", "root"})
	if !modifier(legend, 1, 2) {
		t.Errorf("modifier(a _____ coaching legend) = false, want true")
	}
	// "a scientist at Lakeside": the name is the phrase's head.
	at := sent([4]string{"a", "DET", "1", "det"}, [4]string{"scientist", "NOUN", "-1", "root"},
		[4]string{"at", "ADP", "3", "case"}, [4]string{"Lakeside", "PROPN", "1", "nmod"})
	if modifier(at, 3, 4) {
		t.Errorf("modifier(a scientist at _____) = true, want false")
	}
	// "a scientist at the lab's Power Group": which lab?
	lab := sent([4]string{"a", "DET", "1", "det"}, [4]string{"scientist", "NOUN", "-1", "root"},
		[4]string{"at", "ADP", "7", "case"}, [4]string{"the", "DET", "4", "det"}, [4]string{"lab", "NOUN", "7", "nmod:poss"},
		[4]string{"'s", "PART", "4", "case"}, [4]string{"Power", "PROPN", "7", "compound"}, [4]string{"Group", "PROPN", "1", "nmod"})
	if !bareOwner(lab, 0, len(lab.Words)) {
		t.Errorf("bareOwner(at the lab's Power Group) = false, want true")
	}
	// "a scientist at Acme's Power Group" names its owner.
	acme := sent([4]string{"a", "DET", "1", "det"}, [4]string{"scientist", "NOUN", "-1", "root"},
		[4]string{"at", "ADP", "6", "case"}, [4]string{"Acme", "PROPN", "6", "nmod:poss"},
		[4]string{"'s", "PART", "3", "case"}, [4]string{"Power", "PROPN", "6", "compound"}, [4]string{"Group", "PROPN", "1", "nmod"})
	if bareOwner(acme, 0, len(acme.Words)) {
		t.Errorf("bareOwner(at Acme's Power Group) = true, want false")
	}
}

// TestLastResortPick checks the question an article with nothing surer
// serves: the one judges would most likely accept, but never one that
// dropped a clause its verb governs or names nothing of the story.
func TestLastResortPick(t *testing.T) {
	mk := func(fact int, prompt string, accept float64, flags ...string) candidate {
		return candidate{
			q:    quiz.Question{Type: quiz.ShortAnswer, Prompt: prompt, Answer: fmt.Sprint("A", fact), AnswerKind: quiz.KindPerson},
			fact: fact, sent: fact, score: float64(10 - fact), weak: true, accept: accept, flags: fired(flags),
		}
	}
	cands := []candidate{
		mk(0, "Who lobbied for the council?", 0.9, "wh-weak:lossy"),
		mk(1, "Who got the ruling?", 0.8, "wh-unsure:unspecific"),
		mk(2, "Who chairs the Harlow forum?", 0.3),
		mk(3, "Who spoke at the Harlow forum on Monday?", 0.5),
	}
	deck := selectDeck(cands, 8, true)
	var served []string
	for _, q := range deck {
		if !q.Reserve {
			served = append(served, q.Prompt)
		}
	}
	if want := []string{"Who spoke at the Harlow forum on Monday?"}; !slices.Equal(served, want) {
		t.Errorf("served %q, want %q", served, want)
	}
}

func TestSmallOrdinal(t *testing.T) {
	g := &Generator{lx: lexicon.Load()}
	for a, want := range map[string]bool{"fourth": true, "4th": true, "first": true, "Tenth": true, "11th": false, "39th": false, "twentieth": false, "fourteen": false, "4": false} {
		if got := g.smallOrdinal(a); got != want {
			t.Errorf("smallOrdinal(%q) = %v, want %v", a, got, want)
		}
	}
}

func TestFormDropsLostObject(t *testing.T) {
	for p, want := range map[string]bool{
		"In which year did Ana Lind make?":              false,
		"When did the council hold?":                    false,
		"What did Ana Lind make in 2017?":               true,
		"In which year did Ana Lind arrive?":            true,
		"In which year did Ana Lind make the crossing?": true,
	} {
		if _, ok := form(quiz.Question{Type: quiz.ShortAnswer, Prompt: p}); ok != want {
			t.Errorf("form(%q) ok = %v, want %v", p, ok, want)
		}
	}
}

func TestRangePart(t *testing.T) {
	// returns of 11 to 14 percent
	returns := sent([4]string{"returns", "NOUN", "-1", "root"}, [4]string{"of", "ADP", "2", "case"},
		[4]string{"11", "NUM", "4", "nummod"}, [4]string{"to", "ADP", "4", "case"}, [4]string{"14", "NUM", "5", "nummod"},
		[4]string{"percent", "NOUN", "0", "nmod"})
	// fell 9 percent to 186 kroner
	fell := sent([4]string{"fell", "VERB", "-1", "root"}, [4]string{"9", "NUM", "2", "nummod"}, [4]string{"percent", "NOUN", "0", "obl"},
		[4]string{"to", "ADP", "5", "case"}, [4]string{"186", "NUM", "5", "nummod"}, [4]string{"kroner", "NOUN", "0", "obl"})
	fell.Mentions = []extract.Mention{{Lo: 1, Hi: 3, Kind: quiz.KindPercent, Entity: -1}, {Lo: 4, Hi: 6, Kind: quiz.KindMoney, Entity: -1}}
	for i := range fell.Words {
		fell.Words[i].Mention = -1
	}
	fell.Words[1].Mention, fell.Words[2].Mention, fell.Words[4].Mention, fell.Words[5].Mention = 0, 0, 1, 1
	// between 5 and 7 a.m.
	between := sent([4]string{"between", "ADP", "1", "case"}, [4]string{"5", "NUM", "-1", "root"}, [4]string{"and", "CCONJ", "3", "cc"},
		[4]string{"7", "NUM", "1", "conj"}, [4]string{"a.m.", "NOUN", "3", "compound"})
	// from August 8 to 11
	days := sent([4]string{"from", "ADP", "1", "case"}, [4]string{"August", "PROPN", "-1", "root"}, [4]string{"8", "NUM", "1", "nummod"},
		[4]string{"to", "ADP", "4", "case"}, [4]string{"11", "NUM", "1", "nmod"})
	tests := []struct {
		name string
		s    *extract.Sentence
		t    extract.Target
		want bool
	}{
		{"from _____ to 11", days, extract.Target{Lo: 1, Hi: 3, Head: 1, Kind: quiz.KindDate}, true},
		{"_____ to 14 percent", returns, extract.Target{Lo: 2, Hi: 3, Head: 2, Kind: quiz.KindCount}, true},
		{"11 to _____", returns, extract.Target{Lo: 4, Hi: 6, Head: 5, Kind: quiz.KindPercent}, true},
		{"fell _____ to 186 kroner", fell, extract.Target{Lo: 1, Hi: 3, Head: 2, Kind: quiz.KindPercent}, false},
		{"fell 9 percent to _____", fell, extract.Target{Lo: 4, Hi: 6, Head: 5, Kind: quiz.KindMoney}, false},
		{"between 5 and _____ a.m.", between, extract.Target{Lo: 3, Hi: 4, Head: 3, Kind: quiz.KindTime}, true},
	}
	for _, tt := range tests {
		if got := rangePart(tt.s, tt.t); got != tt.want {
			t.Errorf("rangePart(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestUnclosedAside(t *testing.T) {
	sentence := "Ana Lind, 57, a former nurse, will oversee an agency of 3,000 staff."
	tests := []struct {
		prompt string
		want   bool
	}{
		{"Ana Lind, 57 will oversee an agency of _____ staff.", true},
		{"With how many staff will Ana Lind, 57 oversee an agency?", true},
		{"Ana Lind, 57, a former nurse, will oversee an agency of _____ staff.", false},
		{"Ana Lind will oversee an agency of _____ staff.", false},
		{"_____, 57, will oversee an agency of 3,000 staff.", false},
	}
	for _, tt := range tests {
		if got := unclosedAside(tt.prompt, sentence); got != tt.want {
			t.Errorf("unclosedAside(%q) = %v, want %v", tt.prompt, got, tt.want)
		}
	}
}

func TestDesignation(t *testing.T) {
	tag := func(ws ...string) *extract.Sentence { // "text/XPOS"
		s := &extract.Sentence{}
		for _, w := range ws {
			txt, x, _ := strings.Cut(w, "/")
			u := ""
			if x == "CD" {
				u = "NUM"
			}
			s.Words = append(s.Words, extract.Word{Text: txt, XPOS: x, UPOS: u, Mention: -1, Ent: -1})
		}
		return s
	}
	tests := []struct {
		name string
		s    *extract.Sentence
		at   int
		want bool
	}{
		{"as type 2 diabetes", tag("as/IN", "type/NN", "2/CD", "diabetes/NNS"), 2, true},
		{"seated in row 14", tag("seated/VBN", "in/IN", "row/NN", "14/CD"), 3, true},
		{"a town 40 miles away", tag("a/DT", "town/NN", "40/CD", "miles/NNS", "away/RB"), 2, false},
		{"raised 40 million", tag("raised/VBD", "40/CD", "million/CD"), 1, false},
		{"the world number six", tag("the/DT", "world/NN", "number/NN", "six/CD"), 3, true},
	}
	for _, tt := range tests {
		if got := designation(tt.s, extract.Target{Lo: tt.at, Hi: tt.at + 1, Head: tt.at, Kind: quiz.KindCount}); got != tt.want {
			t.Errorf("designation(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPointsBackThereOne(t *testing.T) {
	for p, want := range map[string]bool{
		"By 6 p.m., more than _____ people had registered there, officials said.": true,
		"How long does Ana Lind have to lodge one?":                               true,
		"There were _____ people at the meeting.":                                 false,
		"The other _____ people on board were unhurt.":                            true,
		"The other 12 crew members swam ashore.":                                  true,
		"They live on the other side of the river.":                               false,
		"Officials said there are _____ shelters open.":                           false,
		"The team finished the season at number one?":                             false,
		"How many of the boats were found over there?":                            false,
		"_____ was ranked number one.":                                            false,
	} {
		if got := pointsBack(p); got != want {
			t.Errorf("pointsBack(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestDanglingSubordinator(t *testing.T) {
	mk := func(ws ...string) *extract.Sentence { // "text/UPOS[/Fin]"
		s := &extract.Sentence{}
		for _, w := range ws {
			parts := strings.Split(w, "/")
			word := extract.Word{Text: parts[0], UPOS: parts[1], Mention: -1, Ent: -1}
			if len(parts) > 2 {
				word.Feats = "VerbForm=Fin"
			}
			s.Words = append(s.Words, word)
		}
		return s
	}
	// People left as a wildfire , driven by gusts , jumped the road .
	fire := mk("People/NOUN", "left/VERB/Fin", "as/SCONJ", "a/DET", "wildfire/NOUN", ",/PUNCT", "driven/VERB", "by/ADP",
		"gusts/NOUN", ",/PUNCT", "jumped/VERB/Fin", "the/DET", "road/NOUN", "./PUNCT")
	// Revenue fell since the closure of the plant , which employed 300 .
	plant := mk("Revenue/NOUN", "fell/VERB/Fin", "since/ADP", "the/DET", "closure/NOUN", ",/PUNCT", "which/PRON",
		"employed/VERB/Fin", "300/NUM", "./PUNCT")
	plant.Words[6].Feats = "PronType=Rel"
	// Halvik rose 2 percent and Tessin gained 1 percent .
	stocks := mk("Halvik/PROPN", "rose/VERB/Fin", "2/NUM", "percent/NOUN", "and/CCONJ", "Tessin/PROPN", "gained/VERB/Fin",
		"percent/NOUN", "./PUNCT")
	tests := []struct {
		name string
		s    *extract.Sentence
		idx  []int
		want bool
	}{
		{"as a wildfire.", fire, []int{0, 1, 2, 3, 4, 13}, true},
		{"as a wildfire jumped the road.", fire, []int{0, 1, 2, 3, 4, 10, 11, 12, 13}, false},
		{"since the closure.", plant, []int{0, 1, 2, 3, 4, 9}, false},
		{"rose 2 percent and Tessin.", stocks, []int{0, 1, 2, 3, 4, 5, 8}, true},
		{"rose 2 percent.", stocks, []int{0, 1, 2, 3, 8}, false},
	}
	for _, tt := range tests {
		if got := danglingSubordinator(tt.s, tt.idx); got != tt.want {
			t.Errorf("danglingSubordinator(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
