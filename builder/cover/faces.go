package cover

import (
	"fmt"
	"image"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"studyguide/fonts"
)

// The cover sets its text in the bold sans face, and each letter that
// face lacks in the bold face of the symbols family, as the PDF does
// (fonts.Fallback). A text with a letter neither face has is left off the
// cover rather than drawn with empty boxes: the reader's library still
// shows the title, from the book's metadata.

// typefaces are the parsed fonts of the cover: the main one, and the
// fallback, parsed only when a text needs it.
type typefaces struct {
	main, fallback *opentype.Font
}

// coverFace is the face of the cover's text, and fallbackFace the face
// its letters fall back to.
var coverFace, fallbackFace = mustLookup("sans", "B"), mustLookup("symbols", "B")

// mustLookup returns a face the fonts package is known to embed.
func mustLookup(family, style string) fonts.Face {
	f, ok := fonts.Lookup(family, style)
	if !ok {
		panic("cover: no " + family + " " + style + " face")
	}
	return f
}

// parseFace parses an embedded face's font file.
func parseFace(f fonts.Face) (*opentype.Font, error) {
	data, err := fonts.Read(f.File)
	if err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	font, err := opentype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("cover: parse font %s: %w", f.File, err)
	}
	return font, nil
}

// drawable reports whether every letter of text is in the main face or
// the fallback.
func drawable(text string) bool {
	for _, r := range text {
		if !isSpace(r) && !coverFace.Covers(r) && !fallbackFace.Covers(r) {
			return false
		}
	}
	return true
}

// needsFallback reports whether text has a letter the main face lacks.
func needsFallback(text string) bool {
	for _, r := range text {
		if !isSpace(r) && !coverFace.Covers(r) {
			return true
		}
	}
	return false
}

// newFace returns the face that sets text at size: the main face, or,
// when text has letters only the fallback has, a face that takes each
// letter from the main face if it has it and from the fallback if not.
func (t *typefaces) newFace(text string, size float64) (font.Face, error) {
	opts := &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone}
	main, err := opentype.NewFace(t.main, opts)
	if err != nil {
		return nil, fmt.Errorf("cover: make face: %w", err)
	}
	if !needsFallback(text) {
		return main, nil
	}
	if t.fallback == nil {
		if t.fallback, err = parseFace(fallbackFace); err != nil {
			return nil, err
		}
	}
	other, err := opentype.NewFace(t.fallback, opts)
	if err != nil {
		return nil, fmt.Errorf("cover: make face: %w", err)
	}
	return &mixedFace{main: main, fallback: other}, nil
}

// mixedFace sets each letter in main if main has it, else in fallback.
// Its line metrics are main's; letters of two faces are not kerned.
type mixedFace struct {
	main, fallback font.Face
}

// pick returns the face a letter is set in.
func (m *mixedFace) pick(r rune) font.Face {
	if coverFace.Covers(r) {
		return m.main
	}
	return m.fallback
}

func (m *mixedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	return m.pick(r).Glyph(dot, r)
}

func (m *mixedFace) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	return m.pick(r).GlyphBounds(r)
}

func (m *mixedFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	return m.pick(r).GlyphAdvance(r)
}

func (m *mixedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	if f := m.pick(r0); f == m.pick(r1) {
		return f.Kern(r0, r1)
	}
	return 0
}

func (m *mixedFace) Metrics() font.Metrics { return m.main.Metrics() }

func (m *mixedFace) Close() error {
	m.fallback.Close()
	return m.main.Close()
}
