package pdf

import (
	"codeberg.org/go-pdf/fpdf"
)

// pen draws on the current page. It remembers the font, colours and line
// width it last set, so that a page's content carries each setting once
// rather than before every word.
type pen struct {
	doc   *fpdf.Fpdf
	m     *metrics
	fs    *faceSet
	links *linkTable
	out   *textOut
	texts []pendingText // the text waiting to be printed by flushText
	// pageOf returns the page an fpdf link points to, for references.
	pageOf func(link int) int

	// The font and size text is set in on the page, as flushText sets
	// them in the content (fpdf's own idea of its font may differ).
	face    faceRef
	size    float64
	fontSet bool
	stroke  rgb
	strokeW float64
	lineSet bool
	// The fill colour, which is also the colour of text.
	fillC   rgb
	fillSet bool
}

// endPage prints the text of the page. It must be called before the next
// page is added and before the document is closed.
func (p *pen) endPage() { p.flushText() }

// newPage forgets every setting: each page's content starts afresh.
func (p *pen) newPage() {
	p.fontSet, p.lineSet, p.fillSet = false, false, false
}

// say prints s with its baseline at y: it waits to be printed with the
// text around it, before anything else is painted (see flushText).
func (p *pen) say(x, y float64, s string, f faceRef, size float64, c rgb) {
	p.texts = append(p.texts, pendingText{x: x, y: y, s: s, face: f, size: size, color: c})
}

// fillColor sets the colour of shapes filled next.
func (p *pen) fillColor(c rgb) {
	if !p.fillSet || p.fillC != c {
		p.doc.SetFillColor(c.components())
		p.fillC, p.fillSet = c, true
	}
}

// strokeStyle sets the colour and width (mm) of lines drawn next.
func (p *pen) strokeStyle(c rgb, width float64) {
	if !p.lineSet || p.stroke != c || p.strokeW != width {
		p.doc.SetDrawColor(c.components())
		p.doc.SetLineWidth(width)
		p.stroke, p.strokeW, p.lineSet = c, width, true
	}
}

// fill paints a rectangle.
func (p *pen) fill(x, y, w, h float64, c rgb) {
	p.flushText()
	p.fillColor(c)
	p.doc.Rect(x, y, w, h, "F")
}

// rule draws a straight line width mm thick.
func (p *pen) rule(x1, y1, x2, y2, width float64, c rgb) {
	p.flushText()
	p.strokeStyle(c, width)
	p.doc.Line(x1, y1, x2, y2)
}

// line prints a typeset line starting at x with its baseline at y, and
// places its links. Page numbers of references are filled in first.
func (p *pen) line(l *line, x, y float64) {
	l = p.resolve(l)
	for i := range l.pieces {
		pc := &l.pieces[i]
		if pc.look.code {
			s := pt(pc.size)
			p.fill(x+pc.x-0.35, y-0.8*s, pc.w+0.7, 1.05*s, colorCodeBg)
		}
	}
	for i := range l.pieces {
		pc := &l.pieces[i]
		if pc.math != nil {
			p.formula(pc.math, x+pc.x, y-pc.look.rise, pc.look.color)
			continue
		}
		p.say(x+pc.x, y-pc.look.rise, pc.text, pc.face, pc.size, pc.look.color)
		if pc.look.blank {
			by := y + 0.18*pt(pc.size)
			p.rule(x+pc.x, by, x+pc.x+pc.w, by, 0.05*pt(pc.size), pc.look.color)
		}
		if pc.look.strike {
			sy := y - pc.look.rise - 0.28*pt(pc.size)
			p.rule(x+pc.x, sy, x+pc.x+pc.w, sy, 0.06*pt(pc.size), pc.look.color)
		}
	}
	// One clickable area per stretch of pieces with the same link.
	for i := 0; i < len(l.pieces); {
		ref := l.pieces[i].look.link
		j := i + 1
		for j < len(l.pieces) && l.pieces[j].look.link == ref {
			j++
		}
		if ref != 0 {
			first, last := &l.pieces[i], &l.pieces[j-1]
			size := first.size
			for _, q := range l.pieces[i:j] {
				size = max(size, q.size)
			}
			s := pt(size)
			p.links.place(ref, x+first.x, y-0.9*s-first.look.rise, last.x+last.w-first.x, 1.2*s+first.look.rise)
		}
		i = j
	}
}
