package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/mathbox"
	"studyguide/fonts"
)

// textStyle is the style running text starts in: a family, weight, slant,
// size and colour. Inline markup changes it for stretches of the text.
type textStyle struct {
	fam          family
	bold, italic bool
	size         float64 // points
	color        rgb
	// pages asks for the page number of the target after each link to a
	// place in the guide, as the study aids want on paper.
	pages bool
}

// look is how a piece of text is drawn besides its face and size.
//
// Its fields are ordered, and page is an int32, so that it packs small:
// every piece of every line holds one.
type look struct {
	// lang is the language of the text when it is not the guide's: a
	// Span of the structure tree with its /Lang.
	lang  string
	rise  float64 // millimetres above the baseline
	color rgb
	link  linkRef
	// page, when set, makes the piece a page number: the link whose
	// page it shows. Its text is a placeholder as wide as the widest
	// number it may become; the pen prints the real number.
	page   int32
	strike bool
	// blank draws a rule under the piece: the gap of a question, whose
	// text is non-breaking spaces.
	blank bool
	code  bool // set on a light background
	note  bool // the number of a footnote, linked to it
}

// run is a stretch of inline text in one style, or a hard line break.
type run struct {
	text  string
	style textStyle
	look  look
	brk   bool
	// math is a formula laid out, set as one unbreakable piece.
	math *mathbox.Box
	note int // for a footnote reference: the footnote's index plus one
	// anchor is a link that points at the line where the run's text
	// starts: the first use of a key term.
	anchor int
	pos    guide.Pos
}

// runBuilder flattens inline nodes into runs.
type runBuilder struct {
	links    *linkTable
	notes    []*guide.Footnote
	codeSize float64 // inline code size as a share of the text size
	// pageWord abbreviates "page" before a reference's page number, and
	// refDigits is how many digits the number is given room for.
	pageWord  string
	refDigits int
	warn      func(pos guide.Pos, msg string)
	// fail stops the document with an error: the runs of an inline of a
	// kind the builder does not know cannot be made.
	fail func(error)
	// maths returns the maths face formulas are set in; nil when it
	// cannot be read, and then formulas are shown as their source.
	maths func() *fonts.MathFont
	// width, when not zero, is the width of the lines the runs are for,
	// in millimetres: a formula wider than a line is set smaller to fit.
	width float64
	// mathAlt gives each formula laid out its text alternative.
	mathAlt map[*mathbox.Box]string
	runs    []run
	anchor  int // an anchor waiting for the next run with text
}

// flatten returns the runs of inlines set in base. Images become their alt
// text in italics: the caller places images that stand alone as figures.
// The slice it returns is reused by the next call.
func (rb *runBuilder) flatten(inlines []guide.Inline, base textStyle) []run {
	rb.runs, rb.anchor = rb.runs[:0], 0
	rb.walk(inlines, base, look{color: base.color})
	if rb.anchor != 0 {
		// A key term with no text: its anchor goes with the last line.
		rb.runs = append(rb.runs, run{anchor: rb.anchor})
		rb.anchor = 0
	}
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
			cs.fam, cs.italic = codeFam, false
			cs.size = st.size * rb.codeSize
			cl := lk
			cl.code = true
			rb.add(run{text: n.Text, style: cs, look: cl, pos: n.Pos})
		case *guide.Formula:
			if mf := rb.mathFace(n); mf != nil {
				// Set in a line of text, a formula is in text style,
				// even one written for display: a caller that sets it
				// on a line of its own lays it out itself.
				b := mathbox.Layout(mf, n.Tree, false, st.size)
				if w := pt(b.Width); rb.width > 0 && w > rb.width {
					b = b.Scaled(rb.width / w)
				}
				if rb.mathAlt == nil {
					rb.mathAlt = map[*mathbox.Box]string{}
				}
				rb.mathAlt[b] = n.Text()
				rb.add(run{math: b, style: st, look: lk, pos: n.Pos})
				continue
			}
			// A formula the reader could not parse is shown as its
			// source, in the face of code.
			cs := st
			cs.fam, cs.italic = codeFam, false
			cs.size = st.size * rb.codeSize
			cl := lk
			cl.code = true
			rb.add(run{text: n.TeX, style: cs, look: cl, pos: n.Pos})
		case *guide.Strong:
			s := st
			s.bold = true
			if n.ID != "" {
				if a := rb.links.internal(n.ID); a != 0 {
					rb.anchor = a
				}
			}
			rb.walk(n.Children, s, lk)
		case *guide.Emph:
			s := st
			s.italic = true
			rb.walk(n.Children, s, lk)
		case *guide.Span:
			l := lk
			if tag := langTag(n.Lang); tag != "" {
				l.lang = tag
			}
			rb.walk(n.Children, st, l)
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
			if id, ok := strings.CutPrefix(n.URL, "#"); ok && st.pages {
				if target := rb.links.internal(id); target != 0 {
					s := st
					s.bold, s.italic = false, false
					rb.pageNumber(target, s, l, " ")
				}
			}
		case *guide.Image:
			s := st
			s.italic = true
			l := lk
			l.color = colorMissing
			rb.add(run{text: imageText(n), style: s, look: l, pos: n.Pos})
		case *guide.Ref:
			rb.ref(n, st, lk)
		case *guide.FootnoteRef:
			rb.add(rb.noteRef(n, st, lk))
		case *guide.Blank:
			l := lk
			l.blank, l.strike = true, false
			rb.add(run{text: blankText(n.Width), style: st, look: l, pos: n.Pos})
		case *guide.Break:
			if n.Hard {
				rb.runs = append(rb.runs, run{brk: true, pos: n.Pos})
			} else {
				rb.add(run{text: " ", style: st, look: lk, pos: n.Pos})
			}
		default:
			if rb.fail != nil {
				rb.fail(fmt.Errorf("no way to set an inline of kind %T", n))
			}
		}
	}
}

// mathFace returns the maths face to lay f out in: nil when the reader
// could not parse f or the face cannot be read.
func (rb *runBuilder) mathFace(f *guide.Formula) *fonts.MathFont {
	if f.Tree == nil || rb.maths == nil {
		return nil
	}
	return rb.maths()
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
	l.note = true
	if n.Index >= 0 && n.Index < len(rb.notes) {
		if r := rb.links.refInternal(rb.links.internal(rb.notes[n.Index].ID)); r != 0 {
			l.link = r
			l.color = colorLink
		}
	}
	return run{text: strconv.Itoa(n.Index + 1), style: s, look: l, note: n.Index + 1, pos: n.Pos}
}

// add keeps a run unless it is empty. The first run with text after a key
// term's anchor carries the anchor.
func (rb *runBuilder) add(r run) {
	if r.text == "" && r.note == 0 && r.math == nil {
		return
	}
	if rb.anchor != 0 && (r.text != "" || r.math != nil) {
		r.anchor, rb.anchor = rb.anchor, 0
	}
	rb.runs = append(rb.runs, r)
}

// blankText is the text of a blank Width characters wide: two
// non-breaking spaces a character, since a space is about half as wide as
// an average letter, with room for four characters at least and for
// twenty-four at most, so that a long answer does not take a whole line.
func blankText(width int) string {
	return strings.Repeat("\u00a0", 2*min(max(width, 4), 24))
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
