package fonts

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Advance returns the advance width of r in the face's own glyph, in ems,
// and false when the face has no glyph for r. It is safe for concurrent
// use and, for runes below lowRunes, reads the tables made at go generate
// time.
func (f Face) Advance(r rune) (float64, bool) {
	t := tableOf(f.File)
	if t == nil || !t.covers(r) {
		return 0, false
	}
	return t.width(r), true
}

// SubsetGlyphs returns the subset of a TrueType font file that a PDF
// embeds for runes, and for each rune the id its glyph has in the subset:
// 0 for a rune the font lacks. It is cut as Subset cuts a font, but
// keeps only the glyphs of the runes and their components, and leaves
// out the layout tables (GSUB, GPOS, GDEF, kern and MATH), which no PDF
// reader applies: a PDF names each glyph it draws.
func SubsetGlyphs(data []byte, runes []rune) ([]byte, []uint16, error) {
	out, err := subset(data, runes, forPrint)
	if err != nil {
		return nil, nil, fmt.Errorf("fonts: subset: %w", err)
	}
	file, err := parseSFNT(out)
	if err != nil {
		return nil, nil, fmt.Errorf("fonts: subset: %w", err)
	}
	lookup, err := readCmap(file.table("cmap"))
	if err != nil {
		return nil, nil, fmt.Errorf("fonts: subset: %w", err)
	}
	gids := make([]uint16, len(runes))
	for i, r := range runes {
		if g, err := lookup(r); err == nil && g > 0 && g <= 0xFFFF {
			gids[i] = uint16(g)
		}
	}
	return out, gids, nil
}

// SubsetGlyphIDs returns the subset of a TrueType font file that a PDF
// embeds for the glyphs gids, cut as SubsetGlyphs cuts it, and the id each
// of those glyphs has in the subset.
func SubsetGlyphIDs(data []byte, gids []uint16) ([]byte, []uint16, error) {
	out, ids, err := subsetKeeping(data, nil, gids, forPrint)
	if err != nil {
		return nil, nil, fmt.Errorf("fonts: subset: %w", err)
	}
	return out, ids, nil
}

// Metrics are what a PDF's font descriptor says of a font, in thousandths
// of an em: its box, the ascent and descent of its lines, the height of
// its capitals and the slant of its italics (degrees, negative leaning
// right), and the width of the glyph it shows for a character it lacks.
type Metrics struct {
	BBox             [4]int
	Ascent, Descent  int
	CapHeight        int
	ItalicAngle      float64
	MissingWidth     int
	Bold, FixedPitch bool
	Italic           bool
}

// Describe reads the metrics of a TrueType font file from its head,
// hhea, OS/2 and post tables.
func Describe(data []byte) (Metrics, error) {
	var m Metrics
	file, err := parseSFNT(data)
	if err != nil {
		return m, fmt.Errorf("fonts: %w", err)
	}
	be := binary.BigEndian
	head, hhea, hmtx := file.table("head"), file.table("hhea"), file.table("hmtx")
	if len(head) < 54 || len(hhea) < 36 || len(hmtx) < 2 {
		return m, fmt.Errorf("fonts: %w: head, hhea or hmtx table cut short", errMalformed)
	}
	upem := float64(be.Uint16(head[18:]))
	if upem == 0 {
		return m, fmt.Errorf("fonts: %w: zero units per em", errMalformed)
	}
	scale := func(v int16) int { return int(math.Round(float64(v) * 1000 / upem)) }
	for i := range 4 {
		m.BBox[i] = scale(int16(be.Uint16(head[36+2*i:])))
	}
	m.Ascent = scale(int16(be.Uint16(hhea[4:])))
	m.Descent = scale(int16(be.Uint16(hhea[6:])))
	m.CapHeight = m.Ascent
	m.MissingWidth = int(math.Round(float64(be.Uint16(hmtx)) * 1000 / upem))
	macStyle := be.Uint16(head[44:])
	m.Bold, m.Italic = macStyle&1 != 0, macStyle&2 != 0
	if os2 := file.table("OS/2"); len(os2) >= 90 {
		if be.Uint16(os2) >= 2 {
			m.CapHeight = scale(int16(be.Uint16(os2[88:])))
		}
		m.Bold = m.Bold || be.Uint16(os2[4:]) >= 600
	}
	if post := file.table("post"); len(post) >= 16 {
		m.ItalicAngle = float64(int32(be.Uint32(post[4:]))) / 65536
		m.FixedPitch = be.Uint32(post[12:]) != 0
	}
	m.Italic = m.Italic || m.ItalicAngle != 0
	return m, nil
}
