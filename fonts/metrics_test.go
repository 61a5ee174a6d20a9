package fonts

import (
	"math"
	"sync"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// unitsOf returns the advance of r in a font file in font units, read
// straight from the file.
func unitsOf(t *testing.T, file string, r rune) (units, upem float64) {
	t.Helper()
	data, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	gid, err := f.GlyphIndex(&b, r)
	if err != nil {
		t.Fatal(err)
	}
	upem = float64(f.UnitsPerEm())
	adv, err := f.GlyphAdvance(&b, gid, measurePPEM, 0)
	if err != nil {
		t.Fatal(err)
	}
	return float64(adv) / measurePPEM * upem, upem
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-3 }

func TestWidthMatchesTheFont(t *testing.T) {
	for _, tc := range []struct {
		family, style string
		r             rune
	}{
		{"sans", "", 'a'},
		{"sans", "B", 'W'},
		{"serif", "I", 'é'},
		{"mono", "", 'm'},
		{"symbols", "", '≠'},
		{"sans", "", 0xFB01}, // above the table: measured on demand
	} {
		f, _ := Lookup(tc.family, tc.style)
		units, upem := unitsOf(t, f.File, tc.r)
		if got, want := f.Width(string(tc.r), upem), units; !near(got, want) {
			t.Errorf("%s %q: width %g, want %g font units", f.File, tc.r, got, want)
		}
	}
}

func TestWidthAddsUp(t *testing.T) {
	sans, _ := Lookup("sans", "")
	bold, _ := Lookup("sans", "B")
	a, b := sans.Width("Peace", 10), sans.Width("keeping", 10)
	if got := sans.Width("Peacekeeping", 10); !near(got, a+b) {
		t.Errorf("Width(Peacekeeping) = %g, want %g", got, a+b)
	}
	if got := sans.Width("Peacekeeping", 20); !near(got, 2*(a+b)) {
		t.Errorf("Width at 20 pt = %g, want twice the width at 10 pt", got)
	}
	if sans.Width("", 10) != 0 {
		t.Error("the empty string has a width")
	}
	if bold.Width("Peacekeeping", 10) <= a+b {
		t.Error("bold is not wider than regular")
	}
	// Noto Sans sets "Peacekeeping" at 10 pt about 60 pt wide.
	if w := a + b; w < 50 || w > 70 {
		t.Errorf("Width(Peacekeeping, 10) = %g, not a plausible width", w)
	}
}

func TestWidthFallsBackToSymbols(t *testing.T) {
	serif, _ := Lookup("serif", "")
	bold, _ := Lookup("serif", "B")
	symbols, _ := Lookup("symbols", "")
	symbolsBold, _ := Lookup("symbols", "B")
	if got, want := serif.Width("≠", 10), symbols.Width("≠", 10); !near(got, want) || got == 0 {
		t.Errorf("serif ≠ is %g wide, want the symbols face's %g", got, want)
	}
	if got, want := bold.Width("✓", 10), symbolsBold.Width("✓", 10); !near(got, want) {
		t.Errorf("bold serif ✓ is %g wide, want the bold symbols face's %g", got, want)
	}
	// A rune no face has is measured as the face's .notdef glyph.
	if serif.Width("中", 10) <= 0 {
		t.Error("a rune no face has is given no width")
	}
	if (Face{File: "noto/missing.ttf"}).Width("abc", 10) != 0 {
		t.Error("a face that is not embedded measures text")
	}
}

func TestWidthIsSafeForConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	want := make([]float64, len(Faces))
	for i, f := range Faces {
		want[i] = f.Width("Balkans ≠ Kosovo", 9)
	}
	for range 8 {
		wg.Go(func() {
			for i, f := range Faces {
				if got := f.Width("Balkans ≠ Kosovo", 9); got != want[i] {
					t.Errorf("%s: %g, then %g", f.File, want[i], got)
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkWidth(b *testing.B) {
	f, _ := Lookup("sans", "")
	f.Width("a", 1)
	for b.Loop() {
		f.Width("Peacekeepers securing the streets, preventing ethnic violence.", 9)
	}
}
