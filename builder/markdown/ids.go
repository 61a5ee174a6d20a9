package markdown

import (
	"strconv"
	"strings"
	"unicode"

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
	var b strings.Builder
	hyphen := false
	for _, r := range title {
		r = unicode.ToLower(r)
		var s string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			s = string(r)
		case r == '\'' || r == '’' || r == 'ʼ':
			// An apostrophe joins: "NATO's" is "natos".
			continue
		default:
			if t, ok := translit[r]; ok {
				s = t
			}
		}
		if s == "" {
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(s)
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

// assignIDs gives every footnote, section and key point of g its id:
// footnotes "fn-1", "fn-2"... in order; sections a slug of their title (or
// "section-N" when the title has no letters to spell); key points "kp-"
// and a slug of their title (or "kp-N"). Ids are handed out in reading
// order, so the first of two equal titles keeps the plain slug. It
// returns the ids handed out.
//
// The slugs of a long guide's sections are made side by side, top-level
// section by top-level section, when parallel is set; the ids are then
// handed out in order.
func assignIDs(g *guide.Guide, parallel bool) *guide.IDs {
	ids := guide.NewIDs()
	for i, f := range g.Footnotes {
		f.ID = ids.Claim("fn-" + strconv.Itoa(i+1))
	}
	keys := func(blocks []guide.Block, out []idClaim) []idClaim {
		walkItems(blocks, func(it *guide.ListItem) {
			if it.Key != nil {
				out = append(out, idClaim{id: &it.Key.ID, slug: slug(it.Key.Title)})
			}
		})
		return out
	}
	claims := [][]idClaim{keys(g.Intro, nil)}
	claims = append(claims, inOrder(len(g.Sections), parallel, func(i int) []idClaim {
		var out []idClaim
		g.Sections[i].Walk(func(sec *guide.Section) bool {
			out = append(out, idClaim{id: &sec.ID, slug: slug(sec.Title), section: true})
			out = keys(sec.Blocks, out)
			return true
		})
		return out
	})...)
	for _, f := range g.Footnotes {
		claims = append(claims, keys(f.Blocks, nil))
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
				s = strconv.Itoa(keyPoints)
			}
			*c.id = ids.Claim("kp-" + s)
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
