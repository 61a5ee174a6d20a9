package figure

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// show writes segments compactly for comparison: "M1,2 L3,4 C… Z".
func show(segs []Segment) string {
	var parts []string
	for _, s := range segs {
		switch s.Op {
		case MoveTo:
			parts = append(parts, "M"+pt(s.Pts[0]))
		case LineTo:
			parts = append(parts, "L"+pt(s.Pts[0]))
		case CubicTo:
			parts = append(parts, "C"+pt(s.Pts[0])+" "+pt(s.Pts[1])+" "+pt(s.Pts[2]))
		case Close:
			parts = append(parts, "Z")
		}
	}
	return strings.Join(parts, " ")
}

func pt(p Point) string { return num(p.X) + "," + num(p.Y) }

func TestParsePath(t *testing.T) {
	for _, tc := range []struct{ d, want string }{
		{"", ""},
		{"M1 2L3 4", "M1,2 L3,4"},
		{"m1 2l3 4", "M1,2 L4,6"},
		{"M1,2 3,4 5,6", "M1,2 L3,4 L5,6"},             // extra pairs of a move are lines
		{"m1 1 2 2", "M1,1 L3,3"},                      // relative ones too
		{"M0 0H5V7h-1v-2", "M0,0 L5,0 L5,7 L4,7 L4,5"}, // horizontal and vertical
		{"M.5.5-1-1", "M0.5,0.5 L-1,-1"},               // numbers packed without separators
		{"M1e1 2E-1 L+3 4.", "M10,0.2 L3,4"},           // exponents, signs, a trailing point
		{"M0 0C1 2 3 4 5 6", "M0,0 C1,2 3,4 5,6"},
		{"M0 0c1 2 3 4 5 6 1 1 2 2 3 3", "M0,0 C1,2 3,4 5,6 C6,7 7,8 8,9"},
		// S reflects the second control point of the previous cubic.
		{"M0 0C1 2 3 4 5 6S9 9 10 10", "M0,0 C1,2 3,4 5,6 C7,8 9,9 10,10"},
		// Without a cubic before it, S starts at the current point.
		{"M0 0L5 5S9 9 10 10", "M0,0 L5,5 C5,5 9,9 10,10"},
		// A quadratic becomes the cubic with control points 2/3 of the
		// way to the quadratic's control point.
		{"M0 0Q3 3 6 0", "M0,0 C2,2 4,2 6,0"},
		// T reflects the previous quadratic control point.
		{"M0 0Q3 3 6 0T12 0", "M0,0 C2,2 4,2 6,0 C8,-2 10,-2 12,0"},
		{"M0 0q3 3 6 0t6 0", "M0,0 C2,2 4,2 6,0 C8,-2 10,-2 12,0"},
		// Drawing after a close starts at the closed subpath's start.
		{"M1 1L5 1L5 5ZL9 9", "M1,1 L5,1 L5,5 Z M1,1 L9,9"},
		{"M1 1L5 1zm1 1l1 0", "M1,1 L5,1 Z M2,2 L3,2"},
		{"M1 1ZZ", "M1,1 Z"},
		// An arc with a zero radius is a line; one to its own start is
		// nothing.
		{"M0 0A0 5 0 0 1 10 0", "M0,0 L10,0"},
		{"M3 3A5 5 0 0 1 3 3", "M3,3"},
	} {
		got, err := ParsePath(tc.d)
		if err != nil {
			t.Errorf("ParsePath(%q): %v", tc.d, err)
			continue
		}
		if s := show(got); s != tc.want {
			t.Errorf("ParsePath(%q)\n got %s\nwant %s", tc.d, s, tc.want)
		}
	}
}

// cubicAt returns the point at t of the cubic from p0.
func cubicAt(p0 Point, s Segment, t float64) Point {
	u := 1 - t
	a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return Point{
		a*p0.X + b*s.Pts[0].X + c*s.Pts[1].X + d*s.Pts[2].X,
		a*p0.Y + b*s.Pts[0].Y + c*s.Pts[1].Y + d*s.Pts[2].Y,
	}
}

// samples returns points along every segment of a path.
func samples(segs []Segment) []Point {
	var out []Point
	var cur Point
	for _, s := range segs {
		switch s.Op {
		case MoveTo, LineTo:
			cur = s.Pts[0]
			out = append(out, cur)
		case CubicTo:
			for i := 1; i <= 16; i++ {
				out = append(out, cubicAt(cur, s, float64(i)/16))
			}
			cur = s.Pts[2]
		}
	}
	return out
}

func TestParsePathArcs(t *testing.T) {
	for _, tc := range []struct {
		d string
		// on reports how far a point is from the curve the arc should
		// draw, in the curve's units.
		on       func(Point) float64
		end      Point
		segments int // cubics
	}{
		{
			// A full circle of radius 10 about (12, 12), as two arcs.
			d:        "M2 12a10 10 0 1 0 20 0a10 10 0 1 0-20 0",
			on:       func(p Point) float64 { return math.Hypot(p.X-12, p.Y-12) - 10 },
			end:      Point{2, 12},
			segments: 4,
		},
		{
			// Flags packed without separators: "0 01" is large 0, sweep 1.
			d:        "M0 0a5 5 0 0110 0",
			on:       func(p Point) float64 { return math.Hypot(p.X-5, p.Y) - 5 },
			end:      Point{10, 0},
			segments: 2,
		},
		{
			// Radii too small to reach the end are scaled up: a half
			// circle of radius 5.
			d:        "M0 0A1 1 0 0 1 10 0",
			on:       func(p Point) float64 { return math.Hypot(p.X-5, p.Y) - 5 },
			end:      Point{10, 0},
			segments: 2,
		},
		{
			// A quarter of an ellipse rotated by 30 degrees, centred at
			// the origin with radii 8 and 4.
			d: func() string {
				s, c := math.Sincos(math.Pi / 6)
				return fmt.Sprintf("M%g %g A8 4 30 0 1 %g %g", 8*c, 8*s, -4*s, 4*c)
			}(),
			on: func(p Point) float64 {
				s, c := math.Sincos(-math.Pi / 6)
				x, y := c*p.X-s*p.Y, s*p.X+c*p.Y
				return math.Sqrt(x*x/64+y*y/16) - 1
			},
			end: func() Point {
				s, c := math.Sincos(math.Pi / 6)
				return Point{-4 * s, 4 * c}
			}(),
			segments: 1,
		},
		{
			// The large arc of a circle of radius 5 through (0, 0) and
			// (5, 5), swept in the positive direction (clockwise on the
			// page): the centre is (5, 0) and the arc turns 270 degrees.
			d:        "M0 0A5 5 0 1 1 5 5",
			on:       func(p Point) float64 { return math.Hypot(p.X-5, p.Y) - 5 },
			end:      Point{5, 5},
			segments: 3,
		},
	} {
		segs, err := ParsePath(tc.d)
		if err != nil {
			t.Errorf("ParsePath(%q): %v", tc.d, err)
			continue
		}
		cubics := 0
		for _, s := range segs {
			if s.Op == CubicTo {
				cubics++
			}
		}
		if cubics != tc.segments {
			t.Errorf("%q: %d cubics, want %d: %s", tc.d, cubics, tc.segments, show(segs))
		}
		for _, p := range samples(segs) {
			if e := math.Abs(tc.on(p)); e > 0.01 {
				t.Errorf("%q: point %v is %.4f off the arc", tc.d, p, e)
				break
			}
		}
		if last := segs[len(segs)-1].Pts[2]; last != tc.end {
			t.Errorf("%q ends at %v, want %v", tc.d, last, tc.end)
		}
	}
}

func TestParsePathSweepDirection(t *testing.T) {
	// From (10, 0) to (-10, 0) about the origin: sweep 1 goes through
	// positive y (down on the page), sweep 0 through negative y.
	for _, tc := range []struct {
		d     string
		downY bool
	}{
		{"M10 0A10 10 0 0 1-10 0", true},
		{"M10 0A10 10 0 0 0-10 0", false},
	} {
		segs, err := ParsePath(tc.d)
		if err != nil {
			t.Fatal(err)
		}
		mid := segs[1].Pts[2] // the end of the first of two quarter turns
		if (mid.Y > 0) != tc.downY || math.Abs(mid.X) > 1e-9 || math.Abs(math.Abs(mid.Y)-10) > 1e-9 {
			t.Errorf("%q passes through %v", tc.d, mid)
		}
	}
}

func TestParsePathErrors(t *testing.T) {
	for _, tc := range []struct {
		d, msg string
	}{
		{"L1 2", "byte 0: path data must start with a move"},
		{"M1", "byte 2: expected a number, found the end"},
		{"M1 2 L", "byte 6: expected a number, found the end"},
		{"M1 2 X3 4", `byte 5: expected a number, found 'X'`},
		{"M1 2 Z 3 4", `byte 7: expected a command, found '3'`},
		{"M1 2 A1 1 0 2 1 3 3", `byte 12: expected an arc flag (0 or 1), found '2'`},
		{"M1 2 A1 1 0 1", "byte 13: expected an arc flag, found the end"},
		{"M1e999 0", `byte 1: number "1e999" out of range`},
		{"M1 2 L3 .", `byte 8: expected a number, found '.'`},
	} {
		_, err := ParsePath(tc.d)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParsePath(%q) = %v, want an error with %q", tc.d, err, tc.msg)
		}
	}
}

func FuzzParsePath(f *testing.F) {
	for _, d := range []string{
		"M2 12a10 10 0 1 0 20 0", "M0 0Q3 3 6 0T12 0", "m1 1l1 0zm1 1",
		"M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1",
	} {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, d string) {
		segs, err := ParsePath(d)
		if err != nil {
			return
		}
		for _, s := range segs {
			for _, p := range s.Pts {
				if math.IsNaN(p.X) || math.IsNaN(p.Y) {
					t.Fatalf("ParsePath(%q) gave NaN: %s", d, show(segs))
				}
			}
		}
	})
}
