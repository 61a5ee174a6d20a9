package epub

import (
	"slices"

	"studyguide/builder/guide"
)

// table writes a table: its caption, a header row of column headings and
// the body rows. Alignment is a class, never the align attribute that
// EPUB forbids. Each body cell carries its column's heading as data-label,
// which the stylesheet shows when a narrow screen stacks a row into a
// card.
//
// A table the build added as a study aid is marked with the classes "aid"
// and its kind ("aid summary"), and each of its cells with a class named
// after its column's role ("col-key-point", "col-when"), so that the
// stylesheet can set the key point in bold and keep the dates column
// narrow whatever the language of the headings.
func (p *pageWriter) table(t *guide.Table) {
	var attrs []attr
	if k := kindClass(t.Kind); k != "" {
		attrs = append(attrs, attr{"class", "aid " + k})
	}
	p.start("table", withID(p.claim(t.ID), attrs...)...)
	p.nl()
	switch {
	case t.CaptionInlines != nil:
		p.start("caption")
		p.inlines(t.CaptionInlines)
		p.end("caption")
		p.nl()
	case t.Caption != "":
		p.phrase("caption", t.Caption)
		p.nl()
	}
	labels := make([]string, len(t.Header))
	classes := make([]string, len(t.Header))
	for i, c := range t.Header {
		labels[i] = collapseSpace(guide.PlainText(c.Inlines))
		classes[i] = roleClasses[t.Role(i)]
	}
	// The class of each column is made once, not once a cell; columns
	// past the header and the alignments have none.
	colClasses := make([]string, max(len(classes), len(t.Align)))
	for i := range colClasses {
		c := alignClass(t.Align, i)
		if i < len(classes) && classes[i] != "" {
			if c != "" {
				c += " "
			}
			c += classes[i]
		}
		colClasses[i] = c
	}
	class := func(i int) string {
		if i < len(colClasses) {
			return colClasses[i]
		}
		return ""
	}
	p.inCell, p.inAid = true, t.Kind != guide.FromNotes
	defer func() { p.inCell, p.inAid = false, false }()
	if len(t.Header) > 0 {
		p.start("thead")
		p.start("tr")
		for i, c := range t.Header {
			if labels[i] == "" {
				// A header cell with nothing in it heads nothing: an
				// empty th is a header a screen reader cannot name.
				p.wrap("td", c.Inlines, withClass(class(i))...)
				continue
			}
			p.wrap("th", c.Inlines, withClass(class(i), attr{"scope", "col"})...)
		}
		p.end("tr")
		p.end("thead")
		p.nl()
	}
	p.start("tbody")
	p.nl()
	for _, row := range t.Rows {
		p.start("tr")
		for i, c := range row {
			var held [2]attr
			attrs := held[:0]
			if c := class(i); c != "" {
				attrs = append(attrs, attr{"class", c})
			}
			if i < len(labels) && labels[i] != "" {
				attrs = append(attrs, attr{"data-label", labels[i]})
			}
			p.wrap("td", c.Inlines, attrs...)
		}
		p.end("tr")
		p.nl()
	}
	p.end("tbody")
	p.nl()
	p.end("table")
	p.nl()
}

// cellText writes the text of a table cell. A long word goes in a span
// that the stylesheet lets break anywhere, so that it cannot make its
// column, and so the table, wider than the screen; the other words keep
// their column wide enough for them to stay whole. In a study aid, a range
// of years goes in a span that is kept on one line, so that a narrow
// column breaks between dates rather than inside one.
func (p *pageWriter) cellText(s string) {
	type span struct {
		from, to int
		class    string
	}
	var spans []span
	for _, m := range longWords(s) {
		spans = append(spans, span{m[0], m[1], "long-word"})
	}
	if p.inAid {
		for _, m := range yearRanges(s) {
			if !slices.ContainsFunc(spans, func(x span) bool { return m[0] < x.to && x.from < m[1] }) {
				spans = append(spans, span{m[0], m[1], "nowrap"})
			}
		}
		slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	}
	last := 0
	for _, sp := range spans {
		p.says(s[last:sp.from])
		p.phrase("span", s[sp.from:sp.to], attr{"class", sp.class})
		last = sp.to
	}
	p.says(s[last:])
}

// roleClasses gives the class of the cells of a study-aid column by its
// role; the stylesheet styles these classes.
var roleClasses = map[guide.ColumnRole]string{
	guide.RoleKeyPoint:  "col-key-point",
	guide.RoleTerms:     "col-key-terms",
	guide.RoleWhen:      "col-when",
	guide.RoleGist:      "col-in-one-line",
	guide.RoleTerm:      "col-term",
	guide.RoleMeaning:   "col-meaning",
	guide.RoleSee:       "col-see",
	guide.RoleSection:   "col-section",
	guide.RoleKeyPoints: "col-key-points",
}

// alignClass returns the class that aligns column i, or "".
func alignClass(aligns []guide.Align, i int) string {
	if i >= len(aligns) {
		return ""
	}
	switch aligns[i] {
	case guide.AlignLeft:
		return "align-left"
	case guide.AlignCenter:
		return "align-center"
	case guide.AlignRight:
		return "align-right"
	}
	return ""
}

// withClass prepends a class attribute to attrs when class is not empty.
func withClass(class string, attrs ...attr) []attr {
	if class == "" {
		return attrs
	}
	return append([]attr{{"class", class}}, attrs...)
}

// collapseSpace turns every run of white space into one space and trims
// the ends.
func collapseSpace(s string) string {
	out := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, c)
	}
	return string(out)
}
