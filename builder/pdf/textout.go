package pdf

// textOut writes text straight into a page's content, each face under a
// name of its own (see fontName), and notes the characters each face
// prints, which its embedded subset keeps.
type textOut struct {
	doc *document
	k   float64 // points per millimetre
	h   float64 // page height, millimetres
	buf []byte
}

// newTextOut returns a textOut for doc's pages, which all have one size.
func newTextOut(doc *document) *textOut {
	_, h := doc.GetPageSize()
	return &textOut{doc: doc, k: doc.GetConversionRatio(), h: h}
}

// write writes the text object in b, when it holds one, to the page and
// returns b emptied.
func (t *textOut) write(b []byte) []byte {
	if len(b) > 0 {
		b = append(b, "ET\n"...)
		t.doc.RawWrite(b)
	}
	return b[:0]
}
