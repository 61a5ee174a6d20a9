package checkers

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// flate compresses data as a FlateDecode stream holds it.
func flate(data string) string {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write([]byte(data))
	zw.Close()
	return b.String()
}

// onePagePDF is a PDF of one page whose content stream has the given
// dictionary entries and data, and whose resources hold the extra
// objects (numbered from 5) given.
func onePagePDF(contentDict, content string, extra ...string) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	xobjects := ""
	for i := range extra {
		xobjects += fmt.Sprintf(" /X%d %d 0 R", i, 5+i)
	}
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /ProcSet [/PDF /Text /ImageB /ImageC /ImageI] /XObject <<" + xobjects + " >> >> >>")
	obj(fmt.Sprintf("<< /Length %d%s >>\nstream\n%s\nendstream", len(content), contentDict, content))
	for _, e := range extra {
		obj(e)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

const inlineImageOps = "q 20 0 0 20 10 10 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\xff\x00 EI Q\n"

func TestMayHoldImages(t *testing.T) {
	textOnly := "BT /F1 12 Tf 10 10 Td (BIG BIrds) Tj ET\n"
	font := fmt.Sprintf("<< /Length %d /Length1 9 >>\nstream\n%s\nendstream", 9, "\nBI junk\n")
	for _, c := range []struct {
		name string
		pdf  []byte
		want bool
	}{
		{"text, compressed", onePagePDF(" /Filter /FlateDecode", flate(textOnly)), false},
		{"text, plain", onePagePDF("", textOnly), false},
		{"text and a font program", onePagePDF(" /Filter /FlateDecode", flate(textOnly), font), false},
		{"inline image, compressed", onePagePDF(" /Filter /FlateDecode", flate(inlineImageOps)), true},
		{"inline image, filter in an array", onePagePDF(" /Filter [/FlateDecode]", flate(inlineImageOps)), true},
		{"inline image, plain", onePagePDF("", inlineImageOps), true},
		{"image XObject", onePagePDF("", textOnly, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Length 1 >>\nstream\n\x00\nendstream"), true},
		{"subtype by reference", onePagePDF("", textOnly, "<< /Type /XObject /Subtype 9 0 R /Length 1 >>\nstream\n\x00\nendstream"), true},
		{"another filter", onePagePDF(" /Filter /LZWDecode", "\x80\x0b"), true},
		{"broken compression", onePagePDF(" /Filter /FlateDecode", "not zlib at all"), true},
	} {
		if got := MayHoldImages(c.pdf); got != c.want {
			t.Errorf("%s: MayHoldImages = %t, want %t", c.name, got, c.want)
		}
	}
}

// TestPDFImagesFindsInlineImages checks what MayHoldImages relies on:
// pdfimages lists an inline image in a compressed content stream, and
// PDFImages asks it.
func TestPDFImagesFindsInlineImages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inline.pdf")
	if err := os.WriteFile(path, onePagePDF(" /Filter /FlateDecode", flate(inlineImageOps)), 0o644); err != nil {
		t.Fatal(err)
	}
	images := PDFImages(t, path)
	if len(images) != 1 || images[0].Page != 1 || images[0].Width != 2 || images[0].Height != 2 || images[0].Type != "image" {
		t.Errorf("PDFImages = %+v, want the 2×2 inline image on page 1", images)
	}
	plain := filepath.Join(t.TempDir(), "text.pdf")
	if err := os.WriteFile(plain, onePagePDF("", "BT ET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if images := PDFImages(t, plain); len(images) != 0 {
		t.Errorf("PDFImages of a PDF without pictures = %+v", images)
	}
}

func TestPDFTextIsAskedOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "two.pdf")
	if err := os.WriteFile(path, onePagePDF("", "BT ET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	first := PDFText(t, path)
	if len(first) != 1 {
		t.Fatalf("%d pages, want 1: %q", len(first), first)
	}
	answers.Lock()
	n := len(answers.m)
	answers.Unlock()
	PDFText(t, path)
	answers.Lock()
	defer answers.Unlock()
	if len(answers.m) != n {
		t.Error("a second PDFText of the same PDF ran pdftotext again")
	}
}

func TestUnembedded(t *testing.T) {
	fonts := []string{
		"AAAAAA+DejaVuSans    CID TrueType      Identity-H       yes yes yes      7  0",
		"Helvetica            Type 1            WinAnsi          no  no  no       9  0",
		"short line",
	}
	if got := Unembedded(fonts); len(got) != 2 || got[0] != fonts[1] || got[1] != fonts[2] {
		t.Errorf("Unembedded = %q", got)
	}
}

func TestVerdictReadsEachLine(t *testing.T) {
	v, err := verdict("b.epub", 1, "Validating using EPUB version 3.2 rules.\n"+
		"ERROR(RSC-005): b.epub/EPUB/nav.xhtml(3,4): Error while parsing file\n"+
		"WARNING(OPF-085): b.epub/EPUB/package.opf(2,1): odd identifier\n"+
		"FATAL(RSC-016): b.epub/EPUB/a.xhtml(1,1): Fatal Error\n"+
		"Check finished with errors\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Errors) != 2 || len(v.Warnings) != 1 || !strings.HasPrefix(v.Problems()[2], "WARNING") {
		t.Errorf("verdict = %+v", v)
	}
	if _, err := verdict("b.epub", 0, "Validating using EPUB version 3.2 rules.\n"); err == nil {
		t.Error("output without a verdict gave none")
	}
	if v, err := verdict("b.epub", 0, "No errors or warnings detected.\n"); err != nil || len(v.Problems()) != 0 {
		t.Errorf("a clean book: %+v, %v", v, err)
	}
}

func TestRequireFailsWhenTold(t *testing.T) {
	if Missing("no-such-checker-tool") == nil {
		t.Fatal("a tool that does not exist is not missing")
	}
	t.Setenv(RequireEnv, "1")
	ft := &fakeT{}
	func() {
		defer func() { recover() }()
		Require(ft, "no-such-checker-tool")
	}()
	if !ft.failed || ft.skipped {
		t.Errorf("with %s set, a missing tool: failed %t, skipped %t", RequireEnv, ft.failed, ft.skipped)
	}
}

func TestAvailableFailsWhenTold(t *testing.T) {
	t.Setenv(RequireEnv, "")
	if Available(&fakeT{}, "no-such-checker-tool") {
		t.Error("a tool that does not exist is available")
	}
	t.Setenv(RequireEnv, "1")
	ft := &fakeT{}
	func() {
		defer func() { recover() }()
		Available(ft, "no-such-checker-tool")
	}()
	if !ft.failed {
		t.Errorf("with %s set, a missing tool does not fail the test", RequireEnv)
	}
}

// fakeT records whether a test would have failed or been skipped.
type fakeT struct {
	testing.TB
	failed, skipped bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Fatalf(string, ...any) { f.failed = true; panic("stop") }
func (f *fakeT) Skipf(string, ...any)  { f.skipped = true; panic("stop") }
