package cover

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

func TestRenderIsDeterministicPNG(t *testing.T) {
	c := Content{
		Title:    "NATO’s Involvement in Peacekeeping and Humanitarian Missions",
		Subtitle: "A study guide with summary tables and a memory palace",
		Authors:  []string{"Ana Müller", "Όλγα Παππά", "Иван Петров"},
	}
	a, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same content differ")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != Width || got.Y != Height {
		t.Fatalf("size %v; want %dx%d", got, Width, Height)
	}
	// A palette image of a few colours: a small file, cheap to encode.
	if p, ok := img.(*image.Paletted); !ok || len(p.Palette) > 64 {
		t.Errorf("the cover is a %T, not an image of a palette of at most 64 colours", img)
	}
	if len(a) > 100_000 {
		t.Errorf("the cover takes %d bytes", len(a))
	}
	if dir := os.Getenv("COVER_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, "cover.png"), a, 0o644)
	}
}

func TestRenderCopesWithLongWordsAndNoAuthors(t *testing.T) {
	_, err := Render(Content{Title: "Pneumonoultramicroscopicsilicovolcanoconiosis and Supercalifragilisticexpialidocious"})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWordsSplitsAtSpacesOnly(t *testing.T) {
	got := words("  a\tb\u00a0c\n d ")
	want := []string{"a", "b\u00a0c", "d"}
	if len(got) != len(want) {
		t.Fatalf("words = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("words = %q", got)
		}
	}
}

func TestJoinAuthors(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"A"}, "A"},
		{[]string{"A", "B"}, "A & B"},
		{[]string{"A", "B", "C"}, "A, B & C"},
	} {
		if got := joinAuthors(tc.in); got != tc.want {
			t.Errorf("joinAuthors(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// luma returns the grey level of c as an e-ink screen shows it, 0 to 1.
func luma(c color.RGBA) float64 {
	return (0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)) / 255
}

func TestCoverReadsInGreyscale(t *testing.T) {
	for _, pair := range []struct {
		name     string
		fg, back uint32
	}{
		{"title on panel", onDark, panel},
		{"subtitle on paper", ink, paper},
		{"authors on paper", muted, paper},
	} {
		if d := luma(rgb(pair.back)) - luma(rgb(pair.fg)); d < 0.5 && -d < 0.5 {
			t.Errorf("%s: grey levels differ by only %.2f", pair.name, d)
		}
	}
}

func TestFitNeverExceedsMaxLines(t *testing.T) {
	f := coverFonts(t)
	long := strings.Repeat("many words in a very long title ", 40)
	b, err := fit(f, long, 124, 60, 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.lines) != 6 || !strings.HasSuffix(b.lines[5], "…") {
		t.Fatalf("lines = %q", b.lines)
	}
	short, err := fit(f, "Tides", 124, 60, 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(short.lines) != 1 || short.lineHeight < 140 {
		t.Fatalf("a short title is not set at the largest size: %d lines of %d px", len(short.lines), short.lineHeight)
	}
}

func TestPreparedCoverIsTheOneRenderDraws(t *testing.T) {
	c := Content{Title: "Prepared ahead", Authors: []string{"A. Writer"}}
	want, err := render(c)
	if err != nil {
		t.Fatal(err)
	}
	Prepare(c)
	Prepare(c) // a second start of the same cover draws it once
	if n := len(started.list); n != 1 {
		t.Fatalf("%d covers started; want 1", n)
	}
	got, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the prepared cover differs from the one drawn on demand")
	}
	if n := len(started.list); n != 0 {
		t.Errorf("%d covers still kept after Render took the prepared one", n)
	}
	// Another content is drawn anew, not taken from another's drawing.
	Prepare(c)
	other := Content{Title: "Not prepared"}
	if got, _ := Render(other); bytes.Equal(got, want) {
		t.Error("Render of another content gave the prepared cover")
	}
	for range maxStarted {
		Prepare(Content{Title: "Filler " + strings.Repeat("x", len(started.list))})
	}
	if n := len(started.list); n != maxStarted {
		t.Errorf("%d covers kept; want at most %d", n, maxStarted)
	}
	for _, d := range started.list {
		<-d.done
	}
	started.list = nil
}

// paintWhole paints the steps of p one after another over a whole
// picture: what painting row by row must give.
func paintWhole(p *painting) []uint8 {
	pix := make([]uint8, Width*Height)
	for _, s := range p.steps {
		k := 0
		for y := s.r.Min.Y; y < s.r.Max.Y; y++ {
			for x := s.r.Min.X; x < s.r.Max.X; x++ {
				at := y*Width + x
				if s.levels == nil {
					pix[at] = s.index
					continue
				}
				l := int(s.levels[k])
				k++
				old := int(pix[at]) - s.base
				if old < 1 || old >= levels {
					old = 0
				}
				if l > old {
					pix[at] = uint8(s.base + l)
				}
			}
		}
	}
	return pix
}

func TestRowsPaintTheWholePicture(t *testing.T) {
	f := coverFonts(t)
	var p painting
	p.fill(image.Rect(0, 0, Width, panelBottom), panelIndex)
	p.fill(image.Rect(0, panelBottom, Width, Height), paperIndex)
	// Letters of two inks overlap each other and a rule painted between
	// them, and run off the edges of the cover.
	b, err := fit(f, "Wavy AVAWAV typography overlapping", 124, 124, 6)
	if err != nil {
		t.Fatal(err)
	}
	b.lineHeight /= 3
	b.draw(&p, 0, -40, panelBottom-150)
	p.fill(image.Rect(margin, panelBottom-60, Width+50, panelBottom-40), accentIndex)
	b.draw(&p, 1, 10, panelBottom-130)
	b.draw(&p, 1, 14, Height-60)
	want := paintWhole(&p)
	row := make([]uint8, Width)
	for y := range Height {
		p.row(y, row)
		if !bytes.Equal(row, want[y*Width:(y+1)*Width]) {
			t.Fatalf("row %d painted alone differs from the whole picture", y)
		}
	}
	// The PNG file holds those pixels and the palette.
	same := 0
	for y := range Height {
		if p.sameAsAbove(y) {
			same++
			if !bytes.Equal(want[y*Width:(y+1)*Width], want[(y-1)*Width:y*Width]) {
				t.Fatalf("row %d is said to be painted as the row above, and is not", y)
			}
		}
	}
	if same < Height/4 {
		t.Errorf("only %d rows are found the same as the row above", same)
	}
	png1, err := encodePNG(Width, Height, palette(), p.row, p.sameAsAbove)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(png1))
	if err != nil {
		t.Fatal(err)
	}
	pi, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("decoded a %T", img)
	}
	if !bytes.Equal(pi.Pix, want) {
		t.Error("the PNG file's pixels differ from the picture painted")
	}
	if len(pi.Palette) != len(palette()) {
		t.Errorf("the PNG file's palette has %d colours; want %d", len(pi.Palette), len(palette()))
	}
	for i, c := range palette() {
		if pi.Palette[i] != c {
			t.Errorf("colour %d is %v; want %v", i, pi.Palette[i], c)
		}
	}
}

// coverFonts returns the cover's fonts, parsed.
func coverFonts(t *testing.T) *typefaces {
	t.Helper()
	main, err := parseFace(coverFace)
	if err != nil {
		t.Fatal(err)
	}
	return &typefaces{main: main}
}

// inkIn counts the pixels of r in p that are not the colour index bg.
func inkIn(p *painting, r image.Rectangle, bg uint8) int {
	pix := paintWhole(p)
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if pix[y*Width+x] != bg {
				n++
			}
		}
	}
	return n
}

func TestLettersTheMainFaceLacksComeFromTheFallback(t *testing.T) {
	// Armenian and Hebrew are not in Noto Sans, and are in DejaVu Sans.
	for _, text := range []string{"Հայոց պատմություն", "Physics of שלום"} {
		if !needsFallback(text) || !drawable(text) {
			t.Fatalf("%q: needs the fallback %v, drawable %v", text, needsFallback(text), drawable(text))
		}
		f := coverFonts(t)
		b, err := fit(f, text, 124, 60, 6)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range text {
			if isSpace(r) {
				continue
			}
			_, mask, _, adv, ok := b.face.Glyph(fixed.P(0, 100), r)
			if !ok || mask == nil || adv <= 0 {
				t.Fatalf("%q: no glyph for %q", text, r)
			}
			// The fallback's glyph, not the main face's empty box.
			want, _ := fallbackAdvance(t, r, 124)
			if !coverFace.Covers(r) && adv != want {
				t.Errorf("%q: %q advances %v, the fallback's glyph %v", text, r, adv, want)
			}
		}
	}
	if needsFallback("Photosynthèse — Φωτοσύνθεση, Фотосинтез") {
		t.Error("Latin, Greek and Cyrillic need the fallback")
	}
}

// fallbackAdvance returns the advance of r in the fallback face at size.
func fallbackAdvance(t *testing.T, r rune, size float64) (fixed.Int26_6, bool) {
	t.Helper()
	f, err := parseFace(fallbackFace)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	return face.GlyphAdvance(r)
}

func TestTextNoFontHasIsLeftOffTheCover(t *testing.T) {
	panelArea := image.Rect(0, 0, Width, panelBottom)
	authorArea := image.Rect(0, Height-margin-200, Width, Height)
	draw := func(c Content) *painting {
		t.Helper()
		png, err := render(c)
		if err != nil || len(png) == 0 {
			t.Fatalf("%+v: %v", c, err)
		}
		p, err := paintingOf(c)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A title in a script no embedded face has leaves the panel plain
	// rather than drawing boxes, and the author it can draw stays.
	p := draw(Content{Title: "光合作用の基礎 — Photosynthese", Authors: []string{"Hana Yamada"}})
	if n := inkIn(p, panelArea, panelIndex); n != 0 {
		t.Errorf("the panel has %d pixels of ink for a title no face can draw", n)
	}
	if n := inkIn(p, authorArea, paperIndex); n == 0 {
		t.Error("the author is left off too")
	}
	p = draw(Content{Title: "Photosynthese", Authors: []string{"山田 花子"}})
	if n := inkIn(p, panelArea, panelIndex); n == 0 {
		t.Error("a title every face can draw is left off")
	}
	if n := inkIn(p, authorArea, paperIndex); n != 0 {
		t.Errorf("%d pixels of ink for an author no face can draw", n)
	}
}
