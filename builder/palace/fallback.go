package palace

import (
	"strings"

	"studyguide/builder/guide"
)

// fromKeyPoints builds a palace for notes that have no mind-palace
// section: one station per key point of the largest list of key points
// (the first of the largest when several tie), else one per top-level
// section. Each station's cue is its first key term, or the start of the
// key point's gist when it has none. The theme is the
// guide's title. A palace of one room is no walk: with fewer than two
// stations it returns nil. It takes at most MaxStations stations.
func fromKeyPoints(g *guide.Guide) *model {
	p := &model{Theme: g.Meta.Title}
	facts := studyFacts(g)
	if list, s := largestKeyList(g); list != nil {
		for i, it := range list.Items {
			if it.Key == nil {
				continue
			}
			if len(p.Stations) == MaxStations {
				n := len(p.Stations)
				for _, rest := range list.Items[i:] {
					if rest.Key != nil {
						n++
					}
				}
				warnTooMany(g, it.Pos, n)
				break
			}
			st := &station{Name: it.Key.Title, Pos: it.Pos, Target: it.Key.ID, TargetTitle: it.Key.Title,
				target: &candidate{ID: it.Key.ID, Title: it.Key.Title, KeyPoint: true, Pos: it.Pos, Section: s, Item: it}}
			f := facts[it.Key.ID]
			if f != nil && len(f.Terms) > 0 {
				st.Cue = f.Terms[0]
			} else {
				st.Cue = firstStrongIn(it.Blocks, it.Key.Title)
			}
			if st.Cue == "" && f != nil {
				// A key point with no bold term: the start of what it
				// says is the picture to remember.
				st.Cue = cutWords(f.Gist, gistCueWords)
			}
			p.Stations = append(p.Stations, st)
		}
		return p
	}
	for i, s := range g.Sections {
		if s.Kind != guide.FromNotes {
			continue
		}
		if len(p.Stations) == MaxStations {
			n := len(p.Stations)
			for _, rest := range g.Sections[i:] {
				if rest.Kind == guide.FromNotes {
					n++
				}
			}
			warnTooMany(g, s.Pos, n)
			break
		}
		st := &station{Name: s.Title, Pos: s.Pos, Target: s.ID, TargetTitle: s.Title,
			target: &candidate{ID: s.ID, Title: s.Title, Pos: s.Pos, Section: s}}
		st.Cue = sectionTerm(g, s)
		p.Stations = append(p.Stations, st)
	}
	if len(p.Stations) < 2 {
		return nil
	}
	return p
}

// gistCueWords is how many words of a key point's gist stand for a cue.
const gistCueWords = 10

// cutWords returns the first n words of s, with an ellipsis when it cut.
func cutWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.TrimRight(strings.Join(words[:n], " "), ",;:") + "…"
}

// largestKeyList returns the list with the most key points, and the
// section that holds it, or nil when no list has two key points or more.
func largestKeyList(g *guide.Guide) (*guide.List, *guide.Section) {
	var best *guide.List
	var bestSection *guide.Section
	bestN := 1
	// A list is weighed after the lists inside its items, so that of two
	// lists with as many key points the inner one wins; open holds the
	// nodes whose children are being walked.
	var open []guide.Node
	g.WalkSections(func(s *guide.Section) bool {
		if s.Kind != guide.FromNotes {
			return true
		}
		for _, b := range s.Blocks {
			guide.Inspect(b, func(n guide.Node) bool {
				switch n.(type) {
				case nil:
					l, ok := open[len(open)-1].(*guide.List)
					open = open[:len(open)-1]
					if !ok {
						return true
					}
					keys := 0
					for _, it := range l.Items {
						if it.Key != nil {
							keys++
						}
					}
					if keys > bestN {
						best, bestSection, bestN = l, s, keys
					}
				case *guide.List, *guide.ListItem, *guide.Quote:
					open = append(open, n)
				default:
					return false
				}
				return true
			})
		}
		return true
	})
	return best, bestSection
}

// sectionTerm returns the first key term of a section and its
// subsections: from the study facts when enrichment has run, else the
// first strong text that is not a key point's title.
func sectionTerm(g *guide.Guide, s *guide.Section) string {
	if g.Study != nil {
		ids := map[string]bool{}
		s.Walk(func(c *guide.Section) bool { ids[c.ID] = true; return true })
		for _, t := range g.Study.Terms {
			if ids[t.SectionID] {
				return t.Name
			}
		}
	}
	term := ""
	s.Walk(func(c *guide.Section) bool {
		term = firstTermIn(c.Blocks)
		return term == ""
	})
	return term
}

// firstTermIn returns the first strong text in blocks that is not the
// title of a key point.
func firstTermIn(blocks []guide.Block) string {
	found := ""
	for _, b := range blocks {
		guide.Inspect(b, func(n guide.Node) bool {
			if found != "" {
				return false
			}
			switch n := n.(type) {
			case *guide.Paragraph:
				found = firstStrong(n.Inlines, "")
			case *guide.ListItem:
				// Below a key point, its own title is not a term.
				skip := ""
				if n.Key != nil {
					skip = n.Key.Title
				}
				found = firstStrongIn(n.Blocks, skip)
			case *guide.List, *guide.Quote:
				return true
			}
			return false
		})
		if found != "" {
			return found
		}
	}
	return ""
}

// studyFacts indexes the key points' facts by id; empty when enrichment
// has not run.
func studyFacts(g *guide.Guide) map[string]*guide.KeyPointFacts {
	m := map[string]*guide.KeyPointFacts{}
	if g.Study != nil {
		for _, f := range g.Study.KeyPoints {
			m[f.ID] = f
		}
	}
	return m
}
