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
	"sync"
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

//go:embed icons.json
var data []byte

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

// set is the parsed icon set with its word index.
type set struct {
	source string
	icons  []Icon
	byName map[string]int
	// words holds, for each icon, the stemmed words of its name and
	// tags; df counts the icons that have each word.
	words []map[string]bool
	df    map[string]int
}

// load parses the embedded set once; the result is never changed.
var load = sync.OnceValue(func() *set {
	var raw struct {
		Source string `json:"source"`
		Icons  []struct {
			Name  string   `json:"name"`
			Tags  []string `json:"tags"`
			Paths []string `json:"paths"`
		} `json:"icons"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		// The file is embedded and checked by the tests.
		panic(fmt.Sprintf("icons: icons.json: %v", err))
	}
	s := &set{source: raw.Source, byName: map[string]int{}, df: map[string]int{}}
	for i, r := range raw.Icons {
		s.icons = append(s.icons, Icon{Name: r.Name, Tags: r.Tags, Paths: r.Paths})
		s.byName[r.Name] = i
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
		s.words = append(s.words, ws)
		for w := range ws {
			s.df[w]++
		}
	}
	return s
})

// All returns every icon in the set's order of preference.
func All() []Icon {
	return append([]Icon(nil), load().icons...)
}

// Lookup returns the icon of a name.
func Lookup(name string) (Icon, bool) {
	s := load()
	i, ok := s.byName[name]
	if !ok {
		return Icon{}, false
	}
	return s.icons[i], true
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
