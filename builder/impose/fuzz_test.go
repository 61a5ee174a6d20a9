package impose

import (
	"bytes"
	"testing"
)

// FuzzImpose feeds Impose damaged files: it must return an error or a
// file that reads back with one page per sheet side, and never panic.
func FuzzImpose(f *testing.F) {
	real, err := markedPDF("a5")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real, true)
	f.Add(handPDF(smallTrailer, smallObjects()...), false)
	f.Add([]byte("%PDF-1.3\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n"), false)
	f.Fuzz(func(t *testing.T, src []byte, booklet bool) {
		mode := TwoUp
		if booklet {
			mode = Booklet
		}
		var out bytes.Buffer
		if err := Impose(&out, src, mode, a4); err != nil {
			return
		}
		in, err := read(src)
		if err != nil {
			t.Fatalf("Impose accepted a file read refuses: %v", err)
		}
		d, err := read(out.Bytes())
		if err != nil {
			t.Fatalf("the output does not read back: %v", err)
		}
		if want := len(Order(len(in.pages), mode)); len(d.pages) != want {
			t.Fatalf("%d sheet sides, want %d", len(d.pages), want)
		}
	})
}
