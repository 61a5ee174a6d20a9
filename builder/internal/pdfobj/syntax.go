package pdfobj

import (
	"strconv"
	"unicode/utf16"
)

// AppendRef appends an indirect reference to object n: "n 0 R".
func AppendRef(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, " 0 R"...)
}

// AppendName appends /name, escaping as #xx every byte that a name
// cannot hold as it is.
func AppendName(b []byte, name string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '/')
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7F || c == '#' || isDelim(c) {
			b = append(b, '#', hex[c>>4], hex[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

// isDelim reports whether c is a delimiter in PDF.
func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// AppendString appends s as a literal string of bytes, escaping the
// bytes that a literal string cannot hold as they are.
func AppendString(b []byte, s string) []byte {
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

// AppendText appends s as a text string: a literal string when it is
// printable ASCII, else UTF-16 with its byte order mark, in hex.
func AppendText(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7F {
			ascii = false
			break
		}
	}
	if ascii {
		return AppendString(b, s)
	}
	const hex = "0123456789ABCDEF"
	b = append(b, "<FEFF"...)
	var units [2]uint16
	for _, r := range s {
		for _, u := range utf16.AppendRune(units[:0], r) {
			b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
		}
	}
	return append(b, '>')
}

// AppendReal appends v rounded to hundredths, without trailing zeros.
func AppendReal(b []byte, v float64) []byte {
	n := int64(v*100 + 0.5)
	if v < 0 {
		n = int64(v*100 - 0.5)
	}
	return AppendHundredths(b, n)
}

// AppendHundredths appends n hundredths as a number: its whole part, then
// its fraction without trailing zeros, if it has one.
func AppendHundredths(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	if f := n % 100; f != 0 {
		b = append(b, '.', byte('0'+f/10))
		if f%10 != 0 {
			b = append(b, byte('0'+f%10))
		}
	}
	return b
}
