package epub

import "studyguide/builder/guide"

// A top-level section too long for one file is cut into parts, each a
// file of its own, at the boundaries of its blocks; a list of many items
// or a table of many rows is first cut into pieces of a few hundred. A
// reading system opens a long file slowly, and epubcheck checks the ids of
// a file against each other, which takes hours on a file with tens of
// thousands of them.

// partBudget is about the most a part holds: bytes of text, and
// idWeight for each id or footnote reference, which weigh on a file
// more than their text.
const (
	partBudget = 256 << 10
	idWeight   = 200
)

// pieceItems is the most list items or table rows in one piece of a block.
const pieceItems = 500

// partsOf cuts section s into parts if it is longer than partBudget;
// otherwise it returns nil. The first part carries the heading, the last
// the subsections; each holds at least one piece.
func (b *book) partsOf(s *guide.Section) []sectionGroup {
	var pieces []guide.Block
	var weights []int
	total := 0
	for _, bl := range s.Blocks {
		for _, p := range piecesOf(bl) {
			w := b.weight(p)
			pieces, weights = append(pieces, p), append(weights, w)
			total += w
		}
	}
	if total <= partBudget || len(pieces) < 2 {
		return nil
	}
	var parts []sectionGroup
	start, sum := 0, 0
	for i, w := range weights {
		if i > start && sum+w > partBudget {
			parts = append(parts, sectionGroup{part: true, blocks: pieces[start:i]})
			start, sum = i, 0
		}
		sum += w
	}
	parts = append(parts, sectionGroup{part: true, blocks: pieces[start:]})
	parts[0].head = true
	parts[len(parts)-1].tail = true
	return parts
}

// piecesOf cuts a list of many items or a table of many rows into
// pieces of pieceItems. An ordered list's pieces go on counting where the
// last stopped; a table's repeat its header, and only the first keeps its
// id and caption.
func piecesOf(bl guide.Block) []guide.Block {
	switch bl := bl.(type) {
	case *guide.List:
		return cut(bl.Items, func(items []*guide.ListItem, from int) guide.Block {
			piece := *bl
			piece.Items, piece.Start = items, bl.Start+from
			return &piece
		})
	case *guide.Table:
		return cut(bl.Rows, func(rows [][]guide.Cell, from int) guide.Block {
			piece := *bl
			piece.Rows = rows
			if from > 0 {
				piece.ID, piece.Caption = "", ""
			}
			return &piece
		})
	}
	return []guide.Block{bl}
}

// cut makes the pieces of a block from runs of pieceItems of its items,
// each made by piece from the run and the index of its first item. A
// block of no more items is one piece, made from all of them.
func cut[T any](items []T, piece func(run []T, from int) guide.Block) []guide.Block {
	var out []guide.Block
	for from := 0; from < len(items) || from == 0; from += pieceItems {
		out = append(out, piece(items[from:min(from+pieceItems, len(items))], from))
	}
	return out
}

// weight is what block bl adds to a file: its text, and idWeight for each
// id and each footnote it references, as a scanner on a book of its own
// counts them.
func (b *book) weight(bl guide.Block) int {
	scratch := &book{g: b.g, where: make(map[string]string), noteHome: make(map[int]string), strays: make(map[string][]int), svgFiles: make(map[string]bool)}
	s := &scanner{b: scratch, seenImage: make(map[string]bool)}
	blocks := []guide.Block{bl}
	s.blocks(blocks)
	return len(guide.BlocksText(blocks)) + idWeight*(len(s.allIDs)+len(scratch.noteHome))
}
