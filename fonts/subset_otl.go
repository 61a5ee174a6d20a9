package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
)

// This file holds what the OpenType layout tables (GSUB, GPOS, GDEF) share
// when a subset rewrites them: a reader of their words, coverage and class
// definition tables, and a writer of new ones.

// glyphMap says what each glyph id of a font becomes in its subset: its new
// id, or -1 for a glyph the subset leaves out.
type glyphMap []int32

// newGlyphMap numbers the kept glyphs in their old order from 0 (.notdef),
// or keeps every id as it is when renumber is false; a glyph that is not
// kept is then still left out of the layout tables.
func newGlyphMap(keep []bool, renumber bool) glyphMap {
	m := make(glyphMap, len(keep))
	next := int32(0)
	for gid, k := range keep {
		switch {
		case !k:
			m[gid] = -1
		case renumber:
			m[gid] = next
			next++
		default:
			m[gid] = int32(gid)
		}
	}
	return m
}

// get returns the new id of an old glyph id and whether the subset keeps it.
func (m glyphMap) get(gid int) (uint16, bool) {
	if gid < 0 || gid >= len(m) || m[gid] < 0 {
		return 0, false
	}
	return uint16(m[gid]), true
}

// has reports whether the subset keeps an old glyph id.
func (m glyphMap) has(gid int) bool {
	return gid >= 0 && gid < len(m) && m[gid] >= 0
}

// count returns the number of glyph ids of the subset: one more than the
// new id of the last glyph kept, as new ids grow with the old ones.
func (m glyphMap) count() int {
	for i := len(m) - 1; i >= 0; i-- {
		if m[i] >= 0 {
			return int(m[i]) + 1
		}
	}
	return 0
}

// otReader reads an OpenType layout table. Its first error sticks: every
// read after it returns zero, and loops that read counts from the table
// stop. The words it reads are counted against maxSubstitutionGlyphs, so
// that a hostile table cannot exhaust time or memory.
type otReader struct {
	data  []byte
	spent int
	err   error
}

// u16 returns the big-endian 16-bit word at offset at.
func (r *otReader) u16(at int) int {
	if r.err != nil {
		return 0
	}
	if at < 0 || at+2 > len(r.data) {
		r.err = fmt.Errorf("%w: layout table read past its end at %d", errMalformed, at)
		return 0
	}
	return int(binary.BigEndian.Uint16(r.data[at:]))
}

// u32 returns the big-endian 32-bit word at offset at.
func (r *otReader) u32(at int) int {
	hi := r.u16(at)
	return hi<<16 | r.u16(at+2)
}

// spend counts n more items read and reports whether reading may go on.
func (r *otReader) spend(n int) bool {
	r.spent += n
	if r.err == nil && r.spent > maxSubstitutionGlyphs {
		r.err = fmt.Errorf("%w: a layout table holds more than %d items", errMalformed, maxSubstitutionGlyphs)
	}
	return r.err == nil
}

// coverage returns the glyph ids of the coverage table at offset at, in the
// order of their coverage index.
func (r *otReader) coverage(at int) []int {
	var out []int
	switch r.u16(at) {
	case 1:
		n := r.u16(at + 2)
		if !r.spend(n) {
			return nil
		}
		for i := range n {
			out = append(out, r.u16(at+4+2*i))
		}
	case 2:
		n := r.u16(at + 2)
		for i := 0; i < n && r.err == nil; i++ {
			rec := at + 4 + 6*i
			start, end := r.u16(rec), r.u16(rec+2)
			if end < start || !r.spend(end-start+1) {
				continue
			}
			for g := start; g <= end; g++ {
				out = append(out, g)
			}
		}
	default:
		if r.err == nil {
			r.err = fmt.Errorf("%w: coverage table of unknown format", errMalformed)
		}
	}
	return out
}

// classDef returns the class that the class definition table at offset at
// gives each glyph the subset keeps (m), by the glyph's new id; glyphs it
// does not name are in class 0. An offset of zero is an empty table. Only
// kept glyphs are looked at: a class table names most of a font's
// thousands of glyphs, a subset keeps a few hundred.
func (r *otReader) classDef(at int, m glyphMap) []int {
	classes := make([]int, m.count())
	if at == 0 {
		return classes
	}
	switch r.u16(at) {
	case 1:
		start, n := r.u16(at+2), r.u16(at+4)
		if !r.spend(n) {
			return classes
		}
		for i := range n {
			g, ok := m.get(start + i)
			if !ok {
				continue
			}
			if c := r.u16(at + 6 + 2*i); c != 0 {
				classes[g] = c
			}
		}
	case 2:
		n := r.u16(at + 2)
		for i := 0; i < n && r.err == nil; i++ {
			rec := at + 4 + 6*i
			start, end, c := r.u16(rec), r.u16(rec+2), r.u16(rec+4)
			if end < start || c == 0 || !r.spend(end-start+1) {
				continue
			}
			for g := start; g <= end; g++ {
				if ng, ok := m.get(g); ok {
					classes[ng] = c
				}
			}
		}
	default:
		if r.err == nil {
			r.err = fmt.Errorf("%w: class definition table of unknown format", errMalformed)
		}
	}
	return classes
}

// errOverflow reports a subtable of a subset that an offset of 16 bits
// cannot reach; the subtable is left out.
var errOverflow = errors.New("offset overflow")

// errLayoutOrder reports a layout table whose script or feature lists lie
// after its lookup list, which a subset leaves out rather than rewrite.
var errLayoutOrder = errors.New("layout lists lie after the lookup list")

// otWriter builds a table of a subset: words appended big-endian, and
// offsets patched once what they point to is written.
type otWriter struct {
	b   []byte
	err error
}

func (w *otWriter) u16(v int) { w.b = binary.BigEndian.AppendUint16(w.b, uint16(v)) }
func (w *otWriter) u32(v int) { w.b = binary.BigEndian.AppendUint32(w.b, uint32(v)) }

// slot appends a 16-bit offset to be patched and returns where it is.
func (w *otWriter) slot() int {
	at := len(w.b)
	w.u16(0)
	return at
}

// patch points the offset at slot, counted from base, at the end of what
// is written so far.
func (w *otWriter) patch(slot, base int) {
	off := len(w.b) - base
	if off > 0xFFFF {
		w.err = errOverflow
		return
	}
	binary.BigEndian.PutUint16(w.b[slot:], uint16(off))
}

// sub writes a table at the end, pointed at by the offset at slot counted
// from base.
func (w *otWriter) sub(slot, base int, table []byte) {
	w.patch(slot, base)
	w.b = append(w.b, table...)
}

// coverageTable returns a coverage table of sorted glyph ids, in whichever
// format is smaller.
func coverageTable(gids []uint16) []byte {
	var ranges [][2]int
	for i, g := range gids {
		if i > 0 && int(g) == int(gids[i-1])+1 {
			ranges[len(ranges)-1][1] = int(g)
			continue
		}
		ranges = append(ranges, [2]int{int(g), int(g)})
	}
	var w otWriter
	if 6*len(ranges) < 2*len(gids) {
		w.u16(2)
		w.u16(len(ranges))
		index := 0
		for _, rg := range ranges {
			w.u16(rg[0])
			w.u16(rg[1])
			w.u16(index)
			index += rg[1] - rg[0] + 1
		}
		return w.b
	}
	w.u16(1)
	w.u16(len(gids))
	for _, g := range gids {
		w.u16(int(g))
	}
	return w.b
}

// classDefTable returns a class definition table (format 2) of the classes
// of new glyph ids; glyphs of class 0 need not be listed.
func classDefTable(classes []int) []byte {
	type rng struct{ start, end, class int }
	var ranges []rng
	for g, c := range classes {
		if c == 0 {
			continue
		}
		if len(ranges) > 0 && g == ranges[len(ranges)-1].end+1 && ranges[len(ranges)-1].class == c {
			ranges[len(ranges)-1].end = g
			continue
		}
		ranges = append(ranges, rng{g, g, c})
	}
	var w otWriter
	w.u16(2)
	w.u16(len(ranges))
	for _, rg := range ranges {
		w.u16(rg.start)
		w.u16(rg.end)
		w.u16(rg.class)
	}
	return w.b
}

// keptCoverage returns the coverage indices and new ids of the glyphs of
// the coverage table at offset at that the subset keeps (m), sorted by new
// id: what coverage lists, less the glyphs left out, which it does not
// list, as a coverage may name thousands of glyphs and a subset keeps a
// few hundred.
func (r *otReader) keptCoverage(at int, m glyphMap) (index []int, gids []uint16) {
	type pair struct {
		index int
		gid   uint16
	}
	var ps []pair
	switch r.u16(at) {
	case 1:
		n := r.u16(at + 2)
		if !r.spend(n) {
			return nil, nil
		}
		for i := range n {
			if g, ok := m.get(r.u16(at + 4 + 2*i)); ok {
				ps = append(ps, pair{i, g})
			}
		}
	case 2:
		n := r.u16(at + 2)
		i := 0
		for k := 0; k < n && r.err == nil; k++ {
			rec := at + 4 + 6*k
			start, end := r.u16(rec), r.u16(rec+2)
			if end < start || !r.spend(end-start+1) {
				continue
			}
			for g := start; g <= end; g, i = g+1, i+1 {
				if ng, ok := m.get(g); ok {
					ps = append(ps, pair{i, ng})
				}
			}
		}
	default:
		if r.err == nil {
			r.err = fmt.Errorf("%w: coverage table of unknown format", errMalformed)
		}
	}
	slices.SortFunc(ps, func(a, b pair) int { return int(a.gid) - int(b.gid) })
	// A hostile coverage may list a glyph twice; the first index wins.
	ps = slices.CompactFunc(ps, func(a, b pair) bool { return a.gid == b.gid })
	index, gids = make([]int, len(ps)), make([]uint16, len(ps))
	for k, p := range ps {
		index[k], gids[k] = p.index, p.gid
	}
	return index, gids
}

// Default features: those a shaper applies to text without being asked.
// A subset keeps the glyphs their substitutions need and the lookups they
// use; the lookups of other features (small capitals, old-style figures,
// stylistic sets) are left empty.
var (
	defaultGSUBFeatures = []string{"ccmp", "locl", "rlig", "liga", "clig", "calt", "rclt", "rvrn", "init", "medi", "fina", "isol"}
	defaultGPOSFeatures = []string{"kern", "mark", "mkmk", "dist", "abvm", "blwm", "curs"}
)

// activeLookups returns which lookups of a GSUB or GPOS table the features
// named apply, and every lookup that a contextual lookup among them calls,
// however deeply. gsub says which of the two the table is.
func activeLookups(table []byte, features []string, gsub bool) ([]bool, error) {
	r := &otReader{data: table}
	if len(table) < 10 {
		return nil, fmt.Errorf("%w: layout table header is cut short", errMalformed)
	}
	list := r.u16(8)
	n := r.u16(list)
	active := make([]bool, n)
	var todo []int
	mark := func(i int) {
		if i < n && !active[i] {
			active[i] = true
			todo = append(todo, i)
		}
	}
	if fl := r.u16(6); fl != 0 {
		count := r.u16(fl)
		for i := 0; i < count && r.err == nil; i++ {
			rec := fl + 2 + 6*i
			if rec+6 > len(table) {
				r.err = fmt.Errorf("%w: feature list is cut short", errMalformed)
				break
			}
			if !slices.Contains(features, string(table[rec:rec+4])) {
				continue
			}
			f := fl + r.u16(rec+4)
			k := r.u16(f + 2)
			if !r.spend(k) {
				break
			}
			for j := range k {
				mark(r.u16(f + 4 + 2*j))
			}
		}
	}
	context, chained, extension := 5, 6, 7
	if !gsub {
		context, chained, extension = 7, 8, 9
	}
	for len(todo) > 0 && r.err == nil {
		i := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		lookup := list + r.u16(list+2+2*i)
		kind, count := r.u16(lookup), r.u16(lookup+4)
		for j := 0; j < count && r.err == nil; j++ {
			at := lookup + r.u16(lookup+6+2*j)
			k := kind
			if k == extension {
				k, at = r.u16(at+2), at+r.u32(at+4)
			}
			if k == context || k == chained {
				for _, l := range r.nestedLookups(at, k == chained) {
					mark(l)
				}
			}
		}
	}
	return active, r.err
}

// nestedLookups returns the lookups that a contextual (chained or not)
// subtable at offset at calls, in any of the three formats.
func (r *otReader) nestedLookups(at int, chained bool) []int {
	var out []int
	records := func(at, n int) {
		if !r.spend(n) {
			return
		}
		for k := range n {
			out = append(out, r.u16(at+4*k+2))
		}
	}
	// rule reads one rule of format 1 or 2 and its lookup records.
	rule := func(at int) {
		if chained {
			back := r.u16(at)
			in := at + 2 + 2*back
			ahead := in + 2 + 2*max(0, r.u16(in)-1)
			recs := ahead + 2 + 2*r.u16(ahead)
			records(recs+2, r.u16(recs))
			return
		}
		glyphs, n := r.u16(at), r.u16(at+2)
		records(at+4+2*max(0, glyphs-1), n)
	}
	switch format := r.u16(at); format {
	case 1, 2:
		// The rule sets' offsets follow the format, the coverage, the
		// class definitions of format 2 (one, or three when chained) and
		// their count.
		sets := at + 6
		if format == 2 {
			sets = at + 8
			if chained {
				sets = at + 12
			}
		}
		n := r.u16(sets - 2)
		for i := 0; i < n && r.err == nil; i++ {
			off := r.u16(sets + 2*i)
			if off == 0 {
				continue
			}
			set := at + off
			k := r.u16(set)
			if !r.spend(k) {
				break
			}
			for j := range k {
				rule(set + r.u16(set+2+2*j))
			}
		}
	case 3:
		if chained {
			back := r.u16(at + 2)
			in := at + 4 + 2*back
			ahead := in + 2 + 2*r.u16(in)
			recs := ahead + 2 + 2*r.u16(ahead)
			records(recs+2, r.u16(recs))
		} else {
			records(at+6+2*r.u16(at+2), r.u16(at+4))
		}
	}
	return out
}

// subtableFunc rewrites one lookup subtable of a given type, found at
// offset at of r's table, for the glyphs of a subset. It returns nil when
// nothing of the subtable applies to the subset.
type subtableFunc func(r *otReader, kind, at int, m glyphMap) []byte

// rewriteLayout returns a GSUB or GPOS table for a subset: the script and
// feature lists as they were, and every lookup in its place, so that the
// features still point at the right lookups, with each subtable rewritten
// for the glyphs the subset keeps. A lookup that is not active keeps its
// type and flags but loses its subtables, as does one of a type this
// subsetter cannot rewrite. Extension lookups are unwrapped unless the
// table then grows too large for 16-bit offsets.
func rewriteLayout(table []byte, active []bool, m glyphMap, extension int, rewrite subtableFunc) ([]byte, error) {
	r := &otReader{data: table}
	if len(table) < 10 {
		return nil, fmt.Errorf("%w: layout table header is cut short", errMalformed)
	}
	list := r.u16(8)
	type lookup struct {
		kind, flag, filter int
		subtables          [][]byte
	}
	n := r.u16(list)
	lookups := make([]lookup, n)
	for i := 0; i < n && r.err == nil; i++ {
		at := list + r.u16(list+2+2*i)
		l := &lookups[i]
		l.kind, l.flag = r.u16(at), r.u16(at+2)
		count := r.u16(at + 4)
		if l.flag&0x0010 != 0 {
			l.filter = r.u16(at + 6 + 2*count)
		}
		if !active[i] || !r.spend(count) {
			continue
		}
		for j := 0; j < count && r.err == nil; j++ {
			sub := at + r.u16(at+6+2*j)
			kind := l.kind
			if kind == extension {
				kind = r.u16(sub + 2)
				sub += r.u32(sub + 4)
				if j == 0 {
					l.kind = kind
				} else if kind != l.kind {
					continue // extension subtables of one lookup share a type
				}
			}
			if t := rewrite(r, kind, sub, m); t != nil {
				l.subtables = append(l.subtables, t)
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	// The script and feature lists stay as they are, with everything
	// before the lookup list; the header says version 1.0, dropping any
	// feature variations.
	if !listsFit(table) {
		return nil, errLayoutOrder
	}
	for _, wrap := range []bool{false, true} {
		w := otWriter{b: slices.Clone(table[:list])}
		binary.BigEndian.PutUint32(w.b, 0x00010000)
		w.patch(8, 0)
		base := len(w.b)
		w.u16(n)
		lookupSlots := make([]int, n)
		for i := range lookups {
			lookupSlots[i] = w.slot()
		}
		// The lookup tables first, then their subtables: wrapped in
		// extensions, only the lookups and the 8-byte extension subtables
		// must lie within 16-bit offsets.
		subSlots := make([][]int, n)
		for i, l := range lookups {
			w.patch(lookupSlots[i], base)
			at := len(w.b)
			kind := l.kind
			if wrap {
				kind = extension
			}
			w.u16(kind)
			w.u16(l.flag)
			w.u16(len(l.subtables))
			for range l.subtables {
				subSlots[i] = append(subSlots[i], w.slot())
			}
			if l.flag&0x0010 != 0 {
				w.u16(l.filter)
			}
			subSlots[i] = append(subSlots[i], at)
		}
		var extSlots []int
		if wrap {
			for i, l := range lookups {
				at := subSlots[i][len(subSlots[i])-1]
				for j := range l.subtables {
					w.patch(subSlots[i][j], at)
					ext := len(w.b)
					w.u16(1)
					w.u16(l.kind)
					extSlots = append(extSlots, ext)
					w.u32(0)
				}
			}
		}
		k := 0
		for i, l := range lookups {
			at := subSlots[i][len(subSlots[i])-1]
			for j, t := range l.subtables {
				if wrap {
					binary.BigEndian.PutUint32(w.b[extSlots[k]+4:], uint32(len(w.b)-extSlots[k]))
					k++
					w.b = append(w.b, t...)
				} else {
					w.sub(subSlots[i][j], at, t)
				}
			}
		}
		if w.err == nil {
			return w.b, nil
		}
	}
	return nil, errOverflow
}

// listsFit reports whether the script and feature lists of a layout
// table, and every table they point to, lie before its lookup list, as
// font compilers write them, so that the bytes before the lookup list can
// be kept as they are.
func listsFit(table []byte) bool {
	r := &otReader{data: table}
	scripts, features, list := r.u16(4), r.u16(6), r.u16(8)
	ok := r.err == nil && scripts < list && features < list
	within := func(at, size int) {
		if at < 0 || at+size > list {
			ok = false
		}
	}
	langSys := func(at int) {
		within(at, 6)
		within(at, 6+2*r.u16(at+4))
	}
	if scripts != 0 {
		n := r.u16(scripts)
		within(scripts, 2+6*n)
		for i := 0; i < n && ok; i++ {
			s := scripts + r.u16(scripts+2+6*i+4)
			within(s, 4)
			k := r.u16(s + 2)
			within(s, 4+6*k)
			if d := r.u16(s); d != 0 {
				langSys(s + d)
			}
			for j := 0; j < k && ok; j++ {
				langSys(s + r.u16(s+4+6*j+4))
			}
		}
	}
	if features != 0 {
		n := r.u16(features)
		within(features, 2+6*n)
		for i := 0; i < n && ok; i++ {
			f := features + r.u16(features+2+6*i+4)
			within(f, 4)
			within(f, 4+2*r.u16(f+2))
			if p := r.u16(f); p != 0 {
				within(f+p, 2)
			}
		}
	}
	return ok && r.err == nil
}

// popcount16 returns the number of set bits of a value format, which is
// the number of words in its value record.
func popcount16(v int) int { return bits.OnesCount16(uint16(v)) }
