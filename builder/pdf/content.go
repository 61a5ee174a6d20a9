package pdf

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// The numbers, colours and strings of text the pen writes into a page's
// content itself.

// hundredths rounds a length in points to hundredths of a point, the
// precision of every length in the content.
func hundredths(v float64) int64 { return int64(math.Round(v * 100)) }

// appendHundredths appends v hundredths as a decimal number, with no
// trailing zeros after the point.
func appendHundredths(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/100, 10)
	switch frac := v % 100; {
	case frac == 0:
	case frac%10 == 0:
		b = append(b, '.', byte('0'+frac/10))
	default:
		b = append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
	}
	return b
}

// appendColor appends the operator that makes c the colour of filling
// and of text: "r g b rg", or "v g" for a grey.
func appendColor(b []byte, c rgb) []byte {
	r, g, bl := c.components()
	if r == g && g == bl {
		b = strconv.AppendFloat(b, float64(r)/255, 'f', 3, 64)
		return append(b, " g"...)
	}
	for _, v := range [3]int{r, g, bl} {
		b = strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64)
		b = append(b, ' ')
	}
	return append(b, "rg"...)
}

// appendUTF16 appends s as the inside of a PDF literal string in UTF-16
// (big-endian, two bytes a character, as the embedded faces are encoded),
// escaping the bytes that need it, and adds its characters to used. A
// character that needs more than two bytes (which shaping never lets
// through) is left out.
func appendUTF16(b []byte, s string, used *runeSet) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			used.add(rune(c))
			b = appendEscaped(append(b, 0), c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r > 0xFFFF {
			continue
		}
		used.add(r)
		b = appendEscaped(appendEscaped(b, byte(r>>8)), byte(r))
	}
	return b
}

// appendEscaped appends one byte of a PDF literal string.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}
