package workers

import (
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
)

// TestEach holds each way of sharing work out to call its function once
// for every piece, with worker numbers below Count, and EachThen to merge
// the pieces in order, on one, two and four cores.
func TestEach(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 7, 100} {
			calls := make([]atomic.Int32, n)
			Each(n, func(i int) { calls[i].Add(1) })
			EachOn(n, func(w, i int) {
				if w < 0 || w >= Count(n) {
					t.Errorf("%d cores, %d pieces: worker %d of %d", procs, n, w, Count(n))
				}
				calls[i].Add(1)
			})
			done := make([]bool, n)
			var merged []int
			EachThen(n, func(w, i int) {
				calls[i].Add(1)
				done[i] = true
			}, func(i int) {
				if !done[i] {
					t.Errorf("%d cores: piece %d merged before it was done", procs, i)
				}
				merged = append(merged, i)
			})
			for i := range calls {
				if c := calls[i].Load(); c != 3 {
					t.Errorf("%d cores, %d pieces: piece %d done %d times, want 3", procs, n, i, c)
				}
			}
			want := make([]int, n)
			for i := range want {
				want[i] = i
			}
			if !slices.Equal(merged, want) {
				t.Errorf("%d cores: merged in the order %v", procs, merged)
			}
		}
		if got := Later(func() int { return 42 })(); got != 42 {
			t.Errorf("%d cores: Later gave %d", procs, got)
		}
	}
}
