package pdfobj

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"studyguide/builder/internal/checkers"
	"studyguide/builder/internal/deflate"
	"studyguide/builder/internal/pdfxref"
)

// smallPDF writes a PDF of one page whose text says hello, with packed
// objects when packed is above zero: each packed object is given when
// the next is allocated, the last at the end, and a directly written
// object comes between every seventh and the next. It returns the file
// and the number of each packed object.
func smallPDF(t *testing.T, packed int) ([]byte, []int) {
	t.Helper()
	var b bytes.Buffer
	w := New(&b, "1.7")
	content := w.Alloc()
	w.Stream(content, nil, []byte("BT /F1 12 Tf 72 720 Td (hello) Tj ET"), true)
	var nums []int
	for i := range packed {
		nums = append(nums, w.AllocPacked())
		if i > 0 {
			w.Packed(nums[i-1], []byte("<</Index "+strconv.Itoa(i-1)+" /Name (packed)>>"))
		}
		if i%7 == 6 {
			w.Object(w.Alloc(), []byte("<</Between "+strconv.Itoa(i)+">>"))
		}
	}
	page, pages, font, catalog := w.Alloc(), w.Alloc(), w.Alloc(), w.Alloc()
	w.Object(font, []byte("<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>"))
	w.Object(page, []byte("<</Type /Page /Parent "+ref(pages)+" /Resources <</Font <</F1 "+ref(font)+">>>> /Contents "+ref(content)+">>"))
	w.Object(pages, []byte("<</Type /Pages /Kids ["+ref(page)+"] /Count 1 /MediaBox [0 0 612 792]>>"))
	extra := ""
	if packed > 0 {
		last := nums[packed-1]
		w.Packed(last, []byte("<</Index "+strconv.Itoa(packed-1)+" /Name (packed)>>"))
		extra = " /Packed " + ref(last)
	}
	w.Object(catalog, []byte("<</Type /Catalog /Pages "+ref(pages)+extra+">>"))
	if err := w.Close(AppendRef([]byte("/Root "), catalog)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), nums
}

func ref(n int) string { return string(AppendRef(nil, n)) }

// TestTableReadsBack checks that the cross-reference table lists every
// object written directly at the offset it starts at, as pdfxref reads
// it, and that packed objects are left out of it.
func TestTableReadsBack(t *testing.T) {
	for _, packed := range []int{0, 1, ObjectsPerStream, ObjectsPerStream + 3} {
		pdf, nums := smallPDF(t, packed)
		x, err := pdfxref.Read(pdf)
		if err != nil {
			t.Fatalf("%d packed: %v", packed, err)
		}
		streams := (packed + ObjectsPerStream - 1) / ObjectsPerStream
		direct := 5 + packed/7
		if packed > 0 {
			direct += streams + 1
		}
		listed := 0
		for n := 1; n < len(x.Offsets); n++ {
			if x.Offsets[n] == 0 {
				continue
			}
			listed++
			if !bytes.HasPrefix(pdf[x.Offsets[n]:], []byte(strconv.Itoa(n)+" 0 obj\n")) {
				t.Errorf("%d packed: object %d is not where the table says", packed, n)
			}
		}
		if listed != direct {
			t.Errorf("%d packed: the table lists %d objects, want %d", packed, listed, direct)
		}
		for _, n := range nums {
			if n < len(x.Offsets) && x.Offsets[n] != 0 {
				t.Errorf("%d packed: packed object %d is in the table", packed, n)
			}
		}
		trailer := string(pdf[x.TrailerAt:x.StartxrefAt])
		if packed > 0 != strings.Contains(trailer, "/XRefStm") {
			t.Errorf("%d packed: trailer %q", packed, trailer)
		}
		if !strings.Contains(trailer, "/Size "+strconv.Itoa(direct+packed+1)) {
			t.Errorf("%d packed: trailer %q, want /Size %d", packed, trailer, direct+packed+1)
		}
	}
}

// TestStreamsAreCompressed checks that a compressed stream inflates to
// its data and states its compressed length.
func TestStreamsAreCompressed(t *testing.T) {
	pdf, _ := smallPDF(t, 0)
	m := regexp.MustCompile(`<</Filter /FlateDecode /Length (\d+)>>\nstream\n`).FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatal("no compressed stream")
	}
	n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	data := pdf[m[1] : m[1]+n]
	if !bytes.HasPrefix(pdf[m[1]+n:], []byte("\nendstream")) {
		t.Error("the stream's length is wrong")
	}
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil || string(got) != "BT /F1 12 Tf 72 720 Td (hello) Tj ET" {
		t.Errorf("inflated %q, %v", got, err)
	}
}

// TestQPDFChecks runs qpdf --check on files with and without object
// streams, and reads every packed object back through qpdf.
func TestQPDFChecks(t *testing.T) {
	checkers.Require(t, "qpdf")
	for _, packed := range []int{0, ObjectsPerStream + 3} {
		path := filepath.Join(t.TempDir(), "small.pdf")
		pdf, nums := smallPDF(t, packed)
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := checkers.Output(t, "qpdf", "--check", path)
		if err != nil || strings.Contains(out, "WARNING") {
			t.Errorf("%d packed: qpdf --check: %v\n%s", packed, err, out)
		}
		if packed == 0 {
			continue
		}
		args := []string{"--json", "--json-key=qpdf", path}
		out, err = checkers.Output(t, "qpdf", args...)
		if err != nil {
			t.Fatalf("qpdf --json: %v", err)
		}
		for i, n := range nums {
			if want := `"obj:` + strconv.Itoa(n) + ` 0 R": {` + "\n" + `        "value": {` + "\n" + `          "/Index": ` + strconv.Itoa(i) + ","; !strings.Contains(out, want) {
				t.Fatalf("packed object %d does not read back as index %d:\n%s", n, i, out)
			}
		}
	}
}

// TestMisuseIsAnError checks that writing an object twice, leaving one
// unwritten or giving packed objects out of order fails Close.
func TestMisuseIsAnError(t *testing.T) {
	cases := map[string]func(w *Writer){
		"twice": func(w *Writer) {
			n := w.Alloc()
			w.Object(n, []byte("null"))
			w.Object(n, []byte("null"))
		},
		"unwritten": func(w *Writer) { w.Alloc() },
		"packed twice": func(w *Writer) {
			n := w.AllocPacked()
			w.Packed(n, []byte("null"))
			w.Packed(n, []byte("null"))
		},
		"packed written directly": func(w *Writer) {
			w.Object(w.AllocPacked(), []byte("null"))
		},
		"direct packed": func(w *Writer) {
			w.Packed(w.Alloc(), []byte("null"))
		},
		"packed never given": func(w *Writer) {
			w.Packed(w.AllocPacked(), []byte("null"))
			w.AllocPacked()
		},
		"aborted": func(w *Writer) {
			w.Object(w.Alloc(), []byte("null"))
			w.Abort()
			w.Abort()
		},
	}
	for name, fn := range cases {
		w := New(io.Discard, "1.7")
		fn(w)
		if err := w.Close(nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	w := New(failing{}, "1.7")
	n := w.Alloc()
	w.Stream(n, nil, bytes.Repeat([]byte("x"), 100<<10), false)
	if err := w.Close(nil); err == nil {
		t.Error("a failing destination: no error")
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestSyntax(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{string(AppendName(nil, "KQWBRT+Noto Serif#1/x")), "/KQWBRT+Noto#20Serif#231#2Fx"},
		{string(AppendString(nil, "a (b) \\ c\r\n")), `(a \(b\) \\ c\r\n)`},
		{string(AppendText(nil, "plain")), "(plain)"},
		{string(AppendText(nil, "é😀")), "<FEFF00E9D83DDE00>"},
		{string(AppendReal(nil, 12.345)), "12.35"},
		{string(AppendReal(nil, -0.5)), "-0.5"},
		{string(AppendReal(nil, 3)), "3"},
		{string(AppendRef(nil, 12)), "12 0 R"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

// TestStreamsKeepTheirOrder gives big streams, which compressing
// goroutines compress side by side, among small ones, which the writing
// goroutine compresses, and checks that each is written in the order
// given, as the compressor compresses it on its own.
func TestStreamsKeepTheirOrder(t *testing.T) {
	var b bytes.Buffer
	w := New(&b, "1.7")
	var want [][]byte
	for i := range 12 {
		size := 40
		if i%3 != 2 {
			size = bigStream + i*1000
		}
		data := make([]byte, size)
		for k := range data {
			data[k] = byte('a' + (k*7+i*13+k/97)%26)
		}
		n := w.Alloc()
		w.Stream(n, nil, data, true)
		z, err := deflate.Append(nil, data, deflate.Zlib)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, z)
	}
	if err := w.Close([]byte("/Root 1 0 R")); err != nil {
		t.Fatal(err)
	}
	pdf := b.Bytes()
	re := regexp.MustCompile(`(\d+) 0 obj\n<</Filter /FlateDecode /Length (\d+)>>\nstream\n`)
	ms := re.FindAllSubmatchIndex(pdf, -1)
	if len(ms) != len(want) {
		t.Fatalf("%d compressed streams written, want %d", len(ms), len(want))
	}
	for i, m := range ms {
		num, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		n, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
		if num != i+1 {
			t.Errorf("stream %d written as object %d", i+1, num)
		}
		if got := pdf[m[1] : m[1]+n]; !bytes.Equal(got, want[i]) {
			t.Errorf("stream %d: %d bytes written, not the %d its data compresses to", i+1, len(got), len(want[i]))
		}
	}
}

func TestAppendOffsetPrintsTenDigits(t *testing.T) {
	for _, off := range []int64{0, 7, 42, 1234567, 9999999999, 10000000000, -1} {
		if got, want := string(appendOffset(nil, off)), fmt.Sprintf("%010d", off); got != want {
			t.Errorf("appendOffset(%d) = %q, want %q", off, got, want)
		}
	}
}

func TestAppendHundredths(t *testing.T) {
	for v, want := range map[int64]string{
		0: "0", 5: "0.05", 50: "0.5", 123: "1.23", 12300: "123", -5: "-0.05", -150: "-1.5", 80430: "804.3",
	} {
		if got := string(AppendHundredths(nil, v)); got != want {
			t.Errorf("AppendHundredths(%d) = %q, want %q", v, got, want)
		}
	}
}
