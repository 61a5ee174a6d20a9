package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

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
// content is painted, and takes the number of its object then, so the
// tree follows the order of the content, which is the reading order;
// elements of a layout that is thrown away, or that paint nothing, never
// join the tree.
//
// The tree is written as the pages are drawn (tagout.go): whenever a page
// is done with and no footnote goes on to the next, every element that
// can get no more content is written, and of it only its number is kept.

// structElem is an element of the structure tree.
//
// A long guide's tree has a million elements, most of them made by the
// layout: an element is kept to 32 bytes and holds no list of its own.
// Its kids are held by the tagger, only while it is joined and not yet
// written (see tagger.addKid).
type structElem struct {
	parent *structElem
	// attrs holds what few elements have; nil when the element has
	// none of it, as most have not.
	attrs *elemAttrs
	obj   int32 // object number, once joined
	// kids is the index of the element's kids in tagger.kids; 0 until
	// the element has a kid, and again once it is written.
	kids int32
	// kind is the element's structure type, as an index into
	// structTypes; 0 for a type not listed there, which attrs holds.
	kind uint8
	// joined is set once the element is among its parent's kids, and
	// written once its object is written; spine marks, while the tree is
	// written, the element that content outside footnotes was last
	// painted into and the elements above it.
	joined, written, spine bool
}

// structTypes are the standard structure types the layout makes, the
// most common first: an element keeps its type as an index into them.
var structTypes = [...]string{"", "P", "Span", "Link", "TD", "TR", "LI", "Lbl", "LBody", "L",
	"Sect", "H1", "H2", "H3", "H4", "H5", "H6", "TH", "THead", "TBody", "Table", "Caption",
	"Figure", "Formula", "Reference", "Note", "TOC", "TOCI", "BlockQuote", "Div", "Code", "Document"}

// kindOf returns the index of typ in structTypes, 0 when it is not there.
func kindOf(typ string) uint8 {
	for i := 1; i < len(structTypes); i++ {
		if structTypes[i] == typ {
			return uint8(i)
		}
	}
	return 0
}

// The kinds of the types the tagger looks for.
var (
	kindNote     = kindOf("Note")
	kindDocument = kindOf("Document")
)

// inOrder marks the types whose kids are painted one after the other, each
// whole before the next: the Document and sections, lists and the bodies
// of their items, the rows of a table's body, the entries of the
// contents, quotations. The cells of a row are not (a row split over two
// pages paints the first lines of every cell on the first), nor are a
// list item's label and body, or a table's parts, which settle need not
// tell apart.
var inOrder = func() (o [len(structTypes)]bool) {
	for _, typ := range []string{"Document", "Sect", "L", "LBody", "TBody", "TOC", "BlockQuote", "Div"} {
		o[kindOf(typ)] = true
	}
	return o
}()

// typ returns the element's structure type: "P", "H2", "TD", …
func (e *structElem) typ() string {
	if e.kind == 0 {
		return e.info().typ
	}
	return structTypes[e.kind]
}

// newElem returns an element of type typ under parent.
func newElem(typ string, parent *structElem) *structElem {
	e := &structElem{parent: parent, kind: kindOf(typ)}
	if e.kind == 0 {
		e.more().typ = typ
	}
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

// structKid is one kid of an element: an element, by the number of its
// object (page 0), or a marked-content sequence on a page, by its MCID.
type structKid struct {
	page int32 // the page, from 1; 0 for an element
	n    int32 // the element's object, or the MCID
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

// annotTag is a link annotation as the tree knows it: its page, its
// object, the Link element it belongs to (by its object, once the element
// has joined the tree) and where what it says to a reader who cannot see
// it ends in the tagger's texts: the chunk, times 1<<16, and the offset
// in it. What it says starts where the annotation before's ends, or at
// the chunk's start when that one ends in another.
type annotTag struct {
	page, obj, link int32
	end             uint32
}

// annotTextChunk is how many bytes a chunk of the tagger's texts holds:
// the words of a thousand links or so. Words longer than a chunk, which
// no link of a guide has, are kept apart (see tagger.addText).
const annotTextChunk = 32 << 10

// annotWait is a link annotation whose Link element is not yet written:
// its index and the element.
type annotWait struct {
	i    int32
	elem *structElem
}

// tagger collects the structure tree of one document, marks the content
// of its pages and writes the tree's elements as soon as they are done
// with (see settle).
type tagger struct {
	doc  *document
	root *structElem
	// treeRoot is the number of the StructTreeRoot object, 0 until the
	// first page.
	treeRoot int32
	// pageObj holds the number of each page's object, by page number
	// from 1: the elements name the pages of their content.
	pageObj []int32
	// mcids holds the element (its object) of each MCID of the page
	// being drawn.
	mcids []int32
	// pending are the elements that joined the tree and are not yet
	// written, in the order they joined; flow is the element that
	// content outside footnotes was last painted into.
	pending []*structElem
	flow    *structElem
	// kids holds the kids of the elements joined and not yet written,
	// from index 1 on, each element's at the index it keeps; freeKids
	// are the indexes of the elements written since, whose lists,
	// emptied, go to the next elements that get a kid.
	kids     [][]structKid
	freeKids []int32
	annots   chunkList[annotTag]
	// texts holds what the annotations say, one after the other, in
	// chunks of annotTextChunk bytes never copied, and lateTexts what
	// those whose words were known late say instead, by annotation once
	// lateSorted is set (see settleLate).
	texts      [][]byte
	lateTexts  []lateContents
	lateSorted bool
	// unwritten holds the annotations whose Link element is not yet
	// written.
	unwritten []annotWait
	// byLink, elemAnnots and elemBuf are what writeElems fills again
	// each time: the annotations by their Link element, those of one
	// element, and its dictionary.
	byLink     []linkAnnot
	elemAnnots []int32
	elemBuf    []byte
	// ids are the ids of the elements written, with their objects.
	ids []elemID
	// parents is the parent tree being written: the entries of its
	// pages not yet written out, from page leafFirst on, and the numbers
	// of its leaves written with their first and last keys.
	parents   []byte
	leafFirst int
	leaves    []parentLeaf
	err       error
	// joined counts the elements that joined the tree; most is the
	// most elements pending when a page was begun.
	joined, most int
	open         tagMark // the sequence open in the content, if isOpen
	isOpen       bool
	buf          []byte
	// rec, when set, makes this the tagger of a page drawn on a sheet
	// (sheet.go): it marks the page's content as the document's tagger
	// would, but changes nothing of the tree; what it would change it
	// records on the sheet, for the document's tagger to replay in the
	// order of the pages.
	rec *sheet
}

// elemID is the id of an element, for the /IDTree.
type elemID struct {
	id  string
	obj int32
}

// parentLeaf is a leaf of the parent tree: its object and the keys of its
// first and last entries.
type parentLeaf struct {
	obj, first, last int32
}

// newTagger returns a tagger for doc's pages with an empty Document.
func newTagger(doc *document) *tagger {
	root := newElem("Document", nil)
	root.joined = true
	return &tagger{doc: doc, root: root, pageObj: []int32{0}, kids: make([][]structKid, 1)}
}

// addKid appends k to the kids of element e, which is joined and not yet
// written, giving e a list of kids first if it has none.
func (t *tagger) addKid(e *structElem, k structKid) {
	if e.kids == 0 {
		if n := len(t.freeKids); n > 0 {
			e.kids = t.freeKids[n-1]
			t.freeKids = t.freeKids[:n-1]
		} else {
			e.kids = int32(len(t.kids))
			t.kids = append(t.kids, nil)
		}
	}
	t.kids[e.kids] = append(t.kids[e.kids], k)
}

// kidsOf returns the kids of element e, which is joined and not yet
// written.
func (t *tagger) kidsOf(e *structElem) []structKid {
	return t.kids[e.kids]
}

// dropKids lets go of the kids of element e, just written: its list goes
// to the next element that gets a kid.
func (t *tagger) dropKids(e *structElem) {
	if e.kids == 0 {
		return
	}
	t.kids[e.kids] = t.kids[e.kids][:0]
	t.freeKids = append(t.freeKids, e.kids)
	e.kids = 0
}

// elem makes an element of type typ under parent (the Document when parent
// is nil). It joins the tree only when content of its own is painted. A
// nil tagger makes no elements. It changes nothing the tagger holds: the
// layout may call it from several goroutines at once.
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
// is one already, and gives it the number of its object.
func (t *tagger) join(e *structElem) {
	if t.rec != nil {
		t.rec.record(evJoin, e)
		return
	}
	if e == nil || e.joined || e.parent == nil {
		return
	}
	t.join(e.parent)
	if e.parent.written {
		t.fail(e.parent)
	}
	e.obj = int32(t.doc.out.AllocPacked())
	t.addKid(e.parent, structKid{n: e.obj})
	e.joined = true
	t.joined++
	t.pending = append(t.pending, e)
}

// fail records that content or a kid came to element e after it was
// written: the tree would lack it.
func (t *tagger) fail(e *structElem) {
	if t.err == nil {
		t.err = fmt.Errorf("a %s element got more content on page %d after it was written", e.typ(), t.page())
	}
}

// page is the number of the page being drawn, from 1.
func (t *tagger) page() int {
	if t.rec != nil {
		return t.rec.page
	}
	return len(t.pageObj) - 1
}

// newPage starts marking the content of the next page.
func (t *tagger) newPage() {
	if t.rec != nil {
		t.isOpen = false
		return
	}
	out := t.doc.out
	if t.treeRoot == 0 {
		t.treeRoot = int32(out.AllocPacked())
		t.root.obj = int32(out.AllocPacked())
		t.pending = append(t.pending, t.root)
	}
	t.most = max(t.most, len(t.pending))
	t.endMCIDs()
	t.pageObj = append(t.pageObj, int32(out.Alloc()))
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
		mcid := t.mark(m.e)
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

// mark gives the content painted next, which belongs to element e, the
// next MCID of the page, and returns it.
func (t *tagger) mark(e *structElem) int {
	if t.rec != nil {
		t.rec.record(evMark, e)
		t.rec.mcids++
		return t.rec.mcids - 1
	}
	t.join(e)
	if e.written {
		t.fail(e)
	}
	if !inNote(e) {
		t.flow = e
	}
	mcid := len(t.mcids)
	t.mcids = append(t.mcids, e.obj)
	t.addKid(e, structKid{page: int32(t.page()), n: int32(mcid)})
	return mcid
}

// inNote reports whether e is a footnote or within one: the content of
// footnotes is painted at the foot of the page, after the text that goes
// on onto the next page.
func inNote(e *structElem) bool {
	for ; e != nil; e = e.parent {
		if e.kind == kindNote {
			return true
		}
	}
	return false
}

// annot records a link annotation just placed on the current page as
// belonging to the Link element e, and gives it the number of its
// object. The element joins the tree with its text, which may still wait
// to be printed; one with no text (a link on a drawing) joins after the
// content of its parent, when the parent is written.
func (t *tagger) annot(e *structElem, contents string) {
	if t.rec != nil {
		t.rec.record(evAnnot, e)
		t.rec.texts = append(t.rec.texts, contents)
		t.rec.annots++
		return
	}
	if e.written {
		t.fail(e)
	}
	i := t.annots.len()
	t.unwritten = append(t.unwritten, annotWait{int32(i), e})
	// A long guide places some hundreds of thousands of links: they and
	// their words are kept in chunks, never copied.
	end, fits := t.addText(contents)
	t.annots.add(annotTag{page: int32(t.page()), obj: int32(t.doc.out.AllocPacked()), end: end})
	if !fits {
		// A copy: contents, which the callers make for the call, is
		// not kept.
		t.setContents(i, strings.Clone(contents))
	}
}

// addText appends what an annotation says to the tagger's texts and
// returns where it ends, unless it is longer than a chunk: then it
// reports that it does not fit, and returns where the annotation before
// ends, for it says nothing in the texts.
func (t *tagger) addText(s string) (end uint32, fits bool) {
	n := len(t.texts)
	if len(s) > annotTextChunk {
		if n == 0 {
			return 0, false
		}
		return uint32(n-1)<<16 | uint32(len(t.texts[n-1])), false
	}
	if n == 0 || len(t.texts[n-1])+len(s) > annotTextChunk {
		t.texts = append(t.texts, make([]byte, 0, annotTextChunk))
		n++
	}
	t.texts[n-1] = append(t.texts[n-1], s...)
	return uint32(n-1)<<16 | uint32(len(t.texts[n-1])), true
}

// annotCount returns how many link annotations the tagger was given.
func (t *tagger) annotCount() int {
	if t.rec != nil {
		return t.rec.annots
	}
	return t.annots.len()
}

// lateContents is what annotation i says, known late.
type lateContents struct {
	i int32
	s string
}

// settleLate sorts the late contents by annotation, each annotation's
// last one kept.
func (t *tagger) settleLate() {
	if t.lateSorted {
		return
	}
	slices.SortStableFunc(t.lateTexts, func(a, b lateContents) int { return cmp.Compare(a.i, b.i) })
	kept := t.lateTexts[:0]
	for k, c := range t.lateTexts {
		if k+1 < len(t.lateTexts) && t.lateTexts[k+1].i == c.i {
			continue // a later one says otherwise
		}
		kept = append(kept, c)
	}
	clear(t.lateTexts[len(kept):])
	t.lateTexts, t.lateSorted = kept, true
}

// contentsReader reads what each link annotation says, taking them in
// order: the words of its link (text) or, when they were set later, its
// late text. It moves through the late texts rather than looking each
// up, a search each for a long guide's hundreds of thousands of links.
type contentsReader struct {
	t    *tagger
	late int // the first late text not for an annotation already read
}

// appendContents appends what annotation i says, as a PDF text string;
// i is above every annotation read before, and the late texts are
// settled (settleLate).
func (r *contentsReader) appendContents(b []byte, i int) []byte {
	t := r.t
	for r.late < len(t.lateTexts) && int(t.lateTexts[r.late].i) < i {
		r.late++
	}
	if r.late < len(t.lateTexts) && int(t.lateTexts[r.late].i) == i {
		return pdfobj.AppendText(b, t.lateTexts[r.late].s)
	}
	return pdfobj.AppendText(b, string(t.text(i)))
}

// text returns what annotation i says in the tagger's texts.
func (t *tagger) text(i int) []byte {
	end := t.annots.at(i).end
	chunk, stop := end>>16, end&0xffff
	start := uint32(0)
	if i > 0 {
		if before := t.annots.at(i - 1).end; before>>16 == chunk {
			start = before & 0xffff
		}
	}
	return t.texts[chunk][start:stop]
}

// setContents makes annotation i say s, once its words are known.
func (t *tagger) setContents(i int, s string) {
	if i < 0 || i >= t.annots.len() {
		return
	}
	t.lateTexts = append(t.lateTexts, lateContents{int32(i), s})
	t.lateSorted = false
}
