package pdf

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"studyguide/builder/guide"
)

// longGuide returns a guide of n top-level sections shaped like typical
// study notes: a lead paragraph, then five key points with bold leads and
// two sub-bullets each full of bold terms and years.
func longGuide(n int) *guide.Guide {
	g := &guide.Guide{Meta: guide.Meta{Title: "A Long Course Reader", Lang: "en", Identifier: "urn:test:long"}}
	g.Intro = []guide.Block{para(txt("A reader generated to measure the writer on a long guide."))}
	for i := 1; i <= n; i++ {
		s := &guide.Section{ID: fmt.Sprintf("topic-%d", i), Title: fmt.Sprintf("Topic %d: Causes and Consequences", i), Level: 1, HeadingLevel: 4}
		s.Blocks = append(s.Blocks, para(markup(fmt.Sprintf("An overview of topic %d, which ties the **central idea %d** to what came before and after the year %d.", i, i, 1900+i%120))...))
		list := &guide.List{Ordered: true, Start: 1}
		for k := 1; k <= 5; k++ {
			list.Items = append(list.Items, keyPoint(fmt.Sprintf("topic-%d-point-%d", i, k), fmt.Sprintf("Point %d.%d: A Named Development", i, k),
				fmt.Sprintf("In %d the **first actor %d** and the **second actor %d** agreed on a plan that changed how the region was governed for a decade.", 1950+k+i%50, k, k),
				fmt.Sprintf("Critics argued that the **treaty of %d** left the hardest questions open, and later reviews in the **%d0s** agreed.", i, 196+k%4)))
		}
		s.Blocks = append(s.Blocks, list)
		g.Sections = append(g.Sections, s)
	}
	return g
}

// BenchmarkWrite writes a guide of 1,000 sections shaped like the seed.
func BenchmarkWrite(b *testing.B) {
	g := longGuide(1000)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, g, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLongGuideIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("long guide")
	}
	var a, c bytes.Buffer
	if err := Write(&a, longGuide(200), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&c, longGuide(200), Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("two builds of the long guide differ")
	}
}
