package fonts

import (
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// measurePPEM is the size, in pixels per em as a 26.6 fixed-point number,
// at which glyphs are measured: large enough that the advances come back
// with far more precision than any page needs. It is an untyped constant
// so that fonts needs no import beyond sfnt.
const measurePPEM = 4096 << 6

// advances knows the advance width of every glyph of one embedded font
// file, in ems. Like coverage, it reads the file the first time it is
// asked and keeps the widths of every rune below lowRunes in a table.
type advances struct {
	file string
	once sync.Once
	font *sfnt.Font // nil when the file could not be parsed
	// low holds the width in ems of each rune below lowRunes; the width
	// of a rune the font lacks is that of its .notdef glyph.
	low    []float32
	notdef float32
}

// advanceTables holds one advances per embedded font file, keyed by its
// path. Like coverages, the map is filled when the package loads and never
// changes after; each entry fills itself once, guarded by its sync.Once.
var advanceTables = newAdvanceTables()

// newAdvanceTables returns an unfilled advances for every embedded font
// file.
func newAdvanceTables() map[string]*advances {
	m := make(map[string]*advances, len(coverages))
	for p := range coverages {
		m[p] = &advances{file: p}
	}
	return m
}

// load measures every rune below lowRunes that the file covers. It parses
// the file through its coverage, so each file is parsed once.
func (a *advances) load() {
	c := coverages[a.file]
	if c == nil {
		return
	}
	c.once.Do(c.load)
	if c.font == nil {
		return
	}
	a.font = c.font
	var b sfnt.Buffer
	a.notdef = a.glyph(&b, 0)
	a.low = make([]float32, lowRunes)
	for r := rune(0); r < lowRunes; r++ {
		a.low[r] = a.notdef
		if c.low[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		if gid, err := c.font.GlyphIndex(&b, r); err == nil {
			a.low[r] = a.glyph(&b, gid)
		}
	}
}

// glyph returns the advance of one glyph in ems, or zero when the font
// does not say. Glyphs are measured unhinted (hinting 0).
func (a *advances) glyph(b *sfnt.Buffer, gid sfnt.GlyphIndex) float32 {
	adv, err := a.font.GlyphAdvance(b, gid, measurePPEM, 0)
	if err != nil || adv < 0 {
		return 0
	}
	return float32(float64(adv) / measurePPEM)
}

// width returns the advance of r in ems.
func (a *advances) width(r rune) float64 {
	a.once.Do(a.load)
	if a.font == nil {
		return 0
	}
	if r >= 0 && r < lowRunes {
		return float64(a.low[r])
	}
	var b sfnt.Buffer
	ems := a.notdef
	if gid, err := a.font.GlyphIndex(&b, r); err == nil && gid != 0 {
		ems = a.glyph(&b, gid)
	}
	return float64(ems)
}

// Width returns the advance width of s set in the face at size points,
// in points, without kerning. A rune the face lacks is measured in the
// symbols face of the same weight when that face has it, as Fallback
// would set it, else as the face's .notdef glyph. Width is safe for
// concurrent use; each file is measured once, on first use.
func (f Face) Width(s string, size float64) float64 {
	own := advanceTables[f.File]
	if own == nil {
		return 0
	}
	var symbols *advances
	ems := 0.0
	for _, r := range s {
		if f.Covers(r) {
			ems += own.width(r)
			continue
		}
		if symbols == nil {
			symbols = own
			weight := ""
			if strings.Contains(f.Style, "B") {
				weight = "B"
			}
			if sf, ok := Lookup("symbols", weight); ok {
				if t := advanceTables[sf.File]; t != nil {
					symbols = t
				}
			}
		}
		if symbols != own && coverages[symbols.file].covers(r) {
			ems += symbols.width(r)
		} else {
			ems += own.width(r)
		}
	}
	return ems * size
}
