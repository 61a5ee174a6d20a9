package enrich

import (
	"testing"

	"studyguide/builder/guide"
)

// TestGlanceSharesSummaryLinks checks that the at-a-glance table links to
// a key point with the very link of its section's summary table, and
// makes its own link to a key point that no summary table shows.
func TestGlanceSharesSummaryLinks(t *testing.T) {
	g, _ := readNote(t, "glance.md", []byte(`# Notes

## Two points

1. **First point**: In 1990 the first thing happened here.
2. **Second point**: In 1991 the second thing happened there.

## One point

1. **Lone point**: In 1992 the third thing happened again.
`))
	Extract(g)
	Summaries(g)
	Glance(g)
	summary := summaryLinks(g)
	if len(summary) != 2 {
		t.Fatalf("summary tables link to %d key points, want 2", len(summary))
	}
	var glance []*guide.Link
	for _, row := range g.Sections[0].Blocks[0].(*guide.Table).Rows {
		for _, in := range row[1].Inlines {
			if l, ok := in.(*guide.Link); ok {
				glance = append(glance, l)
			}
		}
	}
	if len(glance) != 3 {
		t.Fatalf("the at-a-glance table links to %d key points, want 3", len(glance))
	}
	for _, l := range glance {
		id := l.URL[1:]
		if shared := summary[id]; shared != nil && shared != l {
			t.Errorf("the at-a-glance link to %s is not the summary table's", id)
		}
		if summary[id] == nil && id != g.Study.KeyPoints[2].ID {
			t.Errorf("the at-a-glance table links to %s, which no summary table shows", id)
		}
	}
}
