package epub

import (
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
// next page, so that the book's pages are never all held at once, and
// few buffers are ever made. The
// queue is short, so that the writer waits rather than pile up pages.
type deflater struct {
	queue   chan *entry
	wg      sync.WaitGroup
	entries []*entry
	free    chan []byte
	done    bool
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
			var scratch []byte
			for e := range d.queue {
				scratch = d.deflate(e, scratch)
			}
		})
	}
	return d
}

// deflate deflates one entry; a page is checked first, and its data let
// go of after. It returns scratch, or the larger buffer that took its
// place, for the next entry.
func (d *deflater) deflate(e *entry, scratch []byte) []byte {
	if e.page {
		if err := checkXML(e.data); err != nil {
			e.err = fmt.Errorf("page %s is not well-formed XML: %w", strings.TrimPrefix(e.name, rootDir), err)
			return scratch
		}
	}
	scratch, err := e.deflate(scratch)
	if err != nil {
		e.err = fmt.Errorf("deflate %s: %w", e.name, err)
		return scratch
	}
	if e.page {
		d.recycle(e.data)
		e.data = nil
	}
	return scratch
}

// buffer returns an empty buffer of pageBufferSize for the next page or
// piece of a page, one handed back when there is one.
func (d *deflater) buffer() []byte {
	select {
	case b := <-d.free:
		return b
	default:
		return make([]byte, 0, pageBufferSize)
	}
}

// recycle hands back the buffer of a page or piece that is deflated, for
// the next, unless the page outgrew it: a buffer larger than
// pageBufferSize is let go of, so that the buffers kept are few and of
// one size.
func (d *deflater) recycle(b []byte) {
	if cap(b) != pageBufferSize {
		return
	}
	select {
	case d.free <- b[:0]:
	default:
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
