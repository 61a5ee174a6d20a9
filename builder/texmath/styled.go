package texmath

import "strings"

// alphabet is where one variant's letters and digits start in Unicode's
// Mathematical Alphanumeric Symbols block; zero where it has none.
type alphabet struct {
	upper, lower, digit, greekUpper, greekLower rune
}

var alphabets = map[Variant]alphabet{
	VariantBold:         {0x1D400, 0x1D41A, 0x1D7CE, 0x1D6A8, 0x1D6C2},
	VariantItalic:       {0x1D434, 0x1D44E, 0, 0x1D6E2, 0x1D6FC},
	VariantBoldItalic:   {0x1D468, 0x1D482, 0x1D7CE, 0x1D71C, 0x1D736},
	VariantScript:       {0x1D49C, 0x1D4B6, 0, 0, 0},
	VariantFraktur:      {0x1D504, 0x1D51E, 0, 0, 0},
	VariantDoubleStruck: {0x1D538, 0x1D552, 0x1D7D8, 0, 0},
	VariantSansSerif:    {0x1D5A0, 0x1D5BA, 0x1D7E2, 0, 0},
	VariantMonospace:    {0x1D670, 0x1D68A, 0x1D7F6, 0, 0},
}

// holes are the letters Unicode encoded before the block, in the
// Letterlike Symbols: the block leaves their places empty.
var holes = map[Variant]map[rune]rune{
	VariantItalic: {'h': 'ℎ'},
	VariantScript: {'B': 'ℬ', 'E': 'ℰ', 'F': 'ℱ', 'H': 'ℋ', 'I': 'ℐ', 'L': 'ℒ', 'M': 'ℳ', 'R': 'ℛ',
		'e': 'ℯ', 'g': 'ℊ', 'o': 'ℴ'},
	VariantFraktur:      {'C': 'ℭ', 'H': 'ℌ', 'I': 'ℑ', 'R': 'ℜ', 'Z': 'ℨ'},
	VariantDoubleStruck: {'C': 'ℂ', 'H': 'ℍ', 'N': 'ℕ', 'P': 'ℙ', 'Q': 'ℚ', 'R': 'ℝ', 'Z': 'ℤ'},
}

// greekVariants are the Greek letters that follow ω in the block's Greek
// alphabets, after ∂ (at 25).
var greekVariants = map[rune]rune{'ϵ': 26, 'ϑ': 27, 'ϰ': 28, 'ϕ': 29, 'ϱ': 30, 'ϖ': 31}

// Styled returns s with each letter and digit that has a character of
// its own in variant v (𝐅 for a bold F, ℝ for a double-struck R) written
// as that character; other characters are kept. VariantAuto and
// VariantNormal leave s as it is.
func Styled(s string, v Variant) string {
	a, ok := alphabets[v]
	if !ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(styledRune(r, v, a))
	}
	return b.String()
}

func styledRune(r rune, v Variant, a alphabet) rune {
	if h, ok := holes[v][r]; ok {
		return h
	}
	switch {
	case r >= 'A' && r <= 'Z' && a.upper != 0:
		return a.upper + r - 'A'
	case r >= 'a' && r <= 'z' && a.lower != 0:
		return a.lower + r - 'a'
	case r >= '0' && r <= '9' && a.digit != 0:
		return a.digit + r - '0'
	case r >= 'Α' && r <= 'Ω' && a.greekUpper != 0:
		return a.greekUpper + r - 'Α'
	case r >= 'α' && r <= 'ω' && a.greekLower != 0:
		return a.greekLower + r - 'α'
	}
	if off, ok := greekVariants[r]; ok && a.greekLower != 0 {
		return a.greekLower + off
	}
	return r
}
