package pdf

import (
	"bytes"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/guide"
	"studyguide/builder/internal/checkers"
	"studyguide/builder/internal/testnotes"
	"studyguide/layouts"
)

// TestLongGuideHoldsFewBoxes writes a guide as a long one is written, each
// page drawn as soon as the guide's one layout has placed it, and checks
// that the writer never held more than a few pages of boxes, though the
// guide's at-a-glance table, glossary and answers run over many pages;
// that the page numbers it could not know when it drew them (the contents',
// the total in each footer, references to pages further on) were printed
// as forms; that the chunks its lines were typeset in went back to be
// filled again as their pages were written (TestLongGuideReadsAsShortOne
// holds the text of the pages to that of the guide laid out whole); and
// that it writes the same bytes again.
func TestLongGuideHoldsFewBoxes(t *testing.T) {
	kept, once, w := keptAndOnce(t, 60)
	if len(kept) == 0 {
		t.Fatal("no guide written")
	}
	lay, err := layouts.Load(layouts.Default)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := newWriter(testnotes.EnrichedReader(t, 60), lay, nil)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := fresh.bodyBoxes()
	pages := len(w.doc.pages)
	perPage := len(all) / pages
	t.Logf("%d boxes on %d pages; at most %d held at once", len(all), pages, w.held)
	// The workers lay out at most testAhead boxes ahead of the pages
	// (aheadBoxes, for a build, would hold this whole guide); the pages
	// themselves hold a few pages' worth.
	if most := testAhead + 12*perPage; w.held > most {
		t.Errorf("the writer held %d boxes at once, more than %d ahead and 12 pages of %d boxes", w.held, testAhead, perPage)
	}
	if w.recycle == nil || w.recycle.given == 0 {
		t.Error("no chunk of the body's lines went back to be filled again")
	} else {
		t.Logf("%d chunks of pieces, lines and text given back", w.recycle.given)
	}
	if n := bytes.Count(once, []byte("/Subtype /Form")); n < 3 {
		t.Errorf("the guide drawn as laid out has %d forms, not one for the total and one for each section its contents list", n)
	}
	var again bytes.Buffer
	if _, err := write(&again, testnotes.EnrichedReader(t, 60), Options{}, func(w *writer) { w.keepBoxes = false }); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), once) {
		t.Error("the guide drawn as laid out is not the same twice")
	}
}

// TestLongGuideReadsAsShortOne checks that a guide drawn as it is laid out,
// as a long one is, is to a reader the guide laid out whole first: qpdf
// finds it sound, it has as many pages, pdftotext finds the same text on
// each (spaces aside: a number that points forward keeps all the room it
// was given, where the other closes up after a shorter one) and each
// looks the same at a low resolution but for a few pixels.
func TestLongGuideReadsAsShortOne(t *testing.T) {
	checkers.Require(t, "qpdf", "pdftotext", "pdftoppm")
	kept, once, _ := keptAndOnce(t, 30)
	dir := t.TempDir()
	keptPath, oncePath := dir+"/kept.pdf", dir+"/once.pdf"
	for path, b := range map[string][]byte{keptPath: kept, oncePath: once} {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, ok := checkers.QpdfCheck(t, oncePath); !ok || !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf finds fault with the guide drawn as laid out:\n%s", out)
	}
	keptText, onceText := checkers.PDFText(t, keptPath, "-layout"), checkers.PDFText(t, oncePath, "-layout")
	if len(keptText) != len(onceText) || len(keptText) < 20 {
		t.Fatalf("the guide has %d pages drawn as laid out, %d laid out whole", len(onceText), len(keptText))
	}
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for i := range keptText {
		if squeeze(keptText[i]) != squeeze(onceText[i]) {
			t.Errorf("page %d reads otherwise drawn as laid out:\n%s\nlaid out whole:\n%s", i+1, onceText[i], keptText[i])
		}
	}
	keptPix, width := checkers.PDFGray(t, keptPath, 30)
	oncePix, _ := checkers.PDFGray(t, oncePath, 30)
	if len(keptPix) != len(keptText) || len(oncePix) != len(keptPix) {
		t.Fatalf("pdftoppm drew %d and %d pages of %d", len(oncePix), len(keptPix), len(keptText))
	}
	same := 0
	for i := range keptPix {
		a, b := keptPix[i], oncePix[i]
		differ := 0
		for j := range min(len(a), len(b)) {
			if d := int(a[j]) - int(b[j]); d > 64 || d < -64 {
				differ++
			}
		}
		if differ == 0 && len(a) == len(b) {
			same++
		}
		// A page number that points forward and has fewer digits than
		// its room leaves what follows it on its line where the room
		// ends: a few pixels of a line or two.
		if differ > 3*width || len(a) != len(b) {
			t.Errorf("page %d differs in %d pixels drawn as laid out (rows of %d pixels)", i+1, differ, width)
		}
	}
	t.Logf("%d pages of %d look the same to the pixel", same, len(keptPix))
	if same < len(keptPix)/2 {
		t.Errorf("only %d pages of %d look the same to the pixel", same, len(keptPix))
	}
}

// TestLongGuideTaggedAsShortOne checks that a guide drawn as it is laid
// out has the structure tree, the text of each element (the numbers
// printed as forms among it), and the links of the guide laid out whole
// first, each starting where it does and going where it does.
func TestLongGuideTaggedAsShortOne(t *testing.T) {
	checkers.Require(t, "qpdf", "pdfinfo")
	g := testnotes.EnrichedReader(t, 4)
	paths := map[bool]string{}
	for _, keep := range []bool{true, false} {
		var b bytes.Buffer
		w, err := write(&b, g, Options{}, func(w *writer) { w.keepBoxes = keep })
		if err != nil {
			t.Fatal(err)
		}
		if !keep && w.late == nil {
			t.Fatal("the guide was not drawn as it was laid out")
		}
		paths[keep] = t.TempDir() + "/guide.pdf"
		if err := os.WriteFile(paths[keep], b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kept, once := paths[true], paths[false]
	// A link whose page number points forward covers all the room the
	// number was given, where the other closes up after a shorter one:
	// rectangles aside.
	rects := regexp.MustCompile(`/Rect \[[^]]*\]`)
	if a, b := rects.ReplaceAllString(checkers.StructTree(t, kept), ""), rects.ReplaceAllString(checkers.StructTree(t, once), ""); a != b {
		t.Errorf("the structure tree drawn as laid out:\n%s\nlaid out whole first:\n%s", b, a)
	}
	a, b := checkers.PDFStructure(t, kept, true), checkers.PDFStructure(t, once, true)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the elements' text drawn as laid out:\n%s\nlaid out whole first:\n%s", b.AllText(), a.AllText())
	}
	if toc := b.All("TOCI"); len(toc) < 4 || !strings.Contains(toc[len(toc)-1].AllText(), " ") {
		t.Errorf("the contents drawn as laid out have %d entries", len(toc))
	}
	sameDest := func(a, b pdfLink) bool {
		return a.page == b.page && a.destPage == b.destPage && a.destY == b.destY && a.rect[0] == b.rect[0] && a.rect[1] == b.rect[1]
	}
	if a, b := pdfLinks(t, kept), pdfLinks(t, once); !slices.EqualFunc(a, b, sameDest) || len(a) < 10 {
		t.Errorf("%d links drawn as laid out, %d laid out whole first, or other links", len(b), len(a))
	}
}

// TestLongGuideSqueezesLongerNumbers draws a guide as it is laid out with
// room for page numbers of one digit only, and checks that the numbers of
// more digits are printed all the same, each page's footer giving its
// number of all the pages.
func TestLongGuideSqueezesLongerNumbers(t *testing.T) {
	checkers.Require(t, "pdftotext")
	var b bytes.Buffer
	if _, err := write(&b, testnotes.EnrichedReader(t, 20), Options{}, func(w *writer) {
		w.keepBoxes = false
		w.rb.refDigits = 1
	}); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/squeezed.pdf"
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := checkers.PDFText(t, path)
	if len(pages) < 10 {
		t.Fatalf("the guide has %d pages", len(pages))
	}
	for i, text := range pages[1:] {
		if want := strconv.Itoa(i+2) + " of " + strconv.Itoa(len(pages)); !strings.Contains(text, want) {
			t.Errorf("page %d does not read %q:\n%s", i+2, want, text)
		}
	}
}

// keptAndOnce writes a guide of so many sections twice: laid out
// whole first, as a short guide is, and drawn as it is laid out, as a
// long one is; it returns both PDFs and the writer of the second.
// testAhead is how many boxes the layout's workers may lay out ahead of
// the pages in the tests of a guide drawn as it is laid out: a few pages'
// worth, fewer than such a short guide has.
const testAhead = 128

func keptAndOnce(t *testing.T, sections int) (kept, once []byte, w *writer) {
	t.Helper()
	g := testnotes.EnrichedReader(t, sections)
	var a, b bytes.Buffer
	k, err := write(&a, g, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !k.keepBoxes {
		t.Fatalf("a guide of %d sections is not laid out whole first", sections)
	}
	w, err = write(&b, g, Options{}, func(w *writer) { w.keepBoxes, w.ahead = false, testAhead })
	if err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), b.Bytes(), w
}

// TestPaginateBoxByBox deals out boxes given one at a time and checks that
// the pages are those of the same boxes given all at once: the pages are
// settled only when the boxes that decide them are in.
func TestPaginateBoxByBox(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n := 1 + r.IntN(120)
		bs := make([]*box, n)
		for i := range bs {
			b := &box{h: 1 + r.Float64()*30, before: r.Float64() * 4}
			b.keepNext = r.IntN(3) == 0
			b.glue = glue(r.IntN(3))
			b.newPage = r.IntN(15) == 0
			b.alone = r.IntN(40) == 0
			if r.IntN(10) == 0 {
				b.more().notes = []int{r.IntN(6)}
			}
			bs[i] = b
		}
		notes := make([][]*box, 6)
		for i := range notes {
			notes[i] = boxes(1+r.IntN(4), 2+r.Float64()*5)
		}
		mk := func() *paginator {
			return &paginator{top: 0, bottom: 100, notes: notes, noteSep: 3, noteCap: 40, line: 4}
		}
		want := mk().paginate(bs)
		var got []pagePlan
		ps := &pageStream{pg: mk(), page: func(_, _ int, plan pagePlan, _ bool) { got = append(got, plan) }}
		for i := range bs {
			ps.add(bs[i : i+1])
			if len(got) > 0 && len(ps.win) == 0 && i+1 < n {
				t.Fatalf("round %d: a page dealt out before the box after it was in", round)
			}
		}
		ps.close()
		if !slices.EqualFunc(got, want, func(a, b pagePlan) bool {
			return slices.Equal(a.items, b.items) && slices.Equal(a.notes, b.notes)
		}) {
			t.Fatalf("round %d: %d boxes dealt out one by one make %d pages, all at once %d, or other pages", round, n, len(got), len(want))
		}
	}
}

// TestDoneSectionsAreNotReadAgain checks that the writer names every
// top-level section once as done with it, and reads none of them again:
// a guide whose sections lose their blocks as soon as they are named
// gives the same PDF, whether it is laid out whole first or drawn as it
// is laid out.
func TestDoneSectionsAreNotReadAgain(t *testing.T) {
	for _, keep := range []bool{true, false} {
		var want, got bytes.Buffer
		if _, err := write(&want, testnotes.EnrichedReader(t, 4), Options{}, func(w *writer) { w.keepBoxes = keep }); err != nil {
			t.Fatal(err)
		}
		g := testnotes.EnrichedReader(t, 4)
		named := map[*guide.Section]int{}
		done := func(s *guide.Section) {
			named[s]++
			s.Walk(func(c *guide.Section) bool {
				c.Blocks = nil
				return true
			})
		}
		if _, err := write(&got, g, Options{Done: done}, func(w *writer) { w.keepBoxes = keep }); err != nil {
			t.Fatal(err)
		}
		for _, s := range g.Sections {
			if named[s] != 1 {
				t.Errorf("keep %v: section %q named done %d times, want once", keep, s.Title, named[s])
			}
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("keep %v: letting go of the sections named done changed the PDF", keep)
		}
	}
}
