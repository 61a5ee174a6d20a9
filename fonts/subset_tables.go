package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
)

// This file rewrites the tables of a subset that hold something per glyph
// besides outlines and layout: horizontal metrics, the glyph count, glyph
// classes and the old kerning table.

// hmtxOf returns a new hmtx table holding the metrics of the subset's
// glyphs, and the number of its long metrics for hhea: the advance of the
// last glyphs is written once when they share it, as in a monospaced face.
func hmtxOf(hhea, hmtx []byte, numGlyphs int, m glyphMap) ([]byte, int, error) {
	if len(hhea) < 36 {
		return nil, 0, fmt.Errorf("%w: hhea table of %d bytes", errMalformed, len(hhea))
	}
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	if long == 0 || long > numGlyphs || len(hmtx) < 4*long+2*(numGlyphs-long) {
		return nil, 0, fmt.Errorf("%w: hmtx table too short for %d glyphs", errMalformed, numGlyphs)
	}
	n := m.count()
	adv := make([]uint16, n)
	lsb := make([]uint16, n)
	for gid, to := range m {
		if to < 0 {
			continue
		}
		a := binary.BigEndian.Uint16(hmtx[4*min(gid, long-1):])
		var l uint16
		if gid < long {
			l = binary.BigEndian.Uint16(hmtx[4*gid+2:])
		} else {
			l = binary.BigEndian.Uint16(hmtx[4*long+2*(gid-long):])
		}
		adv[to], lsb[to] = a, l
	}
	newLong := n
	for newLong > 1 && adv[newLong-2] == adv[newLong-1] {
		newLong--
	}
	out := make([]byte, 0, 4*newLong+2*(n-newLong))
	for i := range n {
		if i < newLong {
			out = binary.BigEndian.AppendUint16(out, adv[i])
		}
		out = binary.BigEndian.AppendUint16(out, lsb[i])
	}
	return out, newLong, nil
}

// maxpOf returns the maxp table of a subset: its glyph count, and for a
// TrueType maxp no room for instructions, which the subset drops.
func maxpOf(maxp []byte, numGlyphs int) []byte {
	out := bytes.Clone(maxp)
	binary.BigEndian.PutUint16(out[4:], uint16(numGlyphs))
	if len(out) >= 32 && binary.BigEndian.Uint32(out) == 0x00010000 {
		// maxTwilightPoints, maxStorage, maxFunctionDefs,
		// maxInstructionDefs, maxStackElements, maxSizeOfInstructions.
		clear(out[16:28])
	}
	return out
}

// gdefOf returns the GDEF table of a subset: its glyph classes, mark
// attachment classes and mark glyph sets for the kept glyphs. The
// attachment point and ligature caret lists are left out: the first
// serves hinting, the second only editors placing a caret inside a
// ligature.
func gdefOf(gdef []byte, m glyphMap) ([]byte, error) {
	r := &otReader{data: gdef}
	if len(gdef) < 12 {
		return nil, fmt.Errorf("%w: GDEF header is cut short", errMalformed)
	}
	minor := r.u16(2)
	classes := func(off int) []byte {
		if off == 0 {
			return nil
		}
		return classDefTable(r.classDef(off, m))
	}
	glyphClasses := classes(r.u16(4))
	markClasses := classes(r.u16(10))
	var sets [][]byte
	if minor >= 2 && len(gdef) >= 14 {
		if at := r.u16(12); at != 0 {
			n := r.u16(at + 2)
			if !r.spend(n) {
				return nil, r.err
			}
			for i := range n {
				_, gids := r.keptCoverage(at+r.u32(at+4+4*i), m)
				sets = append(sets, coverageTable(gids))
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	var w otWriter
	w.u16(1)
	if sets != nil {
		w.u16(2)
	} else {
		w.u16(0)
	}
	glyphSlot := w.slot()
	w.u16(0) // attachment points
	w.u16(0) // ligature carets
	markSlot := w.slot()
	setsSlot := -1
	if sets != nil {
		setsSlot = w.slot()
	}
	if glyphClasses != nil {
		w.sub(glyphSlot, 0, glyphClasses)
	}
	if markClasses != nil {
		w.sub(markSlot, 0, markClasses)
	}
	if sets != nil {
		w.patch(setsSlot, 0)
		at := len(w.b)
		w.u16(1)
		w.u16(len(sets))
		slots := make([]int, len(sets))
		for i := range sets {
			slots[i] = len(w.b)
			w.u32(0)
		}
		for i, s := range sets {
			binary.BigEndian.PutUint32(w.b[slots[i]:], uint32(len(w.b)-at))
			w.b = append(w.b, s...)
		}
	}
	if w.err != nil {
		return nil, w.err
	}
	return w.b, nil
}

// kernOf returns the kern table of a subset: the pairs of kept glyphs of
// each subtable of format 0. Other subtables and Apple's version of the
// table are left out; nil means no table.
func kernOf(kern []byte, m glyphMap) ([]byte, error) {
	r := &otReader{data: kern}
	if r.u16(0) != 0 {
		return nil, r.err
	}
	n := r.u16(2)
	type pair struct{ left, right, value uint16 }
	var tables [][]pair
	var coverages []int
	at := 4
	for i := 0; i < n && r.err == nil; i++ {
		length, coverage := r.u16(at+2), r.u16(at+4)
		if coverage>>8 == 0 {
			count := r.u16(at + 6)
			if !r.spend(count) {
				break
			}
			var ps []pair
			for j := range count {
				rec := at + 14 + 6*j
				l, ok1 := m.get(r.u16(rec))
				rt, ok2 := m.get(r.u16(rec + 2))
				if ok1 && ok2 {
					ps = append(ps, pair{l, rt, uint16(r.u16(rec + 4))})
				}
			}
			slices.SortFunc(ps, func(a, b pair) int {
				return int(uint32(a.left)<<16|uint32(a.right)) - int(uint32(b.left)<<16|uint32(b.right))
			})
			ps = slices.CompactFunc(ps, func(a, b pair) bool { return a.left == b.left && a.right == b.right })
			tables = append(tables, ps)
			coverages = append(coverages, coverage)
		}
		if length < 6 {
			r.err = fmt.Errorf("%w: kern subtable of %d bytes", errMalformed, length)
		}
		at += length
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(tables) == 0 {
		return nil, nil
	}
	var w otWriter
	w.u16(0)
	w.u16(len(tables))
	for i, ps := range tables {
		if 14+6*len(ps) > 0xFFFF {
			return nil, nil // too many pairs for the length field: left out
		}
		w.u16(0)
		w.u16(14 + 6*len(ps))
		w.u16(coverages[i])
		w.u16(len(ps))
		sel := 0
		for 1<<(sel+1) <= len(ps) {
			sel++
		}
		search := 6 << sel
		if len(ps) == 0 {
			search = 0
		}
		w.u16(search)
		w.u16(sel)
		w.u16(6*len(ps) - search)
		for _, p := range ps {
			w.u16(int(p.left))
			w.u16(int(p.right))
			w.u16(int(p.value))
		}
	}
	return w.b, nil
}
