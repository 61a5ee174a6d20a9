package pdf

import (
	"strconv"

	"studyguide/builder/internal/pdfobj"
)

// The PDF is tagged: a structure tree says what each part of every page is
// (a heading, a paragraph, a table cell, a figure and its text
// alternative, a link), in reading order, and the content of each page is
// marked so that everything painted either belongs to an element of the
// tree or is an artifact (running heads, page numbers, rules, fills).
//
// The tree is collected while the guide is laid out and drawn, never
// guessed from the page afterwards. The layout makes the elements (an H2
// for a heading, a P for a paragraph, a TD for a cell) and gives each box
// the element its content belongs to; the pen, as it paints, opens a
// marked-content sequence with a new MCID whenever what it paints belongs
// to another element than what it painted before, and records the MCID
// under that element. An element joins its parent when the first of its
// content is painted, so the tree follows the order of the content, which
// is the reading order; elements of a layout that is thrown away, or that
// paint nothing, never join the tree. After the last page the tree is
// written as objects that the catalog and pages point at (tagout.go).

// structElem is an element of the structure tree.
type structElem struct {
	parent *structElem
	kids   []structKid
	// attrs holds what few elements have; nil when the element has
	// none of it, as most have not.
	attrs *elemAttrs
	obj   int32 // object number, once written
	// kind is the element's structure type, as an index into
	// structTypes; 0 for a type not listed there, which attrs holds.
	kind uint8
	// joined is set once the element is among its parent's kids.
	joined bool
}

// structTypes are the standard structure types the layout makes, the
// most common first: an element keeps its type as an index into them.
var structTypes = [...]string{"", "P", "Span", "Link", "TD", "TR", "LI", "Lbl", "LBody", "L",
	"Sect", "H1", "H2", "H3", "H4", "H5", "H6", "TH", "THead", "TBody", "Table", "Caption",
	"Figure", "Formula", "Reference", "Note", "TOC", "TOCI", "BlockQuote", "Div", "Code", "Document"}

// typ returns the element's structure type: "P", "H2", "TD", …
func (e *structElem) typ() string {
	if e.kind == 0 {
		return e.info().typ
	}
	return structTypes[e.kind]
}

// newElem returns an element of type typ under parent.
func newElem(typ string, parent *structElem) *structElem {
	e := &structElem{parent: parent}
	for i := 1; i < len(structTypes); i++ {
		if structTypes[i] == typ {
			e.kind = uint8(i)
			return e
		}
	}
	e.more().typ = typ
	return e
}

// elemAttrs is what an element may have beyond its type and kids.
type elemAttrs struct {
	typ   string // the structure type, when not one of structTypes
	alt   string // the text alternative of a figure
	lang  string // the language of the element's text, when not the guide's
	scope string // of a header cell: "Column" or "Row"
	id    string // of a note: the id references point to
}

// noAttrs is what an element without attributes has.
var noAttrs elemAttrs

// more returns the element's attributes to set them.
func (e *structElem) more() *elemAttrs {
	if e.attrs == nil {
		e.attrs = &elemAttrs{}
	}
	return e.attrs
}

// info returns the element's attributes to read them.
func (e *structElem) info() *elemAttrs {
	if e.attrs == nil {
		return &noAttrs
	}
	return e.attrs
}

// structKid is one kid of an element: an element, or a marked-content
// sequence on a page.
type structKid struct {
	elem       *structElem
	page, mcid int32
}

// artKind says what sort of artifact content is.
type artKind uint8

const (
	notArtifact artKind = iota
	artLayout           // rules, fills, leaders: decoration
	artHeader           // the running head
	artFooter           // the page number
)

// tagMark says what content belongs to: an element, or, when e is nil,
// an artifact of kind art.
type tagMark struct {
	e   *structElem
	art artKind
}

// artifact is the mark of decoration.
var artifact = tagMark{art: artLayout}

// annotTag is a link annotation as the tree knows it: its page, the Link
// element it belongs to and what it says to a reader who cannot see it.
type annotTag struct {
	page     int
	elem     *structElem
	contents string
}

// tagger collects the structure tree of one document and marks the
// content of its pages.
type tagger struct {
	doc  *document
	root *structElem
	// mcids holds, for each page from page 1, the element each MCID of
	// the page belongs to.
	mcids  [][]*structElem
	annots []annotTag
	open   tagMark // the sequence open in the content, if isOpen
	isOpen bool
	buf    []byte
}

// newTagger returns a tagger for doc's pages with an empty Document.
func newTagger(doc *document) *tagger {
	root := newElem("Document", nil)
	root.joined = true
	return &tagger{doc: doc, root: root}
}

// elem makes an element of type typ under parent (the Document when parent
// is nil). It joins the tree only when content of its own is painted. A
// nil tagger makes no elements.
func (t *tagger) elem(typ string, parent *structElem) *structElem {
	if t == nil {
		return nil
	}
	if parent == nil {
		parent = t.root
	}
	return newElem(typ, parent)
}

// join makes e a kid of its parent, and the parent of its own, unless it
// is one already.
func (t *tagger) join(e *structElem) {
	if e == nil || e.joined || e.parent == nil {
		return
	}
	t.join(e.parent)
	e.parent.kids = append(e.parent.kids, structKid{elem: e})
	e.joined = true
}

// page is the number of the page being drawn, from 1.
func (t *tagger) page() int { return len(t.mcids) }

// newPage starts marking the content of the next page.
func (t *tagger) newPage() {
	t.mcids = append(t.mcids, nil)
	t.isOpen = false
}

// endPage closes the sequence open on the page.
func (t *tagger) endPage() {
	if t.isOpen {
		t.doc.RawWriteStr("EMC\n")
		t.isOpen = false
	}
}

// set makes what is painted next belong to m: it closes the sequence open
// and opens one for m, unless one for m is open already.
func (t *tagger) set(m tagMark) {
	if t.isOpen && t.open == m {
		return
	}
	b := t.buf[:0]
	if t.isOpen {
		b = append(b, "EMC\n"...)
	}
	switch {
	case m.e != nil:
		t.join(m.e)
		page := t.page()
		mcid := len(t.mcids[page-1])
		t.mcids[page-1] = append(t.mcids[page-1], m.e)
		m.e.kids = append(m.e.kids, structKid{page: int32(page), mcid: int32(mcid)})
		b = append(b, '/')
		b = append(b, m.e.typ()...)
		b = append(b, " <</MCID "...)
		b = strconv.AppendInt(b, int64(mcid), 10)
		if lang := m.e.info().lang; lang != "" {
			b = append(b, " /Lang "...)
			b = pdfobj.AppendText(b, lang)
		}
		b = append(b, ">> BDC\n"...)
	case m.art == artHeader:
		b = append(b, "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"...)
	case m.art == artFooter:
		b = append(b, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"...)
	default:
		b = append(b, "/Artifact BMC\n"...)
	}
	t.open, t.isOpen = m, true
	t.buf = b
	t.doc.RawWriteStr(string(b))
}

// annot records a link annotation just placed on the current page as
// belonging to the Link element e. The element joins the tree with its
// text, which may still wait to be printed; one with no text (a link on a
// drawing) joins when the tree is written, after its parent's content.
func (t *tagger) annot(e *structElem, contents string) {
	t.annots = append(t.annots, annotTag{page: t.page(), elem: e, contents: contents})
}
