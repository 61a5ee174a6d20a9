package impose

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"

	"studyguide/builder/internal/pdfxref"
)

// value is one PDF object as read: a name, an atom, a string, an array, a
// dictionary or a reference. Tokens are kept as they were written, so
// that a copy writes them back unchanged.
type value any

type (
	// name is a name token without its slash, escapes left as written.
	name string
	// atom is a number or one of the keywords true, false and null.
	atom string
	// str is a literal or hexadecimal string token, delimiters included.
	str []byte
	// array is a PDF array.
	array []value
	// ref is an indirect reference to an object of generation 0.
	ref int
)

// dict is a PDF dictionary with its keys in the order they were written.
type dict struct {
	keys []name
	vals []value
}

// get returns the value of key, or nil.
func (d *dict) get(key name) value {
	for i, k := range d.keys {
		if k == key {
			return d.vals[i]
		}
	}
	return nil
}

// number returns the value of a numeric atom.
func number(v value) (float64, bool) {
	a, ok := v.(atom)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(a), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// integer returns the value of an integer atom.
func integer(v value) (int, bool) {
	a, ok := v.(atom)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(string(a))
	return n, err == nil
}

// maxDepth bounds how deeply arrays and dictionaries may nest in one
// object; our writer nests them three deep at most.
const maxDepth = 32

// parser reads values from b, starting at pos.
type parser struct {
	b   []byte
	pos int
}

// skipSpace skips white space and comments.
func (p *parser) skipSpace() { p.pos = pdfxref.SkipSpace(p.b, p.pos) }

// regular reads a run of regular characters: a keyword or a number.
func (p *parser) regular() []byte {
	tok, end := pdfxref.Regular(p.b, p.pos)
	p.pos = end
	return tok
}

// token skips white space and reads a run of regular characters.
func (p *parser) token() []byte {
	p.skipSpace()
	return p.regular()
}

// keyword reports whether the next token is kw, and consumes it if so.
func (p *parser) keyword(kw string) bool {
	p.skipSpace()
	save := p.pos
	if string(p.regular()) == kw {
		return true
	}
	p.pos = save
	return false
}

var errEOF = errors.New("unexpected end of data")

// value reads one value.
func (p *parser) value(depth int) (value, error) {
	if depth > maxDepth {
		return nil, errors.New("arrays or dictionaries nest too deeply")
	}
	p.skipSpace()
	if p.pos >= len(p.b) {
		return nil, errEOF
	}
	switch c := p.b[p.pos]; c {
	case '/':
		p.pos++
		return name(p.regular()), nil
	case '(':
		return p.literal()
	case '<':
		if p.pos+1 < len(p.b) && p.b[p.pos+1] == '<' {
			p.pos += 2
			return p.dict(depth)
		}
		return p.hex()
	case '[':
		p.pos++
		var a array
		for {
			p.skipSpace()
			if p.pos >= len(p.b) {
				return nil, errEOF
			}
			if p.b[p.pos] == ']' {
				p.pos++
				return a, nil
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	default:
		return p.atomOrRef(c)
	}
}

// dict reads a dictionary after its "<<".
func (p *parser) dict(depth int) (*dict, error) {
	d := &dict{}
	for {
		p.skipSpace()
		if p.pos+1 >= len(p.b) {
			return nil, errEOF
		}
		if p.b[p.pos] == '>' && p.b[p.pos+1] == '>' {
			p.pos += 2
			return d, nil
		}
		k, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		key, ok := k.(name)
		if !ok {
			return nil, fmt.Errorf("dictionary key at byte %d is not a name", p.pos)
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		d.keys = append(d.keys, key)
		d.vals = append(d.vals, v)
	}
}

// literal reads a literal string: balanced parentheses, backslash escapes.
func (p *parser) literal() (value, error) {
	start, open := p.pos, 0
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch c {
		case '\\':
			p.pos++
		case '(':
			open++
		case ')':
			open--
			if open == 0 {
				return str(p.b[start:p.pos]), nil
			}
		}
	}
	return nil, errEOF
}

// hex reads a hexadecimal string.
func (p *parser) hex() (value, error) {
	end := bytes.IndexByte(p.b[p.pos:], '>')
	if end < 0 {
		return nil, errEOF
	}
	s := p.b[p.pos : p.pos+end+1]
	for _, c := range s[1 : len(s)-1] {
		if !pdfxref.IsSpace(c) && !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return nil, fmt.Errorf("bad hexadecimal string at byte %d", p.pos)
		}
	}
	p.pos += end + 1
	return str(s), nil
}

// atomOrRef reads a number, a keyword, or a reference "n 0 R".
func (p *parser) atomOrRef(c byte) (value, error) {
	at := p.pos
	tok := p.regular()
	switch string(tok) {
	case "true", "false", "null":
		return atom(tok), nil
	}
	if len(tok) == 0 || !isNumber(tok) {
		return nil, fmt.Errorf("unexpected %q at byte %d", string(c), at)
	}
	if n, err := strconv.Atoi(string(tok)); err == nil && n > 0 {
		save := p.pos
		p.skipSpace()
		gen := p.regular()
		p.skipSpace()
		r := p.regular()
		if string(gen) == "0" && string(r) == "R" {
			return ref(n), nil
		}
		p.pos = save
	}
	return atom(tok), nil
}

// isNumber reports whether tok is a PDF number: an optional sign, digits
// and at most one point.
func isNumber(tok []byte) bool {
	if tok[0] == '+' || tok[0] == '-' {
		tok = tok[1:]
	}
	digits, points := 0, 0
	for _, c := range tok {
		switch {
		case '0' <= c && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}
