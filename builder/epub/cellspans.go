package epub

import (
	"strings"
	"unicode/utf8"
)

// longWordRunes is the length, in characters, from which a word counts as
// long: a long compound, a place name or a web address.
const longWordRunes = 16

// longWords returns the byte ranges of the words of s that are
// longWordRunes characters or more, in order. A word is a run of
// characters other than white space (tab, line feed, form feed, carriage
// return and space); a byte that is not UTF-8 counts as one character.
func longWords(s string) [][2]int {
	if len(s) < longWordRunes {
		return nil
	}
	var out [][2]int
	start, runes := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if isSpaceByte(c) {
				if runes >= longWordRunes {
					out = append(out, [2]int{start, i})
				}
				runes = 0
				i++
				start = i
				continue
			}
			i++
		} else {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
		runes++
	}
	if runes >= longWordRunes {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// isSpaceByte reports whether c is white space as a word is delimited:
// tab, line feed, form feed, carriage return or space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// yearRanges returns the byte ranges of s that are a range of years or
// decades, such as "2014–2021", "1990s-2000s" or "1914 – 18", in order
// and without overlap. A range is a number of one to four digits with an
// optional "s", an optional white space character, a hyphen, en dash or em
// dash, an optional white space character and a second such number; it
// starts and ends at a word boundary. Where several ranges could start at
// one place, the one with the longest numbers, then the one with the
// "s" and the space taken, wins; the search goes on after it.
func yearRanges(s string) [][2]int {
	if strings.IndexByte(s, '-') < 0 && !strings.Contains(s, "\u2013") && !strings.Contains(s, "\u2014") {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(s); {
		if isDigit(s[i]) && wordBoundary(s, i) {
			if end, ok := matchRange(s, i); ok {
				out = append(out, [2]int{i, end})
				i = end
				continue
			}
		}
		i++
	}
	return out
}

// matchRange matches a range of years starting at i, trying the choices
// in order of preference, and returns where the first that fits ends.
func matchRange(s string, i int) (int, bool) {
	for a := digitsAt(s, i); a >= 1; a-- {
		ps, np := optional(s, i+a, isS)
		for _, p := range ps[:np] {
			qs, nq := optional(s, p, isSpaceByte)
			for _, q := range qs[:nq] {
				d := dashAt(s, q)
				if d == 0 {
					continue
				}
				rs, nr := optional(s, q+d, isSpaceByte)
				for _, r := range rs[:nr] {
					for b := digitsAt(s, r); b >= 1; b-- {
						ends, ne := optional(s, r+b, isS)
						for _, end := range ends[:ne] {
							if wordBoundary(s, end) {
								return end, true
							}
						}
					}
				}
			}
		}
	}
	return 0, false
}

// optional returns the places after an optional byte at i that matches
// fits, and how many there are: past it first, when it is there, then i.
func optional(s string, i int, fits func(byte) bool) ([2]int, int) {
	if i < len(s) && fits(s[i]) {
		return [2]int{i + 1, i}, 2
	}
	return [2]int{i}, 1
}

// digitsAt returns how many ASCII digits, up to four, stand at i.
func digitsAt(s string, i int) int {
	n := 0
	for n < 4 && i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// dashAt returns the length of the hyphen, en dash or em dash at i, or 0.
func dashAt(s string, i int) int {
	switch {
	case i < len(s) && s[i] == '-':
		return 1
	case strings.HasPrefix(s[i:], "\u2013"), strings.HasPrefix(s[i:], "\u2014"):
		return len("\u2013")
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isS(c byte) bool { return c == 's' }

// wordBoundary reports whether i lies between a word character (an ASCII
// letter, digit or '_') and something else, the ends of s counting as not
// word characters.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_'
}
