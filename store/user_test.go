package store_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"factdeck/quiz"
	"factdeck/store"
)

func TestUsers(t *testing.T) { backends(t, testUsers) }

func testUsers(t *testing.T, s *store.Store) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	if n, err := s.CountUsers(ctx); err != nil || n != 0 {
		t.Fatalf("CountUsers on an empty store = %d, %v, want 0", n, err)
	}
	// A guest studies, then signs up: the account takes the guest's learner.
	guest, err := s.EnsureLearner(ctx, "0123456789abcdef0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	ann, err := s.CreateUser(ctx, quiz.User{Email: "ann@example.org", Name: "Ann", Role: quiz.LearnerRole}, "hash-a", guest.Token)
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	if ann.ID == 0 || ann.LearnerID != guest.ID || ann.Role != quiz.LearnerRole {
		t.Errorf("CreateUser = %+v, want an ID, learner %d, role learner", ann, guest.ID)
	}
	if l, err := s.Learner(ctx, guest.Token); err == nil {
		t.Errorf("the guest token still names learner %d after sign-up", l.ID)
	}
	if _, err := s.CreateUser(ctx, quiz.User{Email: "ann@example.org", Role: quiz.LearnerRole}, "h", ""); !errors.Is(err, quiz.ErrDuplicate) {
		t.Errorf("CreateUser with a used email: %v, want ErrDuplicate", err)
	}
	if _, err := s.CreateUser(ctx, quiz.User{Email: "x@example.org", Role: quiz.Guest}, "h", ""); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("CreateUser of a guest: %v, want ErrInvalid", err)
	}
	bob, err := s.CreateUser(ctx, quiz.User{Email: "bob@example.org", Role: quiz.Admin}, "hash-b", "")
	if err != nil || bob.LearnerID == 0 || bob.LearnerID == ann.LearnerID {
		t.Fatalf("CreateUser(bob) = %+v, %v, want a learner of his own", bob, err)
	}
	u, hash, err := s.Credentials(ctx, "ann@example.org")
	if err != nil || u.ID != ann.ID || hash != "hash-a" {
		t.Errorf("Credentials = %+v, %q, %v, want ann, hash-a", u, hash, err)
	}
	if _, _, err := s.Credentials(ctx, "nobody@example.org"); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("Credentials of nobody: %v, want ErrNotFound", err)
	}
	// Roles: the last admin stays one.
	if err := s.SetRole(ctx, bob.ID, quiz.Teacher); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("demoting the last admin: %v, want ErrInvalid", err)
	}
	if err := s.SetRole(ctx, ann.ID, quiz.Teacher); err != nil {
		t.Fatal(err)
	}
	if u, _ := s.User(ctx, ann.ID); u.Role != quiz.Teacher {
		t.Errorf("after SetRole, ann is %v, want teacher", u.Role)
	}
	if us, err := s.Users(ctx); err != nil || len(us) != 2 || us[0].ID != ann.ID {
		t.Errorf("Users = %v, %v, want ann and bob", us, err)
	}

	// Sessions expire, end, and all end when the password changes.
	if err := s.CreateSession(ctx, "s1", ann.ID, now, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, "s2", ann.ID, now, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	annLearner, err := s.LearnerByID(ctx, ann.LearnerID)
	if err != nil {
		t.Fatal(err)
	}
	if u, tok, err := s.SessionViewer(ctx, "s1", now); err != nil || u.ID != ann.ID || u.Email != ann.Email || u.Role != quiz.Teacher || tok != annLearner.Token {
		t.Errorf("SessionViewer(s1) = %+v, %q, %v, want ann (teacher) and her learner's token %q", u, tok, err, annLearner.Token)
	}
	if _, _, err := s.SessionViewer(ctx, "s1", now.Add(2*time.Hour)); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("expired SessionViewer: %v, want ErrNotFound", err)
	}
	if err := s.DeleteSession(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionViewer(ctx, "s1", now); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("SessionViewer after DeleteSession: %v, want ErrNotFound", err)
	}
	if err := s.SetPassword(ctx, ann.ID, "hash-a2"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionViewer(ctx, "s2", now); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("SessionViewer after SetPassword: %v, want ErrNotFound", err)
	}
	if h, _ := s.PasswordHash(ctx, ann.ID); h != "hash-a2" {
		t.Errorf("PasswordHash = %q, want hash-a2", h)
	}

	// API tokens belong to their owner.
	tok, err := s.CreateAPIToken(ctx, ann.ID, "laptop", "th1", now)
	if err != nil {
		t.Fatal(err)
	}
	if u, err := s.TokenUser(ctx, "th1", now); err != nil || u.ID != ann.ID {
		t.Errorf("TokenUser = %+v, %v, want ann", u, err)
	}
	if ts, _ := s.APITokens(ctx, ann.ID); len(ts) != 1 || ts[0].LastUsedAt.IsZero() {
		t.Errorf("APITokens = %+v, want one, used", ts)
	}
	if err := s.DeleteAPIToken(ctx, bob.ID, tok.ID); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("deleting another's token: %v, want ErrNotFound", err)
	}
	if err := s.DeleteAPIToken(ctx, ann.ID, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TokenUser(ctx, "th1", now); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("TokenUser after revoking: %v, want ErrNotFound", err)
	}
	for i := range quiz.MaxTokensOwned {
		if _, err := s.CreateAPIToken(ctx, bob.ID, "t", string(rune('a'+i)), now); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateAPIToken(ctx, bob.ID, "t", "one too many", now); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("token over the limit: %v, want ErrInvalid", err)
	}

	// Failed sign-ins are counted per key within a window.
	for i := range 3 {
		if err := s.RecordSignInFailure(ctx, now.Add(time.Duration(i)*time.Minute), "account:ann", "addr:10.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := s.SignInFailures(ctx, "account:ann", now.Add(30*time.Second)); n != 2 {
		t.Errorf("SignInFailures since 30s = %d, want 2", n)
	}
	if err := s.ClearSignInFailures(ctx, "account:ann"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.SignInFailures(ctx, "account:ann", now.Add(-time.Hour)); n != 0 {
		t.Errorf("SignInFailures after clearing = %d, want 0", n)
	}
	if n, _ := s.SignInFailures(ctx, "addr:10.0.0.1", now.Add(-time.Hour)); n != 3 {
		t.Errorf("address failures = %d, want 3 (kept)", n)
	}
	// A day later, any failure forgets the old ones, of every key.
	if err := s.RecordSignInFailure(ctx, now.Add(25*time.Hour), "account:someone-else"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.SignInFailures(ctx, "addr:10.0.0.1", now.Add(-time.Hour)); n != 0 {
		t.Errorf("address failures a day later = %d, want 0 (forgotten)", n)
	}
}

func TestClasses(t *testing.T) { backends(t, testClasses) }

func testClasses(t *testing.T, s *store.Store) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	a, facts, qs := sample("classes")
	_, _, qs, err := createArticle(s, ctx, a, facts, qs)
	if err != nil {
		t.Fatal(err)
	}
	teacher, err := s.CreateUser(ctx, quiz.User{Email: "t@example.org", Name: "Ms T", Role: quiz.Teacher}, "h", "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClass(ctx, quiz.Class{Name: "7B", TeacherID: teacher.ID, CreatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Code) != store.CodeLen {
		t.Errorf("class code %q, want %d characters", c.Code, store.CodeLen)
	}
	got, err := s.ClassByCode(ctx, " "+strings.ToLower(c.Code[:4])+"-"+c.Code[4:])
	if err != nil || got.ID != c.ID {
		t.Errorf("ClassByCode(typed loosely) = %+v, %v, want class %d", got, err, c.ID)
	}
	if _, err := s.ClassByCode(ctx, "NOPE"); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("ClassByCode(NOPE): %v, want ErrNotFound", err)
	}
	if cs, _ := s.TeacherClasses(ctx, teacher.ID); len(cs) != 1 || cs[0].Name != "7B" {
		t.Errorf("TeacherClasses = %+v, want 7B", cs)
	}
	ids := []int64{qs[0].ID, qs[1].ID}
	as, err := s.CreateAssignment(ctx, quiz.Assignment{ClassID: c.ID, Title: "Storm quiz", ArticleID: qs[0].ArticleID,
		QuestionIDs: ids, Due: now.Add(48 * time.Hour), CreatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateAssignment(ctx, quiz.Assignment{ClassID: c.ID, Title: "empty"}); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("assignment without questions: %v, want ErrInvalid", err)
	}
	guest, _ := s.EnsureLearner(ctx, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
	outsider, _ := s.EnsureLearner(ctx, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
	if _, err := s.StartAssignment(ctx, as.ID, outsider.ID, now); !errors.Is(err, quiz.ErrForbidden) {
		t.Errorf("StartAssignment outside the class: %v, want ErrForbidden", err)
	}
	for range 2 { // joining twice is harmless
		if err := s.JoinClass(ctx, c.ID, guest.ID, now); err != nil {
			t.Fatal(err)
		}
	}
	sess, err := s.StartAssignment(ctx, as.ID, guest.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(sess.QuestionIDs) != 2 || sess.QuestionIDs[0] != ids[0] || sess.Title != "Storm quiz" {
		t.Errorf("StartAssignment = %+v, want the assignment's questions", sess)
	}
	again, err := s.StartAssignment(ctx, as.ID, guest.ID, now)
	if err != nil || again.ID != sess.ID {
		t.Errorf("StartAssignment again = %d, %v, want the same quiz %d", again.ID, err, sess.ID)
	}
	if _, _, _, err := s.SubmitAnswer(ctx, sess.ID, guest.ID, 0, "Lisbon", now); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := s.SubmitAnswer(ctx, sess.ID, guest.ID, 1, "Friday", now); err != nil {
		t.Fatal(err)
	}
	// The guest signs up: still a member, with the work kept, now named.
	if _, err := s.CreateUser(ctx, quiz.User{Email: "g@example.org", Name: "Gil", Role: quiz.LearnerRole}, "h", guest.Token); err != nil {
		t.Fatal(err)
	}
	las, err := s.LearnerAssignments(ctx, guest.ID)
	if err != nil || len(las) != 1 || !las[0].Done || las[0].SessionID != sess.ID || las[0].ClassName != "7B" ||
		len(las[0].QuestionIDs) != 2 || !las[0].Due.Equal(now.Add(48*time.Hour)) {
		t.Fatalf("LearnerAssignments = %+v, %v, want the done storm quiz of 7B", las, err)
	}
	if err := s.JoinClass(ctx, c.ID, outsider.ID, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	work, err := s.AssignmentWork(ctx, as)
	if err != nil || len(work) != 2 {
		t.Fatalf("AssignmentWork = %+v, %v, want 2 members", work, err)
	}
	if work[0].Member.Name != "Gil" || !work[0].Done() {
		t.Errorf("work[0] = %+v, want Gil, done", work[0])
	}
	if c, n := work[0].Session.Score(); c != 1 || n != 2 {
		t.Errorf("Gil's score = %d/%d, want 1/2", c, n)
	}
	if work[1].Member.Name != "Guest "+strconv.FormatInt(outsider.ID, 10) || work[1].Session != nil {
		t.Errorf("work[1] = %+v, want an unnamed guest who has not started", work[1])
	}
	if ok, _ := s.IsMember(ctx, c.ID, outsider.ID); !ok {
		t.Error("IsMember = false after joining")
	}
	if asgs, _ := s.ClassAssignments(ctx, c.ID); len(asgs) != 1 || asgs[0].ID != as.ID {
		t.Errorf("ClassAssignments = %+v, want the one", asgs)
	}
}
