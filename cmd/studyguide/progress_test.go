package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestProgressNotOnAPipe: a writer that is no terminal gets no progress.
func TestProgressNotOnAPipe(t *testing.T) {
	if p := newProgress(&bytes.Buffer{}); p != nil {
		t.Error("a buffer got a progress line")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p := newProgress(f); p != nil {
		t.Error("a file got a progress line")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if p := newProgress(w); p != nil {
		t.Error("a pipe got a progress line")
	}
	var none *progress
	none.end() // a build without progress ends it too
}

// TestProgressLine: once the delay is over, each update rewrites the
// line, and the end clears it; before the delay nothing is shown.
func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b}
	p.timer = timerNever()
	p.update(0, 3)
	if b.Len() != 0 {
		t.Fatalf("progress before the delay: %q", b.String())
	}
	p.mu.Lock()
	p.on = true
	p.draw()
	p.mu.Unlock()
	p.update(2, 3)
	p.end()
	p.update(3, 3)
	want := "\rbuilding: 0 of 3 notes done\x1b[K\rbuilding: 2 of 3 notes done\x1b[K\r\x1b[K"
	if b.String() != want {
		t.Errorf("the terminal got %q, want %q", b.String(), want)
	}
	if strings.Count(b.String(), "\n") != 0 {
		t.Error("the progress wrote a new line")
	}
}

// timerNever returns a stopped timer.
func timerNever() *time.Timer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return t
}
