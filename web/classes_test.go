package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"factdeck/quiz"
)

// doAssignment starts assignment id as c and answers each question with
// answer(q); it returns the quiz ID.
func doAssignment(t *testing.T, a *accounts, c *client, id int64, answer func(q quiz.Question) string) int64 {
	t.Helper()
	loc := c.postRedirect(fmt.Sprintf("/assignments/%d/start", id), nil)
	var qid int64
	if _, err := fmt.Sscanf(loc, "/quiz/%d", &qid); err != nil {
		t.Fatalf("start redirected to %q", loc)
	}
	sess, err := a.store.QuizSession(context.Background(), qid)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range sess.QuestionIDs {
		q, err := a.store.Question(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		code, body := c.api("POST", fmt.Sprintf("/api/v1/quizzes/%d/answers", qid), fmt.Sprintf(`{"position":%d,"answer":%q}`, i, answer(q)))
		if code != 201 {
			t.Fatalf("answer %d = %d %s", i, code, body)
		}
	}
	return qid
}

func TestClassStory(t *testing.T) {
	a := newAccounts(t)
	a.addUser(t, "tea@example.org", quiz.Teacher)
	a.addUser(t, "other@example.org", quiz.Teacher)
	a.addUser(t, "lea@example.org", quiz.LearnerRole)
	tc := a.browser(t)
	signIn(t, tc, "tea@example.org")
	if code, body, _ := tc.post("/classes", url.Values{"name": {"  "}}); code != 400 || !strings.Contains(body, "Give the class a name") {
		t.Errorf("class without a name = %d", code)
	}
	loc := tc.postRedirect("/classes", url.Values{"name": {"History 9B"}})
	var classID int64
	fmt.Sscanf(loc, "/classes/%d", &classID)
	cl, err := a.store.Class(context.Background(), classID)
	if err != nil {
		t.Fatalf("class from %q: %v", loc, err)
	}
	code, body, _ := tc.get(loc)
	if code != 200 || !strings.Contains(body, cl.Code) || !strings.Contains(body, "/join/"+cl.Code) {
		t.Fatalf("class page = %d, want the code and the join link", code)
	}
	art := a.articles[0]
	bad := []struct {
		name string
		form url.Values
		want string
	}{
		{"bad due date", url.Values{"deck": {fmt.Sprint(art.ID)}, "due": {"31/05/2026"}}, "due date must be a day"},
		{"past due date", url.Values{"deck": {fmt.Sprint(art.ID)}, "due": {"2020-01-01"}}, "has passed"},
		{"bad count", url.Values{"deck": {fmt.Sprint(art.ID)}, "count": {"5000"}}, "between 1 and"},
		{"bad deck", url.Values{"deck": {"x; drop"}}, "Unknown deck"},
		{"missing article", url.Values{"deck": {"99999"}}, "no article"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := tc.post(loc+"/assignments", tt.form)
			if code < 400 || code >= 500 || !strings.Contains(body, tt.want) {
				t.Errorf("assignment with %s = %d, want 4xx with %q; body %s", tt.name, code, tt.want, truncate(body, 300))
			}
		})
	}
	loc = tc.postRedirect(loc+"/assignments", url.Values{"deck": {fmt.Sprint(art.ID)}, "count": {"4"}, "due": {"2026-03-09"}})
	var asID int64
	fmt.Sscanf(loc, "/assignments/%d/results", &asID)
	as, err := a.store.Assignment(context.Background(), asID)
	if err != nil || len(as.QuestionIDs) != 4 || as.Title != art.Title || as.Due.Format("2006-01-02") != "2026-03-09" {
		t.Fatalf("assignment = %+v, %v", as, err)
	}

	// Another teacher sees nothing of it.
	oc := a.browser(t)
	signIn(t, oc, "other@example.org")
	for _, p := range []string{fmt.Sprintf("/classes/%d", classID), loc, loc + ".csv"} {
		if code, _, _ := oc.get(p); code != 404 {
			t.Errorf("other teacher GET %s = %d, want 404", p, code)
		}
	}

	// A learner with an account joins with the code as typed from a board.
	lc := a.browser(t)
	signIn(t, lc, "lea@example.org")
	if code, _, _ := lc.post(fmt.Sprintf("/assignments/%d/start", asID), nil); code != 403 {
		t.Errorf("starting before joining = %d, want 403", code)
	}
	if code, body, _ := lc.post("/join", url.Values{"code": {"NOPE1234"}}); code != 404 || !strings.Contains(body, "No class has this code") {
		t.Errorf("join with a wrong code = %d", code)
	}
	if loc := lc.postRedirect("/join", url.Values{"code": {strings.ToLower(cl.Code[:4]) + " " + cl.Code[4:]}}); !strings.HasPrefix(loc, "/assignments?joined=") {
		t.Errorf("join redirected to %q", loc)
	}
	// The strong learner gets all right but the true/false question; the
	// guest picks a distractor on the multiple choice question and gets
	// the rest wrong too, but for the true/false one: a question the weak
	// learner gets and the strong one misses, to be flagged.
	doAssignment(t, a, lc, asID, func(q quiz.Question) string {
		if q.Type == quiz.TrueFalse {
			return "True"
		}
		return q.Answer
	})
	gc := a.browser(t)
	if code, body, _ := gc.get("/join/" + cl.Code); code != 200 || !strings.Contains(body, "History 9B") {
		t.Errorf("GET /join/CODE = %d", code)
	}
	gc.postRedirect("/join", url.Values{"code": {cl.Code}})
	gid := doAssignment(t, a, gc, asID, func(q quiz.Question) string {
		switch q.Type {
		case quiz.MultipleChoice:
			return "Porto"
		case quiz.TrueFalse:
			return q.Answer
		}
		return "no idea"
	})
	// ...then signs up, keeping the result.
	gc.postRedirect("/signup", url.Values{"email": {"gil@example.org"}, "name": {"Gil"}, "password": {"gil's long pw"}})
	code, body, _ = gc.get("/assignments")
	if code != 200 || !strings.Contains(body, fmt.Sprintf("/quiz/%d/result", gid)) {
		t.Errorf("the guest's assignments after sign-up = %d, want the done quiz %d", code, gid)
	}
	if code, body := gc.api("GET", "/api/v1/assignments", ""); code != 200 || !strings.Contains(body, fmt.Sprintf(`"quiz":%d`, gid)) || !strings.Contains(body, `"done":true`) {
		t.Errorf("API assignments = %d %s", code, body)
	}

	// The teacher's results.
	code, body, _ = tc.get(loc)
	if code != 200 {
		t.Fatalf("results = %d", code)
	}
	for _, want := range []string{"lea", "Gil", "3/4 (75%)", "1/4 (25%)", `<span id="done-count">2</span>`, "Porto: 1", "Lisbon: 1", "Flagged", "1 question flagged"} {
		if !strings.Contains(body, want) {
			t.Errorf("results page lacks %q", want)
		}
	}
	if code, body := lc.api("GET", fmt.Sprintf("/api/v1/assignments/%d/results", asID), ""); code != 403 {
		t.Errorf("learner API results = %d %s, want 403", code, body)
	}
	code, body = tc.api("GET", fmt.Sprintf("/api/v1/assignments/%d/results", asID), "")
	var res struct {
		Learners []struct {
			Name    string
			Done    bool
			Correct int
		}
		Questions []struct {
			Question int64
			Answered int
			Correct  int
			Flagged  bool
			Choices  []struct {
				Option string
				Picked int
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil || code != 200 || len(res.Learners) != 2 || len(res.Questions) != 4 {
		t.Fatalf("API results = %d %s (%v)", code, body, err)
	}
	flagged := 0
	for _, q := range res.Questions {
		if q.Answered != 2 {
			t.Errorf("question %d answered by %d, want 2", q.Question, q.Answered)
		}
		if q.Flagged {
			flagged++
			if got, _ := a.store.Question(context.Background(), q.Question); got.Type != quiz.TrueFalse {
				t.Errorf("flagged question %d is %s, want the true/false one", q.Question, got.Type)
			}
		}
	}
	if flagged != 1 {
		t.Errorf("%d questions flagged, want 1", flagged)
	}

	// CSV export.
	code, body, h := tc.get(loc + ".csv")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
		t.Fatalf("CSV = %d %q %q", code, h.Get("Content-Type"), h.Get("Content-Disposition"))
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, body)
	}
	if len(recs) != 5 || len(recs[0]) != 6+4 || !strings.HasPrefix(recs[0][6], "Q1 ") {
		t.Fatalf("CSV = %q: want a header, 2 learners, share and flag lines, 6+4 columns", recs)
	}
	lea, gil := recs[1], recs[2]
	if strings.Join(lea[:5], ",") != "lea,done,3,4,75" || strings.Join(gil[:5], ",") != "Gil,done,1,4,25" {
		t.Errorf("CSV learners = %q, %q: want lea 3/4, Gil 1/4", lea, gil)
	}
	if !strings.Contains(strings.Join(gil[6:], "|"), "wrong: Porto") {
		t.Errorf("CSV: Gil's answers %q lack the distractor picked", gil[6:])
	}
	if recs[3][0] != "share correct" || recs[4][0] != "flagged for review" || strings.Count(strings.Join(recs[4], ","), "true") != 1 {
		t.Errorf("CSV summary lines = %q, %q: want one flagged question", recs[3], recs[4])
	}
}
