package guide

import "strings"

// BlocksText returns the plain text of blocks, one line per paragraph,
// list item, table row, code block or definition. It is what a reader
// would read aloud, without markup.
func BlocksText(blocks []Block) string {
	var b strings.Builder
	visit := textVisitor(&b)
	for _, bl := range blocks {
		Inspect(bl, visit)
	}
	return b.String()
}

// textVisitor returns the function for Inspect that writes the plain
// text of what it walks to b: a section's title, then its blocks as
// BlocksText spells them out.
func textVisitor(b *strings.Builder) func(Node) bool {
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
					b.WriteString(PlainText(c.Inlines))
				}
				b.WriteByte('\n')
			}
			return false
		case *Figure:
			b.WriteString(n.Alt)
			b.WriteByte('\n')
		case *Definition:
			// The term's line; its inlines are not visited again below.
			b.WriteString(PlainText(n.Term))
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
