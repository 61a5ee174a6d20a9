package fonts

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
)

// errMalformed is wrapped by every error about a font file whose bytes do
// not hold what its own headers promise.
var errMalformed = errors.New("malformed font")

// sfntTable is one table of a font file: its tag and its bytes.
type sfntTable struct {
	tag    string
	offset uint32 // where the table started in the file it was read from
	data   []byte
}

// sfntFile is a TrueType font file split into its tables, in the order of
// its table directory.
type sfntFile struct {
	version uint32
	tables  []sfntTable
}

// The sfnt versions that mark TrueType outlines; CFF fonts ("OTTO") and
// collections ("ttcf") are not TrueType files of one font.
const (
	versionTrueType = 0x00010000
	versionApple    = 0x74727565 // "true"
)

// parseSFNT splits a TrueType font file into its tables. The tables share
// memory with data.
func parseSFNT(data []byte) (*sfntFile, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("%w: %d bytes is too short for a font", errMalformed, len(data))
	}
	version := binary.BigEndian.Uint32(data)
	if version != versionTrueType && version != versionApple {
		return nil, fmt.Errorf("not a single TrueType-outline font (sfnt version %q)", data[:4])
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil, fmt.Errorf("%w: table directory of %d tables is cut short", errMalformed, n)
	}
	f := &sfntFile{version: version, tables: make([]sfntTable, 0, n)}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		offset := binary.BigEndian.Uint32(rec[8:])
		length := binary.BigEndian.Uint32(rec[12:])
		if uint64(offset)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("%w: table %q lies outside the file", errMalformed, tag)
		}
		if f.table(tag) != nil {
			return nil, fmt.Errorf("%w: table %q appears twice", errMalformed, tag)
		}
		f.tables = append(f.tables, sfntTable{tag, offset, data[offset : offset+length]})
	}
	return f, nil
}

// table returns the bytes of the table with the given tag, or nil when the
// font has no such table.
func (f *sfntFile) table(tag string) []byte {
	for _, t := range f.tables {
		if t.tag == tag {
			if t.data == nil {
				return []byte{}
			}
			return t.data
		}
	}
	return nil
}

// replace sets the bytes of an existing table, or drops the table when
// data is nil.
func (f *sfntFile) replace(tag string, data []byte) {
	for i, t := range f.tables {
		if t.tag == tag {
			if data == nil {
				f.tables = slices.Delete(f.tables, i, i+1)
			} else {
				f.tables[i].data = data
			}
			return
		}
	}
}

// bytes writes the font file: the table directory sorted by tag, then the
// tables in the order they had in the file they were read from, each
// starting on a 4-byte boundary. It fills in every table checksum and the
// checksum adjustment of the head table, which must be at least 12 bytes.
func (f *sfntFile) bytes() []byte {
	byTag := slices.Clone(f.tables)
	slices.SortFunc(byTag, func(a, b sfntTable) int { return strings.Compare(a.tag, b.tag) })
	inFile := slices.Clone(f.tables)
	slices.SortStableFunc(inFile, func(a, b sfntTable) int { return cmp.Compare(a.offset, b.offset) })

	n := len(f.tables)
	size := 12 + 16*n
	for _, t := range inFile {
		size += pad4(len(t.data))
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, f.version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	searchRange, entrySelector := 0, 0
	if n > 0 {
		entrySelector = bits.Len(uint(n)) - 1
		searchRange = 16 << entrySelector
	}
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))

	offsets := make(map[string]int, n)
	headAt := -1
	for _, t := range inFile {
		offsets[t.tag] = len(out)
		if t.tag == "head" {
			headAt = len(out)
		}
		out = append(out, t.data...)
		out = append(out, make([]byte, pad4(len(t.data))-len(t.data))...)
	}
	if headAt >= 0 {
		clear(out[headAt+8 : headAt+12]) // checksums count this field as zero
	}
	for i, t := range byTag {
		rec := out[12+16*i:]
		at := offsets[t.tag]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(out[at:at+pad4(len(t.data))]))
		binary.BigEndian.PutUint32(rec[8:], uint32(at))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// pad4 rounds n up to a multiple of four.
func pad4(n int) int { return (n + 3) &^ 3 }

// checksum adds up b as big-endian 32-bit words, the last one padded with
// zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}
