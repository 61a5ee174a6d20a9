package markdown

import "studyguide/builder/guide"

// walkItems calls fn for every list item in blocks, nested ones included,
// in reading order.
func walkItems(blocks []guide.Block, fn func(*guide.ListItem)) {
	visit := func(n guide.Node) bool {
		switch n := n.(type) {
		case *guide.ListItem:
			fn(n)
		case *guide.Paragraph, *guide.Table, guide.Inline:
			// Running text holds no list items.
			return false
		}
		return true
	}
	for _, b := range blocks {
		guide.Inspect(b, visit)
	}
}

// walkInlines calls fn for every inline in blocks, nested ones included,
// in reading order.
func walkInlines(blocks []guide.Block, fn func(guide.Inline)) {
	visit := func(n guide.Node) bool {
		if in, ok := n.(guide.Inline); ok {
			fn(in)
		}
		return true
	}
	for _, b := range blocks {
		guide.Inspect(b, visit)
	}
}
