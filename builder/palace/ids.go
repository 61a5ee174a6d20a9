package palace

import (
	"strconv"

	"studyguide/builder/guide"
)

// ids knows every id used in a guide and hands out new ones that are not.
type ids map[string]bool

// usedIDs collects the ids of sections, key points, tables, figures,
// key-term anchors and footnotes.
func usedIDs(g *guide.Guide) ids {
	used := ids{}
	var inlines func([]guide.Inline)
	inlines = func(ins []guide.Inline) {
		for _, in := range ins {
			switch n := in.(type) {
			case *guide.Strong:
				used[n.ID] = true
				inlines(n.Children)
			case *guide.Emph:
				inlines(n.Children)
			case *guide.Strike:
				inlines(n.Children)
			case *guide.Link:
				inlines(n.Children)
			case *guide.Ref:
				inlines(n.Children)
			}
		}
	}
	var blocks func([]guide.Block)
	blocks = func(bs []guide.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *guide.Paragraph:
				inlines(b.Inlines)
			case *guide.List:
				for _, it := range b.Items {
					if it.Key != nil {
						used[it.Key.ID] = true
					}
					blocks(it.Blocks)
				}
			case *guide.Quote:
				blocks(b.Blocks)
			case *guide.Table:
				used[b.ID] = true
				for _, row := range append([][]guide.Cell{b.Header}, b.Rows...) {
					for _, c := range row {
						inlines(c.Inlines)
					}
				}
			case *guide.Figure:
				used[b.ID] = true
			case *guide.DefinitionList:
				for _, it := range b.Items {
					inlines(it.Term)
					for _, d := range it.Definitions {
						blocks(d)
					}
				}
			}
		}
	}
	blocks(g.Intro)
	g.WalkSections(func(s *guide.Section) bool {
		used[s.ID] = true
		blocks(s.Blocks)
		return true
	})
	for _, f := range g.Footnotes {
		used[f.ID] = true
		blocks(f.Blocks)
	}
	delete(used, "")
	return used
}

// fresh returns base, or base-2, base-3… if base is taken, and marks the
// result as used.
func (u ids) fresh(base string) string {
	id := base
	for n := 2; u[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	u[id] = true
	return id
}
