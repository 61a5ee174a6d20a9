package epub

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// text reads character data up to the next '<' or the end of the data:
// characters XML allows, references, and never "]]>".
func (c *xmlChecker) text() error {
	d := c.data
	for c.pos < len(d) {
		// Most text is plain ASCII: skip it with a local index.
		pos := c.pos
		for pos < len(d) && plainText[d[pos]] {
			pos++
		}
		c.pos = pos
		if pos == len(d) {
			break
		}
		b := d[pos]
		switch b {
		case '<':
			return nil
		case '&':
			if err := c.reference(); err != nil {
				return err
			}
		case ']':
			if !c.final && len(d)-c.pos < len(cdataEnd) {
				return errMore
			}
			if c.at(cdataEnd) {
				return errors.New(`"]]>" outside a CDATA section`)
			}
			c.pos++
		default:
			if err := c.char(); err != nil {
				return err
			}
		}
	}
	return nil
}

// plainText holds the bytes text() passes over without a second look:
// printable ASCII but for '<', '&' and ']'.
var plainText = func() (t [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '<' && b != '&' && b != ']'
	}
	return t
}()

// attrValue reads a quoted attribute value: characters XML allows and
// references, never '<'.
func (c *xmlChecker) attrValue() error {
	d := c.data
	if c.pos == len(d) || d[c.pos] != '"' && d[c.pos] != '\'' {
		return errors.New("value is not quoted")
	}
	quote := d[c.pos]
	c.pos++
	for c.pos < len(d) {
		b := d[c.pos]
		switch {
		case b == quote:
			c.pos++
			return nil
		case b == '<':
			return errors.New("'<' in the value")
		case b == '&':
			if err := c.reference(); err != nil {
				return err
			}
		case b >= 0x20 && b < utf8.RuneSelf:
			c.pos++
		default:
			if err := c.char(); err != nil {
				return err
			}
		}
	}
	return errors.New("value is not closed")
}

// chars checks that the data from the current position to end is
// characters XML allows, and moves to end.
func (c *xmlChecker) chars(end int) error {
	for c.pos < end {
		if b := c.data[c.pos]; b >= 0x20 && b < utf8.RuneSelf {
			c.pos++
			continue
		}
		if err := c.char(); err != nil {
			return err
		}
	}
	return nil
}

// char reads one character that is not printable ASCII: a tab, line feed
// or carriage return, or UTF-8 of a character that XML allows.
func (c *xmlChecker) char() error {
	r, n := utf8.DecodeRune(c.data[c.pos:])
	if r == utf8.RuneError && n == 1 {
		return errors.New("invalid UTF-8")
	}
	if !isXMLChar(r) {
		return fmt.Errorf("character %U is not allowed in XML", r)
	}
	c.pos += n
	return nil
}

// reference reads an entity or character reference at '&': one of the
// five entities XML predefines, or the number of a character XML allows.
func (c *xmlChecker) reference() error {
	d := c.data
	end := bytes.IndexByte(d[c.pos:min(c.pos+12, len(d))], ';')
	if end < 0 {
		return errors.New("'&' that starts no reference")
	}
	ref := d[c.pos+1 : c.pos+end]
	if num, ok := bytes.CutPrefix(ref, []byte("#")); ok {
		r, ok := charRef(num)
		if !ok {
			return fmt.Errorf("invalid character reference &%s;", ref)
		}
		if !isXMLChar(r) {
			return fmt.Errorf("character reference &%s; to a character XML does not allow", ref)
		}
	} else {
		switch string(ref) {
		case "lt", "gt", "amp", "apos", "quot":
		default:
			return fmt.Errorf("unknown entity &%s;", ref)
		}
	}
	c.pos += end + 1
	return nil
}

// charRef returns the character numbered by the digits of a character
// reference: decimal, or hexadecimal after an 'x'.
func charRef(num []byte) (rune, bool) {
	base := int64(10)
	if digits, ok := bytes.CutPrefix(num, []byte("x")); ok {
		base, num = 16, digits
	}
	if len(num) == 0 || len(num) > 8 {
		return 0, false
	}
	var r int64 // eight digits of either base fit
	for _, b := range num {
		var v int64
		switch {
		case b >= '0' && b <= '9':
			v = int64(b - '0')
		case base == 16 && b >= 'a' && b <= 'f':
			v = int64(b-'a') + 10
		case base == 16 && b >= 'A' && b <= 'F':
			v = int64(b-'A') + 10
		default:
			return 0, false
		}
		r = r*base + v
	}
	if r > utf8.MaxRune {
		return 0, false
	}
	return rune(r), true
}

// name reads the name of an element, attribute or other construct (what
// says which, for the error): ASCII letters, digits, '_', '-', '.' and at
// most one ':' between a prefix and a local name, starting with a letter
// or '_'.
func (c *xmlChecker) name(what string) ([]byte, error) {
	d := c.data
	start := c.pos
	colon := -1
	for c.pos < len(d) && isNameByte(d[c.pos]) {
		if d[c.pos] == ':' {
			if colon >= 0 {
				return nil, fmt.Errorf("%s name %s has two colons", what, d[start:c.pos+1])
			}
			colon = c.pos
		}
		c.pos++
	}
	name := d[start:c.pos]
	switch {
	case len(name) == 0:
		return nil, fmt.Errorf("expected the name of the %s", what)
	case !isNameStart(name[0]):
		return nil, fmt.Errorf("%s name %s starts with %q", what, name, name[0])
	case colon >= 0 && (colon+1 == c.pos || !isNameStart(d[colon+1])):
		return nil, fmt.Errorf("%s name %s has no local name after its prefix", what, name)
	case c.pos < len(d) && d[c.pos] >= utf8.RuneSelf:
		return nil, fmt.Errorf("%s name %s goes on with a character outside ASCII", what, name)
	}
	return name, nil
}

// isNameStart reports whether a name may start with b.
func isNameStart(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
}

// isNameByte reports whether b may stand in a name.
func isNameByte(b byte) bool {
	return isNameStart(b) || b >= '0' && b <= '9' || b == '-' || b == '.' || b == ':'
}
