package epub

import "bytes"

// attr is one attribute of an element. Attributes are written in the
// order given, so output does not depend on map order.
type attr struct {
	name, value string
}

// xmlWriter writes XML markup into a buffer. It escapes every text and
// attribute value as encoding/xml does (see escapeText); callers never
// write raw markup built from the guide's text.
type xmlWriter struct {
	buf bytes.Buffer
}

// start writes an opening tag.
func (w *xmlWriter) start(name string, attrs ...attr) {
	w.buf.WriteByte('<')
	w.buf.WriteString(name)
	w.attrs(attrs)
	w.buf.WriteByte('>')
}

// end writes a closing tag.
func (w *xmlWriter) end(name string) {
	w.buf.WriteString("</")
	w.buf.WriteString(name)
	w.buf.WriteByte('>')
}

// empty writes a self-closing element.
func (w *xmlWriter) empty(name string, attrs ...attr) {
	w.buf.WriteByte('<')
	w.buf.WriteString(name)
	w.attrs(attrs)
	w.buf.WriteString("/>")
}

// element writes an element holding only text.
func (w *xmlWriter) element(name, text string, attrs ...attr) {
	w.start(name, attrs...)
	w.text(text)
	w.end(name)
}

func (w *xmlWriter) attrs(attrs []attr) {
	for _, a := range attrs {
		w.buf.WriteByte(' ')
		w.buf.WriteString(a.name)
		w.buf.WriteString(`="`)
		escapeText(&w.buf, a.value, false)
		w.buf.WriteByte('"')
	}
}

// text writes character data. Line feeds stay literal so that code blocks
// read naturally in the file; everything else, including characters that
// XML does not allow, is escaped.
func (w *xmlWriter) text(s string) {
	escapeText(&w.buf, s, true)
}

// raw writes fixed markup of the writer's own, never text from the guide.
func (w *xmlWriter) raw(s string) {
	w.buf.WriteString(s)
}

// nl ends a line of markup, to keep the files readable.
func (w *xmlWriter) nl() {
	w.buf.WriteByte('\n')
}

// bytes returns what has been written.
func (w *xmlWriter) bytes() []byte {
	return w.buf.Bytes()
}
