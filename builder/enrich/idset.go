package enrich

import "strings"

// idSet is a set of question ids. An id made by guide.QuestionID ("q-"
// and twelve hex digits) is kept as the number its digits write: the set
// of a long note's tens of thousands of ids is then a third of the size
// it would be as strings, and holds nothing the collector has to follow.
// An id of another form is kept as it is.
type idSet struct {
	nums  map[uint64]struct{}
	other map[string]struct{}
}

// newIDSet returns an empty set.
func newIDSet() idSet {
	return idSet{nums: map[uint64]struct{}{}, other: map[string]struct{}{}}
}

// has reports whether id is in the set.
func (s idSet) has(id string) bool {
	if n, ok := idNumber(id); ok {
		_, in := s.nums[n]
		return in
	}
	_, in := s.other[id]
	return in
}

// add puts id in the set.
func (s idSet) add(id string) {
	if n, ok := idNumber(id); ok {
		s.nums[n] = struct{}{}
		return
	}
	s.other[id] = struct{}{}
}

// clear empties the set.
func (s idSet) clear() {
	clear(s.nums)
	clear(s.other)
}

// idNumber returns the number the hex digits of an id made by
// guide.QuestionID write, and false for an id of another form: two ids
// have the same number only when they are the same.
func idNumber(id string) (uint64, bool) {
	digits, ok := strings.CutPrefix(id, "q-")
	if !ok || len(digits) != 12 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		switch {
		case '0' <= c && c <= '9':
			n = n<<4 | uint64(c-'0')
		case 'a' <= c && c <= 'f':
			n = n<<4 | uint64(c-'a'+10)
		default:
			return 0, false
		}
	}
	return n, true
}
