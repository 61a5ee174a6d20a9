// Package pdf writes a guide.Guide as a printable PDF: a title page, a
// table of contents with page numbers and links, the introduction and the
// sections with running heads and page numbers, footnotes at the foot of
// the page where they are referenced, and a bookmark outline of the
// sections. It is the only package that imports fpdf.
//
// The study aids print as the model describes them: study tables set a
// size smaller with their columns sized to their content, the sections of
// the aids that are read on their own each starting a page, references
// (guide.Ref) as the page number of their target, and figures (the mind
// palace among them) drawn with the PDF's own vector operators through
// figure.Canvas, never as images.
//
// The writer works in two phases. First it lays the whole guide out:
// running text is broken into lines by a small line breaker of its own
// (fpdf's MultiCell cannot mix styles within a paragraph), blocks become
// boxes, and the boxes are dealt out to pages. Only then does it draw,
// page after page, so that the table of contents, the references and the
// "n of N" page numbers are known before the first page is drawn.
//
// The guide and the recap are tagged PDFs (PDF/UA-1): the layout makes the
// elements of a structure tree, the pen marks what it paints as theirs or
// as decoration, and the finishing pass that compresses the streams adds
// the tree (tags.go, tagout.go). The flashcards are a print file and are
// not tagged.
package pdf

import (
	"bytes"
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
}

// Write writes g to w as a PDF. It only reads g, so it may run alongside
// other writers of the same guide.
func Write(w io.Writer, g *guide.Guide, opts Options) error {
	lay := opts.Layout
	if lay == nil {
		var err error
		if lay, err = layouts.Load(layouts.Default); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
	}
	wr, err := newWriter(g, lay, opts.Warn)
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if err := wr.render(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if pos, msg, ok := wr.ts.missing.warning(g.Files); ok && wr.warn != nil {
		wr.warn(pos, msg)
	}
	if err := wr.finish(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// finish writes the drawn document to w, with its streams compressed.
func (wr *writer) finish(w io.Writer) error {
	if wr.tags != nil {
		wr.doc.SetXmpMetadata(xmpPacket(wr.g.Meta))
	}
	var raw handOver
	if err := wr.doc.Output(&raw); err != nil {
		return err
	}
	return deflateStreams(w, raw.b, wr.tags)
}

// handOver takes the document fpdf writes. fpdf hands its whole finished
// buffer over in one Write and never touches it again, so the first
// Write's bytes are kept as they are rather than copied: on a guide of
// thousands of pages that copy is hundreds of megabytes. Should a later
// version of fpdf write in pieces, the pieces are copied together.
type handOver struct {
	b      []byte
	copied bool
}

func (h *handOver) Write(p []byte) (int, error) {
	switch {
	case h.b == nil:
		h.b = p
	case !h.copied:
		h.b = append(bytes.Clone(h.b), p...)
		h.copied = true
	default:
		h.b = append(h.b, p...)
	}
	return len(p), nil
}
