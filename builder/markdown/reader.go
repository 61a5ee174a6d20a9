package markdown

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/labels"
)

// reader holds the state of one Read call.
type reader struct {
	file *diag.File
	opts Options

	// src is the text goldmark parses: file.Text without a byte order
	// mark and without list and quote markers beyond the nesting limit.
	// offsets maps offsets of src back to offsets of file.Text, so that
	// positions point into the note.
	src     []byte
	offsets *offsetMap

	guide *guide.Guide
	conv  *converter
	// parts is the number of parts the note was read in, 0 when it was
	// read in one piece (see parts.go); wantParts, when not 0, is the
	// number to cut it into, whatever its size.
	parts, wantParts int
	// textID is the identifier made from the note's text, when it is
	// made before it is needed.
	textID string
}

// warn reports the parser's problems.
func (r *reader) warn(problems []auditProblem) {
	for _, u := range problems {
		r.file.Warnf(r.offsets.note(u.pos), "%s", u.message)
	}
}

func newReader(file *diag.File, opts Options) *reader {
	return &reader{file: file, opts: opts, guide: &guide.Guide{Files: file.Set()}}
}

// prepare decodes the note and makes the text goldmark parses. It returns
// false when the note cannot be read at all; the reason is then an error
// diagnostic.
func (r *reader) prepare() bool {
	if !decodeInput(r.file) {
		return false
	}
	r.offsets = &offsetMap{}
	src := r.file.Text
	if bytes.HasPrefix(src, bomUTF8) {
		src = src[len(bomUTF8):]
		r.offsets.cut(0, len(bomUTF8))
	}
	// A long note's characters are checked while its nesting is; what is
	// found is reported as the offsets stand before nesting is cut.
	checked := make(chan characters, 1)
	text := src
	if partCount(len(text)) > 0 {
		go func() { checked <- scanCharacters(text) }()
	} else {
		checked <- scanCharacters(text)
	}
	before := offsetMap{from: slices.Clone(r.offsets.from), shift: slices.Clone(r.offsets.shift)}
	from := 0
	if fm := scanFrontMatter(src); fm.closed {
		_, from = nextLine(src, fm.start+len(fm.raw))
	}
	src, cut := clampNesting(src, from, r.offsets)
	(<-checked).report(r.file, &before)
	r.src = src
	r.conv = newConverter(r.file, src, r.offsets, newImageLoader(r.file, r.opts, r.guide))
	if cut > 0 {
		// Point at the first byte cut, not at the text after it.
		r.conv.flattenedAt(r.file.Pos(r.offsets.note(cut-1) + 1))
	}
	return true
}

// read runs the stages of reading in order: front matter, the Markdown
// parse, conversion to the model, the section tree, ids and links. It
// returns nil, after recording an error, when the note holds nothing to
// build.
func (r *reader) read() *guide.Guide {
	fm := scanFrontMatter(r.src)
	if fm.found && !fm.closed {
		r.file.Warnf(r.offsets.note(0), "front matter opened on line 1 is never closed; the note is read as Markdown without it")
	}

	var items []item
	innerLinks := 0
	if ps := r.readParts(fm.found && fm.closed); ps != nil {
		r.parts = len(ps.list)
		for _, p := range ps.list {
			innerLinks += p.innerLinks
		}
		number, order := ps.number()
		r.guide.Meta = readFrontMatter(r.file, fm, r.offsets, ps.list[0].ctx, r.opts.Switches)
		r.warn(ps.problems(number))
		items, r.guide.Footnotes = ps.finish(number, order)
	} else {
		book := &footnoteBook{}
		audit := &footnoteAudit{book: book}
		split := &paragraphSplitter{}
		lp := &langProblems{}
		p := newParser(fm.found && fm.closed, linkifyWhen(r.src), audit, split, lp, book, nil)
		pc := parser.NewContext()
		doc := p.Parse(text.NewReader(r.src), parser.WithContext(pc))

		r.guide.Meta = readFrontMatter(r.file, fm, r.offsets, pc, r.opts.Switches)
		r.warn(append(append(audit.problems, split.problems...), lp.all()...))
		items, r.guide.Footnotes = r.conv.document(doc)
	}
	if len(items) == 0 {
		if fm.closed {
			r.file.Errorf(0, "nothing to build: the note holds front matter but no text")
		} else {
			r.file.Errorf(0, "nothing to build: the note holds no text")
		}
		return nil
	}

	t := buildTree(r.file, items, r.guide.Meta.Title, fileTitle(r.file.Name, labels.For(r.guide.Meta.Lang).Text("untitled")))
	r.guide.Meta.Title, r.guide.Meta.TitleInlines = t.title, t.titleInlines
	r.guide.Intro = t.intro
	r.guide.Sections = t.sections

	ids := assignIDs(r.guide, r.parts > 0)
	if innerLinks+r.conv.innerLinks > 0 {
		resolveLinks(r.file, r.guide, ids, r.parts > 0)
	}

	if r.guide.Meta.Lang == "" {
		r.guide.Meta.Lang = "en"
	}
	if r.guide.Meta.Identifier == "" {
		if r.textID == "" {
			r.textID = contentIdentifier(r.file.Text)
		}
		r.guide.Meta.Identifier = r.textID
		r.guide.Meta.IdentifierFromText = true
	}
	return r.guide
}
