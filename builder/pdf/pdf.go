// Package pdf writes a guide.Guide as a printable PDF: a title page, a
// table of contents with page numbers and links, the introduction and the
// sections with running heads and page numbers, footnotes at the foot of
// the page where they are referenced, and a bookmark outline of the
// sections. Its pages go out as they are drawn, through the PDF object
// writer of builder/internal/pdfobj.
//
// The study aids print as the model describes them: study tables set a
// size smaller with their columns sized to their content, the sections of
// the aids that are read on their own each starting a page, references
// (guide.Ref) as the page number of their target, and figures (the mind
// palace among them) drawn with the PDF's own vector operators through
// figure.Canvas, never as images.
//
// The writer works in two phases. First it lays the guide out: running
// text is broken into lines by a small line breaker of its own, which
// mixes styles within a paragraph, blocks become boxes, and the boxes are
// dealt out to pages as they come, a section (or a few items of a long
// list or table) at a time. A short guide is laid out whole, its boxes
// kept, before its first page is drawn, so that the table of contents,
// the references and the "n of N" page numbers are known when they are
// printed. A long one is drawn as it is laid out, each page as soon as it
// is placed, so that no more than a few pages of boxes are held; the
// numbers not known yet when their page is drawn are printed as small
// forms written after the last page (render.go, late.go).
//
// The guide and the recap are tagged PDFs (PDF/UA-1): the layout makes the
// elements of a structure tree, the pen marks what it paints as theirs or
// as decoration, and the tree is written as the pages are drawn, each
// element once the text has left it (tags.go, tagout.go). The flashcards
// are a print file and are not tagged.
package pdf

import (
	"fmt"
	"io"

	"studyguide/builder/guide"
	"studyguide/layouts"
)

// Options controls Write.
type Options struct {
	// Layout is the page layout; nil means layouts.Default.
	Layout *layouts.Layout
	// Warn, when set, is told about things in the guide that the PDF
	// cannot show as written, such as characters no embedded font has, a
	// reference to an id the guide lacks, or a figure whose text would be
	// printed under 9 points.
	// pos is a position in the guide's source, or guide.NoPos.
	Warn func(pos guide.Pos, msg string)
	// Done, when set, is told of each top-level section once the writer
	// no longer reads its blocks or those of its subsections: once its
	// pages are laid out (see outputs.Input.Done).
	Done func(s *guide.Section)
}

// Write writes g to w as a PDF. It only reads g, so it may run alongside
// other writers of the same guide.
func Write(w io.Writer, g *guide.Guide, opts Options) error {
	_, err := write(w, g, opts, nil)
	return err
}

// write is Write, with tune, when set, given the writer before it lays
// anything out; it returns the writer.
func write(w io.Writer, g *guide.Guide, opts Options, tune func(*writer)) (*writer, error) {
	lay := opts.Layout
	if lay == nil {
		var err error
		if lay, err = layouts.Load(layouts.Default); err != nil {
			return nil, fmt.Errorf("pdf: %w", err)
		}
	}
	wr, err := newWriter(g, lay, opts.Warn)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	wr.done = opts.Done
	if tune != nil {
		tune(wr)
	}
	wr.doc.begin(w)
	defer wr.doc.end()
	if err := wr.render(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	if pos, msg, ok := wr.ts.missing.warning(g.Files); ok && wr.warn != nil {
		wr.warn(pos, msg)
	}
	if err := wr.finish(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return wr, nil
}

// finish writes what follows the last page drawn: the fonts, the
// outline, the structure tree and metadata of a tagged PDF, and the
// cross-reference table.
func (wr *writer) finish() error {
	if wr.tags != nil {
		wr.doc.meta.xmp = xmpPacket(wr.g.Meta)
	}
	return finishDoc(wr.doc, wr.fs, wr.m, wr.tags)
}
