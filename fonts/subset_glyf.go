package fonts

import (
	"encoding/binary"
	"fmt"
)

// glyphTable is the glyf table of a TrueType font seen through its loca
// table: the outline bytes of every glyph id.
type glyphTable struct {
	glyf []byte
	loca []uint32 // numGlyphs+1 offsets into glyf
}

// parseGlyphTable reads the glyph count from maxp, the offset format from
// head and the glyph offsets from loca, and checks that every glyph lies
// inside glyf.
func parseGlyphTable(head, maxp, loca, glyf []byte) (*glyphTable, error) {
	if len(head) < 54 {
		return nil, fmt.Errorf("%w: head table of %d bytes", errMalformed, len(head))
	}
	if len(maxp) < 6 {
		return nil, fmt.Errorf("%w: maxp table of %d bytes", errMalformed, len(maxp))
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	offsets := make([]uint32, n+1)
	switch format := int16(binary.BigEndian.Uint16(head[50:])); format {
	case 0:
		if len(loca) < 2*(n+1) {
			return nil, fmt.Errorf("%w: loca table too short for %d glyphs", errMalformed, n)
		}
		for i := range offsets {
			offsets[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
	case 1:
		if len(loca) < 4*(n+1) {
			return nil, fmt.Errorf("%w: loca table too short for %d glyphs", errMalformed, n)
		}
		for i := range offsets {
			offsets[i] = binary.BigEndian.Uint32(loca[4*i:])
		}
	default:
		return nil, fmt.Errorf("%w: unknown indexToLocFormat %d", errMalformed, format)
	}
	for i := range n {
		if offsets[i] > offsets[i+1] {
			return nil, fmt.Errorf("%w: loca offsets of glyph %d run backwards", errMalformed, i)
		}
	}
	if int64(offsets[n]) > int64(len(glyf)) {
		return nil, fmt.Errorf("%w: loca points past the end of glyf", errMalformed)
	}
	return &glyphTable{glyf: glyf, loca: offsets}, nil
}

// numGlyphs returns the number of glyph ids in the font.
func (g *glyphTable) numGlyphs() int { return len(g.loca) - 1 }

// outline returns the glyf bytes of glyph id gid, empty for a glyph
// without contours.
func (g *glyphTable) outline(gid int) []byte {
	return g.glyf[g.loca[gid]:g.loca[gid+1]]
}

// Flags of a component record in a composite glyph.
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	glyphHeaderSize = 10
)

// components returns the glyph ids that glyph gid is composed of, or none
// for a simple or empty glyph.
func (g *glyphTable) components(gid int) ([]int, error) {
	d := g.outline(gid)
	if len(d) == 0 {
		return nil, nil
	}
	if len(d) < glyphHeaderSize {
		return nil, fmt.Errorf("%w: glyph %d has a %d-byte header", errMalformed, gid, len(d))
	}
	if int16(binary.BigEndian.Uint16(d)) >= 0 {
		return nil, nil
	}
	var ids []int
	for p := glyphHeaderSize; ; {
		if p+4 > len(d) {
			return nil, fmt.Errorf("%w: composite glyph %d is cut short", errMalformed, gid)
		}
		flags := binary.BigEndian.Uint16(d[p:])
		id := int(binary.BigEndian.Uint16(d[p+2:]))
		if id >= g.numGlyphs() {
			return nil, fmt.Errorf("%w: glyph %d uses glyph %d of %d", errMalformed, gid, id, g.numGlyphs())
		}
		ids = append(ids, id)
		p += 4 + 2
		if flags&argsAreWords != 0 {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			if p > len(d) {
				return nil, fmt.Errorf("%w: composite glyph %d is cut short", errMalformed, gid)
			}
			return ids, nil
		}
	}
}

// addComponents marks every component of a kept composite glyph as kept,
// through any depth of nesting.
func (g *glyphTable) addComponents(keep []bool) error {
	var todo []int
	for gid, k := range keep {
		if k {
			todo = append(todo, gid)
		}
	}
	for len(todo) > 0 {
		gid := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		ids, err := g.components(gid)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if !keep[id] {
				keep[id] = true
				todo = append(todo, id)
			}
		}
	}
	return nil
}

// build returns new glyf and loca tables in which every glyph that is not
// kept is empty. Each kept glyph starts on a 4-byte boundary. The loca
// table is in the short format when the glyf table is small enough for
// it, and long reports whether it is not.
func (g *glyphTable) build(keep []bool) (glyf, loca []byte, long bool) {
	n := g.numGlyphs()
	offsets := make([]uint32, n+1)
	for gid := range n {
		offsets[gid] = uint32(len(glyf))
		if keep[gid] {
			d := g.outline(gid)
			glyf = append(glyf, d...)
			glyf = append(glyf, make([]byte, pad4(len(d))-len(d))...)
		}
	}
	offsets[n] = uint32(len(glyf))
	long = offsets[n] > 2*0xFFFF
	if long {
		loca = make([]byte, 4*(n+1))
		for i, o := range offsets {
			binary.BigEndian.PutUint32(loca[4*i:], o)
		}
	} else {
		loca = make([]byte, 2*(n+1))
		for i, o := range offsets {
			binary.BigEndian.PutUint16(loca[2*i:], uint16(o/2))
		}
	}
	if glyf == nil {
		glyf = []byte{}
	}
	return glyf, loca, long
}
