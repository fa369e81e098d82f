package export

import (
	"bytes"
	"errors"
	"testing"

	"factdeck/quiz"
)

func TestSelect(t *testing.T) {
	tests := []struct {
		name                       string
		sel                        Selection
		questions, articles, facts int
	}{
		{"everything", Selection{}, 7, 2, 4},
		{"one article", Selection{ArticleID: 1}, 3, 1, 2},
		{"one type", Selection{Types: []quiz.QuestionType{quiz.Cloze}}, 2, 2, 2},
		{"article and types", Selection{ArticleID: 2, Types: []quiz.QuestionType{quiz.TrueFalse, quiz.MultipleChoice}}, 2, 1, 2},
		{"nothing", Selection{ArticleID: 99}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Select(testDeck(), tt.sel)
			if len(got.Questions) != tt.questions || len(got.Articles) != tt.articles || len(got.Facts) != tt.facts {
				t.Errorf("Select(%+v) = %d questions, %d articles, %d facts, want %d, %d, %d", tt.sel,
					len(got.Questions), len(got.Articles), len(got.Facts), tt.questions, tt.articles, tt.facts)
			}
			for _, q := range got.Questions {
				if tt.sel.ArticleID != 0 && q.ArticleID != tt.sel.ArticleID {
					t.Errorf("Select(%+v) kept question %d of article %d", tt.sel, q.ID, q.ArticleID)
				}
			}
		})
	}
	empty := Select(testDeck(), Selection{ArticleID: 99})
	if err := Write(&bytes.Buffer{}, APKG, empty); !errors.Is(err, quiz.ErrEmpty) {
		t.Errorf("Write(APKG, empty selection) = %v, want an error wrapping quiz.ErrEmpty", err)
	}
}
