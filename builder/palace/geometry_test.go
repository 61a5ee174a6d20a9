package palace

import (
	"fmt"
	"math"
	"testing"

	"studyguide/builder/figure"
)

// recorder is a canvas that keeps what a scene draws, flattened.
type recorder struct {
	paths   []*figure.Path
	rects   []*figure.Rect
	circles []*figure.Circle
	texts   []*figure.Text
	links   []*figure.Link
}

func (r *recorder) Path(p *figure.Path)     { r.paths = append(r.paths, p) }
func (r *recorder) Rect(x *figure.Rect)     { r.rects = append(r.rects, x) }
func (r *recorder) Circle(c *figure.Circle) { r.circles = append(r.circles, c) }
func (r *recorder) Text(t *figure.Text)     { r.texts = append(r.texts, t) }
func (r *recorder) Link(l *figure.Link)     { r.links = append(r.links, l) }

// textBoxes returns the ink box of every line of a text item.
func textBoxes(t *figure.Text) []rect {
	var out []rect
	for i, s := range t.Lines {
		w := measure(t.Style, t.Size, s)
		x := t.X
		switch t.Anchor {
		case figure.AnchorMiddle:
			x -= w / 2
		case figure.AnchorEnd:
			x -= w
		}
		base := t.Y + float64(i)*t.LineHeight
		out = append(out, rect{x, base - ascent*t.Size, w, (ascent + descent) * t.Size})
	}
	return out
}

// pathBox returns the box around a path's points and control points,
// which holds the whole path.
func pathBox(p *figure.Path) rect {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range p.Segments {
		n := 1
		if s.Op == figure.CubicTo {
			n = 3
		} else if s.Op == figure.Close {
			n = 0
		}
		for _, pt := range s.Pts[:n] {
			minX, minY = math.Min(minX, pt.X), math.Min(minY, pt.Y)
			maxX, maxY = math.Max(maxX, pt.X), math.Max(maxY, pt.Y)
		}
	}
	return rect{minX, minY, maxX - minX, maxY - minY}
}

// pathPoints samples a path's outline.
func pathPoints(p *figure.Path) []figure.Point {
	var out []figure.Point
	var cur figure.Point
	for _, s := range p.Segments {
		switch s.Op {
		case figure.MoveTo:
			cur = s.Pts[0]
			out = append(out, cur)
		case figure.LineTo:
			for k := 1; k <= 20; k++ {
				t := float64(k) / 20
				out = append(out, figure.Point{X: cur.X + (s.Pts[0].X-cur.X)*t, Y: cur.Y + (s.Pts[0].Y-cur.Y)*t})
			}
			cur = s.Pts[0]
		case figure.CubicTo:
			for k := 1; k <= 40; k++ {
				t := float64(k) / 40
				u := 1 - t
				a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
				out = append(out, figure.Point{
					X: a*cur.X + b*s.Pts[0].X + c*s.Pts[1].X + d*s.Pts[2].X,
					Y: a*cur.Y + b*s.Pts[0].Y + c*s.Pts[1].Y + d*s.Pts[2].Y,
				})
			}
			cur = s.Pts[2]
		}
	}
	return out
}

// underBadge reports whether a point is hidden under a badge.
func underBadge(badges []*figure.Circle, pt figure.Point) bool {
	for _, c := range badges {
		if math.Hypot(pt.X-c.CX, pt.Y-c.CY) < c.R {
			return true
		}
	}
	return false
}

// overlaps reports whether two boxes share any area.
func (r rect) overlaps(o rect) bool {
	return r.X < o.right() && o.X < r.right() && r.Y < o.bottom() && o.Y < r.bottom()
}

func (r rect) grow(d float64) rect { return rect{r.X - d, r.Y - d, r.W + 2*d, r.H + 2*d} }

func (r rect) holds(o rect) bool {
	const eps = 1e-6
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.right() <= r.right()+eps && o.bottom() <= r.bottom()+eps
}

func (r rect) String() string { return fmt.Sprintf("[%.1f,%.1f %.1fx%.1f]", r.X, r.Y, r.W, r.H) }

// checkScene checks that a palace drawing is legible on an A5 page: no
// text under minSize, no two lines of text overlapping, no text on a
// pictogram, a badge or the route, and nothing outside the scene.
func checkScene(t *testing.T, name string, s *figure.Scene) {
	t.Helper()
	rec := &recorder{}
	figure.Draw(s, rec)
	scene := rect{0, 0, s.Width, s.Height}
	if s.Width > 330 || s.Height > 504 {
		t.Errorf("%s: the scene is %gx%g, larger than an A5 text block", name, s.Width, s.Height)
	}

	type owned struct {
		r    rect
		text string
	}
	var lines []owned
	for _, tx := range rec.texts {
		if tx.Size < minSize {
			t.Errorf("%s: text %q at %g pt", name, tx.Lines, tx.Size)
		}
		for i, b := range textBoxes(tx) {
			lines = append(lines, owned{b, tx.Lines[i]})
		}
	}
	for i, a := range lines {
		if !scene.holds(a.r) {
			t.Errorf("%s: %q %v is outside the scene", name, a.text, a.r)
		}
		for _, b := range lines[i+1:] {
			if a.r.overlaps(b.r) {
				t.Errorf("%s: %q %v overlaps %q %v", name, a.text, a.r, b.text, b.r)
			}
		}
	}
	for _, p := range rec.paths {
		box := pathBox(p)
		if !scene.holds(box.grow(-p.StrokeWidth / 2)) {
			t.Errorf("%s: a path %v is outside the scene", name, box)
		}
		route := p.Dash != nil
		for _, l := range lines {
			if !route {
				// A pictogram: its whole box stays clear of text.
				if box.overlaps(l.r) && p.StrokeWidth < 3 && p.StrokeWidth > 0 && p.Fill == (figure.Color{}) {
					t.Errorf("%s: a pictogram %v overlaps %q %v", name, box, l.text, l.r)
				}
				continue
			}
			for _, pt := range pathPoints(p) {
				if underBadge(rec.circles, pt) {
					continue // the route ends under each badge, which hides it
				}
				if l.r.grow(p.StrokeWidth / 2).holds(rect{pt.X, pt.Y, 0, 0}) {
					t.Errorf("%s: the route crosses %q at %.1f,%.1f", name, l.text, pt.X, pt.Y)
					break
				}
			}
		}
	}
	for _, c := range rec.circles {
		box := rect{c.CX - c.R, c.CY - c.R, 2 * c.R, 2 * c.R}
		if !scene.holds(box) {
			t.Errorf("%s: a badge %v is outside the scene", name, box)
		}
		for _, l := range lines {
			inside := box.holds(l.r) // the badge's own number
			if box.overlaps(l.r) && !inside {
				t.Errorf("%s: a badge %v overlaps %q %v", name, box, l.text, l.r)
			}
		}
	}
	for _, r := range rec.rects {
		if !scene.holds(rect{r.X, r.Y, r.W, r.H}) {
			t.Errorf("%s: a rectangle %v is outside the scene", name, rect{r.X, r.Y, r.W, r.H})
		}
	}
	for i, l := range rec.links {
		a := rect{l.X, l.Y, l.W, l.H}
		if !scene.holds(a) {
			t.Errorf("%s: link to %s %v is outside the scene", name, l.Target, a)
		}
		for _, m := range rec.links[i+1:] {
			if a.overlaps(rect{m.X, m.Y, m.W, m.H}) {
				t.Errorf("%s: links to %s and %s overlap", name, l.Target, m.Target)
			}
		}
	}
}
