package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progressDelay is how long a build runs before it shows its progress.
const progressDelay = time.Second

// progress shows on a terminal how many notes a build has done of all,
// once the build has taken more than progressDelay: one line, written
// over itself, and cleared when the build ends. It shows nothing when its
// writer is not a terminal, so piped or redirected output stays clean.
type progress struct {
	w     io.Writer
	mu    sync.Mutex
	timer *time.Timer
	shown bool // the line is on the screen
	on    bool // the delay is over
	ended bool
	done  int
	total int
}

// newProgress returns the progress of a build that reports to w, or nil
// when w is not a terminal.
func newProgress(w io.Writer) *progress {
	if !isTerminal(w) {
		return nil
	}
	p := &progress{w: w}
	p.timer = time.AfterFunc(progressDelay, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.on = true
		p.draw()
	})
	return p
}

// isTerminal reports whether w is a character device, as a terminal is.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// update records that done notes of total are built; it is the build's
// Progress callback.
func (p *progress) update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total = done, total
	p.draw()
}

// draw writes the line, once the delay is over; p.mu is held.
func (p *progress) draw() {
	if !p.on || p.ended || p.total == 0 {
		return
	}
	fmt.Fprintf(p.w, "\rbuilding: %d of %d notes done\x1b[K", p.done, p.total)
	p.shown = true
}

// end stops the progress and clears its line, so that the messages that
// follow start on a clean line.
func (p *progress) end() {
	if p == nil {
		return
	}
	p.timer.Stop()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ended = true
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
