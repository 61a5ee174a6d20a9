package pdf

import (
	"fmt"

	"studyguide/builder/guide"
	"studyguide/builder/labels"
	"studyguide/layouts"
)

// writer holds what one Write needs.
type writer struct {
	g     *guide.Guide
	lay   *layouts.Layout
	doc   *document
	fs    *faceSet
	m     *metrics
	ts    *typesetter
	rb    *runBuilder
	links *linkTable
	// labels gives the words the writer adds, in the guide's language.
	labels *labels.Catalogue
	warn   func(pos guide.Pos, msg string)
	// done, when set, is told of each top-level section whose blocks the
	// writer no longer reads (see Options.Done).
	done func(s *guide.Section)

	// tags collects the structure tree and marks the pages' content;
	// nil leaves the PDF untagged. notes are the Note elements of the
	// footnotes of the last layout, notePlaced those whose place in the
	// tree is known.
	tags       *tagger
	notes      []*structElem
	notePlaced []bool

	images map[guide.ImageKey]*pdfImage // by Guide.ImageKeyOf
	// pages holds the page each link points to, once the book is
	// paginated: what a reference prints.
	pages linkPages
	// keepBoxes lays the body out whole and keeps its boxes until they
	// are drawn, every page number known before the first page is: a
	// short guide. A long one is drawn as it is laid out, holding no
	// more than a few pages of boxes at a time; late holds the numbers
	// its pages print before they are known.
	keepBoxes bool
	late      *lateNumbers
	// bodyWorkers is how many goroutines lay the body's parts out side
	// by side, and how many draw the pages; 0 for as many as GOMAXPROCS,
	// but one, the goroutine that lays the pages out, to draw those of a
	// short guide or on fewer than three cores (body.go, sheet.go).
	bodyWorkers int
	// recycle, while a long guide's body is drawn as it is laid out,
	// gives the chunks its lines were typeset in back to be filled again
	// once their pages are written.
	recycle *recycler
	// ahead, when set, is how many boxes the layout's workers may hand
	// on ahead of the pages instead of aheadBoxes (a test's setting).
	ahead int
	// held is the most boxes of the body the layout and the drawing of
	// the pages held at once, besides those kept.
	held      int
	textW     float64
	textH     float64
	bodyLead  float64
	codeRatio float64
}

// newWriter makes the document and everything that lays text out on it.
func newWriter(g *guide.Guide, lay *layouts.Layout, warn func(guide.Pos, string)) (*writer, error) {
	warn = once(warn)
	doc := newDocument(lay.PageWidth, lay.PageHeight)
	setMetadata(doc, g.Meta)
	m := g.Meta

	fs, err := newFaceSet(familyNames(lay.Fonts))
	if err != nil {
		return nil, err
	}
	w := &writer{
		g:      g,
		doc:    doc,
		fs:     fs,
		m:      newMetrics(fs),
		labels: labels.For(m.Lang),
		warn:   warn,
	}
	w.ts = &typesetter{m: w.m, fs: fs, warn: warn}
	w.tags = newTagger(doc)
	w.links = newLinkTable(doc, g)
	w.rb = &runBuilder{links: w.links, notes: g.Footnotes, pageWord: w.labels.Text("page.ref"), warn: warn, fail: doc.SetError, maths: fs.mathFace}
	w.setLayout(lay)
	est := w.estimatePages()
	w.rb.refDigits = digits(est)
	w.keepBoxes = est <= maxKeptPages
	return w, nil
}

// setLayout sets the sizes the layout is made with. The page size and the
// typefaces stay those the writer was made with: only the margins and the
// type sizes may change, as the recap sheet changes them while it looks
// for the sizes that fit its page.
func (w *writer) setLayout(lay *layouts.Layout) {
	w.lay = lay
	w.textW = lay.PageWidth - lay.MarginInner - lay.MarginOuter
	w.textH = lay.PageHeight - lay.MarginTop - lay.MarginBottom
	w.bodyLead = pt(lay.BodySize) * lay.Leading
	w.codeRatio = lay.CodeSize / lay.BodySize
	w.rb.codeSize = w.codeRatio
}

// warnf passes a warning on, if anyone listens.
func (w *writer) warnf(pos guide.Pos, format string, args ...any) {
	if w.warn != nil {
		w.warn(pos, fmt.Sprintf(format, args...))
	}
}

// once wraps warn so that each message about one position is passed on
// once, however often the text it is about is set (a title, for one, is
// set on the title page, in the contents and in running heads).
func once(warn func(guide.Pos, string)) func(guide.Pos, string) {
	if warn == nil {
		return nil
	}
	type key struct {
		pos guide.Pos
		msg string
	}
	seen := map[key]bool{}
	return func(pos guide.Pos, msg string) {
		if k := (key{pos, msg}); !seen[k] {
			seen[k] = true
			warn(pos, msg)
		}
	}
}

// placeNotes gives the footnotes with the indexes notes, referenced in
// element e, their place in the structure tree, unless an earlier
// reference gave them one: in the section (or the Document) that e is in,
// where they follow what is on the page before them.
func (w *writer) placeNotes(notes []int, e *structElem) {
	for _, n := range notes {
		if n < 0 || n >= len(w.notes) || w.notePlaced[n] || w.notes[n] == nil {
			continue
		}
		w.notePlaced[n] = true
		for e != nil && e.typ() != "Sect" && e.typ() != "Document" {
			e = e.parent
		}
		if e != nil {
			w.notes[n].parent = e
		}
	}
}

// typeset breaks inlines set in st into lines no wider than width.
func (w *writer) typeset(inlines []guide.Inline, st textStyle, width float64) []line {
	w.rb.width = width
	defer func() { w.rb.width = 0 }()
	return w.ts.lines(w.ts.words(w.rb.flatten(inlines, st)), width)
}
