package pdf

import (
	"strings"

	"studyguide/builder/guide"
)

// titleBoxes lays out the title page: the title, the subtitle, the authors
// and the date, and nothing else.
func (w *writer) titleBoxes() []*box {
	l := &layouter{w: w}
	m := w.g.Meta
	typ := "H1"
	text := func(s string, st textStyle, lead float64) {
		fr := frame{width: w.textW, style: st, lead: lead}
		ins := plain(guide.NoPos, s)
		if typ == "H1" && m.TitleInlines != nil {
			// A title that holds a formula has it typeset.
			ins = m.TitleInlines
		}
		l.in(typ, func(*structElem) { l.textOf(ins, fr) })
		typ = "P"
	}
	size := w.lay.TitleSize
	accent := 0.28 * pt(size)
	textW := w.textW
	l.push(&box{h: accent, paint: func(p *pen, x, y float64) {
		p.fill(x, y, min(textW/4, 40), accent*0.35, colorHeading)
	}}, &frame{lead: accent})
	l.space(0.7 * pt(size))
	text(m.Title, textStyle{fam: headFam, bold: true, size: size, color: colorHeading}, pt(size)*1.15)
	if m.Subtitle != "" {
		sub := size * 0.55
		l.space(0.5 * pt(sub))
		text(m.Subtitle, textStyle{fam: headFam, size: sub, color: colorMuted}, pt(sub)*1.3)
	}
	body := w.lay.BodySize * 1.2
	if len(m.Authors) > 0 {
		l.space(2.5 * pt(body))
		text(strings.Join(m.Authors, ", "), textStyle{fam: bodyFam, size: body, color: colorText}, pt(body)*1.35)
	}
	if !m.Date.IsZero() {
		l.space(0.6 * pt(body))
		text(w.labels.Date(m.Date), textStyle{fam: bodyFam, size: w.lay.BodySize, color: colorMuted}, w.bodyLead)
	}
	return l.out
}
