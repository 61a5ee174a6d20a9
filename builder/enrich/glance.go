package enrich

import (
	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
	"studyguide/builder/labels"
)

// Glance adds an "At a glance" section before the first top-level
// section: one table with a row for each top-level section that holds key
// points (in it or below it), the section linked, and its key points each
// linked to where it is explained, one per line. Key points of the
// introduction come first, under the guide's title.
//
// Glance does nothing when there are no key points or when Extract has
// not run.
func Glance(g *guide.Guide) {
	if g == nil || g.Study == nil || len(g.Study.KeyPoints) == 0 {
		return
	}
	for _, s := range g.Sections {
		if s.Kind == guide.Glance {
			return
		}
	}
	ids := workers.Later(g.IDs)
	top := map[string]string{} // section id -> id of its top-level section
	for _, s := range g.Sections {
		s.Walk(func(c *guide.Section) bool {
			top[c.ID] = s.ID
			return true
		})
	}
	byTop := map[string][]*guide.KeyPointFacts{}
	for _, kp := range g.Study.KeyPoints {
		t := ""
		if kp.SectionID != "" {
			t = top[kp.SectionID]
		}
		byTop[t] = append(byTop[t], kp)
	}

	words := labels.For(g.Meta.Lang)
	// The rows of the sections are made on their own, side by side.
	rows := make([][]guide.Cell, len(g.Sections))
	makers := make([]*nodes, workers.Count(len(g.Sections)))
	workers.EachOn(len(g.Sections), func(w, i int) {
		if makers[w] == nil {
			makers[w] = new(nodes)
		}
		n := makers[w]
		s := g.Sections[i]
		if kps := byTop[s.ID]; len(kps) > 0 && s.Kind == guide.FromNotes {
			cell := n.linkCell(s.ID, s.Title)
			if s.Heading != nil {
				cell.Inlines[0].(*guide.Link).Children = s.Heading
			}
			rows[i] = append(n.row(2), cell, keyPointLinks(n, kps))
		}
	})
	used := ids()
	sec := &guide.Section{
		ID:           used.Claim("at-a-glance"),
		Title:        words.Text("glance.title"),
		Level:        1,
		HeadingLevel: topHeadingLevel(g),
		Pos:          guide.NoPos,
		Kind:         guide.Glance,
	}
	t := newTable(words, guide.Glance, used.Claim("at-a-glance-table"), words.Text("glance.caption"),
		column{guide.RoleSection, "glance.section"},
		column{guide.RoleKeyPoints, "glance.key-points"})
	if kps := byTop[""]; len(kps) > 0 {
		t.Rows = append(t.Rows, []guide.Cell{textCell(g.Meta.Title), keyPointLinks(nil, kps)})
	}
	for _, row := range rows {
		if row != nil {
			t.Rows = append(t.Rows, row)
		}
	}
	if len(t.Rows) == 0 {
		return
	}
	sec.Blocks = []guide.Block{t}
	g.Sections = append([]*guide.Section{sec}, g.Sections...)
}

// keyPointLinks is a cell with a link to each key point, one per line.
func keyPointLinks(n *nodes, kps []*guide.KeyPointFacts) guide.Cell {
	var c guide.Cell
	if n == nil {
		c.Inlines = make([]guide.Inline, 0, 2*len(kps)-1)
	} else {
		c.Inlines = n.inlines.slice(2*len(kps) - 1)
	}
	for i, kp := range kps {
		if i > 0 {
			c.Inlines = append(c.Inlines, lineBreak)
		}
		c.Inlines = append(c.Inlines, n.keyPointLink(kp))
	}
	return c
}

// lineBreak is the hard line break between the lines of a cell, one node
// shared by every cell that needs one.
var lineBreak = &guide.Break{Pos: guide.NoPos, Hard: true}
