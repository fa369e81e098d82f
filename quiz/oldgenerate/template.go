package oldgenerate

// This file loads the declarative question templates (templates/*.yaml,
// embedded, plus an optional directory that adds or overrides them) and
// fills their slots from a fact.

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"factdeck/quiz"
)

//go:embed templates/*.yaml
var embedded embed.FS

// Template is one declarative question template. It applies to facts whose
// relation is in Relations ("*" for any) and whose subject and object kinds
// are in SubjectKinds and ObjectKinds (empty for any), unless the relation
// is in Except. It yields questions of Types asking for the Answer slot:
// "subject", "object", "span" (the fact's answer span in its sentence,
// whichever slot it is) or "attribution" (the source the article cites).
// Difficulty is 1 to 3; Priority orders the templates tried for a fact,
// highest first, and adds to the question's score.
//
// Question and Statement are wordings with slots: {subject}, {object},
// {org}, {context}, {attribution}; {event} and {thing} (the subject when
// it names an event, or anything else); {role} ("France's president", from
// object and org); {quote} (a said object that is a whole sentence);
// {when} ("On which day", "In which year"...); {kind} (the answer's kind
// noun: "city"); {aux}, {tookplace} and {last} ("will"/"did", "will take
// place"/"took place", "will last"/"lasted", by the sentence's tense);
// {blank} (the source sentence with the answer blanked), {sentence} (the
// source sentence with the answer slot's value), {howmany} (a "How many
// ...?" question made from the sentence) and {whq} (a "How much", "By what
// percentage", "In which year"... question made from the answer's clause).
// A slot may carry filters after "|": poss ("France's", "the Pentagon's";
// {org's} is short for {org|poss}), the ("the talks", "the Pentagon"), at
// ("in Norway", "at the Pentagon"), ctx ("at the Geneva talks"), cap,
// and agreement with the slot's noun phrase: be (is/are), do (does/do),
// has (has/have), was (was/were), s ("take{event|s} place": "takes" for a
// singular). Text in [brackets] is kept only when every slot in it is
// filled; Requires lists slots that must be filled; a slot outside
// brackets that cannot be filled cleanly drops the question.
type Template struct {
	ID           string              `yaml:"id"`
	Relations    []string            `yaml:"relations"`
	Except       []string            `yaml:"except"`
	SubjectKinds []quiz.Kind         `yaml:"subject_kinds"`
	ObjectKinds  []quiz.Kind         `yaml:"object_kinds"`
	Requires     []string            `yaml:"requires"`
	Answer       string              `yaml:"answer"`
	Question     string              `yaml:"question"`
	Statement    string              `yaml:"statement"`
	Types        []quiz.QuestionType `yaml:"types"`
	Difficulty   int                 `yaml:"difficulty"`
	Priority     int                 `yaml:"priority"`
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
		var ts []Template
		if err := yaml.Unmarshal(data, &ts); err != nil {
			return fmt.Errorf("parse template %s: %w", name, err)
		}
		for _, t := range ts {
			if err := t.validate(); err != nil {
				return fmt.Errorf("template %s: %w", name, err)
			}
			byID[t.ID] = t
		}
	}
	return nil
}

func (t Template) validate() error {
	if t.ID == "" {
		return fmt.Errorf("template without id: %w", quiz.ErrInvalid)
	}
	if t.Answer != "subject" && t.Answer != "object" && t.Answer != "span" && t.Answer != "attribution" {
		return fmt.Errorf("%s: answer %q is not subject, object or span: %w", t.ID, t.Answer, quiz.ErrInvalid)
	}
	if len(t.Relations) == 0 || len(t.Types) == 0 {
		return fmt.Errorf("%s: needs relations and types: %w", t.ID, quiz.ErrInvalid)
	}
	for _, ty := range t.Types {
		if !ty.Valid() {
			return fmt.Errorf("%s: unknown type %q: %w", t.ID, ty, quiz.ErrInvalid)
		}
		if (ty == quiz.MultipleChoice || ty == quiz.ShortAnswer) && t.Question == "" {
			return fmt.Errorf("%s: %s needs a question: %w", t.ID, ty, quiz.ErrInvalid)
		}
		if ty == quiz.TrueFalse && t.Statement == "" {
			return fmt.Errorf("%s: true_false needs a statement: %w", t.ID, quiz.ErrInvalid)
		}
	}
	if t.Difficulty < 1 || t.Difficulty > 3 {
		return fmt.Errorf("%s: difficulty %d not in 1..3: %w", t.ID, t.Difficulty, quiz.ErrInvalid)
	}
	for _, text := range []string{t.Question, t.Statement} {
		if strings.Count(text, "{") != strings.Count(text, "}") || strings.Count(text, "[") != strings.Count(text, "]") {
			return fmt.Errorf("%s: unbalanced braces in %q: %w", t.ID, text, quiz.ErrInvalid)
		}
	}
	return nil
}

// yields reports whether t makes questions of type ty.
func (t Template) yields(ty quiz.QuestionType) bool {
	for _, x := range t.Types {
		if x == ty {
			return true
		}
	}
	return false
}

// applies reports whether t may be filled from f.
func (t Template) applies(f quiz.Fact) bool {
	ok := false
	for _, r := range t.Relations {
		if r == "*" || r == f.Relation {
			ok = true
			break
		}
	}
	for _, r := range t.Except {
		if r == f.Relation {
			ok = false
		}
	}
	if !ok {
		return false
	}
	if len(t.SubjectKinds) > 0 && !hasKind(t.SubjectKinds, f.SubjectKind) {
		return false
	}
	if len(t.ObjectKinds) > 0 && !hasKind(t.ObjectKinds, objectKind(f)) {
		return false
	}
	return true
}

func hasKind(ks []quiz.Kind, k quiz.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func objectKind(f quiz.Fact) quiz.Kind {
	if f.ObjectKind != "" {
		return f.ObjectKind
	}
	return f.Kind
}

// slots holds the raw values a template is filled with.
type slots map[string]string

// fill renders text with the slots, or reports false when a required slot
// is empty or unclean. A bracketed part with an empty slot is dropped.
func fill(text string, s slots) (string, bool) {
	out, ok := fillRaw(text, s)
	if !ok {
		return "", false
	}
	return strings.Join(strings.Fields(out), " "), true
}

func fillRaw(text string, s slots) (string, bool) {
	var b strings.Builder
	for len(text) > 0 {
		i := strings.IndexAny(text, "[{")
		if i < 0 {
			b.WriteString(text)
			break
		}
		b.WriteString(text[:i])
		text = text[i:]
		if text[0] == '[' {
			j := strings.IndexByte(text, ']')
			if j < 0 {
				return "", false
			}
			if part, ok := fillRaw(text[1:j], s); ok {
				b.WriteString(part)
			}
			text = text[j+1:]
			continue
		}
		j := strings.IndexByte(text, '}')
		if j < 0 {
			return "", false
		}
		v, ok := slot(text[1:j], s)
		if !ok {
			return "", false
		}
		b.WriteString(v)
		text = text[j+1:]
	}
	return b.String(), true
}

// slot renders one "{name|filter...}" expression.
func slot(expr string, s slots) (string, bool) {
	parts := strings.Split(expr, "|")
	name := strings.TrimSpace(parts[0])
	filters := parts[1:]
	if strings.HasSuffix(name, "'s") {
		name = strings.TrimSuffix(name, "'s")
		filters = append([]string{"poss"}, filters...)
	}
	v := strings.TrimSpace(s[name])
	if v == "" {
		return "", false
	}
	agreement := false
	for _, f := range filters {
		switch strings.TrimSpace(f) {
		case "poss":
			v = possessive(v)
		case "the":
			v = withThe(v)
		case "at":
			v = locative(v)
		case "ctx":
			v = contextPhrase(v)
		case "cap":
			v = capitalize(v)
		case "be":
			v = agree(v, "is", "are")
		case "do":
			v = agree(v, "does", "do")
		case "has":
			v = agree(v, "has", "have")
		case "was":
			v = agree(v, "was", "were")
		case "s":
			v, agreement = agree(v, "s", ""), true
		default:
			return "", false
		}
	}
	return v, v != "" || agreement
}

func agree(np, singular, pluralForm string) string {
	if plural(np) {
		return pluralForm
	}
	return singular
}
