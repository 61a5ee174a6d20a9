package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// roundingCases are lengths that test the rounding of hundredths: random
// ones, exact binary halves of a hundredth, decimal halves that binary
// cannot hold, values either side of them, tiny negatives, and lengths
// past the bound of the fast path.
func roundingCases() []float64 {
	r := rand.New(rand.NewPCG(1, 2))
	var vs []float64
	for range 200000 {
		vs = append(vs, (r.Float64()-0.5)*4000)
	}
	for k := -20000; k <= 20000; k++ {
		for _, v := range []float64{float64(k) / 8, float64(k) / 200, float64(k)/100 + 0.005, float64(k) / 100} {
			vs = append(vs, v, math.Nextafter(v, math.Inf(1)), math.Nextafter(v, math.Inf(-1)))
		}
	}
	vs = append(vs, 0, math.Copysign(0, -1), -0.001, -0.004999, -0.005, -0.0051, 1.005, 2.675, 1e5-0.005, 1e5+0.005, 1e6, -3e7, 1e300, math.MaxFloat64)
	return vs
}

// legacyPt is appendPt as strconv alone prints it.
func legacyPt(v float64) string {
	b := strconv.AppendFloat(nil, v, 'f', 2, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b) == "-0" {
		b = []byte("0")
	}
	return string(b)
}

func TestNumbersPrintAsStrconvPrintsThem(t *testing.T) {
	fast := 0
	for _, v := range roundingCases() {
		if _, ok := roundedHundredths(v); ok {
			fast++
		}
		if got, want := string(appendPt(nil, v)), legacyPt(v); got != want {
			t.Fatalf("appendPt(%v) = %q, want %q", v, got, want)
		}
		if got, want := string(appendSize(nil, v)), strconv.FormatFloat(v, 'f', 2, 64); got != want {
			t.Fatalf("appendSize(%v) = %q, want %q", v, got, want)
		}
		if got, want := string(appendPtHundredths(nil, ptHundredths(v))), legacyPt(v); math.Abs(v) < 1e6 && got != want {
			t.Fatalf("ptHundredths(%v) prints %q, want %q", v, got, want)
		}
	}
	if fast == 0 {
		t.Fatal("no length took the fast path")
	}
	for v := -2; v <= 258; v++ {
		if got, want := string(appendComponent(nil, v)), strconv.FormatFloat(float64(v)/255, 'f', 3, 64); got != want {
			t.Fatalf("appendComponent(%d) = %q, want %q", v, got, want)
		}
	}
}

func BenchmarkAppendPt(b *testing.B) {
	vs := roundingCases()[:4096]
	buf := make([]byte, 0, 64)
	b.Run("fast", func(b *testing.B) {
		for i := range b.N {
			buf = appendPt(buf[:0], vs[i%len(vs)])
		}
	})
	b.Run("strconv", func(b *testing.B) {
		for i := range b.N {
			buf = strconv.AppendFloat(buf[:0], vs[i%len(vs)], 'f', 2, 64)
		}
	})
}
