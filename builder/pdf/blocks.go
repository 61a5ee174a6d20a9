package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/mathbox"
)

// frame is the space a block is laid out in: how far in from the left of
// the text block it starts, how wide it is, the style its text starts in,
// and what surrounds it.
type frame struct {
	indent float64 // millimetres from the left of the text block
	width  float64
	style  textStyle
	lead   float64 // line height in millimetres
	skip   float64 // space between blocks
	bars   []bar
	depth  int  // how many bullet lists the block is inside
	inItem bool // directly inside a list item
	inNote bool // inside a footnote: references are not collected again
}

// layouter turns blocks into boxes.
type layouter struct {
	w       *writer
	out     []*box
	pending float64 // space to put above the next box
	bars    int     // quote bars handed out so far
	// cur is the element of the structure tree that the boxes pushed now
	// belong to, nil for the Document.
	cur *structElem
	// bare says that the next paragraph is all its list item holds: its
	// text goes straight into the item's LBody, with no P of its own.
	bare bool
	// flush, when set, hands the boxes laid out so far on, to be dealt
	// out to pages before the layout goes on; nest is how deep the
	// layout is in blocks within blocks.
	flush func()
	nest  int
	// fx, when set, keeps what the layout does besides making boxes
	// (footnotes placed, errors) to be done later, in order: the body is
	// laid out in parts, side by side (body.go).
	fx *layoutEffects
}

// placeNotes gives the footnotes notes, referenced in element e, their
// place in the structure tree, as writer.placeNotes does; when the layout
// keeps its effects, once the boxes before are handed on.
func (l *layouter) placeNotes(notes []int, e *structElem) {
	if l.fx != nil {
		if len(notes) > 0 {
			l.fx.notes = append(l.fx.notes, notePlace{notes: notes, elem: e})
		}
		return
	}
	l.w.placeNotes(notes, e)
}

// fail stops the document with an error; when the layout keeps its
// effects, once the boxes before are handed on.
func (l *layouter) fail(err error) {
	if l.fx != nil {
		l.fx.errs = append(l.fx.errs, err)
		return
	}
	l.w.doc.SetError(err)
}

// breakOff hands the boxes laid out so far on, if the layout is between
// two items of a list or two rows of a table that is a block of a
// section's own (not in a list item, a quotation or a footnote): nothing
// after that looks back at the boxes before, so that a list or table of
// thousands of items need not be laid out whole before its first page is
// known.
func (l *layouter) breakOff() {
	if l.flush != nil && l.nest == 1 {
		l.flush()
	}
}

// in makes an element of type typ in the current one, lays out what f
// lays out inside it, and returns it.
func (l *layouter) in(typ string, f func(e *structElem)) *structElem {
	prev := l.cur
	e := l.w.tags.elem(typ, prev)
	l.cur = e
	f(e)
	l.cur = prev
	return e
}

// space asks for at least h of space above the next box.
func (l *layouter) space(h float64) { l.pending = max(l.pending, h) }

// push adds a box in frame fr.
func (l *layouter) push(b *box, fr *frame) {
	b.before = max(b.before, l.pending)
	l.pending = 0
	if b.baseline == 0 {
		b.baseline = min(b.h, fr.lead/2+baselineRatio*pt(fr.style.size))
	}
	if len(fr.bars) > 0 {
		b.more().bars = fr.bars
	}
	if b.tag == nil {
		b.tag = l.cur
	}
	l.out = append(l.out, b)
}

// blocks lays out a sequence of blocks.
func (l *layouter) blocks(bs []guide.Block, fr frame) {
	l.nest++
	for i, b := range bs {
		if _, ok := b.(*guide.List); ok && i > 0 && fr.inItem {
			// A list nested in an item sits close to the item's text.
			l.space(min(fr.skip, 2*tightSkip*l.w.bodyLead))
		} else if i > 0 {
			l.space(fr.skip)
		}
		start := len(l.out)
		l.block(b, fr)
		// A list item's lead keeps with the first line of the text after
		// it, and the item's last line, when it stands alone (a "See …"
		// line), with what it belongs to.
		if fr.inItem && start > 0 && len(l.out) > start && (i == 1 || i > 0 && i == len(bs)-1 && len(l.out) == start+1) {
			l.out[start-1].keepNext = true
			if i == 1 {
				l.out[start-1].glue = glueHeading
			} else {
				l.out[start-1].glue = glueWhole
			}
		}
		// A paragraph that leads into a list ("Three causes:") stays with
		// the list's first lines, and one that leads into a displayed
		// formula ("The roots are") with the formula.
		if _, ok := b.(*guide.Paragraph); ok && i+1 < len(bs) && len(l.out) > start {
			if _, ok := bs[i+1].(*guide.List); ok || displayedOnly(bs[i+1]) {
				l.out[len(l.out)-1].keepNext, l.out[len(l.out)-1].glue = true, glueWhole
			}
		}
	}
	l.nest--
}

// block lays out one block.
func (l *layouter) block(b guide.Block, fr frame) {
	switch b := b.(type) {
	case *guide.Paragraph:
		l.paragraph(b.Inlines, fr)
	case *guide.List:
		l.list(b, fr)
	case *guide.Quote:
		l.in("BlockQuote", func(*structElem) { l.quote(b, fr) })
	case *guide.Div:
		// A passage in a language of its own.
		l.in("Div", func(e *structElem) {
			if e != nil {
				e.more().lang = langTag(b.Lang)
			}
			l.blocks(b.Blocks, fr)
		})
	case *guide.CodeBlock:
		l.in("Code", func(*structElem) { l.code(b, fr) })
	case *guide.Rule:
		l.rule(fr)
	case *guide.Table:
		l.table(b, fr)
	case *guide.DefinitionList:
		l.in("L", func(*structElem) { l.definitions(b, fr) })
	case *guide.Figure:
		l.drawing(b, fr, nil, nil)
	default:
		l.fail(fmt.Errorf("no way to lay out a block of kind %T", b))
	}
}

// paragraph lays out running text. Images that stand between runs of text
// at the top level become figures of their own.
func (l *layouter) paragraph(inlines []guide.Inline, fr frame) {
	start := 0
	for i, n := range inlines {
		switch n := n.(type) {
		case *guide.Image:
			if l.para(inlines[start:i], fr) {
				l.space(fr.skip)
			}
			l.figure(n, fr)
			l.space(fr.skip)
			start = i + 1
		case *guide.Formula:
			if !n.Display || n.Tree == nil || l.w.fs.mathFace() == nil {
				continue
			}
			if l.para(inlines[start:i], fr) {
				// The words that lead into a displayed formula stay
				// on its page.
				last := l.out[len(l.out)-1]
				last.keepNext, last.glue = true, glueWhole
			}
			l.displayed(n, fr)
			start = i + 1
		}
	}
	l.para(inlines[start:], fr)
}

// para lays out inlines as a paragraph, a P of the structure tree, and
// reports whether there was any text.
func (l *layouter) para(inlines []guide.Inline, fr frame) bool {
	if l.bare {
		l.bare = false
		return l.textOf(inlines, fr)
	}
	var any bool
	l.in("P", func(*structElem) { any = l.textOf(inlines, fr) })
	return any
}

// displayedOnly reports whether a block is a paragraph that holds only a
// formula for display: a displayed equation.
func displayedOnly(b guide.Block) bool {
	p, ok := b.(*guide.Paragraph)
	if !ok {
		return false
	}
	found := false
	for _, n := range p.Inlines {
		switch n := n.(type) {
		case *guide.Formula:
			if !n.Display || found {
				return false
			}
			found = true
		case *guide.Text:
			if strings.TrimSpace(n.Text) != "" {
				return false
			}
		case *guide.Break:
		default:
			return false
		}
	}
	return found
}

// displayed lays out a formula on a line of its own, in display style,
// centred, with space above and below: one box, never split between
// pages. A formula wider than the frame is set smaller to fit it, down
// to minDisplayShrink of its size, and one taller than most of a page is
// shrunk to fit the page.
func (l *layouter) displayed(f *guide.Formula, fr frame) {
	size := fr.style.size
	b := mathbox.Layout(l.w.fs.mathFace(), f.Tree, true, size)
	if w := pt(b.Width); w > fr.width {
		b = mathbox.Layout(l.w.fs.mathFace(), f.Tree, true, size*max(fr.width/w, minDisplayShrink))
	}
	// Nor is it ever taller than most of a page, which would run it off
	// the foot of its page: a formula that tall is shrunk whole.
	if h, most := pt(b.Ascent+b.Descent), displayMaxPart*l.w.textH; h > most {
		b = b.Scaled(most / h)
	}
	gap := displaySkip * fr.lead
	x0 := fr.indent + (fr.width-pt(b.Width))/2
	up := pt(b.Ascent)
	l.space(gap)
	tag := l.w.tags.elem("Formula", l.cur)
	if tag != nil {
		tag.more().alt = f.Text()
	}
	l.push(&box{h: up + pt(b.Descent), baseline: up, tag: tag, paint: func(p *pen, x, y float64) {
		p.formula(b, x+x0, y+up, fr.style.color)
	}}, &fr)
	l.space(gap)
}

// textOf lays out inlines as lines of text and reports whether there was
// any text.
func (l *layouter) textOf(inlines []guide.Inline, fr frame) bool {
	if blank(inlines) {
		return false
	}
	lines := l.w.typeset(inlines, fr.style, fr.width)
	l.lines(lines, fr)
	return len(lines) > 0
}

// blank reports whether inlines hold nothing but spaces and line breaks.
func blank(inlines []guide.Inline) bool {
	for _, n := range inlines {
		switch n := n.(type) {
		case *guide.Break:
		case *guide.Text:
			for _, r := range n.Text {
				if r != ' ' && r != '\t' && r != '\n' {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// lines pushes one box per line. The first line keeps with the second and
// the last with the one before it, so no page starts or ends with a lone
// line of a paragraph.
func (l *layouter) lines(lines []line, fr frame) {
	n := len(lines)
	base := fr.lead/2 + baselineRatio*pt(fr.style.size)
	indent := fr.indent
	// The boxes of a paragraph are made in one piece: they are drawn
	// within a page or two of each other.
	boxes := make([]box, n)
	for i := range lines {
		ln := &lines[i]
		up, down := ln.mathRoom(fr.lead, base, fr.style.size)
		base := base + up
		b := &boxes[i]
		*b = box{h: fr.lead + up + down, baseline: base}
		b.keepNext = n >= 2 && (i == 0 || i == n-2)
		if !fr.inNote {
			if ns := ln.notes(); len(ns) > 0 {
				b.more().notes = ns
				l.placeNotes(ns, l.cur)
			}
		}
		b.addAnchors(ln.anchors()...)
		b.paint = func(p *pen, x, y float64) { p.line(ln, x+indent, y+base) }
		l.push(b, &fr)
	}
}

// mathRoom returns how much taller the formulas in a line make it, above
// and below, when the line is lead high with its baseline base below its
// top: what they lack of the text's own room, and a little space.
func (ln *line) mathRoom(lead, base, size float64) (up, down float64) {
	x := ln.ext()
	if x.mathUp == 0 && x.mathDown == 0 {
		return 0, 0
	}
	room := mathClearance * pt(size)
	return max(0, x.mathUp+room-base), max(0, x.mathDown+room-(lead-base))
}

// bullet returns the marker of an unordered list at a depth.
func bullet(depth int) string {
	switch depth {
	case 0:
		return "•"
	case 1:
		return "–"
	}
	return "◦"
}

// list lays out a list with hanging indents: markers in a column of their
// own, item text aligned beside them.
func (l *layouter) list(ls *guide.List, fr frame) {
	size := fr.style.size
	st := fr.style
	st.bold, st.italic = false, false
	// The marker of each item: its number, or the bullet all share.
	var numbers []line
	var bulleted line
	widest := 0.0
	if ls.Ordered {
		numbers = make([]line, len(ls.Items))
		for i := range numbers {
			numbers[i] = l.number(ls.Start+i, st, fr.width)
			widest = max(widest, numbers[i].w)
		}
	} else if len(ls.Items) > 0 {
		bulleted = l.marker(bullet(fr.depth), st, fr.width, true)
	}
	gap := 0.5 * pt(size)
	col := max(widest+gap, 1.5*pt(size))
	if !ls.Ordered {
		col = 1.5 * pt(size)
	}
	itemSkip := fr.skip
	if ls.Tight {
		itemSkip = tightSkip * l.w.bodyLead
	}
	inner := fr
	inner.indent += col
	inner.width -= col
	inner.skip = itemSkip
	inner.inItem = true
	if !ls.Ordered {
		inner.depth++
	}
	list := l.w.tags.elem("L", l.cur)
	prev := l.cur
	defer func() { l.cur = prev }()
	for i, it := range ls.Items {
		if i > 0 {
			l.breakOff()
			l.space(itemSkip)
		}
		mk := &bulleted
		if ls.Ordered {
			mk = &numbers[i]
		}
		li := l.w.tags.elem("LI", list)
		lbl := l.w.tags.elem("Lbl", li)
		l.cur = l.w.tags.elem("LBody", li)
		first := len(l.out)
		if len(it.Blocks) == 1 {
			_, l.bare = it.Blocks[0].(*guide.Paragraph)
		}
		l.blocks(it.Blocks, inner)
		l.bare = false
		if len(l.out) == first {
			l.push(&box{h: fr.lead}, &inner)
		}
		b := l.out[first]
		if it.Key != nil {
			if n := l.w.links.internal(it.Key.ID); n != 0 {
				b.addAnchors(n)
			}
		}
		mx := fr.indent + col - gap - mk.w
		base := b.baseline
		paint, tag := b.paint, b.tag
		b.paint = func(p *pen, x, y float64) {
			// The marker first, as it is read first: the item's text
			// then runs on in one marked-content sequence.
			p.tag(lbl)
			p.line(mk, x+mx, y+base)
			p.tag(tag)
			if paint != nil {
				paint(p, x, y)
			}
		}
	}
}

// markerKey is what a list marker's line is typeset from.
type markerKey struct {
	text  string
	style textStyle
	width float64
}

// marker returns the line of a list marker, typeset in chunks never
// filled again: a list's markers are typeset before its first item is
// laid out, and printed with the items, long after it for a long list.
// A marker shared is typeset once for every list that prints it. The line
// is empty when the marker has no text to print.
func (l *layouter) marker(text string, st textStyle, width float64, shared bool) line {
	ts := l.w.ts
	k := markerKey{text, st, width}
	if mk, ok := ts.markers[k]; ok {
		return mk
	}
	ts.lasting = true
	var mk line
	if lines := l.w.typeset(plain(guide.NoPos, text), st, width); len(lines) > 0 {
		mk = lines[0]
	}
	ts.lasting = false
	if shared {
		if ts.markers == nil {
			ts.markers = map[markerKey]line{}
		}
		ts.markers[k] = mk
	}
	return mk
}

// maxSharedNumber is the highest number of an ordered list whose marker
// is shared by the lists that print it: the items of most lists are
// numbered from 1 to a few, those of the few long ones, such as a long
// guide's answers, from 1 to thousands, each number printed once or
// twice in the guide.
const maxSharedNumber = 99

// number returns the marker of item n of an ordered list.
func (l *layouter) number(n int, st textStyle, width float64) line {
	return l.marker(strconv.Itoa(n)+".", st, width, n <= maxSharedNumber)
}

// quote lays out a block quote: indented, with a thin bar on its left.
func (l *layouter) quote(q *guide.Quote, fr frame) {
	l.bars++
	ind := 1.6 * pt(fr.style.size)
	inner := fr
	inner.bars = append(slices.Clone(fr.bars), bar{x: fr.indent + 0.3*pt(fr.style.size), id: l.bars})
	inner.indent += ind
	inner.width -= ind
	inner.style.color = colorQuote
	inner.inItem = false
	l.blocks(q.Blocks, inner)
}

// rule lays out a thematic break: a short centred line.
func (l *layouter) rule(fr frame) {
	w := fr.width / 3
	x0 := fr.indent + (fr.width-w)/2
	h := fr.lead
	l.push(&box{h: h, paint: func(p *pen, x, y float64) {
		p.rule(x+x0, y+h/2, x+x0+w, y+h/2, 0.3*mmPerPt, colorRule)
	}}, &fr)
}

// definitions lays out a definition list: each term in bold, its
// definitions indented below it.
func (l *layouter) definitions(dl *guide.DefinitionList, fr frame) {
	inner := fr
	ind := 1.8 * pt(fr.style.size)
	inner.indent += ind
	inner.width -= ind
	inner.inItem = false
	termStyle := fr
	termStyle.style.bold = true
	list := l.cur
	defer func() { l.cur = list }()
	for i, it := range dl.Items {
		if i > 0 {
			l.space(fr.skip)
		}
		li := l.w.tags.elem("LI", list)
		l.cur = l.w.tags.elem("Lbl", li)
		start := len(l.out)
		l.textOf(it.Term, termStyle)
		if len(l.out) > start {
			l.out[len(l.out)-1].keepNext, l.out[len(l.out)-1].glue = true, glueHeading
		}
		l.cur = l.w.tags.elem("LBody", li)
		for _, d := range it.Definitions {
			l.space(tightSkip * l.w.bodyLead)
			l.blocks(d, inner)
		}
	}
}
