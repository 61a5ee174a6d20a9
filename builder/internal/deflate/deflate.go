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
	sum    uint32 // the Adler-32 sum of the data (Zlib)
	err    error
	closed bool
}

// kept holds the compressors of closed Writers.
var kept = sync.Pool{}

// NewWriter returns a Writer that compresses into dst in the format f.
func NewWriter(dst io.Writer, f Format) *Writer {
	w := &Writer{dst: dst, format: f, sum: 1}
	if fw, ok := kept.Get().(*flate.Writer); ok {
		fw.Reset(dst)
		w.fw = fw
	} else {
		w.fw, _ = flate.NewWriter(dst, level) // the level is valid
	}
	if f == Zlib {
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
		w.sum = adler32(w.sum, p)
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
		binary.BigEndian.PutUint32(tail[:], w.sum)
		_, w.err = w.dst.Write(tail[:])
	}
	w.fw.Reset(nil)
	kept.Put(w.fw)
	w.fw, w.dst = nil, nil
	return w.err
}

// WriteRepeated writes p n times, as that many calls of Write would, but
// encodes the copies after the first itself, without searching, as copies
// of the len(p) bytes before them: some ten bits for each 258 bytes. Such
// data, a picture's rows that are the same as the row above, say, is
// then no longer compressed byte by byte. The compressor starts afresh
// after the copies, and later data is not matched against earlier data.
func (w *Writer) WriteRepeated(p []byte, n int) error {
	if n <= 0 || len(p) == 0 {
		return w.err
	}
	if _, err := w.Write(p); err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	if len(p) > maxDistance {
		for range n - 1 {
			if _, err := w.Write(p); err != nil {
				return err
			}
		}
		return nil
	}
	// The compressor ends its block and pads to a whole byte; the copies
	// follow in a block of their own, padded the same way.
	if w.err = w.fw.Flush(); w.err != nil {
		return w.err
	}
	var b bitWriter
	b.block(copyTokens(p, (n-1)*len(p)))
	b.bits(0, 3) // an empty stored block, not the last: the padding
	b.align()
	b.out = append(b.out, 0, 0, 0xFF, 0xFF)
	if _, w.err = w.dst.Write(b.out); w.err != nil {
		return w.err
	}
	if w.format == Zlib {
		w.sum = adler32Repeated(w.sum, p, n-1)
	}
	w.fw.Reset(w.dst)
	return nil
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

// adler32 returns the Adler-32 sum (RFC 1950) of data whose sum is sum
// followed by p.
//
// It sums sixteen bytes at a time, in two groups of eight: over a group
// of bytes b0 … b7 the first sum grows by their total and the second by
// eight times the first sum before them plus 8·b0 + 7·b1 + … + 1·b7.
// Both totals are taken from the group read as one 64-bit word, its even
// and its odd bytes spread over four 16-bit lanes each, and added across
// the lanes by one multiplication, whose top lane collects every lane
// times its weight. This sums 64 KB of text at 5.5 GB/s where a byte at
// a time, four to a turn, summed 3.5 GB/s (BenchmarkAdler32).
func adler32(sum uint32, p []byte) uint32 {
	// nmax is the most bytes summed before the sums must be reduced to
	// stay within 32 bits; it is a multiple of sixteen.
	const nmax = 5552
	const (
		lanes = 0x00FF00FF00FF00FF
		// ones adds the four lanes into the top one; evenWeights and
		// oddWeights weigh the even bytes 8, 6, 4, 2 and the odd ones
		// 7, 5, 3, 1 as they add them.
		ones        = 0x0001000100010001
		evenWeights = 8<<48 | 6<<32 | 4<<16 | 2
		oddWeights  = 7<<48 | 5<<32 | 3<<16 | 1
	)
	s1, s2 := sum&0xFFFF, sum>>16
	for len(p) > 0 {
		q := p[:min(len(p), nmax)]
		p = p[len(q):]
		for len(q) >= 16 {
			// Two groups at once: the first group's bytes count eight
			// times more in the second sum, for the second group's.
			v, u := binary.LittleEndian.Uint64(q), binary.LittleEndian.Uint64(q[8:])
			even, odd := v&lanes, v>>8&lanes
			even2, odd2 := u&lanes, u>>8&lanes
			total := uint32((even + odd) * ones >> 48)
			s2 += 16*s1 + 8*total +
				uint32((even*evenWeights+odd*oddWeights)>>48) +
				uint32((even2*evenWeights+odd2*oddWeights)>>48)
			s1 += total + uint32((even2+odd2)*ones>>48)
			q = q[16:]
		}
		for _, c := range q {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= adlerMod
		s2 %= adlerMod
	}
	return s2<<16 | s1
}

// adlerMod is the modulus of the Adler-32 sums.
const adlerMod = 65521

// adler32Repeated returns adler32 of data whose sum is sum followed by p
// n times, without summing p n times: each copy adds the sum of its bytes
// to the first sum, and to the second len(p) times the first sum before
// it and the sum of its bytes weighted by how many bytes from the end of
// the copy they stand.
func adler32Repeated(sum uint32, p []byte, n int) uint32 {
	var bytesSum, weighted uint64
	for i, c := range p {
		bytesSum += uint64(c)
		weighted += uint64(len(p)-i) * uint64(c)
	}
	bytesSum %= adlerMod
	weighted %= adlerMod
	length := uint64(len(p)) % adlerMod
	s1, s2 := uint64(sum&0xFFFF), uint64(sum>>16)
	for range n {
		s2 = (s2 + length*s1 + weighted) % adlerMod
		s1 = (s1 + bytesSum) % adlerMod
	}
	return uint32(s2<<16 | s1)
}
