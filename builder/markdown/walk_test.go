package markdown

import "studyguide/builder/guide"

// walkGuideInlines calls fn for every inline of g: the introduction, the
// sections and the footnotes.
func walkGuideInlines(g *guide.Guide, fn func(guide.Inline)) {
	guide.Inspect(g, func(n guide.Node) bool {
		if in, ok := n.(guide.Inline); ok {
			fn(in)
		}
		return true
	})
}

// walkItemsOfGuide calls fn for every list item of g, in reading order:
// the introduction's, the sections' and the footnotes'.
func walkItemsOfGuide(g *guide.Guide, fn func(*guide.ListItem)) {
	guide.Inspect(g, func(n guide.Node) bool {
		switch n := n.(type) {
		case *guide.ListItem:
			fn(n)
		case *guide.Paragraph, *guide.Table, guide.Inline:
			// Running text holds no list items.
			return false
		}
		return true
	})
}
