// Package pdfxref reads the cross-reference table of a PDF as this
// program's writer makes it: one classic table of one section, its
// subsections in increasing order from object 0, every object of
// generation 0, followed by the trailer and startxref; objects the table
// does not list (those in object streams) read as free. It is the one
// reader of that table, shared by the PDF writer's tests and the imposer,
// so that both accept and refuse the same files.
package pdfxref

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// Table is what the cross-reference table says about a file.
type Table struct {
	// Offsets holds the byte offset of each object by its number; the
	// offset of a free entry, object 0 among them, is 0.
	Offsets []int
	// XrefAt is the offset of the keyword "xref" that opens the table:
	// the end of the last object.
	XrefAt int
	// TrailerAt is the offset of the keyword "trailer", which the
	// trailer's dictionary follows.
	TrailerAt int
	// StartxrefAt is the offset of the last keyword "startxref", which
	// ends the trailer and gives XrefAt.
	StartxrefAt int
}

// entryMin is the fewest bytes an entry of the table takes: ten digits,
// a space, five digits, a space and the kind ("0000000009 00000 n").
const entryMin = 18

// maxObjectsPerByte bounds the object numbers a table may list by the
// size of the file: objects in object streams, which the table leaves
// out, take a few bytes each, compressed.
const maxObjectsPerByte = 16

// Read finds the table that the last startxref of src points to and
// reads it and the position of the trailer after it. It returns an error
// saying what is wrong when the table is not of the form described in
// the package comment: an entry of a generation other than 0, an object
// said to lie outside the file, or a table of more than one section.
func Read(src []byte) (*Table, error) {
	at := bytes.LastIndex(src, []byte("startxref"))
	if at < 0 {
		return nil, errors.New("no startxref")
	}
	t := &Table{StartxrefAt: at}
	s := &scanner{b: src, pos: at + len("startxref")}
	off, err := strconv.Atoi(string(s.token()))
	if err != nil || off < 0 || off >= at {
		return nil, errors.New("startxref does not point into the file")
	}
	s.pos = off
	s.skipSpace()
	t.XrefAt = s.pos
	if !s.keyword("xref") {
		return nil, errors.New("no classic cross-reference table (cross-reference streams are not supported)")
	}
	// The subsections, the first from object 0, each after the last.
	for next := 0; ; {
		save := s.pos
		first, count := s.token(), s.token()
		if string(first) == "trailer" {
			s.pos = save
			break
		}
		start, err1 := strconv.Atoi(string(first))
		n, err2 := strconv.Atoi(string(count))
		switch {
		case next == 0 && (string(first) != "0" || err2 != nil || n < 1):
			return nil, errors.New("the cross-reference table does not start at object 0")
		case err1 != nil || err2 != nil || n < 1 || start < next:
			return nil, errors.New("malformed cross-reference subsection")
		case n > (at-s.pos)/entryMin || start+n > maxObjectsPerByte*len(src):
			// Check the count before allocating for it.
			return nil, errors.New("the cross-reference table is longer than the file")
		}
		t.Offsets = append(t.Offsets, make([]int, start+n-len(t.Offsets))...)
		for i := start; i < start+n; i++ {
			o, g, kind := s.token(), s.token(), s.token()
			off, err := strconv.Atoi(string(o))
			if err != nil || len(o) != 10 || len(g) != 5 || len(kind) != 1 {
				return nil, fmt.Errorf("malformed cross-reference entry %d", i)
			}
			switch {
			case kind[0] == 'f' || i == 0:
			case kind[0] == 'n' && string(g) == "00000" && off > 0 && off < len(src):
				t.Offsets[i] = off
			default:
				return nil, fmt.Errorf("unsupported cross-reference entry %d", i)
			}
		}
		next = start + n
		if s.pos > at {
			break
		}
	}
	s.skipSpace()
	t.TrailerAt = s.pos
	if !s.keyword("trailer") || s.pos > at {
		return nil, errors.New("the cross-reference table has more than one section or no trailer")
	}
	return t, nil
}

// scanner reads the tokens of the table: runs of characters that are
// neither white space nor delimiters, with comments skipped.
type scanner struct {
	b   []byte
	pos int
}

// skipSpace skips white space and comments.
func (s *scanner) skipSpace() { s.pos = SkipSpace(s.b, s.pos) }

// token skips white space and reads a run of regular characters.
func (s *scanner) token() []byte {
	s.skipSpace()
	tok, end := Regular(s.b, s.pos)
	s.pos = end
	return tok
}

// keyword reports whether the next token is kw, and consumes it if so.
func (s *scanner) keyword(kw string) bool {
	save := s.pos
	if string(s.token()) == kw {
		return true
	}
	s.pos = save
	return false
}

// SkipSpace returns the offset of the first byte of b at or after pos that
// is neither white space nor part of a comment: the lexical rule every
// reader of PDF syntax in the build shares.
func SkipSpace(b []byte, pos int) int {
	for pos < len(b) {
		c := b[pos]
		switch {
		case IsSpace(c):
			pos++
		case c == '%':
			for pos < len(b) && b[pos] != '\n' && b[pos] != '\r' {
				pos++
			}
		default:
			return pos
		}
	}
	return pos
}

// Regular reads the run of regular characters of b that starts at pos (a
// keyword or a number, possibly empty) and returns it with the offset
// after it.
func Regular(b []byte, pos int) ([]byte, int) {
	start := pos
	for pos < len(b) && !IsSpace(b[pos]) && !IsDelim(b[pos]) {
		pos++
	}
	return b[start:pos], pos
}

// IsSpace reports whether c is white space in PDF.
func IsSpace(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

// IsDelim reports whether c is a delimiter in PDF.
func IsDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
