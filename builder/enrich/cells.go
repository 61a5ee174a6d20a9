package enrich

import (
	"slices"

	"studyguide/builder/guide"
	"studyguide/builder/labels"
)

// nodes makes the nodes of the study aids' tables from slabs (see slab),
// so that a long guide's tens of thousands of cells cost an allocation a
// block rather than several each. A nil *nodes makes each node on its
// own, for the few a guide needs once. A nodes is used by one goroutine
// at a time.
type nodes struct {
	texts   slab[guide.Text]
	links   slab[guide.Link]
	inlines slab[guide.Inline]
	cells   slab[guide.Cell]
	// heads are the heads of the tables made so far, one for each set
	// of columns, which every table with those columns shares.
	heads []tableHead
	// short holds the inlines of each cell of a short text made so far
	// (see maxSharedText), which every cell of that text shares: the
	// dates of a key point, a dash.
	short map[string][]guide.Inline
}

// tableHead is what the tables with the same columns share: their
// alignments, their header row and their columns' roles.
type tableHead struct {
	cols   []column
	align  []guide.Align
	header []guide.Cell
	roles  []guide.ColumnRole
}

// text returns a text node.
func (n *nodes) text(s string) *guide.Text {
	if n == nil {
		return text(s)
	}
	t := n.texts.one()
	*t = guide.Text{Pos: guide.NoPos, Text: s}
	return t
}

// list returns the inlines ins as a list of their own.
func (n *nodes) list(ins ...guide.Inline) []guide.Inline {
	if n == nil {
		return append([]guide.Inline(nil), ins...)
	}
	return append(n.inlines.slice(len(ins)), ins...)
}

// row returns an empty row with room for size cells.
func (n *nodes) row(size int) []guide.Cell {
	if n == nil {
		return make([]guide.Cell, 0, size)
	}
	return n.cells.slice(size)
}

// textCell is a cell of plain text.
func (n *nodes) textCell(s string) guide.Cell {
	if n == nil || len(s) > maxSharedText {
		return guide.Cell{Inlines: n.list(n.text(s))}
	}
	ins := n.short[s]
	if ins == nil {
		if n.short == nil {
			n.short = map[string][]guide.Inline{}
		}
		ins = n.list(n.text(s))
		n.short[s] = ins
	}
	return guide.Cell{Inlines: ins}
}

// richCell is a cell of inlines, or of the plain text s when there are
// none.
func (n *nodes) richCell(ins []guide.Inline, s string) guide.Cell {
	if len(ins) == 0 {
		return n.textCell(s)
	}
	return guide.Cell{Inlines: ins}
}

// linkCell is a cell holding a link to the element with id inside the
// guide.
func (n *nodes) linkCell(id, text string) guide.Cell {
	return guide.Cell{Inlines: n.list(n.linkTo(id, text))}
}

// linkTo links to the element with id inside the guide.
func (n *nodes) linkTo(id, text string) *guide.Link {
	if n == nil {
		return &guide.Link{Pos: guide.NoPos, URL: "#" + id, Children: n.list(n.text(text))}
	}
	l := n.links.one()
	*l = guide.Link{Pos: guide.NoPos, URL: "#" + id, Children: n.list(n.text(text))}
	return l
}

// keyPointCell is a cell holding a link to a key point, named by its
// title with the formulas it holds.
func (n *nodes) keyPointCell(kp *guide.KeyPointFacts) guide.Cell {
	return guide.Cell{Inlines: n.list(n.keyPointLink(kp))}
}

// keyPointLink links to a key point, named by its title with the
// formulas it holds.
func (n *nodes) keyPointLink(kp *guide.KeyPointFacts) *guide.Link {
	if kp.TitleInlines == nil {
		return n.linkTo(kp.ID, kp.Title)
	}
	var l *guide.Link
	if n == nil {
		l = new(guide.Link)
	} else {
		l = n.links.one()
	}
	*l = guide.Link{Pos: guide.NoPos, URL: "#" + kp.ID, Children: kp.TitleInlines}
	return l
}

// textCell, richCell, linkCell and linkTo make a node on its own (see
// nodes).
func textCell(s string) guide.Cell                     { return (*nodes)(nil).textCell(s) }
func richCell(ins []guide.Inline, s string) guide.Cell { return (*nodes)(nil).richCell(ins, s) }
func linkCell(id, text string) guide.Cell              { return (*nodes)(nil).linkCell(id, text) }
func linkTo(id, text string) *guide.Link               { return (*nodes)(nil).linkTo(id, text) }

// column is a column of a study-aid table: what it holds and the name of
// its heading in the labels catalogue.
type column struct {
	role  guide.ColumnRole
	label string
}

// newTable makes an empty study-aid table with a header row of the
// columns' headings, in the guide's language, and their roles.
func newTable(words *labels.Catalogue, kind guide.Kind, id, caption string, cols ...column) *guide.Table {
	t := &guide.Table{
		Pos:     guide.NoPos,
		Kind:    kind,
		ID:      id,
		Caption: caption,
		Align:   make([]guide.Align, len(cols)),
		Header:  make([]guide.Cell, len(cols)),
		Roles:   make([]guide.ColumnRole, len(cols)),
	}
	for i, c := range cols {
		t.Header[i] = textCell(words.Text(c.label))
		t.Roles[i] = c.role
	}
	return t
}

// table makes an empty study-aid table as newTable does, with the head
// of the tables made before it with the same columns (see tableHead).
// Every table of one guide is written in its language, so their
// headings are the same.
func (n *nodes) table(words *labels.Catalogue, kind guide.Kind, id, caption string, cols ...column) *guide.Table {
	if n == nil {
		return newTable(words, kind, id, caption, cols...)
	}
	for _, h := range n.heads {
		if slices.Equal(h.cols, cols) {
			return &guide.Table{Pos: guide.NoPos, Kind: kind, ID: id, Caption: caption, Align: h.align, Header: h.header, Roles: h.roles}
		}
	}
	t := newTable(words, kind, id, caption, cols...)
	n.heads = append(n.heads, tableHead{cols: slices.Clone(cols), align: t.Align, header: t.Header, roles: t.Roles})
	return t
}

// hasAid reports whether blocks already hold a table of one of the kinds,
// so that running a stage twice does not add its aid twice.
func hasAid(blocks []guide.Block, kinds ...guide.Kind) bool {
	for _, b := range blocks {
		if t, ok := b.(*guide.Table); ok {
			for _, k := range kinds {
				if t.Kind == k {
					return true
				}
			}
		}
	}
	return false
}

// sectionTitles maps each section id of g to its title.
func sectionTitles(g *guide.Guide) map[string]string {
	titles := map[string]string{}
	g.WalkSections(func(s *guide.Section) bool {
		titles[s.ID] = s.Title
		return true
	})
	return titles
}

// topHeadingLevel is the heading level a new top-level section takes: the
// level of the first top-level section the author wrote, else 1.
func topHeadingLevel(g *guide.Guide) int {
	for _, s := range g.Sections {
		if s.Kind == guide.FromNotes && s.HeadingLevel > 0 {
			return s.HeadingLevel
		}
	}
	for _, s := range g.Sections {
		if s.HeadingLevel > 0 {
			return s.HeadingLevel
		}
	}
	return 1
}

// sectionHeadings maps the id of each section of g whose heading holds a
// formula to the heading as the guides show it (guide.Section.Heading),
// and the id of each key point whose title holds one to that title
// (guide.KeyPointFacts.TitleInlines), so that an aid that names the
// section or key point shows the formula too.
func sectionHeadings(g *guide.Guide) map[string][]guide.Inline {
	heads := map[string][]guide.Inline{}
	g.WalkSections(func(s *guide.Section) bool {
		if s.Heading != nil {
			heads[s.ID] = s.Heading
		}
		return true
	})
	if g.Study != nil {
		for _, kp := range g.Study.KeyPoints {
			if kp.TitleInlines != nil {
				heads[kp.ID] = kp.TitleInlines
			}
		}
	}
	return heads
}

// titleInlines returns a section's title as an aid shows it: its heading
// with its formulas when heads has one for id, else title as text.
func titleInlines(heads map[string][]guide.Inline, id, title string) []guide.Inline {
	if h := heads[id]; h != nil {
		return h
	}
	return []guide.Inline{&guide.Text{Pos: guide.NoPos, Text: title}}
}
