package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"regexp"
	"testing"

	"studyguide/builder/internal/testnotes"
)

func TestAppendColor(t *testing.T) {
	for c, want := range map[rgb]string{
		colorText:  "0.000 g",
		colorMuted: "0.376 g",
		colorLink:  "0.086 0.290 0.549 rg",
	} {
		if got := string(appendColor(nil, c)); got != want {
			t.Errorf("appendColor(%06X) = %q, want %q", uint32(c), got, want)
		}
	}
}

func TestAppendUTF16(t *testing.T) {
	var used runeSet
	// č is U+010D, whose low byte is a carriage return; ( ) and \ are
	// escaped wherever they fall; a rune beyond two bytes is left out.
	got := appendUTF16(nil, "a(č)\\€😀", &used)
	want := "\x00a\x00\\(\x01\\r\x00\\)\x00\\\\\x20\xac"
	if string(got) != want {
		t.Errorf("appendUTF16 = %q; want %q", got, want)
	}
	for _, r := range "a()\\č€" {
		if !used.has(r) {
			t.Errorf("%q is not noted as used", r)
		}
	}
	if used.has('😀') || used.has('b') {
		t.Error("a rune not printed is noted as used")
	}
}

func TestRuneSet(t *testing.T) {
	var s runeSet
	in := []rune{0, 'a', lowRunes - 1, lowRunes, 0xFFFD}
	for _, r := range in {
		s.add(r)
	}
	for _, r := range in {
		if !s.has(r) {
			t.Errorf("the set lacks %U", r)
		}
	}
	for _, r := range []rune{'b', lowRunes + 1, -1} {
		if s.has(r) {
			t.Errorf("the set has %U", r)
		}
	}
}

// TestWidthsAreThousandths checks that text is measured in whole
// thousandths of an em, the widths the PDF states for its glyphs, and
// that a face measures the runes it has and no other.
func TestWidthsAreThousandths(t *testing.T) {
	fs, err := newFaceSet([numFamilies]string{"serif", "sans", "mono"})
	if err != nil {
		t.Fatal(err)
	}
	m := newMetrics(fs)
	c := fs.chain(bodyFam, true, false)
	w, ok := m.advance(c.primary, 'a')
	if !ok || w < 400 || w > 700 {
		t.Errorf("the bold serif's a is %d thousandths of an em (%v)", w, ok)
	}
	ems, _ := fs.faces[c.primary].Advance('a')
	if math.Abs(ems*1000-float64(w)) > 0.5 {
		t.Errorf("the a measures %d, the font says %.3f", w, ems*1000)
	}
	if _, ok := m.advance(c.primary, '😀'); ok {
		t.Error("a rune beyond two bytes is measured")
	}
	if _, ok := m.advance(c.primary, '\u2A01'); ok {
		t.Error("the serif measures a rune it lacks")
	}
}

// pageStart matches the start of a page's content, which sets the width
// of lines.
var pageStart = regexp.MustCompile(`^[0-9.]+ w\n`)

// pageStreams returns the content of the pages of a PDF the writer made:
// its FlateDecode streams that are not fonts.
func pageStreams(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	re := regexp.MustCompile(`(?s)<</Filter /FlateDecode /Length (\d+)>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(pdf[m[1]:]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil && err != io.ErrUnexpectedEOF {
			t.Fatal(err)
		}
		if s := string(data); pageStart.MatchString(s) {
			out = append(out, s)
		}
	}
	return out
}

// TestTextIsWrittenInBatches checks the content of the pages: the text of
// each page is in few text objects, with the fonts changed inside them,
// not a text object a piece.
func TestTextIsWrittenInBatches(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, testnotes.EnrichedReader(t, 30), Options{}); err != nil {
		t.Fatal(err)
	}
	pages := pageStreams(t, b.Bytes())
	if len(pages) < 20 {
		t.Fatalf("%d pages", len(pages))
	}
	inside := regexp.MustCompile(`(?m)^/F[0-9a-f]+ [0-9.]+ Tf$`)
	shown := regexp.MustCompile(`(?m)\)Tj$`)
	byText := regexp.MustCompile(`(?m)^BT [0-9.-]+ [0-9.-]+ Td \(`)
	var fonts, pieces, alone int
	for _, p := range pages {
		fonts += len(inside.FindAllString(p, -1))
		pieces += len(shown.FindAllString(p, -1))
		alone += len(byText.FindAllString(p, -1))
	}
	t.Logf("%d pages: %d pieces in text objects, %d font changes in them, %d pieces in text objects of their own", len(pages), pieces, fonts, alone)
	if fonts == 0 || pieces == 0 {
		t.Fatalf("no font changes (%d) or pieces (%d) in text objects", fonts, pieces)
	}
	if alone*20 > pieces {
		t.Errorf("%d pieces in text objects of their own against %d in batches", alone, pieces)
	}
}
