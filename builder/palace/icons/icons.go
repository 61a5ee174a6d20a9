// Package icons holds the pictograms of the mind-palace pages: a curated
// subset of the Lucide icon set (ISC licence, see LICENSE beside this
// file), each with keyword tags, and a way to choose the icon whose tags
// best match a station's name and cue.
//
// The set is data: icons.json, written by the generator in internal/gen
// from the lucide-static npm package and the curated list there. Every
// icon is drawn in a 24-unit grid with round 2-unit strokes and no fill,
// as SVG path data that may use arcs and smooth curves.
package icons

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Grid is the size of the square every icon is drawn in, in icon units.
const Grid = 24

// StrokeWidth is the width of every icon's strokes, in icon units.
const StrokeWidth = 2

// DefaultName names the neutral icon used when no icon matches a station.
const DefaultName = "map-pin"

// neutralNames are the icons, after the default, that stand for a station
// nothing matches when the default is already on the page: things found
// in any house.
var neutralNames = []string{DefaultName, "door-open", "armchair", "lamp", "sofa", "star"}

// icons.json is the set as the generator in internal/gen writes it;
// go generate indexes it into index.go.
//
//go:generate go test -run ^TestGeneratedIndex$ -update .

//go:embed LICENSE
var licence string

// Icon is one pictogram.
type Icon struct {
	Name string
	// Tags are keywords, lower case; some are phrases ("space station").
	Tags []string
	// Paths are SVG path data, each drawn as one stroked outline.
	Paths []string
}

// descriptors are parts of icon names that say how an icon is drawn,
// not what it shows ("train-front", "door-open"); they are not matched.
var descriptors = map[string]bool{
	"front": true, "open": true, "closed": true, "round": true, "conical": true, "deciduous": true,
	"horizontal": true, "standing": true, "flexed": true, "check": true, "triangle": true, "right": true,
	"list": true, "line": true, "dish": true, "medical": true, "helping": true,
}

// set is the icon set with its word index.
type set struct {
	source string
	icons  []Icon
	// names holds each icon's name with its index, sorted by name.
	names []nameAt
	// words holds, for each icon, the stemmed words of its name and
	// tags, sorted; df counts the icons that have each word, sorted by
	// word.
	words [][]string
	df    []wordCount
}

// nameAt is an icon's name and its index in the set.
type nameAt struct {
	name string
	i    int
}

// wordCount is a word of the index and the number of icons that have it.
type wordCount struct {
	word string
	n    int
}

// load returns the set. It is made at go generate time from icons.json
// (see index.go, which a test holds to the file), so that no build parses
// the JSON or stems the tags again.
func load() *set { return &generated }

// parse reads icons.json and indexes its words: what go generate writes
// into index.go.
func parse(data []byte) (*set, error) {
	var raw struct {
		Source string `json:"source"`
		Icons  []struct {
			Name  string   `json:"name"`
			Tags  []string `json:"tags"`
			Paths []string `json:"paths"`
		} `json:"icons"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("icons: icons.json: %w", err)
	}
	s := &set{source: raw.Source}
	df := map[string]int{}
	for i, r := range raw.Icons {
		s.icons = append(s.icons, Icon{Name: r.Name, Tags: r.Tags, Paths: r.Paths})
		s.names = append(s.names, nameAt{r.Name, i})
		ws := map[string]bool{}
		for _, w := range Words(r.Name) {
			if !descriptors[w] {
				ws[w] = true
			}
		}
		for _, t := range r.Tags {
			for _, w := range Words(t) {
				ws[w] = true
			}
		}
		words := slices.Sorted(maps.Keys(ws))
		s.words = append(s.words, words)
		for _, w := range words {
			df[w]++
		}
	}
	slices.SortFunc(s.names, func(a, b nameAt) int { return strings.Compare(a.name, b.name) })
	for _, w := range slices.Sorted(maps.Keys(df)) {
		s.df = append(s.df, wordCount{w, df[w]})
	}
	return s, nil
}

// count returns the number of icons that have a word.
func (s *set) count(word string) int {
	i, ok := slices.BinarySearchFunc(s.df, word, func(c wordCount, w string) int { return strings.Compare(c.word, w) })
	if !ok {
		return 0
	}
	return s.df[i].n
}

// All returns every icon in the set's order of preference.
func All() []Icon {
	return append([]Icon(nil), load().icons...)
}

// Lookup returns the icon of a name.
func Lookup(name string) (Icon, bool) {
	s := load()
	i, ok := slices.BinarySearchFunc(s.names, name, func(a nameAt, n string) int { return strings.Compare(a.name, n) })
	if !ok {
		return Icon{}, false
	}
	return s.icons[s.names[i].i], true
}

// Default returns the neutral icon, a map pin.
func Default() Icon {
	ic, _ := Lookup(DefaultName)
	return ic
}

// Neutral returns the neutral icons in order, the default first, for a
// page that needs several.
func Neutral() []Icon {
	out := make([]Icon, 0, len(neutralNames))
	for _, n := range neutralNames {
		if ic, ok := Lookup(n); ok {
			out = append(out, ic)
		}
	}
	return out
}

// Source names the icon set and version the data was made from.
func Source() string { return load().source }

// Licence returns the text of the icon set's licence.
func Licence() string { return licence }
