package pdf

import (
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"studyguide/builder/mathbox"
)

// On a machine with more than two cores (see minDrawingCores), the pages
// are drawn on sheets, several at once. What a page paints depends only
// on its boxes, its number, its running head and footer, and the numbers
// known when it is drawn: a drawer turns a page into its content on a sheet of its own,
// away from the document. What the pages share is kept by one goroutine,
// which takes the sheets in the order of the pages and replays on the
// document what each page did to it: the page's objects are numbered,
// its elements join the structure tree and get their marked-content ids,
// its link annotations and outline entries are added, the forms of its
// late numbers and its transparency states are made and named in the
// content (a sheet leaves their names out, noting where they go), and the
// graphics state the page starts with, the one the page before it ended
// with, is set at its head. The characters each drawer prints are merged
// once every page is drawn. The document is then what drawing every page
// on it in turn would have made, byte for byte, on any number of drawers.

// sheetEvent is something a page drawn on a sheet did to the document,
// to be replayed in the order of the pages: its kind and the element it
// concerns. What else it needs is on the sheet, in lists consumed in the
// order of the events.
type sheetEvent struct {
	kind evKind
	e    *structElem
}

// evKind is the kind of a sheetEvent.
type evKind uint8

const (
	evJoin      evKind = iota // element e joined the tree (tagger.join)
	evMark                    // content was marked as element e's (tagger.mark)
	evAnnot                   // a link annotation of Link e was placed; its words in texts
	evAlt                     // formula element e was made; its formula in maths
	evForm                    // a late number's form was asked for; its key in forms
	evLateAnnot               // the last annotation's words wait for late numbers; in lateTexts
	evLateSay                 // the last annotation's words are made once numbers are known; by lateSays
)

// sheetHole is a name left out of a sheet's content, at offset off: the
// name of the page's form-th form, or, when form is -1, that of the
// transparency state of an opacity.
type sheetHole struct {
	off   int
	form  int32
	alpha string
}

// sheet is a page drawn away from the document: its content, in a
// document of one page, and what it did to the document besides.
type sheet struct {
	doc  *document
	page int // the page's number, from 1
	// mcids and annots count the page's marked-content ids and link
	// annotations.
	mcids, annots int
	events        []sheetEvent
	texts         []string
	maths         []*mathbox.Box
	forms         []lateKey
	lateTexts     lateTexts
	lateSays      []func() string
	holes         []sheetHole
}

// record notes an event of the page.
func (sh *sheet) record(k evKind, e *structElem) {
	sh.events = append(sh.events, sheetEvent{k, e})
}

// hole notes a name left out of the content at off.
func (sh *sheet) hole(off int, form int32, alpha string) {
	sh.holes = append(sh.holes, sheetHole{off, form, alpha})
}

// unset marks a graphics state setting of a sheet's document that the
// page has not set: the page ends with the one it started with.
const unset = "\x00"

// newSheet returns an empty sheet for the pages of d.
func newSheet(d *document) *sheet {
	sd := newDocument(d.w, d.h)
	sd.images = d.images
	sd.pages = []pageData{{}}
	sh := &sheet{doc: sd}
	sh.reset()
	return sh
}

// reset empties the sheet for another page.
func (sh *sheet) reset() {
	sd := sh.doc
	sd.content = sd.content[:0]
	sd.pages[0] = pageData{}
	sd.annots.reset()
	clear(sd.urls)
	sd.urls = sd.urls[:0]
	clear(sd.urlNum)
	sd.outlines = sd.outlines[:0]
	sd.err = nil
	sd.lineWidth, sd.capStyle, sd.joinStyle = math.NaN(), -1, -1
	sd.drawColor, sd.fillColor, sd.dash = unset, unset, unset
	sh.mcids, sh.annots = 0, 0
	clear(sh.events)
	sh.events = sh.events[:0]
	clear(sh.texts)
	sh.texts = sh.texts[:0]
	clear(sh.maths)
	sh.maths = sh.maths[:0]
	clear(sh.forms)
	sh.forms = sh.forms[:0]
	sh.lateTexts.reset()
	clear(sh.lateSays)
	sh.lateSays = sh.lateSays[:0]
	sh.holes = sh.holes[:0]
}

// pageJob is a page to draw: its number, the left edge of its text block,
// its running head and footer (all but the title page), and its boxes,
// those of the title page or as placed; settle says to let the structure
// tree write what the page leaves (see tagger.settle).
type pageJob struct {
	page   int
	x      float64
	chrome *chrome
	title  bool
	boxes  []*box
	plan   pagePlan
	// reused says the plan's lists are the paginator's, which it fills
	// again for the next page: a page drawn later draws a copy.
	reused bool
	settle bool

	sh   *sheet
	done chan struct{}
}

// paintPage draws a page with pen p, on the pen's sheet.
func (w *writer) paintPage(p *pen, j *pageJob) {
	p.newPage()
	if j.chrome != nil {
		w.drawChrome(p, j.chrome, j.x, j.page)
	}
	if j.title {
		y := w.lay.MarginTop + w.textH*0.22
		for _, bx := range j.boxes {
			y += bx.before
			w.drawBox(p, j.page, j.x, placement{b: bx, y: y}, nil)
			y += bx.h
		}
	} else {
		w.drawPage(p, j.x, j.page, j.plan)
	}
	p.endPage()
}

// minDrawnApart is the fewest pages a guide has for its pages to be
// drawn by drawers of their own: a shorter one is drawn on the goroutine
// that lays it out, as the cost of the drawers would outweigh what they
// save.
const minDrawnApart = 64

// minDrawingCores is the fewest cores on which the pages are drawn by
// drawers. On two, the goroutine that draws the pages and the one that
// compresses them keep both cores busy already, in about equal shares
// (some 170 ms each for the 1,000-section guide's 3,638 pages): drawers
// there cost a few per cent more processor time, and the pages come no
// sooner.
const minDrawingCores = 3

// maxDrawers is the most drawers that draw pages side by side.
const maxDrawers = 4

// drawer draws the pages of a document: on sheets, by drawers of its
// own, replayed on the document in order; or, with no drawers, straight
// on the document with its own pen, one page after another.
type drawer struct {
	w *writer
	// main is the document's pen: its tagger, late numbers and the text
	// alternatives of formulas are those the sheets are replayed with.
	main *pen
	// known holds the page of each link target placed so far, by link,
	// when the pages are drawn as they are laid out: a page prints the
	// numbers of the targets on it and before it, no later ones.
	known []atomic.Int32

	jobs  chan *pageJob
	queue []*pageJob  // the pages given to the drawers, not yet replayed
	pens  []*pen      // the drawers' pens
	free  chan *sheet // sheets replayed, to draw on again
	wg    sync.WaitGroup
}

// newDrawer returns a drawer of the pages of a document of about pages
// pages, whose own pen is main. When late is set, the pages are drawn as
// they are laid out, and the drawer is told where the link targets are
// placed (see placed).
func (w *writer) newDrawer(main *pen, pages int, late bool) *drawer {
	dr := &drawer{w: w, main: main}
	workers := w.bodyWorkers
	if workers <= 0 {
		workers = 1
		if n := runtime.GOMAXPROCS(0); n >= minDrawingCores && pages >= minDrawnApart {
			workers = min(n, maxDrawers)
		}
	}
	if workers <= 1 {
		return dr
	}
	if late {
		dr.known = make([]atomic.Int32, len(w.doc.links)+1)
	}
	dr.jobs = make(chan *pageJob, 4*workers)
	dr.free = make(chan *sheet, cap(dr.jobs)+workers)
	for range workers {
		fs := *w.fs
		fs.selected = make([]bool, len(fs.faces))
		fs.used = make([]runeSet, len(fs.faces))
		p := dr.newPen(&fs, newMetrics(&fs))
		dr.pens = append(dr.pens, p)
		dr.wg.Go(func() {
			for j := range dr.jobs {
				var sh *sheet
				select {
				case sh = <-dr.free:
				default:
					sh = newSheet(w.doc)
				}
				dr.paint(p, sh, j)
				close(j.done)
			}
		})
	}
	return dr
}

// newPen returns a pen that draws on sheets with faces fs, measuring text
// with m.
func (dr *drawer) newPen(fs *faceSet, m *metrics) *pen {
	w, main := dr.w, dr.main
	p := &pen{m: m, fs: fs, links: w.links, out: newTextOut(w.doc), pageOf: main.pageOf}
	if main.tags != nil {
		p.tags = &tagger{root: main.tags.root}
	}
	if main.late != nil {
		p.late = &lateNumbers{m: m, fs: fs}
	}
	if dr.known != nil {
		p.pageOf = func(link int) int {
			if link <= 0 || link >= len(dr.known) {
				return 0
			}
			if n := int(dr.known[link].Load()); n <= p.sheet.page {
				return n
			}
			return 0
		}
	}
	return p
}

// paint draws page j with p on sheet sh, emptied first.
func (dr *drawer) paint(p *pen, sh *sheet, j *pageJob) {
	sh.reset()
	sh.page = j.page
	p.sheet, p.doc, p.out.doc = sh, sh.doc, sh.doc
	if p.tags != nil {
		p.tags.doc, p.tags.rec = sh.doc, sh
	}
	if p.late != nil {
		p.late.doc, p.late.rec = sh.doc, sh
	}
	dr.w.paintPage(p, j)
	j.sh = sh
}

// placed says that link target link is on page n, when the pages are
// drawn as they are laid out. It must be called before page n is given.
func (dr *drawer) placed(link, n int) {
	if link > 0 && link < len(dr.known) {
		dr.known[link].Store(int32(n))
	}
}

// draw draws page j, and replays it on the document now or, when the
// drawers draw it, once the pages before it are replayed.
func (dr *drawer) draw(j *pageJob) {
	if dr.jobs == nil {
		// Straight on the document, as the replay of its sheet would.
		dr.w.doc.AddPage()
		dr.w.paintPage(dr.main, j)
		if j.settle {
			dr.main.settle()
		}
		return
	}
	if j.reused {
		j.plan = j.plan.clone()
	}
	j.done = make(chan struct{})
	dr.queue = append(dr.queue, j)
	dr.jobs <- j
	for len(dr.queue) > cap(dr.jobs) {
		dr.replayNext()
	}
}

// replayNext waits for the first page given and not yet replayed, and
// replays it.
func (dr *drawer) replayNext() {
	j := dr.queue[0]
	dr.queue[0] = nil
	dr.queue = dr.queue[1:]
	<-j.done
	dr.replay(j)
	select {
	case dr.free <- j.sh:
	default:
	}
	j.sh = nil
}

// wait replays every page given so far.
func (dr *drawer) wait() {
	for len(dr.queue) > 0 {
		dr.replayNext()
	}
}

// close replays every page given, stops the drawers and adds the
// characters they printed to the document's faces.
func (dr *drawer) close() {
	dr.wait()
	if dr.jobs == nil {
		return
	}
	close(dr.jobs)
	dr.wg.Wait()
	fs := dr.w.fs
	for _, p := range dr.pens {
		for f := range fs.faces {
			fs.selected[f] = fs.selected[f] || p.fs.selected[f]
			fs.used[f].addAll(&p.fs.used[f])
		}
	}
}

// replay does on the document what page j, drawn on its sheet, did: see
// the comment at the top of the file.
func (dr *drawer) replay(j *pageJob) {
	d, sh, p := dr.w.doc, j.sh, dr.main
	t, late := p.tags, p.late
	d.AddPage()
	if t != nil {
		t.newPage()
	}
	var texts, maths, lateTexts, lateSays int
	var forms []int32 // the document's form of each form the page asked for
	for _, ev := range sh.events {
		switch ev.kind {
		case evJoin:
			t.join(ev.e)
		case evMark:
			t.mark(ev.e)
		case evAnnot:
			t.annot(ev.e, sh.texts[texts])
			texts++
		case evAlt:
			ev.e.more().alt = p.mathAlt[sh.maths[maths]]
			maths++
		case evForm:
			forms = append(forms, late.form(sh.forms[len(forms)]))
		case evLateAnnot:
			late.annot(t.annotCount()-1, sh.lateTexts.at(lateTexts))
			lateTexts++
		case evLateSay:
			late.annotSay(t.annotCount()-1, sh.lateSays[lateSays])
			lateSays++
		}
	}
	sd := sh.doc
	pg := &d.pages[len(d.pages)-1]
	at := 0
	for _, h := range sh.holes {
		d.RawWrite(sd.content[at:h.off])
		at = h.off
		if h.form >= 0 {
			f := late.formAt(forms[h.form])
			if !f.key.what.total && !slices.Contains(pg.forms, f.ref) {
				pg.forms = append(pg.forms, f.ref)
			}
			d.RawWriteStr(f.ref.name)
			continue
		}
		i := slices.Index(d.alphas, h.alpha)
		if i < 0 {
			i = len(d.alphas)
			d.alphas = append(d.alphas, h.alpha)
		}
		d.content = strconv.AppendInt(d.content, int64(i+1), 10)
	}
	d.RawWrite(sd.content[at:])
	for i := range sd.annots.len() {
		a := sd.annots.at(i)
		if a.url != 0 {
			a.url = d.urlNumber(sd.urls[a.url-1])
		}
		d.annots.add(a)
	}
	pg.annots += sd.pages[0].annots
	for _, o := range sd.outlines {
		o.page = d.page()
		d.outlines = append(d.outlines, o)
	}
	// The graphics state the page ends with, which the next one starts
	// with.
	if !math.IsNaN(sd.lineWidth) {
		d.lineWidth = sd.lineWidth
	}
	if sd.capStyle >= 0 {
		d.capStyle = sd.capStyle
	}
	if sd.joinStyle >= 0 {
		d.joinStyle = sd.joinStyle
	}
	if sd.drawColor != unset {
		d.drawColor = sd.drawColor
	}
	if sd.fillColor != unset {
		d.fillColor = sd.fillColor
	}
	if sd.dash != unset {
		d.dash = sd.dash
	}
	d.SetError(sd.err)
	if j.settle && t != nil {
		t.settle()
	}
}

// addAll adds the runes of o to the set.
func (s *runeSet) addAll(o *runeSet) {
	if o.low != nil {
		if s.low == nil {
			s.low = make([]uint64, len(o.low))
		}
		for i, v := range o.low {
			s.low[i] |= v
		}
	}
	for r := range o.high {
		s.add(r)
	}
}
