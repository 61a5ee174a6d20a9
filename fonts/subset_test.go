package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// sampleText holds the runes the subset tests keep: Latin with accents and
// ligatures, Greek, Cyrillic and typographic punctuation.
const sampleText = "The office of the finest fluffy waffles — “Ελληνικά”, Русский, café, naïve… 1,234.56 % (№ 7)!"

// seedNote is an example note kept outside the project; tests that report
// sizes for it skip when it is absent.
const seedNote = "../../shared/seed/nato-peacekeeping.md"

// mustRead returns an embedded file or stops the test.
func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mustParse parses a font or stops the test.
func mustParse(t testing.TB, data []byte) *sfnt.Font {
	t.Helper()
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// outline returns the segments of a glyph as comparable values.
func outline(t testing.TB, f *sfnt.Font, gid sfnt.GlyphIndex) []sfnt.Segment {
	t.Helper()
	var b sfnt.Buffer
	segs, err := f.LoadGlyph(&b, gid, fixed.I(1000), nil)
	if err != nil {
		t.Fatalf("glyph %d: %v", gid, err)
	}
	return slices.Clone(segs)
}

func TestSubsetKeepsTheOutlinesOfKeptGlyphs(t *testing.T) {
	for _, face := range Faces {
		t.Run(face.File, func(t *testing.T) {
			orig := mustRead(t, face.File)
			sub, err := Subset(orig, []rune(sampleText))
			if err != nil {
				t.Fatal(err)
			}
			before, after := mustParse(t, orig), mustParse(t, sub)
			var b sfnt.Buffer
			for _, r := range sampleText {
				g1, err1 := before.GlyphIndex(&b, r)
				g2, err2 := after.GlyphIndex(&b, r)
				if err1 != nil || err2 != nil || (g1 == 0) != (g2 == 0) {
					t.Fatalf("GlyphIndex(%q) = %d, %v; was %d, %v", r, g2, err2, g1, err1)
				}
				if !slices.Equal(outline(t, before, g1), outline(t, after, g2)) {
					t.Errorf("the outline of %q changed", r)
				}
				a1, _ := before.GlyphAdvance(&b, g1, fixed.I(1000), 0)
				a2, _ := after.GlyphAdvance(&b, g2, fixed.I(1000), 0)
				if a1 != a2 {
					t.Errorf("the advance of %q changed from %v to %v", r, a1, a2)
				}
			}
			if after.NumGlyphs()*3 > before.NumGlyphs() && !hasTable(t, orig, "MATH") {
				t.Errorf("%d of %d glyphs kept", after.NumGlyphs(), before.NumGlyphs())
			}
			if len(sub)*4 > len(orig) {
				t.Errorf("subset of %d bytes from %d", len(sub), len(orig))
			}
			t.Logf("%d of %d glyphs kept, %d bytes from %d", after.NumGlyphs(), before.NumGlyphs(), len(sub), len(orig))
		})
	}
}

// hasTable reports whether a font file has a table.
func hasTable(t testing.TB, font []byte, tag string) bool {
	f, err := parseSFNT(font)
	if err != nil {
		t.Fatal(err)
	}
	return f.table(tag) != nil
}

func TestSubsetKeepsKerning(t *testing.T) {
	// Pairs that the faces kern, in both orders, and pairs of glyphs of
	// several kerning classes.
	const text = "AVATAR Tokyo WAVE To. Yo, r. f. LT Ty Fe Po“A”"
	for _, file := range []string{"noto/NotoSerif-Regular.ttf", "noto/NotoSans-Bold.ttf", "noto/NotoSerif-Italic.ttf"} {
		orig := mustRead(t, file)
		sub, err := Subset(orig, []rune(text))
		if err != nil {
			t.Fatal(err)
		}
		before, after := mustParse(t, orig), mustParse(t, sub)
		var b sfnt.Buffer
		kerned := 0
		runes := []rune(text)
		for i := 1; i < len(runes); i++ {
			k := [2]fixed.Int26_6{}
			for j, f := range []*sfnt.Font{before, after} {
				g1, _ := f.GlyphIndex(&b, runes[i-1])
				g2, _ := f.GlyphIndex(&b, runes[i])
				k[j], _ = f.Kern(&b, g1, g2, fixed.I(1000), 0)
			}
			if k[0] != k[1] {
				t.Errorf("%s: %q kerned by %v, was %v", file, string(runes[i-1:i+1]), k[1], k[0])
			}
			if k[0] != 0 {
				kerned++
			}
		}
		if kerned < 5 {
			t.Errorf("%s: only %d pairs of the sample are kerned", file, kerned)
		}
	}
}

func TestSubsetDropsHinting(t *testing.T) {
	sub, err := Subset(mustRead(t, "noto/NotoSerif-Regular.ttf"), []rune(sampleText))
	if err != nil {
		t.Fatal(err)
	}
	file, err := parseSFNT(sub)
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"fpgm", "prep", "cvt ", "hdmx", "DSIG"} {
		if file.table(tag) != nil {
			t.Errorf("the subset keeps its %s table", tag)
		}
	}
	glyphs, err := parseGlyphTable(file.table("head"), file.table("maxp"), file.table("loca"), file.table("glyf"))
	if err != nil {
		t.Fatal(err)
	}
	for gid := range glyphs.numGlyphs() {
		d := glyphs.outline(gid)
		if len(d) == 0 {
			continue
		}
		if contours := int(int16(binary.BigEndian.Uint16(d))); contours >= 0 {
			if n := binary.BigEndian.Uint16(d[10+2*contours:]); n != 0 {
				t.Errorf("glyph %d keeps %d bytes of instructions", gid, n)
			}
		}
	}
}

func TestSubsetLeavesOutGlyphsNotNeeded(t *testing.T) {
	orig := mustRead(t, "noto/NotoSerif-Regular.ttf")
	sub, err := Subset(orig, []rune("abc"))
	if err != nil {
		t.Fatal(err)
	}
	after := mustParse(t, sub)
	var b sfnt.Buffer
	for _, r := range "xyzЖΩ€" {
		// A reader falls back to another font for a rune the subset
		// does not map.
		if gid, _ := after.GlyphIndex(&b, r); gid != 0 {
			t.Errorf("the subset still maps %q to glyph %d", r, gid)
		}
	}
	if n := after.NumGlyphs(); n > 8 {
		t.Errorf("the subset of abc has %d glyphs", n)
	}
	if len(outline(t, after, 0)) == 0 {
		t.Error(".notdef was emptied")
	}
}

// hasOutline reports whether some glyph of f is drawn as want.
func hasOutline(t *testing.T, f *sfnt.Font, want []sfnt.Segment) bool {
	for gid := range f.NumGlyphs() {
		if slices.Equal(outline(t, f, sfnt.GlyphIndex(gid)), want) {
			return true
		}
	}
	return false
}

// glyphNamed returns the id of the glyph with the given PostScript name.
func glyphNamed(t *testing.T, f *sfnt.Font, name string) sfnt.GlyphIndex {
	t.Helper()
	var b sfnt.Buffer
	for gid := range f.NumGlyphs() {
		if n, _ := f.GlyphName(&b, sfnt.GlyphIndex(gid)); n == name {
			return sfnt.GlyphIndex(gid)
		}
	}
	t.Fatalf("no glyph named %q", name)
	return 0
}

func TestSubsetKeepsSubstitutedGlyphs(t *testing.T) {
	orig := mustRead(t, "noto/NotoSerif-Regular.ttf")
	before := mustParse(t, orig)
	for _, tc := range []struct {
		runes, glyph string
		kept         bool
	}{
		{"fi", "fi", true}, // a ligature of kept glyphs
		{"f", "fi", false}, // a ligature missing a component
		{"fl", "fi", false},
		{"fl", "fl", true},
		// Features a reader does not turn on by themselves.
		{"a", "a.sc", false},    // small capitals
		{"1", "one.osf", false}, // old-style figures
	} {
		sub, err := Subset(orig, []rune(tc.runes))
		if err != nil {
			t.Fatal(err)
		}
		want := outline(t, before, glyphNamed(t, before, tc.glyph))
		if got := hasOutline(t, mustParse(t, sub), want); got != tc.kept {
			t.Errorf("subset of %q: glyph %s kept = %v, want %v", tc.runes, tc.glyph, got, tc.kept)
		}
	}
}

func TestSubsetKeepsComponentsOfCompositeGlyphs(t *testing.T) {
	orig := mustRead(t, "noto/NotoSerif-Regular.ttf")
	// é is drawn from the glyphs of e and the acute accent, which the
	// subset keeps although no rune maps to them.
	sub, err := Subset(orig, []rune("é"))
	if err != nil {
		t.Fatal(err)
	}
	before, after := mustParse(t, orig), mustParse(t, sub)
	var b sfnt.Buffer
	g1, _ := before.GlyphIndex(&b, 'é')
	g2, _ := after.GlyphIndex(&b, 'é')
	if want := outline(t, before, g1); len(want) == 0 || !slices.Equal(outline(t, after, g2), want) {
		t.Error("é lost its outline")
	}
	e, _ := before.GlyphIndex(&b, 'e')
	if !hasOutline(t, after, outline(t, before, e)) {
		t.Error("e, a component of é, was left out")
	}
}

// TestSubsetShapesAsTheFont shapes text with HarfBuzz (hb-shape, Debian
// package libharfbuzz-bin) in each face and in its subset: the glyphs'
// advances and offsets, which kerning, mark positioning and ligatures set,
// must not change.
func TestSubsetShapesAsTheFont(t *testing.T) {
	shape, err := exec.LookPath("hb-shape")
	if err != nil {
		t.Skip("hb-shape is not installed")
	}
	const text = sampleText + " AVATAR Tokyo ǘ Ệ q̃ x̂ ŀl office ﬁ"
	dir := t.TempDir()
	positions := func(font []byte) string {
		path := filepath.Join(dir, "font.ttf")
		if err := os.WriteFile(path, font, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(shape, "--no-glyph-names", "--no-clusters", path, text).CombinedOutput()
		if err != nil {
			t.Fatalf("hb-shape: %v\n%s", err, out)
		}
		// Keep what follows each glyph id: its offsets and advance.
		var s []string
		for _, g := range strings.Split(strings.Trim(string(out), "[]\n"), "|") {
			_, pos, _ := strings.Cut(g, "+")
			if at, off, ok := strings.Cut(g, "@"); ok {
				_ = at
				pos = "@" + off
			}
			s = append(s, pos)
		}
		return strings.Join(s, "|")
	}
	for _, face := range Faces {
		orig := mustRead(t, face.File)
		sub, err := Subset(orig, []rune(text))
		if err != nil {
			t.Fatal(err)
		}
		if a, b := positions(orig), positions(sub); a != b {
			t.Errorf("%s: the subset shapes text as\n%s\nnot\n%s", face.File, b, a)
		}
	}
}

func TestSubsetIsDeterministic(t *testing.T) {
	orig := mustRead(t, "noto/NotoSans-Regular.ttf")
	runes := []rune(sampleText)
	a, err := Subset(orig, runes)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Concat(runes, runes)
	slices.Reverse(shuffled)
	b, err := Subset(orig, shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the order or repetition of runes changed the subset")
	}
}

func TestSubsetWritesAWellFormedFile(t *testing.T) {
	for _, file := range []string{"noto/NotoSerif-Regular.ttf", "dejavu/DejaVuSans.ttf"} {
		sub, err := Subset(mustRead(t, file), []rune(sampleText))
		if err != nil {
			t.Fatal(err)
		}
		checkFile(t, sub)
	}
}

// checkFile checks a font file's table directory, alignment and checksums
// against the OpenType specification.
func checkFile(t *testing.T, font []byte) {
	t.Helper()
	be := binary.BigEndian
	n := int(be.Uint16(font[4:]))
	pow := 1
	for pow*2 <= n {
		pow *= 2
	}
	if int(be.Uint16(font[6:])) != 16*pow || int(be.Uint16(font[10:])) != 16*(n-pow) || 1<<be.Uint16(font[8:]) != pow {
		t.Errorf("binary search fields % x for %d tables", font[6:12], n)
	}
	var tags []string
	for i := range n {
		rec := font[12+16*i:]
		tag := string(rec[:4])
		tags = append(tags, tag)
		sum, offset, length := be.Uint32(rec[4:]), int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if offset%4 != 0 || offset+length > len(font) {
			t.Errorf("table %s at %d, %d bytes, in a file of %d", tag, offset, length, len(font))
			continue
		}
		data := slices.Clone(font[offset:min(len(font), offset+pad4(length))])
		if tag == "head" {
			clear(data[8:12])
		}
		if got := checksum(data); got != sum {
			t.Errorf("table %s: checksum %08x, recorded %08x", tag, got, sum)
		}
		if tag == "DSIG" {
			t.Error("the subset keeps a digital signature that no longer holds")
		}
	}
	if !slices.IsSorted(tags) {
		t.Errorf("table directory not sorted: %v", tags)
	}
	if got := checksum(font); got != 0xB1B0AFBA {
		t.Errorf("file checksum %08x, want b1b0afba", got)
	}
}

func TestSubsetOfTheSeedNote(t *testing.T) {
	note, err := os.ReadFile(seedNote)
	if err != nil {
		t.Skip("the seed note is not here")
	}
	for _, file := range []string{"noto/NotoSerif-Regular.ttf", "noto/NotoSans-Bold.ttf", "dejavu/DejaVuSans.ttf"} {
		orig := mustRead(t, file)
		sub, err := Subset(orig, []rune(string(note)))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes, subset for the seed note %d bytes (%.1f%%)",
			file, len(orig), len(sub), 100*float64(len(sub))/float64(len(orig)))
	}
}

func TestSubsetPassesFontTools(t *testing.T) {
	// ttx (Debian package fonttools) decompiles every table; fc-scan
	// (fontconfig) loads the font through FreeType.
	ttx, errTTX := exec.LookPath("ttx")
	scan, errScan := exec.LookPath("fc-scan")
	if errTTX != nil && errScan != nil {
		t.Skip("neither ttx nor fc-scan is installed")
	}
	sub, err := Subset(mustRead(t, "noto/NotoSerif-Regular.ttf"), []rune(sampleText))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "subset.ttf")
	if err := os.WriteFile(path, sub, 0o644); err != nil {
		t.Fatal(err)
	}
	if errTTX == nil {
		out, err := exec.Command(ttx, "-q", "-o", filepath.Join(dir, "subset.ttx"), path).CombinedOutput()
		if err != nil || len(bytes.TrimSpace(out)) > 0 {
			t.Errorf("ttx: %v\n%s", err, out)
		}
	}
	if errScan == nil {
		out, err := exec.Command(scan, "--format", "%{family[0]}|%{charset}", path).CombinedOutput()
		if err != nil || !bytes.HasPrefix(out, []byte("Noto Serif|")) {
			t.Errorf("fc-scan: %v\n%s", err, out)
		}
	}
}

func TestSubsetRejectsOtherFiles(t *testing.T) {
	for _, data := range [][]byte{
		nil,
		[]byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"),
		[]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x00"),
		[]byte("not a font at all"),
	} {
		if _, err := Subset(data, []rune("a")); err == nil {
			t.Errorf("Subset(%q) succeeded", data)
		}
	}
}

func TestSubsetReportsMalformedFonts(t *testing.T) {
	orig := mustRead(t, "noto/NotoSerif-Regular.ttf")
	file, err := parseSFNT(orig)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(sampleText)
	// Cut the file short at each table boundary and inside each table.
	for _, tb := range file.tables {
		for _, at := range []uint32{tb.offset, tb.offset + uint32(len(tb.data))/2} {
			if _, err := Subset(orig[:at], runes); err == nil {
				t.Errorf("a file cut inside %s at %d was accepted", tb.tag, at)
			}
		}
	}
	// Overwrite words in the tables the subsetter reads; it may accept the
	// result or reject it, but must not panic.
	for _, tag := range []string{"head", "maxp", "loca", "glyf", "GSUB", "cmap"} {
		tb := file.table(tag)
		start := int(tableOffset(file, tag))
		for i := 0; i < len(tb); i += max(1, len(tb)/97) {
			for _, word := range []uint16{0, 0xFFFF, 0x8000, 1} {
				bad := slices.Clone(orig)
				binary.BigEndian.PutUint16(bad[start+i&^1:], word)
				if _, err := Subset(bad, runes); err != nil && !errors.Is(err, errMalformed) {
					t.Errorf("%s+%d=%04x: %v does not say the font is malformed", tag, i, word, err)
				}
			}
		}
	}
}

// tableOffset returns where a table starts in the file it was read from.
func tableOffset(f *sfntFile, tag string) uint32 {
	for _, t := range f.tables {
		if t.tag == tag {
			return t.offset
		}
	}
	return 0
}

func FuzzSubset(f *testing.F) {
	sub, err := Subset(mustRead(f, "noto/NotoSansMono-Regular.ttf"), []rune("ab"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sub, "ab")
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00head"), "a")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		out, err := Subset(data, []rune(text))
		if err != nil {
			return
		}
		if _, err := Subset(out, []rune(text)); err != nil {
			t.Errorf("a subset cannot be subset again: %v", err)
		}
	})
}

func BenchmarkSubset(b *testing.B) {
	orig := mustRead(b, "noto/NotoSerif-Regular.ttf")
	runes := []rune(sampleText)
	b.SetBytes(int64(len(orig)))
	for b.Loop() {
		if _, err := Subset(orig, runes); err != nil {
			b.Fatal(err)
		}
	}
}
