package fonts

import (
	"strings"
	"unicode/utf8"
)

// validRune reports whether r is a Unicode scalar value.
func validRune(r rune) bool { return utf8.ValidRune(r) }

// Covers reports whether the face's font file has a glyph for r. A face
// whose file is not embedded covers nothing. Covers is safe for concurrent
// use: runes below lowRunes are answered from the tables made at go
// generate time, others from the font file, parsed once, on first use.
func (f Face) Covers(r rune) bool {
	t := tableOf(f.File)
	return t != nil && t.covers(r)
}

// Fallback returns the face to set r in for a family and style: the face
// that Lookup gives if it covers r, else the symbols face of the same
// weight (bold when style contains "B") if that covers r. It reports false
// when the family is unknown or neither face has a glyph for r.
func Fallback(family, style string, r rune) (Face, bool) {
	f, ok := Lookup(family, style)
	if !ok {
		return Face{}, false
	}
	if f.Covers(r) {
		return f, true
	}
	weight := ""
	if strings.Contains(style, "B") {
		weight = "B"
	}
	if s, ok := Lookup("symbols", weight); ok && s.Covers(r) {
		return s, true
	}
	return Face{}, false
}
