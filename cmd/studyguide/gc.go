package main

import (
	"runtime"
	"runtime/debug"
)

// firstCollection is the heap size near which a build first collects its
// garbage. A short note's whole build allocates less than this, and so is
// never held up by collecting: starting and stopping the collector's
// work costs it more than the memory it would give back. A long guide's
// build is then collected at the runtime's default pace, within heapGoal.
const firstCollection = 64 << 20

// paceGC sets how garbage is collected, unless GOGC or GOMEMLIMIT say
// otherwise: not at all until the heap nears firstCollection, then at the
// runtime's default pace (GOGC=100) with heapGoal as the memory limit.
func paceGC(getenv func(string) string) {
	switch {
	case getenv("GOMEMLIMIT") != "":
		return
	case getenv("GOGC") != "":
		debug.SetMemoryLimit(heapGoal)
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstCollection)
	// The first collection finds the marker unreachable, and its cleanup
	// sets the default pace from then on.
	marker := new(gcMarker)
	runtime.AddCleanup(marker, func(struct{}) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(heapGoal)
	}, struct{}{})
}

// gcMarker is an object of its own, with a pointer in it, so that the
// allocator does not pack it with other small objects that may outlive
// the first collection.
type gcMarker struct {
	_ *byte
	_ [8]byte
}
