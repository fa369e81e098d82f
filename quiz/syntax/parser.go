package syntax

// This file holds the dependency parser: the arc-hybrid transition system
// (Kuhlmann, Gómez-Rodríguez and Satta 2011) with an artificial root at
// the bottom of the stack, greedy decoding with an averaged perceptron
// over labelled actions, and rich non-local features in the manner of
// Zhang and Nivre (2011): words and tags of the stack, buffer and their
// leftmost and rightmost children, distances, valencies and label sets.
//
// Words are numbered 1..n inside the parser, 0 being the root.

// Transition types. An action is SHIFT, or LEFT or RIGHT with a label:
// action 0 is SHIFT, 1+l is LEFT with label l, 1+L+l is RIGHT with label l.
const (
	actShift = iota
	actLeft
	actRight
)

// none marks a missing word in the features.
const none = -1

// state is a parser configuration.
type state struct {
	n     int
	stack []int32
	b0    int32 // first word of the buffer; n+1 when it is empty
	heads []int32
	rels  []int16
	// Children summaries, per word: leftmost and second leftmost,
	// rightmost and second rightmost children (none when absent), the
	// number of left and right children and the sets of their labels.
	l1, l2, r1, r2 []int32
	nl, nr         []uint8
	lset, rset     []uint64
}

// reset prepares s for a sentence of n words, reusing its buffers.
func (s *state) reset(n int) {
	s.n = n
	grow := func(b []int32, v int32) []int32 {
		if cap(b) < n+1 {
			b = make([]int32, n+1)
		}
		b = b[:n+1]
		for i := range b {
			b[i] = v
		}
		return b
	}
	s.heads = grow(s.heads, none)
	s.l1 = grow(s.l1, none)
	s.l2 = grow(s.l2, none)
	s.r1 = grow(s.r1, none)
	s.r2 = grow(s.r2, none)
	if cap(s.rels) < n+1 {
		s.rels = make([]int16, n+1)
		s.nl = make([]uint8, n+1)
		s.nr = make([]uint8, n+1)
		s.lset = make([]uint64, n+1)
		s.rset = make([]uint64, n+1)
	}
	s.rels = s.rels[:n+1]
	s.nl = s.nl[:n+1]
	s.nr = s.nr[:n+1]
	s.lset = s.lset[:n+1]
	s.rset = s.rset[:n+1]
	clear(s.rels)
	clear(s.nl)
	clear(s.nr)
	clear(s.lset)
	clear(s.rset)
	s.stack = append(s.stack[:0], 0)
	s.b0 = 1
}

func (s *state) terminal() bool { return len(s.stack) == 1 && int(s.b0) > s.n }

// at returns the i-th word from the top of the stack, or none.
func (s *state) at(i int) int32 {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return none
}

// buf returns the i-th word of the buffer, or none.
func (s *state) buf(i int) int32 {
	if b := s.b0 + int32(i); int(b) <= s.n {
		return b
	}
	return none
}

// canShift, canLeft and canRight report which transitions are valid; the
// root takes exactly one dependent, attached last.
func (s *state) canShift() bool { return int(s.b0) <= s.n }
func (s *state) canLeft() bool  { return int(s.b0) <= s.n && len(s.stack) > 1 }
func (s *state) canRight() bool {
	if len(s.stack) < 2 {
		return false
	}
	return s.at(1) != 0 || len(s.stack) == 2 && int(s.b0) > s.n
}

// rightToRoot reports whether a RIGHT now attaches the root's dependent.
func (s *state) rightToRoot() bool { return s.at(1) == 0 }

// apply performs transition typ with label rel.
func (s *state) apply(typ int, rel int) {
	switch typ {
	case actShift:
		s.stack = append(s.stack, s.b0)
		s.b0++
	case actLeft:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.b0, d, rel)
	case actRight:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.stack[len(s.stack)-1], d, rel)
	}
}

// attach makes h the head of d with relation rel.
func (s *state) attach(h, d int32, rel int) {
	s.heads[d] = h
	s.rels[d] = int16(rel)
	if d < h {
		// Left dependents arrive right to left: d is the new leftmost.
		s.l2[h] = s.l1[h]
		s.l1[h] = d
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.lset[h] |= 1 << (uint(rel) & 63)
	} else {
		// Right dependents arrive left to right: d is the new rightmost.
		s.r2[h] = s.r1[h]
		s.r1[h] = d
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rset[h] |= 1 << (uint(rel) & 63)
	}
}

// sentFeats holds the per-word values the parser features read, indexed
// by parser word number (0 is the root).
type sentFeats struct {
	w, p []uint64 // word (lowercase hash) and tag
	// punct counts the punctuation words among 1..i.
	punct []int32
}

// Sentinel values of the parser features.
var (
	hRootWord = mix(0x5007, 1)
	hNoWord   = mix(0x5007, 2)
)

const (
	pRootTag = 1001
	pNoTag   = 1002
	lNoLabel = 1003
)

// Parser feature templates. Their values are part of the model format:
// append new ones at the end and never renumber.
const (
	pS0w uint64 = iota + 101
	pS0p
	pS0wp
	pS1w
	pS1p
	pS1wp
	pB0w
	pB0p
	pB0wp
	pB1w
	pB1p
	pB1wp
	pB2w
	pB2p
	pS2p
	pS2w
	pS0wpB0wp
	pS0wpB0w
	pS0wB0wp
	pS0wpB0p
	pS0pB0wp
	pS0wB0w
	pS0pB0p
	pB0pB1p
	pS1wpS0wp
	pS1wS0w
	pS1pS0p
	pS1pS0wp
	pS1wpS0p
	pS1pB0p
	pS1wB0w
	pB0pB1pB2p
	pS0pB0pB1p
	pS1pS0pB0p
	pS2pS1pS0p
	pS0pS0l1pB0p
	pS0pS0r1pB0p
	pS0pB0pB0l1p
	pS1pS0pS0l1p
	pS1pS1r1pS0p
	pS1pS1l1pS0p
	pS1pS0pS0r1p
	pS0pS0l1pS0l2p
	pS0pS0r1pS0r2p
	pB0pB0l1pB0l2p
	pS1pS1r1pS1r2p
	pS0wD
	pS0pD
	pB0wD
	pB0pD
	pS0wB0wD
	pS0pB0pD
	pS1pS0pD1
	pS1wD1
	pS0wD1
	pS0wNr
	pS0pNr
	pS0wNl
	pS0pNl
	pB0wNl
	pB0pNl
	pS1wNr
	pS1pNr
	pS1pNl
	pS0l1w
	pS0l1p
	pS0l1l
	pS0r1w
	pS0r1p
	pS0r1l
	pB0l1w
	pB0l1p
	pB0l1l
	pS1r1w
	pS1r1p
	pS1r1l
	pS1l1p
	pS1l1l
	pS0l2w
	pS0l2p
	pS0l2l
	pS0r2w
	pS0r2p
	pS0r2l
	pB0l2w
	pB0l2p
	pB0l2l
	pS0wLset
	pS0pLset
	pS0wRset
	pS0pRset
	pB0wLset
	pB0pLset
	pS1pRset
	pS1wRset
	pS0pB0pPunct
	pS1pS0pB0pB1p
	pB1pB2pB3p
	pB0wB1w
	pB0wB1p
	pS0wS0r1l
)

// dist buckets a distance between two words.
func dist(a, b int32) uint64 {
	d := b - a
	switch {
	case d < 0:
		d = -d
		fallthrough
	default:
		switch {
		case d <= 4:
			return uint64(d)
		case d <= 9:
			return 5
		}
		return 6
	}
}

// parseFeatures appends the features of configuration s.
func parseFeatures(s *state, sf *sentFeats, dst []uint64) []uint64 {
	W := func(x int32) uint64 {
		if x < 0 {
			return hNoWord
		}
		return sf.w[x]
	}
	P := func(x int32) uint64 {
		if x < 0 {
			return pNoTag
		}
		return sf.p[x]
	}
	L := func(x int32) uint64 {
		if x < 0 {
			return lNoLabel
		}
		return uint64(s.rels[x])
	}
	child := func(c []int32, x int32) int32 {
		if x < 0 {
			return none
		}
		return c[x]
	}
	s0, s1, s2 := s.at(0), s.at(1), s.at(2)
	b0, b1, b2, b3 := s.buf(0), s.buf(1), s.buf(2), s.buf(3)
	s0w, s0p, s1w, s1p := W(s0), P(s0), W(s1), P(s1)
	b0w, b0p, b1w, b1p := W(b0), P(b0), W(b1), P(b1)
	b2p := P(b2)
	s2p := P(s2)
	s0l1, s0l2, s0r1, s0r2 := child(s.l1, s0), child(s.l2, s0), child(s.r1, s0), child(s.r2, s0)
	s1l1, s1r1, s1r2 := child(s.l1, s1), child(s.r1, s1), child(s.r2, s1)
	b0l1, b0l2 := child(s.l1, b0), child(s.l2, b0)
	s0l1p, s0r1p, b0l1p, s1r1p := P(s0l1), P(s0r1), P(b0l1), P(s1r1)
	s0wp := mix(s0w, s0p)
	s1wp := mix(s1w, s1p)
	b0wp := mix(b0w, b0p)
	dst = append(dst,
		mix(pS0w, s0w), mix(pS0p, s0p), mix(pS0wp, s0wp),
		mix(pS1w, s1w), mix(pS1p, s1p), mix(pS1wp, s1wp),
		mix(pB0w, b0w), mix(pB0p, b0p), mix(pB0wp, b0wp),
		mix(pB1w, b1w), mix(pB1p, b1p), mix(pB1wp, mix(b1w, b1p)),
		mix(pB2w, W(b2)), mix(pB2p, b2p),
		mix(pS2p, s2p), mix(pS2w, W(s2)),
		mix3(pS0wpB0wp, s0wp, b0wp), mix3(pS0wpB0w, s0wp, b0w), mix3(pS0wB0wp, s0w, b0wp),
		mix3(pS0wpB0p, s0wp, b0p), mix3(pS0pB0wp, s0p, b0wp), mix3(pS0wB0w, s0w, b0w),
		mix3(pS0pB0p, s0p, b0p), mix3(pB0pB1p, b0p, b1p),
		mix3(pS1wpS0wp, s1wp, s0wp), mix3(pS1wS0w, s1w, s0w), mix3(pS1pS0p, s1p, s0p),
		mix3(pS1pS0wp, s1p, s0wp), mix3(pS1wpS0p, s1wp, s0p), mix3(pS1pB0p, s1p, b0p),
		mix3(pS1wB0w, s1w, b0w),
		mix4(pB0pB1pB2p, b0p, b1p, b2p), mix4(pS0pB0pB1p, s0p, b0p, b1p),
		mix4(pS1pS0pB0p, s1p, s0p, b0p), mix4(pS2pS1pS0p, s2p, s1p, s0p),
		mix4(pS0pS0l1pB0p, s0p, s0l1p, b0p), mix4(pS0pS0r1pB0p, s0p, s0r1p, b0p),
		mix4(pS0pB0pB0l1p, s0p, b0p, b0l1p), mix4(pS1pS0pS0l1p, s1p, s0p, s0l1p),
		mix4(pS1pS1r1pS0p, s1p, s1r1p, s0p), mix4(pS1pS1l1pS0p, s1p, P(s1l1), s0p),
		mix4(pS1pS0pS0r1p, s1p, s0p, s0r1p),
		mix4(pS0pS0l1pS0l2p, s0p, s0l1p, P(s0l2)), mix4(pS0pS0r1pS0r2p, s0p, s0r1p, P(s0r2)),
		mix4(pB0pB0l1pB0l2p, b0p, b0l1p, P(b0l2)), mix4(pS1pS1r1pS1r2p, s1p, s1r1p, P(s1r2)),
		mix(pS0l1w, W(s0l1)), mix(pS0l1p, s0l1p), mix(pS0l1l, L(s0l1)),
		mix(pS0r1w, W(s0r1)), mix(pS0r1p, s0r1p), mix(pS0r1l, L(s0r1)),
		mix(pB0l1w, W(b0l1)), mix(pB0l1p, b0l1p), mix(pB0l1l, L(b0l1)),
		mix(pS1r1w, W(s1r1)), mix(pS1r1p, s1r1p), mix(pS1r1l, L(s1r1)),
		mix(pS1l1p, P(s1l1)), mix(pS1l1l, L(s1l1)),
		mix(pS0l2w, W(s0l2)), mix(pS0l2p, P(s0l2)), mix(pS0l2l, L(s0l2)),
		mix(pS0r2w, W(s0r2)), mix(pS0r2p, P(s0r2)), mix(pS0r2l, L(s0r2)),
		mix(pB0l2w, W(b0l2)), mix(pB0l2p, P(b0l2)), mix(pB0l2l, L(b0l2)),
		mix4(pS1pS0pB0pB1p, s1p, s0p, mix(b0p, b1p)),
		mix4(pB1pB2pB3p, b1p, b2p, P(b3)),
		mix3(pB0wB1w, b0w, b1w), mix3(pB0wB1p, b0w, b1p),
	)
	if s0 >= 0 && b0 >= 0 {
		d := dist(s0, b0)
		if s0 == 0 {
			d = 7
		}
		dst = append(dst,
			mix3(pS0wD, s0w, d), mix3(pS0pD, s0p, d), mix3(pB0wD, b0w, d), mix3(pB0pD, b0p, d),
			mix4(pS0wB0wD, s0w, b0w, d), mix4(pS0pB0pD, s0p, b0p, d),
			mix4(pS0pB0pPunct, s0p, b0p, uint64(sf.punctBetween(s0, b0))),
		)
	}
	if s1 >= 0 && s0 >= 0 {
		d := dist(s1, s0)
		if s1 == 0 {
			d = 7
		}
		dst = append(dst, mix4(pS1pS0pD1, s1p, s0p, d), mix3(pS1wD1, s1w, d), mix3(pS0wD1, s0w, d))
	}
	if s0 >= 0 {
		nl, nr := uint64(s.nl[s0]), uint64(s.nr[s0])
		dst = append(dst,
			mix3(pS0wNr, s0w, nr), mix3(pS0pNr, s0p, nr), mix3(pS0wNl, s0w, nl), mix3(pS0pNl, s0p, nl),
			mix3(pS0wLset, s0w, s.lset[s0]), mix3(pS0pLset, s0p, s.lset[s0]),
			mix3(pS0wRset, s0w, s.rset[s0]), mix3(pS0pRset, s0p, s.rset[s0]),
			mix3(pS0wS0r1l, s0w, L(s0r1)),
		)
	}
	if b0 >= 0 {
		nl := uint64(s.nl[b0])
		dst = append(dst, mix3(pB0wNl, b0w, nl), mix3(pB0pNl, b0p, nl),
			mix3(pB0wLset, b0w, s.lset[b0]), mix3(pB0pLset, b0p, s.lset[b0]))
	}
	if s1 >= 0 {
		dst = append(dst, mix3(pS1wNr, s1w, uint64(s.nr[s1])), mix3(pS1pNr, s1p, uint64(s.nr[s1])),
			mix3(pS1pNl, s1p, uint64(s.nl[s1])), mix3(pS1pRset, s1p, s.rset[s1]), mix3(pS1wRset, s1w, s.rset[s1]))
	}
	return dst
}

// punctBetween returns 1 if a punctuation word lies strictly between words
// a < b, else 0.
func (sf *sentFeats) punctBetween(a, b int32) int {
	if a+1 >= b {
		return 0
	}
	// punct[i] counts punctuation words among 1..i.
	if sf.punct[b-1]-sf.punct[a] > 0 {
		return 1
	}
	return 0
}

// bestAction returns the transition type and the action of the
// highest-scoring valid action of s, given scores per action. rootRel is
// the label id of the root relation, nrel the number of labels.
func bestAction[T int32 | float32](s *state, scores []T, nrel, rootRel int) (int, int) {
	bestA, bestT := -1, -1
	var bestS T
	consider := func(a, typ int) {
		if bestA < 0 || scores[a] > bestS {
			bestA, bestT, bestS = a, typ, scores[a]
		}
	}
	if s.canShift() {
		consider(0, actShift)
	}
	if s.canLeft() {
		for l := 0; l < nrel; l++ {
			if l != rootRel {
				consider(1+l, actLeft)
			}
		}
	}
	if s.canRight() {
		if s.rightToRoot() {
			consider(1+nrel+rootRel, actRight)
		} else {
			for l := 0; l < nrel; l++ {
				if l != rootRel {
					consider(1+nrel+l, actRight)
				}
			}
		}
	}
	return bestT, bestA
}

// actionLabel returns the label of action a (of type LEFT or RIGHT).
func actionLabel(a, nrel int) int {
	if a <= nrel {
		return a - 1
	}
	return a - 1 - nrel
}

// oracle holds a gold tree for the dynamic oracle: heads and labels by
// parser word number, and each word's gold dependents.
type oracle struct {
	heads []int32
	rels  []int16
	kids  [][]int32
	// inStack marks the words on the stack.
	inStack []bool
}

// newOracle returns the oracle of a projective gold tree (heads[0] unused).
func newOracle(heads []int32, rels []int16) *oracle {
	o := &oracle{heads: heads, rels: rels, kids: make([][]int32, len(heads)), inStack: make([]bool, len(heads))}
	for d := 1; d < len(heads); d++ {
		h := heads[d]
		o.kids[h] = append(o.kids[h], int32(d))
	}
	return o
}

// costs returns the number of gold arcs each transition type makes
// unreachable from s (Goldberg and Nivre 2013, for arc-hybrid), not
// counting labels.
func (o *oracle) costs(s *state) (shift, left, right int) {
	for i := range o.inStack {
		o.inStack[i] = false
	}
	for _, x := range s.stack {
		o.inStack[x] = true
	}
	n := int32(s.n)
	b0 := s.b0
	if s.canShift() {
		// b0 loses heads deeper in the stack than s0, and dependents on
		// the stack.
		if h := o.heads[b0]; o.inStack[h] && h != s.at(0) {
			shift++
		}
		for _, d := range o.kids[b0] {
			if o.inStack[d] {
				shift++
			}
		}
	}
	if len(s.stack) > 1 {
		s0 := s.at(0)
		// Dependents of s0 still in the buffer are lost either way.
		lost := 0
		for _, d := range o.kids[s0] {
			if d >= b0 && d <= n {
				lost++
			}
		}
		h := o.heads[s0]
		if s.canLeft() {
			left = lost
			if h == s.at(1) || h > b0 && h <= n {
				left++
			}
		}
		if s.canRight() {
			right = lost
			if h >= b0 && h <= n {
				right++
			}
		}
	}
	return shift, left, right
}

// projectivize lifts the arcs of a tree (heads by parser word number, 0
// the root) until it is projective, and returns the number of arcs lifted.
func projectivize(heads []int32) int {
	lifted := 0
	for {
		changed := false
		for d := 1; d < len(heads); d++ {
			h := heads[d]
			if h == 0 || projectiveArc(heads, h, int32(d)) {
				continue
			}
			heads[d] = heads[h]
			lifted++
			changed = true
		}
		if !changed {
			return lifted
		}
	}
}

// projectiveArc reports whether every word between h and d descends from h.
func projectiveArc(heads []int32, h, d int32) bool {
	a, b := min(h, d), max(h, d)
	for k := a + 1; k < b; k++ {
		x := k
		steps := 0
		for x != h && x != 0 && steps < len(heads) {
			x = heads[x]
			steps++
		}
		if x != h {
			return false
		}
	}
	return true
}
