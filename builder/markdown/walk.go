package markdown

import "studyguide/builder/guide"

// walkItems calls fn for every list item in blocks, nested ones included,
// in reading order.
func walkItems(blocks []guide.Block, fn func(*guide.ListItem)) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *guide.List:
			for _, it := range b.Items {
				fn(it)
				walkItems(it.Blocks, fn)
			}
		case *guide.Quote:
			walkItems(b.Blocks, fn)
		case *guide.DefinitionList:
			for _, d := range b.Items {
				for _, def := range d.Definitions {
					walkItems(def, fn)
				}
			}
		}
	}
}

// walkInlines calls fn for every inline in blocks, nested ones included,
// in reading order.
func walkInlines(blocks []guide.Block, fn func(guide.Inline)) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *guide.Paragraph:
			walkInline(b.Inlines, fn)
		case *guide.List:
			for _, it := range b.Items {
				walkInlines(it.Blocks, fn)
			}
		case *guide.Quote:
			walkInlines(b.Blocks, fn)
		case *guide.Table:
			for _, c := range b.Header {
				walkInline(c.Inlines, fn)
			}
			for _, r := range b.Rows {
				for _, c := range r {
					walkInline(c.Inlines, fn)
				}
			}
		case *guide.DefinitionList:
			for _, d := range b.Items {
				walkInline(d.Term, fn)
				for _, def := range d.Definitions {
					walkInlines(def, fn)
				}
			}
		}
	}
}

func walkInline(inl []guide.Inline, fn func(guide.Inline)) {
	for _, n := range inl {
		fn(n)
		switch n := n.(type) {
		case *guide.Strong:
			walkInline(n.Children, fn)
		case *guide.Emph:
			walkInline(n.Children, fn)
		case *guide.Strike:
			walkInline(n.Children, fn)
		case *guide.Link:
			walkInline(n.Children, fn)
		}
	}
}

// walkGuideInlines calls fn for every inline of g: the introduction, the
// sections and the footnotes.
func walkGuideInlines(g *guide.Guide, fn func(guide.Inline)) {
	walkInlines(g.Intro, fn)
	g.WalkSections(func(s *guide.Section) bool {
		walkInlines(s.Blocks, fn)
		return true
	})
	for _, f := range g.Footnotes {
		walkInlines(f.Blocks, fn)
	}
}
