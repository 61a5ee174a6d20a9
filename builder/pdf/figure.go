package pdf

import (
	"fmt"
	"math"

	"studyguide/builder/figure"
	"studyguide/builder/guide"
)

// Figures (guide.Figure) are vector scenes drawn with the PDF's own path
// and text operators, never as images. A scene is measured in points with
// its origin at the top left; the layout scales it to the page:
//
//   - a full-page figure (FullPage, or any palace drawing) gets a page of
//     its own, as large as the text block allows, centred and at the top;
//   - any other figure is as wide as its frame and at most figureMaxPart of
//     the text block high, centred, and never split between pages.
//
// Scenes are designed for the smallest page (A5), so they keep or gain
// size on larger pages; text that would still end up below minFigureText
// is reported.

// figureMaxPart is the most of the text block height a figure that is not
// full-page may take.
const figureMaxPart = 0.6

// minFigureText is the smallest type size, in points, a figure's text may
// be printed at without a warning.
const minFigureText = 9

// figureFullPage reports whether a figure takes a page of its own.
func figureFullPage(f *guide.Figure) bool {
	return f.FullPage || f.Kind == guide.Palace
}

// drawable reports whether a figure has a scene that can be drawn.
func drawable(f *guide.Figure) bool {
	sc := f.Scene
	return sc != nil && sc.Width > 0 && sc.Height > 0 &&
		!math.IsInf(sc.Width, 0) && !math.IsInf(sc.Height, 0)
}

// drawing lays out a figure as one box. mk and anchors, when given, go on
// that box: a section whose first block is a full-page figure has its
// heading's outline entry and link target there instead of a printed
// heading, since the figure carries its own title. A figure with nothing
// to draw shows its text alternative in italics, with a warning.
func (l *layouter) drawing(f *guide.Figure, fr frame, mk *mark, anchors []int) {
	w := l.w
	if n := w.links.internal(f.ID); n != 0 {
		anchors = append(anchors, n)
	}
	if !drawable(f) {
		w.warnf(f.Pos, "%s has no drawing; its description is printed instead", figureText(f))
		st := fr
		st.style.italic = true
		st.style.color = colorMissing
		start := len(l.out)
		if !l.para(plain(f.Pos, f.Alt), st) {
			l.push(&box{h: fr.lead}, &fr)
		}
		l.out[start].more().mark = mk
		l.out[start].addAnchors(anchors...)
		return
	}
	sc := f.Scene
	full := figureFullPage(f)
	sw, sh := pt(sc.Width), pt(sc.Height) // the scene's size in mm, unscaled
	var scale, x0 float64
	if full {
		scale = min(w.textW/sw, w.textH/sh)
		x0 = (w.textW - sw*scale) / 2
	} else {
		scale = min(fr.width/sw, figureMaxPart*w.textH/sh)
		x0 = fr.indent + (fr.width-sw*scale)/2
	}
	prep := &scenePrep{w: w, scale: scale, pos: f.Pos}
	figure.Draw(sc, prep)
	if prep.smallest > 0 && prep.smallest*scale < minFigureText-1e-9 {
		w.warnf(f.Pos, "%s: text is printed at %.1f pt on this page size, under %d pt", figureText(f), prep.smallest*scale, minFigureText)
	}
	for _, t := range prep.targets {
		if w.links.internal(t) == 0 {
			w.warnf(f.Pos, "%s links to %q, which is not in the guide", figureText(f), t)
		}
	}
	h := sh * scale
	k := pt(scale) // mm per scene point
	texts := prep.lines
	fig := w.tags.elem("Figure", l.cur)
	if fig != nil {
		fig.more().alt = f.Alt
	}
	b := &box{h: h, newPage: full, alone: full, tag: fig, extra: &boxExtra{mark: mk, anchors: anchors}}
	b.paint = func(p *pen, x, y float64) {
		figure.Draw(sc, &pdfCanvas{p: p, x: x + x0, y: y, k: k, texts: texts})
	}
	l.push(b, &fr)
}

// scenePrep is a canvas that draws nothing: it sets the text of a scene in
// lines before any page exists (measuring selects fonts, which must not
// happen while a page is drawn), and collects the sizes and link targets
// the layout checks.
type scenePrep struct {
	w        *writer
	scale    float64
	pos      guide.Pos
	lines    [][]line // one slice per Text item, in painting order
	smallest float64  // smallest type size in scene points; 0 for none
	targets  []string
}

func (s *scenePrep) Path(*figure.Path)     {}
func (s *scenePrep) Rect(*figure.Rect)     {}
func (s *scenePrep) Circle(*figure.Circle) {}

// Text sets each line of t at the size it is printed at.
func (s *scenePrep) Text(t *figure.Text) {
	st := sceneTextStyle(t, s.scale)
	ls := make([]line, len(t.Lines))
	for i, str := range t.Lines {
		set := s.w.typeset(plain(s.pos, str), st, math.Inf(1))
		if len(set) > 0 {
			ls[i] = set[0]
		}
	}
	s.lines = append(s.lines, ls)
	if len(t.Lines) > 0 && t.Size > 0 && (s.smallest == 0 || t.Size < s.smallest) {
		s.smallest = t.Size
	}
}

// Link notes the link's target.
func (s *scenePrep) Link(l *figure.Link) { s.targets = append(s.targets, l.Target) }

// sceneTextStyle is the text style of a scene's text printed at scale.
func sceneTextStyle(t *figure.Text, scale float64) textStyle {
	st := textStyle{fam: bodyFam, size: t.Size * scale, color: colorText}
	switch t.Family {
	case "sans":
		st.fam = headFam
	case "mono":
		st.fam = codeFam
	}
	for _, r := range t.Style {
		switch r {
		case 'B', 'b':
			st.bold = true
		case 'I', 'i':
			st.italic = true
		}
	}
	if t.Color.Set {
		st.color = sceneColor(t.Color)
	}
	return st
}

// sceneColor converts a scene's colour to the writer's.
func sceneColor(c figure.Color) rgb {
	return rgb(uint32(c.R)<<16 | uint32(c.G)<<8 | uint32(c.B))
}

// figureText describes a figure for a message.
func figureText(f *guide.Figure) string {
	if f.ID != "" {
		return fmt.Sprintf("figure %q", f.ID)
	}
	return "a figure"
}
