package web

import (
	"strings"
	"testing"
	"time"

	"factdeck/quiz"
)

func TestHighlight(t *testing.T) {
	a, facts, _ := storm()
	for i := range facts {
		facts[i].ID = int64(i + 1)
	}
	// A fact whose offsets are stale is found by its sentence; one whose
	// sentence is not in the article is skipped.
	facts[2].Start = 3
	facts = append(facts, quiz.Fact{ID: 9, Object: "Paris", Sentence: "Not in the article.", SpanStart: 0, SpanEnd: 3})
	ps := highlight(a, facts)
	if len(ps) != 2 {
		t.Fatalf("highlight gave %d paragraphs, want 2", len(ps))
	}
	var marked []string
	var text strings.Builder
	for _, p := range ps {
		for _, s := range p.Segments {
			text.WriteString(s.Text)
			if s.Fact != nil {
				marked = append(marked, s.Text)
			}
		}
		text.WriteString("\n\n")
	}
	if got := strings.Join(marked, "|"); got != "Lisbon|Monday|Ana Costa" {
		t.Errorf("highlighted = %q, want Lisbon|Monday|Ana Costa", got)
	}
	if got := strings.TrimSpace(text.String()); got != a.Body() {
		t.Errorf("highlight lost text: %q, want %q", got, a.Body())
	}
}

func TestMarkAnswer(t *testing.T) {
	tests := []struct {
		name, sentence, answer string
		want                   marked
	}{
		{"found", "A storm hit Lisbon on Monday.", "lisbon", marked{"A storm hit ", "Lisbon", " on Monday."}},
		{"absent", "A storm hit Lisbon.", "Porto", marked{Before: "A storm hit Lisbon."}},
		{"empty answer", "A storm.", "", marked{Before: "A storm."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markAnswer(tt.sentence, tt.answer); got != tt.want {
				t.Errorf("markAnswer(%q, %q) = %+v, want %+v", tt.sentence, tt.answer, got, tt.want)
			}
		})
	}
}

func TestScoreChart(t *testing.T) {
	if scoreChart(nil) != nil {
		t.Error("scoreChart(nil) != nil, want no chart")
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := scoreChart([]quiz.QuizScore{{Correct: 0, Total: 4, FinishedAt: now}, {Correct: 4, Total: 4, FinishedAt: now}})
	if len(c.Points) != 2 || c.Points[0].Y <= c.Points[1].Y || c.Points[0].X >= c.Points[1].X {
		t.Errorf("scoreChart points = %+v, want 0%% low-left and 100%% high-right", c.Points)
	}
	if c.Line == "" {
		t.Error("scoreChart line is empty")
	}
}

func TestHumanDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{45 * time.Second, "45 s"},
		{3*time.Minute + 5*time.Second, "3 min 5 s"},
		{2*time.Hour + 10*time.Minute, "2 h 10 min"},
		{72 * time.Hour, "3 days"},
	}
	for _, tt := range tests {
		if got := humanDuration(tt.d); got != tt.want {
			t.Errorf("humanDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
