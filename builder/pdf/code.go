package pdf

import (
	"strings"

	"studyguide/builder/guide"
)

// code lays out a code block: monospaced lines on a light grey band, each
// line wrapped when it is wider than the band (after a space if there is
// one late enough in the line, else between characters) and kept whole on
// one page.
func (l *layouter) code(cb *guide.CodeBlock, fr frame) {
	size := fr.style.size * l.w.codeRatio
	lead := pt(size) * 1.32
	padX, padY := 0.9*pt(size), 0.45*lead
	avail := fr.width - 2*padX
	c := l.w.fs.chain(codeFam, false, false)
	var rows []line
	var glued []bool // the row goes on with the next: a wrapped source line
	var shaped []glyphRun
	var styles styleCache
	for _, src := range strings.Split(expandTabs(strings.TrimSuffix(cb.Text, "\n")), "\n") {
		var replaced bool
		shaped, replaced = l.w.m.shape(shaped[:0], src, c)
		if replaced {
			l.w.ts.missing.add(l.w.m, cb.Pos, src, c)
		}
		var w word
		for _, g := range shaped {
			p := piece{text: g.text, key: styles.key(pieceStyle{face: g.face, size: size, look: look{color: colorText}})}
			p.w = float64(g.units) * pt(size) / 1000
			p.x = w.w
			w.pieces = append(w.pieces, p)
			w.w += p.w
		}
		for w.w > avail+1e-6 && splittable(w) {
			head, tail := l.w.ts.splitWord(w, avail)
			// Prefer to wrap after a space in the last two thirds of the line.
			if n, k := runeCount(head), lastSpace(head); k >= n/3 && k < n-1 {
				head, tail = l.w.ts.splitAt(w, k+1)
			}
			rows = append(rows, line{pieces: head.pieces, w: head.w})
			glued = append(glued, true)
			w = tail
		}
		rows = append(rows, line{pieces: w.pieces, w: w.w})
		glued = append(glued, false)
	}
	n := len(rows)
	indent, width := fr.indent, fr.width
	for i := range rows {
		h, top := lead, 0.0
		if i == 0 {
			h += padY
			top = padY
		}
		if i == n-1 {
			h += padY
		}
		band := h
		if i < n-1 {
			band += 0.05 // overlap the next band so no hairline shows between them
		}
		ln := &rows[i]
		base := top + lead/2 + baselineRatio*pt(size)
		b := &box{h: h, baseline: base, keepNext: glued[i] || n >= 2 && (i == 0 || i == n-2) || n <= keptCode && i < n-1}
		if !glued[i] && !(n >= 2 && (i == 0 || i == n-2)) {
			b.glue = glueWhole
		}
		b.paint = func(p *pen, x, y float64) {
			p.fill(x+indent, y, width, band, colorCodeBg)
			p.line(ln, x+indent+padX, y+base)
		}
		l.push(b, &fr)
	}
}

// keptCode is the most lines a code block may have and still never be
// split between pages.
const keptCode = 12

// lastSpace returns the rune index of the last space in w, or -1.
func lastSpace(w word) int {
	i, last := 0, -1
	for _, p := range w.pieces {
		for _, r := range p.text {
			if r == ' ' {
				last = i
			}
			i++
		}
	}
	return last
}

// expandTabs replaces tabs with spaces up to the next multiple of four
// columns.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}
