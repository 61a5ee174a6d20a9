// Package markdown reads study notes written in Markdown into a guide.Guide.
// It is the only package that imports goldmark: the parse tree is turned
// into the guide model here, and no goldmark type leaves the package.
//
// The reader understands CommonMark with GFM tables, strikethrough and
// autolinks, footnotes, definition lists, typographic punctuation written
// as UTF-8 characters, and YAML or TOML front matter. On top of the syntax
// it recognises what a study note means: the title, the tree of sections,
// and the key points (list items that open with strong text).
package markdown

import (
	"fmt"
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

// Read parses the note held by file (its Name and Text) into a guide.
// Problems in the note are recorded as diagnostics in file; Read returns an
// error only when no guide can be made, and records an error diagnostic
// then as well.
func Read(file *diag.File, opts Options) (g *guide.Guide, err error) {
	defer func() {
		if r := recover(); r != nil {
			file.Errorf(-1, "internal error while reading the note: %v", r)
			g, err = nil, fmt.Errorf("markdown: read %s: internal error: %v", file.Name, r)
		}
	}()
	return newReader(file, opts).read(), nil
}
