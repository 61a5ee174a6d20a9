package pdf

import "studyguide/builder/internal/pdfobj"

// The text of a page is printed in batches, not piece by piece as the
// page is painted: the pieces painted one after another go in one text
// object, with relative moves between them and the font and colour set in
// it where they change. A long guide prints hundreds of thousands of
// pieces; a text object each and a line of content for every change of
// font would make the content much larger and slower to write and to
// compress. The pieces keep their order, which is
// the order readers extract and select the text in.
//
// Text is painted over the rules and fills painted before it on its page,
// as it would be piece by piece; anything else the pen paints (rules,
// fills, images, the shapes of a figure) first prints the text waiting.

// pendingText is a piece of text waiting to be printed with the rest of
// its page: its baseline starts at (x, y), in millimetres.
type pendingText struct {
	x, y  float64
	s     string
	face  faceRef
	size  float64
	color rgb
	mark  tagMark // what the text belongs to
	// form, when set, is a form XObject painted at (x, y) in place of
	// text: a number printed before it is known (late.go).
	form int32
}

// flushText prints the text waiting, in order: as many pieces as it can in
// one text object, the font and colour changed in it where they change.
func (p *pen) flushText() {
	t := p.out
	o := textObject{b: t.buf[:0]}
	for i := range p.texts {
		if pc := &p.texts[i]; p.tags != nil && !(p.tags.isOpen && p.tags.open == pc.mark) {
			// A marked-content sequence holds whole text objects.
			o.b = t.write(o.b)
			p.tags.set(pc.mark)
		}
		if pc := &p.texts[i]; pc.form != 0 {
			// A form is painted outside any text object.
			o.b = t.write(o.b)
			p.late.draw(pc.form, pc.x, pc.y)
			continue
		}
		p.add(&o, &p.texts[i])
	}
	t.buf = t.write(o.b)
	clear(p.texts) // let go of the strings
	p.texts = p.texts[:0]
}

// textObject is a text object being made: its operators so far, none
// before it is opened, and where its last piece starts, in hundredths of
// a point.
type textObject struct {
	b            []byte
	lastX, lastY int64
}

// add appends a piece of text to the text object, with the font and
// colour it needs, and notes the characters its face prints.
func (p *pen) add(o *textObject, pc *pendingText) {
	t := p.out
	font := !p.fontSet || p.face != pc.face || p.size != pc.size
	if len(o.b) == 0 {
		o.b = append(o.b, "BT\n"...)
		o.lastX, o.lastY = 0, 0
	}
	b := o.b
	if font {
		b = appendFontName(append(b, '/'), pc.face)
		p.fs.selected[pc.face] = true
		b = append(b, ' ')
		b = appendSize(b, pc.size)
		b = append(b, " Tf\n"...)
	}
	color := !p.fillSet || p.fillC != pc.color
	if color {
		b = append(appendColor(b, pc.color), '\n')
	}
	x, y := hundredths(pc.x*t.k), hundredths((t.h-pc.y)*t.k)
	b = pdfobj.AppendHundredths(b, x-o.lastX)
	b = append(b, ' ')
	b = pdfobj.AppendHundredths(b, y-o.lastY)
	b = append(b, " Td ("...)
	b = appendUTF16(b, pc.s, &p.fs.used[pc.face])
	o.b = append(b, ")Tj\n"...)
	o.lastX, o.lastY = x, y
	if font {
		p.face, p.size, p.fontSet = pc.face, pc.size, true
	}
	if color {
		p.fillC, p.fillSet = pc.color, true
	}
}
