package epub

import (
	"bytes"
	"errors"
	"fmt"
)

// checkXML reports whether data is a well-formed XML document, and
// returns the first error, with the line it is on, when it is not. Every
// page and document of the book passes through it before it is packed.
//
// The check is strict: an optional XML declaration of version 1.0 in
// UTF-8, an optional document type declaration without an internal
// subset, then exactly one root element, with nothing but white space,
// comments and processing instructions around it. Elements nest and close
// by the names they opened with; attributes are quoted, separated by white
// space and never repeated; prefixes are declared by an xmlns attribute;
// names are ASCII; every character is UTF-8 that XML allows; and "&"
// only starts a predefined entity or a character reference.
func checkXML(data []byte) error {
	var s xmlStream
	return s.feed(data, true)
}

// xmlStream checks a document that comes in pieces, as checkXML checks
// it whole: a long page is checked while it is written, and never held
// whole. Each piece is read as far as the constructs in it are complete;
// a construct cut by the end of a piece (a tag, a reference, a character)
// is read again, whole, once the next piece has come, so that the
// verdict, and the error, are those of checkXML on the whole document.
// The bytes read are let go of, and the names of the elements still open
// copied.
type xmlStream struct {
	c xmlChecker
	// started is set once the prologue and the root's start tag are read.
	started bool
	// lines counts the line feeds of the bytes let go of, for the line
	// of an error.
	lines int
	// own holds the bytes not yet read when a piece ends.
	own []byte
	err error
}

// errMore is what the checker of a piece meets when a construct goes on
// past its end.
var errMore = errors.New("the document goes on in the next piece")

// feed checks the next piece of the document, final for its last (which
// may be empty), and returns the first error, with its line, when the
// document is not well-formed. p is not kept.
func (s *xmlStream) feed(p []byte, final bool) error {
	if s.err != nil {
		return s.err
	}
	c := &s.c
	if len(c.data) == c.pos {
		c.data, c.pos = p, 0
	} else {
		c.data = append(c.data, p...)
	}
	c.final = final
	err := s.read()
	if err == errMore && !final {
		s.keep()
		return nil
	}
	if err != nil {
		s.err = fmt.Errorf("line %d: %w", 1+s.lines+bytes.Count(c.data[:c.pos], []byte("\n")), err)
	}
	return s.err
}

// read reads the constructs of the data as far as they are complete: in
// a piece that is not the last, a construct that fails, or is cut by the
// end of the piece, is not taken, and read returns errMore.
func (s *xmlStream) read() error {
	c := &s.c
	if !s.started {
		if err := c.prologue(); err != nil {
			if !c.final {
				c.pos, c.open, c.prefixes = 0, c.open[:0], c.prefixes[:0]
				return errMore
			}
			return err
		}
		s.started = true
	}
	for len(c.open) > 0 {
		mark := c.pos
		if err := c.text(); err != nil {
			if !c.final {
				c.pos = mark
				return errMore
			}
			return err
		}
		if c.pos == len(c.data) {
			if !c.final {
				return errMore
			}
			return fmt.Errorf("unexpected end of the document: <%s> is not closed", c.open[len(c.open)-1].name)
		}
		mark, prefixes := c.pos, len(c.prefixes)
		if err := c.markup(); err != nil {
			if !c.final {
				c.pos, c.prefixes = mark, c.prefixes[:prefixes]
				return errMore
			}
			return err
		}
	}
	if !c.final {
		return errMore
	}
	if err := c.misc(); err != nil {
		return err
	}
	if c.pos < len(c.data) {
		return errors.New("content after the root element")
	}
	return nil
}

// keep lets go of the bytes read, keeping those not yet read in a buffer
// of the stream's own, with a copy of the names they held.
func (s *xmlStream) keep() {
	c := &s.c
	for i := range c.open {
		c.open[i].name = bytes.Clone(c.open[i].name)
	}
	for i := range c.prefixes {
		c.prefixes[i] = bytes.Clone(c.prefixes[i])
	}
	clear(c.attrs[:cap(c.attrs)])
	s.lines += bytes.Count(c.data[:c.pos], []byte("\n"))
	s.own = append(s.own[:0], c.data[c.pos:]...)
	c.data, c.pos = s.own, 0
}

// xmlChecker reads one document for checkXML. pos is where it is; an
// error is reported at the line that holds pos.
type xmlChecker struct {
	data []byte
	pos  int
	// open holds the elements not yet closed, the innermost last.
	open []openElement
	// prefixes holds the namespace prefixes declared on the open elements,
	// in the order they were declared.
	prefixes [][]byte
	// attrs holds the attribute names of the start tag being read.
	attrs [][]byte
	// final is unset while the data is a piece of the document that
	// more will follow (see xmlStream).
	final bool
}

// openElement is an element whose end tag is still to come: its name and
// how many prefixes were declared before its start tag.
type openElement struct {
	name     []byte
	prefixes int
}

// Constructs of XML that the checker looks for.
const (
	bom          = "\uFEFF"
	xmlDeclStart = "<?xml"
	commentStart = "<!--"
	cdataStart   = "<![CDATA["
	cdataEnd     = "]]>"
	doctypeStart = "<!DOCTYPE"
)

// prologue reads what comes before the root element and the root
// element's start tag.
func (c *xmlChecker) prologue() error {
	if c.at(bom) {
		c.pos += len(bom)
	}
	if c.at(xmlDeclStart) && (c.pos+len(xmlDeclStart) == len(c.data) || isXMLSpace(c.data[c.pos+len(xmlDeclStart)])) {
		if err := c.xmlDecl(); err != nil {
			return err
		}
	}
	doctype := false
	for {
		if err := c.misc(); err != nil {
			return err
		}
		if !c.at(doctypeStart) {
			break
		}
		if doctype {
			return errors.New("a second document type declaration")
		}
		doctype = true
		if err := c.doctype(); err != nil {
			return err
		}
	}
	if c.pos == len(c.data) {
		return errors.New("no root element")
	}
	if c.data[c.pos] != '<' {
		return errors.New("text before the root element")
	}
	return c.startTag()
}

// misc skips white space, comments and processing instructions, which may
// stand before and after the root element, and stops at anything else.
func (c *xmlChecker) misc() error {
	for {
		c.space()
		var err error
		switch {
		case c.at(commentStart):
			err = c.comment()
		case c.at("<?"):
			err = c.procInst()
		default:
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// markup reads the markup at '<' inside the root element: a tag, a
// comment, a CDATA section or a processing instruction.
func (c *xmlChecker) markup() error {
	switch {
	case c.at("</"):
		return c.endTag()
	case c.at(commentStart):
		return c.comment()
	case c.at(cdataStart):
		return c.cdata()
	case c.at("<?"):
		return c.procInst()
	case c.at("<!"):
		return errors.New("a declaration inside an element")
	}
	return c.startTag()
}

// at reports whether the data at the current position starts with s.
func (c *xmlChecker) at(s string) bool {
	return len(c.data)-c.pos >= len(s) && string(c.data[c.pos:c.pos+len(s)]) == s
}

// space skips white space and reports whether there was any.
func (c *xmlChecker) space() bool {
	start := c.pos
	for c.pos < len(c.data) && isXMLSpace(c.data[c.pos]) {
		c.pos++
	}
	return c.pos > start
}

// isXMLSpace reports whether b is white space in XML: space, tab, line
// feed or carriage return.
func isXMLSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r'
}
