package pdf

import (
	"fmt"
	"slices"
	"testing"
)

// boxes returns n boxes of height h, named by their index.
func boxes(n int, h float64) []*box {
	bs := make([]*box, n)
	for i := range bs {
		bs[i] = &box{h: h, before: 1}
	}
	return bs
}

// pageOf returns the page each box landed on.
func pageOf(pages []pagePlan, bs []*box) map[*box]int {
	m := map[*box]int{}
	for i, p := range pages {
		for _, it := range p.items {
			m[it.b] = i
		}
	}
	return m
}

func TestPaginateFillsPages(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100}
	bs := boxes(30, 10)
	pages := pg.paginate(bs)
	// 10 + 9×11 = 109 > 100, so 9 boxes a page: 10 + 8×11 = 98.
	if len(pages) != 4 || len(pages[0].items) != 9 {
		t.Fatalf("got %d pages, first with %d boxes", len(pages), len(pages[0].items))
	}
	for _, p := range pages {
		if p.items[0].gap != 0 || p.items[0].y != 0 {
			t.Errorf("a page starts at %g with a gap of %g", p.items[0].y, p.items[0].gap)
		}
		last := p.items[len(p.items)-1]
		if last.y+last.b.h > 100 {
			t.Errorf("a box ends at %g, below the text block", last.y+last.b.h)
		}
	}
}

func TestHeadingIsNotLeftAtTheFootOfAPage(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100}
	bs := boxes(8, 10) // ends at 10 + 7×11 = 87
	heading := &box{h: 8, before: 1, keepNext: true}
	first := &box{h: 10, before: 1, keepNext: true} // first line of a paragraph
	second := &box{h: 10, before: 1}
	bs = append(bs, heading, first, second)
	pages := pg.paginate(bs)
	on := pageOf(pages, bs)
	if on[heading] != 1 || on[first] != 1 || on[second] != 1 {
		t.Errorf("heading on page %d, its lines on %d and %d; want all on the second page", on[heading], on[first], on[second])
	}
}

func TestNoLoneLineAtTheTopOfAPage(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100}
	// Eight boxes of a paragraph, laid out like lines: the first keeps
	// with the second and the last but one with the last.
	bs := boxes(6, 10) // ends at 65
	para := boxes(5, 10)
	para[0].keepNext, para[3].keepNext = true, true
	bs = append(bs, para...)
	pages := pg.paginate(bs)
	on := pageOf(pages, bs)
	// Room for three of the five lines (76, 87, 98); the fourth would be
	// the last but one, so the fourth and fifth go over together.
	if on[para[2]] != 0 || on[para[3]] != 1 || on[para[4]] != 1 {
		t.Errorf("lines on pages %d %d %d %d %d", on[para[0]], on[para[1]], on[para[2]], on[para[3]], on[para[4]])
	}
}

func TestChainLongerThanAPageIsBroken(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100}
	bs := boxes(30, 10)
	for _, b := range bs {
		b.keepNext = true
	}
	pages := pg.paginate(bs)
	n := 0
	for _, p := range pages {
		n += len(p.items)
	}
	if n != 30 || len(pages) != 4 {
		t.Errorf("placed %d boxes on %d pages", n, len(pages))
	}
}

func TestTableHeaderIsRepeated(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100}
	header := &box{h: 10, keepNext: true}
	bs := []*box{header}
	for range 20 {
		bs = append(bs, &box{h: 10, extra: &boxExtra{header: header}})
	}
	pages := pg.paginate(bs)
	if len(pages) < 2 {
		t.Fatalf("got %d pages", len(pages))
	}
	for i, p := range pages {
		if p.items[0].b != header {
			t.Errorf("page %d does not start with the header row", i+1)
		}
		last := p.items[len(p.items)-1]
		if last.y+last.b.h > 100 {
			t.Errorf("page %d overflows", i+1)
		}
	}
}

func TestFootnotesGoToThePageOfTheirReference(t *testing.T) {
	note := boxes(3, 4) // a note of three lines, 14 high
	pg := &paginator{top: 0, bottom: 100, notes: [][]*box{note}, noteSep: 5, noteCap: 40}
	bs := boxes(9, 10) // would end at 98
	bs[8].more().notes = []int{0}
	pages := pg.paginate(bs)
	on := pageOf(pages, bs)
	// The ninth box would end at 98, but with the note and its separator
	// (19) it does not fit: it goes to the next page with its note.
	if on[bs[8]] != 1 {
		t.Fatalf("the referencing box is on page %d", on[bs[8]])
	}
	if len(pages[1].notes) != 3 || len(pages[0].notes) != 0 {
		t.Fatalf("notes: %d on the first page, %d on the second", len(pages[0].notes), len(pages[1].notes))
	}
	last := pages[1].notes[2]
	if last.y+last.b.h > 100.001 {
		t.Errorf("the note ends at %g, below the text block", last.y+last.b.h)
	}
}

func TestLongFootnoteCarriesOn(t *testing.T) {
	note := boxes(20, 4) // 20 + 19 = 99 high: more than the cap
	pg := &paginator{top: 0, bottom: 100, notes: [][]*box{note}, noteSep: 5, noteCap: 40}
	bs := boxes(3, 10)
	bs[0].more().notes = []int{0}
	pages := pg.paginate(bs)
	total := 0
	for _, p := range pages {
		total += len(p.notes)
		for _, it := range p.notes {
			if it.y+it.b.h > 100.001 {
				t.Errorf("a note line ends at %g", it.y+it.b.h)
			}
		}
	}
	if total != 20 {
		t.Errorf("placed %d of 20 note lines", total)
	}
	if len(pages) < 2 || len(pages[1].notes) == 0 {
		t.Errorf("the note did not carry on to a second page: %s", fmt.Sprint(len(pages)))
	}
}

func TestUnreferencedFootnoteIsNotLost(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100, notes: [][]*box{boxes(2, 4)}, noteSep: 5, noteCap: 40}
	pages := pg.paginate(boxes(3, 10))
	if len(pages) != 1 || len(pages[0].notes) != 2 {
		t.Fatalf("got %d pages, the last with %d note boxes", len(pages), len(pages[len(pages)-1].notes))
	}
	pages = (&paginator{top: 0, bottom: 100, notes: [][]*box{boxes(2, 4)}, noteSep: 5, noteCap: 40}).paginate(nil)
	if len(pages) != 1 || len(pages[0].notes) != 2 {
		t.Fatalf("with no text: got %d pages", len(pages))
	}
}

func TestNewPageBoxOpensAPage(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100}
	bs := boxes(4, 10)
	heading := &box{h: 8, before: 1, keepNext: true, newPage: true}
	bs = append(bs, heading, &box{h: 10, before: 1})
	on := pageOf(pg.paginate(bs), bs)
	if on[bs[3]] != 0 || on[heading] != 1 || on[bs[5]] != 1 {
		t.Errorf("pages %d, %d, %d; want the heading to open the second page", on[bs[3]], on[heading], on[bs[5]])
	}
	// A box that opens a page takes the heading kept with it along.
	pg = &paginator{top: 0, bottom: 100}
	parent := &box{h: 8, before: 1, keepNext: true}
	bs = append(boxes(4, 10), parent, &box{h: 8, before: 1, newPage: true})
	on = pageOf(pg.paginate(bs), bs)
	if on[parent] != 1 || on[bs[5]] != 1 {
		t.Errorf("the parent heading is on page %d, the new page's box on %d", on[parent], on[bs[5]])
	}
}

func TestFewLinesFlowIntoAFreshPage(t *testing.T) {
	// Two lines of introduction, then a section that starts a fresh page:
	// nothing can move up to the lines, so the section follows them.
	pg := &paginator{top: 0, bottom: 100, line: 10}
	heading := &box{h: 8, before: 1, keepNext: true, newPage: true}
	bs := append(boxes(2, 10), heading)
	bs = append(bs, boxes(12, 10)...)
	pages := pg.paginate(bs)
	on := pageOf(pages, bs)
	if on[heading] != 0 || len(pages[0].items) <= 3 {
		t.Errorf("the heading is on page %d after %d boxes; want it on the first page", on[heading], len(pages[0].items))
	}
	// A drawing that needs a page of its own keeps it.
	fig := &box{h: 8, before: 1, newPage: true, alone: true}
	bs = append(boxes(2, 10), fig)
	if on := pageOf(pg.paginate(bs), bs); on[fig] != 1 {
		t.Errorf("the drawing is on page %d, want 1", on[fig])
	}
}

func TestClosedPaginatorBalancesItsLastPage(t *testing.T) {
	// Eleven lines of contents, nine to a page: the last page of contents
	// is followed by the body's fresh page, so it takes company.
	for _, closed := range []bool{false, true} {
		pg := &paginator{top: 0, bottom: 100, closed: closed}
		pages := pg.paginate(boxes(11, 10))
		if last := len(pages[len(pages)-1].items); closed != (last > 3) {
			t.Errorf("closed %v: the last page holds %d lines", closed, last)
		}
	}
}

func TestAloneBoxHasItsPage(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100}
	heading := &box{h: 8, before: 1, keepNext: true}
	fig := &box{h: 30, before: 1, alone: true}
	bs := append(boxes(2, 10), heading, fig)
	bs = append(bs, boxes(2, 10)...)
	pages := pg.paginate(bs)
	on := pageOf(pages, bs)
	if len(pages) != 3 || len(pages[1].items) != 1 || on[fig] != 1 || on[bs[4]] != 2 {
		t.Errorf("%d pages, the figure on page %d with %d boxes", len(pages), on[fig], len(pages[on[fig]].items))
	}
}

func TestFewLinesBeforeANewPageTakeCompany(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100}
	// Eleven lines: nine fit on a page, two would be left alone before
	// the section that starts a page.
	bs := boxes(11, 10)
	section := &box{h: 10, before: 1, newPage: true}
	bs = append(bs, section)
	pages := pg.paginate(bs)
	on := pageOf(pages, bs)
	if len(pages) != 3 || on[bs[6]] != 0 || on[bs[7]] != 1 || on[section] != 2 {
		t.Errorf("%d pages; the seventh line on page %d, the eighth on %d, the section on %d; want 3 pages, 0, 1, 2",
			len(pages), on[bs[6]], on[bs[7]], on[section])
	}
}

func TestChainDoesNotLeaveAPageOfTwoLines(t *testing.T) {
	pg := &paginator{top: 0, bottom: 100, line: 10}
	// Two lines, then twelve that keep together and cannot all follow
	// them: the two lines take company rather than a page of their own.
	bs := boxes(2, 10)
	chain := boxes(12, 10)
	for _, b := range chain[:11] {
		b.keepNext = true
	}
	bs = append(bs, chain...)
	pages := pg.paginate(bs)
	if n := len(pages[0].items); n <= 3 {
		t.Errorf("the first page holds %d lines", n)
	}
}

func TestShortPageBreaksAChainWhereItsGlueIsWeakest(t *testing.T) {
	pg := &paginator{top: 0, bottom: 150, line: 10}
	// Two lines, a heading, and a code block of twelve lines kept whole,
	// of which eleven fit: the page takes the heading and the block's
	// first lines, broken inside the block but not before its last line
	// (which would stand alone) nor after the heading.
	heading := &box{h: 10, before: 1, keepNext: true, glue: glueHeading}
	code := boxes(12, 10)
	for i, b := range code[:11] {
		b.keepNext, b.glue = true, glueWhole
		if i == 0 || i == 10 {
			b.glue = glueLines
		}
		b.before = 0
	}
	bs := append(append(boxes(2, 10), heading), code...)
	pages := pg.paginate(bs)
	on := pageOf(pages, bs)
	if on[heading] != 0 || on[code[9]] != 0 || on[code[10]] != 1 {
		t.Errorf("heading on page %d, the code's tenth line on %d, its eleventh on %d; want 0, 0, 1", on[heading], on[code[9]], on[code[10]])
	}
	last := pages[0].items[len(pages[0].items)-1].b
	if last.glue != glueWhole {
		t.Errorf("the first page ends with a box of glue %d, want a break inside the block kept whole", last.glue)
	}

	// A heading kept with a box too tall for what is left goes with it,
	// leaving the two lines, rather than end their page.
	pg = &paginator{top: 0, bottom: 100, line: 10}
	tall := &box{h: 80, before: 1}
	heading = &box{h: 10, before: 1, keepNext: true, glue: glueHeading}
	bs = append(boxes(2, 10), heading, tall)
	if on := pageOf(pg.paginate(bs), bs); on[heading] != 1 {
		t.Errorf("the heading is on page %d, want it on the tall box's page", on[heading])
	}
}

func TestShortSectionFlowsIntoTheNext(t *testing.T) {
	// A section that starts a page holds a heading half as tall again as
	// a line and two lines of text, then the next section starts a page:
	// three lines, so the next section follows them.
	pg := &paginator{top: 0, bottom: 100, line: 10}
	first := &box{h: 15, before: 1, keepNext: true, glue: glueHeading, newPage: true}
	second := &box{h: 15, before: 1, keepNext: true, glue: glueHeading, newPage: true}
	bs := append(boxes(8, 10), first)
	bs = append(append(bs, boxes(2, 10)...), second)
	bs = append(bs, boxes(3, 10)...)
	on := pageOf(pg.paginate(bs), bs)
	if on[first] != 1 || on[second] != 1 {
		t.Errorf("the sections are on pages %d and %d, want both on 1", on[first], on[second])
	}
}

// TestWindowMovesBack adds boxes to a window and deals them out from its
// front, and checks that the window holds what it should, that it moves
// back to the start of its array rather than grow when it stays small,
// and that its array holds no box dealt out.
func TestWindowMovesBack(t *testing.T) {
	var back, win, want []*box
	grown := 0 // after the first rounds
	for round := range 200 {
		add := make([]*box, 1+round%7)
		for i := range add {
			add[i] = &box{h: float64(round)}
		}
		was := cap(back)
		back, win = appendToWindow(back, win, add)
		if cap(back) != was && round >= 20 {
			grown++
		}
		want = append(want, add...)
		if !slices.Equal(win, want) {
			t.Fatalf("round %d: the window holds other boxes than those added", round)
		}
		dealt := len(win) - 3
		if dealt > 0 {
			clear(win[:dealt])
			win, want = win[dealt:], want[dealt:]
		}
		for _, b := range back[:cap(back)] {
			if b != nil && !slices.Contains(win, b) {
				t.Fatalf("round %d: the array holds a box dealt out", round)
			}
		}
	}
	if grown > 0 {
		t.Errorf("the array grew %d times for a window of a few boxes", grown)
	}
}
