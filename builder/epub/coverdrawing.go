package epub

import "studyguide/builder/cover"

// coverDrawing is the cover image being drawn in the background.
type coverDrawing struct {
	done chan struct{}
	png  []byte
	err  error
}

// drawCover starts drawing the cover that says c.
func drawCover(c cover.Content) *coverDrawing {
	d := &coverDrawing{done: make(chan struct{})}
	go func() {
		defer close(d.done)
		d.png, d.err = cover.Render(c)
	}()
	return d
}

// wait returns the cover image once it is drawn. It may be called more
// than once.
func (d *coverDrawing) wait() ([]byte, error) {
	<-d.done
	return d.png, d.err
}
