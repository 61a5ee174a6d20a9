package fonts

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// lowRunes is the number of runes, counted from U+0000, whose coverage and
// advance widths are measured ahead of time, at go generate time, for
// every embedded font file. It spans every alphabetic script the embedded
// faces set and the common symbol blocks; a rune above it is looked up in
// the font file when it is first asked about.
const lowRunes = 0x3000

// measurePPEM is the size, in pixels per em as a 26.6 fixed-point number,
// at which glyphs are measured: large enough that the advances come back
// with far more precision than any page needs.
const measurePPEM = 4096 << 6

// tablesBin holds, for each embedded font file, which runes below lowRunes
// it has glyphs for and their advance widths: MeasureTables made it (go
// generate runs it), and a test checks that it matches the fonts.
//
//go:embed tables.bin
var tablesBin []byte

// tablesMagic starts the tables, and changes when their layout does.
const tablesMagic = "studyguide font tables 1\n"

// MeasureTables measures the embedded font files and returns the tables
// that the package reads instead of measuring them in every process. For
// each font file, in the order of their paths: the path (a 16-bit length
// and the bytes), the advance of .notdef in ems (a float32), a bitmap of
// the runes below lowRunes that the font has glyphs for (a bit a rune,
// least significant first), for each 64 runes the number of covered runes
// before them (16 bits), and the advance in ems of each covered rune in
// order (float32). Numbers are little-endian. Advances are those the font
// gives unhinted at measurePPEM, so that they are the same to the last
// bit as measuring in the process would give.
func MeasureTables() ([]byte, error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		if strings.HasSuffix(p, ".ttf") {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	out := []byte(tablesMagic)
	le := binary.LittleEndian
	for _, p := range paths {
		f, err := sfnt.Parse(files[p])
		if err != nil {
			return nil, fmt.Errorf("fonts: %s: %w", p, err)
		}
		var b sfnt.Buffer
		var bitmap [lowRunes / 8]byte
		var widths []float32
		for r := rune(0); r < lowRunes; r++ {
			if gid, err := f.GlyphIndex(&b, r); err == nil && gid != 0 {
				bitmap[r/8] |= 1 << (r % 8)
				widths = append(widths, advance(f, &b, gid))
			}
		}
		out = le.AppendUint16(out, uint16(len(p)))
		out = append(out, p...)
		out = le.AppendUint32(out, math.Float32bits(advance(f, &b, 0)))
		out = append(out, bitmap[:]...)
		n := 0
		for i := range lowRunes / 64 {
			out = le.AppendUint16(out, uint16(n))
			n += bits.OnesCount64(le.Uint64(bitmap[8*i:]))
		}
		for _, w := range widths {
			out = le.AppendUint32(out, math.Float32bits(w))
		}
	}
	return out, nil
}

// advance returns the advance of one glyph in ems, or zero when the font
// does not say. Glyphs are measured unhinted.
func advance(f *sfnt.Font, b *sfnt.Buffer, gid sfnt.GlyphIndex) float32 {
	adv, err := f.GlyphAdvance(b, gid, measurePPEM, 0)
	if err != nil || adv < 0 {
		return 0
	}
	return float32(float64(adv) / measurePPEM)
}

// fontTable is what the tables say of one font file, read in place from
// tablesBin, and the font file parsed for runes above them.
type fontTable struct {
	file   string
	notdef float32
	bitmap []byte // lowRunes/8 bytes
	before []byte // a 16-bit count per 64 runes
	widths []byte // a float32 per covered rune

	once sync.Once
	font *sfnt.Font // nil when the file could not be parsed
}

// fontTables holds the table of every embedded font file, keyed by its
// path, read from tablesBin when first asked for.
var fontTables = sync.OnceValues(func() (map[string]*fontTable, error) {
	return readTables(tablesBin)
})

// errTables reports tables that do not hold what MeasureTables writes.
var errTables = errors.New("fonts: tables.bin is damaged; run go generate ./fonts")

// readTables splits tables made by MeasureTables into one table per file,
// without copying them.
func readTables(b []byte) (map[string]*fontTable, error) {
	rest, ok := strings.CutPrefix(string(b[:min(len(b), len(tablesMagic))]), tablesMagic)
	if !ok || rest != "" {
		return nil, errTables
	}
	b = b[len(tablesMagic):]
	le := binary.LittleEndian
	m := map[string]*fontTable{}
	for len(b) > 0 {
		if len(b) < 2 {
			return nil, errTables
		}
		n := int(le.Uint16(b))
		fixed := 2 + n + 4 + lowRunes/8 + 2*(lowRunes/64)
		if len(b) < fixed {
			return nil, errTables
		}
		t := &fontTable{file: string(b[2 : 2+n])}
		at := 2 + n
		t.notdef = math.Float32frombits(le.Uint32(b[at:]))
		t.bitmap = b[at+4 : at+4+lowRunes/8]
		t.before = b[at+4+lowRunes/8 : fixed]
		covered := 0
		for i := 0; i < len(t.bitmap); i += 8 {
			covered += bits.OnesCount64(le.Uint64(t.bitmap[i:]))
		}
		if len(b) < fixed+4*covered {
			return nil, errTables
		}
		t.widths = b[fixed : fixed+4*covered]
		m[t.file] = t
		b = b[fixed+4*covered:]
	}
	return m, nil
}

// tableOf returns the table of an embedded font file, or nil when there is
// none.
func tableOf(file string) *fontTable {
	m, err := fontTables()
	if err != nil {
		return nil
	}
	return m[file]
}

// parsed returns the font file parsed, or nil when it cannot be; it is
// parsed once, when first needed.
func (t *fontTable) parsed() *sfnt.Font {
	t.once.Do(func() {
		if data, ok := files[t.file]; ok {
			t.font, _ = sfnt.Parse(data)
		}
	})
	return t.font
}

// covers reports whether the font file has a glyph for r.
func (t *fontTable) covers(r rune) bool {
	switch {
	case r >= 0 && r < lowRunes:
		return t.bitmap[r/8]&(1<<(r%8)) != 0
	case !validRune(r):
		return false
	}
	f := t.parsed()
	if f == nil {
		return false
	}
	var b sfnt.Buffer
	gid, err := f.GlyphIndex(&b, r)
	return err == nil && gid != 0
}

// width returns the advance of r in ems: that of .notdef for a rune the
// font lacks.
func (t *fontTable) width(r rune) float64 {
	if r >= 0 && r < lowRunes {
		if !t.covers(r) {
			return float64(t.notdef)
		}
		le := binary.LittleEndian
		block := int(r / 64)
		i := int(le.Uint16(t.before[2*block:]))
		i += bits.OnesCount64(le.Uint64(t.bitmap[8*block:]) & (1<<(r%64) - 1))
		return float64(math.Float32frombits(le.Uint32(t.widths[4*i:])))
	}
	f := t.parsed()
	if f == nil {
		return 0
	}
	var b sfnt.Buffer
	if gid, err := f.GlyphIndex(&b, r); err == nil && gid != 0 {
		return float64(advance(f, &b, gid))
	}
	return float64(t.notdef)
}
