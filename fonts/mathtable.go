package fonts

import (
	"encoding/binary"
	"fmt"
)

// MathConstants are the layout constants of an OpenType MATH table, in
// font design units except for the three percentages. The names are the
// specification's.
type MathConstants struct {
	ScriptPercentScaleDown                   int
	ScriptScriptPercentScaleDown             int
	DelimitedSubFormulaMinHeight             int
	DisplayOperatorMinHeight                 int
	MathLeading                              int
	AxisHeight                               int
	AccentBaseHeight                         int
	FlattenedAccentBaseHeight                int
	SubscriptShiftDown                       int
	SubscriptTopMax                          int
	SubscriptBaselineDropMin                 int
	SuperscriptShiftUp                       int
	SuperscriptShiftUpCramped                int
	SuperscriptBottomMin                     int
	SuperscriptBaselineDropMax               int
	SubSuperscriptGapMin                     int
	SuperscriptBottomMaxWithSubscript        int
	SpaceAfterScript                         int
	UpperLimitGapMin                         int
	UpperLimitBaselineRiseMin                int
	LowerLimitGapMin                         int
	LowerLimitBaselineDropMin                int
	StackTopShiftUp                          int
	StackTopDisplayStyleShiftUp              int
	StackBottomShiftDown                     int
	StackBottomDisplayStyleShiftDown         int
	StackGapMin                              int
	StackDisplayStyleGapMin                  int
	StretchStackTopShiftUp                   int
	StretchStackBottomShiftDown              int
	StretchStackGapAboveMin                  int
	StretchStackGapBelowMin                  int
	FractionNumeratorShiftUp                 int
	FractionNumeratorDisplayStyleShiftUp     int
	FractionDenominatorShiftDown             int
	FractionDenominatorDisplayStyleShiftDown int
	FractionNumeratorGapMin                  int
	FractionNumDisplayStyleGapMin            int
	FractionRuleThickness                    int
	FractionDenominatorGapMin                int
	FractionDenomDisplayStyleGapMin          int
	SkewedFractionHorizontalGap              int
	SkewedFractionVerticalGap                int
	OverbarVerticalGap                       int
	OverbarRuleThickness                     int
	OverbarExtraAscender                     int
	UnderbarVerticalGap                      int
	UnderbarRuleThickness                    int
	UnderbarExtraDescender                   int
	RadicalVerticalGap                       int
	RadicalDisplayStyleVerticalGap           int
	RadicalRuleThickness                     int
	RadicalExtraAscender                     int
	RadicalKernBeforeDegree                  int
	RadicalKernAfterDegree                   int
	RadicalDegreeBottomRaisePercent          int
}

// fields returns pointers to the constants in the order the table stores
// them.
func (c *MathConstants) fields() []*int {
	return []*int{
		&c.ScriptPercentScaleDown, &c.ScriptScriptPercentScaleDown,
		&c.DelimitedSubFormulaMinHeight, &c.DisplayOperatorMinHeight,
		&c.MathLeading, &c.AxisHeight, &c.AccentBaseHeight, &c.FlattenedAccentBaseHeight,
		&c.SubscriptShiftDown, &c.SubscriptTopMax, &c.SubscriptBaselineDropMin,
		&c.SuperscriptShiftUp, &c.SuperscriptShiftUpCramped, &c.SuperscriptBottomMin,
		&c.SuperscriptBaselineDropMax, &c.SubSuperscriptGapMin,
		&c.SuperscriptBottomMaxWithSubscript, &c.SpaceAfterScript,
		&c.UpperLimitGapMin, &c.UpperLimitBaselineRiseMin,
		&c.LowerLimitGapMin, &c.LowerLimitBaselineDropMin,
		&c.StackTopShiftUp, &c.StackTopDisplayStyleShiftUp,
		&c.StackBottomShiftDown, &c.StackBottomDisplayStyleShiftDown,
		&c.StackGapMin, &c.StackDisplayStyleGapMin,
		&c.StretchStackTopShiftUp, &c.StretchStackBottomShiftDown,
		&c.StretchStackGapAboveMin, &c.StretchStackGapBelowMin,
		&c.FractionNumeratorShiftUp, &c.FractionNumeratorDisplayStyleShiftUp,
		&c.FractionDenominatorShiftDown, &c.FractionDenominatorDisplayStyleShiftDown,
		&c.FractionNumeratorGapMin, &c.FractionNumDisplayStyleGapMin,
		&c.FractionRuleThickness, &c.FractionDenominatorGapMin,
		&c.FractionDenomDisplayStyleGapMin,
		&c.SkewedFractionHorizontalGap, &c.SkewedFractionVerticalGap,
		&c.OverbarVerticalGap, &c.OverbarRuleThickness, &c.OverbarExtraAscender,
		&c.UnderbarVerticalGap, &c.UnderbarRuleThickness, &c.UnderbarExtraDescender,
		&c.RadicalVerticalGap, &c.RadicalDisplayStyleVerticalGap,
		&c.RadicalRuleThickness, &c.RadicalExtraAscender,
		&c.RadicalKernBeforeDegree, &c.RadicalKernAfterDegree,
		&c.RadicalDegreeBottomRaisePercent,
	}
}

// GlyphVariant is a larger (or wider) form of a glyph and the height (or
// width) it measures along the direction it grows in.
type GlyphVariant struct {
	Glyph   uint16
	Advance int
}

// GlyphPart is one piece of a glyph assembly. Connectors are the lengths
// at each end that may overlap the neighbouring part; an extender may be
// repeated any number of times, or left out.
type GlyphPart struct {
	Glyph                        uint16
	StartConnector, EndConnector int
	FullAdvance                  int
	Extender                     bool
}

// GlyphAssembly builds a glyph of any size from parts, listed from bottom
// to top for vertical growth and from left to right for horizontal.
type GlyphAssembly struct {
	ItalicsCorrection int
	Parts             []GlyphPart
}

// GlyphConstruction is how one glyph grows: its variants from smallest to
// largest and, past the largest, an assembly (nil when there is none).
type GlyphConstruction struct {
	Variants []GlyphVariant
	Assembly *GlyphAssembly
}

// MathTable holds what an OpenType MATH table says: the layout constants,
// per-glyph italics corrections and top-accent attachment points, the
// glyphs of extended shape, and how glyphs grow vertically and
// horizontally. Glyph ids are those of the font the table came from.
type MathTable struct {
	Constants           MathConstants
	ItalicsCorrection   map[uint16]int
	TopAccentAttachment map[uint16]int
	ExtendedShape       map[uint16]bool
	MinConnectorOverlap int
	Vertical            map[uint16]*GlyphConstruction
	Horizontal          map[uint16]*GlyphConstruction
}

// mathReader reads big-endian values out of a MATH table, turning every
// read past the end into one recorded error.
type mathReader struct {
	b   []byte
	err error
}

func (r *mathReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: MATH %s lies outside the table", errMalformed, what)
	}
}

func (r *mathReader) u16(at int, what string) int {
	if at < 0 || at+2 > len(r.b) {
		r.fail(what)
		return 0
	}
	return int(binary.BigEndian.Uint16(r.b[at:]))
}

func (r *mathReader) i16(at int, what string) int {
	return int(int16(r.u16(at, what)))
}

// offset reads an Offset16 at at, relative to base; zero means none and
// is returned as -1.
func (r *mathReader) offset(base, at int, what string) int {
	o := r.u16(at, what)
	if o == 0 || r.err != nil {
		return -1
	}
	return base + o
}

// coverage returns the glyphs of the coverage table at at, in coverage
// index order.
func (r *mathReader) coverage(at int, what string) []uint16 {
	if at < 0 {
		return nil
	}
	var gids []uint16
	switch format := r.u16(at, what); format {
	case 1:
		n := r.u16(at+2, what)
		if at+4+2*n > len(r.b) {
			r.fail(what)
			return nil
		}
		for i := range n {
			gids = append(gids, uint16(r.u16(at+4+2*i, what)))
		}
	case 2:
		n := r.u16(at+2, what)
		if at+4+6*n > len(r.b) {
			r.fail(what)
			return nil
		}
		for i := range n {
			rec := at + 4 + 6*i
			start, end, index := r.u16(rec, what), r.u16(rec+2, what), r.u16(rec+4, what)
			if end < start || index != len(gids) || len(gids)+end-start >= 1<<16 {
				if r.err == nil {
					r.err = fmt.Errorf("%w: MATH %s has a coverage range out of order", errMalformed, what)
				}
				return nil
			}
			for g := start; g <= end; g++ {
				gids = append(gids, uint16(g))
			}
		}
	default:
		if r.err == nil {
			r.err = fmt.Errorf("%w: MATH %s has a coverage of format %d", errMalformed, what, format)
		}
	}
	return gids
}

// valueTable reads a coverage and a count of MathValueRecords after it,
// as the italics-correction and top-accent tables hold them.
func (r *mathReader) valueTable(at int, what string) map[uint16]int {
	m := map[uint16]int{}
	if at < 0 {
		return m
	}
	gids := r.coverage(r.offset(at, at, what), what)
	n := r.u16(at+2, what)
	for i := 0; i < n && i < len(gids) && r.err == nil; i++ {
		m[gids[i]] = r.i16(at+4+4*i, what)
	}
	return m
}

// constructions reads count glyph constructions whose offsets start at
// at, for the glyphs of a coverage.
func (r *mathReader) constructions(base, at, count int, gids []uint16, what string) map[uint16]*GlyphConstruction {
	m := map[uint16]*GlyphConstruction{}
	for i := 0; i < count && i < len(gids) && r.err == nil; i++ {
		c := r.offset(base, at+2*i, what)
		if c < 0 {
			continue
		}
		gc := &GlyphConstruction{}
		n := r.u16(c+2, what)
		if c+4+4*n > len(r.b) {
			r.fail(what)
			break
		}
		for j := range n {
			v := c + 4 + 4*j
			gc.Variants = append(gc.Variants, GlyphVariant{uint16(r.u16(v, what)), r.u16(v+2, what)})
		}
		if a := r.offset(c, c, what); a >= 0 {
			asm := &GlyphAssembly{ItalicsCorrection: r.i16(a, what)}
			parts := r.u16(a+4, what)
			if a+6+10*parts > len(r.b) {
				r.fail(what)
				break
			}
			for j := range parts {
				p := a + 6 + 10*j
				asm.Parts = append(asm.Parts, GlyphPart{
					Glyph:          uint16(r.u16(p, what)),
					StartConnector: r.u16(p+2, what),
					EndConnector:   r.u16(p+4, what),
					FullAdvance:    r.u16(p+6, what),
					Extender:       r.u16(p+8, what)&1 != 0,
				})
			}
			gc.Assembly = asm
		}
		m[gids[i]] = gc
	}
	return m
}

// ParseMathTable reads the bytes of an OpenType MATH table (version 1.0).
// It reports an error, and never panics, when the bytes do not hold what
// the table's own offsets and counts promise. Device tables and math kern
// tables (cut-ins) are not read.
func ParseMathTable(b []byte) (*MathTable, error) {
	r := &mathReader{b: b}
	if major := r.u16(0, "header"); r.err == nil && major != 1 {
		return nil, fmt.Errorf("fonts: MATH table of version %d", major)
	}
	t := &MathTable{}
	if c := r.offset(0, 4, "header"); c >= 0 {
		for i, f := range t.Constants.fields() {
			switch {
			case i < 2:
				*f = r.i16(c+2*i, "constants")
			case i < 4:
				*f = r.u16(c+2*i, "constants")
			case i < 55:
				*f = r.i16(c+8+4*(i-4), "constants")
			default:
				*f = r.i16(c+8+4*51, "constants")
			}
		}
	}
	t.ItalicsCorrection = map[uint16]int{}
	t.TopAccentAttachment = map[uint16]int{}
	t.ExtendedShape = map[uint16]bool{}
	if g := r.offset(0, 6, "header"); g >= 0 {
		t.ItalicsCorrection = r.valueTable(r.offset(g, g, "glyph info"), "italics corrections")
		t.TopAccentAttachment = r.valueTable(r.offset(g, g+2, "glyph info"), "top accent attachments")
		for _, gid := range r.coverage(r.offset(g, g+4, "glyph info"), "extended shapes") {
			t.ExtendedShape[gid] = true
		}
	}
	t.Vertical = map[uint16]*GlyphConstruction{}
	t.Horizontal = map[uint16]*GlyphConstruction{}
	if v := r.offset(0, 8, "header"); v >= 0 {
		t.MinConnectorOverlap = r.u16(v, "variants")
		vert := r.coverage(r.offset(v, v+2, "variants"), "vertical variants")
		horiz := r.coverage(r.offset(v, v+4, "variants"), "horizontal variants")
		nv, nh := r.u16(v+6, "variants"), r.u16(v+8, "variants")
		t.Vertical = r.constructions(v, v+10, nv, vert, "vertical variants")
		t.Horizontal = r.constructions(v, v+10+2*nv, nh, horiz, "horizontal variants")
	}
	if r.err != nil {
		return nil, fmt.Errorf("fonts: %w", r.err)
	}
	return t, nil
}
