package guide

// EachID calls fn with every id in the guide that a link can point at, in
// reading order: the introduction's, then each section's own id before
// the ids in its blocks, then each footnote's id before the ids in its
// text. The ids are those of sections, key points, tables, figures,
// key-term anchors (Strong.ID) and footnotes; empty ids are skipped, and
// an id the guide repeats is passed each time it stands.
func (g *Guide) EachID(fn func(id string)) {
	v := idVisitor(fn)
	v.blocks(g.Intro)
	g.WalkSections(func(s *Section) bool {
		v.id(s.ID)
		v.blocks(s.Blocks)
		return true
	})
	for _, f := range g.Footnotes {
		v.id(f.ID)
		v.blocks(f.Blocks)
	}
}

// idVisitor passes the ids it meets on to the function it is.
type idVisitor func(id string)

func (v idVisitor) id(id string) {
	if id != "" {
		v(id)
	}
}

func (v idVisitor) blocks(bs []Block) {
	for _, b := range bs {
		switch b := b.(type) {
		case *Paragraph:
			v.inlines(b.Inlines)
		case *List:
			for _, it := range b.Items {
				if it.Key != nil {
					v.id(it.Key.ID)
				}
				v.blocks(it.Blocks)
			}
		case *Quote:
			v.blocks(b.Blocks)
		case *Table:
			v.id(b.ID)
			for _, row := range append([][]Cell{b.Header}, b.Rows...) {
				for _, c := range row {
					v.inlines(c.Inlines)
				}
			}
		case *Figure:
			v.id(b.ID)
		case *DefinitionList:
			for _, it := range b.Items {
				v.inlines(it.Term)
				for _, d := range it.Definitions {
					v.blocks(d)
				}
			}
		}
	}
}

func (v idVisitor) inlines(ins []Inline) {
	for _, in := range ins {
		switch n := in.(type) {
		case *Strong:
			v.id(n.ID)
			v.inlines(n.Children)
		case *Emph:
			v.inlines(n.Children)
		case *Strike:
			v.inlines(n.Children)
		case *Link:
			v.inlines(n.Children)
		case *Ref:
			v.inlines(n.Children)
		}
	}
}
