package pdfobj

import "sync"

// queue holds the objects given to the writing goroutine until it takes
// them. The writing goroutine takes every object waiting at once, and is
// woken for them only once a few wait; the goroutine giving them waits
// only when many do, until all are taken. So each of the two, once woken,
// has a batch of objects to make or write while the other is brought back
// to a core, rather than one: on two cores the goroutine that draws the
// pages and the one that compresses them run side by side instead of in
// turn on one core, as a goroutine woken for one object tends to.
type queue struct {
	mu sync.Mutex
	// given holds the objects given and not yet taken.
	given []job
	// waiting says that the writing goroutine waits for objects.
	waiting bool
	closed  bool
	// more is signalled when there are objects to take, or no more to
	// come; room when the objects given are taken.
	more, room sync.Cond
}

// The most objects that wait to be taken, and how many wait before the
// writing goroutine is woken for them.
const (
	maxQueued = 32
	wakeAt    = 8
)

// newQueue returns an empty queue.
func newQueue() *queue {
	q := &queue{given: make([]job, 0, maxQueued)}
	q.more.L, q.room.L = &q.mu, &q.mu
	return q
}

// put adds an object, first waiting for the writing goroutine to take
// those given when too many wait.
func (q *queue) put(j job) {
	q.mu.Lock()
	for len(q.given) >= maxQueued {
		q.room.Wait()
	}
	q.given = append(q.given, j)
	if q.waiting && len(q.given) >= wakeAt {
		q.waiting = false
		q.more.Signal()
	}
	q.mu.Unlock()
}

// close says that no more objects come: the writing goroutine takes those
// still waiting, however few.
func (q *queue) close() {
	q.mu.Lock()
	q.closed = true
	if q.waiting {
		q.waiting = false
		q.more.Signal()
	}
	q.mu.Unlock()
}

// take returns every object waiting, once enough do or no more come;
// none once the queue is closed and empty. done is the list the last
// take returned, its objects written: it holds the objects given next.
func (q *queue) take(done []job) []job {
	clear(done)
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.given) < wakeAt && !q.closed {
		q.waiting = true
		q.more.Wait()
	}
	taken := q.given
	if done == nil {
		done = make([]job, 0, maxQueued)
	}
	q.given = done[:0]
	q.room.Signal()
	return taken
}
