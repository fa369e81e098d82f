package export_test

import (
	"fmt"
	"os"

	"factdeck/quiz"
	"factdeck/quiz/export"
)

func ExampleWrite() {
	deck := quiz.Deck{
		Name:     "Summit",
		Articles: []quiz.Article{{ID: 1, Title: "Summit ends without a deal", Source: "summit.txt"}},
		Questions: []quiz.Question{
			{ID: 1, ArticleID: 1, Type: quiz.ShortAnswer, Prompt: "Where did the leaders meet?", Answer: "Oslo"},
			{ID: 2, ArticleID: 1, Type: quiz.TrueFalse, Prompt: "The talks lasted\tall night.", Answer: "False"},
		},
	}
	if err := export.Write(os.Stdout, export.Quizlet, deck); err != nil {
		fmt.Println(err)
	}
	fmt.Println(export.FileName(deck.Articles[0].Title, export.APKG))
	// Output:
	// Where did the leaders meet?	Oslo
	// True or false: The talks lasted\tall night.	False
	// summit-ends-without-a-deal.apkg
}
