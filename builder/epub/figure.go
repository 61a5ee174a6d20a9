package epub

import (
	"bytes"
	"strings"

	"studyguide/builder/figure"
	"studyguide/builder/guide"
)

// figure writes a drawing as inline SVG inside a figure element, followed
// by its text alternative as a visible caption, so that a reader whose
// reading system shows no SVG, or who listens to the book, still gets what
// the drawing says. The drawing's links are pointed at the pages that hold
// their targets; a link whose target is not in the book leads to the
// figure itself rather than nowhere. The page that holds a figure is
// marked with the manifest property "svg" (see book.props).
func (p *pageWriter) figure(f *guide.Figure) {
	class := kindClass(f.Kind)
	if class == "" {
		class = "drawing"
	}
	id := p.claim(f.ID)
	if id == "" {
		// The drawing's own ids are made from the figure's, so it needs
		// one that is unique in the book.
		id = p.b.ids.Claim("figure")
		p.used.Take(id)
	}
	p.start("figure", attr{"id", id}, attr{"class", class})
	p.nl()
	if f.Scene != nil {
		svg := figure.SVG(f.Scene, figure.SVGOptions{
			ID:         id,
			LabelledBy: p.headingNaming(f.Scene.Title),
			Href: func(target string) string {
				if href, ok := p.b.href(p.file, target); ok {
					return href
				}
				return "#" + id
			},
		})
		p.raw(string(bytes.TrimSpace(svg)))
		p.nl()
	}
	p.caption(f.Alt)
	p.end("figure")
	p.nl()
}

// headingNaming returns the id of the heading of the innermost section
// open on the page when it says title, so that a drawing under a heading
// that names it (the palace's page) is named by that heading rather than
// by a second copy of the same words; else "".
func (p *pageWriter) headingNaming(title string) string {
	if len(p.heads) == 0 || title == "" {
		return ""
	}
	if h := p.heads[len(p.heads)-1]; h.id != "" && collapseSpace(h.title) == collapseSpace(title) {
		return h.id
	}
	return ""
}

// caption writes a figure's text alternative. Its first line is a
// paragraph; further lines, such as the stations of a palace, are a list.
func (p *pageWriter) caption(alt string) {
	var lines []string
	for _, l := range strings.Split(alt, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return
	}
	p.start("figcaption")
	p.nl()
	p.phrase("p", lines[0])
	p.nl()
	if len(lines) > 1 {
		p.start("ul", attr{"class", "alt-lines"})
		p.nl()
		for _, l := range lines[1:] {
			p.phrase("li", l)
			p.nl()
		}
		p.end("ul")
		p.nl()
	}
	p.end("figcaption")
	p.nl()
}
