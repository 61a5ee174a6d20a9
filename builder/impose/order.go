package impose

// Side is one side of a sheet: the source pages printed on its left and
// right halves, numbered from 1, with 0 for a half left blank.
type Side struct {
	Left, Right int
}

// Order returns the sides of the sheets, in printing order, that impose
// pages pages in mode. It returns nil when pages is below 1 or the mode is
// unknown.
//
// TwoUp puts pages 1 and 2 on the first side, 3 and 4 on the second, and
// so on; a last odd page sits on the left with the right half blank.
//
// Booklet gives two sides per sheet, front then back, for saddle
// stitching; see bookletOrder.
func Order(pages int, mode Mode) []Side {
	if pages < 1 {
		return nil
	}
	switch mode {
	case TwoUp:
		sides := make([]Side, 0, (pages+1)/2)
		for p := 1; p <= pages; p += 2 {
			s := Side{Left: p}
			if p+1 <= pages {
				s.Right = p + 1
			}
			sides = append(sides, s)
		}
		return sides
	case Booklet:
		return bookletOrder(pages)
	}
	return nil
}

// bookletOrder returns the sides of a saddle-stitched booklet of n pages.
//
// The pages are padded with blanks to m, a multiple of four, and sheet k
// (from 0) carries
//
//	front: left m-2k,  right 2k+1
//	back:  left 2k+2,  right m-2k-1
//
// Why this reads in order: the sheets are printed duplex, flipping on the
// short edge, so the back of a sheet is the front turned over about its
// vertical centre line; what is printed on the back's left half lies
// behind the front's right half, and the other way round. Sheet 0 goes
// outside, its front outwards, and everything is folded along that line.
// Its front's right half is the cover, page 1, and behind it, on the
// back's left half, is page 2. Opening the cover shows page 2 on the left
// and, on the right, the front of the next sheet inside: its right half,
// page 2k+1 = 3 for k = 1. Page by page, each right half 2k+1 has behind
// it 2k+2, and the next sheet inwards continues with 2(k+1)+1. The
// innermost sheet's back is the centre spread, pages m/2 and m/2+1. On
// the way out, the left halves carry the second half of the book: the
// back's right half m-2k-1 is followed, behind it, by the front's left
// half m-2k, and the outermost sheet ends with page m, the back cover.
// For eight pages: sheet 0 is 8|1 and 2|7, sheet 1 is 6|3 and 4|5.
func bookletOrder(n int) []Side {
	m := (n + 3) / 4 * 4
	page := func(p int) int {
		if p > n {
			return 0
		}
		return p
	}
	sides := make([]Side, 0, m/2)
	for k := range m / 4 {
		sides = append(sides,
			Side{Left: page(m - 2*k), Right: page(2*k + 1)},
			Side{Left: page(2*k + 2), Right: page(m - 2*k - 1)})
	}
	return sides
}
