package icons

import (
	"math"
	"slices"
	"sort"
)

// Match is an icon with how well it matches a station.
type Match struct {
	Icon  Icon
	Score float64
}

// nameWeight is how many times more a word of a station's name counts
// than a word of its cue: the name says what the station is about, the
// cue only what it looks like.
const nameWeight = 3

// Rank returns the icons whose name or tags share a word with a station's
// name or cue, best first. Each shared word counts by how rare it is in
// the set (a word few icons have says more), nameWeight times over when
// it comes from the name. Icons that score the same keep the set's order
// of preference. Rank returns nothing when no word matches; the caller
// then uses Default.
func Rank(name, cue string) []Match {
	s := load()
	weight := map[string]float64{}
	var order []string
	add := func(words []string, w float64) {
		for _, word := range words {
			if _, seen := weight[word]; !seen {
				order = append(order, word)
			}
			weight[word] = math.Max(weight[word], w)
		}
	}
	add(Words(name), nameWeight)
	add(Words(cue), 1)

	type scored struct {
		i     int
		score float64
	}
	var hits []scored
	n := float64(len(s.icons))
	for i, ws := range s.words {
		score := 0.0
		for _, word := range order {
			if _, ok := slices.BinarySearch(ws, word); ok {
				score += weight[word] * math.Log(1+n/float64(s.count(word)))
			}
		}
		if score > 0 {
			hits = append(hits, scored{i, score})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].score > hits[b].score })
	out := make([]Match, len(hits))
	for k, h := range hits {
		out[k] = Match{Icon: s.icons[h.i], Score: h.score}
	}
	return out
}
