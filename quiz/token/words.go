package token

// This file holds the closed English word lists the tokenizer needs:
// abbreviations, titles, hyphen prefixes and the function
// words that open sentences.

// Abbreviation reports whether w, which ends in a period, is an
// abbreviation that keeps its period as a token (unless the period also
// ends the sentence): initials and dotted acronyms ("J.", "U.S.", "a.m."),
// titles ("Dr.") and common English abbreviations ("Inc.", "Sept.").
func Abbreviation(w string) bool {
	return len(w) > 1 && w[len(w)-1] == '.' && isAbbrev(w)
}

// isAbbrev is Abbreviation for a word known to end in a period.
func isAbbrev(w string) bool {
	// Dotted letters: X. or X.Y. etc.
	dotted := len(w)%2 == 0
	for i := 0; i < len(w) && dotted; i++ {
		c := w[i]
		if i%2 == 0 {
			dotted = isLetter(c)
		} else {
			dotted = c == '.'
		}
	}
	if dotted {
		return true
	}
	if isTitle(w) {
		return true
	}
	switch w {
	case "Inc.", "Corp.", "Ltd.", "Co.", "Bros.", "Cos.", "Plc.", "Mt.", "Ft.", "Ave.", "Blvd.", "Rd.", "Ste.",
		"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
		"Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
		"vs.", "etc.", "approx.", "Vol.", "vol.", "pp.", "Fig.", "fig.", "Dept.", "Univ.", "Assn.", "al.", "ext.",
		"Ph.D.", "est.", "cf.", "viz.", "Esq.", "Calif.", "Fla.", "Ill.", "Mass.", "Mich.", "Minn.",
		"Penn.", "Tenn.", "Tex.", "Wash.", "Wis.", "Ariz.", "Ark.", "Colo.", "Conn.", "Del.", "Ga.", "Ind.",
		"Kan.", "Ky.", "La.", "Md.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Va.",
		"Vt.", "Wyo.", "Ala.":
		return true
	}
	return false
}

// isTitle reports whether w is an abbreviated title written before a name,
// which never ends a sentence.
func isTitle(w string) bool {
	switch w {
	case "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Jr.", "Sr.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.",
		"Cmdr.", "Adm.", "Maj.", "Rep.", "Reps.", "Sen.", "Gov.", "Rev.", "Hon.", "Pres.", "Supt.", "Insp.",
		"Mx.", "Messrs.", "Mme.", "Mlle.", "Drs.", "Fr.":
		return true
	}
	return false
}

// sentenceOpener reports whether the capitalized word w is a function
// word that commonly opens a sentence, so that an abbreviation before it
// ends one ("... in the U.S. The ...").
func sentenceOpener(w string) bool {
	switch w {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
		"There", "In", "On", "At", "But", "And", "So", "If", "When", "As", "Its", "His", "Her", "Their",
		"Our", "My", "Some", "Many", "Most", "After", "Before", "While", "However", "Yet", "Then", "What",
		"Why", "How", "Where", "Who", "Now", "Still", "Also", "Meanwhile", "Instead", "Last", "Next":
		return true
	}
	return false
}

// hyphenPrefix reports whether the lowercase p is a prefix that stays
// joined to the rest of the word by its hyphen ("re-elect", "anti-war").
func hyphenPrefix(p string) bool {
	switch p {
	case "e", "non", "re", "anti", "mid", "co", "pre", "pro", "post", "over", "cross", "counter", "ex", "semi",
		"multi", "mini", "neo", "sub", "socio", "psycho", "micro", "inter", "intra", "un", "ultra", "hyper",
		"quasi", "pseudo", "trans", "extra", "infra", "macro", "mega", "meta", "bio", "geo", "euro":
		return true
	}
	return false
}
