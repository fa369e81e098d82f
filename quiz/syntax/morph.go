package syntax

// This file holds the morphological classifier: an averaged perceptron
// that picks a word's FEATS among those seen with its tag in training,
// reading the parsed tree: its relation, its head, its subject and
// auxiliaries. Agreement (Number, Person), Voice, Mood=Imp and
// VerbForm=Ger depend on the tree rather than on the word.

// Morphology feature templates. Their values are part of the model
// format: append new ones at the end and never renumber.
const (
	mTag uint64 = iota + 301
	mLower
	mSuf
	mRel
	mHeadTag
	mHeadLower
	mRelHeadTag
	mChildRel
	mChildRelLower
	mSubjLower
	mSubjTag
	mHeadSubjLower
	mHeadSubjTag
	mPrevLower
	mNextLower
	mFirst
	mNoSubj
	mAuxLower
	mChildRelTag
)

// morphInput is a parsed sentence, by parser word number (0 the root).
type morphInput struct {
	vs    []view // by word index (parser number - 1)
	tags  []int  // by word index
	heads []int32
	rels  []int16
	// kids lists the dependents of word x as kids[kidAt[x]:kidAt[x+1]].
	kidAt, kids []int32
	pos         []int32 // work space of index
}

// index fills in the children lists from heads.
func (in *morphInput) index() {
	n := len(in.heads)
	if cap(in.kidAt) < n+1 {
		in.kidAt = make([]int32, n+1)
		in.kids = make([]int32, n)
		in.pos = make([]int32, n)
	}
	in.kidAt, in.kids, in.pos = in.kidAt[:n+1], in.kids[:n], in.pos[:n]
	clear(in.kidAt)
	for d := 1; d < n; d++ {
		if h := in.heads[d]; h >= 0 {
			in.kidAt[h+1]++
		}
	}
	for i := 1; i <= n; i++ {
		in.kidAt[i] += in.kidAt[i-1]
	}
	copy(in.pos, in.kidAt[:n])
	for d := 1; d < n; d++ {
		if h := in.heads[d]; h >= 0 {
			in.kids[in.pos[h]] = int32(d)
			in.pos[h]++
		}
	}
}

// subject returns the subject dependent of x (parser number), or -1.
func (in *morphInput) subject(x int32, nsubj, nsubjPass, csubj int16) int32 {
	for _, k := range in.kids[in.kidAt[x]:in.kidAt[x+1]] {
		if r := in.rels[k]; r == nsubj || r == nsubjPass || r == csubj {
			return k
		}
	}
	return -1
}

// morphFeatures appends the features of word x (parser number) to dst.
// subj lists the relation ids of subjects; auxRels those of auxiliaries.
func morphFeatures(in *morphInput, x int32, subj [3]int16, auxRels [2]int16, dst []uint64) []uint64 {
	i := x - 1
	v := &in.vs[i]
	t := uint64(in.tags[i])
	rel := uint64(in.rels[x])
	h := in.heads[x]
	ht, hl := uint64(pRootTag), hRootWord
	if h > 0 {
		ht, hl = uint64(in.tags[h-1]), in.vs[h-1].lower
	}
	dst = append(dst,
		mix(mTag, t),
		mix3(mLower, v.lower, t),
		mix3(mSuf, v.suf[0], t), mix3(mSuf, v.suf[1], t), mix3(mSuf, v.suf[2], t),
		mix3(mRel, rel, t),
		mix3(mHeadTag, ht, t),
		mix3(mHeadLower, hl, t),
		mix4(mRelHeadTag, rel, ht, t),
	)
	if i > 0 {
		dst = append(dst, mix3(mPrevLower, in.vs[i-1].lower, t))
	} else {
		dst = append(dst, mix(mFirst, t))
	}
	if int(i)+1 < len(in.vs) {
		dst = append(dst, mix3(mNextLower, in.vs[i+1].lower, t))
	}
	for _, k := range in.kids[in.kidAt[x]:in.kidAt[x+1]] {
		r := uint64(in.rels[k])
		dst = append(dst, mix3(mChildRel, r, t), mix4(mChildRelTag, r, uint64(in.tags[k-1]), t))
		if in.rels[k] == auxRels[0] || in.rels[k] == auxRels[1] {
			dst = append(dst, mix3(mAuxLower, in.vs[k-1].lower, t))
		}
	}
	s := in.subject(x, subj[0], subj[1], subj[2])
	if s < 0 && h > 0 {
		// Coordinated and controlled verbs agree with their head's subject.
		if hs := in.subject(h, subj[0], subj[1], subj[2]); hs > 0 {
			dst = append(dst, mix3(mHeadSubjLower, in.vs[hs-1].lower, t), mix3(mHeadSubjTag, uint64(in.tags[hs-1]), t))
		}
	}
	if s > 0 {
		dst = append(dst, mix3(mSubjLower, in.vs[s-1].lower, t), mix3(mSubjTag, uint64(in.tags[s-1]), t))
	} else {
		dst = append(dst, mix3(mNoSubj, rel, t))
	}
	return dst
}

// relIDs returns the ids of the subject and auxiliary relations in rels
// (-2 for a relation the model lacks).
func relIDs(rels []string) (subj [3]int16, aux [2]int16) {
	id := func(name string) int16 {
		for i, r := range rels {
			if r == name {
				return int16(i)
			}
		}
		return -2
	}
	return [3]int16{id("nsubj"), id("nsubj:pass"), id("csubj")}, [2]int16{id("aux"), id("aux:pass")}
}

// morphSentence sets the Feats of the parsed words of sc.
func (m *Model) morphSentence(words []Word, sc *scratch) {
	in := &sc.morph
	in.vs, in.tags, in.heads, in.rels = sc.views, sc.tags, sc.st.heads, sc.st.rels
	in.index()
	for x := int32(1); int(x) <= len(words); x++ {
		cands := m.featCands[sc.tags[x-1]]
		switch len(cands) {
		case 0:
			words[x-1].Feats = ""
			continue
		case 1:
			words[x-1].Feats = Feats(m.feats[cands[0]])
			continue
		}
		scores := sc.ints(len(m.feats))
		sc.feats = morphFeatures(in, x, m.subjRels, m.auxRels, sc.feats[:0])
		m.morph.addAll(sc.feats, scores, &sc.lk, partAll)
		best := cands[0]
		for _, c := range cands[1:] {
			if scores[c] > scores[best] {
				best = c
			}
		}
		words[x-1].Feats = Feats(m.feats[best])
	}
}
