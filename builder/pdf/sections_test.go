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
			if b.newPage && b.ext().mark != nil {
				opened = append(opened, b.ext().mark.title)
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

func TestListItemKeepsItsLeadAndItsSeeLine(t *testing.T) {
	item := item(
		para(txt("Lead: the room's cue.")),
		para(txt("A first line of text after the lead.")),
		para(txt("See Somewhere p. 4.")),
	)
	g := &guide.Guide{Meta: guide.Meta{Title: "Items", Lang: "en"}, Intro: []guide.Block{&guide.List{Ordered: true, Start: 1, Items: []*guide.ListItem{item}}}}
	w := testWriter(t, g, nil)
	boxes, _ := w.bodyBoxes()
	if len(boxes) != 3 {
		t.Fatalf("%d boxes, want a line for each paragraph", len(boxes))
	}
	if !boxes[0].keepNext || !boxes[1].keepNext {
		t.Errorf("the lead keeps with the next line: %t; the line before the See line keeps with it: %t", boxes[0].keepNext, boxes[1].keepNext)
	}
}

func TestHeadingKeepsTwoLinesOfText(t *testing.T) {
	s := &guide.Section{Title: "A heading", Level: 2, Blocks: []guide.Block{
		para(txt("One line.")),
		para(txt("Another paragraph of one line.")),
		para(txt("A third.")),
	}}
	g := &guide.Guide{Meta: guide.Meta{Title: "Headings", Lang: "en"}, Sections: []*guide.Section{s}}
	w := testWriter(t, g, nil)
	boxes, _ := w.bodyBoxes()
	if len(boxes) != 4 {
		t.Fatalf("%d boxes, want the heading and three lines", len(boxes))
	}
	if !boxes[0].keepNext || boxes[0].glue != glueHeading || !boxes[1].keepNext || boxes[2].keepNext {
		t.Errorf("keeps: heading %t (glue %d), first line %t, second line %t; want the heading and the first line kept with what follows, no more",
			boxes[0].keepNext, boxes[0].glue, boxes[1].keepNext, boxes[2].keepNext)
	}
}
