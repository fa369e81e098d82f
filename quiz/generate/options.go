package generate

// This file makes the options of multiple-choice questions, the false
// values of true/false statements, and the questions about roles.

import (
	"slices"
	"strconv"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/extract"
)

// optionKinds are the answer kinds multiple choice is offered for: kinds
// whose wrong options can be told apart from the answer by reading.
var optionKinds = map[quiz.Kind]bool{
	quiz.KindPerson: true, quiz.KindOrganization: true, quiz.KindCity: true, quiz.KindCountry: true,
	quiz.KindRegion: true, quiz.KindPlace: true, quiz.KindDate: true,
	quiz.KindWeekday: true, quiz.KindDuration: true, quiz.KindCount: true, quiz.KindMoney: true,
	quiz.KindPercent: true, quiz.KindAge: true, quiz.KindTime: true, quiz.KindScore: true,
}

// options returns the four options of a multiple-choice question asking q
// for target t, the answer among them at a position the prompt decides.
func (g *Generator) options(an *extract.Analysis, t extract.Target, answer, q string, local map[quiz.Kind][]string, pool *Pool) ([]string, bool) {
	if !optionKinds[t.Kind] {
		return nil, false
	}
	if t.Kind == quiz.KindPerson && t.Entity >= 0 && !g.surelyPerson(an.Doc.Entities[t.Entity]) {
		return nil, false // "Calder Vale", a team the recognizer took for a person, among people
	}
	exclude := alsoRight(an, t)
	np := " " + plainWords(q) + " "
	var own []string
	values := local[t.Kind]
	if t.Kind == quiz.KindPerson {
		values = g.notables(an) // people the article makes something of
	}
	for _, v := range values {
		nv := plainWords(v)
		if strings.Contains(np, " "+nv+" ") {
			continue // a word of the question is no option
		}
		if t.Kind == quiz.KindPerson {
			if sn := plainWords(quiz.Surname(v)); sn != "" && strings.Contains(np, " "+sn+" ") {
				continue // "Ann Lee" beside a question about "Lee"
			}
		}
		own = append(own, v)
	}
	seed := hash64(q, 7)
	dir := changeDirection(an, t)
	from, fromOK := fromValue(q)
	if dir == 0 || !fromOK {
		ds := g.distractors(answer, t.Kind, own, exclude, pool, seed, 3)
		return placeAnswer(answer, ds, seed)
	}
	// "lift the rate from 8.25%": every option above 8.25%, or the prompt
	// rules them out. Options are chosen best first, so the first three
	// that fit are the best that fit.
	ds := slices.DeleteFunc(g.distractors(answer, t.Kind, own, exclude, pool, seed, 8), func(o string) bool {
		v, ok := valueOf(o)
		return !ok || dir > 0 && v <= from || dir < 0 && v >= from
	})
	return placeAnswer(answer, ds, seed)
}

// placeAnswer returns the four options of a multiple choice: the answer
// at a position seed decides among the first three distractors ds; false
// when there are fewer than three.
func placeAnswer(answer string, ds []string, seed uint64) ([]string, bool) {
	if len(ds) < 3 {
		return nil, false
	}
	ds = ds[:3]
	opts := make([]string, 0, 4)
	at := int(seed % 4)
	for i, k := 0, 0; i < 4; i++ {
		if i == at {
			opts = append(opts, answer)
		} else {
			opts = append(opts, ds[k])
			k++
		}
	}
	return opts, true
}

// changeDirection is +1 when target t is where a rising verb took
// something ("raised the rate to 8.5%"), -1 for a falling one, else 0.
func changeDirection(an *extract.Analysis, t extract.Target) int {
	if t.Clause < 0 || !numericKind(t.Kind) {
		return 0
	}
	s := an.Doc.Sents[t.Sent]
	switch l := strings.ToLower(s.Words[s.Clauses[t.Clause].Pred].Lemma); {
	case risingVerbs[l]:
		return 1
	case fallingVerbs[l]:
		return -1
	}
	return 0
}

// risingVerbs and fallingVerbs say which way a change went.
var (
	risingVerbs = map[string]bool{"rise": true, "raise": true, "lift": true, "increase": true, "gain": true, "climb": true,
		"jump": true, "surge": true, "soar": true, "grow": true, "boost": true, "advance": true, "rally": true,
		"expand": true, "hike": true, "double": true, "triple": true}
	fallingVerbs = map[string]bool{"fall": true, "drop": true, "cut": true, "lower": true, "reduce": true, "decline": true,
		"decrease": true, "slip": true, "plunge": true, "sink": true, "dip": true, "shrink": true, "slide": true,
		"tumble": true, "retreat": true, "slump": true, "ease": true, "lose": true, "contract": true, "halve": true}
)

// fromValue returns the figure a prompt says a change started from: 8.25
// of "lift the repo rate from 8.25%?".
func fromValue(q string) (float64, bool) {
	i := strings.LastIndex(q, " from ")
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(q[i+len(" from "):])
	if len(f) == 0 {
		return 0, false
	}
	return valueOf(strings.TrimRight(f[0], "?.,"))
}

// valueOf returns the number a value is written with: 8.5 of "8.5%",
// 26.72 of "C$26.72"; false for a value in words or with none.
func valueOf(v string) (float64, bool) {
	_, num, _, style, ok := splitNumber(v)
	if !ok || style != "digits" {
		return 0, false
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	return x, err == nil
}

// alsoRight returns the normalized values that would also answer a
// question about target t: phrases coordinated with the answer ("Ann and
// Bob won"), and the same slot of clauses with the same verb elsewhere in
// the article.
func alsoRight(an *extract.Analysis, t extract.Target) map[string]bool {
	d := an.Doc
	s := d.Sents[t.Sent]
	ex := map[string]bool{}
	for _, k := range s.Kids(t.Head) {
		if s.Rel(k) == "conj" {
			lo, hi := s.PhraseBounds(k)
			ex[quiz.NormalizeAnswer(s.Segment(lo, hi))] = true
		}
	}
	if h := s.Words[t.Head].Head; h >= 0 && s.Rel(t.Head) == "conj" {
		lo, hi := s.PhraseBounds(h)
		ex[quiz.NormalizeAnswer(s.Segment(lo, hi))] = true
		for _, k := range s.Kids(h) {
			if s.Rel(k) == "conj" && k != t.Head {
				lo, hi := s.PhraseBounds(k)
				ex[quiz.NormalizeAnswer(s.Segment(lo, hi))] = true
			}
		}
	}
	lemma := ""
	if t.Clause >= 0 {
		lemma = strings.ToLower(s.Words[s.Clauses[t.Clause].Pred].Lemma)
	}
	for _, o := range an.Targets {
		if o.Role != t.Role || o.Case != t.Case || o.Kind != t.Kind || o.Clause < 0 || lemma == "" {
			continue
		}
		os := d.Sents[o.Sent]
		if strings.ToLower(os.Words[os.Clauses[o.Clause].Pred].Lemma) == lemma {
			ex[quiz.NormalizeAnswer(o.Text(d))] = true
		}
	}
	if t.Entity >= 0 {
		ex[quiz.NormalizeAnswer(d.Entities[t.Entity].Name)] = true
	}
	delete(ex, "")
	return ex
}

// falseValue returns a value of the answer's kind from the same article to
// make a false statement about target t: another value that is not also
// right and not a variant of the answer. Weekdays, years and common nouns
// are never swapped: "Tuesday" for "Monday" tests nothing.
func (g *Generator) falseValue(an *extract.Analysis, t extract.Target, answer string, local map[quiz.Kind][]string) (string, bool) {
	switch t.Kind {
	case quiz.KindOther, quiz.KindWeekday, quiz.KindNationality, quiz.KindRole, quiz.KindMisc, quiz.KindPlace, quiz.KindOrdinal, quiz.KindTime:
		return "", false
	case quiz.KindDate:
		if isDigits(answer) {
			return "", false
		}
	}
	if t.Role == extract.RoleInside || t.Role == extract.RoleManner {
		return "", false
	}
	ex := alsoRight(an, t)
	sent := strings.ToLower(an.Doc.Sents[t.Sent].Text())
	cands := local[t.Kind]
	if len(cands) == 0 {
		return "", false
	}
	start := int(hash64(answer, 11) % uint64(len(cands)))
	for i := range cands {
		v := cands[(start+i)%len(cands)]
		nv := quiz.NormalizeAnswer(v)
		if ex[nv] || alias(v, answer, t.Kind) || strings.Contains(sent, strings.ToLower(v)) {
			continue
		}
		if t.Kind == quiz.KindPerson && !g.personLike(v) {
			continue
		}
		if numericKind(t.Kind) && !sameScale(answer, v) {
			continue // "2,275 hours" for "three minutes" is no statement to weigh
		}
		return v, true
	}
	return "", false
}

// roleQuestions makes the questions of role fact r (fact fi).
func (g *Generator) roleQuestions(an *extract.Analysis, fi int, r extract.RoleFact, local map[quiz.Kind][]string, pool *Pool) []candidate {
	d := an.Doc
	f := an.Facts[fi]
	if f.Object == "" || f.Subject == "" || strings.ContainsAny(f.Object, "\"“”()") {
		return nil
	}
	s := d.Sents[r.Sent]
	slots := map[string]string{
		"subject":   f.Subject,
		"subject's": possessive(f.Subject),
		"role":      f.Object,
		"org":       f.Org,
		"be":        "is",
	}
	if dead(d, r.Person) {
		slots["be"] = "was" // an obituary's chairman was the chairman
	}
	if f.Org != "" {
		slots["at-org"] = "at " + f.Org
		if g.takesThe(d, f.Org) {
			slots["at-org"] = "at the " + f.Org
		}
	}
	country, oneOfSeveral := false, false
	if k, _, ok := g.lx.Place(f.Org); ok && (k == quiz.KindCountry || k == quiz.KindCity || k == quiz.KindRegion) && !placeOfficial(f.Object) {
		return nil // "San Francisco citizen Ann Lee": a place is the organization of its officials only
	}
	if k, _, ok := g.lx.Place(f.Org); ok && (k == quiz.KindCountry || k == quiz.KindCity || k == quiz.KindRegion) {
		country = true // places have officials, not staff: "the mayor of Lyon"
		slots["at-org"] = "in " + f.Org
		if theCountry(f.Org) {
			slots["at-org"] = "in the " + f.Org
		}
	}
	switch {
	case f.Org == "":
		slots["role-of-org"] = article(f.Object)
	case (r.Indefinite || !uniquePosts[roleHeadWord(f.Object)]) && !country:
		// "an economist at the bank": one of several, asked as one.
		oneOfSeveral = true
		slots["role-of-org"] = article(f.Object) + " " + slots["at-org"]
		slots["org's"] = g.orgPossessive(d, f.Org)
	case country || strings.Contains(f.Org, "'s") || strings.Contains(f.Org, "’s") || len(strings.Fields(f.Org)) >= 3:
		// "the chief of Ukraine's Security Council"
		org := f.Org
		if g.takesThe(d, org) || country && theCountry(org) {
			org = "the " + org
		}
		slots["org's"] = possessive(org)
		of := " of "
		if strings.Contains(f.Object, " of ") {
			of = " at " // "the director of research at Acme"
		}
		slots["role-of-org"] = "the " + f.Object + of + org
	default:
		slots["org's"] = g.orgPossessive(d, f.Org)
		slots["role-of-org"] = slots["org's"] + " " + f.Object
	}
	base := 1.5*expDecay(r.Sent) + 0.35*log2p(d.Entities[r.Person].Mentions) + 0.5
	var out []candidate
	for _, t := range g.templates {
		if t.Source != "role" || !containsString(t.Relations, f.Relation) {
			continue
		}
		ok := true
		for _, req := range t.Requires {
			ok = ok && slots[req] != ""
		}
		if !ok {
			continue
		}
		q, ok := fill(t.Question, slots)
		if !ok {
			continue
		}
		q = capitalize(q)
		answer, kind := f.Subject, quiz.KindPerson
		if t.Answer == "subject" && sharedRole(an, r) {
			continue // several hold the role
		}
		if t.Answer == "object" && rolesOf(an, r.Person) > 1 {
			continue // "president and co-owner": which of them is asked
		}
		// "Who is the president of Ruritania?": world knowledge answers it;
		// a teacher may still want it, from the reserve.
		// "Who is the senator of the United States?": a country has many.
		var fl fired
		weak := fl.any("role-weak",
			check{"head-of-state", country && headOfState[lastWord(strings.ToLower(f.Object))]},
			check{"reserve-template", t.Reserve}, check{"peripheral", peripheral(d, r.Person, r.Sent)},
			check{"country-post", country && !uniquePosts[roleHeadWord(f.Object)]},
			check{"shared-role", t.Answer == "object" && sharedRole(an, r)}, // two spokespeople of one agency: each one's post tells little
			// "Who is a research scientist at the lab?": others may be; judged
			// ambiguous in two rounds.
			check{"one-of-several", t.Answer == "subject" && oneOfSeveral},
			// The post of someone quoted once or twice (an outside expert)
			// is a detail; who holds a post is still worth asking.
			check{"minor-person", t.Answer == "object" && r.Person >= 0 && d.Entities[r.Person].Mentions < 3},
		)
		if t.Answer == "object" {
			answer, kind = f.Object, quiz.KindRole
		}
		if givesAway(q, answer, kind) {
			continue
		}
		acc := []string{answer}
		if kind == quiz.KindPerson {
			if r.Person >= 0 {
				acc = append(acc, shortForms(d, r.Person, answer)...)
			} else {
				acc = append(acc, surnameForm(answer)...)
			}
		} else {
			if f.Org != "" {
				acc = append(acc, f.Org+" "+f.Object)
			}
			acc = append(acc, genderForms(answer)...)                         // "spokeswoman": "spokesperson"
			acc = append(acc, titleAbbreviations[strings.ToLower(answer)]...) // "vice president": "VP"
		}
		mk := func(ty quiz.QuestionType, prompt string) candidate {
			return candidate{
				q: quiz.Question{
					FactID: f.ID, Type: ty, Prompt: prompt, Answer: answer, Accepted: acc,
					AnswerKind: kind, Sentence: s.Text(), Template: t.ID, Difficulty: 2,
				},
				fact: fi, sent: r.Sent, score: base + float64(t.Priority)/100, weak: weak, hard: weak, flags: fl,
			}
		}
		for _, ty := range t.Types {
			switch ty {
			case quiz.MultipleChoice:
				if kind != quiz.KindPerson {
					continue
				}
				ex := map[string]bool{}
				for _, o := range an.Roles {
					if o.Role == r.Role && o.Person != r.Person {
						ex[quiz.NormalizeAnswer(d.Entities[o.Person].Name)] = true
					}
				}
				seed := hash64(q, 7)
				opts, ok := placeAnswer(answer, g.distractors(answer, kind, g.notables(an), ex, pool, seed, 3), seed)
				if !ok {
					continue
				}
				c := mk(ty, q)
				c.q.Options = opts
				out = append(out, c)
			case quiz.ShortAnswer:
				out = append(out, mk(ty, q))
			case quiz.Cloze:
				st, ok := fill(t.Statement, slots)
				if !ok || t.Statement == "" {
					continue
				}
				st = capitalize(st) + "."
				if strings.Count(st, answer) != 1 {
					continue
				}
				c := mk(ty, strings.Replace(st, answer, "_____", 1))
				c.q.Cloze = strings.Replace(st, answer, "{{c1::"+answer+"}}", 1)
				out = append(out, c)
			case quiz.TrueFalse:
				st, ok := fill(t.Statement, slots)
				if !ok || t.Statement == "" {
					continue
				}
				c := mk(ty, "True or false: "+capitalize(st)+".")
				c.q.Answer, c.q.Accepted, c.q.Options, c.truth = "True", []string{"True"}, []string{"True", "False"}, true
				out = append(out, c)
				// False: another person of the article in the role.
				for _, v := range local[quiz.KindPerson] {
					if genderedRole(f.Object) {
						break // "Ann Lee is the spokesman" gives itself away
					}
					if alias(v, f.Subject, quiz.KindPerson) || !g.personLike(v) || holds(an, v, r.Role) {
						continue
					}
					fs := map[string]string{}
					for k, x := range slots {
						fs[k] = x
					}
					fs["subject"] = v
					st, ok := fill(t.Statement, fs)
					if !ok {
						break
					}
					c := mk(ty, "True or false: "+capitalize(st)+".")
					c.q.Answer, c.q.Accepted, c.q.Options = "False", []string{"False"}, []string{"True", "False"}
					out = append(out, c)
					break
				}
			}
		}
	}
	return out
}

// headOfState are roles whose holder in a country is common knowledge.
var headOfState = map[string]bool{
	"president": true, "minister": true, "king": true, "queen": true, "chancellor": true,
	"premier": true, "leader": true, "emperor": true, "monarch": true,
}

// sharedRole reports whether another person of the article holds r's role
// ("co-founder"): "Who is the co-founder?" would have two answers.
func sharedRole(an *extract.Analysis, r extract.RoleFact) bool {
	head := genderless(lastWord(strings.ToLower(r.Role)))
	for _, o := range an.Roles {
		if o.Person != r.Person && genderless(lastWord(strings.ToLower(o.Role))) == head && (o.Org == r.Org || o.Org == "" || r.Org == "") {
			return true
		}
	}
	return false
}

// genderless maps the gendered forms of a post to one: a spokeswoman and
// a spokesperson of one agency hold the same post.
func genderless(w string) string {
	for _, suf := range genderSuffixes {
		if b, ok := strings.CutSuffix(w, suf); ok && genderedStems[b] {
			return b + "person"
		}
	}
	return w
}

// genderSuffixes are the endings of a post's gendered forms.
var genderSuffixes = []string{"woman", "man", "person"}

// genderForms returns a post's other gendered forms: "spokesperson" and
// "spokesman" for "spokeswoman".
func genderForms(post string) []string {
	for _, suf := range genderSuffixes {
		if b, ok := strings.CutSuffix(post, suf); ok && genderedStems[strings.ToLower(lastWord(b))] {
			var out []string
			for _, o := range genderSuffixes {
				if o != suf {
					out = append(out, b+o)
				}
			}
			return out
		}
	}
	return nil
}

// genderedStems are the stems of posts written with -man, -woman or
// -person.
var genderedStems = map[string]bool{
	"spokes": true, "chair": true, "congress": true, "business": true, "police": true, "sales": true,
	"anchor": true, "camera": true, "fire": true, "council": true, "alder": true, "news": true,
	"committee": true, "assembly": true, "service": true, "crafts": true,
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// holds reports whether the article says person name holds role.
func holds(an *extract.Analysis, name, role string) bool {
	for _, o := range an.Roles {
		if strings.EqualFold(o.Role, role) && alias(an.Doc.Entities[o.Person].Name, name, quiz.KindPerson) {
			return true
		}
	}
	return false
}

// theCountry reports country names written with "the": "the United
// States", "the Philippines".
func theCountry(name string) bool {
	return strings.HasPrefix(name, "United ") || strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "us") || strings.Contains(name, " of ") || strings.HasSuffix(name, "Republic")
}

// orgPossessive writes an organization's possessive as the article writes
// the name: "the Pentagon's" when it says "the Pentagon", "France's".
func (g *Generator) orgPossessive(d *extract.Doc, org string) string {
	if g.takesThe(d, org) {
		return "the " + possessive(org)
	}
	return possessive(org)
}

// takesThe reports whether the article writes the name org with "the"
// before it and a break after it ("the Pentagon.", "the Pentagon's").
func (g *Generator) takesThe(d *extract.Doc, org string) bool {
	if strings.HasPrefix(org, "the ") || strings.HasPrefix(org, "The ") {
		return false
	}
	if g.lx.TakesThe(org) {
		return true
	}
	// "the State Department", "the Bank of Lyon": names of institutions
	// take "the" even where the article writes them as modifiers.
	ws := strings.Fields(org)
	if len(ws) >= 2 && !strings.Contains(ws[0], "'") && !strings.Contains(ws[0], "’") && (institutionWords[ws[len(ws)-1]] || strings.Contains(org, " of ")) {
		return true
	}
	body := strings.ToLower(d.Body)
	needle := "the " + strings.ToLower(org)
	for i := strings.Index(body, needle); i >= 0; {
		end := i + len(needle)
		if end == len(body) || strings.IndexByte(",.;:)'’", body[end]) >= 0 {
			return true
		}
		next := strings.Index(body[end:], needle)
		if next < 0 {
			break
		}
		i = end + next
	}
	return false
}

// nationalityVariants returns the other words for the same nationality
// ("Argentinian" for "Argentine") and its country.
func (g *Generator) nationalityVariants(nat string) []string {
	country, ok := g.lx.Nationality(nat)
	if !ok || country == "" {
		return nil
	}
	var out []string
	for _, v := range g.lx.List(quiz.KindNationality) {
		if v == nat {
			continue
		}
		if c, ok := g.lx.Nationality(v); ok && c == country {
			out = append(out, v)
		}
	}
	return append(out, country)
}

// rolesOf counts the roles the article gives person p.
func rolesOf(an *extract.Analysis, p int) int {
	n := 0
	for _, r := range an.Roles {
		if r.Person == p {
			n++
		}
	}
	return n
}

// notables returns the people of the article who may plausibly hold a
// post: those it gives a role, then those it names more than once, and
// surely a person's name (a team the recognizer took for a person is no
// option among people). A celebrity mentioned in passing is no plausible
// chairman.
func (g *Generator) notables(an *extract.Analysis) []string {
	d := an.Doc
	var out []string
	seen := map[int]bool{}
	for _, r := range an.Roles {
		if !seen[r.Person] {
			seen[r.Person] = true
			out = append(out, d.Entities[r.Person].Name)
		}
	}
	for e := range d.Entities {
		if ent := d.Entities[e]; ent.Kind == quiz.KindPerson && ent.Mentions >= 2 && !seen[e] && g.surelyPerson(ent) {
			seen[e] = true
			out = append(out, ent.Name)
		}
	}
	return out
}

// placeOfficial reports a role a country, region or city has: its
// ministers, mayors, governors, envoys and the like.
func placeOfficial(role string) bool {
	switch roleHeadWord(role) {
	case "president", "minister", "premier", "chancellor", "ambassador", "envoy", "king", "queen", "emperor",
		"prince", "princess", "monarch", "secretary", "spokesman", "spokeswoman", "spokesperson", "general",
		"admiral", "commander", "chief", "diplomat", "official", "senator", "lawmaker", "legislator",
		"negotiator", "leader", "mayor", "governor", "councillor", "councilor", "sheriff", "commissioner",
		"attorney", "prosecutor", "judge", "officer", "representative", "delegate", "deputy":
		return true
	}
	return false
}

// dead reports whether the article tells that entity e died: "Ann Lee
// died", "the late Ann Lee".
func dead(d *extract.Doc, e int) bool {
	for _, s := range d.Sents {
		for _, c := range s.Clauses {
			if c.Subj >= 0 && s.Words[c.Subj].Ent == e && strings.EqualFold(s.Words[c.Pred].Lemma, "die") && !c.Passive {
				if m := s.Kid(c.Pred, "mark"); m < 0 || !hypothetical[s.Words[m].Lower()] {
					return true
				}
			}
		}
		for i := range s.Words {
			if s.Words[i].Ent == e && i > 0 && s.Words[i-1].Lower() == "late" {
				return true
			}
		}
	}
	return false
}

// genderedRole reports a role word that tells its holder's sex
// ("spokeswoman", "chairman"): a false statement putting someone of the
// other sex in it gives itself away.
func genderedRole(role string) bool {
	h := roleHeadWord(role)
	return strings.HasSuffix(h, "man") || strings.HasSuffix(h, "woman") || strings.HasSuffix(h, "ess") ||
		h == "king" || h == "queen" || h == "prince" || h == "princess"
}

// roleHeadWord returns the lower-case head of a role: "director" of
// "director of research", "economist" of "chief economist".
func roleHeadWord(role string) string {
	head, _, _ := strings.Cut(strings.ToLower(role), " of ")
	return lastWord(head)
}

// uniquePosts are roles one person holds in an organization at a time:
// "the president of the club", but "an economist at the bank".
var uniquePosts = map[string]bool{
	"president": true, "chairman": true, "chairwoman": true, "chair": true, "chairperson": true,
	"ceo": true, "cfo": true, "coo": true, "cto": true, "executive": true, "officer": true, "director": true,
	"head": true, "chief": true, "founder": true, "co-founder": true, "leader": true, "governor": true,
	"mayor": true, "captain": true, "coach": true, "manager": true, "editor": true, "owner": true,
	"chancellor": true, "premier": true, "minister": true, "secretary": true, "secretary-general": true,
	"commissioner": true, "principal": true, "dean": true, "superintendent": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "economist": true, "ambassador": true, "king": true,
	"queen": true, "pope": true, "publisher": true, "treasurer": true, "administrator": true,
}

// institutionWords end the names of institutions, which English writes
// with "the": "the Foreign Ministry", "the Jazz Foundation".
var institutionWords = map[string]bool{
	"Department": true, "Ministry": true, "Foundation": true, "Institute": true, "Institution": true,
	"Commission": true, "Agency": true, "Council": true, "Center": true, "Centre": true,
	"Association": true, "Organization": true, "Organisation": true, "Committee": true, "Party": true,
	"Army": true, "Navy": true, "Court": true, "Senate": true, "Government": true, "Administration": true,
	"Fund": true, "Board": true, "Office": true, "Service": true, "Bureau": true, "Authority": true,
	"Union": true, "League": true, "Federation": true, "Society": true, "Museum": true, "Police": true,
	"Guard": true, "Forces": true, "Parliament": true, "Assembly": true, "Times": true, "Post": true,
	"Journal": true, "Festival": true, "Library": true, "Hospital": true, "Reserve": true, "Group": true,
}

// article returns a role with an indefinite article: "a spokesperson".
func article(role string) string {
	if role == "" {
		return ""
	}
	if strings.IndexByte("aeiouAEIOU", role[0]) >= 0 {
		return "an " + role
	}
	return "a " + role
}

// fill fills the slots of a role template. Text in [brackets] is kept only
// when every slot in it is filled; an empty slot outside brackets fails.
func fill(p string, slots map[string]string) (string, bool) {
	out, ok := fillPart(p, slots)
	return strings.TrimSpace(out), ok
}

// fillPart is fill without trimming: an optional part keeps its spaces.
func fillPart(p string, slots map[string]string) (string, bool) {
	var out strings.Builder
	for p != "" {
		switch {
		case p[0] == '[':
			j := strings.IndexByte(p, ']')
			if j < 0 {
				return "", false
			}
			part, ok := fillPart(p[1:j], slots)
			if ok {
				out.WriteString(part)
			}
			p = p[j+1:]
		case p[0] == '{':
			j := strings.IndexByte(p, '}')
			if j < 0 {
				return "", false
			}
			v := slots[p[1:j]]
			if v == "" {
				return "", false
			}
			out.WriteString(v)
			p = p[j+1:]
		default:
			j := strings.IndexAny(p, "[{")
			if j < 0 {
				j = len(p)
			}
			out.WriteString(p[:j])
			p = p[j:]
		}
	}
	return out.String(), true
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// descriptionQuestions makes the questions of description ds (fact fi):
// who or what the description fits, and clozes of the names in it.
func (g *Generator) descriptionQuestions(ck *checker, an *extract.Analysis, fi int, ds extract.Description, local map[quiz.Kind][]string) []candidate {
	d := an.Doc
	s := d.Sents[ds.Sent]
	e := d.Entities[ds.Entity]
	if len(strings.Fields(e.Name)) < 2 && e.Kind == quiz.KindPerson {
		return nil // a surname alone may be someone else's
	}
	if m := s.Words[ds.Name].Mention; e.Kind == quiz.KindPerson && m >= 0 {
		if txt := s.MentionText(m); !strings.Contains(txt, " ") && txt != quiz.Surname(e.Name) {
			return nil // "his wife, Ingrid, a teacher": a first name alone may be a relative's
		}
	}
	idx := make([]int, 0, ds.Hi-ds.Lo)
	for j := ds.Lo; j < ds.Hi; j++ {
		idx = append(idx, j)
	}
	desc, ok := render(d, s, idx, nil)
	if !ok || !balanced(desc) || strings.ContainsAny(desc, "()") {
		return nil
	}
	if s.Words[ds.Head].Feat("Number") == "Plur" && !ds.Nationality {
		return nil // "The main islands are: X": a list's heading, not what X is
	}
	if !startsWithName(s, idx) {
		desc = lowerFirst(desc)
	}
	if s.Words[ds.Lo].UPOS != "DET" && s.Words[ds.Lo].Rel != "nmod:poss" && s.Words[ds.Head].Feat("Number") != "Plur" {
		desc = "the " + desc // "Ann Lee, chief of the agency," is the chief
	}
	be := "is"
	for j := ds.Lo; j < ds.Hi; j++ {
		if w := s.Words[j].Lower(); w == "former" || w == "late" || w == "then" {
			be = "was"
		}
	}
	if dead(d, ds.Entity) {
		be = "was"
	}
	slots := map[string]string{"name": e.Name, "description": desc, "be": be, "kind": kindNoun(e.Kind)}
	// Another description with the same head noun makes "Who is a ...?"
	// ambiguous.
	shared := false
	for _, o := range an.Descriptions {
		if o.Entity != ds.Entity && strings.EqualFold(d.Sents[o.Sent].Words[o.Head].Lemma, s.Words[ds.Head].Lemma) {
			shared = true
		}
	}
	base := 1.2*expDecay(ds.Sent) + 0.35*log2p(e.Mentions) + 0.4
	var out []candidate
	for _, t := range g.templates {
		if t.Source != "description" || len(t.Kinds) > 0 && !containsKind(t.Kinds, e.Kind) || ds.Nationality != (t.Answer == "description") {
			continue // a nationality is asked for, a description asks for its name
		}
		var fl fired
		weak := fl.any("description-weak", check{"reserve-template", t.Reserve}, check{"peripheral", peripheral(d, ds.Entity, ds.Sent)},
			check{"possessor", bareOwner(s, ds.Lo, ds.Hi)},
			// "What is the active ingredient in a plant?": a thing that is
			// no person, firm or place, defined in common words, is what a
			// dictionary says, not the story (judged 0 of 9).
			check{"definition", e.Kind == quiz.KindMisc && !namesSomething(s, ds.Lo, ds.Hi)},
			// "What is the maker of the popular Acme line of heaters?":
			// the description says the name.
			check{"names-answer", t.Answer != "description" && sharesWord(desc, e.Name)})
		mk := func(ty quiz.QuestionType, prompt, answer string, kind quiz.Kind) candidate {
			acc := []string{answer}
			switch {
			case kind == quiz.KindPerson && answer == e.Name:
				acc = append(acc, shortForms(d, ds.Entity, answer)...)
			case kind == quiz.KindPerson:
				acc = append(acc, surnameForm(answer)...)
			case answer == e.Name:
				acc = append(acc, orgForms(g.lx, d, ds.Entity, answer)...) // "Acme" of "Acme Holdings"
			}
			return candidate{
				q: quiz.Question{
					FactID: an.Facts[fi].ID, Type: ty, Prompt: prompt, Answer: answer, Accepted: acc,
					AnswerKind: kind, Sentence: s.Text(), Template: t.ID, Difficulty: 2,
				},
				fact: fi, sent: ds.Sent, score: base + float64(t.Priority)/100, weak: weak, hard: weak, flags: fl,
			}
		}
		q, qok := fill(t.Question, slots)
		st, stok := fill(t.Statement, slots)
		if qok {
			q = capitalize(q)
		}
		if stok {
			st = capitalize(st) + "."
		}
		if ds.Nationality {
			nat := s.Segment(ds.Lo, ds.Hi)
			if qok && !givesAway(q, nat, quiz.KindNationality) {
				c := mk(quiz.ShortAnswer, q, nat, quiz.KindNationality)
				c.q.Accepted = append(c.q.Accepted, g.nationalityVariants(nat)...)
				out = append(out, c)
			}
			continue
		}
		for _, ty := range t.Types {
			switch ty {
			case quiz.MultipleChoice, quiz.ShortAnswer:
				if !qok || shared || givesAway(q, e.Name, e.Kind) || wordCount(q) > maxPromptWords {
					continue
				}
				c := mk(ty, q, e.Name, e.Kind)
				if ty == quiz.ShortAnswer && (strings.HasPrefix(desc, "a ") || strings.HasPrefix(desc, "an ")) {
					// "Who is a chess champion?" has as many answers as
					// there are champions; among options it has one.
					c.weak, c.hard = true, true
					c.flags = append(c.flags[:len(c.flags):len(c.flags)], "description-weak:indefinite")
				}
				if ty == quiz.MultipleChoice {
					seed := hash64(q, 7)
					opts, ok := placeAnswer(e.Name, g.distractors(e.Name, e.Kind, local[e.Kind], map[string]bool{}, nil, seed, 3), seed)
					if !ok {
						continue
					}
					c.q.Options = opts
				}
				out = append(out, c)
			case quiz.Cloze:
				// Each name or number inside the description, blanked.
				if !stok || wordCount(st) > maxPromptWords {
					continue
				}
				descWords := indexSet(idx)
				for _, m := range s.Mentions {
					if m.Lo < ds.Lo || m.Hi > ds.Hi || m.Kind == quiz.KindNationality {
						continue
					}
					txt := s.Segment(m.Lo, m.Hi)
					if strings.Count(st, txt) != 1 || strings.Count(desc, txt) != 1 {
						continue
					}
					kind := m.Kind
					if kind == quiz.KindPerson && placeNamed(txt) {
						kind = quiz.KindPlace // "Harlow Park": graded as a place, not by a surname
					}
					c := mk(ty, strings.Replace(st, txt, "_____", 1), txt, kind)
					c.q.Cloze = strings.Replace(st, txt, "{{c1::"+txt+"}}", 1)
					c.flags = c.flags[:len(c.flags):len(c.flags)] // its own, not the template's
					t := extract.Target{Sent: ds.Sent, Clause: -1, Head: m.Hi - 1, Lo: m.Lo, Hi: m.Hi, Phrase: m.Hi - 1, Kind: kind, Entity: m.Entity}
					if c.flags.any("description-weak", check{"modifier", modifier(s, m.Lo, m.Hi)},
						check{"beside-place", besidePlace(s, t)}, // "a hospital in _____, Ohio": the state narrows it to a guess
						// "a scientist at the lab's _____": which lab, the sentence said
						check{"anaphoric", ck.anaphoric(d, s, t, descWords) || unresolvedIn(s, t, descWords)}) {
						c.weak, c.hard = true, true // kept for the reserve
					}
					out = append(out, c)
				}
			case quiz.TrueFalse:
				if !stok || e.Kind != quiz.KindPerson || wordCount(st)+3 > maxPromptWords {
					continue
				}
				c := mk(ty, "True or false: "+st, "True", quiz.KindOther)
				c.q.Accepted, c.q.Options, c.truth = []string{"True"}, []string{"True", "False"}, true
				out = append(out, c)
				for _, v := range local[quiz.KindPerson] {
					if alias(v, e.Name, quiz.KindPerson) || !g.personLike(v) || strings.Contains(desc, v) {
						continue
					}
					fs := map[string]string{}
					for k, x := range slots {
						fs[k] = x
					}
					fs["name"] = v
					f, ok := fill(t.Statement, fs)
					if !ok {
						break
					}
					c := mk(ty, "True or false: "+capitalize(f)+".", "False", quiz.KindOther)
					c.q.Accepted, c.q.Options = []string{"False"}, []string{"True", "False"}
					out = append(out, c)
					break
				}
			}
		}
	}
	return out
}

// modifier reports whether the phrase [lo, hi) only modifies a noun after
// it ("a Lakeside coaching legend", "the Vienna composer"): what such a
// name adds is a label the learner recalls from the noun, or from world
// knowledge, not a fact of the story.
func modifier(s *extract.Sentence, lo, hi int) bool {
	for j := lo; j < hi; j++ {
		h := s.Words[j].Head
		if h >= lo && h < hi {
			continue
		}
		r := s.Rel(j)
		return h >= hi && (r == "compound" || r == "amod")
	}
	return false
}

// namesSomething reports a name or number among words [lo, hi).
func namesSomething(s *extract.Sentence, lo, hi int) bool {
	for j := lo; j < hi; j++ {
		if s.Words[j].Mention >= 0 || s.Words[j].UPOS == "PROPN" || s.Words[j].UPOS == "NUM" {
			return true
		}
	}
	return false
}

// bareOwner reports an owner in [lo, hi) that only an earlier sentence
// names: "a scientist at the lab's energy group" asks which lab.
func bareOwner(s *extract.Sentence, lo, hi int) bool {
	for j := lo; j < hi; j++ {
		w := &s.Words[j]
		if w.Mention >= 0 {
			continue
		}
		// "the local's president" with "local" misread as an adjective
		// owning by its "'s".
		misread := w.UPOS == "ADJ" && j+1 < hi && (s.Words[j+1].Text == "'s" || s.Words[j+1].Text == "’s") && j > 0 && s.Words[j-1].Lower() == "the"
		if misread {
			return true
		}
		if w.UPOS != "NOUN" || s.Words[j].Rel != "nmod:poss" {
			continue
		}
		if det := definite(s, j); det >= 0 && s.Words[det].Lower() == "the" && !specifiedBy(s, j, true) {
			return true
		}
	}
	return false
}

// peripheral reports a person the story passes by: named once or twice, far
// from the lead, and no summary would name them (an outside expert quoted
// near the end). "Who is a researcher at ...?" about them tests a job
// title nobody needs.
func peripheral(d *extract.Doc, e, sent int) bool {
	if e < 0 || d.Salience == nil || sent < leadSentences {
		return false
	}
	return d.Entities[e].Mentions <= 2 && d.Salience[e] < minPersonSalience
}

// leadSentences is how many sentences open a story (its lead): a person
// named there is part of it. minPersonSalience is the least salience of a
// person asked about by role beyond the lead.
const (
	leadSentences     = 8
	minPersonSalience = 0.07
)
