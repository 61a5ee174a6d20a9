package palace

import (
	"studyguide/builder/figure"
	"studyguide/builder/palace/icons"
)

// pictogram draws an icon centred in a tile, with a margin of about a
// sixth of the tile, its strokes in ink and of the class given. The
// icon's own 24-unit grid becomes a group scaled to the tile; path data
// the scene cannot read is left out (the embedded set is checked by the
// tests).
func pictogram(ic icons.Icon, tile rect, ink figure.Color, class string) *figure.Group {
	pad := tile.W * 0.17
	size := tile.W - 2*pad
	g := &figure.Group{Translate: figure.Point{X: tile.X + pad, Y: tile.Y + pad}, Scale: size / icons.Grid}
	for _, d := range ic.Paths {
		segs, err := figure.ParsePath(d)
		if err != nil {
			continue
		}
		g.Items = append(g.Items, &figure.Path{
			Style:    figure.Style{Stroke: ink, StrokeWidth: icons.StrokeWidth, RoundJoins: true, Class: class},
			Segments: segs,
		})
	}
	return g
}
