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
	// The fuzzer minimises every input it finds interesting, which takes
	// long on a large one: seed it with the real file's structure, its
	// streams cut short.
	small, err := cutStreams(real, 32)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small, true)
	f.Add(handPDF(smallTrailer, smallObjects()...), false)
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

// cutStreams returns src with every object as it is but the data of its
// streams cut to at most max bytes.
func cutStreams(src []byte, max int) ([]byte, error) {
	d, err := read(src)
	if err != nil {
		return nil, err
	}
	o := newOutput(d)
	o.bodies = make([][]byte, len(d.offsets))
	for n := range o.newNum {
		o.newNum[n] = n // keep the numbers
	}
	for n := 1; n < len(d.offsets); n++ {
		if d.offsets[n] == 0 {
			// An object the table leaves out (one in an object
			// stream) is null in the copy, which lists every number.
			o.bodies[n] = []byte("null")
			continue
		}
		obj, err := d.resolve(n)
		if err != nil {
			return nil, err
		}
		if obj.stream && len(obj.data) > max {
			cut := *obj
			cut.data = cut.data[:max]
			obj = &cut
		}
		if dv, ok := obj.v.(*dict); ok && !obj.stream {
			// The structure tree of a tagged file and the link
			// annotations it points to are in object streams, which
			// the table leaves out: the copy leaves them out too.
			kept := &dict{}
			for i, k := range dv.keys {
				if k != "StructTreeRoot" && k != "Annots" {
					kept.keys = append(kept.keys, k)
					kept.vals = append(kept.vals, dv.vals[i])
				}
			}
			obj = &object{v: kept}
		}
		var b bytes.Buffer
		if err := o.putObject(&b, obj); err != nil {
			return nil, err
		}
		o.bodies[n] = b.Bytes()
	}
	return o.file(d.version, int(d.root), int(d.info)), nil
}

func TestCutStreamsKeepsTheStructure(t *testing.T) {
	real := source(t, "a5")
	small, err := cutStreams(real, 32)
	if err != nil {
		t.Fatal(err)
	}
	// The objects left out of the table are nulls in the copy, which
	// take some room of their own.
	if len(small) > len(real)/2 {
		t.Errorf("cut to %d bytes from %d", len(small), len(real))
	}
	if err := Impose(&bytes.Buffer{}, small, Booklet, a4); err != nil {
		t.Error(err)
	}
}
