package figure

// Draw paints the scene's items on c in order. Groups are flattened: their
// translation and scale are applied to every coordinate, radius, stroke
// width, dash and text size inside them.
func Draw(s *Scene, c Canvas) {
	drawItems(s.Items, transform{scale: 1}, c)
}

// transform maps group coordinates to scene coordinates.
type transform struct {
	dx, dy, scale float64
}

func (t transform) pt(p Point) Point      { return Point{p.X*t.scale + t.dx, p.Y*t.scale + t.dy} }
func (t transform) x(v float64) float64   { return v*t.scale + t.dx }
func (t transform) y(v float64) float64   { return v*t.scale + t.dy }
func (t transform) len(v float64) float64 { return v * t.scale }

func (t transform) style(s Style) Style {
	s.StrokeWidth = t.len(s.StrokeWidth)
	if s.Dash != nil {
		d := make([]float64, len(s.Dash))
		for i, v := range s.Dash {
			d[i] = t.len(v)
		}
		s.Dash = d
	}
	return s
}

func drawItems(items []Item, t transform, c Canvas) {
	for _, it := range items {
		switch it := it.(type) {
		case *Path:
			p := &Path{Style: t.style(it.Style), Segments: make([]Segment, len(it.Segments))}
			for i, seg := range it.Segments {
				p.Segments[i] = Segment{Op: seg.Op, Pts: [3]Point{t.pt(seg.Pts[0]), t.pt(seg.Pts[1]), t.pt(seg.Pts[2])}}
			}
			c.Path(p)
		case *Rect:
			c.Rect(&Rect{Style: t.style(it.Style), X: t.x(it.X), Y: t.y(it.Y), W: t.len(it.W), H: t.len(it.H), Radius: t.len(it.Radius)})
		case *Circle:
			c.Circle(&Circle{Style: t.style(it.Style), CX: t.x(it.CX), CY: t.y(it.CY), R: t.len(it.R)})
		case *Text:
			txt := *it
			txt.X, txt.Y = t.x(it.X), t.y(it.Y)
			txt.Size, txt.LineHeight = t.len(it.Size), t.len(it.LineHeight)
			c.Text(&txt)
		case *Link:
			c.Link(&Link{X: t.x(it.X), Y: t.y(it.Y), W: t.len(it.W), H: t.len(it.H), Target: it.Target, Title: it.Title})
		case *Group:
			scale := it.Scale
			if scale == 0 {
				scale = 1
			}
			inner := transform{dx: t.x(it.Translate.X), dy: t.y(it.Translate.Y), scale: t.scale * scale}
			drawItems(it.Items, inner, c)
		}
	}
}
