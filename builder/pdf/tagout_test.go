package pdf

import (
	"fmt"
	"io"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/allkinds"
	"studyguide/builder/internal/checkers"
	"studyguide/builder/internal/golden"
)

// TestStructureTree writes the guide with a node of every kind and holds
// its structure tree, read back in a form that does not depend on how
// the objects are numbered or ordered, to a golden file: every element
// with its attributes and kids, the MCIDs of each page and the link
// annotations with the elements the parent tree gives them.
func TestStructureTree(t *testing.T) {
	path := writeFile(t, allkinds.Guide(), Options{})
	golden.Check(t, "testdata/structtree/allkinds.txt", []byte(checkers.StructTree(t, path)))
}

// TestTreeIsWrittenAsDrawn writes a long guide with a footnote in every
// tenth section, its body kept whole and laid out again page by page: the
// elements of the structure tree are written as the pages are drawn, and
// no more than a few of its thousands wait at the end of any page.
func TestTreeIsWrittenAsDrawn(t *testing.T) {
	if testing.Short() {
		t.Skip("long guide")
	}
	g := longGuide(300)
	for i, s := range g.Sections {
		if i%10 != 0 {
			continue
		}
		n := len(g.Footnotes)
		g.Footnotes = append(g.Footnotes, &guide.Footnote{ID: fmt.Sprintf("fn-%d", n+1), Label: fmt.Sprint(n + 1), Pos: guide.NoPos,
			Blocks: []guide.Block{para(txt(fmt.Sprintf("A note on topic %d that says where its figures come from.", i+1)))}})
		s.Blocks = append(s.Blocks, para(txt("A claim that needs a source."), &guide.FootnoteRef{Pos: guide.NoPos, Index: n}))
	}
	for _, keep := range []bool{true, false} {
		wr, err := write(io.Discard, g, Options{}, func(w *writer) { w.keepBoxes = keep })
		if err != nil {
			t.Fatal(err)
		}
		tags := wr.tags
		if tags.joined < 10000 {
			t.Errorf("boxes kept %t: the tree has %d elements, want thousands", keep, tags.joined)
		}
		if tags.most > 60 {
			t.Errorf("boxes kept %t: %d elements waited to be written after a page, want a few dozen", keep, tags.most)
		}
		if testing.Verbose() {
			t.Logf("boxes kept %t: %d elements, at most %d waiting", keep, tags.joined, tags.most)
		}
		if len(tags.pending) > 0 || len(tags.unwritten) > 0 {
			t.Errorf("boxes kept %t: %d elements and %d links left unwritten", keep, len(tags.pending), len(tags.unwritten))
		}
	}
}

// TestKinds checks the kinds the tagger looks for against the types they
// stand for.
func TestKinds(t *testing.T) {
	for kind, typ := range map[uint8]string{kindNote: "Note", kindDocument: "Document"} {
		if kind == 0 || structTypes[kind] != typ {
			t.Errorf("kind %d is %q, want %q", kind, structTypes[kind], typ)
		}
	}
	if e := newElem("Artifactless", nil); e.kind != 0 || e.typ() != "Artifactless" {
		t.Errorf("an element of a type not listed is %q", e.typ())
	}
}
