package epub

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"time"

	"studyguide/builder/guide"
)

// Shorthands for building guides by hand.
func txt(s string) *guide.Text { return &guide.Text{Pos: guide.NoPos, Text: s} }
func strong(in ...guide.Inline) *guide.Strong {
	return &guide.Strong{Pos: guide.NoPos, Children: in}
}
func emph(in ...guide.Inline) *guide.Emph { return &guide.Emph{Pos: guide.NoPos, Children: in} }
func para(in ...guide.Inline) *guide.Paragraph {
	return &guide.Paragraph{Pos: guide.NoPos, Inlines: in}
}
func item(blocks ...guide.Block) *guide.ListItem {
	return &guide.ListItem{Pos: guide.NoPos, Blocks: blocks}
}
func cell(in ...guide.Inline) guide.Cell { return guide.Cell{Inlines: in} }
func cells(texts ...string) []guide.Cell {
	out := make([]guide.Cell, len(texts))
	for i, t := range texts {
		out[i] = cell(txt(t))
	}
	return out
}

// term is a key term's first use, anchored for the glossary.
func term(id, text string) *guide.Strong {
	return &guide.Strong{Pos: guide.NoPos, Children: []guide.Inline{txt(text)}, ID: id}
}

// ref is a reference to an element of the guide by its id.
func ref(target, text string) *guide.Ref {
	return &guide.Ref{Pos: guide.NoPos, Target: target, Children: []guide.Inline{txt(text)}}
}

// keyItem is a key point: a list item that opens with strong text.
func keyItem(id, title string, rest ...guide.Block) *guide.ListItem {
	blocks := append([]guide.Block{para(strong(txt(title)), txt(": the lead of "+title+"."))}, rest...)
	return &guide.ListItem{Pos: guide.NoPos, Blocks: blocks, Key: &guide.KeyPoint{Title: title, ID: id}}
}

// testPNG returns a small deterministic PNG.
func testPNG() []byte {
	img := image.NewGray(image.Rect(0, 0, 40, 24))
	for y := 0; y < 24; y++ {
		for x := 0; x < 40; x++ {
			img.SetGray(x, y, color.Gray{Y: uint8(x * 6)})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// sampleGuide returns a guide that uses every block and inline of the
// model: the test of the writer's coverage.
func sampleGuide() *guide.Guide {
	img := testPNG()
	return &guide.Guide{
		Meta: guide.Meta{
			Title:       "Rivers & Deltas: A <Study> Guide",
			Subtitle:    "Water, silt and the shape of coasts",
			Authors:     []string{"Ada Lovelace", "Zoë Ångström"},
			Lang:        "en",
			Date:        time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC),
			Modified:    time.Date(2024, 6, 1, 12, 30, 0, 0, time.UTC),
			Description: "Notes on how rivers carry silt & build deltas.",
			Identifier:  "urn:uuid:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
		},
		Intro: []guide.Block{
			para(txt("Rivers move water and sediment from the uplands to the sea."), &guide.FootnoteRef{Index: 2}),
			para(txt("See "), &guide.Link{URL: "#delta-types", Children: []guide.Inline{txt("the kinds of delta")}}, txt(" first.")),
		},
		Sections: []*guide.Section{
			glanceSection(),
			{
				ID: "sources", Title: "Sources and Upper Courses", Level: 1, HeadingLevel: 2,
				Blocks: []guide.Block{
					para(txt("A river begins at its "), term("term-source", "source"), txt(", often a spring or a glacier, and falls steeply in its "),
						emph(txt("upper course")), txt("."), &guide.FootnoteRef{Index: 0}),
					para(txt("Old maps used "), &guide.Strike{Children: []guide.Inline{txt("wrong")}}, txt(" names; the code "),
						&guide.Code{Text: "H<sub>2</sub>O & silt"}, txt(" marks water."), &guide.Break{Hard: true}, txt("A new line after a hard break."),
						&guide.Break{}, txt("And a soft one.")),
					&guide.List{Ordered: true, Start: 3, Tight: true, Items: []*guide.ListItem{
						keyItem("kp-erosion", "Erosion",
							&guide.List{Tight: true, Items: []*guide.ListItem{
								item(para(txt("Hydraulic action in the 1990s floods."))),
								item(para(txt("Abrasion by pebbles"), &guide.FootnoteRef{Index: 0}, txt("."))),
							}}),
						keyItem("kp-transport", "Transport"),
					}},
					&guide.Quote{Blocks: []guide.Block{para(txt("The river is the road that moves."), &guide.Break{Hard: true}, txt("— a teacher"))}},
					&guide.Table{
						Pos: guide.NoPos, ID: "summary-sources", Kind: guide.Summary, Caption: "Key points: Sources and Upper Courses",
						Header: cells("Key point", "Key terms", "When", "In one line"),
						Roles:  []guide.ColumnRole{guide.RoleKeyPoint, guide.RoleTerms, guide.RoleWhen, guide.RoleGist},
						Rows: [][]guide.Cell{
							{cell(ref("kp-erosion", "Erosion")), cell(txt("hydraulic action, abrasion")), cell(txt("the 1990s, 2014–2021")),
								cell(txt("Water wears the bed away; the Welsh " + longWord + " stream is the classic case."))},
							{cell(ref("kp-transport", "Transport")), cell(txt("load, saltation")), cell(txt("1850–1900")),
								cell(txt("The river carries its load in suspension, by saltation and by traction along the bed."))},
						},
					},
				},
				Sections: []*guide.Section{
					{
						ID: "waterfalls", Title: "Waterfalls", Level: 2, HeadingLevel: 3,
						Blocks: []guide.Block{
							para(txt("Hard rock over soft rock makes a waterfall; see "), &guide.Link{URL: "#kp-deposition", Children: []guide.Inline{txt("deposition")}}, txt(".")),
							para(&guide.Image{Src: "falls.png", Alt: "A diagram of a waterfall", Title: "How a waterfall retreats"}),
							&guide.CodeBlock{Lang: "text", Text: "height = 40 m\n  retreat < 1 m/yr\n"},
						},
						Sections: []*guide.Section{
							{ID: "plunge-pools", Title: "Plunge Pools", Level: 3, HeadingLevel: 4, Blocks: []guide.Block{
								para(txt("A pool forms at the foot "), &guide.Image{Src: "missing.png", Alt: "a missing picture"}, txt(" of the fall.")),
								&guide.Rule{},
								para(txt("Deep levels nest further.")),
							}, Sections: []*guide.Section{
								{ID: "level-four", Title: "Level Four", Level: 4, HeadingLevel: 5, Sections: []*guide.Section{
									{ID: "level-five", Title: "Level Five", Level: 5, HeadingLevel: 6, Sections: []*guide.Section{
										{ID: "level-six", Title: "Level Six", Level: 6, HeadingLevel: 6, Sections: []*guide.Section{
											{ID: "level-seven", Title: "Level Seven", Level: 7, HeadingLevel: 6, Blocks: []guide.Block{para(txt("Seventh level text."))}},
										}},
									}},
								}},
							}},
						},
					},
				},
			},
			{
				ID: "delta-types", Title: "Deltas and Their Kinds", Level: 1, HeadingLevel: 2,
				Blocks: []guide.Block{
					para(txt("Deltas form where a river meets still water"), &guide.FootnoteRef{Index: 1}, txt(". Read the "),
						&guide.Link{URL: "https://en.wikipedia.org/wiki/River_delta?a=1&b=2", Title: "Wikipedia", Children: []guide.Inline{txt("article")}},
						txt(", "), &guide.Link{URL: "notes/other.md", Children: []guide.Inline{txt("an unreachable note")}},
						txt(" or "), &guide.Link{URL: "#no-such-id", Children: []guide.Inline{txt("a dead anchor")}}, txt(".")),
					&guide.List{Ordered: true, Start: 1, Items: []*guide.ListItem{
						keyItem("kp-deposition", "Deposition", para(txt("Silt settles when the current slows."))),
					}},
					&guide.Table{
						ID: "tbl-deltas", Caption: "Kinds of delta",
						Align:  []guide.Align{guide.AlignLeft, guide.AlignCenter, guide.AlignRight, guide.AlignNone},
						Header: []guide.Cell{cell(txt("Kind")), cell(strong(txt("Shape"))), cell(txt("Example")), cell(txt("Since"))},
						Rows: [][]guide.Cell{
							{cell(txt("Arcuate")), cell(txt("Fan")), cell(txt("Nile")), cell(txt("antiquity"))},
							{cell(txt("Bird’s foot")), cell(txt("Fingers")), cell(&guide.Link{URL: "#sources", Children: []guide.Inline{txt("Mississippi")}}), cell(txt("1900s"))},
							{cell(txt("Cuspate")), cell(txt("Tooth")), cell(txt("Tiber")), cell()},
						},
					},
					&guide.DefinitionList{Items: []*guide.Definition{
						{Term: []guide.Inline{txt("Distributary")}, Definitions: [][]guide.Block{{para(txt("A channel that leaves the main river."))}}},
						{Term: []guide.Inline{emph(txt("Levee"))}, Definitions: [][]guide.Block{
							{para(txt("A natural bank of silt."))},
							{para(txt("A built embankment.")), para(txt("Second paragraph of it."))},
						}},
					}},
					para(txt("Greek Δέλτα, Cyrillic Дельта, and symbols ≤ ≥ → ✓.")),
					para(txt("A "), term("term-distributary", "distributary"), txt(" splits the flow; a "), term("term-levee", "levee"),
						txt(" holds it; the table "), ref("tbl-deltas", "Kinds of delta"), txt(" lists the shapes, and "),
						ref("no-such-target", "a lost reference"), txt(" goes nowhere.")),
					&guide.Table{
						Pos: guide.NoPos, Kind: guide.TermTable, Caption: "Terms in this section",
						Header: cells("Term", "Meaning"),
						Roles:  []guide.ColumnRole{guide.RoleTerm, guide.RoleMeaning},
						Rows: [][]guide.Cell{
							{cell(ref("term-distributary", "distributary")), cell(txt("A channel that leaves the main river."))},
							{cell(ref("term-levee", "levee")), cell(txt("A natural bank of silt along the channel."))},
						},
					},
					para(&guide.Link{URL: "#kp-deposition", Children: []guide.Inline{txt("Settling again"), &guide.FootnoteRef{Index: 1}}}, txt(" closes the section.")),
				},
			},
			palaceSection(),
			walkSection(),
			glossarySection(),
		},
		Footnotes: []*guide.Footnote{
			{ID: "fn-spring", Label: "1", Blocks: []guide.Block{para(txt("Springs feed most upland streams."))}},
			{ID: "fn-still", Label: "still", Blocks: []guide.Block{
				para(txt("A lake or a sea; see also the note on springs"), &guide.FootnoteRef{Index: 0}, txt(".")),
				para(txt("A second paragraph of the note.")),
			}},
			{ID: "fn-intro", Label: "intro", Blocks: []guide.Block{para(txt("Sediment is sand, silt and clay."))}},
			{ID: "fn-orphan", Label: "orphan", Blocks: []guide.Block{para(txt("Nothing refers to this note."))}},
		},
		Images: map[guide.ImageKey]*guide.ImageFile{
			{Src: "falls.png"}:  {Name: "img-1.png", MediaType: "image/png", Data: img, Width: 40, Height: 24},
			{Src: "unused.png"}: {Name: "img-2.png", MediaType: "image/png", Data: img, Width: 40, Height: 24},
		},
	}
}
