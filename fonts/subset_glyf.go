package fonts

import (
	"bytes"
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

// Flags of glyph outlines read when instructions are dropped.
const weHaveInstructions = 0x0100

// stripped returns the outline of glyph gid without its hinting
// instructions and, for a composite glyph, with its components' ids
// renumbered by m. It reports false when the glyph is malformed.
func (g *glyphTable) stripped(gid int, m glyphMap) ([]byte, bool) {
	d := g.outline(gid)
	if len(d) == 0 {
		return nil, true
	}
	if len(d) < glyphHeaderSize {
		return nil, false
	}
	contours := int(int16(binary.BigEndian.Uint16(d)))
	if contours >= 0 {
		at := glyphHeaderSize + 2*contours
		if at+2 > len(d) {
			return nil, false
		}
		n := int(binary.BigEndian.Uint16(d[at:]))
		if at+2+n > len(d) {
			return nil, false
		}
		rest, ok := pointData(d[at+2+n:], d[at-2:at], contours)
		if !ok {
			return nil, false
		}
		out := make([]byte, 0, at+2+len(rest))
		out = append(out, d[:at]...)
		out = append(out, 0, 0)
		return append(out, rest...), true
	}
	out := bytes.Clone(d)
	for p := glyphHeaderSize; ; {
		if p+4 > len(out) {
			return nil, false
		}
		flags := binary.BigEndian.Uint16(out[p:])
		id, ok := m.get(int(binary.BigEndian.Uint16(out[p+2:])))
		if !ok {
			return nil, false
		}
		binary.BigEndian.PutUint16(out[p+2:], id)
		next := p + 4 + 2
		if flags&argsAreWords != 0 {
			next += 2
		}
		switch {
		case flags&haveScale != 0:
			next += 2
		case flags&haveXYScale != 0:
			next += 4
		case flags&haveTwoByTwo != 0:
			next += 8
		}
		if next > len(out) {
			return nil, false
		}
		if flags&moreComponents == 0 {
			binary.BigEndian.PutUint16(out[p:], flags&^weHaveInstructions)
			return out[:next], true
		}
		p = next
	}
}

// Flags of a simple glyph's points.
const (
	xShort    = 0x02
	yShort    = 0x04
	repeat    = 0x08
	xSameOrUp = 0x10
	ySameOrUp = 0x20
)

// pointData returns the flags and coordinates of a simple glyph's points,
// which data starts with, without the padding that may follow them. last
// holds the glyph's last end point (its number of points less one) unless
// it has no contours.
func pointData(data, last []byte, contours int) ([]byte, bool) {
	if contours == 0 {
		return nil, true
	}
	points := int(binary.BigEndian.Uint16(last)) + 1
	p, xBytes, yBytes := 0, 0, 0
	for n := 0; n < points; {
		if p >= len(data) {
			return nil, false
		}
		flag := data[p]
		p++
		times := 1
		if flag&repeat != 0 {
			if p >= len(data) {
				return nil, false
			}
			times += int(data[p])
			p++
		}
		switch {
		case flag&xShort != 0:
			xBytes += times
		case flag&xSameOrUp == 0:
			xBytes += 2 * times
		}
		switch {
		case flag&yShort != 0:
			yBytes += times
		case flag&ySameOrUp == 0:
			yBytes += 2 * times
		}
		n += times
	}
	end := p + xBytes + yBytes
	if end > len(data) {
		return nil, false
	}
	return data[:end], true
}

// build returns new glyf and loca tables of the glyphs of a subset, in
// their new order, without hinting instructions. Each glyph starts on a
// 4-byte boundary. The loca table is in the short format when the glyf
// table is small enough for it, and long reports whether it is not.
func (g *glyphTable) build(m glyphMap) (glyf, loca []byte, long bool, err error) {
	n := m.count()
	offsets := make([]uint32, n+1)
	next := 0
	for gid, to := range m {
		if to < 0 {
			continue
		}
		for ; next <= int(to); next++ {
			offsets[next] = uint32(len(glyf))
		}
		d, ok := g.stripped(gid, m)
		if !ok {
			return nil, nil, false, fmt.Errorf("%w: glyph %d is cut short", errMalformed, gid)
		}
		glyf = append(glyf, d...)
		glyf = append(glyf, make([]byte, pad4(len(d))-len(d))...)
	}
	for ; next <= n; next++ {
		offsets[next] = uint32(len(glyf))
	}
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
	return glyf, loca, long, nil
}
