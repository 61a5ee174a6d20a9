package enrich

// slabSize is how many values a slab makes at a time.
const slabSize = 256

// slab hands out values of T from blocks of slabSize made one at a time:
// the tens of thousands of small nodes the self-test is written in cost
// an allocation for each block rather than one each, and no room is lost
// rounding each up to a size the allocator keeps. Every value lives as
// long as its block, which suits the nodes of one guide.
type slab[T any] struct {
	free []T
}

// one returns a new value, zero.
func (s *slab[T]) one() *T {
	if len(s.free) == 0 {
		s.free = make([]T, slabSize)
	}
	v := &s.free[0]
	s.free = s.free[1:]
	return v
}

// slice returns an empty slice with room for n values, which appending to
// it beyond n never shares.
func (s *slab[T]) slice(n int) []T {
	if n > len(s.free) {
		if n > slabSize/8 {
			return make([]T, 0, n)
		}
		s.free = make([]T, slabSize)
	}
	out := s.free[:0:n]
	s.free = s.free[n:]
	return out
}
