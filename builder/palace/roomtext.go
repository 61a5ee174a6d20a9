package palace

import "strings"

// Spacing inside a room, in points.
const (
	nameCueGap = 2.5 // between a station's name and its cue
	tileGap    = 5.0 // between a pictogram's tile and the text beside it
	tileVGap   = 3.0 // between a pictogram's tile and the text under it
)

// roomText is the set text of one room.
type roomText struct {
	name, cue []line
	fits      bool    // everything was set without cutting
	cut       bool    // text was cut to fit
	bottom    float64 // the lowest ink of the room's content, tile included
}

// startSizes returns the type sizes a room's name and cue start from:
// larger in the tall rooms of a page with few stations.
func startSizes(innerH float64) (name, cue float64) {
	switch {
	case innerH >= 100:
		return 12.5, 11
	case innerH >= 75:
		return 12, 10.5
	case innerH >= 55:
		return 11, 10
	}
	return 10, 9.5
}

// fitRooms sets the name and cue of every room of a page. All rooms of a
// page share one pair of sizes, so that they look alike: the largest pair,
// shrinking in steps from the start sizes down to minSize, at which every
// room's text fits. A room whose text does not fit even at minSize has
// its cue (and, failing that, its name) cut with an ellipsis.
func fitRooms(pg page, rooms []room) []roomText {
	if len(rooms) == 0 {
		return nil
	}
	n0, c0 := startSizes(rooms[0].text.H)
	sizes := func(step int) (float64, float64) {
		return max(minSize, n0-sizeStep*float64(step)), max(minSize, c0-sizeStep*float64(step))
	}
	last := int((max(n0, c0) - minSize) / sizeStep)
	step := 0
	for i, st := range pg.stations {
		for step <= last {
			ns, cs := sizes(step)
			setTiles(pg, rooms, ns)
			if setRoom(rooms[i], st.Name, st.Cue, ns, cs, false).fits {
				break
			}
			step++
		}
	}
	step = min(step, last)
	ns, cs := sizes(step)
	setTiles(pg, rooms, ns)
	out := make([]roomText, len(rooms))
	for i, st := range pg.stations {
		out[i] = setRoom(rooms[i], st.Name, st.Cue, ns, cs, false)
		if !out[i].fits {
			out[i] = setRoom(rooms[i], st.Name, st.Cue, ns, cs, true)
		}
	}
	return out
}

// setTiles gives every room of a page the same tile: the largest that
// its height suggests and that leaves room beside it for the longest word
// of every station's name at the name size, so that names sit beside
// their pictograms; but never less than four fifths of the largest, so
// that the pictograms stay easy to see (a name with a longer word goes
// under its tile).
func setTiles(pg page, rooms []room, nameSize float64) {
	largest := maxTile(rooms[0].box.H)
	size := largest
	for i, st := range pg.stations {
		r := rooms[i]
		beside := r.text.W - tileGap - (badgeRadius - wall/2) // what the tile and the name share
		for _, w := range strings.Fields(st.Name) {
			size = min(size, beside-measure("B", nameSize, w)-0.5)
		}
	}
	size = max(size, minTile, 0.8*largest)
	for i := range rooms {
		rooms[i].setTile(size)
	}
}

// setRoom sets a station's name (bold) beside the
// pictogram's tile and its cue under the tile; when the cue does not fit
// there, it starts beside the tile too. With cut false it reports whether
// everything fits; with cut true it cuts what does not fit and ends the
// last line with an ellipsis.
func setRoom(r room, name, cue string, nameSize, cueSize float64, cut bool) roomText {
	t := setRoomAs(r, name, cue, nameSize, cueSize, false, false)
	if !t.fits {
		t = setRoomAs(r, name, cue, nameSize, cueSize, true, cut)
	}
	return t
}

// setRoomAs sets a room's text in one of two ways. Normally the name
// stands beside the tile, centred on it, or under the tile when it is too
// long for that, and the cue follows under the tile. With beside set, for
// crowded rooms, the name starts at the top and the cue runs on right
// after it, beside the tile and then under it.
func setRoomAs(r room, name, cue string, nameSize, cueSize float64, beside, cut bool) roomText {
	f := &flow{box: r.text, keepOut: r.tile, gap: tileGap, vgap: tileVGap, cursor: r.text.Y}
	t := roomText{bottom: r.tile.bottom()}
	words := strings.Fields(name)
	var rest []string
	if beside {
		t.name, rest = f.fill(words, "B", nameSize, 0)
	} else {
		// Beside the tile when the whole name fits there.
		g := *f
		g.box.H = r.tile.bottom() - r.text.Y
		t.name, rest = g.fill(words, "B", nameSize, 0)
		if len(rest) == 0 {
			h := g.cursor - r.text.Y - (leading-ascent-descent)*nameSize
			for i := range t.name {
				t.name[i].Baseline += (r.tile.H - h) / 2
			}
			f.cursor = r.tile.bottom() + tileVGap - nameCueGap
		} else {
			f.cursor = r.tile.bottom() + tileVGap
			t.name, rest = f.fill(words, "B", nameSize, 0)
		}
	}
	if len(rest) > 0 || len(t.name) == 0 {
		if !cut {
			return t
		}
		t.cut = true
		if len(t.name) > 0 {
			endWithEllipsis(&t.name[len(t.name)-1])
		}
		t.bottom = max(t.bottom, inkBottom(t.name))
		return t
	}
	f.cursor += nameCueGap
	t.bottom = max(t.bottom, inkBottom(t.name))
	words = strings.Fields(cue)
	if len(words) == 0 {
		t.fits = true
		return t
	}
	t.cue, rest = f.fill(words, "", cueSize, 0)
	t.bottom = max(t.bottom, inkBottom(t.cue))
	if len(rest) == 0 {
		t.fits = true
		return t
	}
	if cut {
		t.cut = true
		if len(t.cue) > 0 {
			endWithEllipsis(&t.cue[len(t.cue)-1])
		}
	}
	return t
}

// inkBottom returns the lowest ink of lines, or 0 for none.
func inkBottom(ls []line) float64 {
	if len(ls) == 0 {
		return 0
	}
	l := ls[len(ls)-1]
	return l.Baseline + descent*l.Size
}
