package pdf

import (
	"strconv"

	"studyguide/builder/guide"
)

// layoutNotes lays out every footnote as it will stand at the foot of a
// page: in the small size, its number in a hanging column, its first box
// the target of the links from its references.
func (w *writer) layoutNotes() [][]*box {
	if len(w.g.Footnotes) == 0 {
		return nil
	}
	size := w.lay.SmallSize
	st := textStyle{fam: bodyFam, size: size, color: colorText}
	lead := pt(size) * min(w.lay.Leading, 1.3)
	numW := 0.0
	marks := make([]line, len(w.g.Footnotes))
	for i := range w.g.Footnotes {
		ls := w.typeset(plain(guide.NoPos, strconv.Itoa(i+1)), st, w.textW)
		if len(ls) > 0 {
			marks[i] = ls[0]
			numW = max(numW, ls[0].w)
		}
	}
	col := numW + 0.6*pt(size)
	fr := frame{
		indent: col,
		width:  w.textW - col,
		style:  st,
		lead:   lead,
		skip:   0.25 * lead,
		inNote: true,
	}
	notes := make([][]*box, len(w.g.Footnotes))
	w.notes = make([]*structElem, len(w.g.Footnotes))
	w.notePlaced = make([]bool, len(w.g.Footnotes))
	for i, fn := range w.g.Footnotes {
		note := w.tags.elem("Note", nil)
		if note != nil {
			note.more().id = fn.ID
		}
		w.notes[i] = note
		lbl := w.tags.elem("Lbl", note)
		l := &layouter{w: w, cur: note}
		l.blocks(fn.Blocks, fr)
		if len(l.out) == 0 {
			l.push(&box{h: lead}, &fr)
		}
		first := l.out[0]
		first.before = 0.3 * lead
		if n := w.links.internal(fn.ID); n != 0 {
			first.addAnchors(n)
		}
		mk := &marks[i]
		base := first.baseline
		paint, tag := first.paint, first.tag
		first.paint = func(p *pen, x, y float64) {
			// The number first, as it is read first.
			p.tag(lbl)
			p.line(mk, x+col-0.6*pt(size)-mk.w, y+base)
			p.tag(tag)
			if paint != nil {
				paint(p, x, y)
			}
		}
		notes[i] = l.out
	}
	return notes
}
