package fonts

import "slices"

// This file rewrites the lookup subtables of GSUB and GPOS for a subset:
// each keeps the rules among kept glyphs, in new glyph ids. Value records
// and anchors lose their device tables and contour points, which serve
// hinting, as the subset drops hinting.

// gsubSubtable rewrites a GSUB subtable of one of the types the embedded
// fonts use: single (1), multiple (2), alternate (3), ligature (4) and
// contextual or chained contextual of format 3 (5, 6). Other subtables
// give nil: their lookups apply nothing in the subset.
func gsubSubtable(r *otReader, kind, at int, m glyphMap) []byte {
	format := r.u16(at)
	switch {
	case kind == 1 && (format == 1 || format == 2):
		cov := r.coverage(at + r.u16(at+2))
		type sub struct{ from, to uint16 }
		var subs []sub
		for i, g := range cov {
			to := (g + r.u16(at+4)) & 0xFFFF
			if format == 2 {
				if i >= r.u16(at+4) {
					break
				}
				to = r.u16(at + 6 + 2*i)
			}
			from, ok1 := m.get(g)
			nt, ok2 := m.get(to)
			if ok1 && ok2 {
				subs = append(subs, sub{from, nt})
			}
		}
		slices.SortFunc(subs, func(a, b sub) int { return int(a.from) - int(b.from) })
		subs = slices.CompactFunc(subs, func(a, b sub) bool { return a.from == b.from })
		if len(subs) == 0 {
			return nil
		}
		var w otWriter
		w.u16(2)
		covSlot := w.slot()
		w.u16(len(subs))
		gids := make([]uint16, len(subs))
		for i, s := range subs {
			w.u16(int(s.to))
			gids[i] = s.from
		}
		w.sub(covSlot, 0, coverageTable(gids))
		return w.result()
	case (kind == 2 || kind == 3) && format == 1:
		// Multiple and alternate substitutions share one shape: a list of
		// glyph arrays indexed by coverage.
		index, gids := r.keptCoverage(at+r.u16(at+2), m)
		n := r.u16(at + 4)
		var keptGids []uint16
		var seqs [][]uint16
		for k, i := range index {
			if i >= n {
				continue
			}
			seq := at + r.u16(at+6+2*i)
			count := r.u16(seq)
			if !r.spend(count) {
				return nil
			}
			var out []uint16
			whole := true
			for j := range count {
				g, ok := m.get(r.u16(seq + 2 + 2*j))
				whole = whole && ok
				if ok {
					out = append(out, g)
				}
			}
			if kind == 2 && !whole || kind == 3 && len(out) == 0 {
				continue
			}
			keptGids = append(keptGids, gids[k])
			seqs = append(seqs, out)
		}
		if len(seqs) == 0 {
			return nil
		}
		var w otWriter
		w.u16(1)
		covSlot := w.slot()
		w.u16(len(seqs))
		slots := make([]int, len(seqs))
		for i := range seqs {
			slots[i] = w.slot()
		}
		for i, s := range seqs {
			w.patch(slots[i], 0)
			w.u16(len(s))
			for _, g := range s {
				w.u16(int(g))
			}
		}
		w.sub(covSlot, 0, coverageTable(keptGids))
		return w.result()
	case kind == 4 && format == 1:
		index, gids := r.keptCoverage(at+r.u16(at+2), m)
		n := r.u16(at + 4)
		var keptGids []uint16
		var sets [][][]uint16 // by first glyph: ligatures, each its glyph then its other components
		for k, i := range index {
			if i >= n {
				continue
			}
			set := at + r.u16(at+6+2*i)
			count := r.u16(set)
			if !r.spend(count) {
				return nil
			}
			var ligs [][]uint16
			for j := range count {
				lig := set + r.u16(set+2+2*j)
				parts := r.u16(lig + 2)
				if parts == 0 || !r.spend(parts) {
					continue
				}
				g, ok := m.get(r.u16(lig))
				out := []uint16{g}
				for p := range parts - 1 {
					c, okc := m.get(r.u16(lig + 4 + 2*p))
					ok = ok && okc
					out = append(out, c)
				}
				if ok {
					ligs = append(ligs, out)
				}
			}
			if len(ligs) > 0 {
				keptGids = append(keptGids, gids[k])
				sets = append(sets, ligs)
			}
		}
		if len(sets) == 0 {
			return nil
		}
		var w otWriter
		w.u16(1)
		covSlot := w.slot()
		w.u16(len(sets))
		setSlots := make([]int, len(sets))
		for i := range sets {
			setSlots[i] = w.slot()
		}
		for i, ligs := range sets {
			w.patch(setSlots[i], 0)
			base := len(w.b)
			w.u16(len(ligs))
			ligSlots := make([]int, len(ligs))
			for j := range ligs {
				ligSlots[j] = w.slot()
			}
			for j, l := range ligs {
				w.patch(ligSlots[j], base)
				w.u16(int(l[0]))
				w.u16(len(l))
				for _, c := range l[1:] {
					w.u16(int(c))
				}
			}
		}
		w.sub(covSlot, 0, coverageTable(keptGids))
		return w.result()
	case (kind == 5 || kind == 6) && format == 3:
		return contextSubtable(r, at, kind == 6, m)
	}
	return nil
}

// contextSubtable rewrites a contextual (format 3) or chained contextual
// (format 3) subtable: each of its coverage tables keeps the kept glyphs,
// and the subtable is dropped when one of them is left empty, as its rule
// can then never match.
func contextSubtable(r *otReader, at int, chained bool, m glyphMap) []byte {
	var groups [][]int // offsets of coverage tables: backtrack, input, lookahead
	var records, nrec int
	if chained {
		p := at + 2
		for range 3 {
			n := r.u16(p)
			if !r.spend(n) {
				return nil
			}
			var offs []int
			for i := range n {
				offs = append(offs, at+r.u16(p+2+2*i))
			}
			groups = append(groups, offs)
			p += 2 + 2*n
		}
		nrec, records = r.u16(p), p+2
	} else {
		n := r.u16(at + 2)
		if !r.spend(n) {
			return nil
		}
		var offs []int
		for i := range n {
			offs = append(offs, at+r.u16(at+6+2*i))
		}
		groups = [][]int{offs}
		nrec, records = r.u16(at+4), at+6+2*n
	}
	if !r.spend(nrec) {
		return nil
	}
	var covs [][][]uint16
	for _, g := range groups {
		var cs [][]uint16
		for _, off := range g {
			_, gids := r.keptCoverage(off, m)
			if len(gids) == 0 {
				return nil
			}
			cs = append(cs, gids)
		}
		covs = append(covs, cs)
	}
	if r.err != nil {
		return nil
	}
	var w otWriter
	w.u16(3)
	var slots []int
	if chained {
		for _, cs := range covs {
			w.u16(len(cs))
			for range cs {
				slots = append(slots, w.slot())
			}
		}
		w.u16(nrec)
	} else {
		w.u16(len(covs[0]))
		w.u16(nrec)
		for range covs[0] {
			slots = append(slots, w.slot())
		}
	}
	for i := range nrec {
		w.u16(r.u16(records + 4*i))
		w.u16(r.u16(records + 4*i + 2))
	}
	k := 0
	for _, cs := range covs {
		for _, c := range cs {
			w.sub(slots[k], 0, coverageTable(c))
			k++
		}
	}
	return w.result()
}

// result returns what the writer wrote, or nil when an offset overflowed.
func (w *otWriter) result() []byte {
	if w.err != nil {
		return nil
	}
	return w.b
}

// valueRecord reads a value record of the given format at offset at and
// returns its placement and advance adjustments (the low four bits of the
// format) and the record's size in bytes.
func (r *otReader) valueRecord(format, at int) ([]int, int) {
	var v []int
	p := at
	for bit := range 8 {
		if format&(1<<bit) == 0 {
			continue
		}
		if bit < 4 {
			v = append(v, r.u16(p))
		}
		p += 2
	}
	return v, p - at
}

// writeValues appends a value record's adjustments.
func (w *otWriter) writeValues(v []int) {
	for _, x := range v {
		w.u16(x)
	}
}

// copyValues appends the adjustments of the value record of the format at
// offset at, as valueRecord reads them, without making a slice of them.
func (w *otWriter) copyValues(r *otReader, format, at int) {
	p := at
	for bit := range 4 {
		if format&(1<<bit) != 0 {
			w.u16(r.u16(p))
			p += 2
		}
	}
}

// anchor returns the coordinates of the anchor table at offset at, as a
// format 1 anchor.
func (r *otReader) anchor(at int) []byte {
	var w otWriter
	w.u16(1)
	w.u16(r.u16(at + 2))
	w.u16(r.u16(at + 4))
	return w.b
}

// gposSubtable rewrites a GPOS subtable of one of the types the embedded
// fonts use: single (1) and pair (2) adjustment, cursive attachment (3),
// mark to base (4), to ligature (5) and to mark (6) attachment, and
// contextual or chained contextual positioning of format 3 (7, 8). Other
// subtables give nil.
func gposSubtable(r *otReader, kind, at int, m glyphMap) []byte {
	format := r.u16(at)
	switch {
	case kind == 1 && (format == 1 || format == 2):
		vf := r.u16(at + 4)
		index, gids := r.keptCoverage(at+r.u16(at+2), m)
		if len(gids) == 0 {
			return nil
		}
		var w otWriter
		w.u16(format)
		covSlot := w.slot()
		w.u16(vf & 0x0F)
		if format == 1 {
			v, _ := r.valueRecord(vf, at+6)
			w.writeValues(v)
		} else {
			n := r.u16(at + 6)
			_, size := r.valueRecord(vf, 0)
			var vals [][]int
			var kept []uint16
			for k, i := range index {
				if i < n {
					v, _ := r.valueRecord(vf, at+8+i*size)
					vals = append(vals, v)
					kept = append(kept, gids[k])
				}
			}
			gids = kept
			w.u16(len(vals))
			for _, v := range vals {
				w.writeValues(v)
			}
		}
		w.sub(covSlot, 0, coverageTable(gids))
		return w.result()
	case kind == 2 && format == 1:
		return pairSets(r, at, m)
	case kind == 2 && format == 2:
		return pairClasses(r, at, m)
	case kind == 3 && format == 1:
		index, gids := r.keptCoverage(at+r.u16(at+2), m)
		n := r.u16(at + 4)
		var w otWriter
		w.u16(1)
		covSlot := w.slot()
		var kept []uint16
		var anchors [][2]int
		for k, i := range index {
			if i < n {
				kept = append(kept, gids[k])
				anchors = append(anchors, [2]int{r.u16(at + 6 + 4*i), r.u16(at + 8 + 4*i)})
			}
		}
		if len(kept) == 0 {
			return nil
		}
		w.u16(len(kept))
		var slots [][2]int
		for _, a := range anchors {
			var s [2]int
			for e := range 2 {
				s[e] = -1
				if a[e] != 0 {
					s[e] = w.slot()
				} else {
					w.u16(0)
				}
			}
			slots = append(slots, s)
		}
		for i, a := range anchors {
			for e := range 2 {
				if slots[i][e] >= 0 {
					w.sub(slots[i][e], 0, r.anchor(at+a[e]))
				}
			}
		}
		w.sub(covSlot, 0, coverageTable(kept))
		return w.result()
	case (kind == 4 || kind == 6) && format == 1:
		return markAttachment(r, at, m, false)
	case kind == 5 && format == 1:
		return markAttachment(r, at, m, true)
	case (kind == 7 || kind == 8) && format == 3:
		return contextSubtable(r, at, kind == 8, m)
	}
	return nil
}

// pairSets rewrites a pair adjustment subtable of format 1: the pairs of
// kept glyphs.
func pairSets(r *otReader, at int, m glyphMap) []byte {
	vf1, vf2 := r.u16(at+4), r.u16(at+6)
	_, size1 := r.valueRecord(vf1, 0)
	_, size2 := r.valueRecord(vf2, 0)
	index, gids := r.keptCoverage(at+r.u16(at+2), m)
	n := r.u16(at + 8)
	type pair struct {
		second uint16
		rec    int // where its value records start
	}
	var kept []uint16
	var sets [][]pair
	for k, i := range index {
		if i >= n {
			continue
		}
		set := at + r.u16(at+10+2*i)
		count := r.u16(set)
		if !r.spend(count) {
			return nil
		}
		var ps []pair
		for j := range count {
			rec := set + 2 + j*(2+size1+size2)
			second, ok := m.get(r.u16(rec))
			if !ok {
				continue
			}
			ps = append(ps, pair{second, rec + 2})
		}
		slices.SortFunc(ps, func(a, b pair) int { return int(a.second) - int(b.second) })
		ps = slices.CompactFunc(ps, func(a, b pair) bool { return a.second == b.second })
		if len(ps) > 0 {
			kept = append(kept, gids[k])
			sets = append(sets, ps)
		}
	}
	if len(sets) == 0 {
		return nil
	}
	var w otWriter
	w.u16(1)
	covSlot := w.slot()
	w.u16(vf1 & 0x0F)
	w.u16(vf2 & 0x0F)
	w.u16(len(sets))
	slots := make([]int, len(sets))
	for i := range sets {
		slots[i] = w.slot()
	}
	for i, ps := range sets {
		w.patch(slots[i], 0)
		w.u16(len(ps))
		for _, p := range ps {
			w.u16(int(p.second))
			w.copyValues(r, vf1, p.rec)
			w.copyValues(r, vf2, p.rec+size1)
		}
	}
	w.sub(covSlot, 0, coverageTable(kept))
	return w.result()
}

// pairClasses rewrites a pair adjustment subtable of format 2: the classes
// that hold kept glyphs, numbered anew, and their rows and columns of the
// matrix of adjustments.
func pairClasses(r *otReader, at int, m glyphMap) []byte {
	vf1, vf2 := r.u16(at+4), r.u16(at+6)
	_, size1 := r.valueRecord(vf1, 0)
	_, size2 := r.valueRecord(vf2, 0)
	_, gids := r.keptCoverage(at+r.u16(at+2), m)
	if len(gids) == 0 {
		return nil
	}
	cd1, cd2 := r.classDef(at+r.u16(at+8), m), r.classDef(at+r.u16(at+10), m)
	n1, n2 := r.u16(at+12), r.u16(at+14)
	if !r.spend(n1 * n2) {
		return nil
	}
	// renumber gives the classes of kept glyphs new numbers in their old
	// order, class 0 staying 0.
	renumber := func(cd []int, n int) ([]int, []int) {
		used := make([]bool, n)
		if n > 0 {
			used[0] = true
		}
		for _, c := range cd {
			if c < n {
				used[c] = true
			}
		}
		newOf := make([]int, n)
		var old []int
		for c, u := range used {
			if u {
				newOf[c] = len(old)
				old = append(old, c)
			}
		}
		out := make([]int, len(cd))
		for g, c := range cd {
			if c < n && c != 0 {
				out[g] = newOf[c]
			}
		}
		return out, old
	}
	new1, rows := renumber(cd1, n1)
	new2, cols := renumber(cd2, n2)
	var w otWriter
	w.u16(2)
	covSlot := w.slot()
	w.u16(vf1 & 0x0F)
	w.u16(vf2 & 0x0F)
	cd1Slot, cd2Slot := w.slot(), w.slot()
	w.u16(len(rows))
	w.u16(len(cols))
	rec := size1 + size2
	for _, c1 := range rows {
		for _, c2 := range cols {
			p := at + 16 + (c1*n2+c2)*rec
			w.copyValues(r, vf1, p)
			w.copyValues(r, vf2, p+size1)
		}
	}
	w.sub(covSlot, 0, coverageTable(gids))
	w.sub(cd1Slot, 0, classDefTable(new1))
	w.sub(cd2Slot, 0, classDefTable(new2))
	if r.err != nil {
		return nil
	}
	return w.result()
}

// markAttachment rewrites a mark-to-base or mark-to-mark subtable, or a
// mark-to-ligature one when ligatures is set: the kept marks with their
// classes and anchors, and the kept bases (or ligatures) with an anchor
// for each class. The classes keep their numbers.
func markAttachment(r *otReader, at int, m glyphMap, ligatures bool) []byte {
	markIdx, marks := r.keptCoverage(at+r.u16(at+2), m)
	baseIdx, bases := r.keptCoverage(at+r.u16(at+4), m)
	classes := r.u16(at + 6)
	markArray, baseArray := at+r.u16(at+8), at+r.u16(at+10)
	if len(marks) == 0 || len(bases) == 0 || !r.spend(len(marks)+len(bases)*classes) {
		return nil
	}
	var w otWriter
	w.u16(1)
	markSlot, baseSlot := w.slot(), w.slot()
	w.u16(classes)
	markArraySlot, baseArraySlot := w.slot(), w.slot()

	w.patch(markArraySlot, 0)
	ma := len(w.b)
	w.u16(len(marks))
	var anchorSlots []int
	var anchors []int
	for _, i := range markIdx {
		rec := markArray + 2 + 4*i
		w.u16(r.u16(rec))
		anchorSlots = append(anchorSlots, w.slot())
		anchors = append(anchors, markArray+r.u16(rec+2))
	}
	for k, s := range anchorSlots {
		w.sub(s, ma, r.anchor(anchors[k]))
	}

	w.patch(baseArraySlot, 0)
	ba := len(w.b)
	w.u16(len(bases))
	if !ligatures {
		// Each base's row sits in the array; its anchors follow the array.
		rows := make([]int, len(bases))
		var rowSlots [][]int
		for k, i := range baseIdx {
			rows[k] = baseArray + 2 + 2*classes*i
			var s []int
			for c := range classes {
				if r.u16(rows[k]+2*c) == 0 {
					w.u16(0)
					s = append(s, -1)
				} else {
					s = append(s, w.slot())
				}
			}
			rowSlots = append(rowSlots, s)
		}
		for k := range bases {
			for c, s := range rowSlots[k] {
				if s >= 0 {
					w.sub(s, ba, r.anchor(baseArray+r.u16(rows[k]+2*c)))
				}
			}
		}
	} else {
		slots := make([]int, len(bases))
		for k := range bases {
			slots[k] = w.slot()
		}
		for k, i := range baseIdx {
			w.patch(slots[k], ba)
			attach := baseArray + r.u16(baseArray+2+2*i)
			comps := r.u16(attach)
			if !r.spend(comps * classes) {
				return nil
			}
			la := len(w.b)
			w.u16(comps)
			var slots, offs []int
			for c := range comps * classes {
				off := r.u16(attach + 2 + 2*c)
				if off == 0 {
					w.u16(0)
					continue
				}
				slots = append(slots, w.slot())
				offs = append(offs, attach+off)
			}
			for j, s := range slots {
				w.sub(s, la, r.anchor(offs[j]))
			}
		}
	}
	w.sub(markSlot, 0, coverageTable(marks))
	w.sub(baseSlot, 0, coverageTable(bases))
	if r.err != nil {
		return nil
	}
	return w.result()
}
