package palace

import (
	"math"
	"testing"

	"studyguide/builder/figure"
	"studyguide/builder/palace/icons"
)

// Every icon of the set can be drawn: its path data parses, and its
// outline stays inside its 24-unit grid (strokes may reach a unit out).
func TestEveryIconDraws(t *testing.T) {
	grid := rect{-1, -1, icons.Grid + 2, icons.Grid + 2}
	for _, ic := range icons.All() {
		for _, d := range ic.Paths {
			segs, err := figure.ParsePath(d)
			if err != nil {
				t.Errorf("%s: %v", ic.Name, err)
				continue
			}
			for _, pt := range pathPoints(&figure.Path{Segments: segs}) {
				if !grid.holds(rect{pt.X, pt.Y, 0, 0}) {
					t.Errorf("%s: point %v is outside the grid", ic.Name, pt)
					break
				}
			}
		}
	}
}

func TestPictogramFillsItsTile(t *testing.T) {
	ic, _ := icons.Lookup("shield")
	tile := rect{100, 50, 30, 30}
	g := pictogram(ic, tile, figure.RGB(0, 0, 0), "ink")
	rec := &recorder{}
	figure.Draw(&figure.Scene{Width: 200, Height: 200, Items: []figure.Item{g}}, rec)
	if len(rec.paths) != len(ic.Paths) {
		t.Fatalf("%d paths drawn, want %d", len(rec.paths), len(ic.Paths))
	}
	for _, p := range rec.paths {
		if b := pathBox(p); !tile.holds(b) {
			t.Errorf("pictogram %v outside its tile %v", b, tile)
		}
		if want := icons.StrokeWidth * (30 - 2*30*0.17) / icons.Grid; math.Abs(p.StrokeWidth-want) > 1e-9 || !p.RoundJoins {
			t.Errorf("stroke width %g, want %g, round %v", p.StrokeWidth, want, p.RoundJoins)
		}
	}
}
