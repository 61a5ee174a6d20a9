package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"studyguide/builder/guide"
)

// maxSlug is the longest slug made from a title, before a prefix or a
// number that keeps it unique.
const maxSlug = 48

// slug turns a title into lower-case ASCII letters and digits joined by
// hyphens: "NATO’s Approach to Peacekeeping" gives
// "natos-approach-to-peacekeeping". Accented Latin, Greek and Cyrillic
// letters are transliterated; other scripts are left out, so the slug may
// be empty. Long slugs are cut at a hyphen.
func slug(title string) string {
	b := make([]byte, 0, len(title))
	hyphen := false
	add := func(s string) {
		if s == "" {
			hyphen = len(b) > 0
			return
		}
		if hyphen {
			b = append(b, '-')
			hyphen = false
		}
		b = append(b, s...)
	}
	for i := 0; i < len(title); {
		if c := title[i]; c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
				fallthrough
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if hyphen {
					b = append(b, '-')
					hyphen = false
				}
				b = append(b, c)
			case c == '\'':
				// An apostrophe joins: "NATO's" is "natos".
			default:
				hyphen = len(b) > 0
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(title[i:])
		i += size
		r = unicode.ToLower(r)
		switch {
		case r == '’' || r == 'ʼ':
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			// A capital letter outside ASCII, such as the Kelvin sign,
			// that lower-cases to an ASCII letter.
			add(string(r))
		default:
			add(translit[r])
		}
	}
	out := string(b)
	if len(out) > maxSlug {
		cut := strings.LastIndexByte(out[:maxSlug+1], '-')
		if cut < maxSlug/2 {
			cut = maxSlug
		}
		out = strings.TrimRight(out[:cut], "-")
	}
	return out
}

// assignIDs gives every footnote, section and key point of g its id:
// footnotes "fn-1", "fn-2"... in order; sections a slug of their title (or
// "section-N" when the title has no letters to spell); key points "kp-"
// and a slug of their title (or "kp-N"). Ids are handed out in reading
// order, so the first of two equal titles keeps the plain slug. It
// returns the ids handed out.
//
// The slugs are made as the note is read (a long note's on every core):
// until assignIDs, the ID of each section holds the slug of its title,
// and that of each key point "kp-" and the slug of its title, or nothing
// when the slug is empty. The key points of a long guide are found side by side,
// top-level section by top-level section, when parallel is set; the ids
// are then handed out in order.
func assignIDs(g *guide.Guide, parallel bool) *guide.IDs {
	keys := func(blocks []guide.Block, out []idClaim) []idClaim {
		walkItems(blocks, func(it *guide.ListItem) {
			if it.Key != nil {
				out = append(out, idClaim{id: &it.Key.ID, slug: it.Key.ID})
			}
		})
		return out
	}
	claims := [][]idClaim{keys(g.Intro, nil)}
	claims = append(claims, inOrder(len(g.Sections), parallel, func(i int) []idClaim {
		var out []idClaim
		g.Sections[i].Walk(func(sec *guide.Section) bool {
			out = append(out, idClaim{id: &sec.ID, slug: sec.ID, section: true})
			out = keys(sec.Blocks, out)
			return true
		})
		return out
	})...)
	for _, f := range g.Footnotes {
		claims = append(claims, keys(f.Blocks, nil))
	}
	n := len(g.Footnotes)
	for _, cs := range claims {
		n += len(cs)
	}
	ids := guide.NewIDsFor(n)
	for i, f := range g.Footnotes {
		f.ID = ids.Claim("fn-" + strconv.Itoa(i+1))
	}
	sections, keyPoints := 0, 0
	for _, cs := range claims {
		for _, c := range cs {
			s := c.slug
			if c.section {
				sections++
				switch {
				case s == "":
					s = "section-" + strconv.Itoa(sections)
				case s[0] >= '0' && s[0] <= '9':
					s = "section-" + s
				}
				*c.id = ids.Claim(s)
				continue
			}
			keyPoints++
			if s == "" {
				s = "kp-" + strconv.Itoa(keyPoints)
			}
			*c.id = ids.Claim(s)
		}
	}
	return ids
}

// idClaim is an id to hand out: the slug of a section's title or a key
// point's, and where the id goes.
type idClaim struct {
	id      *string
	slug    string
	section bool
}
