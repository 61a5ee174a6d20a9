package epub

import (
	"compress/flate"
	"runtime"
	"sync"
)

// deflater deflates entries of the container in the background, one
// goroutine a processor, while the writer goes on making the next ones.
// Each entry is deflated once, into its own field, so the result does not
// depend on which goroutine took it or when.
type deflater struct {
	queue chan *entry
	wg    sync.WaitGroup
	// errs holds each goroutine's first error.
	errs []error
	done bool
}

// newDeflater starts a deflater that can take up to capacity entries
// without making the caller wait.
func newDeflater(capacity int) *deflater {
	n := runtime.GOMAXPROCS(0)
	d := &deflater{queue: make(chan *entry, capacity), errs: make([]error, n)}
	for i := range n {
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			fw, _ := flate.NewWriter(nil, zipDeflateLevel) // the level is valid
			for e := range d.queue {
				if d.errs[i] != nil {
					continue
				}
				e.deflated, d.errs[i] = deflate(fw, e.data)
			}
		}()
	}
	return d
}

// add queues an entry, whose data must not change from now on; a stored
// entry needs no deflating and is not queued.
func (d *deflater) add(e *entry) {
	if e.stored {
		return
	}
	d.queue <- e
}

// finish waits until every queued entry is deflated and returns the first
// error, by goroutine. It may be called more than once.
func (d *deflater) finish() error {
	if !d.done {
		d.done = true
		close(d.queue)
		d.wg.Wait()
	}
	for _, err := range d.errs {
		if err != nil {
			return err
		}
	}
	return nil
}
