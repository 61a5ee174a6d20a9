package pdf

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

// chrome is what a page carries outside its text block: the running head
// (guide title and section title, either may be empty) and the page
// number, as the layout's header and footer ask.
type chrome struct {
	left, right line
	foot        line
}

// pageChrome returns what works out the running head and page number of
// a page but the title page, given the section title for the right side
// of the page (see runningHeads) and its number, of total pages. It is
// called page after page: the titles, which many pages share, are set
// once; the page numbers as their pages are drawn. A total of 0 is not
// known yet: it is set as a placeholder as wide as refDigits digits, which
// the pen prints as a form (see late.go).
func (w *writer) pageChrome(total int) func(head string, n int) chrome {
	st := textStyle{fam: headFam, size: w.lay.SmallSize, color: colorMuted}
	type key struct {
		s     string
		width float64
	}
	cache := map[key]line{}
	// A section whose heading holds a formula has it typeset in the
	// running head, as in the heading, when it fits.
	headings := map[string][]guide.Inline{}
	if w.g.Meta.TitleInlines != nil {
		headings[w.g.Meta.Title] = w.g.Meta.TitleInlines
	}
	w.g.WalkSections(func(s *guide.Section) bool {
		if s.Heading != nil && s.Level == 1 {
			headings[s.Title] = s.Heading
		}
		return true
	})
	set := func(s string, width float64) line {
		var l line
		if h := headings[s]; h != nil {
			if ls := w.ts.lines(w.ts.words(w.rb.flatten(h, st)), 1e9); len(ls) > 0 && ls[0].w <= width {
				l = ls[0]
			}
		}
		if l.w == 0 {
			l = w.fitLine(s, st, width)
		}
		return l
	}
	fit := func(s string, width float64) line {
		k := key{s, width}
		if l, ok := cache[k]; ok {
			return l
		}
		l := set(s, width)
		// The line is kept for the pages to come: its pieces are copied
		// out of the typesetter's chunks, which would otherwise be kept
		// whole with it, and the lines of the pages around it.
		l.pieces = slices.Clone(l.pieces)
		cache[k] = l
		return l
	}
	return func(head string, n int) chrome {
		var c chrome
		switch w.lay.Header {
		case layouts.HeaderTitle:
			c.left = fit(w.g.Meta.Title, w.textW)
		case layouts.HeaderTitleSection:
			c.left, c.right = w.titleAndSection(fit, head, n, st.size)
		}
		switch w.lay.Footer {
		case layouts.FooterPageOfPages:
			if total > 0 {
				c.foot = set(w.labels.Format("page.of", "n", n, "total", total), w.textW)
				break
			}
			c.foot = w.footOfUnknown(n, st)
		case layouts.FooterPage:
			c.foot = set(strconv.Itoa(n), w.textW)
		}
		return c
	}
}

// footOfUnknown sets the footer "n of N" of page n while N is not known:
// N as a placeholder of refDigits zeros, marked to be printed as a form
// (see late.go), the rest of the footer as set would set it.
func (w *writer) footOfUnknown(n int, st textStyle) line {
	const marker = "\x01"
	before, after, _ := strings.Cut(w.labels.Format("page.of", "n", n, "total", marker), marker)
	runs := slices.Clone(w.rb.flatten(plain(guide.NoPos, before), st))
	runs = append(runs, run{text: strings.Repeat("0", max(w.rb.refDigits, 1)), style: st, look: look{color: st.color, page: totalPages}})
	runs = append(runs, w.rb.flatten(plain(guide.NoPos, after), st)...)
	if ls := w.ts.lines(w.ts.words(runs), 1e9); len(ls) > 0 {
		return ls[0]
	}
	return line{}
}

// titleAndSection sets the running head of page n that shows the guide's
// title and the section's: on a mirrored layout the title on even pages
// and the section on odd ones, otherwise the title on the left and the
// section on the right.
func (w *writer) titleAndSection(fit func(string, float64) line, section string, n int, size float64) (left, right line) {
	switch {
	case w.lay.Mirrored && n%2 == 0:
		left = fit(w.g.Meta.Title, w.textW)
	case w.lay.Mirrored:
		if section == "" {
			section = w.g.Meta.Title
		}
		right = fit(section, w.textW)
	case section == "":
		left = fit(w.g.Meta.Title, w.textW)
	default:
		// The section title may take up to half the line; the guide
		// title takes what is left.
		gap := 3 * pt(size)
		right = fit(section, w.textW/2-gap/2)
		left = fit(w.g.Meta.Title, w.textW-right.w-gap)
	}
	return left, right
}

// fitLine sets s on one line, cut short with an ellipsis if it is wider
// than width.
func (w *writer) fitLine(s string, st textStyle, width float64) line {
	set := func(s string) line {
		ls := w.ts.lines(w.ts.words(w.rb.flatten(plain(guide.NoPos, s), st)), 1e9)
		if len(ls) == 0 {
			return line{}
		}
		return ls[0]
	}
	l := set(s)
	for l.w > width && s != "" {
		_, n := utf8.DecodeLastRuneInString(s)
		s = strings.TrimRight(s[:len(s)-n], " ")
		l = set(s + "…")
	}
	return l
}

// drawChrome paints the running head, its rule and the page number.
func (w *writer) drawChrome(p *pen, c *chrome, x float64, page int) {
	lay := w.lay
	ruleY := lay.MarginTop * 0.68
	headY := ruleY - 1.7
	p.want = tagMark{art: artHeader}
	if c.left.w > 0 || c.right.w > 0 {
		p.line(&c.left, x, headY)
		p.line(&c.right, x+w.textW-c.right.w, headY)
		p.rule(x, ruleY, x+w.textW, ruleY, 0.3*mmPerPt, colorRule)
	}
	footY := lay.PageHeight - lay.MarginBottom*0.45
	fx := x + (w.textW-c.foot.w)/2
	if lay.Mirrored {
		if page%2 == 0 {
			fx = x
		} else {
			fx = x + w.textW - c.foot.w
		}
	}
	p.want = tagMark{art: artFooter}
	// The number of pages, when it is not known yet, goes to the side
	// of its room the footer is set against.
	p.align = alignCentre
	if lay.Mirrored {
		p.align = alignRight
		if page%2 == 0 {
			p.align = alignLeft
		}
	}
	p.line(&c.foot, fx, footY)
	p.align = alignLeft
}
