// Package cover draws the cover image of a guide: a PNG of the title,
// subtitle and authors set in the embedded Noto Sans Bold. The picture is
// made only from its inputs, so the same content gives the same bytes, and
// it keeps a high contrast so that it reads on a greyscale e-reader.
package cover

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"studyguide/fonts"
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

// Render draws the cover and returns it as PNG bytes.
func Render(c Content) ([]byte, error) {
	data, err := fonts.Read("noto/NotoSans-Bold.ttf")
	if err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	f, err := opentype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("cover: parse font: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(rgb(paper)), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, Width, panelBottom), image.NewUniform(rgb(panel)), image.Point{}, draw.Src)

	// The title sits on the foot of the dark panel, growing upwards.
	title, err := fit(f, c.Title, 124, 60, 6)
	if err != nil {
		return nil, err
	}
	y := panelBottom - 120 - title.height()
	title.draw(img, rgb(onDark), margin, y)

	// A short rule in the accent colour starts the lower part.
	draw.Draw(img, image.Rect(margin, panelBottom+70, margin+180, panelBottom+82), image.NewUniform(rgb(accent)), image.Point{}, draw.Src)

	y = panelBottom + 150
	if c.Subtitle != "" {
		sub, err := fit(f, c.Subtitle, 58, 38, 4)
		if err != nil {
			return nil, err
		}
		sub.draw(img, rgb(ink), margin, y)
	}

	if len(c.Authors) > 0 {
		authors, err := fit(f, joinAuthors(c.Authors), 44, 30, 3)
		if err != nil {
			return nil, err
		}
		authors.draw(img, rgb(muted), margin, Height-margin-authors.height())
	}

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("cover: encode png: %w", err)
	}
	return buf.Bytes(), nil
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

// draw paints the block with its top-left corner at (x, y).
func (b *block) draw(dst draw.Image, c color.Color, x, y int) {
	d := font.Drawer{Dst: dst, Src: image.NewUniform(c), Face: b.face}
	for i, line := range b.lines {
		d.Dot = fixed.P(x, y+b.ascent+i*b.lineHeight)
		d.DrawString(line)
	}
}

// fit sets text at the largest size between max and min pixels that
// breaks it into at most maxLines lines no wider than the text column,
// stepping the size down a little at a time. When even min does not fit,
// it uses min, cuts the text after maxLines lines and lets a word that is
// too long for the column run past the margin rather than drop it.
func fit(f *opentype.Font, text string, max, min float64, maxLines int) (*block, error) {
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
func breakAt(f *opentype.Font, text string, size float64) (*block, bool, error) {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, false, fmt.Errorf("cover: make face: %w", err)
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

// words splits text at runs of white space.
func words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		space := r == ' ' || r == '\t' || r == '\n' || r == '\r'
		switch {
		case space && start >= 0:
			out = append(out, s[start:i])
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
