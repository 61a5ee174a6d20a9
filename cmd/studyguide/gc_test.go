package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcSettings reads the collector's percent and memory limit.
func gcSettings() (percent, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

func TestPaceGCSetsPaceAndLimit(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(heapGoal))

	debug.SetMemoryLimit(1 << 40)
	paceGC(func(string) string { return "" })
	if p, l := gcSettings(); p != gcPercent || l != heapGoal {
		t.Fatalf("GOGC %d, limit %d; want %d and %d from the start", p, l, gcPercent, heapGoal)
	}
}

func TestPaceGCLeavesTheEnvironmentsSettings(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(heapGoal))

	debug.SetGCPercent(50)
	debug.SetMemoryLimit(1 << 30)
	paceGC(func(k string) string { return map[string]string{"GOMEMLIMIT": "1GiB"}[k] })
	if p, l := gcSettings(); p != 50 || l != 1<<30 {
		t.Errorf("with GOMEMLIMIT set: GOGC %d, limit %d; want them left as they were", p, l)
	}
	paceGC(func(k string) string { return map[string]string{"GOGC": "50"}[k] })
	if p, l := gcSettings(); p != 50 || l != heapGoal {
		t.Errorf("with GOGC set: GOGC %d, limit %d; want 50 and the limit %d", p, l, heapGoal)
	}
}

func TestHeapLimitRisesWithWhatIsLive(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, heapGoal},
		{200 << 20, heapGoal},
		{400 << 20, 500 << 20},
		{1 << 30, 5 << 28},
		{4 << 30, 5 << 30},
	} {
		if got := heapLimit(c.live); got != c.want {
			t.Errorf("heapLimit(%d MiB) = %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

func TestLimitFollowsTheLiveHeapUntilSetElsewhere(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(heapGoal))
	debug.SetMemoryLimit(1 << 40)
	followLiveHeap()
	wait := func(ok func(int64) bool) int64 {
		deadline := time.Now().Add(5 * time.Second)
		for {
			runtime.GC()
			if _, l := gcSettings(); ok(l) || time.Now().After(deadline) {
				return l
			}
			time.Sleep(time.Millisecond)
		}
	}
	if l := wait(func(l int64) bool { return l == heapGoal }); l != heapGoal {
		t.Fatalf("after a collection that kept little, the limit is %d, want %d", l, heapGoal)
	}
	// A limit set by someone else stays.
	debug.SetMemoryLimit(1 << 30)
	for range 3 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if _, l := gcSettings(); l != 1<<30 {
		t.Errorf("a limit of 1 GiB set after was changed to %d", l)
	}
}
