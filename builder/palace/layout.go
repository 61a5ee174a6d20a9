package palace

import (
	"math"
	"strings"

	"studyguide/builder/figure"
	"studyguide/builder/labels"
	"studyguide/builder/palace/icons"
)

// page is one drawing of the palace: up to Options.MaxStations stations.
type page struct {
	palace   *model
	stations []*station
	icons    []icons.Icon
	first    int // the 0-based number of the page's first station
	total    int // stations in the whole palace
	number   int // 1-based
	pages    int
	// words gives the words drawn around the plan, in the guide's
	// language.
	words *labels.Catalogue
}

// room is where one station is drawn.
type room struct {
	box   rect // the room's floor
	tile  rect // the pictogram's tile
	badge figure.Point
	left  bool    // on the left of the corridor
	text  rect    // where its name and cue may go
	pad   float64 // between the room's walls and its content
}

// drawing collects a page's items in painting order, and what was cut.
type drawing struct {
	items []figure.Item
	cut   []*station
}

func (d *drawing) add(items ...figure.Item) { d.items = append(d.items, items...) }

// text adds lines of one style as Text items, one per run of lines that
// share an x, in a colour and with the class of their part.
func (d *drawing) text(lines []line, color figure.Color, class string) {
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && lines[j].X == lines[i].X && lines[j].Size == lines[i].Size && lines[j].Style == lines[i].Style {
			j++
		}
		t := &figure.Text{X: lines[i].X, Y: lines[i].Baseline, Size: lines[i].Size, LineHeight: leading * lines[i].Size,
			Family: "sans", Style: lines[i].Style, Color: color, Class: class}
		for _, l := range lines[i:j] {
			t.Lines = append(t.Lines, l.Text)
		}
		d.add(t)
		i = j
	}
}

// layout draws one page of the palace as a scene.
func layout(pg page) (*figure.Scene, []*station) {
	d := &drawing{}
	top := header(d, pg)

	rows := (len(pg.stations) + 1) / 2
	footerH := (ascent+descent)*minSize + 6
	planH := maxSceneHeight - margin - footerH - top
	roomH := (planH - float64(rows+1)*wall) / float64(rows)
	if roomH > maxRoomHeight {
		roomH = maxRoomHeight
		planH = float64(rows)*roomH + float64(rows+1)*wall
	}
	plan := rect{margin, top, sceneWidth - 2*margin, planH}
	height := plan.bottom() + footerH + margin
	// The page is white under everything, so that it reads the same on a
	// tinted or dark screen as on paper.
	d.add(&figure.Rect{Style: figure.Style{Fill: paper, Class: classPaper}, W: sceneWidth, H: height})
	d.items = append(d.items[len(d.items)-1:], d.items[:len(d.items)-1]...)

	rooms := placeRooms(plan, rows, roomH, len(pg.stations))
	texts := fitRooms(pg, rooms)
	centre(rooms, texts)
	drawPlan(d, plan, rooms, pg.first, len(pg.stations)%2 == 1)
	start := ""
	if pg.number == 1 {
		start = pg.words.Text("palace.start")
	}
	drawRoute(d, plan, rooms, start)
	for i, st := range pg.stations {
		h := hueOf(pg.first + i)
		r := rooms[i]
		d.add(&figure.Rect{Style: figure.Style{Fill: h.tile, Class: classTile + " " + h.name}, X: r.tile.X, Y: r.tile.Y, W: r.tile.W, H: r.tile.H, Radius: r.tile.W * 0.22})
		d.add(pictogram(pg.icons[i], r.tile, h.ink, classInk+" "+h.name))
		d.text(texts[i].name, headColor, classHead)
		d.text(texts[i].cue, textColor, classText)
		if texts[i].cut {
			d.cut = append(d.cut, st)
		}
	}
	for i := range pg.stations {
		drawBadge(d, rooms[i].badge, pg.first+i+1, hueOf(pg.first+i))
	}
	footer(d, pg, height)
	for i, st := range pg.stations {
		if st.Target != "" {
			b := rooms[i].box
			d.add(&figure.Link{X: b.X, Y: b.Y, W: b.W, H: b.H, Target: st.Target, Title: st.TargetTitle})
		}
	}
	return &figure.Scene{Width: sceneWidth, Height: height, Items: d.items}, d.cut
}

// The theme is the page's heading: on one line at headingSize, or as
// large as one line allows down to minHeadingSize, else on two lines.
const (
	headingSize    = 17.0
	minHeadingSize = 12.0
)

// header draws the label, the theme as the page's heading and the lead
// sentence, and returns where the floor plan may start.
func header(d *drawing, pg page) float64 {
	box := rect{margin, margin, sceneWidth - 2*margin, 80}
	label := pg.words.Text("palace.label")
	if pg.pages > 1 {
		label = pg.words.Format("palace.label-part", "n", pg.number, "total", pg.pages)
	}
	f := &flow{box: box, cursor: box.Y}
	ls, _ := f.fill([]string{label}, "B", minSize, 1)
	d.text(ls, quietColor, classQuiet)
	var rooms string
	switch {
	case pg.total == 1:
		rooms = pg.words.Text("palace.rooms-one")
	case pg.pages == 1:
		rooms = pg.words.Format("palace.rooms", "total", pg.total)
	case len(pg.stations) == 1:
		rooms = pg.words.Format("palace.room-of", "n", pg.first+1, "total", pg.total)
	default:
		rooms = pg.words.Format("palace.rooms-of", "from", pg.first+1, "to", pg.first+len(pg.stations), "total", pg.total)
	}
	d.add(&figure.Text{X: box.right(), Y: ls[0].Baseline, Lines: []string{rooms}, Size: minSize, LineHeight: leading * minSize,
		Family: "sans", Color: quietColor, Anchor: figure.AnchorEnd, Class: classQuiet})
	f.cursor += 2

	theme := capitalize(pg.palace.Theme)
	var heading []line
	for size := headingSize; size >= minHeadingSize; size -= sizeStep {
		g := *f
		if hl, rest := g.fill([]string{theme}, "B", size, 1); len(rest) == 0 && hl[0].Text == theme {
			heading, *f = hl, g
			break
		}
	}
	if heading == nil {
		var rest []string
		heading, rest = f.fill(strings.Fields(theme), "B", minHeadingSize, 2)
		if len(rest) > 0 {
			endWithEllipsis(&heading[len(heading)-1])
		}
	}
	d.text(heading, headColor, classHead)
	if lead := pg.palace.Lead; lead != "" {
		f.cursor += 1
		if !strings.HasSuffix(lead, ".") && !strings.HasSuffix(lead, "!") && !strings.HasSuffix(lead, "?") {
			lead += "."
		}
		ll, rest := f.fill(strings.Fields(lead), "I", minSize, 2)
		if len(rest) > 0 && len(ll) > 0 {
			endWithEllipsis(&ll[len(ll)-1])
		}
		d.text(ll, textColor, classText)
	}
	return f.cursor + 6
}

// footer draws the line under the plan that says how to walk it.
func footer(d *drawing, pg page, height float64) {
	msg := pg.words.Text("palace.walk-first")
	if pg.number > 1 {
		msg = pg.words.Format("palace.walk-on", "n", pg.first)
	}
	if pg.number < pg.pages {
		msg = pg.words.Format("palace.walk-next", "n", pg.first+len(pg.stations)+1)
	}
	f := &flow{box: rect{margin, height - margin - (ascent+descent)*minSize, sceneWidth - 2*margin, (ascent + descent) * minSize}}
	f.cursor = f.box.Y
	ls, rest := f.fill(strings.Fields(msg), "", minSize, 1)
	if len(rest) > 0 && len(ls) > 0 {
		endWithEllipsis(&ls[0])
	}
	d.text(ls, quietColor, classQuiet)
}

// placeRooms lays the rooms out in rows on both sides of a corridor down
// the middle of the plan, walked in reading order: left, right, then the
// next row. Each room gets its tile (see setTile) at the largest size
// the room's height suggests.
func placeRooms(plan rect, rows int, roomH float64, n int) []room {
	cx := plan.X + plan.W/2
	roomW := (plan.W - corridorWidth - 4*wall) / 2
	pad := roomPad
	if rows >= 5 {
		pad = tightRoomPad
	}
	out := make([]room, n)
	for i := range out {
		row, left := i/2, i%2 == 0
		y := plan.Y + wall + float64(row)*(roomH+wall)
		r := room{left: left, pad: pad}
		if left {
			r.box = rect{plan.X + wall, y, roomW, roomH}
		} else {
			r.box = rect{cx + corridorWidth/2 + wall, y, roomW, roomH}
		}
		r.text = r.box.inset(pad)
		r.setTile(maxTile(roomH))
		out[i] = r
	}
	return out
}

// maxTile returns the largest pictogram tile for rooms of a height.
func maxTile(roomH float64) float64 { return math.Max(minTile, math.Min(44, roomH*0.34)) }

// minTile is the smallest pictogram tile.
const minTile = 20.0

// setTile puts the pictogram's tile of a size in the room's top corner on
// the corridor side, clear of the badge, and the badge on the door beside
// the tile's middle.
func (r *room) setTile(size float64) {
	inner := r.pad + badgeRadius - wall/2 // keeps the tile clear of the badge
	y := r.box.Y + r.pad
	if r.left {
		r.tile = rect{r.box.right() - inner - size, y, size, size}
		r.badge = figure.Point{X: r.box.right() + wall/2, Y: y + size/2}
	} else {
		r.tile = rect{r.box.X + inner, y, size, size}
		r.badge = figure.Point{X: r.box.X - wall/2, Y: y + size/2}
	}
}

// centre moves the content of every room down by the same amount, so
// that the fullest room's content sits in the middle of its room and the
// badges of a row stay level.
func centre(rooms []room, texts []roomText) {
	shift := math.Inf(1)
	for i, r := range rooms {
		shift = math.Min(shift, (r.text.bottom()-texts[i].bottom)/2)
	}
	if shift <= 0 || math.IsInf(shift, 1) {
		return
	}
	for i := range rooms {
		rooms[i].tile.Y += shift
		rooms[i].badge.Y += shift
		for _, ls := range [][]line{texts[i].name, texts[i].cue} {
			for k := range ls {
				ls[k].Baseline += shift
			}
		}
	}
}

// drawPlan draws the walls, the corridor, the rooms' floors and doors,
// and a courtyard where the last row has only one room.
func drawPlan(d *drawing, plan rect, rooms []room, first int, courtyard bool) {
	d.add(&figure.Rect{Style: figure.Style{Fill: wallColor, Stroke: wallEdge, StrokeWidth: 1, Class: classWall}, X: plan.X, Y: plan.Y, W: plan.W, H: plan.H, Radius: 4})
	cx := plan.X + plan.W/2
	// The corridor is open at the top: the entrance.
	d.add(&figure.Rect{Style: figure.Style{Fill: floorColor, Class: classFloor}, X: cx - corridorWidth/2, Y: plan.Y - 0.5, W: corridorWidth, H: plan.H - wall + 0.5})
	for i, r := range rooms {
		h := hueOf(first + i)
		d.add(&figure.Rect{Style: figure.Style{Fill: h.floor, Class: classRoom + " " + h.name}, X: r.box.X, Y: r.box.Y, W: r.box.W, H: r.box.H, Radius: 1.5})
		// The door: an opening in the wall behind the badge.
		d.add(&figure.Rect{Style: figure.Style{Fill: floorColor, Class: classFloor}, X: r.badge.X - wall/2 - 0.5, Y: r.badge.Y - badgeRadius - 3, W: wall + 1, H: 2*badgeRadius + 6})
	}
	if courtyard && len(rooms) > 0 {
		last := rooms[len(rooms)-1]
		yard := rect{plan.X + plan.W - wall - last.box.W, last.box.Y, last.box.W, last.box.H}
		d.add(&figure.Rect{Style: figure.Style{Fill: yardFloor, Stroke: yardInk, StrokeWidth: 0.8, Dash: []float64{3, 3}, Class: classYard}, X: yard.X, Y: yard.Y, W: yard.W, H: yard.H, Radius: 1.5})
		tree, _ := icons.Lookup("trees")
		size := math.Min(36, yard.H*0.5)
		g := pictogram(tree, rect{yard.X + (yard.W-size)/2, yard.Y + (yard.H-size)/2, size, size}, yardInk, classTree)
		d.add(g)
	}
}
