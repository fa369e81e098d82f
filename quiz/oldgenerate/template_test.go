package oldgenerate

import (
	"os"
	"path/filepath"
	"testing"

	"factdeck/quiz"
)

func TestFill(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		slots  slots
		want   string
		wantOK bool
	}{
		{"plain", "Who is {role}?", slots{"role": "Russia's president"}, "Who is Russia's president?", true},
		{"possessive", "Who heads {org's} delegation?", slots{"org": "Russia"}, "Who heads Russia's delegation?", true},
		{"possessive with article", "Who is {org's} spokesperson?", slots{"org": "Kremlin"}, "Who is the Kremlin's spokesperson?", true},
		{"possessive plural name", "Who leads {org's} team?", slots{"org": "United States"}, "Who leads the United States' team?", true},
		{"possessive of name in s", "What is {org's} plan?", slots{"org": "Paris"}, "What is Paris's plan?", true},
		{"the before common noun", "Where {aux} {event|the} take place?", slots{"event": "peace talks", "aux": "will"}, "Where will the peace talks take place?", true},
		{"the before nationality noun phrase", "When did {event|the} happen?", slots{"event": "Russian missile strike"}, "When did the Russian missile strike happen?", true},
		{"no the before name", "Where is {subject|the}?", slots{"subject": "Apple"}, "Where is Apple?", true},
		{"plural agreement", "{subject|the|cap} {subject|be} over.", slots{"subject": "talks"}, "The talks are over.", true},
		{"singular agreement", "{subject|the|cap} {subject|be} over.", slots{"subject": "meeting"}, "The meeting is over.", true},
		{"plural of-phrase", "How many {subject} {subject|was} hit?", slots{"subject": "districts of Kyiv"}, "How many districts of Kyiv were hit?", true},
		{"s filter singular", "{subject|the|cap} take{subject|s} place.", slots{"subject": "summit"}, "The summit takes place.", true},
		{"s filter plural", "{subject|the|cap} take{subject|s} place.", slots{"subject": "talks"}, "The talks take place.", true},
		{"locative country", "What post does {subject} hold[ {org|at}]?", slots{"subject": "Jane Doe", "org": "France"}, "What post does Jane Doe hold in France?", true},
		{"locative organization", "What post does {subject} hold[ {org|at}]?", slots{"subject": "Jane Doe", "org": "Pentagon"}, "What post does Jane Doe hold at the Pentagon?", true},
		{"optional dropped", "What post does {subject} hold[ {org|at}]?", slots{"subject": "Jane Doe"}, "What post does Jane Doe hold?", true},
		{"context phrase", "Who heads {object}[ {context|ctx}]?", slots{"object": "Russia's delegation", "context": "the Istanbul talks"}, "Who heads Russia's delegation at the Istanbul talks?", true},
		{"context preposition kept", "Who heads {object}[ {context|ctx}]?", slots{"object": "Russia's delegation", "context": "in Istanbul"}, "Who heads Russia's delegation in Istanbul?", true},
		{"missing required slot", "Who is {org's} {object}?", slots{"object": "spokesperson"}, "", false},
		{"unknown filter", "Who is {org|shout}?", slots{"org": "NATO"}, "", false},
		{"unbalanced", "Who is {org", slots{"org": "NATO"}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := fill(tt.text, tt.slots)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("fill(%q) = %q, %v, want %q, %v", tt.text, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestRoleNP(t *testing.T) {
	tests := []struct{ name, role, org, want string }{
		{"country", "president", "Ukraine", "Ukraine's president"},
		{"organization with article", "spokesperson", "Kremlin", "the Kremlin's spokesperson"},
		{"abbreviation", "president", "U.S.", "the U.S. president"},
		{"acronym", "secretary general", "NATO", "the NATO secretary general"},
		{"long organization", "head", "National Security and Defence Council", "the head of the National Security and Defence Council"},
		{"possessive organization", "chief", "Ukraine's Security Council", "the chief of Ukraine's Security Council"},
		{"plural country", "president", "United States", "the United States' president"},
		{"no org", "president", "", ""},
		{"many hold it", "physicist", "King's College London", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := roleNP(tt.role, tt.org); got != tt.want {
				t.Errorf("roleNP(%q, %q) = %q, want %q", tt.role, tt.org, got, tt.want)
			}
		})
	}
}

// TestBuild fills the embedded templates from single facts and checks the
// wording, including the cases where no question may be made.
func TestBuild(t *testing.T) {
	g := mustNew(t)
	role := quiz.Fact{ID: 1, Kind: quiz.KindRole, Subject: "Jane Doe", SubjectKind: quiz.KindPerson, Relation: quiz.RelRole,
		Object: "foreign minister", ObjectKind: quiz.KindRole, Org: "France",
		Sentence: "French foreign minister Jane Doe arrived in Oslo.", SpanStart: 26, SpanEnd: 34}
	noOrg := role
	noOrg.Org = ""
	pronoun := role
	pronoun.Subject = "She"
	vagueTalks := quiz.Fact{ID: 2, Subject: "the talks", SubjectKind: quiz.KindMisc, Relation: quiz.RelLocation,
		Object: "Geneva", ObjectKind: quiz.KindCity, Sentence: "The talks will be held in Geneva.", SpanStart: 26, SpanEnd: 32}
	withContext := vagueTalks
	withContext.Context = "the climate talks"
	attributed := quiz.Fact{ID: 3, Subject: "G20 summit", SubjectKind: quiz.KindMisc, Relation: quiz.RelTime,
		Object: "Friday", ObjectKind: quiz.KindWeekday, Attribution: "Reuters",
		Sentence: "The G20 summit will take place on Friday, Reuters reported.", SpanStart: 34, SpanEnd: 40}
	p := newPools([]quiz.Fact{role, vagueTalks, attributed}, []quiz.Fact{
		{Subject: "John Roe", SubjectKind: quiz.KindPerson}, {Subject: "Ann Poe", SubjectKind: quiz.KindPerson},
		{Subject: "Bob Stone", SubjectKind: quiz.KindPerson},
	})
	tmpl := func(id string) Template {
		for _, t := range g.templates {
			if t.ID == id {
				return t
			}
		}
		t.Fatalf("no template %q", id)
		return Template{}
	}
	tests := []struct {
		name   string
		tmpl   string
		fact   quiz.Fact
		ty     quiz.QuestionType
		want   string
		wantOK bool
	}{
		{"role holder", "role-holder", role, quiz.ShortAnswer, "Who is France's foreign minister?", true},
		{"role holder needs org", "role-holder", noOrg, quiz.ShortAnswer, "", false},
		{"role post", "role-post", role, quiz.ShortAnswer, "What post does Jane Doe hold in France?", true},
		{"role post without org", "role-post", noOrg, quiz.ShortAnswer, "What post does Jane Doe hold?", true},
		{"pronoun subject", "role-post", pronoun, quiz.ShortAnswer, "", false},
		{"pronoun answer", "role-holder", pronoun, quiz.ShortAnswer, "", false},
		{"vague subject without context", "location-event", vagueTalks, quiz.ShortAnswer, "", false},
		{"vague subject with context", "location-event", withContext, quiz.ShortAnswer, "In which city will the climate talks take place?", true},
		{"attributed", "time-day", attributed, quiz.ShortAnswer, "According to Reuters, on which day will the G20 summit take place?", true},
		{"cloze", "role-holder", role, quiz.Cloze, "French foreign minister _____ arrived in Oslo.", true},
		{"multiple choice", "role-holder", role, quiz.MultipleChoice, "Who is France's foreign minister?", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := build(tmpl(tt.tmpl), tt.fact, tt.ty, p)
			if ok != tt.wantOK || q.Prompt != tt.want {
				t.Errorf("build(%s, %s) = %q, %v, want %q, %v", tt.tmpl, tt.ty, q.Prompt, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestHowMany(t *testing.T) {
	tests := []struct {
		name, sent, span, want string
	}{
		{"subject count", "Earlier, six districts of Kyiv came under a coordinated drone and missile barrage, part of a wider attack.", "six", "How many districts of Kyiv came under a coordinated drone and missile barrage?"},
		{"object count", "The air force said that Russia launched 71 drones across various regions, with 45 intercepted.", "71", "How many drones did Russia launch across various regions?"},
		{"qualified count", "Ukrainian defenses reportedly repelled over 50 attacks in the region.", "over 50", "How many attacks did Ukrainian defenses reportedly repel in the region?"},
		{"present perfect", "The company has hired 300 engineers in Berlin.", "300", "How many engineers has the company hired in Berlin?"},
		{"relative time is dangling", "The company has hired 300 engineers this year.", "300", ""},
		{"dash aside dropped", "Additionally, three civilians—including two teenagers—suffered injuries in the overnight assault.", "three", "How many civilians suffered injuries in the overnight assault?"},
		{"unknown verb", "The plane carrying 162 people vanished.", "162", ""},
		{"pronoun subject", "They launched 12 rockets.", "12", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := indexWord(tt.sent, tt.span)
			if i < 0 {
				t.Fatalf("span %q not in %q", tt.span, tt.sent)
			}
			if got := howMany(tt.sent, i, i+len(tt.span), quiz.KindCount); got != tt.want {
				t.Errorf("howMany(%q) = %q, want %q", tt.sent, got, tt.want)
			}
		})
	}
}

func TestNumberDistractors(t *testing.T) {
	tests := []struct {
		name, answer string
		kind         quiz.Kind
	}{
		{"digits", "71", quiz.KindCount},
		{"words", "six", quiz.KindCount},
		{"qualified", "more than 50", quiz.KindCount},
		{"unit", "50 days", quiz.KindDuration},
		{"money", "$1.7 billion", quiz.KindMoney},
		{"grouped", "27,403", quiz.KindCount},
		{"year", "2022", quiz.KindDate},
		{"ordinal", "third", quiz.KindOrdinal},
		{"percent", "49 percent", quiz.KindPercent},
	}
	p := newPools(nil, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := p.distractors(tt.answer, tt.kind, "", nil, 42, 3)
			if len(ds) != 3 {
				t.Fatalf("distractors(%q) = %q, want 3", tt.answer, ds)
			}
			ap, _, as, astyle, _ := splitNumber(tt.answer)
			for _, d := range ds {
				dp, _, dsuf, dstyle, ok := splitNumber(d)
				if !ok || dp != ap || dsuf != as || dstyle != astyle || d == tt.answer {
					t.Errorf("distractors(%q) has %q, not a different number in the same format", tt.answer, d)
				}
			}
		})
	}
}

func TestNewTemplateDir(t *testing.T) {
	dir := t.TempDir()
	override := `- id: role-holder
  relations: [role]
  subject_kinds: [person]
  answer: subject
  question: "Which person serves as {role}?"
  statement: "{subject} serves as {role}"
  types: [short_answer]
  difficulty: 1
  priority: 50
- id: extra
  relations: [age]
  answer: object
  question: "What age is {subject}?"
  types: [short_answer]
  difficulty: 1
  priority: 1
`
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(override), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := New(dir)
	if err != nil {
		t.Fatalf("New(%s) = %v", dir, err)
	}
	ids := map[string]Template{}
	for _, tm := range g.Templates() {
		ids[tm.ID] = tm
	}
	if ids["role-holder"].Question != "Which person serves as {role}?" {
		t.Errorf("role-holder question = %q, want the override", ids["role-holder"].Question)
	}
	if _, ok := ids["extra"]; !ok {
		t.Error("extra template not added")
	}
	if _, ok := ids["role-post"]; !ok {
		t.Error("embedded role-post template lost")
	}

	bad := []struct{ name, yaml string }{
		{"no id", "- relations: [role]\n  answer: subject\n  question: x\n  types: [short_answer]\n  difficulty: 1\n"},
		{"bad answer", "- id: x\n  relations: [role]\n  answer: verb\n  question: x\n  types: [short_answer]\n  difficulty: 1\n"},
		{"bad type", "- id: x\n  relations: [role]\n  answer: subject\n  question: x\n  types: [essay]\n  difficulty: 1\n"},
		{"tf without statement", "- id: x\n  relations: [role]\n  answer: subject\n  question: x\n  types: [true_false]\n  difficulty: 1\n"},
		{"bad difficulty", "- id: x\n  relations: [role]\n  answer: subject\n  question: x\n  types: [short_answer]\n  difficulty: 7\n"},
		{"not yaml", "- id: [x\n"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			d := t.TempDir()
			if err := os.WriteFile(filepath.Join(d, "bad.yaml"), []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := New(d); err == nil {
				t.Errorf("New(%s) accepted a bad template", tt.name)
			}
		})
	}
	if _, err := New(filepath.Join(dir, "missing")); err == nil {
		t.Error("New(missing dir) = nil error")
	}
}

func TestDatelineEnd(t *testing.T) {
	tests := []struct {
		name, sent, wantRest string
	}{
		{"city and agency", "MUMBAI (Reuters) - The BSE Sensex ended flat.", "The BSE Sensex ended flat."},
		{"city, country and agency", "SURABAYA, Indonesia/JAKARTA (Reuters) - Rescuers pulled bodies from the sea.", "Rescuers pulled bodies from the sea."},
		{"city, date and agency", "OSLO, March 10 (AP) - The party won the vote.", "The party won the vote."},
		{"two-word city", "NEW ORLEANS - Both analysts are paid to talk.", "Both analysts are paid to talk."},
		{"ordinary sentence", "US President Donald Trump spoke - briefly.", "US President Donald Trump spoke - briefly."},
		{"no dateline", "Ukraine and Russia met in Istanbul.", "Ukraine and Russia met in Istanbul."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.sent[datelineEnd(tt.sent):]; got != tt.wantRest {
				t.Errorf("datelineEnd(%q) leaves %q, want %q", tt.sent, got, tt.wantRest)
			}
		})
	}
}

func TestPersonName(t *testing.T) {
	p := newPools([]quiz.Fact{{Subject: "Donald Trump", SubjectKind: quiz.KindPerson}}, nil)
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"full name", "Jane Doe", true},
		{"known surname", "Trump", true},
		{"unknown single word", "Electric", false},
		{"lower case", "the official", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.personName(tt.in); got != tt.want {
				t.Errorf("personName(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestAlias(t *testing.T) {
	tests := []struct {
		name, a, b string
		kind       quiz.Kind
		want       bool
	}{
		{"same", "Istanbul", "istanbul", quiz.KindCity, true},
		{"surname", "Vladimir Putin", "Putin", quiz.KindPerson, true},
		{"middle initial", "Vladimir Putin", "Vladimir V. Putin", quiz.KindPerson, true},
		{"demonym and possessive", "Ukrainian Security Council", "Ukraine's Security Council", quiz.KindOrganization, true},
		{"contained", "Pokrovsk", "Pokrovsk region", quiz.KindRegion, true},
		{"acronym", "AFP", "Agence France-Presse", quiz.KindOrganization, true},
		{"acronym with small words", "United Nations", "UN", quiz.KindOrganization, true},
		{"not an acronym", "BBC", "Agence France-Presse", quiz.KindOrganization, false},
		{"different people", "Vladimir Putin", "Vladimir Medinsky", quiz.KindPerson, false},
		{"different councils", "Ukrainian Security Council", "Russian Security Council", quiz.KindOrganization, false},
		{"different cities", "Kyiv", "Kharkiv", quiz.KindCity, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := alias(tt.a, tt.b, tt.kind); got != tt.want {
				t.Errorf("alias(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestDangling(t *testing.T) {
	tests := []struct {
		name, sent string
		want       bool
	}{
		{"opens with pronoun", "He added that the talks would go on.", true},
		{"pronoun before any name", "In a statement during his daily address, he revealed details.", true},
		{"name before pronoun", "Trump said he was disappointed in the Russian leader.", false},
		{"pronoun in a quotation", "“We will see what they do,” Jane Doe said.", false},
		{"no pronoun", "Russia launched 71 drones.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dangling(tt.sent); got != tt.want {
				t.Errorf("dangling(%q) = %v, want %v", tt.sent, got, tt.want)
			}
		})
	}
}
