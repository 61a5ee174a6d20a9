package epub

import "studyguide/builder/guide"

// A top-level section too long for one file is cut into parts, each a
// file of its own, at the boundaries of its blocks and of its
// subsections; a list of many items or a table of many rows is first cut
// into pieces of a few hundred. A reading system opens a long file
// slowly, and epubcheck checks the ids of a file against each other,
// which takes hours on a file with tens of thousands of them.

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
// otherwise it returns nil. The first part carries the heading; the
// pieces of the section's own blocks come before its subsections, each
// subsection whole; each part holds at least one piece or subsection.
func (b *book) partsOf(s *guide.Section) []sectionGroup {
	type unit struct {
		block  guide.Block
		sub    *guide.Section
		weight int
	}
	var units []unit
	total := 0
	for _, bl := range s.Blocks {
		for _, p := range piecesOf(bl) {
			w := b.weight(func(sc *scanner) { sc.blocks([]guide.Block{p}) })
			units = append(units, unit{block: p, weight: w})
			total += w
		}
	}
	for _, c := range s.Sections {
		w := b.weight(func(sc *scanner) { sc.section(c) })
		units = append(units, unit{sub: c, weight: w})
		total += w
	}
	if total <= partBudget || len(units) < 2 {
		return nil
	}
	var parts []sectionGroup
	cur, sum := sectionGroup{part: true, head: true}, 0
	for i, u := range units {
		if i > 0 && sum+u.weight > partBudget {
			parts = append(parts, cur)
			cur, sum = sectionGroup{part: true}, 0
		}
		if u.sub != nil {
			cur.subs = append(cur.subs, u.sub)
		} else {
			cur.blocks = append(cur.blocks, u.block)
		}
		sum += u.weight
	}
	return append(parts, cur)
}

// piecesOf cuts a list of many items or a table of many rows into
// pieces of pieceItems, and a div into the pieces of its blocks. An ordered list's pieces go on counting where the
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
				piece.ID, piece.Caption, piece.CaptionInlines = "", "", nil
			}
			return &piece
		})
	case *guide.Div:
		// A passage in another language is cut as its blocks are, each
		// piece in a div of its language.
		var out []guide.Block
		for _, b := range bl.Blocks {
			for _, p := range piecesOf(b) {
				out = append(out, &guide.Div{Pos: bl.Pos, Lang: bl.Lang, Blocks: []guide.Block{p}})
			}
		}
		if len(out) == 0 {
			return []guide.Block{bl}
		}
		return out
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

// weight is what scan adds to a file: the text it meets, and idWeight
// for each id and each footnote it references, counted by a scanner on a
// book of its own.
func (b *book) weight(scan func(*scanner)) int {
	scratch := &book{g: b.g, labels: b.labels, where: make(map[string]string), noteHome: make(map[int]string), strays: make(map[string][]int), svgFiles: make(map[string]bool), mathFiles: make(map[string]bool)}
	s := &scanner{b: scratch, seenImage: make(map[*guide.ImageFile]bool), weighing: true}
	scan(s)
	return s.text + idWeight*(len(s.allIDs)+len(scratch.noteHome))
}
