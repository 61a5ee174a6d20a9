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
	g.EachID(func(id string) { used[id] = true })
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
