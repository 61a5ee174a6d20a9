package pdf

import (
	"fmt"
	"slices"
	"strings"

	"studyguide/fonts"
	"studyguide/layouts"
)

// faceRef indexes the faces of a faceSet: fonts.Faces, then the maths
// face.
type faceRef int32

// family is the part of the guide a typeface is chosen for: bodyFam for
// running text, tables and notes, headFam for titles, headings and the
// running head, codeFam for code. The layout names the embedded family
// (serif, sans or mono) each part is set in.
type family int

const (
	bodyFam family = iota
	headFam
	codeFam
	numFamilies
)

// familyNames returns the embedded family each part is set in.
func familyNames(f layouts.Fonts) [numFamilies]string {
	return [numFamilies]string{bodyFam: f.Body, headFam: f.Headings, codeFam: f.Code}
}

// chain is the face a style is set in and the face that stands in for
// characters the first one lacks.
type chain struct {
	primary, fallback faceRef
}

// faceSet knows the embedded faces, which chain each style uses, and
// which faces the pages print with and the characters they print, which
// their embedded subsets keep.
type faceSet struct {
	faces    []fonts.Face
	selected []bool                   // by face: whether a page's text is set in it
	used     []runeSet                // by face: the characters printed in it
	chains   [numFamilies][2][2]chain // by family, bold, italic
	// mathBase is the maths face (see mathFace), which follows
	// fonts.Faces. Its text is glyph ids, not characters: a formula names
	// the glyphs it is set in, many of which no character has.
	mathBase faceRef
}

// newFaceSet works out the chain of every style, each part of the guide in
// the family names gives it. It reads no font file: the maths face is
// read when a formula is first laid out.
func newFaceSet(names [numFamilies]string) (*faceSet, error) {
	fs := &faceSet{mathBase: faceRef(len(fonts.Faces))}
	fs.faces = append(slices.Clone(fonts.Faces), fonts.Face{Family: "math", File: fonts.MathFile})
	fs.selected = make([]bool, len(fs.faces))
	fs.used = make([]runeSet, len(fs.faces))
	for fam := range numFamilies {
		for bold := range 2 {
			for italic := range 2 {
				c, err := fs.chainFor(names[fam], bold == 1, italic == 1)
				if err != nil {
					return nil, err
				}
				fs.chains[fam][bold][italic] = c
			}
		}
	}
	return fs, nil
}

// chainFor finds the closest face of a family to the asked style (dropping
// italic first, then bold) and the symbols face of the same weight.
func (fs *faceSet) chainFor(name string, bold, italic bool) (chain, error) {
	var tries []string
	switch {
	case bold && italic:
		tries = []string{"BI", "B", "I", ""}
	case bold:
		tries = []string{"B", ""}
	case italic:
		tries = []string{"I", ""}
	default:
		tries = []string{""}
	}
	primary, ok := -1, false
	for _, style := range tries {
		if primary, ok = fs.find(name, style); ok {
			break
		}
	}
	if !ok {
		return chain{}, fmt.Errorf("no %s face among the embedded fonts", name)
	}
	weight := ""
	if bold {
		weight = "B"
	}
	fallback, ok := fs.find("symbols", weight)
	if !ok {
		if fallback, ok = fs.find("symbols", ""); !ok {
			return chain{}, fmt.Errorf("no symbols face among the embedded fonts")
		}
	}
	return chain{faceRef(primary), faceRef(fallback)}, nil
}

// find returns the index of the face with exactly this family and style.
func (fs *faceSet) find(name, style string) (int, bool) {
	for i, f := range fs.faces {
		if f.Family == name && strings.EqualFold(f.Style, style) {
			return i, true
		}
	}
	return -1, false
}

// chain returns the chain of a family in a style.
func (fs *faceSet) chain(fam family, bold, italic bool) chain {
	return fs.chains[fam][b2i(bold)][b2i(italic)]
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isMath reports whether f is the maths face.
func (fs *faceSet) isMath(f faceRef) bool { return f == fs.mathBase }

// mathFace returns the maths face, parsed the first time the process
// needs it, so that a guide without formulas never reads it; nil when it
// cannot be read, and then formulas are printed as their source. It is
// safe for concurrent use.
func (fs *faceSet) mathFace() *fonts.MathFont {
	m, err := fonts.Math()
	if err != nil {
		return nil
	}
	return m
}
