package pdf

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"

	"studyguide/builder/internal/testnotes"
	"studyguide/layouts"
)

// TestLongGuideHoldsFewBoxes writes a guide as a long one is written, its
// body laid out once to find its pages and again as they are drawn, and
// checks that the writer never held more than a few pages of boxes, though
// the guide's at-a-glance table, glossary and answers run over many pages;
// and that the PDF is the one written when every box is kept.
func TestLongGuideHoldsFewBoxes(t *testing.T) {
	g := testnotes.EnrichedReader(t, 60)
	var kept, streamed bytes.Buffer
	once, err := write(&kept, g, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !once.keepBoxes {
		t.Fatal("a guide of 60 sections is not laid out once")
	}
	w, err := write(&streamed, g, Options{}, func(w *writer) { w.keepBoxes = false })
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(kept.Bytes(), streamed.Bytes()) {
		t.Fatal("the guide laid out again as it is drawn is not the guide laid out once")
	}
	lay, err := layouts.Load(layouts.Default)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := newWriter(g, lay, nil)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := fresh.bodyBoxes()
	pages := len(w.doc.pages)
	perPage := len(all) / pages
	t.Logf("%d boxes on %d pages; at most %d held at once", len(all), pages, w.held)
	if w.held > 12*perPage {
		t.Errorf("the writer held %d boxes at once, more than 12 pages of %d boxes", w.held, perPage)
	}
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
