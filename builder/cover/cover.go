// Package cover draws the cover image of a guide: a PNG of the title,
// subtitle and authors set in the embedded Noto Sans Bold, with DejaVu
// Sans Bold for the letters Noto Sans lacks. The picture is
// made only from its inputs, so the same content gives the same bytes, and
// it keeps a high contrast so that it reads on a greyscale e-reader.
package cover

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Width and Height are the size of the cover in pixels: a 2:3 portrait
// that most e-readers show without cropping.
const (
	Width  = 1200
	Height = 1800
)

// Content is what the cover says.
type Content struct {
	Title    string
	Subtitle string
	Authors  []string
}

// Colours of the cover as 0xRRGGBB. The panel and the text on it differ
// in lightness by far more than in hue, so the cover keeps its contrast
// in greyscale.
const (
	paper  = 0xF4F1EA
	panel  = 0x1F334A
	onDark = 0xFFFFFF
	ink    = 0x222222
	muted  = 0x4A4A4A
	accent = 0xC28A2E
)

// rgb returns the opaque colour of a 0xRRGGBB value.
func rgb(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}
}

// Layout of the cover in pixels.
const (
	margin      = 110
	panelBottom = 1100 // the dark panel runs from the top to here
	textWidth   = Width - 2*margin
)

// levels is the number of steps of coverage, from the ground to the ink,
// that the edges of letters are drawn in: enough that no step shows at the
// size a reader shows the cover.
const levels = 16

// inks are the pairs of a text colour and the ground it is set on; each
// has levels-1 entries of the palette after the flat colours, blending
// from the ground towards the ink, the last the ink itself.
var inks = [][2]uint32{{onDark, panel}, {ink, paper}, {muted, paper}}

// Indices of the flat colours in the palette.
const (
	paperIndex = iota
	panelIndex
	accentIndex
	flatColours
)

// palette returns the cover's colours: the flat ones, then the blends of
// each ink.
func palette() color.Palette {
	p := color.Palette{rgb(paper), rgb(panel), rgb(accent)}
	for _, pair := range inks {
		fg, bg := rgb(pair[0]), rgb(pair[1])
		for l := 1; l < levels; l++ {
			mix := func(a, b uint8) uint8 { return uint8((int(a)*l + int(b)*(levels-1-l) + (levels-1)/2) / (levels - 1)) }
			p = append(p, color.RGBA{mix(fg.R, bg.R), mix(fg.G, bg.G), mix(fg.B, bg.B), 0xFF})
		}
	}
	return p
}

// inkBase returns the palette index before the first blend of ink i.
func inkBase(i int) int { return flatColours + i*(levels-1) - 1 }

// Render draws the cover and returns it as PNG bytes: an image of a
// palette, which is all a cover of a few flat colours and letters set in
// them needs, a quarter of the memory of a full-colour one to draw and far
// less to encode. A cover of the same content started by Prepare is
// taken instead, once it is drawn. The bytes must not be changed.
func Render(c Content) ([]byte, error) {
	if d := started.take(c); d != nil {
		<-d.done
		return d.png, d.err
	}
	return render(c)
}

// render draws the cover.
func render(c Content) ([]byte, error) {
	p, err := paintingOf(c)
	if err != nil {
		return nil, err
	}
	b, err := encodePNG(Width, Height, palette(), p.row, p.sameAsAbove)
	if err != nil {
		return nil, fmt.Errorf("cover: encode png: %w", err)
	}
	return b, nil
}

// paintingOf returns the steps that paint the cover of c.
func paintingOf(c Content) (*painting, error) {
	main, err := parseFace(coverFace)
	if err != nil {
		return nil, err
	}
	f := &typefaces{main: main}
	p := &painting{}
	p.fill(image.Rect(0, 0, Width, panelBottom), panelIndex)
	p.fill(image.Rect(0, panelBottom, Width, Height), paperIndex)

	// The title sits on the foot of the dark panel, growing upwards.
	if drawable(c.Title) {
		title, err := fit(f, c.Title, 124, 60, 6)
		if err != nil {
			return nil, err
		}
		y := panelBottom - 120 - title.height()
		title.draw(p, 0, margin, y)
	}

	// A short rule in the accent colour starts the lower part.
	p.fill(image.Rect(margin, panelBottom+70, margin+180, panelBottom+82), accentIndex)

	y := panelBottom + 150
	if c.Subtitle != "" && drawable(c.Subtitle) {
		sub, err := fit(f, c.Subtitle, 58, 38, 4)
		if err != nil {
			return nil, err
		}
		sub.draw(p, 1, margin, y)
	}

	if names := joinAuthors(c.Authors); names != "" && drawable(names) {
		authors, err := fit(f, names, 44, 30, 3)
		if err != nil {
			return nil, err
		}
		authors.draw(p, 2, margin, Height-margin-authors.height())
	}
	return p, nil
}

// painting is the cover as the steps that paint it, in order: rectangles
// of one colour and the glyphs of its text. It is painted a row at a
// time, straight into the PNG encoder, so that the whole picture is never
// held.
type painting struct {
	steps []step
	// changes marks the rows that differ from the row above; made by
	// sameAsAbove once every step is added.
	changes []bool
}

// step is one step of a painting: a rectangle filled with one colour of
// the palette, or a glyph's coverage stamped in an ink.
type step struct {
	r     image.Rectangle // within the cover
	index uint8           // a fill's colour
	// levels is a glyph's coverage, in levels, row by row over r; nil
	// for a fill.
	levels []uint8
	base   int // a glyph's ink: the palette index before its blends
}

// fill paints a rectangle of the cover in one colour of its palette.
func (p *painting) fill(r image.Rectangle, index uint8) {
	if r = r.Intersect(image.Rect(0, 0, Width, Height)); !r.Empty() {
		p.steps = append(p.steps, step{r: r, index: index})
	}
}

// sameAsAbove reports whether row y is painted as the row above it is: no
// glyph reaches either, and the same fills reach both.
func (p *painting) sameAsAbove(y int) bool {
	if p.changes == nil {
		// A row differs from the one above where a step starts or
		// ends, on the rows of a glyph and on the row after them.
		p.changes = make([]bool, Height+1)
		p.changes[0] = true
		for _, s := range p.steps {
			p.changes[s.r.Min.Y], p.changes[s.r.Max.Y] = true, true
			if s.levels != nil {
				for y := s.r.Min.Y; y < s.r.Max.Y; y++ {
					p.changes[y] = true
				}
			}
		}
	}
	return y > 0 && y < Height && !p.changes[y]
}

// row paints row y of the cover into row, which holds Width pixels: each
// step that reaches the row, in order. A pixel a glyph covers takes the
// blend of its ink nearest its coverage, unless a glyph of the same ink
// painted before covers it more.
func (p *painting) row(y int, row []uint8) {
	for _, s := range p.steps {
		if y < s.r.Min.Y || y >= s.r.Max.Y {
			continue
		}
		out := row[s.r.Min.X:s.r.Max.X]
		if s.levels == nil {
			// Filled by doubling copies, which move many bytes at a time.
			out[0] = s.index
			for n := 1; n < len(out); n *= 2 {
				copy(out[n:], out[:n])
			}
			continue
		}
		w := s.r.Dx()
		in := s.levels[(y-s.r.Min.Y)*w:][:w]
		for i, l := range in {
			if l == 0 {
				continue
			}
			old := int(out[i]) - s.base
			if old < 1 || old >= levels {
				old = 0
			}
			if int(l) > old {
				out[i] = uint8(s.base + int(l))
			}
		}
	}
}

// joinAuthors lists the authors the way a cover names them.
func joinAuthors(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	s := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			s += " & "
		default:
			s += ", "
		}
		s += n
	}
	return s
}

// block is text broken into lines at one size, ready to draw.
type block struct {
	face       font.Face
	lines      []string
	lineHeight int
	ascent     int
}

// height returns the height of the block in pixels.
func (b *block) height() int {
	return b.lineHeight * len(b.lines)
}

// level returns the step of coverage, 0 to levels-1, nearest a coverage
// of 0 to 0xFFFF.
func level(a uint32) uint8 { return uint8((a*(levels-1) + 0x7FFF) / 0xFFFF) }

// draw adds the glyphs of the block to p, in ink i (see inks), with its
// top-left corner at (x, y).
func (b *block) draw(p *painting, i, x, y int) {
	base := inkBase(i)
	bounds := image.Rect(0, 0, Width, Height)
	prev := rune(-1)
	for n, line := range b.lines {
		dot := fixed.P(x, y+b.ascent+n*b.lineHeight)
		for _, r := range line {
			if prev >= 0 {
				dot.X += b.face.Kern(prev, r)
			}
			dr, mask, mp, adv, _ := b.face.Glyph(dot, r)
			dot.X += adv
			prev = r
			if mask == nil {
				continue
			}
			clip := dr.Intersect(bounds)
			if clip.Empty() {
				continue
			}
			// The face draws the next glyph on the same mask: the
			// coverage is kept, as levels.
			s := step{r: clip, base: base, levels: make([]uint8, 0, clip.Dx()*clip.Dy())}
			alpha, _ := mask.(*image.Alpha)
			for py := clip.Min.Y; py < clip.Max.Y; py++ {
				mx, my := mp.X+clip.Min.X-dr.Min.X, mp.Y+py-dr.Min.Y
				if alpha != nil && image.Pt(mx, my).In(alpha.Rect) && image.Pt(mx+clip.Dx()-1, my).In(alpha.Rect) {
					at := alpha.PixOffset(mx, my)
					for _, a := range alpha.Pix[at : at+clip.Dx()] {
						s.levels = append(s.levels, level(uint32(a)*0x101))
					}
					continue
				}
				for px := clip.Min.X; px < clip.Max.X; px++ {
					_, _, _, a := mask.At(mx+px-clip.Min.X, my).RGBA()
					s.levels = append(s.levels, level(a))
				}
			}
			p.steps = append(p.steps, s)
		}
		prev = -1
	}
}

// fit sets text at the largest size between max and min pixels that
// breaks it into at most maxLines lines no wider than the text column,
// stepping the size down a little at a time. When even min does not fit,
// it uses min, cuts the text after maxLines lines and lets a word that is
// too long for the column run past the margin rather than drop it.
func fit(f *typefaces, text string, max, min float64, maxLines int) (*block, error) {
	var last *block
	for size := max; size >= min; size -= 4 {
		b, fits, err := breakAt(f, text, size)
		if err != nil {
			return nil, err
		}
		last = b
		if fits && len(b.lines) <= maxLines {
			return b, nil
		}
	}
	if last == nil {
		b, _, err := breakAt(f, text, min)
		if err != nil {
			return nil, err
		}
		last = b
	}
	last.truncate(maxLines)
	return last, nil
}

// truncate keeps at most n lines and ends the last one kept with an
// ellipsis when lines were dropped, so that a very long text stays on the
// cover.
func (b *block) truncate(n int) {
	if len(b.lines) <= n {
		return
	}
	b.lines = b.lines[:n]
	b.lines[n-1] += " …"
}

// breakAt breaks text into lines at one size. It reports whether every
// word fits the column.
func breakAt(f *typefaces, text string, size float64) (*block, bool, error) {
	face, err := f.newFace(text, size)
	if err != nil {
		return nil, false, err
	}
	m := face.Metrics()
	b := &block{
		face:       face,
		ascent:     m.Ascent.Ceil(),
		lineHeight: int(size * 1.18),
	}
	limit := fixed.I(textWidth)
	fits := true
	line := ""
	for _, w := range words(text) {
		if font.MeasureString(face, w) > limit {
			fits = false
		}
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && font.MeasureString(face, try) > limit {
			b.lines = append(b.lines, line)
			line = w
			continue
		}
		line = try
	}
	if line != "" {
		b.lines = append(b.lines, line)
	}
	return b, fits, nil
}

// isSpace reports whether r is white space that parts words.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// words splits text at runs of white space.
func words(s string) []string { return strings.FieldsFunc(s, isSpace) }
