package ner

// addLexicon adds general world knowledge lists to g.
func addLexicon(g gazetteer) {}
