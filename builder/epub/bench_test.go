package epub

import (
	"fmt"
	"io"
	"testing"

	"studyguide/builder/guide"
)

// bigGuide returns a guide of n top-level sections shaped like study
// notes: key points with bold leads and sub-bullets.
func bigGuide(n int) *guide.Guide {
	g := sampleGuide()
	g.Sections = nil
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("s%d", i)
		var items []*guide.ListItem
		for k := 0; k < 4; k++ {
			items = append(items, keyItem(fmt.Sprintf("%s-kp%d", id, k), fmt.Sprintf("Point %d of section %d", k, i),
				&guide.List{Tight: true, Items: []*guide.ListItem{
					item(para(txt("In the 1990s the "), strong(txt("Balkans")), txt(" saw a long peacekeeping mission after the war."))),
					item(para(txt("Later operations in 2011 enforced a "), strong(txt("no-fly zone")), txt(" under a UN mandate."))),
				}}))
		}
		g.Sections = append(g.Sections, &guide.Section{
			ID: id, Title: fmt.Sprintf("Section %d", i), Level: 1, HeadingLevel: 2,
			Blocks: []guide.Block{
				para(txt("An introduction to the section with "), strong(txt("key terms")), txt(" and a year, 1999.")),
				&guide.List{Ordered: true, Start: 1, Items: items},
			},
		})
	}
	return g
}

func BenchmarkWrite1000Sections(b *testing.B) {
	g := bigGuide(1000)
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, g, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
