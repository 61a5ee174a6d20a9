package enrich

import (
	"strings"

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
	shown := summaryLinks(g)
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
			rows[i] = append(n.row(2), cell, keyPointLinks(n, kps, shown))
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
		t.Rows = append(t.Rows, []guide.Cell{textCell(g.Meta.Title), keyPointLinks(nil, kps, shown)})
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

// keyPointLinks is a cell with a link to each key point, one per line:
// the link of shown to the key point when there is one, else a new one.
func keyPointLinks(n *nodes, kps []*guide.KeyPointFacts, shown map[string]*guide.Link) guide.Cell {
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
		l := shown[kp.ID]
		if l == nil || !linksTo(l, kp) {
			l = n.keyPointLink(kp)
		}
		c.Inlines = append(c.Inlines, l)
	}
	return c
}

// summaryLinks maps the id of each key point that a summary table of g
// links to (see Summaries) to that link, which the at-a-glance table
// shares rather than make the same link again.
func summaryLinks(g *guide.Guide) map[string]*guide.Link {
	links := map[string]*guide.Link{}
	add := func(blocks []guide.Block) {
		for _, b := range blocks {
			t, ok := b.(*guide.Table)
			if !ok || t.Kind != guide.Summary || t.Role(0) != guide.RoleKeyPoint {
				continue
			}
			for _, row := range t.Rows {
				if len(row) == 0 || len(row[0].Inlines) != 1 {
					continue
				}
				if l, ok := row[0].Inlines[0].(*guide.Link); ok && strings.HasPrefix(l.URL, "#") {
					links[l.URL[1:]] = l
				}
			}
		}
	}
	add(g.Intro)
	g.WalkSections(func(s *guide.Section) bool {
		add(s.Blocks)
		return true
	})
	return links
}

// linksTo reports whether l is the link keyPointLink makes to kp.
func linksTo(l *guide.Link, kp *guide.KeyPointFacts) bool {
	if len(l.URL) != len(kp.ID)+1 || l.URL[1:] != kp.ID || l.Title != "" || l.Pos != guide.NoPos {
		return false
	}
	if kp.TitleInlines != nil {
		return len(l.Children) == len(kp.TitleInlines) && len(l.Children) > 0 && &l.Children[0] == &kp.TitleInlines[0]
	}
	if len(l.Children) != 1 {
		return false
	}
	t, ok := l.Children[0].(*guide.Text)
	return ok && t.Text == kp.Title && t.Pos == guide.NoPos
}

// lineBreak is the hard line break between the lines of a cell, one node
// shared by every cell that needs one.
var lineBreak = &guide.Break{Pos: guide.NoPos, Hard: true}
