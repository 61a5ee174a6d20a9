package pdf

import (
	"studyguide/builder/mathbox"
	"studyguide/fonts"
)

// formula draws a laid-out formula with its baseline starting at x, y
// (millimetres, y down the page) in colour c: each glyph as text of the
// maths face, by its glyph id, which the face's ToUnicode map takes to the
// character it shows, so that the symbols can be found and copied from
// the page; and each rule as a filled rectangle. Every mark a
// formula makes on the page is made here.
func (p *pen) formula(b *mathbox.Box, x, y float64, c rgb) {
	for _, r := range b.Rules {
		// A fraction's bar or a root's is part of the formula.
		p.fillAs(p.want, x+pt(r.X), y-pt(r.Y+r.H), pt(r.W), pt(r.H), c)
	}
	for _, g := range b.Glyphs {
		var f faceRef
		var code rune
		if g.Text != 0 {
			face, _ := fonts.Fallback(mathbox.TextFamily, "", g.Text)
			i, ok := p.fs.find(face.Family, face.Style)
			if !ok {
				continue
			}
			f, code = faceRef(i), g.Text
		} else {
			// A glyph id is written as a two-byte code; the ids of the
			// maths face stay below the surrogates, which are no rune.
			if g.ID == 0 || g.ID >= 0xD800 {
				continue
			}
			f, code = p.fs.mathBase, rune(g.ID)
		}
		p.say(x+pt(g.X), y-pt(g.Y), string(code), f, g.Size, c)
	}
}
