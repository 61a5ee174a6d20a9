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
func deflateStreams(w io.Writer, pdf []byte) error {
	xref, err := pdfxref.Read(pdf)
	if err != nil {
		return fmt.Errorf("deflate: %w", err)
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
	out.Write(pdf[:offsets[order[0]]])
	newOff := make([]int, len(offsets))
	for _, o := range objs {
		newOff[o.n] = out.n
		if o.data == nil {
			out.Write(o.body)
			continue
		}
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.n, len(o.packed))
		out.Write(o.packed)
		io.WriteString(out, "\nendstream\nendobj\n")
	}
	newXrefAt := out.n
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for n := 1; n < len(offsets); n++ {
		fmt.Fprintf(out, "%010d 00000 n \n", newOff[n])
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
