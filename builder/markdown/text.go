package markdown

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"studyguide/builder/diag"
)

// xmlChar reports whether r may appear in an XML 1.0 document. Every
// string the reader puts in the model passes this test, so that writers
// need not filter text.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= utf8.MaxRune:
		return true
	}
	return false
}

// cleanText returns s with bytes that are not UTF-8 replaced by U+FFFD and
// characters that XML forbids (control characters) removed.
func cleanText(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case xmlChar(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkCharacters warns once about bytes that are not UTF-8 and once about
// control characters, at the first place each occurs, saying how many
// there are. offsets maps offsets of src to the note.
func checkCharacters(file *diag.File, src []byte, offsets *offsetMap) {
	scanCharacters(src).report(file, offsets)
}

// characters is what scanCharacters finds: the first byte that is not
// UTF-8 and the first control character, -1 when there is none, and how
// many there are of each.
type characters struct {
	badUTF8, control       int
	badCount, controlCount int
}

// scanCharacters looks for bytes that are not UTF-8 and for control
// characters in src.
func scanCharacters(src []byte) characters {
	badUTF8, control := -1, -1
	badCount, controlCount := 0, 0
	for i := 0; i < len(src); {
		// Eight bytes at a time while they are ASCII characters that
		// are not control characters (the second test can take a
		// character for a control character, never the other way).
		for i+8 <= len(src) {
			w := binary.LittleEndian.Uint64(src[i:])
			if w&0x8080808080808080 != 0 || (w-0x2020202020202020)&^w&0x8080808080808080 != 0 {
				break
			}
			i += 8
		}
		if i >= len(src) {
			break
		}
		c := src[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				if control < 0 {
					control = i
				}
				controlCount++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			if badUTF8 < 0 {
				badUTF8 = i
			}
			badCount++
		} else if !xmlChar(r) {
			if control < 0 {
				control = i
			}
			controlCount++
		}
		i += size
	}
	return characters{badUTF8, control, badCount, controlCount}
}

// report warns about what was found, offsets mapping offsets of the text
// looked at to the note.
func (c characters) report(file *diag.File, offsets *offsetMap) {
	if c.badUTF8 >= 0 {
		file.Warnf(offsets.note(c.badUTF8), "the note is not valid UTF-8 here%s; such bytes are shown as \uFFFD (save the note as UTF-8)", elsewhere(c.badCount))
	}
	if c.control >= 0 {
		file.Warnf(offsets.note(c.control), "control characters cannot be shown and are removed%s", elsewhere(c.controlCount))
	}
}

// elsewhere says how many more places share a problem reported at the
// first of count places.
func elsewhere(count int) string {
	switch count {
	case 0, 1:
		return ""
	case 2:
		return " and in 1 other place"
	}
	return fmt.Sprintf(" and in %d other places", count-1)
}

// unescape resolves backslash escapes and entity and numeric character
// references in Markdown text, as CommonMark asks.
func unescape(b []byte) string {
	if !needsUnescape(b) {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			out.WriteByte(b[i+1])
			i += 2
		case c == '&':
			if s, n := reference(b[i:]); n > 0 {
				out.WriteString(s)
				i += n
			} else {
				out.WriteByte(c)
				i++
			}
		case c == 0:
			out.WriteRune(utf8.RuneError)
			i++
		default:
			out.WriteByte(c)
			i++
		}
	}
	return out.String()
}

func needsUnescape(b []byte) bool {
	for _, c := range b {
		if c == '\\' || c == '&' || c == 0 {
			return true
		}
	}
	return false
}

// reference decodes the character reference at the start of b ("&amp;",
// "&#38;", "&#x26;") and returns its text and length, or a zero length when
// b does not start with one.
func reference(b []byte) (string, int) {
	if len(b) < 3 || b[0] != '&' {
		return "", 0
	}
	if b[1] == '#' {
		digits, radix, start := 7, 10, 2
		if b[2] == 'x' || b[2] == 'X' {
			digits, radix, start = 6, 16, 3
		}
		end := start
		for end < len(b) && end-start <= digits && isDigit(b[end], radix) {
			end++
		}
		if end == start || end-start > digits || end >= len(b) || b[end] != ';' {
			return "", 0
		}
		v, err := strconv.ParseUint(string(b[start:end]), radix, 32)
		r := rune(v)
		if err != nil || r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	end := 1
	for end < len(b) && end <= 64 && util.IsAlphaNumeric(b[end]) {
		end++
	}
	if end == 1 || end >= len(b) || b[end] != ';' {
		return "", 0
	}
	e, ok := util.LookUpHTML5EntityByName(string(b[1:end]))
	if !ok {
		return "", 0
	}
	return string(e.Characters), end + 1
}

func isDigit(c byte, radix int) bool {
	if c >= '0' && c <= '9' {
		return true
	}
	return radix == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	// Most texts have nothing to collapse: they are returned as they
	// are, without the copies that splitting and joining make.
	space := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' && space, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
				return strings.Join(strings.Fields(s), " ")
			}
			space = c == ' '
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		space = false
		i += size
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
