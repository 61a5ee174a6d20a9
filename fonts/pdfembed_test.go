package fonts

import (
	"math"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestSubsetGlyphsMapsRunes checks that each rune's glyph id is the one
// the subset's own character map gives it, that the ids are the kept
// glyphs renumbered (fewer than the font's), and that a rune the font
// lacks gets glyph 0.
func TestSubsetGlyphsMapsRunes(t *testing.T) {
	data, err := Read("noto/NotoSerif-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune{'H', 'é', '€', '\u2A01'}
	out, gids, err := SubsetGlyphs(data, runes)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	whole, _ := sfnt.Parse(data)
	if f.NumGlyphs() >= whole.NumGlyphs()/10 {
		t.Errorf("the subset keeps %d glyphs of %d", f.NumGlyphs(), whole.NumGlyphs())
	}
	var b sfnt.Buffer
	for i, r := range runes {
		want, err := f.GlyphIndex(&b, r)
		if err != nil {
			t.Fatal(err)
		}
		if gids[i] != uint16(want) {
			t.Errorf("%q: glyph %d, the subset maps it to %d", r, gids[i], want)
		}
		if (gids[i] == 0) != (r == '\u2A01') {
			t.Errorf("%q: glyph %d", r, gids[i])
		}
	}
	if name, ok := PostScriptName(out); !ok || name != "NotoSerif-Regular" {
		t.Errorf("the subset is named %q, %v", name, ok)
	}
}

// TestSubsetGlyphsLeavesLayoutOut checks that a PDF's subset holds the
// glyphs of its runes and no more (not the ligature of f and i, which
// the e-book's subset keeps for a reader to shape with), and none of the
// layout tables, which PDF readers do not apply.
func TestSubsetGlyphsLeavesLayoutOut(t *testing.T) {
	for file, text := range map[string]string{"noto/NotoSerif-Regular.ttf": "fix", "dejavu/DejaVuSans.ttf": "fix", MathFile: "+=<"} {
		data, err := Read(file)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(text)
		out, _, err := SubsetGlyphs(data, runes)
		if err != nil {
			t.Fatal(err)
		}
		sf, err := parseSFNT(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range []string{"GSUB", "GPOS", "GDEF", "kern", "MATH"} {
			if sf.table(tag) != nil {
				t.Errorf("%s: the PDF's subset keeps %s", file, tag)
			}
		}
		f, err := sfnt.Parse(out)
		if err != nil {
			t.Fatal(err)
		}
		if n := f.NumGlyphs(); n != len(runes)+1 {
			t.Errorf("%s: the PDF's subset of %q keeps %d glyphs; want %d", file, string(runes), n, len(runes)+1)
		}
		book, err := Subset(data, runes)
		if err != nil {
			t.Fatal(err)
		}
		if bf, _ := parseSFNT(book); file != MathFile && bf.table("GSUB") == nil {
			t.Errorf("%s: the e-book's subset has no GSUB", file)
		}
	}
}

// TestDescribe checks the metrics a font descriptor takes from the faces.
func TestDescribe(t *testing.T) {
	for _, c := range []struct {
		file                string
		bold, italic, fixed bool
	}{
		{"noto/NotoSerif-Regular.ttf", false, false, false},
		{"noto/NotoSerif-Bold.ttf", true, false, false},
		{"noto/NotoSans-Italic.ttf", false, true, false},
		{"noto/NotoSansMono-Regular.ttf", false, false, true},
	} {
		data, err := Read(c.file)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Describe(data)
		if err != nil {
			t.Fatal(err)
		}
		if m.Bold != c.bold || m.Italic != c.italic || m.FixedPitch != c.fixed {
			t.Errorf("%s: bold %v italic %v fixed %v", c.file, m.Bold, m.Italic, m.FixedPitch)
		}
		if c.italic != (m.ItalicAngle < 0) {
			t.Errorf("%s: italic angle %v", c.file, m.ItalicAngle)
		}
		if m.Ascent < 700 || m.Descent > -150 || m.CapHeight < 600 || m.CapHeight > m.Ascent {
			t.Errorf("%s: ascent %d, descent %d, cap height %d", c.file, m.Ascent, m.Descent, m.CapHeight)
		}
		if m.BBox[0] >= 0 || m.BBox[1] >= 0 || m.BBox[2] <= 1000 || m.BBox[3] < m.Ascent/2 {
			t.Errorf("%s: box %v", c.file, m.BBox)
		}
		if m.MissingWidth <= 0 {
			t.Errorf("%s: missing width %d", c.file, m.MissingWidth)
		}
	}
	if _, err := Describe([]byte("not a font")); err == nil {
		t.Error("Describe read a file that is not a font")
	}
}

// TestAdvanceIsWidth checks Advance against Width, which measures with
// the fallback to the symbols face, and that a face does not measure a
// rune it lacks.
func TestAdvanceIsWidth(t *testing.T) {
	f, _ := Lookup("serif", "B")
	for _, r := range "aW€ž" {
		ems, ok := f.Advance(r)
		if !ok || math.Abs(ems*10-f.Width(string(r), 10)) > 1e-9 {
			t.Errorf("%q: advance %v (%v), width at 10 pt %v", r, ems, ok, f.Width(string(r), 10))
		}
	}
	if _, ok := f.Advance('\u2A01'); ok {
		t.Error("the serif measures a rune it lacks")
	}
}

// TestSlotGlyph checks that the code a glyph of the maths face is given
// in its slot reaches the glyph again.
func TestSlotGlyph(t *testing.T) {
	m, err := Math()
	if err != nil {
		t.Fatal(err)
	}
	for g := 1; g < m.NumGlyphs(); g += 37 {
		slot, code := m.Encoding(uint16(g))
		got, ok := m.SlotGlyph(slot, code)
		if !ok || got != uint16(g) {
			t.Errorf("glyph %d: slot %d code %U reaches %d, %v", g, slot, code, got, ok)
		}
	}
	if _, ok := m.SlotGlyph(m.Slots(), 'x'); ok {
		t.Error("a slot beyond the last reaches a glyph")
	}
}
