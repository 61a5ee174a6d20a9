package epub

import (
	"bytes"
	"errors"
	"fmt"
)

// comment reads a comment at "<!--", which may not hold "--".
func (c *xmlChecker) comment() error {
	c.pos += len(commentStart)
	end := bytes.Index(c.data[c.pos:], []byte("--"))
	if end < 0 {
		return errors.New("comment is not closed")
	}
	if err := c.chars(c.pos + end); err != nil {
		return err
	}
	if !c.at("-->") {
		return errors.New(`"--" inside a comment`)
	}
	c.pos += 3
	return nil
}

// cdata reads a CDATA section at "<![CDATA[".
func (c *xmlChecker) cdata() error {
	c.pos += len(cdataStart)
	end := bytes.Index(c.data[c.pos:], []byte(cdataEnd))
	if end < 0 {
		return errors.New("CDATA section is not closed")
	}
	if err := c.chars(c.pos + end); err != nil {
		return err
	}
	c.pos += len(cdataEnd)
	return nil
}

// procInst reads a processing instruction at "<?". Its target may not be
// "xml" in any case: the XML declaration is read by xmlDecl, and only at
// the start of the document.
func (c *xmlChecker) procInst() error {
	c.pos += 2
	target, err := c.name("processing instruction")
	if err != nil {
		return err
	}
	if bytes.EqualFold(target, []byte("xml")) {
		return errors.New("XML declaration not at the start of the document")
	}
	if !c.at("?>") && !c.space() {
		return fmt.Errorf("expected white space after <?%s", target)
	}
	end := bytes.Index(c.data[c.pos:], []byte("?>"))
	if end < 0 {
		return fmt.Errorf("processing instruction <?%s is not closed", target)
	}
	if err := c.chars(c.pos + end); err != nil {
		return err
	}
	c.pos += 2
	return nil
}

// doctype reads a document type declaration at "<!DOCTYPE", which may
// name an external subset but hold no internal one.
func (c *xmlChecker) doctype() error {
	c.pos += len(doctypeStart)
	if !c.space() {
		return errors.New("expected white space after <!DOCTYPE")
	}
	if _, err := c.name("document type"); err != nil {
		return err
	}
	var quote byte
	for ; c.pos < len(c.data); c.pos++ {
		switch b := c.data[c.pos]; {
		case quote != 0:
			if b == quote {
				quote = 0
			}
		case b == '"' || b == '\'':
			quote = b
		case b == '>':
			c.pos++
			return nil
		case b == '[' || b == '<':
			return errors.New("document type declaration with an internal subset")
		}
	}
	return errors.New("document type declaration is not closed")
}

// xmlDecl reads the XML declaration at "<?xml": version 1.0, and if an
// encoding is named, UTF-8.
func (c *xmlChecker) xmlDecl() error {
	c.pos += len(xmlDeclStart)
	version, err := c.declParam("version", true)
	if err != nil {
		return err
	}
	if string(version) != "1.0" {
		return fmt.Errorf("XML version %q; only 1.0 is supported", version)
	}
	enc, err := c.declParam("encoding", false)
	if err != nil {
		return err
	}
	if enc != nil && !bytes.EqualFold(enc, []byte("utf-8")) {
		return fmt.Errorf("encoding %q; only UTF-8 is supported", enc)
	}
	standalone, err := c.declParam("standalone", false)
	if err != nil {
		return err
	}
	if standalone != nil && string(standalone) != "yes" && string(standalone) != "no" {
		return fmt.Errorf("standalone %q is neither yes nor no", standalone)
	}
	c.space()
	if !c.at("?>") {
		return errors.New("expected ?> to end the XML declaration")
	}
	c.pos += 2
	return nil
}

// declParam reads the parameter name of the XML declaration, with the
// white space before it, and returns its value; nil when it is missing
// and not required.
func (c *xmlChecker) declParam(name string, required bool) ([]byte, error) {
	start := c.pos
	if !c.space() || !c.at(name) {
		c.pos = start
		if required {
			return nil, fmt.Errorf("XML declaration without %s", name)
		}
		return nil, nil
	}
	c.pos += len(name)
	c.space()
	if c.pos == len(c.data) || c.data[c.pos] != '=' {
		return nil, fmt.Errorf("expected = after %s in the XML declaration", name)
	}
	c.pos++
	c.space()
	if c.pos == len(c.data) || c.data[c.pos] != '"' && c.data[c.pos] != '\'' {
		return nil, fmt.Errorf("expected a quoted %s in the XML declaration", name)
	}
	quote := c.data[c.pos]
	c.pos++
	end := bytes.IndexByte(c.data[c.pos:], quote)
	if end < 0 {
		return nil, fmt.Errorf("%s in the XML declaration is not closed", name)
	}
	value := c.data[c.pos : c.pos+end]
	c.pos += end + 1
	return value, nil
}
