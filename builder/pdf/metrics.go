package pdf

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// lowRunes is how many runes, from U+0000, each face keeps in a dense
// table; rarer runes go to a map.
const lowRunes = 0x2600

// Sentinels in a width table.
const (
	unmeasured int16 = -1
	uncovered  int16 = -2
)

// replacement stands in for a character that no embedded face can print;
// replacementASCII is used when even the symbols face lacks it.
const (
	replacement      = '\uFFFD'
	replacementASCII = '?'
)

// metrics measures text. It learns the advance width of each rune in each
// face from the fonts package's tables the first time the rune is met,
// rounded to thousandths of an em as the PDF states it, and remembers
// whether the face has a glyph for it at all.
type metrics struct {
	fs     *faceSet
	tables []widthTable
}

// widthTable holds advance widths of one face in thousandths of an em.
type widthTable struct {
	low  []int16
	high map[rune]int16
}

// newMetrics returns metrics that have measured nothing yet.
func newMetrics(fs *faceSet) *metrics {
	return &metrics{fs: fs, tables: make([]widthTable, len(fs.faces))}
}

// advance returns the width of r in face f in thousandths of an em, and
// false when the face has no glyph for r.
func (m *metrics) advance(f faceRef, r rune) (int, bool) {
	// The common case, a rune met before, is small enough to be inlined.
	if low := m.tables[f].low; uint(r) < uint(len(low)) && low[r] >= 0 {
		return int(low[r]), true
	}
	return m.learn(f, r)
}

// learn is advance for a rune the table may not hold yet.
func (m *metrics) learn(f faceRef, r rune) (int, bool) {
	t := &m.tables[f]
	if r >= 0 && r < lowRunes {
		if t.low == nil {
			t.low = make([]int16, lowRunes)
			for i := range t.low {
				t.low[i] = unmeasured
			}
		}
		v := t.low[r]
		if v == unmeasured {
			v = m.measure(f, r)
			t.low[r] = v
		}
		return int(v), v >= 0
	}
	if t.high == nil {
		t.high = make(map[rune]int16)
	}
	v, ok := t.high[r]
	if !ok {
		v = m.measure(f, r)
		t.high[r] = v
	}
	return int(v), v >= 0
}

// measure returns the width of r in face f, or reports that the face has
// no glyph for it. A rune above U+FFFF is never set: a face's codes are
// two bytes.
func (m *metrics) measure(f faceRef, r rune) int16 {
	if r > 0xFFFF {
		return uncovered
	}
	if m.fs.isMath(f) {
		// The maths face's text is glyph ids.
		mf := m.fs.mathFace()
		if r <= 0 || int(r) >= mf.NumGlyphs() {
			return uncovered
		}
		return clampWidth(math.Round(float64(mf.Advance(uint16(r))) * 1000 / float64(mf.UnitsPerEm)))
	}
	ems, ok := m.fs.faces[f].Advance(r)
	if !ok {
		return uncovered
	}
	return clampWidth(math.Round(ems * 1000))
}

// clampWidth returns a width in thousandths of an em as a table holds it.
func clampWidth(w float64) int16 {
	if w < 0 || w > 0x7FFF {
		return 0
	}
	return int16(w)
}

// widthOf returns the width of r in face f in thousandths of an em, as
// the layout measured it: 0 for a rune the face lacks.
func (m *metrics) widthOf(f faceRef, r rune) int {
	w, _ := m.advance(f, r)
	return w
}

// width returns the width in millimetres of s set in face f at size pt.
// Every rune of s must be one the face covers (as shape arranges).
func (m *metrics) width(f faceRef, size float64, s string) float64 {
	units := 0
	for _, r := range s {
		u, _ := m.advance(f, r)
		units += u
	}
	return float64(units) * pt(size) / 1000
}

// glyphRun is a stretch of text that one face prints.
type glyphRun struct {
	face  faceRef
	text  string
	units int // width in thousandths of an em
}

// shape splits s into runs by the face that prints each character: the
// chain's primary face when it has a glyph, else the fallback face, else a
// visible replacement. Characters that print nothing (controls, soft
// hyphens, zero-width marks) are dropped, and so are runes above U+FFFF,
// which the faces' two-byte codes cannot reach. It appends to dst and reports whether any
// character had to be replaced.
func (m *metrics) shape(dst []glyphRun, s string, c chain) ([]glyphRun, bool) {
	replaced := false
	face, units, start := faceRef(-1), 0, 0
	flush := func(end int) {
		if face >= 0 && end > start {
			dst = append(dst, glyphRun{face: face, text: s[start:end], units: units})
		}
		face, units = -1, 0
	}
	// The primary face's widths of ASCII characters met before, read
	// here without a call for each character.
	primary := m.tables[c.primary].low
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= 0x20 && r < 0x7F && int(r) < len(primary) && primary[r] >= 0 {
			if face != c.primary {
				flush(i)
				face, start = c.primary, i
			}
			units += int(primary[r])
			i++
			continue
		}
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if (r < 0x20 || r >= 0x7F) && ignorable(r) {
			flush(i)
			i += n
			start = i
			continue
		}
		f := c.primary
		u, ok := 0, false
		if r != utf8.RuneError || n > 1 {
			if u, ok = m.advance(f, r); !ok {
				f = c.fallback
				u, ok = m.advance(f, r)
			}
		}
		primary = m.tables[c.primary].low // made at the first measure
		if !ok {
			replaced = true
			flush(i)
			rf, rr := c.fallback, rune(replacement)
			ru, rok := m.advance(rf, rr)
			if !rok {
				rf, rr = c.primary, replacementASCII
				ru, _ = m.advance(rf, rr)
			}
			dst = append(dst, glyphRun{face: rf, text: string(rr), units: ru})
			i += n
			start = i
			continue
		}
		if f != face {
			flush(i)
			face, start = f, i
		}
		units += u
		i += n
	}
	flush(len(s))
	return dst, replaced
}

// ignorable reports whether r prints nothing and is best left out: control
// characters, the soft hyphen (the writer does not hyphenate), zero-width
// spaces and joiners, and the byte-order mark.
func ignorable(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r < 0xA0:
		return true
	case r == 0xAD, r >= 0x200B && r <= 0x200F, r == 0x2060, r == 0xFEFF:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}
