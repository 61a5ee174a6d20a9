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
	c := &xmlChecker{data: data}
	if err := c.document(); err != nil {
		return fmt.Errorf("line %d: %w", 1+bytes.Count(data[:c.pos], []byte("\n")), err)
	}
	return nil
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

// document reads the whole document.
func (c *xmlChecker) document() error {
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
	if err := c.root(); err != nil {
		return err
	}
	if err := c.misc(); err != nil {
		return err
	}
	if c.pos < len(c.data) {
		return errors.New("content after the root element")
	}
	return nil
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

// root reads the root element and everything in it.
func (c *xmlChecker) root() error {
	if err := c.startTag(); err != nil {
		return err
	}
	for len(c.open) > 0 {
		if err := c.text(); err != nil {
			return err
		}
		if c.pos == len(c.data) {
			return fmt.Errorf("unexpected end of the document: <%s> is not closed", c.open[len(c.open)-1].name)
		}
		var err error
		switch {
		case c.at("</"):
			err = c.endTag()
		case c.at(commentStart):
			err = c.comment()
		case c.at(cdataStart):
			err = c.cdata()
		case c.at("<?"):
			err = c.procInst()
		case c.at("<!"):
			err = errors.New("a declaration inside an element")
		default:
			err = c.startTag()
		}
		if err != nil {
			return err
		}
	}
	return nil
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
