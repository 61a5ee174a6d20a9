package pdfobj

import (
	"testing"
	"time"
)

// TestQueueTakesInOrder gives many objects, more than wait at once, and
// checks that the writing side takes every one, in the order given, in
// batches of at least wakeAt but the last.
func TestQueueTakesInOrder(t *testing.T) {
	const given = 10*maxQueued + 3
	q := newQueue()
	go func() {
		for i := range given {
			q.put(job{num: i + 1})
		}
		q.close()
	}()
	var jobs []job
	next := 1
	for {
		jobs = q.take(jobs)
		if len(jobs) == 0 {
			break
		}
		if len(jobs) > maxQueued {
			t.Fatalf("took %d objects at once, more than the %d that may wait", len(jobs), maxQueued)
		}
		if len(jobs) < wakeAt && next+len(jobs) <= given {
			t.Errorf("took %d objects before the last ones, fewer than %d", len(jobs), wakeAt)
		}
		for _, j := range jobs {
			if j.num != next {
				t.Fatalf("took object %d, want %d", j.num, next)
			}
			next++
		}
	}
	if next != given+1 {
		t.Errorf("took %d objects, want %d", next-1, given)
	}
}

// TestQueueWaitsForRoom checks that giving an object when as many wait
// as may waits until they are taken.
func TestQueueWaitsForRoom(t *testing.T) {
	q := newQueue()
	for i := range maxQueued {
		q.put(job{num: i + 1})
	}
	given := make(chan struct{})
	go func() {
		q.put(job{num: maxQueued + 1})
		close(given)
	}()
	select {
	case <-given:
		t.Fatal("an object was given when the queue was full")
	case <-time.After(20 * time.Millisecond):
	}
	if got := len(q.take(nil)); got != maxQueued {
		t.Errorf("took %d objects, want %d", got, maxQueued)
	}
	<-given
	q.close()
	if got := q.take(nil); len(got) != 1 || got[0].num != maxQueued+1 {
		t.Errorf("after close took %v, want the last object", got)
	}
	if got := q.take(nil); len(got) != 0 {
		t.Errorf("took %d objects from a closed, empty queue", len(got))
	}
}
