package pdf

import (
	"errors"
	"strconv"
	"strings"

	"studyguide/builder/mathbox"
)

// pen draws on the current page. It remembers the font, colours and line
// width it last set, so that a page's content carries each setting once
// rather than before every word.
type pen struct {
	doc   *document
	m     *metrics
	fs    *faceSet
	links *linkTable
	out   *textOut
	texts []pendingText // the text waiting to be printed by flushText
	// resolvedLine is the last line resolve filled in, and resolved
	// holds its pieces.
	resolvedLine line
	resolved     []piece
	// pageOf returns the page a link points to, for references, as far
	// as it is known when the page is drawn.
	pageOf func(link int) int
	// sheet, when set, is the sheet the pen draws a page on, away from
	// the document (sheet.go).
	sheet *sheet
	// late, when set, prints the page numbers pageOf does not know yet
	// (it returns 0) as forms written after the last page; align says
	// where such a number goes in its room.
	late  *lateNumbers
	align numAlign
	// lateWords and latePages are what lateAnnot fills for each link.
	lateWords []byte
	latePages []latePage

	// The font and size text is set in on the page, as flushText sets
	// them in the content.
	face    faceRef
	size    float64
	fontSet bool
	stroke  rgb
	strokeW float64
	lineSet bool
	// The fill colour, which is also the colour of text.
	fillC   rgb
	fillSet bool

	// tags marks the content as the structure tree asks; nil leaves the
	// content unmarked. want is what the text and drawings painted next
	// belong to; while repeat is set (a table's header row drawn again
	// on the next page) everything painted is an artifact.
	tags   *tagger
	want   tagMark
	repeat bool
	// mathAlt gives each formula set in running text its text
	// alternative, for the structure tree.
	mathAlt map[*mathbox.Box]string
	// goesOn is the link the last line printed ends with, which the next
	// line goes on with when it starts with the same link in the same
	// element on the same page: one Link element for both.
	goesOn struct {
		e, parent *structElem
		ref       linkRef
		page      int
	}
}

// tag makes the text and drawings painted next belong to element e, or be
// decoration when e is nil.
func (p *pen) tag(e *structElem) {
	if e == nil || p.repeat {
		p.want = artifact
		return
	}
	p.want = tagMark{e: e}
}

// touch makes e join the structure tree now, before what is painted next
// joins it, though its own content may be painted later.
func (p *pen) touch(e *structElem) {
	if p.tags != nil && e != nil && !p.repeat {
		p.flushText()
		p.tags.join(e)
	}
}

// mark makes what the pen paints next, other than text, belong to m. Text
// waiting to be printed must have been printed first.
func (p *pen) mark(m tagMark) {
	if p.tags != nil {
		p.tags.set(m)
	}
}

// decorate marks what is painted next as decoration: a rule or a fill
// is never content, though in a running head it is part of the head.
func (p *pen) decorate() {
	m := p.want
	if m.e != nil || m.art == notArtifact {
		m = artifact
	}
	p.mark(m)
}

// endPage prints the text of the page. It must be called before the next
// page is added and before the document is closed.
func (p *pen) endPage() {
	p.flushText()
	if p.tags != nil {
		p.tags.endPage()
	}
}

// settle prints the text of the page and lets the structure tree write
// the elements the text has left (see tagger.settle). It is called when a
// page is drawn and no footnote goes on to the next.
func (p *pen) settle() {
	if p.tags != nil {
		p.flushText()
		p.tags.settle()
	}
}

// newPage forgets every setting: each page's content starts afresh.
func (p *pen) newPage() {
	p.fontSet, p.lineSet, p.fillSet = false, false, false
	p.goesOn.e = nil
	if p.tags != nil {
		p.tags.newPage()
	}
}

// say prints s with its baseline at y: it waits to be printed with the
// text around it, before anything else is painted (see flushText).
func (p *pen) say(x, y float64, s string, f faceRef, size float64, c rgb) {
	p.sayAs(p.want, x, y, s, f, size, c)
}

// sayAs prints s as say does, as part of what m says.
func (p *pen) sayAs(m tagMark, x, y float64, s string, f faceRef, size float64, c rgb) {
	p.texts = append(p.texts, pendingText{x: x, y: y, s: s, face: f, size: size, color: c, mark: m})
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
	p.decorate()
	p.fillColor(c)
	p.doc.Rect(x, y, w, h, "F")
}

// rule draws a straight line width mm thick.
func (p *pen) rule(x1, y1, x2, y2, width float64, c rgb) {
	p.flushText()
	p.decorate()
	p.strokeStyle(c, width)
	p.doc.Line(x1, y1, x2, y2)
}

// formulaIn draws a formula set in a line of text as a Formula element
// of what m marks, its text alternative the formula in words.
func (p *pen) formulaIn(m tagMark, b *mathbox.Box, x, y float64, c rgb) {
	saved := p.want
	if m.e != nil {
		f := p.tags.elem("Formula", m.e)
		if p.sheet != nil {
			p.sheet.record(evAlt, f)
			p.sheet.maths = append(p.sheet.maths, b)
		} else {
			f.more().alt = p.mathAlt[b]
		}
		m = tagMark{e: f}
	}
	p.want = m
	p.formula(b, x, y, c)
	p.want = saved
}

// fillAs paints a rectangle as fill does, as part of what m marks.
func (p *pen) fillAs(m tagMark, x, y, w, h float64, c rgb) {
	p.flushText()
	p.mark(m)
	p.fillColor(c)
	p.doc.Rect(x, y, w, h, "F")
}

// ruleAs draws a straight line as rule does, as part of what m marks.
func (p *pen) ruleAs(m tagMark, x1, y1, x2, y2, width float64, c rgb) {
	p.flushText()
	p.mark(m)
	p.strokeStyle(c, width)
	p.doc.Line(x1, y1, x2, y2)
}

// line prints a typeset line starting at x with its baseline at y, and
// places its links. Page numbers of references are filled in first. In
// the structure tree each stretch of pieces with the same link is a Link
// element (inside a Reference for a footnote's number) of the element
// the line belongs to.
func (p *pen) line(l *line, x, y float64) {
	l = p.resolve(l)
	for i := range l.pieces {
		pc := &l.pieces[i]
		if st := pc.styleOf(); st.look.code {
			s := pt(st.size)
			p.fill(x+pc.x-0.35, y-0.8*s, pc.w+0.7, 1.05*s, colorCodeBg)
		}
	}
	var link *structElem // the Link of the stretch before, if it goes on
	for i := 0; i < len(l.pieces); {
		opening := l.pieces[i].look()
		ref, lang := opening.link, opening.lang
		j := i + 1
		for j < len(l.pieces) && l.pieces[j].key.link == ref && l.pieces[j].lang() == lang {
			j++
		}
		m := p.want
		if ref == 0 || i == 0 || l.pieces[i-1].key.link != ref {
			link = nil
		}
		if g := &p.goesOn; i == 0 && ref != 0 && g.e != nil && g.ref == ref && g.parent == m.e && !l.pieces[0].look().note && g.page == p.tags.page() {
			link = g.e
		}
		if ref != 0 && m.e != nil {
			if link == nil {
				parent := m.e
				if opening.note {
					parent = p.tags.elem("Reference", parent)
				}
				link = p.tags.elem("Link", parent)
			}
			m = tagMark{e: link}
		}
		if lang != "" && m.e != nil {
			// Words in another language: a Span with its /Lang.
			span := p.tags.elem("Span", m.e)
			span.more().lang = lang
			m = tagMark{e: span}
		}
		for k := i; k < j; k++ {
			pc := &l.pieces[k]
			st := pc.styleOf()
			if st.math != nil {
				p.formulaIn(m, st.math, x+pc.x, y-st.look.rise, st.look.color)
				continue
			}
			text := pc.text
			if pc.lead > 0 {
				// The space the piece starts with is printed in the
				// gap before it, on its own: the text stands where it
				// would without it, to the hundredth of a point.
				p.sayAs(m, x+pc.x-pc.lead, y-st.look.rise, " ", st.face, st.size, st.look.color)
				text = text[1:]
			}
			if st.look.page != 0 {
				p.lateNumber(m, pc, text, x+pc.x, y-st.look.rise)
				continue
			}
			p.sayAs(m, x+pc.x, y-st.look.rise, text, st.face, st.size, st.look.color)
			// The rule of a blank or a strike says something about the
			// text: it belongs with it.
			if st.look.blank {
				by := y + 0.18*pt(st.size)
				p.ruleAs(m, x+pc.x, by, x+pc.x+pc.w, by, 0.05*pt(st.size), st.look.color)
			}
			if st.look.strike {
				sy := y - st.look.rise - 0.28*pt(st.size)
				p.ruleAs(m, x+pc.x, sy, x+pc.x+pc.w, sy, 0.06*pt(st.size), st.look.color)
			}
		}
		// One clickable area per stretch of pieces with the same link.
		if ref != 0 && (j == len(l.pieces) || l.pieces[j].key.link != ref) {
			k := i
			for k > 0 && l.pieces[k-1].key.link == ref {
				k--
			}
			first, last := &l.pieces[k], &l.pieces[j-1]
			size := first.size()
			for _, q := range l.pieces[k:j] {
				size = max(size, q.size())
			}
			s := pt(size)
			annots := p.annotCount()
			rise := first.look().rise
			p.placeLink(ref, x+first.x, y-0.9*s-rise, last.x+last.w-first.x, 1.2*s+rise, link, piecesText(l.pieces[k:j]))
			p.lateAnnot(annots, l.pieces[k:j])
		}
		i = j
	}
	p.goesOn.e = nil
	if n := len(l.pieces); n > 0 && link != nil && l.pieces[n-1].look().link != 0 && p.tags != nil {
		p.goesOn.e, p.goesOn.parent, p.goesOn.ref, p.goesOn.page = link, p.want.e, l.pieces[n-1].look().link, p.tags.page()
	}
}

// setAlpha sets the opacity of what is painted next. On a sheet the
// transparency state is named when the sheet is replayed, in the order
// of the pages.
func (p *pen) setAlpha(alpha float64) {
	if p.sheet == nil {
		p.doc.SetAlpha(alpha, "Normal")
		return
	}
	if alpha < 0 || alpha > 1 {
		p.doc.SetError(errors.New("an opacity out of range"))
		return
	}
	p.doc.RawWriteStr("/GS")
	p.sheet.hole(len(p.doc.content), -1, strconv.FormatFloat(alpha, 'f', 3, 64))
	p.doc.RawWriteStr(" gs\n")
}

// placeLink puts a clickable rectangle for link r on the page, and in the
// structure tree under the Link element e, saying contents to a reader who
// cannot see it. With no element, as in an artifact, the link is made a
// Link element of the element painted.
func (p *pen) placeLink(r linkRef, x, y, w, h float64, e *structElem, contents string) {
	if !p.links.place(p.doc, r, x, y, w, h) || p.tags == nil {
		return
	}
	if e == nil {
		e = p.tags.elem("Link", p.want.e)
	}
	p.tags.annot(e, contents)
}

// piecesText is the text of pieces, as one string.
func piecesText(ps []piece) string {
	var b strings.Builder
	for i := range ps {
		b.WriteString(ps[i].text)
	}
	return strings.TrimSpace(b.String())
}
