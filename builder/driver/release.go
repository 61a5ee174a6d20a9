package driver

import (
	"sync/atomic"

	"studyguide/builder/guide"
)

// release lets go of the blocks of a guide's top-level sections, and of
// their subsections, once every output written from the guide is done
// with them, while the last output is still being written. A long guide's
// PDF is laid out long after its EPUB is written: the sections it has
// laid out are then tens of megabytes that every collection of garbage
// would otherwise go on marking. Nothing but the blocks is let go of: a
// section's title, id and subsections stay for the outlines and contents
// the outputs make at the end.
type release struct {
	sections []*guide.Section
	// index finds a top-level section; left counts, for each, the
	// outputs not yet done with it.
	index map[*guide.Section]int
	left  []atomic.Int32
}

// newRelease returns the release of g's sections for the given number of
// outputs.
func newRelease(g *guide.Guide, outputs int) *release {
	r := &release{sections: g.Sections, index: make(map[*guide.Section]int, len(g.Sections)), left: make([]atomic.Int32, len(g.Sections))}
	for i, s := range g.Sections {
		r.index[s] = i
		r.left[i].Store(int32(outputs))
	}
	return r
}

// forOutput returns, for one output, the function it calls for each
// top-level section it is done with (outputs.Input.Done), and the one the
// build calls once the output is written, which is done with the sections
// it did not name. Both are called on the output's goroutine; a section
// named twice counts once.
func (r *release) forOutput() (done func(*guide.Section), finished func()) {
	named := make([]bool, len(r.sections))
	done = func(s *guide.Section) {
		if i, ok := r.index[s]; ok && !named[i] {
			named[i] = true
			r.doneWith(i)
		}
	}
	finished = func() {
		for i := range named {
			if !named[i] {
				named[i] = true
				r.doneWith(i)
			}
		}
	}
	return done, finished
}

// doneWith counts one output done with section i, and lets go of its
// blocks when it was the last.
func (r *release) doneWith(i int) {
	if r.left[i].Add(-1) != 0 {
		return
	}
	r.sections[i].Walk(func(s *guide.Section) bool {
		s.Blocks = nil
		return true
	})
}
