// Package epub writes a guide.Guide as an EPUB 3 publication. It packs the
// container itself with archive/zip and encoding/xml.
package epub

import (
	"errors"
	"io"

	"studyguide/builder/guide"
)

// Options controls Write.
type Options struct{}

// Write writes g to w as an EPUB 3 file. It only reads g.
func Write(w io.Writer, g *guide.Guide, opts Options) error {
	return errors.New("epub: not implemented")
}
