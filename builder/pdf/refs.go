package pdf

import (
	"slices"
	"strconv"
	"strings"

	"studyguide/builder/guide"
)

// A reference (guide.Ref) is printed as the number of the page its target
// is on, after a short word for "page" ("p. 12"), and is a link to the
// target. Pages are known only after pagination, so the layout sets a
// placeholder of refDigits zeros, as wide as any number of that many
// digits in the embedded faces (their figures share one width), and the
// pen prints the real number in its place. The line is ragged right, so a
// shorter number only moves the rest of the line a little to the left.
// The digits are guessed from the length of the guide and checked after
// pagination: a guide with more pages is laid out again.

// pageFill is the share of a page's lines that running text fills on
// average, headings, lists, tables and the space between them taking the
// rest; estimatePages leans towards too many pages with it.
const pageFill = 0.5

// estimatePages guesses how many pages the guide will take from the length
// of its text, so that references can be given room for enough digits
// before the layout knows. A guess that falls short costs a second layout;
// one that is too long leaves a little space after some page numbers.
func (w *writer) estimatePages() int {
	em := pt(w.lay.BodySize)
	perLine := w.textW / (0.5 * em)
	lines := w.textH / w.bodyLead
	chars := float64(textLength(w.g))
	return 3 + int(chars/(perLine*lines*pageFill))
}

// ref adds the runs of a reference: "p." and a non-breaking space in the
// text's style, then the page number placeholder, both linked to the
// target. A reference to an id the guide does not have shows its own
// text, with a warning.
func (rb *runBuilder) ref(n *guide.Ref, st textStyle, lk look) {
	target := rb.links.internal(n.Target)
	if target == 0 {
		if rb.warn != nil {
			rb.warn(n.Pos, "reference to "+strconv.Quote(n.Target)+", which is not in the guide; its text is shown without a page number")
		}
		rb.walk(n.Children, st, lk)
		return
	}
	rb.pageNumber(target, st, lk, "")
}

// pageNumber adds the runs of a page number: lead, "p." and a
// non-breaking space, then the placeholder, all linked to link target.
func (rb *runBuilder) pageNumber(target int, st textStyle, lk look, lead string) {
	l := lk
	l.link = rb.links.refInternal(target)
	l.color = colorLink
	l.strike = false
	rb.add(run{text: lead + rb.pageWord + "\u00a0", style: st, look: l})
	l.page = int32(target)
	rb.add(run{text: strings.Repeat("0", max(rb.refDigits, 1)), style: st, look: l})
}

// digits returns how many decimal digits n has.
func digits(n int) int {
	d := 1
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}

// resolve returns l with its page numbers filled in: each placeholder
// replaced by the number of the page its target is on, and the pieces
// after it moved by the difference in width. A line without references
// is returned as it is.
func (p *pen) resolve(l *line) *line {
	if !slices.ContainsFunc(l.pieces, func(pc piece) bool { return pc.look.page != 0 }) {
		return l
	}
	out := *l
	out.pieces = slices.Clone(l.pieces)
	shift := 0.0
	for i := range out.pieces {
		pc := &out.pieces[i]
		pc.x += shift
		if pc.look.page == 0 {
			continue
		}
		s := strconv.Itoa(max(p.pageOf(int(pc.look.page)), 1))
		w := p.m.width(pc.face, pc.size, s)
		shift += w - pc.w
		// The spaces the placeholder carries stay with the number.
		if pc.lead > 0 {
			s = " " + s
		}
		if strings.HasSuffix(pc.text, " ") {
			s += " "
		}
		pc.text, pc.w = s, w
		pc.look.page = 0
	}
	out.w += shift
	return &out
}
