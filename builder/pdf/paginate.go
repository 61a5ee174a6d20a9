package pdf

// paginator deals boxes out to pages. It keeps what must stay together
// together (keepNext), repeats a table's header row on each page the table
// runs onto, and puts each footnote at the foot of the page where it is
// first referenced, carrying on to the next page when it is too long.
type paginator struct {
	top, bottom float64 // the text block, from the top of the page
	notes       [][]*box
	noteSep     float64 // space between the text and the notes
	noteCap     float64 // most height the notes may take on one page
	placed      []bool  // footnotes already on a page
	// line is the height of a line of the smallest running type, by
	// which balance counts the lines a box holds; zero counts each box
	// as lines as tall as the shortest box around it.
	line float64
	// closed says a fresh page follows the last box, as one follows the
	// table of contents: its last page is balanced like any page before a
	// fresh page.
	closed bool
	// open says that more boxes may follow those the paginator is given;
	// ranOut is set when it needed to see them to break a page.
	open, ranOut bool
	// reuse, when set, holds the lists of the last page placed, which
	// place fills again for the next one: for pages that are done with
	// before the next is placed.
	reuse *pagePlan
}

// placement is a box at its place on a page.
type placement struct {
	b   *box
	y   float64 // top of the box
	gap float64 // space above it on the page (zero at the top)
	// repeat is set on a table's header row repeated above the rows
	// that run onto another page: an artifact for the structure tree.
	repeat bool
}

// pagePlan is what one page holds.
type pagePlan struct {
	items []placement
	notes []placement
}

// paginate returns the pages the boxes fill.
func (pg *paginator) paginate(boxes []*box) []pagePlan {
	var pages []pagePlan
	ps := &pageStream{pg: pg, page: func(_, _ int, plan pagePlan, _ bool) {
		pages = append(pages, plan)
	}}
	ps.add(boxes)
	ps.close()
	return pages
}

// pageStream paginates boxes as they come, a section or so at a time, so
// that a long guide need not be laid out whole before its first page is
// known: it deals out each page as soon as enough boxes follow it to
// settle where the page ends, and keeps no box of a page dealt out.
type pageStream struct {
	pg *paginator
	// page is given each page as it is dealt out: the index of its first
	// box and of the first box after it, counted from the first box
	// added, what it holds, and whether the footnotes no box references
	// were put at its foot.
	page func(start, end int, plan pagePlan, orphans bool)
	// dealt, when set, is told of each page's end before page is.
	dealt func(end int)

	win   []*box // the boxes from the first one of the next page on
	back  []*box // the array win lies in (see appendToWindow)
	base  int    // the index of win[0]
	carry []*box // footnote boxes that go on to the next page
	done  bool   // no box follows those added
	// referenced marks the footnotes the boxes added reference; once
	// every box is in, the others are orphans, placed at the foot of the
	// last page.
	referenced []bool
	orphans    []*box
	orphaned   []int // the orphans, as indexes of footnotes
	most       int   // the most boxes held at once
	// wait is how many boxes the window must hold before the next try
	// at a page that could not be settled with fewer: twice as many as
	// the last try had, so that a page that waits for many small
	// handfuls of boxes is not tried again after each.
	wait int
}

// add adds boxes after those added before, and deals out the pages they
// settle.
func (ps *pageStream) add(boxes []*box) {
	pg := ps.pg
	if pg.placed == nil {
		pg.placed = make([]bool, len(pg.notes))
		ps.referenced = make([]bool, len(pg.notes))
	}
	for _, b := range boxes {
		for _, n := range b.ext().notes {
			if n >= 0 && n < len(ps.referenced) {
				ps.referenced[n] = true
			}
		}
	}
	ps.back, ps.win = appendToWindow(ps.back, ps.win, boxes)
	ps.most = max(ps.most, len(ps.win))
	ps.deal()
}

// appendToWindow appends boxes to win, a window onto the array back that
// moves forward as pages are dealt out from its front. When win has no
// room left at its end but back has before it, win moves to back's start
// rather than into a larger array. It returns the array and the window.
func appendToWindow(back, win, boxes []*box) ([]*box, []*box) {
	if len(boxes) > cap(win)-len(win) && len(win)+len(boxes) <= cap(back) {
		off := cap(back) - cap(win)
		n := copy(back[:len(win)], win)
		clear(back[n : off+n]) // what is left of win where it was
		win = back[:n]
	}
	was := cap(win)
	win = append(win, boxes...)
	if cap(win) != was {
		back = win[:0]
	}
	return back, win
}

// close says that no more boxes follow, and deals out the last pages.
func (ps *pageStream) close() {
	ps.add(nil)
	ps.done = true
	for n, ref := range ps.referenced {
		if !ref && !ps.pg.placed[n] {
			ps.pg.placed[n] = true
			ps.orphans = append(ps.orphans, ps.pg.notes[n]...)
			ps.orphaned = append(ps.orphaned, n)
		}
	}
	ps.deal()
}

// deal deals out the pages that the boxes added settle: a page is settled
// when the boxes that decide where it ends, which may lie a page or two
// beyond it, are all in, or no more are to come.
func (ps *pageStream) deal() {
	pg := ps.pg
	for {
		boxes := ps.win
		if !ps.done && len(boxes) < max(ps.wait, 1) || len(boxes) == 0 && len(ps.carry) == 0 && len(ps.orphans) == 0 {
			return
		}
		pg.open, pg.ranOut = !ps.done, false
		end := pg.fit(boxes, 0, ps.carry)
		end = pg.balance(boxes, 0, end)
		if pg.short(boxes, 0, end) {
			// Nothing could move onto the page: rather than leave it
			// with a few lines, what starts a fresh page flows on after
			// them (an introduction of two lines and the at-a-glance
			// table after it).
			end = pg.fitPast(boxes, 0, ps.carry, end)
		}
		if pg.ranOut {
			// Where the page ends depends on boxes not laid out yet.
			ps.wait = 2 * len(boxes)
			return
		}
		ps.wait = 0
		orphans := false
		carry := ps.carry
		if end == len(boxes) && len(ps.orphans) > 0 {
			// Footnotes that no box references go at the foot of the
			// last page, so that no note is lost.
			carry = append(carry, ps.orphans...)
			ps.orphans = nil
			orphans = true
			end = pg.fit(boxes, 0, carry)
		}
		var plan pagePlan
		plan, ps.carry = pg.place(boxes, 0, end, carry)
		if ps.dealt != nil {
			ps.dealt(ps.base + end)
		}
		ps.page(ps.base, ps.base+end, plan, orphans)
		clear(boxes[:end])
		ps.win = boxes[end:]
		ps.base += end
	}
}

// height is the height of boxes stacked, the first one without its space.
func height(bs []*box) float64 {
	h := 0.0
	for i, b := range bs {
		if i > 0 {
			h += b.before
		}
		h += b.h
	}
	return h
}

// newNotes returns the height of the footnotes b references that are on no
// page yet and not in seen, and marks them in seen.
func (pg *paginator) newNotes(b *box, seen map[int]bool, stacked bool) float64 {
	h := 0.0
	for _, n := range b.ext().notes {
		if n < 0 || n >= len(pg.notes) || pg.placed[n] || seen[n] {
			continue
		}
		seen[n] = true
		nb := pg.notes[n]
		h += height(nb)
		if stacked && len(nb) > 0 {
			h += nb[0].before
		}
		stacked = true
	}
	return h
}

// short reports whether the page boxes[start:end] holds shortPage lines
// or fewer, before a box that starts a fresh page without needing a page
// of its own, when none of the page's boxes needs one either.
func (pg *paginator) short(boxes []*box, start, end int) bool {
	if end <= start || end >= len(boxes) || !boxes[end].newPage || boxes[end].alone {
		return false
	}
	for _, b := range boxes[start:end] {
		if b.alone {
			return false
		}
	}
	return lines(boxes[start:end], pg.lineOf(boxes[start:end])) <= shortPage
}

// lineOf returns the height by which lines counts the lines of bs: the
// paginator's line, else the height of the shortest box.
func (pg *paginator) lineOf(bs []*box) float64 {
	if pg.line > 0 || len(bs) == 0 {
		return pg.line
	}
	line := bs[0].h
	for _, b := range bs {
		line = min(line, b.h)
	}
	return line
}

// fit returns the index of the first box that does not go on the page that
// starts with boxes[start] and carries the footnote boxes carry.
func (pg *paginator) fit(boxes []*box, start int, carry []*box) int {
	return pg.fitPast(boxes, start, carry, -1)
}

// fitPast is fit, save that boxes[past] does not start a fresh page.
func (pg *paginator) fitPast(boxes []*box, start int, carry []*box, past int) int {
	y := pg.top
	notesH := height(carry)
	seen := map[int]bool{}
	for j := start; j < len(boxes); j++ {
		b := boxes[j]
		h := b.h
		if j > start {
			h += b.before
		} else if hd := b.ext().header; hd != nil {
			h += hd.h
		}
		if j > start && (b.alone || boxes[j-1].alone) {
			return j
		}
		if j > start && b.newPage && j != past {
			// Break before the box, and before what keeps with it,
			// unless the page holds nothing else.
			k := j
			for k > start && boxes[k-1].keepNext {
				k--
			}
			if k > start {
				return k
			}
		}
		nh := notesH + pg.newNotes(b, seen, notesH > 0)
		foot := 0.0
		if nh > 0 {
			foot = min(nh, pg.noteCap) + pg.noteSep
		}
		if j > start && y+h+foot > pg.bottom+1e-6 {
			return pg.breakBefore(boxes, start, j)
		}
		y += h
		notesH = nh
	}
	if pg.open {
		pg.ranOut = true
	}
	return len(boxes)
}

// breakBefore returns where to break a page that overflows at boxes[j]:
// before j, or earlier so that boxes that keep together go to the next
// page together. When the whole page is one chain, or what comes before
// the chain would leave the page with shortPage lines or fewer, the chain
// is broken where its glue is weakest, leaving the page more than
// shortPage lines where it can and as late as it can; never just after a
// heading while there is another place.
func (pg *paginator) breakBefore(boxes []*box, start, j int) int {
	k := j
	for k > start && boxes[k-1].keepNext {
		k--
	}
	if k == j {
		return j
	}
	line := pg.lineOf(boxes[start:j])
	if k > start && lines(boxes[start:k], line) > shortPage {
		return k
	}
	best, worst := j, 1<<30
	for m := j; m > k; m-- {
		cost := boxes[m-1].glue.cost()
		if boxes[m-1].glue == glueHeading {
			cost += 100
		}
		if lines(boxes[start:m], line) <= shortPage {
			cost += 10
		}
		if cost < worst {
			best, worst = m, cost
		}
	}
	if k > start && worst >= 10 {
		// Breaking the chain would leave the page short all the same,
		// or end it with a heading.
		return k
	}
	return best
}

// shortPage is the most lines a page may hold when more could have gone
// on it: a page of so few lines reads as a mistake.
const shortPage = 3

// balance returns where to end the page that starts with boxes[start] and
// would end before boxes[end], so that the next page is not left with
// shortPage lines or fewer before a page that must start afresh (a new
// section, a drawing on its own page; the last page may be short, unless
// the paginator is closed): the
// break moves up, by whole chains of boxes that keep together, until the
// next page holds more, as long as this page keeps more than shortPage
// lines too.
func (pg *paginator) balance(boxes []*box, start, end int) int {
	if end >= len(boxes) || boxes[end].alone || boxes[end].newPage {
		return end
	}
	next := pg.fit(boxes, end, nil)
	if next == len(boxes) && !pg.closed || next < len(boxes) && !boxes[next].newPage && !boxes[next].alone && !boxes[next-1].alone {
		return end
	}
	line := pg.lineOf(boxes[end:next])
	k := end
	for lines(boxes[k:next], line) <= shortPage && k > start {
		k--
		for k > start && boxes[k-1].keepNext {
			k--
		}
	}
	if k == end || lines(boxes[start:k], line) <= shortPage || pg.fit(boxes, k, nil) < next {
		return end
	}
	return k
}

// lines counts the lines of text boxes hold, a box as tall as n lines of
// height line counting n: a heading, set larger but on one line, counts
// one unless it is more than one and three quarters lines tall.
func lines(bs []*box, line float64) int {
	n := 0
	for _, b := range bs {
		n += max(1, int(b.h/line+0.25))
	}
	return n
}

// place lays out boxes[start:end] on a page and puts as many footnote boxes
// at its foot as fit; it returns the page and the footnote boxes left for
// the next page.
func (pg *paginator) place(boxes []*box, start, end int, carry []*box) (pagePlan, []*box) {
	var plan pagePlan
	if r := pg.reuse; r != nil {
		plan = pagePlan{items: r.items[:0], notes: r.notes[:0]}
		defer func() { *r = plan }()
	}
	y := pg.top
	foot := append([]*box(nil), carry...)
	for j := start; j < end; j++ {
		b := boxes[j]
		gap := 0.0
		if j > start {
			gap = b.before
		} else if hd := b.ext().header; hd != nil {
			plan.items = append(plan.items, placement{b: hd, y: y, repeat: true})
			y += hd.h
		}
		y += gap
		plan.items = append(plan.items, placement{b: b, y: y, gap: gap})
		y += b.h
		for _, n := range b.ext().notes {
			if n >= 0 && n < len(pg.notes) && !pg.placed[n] {
				pg.placed[n] = true
				foot = append(foot, pg.notes[n]...)
			}
		}
	}
	if len(foot) == 0 {
		return plan, nil
	}
	room := pg.bottom - y - pg.noteSep
	taken, k := 0.0, 0
	for k < len(foot) {
		h := foot[k].h
		if k > 0 {
			h += foot[k].before
		}
		if k > 0 && taken+h > room+1e-6 {
			break
		}
		taken += h
		k++
	}
	ny := pg.bottom - taken
	for i, b := range foot[:k] {
		gap := 0.0
		if i > 0 {
			gap = b.before
		}
		ny += gap
		plan.notes = append(plan.notes, placement{b: b, y: ny, gap: gap})
		ny += b.h
	}
	return plan, foot[k:]
}
