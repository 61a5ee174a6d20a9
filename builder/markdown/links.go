package markdown

import (
	"net/url"
	"strings"
	"unicode"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// resolveLinks checks every link that points inside the note ("#...").
// A link to an id of the guide stays as it is. A link written the way
// GitHub and most editors name headings ("#natos-approach-to-peacekeeping",
// "#mind-palace-technique") is pointed at the section with that title. Any
// other is reported, since the reader would follow it nowhere.
//
// ids are the ids of the guide's sections, footnotes and key points. The
// links of a long guide are looked at side by side, top-level section by
// top-level section, when parallel is set; the warnings are given in
// order.
func resolveLinks(file *diag.File, g *guide.Guide, ids *guide.IDs, parallel bool) {
	aliases := make(map[string]string)
	alias := func(key, id string) {
		if _, taken := aliases[key]; !taken && key != "" {
			aliases[key] = id
		}
	}
	g.WalkSections(func(s *guide.Section) bool {
		alias(headingAnchor(s.Title), s.ID)
		alias(slug(s.Title), s.ID)
		return true
	})

	// resolve points a link at its section and returns it, or returns
	// nil when it leads nowhere.
	resolve := func(n guide.Node, out []*guide.Link) []*guide.Link {
		guide.Inspect(n, func(n guide.Node) bool {
			l, ok := n.(*guide.Link)
			if !ok || !strings.HasPrefix(l.URL, "#") {
				return true
			}
			frag := l.URL[1:]
			if ids.Taken(frag) {
				return true
			}
			if u, err := url.PathUnescape(frag); err == nil {
				frag = u
			}
			for _, key := range []string{frag, strings.ToLower(frag), slug(frag)} {
				if id, ok := aliases[key]; ok {
					l.URL = "#" + id
					return true
				}
			}
			out = append(out, l)
			return true
		})
		return out
	}
	var lost []*guide.Link
	for _, b := range g.Intro {
		lost = resolve(b, lost)
	}
	for _, part := range inOrder(len(g.Sections), parallel, func(i int) []*guide.Link { return resolve(g.Sections[i], nil) }) {
		lost = append(lost, part...)
	}
	for _, f := range g.Footnotes {
		lost = resolve(f, lost)
	}
	for _, l := range lost {
		file.Set().Warnf(l.Pos, "link target %q matches no section of the note", l.URL)
	}
}

// headingAnchor names a heading the way GitHub does: lower case, letters,
// digits, hyphens and underscores kept, spaces turned into hyphens, the
// rest dropped.
func headingAnchor(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
