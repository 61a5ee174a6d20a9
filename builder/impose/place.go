package impose

import (
	"errors"
	"math"
	"strconv"
)

// placement is where a page goes on a sheet side: drawn scaled by scale,
// with its MediaBox origin moved to (x, y).
type placement struct {
	scale, x, y float64
}

// place fits a page with MediaBox box into half slot (0 left, 1 right) of
// sheet: scaled to fit the half's width and the sheet's height, never
// enlarged, and centred in the half.
func place(box [4]float64, slot int, sheet Sheet) (placement, error) {
	w, h := box[2]-box[0], box[3]-box[1]
	half := sheet.Width / 2
	// Round the scale down to what num writes, so that the page never
	// overflows its half, but not below a scale that rounding errors in
	// the sizes kept from 1 (half-letter pages on Letter).
	s := math.Floor(min(half/w, sheet.Height/h, 1)*1e6+1e-3) / 1e6
	if !(s > 0) {
		return placement{}, errors.New("a page is too large to fit the sheet")
	}
	return placement{
		scale: s,
		x:     float64(slot)*half + (half-w*s)/2 - box[0]*s,
		y:     (sheet.Height-h*s)/2 - box[1]*s,
	}, nil
}

// num formats x for a content stream or a dictionary: at most six
// decimals, no trailing zeros, never "-0".
func num(x float64) string {
	x = math.Round(x*1e6) / 1e6
	if x == 0 {
		return "0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
