package epub

import (
	"bytes"
	"compress/flate"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// deflater deflates entries of the container in the background, one
// goroutine a processor, while the writer goes on making the next ones.
// Each entry is deflated once, into its own fields, so the result does not
// depend on which goroutine took it or when.
//
// A page is checked for well-formedness before it is deflated; then its
// data is let go of, and its buffer handed back (buffer) for the
// next page, so that the book's pages are never all held at once. The
// queue is short, so that the writer waits rather than pile up pages.
type deflater struct {
	queue   chan *entry
	wg      sync.WaitGroup
	entries []*entry
	free    chan []byte
	done    bool
}

// flateWriters keeps the compressors of finished deflaters for the next
// ones, one a processor: each is a megabyte of tables, which a build of
// several books, or of a short note, would otherwise make anew for each.
var flateWriters = make(chan *flate.Writer, runtime.GOMAXPROCS(0))

// flateWriter returns a compressor kept in flateWriters, or a new one.
func flateWriter() *flate.Writer {
	select {
	case fw := <-flateWriters:
		return fw
	default:
		fw, _ := flate.NewWriter(nil, zipDeflateLevel) // the level is valid
		return fw
	}
}

// keepFlateWriter hands a compressor back to flateWriters, unless it is
// full.
func keepFlateWriter(fw *flate.Writer) {
	fw.Reset(nil)
	select {
	case flateWriters <- fw:
	default:
	}
}

// newDeflater starts a deflater.
func newDeflater() *deflater {
	n := runtime.GOMAXPROCS(0)
	d := &deflater{
		queue: make(chan *entry, 2*n),
		free:  make(chan []byte, 3*n+1),
	}
	for range n {
		d.wg.Go(func() {
			fw := flateWriter()
			defer keepFlateWriter(fw)
			var scratch bytes.Buffer
			for e := range d.queue {
				d.deflate(e, fw, &scratch)
			}
		})
	}
	return d
}

// deflate deflates one entry; a page is checked first, and its data let
// go of after.
func (d *deflater) deflate(e *entry, fw *flate.Writer, scratch *bytes.Buffer) {
	if e.page {
		if err := checkXML(e.data); err != nil {
			e.err = fmt.Errorf("page %s is not well-formed XML: %w", strings.TrimPrefix(e.name, rootDir), err)
			return
		}
	}
	if err := e.deflate(fw, scratch); err != nil {
		e.err = fmt.Errorf("deflate %s: %w", e.name, err)
		return
	}
	if e.page {
		if cap(e.data) <= maxKeptBuffer {
			select {
			case d.free <- e.data[:0]:
			default:
			}
		}
		e.data = nil
	}
}

// maxKeptBuffer is the largest buffer of a page kept for the next: the
// one page of a self-test of thousands of questions is not held while
// the small pages after it are made.
const maxKeptBuffer = 1 << 20

// buffer returns an empty buffer for the next page, one a deflated page
// handed back when there is one.
func (d *deflater) buffer() []byte {
	select {
	case b := <-d.free:
		return b
	default:
		return nil
	}
}

// add queues an entry, whose data must not change from now on; a stored
// entry needs no deflating and is not queued.
func (d *deflater) add(e *entry) {
	if e.stored {
		return
	}
	d.entries = append(d.entries, e)
	d.queue <- e
}

// finish waits until every queued entry is deflated and returns the first
// error, in the order the entries were added. It may be called more than
// once.
func (d *deflater) finish() error {
	if !d.done {
		d.done = true
		close(d.queue)
		d.wg.Wait()
	}
	for _, e := range d.entries {
		if e.err != nil {
			return e.err
		}
	}
	return nil
}
