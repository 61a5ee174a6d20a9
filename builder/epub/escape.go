package epub

import (
	"bytes"
	"unicode/utf8"
)

// escapeText writes s into buf escaped as encoding/xml's EscapeText
// escapes it, byte for byte: the five markup characters, tab and carriage
// return as character references, line feed too unless keepNewline is
// set, and every character that XML does not allow (and every byte that
// is not UTF-8) as U+FFFD. Text with none of these is copied whole.
func escapeText(buf *bytes.Buffer, s string, keepNewline bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if copied[c] {
			i++
			continue
		}
		width := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if isXMLChar(r) && !(r == utf8.RuneError && width == 1) {
				i += width
				continue
			}
		} else if c == '\n' && keepNewline {
			i++
			continue
		}
		buf.WriteString(s[last:i])
		buf.WriteString(byteEscape(c))
		i += width
		last = i
	}
	buf.WriteString(s[last:])
}

// copied holds the bytes escapeText copies as they are: printable ASCII
// but for the five that XML escapes.
var copied = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\'' && c != '&' && c != '<' && c != '>'
	}
	return t
}()

// byteEscape returns what escapeText writes for the byte c that opens a
// character it does not copy.
func byteEscape(c byte) string {
	switch c {
	case '"':
		return "&#34;"
	case '\'':
		return "&#39;"
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '\t':
		return "&#x9;"
	case '\n':
		return "&#xA;"
	case '\r':
		return "&#xD;"
	}
	return "\uFFFD"
}

// isXMLChar reports whether XML allows the character r.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
