package oldgenerate

import (
	"strings"
	"testing"

	"factdeck/quiz"
)

func TestTenseOf(t *testing.T) {
	tests := []struct {
		name, sent, answer string
		want               tense
	}{
		{"future will", "The talks will take place in Geneva on Monday.", "Geneva", tenseFuture},
		{"future set to", "Fresh talks are set to take place in Geneva as both sides prepare.", "Geneva", tenseFuture},
		{"future scheduled for", "The summit is scheduled for Friday in Oslo.", "Friday", tenseFuture},
		{"past", "The talks took place in Geneva on Monday.", "Geneva", tensePast},
		{"past by default", "Delegates met in Geneva on Monday.", "Monday", tensePast},
		{"present perfect announces future", "The president has announced that new talks will take place in Geneva.", "Geneva", tenseFuture},
		{"reported speech", "The minister said the talks would take place in Geneva.", "Geneva", tenseFuturePast},
		{"was due", "The vote was due to be held on Sunday.", "Sunday", tenseFuturePast},
		{"headline infinitive", "France and Spain to hold talks in Geneva, amid tension.", "Geneva", tenseFuture},
		{"sought", "The premier, who had sought a meeting with the king in Madrid, left.", "Madrid", tenseUnrealized},
		{"habitual", "The festival takes place in Edinburgh every August.", "Edinburgh", tensePresent},
		{"clause-local past", "The talks took place in Geneva on Monday, and a new round will follow in May.", "Monday", tensePast},
		{"sentence plan covers a clause", "Both sides are gearing up for talks in Geneva, with the minister confirming the meeting.", "Geneva", tenseFuture},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.sent, tt.answer)
			if got := tenseOf(tt.sent, i, i+len(tt.answer)); got != tt.want {
				t.Errorf("tenseOf(%q, %q) = %d, want %d", tt.sent, tt.answer, got, tt.want)
			}
		})
	}
}

func TestSetTense(t *testing.T) {
	tests := []struct {
		name  string
		event string
		tense tense
		want  string
	}{
		{"past", "talks", tensePast, "In which city did the talks take place?"},
		{"future", "talks", tenseFuture, "In which city will the talks take place?"},
		{"future in the past plural", "talks", tenseFuturePast, "In which city were the talks to take place?"},
		{"future in the past singular", "summit", tenseFuturePast, "In which city was the summit to take place?"},
		{"present", "festival", tensePresent, "In which city does the festival take place?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := slots{"event": tt.event, "kind": "city"}
			setTense(s, tt.tense)
			got, ok := fill("In which {kind} {aux} {event|the} {take} place?", s)
			if !ok || got != tt.want {
				t.Errorf("fill(%s) = %q, %v, want %q", tt.name, got, ok, tt.want)
			}
		})
	}
	s := slots{"event": "meeting", "kind": "city"}
	setTense(s, tenseUnrealized)
	if got, ok := fill("In which {kind} {aux} {event|the} {take} place?", s); ok {
		t.Errorf("fill(unrealized) = %q, true, want no question", got)
	}
}

func TestAttributionFor(t *testing.T) {
	tests := []struct {
		name, sent, answer, attr string
		conflicts                bool
		want                     string
	}{
		{"same clause", "The talks will take place on Monday, according to RIA Novosti.", "Monday", "RIA Novosti", false, "RIA Novosti"},
		{"opener", "According to RIA Novosti, the talks will take place on Monday.", "Monday", "RIA Novosti", false, "RIA Novosti"},
		{"possessive taken for granted", "The Green Party won Sunday's election with 34 percent of the vote, according to official results, but fell short.", "Sunday", "official results", false, ""},
		{"result attributed", "The Green Party won Sunday's election with 34 percent of the vote, according to official results, but fell short.", "34 percent", "official results", false, "official results"},
		{"other clause", "The agency said prices rose, while the meeting is set for Friday.", "Friday", "The agency", false, ""},
		{"conflict keeps source", "The agency said prices rose, while the meeting is set for Friday.", "Friday", "The agency", true, "The agency"},
		{"reporting verb", "The Air Force reported that the army launched 71 drones.", "71", "Air Force", false, "Air Force"},
		{"not in the sentence", "The talks will take place on Monday.", "Monday", "Reuters", false, "Reuters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.sent, tt.answer)
			if got := attributionFor(tt.attr, tt.conflicts, tt.sent, i, i+len(tt.answer)); got != tt.want {
				t.Errorf("attributionFor(%q, %q) = %q, want %q", tt.sent, tt.answer, got, tt.want)
			}
		})
	}
}

func TestBlankExcerpt(t *testing.T) {
	long := "Officials from both countries met in the capital for three days of intense negotiations, " +
		"while protesters gathered outside the building demanding an immediate end to the fighting in the east."
	tests := []struct {
		name, sent, answer, want string
	}{
		{"short sentence kept whole", "The summit is set for Friday in Oslo.", "Oslo", "The summit is set for Friday in _____"},
		{"long sentence cut to the clause", long, "three", "Officials from both countries met in the capital for _____ days of intense negotiations …"},
		{"long sentence, later clause", long, "east", "… while protesters gathered outside the building demanding an immediate end to the fighting in the _____"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.sent, tt.answer)
			if got := blankExcerpt(tt.sent, i, i+len(tt.answer)); got != tt.want {
				t.Errorf("blankExcerpt(%q) = %q, want %q", tt.answer, got, tt.want)
			}
		})
	}
}

func TestStatementClause(t *testing.T) {
	tests := []struct {
		name, sent, answer, want string
		ok                       bool
	}{
		{"trimmed to the clause", "Shares of Acme rose 18 percent in early trading, while Bolt's stock fell 2.5 percent.", "2.5 percent", "Bolt's stock fell 2.5 percent", true},
		{"attribution cut", "The quake destroyed 1,400 homes in the port, according to the national disaster agency.", "1,400", "The quake destroyed 1,400 homes in the port", true},
		{"headline without a verb", "France and Spain to engage in talks in Geneva, amid ongoing tension and scrutiny.", "Geneva", "", false},
		{"relative clause cannot stand", "The plan was backed by the council, which met in Geneva on a cold Monday morning.", "Geneva", "", false},
		{"pronoun", "He said the talks in Geneva had been very useful for everyone.", "Geneva", "", false},
		{"too long", "The committee, which was formed in the spring after a long and bitter debate among the many members of the assembly about its mandate and budget, met in Geneva.", "Geneva", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.sent, tt.answer)
			c, s, e, ok := statementClause(tt.sent, i, i+len(tt.answer))
			if ok != tt.ok || c != tt.want || ok && c[s:e] != tt.answer {
				t.Errorf("statementClause(%q) = %q, %v, want %q, %v", tt.answer, c, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestNearPersons(t *testing.T) {
	facts := []quiz.Fact{
		{ArticleID: 1, Subject: "Ana Costa", SubjectKind: quiz.KindPerson, Relation: quiz.RelLeads, Object: "Socialist Party", ObjectKind: quiz.KindOrganization},
		{ArticleID: 1, Subject: "Portugal", SubjectKind: quiz.KindCountry, Relation: quiz.RelIsA},
	}
	pool := []quiz.Fact{
		{ArticleID: 2, Subject: "Rui Lopes", SubjectKind: quiz.KindPerson, Relation: quiz.RelLeads, Object: "Green Party", ObjectKind: quiz.KindOrganization},
		{ArticleID: 3, Subject: "John Smith", SubjectKind: quiz.KindPerson, Relation: quiz.RelRole, Object: "coach", ObjectKind: quiz.KindRole},
		{ArticleID: 4, Subject: "Maria Silva", SubjectKind: quiz.KindPerson, Relation: quiz.RelRole, Object: "minister", ObjectKind: quiz.KindRole},
		{ArticleID: 4, Subject: "Portugal", SubjectKind: quiz.KindCountry, Relation: quiz.RelIsA},
	}
	p := newPools(facts, pool)
	got := map[string]int{}
	for _, c := range p.nearPersons("Ana Costa", p.byKind[quiz.KindPerson]) {
		got[c.text] = c.tier
	}
	want := map[string]int{"Ana Costa": 0, "Rui Lopes": 1, "Maria Silva": 1, "John Smith": 2}
	for name, tier := range want {
		if got[name] != tier {
			t.Errorf("nearPersons(Ana Costa): tier of %s = %d, want %d", name, got[name], tier)
		}
	}
}
