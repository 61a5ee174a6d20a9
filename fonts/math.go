package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
)

// MathFile is the embedded maths face: Noto Sans Math (SIL Open Font
// License), whose MATH table says how formulas set in it are laid out.
const MathFile = "notomath/NotoSansMath-Regular.ttf"

// MathLicence is the licence file that travels with MathFile.
const MathLicence = "notomath/OFL.txt"

// GlyphBox is the bounding box of a glyph's outline in design units, y up
// from the baseline.
type GlyphBox struct {
	XMin, YMin, XMax, YMax int
}

// MathFont is the maths face with what laying out formulas needs: the
// glyph of each character, advance widths and outline boxes of every
// glyph, and the MATH table.
//
// Formulas are set in glyphs that no character of the Basic Multilingual
// Plane names: the Mathematical Alphanumeric Symbols (italic x is
// U+1D465) and the unencoded larger variants and assembly parts of
// delimiters, radicals and big operators. A PDF sets them by glyph id, and
// says what character each shows, so that text taken out of it reads
// right. Encoding gives every glyph that character, in a slot: slot 0 is
// the face's own codes in the BMP; every other glyph is given, in a later
// slot, the code of the character it shows (italic x is "x", a tall
// parenthesis "("), and a glyph that shows no character gets a code of
// the Private Use Area. No two glyphs share a slot and a code.
type MathFont struct {
	UnitsPerEm int
	Table      *MathTable

	lookup   func(rune) (int, error)
	advances []uint16
	boxes    []GlyphBox
	encoding []slotCode // by glyph id
	slots    [][]runeGlyph

	data []byte
}

// slotCode is where a glyph is reached: its slot and its code there.
type slotCode struct {
	slot int32
	code rune
}

var (
	mathOnce sync.Once
	mathFont *MathFont
	mathErr  error
)

// Math returns the embedded maths face, read the first time it is asked.
// It is safe for concurrent use and never changes after.
func Math() (*MathFont, error) {
	mathOnce.Do(func() {
		data, err := Read(MathFile)
		if err == nil {
			mathFont, err = ParseMathFont(data)
		}
		mathErr = err
	})
	return mathFont, mathErr
}

// ParseMathFont reads a TrueType font with a MATH table.
func ParseMathFont(data []byte) (*MathFont, error) {
	m, err := parseMathFont(data)
	if err != nil {
		return nil, fmt.Errorf("fonts: maths face: %w", err)
	}
	return m, nil
}

func parseMathFont(data []byte) (*MathFont, error) {
	file, err := parseSFNT(data)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "maxp", "loca", "glyf", "cmap", "hhea", "hmtx", "MATH"} {
		if file.table(tag) == nil {
			return nil, fmt.Errorf("%w: no %s table", errMalformed, tag)
		}
	}
	head := file.table("head")
	glyphs, err := parseGlyphTable(head, file.table("maxp"), file.table("loca"), file.table("glyf"))
	if err != nil {
		return nil, err
	}
	n := glyphs.numGlyphs()
	m := &MathFont{UnitsPerEm: int(binary.BigEndian.Uint16(head[18:])), data: data}
	if m.UnitsPerEm == 0 {
		return nil, fmt.Errorf("%w: zero units per em", errMalformed)
	}
	if m.Table, err = ParseMathTable(file.table("MATH")); err != nil {
		return nil, err
	}
	if m.lookup, err = readCmap(file.table("cmap")); err != nil {
		return nil, err
	}
	hhea, hmtx := file.table("hhea"), file.table("hmtx")
	if len(hhea) < 36 {
		return nil, fmt.Errorf("%w: hhea table is cut short", errMalformed)
	}
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	if long == 0 || long > n || len(hmtx) < 4*long {
		return nil, fmt.Errorf("%w: hmtx table is cut short", errMalformed)
	}
	m.advances = make([]uint16, n)
	m.boxes = make([]GlyphBox, n)
	for g := range n {
		m.advances[g] = binary.BigEndian.Uint16(hmtx[4*min(g, long-1):])
		if o := glyphs.outline(g); len(o) >= glyphHeaderSize {
			i16 := func(at int) int { return int(int16(binary.BigEndian.Uint16(o[at:]))) }
			m.boxes[g] = GlyphBox{i16(2), i16(4), i16(6), i16(8)}
		}
	}
	if err := m.encode(file.table("cmap"), n); err != nil {
		return nil, err
	}
	return m, nil
}

// Glyph returns the glyph the face maps r to, and false when it has none.
func (m *MathFont) Glyph(r rune) (uint16, bool) {
	g, err := m.lookup(r)
	if err != nil || g <= 0 || g >= len(m.advances) {
		return 0, false
	}
	return uint16(g), true
}

// Advance returns the advance width of glyph g in design units.
func (m *MathFont) Advance(g uint16) int {
	if int(g) >= len(m.advances) {
		return 0
	}
	return int(m.advances[g])
}

// Box returns the outline box of glyph g in design units; a glyph with no
// outline has an empty box at the origin.
func (m *MathFont) Box(g uint16) GlyphBox {
	if int(g) >= len(m.boxes) {
		return GlyphBox{}
	}
	return m.boxes[g]
}

// NumGlyphs returns the number of glyphs in the face.
func (m *MathFont) NumGlyphs() int { return len(m.advances) }

// Slots returns the number of slots of the face's encoding.
func (m *MathFont) Slots() int { return len(m.slots) }

// Encoding returns the slot glyph g is reached in and its code there.
func (m *MathFont) Encoding(g uint16) (slot int, code rune) {
	if int(g) >= len(m.encoding) {
		return 0, 0
	}
	e := m.encoding[g]
	return int(e.slot), e.code
}

// privateUse is the first code of the Private Use Area, given to glyphs
// that show no character.
const privateUse = 0xE000

// encode gives every glyph its slot and code. Slot 0 is the face's own
// map of the BMP from U+0020 (control characters are never set). Then, in a fixed order (the mathematical alphanumerics
// by code, the variants and assembly parts of each growing glyph by glyph
// id, any other glyph by id), each glyph without a place takes the code of
// the character it shows in the first slot where that code is free.
func (m *MathFont) encode(cmap []byte, n int) error {
	m.encoding = make([]slotCode, n)
	placed := make([]bool, n)
	own, err := mapRange(cmap, n, 0x20, 0xFFFF)
	if err != nil {
		return err
	}
	m.slots = [][]runeGlyph{own}
	meaning := make([]rune, n) // the character a glyph shows, 0 if unknown
	for _, e := range own {
		if !placed[e.gid] {
			placed[e.gid] = true
			m.encoding[e.gid] = slotCode{0, e.r}
			meaning[e.gid] = e.r
		}
	}
	used := []map[rune]bool{{}}
	for _, e := range own {
		used[0][e.r] = true
	}
	place := func(g uint16, code rune) {
		if placed[g] || code == 0 {
			return
		}
		s := 1
		for ; s < len(used) && used[s][code]; s++ {
		}
		if s == len(used) {
			used = append(used, map[rune]bool{})
			m.slots = append(m.slots, nil)
		}
		used[s][code] = true
		m.slots[s] = append(m.slots[s], runeGlyph{code, g})
		m.encoding[g] = slotCode{int32(s), code}
		placed[g] = true
		if meaning[g] == 0 {
			meaning[g] = code
		}
	}
	for r := rune(0x1D400); r <= 0x1D7FF; r++ {
		if g, ok := m.Glyph(r); ok {
			place(g, PlainOf(r))
		}
	}
	for _, dir := range []map[uint16]*GlyphConstruction{m.Table.Vertical, m.Table.Horizontal} {
		for _, base := range sortedKeys(dir) {
			if int(base) >= n || meaning[base] == 0 {
				continue
			}
			c := dir[base]
			for _, v := range c.Variants {
				if int(v.Glyph) < n {
					place(v.Glyph, meaning[base])
				}
			}
			if c.Assembly != nil {
				// The first piece that is not an extender stands for the
				// whole: a tall radical's hook reads as √.
				for _, p := range c.Assembly.Parts {
					if !p.Extender && int(p.Glyph) < n {
						place(p.Glyph, meaning[base])
						break
					}
				}
			}
		}
	}
	pua := rune(privateUse)
	for g := range n {
		if !placed[g] && g != 0 {
			if pua > 0xF8FF {
				return fmt.Errorf("%w: too many glyphs without a character", errMalformed)
			}
			place(uint16(g), pua)
			pua++
		}
	}
	for s := range m.slots {
		slices.SortFunc(m.slots[s], func(a, b runeGlyph) int { return int(a.r - b.r) })
	}
	return nil
}

// sortedKeys returns the glyph ids of a map in increasing order.
func sortedKeys(m map[uint16]*GlyphConstruction) []uint16 {
	keys := make([]uint16, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// PlainOf returns the character a Mathematical Alphanumeric Symbol is a
// styled form of (U+1D465 MATHEMATICAL ITALIC SMALL X is "x"), or r itself
// for any other rune.
func PlainOf(r rune) rune {
	switch {
	case r >= 0x1D400 && r <= 0x1D6A3:
		i := (r - 0x1D400) % 52
		if i < 26 {
			return 'A' + i
		}
		return 'a' + i - 26
	case r == 0x1D6A4:
		return 'ı'
	case r == 0x1D6A5:
		return 'ȷ'
	case r >= 0x1D6A8 && r <= 0x1D7C9:
		return greekOrder[(r-0x1D6A8)%58]
	case r == 0x1D7CA:
		return 'Ϝ'
	case r == 0x1D7CB:
		return 'ϝ'
	case r >= 0x1D7CE && r <= 0x1D7FF:
		return '0' + (r-0x1D7CE)%10
	}
	return r
}

// greekOrder is the order of the 58 characters in each style of Greek
// among the Mathematical Alphanumeric Symbols.
var greekOrder = []rune("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡϴΣΤΥΦΧΨΩ∇αβγδεζηθικλμνξοπρςστυφχψω∂ϵϑϰϕϱϖ")

// SlotGlyph returns the glyph that code reaches in slot s, and false when
// it reaches none.
func (m *MathFont) SlotGlyph(s int, code rune) (uint16, bool) {
	if s < 0 || s >= len(m.slots) {
		return 0, false
	}
	sl := m.slots[s]
	i, ok := slices.BinarySearchFunc(sl, code, func(e runeGlyph, r rune) int { return int(e.r - r) })
	if !ok {
		return 0, false
	}
	return sl[i].gid, true
}
