package fonts

import "strings"

// Width returns the advance width of s set in the face at size points,
// in points, without kerning. A rune the face lacks is measured in the
// symbols face of the same weight when that face has it, as Fallback
// would set it, else as the face's .notdef glyph. Width is safe for
// concurrent use; runes below lowRunes are measured from the tables made
// at go generate time.
func (f Face) Width(s string, size float64) float64 {
	own := tableOf(f.File)
	if own == nil {
		return 0
	}
	var symbols *fontTable
	ems := 0.0
	for _, r := range s {
		if own.covers(r) {
			ems += own.width(r)
			continue
		}
		if symbols == nil {
			symbols = own
			weight := ""
			if strings.Contains(f.Style, "B") {
				weight = "B"
			}
			if sf, ok := Lookup("symbols", weight); ok {
				if t := tableOf(sf.File); t != nil {
					symbols = t
				}
			}
		}
		if symbols != own && symbols.covers(r) {
			ems += symbols.width(r)
		} else {
			ems += own.width(r)
		}
	}
	return ems * size
}
