// Package markdown reads study notes written in Markdown into a guide.Guide.
// It is the only package that imports goldmark: the parse tree is turned
// into the guide model here, and no goldmark type leaves the package.
//
// The reader understands CommonMark with GFM tables, strikethrough and
// autolinks, footnotes, definition lists, typographic punctuation written
// as UTF-8 characters, and YAML or TOML front matter. On top of the syntax
// it recognises what a study note means: the title, the tree of sections,
// and the key points (list items that open with strong text).
//
// Notes come from anywhere, so the reader guards the stages after it: it
// reads UTF-8 and UTF-16 text and refuses binary files, keeps nesting and
// paragraph sizes within limits that the parser and the writers handle in
// linear time, never loads an image from outside the note's folder (and the
// resource folders it is given) or from the web, and drops link targets
// that would run code.
package markdown

import (
	"errors"
	"fmt"
	"io/fs"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// Options controls Read.
type Options struct {
	// Dir is the folder the note lives in; images are loaded from it. When
	// nil, images are left unloaded (their alt text is shown). Dir must
	// not follow a symbolic link out of itself, as an os.Root does not.
	Dir fs.FS
	// DirPath is the path of Dir, absolute and clean. It is needed only
	// to find an image whose path leaves Dir in one of Resources.
	DirPath string
	// Resources are further folders images may be read from, as pandoc's
	// --resource-path names them: an image is looked for in Dir first,
	// then in each resource folder in turn; and one whose path leaves Dir
	// ("../images/x.png") is read when that path leads into a resource
	// folder. Nothing outside Dir and these folders is ever read.
	Resources []Resource
	// Switches are the front-matter keys that switch study aids on or
	// off ("glossary: false"), as package aids lists them. Their values,
	// true or false, go to Meta.Switches; a key not listed here or among
	// the reader's own is an unknown key.
	Switches []string
}

// Resource is a folder images may be read from.
type Resource struct {
	// Path is the folder's path, absolute and clean.
	Path string
	// FS reads the folder. Like Options.Dir, it must not follow a
	// symbolic link out of itself.
	FS fs.FS
}

// ErrNothingToRead is returned by Read, wrapped, when the note is not text
// that a guide can be made of: a binary file, an empty note, a note of
// nothing but front matter. The reason is an error diagnostic.
var ErrNothingToRead = errors.New("the note cannot be built")

// Read parses the note held by file (its Name and Text) into a guide.
// Problems in the note are recorded as diagnostics in file. Read returns
// an error, and records an error diagnostic as well, only when no guide
// can be made.
//
// The guide's positions are positions in file's set (Guide.Files), so the
// notes of a book can be read into one set, one after the other: add a
// note to the set, read it, then add the next.
//
// A note in UTF-16 is decoded first and file.Text is replaced by its UTF-8
// text, so file must be fresh and the last file of its set: no diagnostic
// may have been made through it yet.
//
// The guide's texts share the bytes of file.Text rather than copy them,
// so those bytes must never change once Read is called (a File's text
// is replaced, by SetText, never written to).
func Read(file *diag.File, opts Options) (g *guide.Guide, err error) {
	g, _, err = read(file, opts, 0)
	return g, err
}

// read is Read, cutting the note into wantParts parts when that is not 0
// (1 reads it in one piece). It also returns the number of parts the note
// was read in, 0 for one piece.
func read(file *diag.File, opts Options, wantParts int) (g *guide.Guide, parts int, err error) {
	defer func() {
		if r := recover(); r != nil {
			file.Errorf(-1, "internal error while reading the note: %v", r)
			g, parts, err = nil, 0, fmt.Errorf("markdown: read %s: internal error: %v", file.Name, r)
		}
	}()
	r := newReader(file, opts)
	r.wantParts = wantParts
	if !r.prepare() {
		return nil, 0, fmt.Errorf("markdown: read %s: %w", file.Name, ErrNothingToRead)
	}
	if g = r.read(); g == nil {
		return nil, r.parts, fmt.Errorf("markdown: read %s: %w", file.Name, ErrNothingToRead)
	}
	return g, r.parts, nil
}
