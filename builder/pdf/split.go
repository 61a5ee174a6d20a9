package pdf

import "unicode/utf8"

// runeCount returns the number of characters of a word.
func runeCount(w word) int {
	n := 0
	for _, p := range w.pieces {
		n += utf8.RuneCountInString(p.text)
	}
	return n
}

// splittable reports whether a word has more than one character, looking
// no further than the second: a word of a million characters is cut into
// thousands of lines, and counting all of them before each cut would
// take time that grows with the square of its length.
func splittable(w word) bool {
	n := 0
	for _, p := range w.pieces {
		for range p.text {
			if n++; n > 1 {
				return true
			}
		}
	}
	return false
}

// splitWord cuts a word after as many characters as fit in width (at least
// one) and returns both parts. Footnote references stay with the head.
func (ts *typesetter) splitWord(w word, width float64) (head, tail word) {
	head.notes, head.anchors = w.notes, w.anchors
	used := 0.0
	for pi, p := range w.pieces {
		st := p.styleOf()
		fit := 0.0 // width of the part of p that fits
		for i, r := range p.text {
			u, _ := ts.m.advance(st.face, r)
			rw := float64(u) * pt(st.size) / 1000
			if used+rw > width && used > 0 {
				if i > 0 {
					hp := p
					hp.text, hp.w, hp.x = p.text[:i], fit, head.w
					head.pieces = append(head.pieces, hp)
					head.w += fit
				}
				tp := p
				tp.text, tp.w, tp.x = p.text[i:], p.w-fit, 0
				tail.pieces = append(tail.pieces, tp)
				tail.w = tp.w
				for _, q := range w.pieces[pi+1:] {
					q.x = tail.w
					tail.pieces = append(tail.pieces, q)
					tail.w += q.w
				}
				return head, tail
			}
			used += rw
			fit += rw
		}
		p.x = head.w
		head.pieces = append(head.pieces, p)
		head.w += p.w
	}
	return head, tail
}

// splitAt cuts a word after its first n runes.
func (ts *typesetter) splitAt(w word, n int) (head, tail word) {
	head.notes, head.anchors = w.notes, w.anchors
	for _, p := range w.pieces {
		if n <= 0 {
			p.x = tail.w
			tail.pieces = append(tail.pieces, p)
			tail.w += p.w
			continue
		}
		st := p.styleOf()
		cut, fit := len(p.text), 0.0
		for i, r := range p.text {
			if n == 0 {
				cut = i
				break
			}
			u, _ := ts.m.advance(st.face, r)
			fit += float64(u) * pt(st.size) / 1000
			n--
		}
		if cut > 0 {
			hp := p
			hp.text, hp.x = p.text[:cut], head.w
			if cut < len(p.text) {
				hp.w = fit
			}
			head.pieces = append(head.pieces, hp)
			head.w += hp.w
		}
		if cut < len(p.text) {
			tp := p
			tp.text, tp.x, tp.w = p.text[cut:], tail.w, p.w-fit
			tail.pieces = append(tail.pieces, tp)
			tail.w += tp.w
		}
	}
	return head, tail
}
