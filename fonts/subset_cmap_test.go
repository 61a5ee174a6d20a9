package fonts

import (
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
