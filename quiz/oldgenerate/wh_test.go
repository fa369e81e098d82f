package oldgenerate

import (
	"strings"
	"testing"

	"factdeck/quiz"
)

func TestClauseQuestion(t *testing.T) {
	tests := []struct {
		name, sent, ans string
		kind            quiz.Kind
		want            string
	}{
		{"percent change", "Shares of Vantero rose 18 percent on Tuesday.", "18 percent", quiz.KindPercent, "By what percentage did shares of Vantero rise on Tuesday?"},
		{"percent by", "Vantero's shares fell by 12 percent after the report.", "12 percent", quiz.KindPercent, "By what percentage did Vantero's shares fall after the report?"},
		{"percent share", "The Liberal Party won 52 percent of the vote in Sunday's election.", "52 percent", quiz.KindPercent, "What share of the vote did the Liberal Party win in Sunday's election?"},
		{"money for", "NASA spent $1.7 billion for the Space Launch System.", "$1.7 billion", quiz.KindMoney, "How much did NASA spend for the Space Launch System?"},
		{"money vague subject with name", "The company paid $2 billion for Orbital Dynamics.", "$2 billion", quiz.KindMoney, "How much did the company pay for Orbital Dynamics?"},
		{"money passive", "Meridian Bank was fined $250 million by regulators.", "$250 million", quiz.KindMoney, "How much was Meridian Bank fined by regulators?"},
		{"money present", "The Harbour Arena costs $900 million.", "$900 million", quiz.KindMoney, "How much does the Harbour Arena cost?"},
		{"year passive", "The Kestrel Museum was founded in 1985 by two teachers.", "1985", quiz.KindDate, "In which year was the Kestrel Museum founded by two teachers?"},
		{"year active", "Portugal joined the European Union in 1986.", "1986", quiz.KindDate, "In which year did Portugal join the European Union?"},
		{"year opener", "In 2019, the city council approved the tunnel.", "2019", quiz.KindDate, "In which year did the city council approve the tunnel?"},
		{"weekday future", "Finance ministers will meet in Brussels on Monday.", "Monday", quiz.KindWeekday, "On which day will finance ministers meet in Brussels?"},
		{"vague passive", "The museum was founded in 1985 by two teachers.", "1985", quiz.KindDate, ""},
		{"adverb and compound subject", "Rescue teams from Spain and Japan arrived on Monday to help search the rubble.", "Monday", quiz.KindWeekday, "On which day did rescue teams from Spain and Japan arrive to help search the rubble?"},
		{"adverb after aux", "GCSEs were eventually introduced in September 1986 with Kenneth Baker as education secretary.", "September 1986", quiz.KindDate, "In which month were GCSEs eventually introduced with Kenneth Baker as education secretary?"},
		{"pronoun subject", "It rose 18 percent on Tuesday.", "18 percent", quiz.KindPercent, ""},
		{"vague subject", "The company paid $2 billion for the deal.", "$2 billion", quiz.KindMoney, ""},
		{"object between", "The club paid the player $5 million.", "$5 million", quiz.KindMoney, ""},
		{"count kind", "The army launched 71 drones.", "71", quiz.KindCount, ""},
		{"since is no date of the event", "Prices have risen since 2019.", "2019", quiz.KindDate, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.sent, tt.ans)
			got := clauseQuestion(tt.sent, i, i+len(tt.ans), tt.kind)
			if got != tt.want {
				t.Errorf("clauseQuestion(%q) = %q, want %q", tt.sent, got, tt.want)
			}
		})
	}
}
