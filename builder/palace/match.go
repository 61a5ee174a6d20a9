package palace

import (
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/palace/icons"
)

// candidate is a place a station can stand for: a section or a key point
// of the notes.
type candidate struct {
	ID, Title string
	KeyPoint  bool
	Pos       guide.Pos
	// Section is the section itself, or the innermost section that holds
	// the key point; Item is the key point's list item.
	Section *guide.Section
	Item    *guide.ListItem
	words   map[string]bool
}

// candidates lists the sections and key points written in the notes, in
// reading order, leaving out the subtree of skip (the mind-palace section,
// whose items are the stations themselves) and every section the build
// added.
func candidates(g *guide.Guide, skip *guide.Section) []*candidate {
	var out []*candidate
	// Section children are its blocks, then its subsections, so the
	// section entered last is the innermost one that holds a block.
	var current *guide.Section
	for _, top := range g.Sections {
		guide.Inspect(top, func(n guide.Node) bool {
			switch n := n.(type) {
			case *guide.Section:
				if n == skip || n.Kind != guide.FromNotes {
					return false
				}
				current = n
				out = append(out, &candidate{ID: n.ID, Title: n.Title, Pos: n.Pos, Section: n})
			case *guide.ListItem:
				if n.Key != nil && n.Key.ID != "" {
					out = append(out, &candidate{ID: n.Key.ID, Title: n.Key.Title, KeyPoint: true, Pos: n.Pos, Section: current, Item: n})
				}
			case *guide.List, *guide.Quote:
			default:
				// Key points are the items of lists, also in quotes
				// and in other lists.
				return false
			}
			return true
		})
	}
	for _, c := range out {
		c.words = wordSet(c.Title)
	}
	return out
}

// wordSet returns the words of a title that can match: lower case,
// without punctuation, stop words or plural endings.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range icons.Words(s) {
		m[w] = true
	}
	return m
}

// overlap scores how many of a station's words a title has: 1 for the
// same word, else 1/2 for each title word of four letters or more inside
// it or around it, up to 1 ("Spacewalk" holds "space" and, once "walking"
// loses its ending, "walk").
func overlap(station []string, title map[string]bool) float64 {
	score := 0.0
	for _, w := range station {
		if title[w] {
			score++
			continue
		}
		part := 0.0
		for t := range title {
			if contains(w, t) {
				part += 0.5
			}
		}
		score += min(part, 1)
	}
	return score
}

// contains reports whether one of two words, or the stem of t, holds the
// other, counting only stems of four letters or more.
func contains(w, t string) bool {
	for _, v := range []string{t, strings.TrimSuffix(t, "ing"), strings.TrimSuffix(t, "ed")} {
		if len(v) >= 4 && len(w) >= 4 && (strings.Contains(w, v) || strings.Contains(v, w)) {
			return true
		}
	}
	return false
}

// match returns the candidate whose title best matches a station's name,
// or nil when no title shares a word with it. The best match covers most
// of the name's words; among equals a key point beats a section (a key
// point is the narrower place), then the title with fewer other words
// (the more specific one), then the earlier one.
func match(name string, cands []*candidate) *candidate {
	var words []string
	seen := map[string]bool{}
	for _, w := range icons.Words(name) {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil
	}
	var best *candidate
	bestCover, bestSpec := 0.0, 0.0
	for _, c := range cands {
		o := overlap(words, c.words)
		if o == 0 {
			continue
		}
		cover := o / float64(len(words))
		spec := o / float64(max(len(c.words), 1))
		better := best == nil || cover > bestCover ||
			cover == bestCover && c.KeyPoint && !best.KeyPoint ||
			cover == bestCover && c.KeyPoint == best.KeyPoint && spec > bestSpec
		if better {
			best, bestCover, bestSpec = c, cover, spec
		}
	}
	return best
}
