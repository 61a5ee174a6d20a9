// Package allkinds holds a small guide that has at least one node of every
// kind of the model (see guide.Node). Tests of the writers build it to show
// that they handle every kind, and a test of the guide package fails when
// a kind of node is missing from it.
package allkinds

import (
	"time"

	"studyguide/builder/figure"
	"studyguide/builder/guide"
	"studyguide/builder/texmath"
)

// formula returns a formula of tex, read by texmath.Parse.
func formula(tex string, display bool) *guide.Formula {
	tree, _ := texmath.Parse(tex)
	return &guide.Formula{Pos: guide.NoPos, TeX: tex, Display: display, Tree: tree}
}

// Guide returns a new guide with one node of every kind. Each node that
// holds text holds words of its own, named after its kind ("paragraph
// text", "strong text"), so a test can find what each kind became in an
// output. It is a new value on each call: a caller may change it.
func Guide() *guide.Guide {
	text := func(s string) *guide.Text { return &guide.Text{Pos: guide.NoPos, Text: s} }
	para := func(ins ...guide.Inline) *guide.Paragraph { return &guide.Paragraph{Pos: guide.NoPos, Inlines: ins} }
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	return &guide.Guide{
		Meta: guide.Meta{
			Title:      "Every kind",
			Lang:       "en",
			Date:       at,
			Modified:   at,
			Identifier: "urn:uuid:00000000-0000-4000-8000-000000000001",
		},
		Intro: []guide.Block{para(text("intro text"))},
		Sections: []*guide.Section{{
			ID:           "blocks",
			Title:        "Blocks",
			Level:        1,
			HeadingLevel: 2,
			Pos:          guide.NoPos,
			Blocks: []guide.Block{
				para(
					text("paragraph text "),
					&guide.Strong{Pos: guide.NoPos, ID: "strong-term", Children: []guide.Inline{text("strong text")}},
					&guide.Break{Pos: guide.NoPos},
					&guide.Emph{Pos: guide.NoPos, Children: []guide.Inline{text("emph text")}},
					&guide.Break{Pos: guide.NoPos, Hard: true},
					&guide.Strike{Pos: guide.NoPos, Children: []guide.Inline{text("strike text")}},
					text(" "),
					&guide.Code{Pos: guide.NoPos, Text: "code text"},
					text(" "),
					&guide.Link{Pos: guide.NoPos, URL: "https://example.org/", Title: "link title", Children: []guide.Inline{text("link text")}},
					text(" "),
					&guide.Ref{Pos: guide.NoPos, Target: "kinds-table", Children: []guide.Inline{text("ref text")}},
					text(" "),
					&guide.Image{Pos: guide.NoPos, Src: "missing.png", Alt: "image alt"},
					&guide.FootnoteRef{Pos: guide.NoPos, Index: 0},
					text(" blank text "),
					&guide.Blank{Pos: guide.NoPos, Width: 8},
					text(" "),
					&guide.Span{Pos: guide.NoPos, Lang: "fr", Children: []guide.Inline{text("span text")}},
					text(" formula text "),
					formula(`x = \frac{1}{2}`, false),
				),
				&guide.List{Pos: guide.NoPos, Ordered: true, Start: 1, Tight: true, Items: []*guide.ListItem{
					{Pos: guide.NoPos, Key: &guide.KeyPoint{Title: "Key point", ID: "key-point"}, Blocks: []guide.Block{
						para(&guide.Strong{Pos: guide.NoPos, Children: []guide.Inline{text("Key point")}}, text(": list item text")),
					}},
					{Pos: guide.NoPos, Blocks: []guide.Block{para(text("plain item text"))}},
				}},
				&guide.Quote{Pos: guide.NoPos, Blocks: []guide.Block{para(text("quote text"))}},
				&guide.Div{Pos: guide.NoPos, Lang: "de", Blocks: []guide.Block{para(text("div text"))}},
				&guide.CodeBlock{Pos: guide.NoPos, Lang: "go", Text: "code block text"},
				&guide.Rule{Pos: guide.NoPos},
				&guide.Table{
					Pos:     guide.NoPos,
					Caption: "table caption",
					ID:      "kinds-table",
					Align:   []guide.Align{guide.AlignLeft, guide.AlignRight},
					Header:  []guide.Cell{{Inlines: []guide.Inline{text("header cell")}}, {Inlines: []guide.Inline{text("second header")}}},
					Rows: [][]guide.Cell{
						{{Inlines: []guide.Inline{text("row cell")}}, {Inlines: []guide.Inline{text("second cell")}}},
					},
				},
				&guide.Figure{
					Pos: guide.NoPos,
					ID:  "kinds-figure",
					Scene: &figure.Scene{Width: 120, Height: 60, Title: "figure title", Desc: "figure desc", Items: []figure.Item{
						&figure.Rect{Style: figure.Style{Fill: figure.RGB(200, 220, 240)}, X: 10, Y: 10, W: 100, H: 40},
						&figure.Text{X: 20, Y: 35, Lines: []string{"figure text"}, Size: 12, LineHeight: 14, Family: "sans"},
					}},
					Alt: "figure alt",
				},
				&guide.DefinitionList{Pos: guide.NoPos, Items: []*guide.Definition{{
					Term:        []guide.Inline{text("definition term")},
					Definitions: [][]guide.Block{{para(text("definition text"))}},
				}}},
				para(formula(`E = mc^2`, true)),
			},
		}},
		Footnotes: []*guide.Footnote{{
			ID:     "fn-1",
			Label:  "1",
			Pos:    guide.NoPos,
			Blocks: []guide.Block{para(text("footnote text"))},
		}},
	}
}
