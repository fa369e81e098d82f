package oldextract

import (
	"testing"

	"factdeck/quiz"
)

// TestPatterns checks each pattern the extractor promises on a short text,
// with and without the NER model.
func TestPatterns(t *testing.T) {
	tests := []struct {
		name, text            string
		rel, subject, object  string
		org, attribution, ctx string
	}{
		{name: "org title person", text: "Kremlin spokesperson Anna Volkova said nothing.", rel: quiz.RelRole, subject: "Anna Volkova", object: "spokesperson", org: "Kremlin"},
		{name: "country title person", text: "U.S. President Mark Ellison arrived.", rel: quiz.RelRole, subject: "Mark Ellison", object: "president", org: "U.S."},
		{name: "nationality title person", text: "Ukrainian President Petro Ivanenko spoke.", rel: quiz.RelRole, subject: "Petro Ivanenko", object: "president", org: "Ukraine"},
		{name: "lower-case title", text: "The strike killed a man, according to local governor Ivan Petrenko.", rel: quiz.RelRole, subject: "Ivan Petrenko", object: "governor"},
		{name: "apposition of org", text: "He spoke with Maria Lopez, chief of Spain's Security Council, on Monday.", rel: quiz.RelLeads, subject: "Maria Lopez", object: "Spain's Security Council"},
		{name: "who now serves as", text: "The team is led by Tom Baker, who now serves as head of the National Energy Council.", rel: quiz.RelLeads, subject: "Tom Baker", object: "National Energy Council"},
		{name: "former role", text: "The delegation will be headed by former culture minister Ivan Sokolov.", rel: quiz.RelFormerRole, subject: "Ivan Sokolov", object: "culture minister"},
		{name: "headed by", text: "France's delegation will again be headed by presidential aide Paul Girard.", rel: quiz.RelLeads, subject: "Paul Girard", object: "France's delegation"},
		{name: "represented by", text: "Canada will be represented by former defense minister Anne Moreau.", rel: quiz.RelLeads, subject: "Anne Moreau", object: "Canada"},
		{name: "led by", text: "The Socialist Party, led by Jorge Almada, came second.", rel: quiz.RelLeads, subject: "Jorge Almada", object: "Socialist Party"},
		{name: "active leads", text: "Sarah Kim leads Northwind Capital.", rel: quiz.RelLeads, subject: "Sarah Kim", object: "Northwind Capital"},
		{name: "event place", text: "Peace talks will be held in Geneva on Wednesday.", rel: quiz.RelLocation, subject: "Peace talks", object: "Geneva"},
		{name: "event day", text: "Peace talks will be held in Geneva on Wednesday.", rel: quiz.RelTime, subject: "Peace talks", object: "Wednesday"},
		{name: "attributed days", text: "Reuters, citing unnamed sources, reported that the talks would take place Thursday and Friday.", rel: quiz.RelTime, object: "Thursday and Friday", attribution: "Reuters"},
		{name: "according to", text: "The summit opens on Monday, according to the Foreign Ministry.", rel: quiz.RelTime, object: "Monday", attribution: "Foreign Ministry"},
		{name: "count", text: "The army said the enemy launched 71 drones overnight.", rel: quiz.RelCount, subject: "drones", object: "71"},
		{name: "count qualifier", text: "Troops repelled more than 50 attacks in recent days.", rel: quiz.RelCount, subject: "attacks", object: "more than 50"},
		{name: "count of place", text: "Earlier, six districts of Lagos lost power.", rel: quiz.RelCount, subject: "districts of Lagos", object: "six"},
		{name: "age", text: "The blast killed a 66-year-old woman.", rel: quiz.RelAge, subject: "woman", object: "66"},
		{name: "age apposition", text: "Jane Porter, 45, won the race.", rel: quiz.RelAge, subject: "Jane Porter", object: "45"},
		{name: "money for", text: "Congress gave $1.7 billion for the Space Launch System.", rel: quiz.RelAmount, subject: "Space Launch System", object: "$1.7 billion"},
		{name: "percent", text: "The airline is 49 percent owned by a local firm.", rel: quiz.RelAmount, subject: "owned", object: "49 percent"},
		{name: "ordinal", text: "It is their third round of negotiations.", rel: quiz.RelOrdinal, subject: "round of negotiations", object: "third"},
		{name: "deadline within", text: "He demanded a ceasefire within the next 50 days.", rel: quiz.RelDeadline, object: "50 days"},
		{name: "deadline compound", text: "He issued a 50-day ultimatum.", rel: quiz.RelDeadline, subject: "ultimatum", object: "50 days"},
		{name: "duration", text: "It is a war that has persisted for more than three years.", rel: quiz.RelDuration, subject: "war", object: "more than three years"},
		{name: "year", text: "The invasion began in early 2022.", rel: quiz.RelTime, object: "early 2022"},
		{name: "months", text: "The venue hosted failed efforts in May and June.", rel: quiz.RelTime, object: "May and June"},
		{name: "quote after", text: "“We need more progress,” Maria Lopez said.", rel: quiz.RelSaid, subject: "Maria Lopez", object: "We need more progress"},
		{name: "quote said before", text: "Mark Ellison said he was “disappointed” in the result.", rel: quiz.RelSaid, subject: "Mark Ellison", object: "disappointed"},
		{name: "quote pronoun", text: "Kremlin spokesperson Anna Volkova spoke to reporters. She added, “A great deal of work lies ahead.”", rel: quiz.RelSaid, subject: "Anna Volkova", object: "A great deal of work lies ahead"},
		{name: "quote description", text: "Ukrainian President Petro Ivanenko spoke. “The session is on Wednesday,” the Ukrainian president said.", rel: quiz.RelSaid, subject: "Petro Ivanenko", object: "The session is on Wednesday"},
		{name: "surname coreference", text: "Kremlin spokesperson Anna Volkova spoke. Later, Volkova said, “No comment.”", rel: quiz.RelSaid, subject: "Anna Volkova", object: "No comment"},
		{name: "threat", text: "Mark Ellison threatened severe sanctions if no deal was reached.", rel: quiz.RelThreat, subject: "Mark Ellison", object: "severe sanctions"},
		{name: "struck", text: "A glide bomb struck a residential building in Kharkiv.", rel: quiz.RelStruck, subject: "glide bomb", object: "residential building in Kharkiv"},
		{name: "city of", text: "Shells hit the southern city of Almora overnight.", rel: quiz.RelIsA, subject: "Almora", object: "city"},
		{name: "region cue", text: "Fighting raged in the Dorvan region.", rel: quiz.RelIsA, subject: "Dorvan", object: "region"},
		{name: "news agency", text: "State news agency Varta Novosti reported the deal.", rel: quiz.RelIsA, subject: "Varta Novosti", object: "organization"},
		{name: "org word", text: "The Ministry of Health confirmed it.", rel: quiz.RelIsA, subject: "Ministry of Health", object: "organization"},
	}
	withModel := New(mustModel(t))
	without := New(nil)
	for _, tt := range tests {
		for _, ex := range []*Extractor{withModel, without} {
			name := tt.name
			if ex == without {
				name += "/no model"
			}
			t.Run(name, func(t *testing.T) {
				a := quiz.Article{Paragraphs: []string{tt.text}, Source: "test"}
				facts := ex.Facts(a)
				for _, f := range facts {
					if f.Relation != tt.rel || norm(f.Object) != norm(tt.object) || (tt.subject != "" && norm(f.Subject) != norm(tt.subject)) {
						continue
					}
					if tt.org != "" && f.Org != tt.org {
						t.Errorf("Facts(%q): %s fact Org = %q, want %q", tt.text, tt.rel, f.Org, tt.org)
					}
					if tt.attribution != "" && f.Attribution != tt.attribution {
						t.Errorf("Facts(%q): %s fact Attribution = %q, want %q", tt.text, tt.rel, f.Attribution, tt.attribution)
					}
					return
				}
				var got []string
				for _, f := range facts {
					got = append(got, f.Relation+": "+f.Subject+" / "+f.Object)
				}
				t.Errorf("Facts(%q) = %q, want a %s fact %q / %q", tt.text, got, tt.rel, tt.subject, tt.object)
			})
		}
	}
}

// TestBoundedTimes checks that a time in a since- or until-phrase does not
// date the event named before it.
func TestBoundedTimes(t *testing.T) {
	tests := []struct {
		name, text, object, badSubject string
	}{
		{name: "since clause year", text: "Envoys will meet in Geneva for the first direct peace talks since the war began in early 2020.", object: "early 2020", badSubject: "direct peace talks"},
		{name: "since month", text: "Envoys are meeting this week for their third round of negotiations since May.", object: "May", badSubject: "negotiations"},
		{name: "until year", text: "Lawmakers are lining up a vote to extend the grace period until 2030.", object: "2030", badSubject: "vote"},
		{name: "since weekday", text: "It is the first meeting since Monday.", object: "Monday", badSubject: "meeting"},
	}
	ex := New(mustModel(t))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, f := range ex.Facts(quiz.Article{Paragraphs: []string{tt.text}, Source: "test"}) {
				if f.Relation != quiz.RelTime || norm(f.Object) != norm(tt.object) {
					continue
				}
				found = true
				if norm(f.Subject) == norm(tt.badSubject) {
					t.Errorf("Facts(%q): time fact subject = %q, want not %q", tt.text, f.Subject, tt.badSubject)
				}
			}
			if !found {
				t.Errorf("Facts(%q): no time fact %q", tt.text, tt.object)
			}
		})
	}
}
