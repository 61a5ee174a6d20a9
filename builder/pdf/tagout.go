package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"studyguide/builder/internal/pdfobj"
)

// The structure tree goes out in object streams (see pdfobj.Writer.Packed)
// as the pages are drawn. Content is painted in the order of the layout:
// once content outside footnotes is painted into an element, what came
// before it in the flow of the text is done with, but for the elements it
// is in (the spine: the flow's element and those above it). At the end of
// a page whose footnotes all end on it, settle writes every element that
// joined the tree, is off the spine, and whose first element above on the
// spine paints its kids one after the other (a section, a list, a table's
// body: see inOrder): a paragraph, a table, a list item that the flow has
// left. Inside other elements the content is painted in an order of its
// own (the cells of a row split over two pages, a figure and its
// caption), and their kids are written when the flow has left them.
//
// Of an element written, the tree keeps its number, in its parent's
// kids; the parent tree keeps the numbers of the elements of each MCID of
// the pages not yet written out, and the numbers of the leaves written.

// parentLeafPages is how many pages of the parent tree go in one leaf.
const parentLeafPages = 32

// settle writes the elements the flow of the text has left, after a page
// whose footnotes all end on it (see the comment above). It must be
// called when the page's text is printed.
func (t *tagger) settle() {
	if t.root.obj == 0 {
		return
	}
	for e := t.flow; e != nil; e = e.parent {
		e.spine = true
	}
	t.root.spine = true
	defer func() {
		for e := t.flow; e != nil; e = e.parent {
			e.spine = false
		}
	}()
	// A link with no text joins the tree when its parent is done with,
	// after the parent's content.
	for _, a := range t.unwritten {
		if !a.elem.joined {
			j := a.elem.parent
			for j != nil && !j.joined {
				j = j.parent
			}
			if j != nil && left(j) {
				t.join(a.elem)
			}
		}
	}
	t.writeElems(left)
}

// left reports whether the flow has left element e: e is not on the
// spine, and the first element above it on the spine is one whose kids
// are painted one after the other (see inOrder).
func left(e *structElem) bool {
	if e.spine {
		return false
	}
	for p := e.parent; p != nil; p = p.parent {
		if p.spine {
			return inOrder[p.kind]
		}
	}
	return false
}

// writeElems writes the pending elements done reports are done with,
// each with the link annotations that belong to it, and keeps the rest
// pending.
func (t *tagger) writeElems(done func(e *structElem) bool) {
	// The annotations of each Link element, by the element's object, in
	// the order they were placed.
	byLink := t.byLink[:0]
	for _, a := range t.unwritten {
		if a.elem.joined {
			t.annots.ptr(int(a.i)).link = a.elem.obj
			byLink = append(byLink, linkAnnot{a.elem.obj, a.i})
		}
	}
	slices.SortStableFunc(byLink, func(a, b linkAnnot) int { return cmp.Compare(a.obj, b.obj) })
	b, annots := t.elemBuf[:0], t.elemAnnots[:0]
	rest := t.pending[:0]
	for _, e := range t.pending {
		if !done(e) {
			rest = append(rest, e)
			continue
		}
		annots = annots[:0]
		i, _ := slices.BinarySearchFunc(byLink, e.obj, func(a linkAnnot, obj int32) int { return cmp.Compare(a.obj, obj) })
		for ; i < len(byLink) && byLink[i].obj == e.obj; i++ {
			annots = append(annots, byLink[i].i)
		}
		b = t.appendElem(b[:0], e, annots)
		t.doc.out.Packed(int(e.obj), b)
		if id := e.info().id; id != "" {
			t.ids = append(t.ids, elemID{id, e.obj})
		}
		e.written = true
		t.dropKids(e)
	}
	t.elemBuf, t.elemAnnots, t.byLink = b[:0], annots[:0], byLink[:0]
	clear(t.pending[len(rest):])
	t.pending = rest
	// The annotations of Link elements still pending stay for later, in
	// the order they were placed.
	keep := t.unwritten[:0]
	for _, a := range t.unwritten {
		if !a.elem.written {
			keep = append(keep, a)
		}
	}
	clear(t.unwritten[len(keep):])
	t.unwritten = keep
}

// linkAnnot is a link annotation, by its index, and the object of the
// Link element it belongs to.
type linkAnnot struct {
	obj, i int32
}

// appendElem appends the dictionary of element e, whose link annotations
// are annots.
func (t *tagger) appendElem(b []byte, e *structElem, annots []int32) []byte {
	at := e.info()
	b = append(b, "<</S /"...)
	b = append(b, e.typ()...)
	b = append(b, " /P "...)
	parent := t.treeRoot
	if e.parent != nil {
		parent = e.parent.obj
	}
	b = appendRef(b, int(parent))
	kids := t.kidsOf(e)
	pg := int32(0)
	for _, k := range kids {
		if k.page != 0 {
			pg = k.page
			break
		}
	}
	if pg == 0 && len(annots) > 0 {
		pg = t.annots.at(int(annots[0])).page
	}
	if pg > 0 {
		b = append(b, " /Pg "...)
		b = appendRef(b, int(t.pageObj[pg]))
	}
	if at.alt != "" {
		b = append(b, " /Alt "...)
		b = pdfobj.AppendText(b, at.alt)
	}
	if at.lang != "" {
		b = append(b, " /Lang "...)
		b = pdfobj.AppendText(b, at.lang)
	}
	if at.scope != "" {
		b = append(b, " /A <</O /Table /Scope /"...)
		b = append(b, at.scope...)
		b = append(b, ">>"...)
	}
	if at.id != "" {
		b = append(b, " /ID "...)
		b = pdfobj.AppendText(b, at.id)
	}
	b = append(b, " /K ["...)
	for i, k := range kids {
		if i > 0 {
			b = append(b, ' ')
		}
		switch k.page {
		case 0:
			b = appendRef(b, int(k.n))
		case pg:
			b = strconv.AppendInt(b, int64(k.n), 10)
		default:
			b = append(b, "<</Type /MCR /Pg "...)
			b = appendRef(b, int(t.pageObj[k.page]))
			b = append(b, " /MCID "...)
			b = strconv.AppendInt(b, int64(k.n), 10)
			b = append(b, ">>"...)
		}
	}
	for i, a := range annots {
		if i > 0 || len(kids) > 0 {
			b = append(b, ' ')
		}
		b = append(b, "<</Type /OBJR /Obj "...)
		an := t.annots.at(int(a))
		b = appendRef(b, int(an.obj))
		b = append(b, " /Pg "...)
		b = appendRef(b, int(t.pageObj[an.page]))
		b = append(b, ">>"...)
	}
	return append(b, "]>>"...)
}

// endMCIDs adds the elements of the MCIDs of the page drawn last to the
// parent tree, and writes a leaf of it when it holds parentLeafPages
// pages.
func (t *tagger) endMCIDs() {
	page := t.page()
	if page == 0 {
		return
	}
	if len(t.parents) > 0 {
		t.parents = append(t.parents, ' ')
	}
	t.parents = strconv.AppendInt(t.parents, int64(page-1), 10)
	t.parents = append(t.parents, " ["...)
	for i, obj := range t.mcids {
		if i > 0 {
			t.parents = append(t.parents, ' ')
		}
		t.parents = appendRef(t.parents, int(obj))
	}
	t.parents = append(t.parents, ']')
	t.mcids = t.mcids[:0]
	if page-t.leafFirst == parentLeafPages {
		t.pagesLeaf(page - 1)
	}
}

// parentLeaf writes the entries nums of the parent tree, whose keys run
// from first to last, as a leaf.
func (t *tagger) parentLeaf(first, last int, nums []byte) {
	obj := t.doc.out.AllocPacked()
	b := append(t.buf[:0], "<</Limits ["...)
	b = strconv.AppendInt(b, int64(first), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(last), 10)
	b = append(b, "] /Nums ["...)
	b = append(b, nums...)
	b = append(b, "]>>"...)
	t.doc.out.Packed(obj, b)
	t.buf = b[:0]
	t.leaves = append(t.leaves, parentLeaf{int32(obj), int32(first), int32(last)})
}

// pagesLeaf writes the entries of the pages held, from page leafFirst to
// page last (counted from 0, as their keys), as a leaf of the parent tree.
func (t *tagger) pagesLeaf(last int) {
	t.parentLeaf(t.leafFirst, last, t.parents)
	t.parents = t.parents[:0]
	t.leafFirst = last + 1
}

// finish writes what is left of the structure tree after the last page:
// the links with no text join it, the elements not yet written and the
// last pages' leaf of the parent tree are written, then the link
// annotations, each batch after its leaf of the parent tree (annotDict
// appends the i-th one's dictionary, unfinished, which finish ends with
// its place in the parent tree and what it says to a reader who cannot
// see it), then the parent tree's root, the leaves of the /IDTree and the
// StructTreeRoot. The annotations' dictionaries are made on a goroutine
// of their own while the rest is written, and the ids sorted on
// another; annotDict must be safe to call from it.
func (t *tagger) finish(d *document, annotDict func(b []byte, i int) []byte) error {
	npages := t.page()
	if npages != len(d.pages) {
		return fmt.Errorf("%d pages tagged of %d", npages, len(d.pages))
	}
	if npages == 0 {
		return fmt.Errorf("no pages")
	}
	byPage := make([]int, npages+1)
	for i := range t.annots.len() {
		byPage[t.annots.at(i).page]++
	}
	for i, pg := range d.pages {
		if int(pg.annots) != byPage[i+1] {
			return fmt.Errorf("page %d has %d links, %d of them tagged", i+1, pg.annots, byPage[i+1])
		}
	}
	for _, a := range t.unwritten {
		t.join(a.elem)
	}
	t.writeElems(func(*structElem) bool { return true })
	if t.err != nil {
		return t.err
	}
	out := t.doc.out
	dicts := t.annotDicts(npages, annotDict)
	idLeaves := t.idLeaves()
	t.endMCIDs()
	if len(t.parents) > 0 {
		t.pagesLeaf(npages - 1)
	}
	// Each batch of annotations has a leaf of the parent tree of its own.
	for bt := range dicts.batches {
		t.parentLeaf(npages+bt.first, npages+bt.first+len(bt.ends)-1, bt.nums)
		start := int32(0)
		for k, end := range bt.ends {
			out.Packed(int(t.annots.at(bt.first+k).obj), bt.buf[start:end])
			start = end
		}
		dicts.free <- bt
	}
	parentTree := out.AllocPacked()
	b := append([]byte(nil), "<</Kids ["...)
	for i, l := range t.leaves {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendRef(b, int(l.obj))
	}
	b = append(b, "]>>"...)
	out.Packed(parentTree, b)

	b = append(b[:0], "<</Type /StructTreeRoot /K ["...)
	b = appendRef(b, int(t.root.obj))
	b = append(b, "] /ParentTree "...)
	b = appendRef(b, parentTree)
	b = append(b, " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(npages+t.annots.len()), 10)
	switch leaves := <-idLeaves; len(leaves) {
	case 0:
	case 1:
		b = append(b, " /IDTree <<"...)
		b = append(b, leaves[0].names...)
		b = append(b, ">>"...)
	default:
		b = append(b, " /IDTree <</Kids ["...)
		for i, l := range leaves {
			leaf := out.AllocPacked()
			out.Packed(leaf, l.leaf)
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, leaf)
		}
		b = append(b, "]>>"...)
	}
	b = append(b, ">>"...)
	out.Packed(int(t.treeRoot), b)
	return nil
}

// idsPerLeaf is the most ids a leaf of the /IDTree holds. A guide with
// no more has the ids in the tree's root, in the StructTreeRoot; one with
// more (a footnote's element has an id) has them in leaves, so that a
// reader looking one up reads one leaf rather than all of them.
const idsPerLeaf = 1024

// idLeaf is a leaf of the /IDTree: its entries, from /Names on, and the
// whole leaf with its /Limits, written when there are several.
type idLeaf struct {
	names, leaf []byte
}

// idLeaves sorts the ids of the elements written, on a goroutine of its
// own, and sends the leaves of the /IDTree they make, none when there are
// no ids. No element may be written once it is called.
func (t *tagger) idLeaves() <-chan []idLeaf {
	ids := t.ids
	done := make(chan []idLeaf, 1)
	go func() {
		slices.SortFunc(ids, func(a, b elemID) int { return strings.Compare(a.id, b.id) })
		var leaves []idLeaf
		for first := 0; first < len(ids); first += idsPerLeaf {
			part := ids[first:min(first+idsPerLeaf, len(ids))]
			b := append([]byte(nil), "<</Limits ["...)
			b = pdfobj.AppendText(b, part[0].id)
			b = append(b, ' ')
			b = pdfobj.AppendText(b, part[len(part)-1].id)
			b = append(b, "] "...)
			at := len(b)
			b = append(b, "/Names ["...)
			for i, id := range part {
				if i > 0 {
					b = append(b, ' ')
				}
				b = pdfobj.AppendText(b, id.id)
				b = append(b, ' ')
				b = appendRef(b, int(id.obj))
			}
			b = append(b, ']')
			leaves = append(leaves, idLeaf{names: b[at:], leaf: append(b, ">>"...)})
		}
		done <- leaves
	}()
	return done
}

// annotBatch is the dictionaries of link annotations first to
// first+len(ends)-1, one after the other in buf, each ending where ends
// says, and their entries in the parent tree, "key obj 0 R" each.
type annotBatch struct {
	first int
	buf   []byte
	ends  []int32
	nums  []byte
}

// annotsPerBatch is how many annotations' dictionaries go in a batch.
const annotsPerBatch = 2048

// annotPipe passes batches of annotations' dictionaries from the
// goroutine that makes them to the one that writes them, and the
// batches written back to be filled again.
type annotPipe struct {
	batches chan annotBatch
	free    chan annotBatch
}

// annotDicts makes the dictionaries of every link annotation on a
// goroutine of its own, a batch at a time, in order: annotDict's, then
// the annotation's place in the parent tree (after the npages pages')
// and what it says; and the batch's entries in the parent tree, which
// give the Link element of each. It reads only what no one changes once
// the elements are written: the annotations, their texts and the late
// ones, settled first.
func (t *tagger) annotDicts(npages int, annotDict func(b []byte, i int) []byte) annotPipe {
	t.settleLate()
	n := t.annots.len()
	p := annotPipe{batches: make(chan annotBatch, 2), free: make(chan annotBatch, 3)}
	for range cap(p.free) {
		p.free <- annotBatch{}
	}
	go func() {
		defer close(p.batches)
		said := contentsReader{t: t}
		for first := 0; first < n; first += annotsPerBatch {
			bt := <-p.free
			bt.first, bt.buf, bt.ends, bt.nums = first, bt.buf[:0], bt.ends[:0], bt.nums[:0]
			for i := first; i < min(first+annotsPerBatch, n); i++ {
				if i > first {
					bt.nums = append(bt.nums, ' ')
				}
				bt.nums = strconv.AppendInt(bt.nums, int64(npages+i), 10)
				bt.nums = append(bt.nums, ' ')
				bt.nums = appendRef(bt.nums, int(t.annots.at(i).link))
				b := annotDict(bt.buf, i)
				b = append(b, " /StructParent "...)
				b = strconv.AppendInt(b, int64(npages+i), 10)
				b = append(b, " /Contents "...)
				b = said.appendContents(b, i)
				bt.buf = append(b, ">>"...)
				bt.ends = append(bt.ends, int32(len(bt.buf)))
			}
			p.batches <- bt
		}
	}()
	return p
}

// appendRef appends an indirect reference to object n.
func appendRef(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, " 0 R"...)
}
