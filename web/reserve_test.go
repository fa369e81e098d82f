package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"factdeck/quiz"
)

// TestReserveQuestions checks that reserve questions are served only behind
// the article page's toggle and the API's reserve parameter, and that a
// teacher can promote one by form and by API.
func TestReserveQuestions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, facts, qs := storm()
	a.Hash, a.Title = "storm-reserve", "Gale reaches the harbour"
	for i := range qs {
		qs[i].Reserve = i >= 2 // the short answer and the cloze
	}
	art, _, stored, err := createArticle(f.store, ctx, a, facts, qs)
	if err != nil {
		t.Fatal(err)
	}
	c := f.client(t)
	path := fmt.Sprintf("/articles/%d", art.ID)
	_, body, _ := c.get(path)
	if strings.Contains(body, stored[2].Prompt) || !strings.Contains(body, "Show 2 reserve questions") {
		t.Errorf("article page shows a reserve question or lacks the toggle")
	}
	_, body, _ = c.get(path + "?reserve=1")
	if !strings.Contains(body, stored[2].Prompt) || !strings.Contains(body, fmt.Sprintf(`action="/questions/%d/promote"`, stored[2].ID)) {
		t.Errorf("article page with the reserve lacks the reserve question and its promote form")
	}
	apiCount := func(query string) int {
		code, body := c.api(http.MethodGet, "/api/v1/questions?article="+fmt.Sprint(art.ID)+query, "")
		var v struct{ Questions []apiQuestion }
		if err := json.Unmarshal([]byte(body), &v); err != nil || code != 200 {
			t.Fatalf("GET questions%s = %d %v", query, code, err)
		}
		return len(v.Questions)
	}
	if n := apiCount(""); n != 2 {
		t.Errorf("API questions = %d, want the 2 not in reserve", n)
	}
	if n := apiCount("&reserve=true"); n != 2 {
		t.Errorf("API reserve questions = %d, want 2", n)
	}
	// Quizzes on the article never ask a reserve question.
	for range 5 {
		id := startQuiz(t, c, map[string][]string{"deck": {fmt.Sprint(art.ID)}, "count": {"10"}})
		sess, _ := f.store.QuizSession(ctx, id)
		if len(sess.QuestionIDs) != 2 {
			t.Fatalf("quiz on the article has %d questions, want the 2 not in reserve", len(sess.QuestionIDs))
		}
	}
	c.postRedirect(fmt.Sprintf("/questions/%d/promote", stored[2].ID), nil)
	if code, _ := c.api(http.MethodPost, fmt.Sprintf("/api/v1/questions/%d/promote", stored[3].ID), ""); code != 200 {
		t.Errorf("API promote = %d, want 200", code)
	}
	if n := apiCount(""); n != 4 {
		t.Errorf("API questions after promotion = %d, want 4", n)
	}
	q, _ := f.store.Question(ctx, stored[2].ID)
	if q.Reserve || q.Type != quiz.ShortAnswer {
		t.Errorf("promoted question = %+v", q)
	}
}
