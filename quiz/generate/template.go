package generate

// This file loads the declarative question templates (templates/*.yaml,
// embedded, plus an optional directory that adds or overrides them by id)
// and matches them against targets and roles.

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"factdeck/quiz"
	"factdeck/quiz/extract"
)

//go:embed templates/*.yaml
var embedded embed.FS

// Template is one declarative question template.
//
// A clause template (Source "clause") chooses the question phrase for a
// phrase of a clause: it applies when the phrase's role (subject, object,
// oblique, agent, pred, manner, count, inside, age), kind, preposition
// (Cases; "" for none, "*" for any) and the clause's verb (Verbs, lemmas)
// match, and every test in When holds: "year" and "month" (the answer is
// one), "class" (the article names the entity's class: "the airline"),
// "possessive" (a possessive name: "Spain's"), "person-noun" (a common noun
// for people), "orgword" (a word of an organization's name) and "bare" (no
// modifier outside the answer: not "3 percent below the record"). Wh is the question phrase, with slots {Prep} and {prep}
// (the preposition, capitalized or not), {kind} ("city"), {class} (the
// entity's class, or its kind's noun) and {howmany} ("about how many
// drones"). The clause is then turned around it: "In which city did the
// summit take place?".
//
// A role template (Source "role") applies to role facts whose relation is
// in Relations and whose slots in Requires are filled; Question and
// Statement are wordings with slots {subject} (the person), {subject's},
// {role}, {at-org} ("at the bank", "in France"),
// {org}, {org's} (possessive), {role-of-org} ("the bank's chief
// executive") and {be} ("is", or "was" for someone the article says
// died); Answer is "subject" or "object" (the role).
//
// A description template (Source "description") applies to what an
// apposition says a name is ("Ann Lee, a former player at Pitt,"); Kinds
// selects the entity's kind. Question asks for the name ("Who {be}
// {description}?"), Statement states it ("{name} {be} {description}") for
// true/false and for clozes of the names inside the description; slots
// {name}, {description}, {be} ("is", or "was" for a former or late one)
// and {kind} ("city"). Answer "description" asks for the description
// instead: the nationality an apposition gives ("Ann Lee, an Argentine,").
//
// Types lists the question types a template yields; Difficulty is 1 to 3;
// Priority orders templates, highest first, and ranks their questions;
// Reserve keeps a template's questions in the reserve a teacher browses,
// out of the default deck.
type Template struct {
	ID         string              `yaml:"id"`
	Source     string              `yaml:"source"`
	Roles      []extract.Role      `yaml:"roles"`
	Kinds      []quiz.Kind         `yaml:"kinds"`
	Cases      []string            `yaml:"cases"`
	Verbs      []string            `yaml:"verbs"`
	When       []string            `yaml:"when"`
	Wh         string              `yaml:"wh"`
	Relations  []string            `yaml:"relations"`
	Requires   []string            `yaml:"requires"`
	Question   string              `yaml:"question"`
	Statement  string              `yaml:"statement"`
	Answer     string              `yaml:"answer"`
	Types      []quiz.QuestionType `yaml:"types"`
	Difficulty int                 `yaml:"difficulty"`
	Priority   int                 `yaml:"priority"`
	Reserve    bool                `yaml:"reserve"`
}

// whenTests are the tests a clause template may require.
var whenTests = map[string]bool{"year": true, "month": true, "class": true, "possessive": true, "person-noun": true, "orgword": true, "bare": true}

// validate reports a template that could never be used correctly.
func (t Template) validate() error {
	if t.ID == "" {
		return errors.New("template without id")
	}
	if len(t.Types) == 0 {
		return fmt.Errorf("template %s: no types", t.ID)
	}
	for _, ty := range t.Types {
		if !ty.Valid() {
			return fmt.Errorf("template %s: unknown type %q", t.ID, ty)
		}
	}
	switch t.Source {
	case "clause":
		if t.Wh == "" {
			return fmt.Errorf("template %s: a clause template needs wh", t.ID)
		}
		for _, w := range t.When {
			if !whenTests[w] {
				return fmt.Errorf("template %s: unknown test %q", t.ID, w)
			}
		}
		if err := checkSlots(t.ID, t.Wh, "Prep", "prep", "kind", "class", "howmany"); err != nil {
			return err
		}
	case "role":
		if t.Question == "" || t.Answer != "subject" && t.Answer != "object" {
			return fmt.Errorf("template %s: a role template needs question and answer subject or object", t.ID)
		}
		for _, p := range []string{t.Question, t.Statement} {
			if err := checkSlots(t.ID, p, "subject", "subject's", "role", "org", "org's", "role-of-org", "at-org", "be"); err != nil {
				return err
			}
		}
	case "description":
		if t.Question == "" && t.Statement == "" {
			return fmt.Errorf("template %s: a description template needs a question or a statement", t.ID)
		}
		for _, p := range []string{t.Question, t.Statement} {
			if err := checkSlots(t.ID, p, "name", "description", "be", "kind"); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("template %s: source %q, want clause, role or description", t.ID, t.Source)
	}
	return nil
}

// checkSlots reports a slot in pattern p that is not one of names, or an
// unclosed brace or bracket.
func checkSlots(id, p string, names ...string) error {
	ok := map[string]bool{}
	for _, n := range names {
		ok[n] = true
	}
	for rest := p; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return fmt.Errorf("template %s: unclosed { in %q", id, p)
		}
		if name := rest[i+1 : i+j]; !ok[name] {
			return fmt.Errorf("template %s: unknown slot {%s} in %q", id, name, p)
		}
		rest = rest[i+j+1:]
	}
	if strings.Count(p, "[") != strings.Count(p, "]") {
		return fmt.Errorf("template %s: unbalanced [ ] in %q", id, p)
	}
	return nil
}

// loadTemplates reads the embedded templates, then those in dir (if not
// empty), a template in dir replacing an embedded one of the same ID. The
// result is ordered by priority, highest first, then ID.
func loadTemplates(dir string) ([]Template, error) {
	byID := map[string]Template{}
	if err := readTemplates(embedded, "templates", byID); err != nil {
		return nil, err
	}
	if dir != "" {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("template dir: %w", err)
		}
		if err := readTemplates(os.DirFS(dir), ".", byID); err != nil {
			return nil, err
		}
	}
	out := make([]Template, 0, len(byID))
	for _, t := range byID {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Priority != out[j].Priority {
			return out[i].Priority > out[j].Priority
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// parseTemplates decodes one YAML file of templates and validates them.
func parseTemplates(name string, data []byte) ([]Template, error) {
	var ts []Template
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&ts); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("parse template %s: %w", name, err)
	}
	for _, t := range ts {
		if err := t.validate(); err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
	}
	return ts, nil
}

func readTemplates(fsys fs.FS, dir string, byID map[string]Template) error {
	names, err := fs.Glob(fsys, filepath.ToSlash(filepath.Join(dir, "*.yaml")))
	if err != nil {
		return fmt.Errorf("list templates: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("read template %s: %w", name, err)
		}
		ts, err := parseTemplates(name, data)
		if err != nil {
			return err
		}
		for _, t := range ts {
			byID[t.ID] = t
		}
	}
	return nil
}

// matchClause reports whether clause template t applies to the layout's
// target.
func (t Template) matchClause(l *layout) bool {
	if t.Source != "clause" {
		return false
	}
	tg := l.t
	if len(t.Roles) > 0 && !containsRole(t.Roles, tg.Role) {
		return false
	}
	if len(t.Kinds) > 0 && !containsKind(t.Kinds, tg.Kind) {
		return false
	}
	if len(t.Cases) > 0 {
		ok := false
		for _, c := range t.Cases {
			if c == tg.Case || c == "*" && tg.Case != "" && !strings.Contains(tg.Case, " ") {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if len(t.Verbs) > 0 {
		lemma := strings.ToLower(l.s.Words[l.c.Pred].Lemma)
		ok := false
		for _, v := range t.Verbs {
			ok = ok || v == lemma
		}
		if !ok {
			return false
		}
	}
	for _, w := range t.When {
		if !l.test(w) {
			return false
		}
	}
	return true
}

// test evaluates a When test on the layout's target.
func (l *layout) test(name string) bool {
	tg := l.t
	switch name {
	case "year":
		return isDigits(tg.Text(l.d)) && len(tg.Text(l.d)) == 4
	case "month":
		return tg.Hi-tg.Lo == 1 && isMonth(l.lx, tg.Text(l.d)) // not "the 1960s"
	case "class":
		return tg.Entity >= 0 && l.d.Entities[tg.Entity].Class != "" && !personNoun(l.d.Entities[tg.Entity].Class)
	case "possessive":
		return l.s.Words[tg.Head].Rel == "nmod:poss"
	case "orgword":
		for _, w := range strings.Fields(tg.Text(l.d)) {
			if l.lx.OrgWord(strings.Trim(w, ".,")) {
				return true
			}
		}
		return false
	case "bare":
		// "3 percent below the record", "60 percent owned by": a measure
		// of a comparison or a participle, which "What percentage ...?"
		// cannot ask.
		for _, k := range l.s.Kids(tg.Head) {
			if k >= tg.Lo && k < tg.Hi {
				continue
			}
			switch l.s.Rel(k) {
			case "nmod", "acl", "acl:relcl", "advmod", "obl", "amod":
				return false
			}
		}
		return true
	case "person-noun":
		lemma := strings.ToLower(l.s.Words[tg.Head].Lemma)
		return personNoun(lemma) || peopleNouns[lemma] || peopleNouns[strings.TrimSuffix(lemma, "s")]
	}
	return false
}

func containsRole(rs []extract.Role, r extract.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func containsKind(ks []quiz.Kind, k quiz.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// fillWh fills the slots of a clause template's question phrase.
func (l *layout) fillWh(p string) (string, bool) {
	var out strings.Builder
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			out.WriteString(p)
			break
		}
		j := strings.IndexByte(p[i:], '}')
		out.WriteString(p[:i])
		name := p[i+1 : i+j]
		p = p[i+j+1:]
		var v string
		switch name {
		case "Prep":
			v = capitalize(l.t.Case)
		case "prep":
			v = l.t.Case
		case "kind":
			v = l.kindNoun()
		case "class":
			v = l.classNoun()
			if v == "" {
				v = l.kindNoun()
			}
		case "howmany":
			hm, ok := l.howMany()
			if !ok {
				return "", false
			}
			v = lowerFirst(hm)
		}
		if v == "" {
			return "", false
		}
		out.WriteString(v)
	}
	wh := strings.TrimSpace(out.String())
	if l.t.Role != extract.RoleInside {
		wh = capitalize(wh)
	}
	return wh, wh != ""
}
