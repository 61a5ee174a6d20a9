package pdf

import (
	"unicode/utf8"

	"studyguide/builder/guide"
)

// textLength returns the number of characters of g.Text() without making
// the string: the title, the subtitle, the introduction, each section's
// title and body, and the footnotes, as guide.Text spells them out.
func textLength(g *guide.Guide) int {
	n := utf8.RuneCountInString(g.Meta.Title) + 1
	if g.Meta.Subtitle != "" {
		n += utf8.RuneCountInString(g.Meta.Subtitle) + 1
	}
	n += blocksLength(g.Intro)
	g.WalkSections(func(s *guide.Section) bool {
		n += utf8.RuneCountInString(s.Title) + 1 + blocksLength(s.Blocks)
		return true
	})
	for _, f := range g.Footnotes {
		n += blocksLength(f.Blocks)
	}
	return n
}

// blocksLength returns the number of characters of guide.BlocksText(bs).
func blocksLength(bs []guide.Block) int {
	n := 0
	for _, b := range bs {
		switch b := b.(type) {
		case *guide.Paragraph:
			n += inlinesLength(b.Inlines) + 1
		case *guide.List:
			for _, it := range b.Items {
				n += blocksLength(it.Blocks)
			}
		case *guide.Quote:
			n += blocksLength(b.Blocks)
		case *guide.CodeBlock:
			n += utf8.RuneCountInString(b.Text) + 1
		case *guide.Table:
			if b.Caption != "" {
				n += utf8.RuneCountInString(b.Caption) + 1
			}
			n += rowLength(b.Header)
			for _, r := range b.Rows {
				n += rowLength(r)
			}
		case *guide.Figure:
			n += utf8.RuneCountInString(b.Alt) + 1
		case *guide.DefinitionList:
			for _, it := range b.Items {
				n += inlinesLength(it.Term) + 1
				for _, d := range it.Definitions {
					n += blocksLength(d)
				}
			}
		}
	}
	return n
}

// rowLength returns the number of characters of a table row as
// guide.BlocksText spells it: the cells between " | ", then a line end.
func rowLength(row []guide.Cell) int {
	n := 1
	for i, c := range row {
		if i > 0 {
			n += 3
		}
		n += inlinesLength(c.Inlines)
	}
	return n
}

// inlinesLength returns the number of characters of guide.PlainText(ins).
func inlinesLength(ins []guide.Inline) int {
	n := 0
	for _, in := range ins {
		switch in := in.(type) {
		case *guide.Text:
			n += utf8.RuneCountInString(in.Text)
		case *guide.Code:
			n += utf8.RuneCountInString(in.Text)
		case *guide.Strong:
			n += inlinesLength(in.Children)
		case *guide.Emph:
			n += inlinesLength(in.Children)
		case *guide.Strike:
			n += inlinesLength(in.Children)
		case *guide.Link:
			n += inlinesLength(in.Children)
		case *guide.Ref:
			n += inlinesLength(in.Children)
		case *guide.Image:
			n += utf8.RuneCountInString(in.Alt)
		case *guide.Break:
			n++
		}
	}
	return n
}
