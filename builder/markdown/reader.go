package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
)

// bom is the UTF-8 byte order mark that some editors put at the start of a
// file.
var bom = []byte("\uFEFF")

// reader holds the state of one Read call.
type reader struct {
	file *diag.File
	opts Options

	// src is the text goldmark parses: file.Text without a byte order
	// mark. base is the offset of src in file.Text, added to every
	// position so that positions point into the original text.
	src  []byte
	base int

	guide *guide.Guide
	conv  *converter
}

func newReader(file *diag.File, opts Options) *reader {
	src := file.Text
	base := 0
	if bytes.HasPrefix(src, bom) {
		src = src[len(bom):]
		base = len(bom)
	}
	g := &guide.Guide{Source: file}
	return &reader{
		file:  file,
		opts:  opts,
		src:   src,
		base:  base,
		guide: g,
		conv:  newConverter(file, src, base, newImageLoader(file, opts.Dir, g)),
	}
}

// read runs the stages of reading in order: front matter, the Markdown
// parse, conversion to the model, the section tree, ids and links.
func (r *reader) read() *guide.Guide {
	checkCharacters(r.file, r.src, r.base)

	fm := scanFrontMatter(r.src)
	if fm.found && !fm.closed {
		r.file.Warnf(r.base, "front matter opened on line 1 is never closed; the note is read as Markdown without it")
	}

	audit := &footnoteAudit{}
	p := newParser(fm.found && fm.closed, audit)
	pc := parser.NewContext()
	doc := p.Parse(text.NewReader(r.src), parser.WithContext(pc))

	r.guide.Meta = readFrontMatter(r.file, fm, r.base, pc)
	for _, u := range audit.problems {
		off := -1
		if u.pos >= 0 {
			off = r.base + u.pos
		}
		r.file.Warnf(off, "%s", u.message)
	}

	items, footnotes := r.conv.document(doc)
	r.guide.Footnotes = footnotes

	t := buildTree(r.file, items, r.guide.Meta.Title, fileTitle(r.file.Name))
	r.guide.Meta.Title = t.title
	r.guide.Intro = t.intro
	r.guide.Sections = t.sections
	if len(items) == 0 {
		r.file.Warnf(-1, "the note has no content")
	}

	assignIDs(r.guide)
	resolveLinks(r.file, r.guide)

	if r.guide.Meta.Lang == "" {
		r.guide.Meta.Lang = "en"
	}
	if r.guide.Meta.Identifier == "" {
		r.guide.Meta.Identifier = contentIdentifier(r.file.Text)
	}
	return r.guide
}
