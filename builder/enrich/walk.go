package enrich

import "studyguide/builder/guide"

// walkBlocks calls onBlock for every block in blocks and below them (list
// items, quotes, definitions), in reading order, and onInline for every
// inline in them and below them (table cells and definition terms too).
// Either function may be nil.
func walkBlocks(blocks []guide.Block, onBlock func(guide.Block), onInline func(guide.Inline)) {
	for _, b := range blocks {
		if onBlock != nil {
			onBlock(b)
		}
		switch b := b.(type) {
		case *guide.Paragraph:
			walkInlines(b.Inlines, onInline)
		case *guide.List:
			for _, it := range b.Items {
				walkBlocks(it.Blocks, onBlock, onInline)
			}
		case *guide.Quote:
			walkBlocks(b.Blocks, onBlock, onInline)
		case *guide.Table:
			for _, row := range append([][]guide.Cell{b.Header}, b.Rows...) {
				for _, c := range row {
					walkInlines(c.Inlines, onInline)
				}
			}
		case *guide.DefinitionList:
			for _, it := range b.Items {
				walkInlines(it.Term, onInline)
				for _, d := range it.Definitions {
					walkBlocks(d, onBlock, onInline)
				}
			}
		}
	}
}

// walkInlines calls fn for every inline and every inline inside it.
func walkInlines(inlines []guide.Inline, fn func(guide.Inline)) {
	if fn == nil {
		return
	}
	for _, in := range inlines {
		fn(in)
		if kids := children(in); kids != nil {
			walkInlines(kids, fn)
		}
	}
}

// children returns the inlines inside an inline that holds others.
func children(in guide.Inline) []guide.Inline {
	switch in := in.(type) {
	case *guide.Strong:
		return in.Children
	case *guide.Emph:
		return in.Children
	case *guide.Strike:
		return in.Children
	case *guide.Link:
		return in.Children
	case *guide.Ref:
		return in.Children
	}
	return nil
}
