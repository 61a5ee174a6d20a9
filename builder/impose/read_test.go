package impose

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
)

// handPDF assembles a PDF of objects numbered from 1, with a classic
// cross-reference table and a trailer holding trailer's entries.
func handPDF(trailer string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<<%s>>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes()
}

// stream makes a stream object of plain data.
func stream(data string) string {
	return fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(data), data)
}

// smallObjects are the objects of a one-page PDF shaped like our writer's,
// with a catalog, document information and a font.
func smallObjects() []string {
	return []string{
		"<</Type /Catalog /Pages 2 0 R /Lang (en) /Outlines 8 0 R>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 300]>>",
		"<</Type /Page /Parent 2 0 R /Resources 4 0 R\n/Annots [<</Type /Annot /Subtype /Link /Rect [0 0 10 10] /Dest [3 0 R /XYZ 0 0 null]>>] /Contents 5 0 R>>",
		"<<\n/ProcSet [/PDF /Text] % a comment\n/Font <</F1 6 0 R>>\n/XObject <<\n>>\n>>",
		stream("BT /F1 24 Tf 20 150 Td (Hello) Tj ET"),
		"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
		"<<\n/Title (A \\(b\\) c \\\\ \\) \xfe\xff)\n/Author <FEFF0041>\n/Keywords (nested (parens) kept)\n>>",
		"<</Type /Outlines /Count 0>>",
	}
}

const smallTrailer = "/Size 9 /Root 1 0 R /Info 7 0 R"

func TestImposeHandMadePDF(t *testing.T) {
	src := handPDF(smallTrailer, smallObjects()...)
	var out bytes.Buffer
	if err := Impose(&out, src, TwoUp, Sheet{Width: 400, Height: 300}); err != nil {
		t.Fatal(err)
	}
	b := out.Bytes()
	for _, want := range []string{
		"/Title (A \\(b\\) c \\\\ \\) \xfe\xff)",
		"/Author <FEFF0041>",
		"/Keywords (nested (parens) kept)",
		"/Lang (en)",
		"/BBox [0 0 200 300]",
		"q 1 0 0 1 0 0 cm /P1 Do Q\n",
		"/MediaBox [0 0 400 300]",
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the output lacks %q:\n%s", want, b)
		}
	}
	if bytes.Contains(b, []byte("/Annots")) || bytes.Contains(b, []byte("/Outlines")) {
		t.Errorf("links or outline were kept:\n%s", b)
	}
	// The output is itself in the form read accepts.
	d, err := read(b)
	if err != nil {
		t.Fatalf("reading the output: %v", err)
	}
	if len(d.pages) != 1 || d.pages[0].box != [4]float64{0, 0, 400, 300} {
		t.Errorf("the output reads as %d pages, the first %v", len(d.pages), d.pages[0].box)
	}
	if _, err := d.resolve(1); err != nil {
		t.Error(err)
	}
	t.Run("qpdf", func(t *testing.T) {
		path := writeTemp(t, "hand.pdf", b)
		if check := checkers.Run(t, "qpdf", "--check", path); strings.Contains(strings.ToLower(check), "warning") {
			t.Errorf("qpdf --check:\n%s", check)
		}
	})
}

func TestPlace(t *testing.T) {
	a5 := [4]float64{0, 0, 419.53, 595.28}
	tests := []struct {
		box   [4]float64
		slot  int
		sheet Sheet
		want  placement
	}{
		// A5 on A4: full size, centred in each half.
		{a5, 0, Sheet{841.89, 595.28}, placement{1, 0.7075, 0}},
		{a5, 1, Sheet{841.89, 595.28}, placement{1, 421.6525, 0}},
		// Half-letter on Letter fits exactly.
		{[4]float64{0, 0, 396, 612}, 1, Sheet{792, 612}, placement{1, 396, 0}},
		// A4 on A4 is scaled down by its height.
		{[4]float64{0, 0, 595.28, 841.89}, 0, Sheet{841.89, 595.28}, placement{0.707075, 0.0187, 0.0003}},
		// A box that does not start at the origin moves to it.
		{[4]float64{10, 20, 110, 220}, 0, Sheet{400, 400}, placement{1, 40, 80}},
	}
	for _, tt := range tests {
		got, err := place(tt.box, tt.slot, tt.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.scale-tt.want.scale) > 1e-9 || math.Abs(got.x-tt.want.x) > 1e-3 || math.Abs(got.y-tt.want.y) > 1e-3 {
			t.Errorf("place(%v, %d, %v) = %+v, want %+v", tt.box, tt.slot, tt.sheet, got, tt.want)
		}
		if w := (tt.box[2] - tt.box[0]) * got.scale; w > tt.sheet.Width/2 {
			t.Errorf("place(%v, %d, %v): %g wide in a half of %g", tt.box, tt.slot, tt.sheet, w, tt.sheet.Width/2)
		}
	}
}

func TestNum(t *testing.T) {
	for x, want := range map[float64]string{0: "0", -0.0000001: "0", 1: "1", 0.7075: "0.7075", 841.889764: "841.889764", -12.5: "-12.5"} {
		if got := num(x); got != want {
			t.Errorf("num(%g) = %q, want %q", x, got, want)
		}
	}
}

// TestRefuses checks that what our writer never makes is refused with an
// error that says what is wrong.
func TestRefuses(t *testing.T) {
	with := func(i int, obj string) []byte {
		objs := smallObjects()
		objs[i-1] = obj
		return handPDF(smallTrailer, objs...)
	}
	good := handPDF(smallTrailer, smallObjects()...)
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"empty", nil, "not a PDF"},
		{"not a PDF", []byte("hello, world"), "not a PDF"},
		{"no startxref", bytes.ReplaceAll(good, []byte("startxref"), []byte("startyref")), "no startxref"},
		{"truncated", good[:len(good)/2], "startxref"},
		{"bad startxref", bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1), "startxref does not point"},
		{"encrypted", handPDF(smallTrailer+" /Encrypt 6 0 R", smallObjects()...), "/Encrypt"},
		{"updated", handPDF(smallTrailer+" /Prev 10", smallObjects()...), "/Prev"},
		{"no root", handPDF("/Size 9", smallObjects()...), "/Root"},
		{"nested page tree", with(2, "<</Type /Pages /Kids [2 0 R] /Count 1>>"), "nested page trees"},
		{"no pages", with(2, "<</Type /Pages /Kids [] /Count 0>>"), "no pages"},
		{"rotated", with(3, "<</Type /Page /Parent 2 0 R /Rotate 90 /Contents 5 0 R>>"), "rotated"},
		{"crop box", with(3, "<</Type /Page /Parent 2 0 R /CropBox [0 0 1 1] /Contents 5 0 R>>"), "CropBox"},
		{"no media box", with(2, "<</Type /Pages /Kids [3 0 R] /Count 1>>"), "MediaBox"},
		{"empty media box", with(2, "<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 0 10]>>"), "empty /MediaBox"},
		{"several contents", with(3, "<</Type /Page /Parent 2 0 R /Contents [5 0 R 5 0 R]>>"), "several streams"},
		{"contents not a stream", with(3, "<</Type /Page /Parent 2 0 R /Contents 6 0 R>>"), "not a stream"},
		{"indirect length", with(5, "<</Length 9 0 R>>\nstream\nBT ET\nendstream"), "/Length is not a direct integer"},
		{"short stream", with(5, "<</Length 2>>\nstream\nBT ET\nendstream"), "endstream"},
		{"long stream", with(5, "<</Length 99999>>\nstream\nBT ET\nendstream"), "past the end"},
		{"missing object", with(4, "<</Font <</F1 42 0 R>>>>"), "object 42"},
		{"resources reach the pages", with(4, "<</XObject <</X 3 0 R>>>>"), "document structure"},
		{"generation", with(4, "<</ProcSet [6 1 R]>>"), "unexpected"},
		{"deep", with(4, strings.Repeat("[", 100)+strings.Repeat("]", 100)), "nest too deeply"},
		{"bad key", with(4, "<<(Font) 1>>"), "not a name"},
		{"bad hex", with(7, "<</Title <FEFG>>>"), "hexadecimal"},
		{"unclosed string", with(7, "<</Title (abc>>"), "end of data"},
		{"no endobj", bytes.Replace(good, []byte("endobj"), []byte("endobx"), 1), "endobj"},
	}
	for _, tt := range tests {
		err := Impose(&bytes.Buffer{}, tt.src, Booklet, a4)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one that says %q", tt.name, err, tt.want)
		}
	}
}

func TestRefusesBadArguments(t *testing.T) {
	src := handPDF(smallTrailer, smallObjects()...)
	for _, tt := range []struct {
		mode  Mode
		sheet Sheet
		want  string
	}{
		{Mode(0), a4, "unknown mode"},
		{TwoUp, Sheet{595, 842}, "landscape"},
		{TwoUp, Sheet{0, 0}, "between"},
		{TwoUp, Sheet{math.NaN(), 100}, "between"},
		{TwoUp, Sheet{math.Inf(1), 100}, "between"},
		{Booklet, Sheet{20000, 100}, "between"},
	} {
		err := Impose(&bytes.Buffer{}, src, tt.mode, tt.sheet)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Impose(%v, %v): error %v, want one that says %q", tt.mode, tt.sheet, err, tt.want)
		}
	}
}
