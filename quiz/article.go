package quiz

import (
	"strings"
	"time"
)

// Article is one cleaned news article.
type Article struct {
	ID int64
	// Title is the article's headline, cleaned of markup and repetition.
	Title string
	// Standfirst is the optional summary paragraph shown under the title.
	Standfirst string
	// Paragraphs is the body, each paragraph once, boilerplate dropped.
	Paragraphs []string
	// Source is where the article came from: a file path as given, a URL, or
	// "seeds/<file name>" for an embedded seed.
	Source string
	// Hash is the hex SHA-256 of the normalized content; it makes ingest
	// idempotent.
	Hash       string
	IngestedAt time.Time
	// Label is the source's name as a person gave it ("City Radio, 3 May"), shown
	// instead of the file name or URL when set.
	Label string
	// Repeated counts the paragraphs cleaning left out because the page
	// repeated them; it is reported once, at ingest, and not stored.
	Repeated int
}

// MaxText is the most article text accepted, in bytes of the cleaned
// paragraphs: about a hundred pages. A longer text is several articles.
const MaxText = 300 << 10

// Body returns the paragraphs joined by blank lines. Fact offsets
// (Fact.Start, Fact.End) are byte offsets into Body.
func (a Article) Body() string { return strings.Join(a.Paragraphs, "\n\n") }
