package pdf

import (
	"unicode/utf8"

	"studyguide/builder/guide"
)

// Study tables (a section's summary, its terms, the guide at a glance and
// the glossary) are what a student reviews from. They are set a size
// smaller than the body, their caption in the small sans, their lead
// column (the key point, else the first) in bold, and their columns sized
// so that the rows are short: a column of dates or page numbers stays
// narrow, a column of sentences gets the room.

// studyMinEms is the width, in ems of the table's type, below which a
// column of a study table that holds longer text is not squeezed while the
// table can be laid out without doing so.
const studyMinEms = 8

// proseWeight is how much more each line a sentence wraps onto counts
// than a line of any other cell, when the width of a study table is
// shared: a sentence broken into many short lines is harder to read than a
// list of terms.
const proseWeight = 1.6

// widthSteps is how many slices the free width of a study table is dealt
// out in.
const widthSteps = 160

// studyTableSize returns the type size of study tables: the layout's
// table size, but never under its small size.
func studyTableSize(table, small float64) float64 {
	return max(small, table)
}

// leadColumn returns the column of a study table set in bold: the one of
// key points, else the first, which names the row's term or point.
func leadColumn(t *guide.Table) int {
	for i := range t.Header {
		switch t.Role(i) {
		case guide.RoleKeyPoint, guide.RoleKeyPoints:
			return i
		}
	}
	return 0
}

// setStudyWidths shares the frame's width among the columns of a study
// table. Each column first gets a comfortable width: what its longest cell
// needs on one line, but no more than studyMinEms and no less than its
// longest word. The rest is dealt out in small slices, each to the column
// where it shortens the table most, the lines of the prose column (whose
// cells are sentences: "In one line", "Meaning") weighing proseWeight.
// When the comfortable widths do not fit, the widths are shared as for any
// table.
func (tl *tableLayout) setStudyWidths(rows [][]tableCell) {
	minW, maxW := columnExtents(rows, tl.ncol)
	pad := 2 * tl.padX
	avail := tl.fr.width
	start := make([]float64, tl.ncol)
	most := make([]float64, tl.ncol)
	sum := 0.0
	for c := range tl.ncol {
		most[c] = max(maxW[c], minW[c]) + pad
		start[c] = min(most[c], max(minW[c]+pad, studyMinEms*pt(tl.size)))
		sum += start[c]
	}
	if sum > avail {
		tl.widths = columnWidths(minW, maxW, avail, pad)
	} else {
		weight := make([]float64, tl.ncol)
		for c := range weight {
			weight[c] = 1
		}
		if c := proseColumn(rows[1:], tl.ncol); c >= 0 {
			weight[c] = proseWeight
		}
		lengths := make([][]float64, 0, len(rows))
		for _, row := range rows {
			if row == nil {
				continue
			}
			ls := make([]float64, tl.ncol)
			for c, cell := range row {
				ls[c] = cellLength(cell)
			}
			lengths = append(lengths, ls)
		}
		tl.widths = balanceWidths(lengths, start, most, weight, avail, pad)
	}
	tl.tableW = 0
	for _, w := range tl.widths {
		tl.tableW += w
	}
}

// proseColumn returns the column with the most cells that end a sentence,
// or -1 when no cell does.
func proseColumn(rows [][]tableCell, ncol int) int {
	count := make([]int, ncol)
	best := -1
	for _, row := range rows {
		for c, cell := range row {
			if endsSentence(cell) {
				count[c]++
				if best < 0 || count[c] > count[best] {
					best = c
				}
			}
		}
	}
	return best
}

// endsSentence reports whether a cell's text ends with a full stop, a
// question or exclamation mark, or an ellipsis.
func endsSentence(cell tableCell) bool {
	if len(cell.words) == 0 {
		return false
	}
	ps := cell.words[len(cell.words)-1].pieces
	if len(ps) == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(ps[len(ps)-1].text)
	switch r {
	case '.', '!', '?', '…':
		return true
	}
	return false
}

// columnExtents returns, for each column, the width of its longest word
// and of its longest cell set on one line.
func columnExtents(rows [][]tableCell, ncol int) (minW, maxW []float64) {
	minW = make([]float64, ncol)
	maxW = make([]float64, ncol)
	for _, row := range rows {
		for c, cell := range row {
			lineW := 0.0
			for i, w := range cell.words {
				minW[c] = max(minW[c], w.w)
				switch {
				case w.brk:
					lineW = 0
				case i > 0:
					lineW += w.space
				}
				lineW += w.w
				maxW[c] = max(maxW[c], lineW)
			}
		}
	}
	return minW, maxW
}

// cellLength is the width of a cell's words set on one line, hard breaks
// ignored.
func cellLength(cell tableCell) float64 {
	n := 0.0
	for i, w := range cell.words {
		if i > 0 {
			n += w.space
		}
		n += w.w
	}
	return n
}

// balanceWidths deals avail out among columns that start at start and
// need no more than most. lengths holds each row's cells' lengths on one
// line; a cell of length L in a column of width w takes about L/(w-pad)
// lines, at least one, each line after the first weighing as much as the
// column's weight, and a row is as tall as its tallest cell. Each slice
// goes to the column that makes the rows shortest in sum (the first such
// column on a tie).
func balanceWidths(lengths [][]float64, start, most, weight []float64, avail, pad float64) []float64 {
	n := len(start)
	w := append([]float64(nil), start...)
	left := avail
	for _, v := range w {
		left -= v
	}
	lines := func(c int, l, width float64) float64 {
		return 1 + weight[c]*(max(1, l/max(width-pad, 1e-6))-1)
	}
	step := avail / widthSteps
	gain := make([]float64, n)
	// The lines of each cell at the widths so far and one slice wider,
	// worked out again only for the column that grew.
	now := make([]float64, len(lengths)*n)
	wider := make([]float64, len(lengths)*n)
	update := func(c int, d float64) {
		for r, row := range lengths {
			if c < len(row) {
				now[r*n+c] = lines(c, row[c], w[c])
				wider[r*n+c] = lines(c, row[c], w[c]+d)
			}
		}
	}
	slice := 0.0 // the slice wider holds the lines at
	for left > 1e-9 {
		d := min(step, left)
		if d != slice {
			for c := range n {
				update(c, d)
			}
			slice = d
		}
		clear(gain)
		for r, row := range lengths {
			top, second, col := 0.0, 0.0, -1
			for c := range row {
				v := now[r*n+c]
				switch {
				case v > top:
					top, second, col = v, top, c
				case v > second:
					second = v
				}
			}
			if col >= 0 && w[col] < most[col] {
				gain[col] += top - max(second, wider[r*n+col])
			}
		}
		best := -1
		for c := range n {
			if gain[c] > 1e-9 && (best < 0 || gain[c] > gain[best]) {
				best = c
			}
		}
		if best < 0 {
			break
		}
		w[best] += d
		left -= d
		update(best, d)
	}
	// What no slice could use goes first to columns that still wrap, in
	// proportion to what they lack, then to all in proportion to width.
	room := 0.0
	for c := range w {
		room += most[c] - w[c]
	}
	if left > 1e-9 && room > 1e-9 {
		give := min(left, room)
		for c := range w {
			w[c] += give * (most[c] - w[c]) / room
		}
		left -= give
	}
	if left > 1e-9 {
		total := 0.0
		for _, v := range w {
			total += v
		}
		for c := range w {
			w[c] += left * w[c] / total
		}
	}
	return w
}
