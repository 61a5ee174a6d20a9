package pdf

import (
	"sort"

	"studyguide/builder/guide"
)

// pdfImage is an image registered with the document under its stable
// name.
type pdfImage struct {
	name string
	kind string // "png" or "jpg"
	w, h int    // pixels
}

// registerImages registers every image of the guide with the document,
// in the order of their names, which is the order they are written in.
// An image that cannot be read is left out with a warning; the text shows
// its alt text instead.
func (w *writer) registerImages() error {
	var files []*guide.ImageFile
	srcOf := map[*guide.ImageFile][]guide.ImageKey{}
	for src, f := range w.g.Images {
		if f == nil {
			continue
		}
		if _, seen := srcOf[f]; !seen {
			files = append(files, f)
		}
		srcOf[f] = append(srcOf[f], src)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	w.images = map[guide.ImageKey]*pdfImage{}
	for _, f := range files {
		kind := ""
		switch f.MediaType {
		case "image/png":
			kind = "png"
		case "image/jpeg":
			kind = "jpg"
		default:
			w.warnf(guide.NoPos, "image %s: %s cannot go in a PDF; its alt text is shown instead", f.Name, f.MediaType)
			continue
		}
		iw, ih, err := w.doc.registerImage(f.Name, kind, f.Data)
		if err != nil {
			w.warnf(guide.NoPos, "image %s cannot be read for the PDF (%v); its alt text is shown instead", f.Name, err)
			continue
		}
		pw, ph := f.Width, f.Height
		if pw <= 0 || ph <= 0 {
			pw, ph = iw, ih
		}
		img := &pdfImage{name: f.Name, kind: kind, w: max(pw, 1), h: max(ph, 1)}
		for _, src := range srcOf[f] {
			w.images[src] = img
		}
	}
	return nil
}

// figure lays out an image on its own: centred, as wide as it is at
// imageDPI but no wider than the frame and no taller than imageMaxPart of
// the text block, with its alt text below as a caption. An image that is
// not loaded shows its alt text in italics.
func (l *layouter) figure(n *guide.Image, fr frame) {
	img := l.w.images[l.w.g.ImageKeyOf(n)]
	if img == nil {
		st := fr
		st.style.italic = true
		st.style.color = colorMissing
		l.para(plain(n.Pos, imageText(n)), st)
		return
	}
	w := float64(img.w) / imageDPI * 25.4
	w = min(w, fr.width)
	h := w * float64(img.h) / float64(img.w)
	if maxH := l.w.textH * imageMaxPart; h > maxH {
		h = maxH
		w = h * float64(img.w) / float64(img.h)
	}
	x0 := fr.indent + (fr.width-w)/2
	name := img.name
	fig := l.w.tags.elem("Figure", l.cur)
	if fig != nil {
		fig.more().alt = imageText(n)
	}
	b := &box{h: h, baseline: min(h, fr.lead/2+baselineRatio*pt(fr.style.size)), tag: fig}
	b.paint = func(p *pen, x, y float64) {
		p.flushText()
		p.mark(p.want)
		p.doc.drawImage(name, x+x0, y, w, h)
	}
	caption := n.Alt
	if caption == "" {
		caption = n.Title
	}
	b.keepNext, b.glue = caption != "", glueHeading
	l.push(b, &fr)
	if caption == "" {
		return
	}
	l.space(0.3 * fr.lead)
	cf := fr
	cf.style = textStyle{fam: bodyFam, italic: true, size: l.w.lay.SmallSize, color: colorMuted}
	cf.lead = pt(cf.style.size) * l.w.lay.Leading
	lines := l.w.typeset(plain(n.Pos, caption), cf.style, fr.width)
	for i := range lines {
		lines[i].center(fr.width)
	}
	prev := l.cur
	l.cur = l.w.tags.elem("Caption", fig)
	start := len(l.out)
	l.lines(lines, cf)
	l.cur = prev
	// A caption is read as one: it is never split between pages.
	for _, c := range l.out[start : len(l.out)-1] {
		c.keepNext, c.glue = true, glueHeading
	}
}

// center moves a line's pieces so that the line sits in the middle of
// width.
func (ln *line) center(width float64) {
	d := (width - ln.w) / 2
	for i := range ln.pieces {
		ln.pieces[i].x += d
	}
}
