package palace

import (
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
)

// fromKeyPoints builds a palace for notes that have no mind-palace
// section, from the whole note: every top-level section that has key
// points gives stations, in reading order. When all the key points fit
// on one page of perPage rooms, or only one section has any, each key
// point is a station; else each of those sections is one. A key point's
// cue is its first key term, or the start of its gist when it has none; a
// section's cue is its first key term. When no section has key points,
// each top-level section is a station. The theme is the guide's title. A
// palace of one room is no walk: with fewer than two stations it returns
// nil. It takes at most MaxStations stations.
func fromKeyPoints(g *guide.Guide, skip *guide.Section, perPage int) *model {
	p := &model{Theme: g.Meta.Title}
	groups := keyPointGroups(g, skip)
	total := 0
	for _, gr := range groups {
		total += len(gr.points)
	}
	var stations []*station
	switch {
	case total >= 2 && (total <= perPage || len(groups) == 1):
		facts := studyFacts(g)
		for _, gr := range groups {
			for _, kp := range gr.points {
				stations = append(stations, keyPointStation(kp.item, kp.section, facts))
			}
		}
	case len(groups) >= 2:
		for _, gr := range groups {
			stations = append(stations, sectionStation(gr.section))
		}
	default:
		for _, s := range g.Sections {
			if s.Kind == guide.FromNotes && s != skip {
				stations = append(stations, sectionStation(s))
			}
		}
	}
	if len(stations) < 2 {
		return nil
	}
	if len(stations) > MaxStations {
		warnTooMany(g, stations[MaxStations].Pos, len(stations))
		stations = stations[:MaxStations]
	}
	// A section's cue is looked for among all the guide's terms: only
	// for the stations kept, not for the thousands a long guide offers.
	for _, st := range stations {
		if !st.target.KeyPoint {
			st.Cue = sectionTerm(g, st.target.Section)
		}
	}
	p.Stations = stations
	return p
}

// keyPointStation is the station of one key point: its title, and as its
// cue its first key term, else its first bold text, else the start of its
// gist.
func keyPointStation(it *guide.ListItem, s *guide.Section, facts map[string]*guide.KeyPointFacts) *station {
	st := &station{Name: it.Key.Title, Pos: it.Pos, Target: it.Key.ID, TargetTitle: it.Key.Title,
		target: &candidate{ID: it.Key.ID, Title: it.Key.Title, KeyPoint: true, Pos: it.Pos, Section: s, Item: it}}
	f := facts[it.Key.ID]
	if f != nil && len(f.Terms) > 0 {
		st.Cue = f.Terms[0]
	} else {
		st.Cue = firstStrongIn(it.Blocks, it.Key.Title)
	}
	if st.Cue == "" && f != nil {
		// A key point with no bold term: the start of what it says is
		// the picture to remember.
		st.Cue = cutWords(f.Gist, gistCueWords)
	}
	return st
}

// sectionStation is the station of one section: its title. Its cue, the
// section's first key term (sectionTerm), is given once the stations
// kept are known.
func sectionStation(s *guide.Section) *station {
	return &station{Name: s.Title, Pos: s.Pos, Target: s.ID, TargetTitle: s.Title,
		target: &candidate{ID: s.ID, Title: s.Title, Pos: s.Pos, Section: s}}
}

// keyPointGroup is a section with the key points written in it and in
// its subsections.
type keyPointGroup struct {
	section *guide.Section
	points  []keyPointAt
}

// keyPointAt is a key point's list item and the innermost section that
// holds it.
type keyPointAt struct {
	item    *guide.ListItem
	section *guide.Section
}

// keyPointGroups returns, in reading order, the top-level sections that
// hold key points, each with its key points; a key point inside another
// counts as part of it. When only one top-level section holds key points
// and two or more of its subsections do, those subsections are the
// groups instead, and so on down. Sections the build added, and skip,
// are left out.
func keyPointGroups(g *guide.Guide, skip *guide.Section) []keyPointGroup {
	level := g.Sections
	for {
		// The sections' key points are found side by side.
		found := make([][]keyPointAt, len(level))
		workers.Each(len(level), func(i int) { found[i] = keyPointsIn(level[i], skip) })
		var groups []keyPointGroup
		for i, s := range level {
			if pts := found[i]; len(pts) > 0 {
				groups = append(groups, keyPointGroup{s, pts})
			}
		}
		if len(groups) != 1 {
			return groups
		}
		var below int
		for _, c := range groups[0].section.Sections {
			if len(keyPointsIn(c, skip)) > 0 {
				below++
			}
		}
		if below < 2 {
			return groups
		}
		level = groups[0].section.Sections
	}
}

// keyPointsIn returns the outermost key points of a section and its
// subsections, in reading order.
func keyPointsIn(s *guide.Section, skip *guide.Section) []keyPointAt {
	if s == skip || s.Kind != guide.FromNotes {
		return nil
	}
	var out []keyPointAt
	for _, b := range s.Blocks {
		guide.Inspect(b, func(n guide.Node) bool {
			switch n := n.(type) {
			case *guide.ListItem:
				if n.Key != nil && n.Key.ID != "" {
					out = append(out, keyPointAt{n, s})
					return false
				}
			case *guide.List, *guide.Quote, *guide.Div:
			default:
				return false
			}
			return true
		})
	}
	for _, c := range s.Sections {
		out = append(out, keyPointsIn(c, skip)...)
	}
	return out
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
			case *guide.List, *guide.Quote, *guide.Div:
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
