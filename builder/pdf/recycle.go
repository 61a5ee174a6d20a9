package pdf

import "sync"

// A long guide is drawn as it is laid out (render.go), and the pieces,
// lines and text its body is typeset in are read by nothing once the
// pages that print them are drawn. The workers that lay the body out carve them from
// chunks of a recycler's pools (arena.go), and hand on with each batch of
// boxes the chunks retired before the batch before it was handed on; those
// chunks go back to the pools once the page with the batch's last box is
// written.
//
// The layout makes the boxes that print a line as soon as it has typeset
// it, before it hands anything on (but for a list's markers and a table's
// header row, which are typeset in chunks of their own, never filled
// again: see typesetter.lasting). A line typeset before batch k is handed
// on is then in a box of batch k or before it, but for the last box laid
// out, which the layout holds back, as it may still change it, until the
// next batch: so a chunk retired before batch k is handed on holds nothing
// but lines of batch k+1 and those before it, and of the parts the worker
// laid out before. Once the page with the last box of batch k+1 is ended,
// nothing reads the chunk.
//
// The pages are ended in their order by the document (document.endPage),
// whether they were drawn on it or on sheets replayed on it, so that a
// page ended is a page whose drawing is done.

// recycler gives the chunks of the parts of the body laid out back to
// the pools once their pages are written.
type recycler struct {
	pieces chunkPool[piece]
	lines  chunkPool[line]
	texts  chunkPool[byte]

	mu  sync.Mutex
	doc *document
	// parts are the batches handed on whose chunks wait for their pages:
	// how many boxes the body had up to the batch's last, and the chunks.
	parts []partChunks
	// ends holds, from body page first on, how many boxes the body had
	// up to the last of each page dealt out; front is the number of the
	// page before the body's first, -1 until that page is dealt out.
	ends  []int
	first int
	front int
	// given counts the chunks given back to the pools.
	given int
	// batches are lists of boxes handed on whose boxes were dealt out,
	// to hold the boxes of batches to come (see batch).
	batches [][]*box
}

// maxSpareBatches is the most lists of boxes a recycler keeps.
const maxSpareBatches = 8

// batch returns an empty list of boxes with room for a batch: one whose
// boxes were dealt out, or a new one.
func (r *recycler) batch() []*box {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := len(r.batches)
	if n == 0 {
		return make([]*box, 0, 2*batchBoxes)
	}
	b := r.batches[n-1]
	r.batches[n-1] = nil
	r.batches = r.batches[:n-1]
	return b
}

// dealtBatch gives back the list of a batch whose boxes the pages' dealer
// took, which keeps none of the list.
func (r *recycler) dealtBatch(b []*box) {
	if cap(b) != 2*batchBoxes {
		return
	}
	clear(b)
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.batches) < maxSpareBatches {
		r.batches = append(r.batches, b[:0])
	}
}

// partChunks is chunks handed on with a batch of boxes, and how many
// boxes the body has up to the batch's last.
type partChunks struct {
	boxes   int
	retired retiredChunks
}

// retiredChunks are the chunks an arena of pieces, one of lines and one
// of the lines' text retired.
type retiredChunks struct {
	pieces [][]piece
	lines  [][]line
	texts  [][]byte
}

// textChunk is how many bytes a chunk of the lines' text holds: the text
// of about as many lines as a chunk of pieces holds the pieces of.
const textChunk = 32 << 10

// newRecycler returns a recycler for the body of doc, whose pages are yet
// to be dealt out.
func newRecycler(doc *document) *recycler {
	return &recycler{doc: doc, front: -1}
}

// handedOn notes that a batch of boxes was handed on, the body's boxes
// up to its last, with chunks whose lines are all in those boxes.
func (r *recycler) handedOn(boxes int, rc retiredChunks) {
	if len(rc.pieces) == 0 && len(rc.lines) == 0 && len(rc.texts) == 0 {
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
// the chunks of the batches whose boxes are all on it or before it.
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
		r.texts.put(rc.texts)
		r.given += len(rc.pieces) + len(rc.lines) + len(rc.texts)
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
