package pdf

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The numbers, colours and strings of text the pen writes into a page's
// content itself.

// hundredths rounds a length in points to hundredths of a point, the
// precision of every length in the content.
func hundredths(v float64) int64 { return int64(math.Round(v * 100)) }

// roundedHundredths returns v in hundredths, rounded as
// strconv.AppendFloat(b, v, 'f', 2, 64) rounds it, and whether it could
// tell cheaply: the content prints some millions of numbers, and the
// exact decimal rounding of strconv costs several times what rounding v
// times 100 does. The product is within 1e-9 of the exact one for any
// length of the page, so that it rounds the same way unless it is about
// half-way between two whole hundredths; those few, and lengths too long
// for the bound, are left to strconv.
func roundedHundredths(v float64) (int64, bool) {
	x := v * 100
	if !(x > -maxRounded && x < maxRounded) {
		return 0, false
	}
	r := math.Round(x)
	if math.Abs(x-r) > 0.5-1e-6 {
		return 0, false
	}
	return int64(r), true
}

// maxRounded bounds, in hundredths, the numbers roundedHundredths
// rounds: where v times 100 is within 1e-9 of its exact value.
const maxRounded = 1e7

// appendFixed appends v hundredths with exactly two digits after the
// point, as strconv.AppendFloat appends the number v was rounded from;
// neg says that number has its sign set, which strconv prints even when
// it rounds to zero ("-0.00").
func appendFixed(b []byte, v int64, neg bool) []byte {
	if neg {
		b = append(b, '-')
	}
	if v < 0 {
		v = -v
	}
	b = strconv.AppendInt(b, v/100, 10)
	frac := v % 100
	return append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
}

// appendSize appends a font size as strconv.AppendFloat(b, size, 'f', 2,
// 64) does.
func appendSize(b []byte, size float64) []byte {
	if h, ok := roundedHundredths(size); ok {
		return appendFixed(b, h, math.Signbit(size))
	}
	return strconv.AppendFloat(b, size, 'f', 2, 64)
}

// appendComponent appends v/255, a colour component, with three digits
// after the point, as strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64)
// does. No v from 0 to 255 gives a thousandth near half-way (1000v/255 is
// never within 1/510 of one), so that rounding 1000v/255 in whole numbers
// gives strconv's digits.
func appendComponent(b []byte, v int) []byte {
	if v < 0 || v > 255 {
		return strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64)
	}
	q := (2000*v + 255) / 510
	b = append(b, byte('0'+q/1000), '.')
	q %= 1000
	return append(b, byte('0'+q/100), byte('0'+q/10%10), byte('0'+q%10))
}

// appendColor appends the operator that makes c the colour of filling
// and of text: "r g b rg", or "v g" for a grey.
func appendColor(b []byte, c rgb) []byte {
	r, g, bl := c.components()
	if r == g && g == bl {
		b = appendComponent(b, r)
		return append(b, " g"...)
	}
	for _, v := range [3]int{r, g, bl} {
		b = appendComponent(b, v)
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
	b = slices.Grow(b, 2*len(s))
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
