package enrich

import "studyguide/builder/guide"

// walkBlocks calls onBlock for every block in blocks and below them (list
// items, quotes, definitions), in reading order, and onInline for every
// inline in them and below them (table cells and definition terms too).
// Either function may be nil.
func walkBlocks(blocks []guide.Block, onBlock func(guide.Block), onInline func(guide.Inline)) {
	visit := func(n guide.Node) bool {
		switch n := n.(type) {
		case guide.Block:
			if onBlock != nil {
				onBlock(n)
			}
		case guide.Inline:
			if onInline == nil {
				return false
			}
			onInline(n)
		}
		return true
	}
	for _, b := range blocks {
		guide.Inspect(b, visit)
	}
}
