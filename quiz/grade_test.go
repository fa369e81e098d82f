package quiz

import "testing"

func TestGrade(t *testing.T) {
	person := Question{Type: ShortAnswer, Answer: "Vladimir Medinsky", Accepted: []string{"Vladimir Medinsky", "Medinsky"}, AnswerKind: KindPerson}
	personNoSurname := Question{Type: ShortAnswer, Answer: "Dmitry Peskov", AnswerKind: KindPerson}
	city := Question{Type: ShortAnswer, Answer: "Istanbul", AnswerKind: KindCity}
	count := Question{Type: ShortAnswer, Answer: "71", Accepted: []string{"71", "seventy-one"}, AnswerKind: KindCount}
	words := Question{Type: Cloze, Answer: "six", AnswerKind: KindCount}
	more := Question{Type: ShortAnswer, Answer: "more than 50", AnswerKind: KindCount}
	days := Question{Type: ShortAnswer, Answer: "50 days", AnswerKind: KindDuration}
	ordinal := Question{Type: ShortAnswer, Answer: "third", AnswerKind: KindOrdinal}
	money := Question{Type: ShortAnswer, Answer: "$1.7 billion", AnswerKind: KindMoney}
	big := Question{Type: ShortAnswer, Answer: "27,403.54", AnswerKind: KindCount}
	org := Question{Type: ShortAnswer, Answer: "the United Nations", AnswerKind: KindOrganization}
	role := Question{Type: ShortAnswer, Answer: "culture minister", AnswerKind: KindRole}
	poss := Question{Type: ShortAnswer, Answer: "Ukraine's Security Council", AnswerKind: KindOrganization}
	mc := Question{Type: MultipleChoice, Answer: "Wednesday", Options: []string{"Monday", "Wednesday", "Friday", "Sunday"}, AnswerKind: KindWeekday}
	tf := Question{Type: TrueFalse, Answer: "False", Options: []string{"True", "False"}}
	hundred := Question{Type: ShortAnswer, Answer: "125", AnswerKind: KindCount}
	age := Question{Type: ShortAnswer, Answer: "66", AnswerKind: KindAge}
	short := Question{Type: ShortAnswer, Answer: "Kyiv", AnswerKind: KindCity}

	tests := []struct {
		name  string
		q     Question
		given string
		want  Result
	}{
		{"exact", person, "Vladimir Medinsky", Correct},
		{"case and space", person, "  vladimir   MEDINSKY ", Correct},
		{"surname accepted", person, "Medinsky", Correct},
		{"surname without accepted list", personNoSurname, "peskov", Correct},
		{"first name only is wrong", personNoSurname, "Dmitry", Wrong},
		{"typo in name is close", person, "Vladimir Medinksy", Close},
		{"typo in surname is close", person, "Medinksy", Close},
		{"other person is wrong", person, "Rustem Umerov", Wrong},
		{"city typo close", city, "Istambul", Close},
		{"city punctuation", city, "Istanbul.", Correct},
		{"city wrong", city, "Ankara", Wrong},
		{"empty is wrong", city, "   ", Wrong},
		{"digits", count, "71", Correct},
		{"number words", count, "seventy-one", Correct},
		{"number words spaced", count, "Seventy one", Correct},
		{"swapped digits wrong", count, "17", Wrong},
		{"near number wrong", count, "70", Wrong},
		{"word answer given digits", words, "6", Correct},
		{"word answer given word", words, "Six", Correct},
		{"word answer wrong number", words, "seven", Wrong},
		{"bare number for more than", more, "50", Correct},
		{"over for more than", more, "over 50", Correct},
		{"wrong number for more than", more, "60", Wrong},
		{"number without unit", days, "50", Correct},
		{"number words with unit", days, "fifty days", Correct},
		{"wrong unit count", days, "5 days", Wrong},
		{"ordinal digits", ordinal, "3rd", Correct},
		{"ordinal word", ordinal, "Third", Correct},
		{"ordinal wrong", ordinal, "second", Wrong},
		{"money words", money, "1.7 billion dollars", Correct},
		{"money wrong", money, "$1.6 billion", Wrong},
		{"group commas", big, "27403.54", Correct},
		{"leading article dropped", org, "United Nations", Correct},
		{"leading article added", city, "the Istanbul", Correct},
		{"role", role, "Culture Minister", Correct},
		{"role partial wrong", role, "minister", Wrong},
		{"possessive", poss, "Ukraines Security Council", Correct},
		{"possessive apostrophe", poss, "ukraine’s security council", Correct},
		{"hundreds", hundred, "one hundred and twenty-five", Correct},
		{"age with years old", age, "66 years old", Correct},
		{"age wrong", age, "56", Wrong},
		{"short names have no typo budget", short, "Kiev", Wrong},
		{"mc option", mc, "wednesday", Correct},
		{"mc letter", mc, "b", Correct},
		{"mc other option", mc, "Friday", Wrong},
		{"mc typo is wrong", mc, "Wensday", Wrong},
		{"tf", tf, "false", Correct},
		{"tf short", tf, "F", Correct},
		{"tf wrong", tf, "True", Wrong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Grade(tt.q, tt.given); got != tt.want {
				t.Errorf("Grade(%q, %q) = %v, want %v", tt.q.Answer, tt.given, got, tt.want)
			}
		})
	}
}

func TestNormalizeAnswer(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"articles", "The Kremlin", "kremlin"},
		{"only article kept", "the", "the"},
		{"number words", "seventy-one drones", "71 drones"},
		{"million", "two million people", "2000000 people"},
		{"ordinal", "the third round", "3rd round"},
		{"decimal", "1.7 billion", "1.7 billion"},
		{"sentence end", "Kherson.", "kherson"},
		{"percent sign", "49%", "49 percent"},
		{"and is not a number", "May and June", "may and june"},
		{"a is not a number", "a day", "day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeAnswer(tt.in); got != tt.want {
				t.Errorf("NormalizeAnswer(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
	}{
		{"equal", "istanbul", "istanbul", 0},
		{"substitution", "istambul", "istanbul", 1},
		{"transposition", "medinksy", "medinsky", 1},
		{"insertion", "zelenskyy", "zelensky", 1},
		{"empty", "", "abc", 3},
		{"unrelated", "kyiv", "kiev", 2},
		{"unicode", "erdoğan", "erdogan", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Distance(tt.a, tt.b); got != tt.want {
				t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestSurname(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"two words", "Dmitry Peskov", "Peskov"},
		{"three words", "Recep Tayyip Erdogan", "Erdogan"},
		{"suffix", "Martin Luther King Jr.", "King"},
		{"single", "Madonna", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Surname(tt.in); got != tt.want {
				t.Errorf("Surname(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestResultString(t *testing.T) {
	for r, want := range map[Result]string{Correct: "correct", Close: "close", Wrong: "wrong"} {
		if got := r.String(); got != want {
			t.Errorf("Result(%d).String() = %q, want %q", int(r), got, want)
		}
	}
}

// FuzzGrade checks that grading never panics and always accepts the answer
// itself.
func FuzzGrade(f *testing.F) {
	for _, s := range []string{"Vladimir Medinsky", "seventy-one", "more than 50", "$1.7 billion", "Istanbul", "", "the", "a a a", "one hundred and", "3rd"} {
		f.Add(s, "Istanbul")
	}
	f.Fuzz(func(t *testing.T, answer, given string) {
		for _, k := range []Kind{KindPerson, KindCount, KindCity} {
			q := Question{Type: ShortAnswer, Answer: answer, AnswerKind: k}
			_ = Grade(q, given)
			if NormalizeAnswer(answer) != "" && Grade(q, answer) != Correct {
				t.Errorf("Grade(%q, itself) = %v, want correct", answer, Grade(q, answer))
			}
		}
	})
}

// TestGradeTolerance covers the written variants every text answer accepts
// and the typo tolerance scaled to length, with the near numbers and dates
// that stay wrong.
func TestGradeTolerance(t *testing.T) {
	pct := Question{Type: ShortAnswer, Answer: "49%", AnswerKind: KindPercent}
	pctWords := Question{Type: Cloze, Answer: "49 percent", AnswerKind: KindPercent}
	term := Question{Type: ShortAnswer, Answer: "5-year", AnswerKind: KindDuration}
	days := Question{Type: ShortAnswer, Answer: "50 days", AnswerKind: KindDuration}
	money := Question{Type: ShortAnswer, Answer: "$3 billion", AnswerKind: KindMoney}
	us := Question{Type: ShortAnswer, Answer: "the U.S.", AnswerKind: KindCountry}
	phrase := Question{Type: Cloze, Answer: "ballistic missiles", AnswerKind: KindOther}
	long := Question{Type: ShortAnswer, Answer: "International Atomic Energy Agency", AnswerKind: KindOrganization}
	role := Question{Type: ShortAnswer, Answer: "spokesperson", AnswerKind: KindRole}
	date := Question{Type: ShortAnswer, Answer: "June 2024", AnswerKind: KindDate}
	month := Question{Type: ShortAnswer, Answer: "March", AnswerKind: KindDate}
	weekday := Question{Type: ShortAnswer, Answer: "Tuesday", AnswerKind: KindWeekday}
	year := Question{Type: ShortAnswer, Answer: "1998", AnswerKind: KindDate}
	tests := []struct {
		name  string
		q     Question
		given string
		want  Result
	}{
		// Accepted variants.
		{"percent word for sign", pct, "49 percent", Correct},
		{"per cent", pct, "49 per cent", Correct},
		{"pct", pct, "49 pct", Correct},
		{"sign for percent word", pctWords, "49%", Correct},
		{"spaced sign", pctWords, "49 %", Correct},
		{"number word for digit", term, "five-year", Correct},
		{"number word spaced", term, "five year", Correct},
		{"digit without hyphen", term, "5 year", Correct},
		{"plural unit", term, "5 years", Correct},
		{"yrs", term, "5 yrs", Correct},
		{"money words", money, "3 billion dollars", Correct},
		{"money usd", money, "3 billion USD", Correct},
		{"initialism without dots", us, "US", Correct},
		{"initialism spaced", us, "U. S.", Correct},
		// Typos in text answers of every kind, scaled to length.
		{"typo in a unit after a number", days, "50 adys", Close},
		{"typo in a unit misspelt", days, "50 dyas", Close},
		{"typo in a phrase", phrase, "balistic missiles", Close},
		{"two typos in a phrase", phrase, "balistic misiles", Close},
		{"three typos in a long name", long, "Internasional Atomik Energy Agensy", Close},
		{"typo in a role", role, "spokesperon", Close},
		{"unrelated phrase", phrase, "cruise missiles", Wrong},
		{"unrelated word after number", days, "50 drones", Wrong},
		// Numbers and dates stay exact.
		{"near percent", pct, "48%", Wrong},
		{"near percent in words", pct, "forty-eight percent", Wrong},
		{"near term", term, "four-year", Wrong},
		{"near number with unit", days, "51 days", Wrong},
		{"near number with typo", days, "51 adys", Wrong},
		{"near money", money, "$3.5 billion", Wrong},
		{"near year", year, "1989", Wrong},
		{"near date year", date, "June 2025", Wrong},
		{"misspelt month is another date", date, "Jnue 2024", Wrong},
		{"month typo exact", month, "Marhc", Wrong},
		{"weekday typo exact", weekday, "Tuesdya", Wrong},
		{"date exact", date, "june 2024", Correct},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Grade(tt.q, tt.given); got != tt.want {
				t.Errorf("Grade(%q, %q) = %v, want %v", tt.q.Answer, tt.given, got, tt.want)
			}
		})
	}
}
