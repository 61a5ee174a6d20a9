package pdf

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"sort"

	"codeberg.org/go-pdf/fpdf"

	"studyguide/builder/guide"
)

// pdfImage is an image registered with fpdf under its stable name.
type pdfImage struct {
	name string
	kind string // "png" or "jpg"
	w, h int    // pixels
}

// registerImages registers every image of the guide with fpdf, in the
// order of their names. An image fpdf cannot read is left out with a
// warning; the text shows its alt text instead.
//
// fpdf writes image objects sorted by pixel width, and images of equal
// width in the order of a Go map, which changes from run to run. To keep
// rebuilds byte-identical each image's width is nudged by a few millionths
// of a pixel, in name order, so that no two are equal. The PDF states
// widths as whole pixels, so nothing visible changes.
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
	for i, f := range files {
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
		data := f.Data
		if kind == "png" {
			var err error
			if data, err = pngForFPDF(data); err != nil {
				w.warnf(guide.NoPos, "image %s cannot be read for the PDF (%v); its alt text is shown instead", f.Name, err)
				continue
			}
		}
		info, err := w.registerImage(f.Name, kind, data)
		if err != nil {
			w.warnf(guide.NoPos, "image %s cannot be read for the PDF (%v); its alt text is shown instead", f.Name, err)
			continue
		}
		if err := nudgeWidth(info, float64(i+1)*1e-6); err != nil {
			return fmt.Errorf("image %s: %w", f.Name, err)
		}
		pw, ph := f.Width, f.Height
		if pw <= 0 || ph <= 0 {
			iw, ih := info.Extent()
			pw, ph = int(iw+0.5), int(ih+0.5)
		}
		img := &pdfImage{name: f.Name, kind: kind, w: max(pw, 1), h: max(ph, 1)}
		for _, src := range srcOf[f] {
			w.images[src] = img
		}
	}
	return nil
}

// registerImage registers one image with fpdf. fpdf trusts the lengths
// and sizes a file states and panics on some that lie; the reader refuses
// damaged files, and a panic that still comes is this image's error, not
// the end of the build. A panic leaves nothing behind in fpdf: it reads
// the whole file before it records the image.
func (w *writer) registerImage(name, kind string, data []byte) (info *fpdf.ImageInfoType, err error) {
	defer func() {
		if r := recover(); r != nil {
			info, err = nil, fmt.Errorf("%v", r)
		}
	}()
	info = w.doc.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(data))
	if w.doc.Err() {
		err = w.doc.Error()
		w.doc.ClearError()
		return nil, err
	}
	return info, nil
}

// pngForFPDF returns a PNG that fpdf draws correctly. fpdf refuses
// interlaced PNGs, mangles the alpha channel of 16-bit ones, and stops
// reading at the first chunk of no bytes (which PNG allows, even between
// two parts of the pixels), so those are decoded and written again with 8
// bits a channel; others are returned as they are.
func pngForFPDF(data []byte) ([]byte, error) {
	// The IHDR chunk follows the 8-byte signature: length, type, width,
	// height, then bit depth (byte 24) ... and interlace method (byte 28).
	if len(data) < 29 || string(data[12:16]) != "IHDR" || data[24] <= 8 && data[28] == 0 && !hasEmptyChunk(data) {
		return data, nil
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	flat := image.NewNRGBA(b)
	draw.Draw(flat, b, img, b.Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, flat); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// nudgeWidth adds delta to the pixel width fpdf keeps for an image. fpdf
// offers no setter, but an image encodes and decodes itself with gob as a
// fixed sequence of values; the width is the fourth.
func nudgeWidth(info *fpdf.ImageInfoType, delta float64) error {
	raw, err := info.GobEncode()
	if err != nil {
		return err
	}
	var (
		data, smask, pal []byte
		n, bpc           int
		w, h             float64
		cs, filter, dp   string
		trns             []int
		scale, dpi       float64
	)
	fields := []any{&data, &smask, &n, &w, &h, &cs, &pal, &bpc, &filter, &dp, &trns, &scale, &dpi}
	dec := gob.NewDecoder(bytes.NewReader(raw))
	for _, f := range fields {
		if err := dec.Decode(f); err != nil {
			return fmt.Errorf("reading image state: %w", err)
		}
	}
	w += delta
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	for _, f := range []any{data, smask, n, w, h, cs, pal, bpc, filter, dp, trns, scale, dpi} {
		if err := enc.Encode(f); err != nil {
			return fmt.Errorf("writing image state: %w", err)
		}
	}
	return info.GobDecode(buf.Bytes())
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
	name, kind := img.name, img.kind
	fig := l.w.tags.elem("Figure", l.cur)
	if fig != nil {
		fig.alt = imageText(n)
	}
	b := &box{h: h, baseline: min(h, fr.lead/2+baselineRatio*pt(fr.style.size)), tag: fig}
	b.paint = func(p *pen, x, y float64) {
		p.flushText()
		p.mark(p.want)
		p.doc.ImageOptions(name, x+x0, y, w, h, false, fpdf.ImageOptions{ImageType: kind}, 0, "")
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

// hasEmptyChunk reports whether a PNG file has a chunk of no bytes before
// its IEND chunk.
func hasEmptyChunk(data []byte) bool {
	for rest := data[min(len(data), 8):]; len(rest) >= 12; {
		n := binary.BigEndian.Uint32(rest)
		if string(rest[4:8]) == "IEND" {
			return false
		}
		if n == 0 {
			return true
		}
		if uint64(n) > uint64(len(rest)-12) {
			return false
		}
		rest = rest[12+n:]
	}
	return false
}
