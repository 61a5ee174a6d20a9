package epub

import (
	"studyguide/builder/figure"
	"studyguide/builder/guide"
)

// longWord is a word too long for any column of a table on a small
// screen; tables must break it rather than grow wider than the page.
const longWord = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"

// glanceSection is an "At a glance" section as enrichment adds it: each
// top-level section with its key points, linked.
func glanceSection() *guide.Section {
	return &guide.Section{
		ID: "at-a-glance", Title: "At a glance", Level: 1, HeadingLevel: 2, Pos: guide.NoPos, Kind: guide.Glance,
		Blocks: []guide.Block{
			&guide.Table{
				Pos: guide.NoPos, ID: "glance-table", Kind: guide.Glance, Caption: "The guide at a glance",
				Header: cells("Section", "Key points"),
				Roles:  []guide.ColumnRole{guide.RoleSection, guide.RoleKeyPoints},
				Rows: [][]guide.Cell{
					{cell(ref("sources", "Sources and Upper Courses")), cell(ref("kp-erosion", "Erosion"), txt(", "), ref("kp-transport", "Transport"))},
					{cell(ref("delta-types", "Deltas and Their Kinds")), cell(ref("kp-deposition", "Deposition"))},
				},
			},
		},
	}
}

// palaceSection is a mind-palace section with a small hand-made drawing:
// a route through three stations, each a link to its key point.
func palaceSection() *guide.Section {
	return &guide.Section{
		ID: "palace", Title: "A river journey", Level: 1, HeadingLevel: 2, Pos: guide.NoPos, Kind: guide.Palace,
		Blocks: []guide.Block{
			para(txt("Walk downstream and meet each idea where it happens.")),
			&guide.Figure{
				Pos: guide.NoPos, ID: "palace-figure", Kind: guide.Palace, Scene: palaceScene(), FullPage: true,
				Alt: "A route through three stations along a river, from the spring to the sea.\n" +
					"1. Spring: Erosion — water gnaws the rock.\n" +
					"2. Rapids: Transport — pebbles hop along the bed.\n" +
					"3. Estuary: Deposition — silt settles in the slack water.",
			},
		},
	}
}

// palaceScene draws three numbered stations on a route, with names, cues,
// a pictogram and a link over each station.
func palaceScene() *figure.Scene {
	ink := figure.RGB(0x22, 0x2b, 0x38)
	route := figure.Style{Stroke: figure.RGB(0x5b, 0x7f, 0xa6), StrokeWidth: 6, RoundJoins: true, Opacity: 0.7}
	s := &figure.Scene{
		Width: 420, Height: 300,
		Title: "A river journey", Desc: "Three stations along a river: Spring, Rapids and Estuary.",
		Items: []figure.Item{
			&figure.Rect{Style: figure.Style{Fill: figure.RGB(0xf4, 0xf1, 0xea), Stroke: ink, StrokeWidth: 1}, X: 4, Y: 4, W: 412, H: 292, Radius: 14},
			&figure.Path{Style: route, Segments: []figure.Segment{
				{Op: figure.MoveTo, Pts: [3]figure.Point{{X: 70, Y: 70}}},
				{Op: figure.CubicTo, Pts: [3]figure.Point{{X: 200, Y: 40}, {X: 240, Y: 160}, {X: 210, Y: 150}}},
				{Op: figure.CubicTo, Pts: [3]figure.Point{{X: 180, Y: 140}, {X: 260, Y: 260}, {X: 350, Y: 230}}},
			}},
		},
	}
	stations := []struct {
		x, y       float64
		name, cue  string
		target     string
		fill       figure.Color
		dashedEdge bool
	}{
		{70, 70, "Spring", "water gnaws the rock", "kp-erosion", figure.RGB(0xd9, 0xe8, 0xf5), false},
		{210, 150, "Rapids", "pebbles hop along", "kp-transport", figure.RGB(0xfb, 0xe3, 0xc4), true},
		{350, 230, "Estuary", "silt settles", "kp-deposition", figure.RGB(0xe2, 0xf0, 0xd9), false},
	}
	for i, st := range stations {
		edge := figure.Style{Fill: st.fill, Stroke: ink, StrokeWidth: 1.5}
		if st.dashedEdge {
			edge.Dash = []float64{4, 3}
		}
		s.Items = append(s.Items,
			&figure.Circle{Style: edge, CX: st.x, CY: st.y, R: 26},
			&figure.Text{X: st.x, Y: st.y + 7, Lines: []string{string(rune('1' + i))}, Size: 20, LineHeight: 24, Family: "sans", Style: "B", Color: ink, Anchor: figure.AnchorMiddle},
			&figure.Text{X: st.x, Y: st.y + 44, Lines: []string{st.name, st.cue}, Size: 11, LineHeight: 13, Family: "sans", Color: ink, Anchor: figure.AnchorMiddle},
			&figure.Link{X: st.x - 60, Y: st.y - 28, W: 120, H: 80, Target: st.target, Title: st.name},
		)
	}
	// A link whose target is not in the guide.
	s.Items = append(s.Items, &figure.Link{X: 380, Y: 10, W: 30, H: 30, Target: "no-such-station", Title: "Nowhere"})
	// A wave pictogram in its own 24-unit grid, near the spring.
	s.Items = append(s.Items, &figure.Group{Translate: figure.Point{X: 110, Y: 20}, Scale: 1.2, Items: []figure.Item{
		&figure.Path{Style: figure.Style{Stroke: ink, StrokeWidth: 2, RoundJoins: true}, Segments: []figure.Segment{
			{Op: figure.MoveTo, Pts: [3]figure.Point{{X: 2, Y: 12}}},
			{Op: figure.CubicTo, Pts: [3]figure.Point{{X: 6, Y: 8}, {X: 10, Y: 8}, {X: 12, Y: 12}}},
			{Op: figure.CubicTo, Pts: [3]figure.Point{{X: 14, Y: 16}, {X: 18, Y: 16}, {X: 22, Y: 12}}},
		}},
	}})
	return s
}

// walkSection is the walk through the palace: each station with its cue
// and the facts of its key point, linked.
func walkSection() *guide.Section {
	return &guide.Section{
		ID: "walk-through", Title: "Walking the river", Level: 1, HeadingLevel: 2, Pos: guide.NoPos, Kind: guide.WalkThrough,
		Blocks: []guide.Block{
			&guide.List{Pos: guide.NoPos, Ordered: true, Start: 1, Items: []*guide.ListItem{
				item(para(strong(txt("Spring")), txt(" (water gnaws the rock): "), ref("kp-erosion", "Erosion"), txt(", the 1990s."))),
				item(para(strong(txt("Rapids")), txt(" (pebbles hop along): "), ref("kp-transport", "Transport"), txt(", 1850–1900."))),
				item(para(strong(txt("Estuary")), txt(" (silt settles): "), ref("kp-deposition", "Deposition"), txt("."))),
			}},
		},
	}
}

// glossarySection is the glossary as enrichment adds it: every key term
// with its meaning and a link to where it is explained.
func glossarySection() *guide.Section {
	return &guide.Section{
		ID: "glossary", Title: "Glossary", Level: 1, HeadingLevel: 2, Pos: guide.NoPos, Kind: guide.Glossary,
		Blocks: []guide.Block{
			&guide.Table{
				Pos: guide.NoPos, ID: "glossary-table", Kind: guide.Glossary, Caption: "Key terms, A to Z",
				Header: cells("Term", "Meaning", "Where"),
				Roles:  []guide.ColumnRole{guide.RoleTerm, guide.RoleMeaning, guide.RoleSee},
				Rows: [][]guide.Cell{
					{cell(ref("term-distributary", "distributary")), cell(txt("A distributary splits the flow.")), cell(ref("delta-types", "Deltas and Their Kinds"))},
					{cell(ref("term-levee", "levee")), cell(txt("A levee holds it.")), cell(ref("delta-types", "Deltas and Their Kinds"))},
					{cell(ref("term-source", "source")), cell(txt("A river begins at its source, often a spring or a glacier.")), cell(ref("sources", "Sources and Upper Courses"))},
				},
			},
		},
	}
}
