// Package fonts embeds the typefaces that both guides are set in, each with
// its licence beside it: Noto Serif for body text, Noto Sans for headings,
// Noto Sans Mono for code (all under the SIL Open Font License), DejaVu
// Sans for symbols the Noto faces lack (Bitstream Vera licence) and Noto
// Sans Math for formulas (SIL Open Font License).
//
// Noto Sans Math is version 3.000, the first with an OpenType MATH table
// (Debian's fonts-noto-core still ships 2.001, which has none): its tables
// are those of the WOFF file of the npm package @fontsource/noto-sans-math,
// unwrapped into a TrueType file as they are.
package fonts

import (
	"fmt"
)

//go:generate go run ./gen

// Face names one embedded font file by family and style.
type Face struct {
	Family string // "serif", "sans", "mono" or "symbols"
	Style  string // "", "B", "I" or "BI", for bold, italic or both
	File   string // path inside the embedded file system
	// CSSFamily is the family name used in the e-book stylesheet.
	CSSFamily string
}

// Faces lists every embedded face. The order is fixed so that outputs that
// register fonts one by one stay byte-identical across builds.
var Faces = []Face{
	{"serif", "", "noto/NotoSerif-Regular.ttf", "Noto Serif"},
	{"serif", "B", "noto/NotoSerif-Bold.ttf", "Noto Serif"},
	{"serif", "I", "noto/NotoSerif-Italic.ttf", "Noto Serif"},
	{"serif", "BI", "noto/NotoSerif-BoldItalic.ttf", "Noto Serif"},
	{"sans", "", "noto/NotoSans-Regular.ttf", "Noto Sans"},
	{"sans", "B", "noto/NotoSans-Bold.ttf", "Noto Sans"},
	{"sans", "I", "noto/NotoSans-Italic.ttf", "Noto Sans"},
	{"mono", "", "noto/NotoSansMono-Regular.ttf", "Noto Sans Mono"},
	{"mono", "B", "noto/NotoSansMono-Bold.ttf", "Noto Sans Mono"},
	{"symbols", "", "dejavu/DejaVuSans.ttf", "DejaVu Sans"},
	{"symbols", "B", "dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans"},
}

// Licences lists the licence files that must travel with the fonts.
var Licences = []string{"noto/OFL.txt", "dejavu/LICENSE.txt", MathLicence}

// Read returns the bytes of an embedded file named by its path, such as
// Face.File or an entry of Licences. The bytes are the embedded ones, not
// a copy: the caller must not change them.
func Read(path string) ([]byte, error) {
	b, ok := files[path]
	if !ok {
		return nil, fmt.Errorf("fonts: open %s: file does not exist", path)
	}
	return b, nil
}

// Lookup returns the face of a family and style. When the family has no
// face of that style it falls back to the family's regular face.
func Lookup(family, style string) (Face, bool) {
	var regular Face
	found := false
	for _, f := range Faces {
		if f.Family != family {
			continue
		}
		if f.Style == style {
			return f, true
		}
		if f.Style == "" {
			regular, found = f, true
		}
	}
	return regular, found
}
