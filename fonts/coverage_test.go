package fonts

import (
	"sync"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestCoversMatchesTheCharacterMap(t *testing.T) {
	for _, face := range Faces {
		data, err := Read(face.File)
		if err != nil {
			t.Fatal(err)
		}
		font, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		var b sfnt.Buffer
		// Every rune of the bitmap, and a stretch above it answered by the
		// character map.
		for r := rune(0); r < lowRunes+0x200; r++ {
			gid, err := font.GlyphIndex(&b, r)
			want := err == nil && gid != 0
			if got := face.Covers(r); got != want {
				t.Fatalf("%s: Covers(%U) = %v, want %v", face.File, r, got, want)
			}
		}
	}
}

func TestCovers(t *testing.T) {
	serif, _ := Lookup("serif", "")
	symbols, _ := Lookup("symbols", "")
	for _, tc := range []struct {
		face Face
		r    rune
		want bool
	}{
		{serif, 'A', true},
		{serif, 'é', true},
		{serif, 'Ж', true},
		{serif, 'Ω', true},
		{serif, '≤', false},
		{serif, '✓', false},
		{symbols, '≤', true},
		{symbols, '✓', true},
		{serif, '中', false},
		{serif, -1, false},
		{serif, 0xD800, false}, // a surrogate is no rune
		{serif, 0x110000, false},
		{Face{File: "noto/missing.ttf"}, 'A', false},
	} {
		if got := tc.face.Covers(tc.r); got != tc.want {
			t.Errorf("%s.Covers(%U) = %v, want %v", tc.face.File, tc.r, got, tc.want)
		}
	}
}

func TestFallback(t *testing.T) {
	for _, tc := range []struct {
		family, style string
		r             rune
		file          string // "" when no face covers r
	}{
		{"serif", "", 'a', "noto/NotoSerif-Regular.ttf"},
		{"serif", "BI", 'a', "noto/NotoSerif-BoldItalic.ttf"},
		{"sans", "BI", 'a', "noto/NotoSans-Regular.ttf"}, // as Lookup falls back
		{"serif", "", '≠', "dejavu/DejaVuSans.ttf"},
		{"serif", "I", '→', "dejavu/DejaVuSans.ttf"},
		{"serif", "B", '✓', "dejavu/DejaVuSans-Bold.ttf"},
		{"mono", "BI", '✓', "dejavu/DejaVuSans-Bold.ttf"},
		{"mono", "", '≥', "noto/NotoSansMono-Regular.ttf"},
		{"serif", "", '中', ""}, // CJK needs a font of its own
		{"cursive", "", 'a', ""},
	} {
		f, ok := Fallback(tc.family, tc.style, tc.r)
		if ok != (tc.file != "") || f.File != tc.file {
			t.Errorf("Fallback(%q, %q, %U) = %q, %v; want %q", tc.family, tc.style, tc.r, f.File, ok, tc.file)
		}
	}
}

func TestCoversIsSafeForConcurrentUse(t *testing.T) {
	// Faces are loaded on first use; run with -race to check the loading.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for _, f := range Faces {
				if !f.Covers('a' + rune(i)) {
					t.Errorf("%s does not cover %q", f.File, 'a'+rune(i))
				}
				f.Covers(0x4E00 + rune(i))
			}
		})
	}
	wg.Wait()
}

func BenchmarkFallback(b *testing.B) {
	text := []rune("Peacekeeping — “consent”, impartiality ≠ neutrality → Ж Ω é ✓ 中")
	Fallback("serif", "", 'a') // load the faces before timing
	Fallback("symbols", "", 'a')
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Fallback("serif", "", text[i%len(text)])
	}
}

func TestEveryFaceHasACoverage(t *testing.T) {
	for _, f := range Faces {
		if tableOf(f.File) == nil {
			t.Errorf("%s has no coverage", f.File)
		}
	}
}
