package clean

import "regexp"

// OpenerEnd returns the length in bytes of what opens paragraph p before
// its first sentence: a dateline ("LIMA (Reuters) - ", "PORTLAND, Maine
// -- ") or the label of a notes paragraph ("Comets: ", "Up next: "); 0
// when there is none. The dateline places the story and the label files
// the note; neither is part of the sentence after it.
func OpenerEnd(p string) int {
	for _, re := range []*regexp.Regexp{dateline, notesLabel} {
		if loc := re.FindStringSubmatchIndex(p); loc != nil {
			return loc[3] // the end of the opener, before the sentence's first character
		}
	}
	return 0
}

// notesLabel matches one to three capitalized words and a colon opening a
// paragraph, before a capitalized sentence: the team or topic a notes
// section files a line under.
var notesLabel = regexp.MustCompile(`^(\p{Lu}[\p{L}'’.&-]*(?: [\p{Lu}][\p{L}'’.&-]*){0,2}: +)\p{Lu}`)
