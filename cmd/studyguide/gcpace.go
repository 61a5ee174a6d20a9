package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// heapGoal is the heap size near which garbage is collected more often
// than the pace gcPercent sets, unless GOMEMLIMIT says otherwise. A note
// of 5,000 sections, built to both formats, holds about 400 MB live at its
// peak, most of it the guide itself and the PDF's structure tree.
const heapGoal = 600 << 20

// gcPercent is how far the heap grows past what the last collection kept
// before the next one, unless GOGC says otherwise: four times, where the
// runtime's default is once. A build makes a great deal of short-lived
// garbage and keeps little of it, so that collecting less often saves
// processor time (a sixth of a 1,000-section build's), while heapGoal
// keeps a long note's heap from growing to five times what it holds.
const gcPercent = 400

// headroom is how much the heap may grow past what a collection kept, as
// a share of it, once heapGoal leaves less: the goal rises with what the
// build holds, so that a note larger than any the goal was set for is
// not collected over and over with hardly any garbage to find.
const headroom = 0.5

// paceGC sets the pace of garbage collection, leaving alone what GOGC
// and GOMEMLIMIT set.
func paceGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(heapGoal)
		afterEachGC(func() {
			live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			metrics.Read(live)
			if live[0].Value.Kind() != metrics.KindUint64 {
				return
			}
			debug.SetMemoryLimit(heapLimit(live[0].Value.Uint64()))
		})
	}
}

// heapLimit is the memory limit for a heap that a collection left with
// live bytes.
func heapLimit(live uint64) int64 {
	return max(heapGoal, int64(float64(live)*(1+headroom)))
}

// gcSentinel is an object that only a collection frees.
type gcSentinel struct{ _ *int }

// afterEachGC calls f after each garbage collection, from the goroutine
// that runs finalizers: a sentinel that nothing refers to is freed by each
// collection, and its finalizer calls f and sets itself on the sentinel
// again.
func afterEachGC(f func()) {
	var again func(*gcSentinel)
	again = func(s *gcSentinel) {
		f()
		runtime.SetFinalizer(s, again)
	}
	runtime.SetFinalizer(&gcSentinel{}, again)
}
