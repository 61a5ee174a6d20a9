// Package deflate compresses data in the DEFLATE format (RFC 1951), raw as
// a zip entry holds it or in the zlib wrapper (RFC 1950) of a PDF stream
// and a PNG image. It is the one door to the compressor the build uses,
// github.com/klauspost/compress, whose fastest level compresses text
// several times faster than the standard library's, to much the same
// size.
//
// Compressors are kept once closed, for the next Writer, in this process:
// each holds tables and a window that are slower to make anew, in fresh
// memory, than to reset. The same data always gives the same bytes,
// whether a Writer's compressor is new or kept.
package deflate

import (
	"encoding/binary"
	"errors"
	"hash"
	"hash/adler32"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// level is the compressor's level: its fastest, which finds fewer and
// shorter matches than the slower levels, for a few per cent more bytes.
const level = 1

// zlibHeader starts a zlib stream: a 32 KB window, DEFLATE, and the
// fastest of its four levels, with the check bits that make the two bytes
// a multiple of 31.
var zlibHeader = [2]byte{0x78, 0x01}

// Format is the wrapper of the compressed data.
type Format int

const (
	// Raw is DEFLATE data with no wrapper, as a zip entry holds it.
	Raw Format = iota
	// Zlib is DEFLATE data in the zlib wrapper: a header before it and
	// the Adler-32 sum of the data after it, as a PDF stream's
	// /FlateDecode filter and a PNG image's IDAT chunks hold it.
	Zlib
)

// Writer compresses what is written to it into an io.Writer.
type Writer struct {
	fw     *flate.Writer
	dst    io.Writer
	format Format
	sum    hash.Hash32 // the Adler-32 sum of the data (Zlib)
	err    error
	closed bool
}

// kept holds the compressors of closed Writers.
var kept = sync.Pool{}

// NewWriter returns a Writer that compresses into dst in the format f.
func NewWriter(dst io.Writer, f Format) *Writer {
	w := &Writer{dst: dst, format: f}
	if fw, ok := kept.Get().(*flate.Writer); ok {
		fw.Reset(dst)
		w.fw = fw
	} else {
		w.fw, _ = flate.NewWriter(dst, level) // the level is valid
	}
	if f == Zlib {
		w.sum = adler32.New()
		_, w.err = dst.Write(zlibHeader[:])
	}
	return w
}

// errClosed is returned by a Writer used after Close.
var errClosed = errors.New("deflate: write after close")

// Write compresses p.
func (w *Writer) Write(p []byte) (int, error) {
	if w.closed {
		return 0, errClosed
	}
	if w.err != nil {
		return 0, w.err
	}
	if w.format == Zlib {
		w.sum.Write(p)
	}
	n, err := w.fw.Write(p)
	w.err = err
	return n, err
}

// Close ends the compressed data, writing what is left of it, and hands
// the compressor back for the next Writer. It does not close the
// destination.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err == nil {
		w.err = w.fw.Close()
	}
	if w.err == nil && w.format == Zlib {
		var tail [4]byte
		binary.BigEndian.PutUint32(tail[:], w.sum.Sum32())
		_, w.err = w.dst.Write(tail[:])
	}
	w.fw.Reset(nil)
	kept.Put(w.fw)
	w.fw, w.dst = nil, nil
	return w.err
}

// Append appends data compressed in the format f to dst and returns the
// extended slice.
func Append(dst, data []byte, f Format) ([]byte, error) {
	b := appender{dst}
	w := NewWriter(&b, f)
	if _, err := w.Write(data); err != nil {
		w.Close()
		return dst, err
	}
	if err := w.Close(); err != nil {
		return dst, err
	}
	return b.b, nil
}

// appender is an io.Writer that appends to a slice.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}
