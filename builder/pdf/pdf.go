// Package pdf writes a guide.Guide as a printable PDF. It is the only
// package that imports fpdf.
package pdf

import (
	"errors"
	"io"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

// Options controls Write.
type Options struct {
	// Layout is the page layout; nil means layouts.Default.
	Layout *layouts.Layout
}

// Write writes g to w as a PDF. It only reads g.
func Write(w io.Writer, g *guide.Guide, opts Options) error {
	return errors.New("pdf: not implemented")
}
