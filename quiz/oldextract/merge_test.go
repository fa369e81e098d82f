package oldextract

import (
	"testing"

	"factdeck/quiz"
)

// RelThreatFact names the threat relation in the table below.
const RelThreatFact = quiz.RelThreat

func TestMerge(t *testing.T) {
	fact := func(src, rel, subj, obj string) quiz.Fact {
		f := quiz.Fact{Relation: rel, Subject: subj, Object: obj, ObjectKind: quiz.KindWeekday, Sources: []string{src}, Confidence: 0.7}
		f.Key = factKey(f)
		return f
	}
	facts := []quiz.Fact{
		fact("a", quiz.RelTime, "peace talks", "Wednesday"),
		fact("b", quiz.RelTime, "negotiations", "Wednesday"),
		fact("c", quiz.RelTime, "upcoming Istanbul talks", "Thursday and Friday"),
		fact("a", quiz.RelRole, "Jane Doe", "spokesperson"),
		fact("b", quiz.RelRole, "Jane Doe", "spokeswoman"),
		fact("a", quiz.RelCount, "attacks", "over 50"),
		fact("b", quiz.RelCount, "attacks", "more than 50"),
		fact("a", quiz.RelLeads, "John Roe", "the delegation"),
		fact("b", quiz.RelLeads, "Jim Poe", "the delegation"),
		fact("a", RelThreatFact, "Jane Doe", "severe sanctions"),
		fact("b", RelThreatFact, "Jane Doe", "severe new sanctions"),
		fact("a", quiz.RelCount, "drones", "71"),
		fact("a", quiz.RelCount, "drones", "45"),
	}
	got := Merge(facts)
	tests := []struct {
		name      string
		idx       int
		sources   int
		conflicts int
		object    string
	}{
		{"wednesday corroborated", 0, 2, 1, "Wednesday"},
		{"thursday and friday conflicts", 1, 1, 1, "Thursday and Friday"},
		{"role synonyms", 2, 2, 0, "spokesperson"},
		{"qualifier synonyms", 3, 2, 0, "over 50"},
		{"leads by subject", 4, 1, 1, "the delegation"},
		{"other leader", 5, 1, 1, "the delegation"},
		{"contained wording", 6, 2, 0, "severe sanctions"},
		{"one article two values", 7, 1, 0, "71"},
		{"one article other value", 8, 1, 0, "45"},
	}
	if len(got) != len(tests) {
		for _, f := range got {
			t.Logf("%s | %s | %s | %v | %v", f.Key, f.Subject, f.Object, f.Sources, f.Conflicts)
		}
		t.Fatalf("len(Merge) = %d, want %d", len(got), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := got[tt.idx]
			if len(f.Sources) != tt.sources || len(f.Conflicts) != tt.conflicts || f.Object != tt.object {
				t.Errorf("Merge()[%d] = %q, sources %v, conflicts %v, want %q, %d sources, %d conflicts", tt.idx, f.Object, f.Sources, f.Conflicts, tt.object, tt.sources, tt.conflicts)
			}
		})
	}
	// The inputs are not modified.
	if len(facts[0].Sources) != 1 {
		t.Errorf("Merge modified its input: %v", facts[0].Sources)
	}
}

// TestMergeSeeds merges the facts of the seed articles: the talks' day is
// stated by several articles and disputed by one.
func TestMergeSeeds(t *testing.T) {
	ex := New(mustModel(t))
	var all []quiz.Fact
	for _, a := range seedArticles(t) {
		all = append(all, ex.Facts(a)...)
	}
	merged := Merge(all)
	if len(merged) >= len(all) {
		t.Errorf("len(Merge(seed facts)) = %d, want < %d", len(merged), len(all))
	}
	var wed, thu *quiz.Fact
	for i, f := range merged {
		if f.Relation != quiz.RelTime || f.Key != "time|talks|weekday" {
			continue
		}
		switch f.Object {
		case "Wednesday":
			wed = &merged[i]
		case "Thursday and Friday":
			thu = &merged[i]
		}
	}
	if wed == nil || thu == nil {
		t.Fatalf("merged seed facts lack the talks' days: wed %v, thu %v", wed, thu)
	}
	if len(wed.Sources) < 2 || len(wed.Conflicts) == 0 || len(thu.Conflicts) == 0 {
		t.Errorf("talks on Wednesday: sources %v conflicts %v; Thursday and Friday conflicts %v; want >= 2 sources and conflicts on both", wed.Sources, wed.Conflicts, thu.Conflicts)
	}
	if thu.Attribution == "" {
		t.Errorf("talks on Thursday and Friday: Attribution empty, want the reporting agency")
	}
}
