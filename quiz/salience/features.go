package salience

// This file computes the features of the two models from a Doc: what
// each entity's mentions say about it, and what each sentence's position,
// words and entities say about it. Each feature is a number, mostly in
// [0, 1]; the models' weights are stored by the features' names.

import (
	"math"
	"strings"

	"factdeck/quiz"
)

// Entity features.
const (
	eBias = iota
	eLogMentions
	eLogSents
	eShare
	eCountRatio
	eRank1
	eRank2
	eRank3
	eRank45
	eFirstRel
	eFirstSent0
	eFirstSent12
	eFirstPara
	eSpread
	eTitle
	eSubject
	eMainSubject
	eObject
	ePeripheral
	eSpeaker
	eConj
	eEarly
	eProperShare
	eNamed
	ePronounShare
	ePerson
	eOrganization
	ePlace
	eTime
	eMisc
	eLogDocSents
	numEntityFeatures
)

// entityFeatureNames are the names of the entity features, by index.
var entityFeatureNames = [numEntityFeatures]string{
	eBias: "bias", eLogMentions: "log_mentions", eLogSents: "log_sentences", eShare: "share_of_mentions",
	eCountRatio: "count_ratio_to_top", eRank1: "rank_1", eRank2: "rank_2", eRank3: "rank_3", eRank45: "rank_4_5",
	eFirstRel: "first_position", eFirstSent0: "first_in_sentence_1", eFirstSent12: "first_in_sentence_2_3",
	eFirstPara: "first_in_paragraph_1", eSpread: "spread", eTitle: "in_title", eSubject: "subject_share",
	eMainSubject: "main_clause_subject", eObject: "object_share", ePeripheral: "oblique_share",
	eSpeaker: "speaker_share", eConj: "conjunct_share", eEarly: "early_mentions",
	eProperShare: "name_share", eNamed: "named", ePronounShare: "pronoun_share",
	ePerson: "kind_person", eOrganization: "kind_organization", ePlace: "kind_place", eTime: "kind_time",
	eMisc: "kind_misc", eLogDocSents: "log_document_sentences",
}

// Sentence features.
const (
	sBias = iota
	sPos0
	sPos1
	sPos2
	sPos34
	sPos59
	sRelPos
	sParaFirst
	sPara0
	sPara1
	sLogLen
	sShort
	sNoVerb
	sSumSalience
	sMaxSalience
	sRelSalience
	sTopEntity
	sTopSubject
	sSubjectSalience
	sSalientCount
	sTitle
	sTitleCount
	sRelTitle
	sKeywords
	sCentroid
	sRelCentroid
	sQuote
	sSpeech
	sNumber
	sDate
	sQuestion
	sFirstPerson
	sLogDocSents
	numSentenceFeatures
)

// sentenceFeatureNames are the names of the sentence features, by index.
var sentenceFeatureNames = [numSentenceFeatures]string{
	sBias: "bias", sPos0: "position_1", sPos1: "position_2", sPos2: "position_3", sPos34: "position_4_5",
	sPos59: "position_6_10", sRelPos: "relative_position", sParaFirst: "first_of_paragraph",
	sPara0: "paragraph_1", sPara1: "paragraph_2", sLogLen: "log_length", sShort: "short", sNoVerb: "no_verb",
	sSumSalience: "entity_salience_sum", sMaxSalience: "entity_salience_max",
	sRelSalience: "entity_salience_relative", sTopEntity: "top_entity", sTopSubject: "top_entity_subject",
	sSubjectSalience: "subject_salience", sSalientCount: "salient_entities", sTitle: "title_overlap",
	sTitleCount: "title_words", sRelTitle: "title_relative", sKeywords: "keywords_relative",
	sCentroid: "centroid_similarity", sRelCentroid: "centroid_relative", sQuote: "quotation",
	sSpeech: "speech_verb", sNumber: "number", sDate: "date", sQuestion: "question",
	sFirstPerson: "first_second_person", sLogDocSents: "log_document_sentences",
}

// speechVerbs are verbs that report speech or writing.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "state": true, "claim": true, "announce": true,
	"explain": true, "note": true, "report": true, "ask": true, "reply": true, "write": true,
	"insist": true, "argue": true, "comment": true, "confirm": true, "deny": true, "warn": true,
	"suggest": true, "declare": true, "acknowledge": true, "admit": true, "describe": true, "quote": true,
}

// dateWords are the month and weekday names, full and abbreviated.
var dateWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// entity is what the mentions of one entity add up to.
type entity struct {
	id     int
	kind   quiz.Kind
	kinds  map[quiz.Kind]int
	n      int // mentions
	sents  int // distinct sentences
	first  int // sentence of the first mention
	last   int
	title  bool
	subj   int
	main   bool
	obj    int
	obl    int
	proper int
	pron   int
	speak  int // subject of a speech verb
	conj   int // in a coordination or apposition
	early  int // mentions in the first three sentences
	rank   int // 1 for the most mentioned
}

// analysis holds what both models read of a Doc.
type analysis struct {
	d     *Doc
	ents  []entity
	index map[int]int // entity id -> index in ents
	// ments are the mentions that fit their sentences, by sentence.
	ments  [][]Mention
	total  int // mentions kept
	para   []int
	title  map[string]bool
	nTitle int
	terms  [][]string
}

// analyze gathers the entities of d and the words of its sentences.
func analyze(d Doc) *analysis {
	a := &analysis{d: &d, index: map[int]int{}, ments: make([][]Mention, len(d.Sents))}
	a.para = d.Para
	if len(a.para) != len(d.Sents) {
		a.para = make([]int, len(d.Sents))
		for i := range a.para {
			a.para[i] = i
		}
	}
	a.title = map[string]bool{}
	for _, t := range terms(nil, d.Title) {
		a.title[t] = true
	}
	a.nTitle = len(a.title)
	a.terms = make([][]string, len(d.Sents))
	for i, s := range d.Sents {
		a.terms[i] = sentenceTerms(s)
	}
	for _, m := range d.Mentions {
		if m.Entity < 0 || m.Sent < 0 || m.Sent >= len(d.Sents) {
			continue
		}
		ws := d.Sents[m.Sent]
		if m.Lo < 0 || m.Hi > len(ws) || m.Lo >= m.Hi || m.Head < 0 || m.Head >= len(ws) {
			continue
		}
		a.ments[m.Sent] = append(a.ments[m.Sent], m)
	}
	lastSent := map[int]int{}
	for si := range a.ments {
		for _, m := range a.ments[si] {
			k, ok := a.index[m.Entity]
			if !ok {
				k = len(a.ents)
				a.index[m.Entity] = k
				a.ents = append(a.ents, entity{id: m.Entity, first: si, kinds: map[quiz.Kind]int{}})
				lastSent[m.Entity] = -1
			}
			e := &a.ents[k]
			a.total++
			e.n++
			if lastSent[m.Entity] != si {
				e.sents++
				lastSent[m.Entity] = si
			}
			e.last = si
			if m.Kind != "" {
				e.kinds[m.Kind]++
			}
			ws := d.Sents[si]
			h := ws[m.Head]
			if si < 3 {
				e.early++
			}
			switch baseRel(h.Rel) {
			case "nsubj", "csubj":
				e.subj++
				if r := h.Head; r < 0 || r >= len(ws) || ws[r].Head < 0 {
					e.main = true
				}
				if r := h.Head; r >= 0 && r < len(ws) && speechVerbs[strings.ToLower(ws[r].Lemma)] {
					e.speak++
				}
			case "conj", "appos":
				e.conj++
			case "obj", "iobj":
				e.obj++
			case "obl", "nmod":
				e.obl++
			}
			if m.Proper {
				e.proper++
			}
			if h.UPOS == "PRON" {
				e.pron++
			}
			if !e.title && a.nTitle > 0 && a.inTitle(m, ws) {
				e.title = true
			}
		}
	}
	for i := range a.ents {
		e := &a.ents[i]
		best := 0
		for k, n := range e.kinds {
			if n > best || n == best && k < e.kind {
				e.kind, best = k, n
			}
		}
		e.kinds = nil
	}
	// Rank by mentions, ties by first mention.
	for i := range a.ents {
		r := 1
		for j := range a.ents {
			if a.ents[j].n > a.ents[i].n || a.ents[j].n == a.ents[i].n && a.ents[j].first < a.ents[i].first {
				r++
			}
		}
		a.ents[i].rank = r
	}
	return a
}

// inTitle reports whether mention m (of words ws) shares a content word
// with the title: any word of a name, the head of other mentions.
func (a *analysis) inTitle(m Mention, ws []Word) bool {
	if ws[m.Head].UPOS == "PRON" {
		return false
	}
	lo, hi := m.Head, m.Head+1
	if m.Proper {
		lo, hi = m.Lo, m.Hi
	}
	for i := lo; i < hi; i++ {
		for _, t := range terms(nil, ws[i].Text) {
			if a.title[t] {
				return true
			}
		}
	}
	return false
}

// baseRel returns a relation without its subtype ("nsubj" of
// "nsubj:pass").
func baseRel(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// kindGroup maps a kind to its entity feature, -1 for none: numbers
// (counts, money, ages) have none, as GUM, which the model learns from,
// does not mark them as entities.
func kindGroup(k quiz.Kind) int {
	switch k {
	case quiz.KindPerson:
		return ePerson
	case quiz.KindOrganization:
		return eOrganization
	case quiz.KindPlace, quiz.KindCity, quiz.KindRegion, quiz.KindCountry:
		return ePlace
	case quiz.KindDate, quiz.KindWeekday, quiz.KindDuration, quiz.KindTime:
		return eTime
	case quiz.KindMisc, quiz.KindNationality:
		return eMisc
	}
	return -1
}

// entityFeatures fills x with the features of entity i.
func (a *analysis) entityFeatures(i int, x []float64) {
	clear(x)
	e := &a.ents[i]
	n := float64(e.n)
	nSents := float64(len(a.d.Sents))
	top := 0
	for _, o := range a.ents {
		top = max(top, o.n)
	}
	x[eBias] = 1
	x[eLogMentions] = math.Log1p(n)
	x[eLogSents] = math.Log1p(float64(e.sents))
	x[eShare] = n / float64(a.total)
	x[eCountRatio] = n / float64(top)
	switch {
	case e.rank == 1:
		x[eRank1] = 1
	case e.rank == 2:
		x[eRank2] = 1
	case e.rank == 3:
		x[eRank3] = 1
	case e.rank <= 5:
		x[eRank45] = 1
	}
	x[eFirstRel] = float64(e.first) / nSents
	switch {
	case e.first == 0:
		x[eFirstSent0] = 1
	case e.first <= 2:
		x[eFirstSent12] = 1
	}
	if a.para[e.first] == a.para[0] {
		x[eFirstPara] = 1
	}
	x[eSpread] = float64(e.last-e.first) / nSents
	if e.title {
		x[eTitle] = 1
	}
	x[eSubject] = float64(e.subj) / n
	if e.main {
		x[eMainSubject] = 1
	}
	x[eObject] = float64(e.obj) / n
	x[ePeripheral] = float64(e.obl) / n
	x[eSpeaker] = float64(e.speak) / n
	x[eConj] = float64(e.conj) / n
	x[eEarly] = math.Log1p(float64(e.early))
	x[eProperShare] = float64(e.proper) / n
	if e.proper > 0 {
		x[eNamed] = 1
	}
	x[ePronounShare] = float64(e.pron) / n
	if g := kindGroup(e.kind); g >= 0 {
		x[g] = 1
	}
	x[eLogDocSents] = math.Log1p(nSents)
}

// sentenceContext is what the sentence features need of the entity
// model's predictions and of the document as a whole.
type sentenceContext struct {
	prob []float64 // by entity index
	top  int       // index of the most probable entity, -1 if none
	// sumSal is each sentence's sum of the probabilities of the distinct
	// entities it mentions; maxSum the largest.
	sumSal []float64
	maxSum float64
	// centroid is each sentence's cosine similarity with the rest of the
	// document; maxCentroid the largest.
	centroid    []float64
	maxCentroid float64
	// keywords is each sentence's sum, over its distinct terms, of the
	// log of the number of other sentences that have the term; title its
	// number of distinct title terms; maxKeywords and maxTitle the
	// largest.
	keywords, title       []float64
	maxKeywords, maxTitle float64
}

// sentenceContext computes the document-wide values of the sentence
// features from the entity probabilities (by entity index).
func (a *analysis) sentenceContext(prob []float64) *sentenceContext {
	c := &sentenceContext{prob: prob, top: -1}
	for i, p := range prob {
		if c.top < 0 || p > prob[c.top] {
			c.top = i
		}
	}
	c.sumSal = make([]float64, len(a.d.Sents))
	seenEnt := make(map[int]bool)
	for si, ms := range a.ments {
		clear(seenEnt)
		for _, m := range ms {
			k := a.index[m.Entity]
			if !seenEnt[k] {
				seenEnt[k] = true
				c.sumSal[si] += prob[k]
			}
		}
		c.maxSum = max(c.maxSum, c.sumSal[si])
	}
	// Term frequencies of the whole document, and each sentence's cosine
	// with the document less itself.
	df := map[string]float64{}
	for _, ts := range a.terms {
		for _, t := range ts {
			df[t]++
		}
	}
	df2 := 0.0
	for _, n := range df {
		df2 += n * n
	}
	c.centroid = make([]float64, len(a.d.Sents))
	own := map[string]float64{}
	for si, ts := range a.terms {
		if len(ts) == 0 {
			continue
		}
		clear(own)
		for _, t := range ts {
			own[t]++
		}
		// |df - own|² = |df|² - 2 df·own + |own|²
		var dot, ns float64
		nd := df2
		for t, n := range own {
			dot += n * (df[t] - n)
			ns += n * n
			nd += n*n - 2*n*df[t]
		}
		if ns > 0 && nd > 0 {
			c.centroid[si] = dot / math.Sqrt(ns*nd)
		}
		c.maxCentroid = max(c.maxCentroid, c.centroid[si])
	}
	c.keywords = make([]float64, len(a.d.Sents))
	c.title = make([]float64, len(a.d.Sents))
	sentsWith := map[string]float64{}
	seen := map[string]bool{}
	for _, ts := range a.terms {
		clear(seen)
		for _, t := range ts {
			if !seen[t] {
				seen[t] = true
				sentsWith[t]++
			}
		}
	}
	for si, ts := range a.terms {
		clear(seen)
		for _, t := range ts {
			if seen[t] {
				continue
			}
			seen[t] = true
			c.keywords[si] += math.Log(sentsWith[t])
			if a.title[t] {
				c.title[si]++
			}
		}
		c.maxKeywords = max(c.maxKeywords, c.keywords[si])
		c.maxTitle = max(c.maxTitle, c.title[si])
	}
	return c
}

// sentenceFeatures fills x with the features of sentence i.
func (a *analysis) sentenceFeatures(i int, c *sentenceContext, x []float64) {
	clear(x)
	ws := a.d.Sents[i]
	nSents := float64(len(a.d.Sents))
	x[sBias] = 1
	switch {
	case i == 0:
		x[sPos0] = 1
	case i == 1:
		x[sPos1] = 1
	case i == 2:
		x[sPos2] = 1
	case i <= 4:
		x[sPos34] = 1
	case i <= 9:
		x[sPos59] = 1
	}
	x[sRelPos] = float64(i) / nSents
	if i == 0 || a.para[i] != a.para[i-1] {
		x[sParaFirst] = 1
	}
	switch a.para[i] - a.para[0] {
	case 0:
		x[sPara0] = 1
	case 1:
		x[sPara1] = 1
	}
	x[sLogLen] = math.Log1p(float64(len(a.terms[i])))
	words, verb, quote, num, date, fp := 0, false, false, false, false, false
	for _, w := range ws {
		switch w.UPOS {
		case "PUNCT":
			switch w.Text {
			case `"`, "“", "”", "``", "''", "‘", "’":
				quote = true
			}
			continue
		case "VERB", "AUX":
			verb = true
		case "NUM":
			num = true
		case "PRON":
			switch strings.ToLower(w.Text) {
			case "i", "me", "my", "we", "us", "our", "you", "your":
				fp = true
			}
		}
		words++
		lw := strings.ToLower(w.Text)
		if dateWords[lw] && w.UPOS == "PROPN" || isYear(lw) {
			date = true
		}
	}
	if words < 4 {
		x[sShort] = 1
	}
	if !verb {
		x[sNoVerb] = 1
	}
	x[sSumSalience] = c.sumSal[i]
	if c.maxSum > 0 {
		x[sRelSalience] = c.sumSal[i] / c.maxSum
	}
	salient := 0
	seen := map[int]bool{}
	for _, m := range a.ments[i] {
		k := a.index[m.Entity]
		p := c.prob[k]
		x[sMaxSalience] = max(x[sMaxSalience], p)
		subj := baseRel(ws[m.Head].Rel) == "nsubj"
		if k == c.top {
			x[sTopEntity] = 1
			if subj {
				x[sTopSubject] = 1
			}
		}
		if subj {
			x[sSubjectSalience] = max(x[sSubjectSalience], p)
		}
		if !seen[k] {
			seen[k] = true
			if p >= 0.5 {
				salient++
			}
		}
	}
	x[sSalientCount] = math.Log1p(float64(salient))
	if a.nTitle > 0 {
		x[sTitle] = c.title[i] / float64(a.nTitle)
		x[sTitleCount] = math.Log1p(c.title[i])
	}
	if c.maxTitle > 0 {
		x[sRelTitle] = c.title[i] / c.maxTitle
	}
	if c.maxKeywords > 0 {
		x[sKeywords] = c.keywords[i] / c.maxKeywords
	}
	x[sCentroid] = c.centroid[i]
	if c.maxCentroid > 0 {
		x[sRelCentroid] = c.centroid[i] / c.maxCentroid
	}
	if quote {
		x[sQuote] = 1
	}
	for _, w := range ws {
		if w.Head < 0 && speechVerbs[strings.ToLower(w.Lemma)] {
			x[sSpeech] = 1
		}
	}
	if num {
		x[sNumber] = 1
	}
	if date {
		x[sDate] = 1
	}
	if n := len(ws); n > 0 && ws[n-1].Text == "?" {
		x[sQuestion] = 1
	}
	if fp {
		x[sFirstPerson] = 1
	}
	x[sLogDocSents] = math.Log1p(nSents)
}

// isYear reports whether w is a year of four digits from 1000 to 2099.
func isYear(w string) bool {
	if len(w) != 4 || w[0] != '1' && w[0] != '2' {
		return false
	}
	for i := range 4 {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w[0] == '1' || w[1] == '0'
}
