package pdf

import (
	"bytes"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// textOut writes text straight into a page's content: fpdf's Text would
// write one text object per piece, formatting and copying every string,
// and selecting a font or a colour through fpdf takes a line of content
// of its own.
//
// fpdf embeds in each face only the glyphs that were printed with it, and
// it learns them from Text. So a piece with a character never printed in
// its face before goes through Text; every other piece is written here.
type textOut struct {
	doc *fpdf.Fpdf
	fs  *faceSet
	k   float64 // points per millimetre
	h   float64 // page height, millimetres
	// known holds, for each face, the characters fpdf has been told the
	// face prints.
	known []runeSet
	// names holds the name each face goes by in the content, once asked
	// for; "-" when fpdf would not tell.
	names []string
	buf   []byte
	rd    bytes.Reader
}

// newTextOut returns a textOut for doc's pages, which all have the size of
// the first.
func newTextOut(doc *fpdf.Fpdf, fs *faceSet) *textOut {
	_, h := doc.GetPageSize()
	return &textOut{
		doc:   doc,
		fs:    fs,
		k:     doc.GetConversionRatio(),
		h:     h,
		known: make([]runeSet, len(fs.faces)),
		names: make([]string, len(fs.faces)),
	}
}

// fontName returns the name face f goes by in the content, or "" when it
// is not known. fpdf does not tell it, but it writes it when a font is
// selected: a template of the document, which shares its fonts, selects
// the face, and the name is read from what it wrote last.
func (t *textOut) fontName(f faceRef) string {
	if t.names[f] == "" {
		t.names[f] = "-"
		face := t.fs.faces[f]
		tpl := t.doc.CreateTemplate(func(tp *fpdf.Tpl) { tp.SetFont(face.Family, face.Style, 10) })
		if name, ok := lastFont(tpl.Bytes()); ok {
			t.names[f] = name
		}
	}
	if t.names[f] == "-" {
		return ""
	}
	return t.names[f]
}

// lastFont returns the name of the font content selects last, as fpdf
// selects one: "BT /name 10.00 Tf ET" on a line of its own at the end.
func lastFont(content []byte) (string, bool) {
	content = bytes.TrimSuffix(content, []byte("\n"))
	i := bytes.LastIndexByte(content, '\n')
	fields := strings.Fields(string(content[i+1:]))
	if len(fields) != 5 || fields[0] != "BT" || fields[3] != "Tf" || fields[4] != "ET" {
		return "", false
	}
	name, ok := strings.CutPrefix(fields[1], "/")
	if !ok || name == "" {
		return "", false
	}
	for _, c := range name {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return "", false
		}
	}
	return name, true
}

// write writes the text object in b, when it holds one, to the page and
// returns b emptied.
func (t *textOut) write(b []byte) []byte {
	if len(b) > 0 {
		b = append(b, "ET"...)
		t.rd.Reset(b)
		t.doc.RawWriteBuf(&t.rd)
	}
	return b[:0]
}
