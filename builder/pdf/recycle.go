package pdf

import "sync"

// A long guide is drawn as it is laid out (render.go), and the pieces and
// lines its body is typeset in are read by nothing once the pages that
// print them are drawn. The workers that lay the body out carve them from
// chunks of a recycler's pools (arena.go), and each part of the body
// hands on, with its last boxes, the chunks it retired while it was laid
// out; those chunks go back to the pools once the page with the part's
// last box is written. A chunk a worker retires while it lays out part P
// holds nothing but the lines of P and of the parts it laid out before P,
// whose boxes all come before P's last: once the page with that box is
// ended, nothing reads the chunk.
//
// The pages are ended in their order by the document (document.endPage),
// whether they were drawn on it or on sheets replayed on it, so that a
// page ended is a page whose drawing is done.

// recycler gives the chunks of the parts of the body laid out back to
// the pools once their pages are written.
type recycler struct {
	pieces chunkPool[piece]
	lines  chunkPool[line]

	mu  sync.Mutex
	doc *document
	// parts are the parts handed on whose chunks wait for their pages:
	// how many boxes the body had up to the part's last, and its chunks.
	parts []partChunks
	// ends holds, from body page first on, how many boxes the body had
	// up to the last of each page dealt out; front is the number of the
	// page before the body's first, -1 until that page is dealt out.
	ends  []int
	first int
	front int
	// given counts the chunks given back to the pools.
	given int
}

// partChunks is what a part of the body retired: the chunks it filled,
// and how many boxes the body has up to the part's last.
type partChunks struct {
	boxes   int
	retired retiredChunks
}

// retiredChunks are the chunks an arena of pieces and one of lines
// retired.
type retiredChunks struct {
	pieces [][]piece
	lines  [][]line
}

// newRecycler returns a recycler for the body of doc, whose pages are yet
// to be dealt out.
func newRecycler(doc *document) *recycler {
	return &recycler{doc: doc, front: -1}
}

// partDone notes that a part's boxes were handed on, the body's first
// boxes up to the part's last, and the chunks it retired.
func (r *recycler) partDone(boxes int, rc retiredChunks) {
	if len(rc.pieces) == 0 && len(rc.lines) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.parts = append(r.parts, partChunks{boxes, rc})
}

// dealt notes that the next page of the body is dealt out, its last box
// the body's end-th. It must be called before the page is drawn.
func (r *recycler) dealt(end int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.front < 0 {
		r.front = r.doc.page()
	}
	r.ends = append(r.ends, end)
}

// pageEnded notes that the document's page n is written, and gives back
// the chunks of the parts whose boxes are all on it or before it.
func (r *recycler) pageEnded(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.front < 0 {
		return
	}
	drawn := -1
	for len(r.ends) > 0 && r.front+r.first+1 <= n {
		drawn = r.ends[0]
		r.ends = r.ends[1:]
		r.first++
	}
	if drawn < 0 {
		return
	}
	done := 0
	for done < len(r.parts) && r.parts[done].boxes <= drawn {
		rc := r.parts[done].retired
		r.pieces.put(rc.pieces)
		r.lines.put(rc.lines)
		r.given += len(rc.pieces) + len(rc.lines)
		r.parts[done] = partChunks{}
		done++
	}
	r.parts = r.parts[done:]
}

// recycleBody has the body's workers take their chunks from a recycler
// that ps, which deals out the body's pages, and the document, which
// writes them, tell when they may be filled again.
func (w *writer) recycleBody(ps *pageStream) {
	r := newRecycler(w.doc)
	w.recycle = r
	ps.dealt = r.dealt
	w.doc.pageEnded = r.pageEnded
}
