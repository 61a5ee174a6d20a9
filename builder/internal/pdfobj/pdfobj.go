// Package pdfobj writes the objects of a PDF file as they are made:
// numbered objects and streams go straight through a buffered writer to
// the destination, their byte offsets counted on the way, and the file
// ends with its cross-reference table and trailer. Nothing is kept of an
// object once it is written but its offset.
//
// The file has the shape the build's PDF readers (builder/internal/pdfxref
// and the imposer) expect: one classic cross-reference table of one
// section from object 0 listing every object written directly. Small
// objects that those readers need not see (a structure tree, say) may go
// in object streams instead; they are numbered after every directly
// written object and listed by a cross-reference stream named in the
// trailer's /XRefStm, which makes a hybrid file that a reader of PDF 1.4
// reads without them.
//
// Streams are compressed with one zlib writer that the Writer reuses.
package pdfobj

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// ObjectsPerStream is the most objects one object stream holds.
const ObjectsPerStream = 100

// Writer writes one PDF file. Its methods record the first error met,
// after which they write nothing; Close reports it.
type Writer struct {
	w   *bufio.Writer
	n   int64 // bytes written so far
	err error

	offsets []int64 // by object number; 0 while not yet written
	next    int     // the next object number to allocate

	zw   *zlib.Writer
	zbuf bytes.Buffer

	// Objects in object streams: the number of the first, how many
	// there are, the numbers of their streams (reserved by Pack), and the
	// objects of the stream being filled.
	packFirst, packCount int
	packStreams          []int
	xrefStream           int
	packed               int    // how many packed objects were given
	pendingN             int    // how many are in the stream being filled
	pendingHead          []byte // its pairs of numbers and offsets
	pendingData          []byte // its objects
	packIndex            []byte // the cross-reference stream's entries
}

// New starts a PDF file of the given version ("1.7") on w: it writes the
// header, with a comment of bytes above 127 that marks the file binary.
func New(w io.Writer, version string) *Writer {
	pw := &Writer{w: bufio.NewWriterSize(w, 64<<10), offsets: []int64{0}, next: 1}
	pw.write([]byte("%PDF-" + version + "\n%\xe2\xe3\xcf\xd3\n"))
	return pw
}

// write writes b to the file, counting its bytes.
func (pw *Writer) write(b []byte) {
	if pw.err != nil {
		return
	}
	n, err := pw.w.Write(b)
	pw.n += int64(n)
	pw.err = err
}

// Fail records err as the Writer's error unless it has one already.
func (pw *Writer) Fail(err error) {
	if pw.err == nil {
		pw.err = err
	}
}

// Err returns the first error met, if any.
func (pw *Writer) Err() error { return pw.err }

// Alloc returns the number of a new object to be written directly with
// Object or Stream. It must not be called after Pack.
func (pw *Writer) Alloc() int {
	if pw.packFirst != 0 {
		pw.Fail(errors.New("pdfobj: an object allocated after the packed ones"))
	}
	n := pw.next
	pw.next++
	pw.offsets = append(pw.offsets, 0)
	return n
}

// start begins object num at the current offset.
func (pw *Writer) start(num int) bool {
	if num <= 0 || num >= len(pw.offsets) || pw.offsets[num] != 0 {
		pw.Fail(fmt.Errorf("pdfobj: object %d is not allocated or written twice", num))
		return false
	}
	pw.offsets[num] = pw.n
	var head [24]byte
	b := strconv.AppendInt(head[:0], int64(num), 10)
	pw.write(append(b, " 0 obj\n"...))
	return true
}

// Object writes object num, whose value (a dictionary, an array...) is
// body.
func (pw *Writer) Object(num int, body []byte) {
	if !pw.start(num) {
		return
	}
	pw.write(body)
	pw.write([]byte("\nendobj\n"))
}

// Stream writes object num as a stream of data, its dictionary holding
// the entries in dict (written between "<<" and ">>", without /Length or
// /Filter) and its length. When compress is set the data is compressed
// and marked /FlateDecode.
func (pw *Writer) Stream(num int, dict []byte, data []byte, compress bool) {
	if compress {
		data = pw.deflate(data)
	}
	if !pw.start(num) {
		return
	}
	var head []byte
	head = append(head, "<<"...)
	head = append(head, dict...)
	if len(dict) > 0 {
		head = append(head, ' ')
	}
	if compress {
		head = append(head, "/Filter /FlateDecode "...)
	}
	head = append(head, "/Length "...)
	head = strconv.AppendInt(head, int64(len(data)), 10)
	head = append(head, ">>\nstream\n"...)
	pw.write(head)
	pw.write(data)
	pw.write([]byte("\nendstream\nendobj\n"))
}

// deflate returns data compressed, in a buffer that the next call reuses.
func (pw *Writer) deflate(data []byte) []byte {
	pw.zbuf.Reset()
	if pw.zw == nil {
		pw.zw, _ = zlib.NewWriterLevel(&pw.zbuf, zlib.BestSpeed)
	} else {
		pw.zw.Reset(&pw.zbuf)
	}
	if _, err := pw.zw.Write(data); err != nil {
		pw.Fail(err)
	}
	if err := pw.zw.Close(); err != nil {
		pw.Fail(err)
	}
	return pw.zbuf.Bytes()
}

// Pack ends the allocation of directly written objects and makes room
// for count objects in object streams: it reserves the numbers of their
// streams and of the cross-reference stream, and returns the number of
// the first packed object; the others follow it. Pack may be called once.
func (pw *Writer) Pack(count int) int {
	if pw.packFirst != 0 || count <= 0 {
		pw.Fail(errors.New("pdfobj: Pack called twice or for no objects"))
		return 0
	}
	for range (count + ObjectsPerStream - 1) / ObjectsPerStream {
		pw.packStreams = append(pw.packStreams, pw.Alloc())
	}
	pw.xrefStream = pw.Alloc()
	pw.packFirst, pw.packCount = pw.next, count
	return pw.packFirst
}

// Packed gives the value of the next packed object, which must be number
// num: packed objects are given in the order of their numbers. The value
// is copied. A stream is written as soon as it is full.
func (pw *Writer) Packed(num int, body []byte) {
	if pw.packFirst == 0 || num != pw.packFirst+pw.packed || pw.packed >= pw.packCount {
		pw.Fail(fmt.Errorf("pdfobj: packed object %d out of order", num))
		return
	}
	s := pw.packed / ObjectsPerStream
	stm := uint32(pw.packStreams[s])
	i := pw.pendingN
	pw.packIndex = append(pw.packIndex, 2, byte(stm>>24), byte(stm>>16), byte(stm>>8), byte(stm), byte(i>>8), byte(i))
	pw.pendingHead = strconv.AppendInt(pw.pendingHead, int64(num), 10)
	pw.pendingHead = append(pw.pendingHead, ' ')
	pw.pendingHead = strconv.AppendInt(pw.pendingHead, int64(len(pw.pendingData)), 10)
	pw.pendingHead = append(pw.pendingHead, ' ')
	pw.pendingData = append(pw.pendingData, body...)
	pw.pendingData = append(pw.pendingData, '\n')
	pw.pendingN++
	pw.packed++
	if pw.pendingN == ObjectsPerStream || pw.packed == pw.packCount {
		pw.flushPacked()
	}
}

// flushPacked writes the pending packed objects as one object stream.
func (pw *Writer) flushPacked() {
	s := (pw.packed - 1) / ObjectsPerStream
	head := pw.pendingHead
	head[len(head)-1] = '\n'
	dict := fmt.Appendf(nil, "/Type /ObjStm /N %d /First %d", pw.pendingN, len(head))
	pw.Stream(pw.packStreams[s], dict, append(head, pw.pendingData...), true)
	pw.pendingHead, pw.pendingData, pw.pendingN = head[:0], pw.pendingData[:0], 0
}

// Close writes the cross-reference stream of the packed objects, if any,
// the cross-reference table and the trailer, whose entries (without
// /Size and /XRefStm, which Close adds) are given, and flushes the file.
// Every allocated object must have been written.
func (pw *Writer) Close(trailer []byte) error {
	size, listed := pw.next, pw.next
	var xrefStm int64
	if pw.packFirst != 0 {
		if pw.packed != pw.packCount {
			pw.Fail(fmt.Errorf("pdfobj: %d packed objects given of %d", pw.packed, pw.packCount))
		}
		listed = pw.packFirst
		size = pw.packFirst + pw.packCount
		xrefStm = pw.n
		dict := fmt.Appendf(nil, "/Type /XRef /Size %d /Index [%d %d] /W [1 4 2]", size, pw.packFirst, pw.packCount)
		pw.Stream(pw.xrefStream, dict, pw.packIndex, true)
	}
	for n := 1; n < listed; n++ {
		if pw.offsets[n] == 0 {
			pw.Fail(fmt.Errorf("pdfobj: object %d was allocated but never written", n))
			break
		}
	}
	xrefAt := pw.n
	b := fmt.Appendf(nil, "xref\n0 %d\n0000000000 65535 f \n", listed)
	for n := 1; n < listed; n++ {
		b = fmt.Appendf(b, "%010d 00000 n \n", pw.offsets[n])
		if len(b) > 32<<10 {
			pw.write(b)
			b = b[:0]
		}
	}
	b = fmt.Appendf(b, "trailer\n<</Size %d", size)
	if xrefStm != 0 {
		b = fmt.Appendf(b, " /XRefStm %d", xrefStm)
	}
	if len(trailer) > 0 {
		b = append(b, ' ')
		b = append(b, trailer...)
	}
	b = fmt.Appendf(b, ">>\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	pw.write(b)
	if pw.err != nil {
		return pw.err
	}
	pw.err = pw.w.Flush()
	return pw.err
}
