package fonts

import (
	"encoding/binary"
	"unicode/utf16"
)

// PostScriptName returns the PostScript name of a TrueType font file (name
// id 6 of its name table), such as "NotoSerif-Bold", or false when the
// file has none that can be read. The name is the one a PDF gives the
// font, after its subset tag.
func PostScriptName(data []byte) (string, bool) {
	file, err := parseSFNT(data)
	if err != nil {
		return "", false
	}
	t := file.table("name")
	r := &otReader{data: t}
	count, strings := r.u16(2), r.u16(4)
	for i := 0; i < count && r.err == nil; i++ {
		rec := 6 + 12*i
		platform, encoding, id := r.u16(rec), r.u16(rec+2), r.u16(rec+6)
		length, offset := r.u16(rec+8), r.u16(rec+10)
		at := strings + offset
		if id != 6 || r.err != nil || at+length > len(t) {
			continue
		}
		raw := t[at : at+length]
		switch {
		case platform == 3 && encoding == 1 || platform == 0:
			u := make([]uint16, len(raw)/2)
			for k := range u {
				u[k] = binary.BigEndian.Uint16(raw[2*k:])
			}
			return psName(string(utf16.Decode(u)))
		case platform == 1 && encoding == 0:
			return psName(string(raw))
		}
	}
	return "", false
}

// psName keeps the characters a PostScript name may hold, printable ASCII
// but for the delimiters of PDF syntax, and reports whether any are left.
func psName(s string) (string, bool) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > ' ' && r < 0x7f && !isDelimiter(byte(r)) {
			out = append(out, byte(r))
		}
	}
	return string(out), len(out) > 0
}

// isDelimiter reports whether c ends a name in PDF syntax.
func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%', '#':
		return true
	}
	return false
}
