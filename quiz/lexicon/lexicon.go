// Package lexicon provides word lists of general English and world
// knowledge (weekdays, months, countries, cities, nationalities, titles,
// given names, organization words) used to type entities and to draw
// distractors. The lists are whole lists, never picks from any article.
package lexicon

import "factdeck/quiz"

// List returns the lexicon for kind k (weekday names for quiz.KindWeekday,
// country names for quiz.KindCountry, ...), or nil when there is none. The
// returned slice must not be modified.
func List(k quiz.Kind) []string {
	switch k {
	case quiz.KindWeekday:
		return weekdays
	}
	return nil
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
