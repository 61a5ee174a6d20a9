package markdown

import "sort"

// offsetMap maps byte offsets of the text the parser reads back to byte
// offsets of the note. The parsed text is the note with some bytes cut out
// (a byte order mark, list and quote markers beyond the nesting limit), so
// an offset in it moves forward by the number of bytes cut before it.
type offsetMap struct {
	// from[i] is an offset of the parsed text; from it on, shift[i] bytes
	// have been cut before. Both grow with i.
	from  []int
	shift []int
}

// cut records that n bytes of the note were left out just before offset
// at of the parsed text. Cuts must be recorded in increasing order of at.
func (m *offsetMap) cut(at, n int) {
	if n <= 0 {
		return
	}
	total := n
	if k := len(m.shift); k > 0 {
		total += m.shift[k-1]
		if m.from[k-1] == at {
			m.shift[k-1] = total
			return
		}
	}
	m.from = append(m.from, at)
	m.shift = append(m.shift, total)
}

// note returns the offset in the note of the offset off of the parsed
// text. A negative offset stays negative: it stands for the whole file.
func (m *offsetMap) note(off int) int {
	if off < 0 {
		return off
	}
	i := sort.SearchInts(m.from, off+1) - 1
	if i < 0 {
		return off
	}
	return off + m.shift[i]
}
