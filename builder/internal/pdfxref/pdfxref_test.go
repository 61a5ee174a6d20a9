package pdfxref

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// handPDF returns a PDF of the given objects, numbered from 1, written the
// way the PDF writer writes one: a table of 20-byte entries, then the
// trailer.
func handPDF(objs ...string) []byte {
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
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

var small = handPDF("<</Type /Catalog /Pages 2 0 R>>", "<</Type /Pages /Kids [] /Count 0>>", "<</Length 5>>\nstream\nBT ET\nendstream")

func TestRead(t *testing.T) {
	tab, err := Read(small)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Offsets) != 4 || tab.Offsets[0] != 0 {
		t.Fatalf("offsets %v", tab.Offsets)
	}
	for n := 1; n < 4; n++ {
		if !bytes.HasPrefix(small[tab.Offsets[n]:], fmt.Appendf(nil, "%d 0 obj", n)) {
			t.Errorf("object %d is not at %d", n, tab.Offsets[n])
		}
	}
	if !bytes.HasPrefix(small[tab.XrefAt:], []byte("xref\n0 4\n")) {
		t.Errorf("XrefAt %d points at %q", tab.XrefAt, small[tab.XrefAt:])
	}
	if got := string(small[tab.TrailerAt:tab.StartxrefAt]); got != "trailer\n<</Size 4 /Root 1 0 R>>\n" {
		t.Errorf("trailer %q", got)
	}
}

// TestReadSubsections reads a table whose objects 4 to 6 are not listed
// (they are in object streams): they read as free.
func TestReadSubsections(t *testing.T) {
	tab, _ := Read(small)
	src := bytes.Replace(small, []byte("trailer"), fmt.Appendf(nil, "7 2\n%010d 00000 n \n%010d 00000 n \ntrailer", tab.Offsets[1], tab.Offsets[2]), 1)
	got, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{0, tab.Offsets[1], tab.Offsets[2], tab.Offsets[3], 0, 0, 0, tab.Offsets[1], tab.Offsets[2]}
	if fmt.Sprint(got.Offsets) != fmt.Sprint(want) {
		t.Errorf("offsets %v, want %v", got.Offsets, want)
	}
	if !bytes.HasPrefix(src[got.TrailerAt:], []byte("trailer")) {
		t.Errorf("TrailerAt %d points at %q", got.TrailerAt, src[got.TrailerAt:])
	}
}

// TestReadIsLenient reads a table written with other line ends and a
// comment, which the format allows.
func TestReadIsLenient(t *testing.T) {
	src := bytes.ReplaceAll(small, []byte(" \n"), []byte("\r\n"))
	src = bytes.Replace(src, []byte("trailer"), []byte("% the trailer\ntrailer"), 1)
	src = bytes.Replace(src, []byte("startxref\n"), []byte("startxref\r\n"), 1)
	tab, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := Read(small); fmt.Sprint(tab.Offsets) != fmt.Sprint(want.Offsets) {
		t.Errorf("offsets %v, want %v", tab.Offsets, want.Offsets)
	}
}

func TestReadRefuses(t *testing.T) {
	tab, _ := Read(small)
	xref := string(small[tab.XrefAt:tab.TrailerAt])
	with := func(old, new string) []byte {
		return []byte(strings.Replace(string(small), old, new, 1))
	}
	for _, tt := range []struct {
		name string
		src  []byte
		want string
	}{
		{"empty", nil, "no startxref"},
		{"no startxref", bytes.ReplaceAll(small, []byte("startxref"), []byte("startyref")), "no startxref"},
		{"bad startxref", with("startxref\n", "startxref\n9"), "startxref does not point"},
		{"startxref at itself", with(fmt.Sprintf("startxref\n%d", tab.XrefAt), fmt.Sprintf("startxref\n%d", tab.StartxrefAt)), "startxref does not point"},
		{"no table", with("xref\n0 4", "xref0\n0 4"), "no classic cross-reference table"},
		{"not from 0", with("xref\n0 4", "xref\n1 4"), "does not start at object 0"},
		{"no entries", with("xref\n0 4", "xref\n0 0"), "does not start at object 0"},
		{"too long", with("xref\n0 4", "xref\n0 99999999"), "longer than the file"},
		{"short entry", with("0000000000 65535 f", "000000000 65535 f"), "malformed cross-reference entry 0"},
		{"generation", with(" 00000 n", " 00001 n"), "unsupported cross-reference entry 1"},
		{"outside", with(xref[strings.Index(xref, " 00000 n")-10:strings.Index(xref, " 00000 n")], "9999999999"), "unsupported cross-reference entry 1"},
		{"overlapping subsections", with("trailer", "3 1\n0000000009 00000 n \ntrailer"), "malformed cross-reference subsection"},
		{"empty subsection", with("trailer", "7 0\ntrailer"), "malformed cross-reference subsection"},
	} {
		_, err := Read(tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one that says %q", tt.name, err, tt.want)
		}
	}
}

// FuzzRead feeds Read damaged tables: it must return an error or a table
// whose positions all lie in the file in the order the format gives them,
// and never panic.
func FuzzRead(f *testing.F) {
	f.Add(small)
	f.Add(handPDF())
	f.Add(bytes.ReplaceAll(small, []byte(" \n"), []byte("\r\n")))
	f.Add([]byte("xref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n0\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		tab, err := Read(src)
		if err != nil {
			return
		}
		if !(0 <= tab.XrefAt && tab.XrefAt < tab.TrailerAt && tab.TrailerAt < tab.StartxrefAt && tab.StartxrefAt < len(src)) {
			t.Fatalf("positions out of order: xref %d, trailer %d, startxref %d in %d bytes", tab.XrefAt, tab.TrailerAt, tab.StartxrefAt, len(src))
		}
		if !bytes.HasPrefix(src[tab.XrefAt:], []byte("xref")) || !bytes.HasPrefix(src[tab.TrailerAt:], []byte("trailer")) || !bytes.HasPrefix(src[tab.StartxrefAt:], []byte("startxref")) {
			t.Fatalf("a position does not hold its keyword")
		}
		if len(tab.Offsets) == 0 || tab.Offsets[0] != 0 {
			t.Fatalf("offsets %v: object 0 must be free", tab.Offsets)
		}
		for n, off := range tab.Offsets {
			if off < 0 || off >= len(src) {
				t.Fatalf("object %d at %d, outside the %d bytes", n, off, len(src))
			}
		}
	})
}
