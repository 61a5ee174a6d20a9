package pdf

import "sync"

// Typesetting a long guide makes millions of small slices: the pieces of
// words and lines, the words of table cells, the lines of paragraphs. They
// are carved from large chunks instead, so that they cost few allocations.

// arena hands out copies of slices carved from large chunks. A slice it
// hands out is never handed out again, unless the arena takes its chunks
// from a pool: then a chunk it has filled is retired, and once whoever
// holds the arena knows that nothing reads the slices in it any more it
// may give the chunk back to the pool, to be filled again (see recycler).
type arena[T any] struct {
	free  []T // the rest of the chunk being filled
	chunk []T // the chunk being filled, whole
	// pool, when set, gives the arena its chunks, and retired holds the
	// chunks filled since the last call of takeRetired, maxRetired at
	// most: the others are left to the collector.
	pool    *chunkPool[T]
	retired [][]T
	// items is how many items a chunk holds, arenaChunk when 0.
	items int
}

// maxRetired is the most chunks an arena keeps to give back at once: a
// batch of boxes whose lines fill more lets the collector have the rest.
const maxRetired = 16

// copy returns a copy of s that lives in the arena.
func (a *arena[T]) copy(s []T) []T {
	n := len(s)
	if n == 0 {
		return nil
	}
	if cap(a.free) < n {
		items := a.chunkItems()
		if a.pool != nil && len(a.chunk) == items && len(a.retired) < maxRetired {
			a.retired = append(a.retired, a.chunk)
		}
		a.chunk = nil
		if a.pool != nil && n <= items {
			a.chunk = a.pool.get()
		}
		if a.chunk == nil {
			a.chunk = make([]T, max(items, n))
		}
		a.free = a.chunk[:0]
	}
	out := a.free[0:n:n]
	copy(out, s)
	a.free = a.free[n:n]
	return out
}

// chunkItems returns how many items a chunk of the arena holds.
func (a *arena[T]) chunkItems() int {
	if a.items > 0 {
		return a.items
	}
	return arenaChunk
}

// takeRetired returns the chunks retired since the last call.
func (a *arena[T]) takeRetired() [][]T {
	r := a.retired
	a.retired = nil
	return r
}

// arenaChunk is how many items a chunk holds.
const arenaChunk = 2048

// chunkPool holds chunks to be filled again, all of the size of the
// arenas it gives them to. It is safe for use from several goroutines.
type chunkPool[T any] struct {
	mu   sync.Mutex
	free [][]T
}

// maxPooled is the most chunks a pool holds.
const maxPooled = 16

// get returns a chunk to fill, or nil when the pool has none.
func (p *chunkPool[T]) get() []T {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.free)
	if n == 0 {
		return nil
	}
	c := p.free[n-1]
	p.free[n-1] = nil
	p.free = p.free[:n-1]
	return c
}

// put gives back chunks that nothing reads any more, emptied.
func (p *chunkPool[T]) put(chunks [][]T) {
	for _, c := range chunks {
		clear(c) // let go of what the old slices point to
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range chunks {
		if len(p.free) < maxPooled {
			p.free = append(p.free, c)
		}
	}
}

// chunked builds slices in place, one at a time, in large chunks: begin
// starts a slice, push adds to it, end returns it. A slice ended is not
// changed by what is pushed after it; when a chunk is full, the slice
// being built moves to a fresh one. reset lets the chunks be used again,
// for slices that are not wanted beyond the next reset: a few of the
// chunks filled since the last reset are kept for the slices built after
// it, so that a typesetter that builds many words between resets (the
// cells of every short table) fills the same few chunks over and over.
type chunked[T any] struct {
	buf   []T
	start int // where the slice being built starts in buf
	// full are the chunks filled since the last reset that are to be
	// kept, spare those filled before it, emptied, to be filled again:
	// spareChunks of them at most, the others left to the collector as
	// soon as the slices in them are.
	full, spare [][]T
}

// begin starts a new slice.
func (c *chunked[T]) begin() { c.start = len(c.buf) }

// push adds v to the slice being built.
func (c *chunked[T]) push(v T) {
	if len(c.buf) == cap(c.buf) {
		n := len(c.buf) - c.start
		var fresh []T
		if k := len(c.spare) - 1; k >= 0 && cap(c.spare[k]) >= 2*n {
			fresh, c.spare[k] = c.spare[k][:n], nil
			c.spare = c.spare[:k]
		} else {
			fresh = make([]T, n, max(arenaChunk, 2*n))
		}
		copy(fresh, c.buf[c.start:])
		if c.buf != nil && len(c.full)+len(c.spare) < spareChunks {
			c.full = append(c.full, c.buf)
		}
		c.buf, c.start = fresh, 0
	}
	c.buf = append(c.buf, v)
}

// last returns the last item of the slice being built, or nil when it has
// none.
func (c *chunked[T]) last() *T {
	if len(c.buf) == c.start {
		return nil
	}
	return &c.buf[len(c.buf)-1]
}

// end returns the slice built since begin, nil when it is empty.
func (c *chunked[T]) end() []T {
	n := len(c.buf)
	if n == c.start {
		return nil
	}
	s := c.buf[c.start:n:n]
	c.start = n
	return s
}

// spareChunks is the most chunks a chunked keeps to fill again: what the
// words of a table of a few pages fill.
const spareChunks = 4

// reset empties the chunks for reuse: the slices built in them so far
// may change.
func (c *chunked[T]) reset() {
	for i, f := range c.full {
		clear(f[:cap(f)]) // let go of what the old slices point to
		c.spare = append(c.spare, f[:0])
		c.full[i] = nil
	}
	c.full = c.full[:0]
	clear(c.buf)
	c.buf, c.start = c.buf[:0], 0
}

// listChunk is how many items a chunk of a chunkList holds.
const listChunk = 4096

// chunkList is a list that grows by chunks of listChunk items, never
// copied as more are added: what a long guide keeps of each of its links
// till the end.
type chunkList[T any] struct {
	chunks [][]T
	n      int
}

// add appends v.
func (l *chunkList[T]) add(v T) {
	if len(l.chunks) == 0 || len(l.chunks[len(l.chunks)-1]) == listChunk {
		l.chunks = append(l.chunks, make([]T, 0, listChunk))
	}
	c := &l.chunks[len(l.chunks)-1]
	*c = append(*c, v)
	l.n++
}

// reset empties the list, keeping its first chunk to fill again.
func (l *chunkList[T]) reset() {
	if len(l.chunks) > 0 {
		l.chunks = l.chunks[:1]
		l.chunks[0] = l.chunks[0][:0]
	}
	l.n = 0
}

// at returns the i-th item added, from 0.
func (l *chunkList[T]) at(i int) T {
	return l.chunks[i/listChunk][i%listChunk]
}

// ptr returns the i-th item added, to change it.
func (l *chunkList[T]) ptr(i int) *T {
	return &l.chunks[i/listChunk][i%listChunk]
}

// len returns how many items were added.
func (l *chunkList[T]) len() int { return l.n }
