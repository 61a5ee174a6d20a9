package pdf

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// Study tables (a section's summary, its terms, the guide at a glance and
// the glossary) are what a student reviews from. They are set a size
// smaller than the body, their caption in the small sans, their lead
// column (the key point, else the first) in bold, and their columns sized
// so that the rows are short: a column of dates or page numbers stays
// narrow, a column of sentences gets the room.

// studyNarrowEms is the width, in ems of the table's type, up to which a
// column's longest cell is short enough (a date, a dash, a page number)
// for the column to be given that cell's width and no share of the rest.
const studyNarrowEms = 8

// proseWeight is how much more of the room left over a column of
// sentences ("In one line", "Meaning") or of key points one a line takes
// than any other column, for the same length of text: a sentence broken
// into short lines is harder to read than a list of terms.
const proseWeight = 3

// titleWeight is the weight of a column of titles (sections, key points,
// terms, lists of key terms), less than any other column's: a title set
// on two or three lines reads well, and its row is most often as tall for
// its other cells.
const titleWeight = 0.5

// studySpare is the share of a study table's width that is left to share
// out after every column has its longest word: the space around the
// cells' text narrows (see fitPadding) to leave it, so that in large
// print and on small pages the sentences still get room.
const studySpare = 0.25

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
// table by their content, as autoWidths describes, with the space around
// the cells' text narrowed to leave studySpare of the width over. A
// column of sentences
// or of key points one a line (by its role, else the one whose cells most
// often end a sentence) weighs proseWeight, a column of titles
// titleWeight, and a column whose longest cell is narrow keeps that cell
// on one line while there is room.
func (tl *tableLayout) setStudyWidths(rows [][]tableCell) {
	minW, maxW := tl.extents(rows, studySpare)
	weight := make([]float64, tl.ncol)
	prose := false
	for c := range weight {
		weight[c] = 1
		switch tl.t.Role(c) {
		case guide.RoleGist, guide.RoleMeaning, guide.RoleKeyPoints:
			weight[c] = proseWeight
			prose = true
		case guide.RoleSection, guide.RoleKeyPoint, guide.RoleTerm, guide.RoleTerms:
			weight[c] = titleWeight
		}
	}
	if !prose {
		if c := proseColumn(rows[1:], tl.ncol); c >= 0 {
			weight[c] = proseWeight
		}
	}
	tl.widths = autoWidths(minW, maxW, weight, tl.fr.width, 2*tl.padX, studyNarrowEms*pt(tl.size))
	tl.tableW = 0
	for _, w := range tl.widths {
		tl.tableW += w
	}
}

// autoWidths shares avail among columns, all of it, as browsers lay out
// tables of automatic width. minW is each column's narrowest width (its
// longest word) and maxW its preferred width (its longest line, unwrapped);
// pad is added to both. When the preferred widths fit, each column gets
// its preferred width and what is left is spread in proportion to them.
// Otherwise a column whose preferred width is at most narrow gets it
// (when the other columns' narrowest widths still fit), every other column
// gets at least its narrowest width, and the room left goes to those
// columns in proportion to weight times how much wider they would be on
// one line: the extra width goes where the text is longest. Only when even
// the narrowest widths do not fit are columns set narrower than their
// longest word, and only the widest: they share alike what the others
// leave, so that as few columns as can be have a word broken.
func autoWidths(minW, maxW, weight []float64, avail, pad, narrow float64) []float64 {
	n := len(minW)
	mins := make([]float64, n)
	maxs := make([]float64, n)
	widths := make([]float64, n)
	sumMin, sumMax := 0.0, 0.0
	for c := range n {
		mins[c] = minW[c] + pad
		maxs[c] = max(maxW[c]+pad, mins[c])
		sumMin += mins[c]
		sumMax += maxs[c]
	}
	switch {
	case sumMin >= avail:
		return capWidths(mins, avail)
	case sumMax <= avail:
		for c := range n {
			widths[c] = maxs[c] * avail / sumMax
		}
		return widths
	}
	// Columns short enough to stay on one line take their preferred width
	// first, when the others can still have their narrowest.
	fixed := make([]bool, n)
	base := sumMin
	for c := range n {
		if maxs[c] <= narrow+pad && maxs[c] > mins[c] && base+maxs[c]-mins[c] <= avail && maxs[c]-mins[c] <= (avail-sumMin)/4 {
			fixed[c] = true
			base += maxs[c] - mins[c]
		}
	}
	share := 0.0
	for c := range n {
		widths[c] = mins[c]
		if fixed[c] {
			widths[c] = maxs[c]
		} else {
			share += weight[c] * (maxs[c] - mins[c])
		}
	}
	room := avail - base
	if share <= 0 {
		// Only fixed columns could grow: spread the room over all.
		for c := range n {
			widths[c] += room * widths[c] / base
		}
		return widths
	}
	for c := range n {
		if !fixed[c] {
			widths[c] += room * weight[c] * (maxs[c] - mins[c]) / share
		}
	}
	return widths
}

// capWidths returns widths that add up to avail, each the smaller of its
// minimum and a cap: the columns wider than the cap share alike what the
// narrower ones leave.
func capWidths(mins []float64, avail float64) []float64 {
	order := make([]int, len(mins))
	for c := range order {
		order[c] = c
	}
	sort.SliceStable(order, func(a, b int) bool { return mins[order[a]] < mins[order[b]] })
	widths := make([]float64, len(mins))
	left := avail
	for i, c := range order {
		if share := left / float64(len(order)-i); mins[c] > share {
			for _, d := range order[i:] {
				widths[d] = share
			}
			return widths
		}
		widths[c] = mins[c]
		left -= mins[c]
	}
	return widths
}

// hyphenate returns words with each word wider than width cut into
// pieces that fit, each but the last ending with a hyphen and each after
// the first starting a line: it is for a column too narrow for its
// longest word, which is then broken as a reader expects.
func (ts *typesetter) hyphenate(words []word, width float64) []word {
	var out []word
	for i, w := range words {
		if w.w <= width+1e-6 || !splittable(w) {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]word, 0, len(words)+2), words[:i]...)
		}
		for w.w > width+1e-6 && splittable(w) {
			last := w.pieces[len(w.pieces)-1]
			u, _ := ts.m.advance(last.face(), '-')
			hw := float64(u) * pt(last.size()) / 1000
			head, tail := ts.splitWord(w, max(width-hw, 0))
			if len(tail.pieces) == 0 {
				break
			}
			if n := len(head.pieces); n > 0 {
				hp := head.pieces[n-1]
				hp.text, hp.x, hp.w = "-", head.w, hw
				if hp.math() != nil {
					st := hp.styleOf()
					st.math = nil
					hp.key = ts.styles.key(st)
				}
				head.pieces = append(head.pieces, hp)
				head.w += hw
			}
			head.space, head.joins, head.brk, head.glued = w.space, w.joins, w.brk, w.glued
			out = append(out, head)
			tail.brk, tail.glued = true, true
			w = tail
		}
		out = append(out, w)
	}
	if out == nil {
		return words
	}
	return out
}

// proseColumn returns the column with the most cells that end a sentence,
// or -1 when no cell does.
func proseColumn(rows [][]tableCell, ncol int) int {
	count := make([]int, ncol)
	best := -1
	for _, row := range rows {
		for c, cell := range row {
			if cell.ends {
				count[c]++
				if best < 0 || count[c] > count[best] {
					best = c
				}
			}
		}
	}
	return best
}

// endsSentence reports whether the words of a cell's text end with a full
// stop, a question or exclamation mark, or an ellipsis.
func endsSentence(words []word) bool {
	if len(words) == 0 {
		return false
	}
	ps := words[len(words)-1].pieces
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
			minW[c] = max(minW[c], cell.minW)
			maxW[c] = max(maxW[c], cell.maxW)
		}
	}
	return minW, maxW
}

// hyphenBreaks returns words with each word cut after every hyphen that
// has letters on both sides, as browsers allow a line to break there: a
// compound such as "institution-building" then no longer sets the
// narrowest width of its column. The part after a hyphen has no space
// before it, so the parts print as one word when they share a line.
func (ts *typesetter) hyphenBreaks(words []word) []word {
	var out []word
	for i, w := range words {
		n := hyphenCut(w)
		if n == 0 {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]word, 0, len(words)+2), words[:i]...)
		}
		for n > 0 {
			head, tail := ts.splitAt(w, n)
			head.space, head.joins, head.brk, head.glued = w.space, w.joins, w.brk, w.glued
			out = append(out, head)
			tail.glued = true
			w = tail
			n = hyphenCut(w)
		}
		out = append(out, w)
	}
	if out == nil {
		return words
	}
	return out
}

// hyphenCut returns the number of runes of a word up to and including its
// first hyphen that follows a letter and is followed by one, or 0.
func hyphenCut(w word) int {
	var prev rune
	n, cut := 0, 0
	for _, p := range w.pieces {
		for _, r := range p.text {
			if cut > 0 {
				if unicode.IsLetter(r) {
					return cut
				}
				cut = 0
			}
			n++
			if r == '-' && unicode.IsLetter(prev) {
				cut = n
			}
			prev = r
		}
	}
	return 0
}
