package web

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"factdeck/quiz"
)

// TestFastQuestionPage checks that writeQuestion writes the same bytes as
// the question template for every kind of unanswered question.
func TestFastQuestionPage(t *testing.T) {
	f := newFixture(t)
	s := f.srv
	qs := append(append([]quiz.Question(nil), f.qs[0]...), f.qs[1]...)
	qs = append(qs, removedQuestion(99))
	sess := quiz.QuizSession{ID: 42, LearnerID: 7, Title: `Storm & "flood" <b>+'</b>` + "\x00"}
	tests := []struct {
		name string
		q    quiz.Question
		hint string
		pos  int
	}{
		{name: "multiple choice", q: qs[0]},
		{name: "true or false", q: qs[1], pos: 3},
		{name: "short answer", q: qs[2], pos: 1},
		{name: "short answer with a hint", q: qs[2], hint: `A… (9 letters) & <more>`},
		{name: "cloze", q: qs[3], pos: 9},
		{name: "markup in prompt and options", q: qs[4]},
		{name: "deleted question", q: qs[5]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card, err := s.renderCard(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			p := questionPage{base: base{Title: fmt.Sprintf("Question %d of 10", tt.pos+1), Nav: "quiz", CSRF: randomToken()},
				Session: sess, Question: tt.q, Card: card, Number: tt.pos + 1, Total: 10, Correct: tt.pos / 2,
				Progress: tt.pos * 10, Hint: tt.hint}
			if !fastQuestion(&p) {
				t.Fatal("fastQuestion = false, want true")
			}
			var want bytes.Buffer
			if err := s.pages["question"].ExecuteTemplate(&want, "layout", p); err != nil {
				t.Fatal(err)
			}
			got := s.writeQuestion(nil, &p)
			if !bytes.Equal(got, want.Bytes()) {
				i := 0
				for i < len(got) && i < want.Len() && got[i] == want.Bytes()[i] {
					i++
				}
				t.Errorf("writeQuestion differs from the template at byte %d:\ngot  %q\nwant %q", i,
					truncate(string(got[i:]), 120), truncate(want.String()[i:], 120))
			}
			if strings.Contains(string(got), "<script>") {
				t.Error("writeQuestion wrote a script tag from the data")
			}
		})
	}
}

// TestQuestionPageAfterEdit checks that a question page shows a question's
// new wording as soon as it is edited or deleted, although its card is
// cached after the first view.
func TestQuestionPageAfterEdit(t *testing.T) {
	f := newFixture(t)
	c := f.client(t)
	// One question per quiz: the first article's multiple choice question
	// leads every quiz made of it.
	mc := f.qs[0][0]
	id := startQuiz(t, c, url.Values{"deck": {fmt.Sprint(f.articles[0].ID)}, "count": {"4"}, "type": {string(quiz.MultipleChoice)}})
	page := fmt.Sprintf("/quiz/%d/q/1", id)
	show := func() string {
		t.Helper()
		code, body, _ := c.get(page)
		if code != 200 {
			t.Fatalf("GET %s = %d, want 200", page, code)
		}
		return body
	}
	if body := show(); !strings.Contains(body, mc.Prompt) || !strings.Contains(body, `value="Madrid"`) {
		t.Fatalf("GET %s does not show %q with its options", page, mc.Prompt)
	}
	show() // served from the cache

	tests := []struct {
		name     string
		edit     func()
		want     []string
		dontWant []string
	}{
		{"edit form", func() {
			c.postRedirect(fmt.Sprintf("/questions/%d", mc.ID), url.Values{"prompt": {"Which port city did the storm hit?"},
				"answer": {"Lisbon"}, "options": {"Lisbon\nPorto\nFaro"}})
		}, []string{"Which port city did the storm hit?", `value="Faro"`}, []string{mc.Prompt, `value="Madrid"`}},
		{"API", func() {
			if code, body := c.api("PUT", fmt.Sprintf("/api/v1/questions/%d", mc.ID), `{"prompt": "Name the city the storm hit."}`); code != 200 {
				t.Fatalf("PUT = %d %s", code, body)
			}
		}, []string{"Name the city the storm hit.", `value="Faro"`}, []string{"Which port city"}},
		{"delete", func() {
			c.postRedirect(fmt.Sprintf("/questions/%d/delete", mc.ID), nil)
		}, []string{"deleted after the quiz started", `id="skip"`}, []string{"Name the city the storm hit.", `value="Faro"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.edit()
			body := show()
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s after the edit lacks %q", page, w)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(body, w) {
					t.Errorf("GET %s after the edit still shows %q", page, w)
				}
			}
		})
	}
}
