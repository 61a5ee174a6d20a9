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
func resolveLinks(file *diag.File, g *guide.Guide) {
	ids := make(map[string]bool)
	aliases := make(map[string]string)
	alias := func(key, id string) {
		if _, taken := aliases[key]; !taken && key != "" {
			aliases[key] = id
		}
	}
	g.WalkSections(func(s *guide.Section) bool {
		ids[s.ID] = true
		alias(headingAnchor(s.Title), s.ID)
		alias(slug(s.Title), s.ID)
		return true
	})
	for _, f := range g.Footnotes {
		ids[f.ID] = true
	}
	walkItemsOfGuide(g, func(it *guide.ListItem) {
		if it.Key != nil {
			ids[it.Key.ID] = true
		}
	})

	walkGuideInlines(g, func(n guide.Inline) {
		l, ok := n.(*guide.Link)
		if !ok || !strings.HasPrefix(l.URL, "#") {
			return
		}
		frag := l.URL[1:]
		if ids[frag] {
			return
		}
		if u, err := url.PathUnescape(frag); err == nil {
			frag = u
		}
		for _, key := range []string{frag, strings.ToLower(frag), slug(frag)} {
			if id, ok := aliases[key]; ok {
				l.URL = "#" + id
				return
			}
		}
		file.Set().Warnf(l.Pos, "link target %q matches no section of the note", l.URL)
	})
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

// walkItemsOfGuide calls fn for every list item of g, in reading order:
// the introduction's, the sections' and the footnotes'.
func walkItemsOfGuide(g *guide.Guide, fn func(*guide.ListItem)) {
	guide.Inspect(g, func(n guide.Node) bool {
		switch n := n.(type) {
		case *guide.ListItem:
			fn(n)
		case *guide.Paragraph, *guide.Table, guide.Inline:
			// Running text holds no list items.
			return false
		}
		return true
	})
}
