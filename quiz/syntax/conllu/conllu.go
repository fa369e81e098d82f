// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html) and scores
// a system's analyses against gold ones as the CoNLL 2018 shared task did.
//
// A Sentence keeps everything a file says about it, comments, multiword
// token lines and empty nodes included, so that reading and writing a file
// gives it back unchanged.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word (a line whose ID is an integer).
type Word struct {
	// ID is the word's 1-based index in its sentence.
	ID int
	// Form, Lemma, UPOS, XPOS, Feats, DepRel, Deps and Misc are the columns
	// as written; "_" marks an empty column.
	Form, Lemma, UPOS, XPOS, Feats string
	// Head is the ID of the word's head, 0 for the root, -1 if the column
	// is "_".
	Head   int
	DepRel string
	Deps   string
	Misc   string
}

// MultiWord is a multiword token line ("3-4 won't ..."): a surface token
// whose syntactic words are First..Last.
type MultiWord struct {
	First, Last int
	// Line is the line as written, without its newline.
	Line string
}

// Form returns the surface form of the token.
func (m MultiWord) Form() string {
	f := strings.SplitN(m.Line, "\t", 3)
	if len(f) < 2 {
		return ""
	}
	return f[1]
}

// EmptyNode is an empty node line ("8.1 ..."), kept as written; After is
// the ID of the word it follows (0 before the first).
type EmptyNode struct {
	After int
	Line  string
}

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	// Comments are the comment lines before the words, each with its "#".
	Comments []string
	Words    []Word
	// MultiWords are the multiword token lines, in order.
	MultiWords []MultiWord
	// Empty are the empty nodes, in order.
	Empty []EmptyNode
}

// Text returns the value of the sentence's "# text = " comment, or "".
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if v, ok := strings.CutPrefix(c, "# text = "); ok {
			return v
		}
	}
	return ""
}

// Forms returns the forms of the sentence's words.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// ErrFormat reports input that is not valid CoNLL-U.
var ErrFormat = errors.New("conllu: invalid format")

// maxLine is the longest line Read accepts.
const maxLine = 1 << 20

// Read reads all sentences of a CoNLL-U stream. It fails with an error
// wrapping ErrFormat, naming the line, on malformed input: a word line
// without ten tab-separated columns, IDs out of order, a head outside the
// sentence.
func Read(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	n := 0
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: line %d: %s", ErrFormat, n, fmt.Sprintf(format, args...))
	}
	end := func() error {
		if len(cur.Words) == 0 {
			if len(cur.Comments) > 0 || len(cur.MultiWords) > 0 || len(cur.Empty) > 0 {
				return bad("sentence without words")
			}
			return nil
		}
		for _, w := range cur.Words {
			if w.Head > len(cur.Words) {
				return bad("word %d: head %d outside the sentence of %d words", w.ID, w.Head, len(cur.Words))
			}
		}
		for _, m := range cur.MultiWords {
			if m.Last > len(cur.Words) {
				return bad("multiword token %d-%d beyond the last word", m.First, m.Last)
			}
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if err := end(); err != nil {
				return nil, err
			}
			continue
		}
		if line[0] == '#' {
			if len(cur.Words) > 0 {
				return nil, bad("comment after the first word of a sentence")
			}
			cur.Comments = append(cur.Comments, line)
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, bad("want 10 tab-separated columns, got %d", len(f))
		}
		id := f[0]
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || first != len(cur.Words)+1 || last < first {
				return nil, bad("bad multiword token ID %q", id)
			}
			cur.MultiWords = append(cur.MultiWords, MultiWord{First: first, Last: last, Line: line})
			continue
		}
		if a, _, ok := strings.Cut(id, "."); ok {
			after, err := strconv.Atoi(a)
			if err != nil || after != len(cur.Words) {
				return nil, bad("bad empty node ID %q", id)
			}
			cur.Empty = append(cur.Empty, EmptyNode{After: after, Line: line})
			continue
		}
		wid, err := strconv.Atoi(id)
		if err != nil || wid != len(cur.Words)+1 {
			return nil, bad("word ID %q, want %d", id, len(cur.Words)+1)
		}
		head := -1
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil || head < 0 || head == wid {
				return nil, bad("bad head %q", f[6])
			}
		}
		if f[1] == "" {
			return nil, bad("empty form")
		}
		cur.Words = append(cur.Words, Word{
			ID: wid, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
			Head: head, DepRel: f[7], Deps: f[8], Misc: f[9],
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: read line %d: %w", n+1, err)
	}
	if err := end(); err != nil {
		return nil, err
	}
	return out, nil
}

// Write writes the sentences in CoNLL-U, each followed by a blank line.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for i := range sents {
		writeSentence(bw, &sents[i])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("conllu: write: %w", err)
	}
	return nil
}

func writeSentence(bw *bufio.Writer, s *Sentence) {
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	mi, ei := 0, 0
	empties := func(after int) {
		for ei < len(s.Empty) && s.Empty[ei].After == after {
			bw.WriteString(s.Empty[ei].Line)
			bw.WriteByte('\n')
			ei++
		}
	}
	empties(0)
	for _, w := range s.Words {
		for mi < len(s.MultiWords) && s.MultiWords[mi].First == w.ID {
			bw.WriteString(s.MultiWords[mi].Line)
			bw.WriteByte('\n')
			mi++
		}
		head := "_"
		if w.Head >= 0 {
			head = strconv.Itoa(w.Head)
		}
		for k, col := range [...]string{strconv.Itoa(w.ID), w.Form, w.Lemma, w.UPOS, w.XPOS, w.Feats, head, w.DepRel, w.Deps, w.Misc} {
			if k > 0 {
				bw.WriteByte('\t')
			}
			if col == "" {
				col = "_"
			}
			bw.WriteString(col)
		}
		bw.WriteByte('\n')
		empties(w.ID)
	}
	// Empty nodes or multiword tokens left over belong after the last word.
	for ; ei < len(s.Empty); ei++ {
		bw.WriteString(s.Empty[ei].Line)
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
}
