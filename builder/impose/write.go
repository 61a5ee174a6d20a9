package impose

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// output collects the objects of the imposed PDF by number, and copies
// objects of the source on demand, numbering them in the order they are
// first referred to.
type output struct {
	d      *document
	bodies [][]byte // by object number; bodies[0] is unused
	newNum []int    // source object number -> output number, 0 if not yet
	queue  []int    // source objects numbered but not copied yet
}

func newOutput(d *document) *output {
	return &output{d: d, bodies: [][]byte{nil}, newNum: make([]int, len(d.offsets))}
}

// alloc reserves the next object number.
func (o *output) alloc() int {
	o.bodies = append(o.bodies, nil)
	return len(o.bodies) - 1
}

// set stores the body of object n, without "n 0 obj" and "endobj".
func (o *output) set(n int, body []byte) {
	o.bodies[n] = body
}

// mapRef returns the output number of source object n, queueing the
// object for copying the first time it is seen.
func (o *output) mapRef(n int) (int, error) {
	if n <= 0 || n >= len(o.newNum) || o.d.offsets[n] == 0 {
		return 0, fmt.Errorf("reference to object %d, which the file lacks", n)
	}
	if o.newNum[n] == 0 {
		o.newNum[n] = o.alloc()
		o.queue = append(o.queue, n)
	}
	return o.newNum[n], nil
}

// copyQueued copies every queued source object, and those they refer to.
func (o *output) copyQueued() error {
	for len(o.queue) > 0 {
		n := o.queue[0]
		o.queue = o.queue[1:]
		src, err := o.d.resolve(n)
		if err != nil {
			return err
		}
		if dd, ok := src.v.(*dict); ok {
			switch dd.get("Type") {
			case name("Page"), name("Pages"), name("Catalog"), name("Outlines"):
				return fmt.Errorf("object %d: a shared resource refers to the document structure", n)
			}
		}
		var b bytes.Buffer
		if err := o.putObject(&b, src); err != nil {
			return fmt.Errorf("object %d: %w", n, err)
		}
		o.set(o.newNum[n], b.Bytes())
	}
	return nil
}

// putObject writes the value of a source object, and its data when it is
// a stream, with references renumbered.
func (o *output) putObject(b *bytes.Buffer, src *object) error {
	if !src.stream {
		return o.put(b, src.v)
	}
	sd := src.v.(*dict) // read makes sure of it
	b.WriteString("<<")
	for i, k := range sd.keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		o.putName(b, k)
		b.WriteByte(' ')
		if k == "Length" {
			b.WriteString(strconv.Itoa(len(src.data)))
			continue
		}
		if err := o.put(b, sd.vals[i]); err != nil {
			return err
		}
	}
	b.WriteString(">>")
	putStream(b, src.data)
	return nil
}

// putStream writes the keyword stream, data and the keyword endstream.
func putStream(b *bytes.Buffer, data []byte) {
	b.WriteString("\nstream\n")
	b.Write(data)
	b.WriteString("\nendstream")
}

func (o *output) putName(b *bytes.Buffer, n name) {
	b.WriteByte('/')
	b.WriteString(string(n))
}

// put writes v with its references renumbered.
func (o *output) put(b *bytes.Buffer, v value) error {
	switch v := v.(type) {
	case name:
		o.putName(b, v)
	case atom:
		b.WriteString(string(v))
	case str:
		b.Write(v)
	case ref:
		n, err := o.mapRef(int(v))
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "%d 0 R", n)
	case array:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			if err := o.put(b, x); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case *dict:
		b.WriteString("<<")
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(' ')
			}
			o.putName(b, k)
			b.WriteByte(' ')
			if err := o.put(b, v.vals[i]); err != nil {
				return err
			}
		}
		b.WriteString(">>")
	default:
		return errors.New("a value of an unknown kind")
	}
	return nil
}

// file returns the whole file: header, objects, cross-reference table
// and trailer, with root and info (0 for none) named in the trailer.
func (o *output) file(version string, root, info int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version)
	offsets := make([]int, len(o.bodies))
	for n := 1; n < len(o.bodies); n++ {
		offsets[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", n)
		b.Write(o.bodies[n])
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(o.bodies))
	for n := 1; n < len(o.bodies); n++ {
		fmt.Fprintf(&b, "%010d 00000 n \n", offsets[n])
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %d 0 R", len(o.bodies), root)
	if info != 0 {
		fmt.Fprintf(&b, " /Info %d 0 R", info)
	}
	fmt.Fprintf(&b, ">>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}
