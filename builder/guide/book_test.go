package guide

import "testing"

// TestJoin joins two guides with the same ids: the second chapter's ids
// and links are renamed, its footnote references follow its footnotes,
// and sections move one level down under their chapter. A guide that is
// one section of its own title becomes that chapter itself.
func TestJoin(t *testing.T) {
	note := func(title string) *Guide {
		link := &Link{URL: "#details", Children: []Inline{&Text{Text: "see"}}}
		return &Guide{
			Meta:      Meta{Title: title},
			Intro:     []Block{&Paragraph{Inlines: []Inline{link, &FootnoteRef{Index: 0}}}},
			Sections:  []*Section{{ID: "details", Title: "Details", Level: 1, HeadingLevel: 2, Sections: []*Section{{ID: "more", Title: "More", Level: 2, HeadingLevel: 3}}}},
			Footnotes: []*Footnote{{ID: "fn-1", Label: "1"}},
		}
	}
	lone := &Guide{Meta: Meta{Title: "Lone"}, Sections: []*Section{{ID: "lone", Title: "Lone", Level: 1, HeadingLevel: 1, Sections: []*Section{{ID: "part", Title: "Part", Level: 2, HeadingLevel: 2}}}}}
	book := Join(Meta{Title: "Book"}, []*Guide{note("One"), note("Two"), lone})
	if len(book.Sections) != 3 {
		t.Fatalf("%d chapters, want 3", len(book.Sections))
	}
	one, two, three := book.Sections[0], book.Sections[1], book.Sections[2]
	if !one.Chapter || one.Title != "One" || one.Level != 1 || two.Title != "Two" {
		t.Errorf("chapters %+v, %+v", one, two)
	}
	if d := two.Sections[0]; d.ID != "details-2" || d.Level != 2 || d.HeadingLevel != 2 || d.Sections[0].ID != "more-2" || d.Sections[0].Level != 3 {
		t.Errorf("the second chapter's section is %+v", d)
	}
	if one.Sections[0].ID != "details" {
		t.Errorf("the first chapter's section is %q, want details", one.Sections[0].ID)
	}
	p := two.Blocks[0].(*Paragraph)
	if l := p.Inlines[0].(*Link); l.URL != "#details-2" {
		t.Errorf("the second chapter's link goes to %s", l.URL)
	}
	if r := p.Inlines[1].(*FootnoteRef); r.Index != 1 || book.Footnotes[1].ID != "fn-2-1" || book.Footnotes[0].ID != "fn-1" {
		t.Errorf("the second chapter's footnote is %d, ids %s %s", r.Index, book.Footnotes[0].ID, book.Footnotes[1].ID)
	}
	if three.ID != "lone" || len(three.Sections) != 1 || three.Sections[0].Level != 2 || three.Sections[0].HeadingLevel != 2 {
		t.Errorf("the lone chapter is %+v with %+v", three, three.Sections)
	}
}
