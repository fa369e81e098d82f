package clean

// DatelineEnd returns the length in bytes of the dateline that opens
// paragraph p ("LIMA (Reuters) - ", "PORTLAND, Maine -- "), or 0 when
// there is none. The dateline places the story; it is no part of the
// sentence after it.
func DatelineEnd(p string) int {
	if loc := dateline.FindStringIndex(p); loc != nil {
		return loc[1] - 1
	}
	return 0
}
