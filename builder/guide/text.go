package guide

import "strings"

// BlocksText returns the plain text of blocks, one line per paragraph,
// list item, table row, code block or definition. It is what a reader
// would read aloud, without markup.
func BlocksText(blocks []Block) string {
	// The text is measured first, so that it is written into room made
	// once at its size rather than grown as it is written.
	var size byteCount
	writeBlocksText(&size, blocks)
	var b strings.Builder
	b.Grow(int(size))
	writeBlocksText(&b, blocks)
	return b.String()
}

// writeBlocksText writes the plain text of blocks to b, as BlocksText
// returns it.
func writeBlocksText(b textWriter, blocks []Block) {
	visit := textVisitor(b)
	for _, bl := range blocks {
		Inspect(bl, visit)
	}
}

// textWriter is what plain text is written to: a strings.Builder, or a
// byteCount that measures the text first.
type textWriter interface {
	WriteString(s string) (int, error)
	WriteByte(c byte) error
}

// byteCount counts the bytes written to it.
type byteCount int

// WriteString adds the length of s.
func (n *byteCount) WriteString(s string) (int, error) {
	*n += byteCount(len(s))
	return len(s), nil
}

// WriteByte adds one.
func (n *byteCount) WriteByte(byte) error {
	*n++
	return nil
}

// textVisitor returns the function for Inspect that writes the plain
// text of what it walks to b: a section's title, then its blocks as
// BlocksText spells them out.
func textVisitor(b textWriter) func(Node) bool {
	return func(n Node) bool {
		switch n := n.(type) {
		case *Section:
			b.WriteString(n.Title)
			b.WriteByte('\n')
		case *Paragraph:
			writePlain(b, n.Inlines)
			b.WriteByte('\n')
			return false
		case *CodeBlock:
			b.WriteString(n.Text)
			b.WriteByte('\n')
		case *Table:
			if n.Caption != "" {
				b.WriteString(n.Caption)
				b.WriteByte('\n')
			}
			for _, row := range append([][]Cell{n.Header}, n.Rows...) {
				for i, c := range row {
					if i > 0 {
						b.WriteString(" | ")
					}
					writePlain(b, c.Inlines)
				}
				b.WriteByte('\n')
			}
			return false
		case *Figure:
			b.WriteString(n.Alt)
			b.WriteByte('\n')
		case *Definition:
			// The term's line; its inlines are not visited again below.
			writePlain(b, n.Term)
			b.WriteByte('\n')
		case Inline:
			return false
		}
		return true
	}
}

// Text returns the plain text of the whole guide in reading order: the
// title, the introduction, each section's title and body, and the
// footnotes.
func (g *Guide) Text() string {
	var b strings.Builder
	b.WriteString(g.Meta.Title)
	b.WriteByte('\n')
	if g.Meta.Subtitle != "" {
		b.WriteString(g.Meta.Subtitle)
		b.WriteByte('\n')
	}
	Inspect(g, textVisitor(&b))
	return b.String()
}
