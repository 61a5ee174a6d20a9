package pdf

import (
	"studyguide/builder/figure"
)

// kappa is the distance of a cubic Bézier's control points from the ends
// of a quarter circle, as a share of the radius.
const kappa = 0.5522847498

// pdfCanvas draws a scene on the current page with the PDF's own path
// operators: lines and cubic Béziers, filled and stroked, with opacity,
// dashes and round joins as the scene asks; text in the embedded faces;
// links as clickable rectangles. It implements figure.Canvas.
type pdfCanvas struct {
	p    *pen
	x, y float64 // where the scene's origin is on the page, mm
	k    float64 // mm per scene point
	// texts are the scene's lines, set in advance in painting order; next
	// is the index of the Text item to draw next.
	texts [][]line
	next  int
}

// at converts a point of the scene to the page.
func (c *pdfCanvas) at(p figure.Point) (float64, float64) {
	return c.x + p.X*c.k, c.y + p.Y*c.k
}

// Path draws a path of lines and cubic curves.
func (c *pdfCanvas) Path(p *figure.Path) {
	c.paint(p.Style, func() {
		doc := c.p.doc
		for _, s := range p.Segments {
			switch s.Op {
			case figure.MoveTo:
				doc.MoveTo(c.at(s.Pts[0]))
			case figure.LineTo:
				doc.LineTo(c.at(s.Pts[0]))
			case figure.CubicTo:
				x1, y1 := c.at(s.Pts[0])
				x2, y2 := c.at(s.Pts[1])
				x3, y3 := c.at(s.Pts[2])
				doc.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
			case figure.Close:
				doc.ClosePath()
			}
		}
	})
}

// Rect draws a rectangle; a rounded one has a quarter circle, as a cubic
// curve, at each corner.
func (c *pdfCanvas) Rect(r *figure.Rect) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	x, y := c.at(figure.Point{X: r.X, Y: r.Y})
	w, h := r.W*c.k, r.H*c.k
	rad := min(max(r.Radius, 0)*c.k, w/2, h/2)
	c.paint(r.Style, func() {
		doc := c.p.doc
		if rad <= 0 {
			doc.MoveTo(x, y)
			doc.LineTo(x+w, y)
			doc.LineTo(x+w, y+h)
			doc.LineTo(x, y+h)
			doc.ClosePath()
			return
		}
		q := rad * kappa
		doc.MoveTo(x+rad, y)
		doc.LineTo(x+w-rad, y)
		doc.CurveBezierCubicTo(x+w-rad+q, y, x+w, y+rad-q, x+w, y+rad)
		doc.LineTo(x+w, y+h-rad)
		doc.CurveBezierCubicTo(x+w, y+h-rad+q, x+w-rad+q, y+h, x+w-rad, y+h)
		doc.LineTo(x+rad, y+h)
		doc.CurveBezierCubicTo(x+rad-q, y+h, x, y+h-rad+q, x, y+h-rad)
		doc.LineTo(x, y+rad)
		doc.CurveBezierCubicTo(x, y+rad-q, x+rad-q, y, x+rad, y)
		doc.ClosePath()
	})
}

// Circle draws a circle as four cubic curves.
func (c *pdfCanvas) Circle(ci *figure.Circle) {
	if ci.R <= 0 {
		return
	}
	cx, cy := c.at(figure.Point{X: ci.CX, Y: ci.CY})
	r := ci.R * c.k
	q := r * kappa
	c.paint(ci.Style, func() {
		doc := c.p.doc
		doc.MoveTo(cx+r, cy)
		doc.CurveBezierCubicTo(cx+r, cy+q, cx+q, cy+r, cx, cy+r)
		doc.CurveBezierCubicTo(cx-q, cy+r, cx-r, cy+q, cx-r, cy)
		doc.CurveBezierCubicTo(cx-r, cy-q, cx-q, cy-r, cx, cy-r)
		doc.CurveBezierCubicTo(cx+q, cy-r, cx+r, cy-q, cx+r, cy)
		doc.ClosePath()
	})
}

// Text prints the lines of a text item, each on its own baseline and
// placed by its anchor, from the lines set for it in advance.
func (c *pdfCanvas) Text(t *figure.Text) {
	if c.next >= len(c.texts) {
		return
	}
	lines := c.texts[c.next]
	c.next++
	for i := range lines {
		ln := c.p.resolve(&lines[i])
		x, y := c.at(figure.Point{X: t.X, Y: t.Y + float64(i)*t.LineHeight})
		switch t.Anchor {
		case figure.AnchorMiddle:
			x -= ln.w / 2
		case figure.AnchorEnd:
			x -= ln.w
		}
		c.p.line(ln, x, y)
	}
}

// Link makes a rectangle of the page a link to the element of the guide
// the link names. A target the guide does not have makes no link (the
// layout has warned about it).
func (c *pdfCanvas) Link(l *figure.Link) {
	ref := c.p.links.refInternal(c.p.links.internal(l.Target))
	x, y := c.at(figure.Point{X: l.X, Y: l.Y})
	title := l.Title
	if title == "" {
		title = l.Target
	}
	c.p.placeLink(ref, x, y, l.W*c.k, l.H*c.k, nil, title)
}

// paint sets the style of a shape, lets path trace its outline, and fills
// and strokes it. Opacity, dashes and round joins apply to this shape
// only: they are set back afterwards. A shape with neither fill nor stroke
// is not drawn.
func (c *pdfCanvas) paint(st figure.Style, path func()) {
	fill, stroke := st.Fill.Set, st.Stroke.Set
	op := ""
	switch {
	case fill && stroke:
		op = "FD"
	case fill:
		op = "F"
	case stroke:
		op = "D"
	default:
		return
	}
	// The scene's text painted so far lies under this shape.
	c.p.flushText()
	c.p.mark(c.p.want)
	doc := c.p.doc
	if fill {
		c.p.fillColor(sceneColor(st.Fill))
	}
	dashed, round := false, false
	if stroke {
		width := st.StrokeWidth
		if width <= 0 {
			width = 1 // as in SVG, where a stroke is one unit wide unless told
		}
		c.p.strokeStyle(sceneColor(st.Stroke), width*c.k)
		if len(st.Dash) > 0 {
			dash := make([]float64, len(st.Dash))
			for i, d := range st.Dash {
				dash[i] = max(d, 0) * c.k
			}
			doc.SetDashPattern(dash, 0)
			dashed = true
		}
		if st.RoundJoins {
			doc.SetLineJoinStyle("round")
			doc.SetLineCapStyle("round")
			round = true
		}
	}
	translucent := st.Opacity > 0 && st.Opacity < 1
	if translucent {
		c.p.setAlpha(st.Opacity)
	}
	path()
	doc.DrawPath(op)
	if translucent {
		c.p.setAlpha(1)
	}
	if dashed {
		doc.SetDashPattern(nil, 0)
	}
	if round {
		doc.SetLineJoinStyle("miter")
		doc.SetLineCapStyle("butt")
	}
}
