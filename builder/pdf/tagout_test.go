package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/allkinds"
	"studyguide/builder/internal/checkers"
	"studyguide/builder/internal/golden"
	"studyguide/builder/internal/pdfobj"
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
// tenth section, its body's boxes kept from its layout to its drawing and
// drawn as it is laid out: either way the elements of the structure tree
// are written as the pages are drawn, no more than a few of its thousands
// waiting when a page begins, and the trees are the same.
func TestTreeIsWrittenAsDrawn(t *testing.T) {
	if testing.Short() {
		t.Skip("long guide")
	}
	g := longGuide(150)
	for i, s := range g.Sections {
		if i%10 != 0 {
			continue
		}
		n := len(g.Footnotes)
		g.Footnotes = append(g.Footnotes, &guide.Footnote{ID: fmt.Sprintf("fn-%d", n+1), Label: fmt.Sprint(n + 1), Pos: guide.NoPos,
			Blocks: []guide.Block{para(txt(fmt.Sprintf("A note on topic %d that says where its figures come from.", i+1)))}})
		s.Blocks = append(s.Blocks, para(txt("A claim that needs a source."), &guide.FootnoteRef{Pos: guide.NoPos, Index: n}))
	}
	var trees []string
	for _, keep := range []bool{true, false} {
		var b bytes.Buffer
		wr, err := write(&b, g, Options{}, func(w *writer) { w.keepBoxes = keep })
		if err != nil {
			t.Fatal(err)
		}
		tags := wr.tags
		if tags.joined < 5000 {
			t.Errorf("boxes kept %t: the tree has %d elements, want thousands", keep, tags.joined)
		}
		if tags.most > 60 {
			t.Errorf("boxes kept %t: %d elements waited to be written when a page began, want a few dozen", keep, tags.most)
		}
		if testing.Verbose() {
			t.Logf("boxes kept %t: %d elements, at most %d waiting", keep, tags.joined, tags.most)
		}
		if len(tags.pending) > 0 || len(tags.unwritten) > 0 {
			t.Errorf("boxes kept %t: %d elements and %d links left unwritten", keep, len(tags.pending), len(tags.unwritten))
		}
		path := filepath.Join(t.TempDir(), "long.pdf")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		trees = append(trees, checkers.StructTree(t, path))
	}
	if trees[0] != trees[1] {
		t.Errorf("the trees of the guide drawn from its boxes kept and as it is laid out differ:\n%s", golden.Diff(trees[0], trees[1]))
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

// TestKidListsGoBack checks that the list of kids of an element written
// goes to the next element that gets a kid, emptied.
func TestKidListsGoBack(t *testing.T) {
	tg := &tagger{kids: make([][]structKid, 1)}
	a, b := newElem("P", nil), newElem("P", nil)
	if kids := tg.kidsOf(a); len(kids) != 0 {
		t.Fatalf("an element with no kid has %v", kids)
	}
	tg.addKid(a, structKid{page: 1, n: 0})
	tg.addKid(a, structKid{n: 7})
	if got := tg.kidsOf(a); !slices.Equal(got, []structKid{{page: 1, n: 0}, {n: 7}}) {
		t.Fatalf("kids %v", got)
	}
	held := a.kids
	tg.dropKids(a)
	if a.kids != 0 {
		t.Error("an element written still has kids")
	}
	tg.addKid(b, structKid{page: 2, n: 3})
	if b.kids != held || len(tg.kids) != 2 {
		t.Errorf("the next element's kids are at %d of %d lists, not in the list given back (%d)", b.kids, len(tg.kids), held)
	}
	if got := tg.kidsOf(b); !slices.Equal(got, []structKid{{page: 2, n: 3}}) {
		t.Errorf("kids %v", got)
	}
}

// TestAnnotTextsInChunks checks that what link annotations say is found
// again whether it ends a chunk of the tagger's texts, starts the next or
// is longer than a chunk.
func TestAnnotTextsInChunks(t *testing.T) {
	tg := &tagger{}
	long := strings.Repeat("x", annotTextChunk+1)
	says := []string{long, "first", strings.Repeat("a", annotTextChunk-len("first")), "", "next chunk", long, "last"}
	for i, s := range says {
		end, fits := tg.addText(s)
		tg.annots.add(annotTag{end: end})
		if !fits {
			tg.setContents(i, s)
		}
	}
	if len(tg.texts) != 2 {
		t.Errorf("the texts fill %d chunks, want 2", len(tg.texts))
	}
	tg.settleLate()
	said := contentsReader{t: tg}
	for i, want := range says {
		if got, want := string(said.appendContents(nil, i)), string(pdfobj.AppendText(nil, want)); got != want {
			t.Errorf("annotation %d says %.20q (%d bytes), want %.20q (%d bytes)", i, got, len(got), want, len(want))
		}
	}
}
