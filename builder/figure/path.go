package figure

import (
	"fmt"
	"math"
	"strconv"
)

// ParsePath reads SVG path data (the d attribute of an SVG path) into
// segments of this package: every command of SVG 1.1 is understood, in
// absolute and relative form, and turned into moves, lines and cubic
// Béziers. Quadratic curves become the cubics that draw them exactly;
// elliptical arcs become one cubic per quarter turn or less; smooth
// curves (S, T) reflect the previous control point. Drawing that goes on
// after a close path starts with a move to the closed subpath's start, so
// every canvas sees an explicit current point.
//
// Errors name the byte offset in d where the data stopped making sense.
func ParsePath(d string) ([]Segment, error) {
	p := &pathParser{s: d}
	if err := p.parse(); err != nil {
		return nil, fmt.Errorf("figure: path data at byte %d: %w", p.i, err)
	}
	return p.out, nil
}

// pathParser holds the state of one ParsePath call.
type pathParser struct {
	s   string
	i   int
	out []Segment

	cur, start Point
	// ctrl is the last control point of the previous segment when that
	// segment was a curve of the kind in ctrlOf ('C' or 'Q'); smooth
	// curves reflect it.
	ctrl   Point
	ctrlOf byte
	open   bool // a subpath has been started and not closed
	closed bool // the last command was a close path
}

func (p *pathParser) parse() error {
	p.space()
	if p.i == len(p.s) {
		return nil
	}
	if c := p.s[p.i]; c != 'M' && c != 'm' {
		return fmt.Errorf("path data must start with a move, not %q", c)
	}
	var cmd byte
	for {
		p.space()
		if p.i == len(p.s) {
			return nil
		}
		c := p.s[p.i]
		switch {
		case isCommand(c):
			cmd = c
			p.i++
			if cmd == 'Z' || cmd == 'z' {
				p.closePath()
				continue
			}
		case cmd == 0 || cmd == 'Z' || cmd == 'z':
			return fmt.Errorf("expected a command, found %q", c)
		}
		// A command letter may be followed by any number of argument
		// sets; a move's extra pairs are lines.
		if err := p.command(cmd); err != nil {
			return err
		}
		if cmd == 'M' {
			cmd = 'L'
		} else if cmd == 'm' {
			cmd = 'l'
		}
	}
}

func isCommand(c byte) bool {
	switch c {
	case 'M', 'm', 'L', 'l', 'H', 'h', 'V', 'v', 'C', 'c', 'S', 's', 'Q', 'q', 'T', 't', 'A', 'a', 'Z', 'z':
		return true
	}
	return false
}

// command reads one set of arguments of cmd and adds its segments.
func (p *pathParser) command(cmd byte) error {
	rel := cmd >= 'a'
	base := Point{}
	if rel {
		base = p.cur
	}
	pt := func() (Point, error) {
		x, err := p.number()
		if err != nil {
			return Point{}, err
		}
		y, err := p.number()
		if err != nil {
			return Point{}, err
		}
		return Point{base.X + x, base.Y + y}, nil
	}
	switch cmd {
	case 'M', 'm':
		to, err := pt()
		if err != nil {
			return err
		}
		p.move(to)
	case 'L', 'l':
		to, err := pt()
		if err != nil {
			return err
		}
		p.line(to)
	case 'H', 'h':
		x, err := p.number()
		if err != nil {
			return err
		}
		p.line(Point{base.X + x, p.cur.Y})
	case 'V', 'v':
		y, err := p.number()
		if err != nil {
			return err
		}
		p.line(Point{p.cur.X, base.Y + y})
	case 'C', 'c', 'S', 's':
		var c1 Point
		if cmd == 'C' || cmd == 'c' {
			var err error
			if c1, err = pt(); err != nil {
				return err
			}
		} else {
			c1 = p.reflect('C')
		}
		c2, err := pt()
		if err != nil {
			return err
		}
		to, err := pt()
		if err != nil {
			return err
		}
		p.cubic(c1, c2, to)
		p.ctrl, p.ctrlOf = c2, 'C'
	case 'Q', 'q', 'T', 't':
		var q Point
		if cmd == 'Q' || cmd == 'q' {
			var err error
			if q, err = pt(); err != nil {
				return err
			}
		} else {
			q = p.reflect('Q')
		}
		to, err := pt()
		if err != nil {
			return err
		}
		from := p.cur
		p.cubic(lerp(from, q, 2.0/3), lerp(to, q, 2.0/3), to)
		p.ctrl, p.ctrlOf = q, 'Q'
	case 'A', 'a':
		return p.arcCommand(base)
	}
	return nil
}

// arcCommand reads the seven arguments of an elliptical arc.
func (p *pathParser) arcCommand(base Point) error {
	rx, err := p.number()
	if err != nil {
		return err
	}
	ry, err := p.number()
	if err != nil {
		return err
	}
	rot, err := p.number()
	if err != nil {
		return err
	}
	large, err := p.flag()
	if err != nil {
		return err
	}
	sweep, err := p.flag()
	if err != nil {
		return err
	}
	x, err := p.number()
	if err != nil {
		return err
	}
	y, err := p.number()
	if err != nil {
		return err
	}
	p.arc(rx, ry, rot, large, sweep, Point{base.X + x, base.Y + y})
	return nil
}

// reflect returns the first control point of a smooth curve: the last
// control point mirrored about the current point when the previous segment
// was a curve of the same kind, else the current point.
func (p *pathParser) reflect(kind byte) Point {
	if p.ctrlOf != kind {
		return p.cur
	}
	return Point{2*p.cur.X - p.ctrl.X, 2*p.cur.Y - p.ctrl.Y}
}

func (p *pathParser) move(to Point) {
	p.out = append(p.out, Segment{Op: MoveTo, Pts: [3]Point{to}})
	p.cur, p.start = to, to
	p.open, p.closed, p.ctrlOf = true, false, 0
}

// begin starts a subpath at the current point when drawing goes on after
// a close path.
func (p *pathParser) begin() {
	if p.closed {
		p.out = append(p.out, Segment{Op: MoveTo, Pts: [3]Point{p.cur}})
		p.closed = false
	}
	p.open = true
}

func (p *pathParser) line(to Point) {
	p.begin()
	p.out = append(p.out, Segment{Op: LineTo, Pts: [3]Point{to}})
	p.cur, p.ctrlOf = to, 0
}

func (p *pathParser) cubic(c1, c2, to Point) {
	p.begin()
	p.out = append(p.out, Segment{Op: CubicTo, Pts: [3]Point{c1, c2, to}})
	p.cur, p.ctrlOf = to, 0
}

func (p *pathParser) closePath() {
	if p.open && !p.closed {
		p.out = append(p.out, Segment{Op: Close})
	}
	p.cur, p.closed, p.ctrlOf = p.start, true, 0
}

func lerp(a, b Point, t float64) Point {
	return Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
}

// space skips white space and at most one comma between arguments.
func (p *pathParser) space() {
	comma := false
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
		case c == ',' && !comma:
			comma = true
		default:
			return
		}
		p.i++
	}
}

// number reads one number: an optional sign, digits with at most one
// decimal point, and an optional exponent. "1.5.5" is two numbers, and
// "1-2" is two as well.
func (p *pathParser) number() (float64, error) {
	p.space()
	start := p.i
	if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		p.i++
	}
	digits := p.digits()
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		digits += p.digits()
	}
	if digits == 0 {
		p.i = start
		if p.i == len(p.s) {
			return 0, fmt.Errorf("expected a number, found the end")
		}
		return 0, fmt.Errorf("expected a number, found %q", p.s[p.i])
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		save := p.i
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			p.i = save // an "e" with no digits is not an exponent
		}
	}
	text := p.s[start:p.i]
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) {
		p.i = start
		return 0, fmt.Errorf("number %q out of range", text)
	}
	return v, nil
}

func (p *pathParser) digits() int {
	n := 0
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
		n++
	}
	return n
}

// flag reads an arc flag: a single 0 or 1, which need not be followed by
// a separator ("a1 1 0 01 5 5").
func (p *pathParser) flag() (bool, error) {
	p.space()
	if p.i < len(p.s) && (p.s[p.i] == '0' || p.s[p.i] == '1') {
		p.i++
		return p.s[p.i-1] == '1', nil
	}
	if p.i == len(p.s) {
		return false, fmt.Errorf("expected an arc flag, found the end")
	}
	return false, fmt.Errorf("expected an arc flag (0 or 1), found %q", p.s[p.i])
}
