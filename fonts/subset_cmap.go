package fonts

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"unicode/utf8"
)

// runeGlyph is one entry of a character map.
type runeGlyph struct {
	r   rune
	gid uint16
}

// mapRunes returns the glyph the font's character map gives each rune
// that the font has a glyph for, sorted by rune and without repeats. Runes
// that are not Unicode scalar values are skipped.
func mapRunes(cmap []byte, numGlyphs int, runes []rune) ([]runeGlyph, error) {
	lookup, err := readCmap(cmap)
	if err != nil {
		return nil, err
	}
	sorted := slices.Clone(runes)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var m []runeGlyph
	for _, r := range sorted {
		if !utf8.ValidRune(r) || r == 0xFFFF {
			continue
		}
		gid, err := lookup(r)
		if err != nil {
			return nil, err
		}
		if gid != 0 && gid < numGlyphs {
			m = append(m, runeGlyph{r, uint16(gid)})
		}
	}
	return m, nil
}

// readCmap returns a function that looks runes up in the Unicode subtable
// of a cmap table: the format 12 one if there is one, else the format 4
// one.
func readCmap(cmap []byte) (func(rune) (int, error), error) {
	best, err := unicodeSubtable(cmap)
	if err != nil {
		return nil, err
	}
	if binary.BigEndian.Uint16(best) == 12 {
		return readCmap12(best)
	}
	return readCmap4(best)
}

// unicodeSubtable returns the Unicode subtable of a cmap table that
// readCmap reads: the format 12 one if there is one, else the format 4
// one.
func unicodeSubtable(cmap []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return nil, fmt.Errorf("%w: cmap header is cut short", errMalformed)
	}
	n := int(be.Uint16(cmap[2:]))
	if 4+8*n > len(cmap) {
		return nil, fmt.Errorf("%w: cmap encoding records are cut short", errMalformed)
	}
	var best []byte
	for i := range n {
		rec := cmap[4+8*i:]
		platform, encoding := be.Uint16(rec), be.Uint16(rec[2:])
		offset := int64(be.Uint32(rec[4:]))
		if platform != 0 && (platform != 3 || encoding != 1 && encoding != 10) {
			continue // not Unicode
		}
		if offset+4 > int64(len(cmap)) {
			return nil, fmt.Errorf("%w: cmap subtable lies outside the table", errMalformed)
		}
		sub := cmap[offset:]
		switch be.Uint16(sub) {
		case 12:
			best = sub
		case 4:
			if best == nil {
				best = sub
			}
		}
	}
	if best == nil {
		return nil, fmt.Errorf("%w: no Unicode character map of format 4 or 12", errMalformed)
	}
	return best, nil
}

// mapRange returns what mapRunes returns for every rune from lo to hi. A
// character map of format 12 whose groups are in order and apart, as a
// font's are, is walked group by group rather than looked up rune by
// rune.
func mapRange(cmap []byte, numGlyphs int, lo, hi rune) ([]runeGlyph, error) {
	sub, err := unicodeSubtable(cmap)
	if err != nil {
		return nil, err
	}
	be := binary.BigEndian
	if be.Uint16(sub) == 12 && len(sub) >= 16 {
		n := int64(be.Uint32(sub[12:]))
		if 16+12*n <= int64(len(sub)) {
			u32 := func(at int64) int64 { return int64(be.Uint32(sub[at:])) }
			var m []runeGlyph
			ordered := true
			last := int64(-1)
			for i := range n {
				start, end, first := u32(16+12*i), u32(16+12*i+4), u32(16+12*i+8)
				if start <= last || end < start {
					ordered = false
					break
				}
				last = end
				for c := max(start, int64(lo)); c <= min(end, int64(hi)); c++ {
					r := rune(c)
					gid := first + c - start
					if !utf8.ValidRune(r) || r == 0xFFFF || gid > 0xFFFF || gid == 0 || gid >= int64(numGlyphs) {
						continue
					}
					m = append(m, runeGlyph{r, uint16(gid)})
				}
			}
			if ordered {
				return m, nil
			}
		}
	}
	var runes []rune
	for r := lo; r <= hi; r++ {
		runes = append(runes, r)
	}
	return mapRunes(cmap, numGlyphs, runes)
}

// readCmap4 returns a lookup in a format 4 (segment mapping) subtable.
func readCmap4(sub []byte) (func(rune) (int, error), error) {
	be := binary.BigEndian
	if len(sub) < 14 {
		return nil, fmt.Errorf("%w: cmap format 4 header is cut short", errMalformed)
	}
	n := int(be.Uint16(sub[6:])) / 2
	if 16+8*n > len(sub) {
		return nil, fmt.Errorf("%w: cmap format 4 segments are cut short", errMalformed)
	}
	u16 := func(at int) int { return int(be.Uint16(sub[at:])) }
	return func(r rune) (int, error) {
		if r > 0xFFFF {
			return 0, nil
		}
		c := int(r)
		// The first segment whose end is at or above c.
		i := sort.Search(n, func(i int) bool { return u16(14+2*i) >= c })
		if i == n || u16(16+2*n+2*i) > c {
			return 0, nil
		}
		delta := u16(16 + 4*n + 2*i)
		rangeAt := 16 + 6*n + 2*i
		if rangeOffset := u16(rangeAt); rangeOffset != 0 {
			at := rangeAt + rangeOffset + 2*(c-u16(16+2*n+2*i))
			if at+2 > len(sub) {
				return 0, fmt.Errorf("%w: cmap format 4 glyph array is cut short", errMalformed)
			}
			g := u16(at)
			if g == 0 {
				return 0, nil
			}
			return (g + delta) & 0xFFFF, nil
		}
		return (c + delta) & 0xFFFF, nil
	}, nil
}

// readCmap12 returns a lookup in a format 12 (segmented coverage)
// subtable.
func readCmap12(sub []byte) (func(rune) (int, error), error) {
	be := binary.BigEndian
	if len(sub) < 16 {
		return nil, fmt.Errorf("%w: cmap format 12 header is cut short", errMalformed)
	}
	n := int64(be.Uint32(sub[12:]))
	if 16+12*n > int64(len(sub)) {
		return nil, fmt.Errorf("%w: cmap format 12 groups are cut short", errMalformed)
	}
	u32 := func(at int) int64 { return int64(be.Uint32(sub[at:])) }
	return func(r rune) (int, error) {
		c := int64(r)
		// The first group whose end is at or above c.
		i := sort.Search(int(n), func(i int) bool { return u32(16+12*i+4) >= c })
		if i == int(n) || u32(16+12*i) > c {
			return 0, nil
		}
		gid := u32(16+12*i+8) + c - u32(16+12*i)
		if gid > 0xFFFF {
			return 0, nil
		}
		return int(gid), nil
	}, nil
}

// buildCmap returns a cmap table for the given entries, sorted by rune: a
// format 4 subtable for the Basic Multilingual Plane and, when a rune lies
// beyond it, a format 12 subtable for all of them, each listed for the
// Unicode and the Windows platforms. It reports false when the entries do
// not fit a format 4 subtable.
func buildCmap(m []runeGlyph) ([]byte, bool) {
	bmp := m
	for i, e := range m {
		if e.r > 0xFFFF {
			bmp = m[:i]
			break
		}
	}
	f4, ok := cmapFormat4(bmp)
	if !ok {
		return nil, false
	}
	var f12 []byte
	if len(bmp) < len(m) {
		f12 = cmapFormat12(m)
	}

	type record struct{ platform, encoding, offset int }
	at4, at12 := 4+8*2, 0
	records := []record{{0, 3, at4}, {3, 1, at4}}
	if f12 != nil {
		at4 = 4 + 8*4
		at12 = at4 + len(f4)
		records = []record{{0, 3, at4}, {0, 4, at12}, {3, 1, at4}, {3, 10, at12}}
	}
	out := make([]byte, 4+8*len(records), at4+len(f4)+len(f12))
	binary.BigEndian.PutUint16(out[2:], uint16(len(records)))
	for i, rec := range records {
		p := out[4+8*i:]
		binary.BigEndian.PutUint16(p, uint16(rec.platform))
		binary.BigEndian.PutUint16(p[2:], uint16(rec.encoding))
		binary.BigEndian.PutUint32(p[4:], uint32(rec.offset))
	}
	out = append(out, f4...)
	return append(out, f12...), true
}

// cmapFormat4 returns a format 4 subtable with one segment for each run of
// consecutive runes mapped to consecutive glyphs, and the closing segment
// at U+FFFF.
func cmapFormat4(m []runeGlyph) ([]byte, bool) {
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for i, e := range m {
		if i > 0 && e.r == m[i-1].r+1 && e.gid == m[i-1].gid+1 {
			segs[len(segs)-1].end = uint16(e.r)
			continue
		}
		segs = append(segs, segment{uint16(e.r), uint16(e.r), e.gid - uint16(e.r)})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	size := 16 + 8*n
	if size > 0xFFFF {
		return nil, false
	}
	out := make([]byte, size)
	be := binary.BigEndian
	be.PutUint16(out, 4)
	be.PutUint16(out[2:], uint16(size))
	selector := bits.Len(uint(n)) - 1
	be.PutUint16(out[6:], uint16(2*n))
	be.PutUint16(out[8:], uint16(2<<selector))
	be.PutUint16(out[10:], uint16(selector))
	be.PutUint16(out[12:], uint16(2*n-(2<<selector)))
	for i, s := range segs {
		be.PutUint16(out[14+2*i:], s.end)
		be.PutUint16(out[16+2*n+2*i:], s.start)
		be.PutUint16(out[16+4*n+2*i:], s.delta)
		// idRangeOffset stays zero: every glyph is found by its delta.
	}
	return out, true
}

// cmapFormat12 returns a format 12 subtable with one group for each run of
// consecutive runes mapped to consecutive glyphs.
func cmapFormat12(m []runeGlyph) []byte {
	type group struct {
		start, end rune
		gid        uint16
	}
	var groups []group
	for i, e := range m {
		if i > 0 && e.r == m[i-1].r+1 && e.gid == m[i-1].gid+1 {
			groups[len(groups)-1].end = e.r
			continue
		}
		groups = append(groups, group{e.r, e.r, e.gid})
	}
	out := make([]byte, 16+12*len(groups))
	be := binary.BigEndian
	be.PutUint16(out, 12)
	be.PutUint32(out[4:], uint32(len(out)))
	be.PutUint32(out[12:], uint32(len(groups)))
	for i, g := range groups {
		p := out[16+12*i:]
		be.PutUint32(p, uint32(g.start))
		be.PutUint32(p[4:], uint32(g.end))
		be.PutUint32(p[8:], uint32(g.gid))
	}
	return out
}
