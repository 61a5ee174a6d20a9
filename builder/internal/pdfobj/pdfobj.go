// Package pdfobj writes the objects of a PDF file as they are made:
// numbered objects and streams go straight through a buffered writer to
// the destination, their byte offsets counted on the way, and the file
// ends with its cross-reference table and trailer. Nothing is kept of an
// object once it is written but its offset.
//
// The file has the shape the build's PDF readers (builder/internal/pdfxref
// and the imposer) expect: one classic cross-reference table of one
// section, from object 0, listing every object written directly. Small
// objects that those readers need not see (a structure tree, say) may go
// in object streams instead, written as they are made; their numbers are
// allocated among those of the directly written objects and left out of
// the table, which lists the runs of numbers between them as subsections,
// and a cross-reference stream named in the trailer's /XRefStm lists
// them: a hybrid file that a reader of PDF 1.4 reads without them.
//
// The objects are compressed and written on a goroutine of the Writer's
// own, in the order they are given, so that the program making them goes
// on with the next page while the last one is compressed. Streams are
// compressed by package deflate into one buffer that the goroutine
// reuses, and the copies of what is given go back, once written, to be
// filled again by the next objects given: a long guide's pages and
// object streams are copied into a few dozen buffers rather than into
// fresh memory each.
package pdfobj

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"studyguide/builder/internal/deflate"
)

// ObjectsPerStream is the most objects one object stream holds: 256, the
// most an object's index in its stream can be in the table of where each
// went (packedAt, eight bits). An object stream of a long guide's
// structure tree then holds some 25 KB, still little for a reader to
// inflate to find one object, and each stream is compressed with tables
// of its own: at 100 objects a stream, building those tables for some
// 2,700 object streams was a tenth of the compressing of a 1,000-section
// guide.
const ObjectsPerStream = 256

// Writer writes one PDF file. Its methods record the first error met,
// after which they write nothing; Close reports it. A Writer's methods
// must be called from one goroutine.
type Writer struct {
	// Owned by the caller's goroutine.
	next   int     // the next object number to allocate
	state  []uint8 // by object number: what it is and whether it was given
	failed error
	closed bool
	jobs   *queue
	done   chan struct{}
	// spare holds the buffers of objects written, which the writing
	// goroutine hands back to be filled again: by size, the buffers of
	// minSpare bytes first, then of twice as many, and so on.
	spare [spareSizes]chan []byte
	// squeeze takes the streams to compress to the compressing
	// goroutines; nil when the streams are compressed by the writing
	// goroutine itself, on a machine of one core.
	squeeze chan *squeezed
	// squeezes holds the squeezed of streams written, to use again.
	squeezes chan *squeezed
	// squeezeAll has the compressing goroutines compress every stream,
	// not only those of bigStream bytes or more.
	squeezeAll bool

	// Objects in object streams: the objects of the stream being filled
	// (their numbers, the pairs of numbers and offsets that head the
	// stream, and the objects), and where each packed object went, by
	// object number: the number of its stream shifted left by 8, ored
	// with its index in the stream.
	pendingNums []int32
	pendingHead []byte
	pendingData []byte
	packedAt    [][]uint32 // in chunks of packedChunk numbers

	// Owned by the writing goroutine until it is done.
	w       *bufio.Writer
	n       int64 // bytes written so far
	err     error
	offsets []objectAt // of the objects written, in the order written
	zbuf    []byte
	head    []byte // the head of the stream being written
}

// objectAt is where an object written directly starts in the file.
type objectAt struct {
	num int32
	off int64
}

// The states of an object number.
const (
	direct      uint8 = iota // to be written with Object or Stream
	directGiven              // written with Object or Stream
	packed                   // to be given to Packed
	packedGiven              // given to Packed
)

// job is an object for the writing goroutine: its number, and its value
// or, for a stream, its dictionary's entries and its data.
type job struct {
	num        int
	body       []byte
	stream     bool
	compress   bool
	dict, data []byte
	// z, when set, is the stream's data being compressed by a
	// compressing goroutine.
	z *squeezed
}

// squeezed is a stream's data compressed by a compressing goroutine:
// done is done once z, or err, is set. The writing goroutine hands it
// back, once the stream is written, for the next stream.
type squeezed struct {
	data, z []byte
	err     error
	done    sync.WaitGroup
}

// maxCompressors is the most goroutines that compress streams side by
// side.
const maxCompressors = 4

// bigStream is the size from which a stream is compressed by a
// compressing goroutine on a machine of two cores, such as a font's.
// Smaller ones, a page's content among them, are compressed there by the
// writing goroutine, as before the compressing goroutines were: while a
// long guide's pages are drawn, it and the goroutine that draws them keep
// both cores busy, and a compressor that moves from core to core with
// each small stream costs more processor time than it saves.
const bigStream = 64 << 10

// New starts a PDF file of the given version ("1.7") on w: it writes the
// header, with a comment of bytes above 127 that marks the file binary.
func New(w io.Writer, version string) *Writer {
	pw := &Writer{w: bufio.NewWriterSize(w, 64<<10), state: []uint8{directGiven}, next: 1,
		jobs: newQueue(), done: make(chan struct{})}
	for i := range pw.spare {
		pw.spare[i] = make(chan []byte, 2*jobsQueued)
	}
	pw.write([]byte("%PDF-" + version + "\n%\xe2\xe3\xcf\xd3\n"))
	go func() {
		defer close(pw.done)
		var jobs []job
		for {
			if jobs = pw.jobs.take(jobs); len(jobs) == 0 {
				return
			}
			for _, j := range jobs {
				pw.writeJob(j)
			}
		}
	}()
	// The streams are compressed on every core, each as soon as it is
	// given, and written in the order given: the same bytes as those
	// compressed one after another by the writing goroutine. On two
	// cores only the big ones are (see bigStream).
	if n := min(runtime.GOMAXPROCS(0), maxCompressors); n > 1 {
		squeeze := make(chan *squeezed, jobsQueued+n)
		pw.squeeze, pw.squeezeAll = squeeze, n > 2
		pw.squeezes = make(chan *squeezed, cap(squeeze)+jobsQueued)
		for range n {
			go func() {
				for s := range squeeze {
					// Text compresses to a third or less of its size;
					// the buffer is one of those kept, however small.
					buf := pw.buffer(max(len(s.data)/2+64, minSpare))
					s.z, s.err = deflate.Append(buf, s.data, deflate.Zlib)
					s.done.Done()
				}
			}()
		}
	}
	return pw
}

// jobsQueued is how many objects may wait to be written: those waiting
// to be taken and those taken.
const jobsQueued = 2 * maxQueued

// writeJob writes one object, on the writing goroutine, and hands back
// the buffers it was copied into.
func (pw *Writer) writeJob(j job) {
	pw.do(j)
	pw.giveBack(j.body)
	pw.giveBack(j.dict)
	pw.giveBack(j.data)
	if z := j.z; z != nil {
		z.done.Wait()
		pw.giveBack(z.z)
		*z = squeezed{}
		select {
		case pw.squeezes <- z:
		default:
		}
	}
}

// The buffers kept to be filled again hold minSpare bytes, or twice
// that, and so on: spareSizes sizes. The dictionaries of streams and the
// small objects are copied into buffers of their own size, which would
// not hold a page; the rare larger ones, such as a font's, are left to
// the collector.
const (
	minSpare   = 4 << 10
	spareSizes = 7 // up to 256 KB
)

// spareSize returns the index of the smallest size of spare buffer that
// holds n bytes; spareSizes when none does.
func spareSize(n int) int {
	i := 0
	for size := minSpare; size < n && i < spareSizes; size *= 2 {
		i++
	}
	return i
}

// buffer returns an empty buffer that holds n bytes: one that written
// objects gave back when one of its size is spare, else a new one.
func (pw *Writer) buffer(n int) []byte {
	i := spareSize(n)
	if n < minSpare || i == spareSizes {
		return make([]byte, 0, n)
	}
	select {
	case buf := <-pw.spare[i]:
		return buf
	default:
		return make([]byte, 0, minSpare<<i)
	}
}

// copyOf returns a copy of b, in a buffer written objects gave back when
// one is spare.
func (pw *Writer) copyOf(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append(pw.buffer(len(b)), b...)
}

// giveBack hands a buffer the writing goroutine is done with back to be
// filled again, unless enough of its size are spare or it is not of one
// of the sizes kept.
func (pw *Writer) giveBack(b []byte) {
	i := spareSize(cap(b))
	if i == spareSizes || cap(b) != minSpare<<i {
		return
	}
	select {
	case pw.spare[i] <- b[:0]:
	default:
	}
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
// Object or Stream.
func (pw *Writer) Alloc() int {
	n := pw.next
	pw.next++
	pw.state = append(pw.state, direct)
	return n
}

// AllocPacked returns the number of a new object to be given to Packed,
// which puts it in an object stream.
func (pw *Writer) AllocPacked() int {
	n := pw.next
	pw.next++
	pw.state = append(pw.state, packed)
	return n
}

// give hands an object to the writing goroutine, unless its number is
// not allocated for it or was given before.
func (pw *Writer) give(j job) {
	if pw.closed {
		pw.Fail(errors.New("pdfobj: an object given after Close"))
		return
	}
	if j.num <= 0 || j.num >= len(pw.state) || pw.state[j.num] != direct {
		pw.Fail(fmt.Errorf("pdfobj: object %d is not allocated to be written directly or written twice", j.num))
		return
	}
	pw.state[j.num] = directGiven
	if j.compress && pw.squeeze != nil && (pw.squeezeAll || len(j.data) >= bigStream) {
		var z *squeezed
		select {
		case z = <-pw.squeezes:
		default:
			z = new(squeezed)
		}
		z.data = j.data
		z.done.Add(1)
		j.z = z
		pw.squeeze <- j.z
	}
	pw.jobs.put(j)
}

// Object writes object num, whose value (a dictionary, an array...) is
// body. The value is copied.
func (pw *Writer) Object(num int, body []byte) {
	pw.give(job{num: num, body: pw.copyOf(body)})
}

// Stream writes object num as a stream of data, its dictionary holding
// the entries in dict (written between "<<" and ">>", without /Length or
// /Filter) and its length. When compress is set the data is compressed
// and marked /FlateDecode. The dictionary and data are copied.
func (pw *Writer) Stream(num int, dict []byte, data []byte, compress bool) {
	pw.give(job{num: num, stream: true, compress: compress, dict: pw.copyOf(dict), data: pw.copyOf(data)})
}

// do writes one object, on the writing goroutine.
func (pw *Writer) do(j job) {
	if pw.err != nil {
		return
	}
	if !j.stream {
		pw.start(j.num)
		pw.write(j.body)
		pw.write([]byte("\nendobj\n"))
		return
	}
	data := j.data
	switch {
	case j.z != nil:
		j.z.done.Wait()
		if j.z.err != nil {
			pw.err = j.z.err
			return
		}
		data = j.z.z
	case j.compress:
		data = pw.deflate(data)
	}
	pw.start(j.num)
	head := append(pw.head[:0], "<<"...)
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
	pw.head = head
	pw.write(data)
	pw.write([]byte("\nendstream\nendobj\n"))
}

// start begins object num at the current offset.
func (pw *Writer) start(num int) {
	pw.offsets = append(pw.offsets, objectAt{int32(num), pw.n})
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

// Packed gives the value of packed object num, allocated by AllocPacked.
// Packed objects may be given in any order; they fill object streams in
// the order they are given, each written as soon as it is full. The value
// is copied.
func (pw *Writer) Packed(num int, body []byte) {
	if pw.closed {
		pw.Fail(errors.New("pdfobj: an object given after Close"))
		return
	}
	if num <= 0 || num >= len(pw.state) || pw.state[num] != packed {
		pw.Fail(fmt.Errorf("pdfobj: object %d is not allocated to be packed or given twice", num))
		return
	}
	pw.state[num] = packedGiven
	pw.pendingNums = append(pw.pendingNums, int32(num))
	pw.pendingHead = strconv.AppendInt(pw.pendingHead, int64(num), 10)
	pw.pendingHead = append(pw.pendingHead, ' ')
	pw.pendingHead = strconv.AppendInt(pw.pendingHead, int64(len(pw.pendingData)), 10)
	pw.pendingHead = append(pw.pendingHead, ' ')
	pw.pendingData = append(pw.pendingData, body...)
	pw.pendingData = append(pw.pendingData, '\n')
	if len(pw.pendingNums) == ObjectsPerStream {
		pw.flushPacked()
	}
}

// packedChunk is how many object numbers a chunk of Writer.packedAt
// covers.
const packedChunk = 1 << 16

// flushPacked writes the pending packed objects as one object stream, a
// directly written object of its own, and notes where each went.
func (pw *Writer) flushPacked() {
	if len(pw.pendingNums) == 0 {
		return
	}
	stm := pw.Alloc()
	if stm >= 1<<24 {
		pw.Fail(errors.New("pdfobj: too many objects"))
		return
	}
	// A long guide packs some millions of objects: the table grows by
	// chunks, never copied.
	for len(pw.packedAt)*packedChunk < len(pw.state) {
		pw.packedAt = append(pw.packedAt, make([]uint32, packedChunk))
	}
	for i, num := range pw.pendingNums {
		pw.packedAt[num/packedChunk][num%packedChunk] = uint32(stm)<<8 | uint32(i)
	}
	head := pw.pendingHead
	head[len(head)-1] = '\n'
	dict := fmt.Appendf(nil, "/Type /ObjStm /N %d /First %d", len(pw.pendingNums), len(head))
	data := append(append(pw.buffer(len(head)+len(pw.pendingData)), head...), pw.pendingData...)
	pw.give(job{num: stm, stream: true, compress: true, dict: dict, data: data})
	pw.pendingNums, pw.pendingHead, pw.pendingData = pw.pendingNums[:0], head[:0], pw.pendingData[:0]
}

// xrefStream writes the cross-reference stream of the packed objects,
// if there are any, and returns its number, or 0.
//
// Each packed object has an entry of five bytes: its type, 2 (an object
// in an object stream), the number of its stream in three bytes (flushPacked
// allows no more) and its index in the stream in one (ObjectsPerStream).
// Each row of entries goes through PNG's Up predictor, as the /DecodeParms
// say: it is written as its difference from the row before, after a byte
// that names the predictor, so that the rows of objects packed one after
// another, which share their stream and differ in their index by one,
// are all but the same. They are compressed a piece at a time, here,
// while the writing goroutine writes what it was given. A 5,000-section
// guide's 1.4 million entries, seven bytes each as they were with no
// predictor, took 42 ms to compress into 2.2 MB; as rows of differences
// they take 10 ms and some 50 KB.
func (pw *Writer) xrefStream() int {
	pw.flushPacked()
	var index []byte
	var z bytes.Buffer
	zw := deflate.NewWriter(&z, deflate.Zlib)
	var prev [xrefEntry]byte
	rows := pw.buffer(xrefPiece + 2*(xrefEntry+1))
	runs := 0
	for n := 1; n < len(pw.state); {
		if pw.state[n] != packedGiven {
			n++
			continue
		}
		first := n
		for ; n < len(pw.state) && pw.state[n] == packedGiven; n++ {
			at := pw.packedAt[n/packedChunk][n%packedChunk]
			stm := at >> 8
			row := [xrefEntry]byte{2, byte(stm >> 16), byte(stm >> 8), byte(stm), byte(at)}
			rows = append(rows, pngUp)
			for k, v := range row {
				rows = append(rows, v-prev[k])
			}
			prev = row
			if len(rows) >= xrefPiece {
				zw.Write(rows)
				rows = rows[:0]
			}
		}
		index = append(index, ' ')
		index = strconv.AppendInt(index, int64(first), 10)
		index = append(index, ' ')
		index = strconv.AppendInt(index, int64(n-first), 10)
		runs++
	}
	zw.Write(rows)
	pw.giveBack(rows)
	if err := zw.Close(); err != nil {
		pw.Fail(err)
	}
	if runs == 0 {
		return 0
	}
	num := pw.Alloc()
	dict := fmt.Appendf(nil, "/Type /XRef /Size %d /Index [%s] /W [1 3 1] /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns %d>>",
		len(pw.state), index[1:], xrefEntry)
	pw.give(job{num: num, stream: true, dict: dict, data: z.Bytes()})
	return num
}

// xrefEntry is the size of an entry of the cross-reference stream, and
// xrefPiece how many bytes of its rows are compressed at a time.
const (
	xrefEntry = 5
	xrefPiece = 32 << 10
)

// pngUp is the byte that starts a row predicted with PNG's Up predictor.
const pngUp = 2

// appendOffset appends a byte offset of the cross-reference table: ten
// digits, with leading zeros, as "%010d" prints it.
func appendOffset(b []byte, off int64) []byte {
	if off < 0 || off > 9999999999 {
		return fmt.Appendf(b, "%010d", off)
	}
	var d [10]byte
	for i := len(d) - 1; i >= 0; i-- {
		d[i] = byte('0' + off%10)
		off /= 10
	}
	return append(b, d[:]...)
}

// stop waits for the writing goroutine to write what it was given, and
// ends it.
func (pw *Writer) stop() {
	if !pw.closed {
		pw.closed = true
		pw.jobs.close()
	}
	<-pw.done
	if pw.squeeze != nil {
		close(pw.squeeze)
		pw.squeeze = nil
	}
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
// Every allocated object must have been written. The table lists the
// objects written directly, in subsections of consecutive numbers when
// packed objects come between them. Close returns the first error met
// while writing the file.
func (pw *Writer) Close(trailer []byte) error {
	if pw.closed {
		return errors.New("pdfobj: Close called twice or after Abort")
	}
	for n, st := range pw.state {
		if st == direct || st == packed {
			pw.Fail(fmt.Errorf("pdfobj: object %d was allocated but never written", n))
			break
		}
	}
	xref := 0
	if pw.failed == nil {
		xref = pw.xrefStream()
	}
	pw.stop()
	if pw.failed != nil {
		return pw.failed
	}
	size := len(pw.state)
	xrefAt := pw.n
	// The offsets by object number, object 0 first.
	offsets := pw.offsets
	slices.SortFunc(offsets, func(a, b objectAt) int { return int(a.num - b.num) })
	offsets = slices.Insert(offsets, 0, objectAt{})
	xrefStm := int64(0)
	at := 0
	offsetOf := func(n int) int64 {
		for at < len(offsets) && int(offsets[at].num) < n {
			at++
		}
		if at < len(offsets) && int(offsets[at].num) == n {
			return offsets[at].off
		}
		pw.err = fmt.Errorf("pdfobj: object %d was not written", n)
		return 0
	}
	b := append([]byte(nil), "xref\n"...)
	for n := 0; n < size; {
		if pw.state[n] != directGiven {
			n++
			continue
		}
		first := n
		for n < size && pw.state[n] == directGiven {
			n++
		}
		b = strconv.AppendInt(b, int64(first), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(n-first), 10)
		b = append(b, '\n')
		for k := first; k < n; k++ {
			if k == 0 {
				b = append(b, "0000000000 65535 f \n"...)
			} else {
				off := offsetOf(k)
				if k == xref {
					xrefStm = off
				}
				b = append(appendOffset(b, off), " 00000 n \n"...)
			}
			if len(b) > 32<<10 {
				pw.write(b)
				b = b[:0]
			}
		}
	}
	b = fmt.Appendf(b, "trailer\n<</Size %d", size)
	if xref != 0 {
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
