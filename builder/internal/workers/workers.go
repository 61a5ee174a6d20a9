// Package workers shares out independent pieces of work between the
// cores. The study aids use it for the work they do section by section:
// each piece writes only its own result, and the caller merges the
// results in order afterwards, so what is made never depends on how many
// cores there are or which piece finished first.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls do(i) for every i from 0 to n-1, on up to GOMAXPROCS
// goroutines, the calling one among them, and returns once every call
// has returned. The pieces are handed out in order, one at a time, so a
// long piece does not hold up the short ones behind it. With one core,
// or fewer than two pieces, Each calls do in order on the calling
// goroutine and starts none.
func Each(n int, do func(i int)) {
	EachOn(n, func(_, i int) { do(i) })
}

// Count returns how many workers Each and EachOn share n pieces between.
func Count(n int) int {
	return max(min(runtime.GOMAXPROCS(0), n), 1)
}

// EachOn is Each, with do also told which worker calls it, from 0 to
// Count(n)-1: a worker calls do for one piece at a time, so what do
// keeps for its worker needs no lock.
func EachOn(n int, do func(worker, i int)) {
	workers := Count(n)
	if workers < 2 {
		for i := range n {
			do(0, i)
		}
		return
	}
	var next atomic.Int64
	work := func(w int) {
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			do(w, i)
		}
	}
	var wg sync.WaitGroup
	for w := range workers - 1 {
		wg.Go(func() { work(w + 1) })
	}
	work(0)
	wg.Wait()
}

// EachThen calls do(worker, i) for every i from 0 to n-1 as EachOn
// does, on Count(n) goroutines of its own, and then(i) on the calling
// goroutine in order, each as soon as do has returned for i: the results
// of the pieces are merged while the pieces after them are still being
// done. With one core, or fewer than two pieces, EachThen calls do(0, i)
// then then(i) for each i in order on the calling goroutine.
func EachThen(n int, do func(worker, i int), then func(i int)) {
	workers := Count(n)
	if workers < 2 {
		for i := range n {
			do(0, i)
			then(i)
		}
		return
	}
	done := make([]chan struct{}, n)
	for i := range done {
		done[i] = make(chan struct{})
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				do(w, i)
				close(done[i])
			}
		})
	}
	for i := range n {
		<-done[i]
		then(i)
	}
	wg.Wait()
}

// Later starts f on a goroutine of its own and returns a function that
// waits for f to return and returns its result, as often as it is
// called: work that a caller needs only at its end, such as the ids a
// guide holds, is done beside the caller's own. With one core, f runs at
// once on the calling goroutine.
func Later[T any](f func() T) func() T {
	if runtime.GOMAXPROCS(0) < 2 {
		v := f()
		return func() T { return v }
	}
	done := make(chan struct{})
	var v T
	go func() {
		v = f()
		close(done)
	}()
	return func() T {
		<-done
		return v
	}
}
