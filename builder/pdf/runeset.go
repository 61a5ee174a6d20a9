package pdf

// runeSet is a set of runes: a bitmap for the common ones, a map for the
// rest.
type runeSet struct {
	low  []uint64
	high map[rune]bool
}

// has reports whether r is in the set.
func (s *runeSet) has(r rune) bool {
	if r >= 0 && r < lowRunes {
		return s.low != nil && s.low[r>>6]&(1<<(r&63)) != 0
	}
	return s.high[r]
}

// add puts r in the set.
func (s *runeSet) add(r rune) {
	if r >= 0 && r < lowRunes {
		if s.low == nil {
			s.low = make([]uint64, lowRunes/64)
		}
		s.low[r>>6] |= 1 << (r & 63)
		return
	}
	if s.high == nil {
		s.high = map[rune]bool{}
	}
	s.high[r] = true
}
