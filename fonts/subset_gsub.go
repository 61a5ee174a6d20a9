package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// substitution is one rule of a GSUB table reduced to what glyph closure
// needs: when the glyph from and every glyph in with are kept, the glyphs
// in to can appear in shaped text.
type substitution struct {
	from uint16
	with span // the other components of a ligature
	to   span
}

// span is a run of glyph ids held by a gsubReader.
type span struct{ at, n int32 }

// maxSubstitutionGlyphs bounds the glyph ids that a GSUB table may expand
// to, so that a hostile table cannot exhaust time or memory. The embedded
// fonts need a few thousand.
const maxSubstitutionGlyphs = 1 << 20

// gsubReader reads substitution rules from a GSUB table. Its first error
// sticks: every read after it returns zero.
type gsubReader struct {
	data  []byte
	rules []substitution
	ids   []uint16 // the glyph ids that spans refer to
	spent int      // glyph ids read, bounded by maxSubstitutionGlyphs
	err   error
	// active, when not nil, says which lookups to read; the others are
	// skipped.
	active []bool
}

// glyphsOf returns the glyph ids of a span.
func (r *gsubReader) glyphsOf(s span) []uint16 { return r.ids[s.at : s.at+s.n] }

// push holds one computed glyph id and returns its span.
func (r *gsubReader) push(gid uint16) span {
	r.ids = append(r.ids, gid)
	return span{int32(len(r.ids) - 1), 1}
}

// u16 returns the big-endian 16-bit word at offset at.
func (r *gsubReader) u16(at int) int {
	if r.err != nil {
		return 0
	}
	if at < 0 || at+2 > len(r.data) {
		r.err = fmt.Errorf("%w: GSUB reads past its end at %d", errMalformed, at)
		return 0
	}
	return int(binary.BigEndian.Uint16(r.data[at:]))
}

// u32 returns the big-endian 32-bit word at offset at.
func (r *gsubReader) u32(at int) int {
	hi := r.u16(at)
	return hi<<16 | r.u16(at+2)
}

// glyphs reads count glyph ids stored from offset at and returns their
// span.
func (r *gsubReader) glyphs(at, count int) span {
	r.spend(count)
	if r.err != nil {
		return span{}
	}
	if at+2*count > len(r.data) {
		r.err = fmt.Errorf("%w: GSUB glyph array runs past its end", errMalformed)
		return span{}
	}
	s := span{int32(len(r.ids)), int32(count)}
	for i := range count {
		r.ids = append(r.ids, binary.BigEndian.Uint16(r.data[at+2*i:]))
	}
	return s
}

// item returns the span of the i'th glyph of s, or false when s is
// shorter.
func (s span) item(i int) (span, bool) {
	return span{s.at + int32(i), 1}, i < int(s.n)
}

// spend counts n more glyph ids against maxSubstitutionGlyphs.
func (r *gsubReader) spend(n int) {
	r.spent += n
	if r.err == nil && r.spent > maxSubstitutionGlyphs {
		r.err = fmt.Errorf("%w: GSUB expands to more than %d glyphs", errMalformed, maxSubstitutionGlyphs)
	}
}

// coverage calls fn with the coverage index and glyph id of every glyph
// in the coverage table at offset at.
func (r *gsubReader) coverage(at int, fn func(index int, gid uint16)) {
	switch r.u16(at) {
	case 1:
		for i, gid := range r.glyphsOf(r.glyphs(at+4, r.u16(at+2))) {
			fn(i, gid)
		}
	case 2:
		n := r.u16(at + 2)
		for i := 0; i < n && r.err == nil; i++ {
			rec := at + 4 + 6*i
			start, end, index := r.u16(rec), r.u16(rec+2), r.u16(rec+4)
			if end < start {
				continue
			}
			r.spend(end - start + 1)
			for g := start; g <= end && r.err == nil; g++ {
				fn(index+g-start, uint16(g))
			}
		}
	}
}

// add records a rule.
func (r *gsubReader) add(from uint16, with, to span) {
	if r.err == nil {
		r.rules = append(r.rules, substitution{from, with, to})
	}
}

// lookups reads the rules of every lookup in the table. Contextual lookups
// (types 5 and 6) only call other lookups of the list, so reading every
// lookup covers them.
func (r *gsubReader) lookups() {
	if len(r.data) < 10 {
		r.err = fmt.Errorf("%w: GSUB header is cut short", errMalformed)
		return
	}
	list := r.u16(8)
	n := r.u16(list)
	for i := 0; i < n && r.err == nil; i++ {
		if r.active != nil && (i >= len(r.active) || !r.active[i]) {
			continue
		}
		lookup := list + r.u16(list+2+2*i)
		kind, count := r.u16(lookup), r.u16(lookup+4)
		for j := 0; j < count && r.err == nil; j++ {
			r.subtable(kind, lookup+r.u16(lookup+6+2*j), true)
		}
	}
}

// subtable reads the rules of one lookup subtable of the given type.
func (r *gsubReader) subtable(kind, at int, extensible bool) {
	cov := at + r.u16(at+2)
	switch {
	case kind == 1 && r.u16(at) == 1:
		delta := r.u16(at + 4)
		r.coverage(cov, func(_ int, gid uint16) {
			r.add(gid, span{}, r.push(uint16(int(gid)+delta)))
		})
	case kind == 1 && r.u16(at) == 2:
		subs := r.glyphs(at+6, r.u16(at+4))
		r.coverage(cov, func(i int, gid uint16) {
			if to, ok := subs.item(i); ok {
				r.add(gid, span{}, to)
			}
		})
	case (kind == 2 || kind == 3) && r.u16(at) == 1:
		// Multiple and alternate substitutions share one shape: a list of
		// glyph arrays indexed by coverage.
		n := r.u16(at + 4)
		r.coverage(cov, func(i int, gid uint16) {
			if i < n {
				seq := at + r.u16(at+6+2*i)
				r.add(gid, span{}, r.glyphs(seq+2, r.u16(seq)))
			}
		})
	case kind == 4 && r.u16(at) == 1:
		n := r.u16(at + 4)
		r.coverage(cov, func(i int, gid uint16) {
			if i >= n {
				return
			}
			set := at + r.u16(at+6+2*i)
			count := r.u16(set)
			for j := 0; j < count && r.err == nil; j++ {
				lig := set + r.u16(set+2+2*j)
				glyph, parts := r.u16(lig), r.u16(lig+2)
				if parts == 0 {
					continue
				}
				r.add(gid, r.glyphs(lig+4, parts-1), r.push(uint16(glyph)))
			}
		})
	case kind == 7 && extensible && r.u16(at) == 1:
		r.subtable(r.u16(at+2), at+r.u32(at+4), false)
	case kind == 8 && r.u16(at) == 1:
		back := r.u16(at + 4)
		ahead := at + 6 + 2*back
		count := ahead + 2 + 2*r.u16(ahead)
		subs := r.glyphs(count+2, r.u16(count))
		r.coverage(cov, func(i int, gid uint16) {
			if to, ok := subs.item(i); ok {
				r.add(gid, span{}, to)
			}
		})
	}
}

// addSubstitutes marks as kept every glyph that the GSUB table can put in
// place of kept glyphs, in any feature, script or context, repeating until
// no more glyphs are added.
func addSubstitutes(gsub []byte, keep []bool) error {
	return addActiveSubstitutes(gsub, keep, nil)
}

// addActiveSubstitutes is addSubstitutes for the lookups that active
// marks, or for every lookup when active is nil.
func addActiveSubstitutes(gsub []byte, keep, active []bool) error {
	if gsub == nil {
		return nil
	}
	r := &gsubReader{data: gsub, active: active}
	r.lookups()
	if r.err != nil {
		return r.err
	}
	// Index every rule under each glyph it waits for, so that a glyph that
	// becomes kept wakes only the rules that mention it.
	// The index is one list, the rules of glyph g from start[g] to
	// start[g+1], in the order of the rules.
	kept := func(gid uint16) bool { return int(gid) < len(keep) && keep[gid] }
	start := make([]int32, len(keep)+1)
	each := func(f func(gid uint16, rule int32)) {
		for i, s := range r.rules {
			if int(s.from) < len(keep) {
				f(s.from, int32(i))
			}
			for _, w := range r.glyphsOf(s.with) {
				if int(w) < len(keep) {
					f(w, int32(i))
				}
			}
		}
	}
	each(func(gid uint16, _ int32) { start[gid+1]++ })
	for g := range len(keep) {
		start[g+1] += start[g]
	}
	rules := make([]int32, start[len(keep)])
	next := slices.Clone(start[:len(keep)])
	each(func(gid uint16, rule int32) {
		rules[next[gid]] = rule
		next[gid]++
	})
	waiting := func(gid uint16) []int32 { return rules[start[gid]:start[gid+1]] }
	var todo []uint16
	for gid, k := range keep {
		if k {
			todo = append(todo, uint16(gid))
		}
	}
	for len(todo) > 0 {
		gid := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
	rules:
		for _, i := range waiting(gid) {
			s := r.rules[i]
			if !kept(s.from) {
				continue
			}
			for _, w := range r.glyphsOf(s.with) {
				if !kept(w) {
					continue rules
				}
			}
			for _, t := range r.glyphsOf(s.to) {
				if int(t) < len(keep) && !keep[t] {
					keep[t] = true
					todo = append(todo, t)
				}
			}
		}
	}
	return nil
}
