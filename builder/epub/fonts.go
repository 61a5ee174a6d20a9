package epub

import (
	"encoding/binary"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"studyguide/builder/figure"
	"studyguide/builder/texmath"
	"studyguide/fonts"
)

// bookFaces lists the faces a book embeds, by family and style: Noto
// Serif in four styles for the text, Noto Sans Bold for headings and, when
// the guide has code, Noto Sans Mono for it.
func bookFaces(code bool) [][2]string {
	faces := [][2]string{
		{"serif", ""}, {"serif", "B"}, {"serif", "I"}, {"serif", "BI"},
		{"sans", "B"},
	}
	if code {
		faces = append(faces, [2]string{"mono", ""})
	}
	return faces
}

// mathFace is the face the book's formulas are set in, embedded only in
// a book that has some: reading systems without a maths font of their
// own draw MathML poorly.
var mathFace = fonts.Face{Family: "math", File: fonts.MathFile, CSSFamily: "Noto Sans Math"}

// fontFile is one font embedded in the book.
type fontFile struct {
	face fonts.Face
	name string // path inside the book, such as "fonts/NotoSerif-Regular.ttf"
	data []byte
}

// chooseFonts picks the faces to embed: the book faces, those the drawings
// name, and the symbols
// face when the guide has characters the serif lacks and the symbols face
// has. It also sets the names and licence texts that the title and licence
// pages show.
func (b *book) chooseFonts() error {
	var faces []fonts.Face
	for _, fs := range bookFaces(b.hasCode) {
		f, ok := fonts.Lookup(fs[0], fs[1])
		if !ok || f.Style != fs[1] {
			return fmt.Errorf("font %s %q is not embedded", fs[0], fs[1])
		}
		faces = append(faces, f)
	}
	for _, fs := range b.sceneFaces() {
		f, ok := fonts.Lookup(fs[0], fs[1])
		if ok && !slices.ContainsFunc(faces, func(x fonts.Face) bool { return x.File == f.File }) {
			faces = append(faces, f)
		}
	}
	if b.needsSymbols() {
		if f, ok := fonts.Lookup("symbols", ""); ok {
			faces = append(faces, f)
		}
	}
	if b.hasMaths {
		faces = append(faces, mathFace)
	}
	var families []string
	var licenceFiles []string
	for _, f := range faces {
		data, err := fonts.Read(f.File)
		if err != nil {
			return err
		}
		b.fonts = append(b.fonts, fontFile{face: f, name: fontDir + path.Base(f.File), data: data})
		if !slices.Contains(families, f.CSSFamily) {
			families = append(families, f.CSSFamily)
		}
		for _, l := range fonts.Licences {
			if path.Dir(l) == path.Dir(f.File) && !slices.Contains(licenceFiles, l) {
				licenceFiles = append(licenceFiles, l)
			}
		}
	}
	b.fontNames = b.joinAnd(families)
	for _, l := range licenceFiles {
		text, err := fonts.Read(l)
		if err != nil {
			return err
		}
		b.licences = append(b.licences, string(text))
	}
	return nil
}

// sceneFaces returns the faces that the text of the figures is set in,
// by family and style, in order of first use; the drawings' SVG names
// them, so the book must hold them.
func (b *book) sceneFaces() [][2]string {
	var out [][2]string
	for _, t := range b.sceneTexts() {
		fs := [2]string{t.Family, t.Style}
		if fs[0] == "" {
			fs[0] = "sans"
		}
		if !slices.Contains(out, fs) {
			out = append(out, fs)
		}
	}
	return out
}

// sceneText returns the text of every figure's drawing, a line a line.
func (b *book) sceneText() string {
	var s strings.Builder
	for _, t := range b.sceneTexts() {
		for _, l := range t.Lines {
			s.WriteString(l)
			s.WriteByte('\n')
		}
	}
	return s.String()
}

// sceneTexts returns the text items of every figure's drawing, in order.
func (b *book) sceneTexts() []*figure.Text {
	c := &textCollector{}
	for _, s := range b.scenes {
		figure.Draw(s, c)
	}
	return c.texts
}

// textCollector is a canvas that only collects a drawing's text items.
type textCollector struct {
	texts []*figure.Text
}

func (c *textCollector) Path(*figure.Path)     {}
func (c *textCollector) Rect(*figure.Rect)     {}
func (c *textCollector) Circle(*figure.Circle) {}
func (c *textCollector) Link(*figure.Link)     {}
func (c *textCollector) Text(t *figure.Text)   { c.texts = append(c.texts, t) }

// fontFaceRules returns the @font-face rules of the embedded fonts, which
// the writer puts before the stylesheet so that they always name the
// files the book really holds.
func (b *book) fontFaceRules() string {
	var s strings.Builder
	s.WriteString("/* Fonts embedded in this book. */\n")
	for _, f := range b.fonts {
		weight, style := "normal", "normal"
		if strings.Contains(f.face.Style, "B") {
			weight = "bold"
		}
		if strings.Contains(f.face.Style, "I") {
			style = "italic"
		}
		fmt.Fprintf(&s, "@font-face {\n  font-family: %q;\n  font-weight: %s;\n  font-style: %s;\n  src: url(%q);\n}\n",
			f.face.CSSFamily, weight, style, f.name)
	}
	for _, f := range b.fonts {
		if f.face == mathFace {
			// Formulas are set in the maths face, else in the reading
			// system's own (the generic family math).
			fmt.Fprintf(&s, "math {\n  font-family: %q, math;\n}\n", mathFace.CSSFamily)
		}
	}
	s.WriteString("\n")
	return s.String()
}

// textRunes returns the characters of used with printable ASCII, in
// order: what a subset of the fonts must keep.
func textRunes(used map[rune]bool) []rune {
	var out []rune
	for r := rune(0x20); r < 0x7f; r++ {
		out = append(out, r)
	}
	for r := range used {
		if r >= 0x7f {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return out
}

// joinAnd lists names as "A, B and C".
func (b *book) joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return b.labels.Format("list.and", "list", strings.Join(names[:len(names)-1], ", "), "last", names[len(names)-1])
}

// subsetFonts cuts each embedded font down to the characters the book
// uses, which makes the book several megabytes smaller. A character the
// subset lacks is set by the reader in the next font of the stylesheet's
// list, never shown as a blank.
func (b *book) subsetFonts(runes []rune) error {
	for i := range b.fonts {
		f := &b.fonts[i]
		keep := runes
		if f.face == mathFace {
			keep = mathRunes(runes)
		}
		data, err := fonts.Subset(f.data, keep)
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		f.data = data
	}
	return nil
}

// mathRunes returns runes with what a reader draws formulas with that
// the text of the pages does not hold: the italic form of each letter
// among them, as a MathML identifier of one letter, <mi>x</mi>, is set in
// the maths face's italic x (U+1D465), and the radical sign, which msqrt
// and mroot draw.
func mathRunes(runes []rune) []rune {
	out := append(slices.Clone(runes), '√')
	for _, r := range runes {
		for _, v := range texmath.Styled(string(r), texmath.VariantItalic) {
			if v != r {
				out = append(out, v)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// addRunes adds the characters of p beyond ASCII to set. It steps over
// eight bytes of ASCII at a time while it can: a page is mostly markup.
func addRunes(set map[rune]bool, p []byte) {
	for i := 0; i < len(p); {
		if i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		i += n
		if r != utf8.RuneError {
			set[r] = true
		}
	}
}
