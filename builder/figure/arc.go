package figure

import "math"

// arc adds the cubic Béziers that draw an SVG elliptical arc from the
// current point to to. It follows the endpoint-to-centre conversion of
// the SVG 1.1 specification (appendix F.6): radii too small to reach the
// end point are scaled up, a zero radius draws a straight line, and an
// arc that ends where it starts draws nothing.
func (p *pathParser) arc(rx, ry, rotation float64, large, sweep bool, to Point) {
	from := p.cur
	if from == to {
		return
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		p.line(to)
		return
	}
	phi := rotation * math.Pi / 180
	sin, cos := math.Sincos(phi)

	// The midpoint between the ends, in the ellipse's own axes, and the
	// same measured in radii (u, v): working in radii keeps every number
	// near the size of the data, where squaring the data itself could
	// overflow.
	dx, dy := (from.X-to.X)/2, (from.Y-to.Y)/2
	x1 := cos*dx + sin*dy
	y1 := -sin*dx + cos*dy
	u, v := x1/rx, y1/ry

	// Radii too small to reach are scaled until they just do; the centre
	// is then the midpoint.
	k := 0.0
	if l := math.Hypot(u, v); l >= 1 {
		rx, ry, u, v = rx*l, ry*l, u/l, v/l
	} else if uv := u*u + v*v; uv > 0 {
		k = math.Sqrt((1 - uv) / uv)
	}
	if large == sweep {
		k = -k
	}
	cx1 := k * rx * v
	cy1 := -k * ry * u
	center := Point{
		cos*cx1 - sin*cy1 + (from.X+to.X)/2,
		sin*cx1 + cos*cy1 + (from.Y+to.Y)/2,
	}

	theta := angle(1, 0, u-k*v, v+k*u)
	delta := angle(u-k*v, v+k*u, -u-k*v, -v+k*u)
	if !sweep && delta > 0 {
		delta -= 2 * math.Pi
	} else if sweep && delta < 0 {
		delta += 2 * math.Pi
	}

	// One cubic per quarter turn or less keeps the error far below what
	// any page can show.
	n := int(math.Ceil(math.Abs(delta)/(math.Pi/2) - 1e-9))
	n = max(n, 1)
	step := delta / float64(n)
	t := 4.0 / 3 * math.Tan(step/4)
	onEllipse := func(a float64) (Point, Point) {
		sa, ca := math.Sincos(a)
		// The point at angle a and the derivative there, rotated by phi.
		px, py := rx*ca, ry*sa
		tx, ty := -rx*sa, ry*ca
		return Point{center.X + cos*px - sin*py, center.Y + sin*px + cos*py},
			Point{cos*tx - sin*ty, sin*tx + cos*ty}
	}
	var curves [][3]Point
	a := theta
	start, dStart := onEllipse(a)
	for i := range n {
		b := a + step
		end, dEnd := onEllipse(b)
		if i == n-1 {
			end = to // land exactly on the end point the data names
		}
		curves = append(curves, [3]Point{
			{start.X + t*dStart.X, start.Y + t*dStart.Y},
			{end.X - t*dEnd.X, end.Y - t*dEnd.Y},
			end,
		})
		a, start, dStart = b, end, dEnd
	}
	// An arc so large that its points pass the range of floating point
	// is drawn as the straight line it all but is on any page.
	for _, c := range curves {
		for _, pt := range c {
			if !finite(pt.X) || !finite(pt.Y) {
				p.line(to)
				return
			}
		}
	}
	for _, c := range curves {
		p.cubic(c[0], c[1], c[2])
	}
}

// finite reports whether x is neither infinite nor NaN.
func finite(x float64) bool {
	return !math.IsInf(x, 0) && !math.IsNaN(x)
}

// angle returns the signed angle from vector (ux, uy) to vector (vx, vy).
func angle(ux, uy, vx, vy float64) float64 {
	return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy)
}
