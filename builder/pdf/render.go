package pdf

import (
	"studyguide/builder/guide"
	"studyguide/layouts"
)

// book is a guide laid out: what goes on every page, known in full before
// the first page is drawn.
type book struct {
	title  []*box
	toc    []pagePlan
	body   []pagePlan
	chrome []chrome // by page number; the title page has none
}

// render lays the guide out and draws every page. A guide whose pages
// outnumber what references were given room for is laid out again with
// more room, so that every page number fits where it is printed.
func (w *writer) render() error {
	b, err := w.paginate()
	if err != nil {
		return err
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
		total := len(b.chrome) - 1
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
	if _, err := w.paginate(); err != nil {
		return nil, err
	}
	pages := make(map[string]int, len(w.links.byID))
	for id, link := range w.links.byID {
		if n, ok := w.pages[link]; ok {
			pages[id] = n
		}
	}
	return pages, nil
}

// layout lays out the title page, the table of contents and the body, and
// deals them out to pages.
func (w *writer) layout() (*book, error) {
	b := &book{title: w.titleBoxes()}
	notes := w.layoutNotes()
	body, marks := w.bodyBoxes()
	var toc []*box
	if len(w.g.Sections) > 0 {
		toc = w.tocBoxes(marks)
	}
	top, bottom := w.lay.MarginTop, w.lay.PageHeight-w.lay.MarginBottom
	b.toc = (&paginator{top: top, bottom: bottom, closed: true}).paginate(toc)
	pg := &paginator{
		top:     top,
		bottom:  bottom,
		notes:   notes,
		noteSep: 1.2 * w.bodyLead,
		noteCap: notesCap * w.textH,
		line:    pt(min(w.lay.BodySize, w.lay.TableSize, w.lay.CodeSize)) * w.lay.Leading,
	}
	b.body = pg.paginate(body)
	firstBody := 2 + len(b.toc)
	total := firstBody - 1 + len(b.body)
	heads := runningHeads(b.body, firstBody, total)
	for i := range b.toc {
		heads[2+i] = w.labels.Text("toc.title")
	}
	b.chrome = w.pageChrome(heads, total)
	if w.doc.Err() {
		return nil, w.doc.Error()
	}
	return b, nil
}

// runningHeads numbers the pages of the section headings, for the table of
// contents, and returns the section title in the running head of each
// page: the first top-level section that starts on the page, else the one
// the page continues.
func runningHeads(body []pagePlan, firstBody, total int) []string {
	heads := make([]string, total+1)
	current := ""
	for i, plan := range body {
		n := firstBody + i
		head := ""
		for _, it := range plan.items {
			mk := it.b.ext().mark
			if mk == nil {
				continue
			}
			mk.page = n
			if mk.level == 0 {
				if head == "" {
					head = mk.title
				}
				current = mk.title
			}
		}
		if head == "" {
			head = current
		}
		heads[n] = head
	}
	return heads
}

// draw draws the pages of a book.
func (w *writer) draw(b *book) {
	p := &pen{doc: w.doc, m: w.m, fs: w.fs, links: w.links, out: newTextOut(w.doc), pageOf: func(n int) int { return w.pages[n] }, tags: w.tags, mathAlt: w.rb.mathAlt}
	page := 0
	newPage := func() float64 {
		p.endPage()
		w.doc.AddPage()
		p.newPage()
		page++
		if page > 1 {
			w.drawChrome(p, &b.chrome[page], w.leftX(page), page)
		}
		return w.leftX(page)
	}
	x := newPage()
	y := w.lay.MarginTop + w.textH*0.22
	for _, bx := range b.title {
		y += bx.before
		w.drawBox(p, page, x, placement{b: bx, y: y}, nil)
		y += bx.h
	}
	// A page drawn lets go of its boxes, and with them of the lines and
	// cells they paint, so that the book shrinks as its pages are written.
	b.title = nil
	for i := range b.toc {
		w.drawPage(p, newPage(), page, b.toc[i])
		b.toc[i] = pagePlan{}
	}
	for i := range b.body {
		w.drawPage(p, newPage(), page, b.body[i])
		b.body[i] = pagePlan{}
	}
	p.endPage()
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
		w.doc.Bookmark(pdfString(mk.title), mk.level, it.y)
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
// the page of a target that comes after them. A box placed more than once
// (a table's header row, repeated on every page the table runs onto) is
// a target where it is first placed.
func (w *writer) placeAnchors(b *book) {
	w.pages = map[int]int{}
	firstBody := 2 + len(b.toc)
	for i, plan := range b.body {
		page := firstBody + i
		for _, list := range [][]placement{plan.items, plan.notes} {
			for _, it := range list {
				for _, a := range it.b.ext().anchors {
					if _, done := w.pages[a]; done {
						continue
					}
					w.pages[a] = page
					w.doc.SetLink(a, it.y, page)
				}
			}
		}
	}
}
