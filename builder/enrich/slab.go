package enrich

import "unsafe"

// The blocks a slab makes start at firstBlock values and double, up to
// the largest that fits in maxBlock bytes: the largest size the allocator
// keeps small objects in, which a block of that many values fills but for
// a few bytes.
const (
	firstBlock = 16
	maxBlock   = 32 << 10
)

// slab hands out values of T from blocks made one at a time: the tens of
// thousands of small nodes of a long guide's study aids cost an
// allocation for each block rather than one each, and no room is lost
// rounding each up to a size the allocator keeps. A short guide makes
// small blocks. Every value lives as long as its block, which suits the
// nodes of one guide. A slab is used by one goroutine at a time.
type slab[T any] struct {
	free []T
	// next is how many values the next block holds.
	next int
}

// grow makes a new block with room for at least n values.
func (s *slab[T]) grow(n int) {
	var v T
	most := max(maxBlock/int(max(unsafe.Sizeof(v), 1)), 1)
	s.next = min(max(s.next, firstBlock), most)
	s.free = make([]T, max(s.next, n))
	s.next *= 2
}

// one returns a new value, zero.
func (s *slab[T]) one() *T {
	if len(s.free) == 0 {
		s.grow(1)
	}
	v := &s.free[0]
	s.free = s.free[1:]
	return v
}

// slice returns an empty slice with room for n values, which appending to
// it beyond n never shares.
func (s *slab[T]) slice(n int) []T {
	if n > len(s.free) {
		if n > firstBlock {
			return make([]T, 0, n)
		}
		s.grow(n)
	}
	out := s.free[:0:n]
	s.free = s.free[n:]
	return out
}
