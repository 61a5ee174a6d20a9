package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"studyguide/builder/internal/pdfxref"
)

// maxDeflaters is the most goroutines that compress the streams of one
// PDF, and streamsPerDeflater the fewest streams that make one worth it.
const (
	maxDeflaters       = 4
	streamsPerDeflater = 16
)

// deflateStreams writes to w a PDF that fpdf wrote with compression off,
// with its plain streams compressed and its cross-reference table rebuilt.
// Nothing is written when the PDF cannot be read.
//
// fpdf can compress page content itself, but it makes a new zlib writer,
// about a megabyte of state, for every page; on a guide of hundreds of
// pages that allocation and the garbage collection it causes cost more
// than laying the guide out. Here one writer serves many streams, and a
// few writers share the streams out when there are processors to spare.
//
// The input is what fpdf writes: a header, numbered objects ("n 0 obj" to
// "endobj"), a classic xref table (read by pdfxref.Read), the trailer and
// startxref. A stream whose dictionary is exactly "<</Length n>>" is
// compressed; every other object is copied as it is.
//
// A tagger, when given, adds its structure tree (see tagger.edits).
func deflateStreams(w io.Writer, pdf []byte, tags *tagger) error {
	xref, err := pdfxref.Read(pdf)
	if err != nil {
		return fmt.Errorf("deflate: %w", err)
	}
	ed := &pdfEdits{}
	if tags != nil {
		if ed, err = tags.edits(pdf, xref); err != nil {
			return fmt.Errorf("tagging: %w", err)
		}
	}
	offsets, xrefAt := xref.Offsets, xref.XrefAt
	trailer := pdf[xref.TrailerAt:xref.StartxrefAt]
	// Objects in file order, each running to the start of the next.
	order := make([]int, 0, len(offsets))
	for n, off := range offsets {
		if n > 0 && off > 0 {
			order = append(order, n)
		}
	}
	if len(order) == 0 {
		return errors.New("deflate: no objects")
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })

	objs := make([]pdfObject, len(order))
	for i, n := range order {
		start := offsets[n]
		end := xrefAt
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		if start > end || end > len(pdf) {
			return fmt.Errorf("deflate: object %d lies outside the file", n)
		}
		o := &objs[i]
		o.n, o.body = n, pdf[start:end]
		if data, ok := plainStream(o.body, n); ok {
			o.data = data
		}
	}
	tagFontNames(objs)
	if err := compressStreams(objs, deflaters(objs)); err != nil {
		return err
	}

	// The objects go out as they are written, counted for the new table.
	out := &countingWriter{w: bufio.NewWriterSize(w, 64<<10)}
	head := pdf[:offsets[order[0]]]
	if v, ok := bytes.CutPrefix(head, []byte("%PDF-1.")); ok && ed.version != "" && len(v) > 0 {
		// The version has one digit after the point: same length.
		out.Write([]byte("%PDF-" + ed.version))
		head = v[1:]
	}
	out.Write(head)
	packs, err := packObjects(ed.first, ed.added)
	if err != nil {
		return err
	}
	// The table lists fpdf's objects, the object streams and the
	// cross-reference stream; the objects in the streams come after.
	size, listed := len(offsets), len(offsets)
	if len(ed.added) > 0 {
		listed = len(offsets) + len(packs.streams) + 1
		if ed.first != listed {
			return fmt.Errorf("tagging: %d object streams where %d were planned", len(packs.streams), ed.first-len(offsets)-1)
		}
		size = listed + len(ed.added)
	}
	newOff := make([]int, listed)
	for _, o := range objs {
		newOff[o.n] = out.n
		if nb, ok := ed.replace[o.n]; ok {
			fmt.Fprintf(out, "%d 0 obj\n", o.n)
			out.Write(nb)
			io.WriteString(out, "\nendobj\n")
			continue
		}
		if o.data == nil {
			out.Write(o.body)
			continue
		}
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.n, len(o.packed))
		out.Write(o.packed)
		io.WriteString(out, "\nendstream\nendobj\n")
	}
	xrefStm := 0
	if len(ed.added) > 0 {
		// The added objects go in object streams, listed by a
		// cross-reference stream beside the table (a hybrid file: a
		// reader of PDF 1.4, like the imposer, does not see them).
		n := len(offsets)
		for _, st := range packs.streams {
			newOff[n] = out.n
			fmt.Fprintf(out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", n, st.count, st.first, len(st.packed))
			out.Write(st.packed)
			io.WriteString(out, "\nendstream\nendobj\n")
			n++
		}
		xrefStm = out.n
		newOff[n] = out.n
		data := packs.xrefData(len(offsets))
		fmt.Fprintf(out, "%d 0 obj\n<</Type /XRef /Size %d /Index [%d %d] /W [1 4 2] /Filter /FlateDecode /Length %d>>\nstream\n", n, size, ed.first, len(ed.added), len(data))
		out.Write(data)
		io.WriteString(out, "\nendstream\nendobj\n")
	}
	newXrefAt := out.n
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", listed)
	for n := 1; n < listed; n++ {
		fmt.Fprintf(out, "%010d 00000 n \n", newOff[n])
	}
	if size != len(offsets) {
		old := fmt.Appendf(nil, "/Size %d\n", len(offsets))
		trailer = bytes.Replace(trailer, old, fmt.Appendf(nil, "/Size %d\n/XRefStm %d\n", size, xrefStm), 1)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXrefAt)
	if out.err != nil {
		return out.err
	}
	return out.w.Flush()
}

// countingWriter counts the bytes written through it and keeps the first
// error, after which it writes nothing.
type countingWriter struct {
	w   *bufio.Writer
	n   int
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

// pdfObject is one object of a PDF: its bytes, and for a plain stream its
// data and that data compressed.
type pdfObject struct {
	n      int
	body   []byte
	data   []byte // nil unless the object is a plain stream
	packed []byte
}

// deflaters returns how many goroutines should compress the streams among
// objs: as many as there are processors to spare, up to maxDeflaters, but
// fewer for a few streams, as each writer holds about a megabyte.
func deflaters(objs []pdfObject) int {
	streams := 0
	for _, o := range objs {
		if o.data != nil {
			streams++
		}
	}
	return max(1, min(runtime.GOMAXPROCS(0), maxDeflaters, streams/streamsPerDeflater))
}

// compressStreams compresses the data of the plain streams among objs
// with workers goroutines. Each stream is compressed on its own, so the
// bytes do not depend on how the work is shared.
func compressStreams(objs []pdfObject, workers int) error {
	var (
		next atomic.Int64
		wg   sync.WaitGroup
		errs = make([]error, workers)
	)
	for w := range workers {
		wg.Go(func() {
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(objs) {
					return
				}
				o := &objs[i]
				if o.data == nil {
					continue
				}
				buf.Reset()
				zw.Reset(&buf)
				if _, err := zw.Write(o.data); err != nil {
					errs[w] = fmt.Errorf("deflate: %w", err)
					return
				}
				if err := zw.Close(); err != nil {
					errs[w] = fmt.Errorf("deflate: %w", err)
					return
				}
				o.packed = bytes.Clone(buf.Bytes())
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// plainStream returns the data of object n when the object is a stream
// with no dictionary entry but its length.
func plainStream(obj []byte, n int) ([]byte, bool) {
	head := []byte(strconv.Itoa(n) + " 0 obj\n<</Length ")
	if !bytes.HasPrefix(obj, head) {
		return nil, false
	}
	rest := obj[len(head):]
	num, rest, ok := bytes.Cut(rest, []byte(">>\nstream\n"))
	if !ok {
		return nil, false
	}
	length, err := strconv.Atoi(string(num))
	if err != nil || length < 0 || length > len(rest) {
		return nil, false
	}
	if string(rest[length:]) != "\nendstream\nendobj\n" {
		return nil, false
	}
	return rest[:length], true
}

// objectsPerStream is the most objects one object stream holds.
const objectsPerStream = 200

// objStream is an object stream being made: its objects' numbers and
// offsets, then the objects, compressed.
type objStream struct {
	count, first int
	packed       []byte
}

// packedObjects are objects put in object streams: the streams, and for
// each object the stream (by index) and its index in it.
type packedObjects struct {
	streams []objStream
	stream  []int
	index   []int
}

// packObjects puts the objects bodies, numbered from first on, in object
// streams of up to objectsPerStream objects, compressed side by side as
// the page streams are.
func packObjects(first int, bodies [][]byte) (packedObjects, error) {
	var p packedObjects
	if len(bodies) == 0 {
		return p, nil
	}
	var raw []pdfObject
	for start := 0; start < len(bodies); start += objectsPerStream {
		end := min(start+objectsPerStream, len(bodies))
		var head, data []byte
		for i := start; i < end; i++ {
			head = strconv.AppendInt(head, int64(first+i), 10)
			head = append(head, ' ')
			head = strconv.AppendInt(head, int64(len(data)), 10)
			head = append(head, ' ')
			data = append(data, bodies[i]...)
			data = append(data, '\n')
			p.stream = append(p.stream, len(p.streams))
			p.index = append(p.index, i-start)
		}
		head[len(head)-1] = '\n'
		p.streams = append(p.streams, objStream{count: end - start, first: len(head)})
		raw = append(raw, pdfObject{data: append(head, data...)})
	}
	if err := compressStreams(raw, deflaters(raw)); err != nil {
		return p, err
	}
	for i := range raw {
		p.streams[i].packed = raw[i].packed
	}
	return p, nil
}

// xrefData is the compressed data of the cross-reference stream of the
// packed objects: for each, type 2, the number of its stream (the streams
// are numbered from first on) and its index in it.
func (p packedObjects) xrefData(first int) []byte {
	streamBase := first
	raw := make([]byte, 0, 7*len(p.stream))
	for i := range p.stream {
		s := uint32(streamBase + p.stream[i])
		raw = append(raw, 2, byte(s>>24), byte(s>>16), byte(s>>8), byte(s), byte(p.index[i]>>8), byte(p.index[i]))
	}
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	zw.Write(raw)
	zw.Close()
	return buf.Bytes()
}
