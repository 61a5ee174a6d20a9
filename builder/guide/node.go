package guide

import "iter"

// Node is one node of a guide's tree. The set of kinds is closed and
// listed in this file: the guide itself, its sections and footnotes, every
// kind of Block and Inline, and the parts that hold them (list items,
// definitions and table cells). Children knows the nodes below each kind,
// so a walk over the tree is written once, with Inspect, and a new kind of
// node is added here, in Children, and in the writers.
//
// A test parses this package and fails when a type that is a node is
// missing from Children or from the fixture of every kind
// (builder/internal/allkinds).
type Node interface {
	node()
}

// The kinds of node. Block and Inline embed Node, so every block and
// inline kind is listed here as well as in block.go or inline.go.
func (*Guide) node()    {}
func (*Section) node()  {}
func (*Footnote) node() {}

func (*Paragraph) node()      {}
func (*List) node()           {}
func (*ListItem) node()       {}
func (*Quote) node()          {}
func (*CodeBlock) node()      {}
func (*Rule) node()           {}
func (*Table) node()          {}
func (*Cell) node()           {}
func (*Figure) node()         {}
func (*DefinitionList) node() {}
func (*Definition) node()     {}
func (*Div) node()            {}

func (*Text) node()        {}
func (*Strong) node()      {}
func (*Emph) node()        {}
func (*Strike) node()      {}
func (*Code) node()        {}
func (*Link) node()        {}
func (*Ref) node()         {}
func (*Image) node()       {}
func (*FootnoteRef) node() {}
func (*Formula) node()     {}
func (*Break) node()       {}
func (*Blank) node()       {}
func (*Span) node()        {}

// Children returns the nodes directly below n, in reading order:
//
//   - a guide: the introduction's blocks, the top-level sections, then
//     the footnotes;
//   - a section: its blocks, then its subsections;
//   - a footnote, a list item, a quote or a div: its blocks;
//   - a list: its items; a definition list: its definitions;
//   - a definition: the inlines of its term, then the blocks of each of
//     its definitions;
//   - a table: the header's cells, then each row's cells;
//   - a paragraph, a cell, or an inline that holds others (strong,
//     emphasis, strike-through, link, reference, span): its inlines.
//
// Text, code, formulas, rules, figures, images, footnote references,
// line breaks and blanks have no children, and neither has nil. A footnote reference's footnote
// is below the guide, not below the reference.
func Children(n Node) iter.Seq[Node] {
	return func(yield func(Node) bool) {
		if !isNil(n) {
			eachChild(n, yield)
		}
	}
}

// Inspect walks the tree below n in depth-first reading order, as
// go/ast's Inspect does: it calls fn(n); if that returns true, it inspects
// each of n's children (see Children) in turn, and then calls fn(nil).
// Nothing is walked, and fn is not called, for a nil n.
func Inspect(n Node, fn func(Node) bool) {
	if isNil(n) || !fn(n) {
		return
	}
	eachChild(n, func(c Node) bool {
		Inspect(c, fn)
		return true
	})
	fn(nil)
}

// isNil reports whether n is nil or a nil pointer of one of the kinds
// that can stand in a slice of the model.
func isNil(n Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *Section:
		return n == nil
	case *Footnote:
		return n == nil
	case *ListItem:
		return n == nil
	case *Definition:
		return n == nil
	case *Guide:
		return n == nil
	}
	return false
}

// eachChild calls yield for each child of n in reading order and reports
// whether it went through all of them (yield never returned false). n is
// not nil (see isNil). Every
// kind of node has its own case, childless ones too, so the test of the
// closed set can find each kind here.
func eachChild(n Node, yield func(Node) bool) bool {
	switch n := n.(type) {
	case *Guide:
		return yieldBlocks(n.Intro, yield) && yieldAll(n.Sections, yield) && yieldAll(n.Footnotes, yield)
	case *Section:
		return yieldBlocks(n.Blocks, yield) && yieldAll(n.Sections, yield)
	case *Footnote:
		return yieldBlocks(n.Blocks, yield)
	case *Paragraph:
		return yieldInlines(n.Inlines, yield)
	case *List:
		return yieldAll(n.Items, yield)
	case *ListItem:
		return yieldBlocks(n.Blocks, yield)
	case *Quote:
		return yieldBlocks(n.Blocks, yield)
	case *Div:
		return yieldBlocks(n.Blocks, yield)
	case *Table:
		for i := range n.Header {
			if !yield(&n.Header[i]) {
				return false
			}
		}
		for _, row := range n.Rows {
			for i := range row {
				if !yield(&row[i]) {
					return false
				}
			}
		}
		return true
	case *Cell:
		return yieldInlines(n.Inlines, yield)
	case *DefinitionList:
		return yieldAll(n.Items, yield)
	case *Definition:
		if !yieldInlines(n.Term, yield) {
			return false
		}
		for _, d := range n.Definitions {
			if !yieldBlocks(d, yield) {
				return false
			}
		}
		return true
	case *Strong:
		return yieldInlines(n.Children, yield)
	case *Emph:
		return yieldInlines(n.Children, yield)
	case *Strike:
		return yieldInlines(n.Children, yield)
	case *Link:
		return yieldInlines(n.Children, yield)
	case *Ref:
		return yieldInlines(n.Children, yield)
	case *Span:
		return yieldInlines(n.Children, yield)
	case *CodeBlock, *Rule, *Figure,
		*Text, *Code, *Formula, *Image, *FootnoteRef, *Break, *Blank, nil:
		return true
	}
	return true
}

// yieldBlocks yields each block of bs.
func yieldBlocks(bs []Block, yield func(Node) bool) bool {
	for _, b := range bs {
		if !yield(b) {
			return false
		}
	}
	return true
}

// yieldInlines yields each inline of ins.
func yieldInlines(ins []Inline, yield func(Node) bool) bool {
	for _, in := range ins {
		if !yield(in) {
			return false
		}
	}
	return true
}

// yieldAll yields each node of ns.
func yieldAll[N Node](ns []N, yield func(Node) bool) bool {
	for _, n := range ns {
		if !yield(n) {
			return false
		}
	}
	return true
}
