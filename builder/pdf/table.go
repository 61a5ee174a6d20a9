package pdf

import (
	"studyguide/builder/guide"
)

// tableCell is a cell measured, and broken into lines when the column
// widths are known. The cells of a short table keep their words from
// when they are measured until they are broken; those of a long one (the
// at-a-glance table, the glossary) are set again when their row is laid
// out, so that the words of hundreds of pages of cells are never held at
// once.
type tableCell struct {
	words []word
	lines []line
	// minW is the width of the cell's longest word, maxW that of its
	// longest line set unbroken; ends says its text ends a sentence.
	minW, maxW float64
	ends       bool
	// src is the cell of the guide, set in bold when bold is set in the
	// style of its row, in head's when head is set: what a long table's
	// cell is set again from.
	head, bold bool
	src        *guide.Cell
}

// keptWordsRows is the most body rows a table may have for its cells to
// keep their words from when they are measured until they are broken.
const keptWordsRows = 64

// tableLayout holds what laying out one table needs.
type tableLayout struct {
	l      *layouter
	t      *guide.Table
	fr     frame
	ncol   int
	size   float64 // type size, points
	lead   float64 // line height, millimetres
	padX   float64
	padY   float64
	widths []float64
	tableW float64
	// elem is the table's element in the structure tree.
	elem *structElem
	// anchor is the table's link target while no box carries it.
	anchor int
	// keepWords says the cells keep their words until they are broken.
	keepWords bool
	// headStyle and bodyStyle are the styles of the header's cells and
	// of the body's.
	headStyle, bodyStyle textStyle
}

// cellTags makes the elements of a row of the table: a TR in group (a
// THead or TBody) and in it a TH, whose scope is its column, or a TD for
// each cell.
func (tl *tableLayout) cellTags(group *structElem, head bool) []*structElem {
	tags := tl.l.w.tags
	if tags == nil {
		return nil
	}
	tr := tags.elem("TR", group)
	cells := make([]*structElem, tl.ncol)
	for c := range cells {
		if head {
			cells[c] = tags.elem("TH", tr)
			cells[c].more().scope = "Column"
		} else {
			cells[c] = tags.elem("TD", tr)
		}
	}
	return cells
}

// Rules of a table: above the header and below the last row, and under the
// header.
const (
	tableRuleThick = 0.7 * mmPerPt
	tableRuleThin  = 0.4 * mmPerPt
)

// table lays out a table: column widths from the content, cell text
// wrapped with its inline styles, a rule under the header row, light zebra
// rows, and the header row repeated at the top of each page the table runs
// onto. A caption, when the table has one, goes above it. Study tables
// (those with a Kind) are set as studytable.go describes.
func (l *layouter) table(t *guide.Table, fr frame) {
	tl, header, rows := l.measureTable(t, fr)
	if tl == nil {
		return
	}
	l.space(0.9 * fr.lead)
	start := len(l.out)
	prev := l.cur
	tl.elem = l.w.tags.elem("Table", prev)
	if t.Caption != "" {
		l.cur = l.w.tags.elem("Caption", tl.elem)
		tl.caption()
	}
	l.cur = tl.elem
	var hb *box
	if header != nil {
		hb = tl.headerBox(header, tl.cellTags(l.w.tags.elem("THead", tl.elem), true))
		l.push(hb, &fr)
	}
	// The table's link target is on its first box, given it before the
	// rows are laid out, as they may be handed on one by one.
	tl.anchor = l.w.links.internal(t.ID)
	if len(l.out) > start && tl.anchor != 0 {
		l.out[start].addAnchors(tl.anchor)
		tl.anchor = 0
	}
	tl.rows(rows, hb)
	l.w.ts.release()
	l.cur = prev
	l.space(0.9 * fr.lead)
}

// measureTable measures the cells of a table and sets its column widths.
// It returns the header row (nil when there is none) and the body rows,
// or a nil layout for a table with no columns.
func (l *layouter) measureTable(t *guide.Table, fr frame) (tl *tableLayout, header []tableCell, rows [][]tableCell) {
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return nil, nil, nil
	}
	study := t.Kind != guide.FromNotes
	// A table is set at the layout's table size, or in proportion to it
	// in a frame set smaller or larger than the body.
	size := fr.style.size * l.w.lay.TableSize / l.w.lay.BodySize
	if study {
		size = studyTableSize(l.w.lay.TableSize, l.w.lay.SmallSize)
	}
	tl = &tableLayout{l: l, t: t, fr: fr, ncol: ncol, size: size, lead: pt(size) * 1.3, keepWords: len(t.Rows) <= keptWordsRows}
	tl.padX, tl.padY = 0.55*pt(size)+0.6, 0.3*tl.lead

	tl.headStyle = textStyle{fam: headFam, bold: true, size: size, color: fr.style.color}
	tl.bodyStyle = textStyle{fam: bodyFam, size: size, color: fr.style.color, pages: study || fr.style.pages}
	if len(t.Header) > 0 {
		header = tl.cells(t.Header, true, -1)
	}
	bold := -1
	if study {
		bold = leadColumn(t)
	}
	rows = make([][]tableCell, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = tl.cells(r, false, bold)
	}
	all := append([][]tableCell{header}, rows...)
	if study {
		tl.setStudyWidths(all)
	} else {
		tl.setWidths(all)
	}
	return tl, header, rows
}

// cells measures the words of a row's cells, the header's when head is
// set. The column bold, unless it is -1, is set in bold.
func (tl *tableLayout) cells(row []guide.Cell, head bool, bold int) []tableCell {
	out := make([]tableCell, tl.ncol)
	for c := range min(len(row), tl.ncol) {
		cell := &out[c]
		cell.src, cell.head, cell.bold = &row[c], head, c == bold
		words := tl.words(cell)
		cell.measure(words)
		if tl.keepWords {
			cell.words, cell.src = words, nil
		}
	}
	return out
}

// words splits a cell's text into words: words kept until the table is
// laid out for a short table, for a long one words that the next call
// reuses.
func (tl *tableLayout) words(cell *tableCell) []word {
	ts := tl.l.w.ts
	var inlines []guide.Inline
	if cell.src != nil {
		inlines = cell.src.Inlines
	}
	st := tl.bodyStyle
	if cell.head {
		st = tl.headStyle
	}
	st.bold = st.bold || cell.bold
	runs := tl.l.w.rb.flatten(inlines, st)
	if tl.keepWords {
		return ts.hyphenBreaks(ts.keep(runs))
	}
	return ts.hyphenBreaks(ts.words(runs))
}

// measure notes the widths of the cell's longest word and of its longest
// line set unbroken, and whether it ends a sentence.
func (cell *tableCell) measure(words []word) {
	lineW := 0.0
	for i, w := range words {
		cell.minW = max(cell.minW, w.w)
		switch {
		case w.brk:
			lineW = 0
		case i > 0:
			lineW += w.space
		}
		lineW += w.w
		cell.maxW = max(cell.maxW, lineW)
	}
	cell.ends = endsSentence(words)
}

// setWidths shares the frame's width among the columns of a table of the
// notes by their content, as autoWidths describes: the narrowest a column
// can be is its longest word, the widest it needs is its longest cell on
// one line, a column of short cells (dates, numbers) keeps them on one
// line, and the column whose cells most often end a sentence weighs
// proseWeight.
func (tl *tableLayout) setWidths(rows [][]tableCell) {
	minW, maxW := tl.extents(rows, 0)
	weight := make([]float64, tl.ncol)
	for c := range weight {
		weight[c] = 1
	}
	if c := proseColumn(rows[1:], tl.ncol); c >= 0 {
		weight[c] = proseWeight
	}
	tl.widths = autoWidths(minW, maxW, weight, tl.fr.width, 2*tl.padX, studyNarrowEms*pt(tl.size))
	tl.tableW = 0
	for _, w := range tl.widths {
		tl.tableW += w
	}
}

// extents returns each column's narrowest and preferred width, as
// columnExtents measures them over rows (the header row first), and
// narrows the space around the cells' text as fitPadding says. When the
// rows cannot all be set on one line, a column's preferred width is that
// of its body cells: a header set on two lines costs one line, a column
// of wrapped cells a line a row, so a long header gives its column no
// claim to the room.
func (tl *tableLayout) extents(rows [][]tableCell, spare float64) (minW, maxW []float64) {
	minW, maxW = columnExtents(rows, tl.ncol)
	tl.fitPadding(minW, spare)
	need := 0.0
	for _, w := range maxW {
		need += w + 2*tl.padX
	}
	if need > tl.fr.width && len(rows) > 1 {
		_, body := columnExtents(rows[1:], tl.ncol)
		for c := range maxW {
			maxW[c] = max(body[c], minW[c])
		}
	}
	return minW, maxW
}

// rowLines returns the number of lines of a row's tallest cell, once
// broken.
func (tl *tableLayout) rowLines(row []tableCell) int {
	most := 1
	for c := range row {
		most = max(most, len(row[c].lines))
	}
	return most
}

// fitPadding narrows the space on either side of the cells' text, down to
// half of what it is, when the columns' longest words (minW) would not
// otherwise fit side by side with spare of the width left over: a word is
// broken only when even the narrower padding leaves it no room.
func (tl *tableLayout) fitPadding(minW []float64, spare float64) {
	words := spare * tl.fr.width
	for _, w := range minW {
		words += w
	}
	if need := words + 2*tl.padX*float64(len(minW)); need > tl.fr.width {
		tl.padX = max(tl.padX/2, (tl.fr.width-words)/float64(2*len(minW)))
	}
}

// breakRow breaks a row's cells into lines and returns the number of lines
// of its tallest cell.
func (tl *tableLayout) breakRow(row []tableCell) int {
	most := 1
	for c := range row {
		room := tl.widths[c] - 2*tl.padX
		words := row[c].words
		if !tl.keepWords {
			words = tl.words(&row[c])
		}
		row[c].lines = tl.l.w.ts.lines(tl.l.w.ts.hyphenate(words, room), room)
		// The words are not needed once broken, and the rows are kept
		// until their page is drawn.
		row[c].words, row[c].src = nil, nil
		most = max(most, len(row[c].lines))
	}
	return most
}

// lineTops returns where each line [from, to) of a row starts below the
// row's first line, and where the last one ends: lead apart, more where a
// formula in a cell's line needs the room.
func (tl *tableLayout) lineTops(row []tableCell, from, to int) (tops []float64, end float64) {
	base := tl.lead/2 + baselineRatio*pt(tl.size)
	tops = make([]float64, 0, to-from)
	extra := 0.0 // the room formulas took so far
	for i := from; i < to; i++ {
		up, down := 0.0, 0.0
		for c := range row {
			if i < len(row[c].lines) {
				u, d := row[c].lines[i].mathRoom(tl.lead, base, tl.size)
				up, down = max(up, u), max(down, d)
			}
		}
		tops = append(tops, float64(i-from)*tl.lead+extra+up)
		extra += up + down
	}
	return tops, float64(to-from)*tl.lead + extra
}

// paintCells prints lines [from, to) of every cell of a row whose top is
// at y.
//
// Each cell's text belongs to its element of tags; an empty cell joins
// the structure tree all the same, so that every row has all its cells.
func (tl *tableLayout) paintCells(p *pen, row []tableCell, tags []*structElem, from, to int, x, y float64) {
	base := tl.lead/2 + baselineRatio*pt(tl.size)
	cx := x + tl.fr.indent
	tops, _ := tl.lineTops(row, from, min(to, tl.rowLines(row)))
	for c := range row {
		ls := row[c].lines
		if c < len(tags) {
			p.tag(tags[c])
			if from == 0 && len(ls) == 0 {
				p.touch(tags[c])
			}
		}
		for i := from; i < to && i < len(ls); i++ {
			ln := p.resolve(&ls[i])
			lx := cx + tl.padX
			if c < len(tl.t.Align) {
				switch tl.t.Align[c] {
				case guide.AlignRight:
					lx = cx + tl.widths[c] - tl.padX - ln.w
				case guide.AlignCenter:
					lx = cx + (tl.widths[c]-ln.w)/2
				}
			}
			p.line(ln, lx, y+tl.padY+tops[i-from]+base)
		}
		cx += tl.widths[c]
	}
}

// caption lays out the caption above the table, kept with it.
func (tl *tableLayout) caption() {
	cf := tl.fr
	cf.style = textStyle{fam: headFam, bold: true, size: tl.size, color: colorHeading}
	cf.lead = tl.lead
	if tl.t.Kind != guide.FromNotes {
		cf.style.size = tl.l.w.lay.SmallSize
		cf.lead = pt(cf.style.size) * 1.3
	}
	start := len(tl.l.out)
	caption := tl.t.CaptionInlines
	if caption == nil {
		caption = plain(tl.t.Pos, tl.t.Caption)
	}
	tl.l.textOf(caption, cf)
	for _, b := range tl.l.out[start:] {
		b.keepNext, b.glue = true, glueHeading
	}
	tl.l.space(0.25 * tl.lead)
}

// headerBox returns the header row: a thick rule above, a thin one below.
func (tl *tableLayout) headerBox(header []tableCell, tags []*structElem) *box {
	// The header row is printed again on every page the table runs
	// onto.
	tl.l.w.ts.lasting = true
	most := tl.breakRow(header)
	tl.l.w.ts.lasting = false
	_, lines := tl.lineTops(header, 0, most)
	h := lines + 2*tl.padY
	b := &box{h: h, keepNext: true, glue: glueHeading, baseline: tl.padY + tl.lead/2 + baselineRatio*pt(tl.size)}
	left, right := tl.fr.indent, tl.fr.indent+tl.tableW
	b.paint = func(p *pen, x, y float64) {
		p.rule(x+left, y, x+right, y, tableRuleThick, colorHeadRule)
		tl.paintCells(p, header, tags, 0, 1<<30, x, y)
		p.rule(x+left, y+h, x+right, y+h, tableRuleThin, colorHeadRule)
	}
	if !tl.fr.inNote {
		b.more().notes = rowNotes(header)
		tl.l.placeNotes(b.ext().notes, tl.elem)
	}
	b.addAnchors(rowAnchors(header, 0, 1<<30)...)
	return b
}

// rows lays out the body rows, zebra-striped, each one box carrying the
// header row to repeat above it when it opens a page. A row taller than
// most of a page is split between lines.
func (tl *tableLayout) rows(rows [][]tableCell, header *box) {
	hh := 0.0
	if header != nil {
		hh = header.h
	}
	maxLines := max(int((tl.l.w.textH*0.9-hh-2*tl.padY)/tl.lead), 1)
	base := tl.padY + tl.lead/2 + baselineRatio*pt(tl.size)
	left, right := tl.fr.indent, tl.fr.indent+tl.tableW
	body := tl.l.w.tags.elem("TBody", tl.elem)
	for ri, row := range rows {
		if ri > 0 {
			tl.l.breakOff()
		}
		// The row's boxes hold what they print of it: the table need
		// not hold the rows laid out.
		rows[ri] = nil
		most := tl.breakRow(row)
		var notes []int
		if !tl.fr.inNote {
			notes = rowNotes(row)
			tl.l.placeNotes(notes, tl.elem)
		}
		tags := tl.cellTags(body, false)
		zebra := ri%2 == 1
		last := ri == len(rows)-1
		for from := 0; from < most; from += maxLines {
			to := min(from+maxLines, most)
			_, lines := tl.lineTops(row, from, to)
			h := lines + 2*tl.padY
			b := &box{h: h, baseline: base, extra: &boxExtra{header: header, notes: notes, anchors: rowAnchors(row, from, to)}}
			notes = nil
			bottom := last && to == most
			// A short table is never split between pages.
			b.keepNext, b.glue = len(rows) <= keptRows && !bottom, glueWhole
			b.paint = func(p *pen, x, y float64) {
				if zebra {
					p.fill(x+left, y, right-left, h, colorZebra)
				}
				tl.paintCells(p, row, tags, from, to, x, y)
				if bottom {
					p.rule(x+left, y+h, x+right, y+h, tableRuleThick, colorHeadRule)
				}
			}
			tl.l.push(b, &tl.fr)
			if tl.anchor != 0 {
				b.addAnchors(tl.anchor)
				tl.anchor = 0
			}
		}
	}
}

// keptRows is the most body rows a table may have and still never be
// split between pages.
const keptRows = 6

// rowNotes returns the footnotes referenced in a row's cells.
func rowNotes(row []tableCell) []int {
	var notes []int
	for _, cell := range row {
		for _, ln := range cell.lines {
			notes = append(notes, ln.notes()...)
		}
	}
	return notes
}

// rowAnchors returns the link targets in lines [from, to) of a row's
// cells.
func rowAnchors(row []tableCell, from, to int) []int {
	var anchors []int
	for _, cell := range row {
		for i := from; i < to && i < len(cell.lines); i++ {
			anchors = append(anchors, cell.lines[i].anchors()...)
		}
	}
	return anchors
}
