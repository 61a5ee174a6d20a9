// Package markdown reads study notes written in Markdown into a guide.Guide.
// It is the only package that imports goldmark.
package markdown

import (
	"errors"
	"io/fs"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// Options controls Read.
type Options struct {
	// Dir is the folder the note lives in; images are loaded from it. When
	// nil, images are left unloaded (their alt text is shown).
	Dir fs.FS
}

// Read parses the note src, whose file name is name, into a guide.
// Problems in the note are recorded in file (made with diag.NewFile); Read
// returns an error only when no guide can be made.
func Read(file *diag.File, opts Options) (*guide.Guide, error) {
	return nil, errors.New("markdown: not implemented")
}
