package enrich

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest slug made from a name, before a prefix or a
// number that keeps it unique.
const maxSlug = 40

// specialLetters spells the Latin letters that do not decompose into a
// base letter and accents.
var specialLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l",
	'þ': "th", 'ı': "i",
}

// slug turns a name into lower-case ASCII letters and digits joined by
// hyphens: "Kosovo Force" gives "kosovo-force", "Zürich" gives "zurich".
// Accents are dropped; letters of other scripts are left out, so the slug
// may be empty. Apostrophes join ("NATO’s" gives "natos"). A long slug is
// cut at a hyphen.
func slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(name) {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == 'ʼ':
			// Accents and apostrophes join.
		case specialLetters[r] != "":
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteString(specialLetters[r])
		default:
			hyphen = true
		}
	}
	out := b.String()
	if len(out) > maxSlug {
		cut := strings.LastIndexByte(out[:maxSlug+1], '-')
		if cut < maxSlug/2 {
			cut = maxSlug
		}
		out = strings.TrimRight(out[:cut], "-")
	}
	return out
}
