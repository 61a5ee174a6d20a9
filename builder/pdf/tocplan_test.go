package pdf

import (
	"fmt"
	"testing"

	"studyguide/builder/guide"
)

// tree returns n top-level sections with subs subsections each, and
// subsubs under each subsection.
func tree(n, subs, subsubs int) []*guide.Section {
	var out []*guide.Section
	for i := range n {
		s := &guide.Section{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Part %d", i), Level: 1}
		for j := range subs {
			c := &guide.Section{ID: fmt.Sprintf("s%d-%d", i, j), Title: "Sub", Level: 2}
			for k := range subsubs {
				c.Sections = append(c.Sections, &guide.Section{ID: fmt.Sprintf("s%d-%d-%d", i, j, k), Title: "Subsub", Level: 3})
			}
			s.Sections = append(s.Sections, c)
		}
		out = append(out, s)
	}
	return out
}

func TestContentsFitTheirLimit(t *testing.T) {
	for _, c := range []struct {
		n, subs, subsubs int
		want             tocPlan
	}{
		{10, 5, 5, tocPlan{depth: 3, every: 1}},       // 310 entries: all three levels
		{40, 10, 5, tocPlan{depth: 2, every: 1}},      // 440 of levels 1 and 2, 2,440 with level 3
		{40, 30, 0, tocPlan{depth: 1, every: 1}},      // 1,240 with level 2
		{1000, 1, 0, tocPlan{depth: 1, every: 1}},     // exactly the limit at the top
		{2500, 0, 0, tocPlan{depth: 1, every: 3}},     // 834 of the 2,500
		{200000, 0, 0, tocPlan{depth: 1, every: 200}}, // 1,000 of 200,000
	} {
		if got := planTOC(tree(c.n, c.subs, c.subsubs)); got != c.want {
			t.Errorf("%d×%d×%d sections: plan %+v, want %+v", c.n, c.subs, c.subsubs, got, c.want)
		}
	}
}

func TestContentsOfThousandsOfSectionsListEveryFew(t *testing.T) {
	g := &guide.Guide{Meta: guide.Meta{Title: "Many", Lang: "en"}, Sections: tree(2500, 0, 0)}
	w := testWriter(t, g, nil)
	_, marks := w.bodyBoxes()
	boxes := w.tocBoxes(marks)
	entries := 0
	for _, b := range boxes {
		if b.paint != nil && b.h > 0 {
			entries++
		}
	}
	// The heading, then entries for parts 0, 3, 6, … 2499: 834.
	if entries < 834 || entries > 836 {
		t.Errorf("the contents have %d boxes, want the heading and 834 entries", entries)
	}
}

func TestOutlineOfThousandsOfSectionsFollowsTheContents(t *testing.T) {
	small := &guide.Guide{Sections: tree(10, 5, 5)}
	in := outlined(small)
	small.WalkSections(func(s *guide.Section) bool {
		if !in(s) {
			t.Errorf("section %s of a small guide is not in the outline", s.ID)
		}
		return true
	})
	big := &guide.Guide{Sections: tree(2500, 1, 0)}
	glossary := &guide.Section{ID: "glossary", Title: "Glossary", Level: 1, Kind: guide.Glossary}
	big.Sections = append(big.Sections, glossary)
	in = outlined(big)
	if !in(glossary) {
		t.Error("the glossary of a guide of thousands of sections is not in the outline")
	}
	n := 0
	big.WalkSections(func(s *guide.Section) bool {
		if in(s) {
			n++
			if s.Level != 1 {
				t.Errorf("subsection %s is in the outline", s.ID)
			}
		}
		return true
	})
	if n != 835 {
		t.Errorf("%d of 2,500 parts and the glossary are in the outline, want the 834 parts the contents list and the glossary", n)
	}
}
