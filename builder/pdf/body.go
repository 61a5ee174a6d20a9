package pdf

import (
	"maps"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"studyguide/builder/guide"
	"studyguide/builder/mathbox"
)

// The body is laid out in parts: the introduction, then each top-level
// section with its subsections. The parts do not look at each other: a
// section starts with its heading (or its drawing), set outside any list
// or quotation, and nothing in it looks back at a box before that, so
// that a part can be laid out without the one before it. On a machine
// with more than one core the parts are laid out side by side, a few at
// a time, each by a worker with a typesetter, a run builder and width
// tables of its own; their boxes are handed on in the order of the parts,
// so that the pages are those of a layout done in one go, whatever the
// number of workers.
//
// What a part's layout owes the parts before it is settled as its boxes
// are handed on, on the goroutine that hands them on: the space asked
// for after the last box of one part goes above the first box of the
// next; the warnings, the footnotes' places in the structure tree, the
// characters no font could print, the text alternatives of formulas and
// any error go on in the order of the parts, before the boxes they came
// with. The marks of the headings are made before a part is laid out, so
// that the layout reads the map of marks without changing it. Link
// numbers and structure elements are made by tables safe for use from
// several goroutines.

// layBody lays out the introduction and every section, and hands the
// boxes to yield as it goes: those of the introduction, then those of
// each section's heading and text before its subsections. Each slice is
// the layout's to give away: it is not changed after yield has it, but
// for a body drawn as it is laid out (see recycler), whose slices hold
// the boxes of later batches once yield returns, so that yield must keep
// none of them. A section's heading leaves its mark in marks; a section that has a mark
// already, from an earlier layout, keeps it.
func (w *writer) layBody(marks map[*guide.Section]*mark, yield func([]*box)) {
	st := &stitcher{w: w, yield: yield}
	parts := 1 + len(w.g.Sections)
	inOutline := outlined(w.g)
	part := func(i int) *bodyPart {
		p := &bodyPart{index: i}
		if i > 0 {
			p.section = w.g.Sections[i-1]
			p.section.Walk(func(s *guide.Section) bool {
				mk := marks[s]
				if mk == nil {
					mk = newMark(s, inOutline(s))
					marks[s] = mk
				}
				p.marks = append(p.marks, mk)
				return true
			})
		}
		return p
	}
	workers := w.bodyWorkers
	if workers <= 0 {
		workers = min(runtime.GOMAXPROCS(0), maxBodyWorkers)
	}
	workers = min(workers, parts)
	if workers <= 1 {
		// One worker lays every part out in turn, on this goroutine,
		// with the writer's own width tables.
		bw := newBodyWorker(w, w.m)
		for i := range parts {
			p := part(i)
			bw.lay(p, st.take)
			w.handedOn(p)
		}
		return
	}
	// The workers take the parts in order, each the next one not taken,
	// and go on to the next as soon as they are done with one: how far
	// they get ahead of the pages is bounded by the boxes they hold
	// (bodyFlow), not by the parts.
	all := make([]*bodyPart, parts)
	for i := range all {
		all[i] = part(i)
	}
	f := &bodyFlow{ahead: aheadBoxes, queued: queuedBatches}
	if w.ahead > 0 {
		f.ahead = w.ahead
	}
	if w.keepBoxes {
		// The boxes are all kept until the pages are drawn, so that
		// holding them a little longer costs nothing: the workers go as
		// far ahead as they can.
		f.ahead, f.queued = math.MaxInt, math.MaxInt
	}
	f.cond.L = &f.mu
	var taken atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		bw := newBodyWorker(w, newMetrics(w.fs))
		wg.Go(func() {
			for {
				i := int(taken.Add(1)) - 1
				if i >= parts {
					return
				}
				p := all[i]
				bw.lay(p, func(b batch) { f.put(p, b) })
			}
		})
	}
	for i, p := range all {
		for {
			b := f.next(p)
			st.take(b)
			f.release(len(b.boxes), p.index, b.last)
			if b.last {
				break
			}
		}
		w.handedOn(p)
		all[i] = nil
	}
	wg.Wait()
	w.held = max(w.held, f.most)
}

// handedOn says that the boxes of part p are all handed on. A body drawn
// as it is laid out, which is laid out once, never reads the part's
// section again; one whose boxes are kept may be laid out again (see
// paginate), and says so of every section once it is placed.
func (w *writer) handedOn(p *bodyPart) {
	if w.done != nil && !w.keepBoxes && p.section != nil {
		w.done(p.section)
	}
}

// maxBodyWorkers is the most workers that lay the body out: its
// pagination and drawing are done on one goroutine, so more workers
// would mostly wait, each holding the boxes of its part.
const maxBodyWorkers = 4

// aheadBoxes is about the most boxes the workers hand on before the
// boxes before them are handed on to be paginated: a few hundred pages'
// worth, some megabytes, so that while one worker lays out a long part
// (a long guide's self-test, glossary or answer key runs to thousands of
// pages) the other has work. With a few pages' worth (128 boxes) the
// second core was about a tenth idle through the last second of a
// 5,000-section guide's layout, and the build took some 50 ms longer
// (medians of six runs taken in turn; its peak memory is about the
// same). The part whose boxes are being handed on is never held back by
// it.
const aheadBoxes = 8192

// queuedBatches is the most batches of a part waiting to be handed on to
// be paginated.
const queuedBatches = 2

// bodyFlow passes the parts' batches from the workers to the goroutine
// that hands them on to be paginated, and keeps the workers from laying
// out far ahead of the pages: a worker waits to hand on a batch of a part
// that is not the one being handed on while the boxes handed on and not
// yet paginated are over ahead, and to hand on a batch of any part while
// that part has queued batches waiting.
type bodyFlow struct {
	mu   sync.Mutex
	cond sync.Cond
	held int // boxes handed on by the workers, not yet paginated
	head int // the part being handed on to be paginated
	most int // the most boxes held at once
	// ahead and queued are the limits above.
	ahead, queued int
}

// put waits until there is room for b, then queues it on p.
func (f *bodyFlow) put(p *bodyPart, b batch) {
	n := len(b.boxes)
	f.mu.Lock()
	for len(p.queue) >= f.queued || f.held > 0 && f.held+n > f.ahead && p.index != f.head {
		f.cond.Wait()
	}
	f.held += n
	f.most = max(f.most, f.held)
	p.queue = append(p.queue, b)
	f.mu.Unlock()
	f.cond.Broadcast()
}

// next waits for p's next batch and takes it off the queue.
func (f *bodyFlow) next(p *bodyPart) batch {
	f.mu.Lock()
	for len(p.queue) == 0 {
		f.cond.Wait()
	}
	b := p.queue[0]
	p.queue[0] = batch{}
	p.queue = p.queue[1:]
	f.mu.Unlock()
	f.cond.Broadcast()
	return b
}

// release says that n boxes of part were handed on to be paginated, and
// the part's last ones when last is set.
func (f *bodyFlow) release(n, part int, last bool) {
	f.mu.Lock()
	f.held -= n
	if last {
		f.head = part + 1
	}
	f.mu.Unlock()
	f.cond.Broadcast()
}

// bodyPart is a part of the body to lay out: the introduction, or a
// top-level section with its subsections.
type bodyPart struct {
	index   int
	section *guide.Section // nil for the introduction
	// marks are the marks of the section and of its subsections, in the
	// order the layout meets their headings.
	marks []*mark
	// queue holds the part's batches of boxes, in order, laid out and
	// not yet handed on (see bodyFlow).
	queue []batch
}

// batch is boxes of a part, in order, that nothing laid out after them
// changes, with what their layout did besides.
type batch struct {
	boxes []*box
	fx    layoutEffects
	// last is set on a part's last batch; pending is then the space its
	// layout asks for above whatever box comes next. retired are chunks
	// whose lines are all in the boxes of this batch or of those before
	// it (see recycler).
	last    bool
	pending float64
	retired retiredChunks
}

// batchBoxes is how many boxes a worker gathers before it hands them on
// in the middle of a part: a list or a table of many items is handed on
// a few pages at a time.
const batchBoxes = 32

// layoutEffects is what the layout of a part does besides making boxes,
// kept to be done in the order of the parts.
type layoutEffects struct {
	warnings []warning
	notes    []notePlace
	errs     []error
	missing  missingChars
	mathAlt  map[*mathbox.Box]string
}

// warning is a warning of the layout.
type warning struct {
	pos guide.Pos
	msg string
}

// notePlace is a reference to footnotes in a structure element, which
// gives a footnote its place in the tree unless an earlier one did.
type notePlace struct {
	notes []int
	elem  *structElem
}

// bodyWorker lays out parts of the body, one after another, with a copy
// of the writer whose typesetter, run builder and warnings are its own.
type bodyWorker struct {
	w  *writer
	fx layoutEffects
}

// newBodyWorker returns a worker for w's body that measures text with m.
func newBodyWorker(w *writer, m *metrics) *bodyWorker {
	bw := &bodyWorker{}
	c := *w
	c.m = m
	if w.warn != nil {
		c.warn = func(pos guide.Pos, msg string) {
			bw.fx.warnings = append(bw.fx.warnings, warning{pos, msg})
		}
	}
	c.ts = &typesetter{m: m, fs: w.fs, warn: c.warn}
	if w.recycle != nil {
		c.ts.arena.pool, c.ts.lineArena.pool = &w.recycle.pieces, &w.recycle.lines
		c.ts.textArena = arena[byte]{pool: &w.recycle.texts, items: textChunk}
	} else {
		// The lines' texts live as long as the boxes: carved from
		// chunks, each of them many lines' (see lineBuilder.text).
		c.ts.textArena = arena[byte]{items: textChunk}
	}
	rb := *w.rb
	rb.runs, rb.anchor, rb.width, rb.mathAlt = nil, 0, 0, nil
	rb.warn = c.warn
	rb.fail = func(err error) { bw.fx.errs = append(bw.fx.errs, err) }
	c.rb = &rb
	bw.w = &c
	return bw
}

// effects returns what the layout did since the last call besides making
// boxes, and starts afresh.
func (bw *bodyWorker) effects() layoutEffects {
	fx := bw.fx
	fx.missing, bw.w.ts.missing = bw.w.ts.missing, missingChars{}
	fx.mathAlt, bw.w.rb.mathAlt = bw.w.rb.mathAlt, nil
	bw.fx = layoutEffects{}
	return fx
}

// lay lays out part p and hands its boxes to send, in batches, the last
// one marked.
func (bw *bodyWorker) lay(p *bodyPart, send func(batch)) {
	w := bw.w
	l := &layouter{w: w, fx: &bw.fx}
	marks := p.marks
	walk := &sectionWalk{l: l, keepTwo: -1, mark: func(*guide.Section) *mark {
		mk := marks[0]
		marks = marks[1:]
		return mk
	}}
	// flush moves the boxes laid out since the last flush to done, and
	// hands done on once it holds a batch. The last box stays in l.out,
	// as the first of the next boxes, for the layout looks back at the
	// box before what it lays out: it is done only at the next flush.
	var done []*box
	kept := 0
	// The chunks the typesetter retired before the last batch was handed
	// on: the lines in them are all in that batch's boxes, in those
	// before it, or in the box held back from it (see recycler).
	var retired retiredChunks
	take := func() retiredChunks {
		return retiredChunks{w.ts.arena.takeRetired(), w.ts.lineArena.takeRetired(), w.ts.textArena.takeRetired()}
	}
	l.flush = func() {
		if !walk.settle(false) || len(l.out) <= kept {
			return
		}
		last := len(l.out) - 1
		if done == nil {
			// A batch's slice is handed on with it: made with room for
			// the batch, or given back by the stitcher.
			done = w.batchList()
		}
		done = append(done, l.out[:last]...)
		l.out[0] = l.out[last]
		clear(l.out[1:])
		l.out = l.out[:1]
		kept = 1
		if len(done) >= batchBoxes {
			send(batch{boxes: done, fx: bw.effects(), retired: retired})
			done, retired = nil, take()
		}
	}
	fr := w.bodyFrame()
	if p.section == nil {
		l.blocks(w.g.Intro, fr)
		l.flush()
	} else {
		walk.walk(p.section, fr)
	}
	// Nothing after the part looks back into it: the box held back at
	// the last flush is done, and so is any laid out since.
	done = append(done, l.out...)
	last := take()
	retired.pieces = append(retired.pieces, last.pieces...)
	retired.lines = append(retired.lines, last.lines...)
	retired.texts = append(retired.texts, last.texts...)
	send(batch{boxes: done, fx: bw.effects(), last: true, pending: l.pending, retired: retired})
}

// batchList returns an empty list with room for a batch of boxes: one the
// recycler gives back, when the boxes are drawn as they are laid out.
func (w *writer) batchList() []*box {
	if w.recycle != nil {
		return w.recycle.batch()
	}
	return make([]*box, 0, 2*batchBoxes)
}

// stitcher hands the parts' boxes on in order, and does what their layout
// owes the parts before them and the writer.
type stitcher struct {
	w     *writer
	yield func([]*box)
	// carry is the space asked for after the last box handed on, which
	// goes above the next; started says the part being handed on has
	// handed on a box; boxes counts the boxes handed on.
	carry   float64
	started bool
	boxes   int
}

// take hands on a batch of boxes of the part after those taken before.
func (st *stitcher) take(b batch) {
	w := st.w
	fx := &b.fx
	for _, e := range fx.errs {
		w.doc.SetError(e)
	}
	if w.warn != nil {
		for _, wn := range fx.warnings {
			w.warn(wn.pos, wn.msg)
		}
	}
	for _, np := range fx.notes {
		w.placeNotes(np.notes, np.elem)
	}
	w.ts.missing.merge(&fx.missing)
	if len(fx.mathAlt) > 0 {
		if w.rb.mathAlt == nil {
			w.rb.mathAlt = fx.mathAlt
		} else {
			maps.Copy(w.rb.mathAlt, fx.mathAlt)
		}
	}
	if len(b.boxes) > 0 {
		if !st.started {
			// The space the part before asked for after its last box,
			// as the layout of one part would have put it.
			first := b.boxes[0]
			first.before = max(first.before, st.carry)
			st.started = true
		}
		st.yield(b.boxes)
		st.boxes += len(b.boxes)
	}
	if w.recycle != nil {
		w.recycle.handedOn(st.boxes, b.retired)
		w.recycle.dealtBatch(b.boxes)
	}
	if b.last {
		if st.started {
			st.carry = b.pending
		} else {
			st.carry = max(st.carry, b.pending)
		}
		st.started = false
	}
}

// sectionWalk lays out a section and its subsections, each heading kept
// with the first lines of its text.
type sectionWalk struct {
	l *layouter
	// keepTwo is the index in l.out of the first box of a section's text
	// while it is not yet known whether the heading keeps two of its
	// lines with it, -1 when it is known.
	keepTwo int
	// mark returns the mark of a section's heading.
	mark func(*guide.Section) *mark
}

// settle keeps a heading with two lines of its text once they are laid
// out, or at the end of its section, and reports whether the boxes laid
// out so far may be handed on.
func (sw *sectionWalk) settle(end bool) bool {
	l := sw.l
	if sw.keepTwo < 0 {
		return true
	}
	first := sw.keepTwo
	if first+1 >= len(l.out) && !end {
		return false
	}
	if first > 0 && first+1 < len(l.out) && l.out[first-1].keepNext {
		// A heading keeps two lines of its text with it, though the
		// first be a paragraph of one line.
		if b := l.out[first]; !b.keepNext {
			b.keepNext, b.glue = true, glueLines
		}
	}
	sw.keepTwo = -1
	return true
}

// walk lays out s in frame fr, then its subsections.
func (sw *sectionWalk) walk(s *guide.Section, fr frame) {
	l, w := sw.l, sw.l.w
	prev := l.cur
	l.cur = w.tags.elem("Sect", prev)
	defer func() { l.cur = prev }()
	mk := sw.mark(s)
	anchor := w.links.internal(s.ID)
	blocks := s.Blocks
	top := fr
	// On paper, the links of the study aids show where they go.
	fr.style.pages = s.Kind != guide.FromNotes
	if f := leadingFigure(s); f != nil {
		// The drawing is the section's page and carries its own title:
		// the heading is not printed, but its outline entry and link
		// target go on the drawing.
		var anchors []int
		if anchor != 0 {
			anchors = []int{anchor}
		}
		l.drawing(f, fr, mk, anchors)
		blocks = blocks[1:]
		if len(blocks) > 0 {
			l.space(fr.skip)
		}
	} else {
		start := len(l.out)
		l.heading(s.TitleInlines(), s.Level, s.Level, fr, mk, anchor)
		if tag := langTag(s.TitleLang); tag != "" && len(l.out) > start && l.out[start].tag != nil {
			// A heading in another language than the guide's.
			l.out[start].tag.more().lang = tag
		}
		if (opensPage(s) || s.Chapter || w.breaksBefore(s)) && len(l.out) > start {
			l.out[start].newPage = true
		}
	}
	sw.keepTwo = len(l.out)
	l.blocks(blocks, fr)
	sw.settle(true)
	if l.flush != nil {
		l.flush()
	}
	for _, c := range s.Sections {
		sw.walk(c, top)
	}
}
