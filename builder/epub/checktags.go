package epub

import (
	"bytes"
	"fmt"
)

// startTag reads a start tag or an empty-element tag at '<'.
func (c *xmlChecker) startTag() error {
	c.pos++ // '<'
	name, err := c.name("element")
	if err != nil {
		return err
	}
	c.attrs = c.attrs[:0]
	mark := len(c.prefixes)
	for {
		spaced := c.space()
		if c.pos == len(c.data) {
			return fmt.Errorf("unexpected end of the document in the tag <%s>", name)
		}
		switch c.data[c.pos] {
		case '>':
			c.pos++
			c.open = append(c.open, openElement{name, mark})
			return c.checkPrefixes(name)
		case '/':
			if !c.at("/>") {
				return fmt.Errorf("expected /> to end the tag <%s>", name)
			}
			c.pos += 2
			err := c.checkPrefixes(name)
			c.prefixes = c.prefixes[:mark]
			return err
		}
		if !spaced {
			return fmt.Errorf("expected white space before an attribute of <%s>", name)
		}
		if err := c.attribute(name); err != nil {
			return err
		}
	}
}

// attribute reads one attribute of the element name and notes the prefix
// it declares, if it is a namespace declaration.
func (c *xmlChecker) attribute(elem []byte) error {
	name, err := c.name("attribute")
	if err != nil {
		return err
	}
	for _, a := range c.attrs {
		if bytes.Equal(a, name) {
			return fmt.Errorf("attribute %s repeated in <%s>", name, elem)
		}
	}
	c.attrs = append(c.attrs, name)
	c.space()
	if c.pos == len(c.data) || c.data[c.pos] != '=' {
		return fmt.Errorf("expected = after the attribute %s of <%s>", name, elem)
	}
	c.pos++
	c.space()
	if err := c.attrValue(); err != nil {
		return fmt.Errorf("attribute %s of <%s>: %w", name, elem, err)
	}
	if prefix, ok := bytes.CutPrefix(name, []byte("xmlns:")); ok {
		c.prefixes = append(c.prefixes, prefix)
	}
	return nil
}

// checkPrefixes checks that the prefixes of an element's name and of its
// attributes' names are declared, on the element itself or on an element
// around it.
func (c *xmlChecker) checkPrefixes(elem []byte) error {
	if err := c.declared(elem); err != nil {
		return err
	}
	for _, a := range c.attrs {
		if bytes.HasPrefix(a, []byte("xmlns:")) {
			continue
		}
		if err := c.declared(a); err != nil {
			return fmt.Errorf("%w (in <%s>)", err, elem)
		}
	}
	return nil
}

// declared checks that the prefix of name, if it has one, is declared.
// The prefix "xml" is always declared.
func (c *xmlChecker) declared(name []byte) error {
	colon := bytes.IndexByte(name, ':')
	if colon < 0 {
		return nil
	}
	prefix := name[:colon]
	if string(prefix) == "xml" {
		return nil
	}
	for _, p := range c.prefixes {
		if bytes.Equal(p, prefix) {
			return nil
		}
	}
	return fmt.Errorf("prefix %s of %s is not declared", prefix, name)
}

// endTag reads an end tag at "</", which must close the innermost open
// element.
func (c *xmlChecker) endTag() error {
	c.pos += 2
	name, err := c.name("element")
	if err != nil {
		return err
	}
	c.space()
	if c.pos == len(c.data) || c.data[c.pos] != '>' {
		return fmt.Errorf("expected > to end the tag </%s>", name)
	}
	c.pos++
	top := c.open[len(c.open)-1]
	if !bytes.Equal(top.name, name) {
		return fmt.Errorf("element <%s> closed by </%s>", top.name, name)
	}
	c.open = c.open[:len(c.open)-1]
	c.prefixes = c.prefixes[:top.prefixes]
	return nil
}
