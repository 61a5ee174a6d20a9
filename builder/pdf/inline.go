package pdf

import (
	"strconv"

	"studyguide/builder/guide"
)

// textStyle is the style running text starts in: a family, weight, slant,
// size and colour. Inline markup changes it for stretches of the text.
type textStyle struct {
	fam          family
	bold, italic bool
	size         float64 // points
	color        rgb
}

// look is how a piece of text is drawn besides its face and size.
type look struct {
	color  rgb
	rise   float64 // millimetres above the baseline
	strike bool
	code   bool // set on a light background
	link   linkRef
}

// run is a stretch of inline text in one style, or a hard line break.
type run struct {
	text  string
	style textStyle
	look  look
	brk   bool
	note  int // for a footnote reference: the footnote's index plus one
	pos   guide.Pos
}

// runBuilder flattens inline nodes into runs.
type runBuilder struct {
	links    *linkTable
	notes    []*guide.Footnote
	codeSize float64 // inline code size as a share of the text size
	runs     []run
}

// flatten returns the runs of inlines set in base. Images become their alt
// text in italics: the caller places images that stand alone as figures.
// The slice it returns is reused by the next call.
func (rb *runBuilder) flatten(inlines []guide.Inline, base textStyle) []run {
	rb.runs = rb.runs[:0]
	rb.walk(inlines, base, look{color: base.color})
	return rb.runs
}

// walk adds the runs of inlines set in st and drawn with lk.
func (rb *runBuilder) walk(inlines []guide.Inline, st textStyle, lk look) {
	for _, n := range inlines {
		switch n := n.(type) {
		case *guide.Text:
			rb.add(run{text: n.Text, style: st, look: lk, pos: n.Pos})
		case *guide.Code:
			cs := st
			cs.fam, cs.italic = mono, false
			cs.size = st.size * rb.codeSize
			cl := lk
			cl.code = true
			rb.add(run{text: n.Text, style: cs, look: cl, pos: n.Pos})
		case *guide.Strong:
			s := st
			s.bold = true
			rb.walk(n.Children, s, lk)
		case *guide.Emph:
			s := st
			s.italic = true
			rb.walk(n.Children, s, lk)
		case *guide.Strike:
			l := lk
			l.strike = true
			rb.walk(n.Children, st, l)
		case *guide.Link:
			l := lk
			if r := rb.links.ref(n.URL); r != 0 {
				l.link = r
				l.color = colorLink
			}
			rb.walk(n.Children, st, l)
		case *guide.Image:
			s := st
			s.italic = true
			l := lk
			l.color = colorMissing
			rb.add(run{text: imageText(n), style: s, look: l, pos: n.Pos})
		case *guide.FootnoteRef:
			rb.add(rb.noteRef(n, st, lk))
		case *guide.Break:
			if n.Hard {
				rb.runs = append(rb.runs, run{brk: true, pos: n.Pos})
			} else {
				rb.add(run{text: " ", style: st, look: lk, pos: n.Pos})
			}
		}
	}
}

// noteRef is the superscript number of a footnote reference, linked to the
// note.
func (rb *runBuilder) noteRef(n *guide.FootnoteRef, st textStyle, lk look) run {
	s := st
	s.size = st.size * supRatio
	s.bold, s.italic = false, false
	l := lk
	l.rise = pt(st.size) * supRise
	l.strike = false
	if n.Index >= 0 && n.Index < len(rb.notes) {
		if r := rb.links.refInternal(rb.links.internal(rb.notes[n.Index].ID)); r != 0 {
			l.link = r
			l.color = colorLink
		}
	}
	return run{text: strconv.Itoa(n.Index + 1), style: s, look: l, note: n.Index + 1, pos: n.Pos}
}

// add keeps a run unless it is empty.
func (rb *runBuilder) add(r run) {
	if r.text == "" && r.note == 0 {
		return
	}
	rb.runs = append(rb.runs, r)
}

// plain returns text with no markup as inlines.
func plain(pos guide.Pos, s string) []guide.Inline {
	return []guide.Inline{&guide.Text{Pos: pos, Text: s}}
}

// imageText is what stands in for an image that cannot be shown: its alt
// text, else its title, else its path.
func imageText(n *guide.Image) string {
	switch {
	case n.Alt != "":
		return n.Alt
	case n.Title != "":
		return n.Title
	}
	return n.Src
}
