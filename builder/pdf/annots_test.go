package pdf

import (
	"math"
	"testing"
)

// TestPtHundredthsPrintsAsAppendPt holds a link's rectangle, kept in
// hundredths of a point, to the numbers appendPt prints for the same
// lengths: the file must not change with the way the links are kept.
func TestPtHundredthsPrintsAsAppendPt(t *testing.T) {
	values := []float64{0, -0.001, -0.004, 0.005, 0.015, 0.125, 0.135, 1.005, 2.675, 56.6929, -12.3456, 841.8898,
		595.2756, 99.995, 100, -100.5, 1e-9, -1e-9, 0.1, 0.2 + 0.1, 722.83465, math.Pi * 1000}
	for i := range 20000 {
		values = append(values, float64(i)*0.0137-50, float64(i)*(72/25.4)/7)
	}
	for _, v := range values {
		got := string(appendPtHundredths(nil, ptHundredths(v)))
		want := string(appendPt(nil, v))
		if got != want {
			t.Errorf("%v: kept as %q, appendPt prints %q", v, got, want)
		}
	}
}
