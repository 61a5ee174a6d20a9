package pdf

import (
	"testing"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

func TestLayoutBreaksBeforeSectionsButNotTheFirst(t *testing.T) {
	for _, breaks := range []bool{false, true} {
		g := &guide.Guide{Meta: guide.Meta{Title: "Parts", Lang: "en"}, Intro: []guide.Block{para(txt("An introduction."))}, Sections: tree(3, 1, 0)}
		lay, err := layouts.Load("a4")
		if err != nil {
			t.Fatal(err)
		}
		lay.BreakBeforeSections = breaks
		w, err := newWriter(g, lay, nil)
		if err != nil {
			t.Fatal(err)
		}
		boxes, marks := w.bodyBoxes()
		var opened []string
		for _, b := range boxes {
			if b.newPage && b.mark != nil {
				opened = append(opened, b.mark.title)
			}
		}
		want := 0
		if breaks {
			want = 2 // Part 1 and Part 2; the introduction flows into Part 0
		}
		if len(opened) != want || len(marks) != 6 {
			t.Errorf("break_before_sections %t: new pages open at %q, want %d", breaks, opened, want)
		}
	}
}
