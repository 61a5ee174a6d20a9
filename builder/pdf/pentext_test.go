package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strings"
	"studyguide/builder/internal/testnotes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

func TestAppendHundredths(t *testing.T) {
	for v, want := range map[int64]string{
		0: "0", 5: "0.05", 50: "0.5", 123: "1.23", 12300: "123", -5: "-0.05", -150: "-1.5", 80430: "804.3",
	} {
		if got := string(appendHundredths(nil, v)); got != want {
			t.Errorf("appendHundredths(%d) = %q, want %q", v, got, want)
		}
	}
}

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

func TestAppendKnownUTF16(t *testing.T) {
	var known runeSet
	for _, r := range "a()\\čĀ€" {
		known.add(r)
	}
	// č is U+010D, whose low byte is a carriage return; ( ) and \ are
	// escaped wherever they fall.
	got, ok := appendKnownUTF16(nil, "a(č)\\€", &known)
	want := "\x00a\x00\\(\x01\\r\x00\\)\x00\\\\\x20\xac"
	if !ok || string(got) != want {
		t.Errorf("appendKnownUTF16 = %q, %v; want %q, true", got, ok, want)
	}
	for _, s := range []string{"ab", "a😀"} {
		if _, ok := appendKnownUTF16(nil, s, &known); ok {
			t.Errorf("appendKnownUTF16(%q) took a character it does not know", s)
		}
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

func TestLastFont(t *testing.T) {
	content := "0 J\n0 j\nBT /Fabc12 11.00 Tf ET\n0.000 g\nBT /Fdef34 10.00 Tf ET\n"
	if name, ok := lastFont([]byte(content)); !ok || name != "Fdef34" {
		t.Errorf("lastFont = %q, %v; want Fdef34", name, ok)
	}
	for _, bad := range []string{"", "0 J\n", "BT /F(x) 10.00 Tf ET\n", "BT /Fa 10.00 Tf ET\n0.5 g\n"} {
		if name, ok := lastFont([]byte(bad)); ok {
			t.Errorf("lastFont(%q) = %q", bad, name)
		}
	}
}

func TestFontNamesAreLearned(t *testing.T) {
	doc := fpdf.New("P", "mm", "A4", "")
	fs, err := newFaceSet(doc, [numFamilies]string{"serif", "sans", "mono"})
	if err != nil {
		t.Fatal(err)
	}
	m := newMetrics(doc, fs)
	c := fs.chain(bodyFam, true, false)
	if _, ok := m.advance(c.primary, 'a'); !ok {
		t.Fatal("the bold serif has no a")
	}
	if name := newTextOut(doc, fs).fontName(c.primary); !regexp.MustCompile(`^F[0-9a-f]+$`).MatchString(name) {
		t.Errorf("fontName = %q", name)
	}
}

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
		if s := string(data); strings.HasPrefix(s, "0 J\n") {
			out = append(out, s)
		}
	}
	return out
}

// TestTextIsWrittenInBatches checks the content of the pages: the text of
// each page is in few text objects, the fonts changed inside them, and
// only the first use of a character in a face goes through fpdf's Text.
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
	t.Logf("%d pages: %d pieces in text objects, %d font changes in them, %d pieces printed by fpdf", len(pages), pieces, fonts, alone)
	if fonts == 0 || pieces == 0 {
		t.Fatalf("no font changes (%d) or pieces (%d) in text objects", fonts, pieces)
	}
	if alone*20 > pieces {
		t.Errorf("%d pieces printed by fpdf against %d in batches", alone, pieces)
	}
}

func TestCompressionDoesNotDependOnWorkers(t *testing.T) {
	var objs []pdfObject
	for i := range 50 {
		o := pdfObject{n: i + 1}
		if i%3 != 0 {
			o.data = bytes.Repeat([]byte{byte(i), 'x', 'y'}, 500*i)
		}
		objs = append(objs, o)
	}
	one := append([]pdfObject(nil), objs...)
	four := append([]pdfObject(nil), objs...)
	if err := compressStreams(one, 1); err != nil {
		t.Fatal(err)
	}
	if err := compressStreams(four, 4); err != nil {
		t.Fatal(err)
	}
	for i := range objs {
		if !bytes.Equal(one[i].packed, four[i].packed) {
			t.Errorf("object %d compresses differently", i+1)
		}
		if (objs[i].data == nil) != (one[i].packed == nil) {
			t.Errorf("object %d: stream %v, compressed %v", i+1, objs[i].data != nil, one[i].packed != nil)
		}
	}
}
