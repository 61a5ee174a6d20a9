package fonts

import (
	"testing"
)

// mathTableBytes returns the MATH table of the embedded maths face.
func mathTableBytes(t testing.TB) []byte {
	t.Helper()
	data, err := Read(MathFile)
	if err != nil {
		t.Fatal(err)
	}
	file, err := parseSFNT(data)
	if err != nil {
		t.Fatal(err)
	}
	return file.table("MATH")
}

func TestMathConstantsOfNotoSansMath(t *testing.T) {
	m, err := Math()
	if err != nil {
		t.Fatal(err)
	}
	c := m.Table.Constants
	// The values the font's designers set, as a MATH table viewer shows
	// them: the first two, a run of records in the middle and the last.
	for _, tc := range []struct {
		name      string
		got, want int
	}{
		{"ScriptPercentScaleDown", c.ScriptPercentScaleDown, 60},
		{"ScriptScriptPercentScaleDown", c.ScriptScriptPercentScaleDown, 50},
		{"AxisHeight", c.AxisHeight, 278},
		{"FractionRuleThickness", c.FractionRuleThickness, 71},
		{"FractionNumeratorDisplayStyleShiftUp", c.FractionNumeratorDisplayStyleShiftUp, 704},
		{"FractionDenominatorDisplayStyleShiftDown", c.FractionDenominatorDisplayStyleShiftDown, 673},
		{"SuperscriptShiftUp", c.SuperscriptShiftUp, 390},
		{"SubscriptShiftDown", c.SubscriptShiftDown, 210},
		{"RadicalVerticalGap", c.RadicalVerticalGap, 89},
		{"RadicalKernAfterDegree", c.RadicalKernAfterDegree, -450},
		{"RadicalDegreeBottomRaisePercent", c.RadicalDegreeBottomRaisePercent, 56},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %d, want %d", tc.name, tc.got, tc.want)
		}
	}
	if m.UnitsPerEm != 1000 {
		t.Errorf("units per em = %d", m.UnitsPerEm)
	}
}

func TestMathVariantsGrow(t *testing.T) {
	m, err := Math()
	if err != nil {
		t.Fatal(err)
	}
	paren, _ := m.Glyph('(')
	c := m.Table.Vertical[paren]
	if c == nil || len(c.Variants) < 4 {
		t.Fatalf("( has no vertical variants: %+v", c)
	}
	for i := 1; i < len(c.Variants); i++ {
		if c.Variants[i].Advance <= c.Variants[i-1].Advance {
			t.Errorf("variant %d of ( is %d high, not more than %d", i, c.Variants[i].Advance, c.Variants[i-1].Advance)
		}
	}
	if c.Variants[0].Glyph != paren {
		t.Errorf("the first variant of ( is glyph %d, not ( itself", c.Variants[0].Glyph)
	}
	a := c.Assembly
	if a == nil || len(a.Parts) != 3 {
		t.Fatalf("( assembly = %+v, want three parts", a)
	}
	// Bottom to top: the lower hook, the extender, the upper hook, as
	// Unicode's parenthesis pieces U+239D, U+239C and U+239B.
	for i, r := range []rune{'⎝', '⎜', '⎛'} {
		g, _ := m.Glyph(r)
		if a.Parts[i].Glyph != g {
			t.Errorf("part %d of ( is glyph %d, want %c (%d)", i, a.Parts[i].Glyph, r, g)
		}
		if a.Parts[i].Extender != (i == 1) {
			t.Errorf("part %d of ( extender = %v", i, a.Parts[i].Extender)
		}
	}
	hat, _ := m.Glyph(0x302)
	if h := m.Table.Horizontal[hat]; h == nil || len(h.Variants) < 2 {
		t.Errorf("the combining circumflex has no wider variants")
	}
	italicF, _ := m.Glyph(0x1D453)
	if m.Table.ItalicsCorrection[italicF] <= 0 {
		t.Errorf("italic f has no italics correction")
	}
	if _, ok := m.Table.TopAccentAttachment[italicF]; !ok {
		t.Errorf("italic f has no top accent attachment")
	}
}

// TestMathEncoding checks that every glyph is reached by exactly one code
// in one slot, that each slot's code reaches the glyph again, and
// that styled letters and larger variants take the code of what they show.
func TestMathEncoding(t *testing.T) {
	m, err := Math()
	if err != nil {
		t.Fatal(err)
	}
	type place struct {
		slot int
		code rune
	}
	seen := map[place]uint16{}
	for g := 1; g < m.NumGlyphs(); g++ {
		s, code := m.Encoding(uint16(g))
		if code == 0 || code > 0xFFFF {
			t.Fatalf("glyph %d has code %U", g, code)
		}
		p := place{s, code}
		if other, dup := seen[p]; dup {
			t.Fatalf("glyphs %d and %d share slot %d code %U", other, g, s, code)
		}
		seen[p] = uint16(g)
	}
	for p, g := range seen {
		if got, ok := m.SlotGlyph(p.slot, p.code); !ok || got != g {
			t.Fatalf("slot %d code %U reaches glyph %d (%v), want %d", p.slot, p.code, got, ok, g)
		}
	}
	for _, tc := range []struct {
		r    rune
		want rune
	}{{0x1D465, 'x'}, {0x1D703, 'θ'}, {0x1D400, 'A'}, {0x1D7D9, '1'}, {0x221A, '√'}} {
		g, ok := m.Glyph(tc.r)
		if !ok {
			t.Fatalf("no glyph for %U", tc.r)
		}
		if _, code := m.Encoding(g); code != tc.want {
			t.Errorf("%U is reached as %q, want %q", tc.r, code, tc.want)
		}
	}
	root, _ := m.Glyph('√')
	for _, v := range m.Table.Vertical[root].Variants {
		if _, code := m.Encoding(v.Glyph); code != '√' {
			t.Errorf("a taller radical is reached as %q, want √", code)
		}
	}
}

func TestPlainOf(t *testing.T) {
	for r, want := range map[rune]rune{
		0x1D44E: 'a', 0x1D434: 'A', 0x1D6FC: 'α', 0x1D6FA: 'Ω', 0x1D6F3: 'ϴ', 0x1D715: '∂',
		0x1D71B: 'ϖ', 0x1D7CE: '0', 0x1D7FF: '9', 'q': 'q', 0x1D6A4: 'ı',
	} {
		if got := PlainOf(r); got != want {
			t.Errorf("PlainOf(%U) = %q, want %q", r, got, want)
		}
	}
}

func TestParseMathTableRejectsCutTables(t *testing.T) {
	b := mathTableBytes(t)
	for _, n := range []int{0, 3, 9, 100, 220, len(b) / 2, len(b) - 1} {
		if _, err := ParseMathTable(b[:n]); err == nil {
			t.Errorf("a MATH table cut to %d of %d bytes parsed without an error", n, len(b))
		}
	}
	bad := append([]byte{0, 2}, b[2:]...)
	if _, err := ParseMathTable(bad); err == nil {
		t.Error("a MATH table of version 2 parsed without an error")
	}
}

func FuzzParseMathTable(f *testing.F) {
	b := mathTableBytes(f)
	f.Add(b)
	f.Add(b[:214])
	f.Add([]byte{0, 1, 0, 0, 0, 10, 0, 0, 0, 0, 0, 60})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseMathTable(data)
		if err == nil && m == nil {
			t.Fatal("no table and no error")
		}
	})
}

// TestSubsetKeepsTheGrowingForms checks that the e-book subset of the
// maths face keeps the larger forms and the assembly parts of a kept
// delimiter, which a reader draws a tall parenthesis with, and that the
// PDF's subset, which names every glyph it draws, leaves them out.
func TestSubsetKeepsTheGrowingForms(t *testing.T) {
	m, err := Math()
	if err != nil {
		t.Fatal(err)
	}
	data, err := Read(MathFile)
	if err != nil {
		t.Fatal(err)
	}
	paren, _ := m.Glyph('(')
	c := m.Table.Vertical[paren]
	last := c.Variants[len(c.Variants)-1].Glyph
	part := c.Assembly.Parts[1].Glyph
	outline := func(font []byte, gid uint16) int {
		t.Helper()
		file, err := parseSFNT(font)
		if err != nil {
			t.Fatal(err)
		}
		g, err := parseGlyphTable(file.table("head"), file.table("maxp"), file.table("loca"), file.table("glyf"))
		if err != nil {
			t.Fatal(err)
		}
		if int(gid) >= g.numGlyphs() {
			return 0 // past the last glyph the subset keeps
		}
		return len(g.outline(int(gid)))
	}
	book, err := Subset(data, []rune("(x)"))
	if err != nil {
		t.Fatal(err)
	}
	if outline(book, last) == 0 || outline(book, part) == 0 {
		t.Error("the e-book subset empties the larger forms of (")
	}
	// The PDF's subset is numbered anew: the glyphs it keeps are those
	// asked for, with .notdef, and ( is among them.
	pdf, ids, err := SubsetGlyphIDs(data, []uint16{paren})
	if err != nil {
		t.Fatal(err)
	}
	file, err := parseSFNT(pdf)
	if err != nil {
		t.Fatal(err)
	}
	g, err := parseGlyphTable(file.table("head"), file.table("maxp"), file.table("loca"), file.table("glyf"))
	if err != nil {
		t.Fatal(err)
	}
	if g.numGlyphs() != 2 {
		t.Errorf("the PDF's subset keeps %d glyphs; want .notdef and (", g.numGlyphs())
	}
	if len(ids) != 1 || outline(pdf, ids[0]) == 0 {
		t.Errorf("the PDF's subset empties ( itself (ids %v)", ids)
	}
}
