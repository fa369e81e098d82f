package merge

import (
	"fmt"
	"testing"
	"time"

	"factdeck/quiz"
)

func TestAgree(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"equal", "wednesday", "wednesday", true},
		{"words contained", "severe sanctions", "severe new sanctions", true},
		{"number qualified", "50", "over 50", true},
		{"shared stem", "spokesman", "spokesperson", true},
		{"different days", "wednesday", "thursday and friday", false},
		{"different numbers", "162", "500", false},
		{"ordinals", "100th", "1st", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Agree(tt.a, tt.b); got != tt.want {
				t.Errorf("Agree(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func person(name string) quiz.Fact {
	return quiz.Fact{Subject: name, SubjectKind: quiz.KindPerson, Relation: quiz.RelRole, Object: "minister", ObjectKind: quiz.KindRole}
}

func TestSameStory(t *testing.T) {
	day := 24 * time.Hour
	now := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	talks := Entities([]quiz.Fact{person("Jane Roe"), person("John Doe"), {Subject: "talks", Relation: quiz.RelLocation, Object: "Lakeview", ObjectKind: quiz.KindCity}})
	tests := []struct {
		name  string
		other []quiz.Fact
		at    time.Time
		want  bool
	}{
		{"two people shared", []quiz.Fact{person("Jane Roe"), person("John Doe")}, now, true},
		{"one person and one place", []quiz.Fact{person("Jane Roe"), {Subject: "x", Object: "Lakeview", ObjectKind: quiz.KindCity}}, now, false},
		{"one person only", []quiz.Fact{person("Jane Roe"), person("Ann Poe")}, now, false},
		{"same people months later", []quiz.Fact{person("Jane Roe"), person("John Doe")}, now.Add(90 * day), false},
		{"nothing shared", []quiz.Fact{person("Ann Poe")}, now, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SameStory(talks, Entities(tt.other), now, tt.at); got != tt.want {
				t.Errorf("SameStory = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	fact := func(id int64, rel, subj, obj string, kind quiz.Kind, key string) quiz.Fact {
		return quiz.Fact{ID: id, Relation: rel, Subject: subj, Object: obj, ObjectKind: kind, Key: key}
	}
	people := []quiz.Fact{person("Jane Roe"), person("John Doe")}
	ours := append([]quiz.Fact{
		fact(1, quiz.RelTime, "peace talks", "Wednesday", quiz.KindWeekday, "time|talks|weekday"),
		fact(2, quiz.RelCount, "people", "162", quiz.KindCount, "count|people"),
		fact(3, quiz.RelRole, "Jane Roe", "spokesman", quiz.KindRole, "role|jane roe|"),
		fact(4, quiz.RelTime, "talks", "early 2022", quiz.KindDate, "time|talks|weekday"),
	}, people...)
	same := Article{ID: 7, Source: "b.txt", Facts: append([]quiz.Fact{
		fact(10, quiz.RelTime, "negotiations", "Thursday and Friday", quiz.KindWeekday, "time|talks|weekday"),
		fact(11, quiz.RelRole, "Jane Roe", "spokesperson", quiz.KindRole, "role|jane roe|"),
		fact(12, quiz.RelTime, "talks", "Wednesday", quiz.KindWeekday, "time|talks|weekday"),
	}, people...)}
	same.Entities = Entities(same.Facts)
	other := Article{ID: 8, Source: "c.txt", Facts: []quiz.Fact{fact(20, quiz.RelCount, "people", "500", quiz.KindCount, "count|people"), person("Ann Poe")}}
	other.Entities = Entities(other.Facts)
	got := Compare(ours, Entities(ours), time.Time{}, []Article{same, other})
	want := []Match{
		{Fact: 1, Other: 0, OtherFact: 10, Agree: false},
		{Fact: 1, Other: 0, OtherFact: 12, Agree: true},
		{Fact: 3, Other: 0, OtherFact: 11, Agree: true},
	}
	if len(got) != len(want) {
		t.Fatalf("Compare = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Compare[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// BenchmarkCompare compares an article's 80 facts with 20 stored articles
// of one story holding 80 facts each, as ingest does for every article
// against the related articles of a large library.
func BenchmarkCompare(b *testing.B) {
	mk := func(art, n int) []quiz.Fact {
		fs := make([]quiz.Fact, n)
		for i := range fs {
			fs[i] = quiz.Fact{ID: int64(art*1000 + i), Relation: quiz.RelCount, Subject: fmt.Sprintf("Varda ferry passengers of line %d", i%40),
				SubjectKind: quiz.KindOther, Org: fmt.Sprintf("Varda Lines %d", i%5),
				Object: fmt.Sprint(i*7 + art), ObjectKind: quiz.KindCount, Key: fmt.Sprintf("count|ferry passengers %d", i%40)}
		}
		return fs
	}
	facts := mk(0, 80)
	ents := Entities(facts)
	now := time.Now()
	others := make([]Article, 20)
	for i := range others {
		fs := mk(i+1, 80)
		others[i] = Article{ID: int64(i + 1), IngestedAt: now, Entities: ents, Facts: fs}
	}
	if len(Compare(facts, ents, now, others)) == 0 {
		b.Fatal("no match: the benchmark compares nothing")
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = Compare(facts, ents, now, others)
	}
}
