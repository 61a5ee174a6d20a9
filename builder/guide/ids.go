package guide

// EachID calls fn with every id in the guide that a link can point at, in
// reading order: the introduction's, then each section's own id before
// the ids in its blocks, then each footnote's id before the ids in its
// text. The ids are those of sections, key points, tables, figures,
// key-term anchors (Strong.ID) and footnotes; empty ids are skipped, and
// an id the guide repeats is passed each time it stands.
func (g *Guide) EachID(fn func(id string)) {
	Inspect(g, func(n Node) bool {
		var id string
		switch n := n.(type) {
		case *Section:
			id = n.ID
		case *Footnote:
			id = n.ID
		case *ListItem:
			if n.Key != nil {
				id = n.Key.ID
			}
		case *Table:
			id = n.ID
		case *Figure:
			id = n.ID
		case *Strong:
			id = n.ID
		}
		if id != "" {
			fn(id)
		}
		return true
	})
}
