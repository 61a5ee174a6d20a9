package palace

import (
	"strings"

	"studyguide/builder/guide"
)

// model is the memory palace of one guide: a theme and the stations a
// student walks through in order.
type model struct {
	// Theme is the bold phrase of the mind-palace section's lead sentence
	// ("rescue force"), else the guide's title.
	Theme string
	// Lead is that lead sentence as plain text without its final colon
	// ("Imagine NATO as a rescue force"); empty when there is none.
	Lead     string
	Stations []*station
	// Section is the notes' own mind-palace section, nil when the palace
	// was built from key points or sections.
	Section *guide.Section
}

// station is one locus of the palace.
type station struct {
	// Name is the locus ("Balkans Operations"); Cue is the image that
	// stands for it ("Peacekeepers securing the streets…").
	Name, Cue string
	Pos       guide.Pos
	// Target is the id of the section or key point the station stands
	// for, and TargetTitle its title; both empty when nothing matched.
	Target, TargetTitle string
	// target is the matched candidate, for the walk-through's facts.
	target *candidate
}

// findSection returns the first section whose heading names a memory
// technique (see guide.IsPalaceTitle), with the list of sections that
// holds it (g.Sections for a top-level section, else its parent's
// Sections).
func findSection(g *guide.Guide) (found *guide.Section, siblings *[]*guide.Section) {
	var visit func(list *[]*guide.Section) bool
	visit = func(list *[]*guide.Section) bool {
		for _, s := range *list {
			if s.Kind == guide.FromNotes && guide.IsPalaceTitle(s.Title) {
				found, siblings = s, list
				return true
			}
			if visit(&s.Sections) {
				return true
			}
		}
		return false
	}
	visit(&g.Sections)
	return found, siblings
}

// fromSection reads the theme, lead sentence and stations of the notes'
// mind-palace section. Stations are the items of its lists that read
// "**Locus**: cue" (or "Locus: cue"), in order.
func fromSection(s *guide.Section) *model {
	p := &model{Section: s}
	for _, b := range s.Blocks {
		switch b := b.(type) {
		case *guide.Paragraph:
			if p.Lead == "" && len(p.Stations) == 0 {
				p.Lead = leadSentence(guide.PlainText(b.Inlines))
				if st := firstStrong(b.Inlines, ""); st != "" {
					p.Theme = st
				}
			}
		case *guide.List:
			for _, it := range b.Items {
				if st := stationOf(it); st != nil {
					p.Stations = append(p.Stations, st)
				}
			}
		}
	}
	return p
}

// leadSentence returns the first sentence of a paragraph, without a final
// colon and with its final full stop.
func leadSentence(text string) string {
	text = strings.TrimSpace(text)
	if i := sentenceEnd(text); i > 0 {
		text = text[:i]
	}
	text = strings.TrimSpace(strings.TrimRight(text, ":;, "))
	return text
}

// stationOf reads one list item as a station, or returns nil when the item
// names no locus.
func stationOf(it *guide.ListItem) *station {
	if len(it.Blocks) == 0 {
		return nil
	}
	para, ok := it.Blocks[0].(*guide.Paragraph)
	if !ok {
		return nil
	}
	if it.Key != nil {
		// The key point's title is the strong text that opens the item;
		// the cue is what follows it.
		rest := para.Inlines
		for i, in := range para.Inlines {
			if _, ok := in.(*guide.Strong); ok {
				rest = para.Inlines[i+1:]
				break
			}
		}
		return &station{Name: it.Key.Title, Cue: trimCue(guide.PlainText(rest)), Pos: it.Pos}
	}
	name, cue, ok := strings.Cut(guide.PlainText(para.Inlines), ":")
	name = strings.TrimSpace(name)
	if !ok || name == "" || len(strings.Fields(name)) > 6 {
		return nil
	}
	return &station{Name: name, Cue: trimCue(cue), Pos: it.Pos}
}

// trimCue removes the colon or dash that joins a locus to its cue.
func trimCue(s string) string {
	return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), ":–—-"))
}

// firstStrong returns the plain text of the first strong inline that is
// not skip, searching emphasis and links too.
func firstStrong(inlines []guide.Inline, skip string) string {
	found := ""
	for _, in := range inlines {
		guide.Inspect(in, func(n guide.Node) bool {
			if found != "" {
				return false
			}
			if st, ok := n.(*guide.Strong); ok {
				t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(guide.PlainText(st.Children)), ":"))
				if t != "" && t != skip {
					found = t
				}
				return false
			}
			return true
		})
		if found != "" {
			return found
		}
	}
	return ""
}

// firstStrongIn returns the first strong text in blocks, other than skip.
func firstStrongIn(blocks []guide.Block, skip string) string {
	found := ""
	for _, b := range blocks {
		guide.Inspect(b, func(n guide.Node) bool {
			if found != "" {
				return false
			}
			switch n := n.(type) {
			case *guide.Paragraph:
				found = firstStrong(n.Inlines, skip)
			case *guide.List, *guide.ListItem, *guide.Quote:
				return true
			}
			// Tables and definition lists are not searched.
			return false
		})
		if found != "" {
			return found
		}
	}
	return ""
}
