package main

import (
	"runtime"
	"testing"
	"time"
)

func TestAfterEachGC(t *testing.T) {
	done := make(chan bool, 1)
	afterEachGC(func() {
		select {
		case done <- true:
		default:
		}
	})
	for i := range 2 {
		// The second collection finds the sentinel the first one set
		// again.
		runtime.GC()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("collection %d: the hook was not called", i+1)
		}
	}
}

func TestHeapLimitRisesWithWhatIsLive(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, heapGoal},
		{400 << 20, heapGoal},
		{1 << 30, 3 << 29},
		{4 << 30, 6 << 30},
	} {
		if got := heapLimit(c.live); got != c.want {
			t.Errorf("heapLimit(%d MiB) = %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}
