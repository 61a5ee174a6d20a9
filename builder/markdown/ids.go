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
// order, so the first of two equal titles keeps the plain slug.
func assignIDs(g *guide.Guide) {
	ids := guide.NewIDs()
	for i, f := range g.Footnotes {
		f.ID = ids.Claim("fn-" + strconv.Itoa(i+1))
	}
	keys := 0
	keyIDs := func(blocks []guide.Block) {
		walkItems(blocks, func(it *guide.ListItem) {
			if it.Key == nil {
				return
			}
			keys++
			s := slug(it.Key.Title)
			if s == "" {
				s = strconv.Itoa(keys)
			}
			it.Key.ID = ids.Claim("kp-" + s)
		})
	}
	keyIDs(g.Intro)
	sections := 0
	g.WalkSections(func(sec *guide.Section) bool {
		sections++
		s := slug(sec.Title)
		switch {
		case s == "":
			s = "section-" + strconv.Itoa(sections)
		case s[0] >= '0' && s[0] <= '9':
			s = "section-" + s
		}
		sec.ID = ids.Claim(s)
		keyIDs(sec.Blocks)
		return true
	})
	for _, f := range g.Footnotes {
		keyIDs(f.Blocks)
	}
}
