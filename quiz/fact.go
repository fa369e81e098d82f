package quiz

import "slices"

// Kind is the type of an entity or value: the kind of a fact's subject or
// object, and the kind of a question's answer. Distractors for a multiple
// choice question are drawn from values of the same Kind.
type Kind string

// Entity and value kinds.
const (
	KindPerson       Kind = "person"
	KindOrganization Kind = "organization"
	KindPlace        Kind = "place" // a place not known to be a city, region or country
	KindCity         Kind = "city"
	KindRegion       Kind = "region"
	KindCountry      Kind = "country"
	KindNationality  Kind = "nationality" // "Ukrainian", "French"
	KindDate         Kind = "date"        // "12 May 2025", "May", "2022"
	KindWeekday      Kind = "weekday"     // "Wednesday"
	KindDuration     Kind = "duration"    // "50 days", "three years"
	KindCount        Kind = "count"       // "71" drones, "six" districts
	KindMoney        Kind = "money"       // "$1.7 billion"
	KindPercent      Kind = "percent"     // "49 percent"
	KindOrdinal      Kind = "ordinal"     // "third"
	KindAge          Kind = "age"         // "66" (years old)
	KindTime         Kind = "time"        // "6:17 a.m." (a time of day)
	KindScore        Kind = "score"       // "30-20" (a result)
	KindRole         Kind = "role"        // "culture minister", "spokesperson"
	KindMisc         Kind = "misc"        // named things of other kinds (events, products)
	KindOther        Kind = "other"       // phrases: a weapon, a threat, a quote
)

// Relations name what a fact says of its subject. Extractors may use others;
// templates select facts by relation.
const (
	RelIsA         = "is"           // entity typing: subject is an Object-kind entity
	RelRole        = "role"         // subject (person) holds role object, see Fact.Org
	RelFormerRole  = "former_role"  // subject (person) formerly held role object
	RelLeads       = "leads"        // subject (person) leads/heads/represents object
	RelLocation    = "location"     // subject (event) takes place in object
	RelTime        = "time"         // subject (event) takes place on/in object
	RelCount       = "count"        // object is how many of subject
	RelAge         = "age"          // subject is object years old
	RelAmount      = "amount"       // object (money/percent) of subject
	RelDeadline    = "deadline"     // subject must happen within object
	RelDuration    = "duration"     // subject lasted/lasts object
	RelSaid        = "said"         // subject said object (a quotation)
	RelAttribution = "according_to" // fact attributed to a source
)

// Relations added by quiz/extract.
const (
	RelOrdinal = "ordinal"    // subject (an event or thing) is the object-th: "third" round
	RelStruck  = "struck"     // subject (a weapon, a storm) struck object; the subject is the answer
	RelThreat  = "threatened" // subject threatened object: "severe sanctions"
)

// Fact is one statement extracted from an article, with its provenance.
type Fact struct {
	ID        int64
	ArticleID int64
	// Kind is what the fact is about; for entity facts the entity kind, for
	// relations the kind of the object (the value a learner is asked for).
	Kind        Kind
	Subject     string
	SubjectKind Kind
	Relation    string
	Object      string
	ObjectKind  Kind
	// Org qualifies a role: the organization or country the role is of
	// ("Pentagon" in "Pentagon spokesperson Jane Roe").
	Org string
	// Context is a short noun phrase that makes a question stand alone
	// ("the Geneva peace talks", "drones and decoy UAVs").
	Context string
	// Attribution names who reports the fact when the article attributes it
	// ("RIA Novosti"); empty when stated by the article itself.
	Attribution string
	// Sentence is the source sentence; Start and End are its byte offsets in
	// Article.Body. Span is the byte range of the answer (Object, or Subject
	// when Object is empty) inside Sentence, or {-1,-1} when absent.
	Sentence   string
	Start, End int
	SpanStart  int
	SpanEnd    int
	// Confidence in [0,1], used to rank facts.
	Confidence float64
	// Sources lists the article sources that state this fact (more than one
	// after cross-article merging). Conflicts lists the IDs or keys of facts
	// that disagree with this one.
	Sources   []string
	Conflicts []string
	// Key identifies "the same question" across articles: facts with the
	// same Key and Object corroborate each other; the same Key with a
	// different Object conflict.
	Key string
}

// AnswerIsSubject reports whether a question about a fact of relation rel
// asks for its subject ("Who leads the delegation?", "Who said ...?", "What
// struck the port?") rather than its object.
func AnswerIsSubject(rel string) bool {
	switch rel {
	case RelLeads, RelSaid, RelStruck:
		return true
	}
	return false
}

// Answer returns the side of f a question about it asks for (see
// AnswerIsSubject): the subject or the object, the subject when there is no
// object.
func (f Fact) Answer() string {
	if AnswerIsSubject(f.Relation) || f.Object == "" {
		return f.Subject
	}
	return f.Object
}

// Asked returns the side of f a question about it names: the other side
// from Answer.
func (f Fact) Asked() string {
	if AnswerIsSubject(f.Relation) || f.Object == "" {
		return f.Object
	}
	return f.Subject
}

// namedWeight lists the kinds of named entities that identify a story:
// "1" for people, organizations and named things, "p" for places, which
// many unrelated stories share.
var namedWeight = map[Kind]string{
	KindPerson: "1", KindOrganization: "1", KindMisc: "1",
	KindPlace: "p", KindCity: "p", KindRegion: "p", KindCountry: "p",
}

// Entities returns the named entities of an article's facts, normalized
// (NormalizeAnswer) and prefixed by their weight class ("1:jane roe",
// "p:lakeview"), sorted and distinct: what finds the other articles of the
// same story.
func Entities(facts []Fact) []string {
	set := map[string]bool{}
	add := func(name string, k Kind) {
		w, ok := namedWeight[k]
		n := NormalizeAnswer(name)
		if !ok || len([]rune(n)) < 2 || len(n) > 80 {
			return
		}
		set[w+":"+n] = true
	}
	for _, f := range facts {
		add(f.Subject, f.SubjectKind)
		add(f.Object, f.ObjectKind)
		if f.Org != "" {
			add(f.Org, KindOrganization)
		}
	}
	out := make([]string, 0, len(set))
	for e := range set {
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}
