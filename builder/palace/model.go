package palace

import (
	"slices"
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
	// CueInlines is Cue with the formulas it holds, for the walk-through
	// to show them; nil when it holds none.
	CueInlines []guide.Inline
	Pos        guide.Pos
	// Target is the id of the section or key point the station stands
	// for, and TargetTitle its title; both empty when nothing matched.
	Target, TargetTitle string
	// target is the matched candidate, for the walk-through's facts.
	target *candidate
	// excerpt is set when the build chose where the cue starts and ends
	// in running text (a walk in prose, the paragraph under a locus
	// heading): the drawing may cut it further with no warning, since
	// the notes wrote nothing too long.
	excerpt bool
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
// mind-palace section. Stations are written in one of three styles: the
// items of its lists ("**Locus**: cue", "Locus — cue"; see stationOf) or
// the rows of its tables,
// one subsection per locus with the cue below its heading, or a walk in
// prose with the places in bold (see proseStations). The style that
// gives the most stations wins; of two that give as many, lists come
// before headings and headings before prose. The theme is the bold
// phrase of the lead sentence, the first sentence of the section's text,
// when it has one. rules say how a walk in prose is read (see
// proseStations).
func fromSection(s *guide.Section, rules proseRules) *model {
	p := &model{Section: s}
	prose, theme, lead := proseStations(s, rules)
	p.Stations = listStations(s)
	if h := headingStations(s); len(h) > len(p.Stations) {
		p.Stations = h
	}
	if len(prose) > len(p.Stations) {
		p.Stations, p.Theme, p.Lead = prose, theme, lead
		return p
	}
	// The lead is the first sentence before the first list of stations.
	for _, b := range blocksOf(s) {
		if len(listStations(&guide.Section{Blocks: []guide.Block{b}})) > 0 {
			break
		}
		if para, ok := b.(*guide.Paragraph); ok {
			f := flatten(para.Inlines)
			if sents := sentencesOf(f); len(sents) > 0 {
				first := sents[0]
				p.Lead = leadSentence(f.text[first.start:first.end])
				if len(first.strong) > 0 {
					r := first.strong[0]
					p.Theme = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(f.text[r[0]:r[1]]), ":"))
				}
			}
			break
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

// richCue returns cue, read as trimCue reads it from the plain text of
// inlines, as inlines with the formulas it holds; nil when it holds none.
func richCue(inlines []guide.Inline, cue string) []guide.Inline {
	found := false
	for _, in := range inlines {
		guide.Inspect(in, func(n guide.Node) bool {
			_, ok := n.(*guide.Formula)
			found = found || ok
			return !found
		})
	}
	if !found {
		return nil
	}
	out := slices.Clone(inlines)
	if t, ok := out[0].(*guide.Text); ok {
		lead := strings.TrimLeft(strings.TrimLeft(strings.TrimLeft(t.Text, " \t\n"), ":–—-"), " \t\n")
		out[0] = &guide.Text{Pos: t.Pos, Text: lead}
		if out[0].(*guide.Text).Text == "" {
			out = out[1:]
		}
	}
	if n := len(out); n > 0 {
		if t, ok := out[n-1].(*guide.Text); ok {
			out[n-1] = &guide.Text{Pos: t.Pos, Text: strings.TrimRight(t.Text, " \t\n")}
		}
	}
	collapse := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if len(out) == 0 || collapse(guide.PlainText(out)) != collapse(cue) {
		return nil
	}
	return out
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
			case *guide.List, *guide.ListItem, *guide.Quote, *guide.Div:
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
