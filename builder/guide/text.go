package guide

import "strings"

// BlocksText returns the plain text of blocks, one line per paragraph,
// list item, table row, code block or definition. It is what a reader
// would read aloud, without markup.
func BlocksText(blocks []Block) string {
	var b strings.Builder
	writeBlocksText(&b, blocks)
	return b.String()
}

func writeBlocksText(b *strings.Builder, blocks []Block) {
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case *Paragraph:
			b.WriteString(PlainText(bl.Inlines))
			b.WriteByte('\n')
		case *List:
			for _, it := range bl.Items {
				writeBlocksText(b, it.Blocks)
			}
		case *Quote:
			writeBlocksText(b, bl.Blocks)
		case *CodeBlock:
			b.WriteString(bl.Text)
			b.WriteByte('\n')
		case *Table:
			if bl.Caption != "" {
				b.WriteString(bl.Caption)
				b.WriteByte('\n')
			}
			for _, row := range append([][]Cell{bl.Header}, bl.Rows...) {
				for i, c := range row {
					if i > 0 {
						b.WriteString(" | ")
					}
					b.WriteString(PlainText(c.Inlines))
				}
				b.WriteByte('\n')
			}
		case *Figure:
			b.WriteString(bl.Alt)
			b.WriteByte('\n')
		case *DefinitionList:
			for _, it := range bl.Items {
				b.WriteString(PlainText(it.Term))
				b.WriteByte('\n')
				for _, d := range it.Definitions {
					writeBlocksText(b, d)
				}
			}
		}
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
	writeBlocksText(&b, g.Intro)
	g.WalkSections(func(s *Section) bool {
		b.WriteString(s.Title)
		b.WriteByte('\n')
		writeBlocksText(&b, s.Blocks)
		return true
	})
	for _, f := range g.Footnotes {
		writeBlocksText(&b, f.Blocks)
	}
	return b.String()
}
