package epub

import "studyguide/builder/guide"

// table writes a table: its caption, a header row of column headings and
// the body rows. Alignment is a class, never the align attribute that
// EPUB forbids. Each body cell carries its column's heading as data-label,
// which the stylesheet shows when a narrow screen stacks a row into a
// card.
func (p *pageWriter) table(t *guide.Table) {
	p.start("table", withID(p.claim(t.ID))...)
	p.nl()
	if t.Caption != "" {
		p.element("caption", t.Caption)
		p.nl()
	}
	labels := make([]string, len(t.Header))
	for i, c := range t.Header {
		labels[i] = collapseSpace(guide.PlainText(c.Inlines))
	}
	if len(t.Header) > 0 {
		p.start("thead")
		p.start("tr")
		for i, c := range t.Header {
			p.wrap("th", c.Inlines, withClass(alignClass(t.Align, i), attr{"scope", "col"})...)
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
			var attrs []attr
			if i < len(labels) && labels[i] != "" {
				attrs = append(attrs, attr{"data-label", labels[i]})
			}
			p.wrap("td", c.Inlines, withClass(alignClass(t.Align, i), attrs...)...)
		}
		p.end("tr")
		p.nl()
	}
	p.end("tbody")
	p.nl()
	p.end("table")
	p.nl()
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
