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
		var esc string
		width := 1
		switch {
		case c >= utf8.RuneSelf:
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if isXMLChar(r) && !(r == utf8.RuneError && width == 1) {
				i += width
				continue
			}
			esc = "\uFFFD"
		case !markupByte[c]:
			i++
			continue
		case c == '\n' && keepNewline:
			i++
			continue
		default:
			esc = byteEscapes[c]
		}
		buf.WriteString(s[last:i])
		buf.WriteString(esc)
		i += width
		last = i
	}
	buf.WriteString(s[last:])
}

// markupByte marks the ASCII bytes that escapeText does not copy as they
// are: the markup characters and the control characters.
var markupByte = func() (m [utf8.RuneSelf]bool) {
	for c := range m {
		m[c] = c < 0x20 || c == '"' || c == '\'' || c == '&' || c == '<' || c == '>'
	}
	return m
}()

// byteEscapes holds what escapeText writes for each byte of markupByte.
var byteEscapes = func() (e [utf8.RuneSelf]string) {
	for c := range e {
		e[c] = "\uFFFD"
	}
	e['"'] = "&#34;"
	e['\''] = "&#39;"
	e['&'] = "&amp;"
	e['<'] = "&lt;"
	e['>'] = "&gt;"
	e['\t'] = "&#x9;"
	e['\n'] = "&#xA;"
	e['\r'] = "&#xD;"
	return e
}()

// isXMLChar reports whether XML allows the character r.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
