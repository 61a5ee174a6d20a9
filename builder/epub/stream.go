package epub

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"strings"

	"studyguide/builder/internal/deflate"
)

// pageChunk is the most bytes of a page held at once: a longer page, such
// as the self-test of a guide of thousands of sections, is streamed in
// pieces of about this size, each checked, summed and deflated as soon as
// it is written, so that the page is never held whole.
const pageChunk = 256 << 10

// pageBufferSize is the room of the buffer a page, or a piece of a long
// one, is written into: a piece and the markup that ends past it. Every
// page buffer has this room, so that one handed back serves any page
// without growing.
const pageBufferSize = pageChunk + pageChunk/4

// pageStream checks, sums and deflates the pieces of one long page in the
// background, in order, into its entry, as the deflater does a whole page
// (see deflater.deflate). Deflating a page in pieces gives the bytes
// deflating it whole gives.
type pageStream struct {
	d *deflater
	e *entry
	// pieces carries the pieces to the background, which hands their
	// buffers back to the deflater.
	pieces chan []byte
	closed bool
}

// stream starts streaming the page of e, whose error is reported by
// finish in its place among the deflater's entries.
func (d *deflater) stream(e *entry) *pageStream {
	s := &pageStream{d: d, e: e, pieces: make(chan []byte, 2)}
	d.entries = append(d.entries, e)
	d.wg.Go(s.run)
	return s
}

// run takes the pieces until the last.
func (s *pageStream) run() {
	var out bytes.Buffer
	fw := deflate.NewWriter(&out, deflate.Raw)
	defer fw.Close()
	var check xmlStream
	var crc uint32
	var size uint64
	var err error
	for p := range s.pieces {
		if err == nil {
			if cerr := check.feed(p, false); cerr != nil {
				err = s.notWellFormed(cerr)
			}
		}
		if err == nil {
			crc = crc32.Update(crc, crc32.IEEETable, p)
			size += uint64(len(p))
			if _, werr := fw.Write(p); werr != nil {
				err = fmt.Errorf("deflate %s: %w", s.e.name, werr)
			}
		}
		s.d.recycle(p)
	}
	if err == nil {
		if cerr := check.feed(nil, true); cerr != nil {
			err = s.notWellFormed(cerr)
		}
	}
	if err == nil {
		if cerr := fw.Close(); cerr != nil {
			err = fmt.Errorf("deflate %s: %w", s.e.name, cerr)
		}
	}
	if err != nil {
		s.e.err = err
		return
	}
	s.e.deflated = bytes.Clone(out.Bytes())
	s.e.crc, s.e.size = crc, size
}

// notWellFormed is the error of a page that is not well-formed XML.
func (s *pageStream) notWellFormed(err error) error {
	return fmt.Errorf("page %s is not well-formed XML: %w", strings.TrimPrefix(s.e.name, rootDir), err)
}

// send hands a piece to the background and returns an empty buffer for
// the next.
func (s *pageStream) send(p []byte) []byte {
	s.pieces <- p
	return s.d.buffer()
}

// close hands over the last piece, whose buffer the stream hands back
// once it is done with it.
func (s *pageStream) close(last []byte) {
	if s.closed {
		return
	}
	s.closed = true
	if len(last) > 0 {
		s.pieces <- last
	}
	close(s.pieces)
}

// pageOut is where a page of the book goes: whole to the deflater (see
// deflater.add), or, once it grows long, piece by piece to a pageStream.
// The characters of each piece are noted in used, for the fonts.
type pageOut struct {
	d      *deflater
	e      *entry
	used   map[rune]bool
	stream *pageStream
}

// spill takes a piece of the page, and returns an empty buffer for the
// next.
func (o *pageOut) spill(p []byte) []byte {
	addRunes(o.used, p)
	if o.stream == nil {
		o.stream = o.d.stream(o.e)
	}
	return o.stream.send(p)
}

// writePage writes the page s into the entry e, whole or streamed.
func (b *book) writePage(s pageSpec, e *entry, d *deflater, used map[rune]bool) error {
	out := &pageOut{d: d, e: e, used: used}
	data, err := b.write(s, d.buffer(), out)
	if err != nil {
		if out.stream != nil {
			out.stream.close(nil)
		}
		return err
	}
	addRunes(used, data)
	if out.stream != nil {
		out.stream.close(data)
		return nil
	}
	e.data = data
	d.add(e)
	return nil
}
