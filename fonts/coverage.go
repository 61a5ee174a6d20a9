package fonts

import (
	"io/fs"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
)

// lowRunes is the number of runes, counted from U+0000, whose coverage is
// answered from a bitmap built once per font file. It spans every
// alphabetic script the embedded faces set and the common symbol blocks.
const lowRunes = 0x3000

// coverage knows which runes one embedded font file has glyphs for. It
// parses the file the first time it is asked and keeps the answer for
// every rune below lowRunes in a bitmap.
type coverage struct {
	file string
	once sync.Once
	font *sfnt.Font // nil when the file could not be parsed
	low  [lowRunes / 64]uint64
}

// coverages holds one coverage per embedded font file, keyed by its path.
// The map is filled when the package loads and never changes after; each
// entry fills itself once, guarded by its sync.Once.
var coverages = newCoverages()

// newCoverages returns an unfilled coverage for every embedded font file.
func newCoverages() map[string]*coverage {
	m := make(map[string]*coverage)
	// The pattern is well formed, so Glob cannot fail.
	paths, _ := fs.Glob(files, "*/*.ttf")
	for _, p := range paths {
		m[p] = &coverage{file: p}
	}
	return m
}

// load parses the font file and fills the bitmap. A file that cannot be
// read or parsed covers no rune.
func (c *coverage) load() {
	data, err := files.ReadFile(c.file)
	if err != nil {
		return
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return
	}
	var b sfnt.Buffer
	for r := rune(0); r < lowRunes; r++ {
		if gid, err := f.GlyphIndex(&b, r); err == nil && gid != 0 {
			c.low[r/64] |= 1 << (r % 64)
		}
	}
	c.font = f
}

// covers reports whether the font file has a glyph for r.
func (c *coverage) covers(r rune) bool {
	c.once.Do(c.load)
	switch {
	case r >= 0 && r < lowRunes:
		return c.low[r/64]&(1<<(r%64)) != 0
	case c.font == nil || !utf8.ValidRune(r):
		return false
	}
	var b sfnt.Buffer
	gid, err := c.font.GlyphIndex(&b, r)
	return err == nil && gid != 0
}

// Covers reports whether the face's font file has a glyph for r. A face
// whose file is not embedded covers nothing. Covers is safe for concurrent
// use; each file is parsed once, on first use.
func (f Face) Covers(r rune) bool {
	c, ok := coverages[f.File]
	return ok && c.covers(r)
}

// Fallback returns the face to set r in for a family and style: the face
// that Lookup gives if it covers r, else the symbols face of the same
// weight (bold when style contains "B") if that covers r. It reports false
// when the family is unknown or neither face has a glyph for r.
func Fallback(family, style string, r rune) (Face, bool) {
	f, ok := Lookup(family, style)
	if !ok {
		return Face{}, false
	}
	if f.Covers(r) {
		return f, true
	}
	weight := ""
	if strings.Contains(style, "B") {
		weight = "B"
	}
	if s, ok := Lookup("symbols", weight); ok && s.Covers(r) {
		return s, true
	}
	return Face{}, false
}
