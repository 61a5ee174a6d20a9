package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// heapGoal is the heap size near which garbage is collected more often
// than the pace gcPercent sets: what keeps a long note's build under 300 MB. A note of 5,000 sections, built
// to both formats, holds some 100 to 165 MB live while its PDF is written,
// most of it the guide with its study aids: near 256 MiB it is collected
// some fourteen times and peaks near 278 MiB (285 MB). The process holds
// some 20 MiB more than its heap (the program's own code and the runtime's
// books), and on huge pages (see preferHugePages) the heap is resident in
// pieces of 2 MiB: a goal of 270 MiB, one collection fewer, peaked at
// 292 MiB, too near the bar. A note of 1,000 sections never
// reaches the goal.
const heapGoal = 256 << 20

// gcPercent is how far the heap grows past what the last collection kept
// before the next one: four times, where the runtime's default is once. A
// build makes a great deal of short-lived garbage and keeps little of it,
// so that collecting less often saves processor time (a sixth of a
// 1,000-section build's), while heapGoal keeps a long note's heap from
// growing to five times what it holds.
const gcPercent = 400

// headroom is how much the heap may grow past what a collection kept, as a
// share of it, where heapGoal leaves less: the goal rises with what the
// build holds, so that a note larger than any the goal was set for is not
// collected over and over with hardly any garbage to find. It is small
// enough that a note of 5,000 sections stays within heapGoal.
const headroom = 0.25

// paceGC sets how garbage is collected, unless GOGC or GOMEMLIMIT say
// otherwise: at gcPercent from the start, within heapGoal, or within a
// quarter again what the last collection kept when that is more.
//
// The first collection comes when the heap nears 16 MiB (the runtime's 4
// MiB at the default pace, times four), while the note is still being
// read. An earlier version collected nothing until the heap neared 64 MiB,
// so that a short note's build never paused. Collecting from the start
// took the 5,000-section build from 3.78 to 3.48 s (medians of nine runs
// taken in turn) and steadied the 1,000-section one, at no cost a short
// note's build can measure. The likely reason is where the guide lies: a
// long note's guide is made while its reader throws away most of what it
// allocates, and without early collections it ends up spread thinly over
// pages among the dead, which every later collection and every walk of the
// guide must touch.
func paceGC(getenv func(string) string) {
	switch {
	case getenv("GOMEMLIMIT") != "":
		return
	case getenv("GOGC") == "":
		debug.SetGCPercent(gcPercent)
	}
	debug.SetMemoryLimit(heapGoal)
	followLiveHeap()
}

// heapLimit is the memory limit for a heap that a collection left with
// live bytes.
func heapLimit(live uint64) int64 {
	return max(heapGoal, int64(float64(live)*(1+headroom)))
}

// followLiveHeap sets the memory limit after each collection to heapLimit
// of what the collection kept, until something else sets another limit.
func followLiveHeap() {
	set := debug.SetMemoryLimit(-1)
	var again func(*gcMarker)
	again = func(m *gcMarker) {
		if debug.SetMemoryLimit(-1) != set {
			return
		}
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(live)
		if live[0].Value.Kind() == metrics.KindUint64 {
			set = heapLimit(live[0].Value.Uint64())
			debug.SetMemoryLimit(set)
		}
		// The marker, freed again by the next collection, brings this
		// back after it.
		runtime.SetFinalizer(m, again)
	}
	runtime.SetFinalizer(new(gcMarker), again)
}

// gcMarker is an object of its own, with a pointer in it, so that the
// allocator does not pack it with other small objects that may outlive
// the first collection.
type gcMarker struct {
	_ *byte
	_ [8]byte
}
