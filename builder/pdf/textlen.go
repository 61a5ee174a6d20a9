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
	guide.Inspect(g, lengthVisitor(&n))
	return n
}

// lengthVisitor returns the function for guide.Inspect that adds to *n
// the number of characters of what it walks, as guide.Text and
// guide.BlocksText spell them out: a section's title, then its blocks.
func lengthVisitor(n *int) func(guide.Node) bool {
	return func(node guide.Node) bool {
		switch b := node.(type) {
		case *guide.Section:
			*n += utf8.RuneCountInString(b.Title) + 1
		case *guide.Paragraph:
			*n += inlinesLength(b.Inlines) + 1
			return false
		case *guide.CodeBlock:
			*n += utf8.RuneCountInString(b.Text) + 1
		case *guide.Table:
			if b.Caption != "" {
				*n += utf8.RuneCountInString(b.Caption) + 1
			}
			*n += rowLength(b.Header)
			for _, r := range b.Rows {
				*n += rowLength(r)
			}
			return false
		case *guide.Figure:
			*n += utf8.RuneCountInString(b.Alt) + 1
		case *guide.Definition:
			// The term's line; its inlines are not visited again below.
			*n += inlinesLength(b.Term) + 1
		case guide.Inline:
			return false
		}
		return true
	}
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
	visit := func(node guide.Node) bool {
		switch in := node.(type) {
		case *guide.Text:
			n += utf8.RuneCountInString(in.Text)
		case *guide.Code:
			n += utf8.RuneCountInString(in.Text)
		case *guide.Image:
			n += utf8.RuneCountInString(in.Alt)
		case *guide.Formula:
			n += utf8.RuneCountInString(in.Text())
		case *guide.Break:
			n++
		case *guide.Blank:
			n += 5 // guide.PlainText writes "_____"
		}
		return true
	}
	for _, in := range ins {
		guide.Inspect(in, visit)
	}
	return n
}
