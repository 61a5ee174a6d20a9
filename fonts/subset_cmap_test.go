package fonts

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestSubsetMapsRunesBeyondTheBasicPlane(t *testing.T) {
	orig := mustRead(t, "dejavu/DejaVuSans.ttf")
	// Old Italic letters (U+10300…) lie beyond the Basic Multilingual Plane
	// and need a format 12 subtable; U+10305 is left out to split a group.
	text := "a≤→😀\U00010300\U00010301\U00010302\U00010304"
	sub, err := Subset(orig, []rune(text))
	if err != nil {
		t.Fatal(err)
	}
	before, after := mustParse(t, orig), mustParse(t, sub)
	var b sfnt.Buffer
	for _, r := range text + "b\U00010303\U00010305" {
		want, _ := before.GlyphIndex(&b, r)
		if !strings.ContainsRune(text, r) {
			want = 0
		}
		if got, err := after.GlyphIndex(&b, r); got != want || err != nil {
			t.Errorf("GlyphIndex(%U) = %d, %v; want %d", r, got, err, want)
		}
	}
}

func TestBuildCmapRefusesWhatFormat4CannotHold(t *testing.T) {
	// Every other rune with glyphs out of step needs a segment each; 8,200
	// segments of 8 bytes overflow the 16-bit length of a format 4 table.
	var m []runeGlyph
	for i := range 8200 {
		m = append(m, runeGlyph{rune(2 * i), uint16(3*i + 1)})
	}
	if _, ok := buildCmap(m); ok {
		t.Error("buildCmap wrote a format 4 table longer than 65,535 bytes")
	}
	if _, ok := buildCmap(m[:100]); !ok {
		t.Error("buildCmap refused 100 runes")
	}
}

func TestSubsetOfNoRunesKeepsOnlyNotdef(t *testing.T) {
	orig := mustRead(t, "noto/NotoSerif-Regular.ttf")
	sub, err := Subset(orig, nil)
	if err != nil {
		t.Fatal(err)
	}
	after := mustParse(t, sub)
	var b sfnt.Buffer
	if gid, _ := after.GlyphIndex(&b, 'a'); gid != 0 {
		t.Errorf("a maps to glyph %d", gid)
	}
	for gid := range after.NumGlyphs() {
		if len(outline(t, after, sfnt.GlyphIndex(gid))) != 0 && gid != 0 {
			t.Errorf("glyph %d kept", gid)
		}
	}
	checkFile(t, sub)
	t.Logf("%d bytes", len(sub))
}

func TestReadCmapAgreesWithSFNT(t *testing.T) {
	for _, face := range Faces {
		data := mustRead(t, face.File)
		file, err := parseSFNT(data)
		if err != nil {
			t.Fatal(err)
		}
		lookup, err := readCmap(file.table("cmap"))
		if err != nil {
			t.Fatal(err)
		}
		font := mustParse(t, data)
		var b sfnt.Buffer
		for r := rune(0); r < 0x20000; r++ {
			want, _ := font.GlyphIndex(&b, r)
			if got, err := lookup(r); got != int(want) || err != nil {
				t.Fatalf("%s: %U maps to %d, %v; sfnt says %d", face.File, r, got, err, want)
			}
		}
	}
}

// TestMapRangeIsMapRunes checks that walking the groups of a character
// map gives what looking each rune up gives: for every embedded font, and
// for a map whose groups are out of order, which is looked up rune by
// rune.
func TestMapRangeIsMapRunes(t *testing.T) {
	every := func(lo, hi rune) []rune {
		var rs []rune
		for r := lo; r <= hi; r++ {
			rs = append(rs, r)
		}
		return rs
	}
	check := func(name string, cmap []byte, n int) {
		t.Helper()
		for _, span := range [][2]rune{{0x20, 0xFFFF}, {0, 0x10FFFF}, {0x41, 0x5A}} {
			got, err := mapRange(cmap, n, span[0], span[1])
			want, werr := mapRunes(cmap, n, every(span[0], span[1]))
			if (err == nil) != (werr == nil) || !slices.Equal(got, want) {
				t.Errorf("%s, %U to %U: %d entries (%v); looked up one by one, %d (%v)", name, span[0], span[1], len(got), err, len(want), werr)
			}
		}
	}
	for _, file := range append([]string{MathFile}, "noto/NotoSerif-Regular.ttf", "dejavu/DejaVuSans.ttf") {
		data, _ := Read(file)
		sf, err := parseSFNT(data)
		if err != nil {
			t.Fatal(err)
		}
		check(file, sf.table("cmap"), 3000)
	}
	// Groups out of order and overlapping.
	m := []runeGlyph{{'a', 5}, {'b', 6}, {'c', 7}, {'x', 9}, {'y', 10}}
	sub := cmapFormat12(m)
	groups := sub[16:]
	swapped := slices.Concat(sub[:16], groups[12:24], groups[:12])
	cmap := []byte{0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12}
	check("groups out of order", append(cmap, swapped...), 100)
	check("groups in order", append(cmap, sub...), 100)
}
