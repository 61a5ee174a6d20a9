package driver

import (
	"testing"

	"studyguide/builder/guide"
)

// TestReleaseLetsGoOnceEveryOutputIsDone checks that a section's blocks,
// and its subsections', go only when the last output is done with it,
// whether an output names it or is done with everything at once, and that
// naming a section twice counts once.
func TestReleaseLetsGoOnceEveryOutputIsDone(t *testing.T) {
	para := func(s string) []guide.Block {
		return []guide.Block{&guide.Paragraph{Inlines: []guide.Inline{&guide.Text{Text: s}}}}
	}
	sub := &guide.Section{ID: "a-1", Title: "A.1", Blocks: para("a.1")}
	a := &guide.Section{ID: "a", Title: "A", Blocks: para("a"), Sections: []*guide.Section{sub}}
	b := &guide.Section{ID: "b", Title: "B", Blocks: para("b")}
	g := &guide.Guide{Sections: []*guide.Section{a, b}}

	r := newRelease(g, 2)
	pdfDone, pdfFinished := r.forOutput()
	_, epubFinished := r.forOutput()

	pdfDone(a)
	pdfDone(a)
	if a.Blocks == nil || sub.Blocks == nil {
		t.Fatal("section A let go of while the EPUB is still being written")
	}
	epubFinished()
	if a.Blocks != nil || sub.Blocks != nil {
		t.Error("section A and its subsection kept after both outputs were done with it")
	}
	if b.Blocks == nil {
		t.Fatal("section B let go of while the PDF still reads it")
	}
	if a.Title != "A" || len(a.Sections) != 1 || sub.ID != "a-1" {
		t.Error("a section's title, id or subsections were let go of with its blocks")
	}
	pdfFinished()
	if b.Blocks != nil {
		t.Error("section B kept after both outputs were done")
	}
	pdfDone(&guide.Section{ID: "other"}) // not the guide's: ignored
}
