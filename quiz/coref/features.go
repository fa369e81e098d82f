package coref

// This file names and hashes features. A feature is a template and its
// values, written "cr,sd=nsubj,1"; each is added twice, plainly and
// conjoined with the pronoun's class ("m:cr,sd=nsubj,1"), so that "it"
// and "he" may weigh a role differently while sharing what they have in
// common. The model file lists features by name; at run time they are
// hashed as they are built, without building the strings.

import "strings"

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = hashByte(h, s[i])
	}
	return h
}

// featureKey returns the key of a feature by its name, as in the model
// file.
func featureKey(name string) uint64 { return hashString(fnvOffset, name) }

// fbuf collects the keys of features.
type fbuf struct {
	keys []uint64
	// k is the pronoun class the features are conjoined with.
	k byte
	// names, when not nil, records each key's name.
	names map[uint64]string
}

// add adds feature name=vals (comma-separated), plain and conjoined with
// the pronoun class.
func (b *fbuf) add(name string, vals ...string) {
	h := hashString(fnvOffset, name)
	if len(vals) > 0 {
		h = hashByte(h, '=')
	}
	for i, v := range vals {
		if i > 0 {
			h = hashByte(h, ',')
		}
		h = hashString(h, v)
	}
	hk := hashByte(hashByte(fnvOffset, b.k), ':')
	hk = hashString(hk, name)
	if len(vals) > 0 {
		hk = hashByte(hk, '=')
	}
	for i, v := range vals {
		if i > 0 {
			hk = hashByte(hk, ',')
		}
		hk = hashString(hk, v)
	}
	b.keys = append(b.keys, h, hk)
	if b.names != nil {
		full := name
		if len(vals) > 0 {
			full += "=" + strings.Join(vals, ",")
		}
		b.names[h] = full
		b.names[hk] = string(b.k) + ":" + full
	}
}

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}
