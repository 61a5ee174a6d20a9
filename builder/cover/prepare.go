package cover

import (
	"slices"
	"sync"
)

// Prepare starts drawing the cover that says c in the background, for the
// next Render of the same content to take: a build draws it while it reads
// and enriches the notes, when a core would otherwise be idle. A cover
// prepared and never rendered is forgotten once maxStarted others have
// been prepared after it.
func Prepare(c Content) {
	d := &drawing{c: c, done: make(chan struct{})}
	if !started.add(d) {
		return
	}
	go func() {
		defer close(d.done)
		d.png, d.err = render(c)
	}()
}

// maxStarted is how many prepared covers are kept waiting for their
// Render.
const maxStarted = 8

// started holds the covers prepared and not yet rendered.
var started drawings

// drawing is one cover being drawn, or drawn, in the background.
type drawing struct {
	c    Content
	done chan struct{}
	png  []byte
	err  error
}

// drawings is a short list of drawings, the oldest first.
type drawings struct {
	mu   sync.Mutex
	list []*drawing
}

// add adds d, unless a drawing of the same content is already there, and
// reports whether it did.
func (s *drawings) add(d *drawing) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.list {
		if same(o.c, d.c) {
			return false
		}
	}
	if len(s.list) >= maxStarted {
		s.list = s.list[1:]
	}
	s.list = append(s.list, d)
	return true
}

// take removes the drawing of c from the list and returns it; nil when
// none was started.
func (s *drawings) take(c Content) *drawing {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, d := range s.list {
		if same(d.c, c) {
			s.list = append(s.list[:i], s.list[i+1:]...)
			return d
		}
	}
	return nil
}

// same reports whether two covers say the same.
func same(a, b Content) bool {
	return a.Title == b.Title && a.Subtitle == b.Subtitle && slices.Equal(a.Authors, b.Authors)
}
