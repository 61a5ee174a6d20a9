package pdf

import (
	"errors"
	"slices"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

// maxKeptPages is the length of the longest guide, in pages as
// estimatePages counts them, whose body is laid out whole, its boxes kept,
// before its first page is drawn. The boxes of a page take some 25 KB. A
// longer guide is drawn as it is laid out (see drawAsLaidOut).
const maxKeptPages = 4000

// book is a guide laid out and dealt out to pages, ready to draw. The
// title page and the table of contents are kept whole; the body is kept
// as where each of its pages ends, with its boxes when they are to be
// drawn (see keepBoxes).
type book struct {
	title []*box
	toc   []pagePlan
	notes [][]*box // the boxes of each footnote
	// heads are the section titles of the running heads, by page
	// number; the title page has none.
	heads []string

	// body is where each page of the body ends; kept, when the boxes
	// are kept, the boxes of the body, as the layout handed them out.
	body []bodyPage
	kept [][]*box
	// marks are the section headings' marks, with the page of each;
	// orphans the footnotes no box references, which go at the foot of
	// the body's last page.
	marks   map[*guide.Section]*mark
	orphans []int
	// anchors are the link targets placed on the body's pages, each
	// where it is first placed.
	anchors []anchorAt
}

// bodyPage is a page of the body: the index of its first box and of the
// first box after it, counted over the body's boxes in the order they
// are laid out, and whether the footnotes no box references are at its
// foot.
type bodyPage struct {
	start, end int32
	orphans    bool
}

// anchorAt is a link target placed on a page, at height y.
type anchorAt struct {
	link int
	y    float64
	page int
}

// render lays the guide out and draws every page. A short guide is laid
// out whole first, so that every page number is known before the first
// page is drawn; one whose pages outnumber what references were given
// room for is laid out again with more room, so that every page number
// fits where it is printed. A long one is drawn as it is laid out.
func (w *writer) render() error {
	if !w.keepBoxes {
		return w.drawAsLaidOut()
	}
	b, err := w.paginate()
	if err != nil {
		return err
	}
	if w.done != nil {
		// The boxes hold all that the pages draw.
		for _, s := range w.g.Sections {
			w.done(s)
		}
	}
	w.draw(b)
	if w.doc.Err() {
		return w.doc.Error()
	}
	return nil
}

// paginate lays the guide out and places every anchor on its page, but
// draws nothing.
func (w *writer) paginate() (*book, error) {
	if err := w.registerImages(); err != nil {
		return nil, err
	}
	var b *book
	for {
		var err error
		if b, err = w.layout(); err != nil {
			return nil, err
		}
		total := len(b.heads) - 1
		if d := digits(total); d > w.rb.refDigits {
			w.rb.refDigits = d
			continue
		}
		break
	}
	w.placeAnchors(b)
	return b, nil
}

// anchorPages lays g out as Write does with lay, without drawing it, and
// returns the page each id of the guide is on, for outputs that refer to
// the pages of the guide's PDF.
func anchorPages(g *guide.Guide, lay *layouts.Layout) (map[string]int, error) {
	w, err := newWriter(g, lay, nil)
	if err != nil {
		return nil, err
	}
	w.keepBoxes = false // nothing is drawn
	if _, err := w.paginate(); err != nil {
		return nil, err
	}
	pages := make(map[string]int, len(w.links.byID))
	for id, link := range w.links.byID {
		if n := w.pages.of(link); n > 0 {
			pages[id] = n
		}
	}
	return pages, nil
}

// layout lays out the title page, the table of contents and the body, and
// deals them out to pages. The body is dealt out as it is laid out, its
// boxes let go of page by page unless keepBoxes says to keep them.
func (w *writer) layout() (*book, error) {
	b := &book{title: w.titleBoxes(), marks: map[*guide.Section]*mark{}}
	b.notes = w.layoutNotes()
	// The body's pages are numbered from 0 until the length of the
	// contents, which come before them, is known.
	var heads []string
	var placed []*mark
	var pt pageTracker
	ps := &pageStream{pg: w.bodyPaginator(b.notes), page: func(start, end int, plan pagePlan, orphans bool) {
		n := len(b.body)
		b.body = append(b.body, bodyPage{start: int32(start), end: int32(end), orphans: orphans})
		heads = append(heads, pt.place(plan, n, func(mk *mark) { placed = append(placed, mk) }, func(a int, y float64) {
			b.anchors = append(b.anchors, anchorAt{link: a, y: y, page: n})
		}))
	}}
	w.layBody(b.marks, func(bs []*box) {
		if w.keepBoxes {
			b.kept = append(b.kept, bs)
		}
		ps.add(bs)
	})
	ps.close()
	b.orphans = ps.orphaned
	w.held = max(w.held, ps.most)
	var toc []*box
	if len(w.g.Sections) > 0 {
		toc = w.tocBoxes(b.marks)
	}
	top, bottom := w.lay.MarginTop, w.lay.PageHeight-w.lay.MarginBottom
	b.toc = (&paginator{top: top, bottom: bottom, closed: true}).paginate(toc)
	firstBody := 2 + len(b.toc)
	total := firstBody - 1 + len(b.body)
	for _, mk := range placed {
		mk.page += firstBody
	}
	for i := range b.anchors {
		b.anchors[i].page += firstBody
	}
	all := make([]string, total+1)
	copy(all[firstBody:], heads)
	for i := range b.toc {
		all[2+i] = w.labels.Text("toc.title")
	}
	b.heads = all
	if w.doc.Err() {
		return nil, w.doc.Error()
	}
	return b, nil
}

// bodyPaginator returns the paginator of the body, whose pages carry the
// footnotes at their foot. Each page it places is done with before the
// next is placed.
func (w *writer) bodyPaginator(notes [][]*box) *paginator {
	return &paginator{
		reuse:   &pagePlan{},
		top:     w.lay.MarginTop,
		bottom:  w.lay.PageHeight - w.lay.MarginBottom,
		notes:   notes,
		noteSep: 1.2 * w.bodyLead,
		noteCap: notesCap * w.textH,
		line:    pt(min(w.lay.BodySize, w.lay.TableSize, w.lay.CodeSize)) * w.lay.Leading,
	}
}

// draw draws the pages of a book.
func (w *writer) draw(b *book) {
	pageOf := func(n int) int { return w.pages.of(n) }
	main := &pen{doc: w.doc, m: w.m, fs: w.fs, links: w.links, out: newTextOut(w.doc), pageOf: pageOf, tags: w.tags, mathAlt: w.rb.mathAlt}
	total := len(b.heads) - 1
	dr := w.newDrawer(main, total, false)
	page := 0
	chromeOf := w.pageChrome(total)
	next := func(plan pagePlan, settle, reused bool) {
		page++
		c := chromeOf(b.heads[page], page)
		dr.draw(&pageJob{page: page, x: w.leftX(page), chrome: &c, plan: plan, reused: reused, settle: settle})
	}
	page++
	dr.draw(&pageJob{page: page, x: w.leftX(page), title: true, boxes: b.title})
	// A page drawn lets go of its boxes, and with them of the lines and
	// cells they paint, so that the book shrinks as its pages are written.
	b.title = nil
	for i := range b.toc {
		next(b.toc[i], true, false)
		b.toc[i] = pagePlan{}
	}
	var bd *bodyDrawer
	bd = &bodyDrawer{pg: w.bodyPaginator(b.notes), pages: b.body, draw: func(plan pagePlan) {
		// No footnote goes on: what the page leaves is done with.
		next(plan, len(bd.carry) == 0, true)
	}}
	for _, n := range b.orphans {
		bd.orphans = append(bd.orphans, b.notes[n]...)
	}
	for i, bs := range b.kept {
		bd.add(bs)
		b.kept[i] = nil
	}
	dr.close()
	if bd.next < len(bd.pages) || bd.base+len(bd.win) != bd.laid() {
		w.doc.SetError(errors.New("the body's boxes kept are not those it was paginated with"))
	}
	w.held = max(w.held, bd.most)
}

// clone returns a copy of the plan whose lists are its own: the body's
// paginator fills the same lists again for the next page.
func (plan pagePlan) clone() pagePlan {
	return pagePlan{items: slices.Clone(plan.items), notes: slices.Clone(plan.notes)}
}

// bodyDrawer draws the pages of the body from the boxes its layout kept,
// broken where the layout broke them.
type bodyDrawer struct {
	pg      *paginator
	pages   []bodyPage
	next    int    // the page to draw next
	win     []*box // the boxes from the first one of the next page on
	back    []*box // the array win lies in (see appendToWindow)
	base    int    // the index of win[0]
	carry   []*box // footnote boxes that go on to the next page
	orphans []*box // the footnotes no box references
	draw    func(plan pagePlan)
	most    int // the most boxes held at once
}

// add adds boxes after those added before, and draws every page whose
// boxes are all in.
func (bd *bodyDrawer) add(boxes []*box) {
	if bd.pg.placed == nil {
		bd.pg.placed = make([]bool, len(bd.pg.notes))
	}
	bd.back, bd.win = appendToWindow(bd.back, bd.win, boxes)
	bd.most = max(bd.most, len(bd.win))
	for bd.next < len(bd.pages) {
		pg := bd.pages[bd.next]
		start, end := int(pg.start)-bd.base, int(pg.end)-bd.base
		if end > len(bd.win) || start != 0 {
			return
		}
		carry := bd.carry
		if pg.orphans {
			carry = append(carry, bd.orphans...)
		}
		var plan pagePlan
		plan, bd.carry = bd.pg.place(bd.win, 0, end, carry)
		bd.draw(plan)
		bd.next++
		clear(bd.win[:end])
		bd.win = bd.win[end:]
		bd.base += end
	}
}

// laid is the number of boxes the first layout dealt out to pages.
func (bd *bodyDrawer) laid() int {
	if len(bd.pages) == 0 {
		return 0
	}
	return int(bd.pages[len(bd.pages)-1].end)
}

// leftX is the left edge of the text block on a page: the inner margin,
// or the outer one on even pages of a mirrored layout.
func (w *writer) leftX(page int) float64 {
	if w.lay.Mirrored && page%2 == 0 {
		return w.lay.MarginOuter
	}
	return w.lay.MarginInner
}

// drawPage paints the boxes of one page and its footnotes.
func (w *writer) drawPage(p *pen, x float64, page int, plan pagePlan) {
	var prev *box
	for _, it := range plan.items {
		w.drawBox(p, page, x, it, prev)
		prev = it.b
	}
	if len(plan.notes) == 0 {
		return
	}
	sep := plan.notes[0].y - 0.5*w.bodyLead
	p.tag(nil)
	p.rule(x, sep, x+min(w.textW/4, 45), sep, 0.4*mmPerPt, colorRule)
	prev = nil
	for _, it := range plan.notes {
		w.drawBox(p, page, x, it, prev)
		prev = it.b
	}
}

// drawBox paints one box: its quote bars, its outline entry, then its
// content.
func (w *writer) drawBox(p *pen, page int, x float64, it placement, prev *box) {
	b := it.b
	if mk := b.ext().mark; mk != nil && mk.outline {
		p.doc.Bookmark(pdfString(mk.title), mk.level, it.y)
	}
	p.repeat = it.repeat
	defer func() { p.repeat = false }()
	p.tag(nil)
	for _, br := range b.ext().bars {
		top := it.y
		if prev != nil && hasBar(prev.ext().bars, br.id) {
			top -= it.gap
		}
		bx := x + br.x
		p.rule(bx, top, bx, it.y+b.h, 0.9*mmPerPt, colorQuoteBar)
	}
	if b.paint != nil {
		p.tag(b.tag)
		b.paint(p, x, it.y)
	}
}

// hasBar reports whether bars holds the bar with the id.
func hasBar(bars []bar, id int) bool {
	for _, b := range bars {
		if b.id == id {
			return true
		}
	}
	return false
}

// placeAnchors points every link target at the page and height of the box
// that carries it, before any page is drawn, so that references can print
// the page of a target that comes after them.
func (w *writer) placeAnchors(b *book) {
	w.pages = make(linkPages, len(w.doc.links)+1)
	for _, a := range b.anchors {
		w.pages.set(a.link, a.page)
		w.doc.SetLink(a.link, a.y, a.page)
	}
}

// newMark returns the mark of section s's heading, with an entry in the
// outline when outline is set.
func newMark(s *guide.Section, outline bool) *mark {
	return &mark{title: s.Title, level: s.Level - 1, outline: outline}
}

// drawAsLaidOut lays a long guide out once and draws each page as soon as
// the layout has placed it, so that no more than a page or so of boxes is
// ever held. The table of contents, which depends only on the sections'
// titles, is laid out first, so that the body's first page is known; what
// is still unknown when a page is drawn (the page of a section the
// contents list, of a target a reference points forward to, the number of
// pages its footer gives) is printed as a form written after the last
// page, in the room the layout gave it (late.go).
func (w *writer) drawAsLaidOut() error {
	if err := w.registerImages(); err != nil {
		return err
	}
	w.late = newLateNumbers(w.doc, w.m, w.fs)
	w.pages = make(linkPages, len(w.doc.links)+1)
	marks := make(map[*guide.Section]*mark)
	inOutline := outlined(w.g)
	w.g.WalkSections(func(s *guide.Section) bool {
		marks[s] = newMark(s, inOutline(s))
		return true
	})
	title := w.titleBoxes()
	notes := w.layoutNotes()
	var toc []pagePlan
	if len(w.g.Sections) > 0 {
		top, bottom := w.lay.MarginTop, w.lay.PageHeight-w.lay.MarginBottom
		toc = (&paginator{top: top, bottom: bottom, closed: true}).paginate(w.tocBoxes(marks))
	}

	pageOf := func(n int) int { return w.pages.of(n) }
	main := &pen{doc: w.doc, m: w.m, fs: w.fs, links: w.links, out: newTextOut(w.doc), pageOf: pageOf, tags: w.tags, mathAlt: w.rb.mathAlt, late: w.late}
	dr := w.newDrawer(main, maxKeptPages, true)
	page := 0
	chromeOf := w.pageChrome(0)
	page++
	dr.draw(&pageJob{page: page, x: w.leftX(page), title: true, boxes: title})
	title = nil
	tocHead := w.labels.Text("toc.title")
	for i := range toc {
		page++
		c := chromeOf(tocHead, page)
		dr.draw(&pageJob{page: page, x: w.leftX(page), chrome: &c, plan: toc[i], settle: true})
		toc[i] = pagePlan{}
	}
	// The contents read the pages of the sections' headings, which the
	// body's pages set: they are drawn before the body is laid out.
	dr.wait()

	// Each page of the body is drawn as it is dealt out: its headings
	// and link targets are given its number first, so that it prints
	// the numbers of its own targets.
	var pt pageTracker
	var ps *pageStream
	ps = &pageStream{pg: w.bodyPaginator(notes), page: func(_, _ int, plan pagePlan, _ bool) {
		n := page + 1
		head := pt.place(plan, n, nil, func(a int, y float64) {
			w.pages.set(a, n)
			dr.placed(a, n)
			w.doc.SetLink(a, y, n)
		})
		page = n
		c := chromeOf(head, page)
		// No footnote goes on: what the page leaves is done with.
		dr.draw(&pageJob{page: page, x: w.leftX(page), chrome: &c, plan: plan, reused: true, settle: len(ps.carry) == 0})
	}}
	w.recycleBody(ps)
	w.layBody(marks, ps.add)
	ps.close()
	dr.close()
	w.held = max(w.held, ps.most)
	w.doc.endPage()
	w.doc.pageEnded = nil
	w.late.finish(func(what lateWhat) int {
		switch {
		case what.total:
			return page
		case what.mk != nil:
			return what.mk.page
		}
		return max(w.pages.of(int(what.link)), 1)
	}, w.tags)
	if w.doc.Err() {
		return w.doc.Error()
	}
	return nil
}

// linkPages holds the page of each link target by its link's number, as
// document.AddLink numbers them from 1: 0 while the target is not placed.
// A long guide has hundreds of thousands of targets, whose pages are read
// again for every reference drawn: a slice holds them in less room than a
// map and finds each without hashing.
type linkPages []int32

// of returns the page of link's target, or 0.
func (lp linkPages) of(link int) int {
	if link <= 0 || link >= len(lp) {
		return 0
	}
	return int(lp[link])
}

// set places link's target on page.
func (lp *linkPages) set(link, page int) {
	if link <= 0 {
		return
	}
	if link >= len(*lp) {
		*lp = append(*lp, make(linkPages, link+1-len(*lp))...)
	}
	(*lp)[link] = int32(page)
}

// pageTracker follows the body's pages as they are placed: the section
// each page's running head names, and the link targets already placed.
type pageTracker struct {
	current  string // the title of the top-level section last begun
	anchored []bool // by link: the link targets placed so far
}

// place notes a page placed as page n: each section heading on it is
// marked as on n and handed to marked (when not nil), and each link
// target placed for the first time is handed to anchor with its height.
// A box placed more than once (a table's header row, repeated on every
// page the table runs onto) is a target where it is first placed. place
// returns the page's running head: the first top-level section begun on
// it, or else the one it goes on with.
func (t *pageTracker) place(plan pagePlan, n int, marked func(*mark), anchor func(link int, y float64)) string {
	head := ""
	for _, it := range plan.items {
		mk := it.b.ext().mark
		if mk == nil {
			continue
		}
		mk.page = n
		if marked != nil {
			marked(mk)
		}
		if mk.level == 0 {
			if head == "" {
				head = mk.title
			}
			t.current = mk.title
		}
	}
	if head == "" {
		head = t.current
	}
	for _, list := range [][]placement{plan.items, plan.notes} {
		for _, it := range list {
			for _, a := range it.b.ext().anchors {
				if a >= len(t.anchored) {
					t.anchored = append(t.anchored, make([]bool, a+1-len(t.anchored))...)
				}
				if !t.anchored[a] {
					t.anchored[a] = true
					anchor(a, it.y)
				}
			}
		}
	}
	return head
}
