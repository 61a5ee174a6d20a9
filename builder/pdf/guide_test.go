package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"time"

	"studyguide/builder/guide"
)

// Builders that keep hand-made guides short.

func txt(s string) *guide.Text                 { return &guide.Text{Text: s} }
func strong(in ...guide.Inline) *guide.Strong  { return &guide.Strong{Children: in} }
func emph(in ...guide.Inline) *guide.Emph      { return &guide.Emph{Children: in} }
func para(in ...guide.Inline) *guide.Paragraph { return &guide.Paragraph{Inlines: in} }
func link(url string, in ...guide.Inline) *guide.Link {
	return &guide.Link{URL: url, Children: in}
}
func item(bs ...guide.Block) *guide.ListItem { return &guide.ListItem{Blocks: bs} }
func bulletList(items ...*guide.ListItem) *guide.List {
	return &guide.List{Tight: true, Items: items}
}
func cell(in ...guide.Inline) guide.Cell { return guide.Cell{Inlines: in} }

// keyPoint is a list item shaped like the seed's key points: a bold lead
// with a colon, then sub-bullets with bold key terms.
func keyPoint(id, title string, subs ...string) *guide.ListItem {
	var items []*guide.ListItem
	for _, s := range subs {
		items = append(items, item(para(markup(s)...)))
	}
	return &guide.ListItem{
		Key: &guide.KeyPoint{Title: title, ID: id},
		Blocks: []guide.Block{
			para(strong(txt(title)), txt(":")),
			bulletList(items...),
		},
	}
}

// markup turns "plain **bold** plain" into inlines.
func markup(s string) []guide.Inline {
	var out []guide.Inline
	parts := strings.Split(s, "**")
	for i, p := range parts {
		if p == "" {
			continue
		}
		if i%2 == 1 {
			out = append(out, strong(txt(p)))
		} else {
			out = append(out, txt(p))
		}
	}
	return out
}

// testPNG makes a small PNG of w×h pixels with a colour gradient.
func testPNG(w, h int, tint uint8) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), tint, uint8(y * 255 / h), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func testJPEG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{200, uint8(x * 255 / w), uint8(y * 255 / h), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// sampleGuide returns a guide with every construct the model has.
func sampleGuide() *guide.Guide {
	g := &guide.Guide{
		Meta: guide.Meta{
			Title:       "The Water Cycle and Climate",
			Subtitle:    "A study guide for the spring term",
			Authors:     []string{"Ada Example", "Ben Sample"},
			Lang:        "en",
			Date:        time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
			Modified:    time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC),
			Description: "Key points, terms and dates of the water cycle.",
			Identifier:  "urn:test:water",
		},
		Images: map[guide.ImageKey]*guide.ImageFile{
			{Src: "img/a.png"}:    {Name: "img-1.png", MediaType: "image/png", Data: testPNG(240, 120, 40), Width: 240, Height: 120},
			{Src: "img/b.png"}:    {Name: "img-2.png", MediaType: "image/png", Data: testPNG(240, 90, 160), Width: 240, Height: 90},
			{Src: "img/c.jpg"}:    {Name: "img-3.jpg", MediaType: "image/jpeg", Data: testJPEG(320, 200), Width: 320, Height: 200},
			{Src: "img/tall.png"}: {Name: "img-4.png", MediaType: "image/png", Data: testPNG(60, 400, 90), Width: 60, Height: 400},
		},
	}
	g.Footnotes = []*guide.Footnote{
		{ID: "fn-1", Label: "1", Blocks: []guide.Block{para(txt("Evaporation also happens from soil and from the leaves of plants, where it is called "), emph(txt("transpiration")), txt("."))}},
		{ID: "fn-2", Label: "long", Blocks: []guide.Block{
			para(txt("This note is long on purpose, so that it needs several lines at the foot of the page. " + strings.Repeat("Rain that falls on land either soaks into the ground, runs off into rivers, or evaporates again. ", 4))),
			para(txt("A second paragraph of the same note closes it.")),
		}},
	}
	g.Intro = []guide.Block{
		para(txt("Water moves between the oceans, the air and the land in a cycle driven by the "), strong(txt("Sun")), txt(". This guide follows that cycle step by step and ties each step to "), emph(txt("climate")), txt(", with key terms in bold and the years that matter.")),
	}
	evap := &guide.Section{ID: "evaporation", Title: "Evaporation and Condensation", Level: 1, HeadingLevel: 2,
		Blocks: []guide.Block{
			para(txt("Heat from the Sun turns surface water into "), strong(txt("water vapour")), txt("."), &guide.FootnoteRef{Index: 0}, txt(" When the vapour rises it cools and "), strong(emph(txt("condenses"))), txt(" into droplets around tiny particles called "), &guide.Code{Text: "aerosols"}, txt(". Old textbooks said clouds were "), &guide.Strike{Children: []guide.Inline{txt("steam")}}, txt(" — they are not. See "), link("#precipitation", txt("Precipitation")), txt(" and "), link("https://example.org/water-cycle", txt("the water cycle site")), txt(".")),
			&guide.List{Ordered: true, Start: 1, Items: []*guide.ListItem{
				keyPoint("kp-heat", "Heat and Evaporation",
					"In **1827** the scientist **Joseph Fourier** described how the atmosphere keeps the Earth warm.",
					"About **86 percent** of global evaporation comes from the **oceans**, the rest from land."),
				keyPoint("kp-cloud", "Cloud Formation",
					"Rising air **cools adiabatically**, and vapour condenses at the **dew point**.",
					"**Cumulus** clouds grow in warm afternoons; **stratus** clouds form in stable air."),
				keyPoint("kp-latent", "Latent Heat",
					"Condensation releases **latent heat**, which powers **thunderstorms** and **hurricanes**."),
			}},
			para(txt("Symbols the serif lacks: T ≤ 0 °C, T ≥ 100 °C, a ≠ b, cause → effect, done ✓. Greek: ύδωρ, κύκλος. Cyrillic: вода, круговорот. Accents: café, naïve, Ørsted, Łódź. An emoji 🌧 is replaced. A very long word: Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsangestelltengewerkschaft.")),
		},
	}
	evap.Sections = []*guide.Section{
		{ID: "dew-point", Title: "The Dew Point", Level: 2, HeadingLevel: 3, Blocks: []guide.Block{
			para(txt("The dew point is the temperature at which air becomes saturated."), &guide.FootnoteRef{Index: 1}),
			&guide.Quote{Blocks: []guide.Block{
				para(txt("“Clouds are the visible part of the water cycle; everything else happens out of sight.”")),
				&guide.Quote{Blocks: []guide.Block{para(txt("A quote inside a quote, to show nesting."))}},
				para(txt("— a teacher's saying")),
			}},
		}, Sections: []*guide.Section{
			{ID: "measuring", Title: "Measuring Humidity", Level: 3, HeadingLevel: 4, Blocks: []guide.Block{
				para(txt("A psychrometer compares a wet and a dry thermometer:")),
				&guide.CodeBlock{Lang: "python", Text: "def dew_point(t, rh):\n\t# Magnus formula, good to about 0.4 °C\n\ta, b = 17.27, 237.7\n\tgamma = (a * t) / (b + t) + math.log(rh / 100.0)\n\treturn (b * gamma) / (a - gamma)  # a deliberately long comment that will have to wrap around the band\n"},
			}},
		}},
	}
	var rows [][]guide.Cell
	for i := 1; i <= 40; i++ {
		rows = append(rows, []guide.Cell{
			cell(txt(fmt.Sprintf("Station %d", i))),
			cell(txt(fmt.Sprintf("%d", 1950+i))),
			cell(txt("Rainfall was "), strong(txt("above average")), txt(fmt.Sprintf(" in %d of the recorded months, mostly in the autumn.", i%12+1))),
			cell(txt(fmt.Sprintf("%d mm", 500+i*13))),
		})
	}
	precip := &guide.Section{ID: "precipitation", Title: "Precipitation", Level: 1, HeadingLevel: 2,
		Blocks: []guide.Block{
			para(txt("Droplets merge until they are heavy enough to fall as rain, snow or hail. The figure shows a gradient:")),
			para(&guide.Image{Src: "img/a.png", Alt: "A gradient standing for a rain band"}),
			para(txt("Two more pictures of the same pixel width, and a photograph:"), &guide.Image{Src: "img/b.png", Alt: "A second band"}, &guide.Image{Src: "img/c.jpg", Alt: "A photograph of clouds"}),
			para(&guide.Image{Src: "img/missing.png", Alt: "A map of rainfall that could not be loaded"}),
			para(&guide.Image{Src: "img/tall.png", Alt: "A tall narrow gauge"}),
			&guide.List{Items: []*guide.ListItem{
				item(para(txt("Rain")), &guide.List{Tight: true, Items: []*guide.ListItem{
					item(para(txt("Drizzle: droplets under half a millimetre."))),
					item(para(txt("Showers: short and heavy.")), &guide.List{Tight: true, Items: []*guide.ListItem{item(para(txt("Third level of bullets.")))}}),
				}}),
				item(para(txt("Snow, when the air is below freezing all the way down."))),
				item(para(txt("Hail, grown in the updraughts of "), strong(txt("cumulonimbus")), txt(" clouds."))),
			}},
			&guide.List{Ordered: true, Start: 7, Tight: true, Items: []*guide.ListItem{
				item(para(txt("An ordered list that starts at seven."))),
				item(para(txt("Eight."))),
				item(para(txt("Nine."))),
				item(para(txt("Ten, so the numbers need two digits."))),
			}},
			&guide.Rule{},
			&guide.DefinitionList{Items: []*guide.Definition{
				{Term: []guide.Inline{txt("Runoff")}, Definitions: [][]guide.Block{{para(txt("Water that flows over the ground into streams."))}}},
				{Term: []guide.Inline{txt("Infiltration")}, Definitions: [][]guide.Block{{para(txt("Water that soaks into the soil.")), para(txt("It refills the groundwater."))}}},
			}},
			&guide.Table{Caption: "Rainfall by station", ID: "table-rain",
				Align:  []guide.Align{guide.AlignLeft, guide.AlignCenter, guide.AlignNone, guide.AlignRight},
				Header: []guide.Cell{cell(txt("Station")), cell(txt("Year")), cell(txt("Remark")), cell(txt("Total"))},
				Rows:   rows},
			para(txt("Back to the "), link("#kp-cloud", txt("cloud formation key point")), txt(" or the "), link("#fn-1", txt("first footnote")), txt(".")),
		},
	}
	g.Sections = []*guide.Section{evap, precip}
	return g
}
