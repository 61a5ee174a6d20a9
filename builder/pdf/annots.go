package pdf

import (
	"math"
	"strconv"

	"studyguide/builder/internal/pdfobj"
)

// A long guide places some hundreds of thousands of links, all of which
// wait for the end of the file, where the pages' dictionaries and the
// structure tree that name them are written. Each is kept in 24 bytes
// with no pointers in them, in chunks that are never copied as more are
// added, so that the collector neither scans them nor moves them.

// annotRec is a link placed on a page: its rectangle, in hundredths of a
// point from the bottom left of the page, as the file prints it, and
// where it goes: an internal link made with AddLink, or else a URL of
// the document's list, from 1.
type annotRec struct {
	rect [4]int32
	link int32
	url  int32
}

// annotList is the links of a document, in the order placed.
type annotList = chunkList[annotRec]

// ptHundredths returns v, a length in points, in hundredths of a point,
// rounded as appendPt prints it.
func ptHundredths(v float64) int32 {
	if h, ok := roundedHundredths(v); ok {
		return int32(h)
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'f', 2, 64)
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var n int64
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n = 10*n + int64(c-'0')
			if n > math.MaxInt32 {
				n = math.MaxInt32
				break
			}
		}
	}
	if neg {
		n = -n
	}
	return int32(n)
}

// appendPtHundredths appends a length given in hundredths of a point as
// appendPt appends it: without trailing zeros, and 0 rather than -0.
func appendPtHundredths(b []byte, h int32) []byte {
	return pdfobj.AppendHundredths(b, int64(h))
}
