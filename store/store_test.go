package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"factdeck/quiz"
	"factdeck/store"
)

// MustOpen opens a store on a fresh SQLite file in a temporary directory.
func MustOpen(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// MustOpenPostgres opens a store in a fresh schema of the PostgreSQL
// server named by FACTDECK_TEST_POSTGRES (.ci/run starts one), or skips
// saying that the variable is unset.
func MustOpenPostgres(tb testing.TB) *store.Store {
	tb.Helper()
	dsn := os.Getenv("FACTDECK_TEST_POSTGRES")
	if dsn == "" {
		tb.Skip("FACTDECK_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/postgres-deps.sh starts one)")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("t_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if db, err := sql.Open("pgx", dsn); err == nil {
			_, _ = db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err := store.Open(context.Background(), u.String())
	if err != nil {
		tb.Fatalf("Open(postgres): %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// backends runs f once on SQLite and once on PostgreSQL.
func backends(t *testing.T, f func(t *testing.T, s *store.Store)) {
	t.Run("sqlite", func(t *testing.T) { f(t, MustOpen(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, MustOpenPostgres(t)) })
}

func sample(hash string) (quiz.Article, []quiz.Fact, []quiz.Question) {
	a := quiz.Article{Title: "Storm hits coast", Paragraphs: []string{"A storm hit Lisbon on Monday.", "Two people died."}, Source: "x.txt", Hash: hash}
	facts := []quiz.Fact{
		{ID: 1, Kind: quiz.KindCity, Subject: "the storm", Relation: quiz.RelLocation, Object: "Lisbon", Sentence: "A storm hit Lisbon on Monday.", Sources: []string{"x.txt"}},
		{ID: 2, Kind: quiz.KindWeekday, Subject: "the storm", Relation: quiz.RelTime, Object: "Monday"},
	}
	qs := []quiz.Question{
		{FactID: 1, Type: quiz.ShortAnswer, Prompt: "Where did the storm hit?", Answer: "Lisbon", Accepted: []string{"Lisbon"}},
		{FactID: 2, Type: quiz.MultipleChoice, Prompt: "On which day did the storm hit?", Answer: "Monday", Options: []string{"Monday", "Friday", "Sunday", "Tuesday"}},
	}
	return a, facts, qs
}

func TestCreateArticle(t *testing.T) { backends(t, testCreateArticle) }

func testCreateArticle(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, facts, qs := sample("h1")
	got, gf, gq, err := createArticle(s, ctx, a, facts, qs)
	if err != nil {
		t.Fatalf("CreateArticle: %v", err)
	}
	if got.ID == 0 || len(gf) != 2 || len(gq) != 2 {
		t.Fatalf("CreateArticle = id %d, %d facts, %d questions; want id, 2, 2", got.ID, len(gf), len(gq))
	}
	if gq[0].FactID != gf[0].ID || gq[1].FactID != gf[1].ID {
		t.Errorf("question fact ids = %d,%d, want %d,%d", gq[0].FactID, gq[1].FactID, gf[0].ID, gf[1].ID)
	}
	back, err := s.Article(ctx, got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Paragraphs) != 2 || back.Paragraphs[1] != "Two people died." {
		t.Errorf("Article paragraphs = %q", back.Paragraphs)
	}
	stored, err := s.Questions(ctx, store.QuestionFilter{ArticleID: got.ID, Types: []quiz.QuestionType{quiz.MultipleChoice}})
	if err != nil || len(stored) != 1 || len(stored[0].Options) != 4 {
		t.Fatalf("Questions(mc) = %v, %v; want one with 4 options", stored, err)
	}
	known, err := s.Known(ctx, []string{"h1", "nope"})
	if err != nil || len(known) != 1 || known["h1"] != got.ID {
		t.Errorf("Known(h1, nope) = %v, %v; want h1 only", known, err)
	}
	if _, _, _, err := createArticle(s, ctx, a, facts, qs); !errors.Is(err, quiz.ErrDuplicate) {
		t.Errorf("second CreateArticle err = %v, want ErrDuplicate", err)
	}
	list, err := s.Articles(ctx, 0, 0)
	if err != nil || len(list) != 1 || list[0].Facts != 2 || list[0].Questions != 2 {
		t.Errorf("Articles = %+v, %v; want one with 2 facts, 2 questions", list, err)
	}
}

func TestCreateArticleAtomic(t *testing.T) { backends(t, testCreateArticleAtomic) }

func testCreateArticleAtomic(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, facts, qs := sample("h2")
	qs[1].FactID = 99 // names no fact: the whole article must be rolled back
	if _, _, _, err := createArticle(s, ctx, a, facts, qs); !errors.Is(err, quiz.ErrInvalid) {
		t.Fatalf("CreateArticle err = %v, want ErrInvalid", err)
	}
	n, err := s.CountArticles(ctx)
	if err != nil || n != 0 {
		t.Errorf("CountArticles = %d, %v; want 0 after a failed ingest", n, err)
	}
	all, err := s.Facts(ctx, 0)
	if err != nil || len(all) != 0 {
		t.Errorf("Facts = %d, %v; want none after a failed ingest", len(all), err)
	}
}

func TestNotFound(t *testing.T) { backends(t, testNotFound) }

func testNotFound(t *testing.T, s *store.Store) {
	ctx := context.Background()
	tests := []struct {
		name string
		err  error
	}{
		{"article", func() error { _, err := s.Article(ctx, 42); return err }()},
		{"question", func() error { _, err := s.Question(ctx, 42); return err }()},
		{"delete question", s.DeleteQuestion(ctx, 42)},
		{"delete article", s.DeleteArticle(ctx, 42)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.err, quiz.ErrNotFound) {
				t.Errorf("err = %v, want ErrNotFound", tt.err)
			}
		})
	}
}

func TestEditAndDeleteQuestion(t *testing.T) { backends(t, testEditAndDeleteQuestion) }

func testEditAndDeleteQuestion(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, facts, qs := sample("h3")
	_, _, gq, err := createArticle(s, ctx, a, facts, qs)
	if err != nil {
		t.Fatal(err)
	}
	q := gq[0]
	prompt := "In which city did the storm hit?"
	got, changed, err := s.EditQuestion(ctx, q.ID, quiz.Edit{Prompt: &prompt, Accepted: []string{"Lisbon", "Lisboa"}})
	if err != nil || !changed || !got.Edited || got.Prompt != prompt || len(got.Accepted) != 2 {
		t.Fatalf("EditQuestion = %+v, %v, %v", got, changed, err)
	}
	if back, _ := s.Question(ctx, q.ID); back.Prompt != prompt || !back.Edited {
		t.Errorf("stored after edit = %+v", back)
	}
	if _, changed, err := s.EditQuestion(ctx, q.ID, quiz.Edit{}); err != nil || changed {
		t.Errorf("EditQuestion(nothing) = changed %v, %v; want unchanged", changed, err)
	}
	blank := " "
	if _, _, err := s.EditQuestion(ctx, q.ID, quiz.Edit{Answer: &blank}); !errors.Is(err, quiz.ErrInvalid) {
		t.Errorf("EditQuestion(blank answer) err = %v, want ErrInvalid", err)
	}
	if err := s.DeleteQuestion(ctx, gq[1].ID); err != nil {
		t.Fatal(err)
	}
	left, err := s.Questions(ctx, store.QuestionFilter{})
	if err != nil || len(left) != 1 {
		t.Errorf("Questions after delete = %d, %v; want 1", len(left), err)
	}
}

func TestOpenBadPath(t *testing.T) {
	_, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "missing", "dir", "x.db"))
	if err == nil {
		t.Fatal("Open(missing dir) = nil error, want one")
	}
}

func TestRelated(t *testing.T) { backends(t, testRelated) }

// testRelated checks that Related gives each related article the entities
// quiz.Entities finds in its facts (in byte order, whatever the database's
// collation) and only the facts of the keys asked for.
func testRelated(t *testing.T, s *store.Store) {
	ctx := context.Background()
	person := func(id int64, name, obj, key string) quiz.Fact {
		return quiz.Fact{ID: id, Kind: quiz.KindPerson, Subject: name, SubjectKind: quiz.KindPerson,
			Relation: quiz.RelLocation, Object: obj, ObjectKind: quiz.KindCity, Key: key}
	}
	// "Ann Lee" sorts before "Annabel Cho" in bytes, after it in most
	// locales' collations.
	facts := []quiz.Fact{
		person(1, "Annabel Cho", "Lakeview", "location|annabel cho"),
		person(2, "Ann Lee", "Lakeview", "location|ann lee"),
		person(3, "Ann Lee", "Port Mara", "time|ann lee"),
	}
	stored, _, _, err := createArticle(s, ctx, quiz.Article{Title: "Visit", Paragraphs: []string{"Ann Lee and Annabel Cho went to Lakeview."},
		Source: "a.txt", Hash: "related-a"}, facts, nil)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	want := quiz.Entities(facts)
	tests := []struct {
		name      string
		entities  []string
		keys      []string
		related   bool
		wantFacts []string // their keys
	}{
		{"two shared", []string{"1:ann lee", "1:annabel cho"}, []string{"location|ann lee", "time|ann lee"}, true,
			[]string{"location|ann lee", "time|ann lee"}},
		{"no key asked", []string{"1:ann lee", "p:lakeview"}, nil, true, nil},
		{"one shared", []string{"1:ann lee", "1:nobody"}, []string{"location|ann lee"}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, ents, fs, err := s.Related(ctx, tt.entities, tt.keys, nil, 20)
			if err != nil {
				t.Fatalf("Related: %v", err)
			}
			var keys []string
			for _, f := range fs {
				keys = append(keys, f.Key)
			}
			if fmt.Sprint(keys) != fmt.Sprint(tt.wantFacts) {
				t.Errorf("Related(%q, %q) facts = %q, want %q", tt.entities, tt.keys, keys, tt.wantFacts)
			}
			if !tt.related {
				if len(arts) != 0 {
					t.Errorf("Related(%q) = %d articles, want none", tt.entities, len(arts))
				}
				return
			}
			if len(arts) != 1 || arts[0].ID != stored.ID {
				t.Fatalf("Related(%q) = %+v, want article %d", tt.entities, arts, stored.ID)
			}
			if got := ents[stored.ID]; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Related entities = %q, want quiz.Entities = %q", got, want)
			}
		})
	}
}
