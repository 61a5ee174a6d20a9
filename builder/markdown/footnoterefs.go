package markdown

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// footnoteLabelLimit is the longest footnote label read, in bytes: the
// limit CommonMark sets on link labels, which goldmark's footnote
// definitions also keep to.
const footnoteLabelLimit = 999

// footnoteRefs parses footnote references, [^label] and ![^label], in
// place of goldmark's own footnote parser. That one looks for each
// reference's definition by walking the list of all definitions, which
// makes a note of many footnotes take time that grows with the square of
// their number; this one looks the label up in an index of the
// definitions, made once the blocks are parsed (goldmark parses every
// block before any inline text). What it makes is the same: the first
// definition of a label is the one used, a definition is numbered when it
// is first referenced, and a reference to no definition is left to the
// other parsers.
//
// A footnoteRefs serves one parse.
//
// In a part of a note read in parts (part not nil), it looks labels up
// among the definitions of every part, and makes links that carry the
// index of their definition among them (see parts.go).
type footnoteRefs struct {
	part    *part
	book    *footnoteBook
	list    *extast.FootnoteList
	byLabel map[string]*extast.Footnote
	indexed bool
}

// Trigger implements parser.InlineParser.
func (f *footnoteRefs) Trigger() []byte {
	return []byte{'!', '['}
}

// Parse implements parser.InlineParser.
func (f *footnoteRefs) Parse(parent ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, segment := block.PeekLine()
	start := 1 // after '['
	if len(line) > 0 && line[0] == '!' {
		start = 2
	}
	if start >= len(line) || line[start] != '^' {
		return nil
	}
	start++
	end := labelEnd(line[start:min(len(line), start+footnoteLabelLimit)])
	if end < 0 {
		return nil
	}
	label := block.Value(text.NewSegment(segment.Start+start, segment.Start+start+end))
	if f.part != nil {
		return f.partLink(parent, block, line, segment, start, end, string(label))
	}
	def := f.definition(parent, string(label))
	if def == nil {
		return nil
	}
	block.Advance(start + end + 1)
	if def.Index < 0 {
		f.list.Count++
		def.Index = f.list.Count
	}
	if line[0] == '!' {
		parent.AppendChild(parent, ast.NewTextSegment(text.NewSegment(segment.Start, segment.Start+1)))
	}
	return extast.NewFootnoteLink(def.Index)
}

// labelEnd returns the index of the ']' that closes a footnote label, or
// -1 when an unescaped '[' comes first or nothing closes it.
func labelEnd(b []byte) int {
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			i++
		case b[i] == ']':
			return i
		case b[i] == '[':
			return -1
		}
	}
	return -1
}

// definition returns the first definition of label, indexing the
// definitions on first use: the list goldmark gathers them in is the
// book's, when it is in the document that holds parent.
func (f *footnoteRefs) definition(parent ast.Node, label string) *extast.Footnote {
	if !f.indexed {
		f.indexed = true
		root := parent
		for root.Parent() != nil {
			root = root.Parent()
		}
		if f.list = f.book.listIn(root); f.list == nil {
			return nil
		}
		f.byLabel = make(map[string]*extast.Footnote)
		for c := f.list.FirstChild(); c != nil; c = c.NextSibling() {
			if fn, ok := c.(*extast.Footnote); ok {
				if _, seen := f.byLabel[string(fn.Ref)]; !seen {
					f.byLabel[string(fn.Ref)] = fn
				}
			}
		}
	}
	return f.byLabel[label]
}

// partLink is Parse for a part of a note read in parts.
func (f *footnoteRefs) partLink(parent ast.Node, block text.Reader, line []byte, segment text.Segment, start, end int, label string) ast.Node {
	if segment.Start >= f.part.end {
		// The next part's first line, parsed only to check the cut.
		return nil
	}
	i, ok := f.part.footnote(label)
	if !ok {
		return nil
	}
	block.Advance(start + end + 1)
	f.part.referTo(i, parent)
	if line[0] == '!' {
		parent.AppendChild(parent, ast.NewTextSegment(text.NewSegment(segment.Start, segment.Start+1)))
	}
	return extast.NewFootnoteLink(i)
}

// footnoteBook keeps the footnote definitions of one parse as goldmark
// gathers them, so that the list it gathers them in is found without a
// walk through the whole document.
type footnoteBook struct {
	// defs are the definitions in the order gathered, and list the list
	// they are gathered in.
	defs []*extast.Footnote
	list *extast.FootnoteList
	// nested is set when a definition is found in a definition: goldmark
	// then puts the list inside a definition, where a walk through the
	// document may never reach it.
	nested bool
}

// listIn returns the list of definitions when it is in doc, as a walk
// through doc would find it, or nil.
func (b *footnoteBook) listIn(doc ast.Node) *extast.FootnoteList {
	if b.list == nil {
		return nil
	}
	// A list put inside a definition that is in the list itself has no
	// way up to the document: the steps are counted.
	n := ast.Node(b.list)
	for steps := 0; n != nil && steps < 1<<16; steps++ {
		if n == doc {
			return b.list
		}
		n = n.Parent()
	}
	return nil
}

// footnoteDefs is goldmark's parser of footnote definitions, which also
// records each definition in a footnoteBook as it is gathered.
type footnoteDefs struct {
	parser.BlockParser
	book *footnoteBook
}

// Close implements parser.BlockParser.
func (d footnoteDefs) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if inFootnote(node.Parent()) {
		d.book.nested = true
	}
	d.BlockParser.Close(node, reader, pc)
	if fn, ok := node.(*extast.Footnote); ok {
		d.book.defs = append(d.book.defs, fn)
		if list, ok := fn.Parent().(*extast.FootnoteList); ok && d.book.list == nil {
			d.book.list = list
		}
	}
}
