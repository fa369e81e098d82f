package coref

// This file walks a text in order, keeping the mentions and resolved
// pronouns seen so far and the entities they belong to, and asks a
// chooser (the trained model, or the trainer's gold) to decide each
// pronoun among the candidates before it. Resolve and training share it,
// so that the features at run time are the ones the model learned.

import (
	"cmp"
	"math"
	"slices"

	"factdeck/quiz"
)

// window is how many sentences before a pronoun's own sentence hold
// candidates.
const window = 3

// occ is an occurrence of an entity: a mention, or a pronoun resolved to
// one.
type occ struct {
	sent, lo, hi, head int
	// anchor is the caller's mention the occurrence stands for.
	anchor int
	ent    int
	// form and class are the pronoun's ("his", 'm'), "" and 0 for a
	// mention.
	form  string
	class byte
	// conf is 1 for a mention, the probability of its link for a
	// pronoun.
	conf float64
	// role, depth, num and def are the features of the occurrence itself.
	role, num, def string
	depth          int
}

// entity is what the walk knows of one entity so far.
type entity struct {
	count  int
	first  bool
	kind   string
	proper bool
	// gender is the caller's ('m', 'f'), 0 when unknown; males and
	// females count the he- and she-pronouns resolved to it.
	gender         byte
	males, females int
	// latest is the index of its latest occurrence.
	latest int
}

// genderOf returns the entity's gender as a feature value: the caller's,
// else the one of the pronouns resolved to it, else "?".
func (e *entity) genderOf() string {
	switch {
	case e.gender == 'm' || e.gender == 0 && e.males > e.females:
		return "m"
	case e.gender == 'f' || e.gender == 0 && e.females > e.males:
		return "f"
	}
	return "?"
}

// option is one candidate of a decision.
type option struct {
	occ, ent int
	conf     float64
	feats    span
}

// span is a range of decision.buf.
type span struct{ lo, hi int }

// decision is one pronoun to resolve, with its candidates.
type decision struct {
	sent, word int
	form       string
	p          pron
	opts       []option
	none       span
	buf        []uint64
}

// feats returns the feature keys of a span.
func (d *decision) feats(s span) []uint64 { return d.buf[s.lo:s.hi] }

// best returns the option of the most probable entity (the sum of its
// options' probabilities), -1 when "none" (probs' last) is at least as
// probable, and the probability of the choice. That of an entity counts
// a resolved pronoun among its options by the probability of that
// pronoun's own link, so that a chain of pronouns is no surer than its
// first link.
func (d *decision) best(probs []float64) (int, float64) {
	best, bestP, bestSure := -1, probs[len(d.opts)], probs[len(d.opts)]
	for i, o := range d.opts {
		total, sure, top := 0.0, 0.0, true
		for j, q := range d.opts {
			if q.ent != o.ent {
				continue
			}
			total += probs[j]
			sure += probs[j] * q.conf
			if probs[j] > probs[i] || probs[j] == probs[i] && j < i {
				top = false
			}
		}
		if top && total > bestP {
			best, bestP, bestSure = i, total, sure
		}
	}
	return best, min(bestSure, 1)
}

// softmax turns scores into probabilities, in place.
func softmax(xs []float64) {
	top := math.Inf(-1)
	for _, x := range xs {
		top = max(top, x)
	}
	sum := 0.0
	for i, x := range xs {
		xs[i] = math.Exp(x - top)
		sum += xs[i]
	}
	for i := range xs {
		xs[i] /= sum
	}
}

// walker holds the state of one walk over a text.
type walker struct {
	sents []sentence
	ments []Mention
	// order lists the usable mentions by end: sentence, then Hi.
	order []int
	occs  []occ
	ents  []entity
	// entOf maps the caller's Entity to an index of ents.
	entOf map[int]int
	// lastForm and lastClass are the entity the previous pronoun of each
	// form and class chose, -1 for none; lastPron the entity of the
	// latest resolved pronoun, -1 if none.
	lastForm  map[string]int
	lastClass [4]int
	lastPron  int
	fb        fbuf
	d         decision
	// cands and candEnts are the candidates of the current decision
	// and their entities.
	cands, candEnts []int
}

// newWalker prepares a walk over sents with the mentions ments; names,
// when not nil, collects the names of the features (for training).
func newWalker(sents [][]Word, ments []Mention, names map[uint64]string) *walker {
	w := &walker{
		ments:    ments,
		entOf:    map[int]int{},
		lastForm: map[string]int{},
		lastClass: [4]int{
			-1, -1, -1, -1,
		},
		lastPron: -1,
		fb:       fbuf{names: names},
	}
	w.sents = make([]sentence, len(sents))
	for i, s := range sents {
		w.sents[i] = analyze(s)
	}
	for i, m := range ments {
		if m.Sent < 0 || m.Sent >= len(sents) || m.Lo < 0 || m.Hi > len(sents[m.Sent]) || m.Lo >= m.Hi ||
			m.Head < m.Lo || m.Head >= m.Hi {
			continue
		}
		if _, _, ok := pronounOf(&sents[m.Sent][m.Head]); ok {
			continue
		}
		w.order = append(w.order, i)
	}
	slices.SortStableFunc(w.order, func(a, b int) int {
		ma, mb := &ments[a], &ments[b]
		return cmp.Or(cmp.Compare(ma.Sent, mb.Sent), cmp.Compare(ma.Hi, mb.Hi), cmp.Compare(mb.Lo, ma.Lo))
	})
	return w
}

// classIndex numbers the pronoun classes.
func classIndex(c byte) int {
	switch c {
	case 'm':
		return 0
	case 'f':
		return 1
	case 'n':
		return 2
	}
	return 3
}

// kindOf maps the caller's kinds to the four the model knows.
func kindOf(k quiz.Kind) string {
	switch k {
	case quiz.KindPerson:
		return "person"
	case quiz.KindOrganization:
		return "organization"
	case quiz.KindPlace, quiz.KindCity, quiz.KindRegion, quiz.KindCountry:
		return "place"
	}
	return ""
}

// addMention adds the caller's mention i as an occurrence.
func (w *walker) addMention(i int) {
	m := &w.ments[i]
	s := &w.sents[m.Sent]
	e := -1
	def := definiteness(s, m.Lo, m.Head)
	if m.Entity >= 0 {
		if x, ok := w.entOf[m.Entity]; ok {
			e = x
		}
	} else if !m.Proper && def == "def" {
		e = w.sameHead(s, m.Head)
	}
	if e < 0 {
		e = len(w.ents)
		w.ents = append(w.ents, entity{})
		if m.Entity >= 0 {
			w.entOf[m.Entity] = e
		}
	}
	ent := &w.ents[e]
	if k := kindOf(m.Kind); ent.kind == "" {
		ent.kind = k
	}
	ent.proper = ent.proper || m.Proper
	if ent.gender == 0 && (m.Gender == "m" || m.Gender == "f") {
		ent.gender = m.Gender[0]
	}
	o := occ{
		sent: m.Sent, lo: m.Lo, hi: m.Hi, head: m.Head, anchor: i, ent: e,
		role: role(s.words[m.Head].Rel), num: s.number(m.Lo, m.Hi, m.Head), def: def,
		depth: s.depth[m.Head], conf: 1,
	}
	w.addOcc(o)
	// An apposition names the same entity: "the mayor, Ann Lee,".
	for k := len(w.occs) - 2; k >= 0 && w.occs[k].sent == m.Sent; k-- {
		x := &w.occs[k]
		if x.class != 0 || x.ent == e {
			continue
		}
		if role(s.words[m.Head].Rel) == "appos" && s.head[m.Head] == x.head ||
			role(s.words[x.head].Rel) == "appos" && s.head[x.head] == m.Head {
			w.merge(x.ent, e)
			e = x.ent
		}
	}
}

// named returns the latest name among the mentions of entity e so far,
// else mention fallback: "she" after "the analyst, Ann Lee," is Ann Lee.
func (w *walker) named(e, fallback int) int {
	for k := len(w.occs) - 1; k >= 0; k-- {
		if o := &w.occs[k]; o.ent == e && o.class == 0 && w.ments[o.anchor].Proper {
			return o.anchor
		}
	}
	return fallback
}

// merge makes entity from part of entity into.
func (w *walker) merge(into, from int) {
	a, b := &w.ents[into], &w.ents[from]
	a.count += b.count
	a.first = a.first || b.first
	if a.kind == "" {
		a.kind = b.kind
	}
	a.proper = a.proper || b.proper
	if a.gender == 0 {
		a.gender = b.gender
	}
	a.males += b.males
	a.females += b.females
	a.latest = max(a.latest, b.latest)
	*b = entity{}
	for i := range w.occs {
		if w.occs[i].ent == from {
			w.occs[i].ent = into
		}
	}
	for k, e := range w.entOf {
		if e == from {
			w.entOf[k] = into
		}
	}
	for k, e := range w.lastForm {
		if e == from {
			w.lastForm[k] = into
		}
	}
	for i, e := range w.lastClass {
		if e == from {
			w.lastClass[i] = into
		}
	}
	if w.lastPron == from {
		w.lastPron = into
	}
}

// sameHead returns the entity of the latest mention with the same head
// noun and number as word h of s, -1 if none: "the company" after "a
// small company" is the same company.
func (w *walker) sameHead(s *sentence, h int) int {
	lemma := lower(s.words[h].Lemma)
	if lemma == "" {
		lemma = lower(s.words[h].Text)
	}
	num := featValue(s.words[h].Feats, "Number")
	for k := len(w.occs) - 1; k >= 0; k-- {
		o := &w.occs[k]
		if o.class != 0 {
			continue
		}
		ow := &w.sents[o.sent].words[o.head]
		ol := lower(ow.Lemma)
		if ol == "" {
			ol = lower(ow.Text)
		}
		if ol == lemma && featValue(ow.Feats, "Number") == num {
			return o.ent
		}
	}
	return -1
}

func (w *walker) addOcc(o occ) {
	ent := &w.ents[o.ent]
	ent.count++
	ent.first = ent.first || o.sent == 0
	ent.latest = len(w.occs)
	w.occs = append(w.occs, o)
}

// definiteness returns "def", "indef", "poss" or "bare" for the mention
// starting at lo with head h.
func definiteness(s *sentence, lo, h int) string {
	for i := lo; i < h; i++ {
		if s.head[i] != h {
			continue
		}
		switch r := s.words[i].Rel; {
		case r == "nmod:poss":
			return "poss"
		case baseRel(r) == "det":
			switch lower(s.words[i].Text) {
			case "a", "an", "another", "some", "any", "no", "every", "each":
				return "indef"
			}
			return "def"
		}
	}
	return "bare"
}

// walk resolves the pronouns of the text in order: for each, choose gets
// the decision and returns the option chosen, -1 for none, and its
// probability.
func (w *walker) walk(choose func(d *decision) (int, float64)) {
	next := 0
	for si := range w.sents {
		s := &w.sents[si]
		for wi := range s.words {
			for next < len(w.order) {
				m := &w.ments[w.order[next]]
				if m.Sent > si || m.Sent == si && m.Hi > wi {
					break
				}
				w.addMention(w.order[next])
				next++
			}
			form, p, ok := pronounOf(&s.words[wi])
			if !ok {
				continue
			}
			d := w.decide(si, wi, form, p)
			c, prob := choose(d)
			w.record(d, c, prob)
		}
	}
}

// record updates the state after pronoun d was resolved to option c (-1:
// none) with probability prob.
func (w *walker) record(d *decision, c int, prob float64) {
	ci := classIndex(d.p.class)
	if c < 0 {
		w.lastForm[d.form] = -1
		w.lastClass[ci] = -1
		return
	}
	e := d.opts[c].ent
	s := &w.sents[d.sent]
	num := "sing"
	if d.p.class == 'p' {
		num = "plur"
	}
	w.addOcc(occ{
		sent: d.sent, lo: d.word, hi: d.word + 1, head: d.word, anchor: w.occs[d.opts[c].occ].anchor, ent: e,
		form: d.form, class: d.p.class, role: role(s.words[d.word].Rel), num: num, def: "pron",
		depth: s.depth[d.word], conf: prob,
	})
	switch d.p.class {
	case 'm':
		w.ents[e].males++
	case 'f':
		w.ents[e].females++
	}
	w.lastForm[d.form] = e
	w.lastClass[ci] = e
	w.lastPron = e
}

// bound returns the entity a pronoun may not refer to by binding: the
// subject of its own clause for an object pronoun ("Ann praised her"),
// -1 if none.
func (w *walker) bound(si, wi int, p pron) int {
	s := &w.sents[si]
	if p.cas != 'a' {
		return -1
	}
	if r := baseRel(s.words[wi].Rel); r != "obj" && r != "iobj" {
		return -1
	}
	subj := s.clauseSubject(wi)
	if subj < 0 || subj == wi {
		return -1
	}
	for k := len(w.occs) - 1; k >= 0 && w.occs[k].sent == si; k-- {
		if w.occs[k].head == subj {
			return w.occs[k].ent
		}
	}
	return -1
}

// decide builds the decision for the pronoun at word wi of sentence si.
func (w *walker) decide(si, wi int, form string, p pron) *decision {
	d := &w.d
	*d = decision{sent: si, word: wi, form: form, p: p, opts: d.opts[:0], buf: d.buf[:0]}
	w.fb.keys = d.buf
	// He and she share their features but for gender, which is
	// agreement: pooled, the fewer "she" learn from the "he".
	w.fb.k = p.class
	if p.class == 'm' || p.class == 'f' {
		w.fb.k = 'h'
	}
	bound := w.bound(si, wi, p)
	// The candidates, latest first, and how many entities among them
	// were mentioned more often than each.
	cands := w.cands[:0]
	for k := len(w.occs) - 1; k >= 0; k-- {
		o := &w.occs[k]
		if o.sent < si-window {
			break
		}
		if o.ent == bound || o.sent == si && o.hi > wi {
			continue
		}
		cands = append(cands, k)
	}
	w.cands = cands
	w.candEnts = w.candEnts[:0]
	for _, k := range cands {
		if e := w.occs[k].ent; !slices.Contains(w.candEnts, e) {
			w.candEnts = append(w.candEnts, e)
		}
	}
	compatible := 0
	for rank, k := range cands {
		o := &w.occs[k]
		crank := -1
		if w.compatible(p, o) {
			crank = compatible
			compatible++
		}
		erank := 0
		for _, e := range w.candEnts {
			if w.ents[e].count > w.ents[o.ent].count {
				erank++
			}
		}
		lo := len(w.fb.keys)
		w.candFeatures(si, wi, form, p, o, k, rank, crank, erank)
		d.opts = append(d.opts, option{occ: k, ent: o.ent, conf: o.conf, feats: span{lo, len(w.fb.keys)}})
	}
	lo := len(w.fb.keys)
	w.noneFeatures(si, wi, form, p, len(d.opts), compatible)
	d.none = span{lo, len(w.fb.keys)}
	d.buf = w.fb.keys
	return d
}

// compatible reports whether occurrence o agrees with pronoun p in kind,
// number and gender, as far as known.
func (w *walker) compatible(p pron, o *occ) bool {
	e := &w.ents[o.ent]
	switch p.class {
	case 'm', 'f':
		g := e.genderOf()
		return (e.kind == "person" || e.kind == "") && o.num != "plur" && o.num != "coord" && (g == "?" || g[0] == p.class)
	case 'n':
		return e.kind != "person" && o.num != "plur" && o.num != "coord"
	}
	return o.num == "plur" || o.num == "coord" || e.kind == "organization"
}

// bucket returns the label of the first bound x is at most, or the last
// label.
func bucket(x int, bounds []int, labels []string) string {
	for i, b := range bounds {
		if x <= b {
			return labels[i]
		}
	}
	return labels[len(labels)-1]
}

var (
	rankBounds  = []int{0, 1, 2, 3, 5, 9}
	rankLabels  = []string{"0", "1", "2", "3", "4-5", "6-9", "10+"}
	wordBounds  = []int{0, 2, 5, 10, 20, 40}
	wordLabels  = []string{"0", "1-2", "3-5", "6-10", "11-20", "21-40", "41+"}
	countBounds = []int{1, 2, 3, 5, 9}
	countLabels = []string{"1", "2", "3", "4-5", "6-9", "10+"}
	smallBounds = []int{0, 1, 2}
	smallLabels = []string{"0", "1", "2", "3+"}
	confBounds  = []int{9, 15, 18}
	confLabels  = []string{"<.5", "<.8", "<.95", "high"}
	lenBounds   = []int{1, 2, 3, 6}
	lenLabels   = []string{"1", "2", "3", "4-6", "7+"}
)

// wordDistance counts the words between occurrence o and word wi of
// sentence si.
func (w *walker) wordDistance(o *occ, si, wi int) int {
	if o.sent == si {
		return wi - o.hi
	}
	n := len(w.sents[o.sent].words) - o.hi + wi
	for k := o.sent + 1; k < si; k++ {
		n += len(w.sents[k].words)
	}
	return n
}

func yes(b bool) string {
	if b {
		return "y"
	}
	return "n"
}

// candFeatures adds the features of candidate o (occurrence k, rank-th
// most recent, crank-th most recent of the compatible ones or -1, its
// entity mentioned less often than erank others) for the pronoun at word
// wi of sentence si.
func (w *walker) candFeatures(si, wi int, form string, p pron, o *occ, k, rank, crank, erank int) {
	b := &w.fb
	s := &w.sents[si]
	e := &w.ents[o.ent]
	sd := string(rune('0' + si - o.sent))
	prole := role(s.words[wi].Rel)
	pc := string(rune(p.cas))
	b.add("sd", sd)
	b.add("md", bucket(rank, rankBounds, rankLabels))
	if crank >= 0 {
		b.add("crank", bucket(crank, smallBounds, smallLabels))
		b.add("crank,cr", bucket(crank, smallBounds, smallLabels), o.role)
	} else {
		b.add("incompatible")
	}
	b.add("wd", bucket(w.wordDistance(o, si, wi), wordBounds, wordLabels))
	b.add("cr", o.role)
	b.add("cr,sd", o.role, sd)
	// The subject of a sentence's main clause is its topic.
	os := &w.sents[o.sent]
	msubj := o.head == os.clauseSubject(os.root)
	b.add("msubj", yes(msubj))
	b.add("msubj,sd", yes(msubj), sd)
	cd := bucket(o.depth, smallBounds, smallLabels)
	b.add("cd", cd)
	b.add("cr,cd", o.role, cd)
	b.add("pr,cr", prole, o.role)
	b.add("pr,cr,sd", prole, o.role, sd)
	b.add("par", pc, yes(prole == o.role))
	ct := "com"
	switch {
	case o.class != 0:
		ct = "pron" + string(rune(o.class))
	case e.proper:
		ct = "prop"
	}
	b.add("ct", ct)
	if o.class != 0 {
		b.add("conf", bucket(int(20*o.conf), confBounds, confLabels))
	}
	b.add("ct,pc", ct, pc)
	b.add("ct,sd", ct, sd)
	// "It" sees organizations, places and things alike: which of them
	// a text calls "it" depends on its genre (GUM's organizations are
	// more often "they" than a newspaper's), what holds everywhere is
	// that "it" is not a person.
	kind := e.kind
	if p.class == 'n' && kind != "person" {
		kind = "thing"
	}
	b.add("kind", kind)
	b.add("pr,kind", prole, kind)
	if w.agentive(si, wi) {
		b.add("agent,kind", kind)
	}
	b.add("num", o.num)
	b.add("kind,num", kind, o.num)
	g := e.genderOf()
	b.add("gen", g)
	b.add("gen,kind", g, kind)
	if p.class == 'm' || p.class == 'f' {
		agree := "unknown"
		switch {
		case g[0] == p.class:
			agree = "match"
		case g != "?":
			agree = "mismatch"
		}
		b.add("gagree", agree)
		b.add("gagree,kind", agree, kind)
	}
	b.add("cnt", bucket(e.count, countBounds, countLabels))
	b.add("erank", bucket(erank, smallBounds, smallLabels))
	b.add("first", yes(e.first))
	b.add("def", o.def)
	b.add("len", bucket(o.hi-o.lo, lenBounds, lenLabels))
	b.add("latest", yes(e.latest == k))
	if e, ok := w.lastForm[form]; ok && e == o.ent {
		b.add("ps", "y")
	}
	if w.lastClass[classIndex(p.class)] == o.ent {
		b.add("pcl", "y")
	}
	if w.lastPron == o.ent {
		b.add("lp", "y")
	}
	if o.sent == si {
		rel := "-"
		switch {
		case o.head == s.clauseSubject(wi):
			rel = "subj"
		case s.governingSubject(o.head, wi):
			rel = "gov"
		case s.clause[o.head] == s.clause[wi]:
			rel = "clause"
		}
		b.add("cls", rel, pc)
	}
}

// noneFeatures adds the features of the "none" option for the pronoun at
// word wi of sentence si, with n candidates of which compatible agree.
func (w *walker) noneFeatures(si, wi int, form string, p pron, n, compatible int) {
	b := &w.fb
	s := &w.sents[si]
	wd := &s.words[wi]
	b.add("none")
	b.add("none,pc", string(rune(p.cas)))
	b.add("none,pr", role(wd.Rel))
	b.add("none,pf", form)
	b.add("none,nc", bucket(n, smallBounds, smallLabels))
	b.add("none,comp", bucket(compatible, smallBounds, smallLabels))
	b.add("none,si", bucket(si, smallBounds, smallLabels))
	b.add("none,pd", bucket(s.depth[wi], smallBounds, smallLabels))
	b.add("none,first", yes(wi == 0))
	prev := "na"
	if e, ok := w.lastForm[form]; ok {
		prev = yes(e >= 0)
	}
	b.add("none,prev", prev)
	// "It is clear that ...": a subject "it" whose predicate has a
	// clausal complement after it.
	be, clause := false, false
	if h := s.head[wi]; h >= 0 {
		be = lower(s.words[h].Lemma) == "be" || hasCop(s, h)
		for j := wi + 1; j < len(s.words); j++ {
			if s.head[j] == h {
				switch baseRel(s.words[j].Rel) {
				case "ccomp", "csubj", "xcomp", "advcl":
					clause = true
				}
			}
		}
	}
	b.add("none,ext", yes(be), yes(clause))
	if h := s.head[wi]; h >= 0 {
		b.add("none,hl", lower(s.words[h].Lemma))
	}
}

// agentive reports whether the pronoun at word wi of sentence si is the
// subject of a verb that reports speech or thought (one with a clausal
// complement, itself or a verb coordinated with it: "it said that ..."),
// whose subject is a person or an organization.
func (w *walker) agentive(si, wi int) bool {
	s := &w.sents[si]
	if role(s.words[wi].Rel) != "nsubj" {
		return false
	}
	h := s.head[wi]
	if h < 0 {
		return false
	}
	for j, x := range s.head {
		if x == h && baseRel(s.words[j].Rel) == "ccomp" {
			return true
		}
		if x == h && baseRel(s.words[j].Rel) == "conj" && s.subj[j] < 0 {
			for k, y := range s.head {
				if y == j && baseRel(s.words[k].Rel) == "ccomp" {
					return true
				}
			}
		}
	}
	return false
}

// hasCop reports whether word h has a copula ("clear" in "it is clear").
func hasCop(s *sentence, h int) bool {
	for j, x := range s.head {
		if x == h && s.words[j].Rel == "cop" {
			return true
		}
	}
	return false
}
