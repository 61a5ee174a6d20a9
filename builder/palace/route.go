package palace

import (
	"strconv"

	"studyguide/builder/figure"
)

// routeWidth is the width of the walking route's dashed line.
const routeWidth = 2.0

// drawRoute draws the walk: from the entrance at the top of the corridor
// to each room's door in turn, swinging from side to side, then down to
// an arrow at the corridor's end. Every curve keeps its control points
// between the corridor's walls, so the route never enters a room and
// never crosses text. The entrance is labelled start (on the first page)
// unless start is empty.
func drawRoute(d *drawing, plan rect, rooms []room, start string) {
	cx := plan.X + plan.W/2
	startY := plan.Y + 4
	if start != "" {
		base := plan.Y + 2 + ascent*minSize
		d.add(&figure.Text{X: cx, Y: base, Lines: []string{start}, Size: minSize, LineHeight: leading * minSize,
			Family: "sans", Style: "B", Color: routeColor, Anchor: figure.AnchorMiddle, Class: classMark})
		startY = base + descent*minSize + 3
	}
	reach := corridorWidth * 0.75 // how far a curve swings out of a door
	segs := []figure.Segment{{Op: figure.MoveTo, Pts: [3]figure.Point{{X: cx, Y: startY}}}}
	from, out := figure.Point{X: cx, Y: startY}, figure.Point{X: cx, Y: startY + reach/4}
	for i, r := range rooms {
		dir := 1.0 // the corridor is to the right of a left room's door
		if !r.left {
			dir = -1
		}
		in := figure.Point{X: r.badge.X + dir*reach, Y: r.badge.Y}
		if i == 0 {
			// From the entrance the route comes down to the first door
			// rather than along the line it leaves by.
			in = figure.Point{X: r.badge.X + dir*reach/4, Y: r.badge.Y - reach/2}
		}
		segs = append(segs, figure.Segment{Op: figure.CubicTo, Pts: [3]figure.Point{out, in, r.badge}})
		from, out = r.badge, figure.Point{X: r.badge.X + dir*reach, Y: r.badge.Y}
	}
	end := figure.Point{X: cx, Y: plan.bottom() - wall - 11}
	if end.Y > from.Y {
		segs = append(segs, figure.Segment{Op: figure.CubicTo, Pts: [3]figure.Point{out, {X: cx, Y: end.Y - reach}, end}})
	}
	d.add(&figure.Path{Style: figure.Style{Stroke: routeColor, StrokeWidth: routeWidth, Dash: []float64{4, 3.5}, RoundJoins: true, Class: classRoute}, Segments: segs})
	if end.Y > from.Y {
		// An arrowhead at the end, pointing on down the corridor.
		d.add(&figure.Path{Style: figure.Style{Fill: routeColor, Class: classMark}, Segments: []figure.Segment{
			{Op: figure.MoveTo, Pts: [3]figure.Point{{X: cx - 5, Y: end.Y - 1}}},
			{Op: figure.LineTo, Pts: [3]figure.Point{{X: cx + 5, Y: end.Y - 1}}},
			{Op: figure.LineTo, Pts: [3]figure.Point{{X: cx, Y: end.Y + 7}}},
			{Op: figure.Close},
		}})
	}
}

// drawBadge draws a station's number in a disc of its hue's ink with a
// white ring, on its room's door.
func drawBadge(d *drawing, at figure.Point, number int, h hue) {
	d.add(&figure.Circle{Style: figure.Style{Fill: h.ink, Stroke: paper, StrokeWidth: 1.5, Class: classBadge + " " + h.name}, CX: at.X, CY: at.Y, R: badgeRadius})
	label := strconv.Itoa(number)
	size := minSize + 1
	if len(label) > 1 {
		size = minSize
	}
	d.add(&figure.Text{X: at.X, Y: at.Y + 0.36*size, Lines: []string{label}, Size: size, LineHeight: leading * size,
		Family: "sans", Style: "B", Color: paper, Anchor: figure.AnchorMiddle, Class: classOnInk})
}
