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
// The objects are compressed and written on a goroutine of the Writer's
// own, in the order they are given, so that the program making them goes
// on with the next page while the last one is compressed. Streams are
// compressed by package deflate into one buffer that the goroutine
// reuses.
package pdfobj

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"studyguide/builder/internal/deflate"
)

// ObjectsPerStream is the most objects one object stream holds. It keeps
// each object stream small, so that a reader finds an object without
// inflating much else.
const ObjectsPerStream = 100

// Writer writes one PDF file. Its methods record the first error met,
// after which they write nothing; Close reports it. A Writer's methods
// must be called from one goroutine.
type Writer struct {
	// Owned by the caller's goroutine.
	next    int    // the next object number to allocate
	written []bool // by object number: given to Object or Stream
	failed  error
	closed  bool
	jobs    chan job
	done    chan struct{}

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

	// Owned by the writing goroutine until it is done.
	w       *bufio.Writer
	n       int64 // bytes written so far
	err     error
	offsets []int64 // by object number; 0 while not yet written
	zbuf    []byte
}

// job is an object for the writing goroutine: its number, and its value
// or, for a stream, its dictionary's entries and its data.
type job struct {
	num        int
	body       []byte
	stream     bool
	compress   bool
	dict, data []byte
}

// New starts a PDF file of the given version ("1.7") on w: it writes the
// header, with a comment of bytes above 127 that marks the file binary.
func New(w io.Writer, version string) *Writer {
	pw := &Writer{w: bufio.NewWriterSize(w, 64<<10), offsets: []int64{0}, written: []bool{true}, next: 1,
		jobs: make(chan job, 16), done: make(chan struct{})}
	pw.write([]byte("%PDF-" + version + "\n%\xe2\xe3\xcf\xd3\n"))
	go func() {
		defer close(pw.done)
		for j := range pw.jobs {
			pw.do(j)
		}
	}()
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
	if pw.failed == nil {
		pw.failed = err
	}
}

// Alloc returns the number of a new object to be written directly with
// Object or Stream. It must not be called after Pack.
func (pw *Writer) Alloc() int {
	if pw.packFirst != 0 {
		pw.Fail(errors.New("pdfobj: an object allocated after the packed ones"))
	}
	n := pw.next
	pw.next++
	pw.written = append(pw.written, false)
	return n
}

// give hands an object to the writing goroutine, unless its number is
// not allocated or was given before.
func (pw *Writer) give(j job) {
	if pw.closed {
		pw.Fail(errors.New("pdfobj: an object given after Close"))
		return
	}
	if j.num <= 0 || j.num >= len(pw.written) || pw.written[j.num] {
		pw.Fail(fmt.Errorf("pdfobj: object %d is not allocated or written twice", j.num))
		return
	}
	pw.written[j.num] = true
	pw.jobs <- j
}

// Object writes object num, whose value (a dictionary, an array...) is
// body. The value is copied.
func (pw *Writer) Object(num int, body []byte) {
	pw.give(job{num: num, body: slices.Clone(body)})
}

// Stream writes object num as a stream of data, its dictionary holding
// the entries in dict (written between "<<" and ">>", without /Length or
// /Filter) and its length. When compress is set the data is compressed
// and marked /FlateDecode. The dictionary and data are copied.
func (pw *Writer) Stream(num int, dict []byte, data []byte, compress bool) {
	pw.give(job{num: num, stream: true, compress: compress, dict: slices.Clone(dict), data: slices.Clone(data)})
}

// do writes one object, on the writing goroutine.
func (pw *Writer) do(j job) {
	if pw.err != nil {
		return
	}
	for len(pw.offsets) <= j.num {
		pw.offsets = append(pw.offsets, 0)
	}
	if !j.stream {
		pw.start(j.num)
		pw.write(j.body)
		pw.write([]byte("\nendobj\n"))
		return
	}
	data := j.data
	if j.compress {
		data = pw.deflate(data)
	}
	pw.start(j.num)
	var head []byte
	head = append(head, "<<"...)
	head = append(head, j.dict...)
	if len(j.dict) > 0 {
		head = append(head, ' ')
	}
	if j.compress {
		head = append(head, "/Filter /FlateDecode "...)
	}
	head = append(head, "/Length "...)
	head = strconv.AppendInt(head, int64(len(data)), 10)
	head = append(head, ">>\nstream\n"...)
	pw.write(head)
	pw.write(data)
	pw.write([]byte("\nendstream\nendobj\n"))
}

// start begins object num at the current offset.
func (pw *Writer) start(num int) {
	pw.offsets[num] = pw.n
	var head [24]byte
	b := strconv.AppendInt(head[:0], int64(num), 10)
	pw.write(append(b, " 0 obj\n"...))
}

// deflate returns data compressed, in a buffer that the next call reuses.
func (pw *Writer) deflate(data []byte) []byte {
	z, err := deflate.Append(pw.zbuf[:0], data, deflate.Zlib)
	if err != nil && pw.err == nil {
		pw.err = err
	}
	pw.zbuf = z
	return z
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
	data := make([]byte, 0, len(head)+len(pw.pendingData))
	data = append(append(data, head...), pw.pendingData...)
	pw.give(job{num: pw.packStreams[s], stream: true, compress: true, dict: dict, data: data})
	pw.pendingHead, pw.pendingData, pw.pendingN = head[:0], pw.pendingData[:0], 0
}

// stop waits for the writing goroutine to write what it was given, and
// ends it.
func (pw *Writer) stop() {
	if !pw.closed {
		pw.closed = true
		close(pw.jobs)
	}
	<-pw.done
}

// Abort ends a file that will not be finished: the writing goroutine
// writes what it was given and stops. It does nothing after Close.
func (pw *Writer) Abort() {
	pw.Fail(errors.New("pdfobj: the file was aborted"))
	pw.stop()
}

// Close writes the cross-reference stream of the packed objects, if any,
// the cross-reference table and the trailer, whose entries (without
// /Size and /XRefStm, which Close adds) are given, and flushes the file.
// Every allocated object must have been written. Close returns the first
// error met while writing the file.
func (pw *Writer) Close(trailer []byte) error {
	if pw.closed {
		return errors.New("pdfobj: Close called twice or after Abort")
	}
	size, listed := pw.next, pw.next
	if pw.packFirst != 0 {
		if pw.packed != pw.packCount {
			pw.Fail(fmt.Errorf("pdfobj: %d packed objects given of %d", pw.packed, pw.packCount))
		}
		listed = pw.packFirst
		size = pw.packFirst + pw.packCount
		dict := fmt.Appendf(nil, "/Type /XRef /Size %d /Index [%d %d] /W [1 4 2]", size, pw.packFirst, pw.packCount)
		pw.give(job{num: pw.xrefStream, stream: true, compress: true, dict: dict, data: pw.packIndex})
	}
	pw.stop()
	if pw.failed != nil {
		return pw.failed
	}
	for n := 1; n < listed; n++ {
		if !pw.written[n] {
			return fmt.Errorf("pdfobj: object %d was allocated but never written", n)
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
	if pw.packFirst != 0 {
		b = fmt.Appendf(b, " /XRefStm %d", pw.offsets[pw.xrefStream])
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
