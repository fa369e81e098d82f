package clean

import (
	"regexp"
	"strings"
)

// Page furniture: what a page carries around an article that is not part
// of it. Each rule is general; none knows any site.

// sectionLabels are the words sites put above a headline to name a section.
var sectionLabels = toSet(`news world politics business sport sports opinion analysis breaking live video
home menu technology tech science health entertainment culture europe africa asia americas middle east
us uk local national international economy markets exclusive advertisement updated latest top stories
featured trending lifestyle travel environment climate finance money education crime weather media
editorial commentary features feature photos gallery podcast watch listen more related`)

var (
	// footers: calls to follow, share, subscribe or write in.
	footer = regexp.MustCompile(`(?i)\b(follow us|like us on|click (on )?here|click on|subscribe (to|for|now)|sign up (for|to)|newsletter|all rights reserved|copyright|share (this|on)|read more|recommended for you|more from|download (our|the) app|write to:?|email us|contact us|terms of (use|service)|privacy policy|cookie policy|cookies|join (our|us on)|whatsapp|telegram channel|to contact the (reporter|editor|writer)s?|may be reached at|originally published|follow (him|her|them|me) on|follow [\p{Lu}][\w.]*( [\p{Lu}][\w.]*)? on (twitter|x|facebook|instagram)|on twitter @|unlimited (digital )?access|already a (subscriber|member)|support (local|independent|our) (journalism|news|reporting)|start (your|a) free trial)\b|©`)
	email  = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+`)
	// captions: photo credits and "pictured" lines, labelled ("Photo
	// caption: ...", "Image credit: ...") or not.
	// A credit may also end the caption: "... on Friday. Photo: Ann Lee /
	// The Courier".
	caption = regexp.MustCompile(`(?i)^((photo|image|picture|video|main|top|lead)\s+)?(photo|image|picture|caption|credit|file photo|pictured|illustration)s?\b\s*[:|-]|\b(getty images|reuters/|ap photo|afp via|afp photo|/afp|image caption|image source|shutterstock|epa-efe)\b|\bphotograph:|[.!?]["”]?\s+(photo|photograph|picture|image|credit|illustration)s?\s*:\s*[^.!?]{1,80}$`)
	// linkLabel: a line that links to another story ("Related: ...",
	// "See also: ...", "Watch: ...").
	linkLabel = regexp.MustCompile(`(?i)^(related|see also|also read|read also|also see|more|watch|listen|recommended|trending|most read|popular|further reading)( (stories|articles|coverage|content|links?|video))?\s*:`)
	// captionDate: a Reuters-style caption ends with the photo's date.
	captionDate = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, (19|20)\d\d\.?$`)
	byline      = regexp.MustCompile(`(?i)^\(?(by|written by|reporting by|editing by|additional reporting by|compiled by|writing by)\s+\p{Lu}`)
	stamp       = regexp.MustCompile(`(?i)^(published|updated|posted|last updated|first published)\b.{0,60}$|^\d+\s+min(ute)?s?\s+read$`)
)

// dropFurniture removes section labels, captions, bylines, time stamps and
// footers.
func dropFurniture(paras []string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if isFurniture(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func isFurniture(p string) bool {
	ws := words(p)
	n := len(ws)
	if n == 0 {
		return true
	}
	if n <= 3 && !endsSentence(p) {
		all := true
		for _, w := range ws {
			if !sectionLabels[strings.ToLower(w)] {
				all = false
			}
		}
		if all {
			return true
		}
	}
	if (n <= 12 && stamp.MatchString(p)) || (byline.MatchString(p) && (n <= 12 || strings.HasPrefix(p, "("))) {
		return true
	}
	if n <= 40 && linkLabel.MatchString(p) {
		return true
	}
	if n <= 50 && caption.MatchString(p) {
		return true
	}
	if n <= 40 && captionDate.MatchString(p) && !strings.ContainsAny(p, "\"“”") {
		return true
	}
	if n <= 60 {
		hits := len(footer.FindAllStringIndex(p, -1))
		if email.MatchString(p) {
			hits += 2 // news prose almost never prints an address
		}
		// One call to action in a short line, or several in a longer one.
		if hits >= 2 || (hits == 1 && n <= 15) {
			return true
		}
	}
	return false
}
