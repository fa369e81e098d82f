package extract

// This file weighs what a story is about with the salience model: which
// entities a summary would name, which sentences carry the story.

import (
	"factdeck/quiz/salience"
)

// weigh sets d.Salience and d.Centrality from model m; nothing without a
// model.
func (d *Doc) weigh(m *salience.Model) {
	if m == nil {
		return
	}
	sd := salience.Doc{Title: d.Article.Title, Sents: make([][]salience.Word, len(d.Sents)), Para: make([]int, len(d.Sents))}
	for si, s := range d.Sents {
		ws := make([]salience.Word, len(s.Words))
		for i := range s.Words {
			w := &s.Words[i]
			ws[i] = salience.Word{Text: w.Text, Lemma: w.Lemma, UPOS: w.UPOS, Feats: w.Feats, Rel: w.Rel, Head: w.Head}
			// A pronoun resolved to an entity is one of its mentions.
			if w.Mention < 0 && w.Ent >= 0 && w.UPOS == "PRON" {
				sd.Mentions = append(sd.Mentions, salience.Mention{Sent: si, Lo: i, Hi: i + 1, Head: i, Entity: w.Ent, Kind: d.Entities[w.Ent].Kind})
			}
		}
		sd.Sents[si] = ws
		sd.Para[si] = s.Para
		for _, m := range s.Mentions {
			if m.Entity < 0 || m.Lo >= m.Hi {
				continue
			}
			h := s.HeadOf(m.Lo, m.Hi)
			if h < 0 {
				continue
			}
			sd.Mentions = append(sd.Mentions, salience.Mention{Sent: si, Lo: m.Lo, Hi: m.Hi, Head: h, Entity: m.Entity, Kind: m.Kind, Proper: named(m.Kind)})
		}
	}
	sc := m.Score(sd)
	d.Salience = make([]float64, len(d.Entities))
	for e := range d.Entities {
		d.Salience[e] = sc.Entity[e]
	}
	d.Centrality = make([]float64, len(d.Sents))
	top := 0.0
	for _, v := range sc.Sentence {
		top = max(top, v)
	}
	for i, v := range sc.Sentence {
		if top > 0 && i < len(d.Centrality) {
			d.Centrality[i] = v / top
		}
	}
}
