package enrich

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"studyguide/builder/guide"
)

// maxSlug is the longest slug made from a name, before a prefix or a
// number that keeps it unique.
const maxSlug = 40

// idSet hands out ids that no element of the guide uses yet.
type idSet struct {
	used map[string]bool
}

// collectIDs returns the set of every id already used in g: sections, key
// points, footnotes, tables, figures and anchored strong text.
func collectIDs(g *guide.Guide) *idSet {
	s := &idSet{used: map[string]bool{}}
	g.EachID(func(id string) { s.used[id] = true })
	return s
}

// claim returns id, or id with the lowest free number appended ("-2",
// "-3"...) when id is taken, and marks the result as used.
func (s *idSet) claim(id string) string {
	unique := id
	for n := 2; s.used[unique]; n++ {
		unique = id + "-" + strconv.Itoa(n)
	}
	s.used[unique] = true
	return unique
}

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
