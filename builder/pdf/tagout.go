package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"studyguide/builder/internal/pdfobj"
)

// treeNumbers are the numbers of the objects of a structure tree: the
// tree's root, its parent tree, each link annotation (in the order they
// were placed) and the elements (numbered in the order of the tree, each
// element's obj set).
type treeNumbers struct {
	root, parentTree int
	annotObj         []int
	elems            []*structElem
}

// number gives the objects of the structure tree and of the link
// annotations their numbers, after every object written directly: they
// go in object streams (see pdfobj.Writer.Pack). It must be called after
// the last number of a directly written object is allocated.
func (t *tagger) number(d *document, out *pdfobj.Writer) (*treeNumbers, error) {
	// A link with no text joins the tree now (see tagger.annot).
	for _, a := range t.annots {
		t.join(a.elem)
	}
	npages := len(t.mcids)
	if npages != len(d.pages) {
		return nil, fmt.Errorf("%d pages tagged of %d", npages, len(d.pages))
	}
	byPage := make([]int, npages+1)
	for _, a := range t.annots {
		if a.page < 1 || a.page > npages {
			return nil, fmt.Errorf("a link on page %d of %d", a.page, npages)
		}
		byPage[a.page]++
	}
	for i, pg := range d.pages {
		if len(pg.annots) != byPage[i+1] {
			return nil, fmt.Errorf("page %d has %d links, %d of them tagged", i+1, len(pg.annots), byPage[i+1])
		}
	}
	count := 2 + len(t.annots)
	var countElems func(e *structElem)
	countElems = func(e *structElem) {
		count++
		for _, k := range e.kids {
			if k.elem != nil {
				countElems(k.elem)
			}
		}
	}
	countElems(t.root)
	next := out.Pack(count)
	alloc := func() int {
		n := next
		next++
		return n
	}
	st := &treeNumbers{root: alloc(), parentTree: alloc(), annotObj: make([]int, len(t.annots)), elems: make([]*structElem, 0, count)}
	for i := range t.annots {
		st.annotObj[i] = alloc()
	}
	var number func(e *structElem)
	number = func(e *structElem) {
		e.obj = int32(alloc())
		st.elems = append(st.elems, e)
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.root)
	return st, nil
}

// write writes the structure tree's objects and the link annotations in
// the order of their numbers: the tree's root, the parent tree, the
// annotations (annotDict gives the i-th one's dictionary, unfinished,
// which write ends with its place in the parent tree and what it says to
// a reader who cannot see it), then the elements. pageObj gives the
// object of each page, by its number from 1.
func (t *tagger) write(out *pdfobj.Writer, st *treeNumbers, d *document, annotDict func(i int) []byte, pageObj []int) {
	npages := len(t.mcids)
	appendRef := pdfobj.AppendRef
	pageRef := func(b []byte, page int) []byte { return appendRef(b, pageObj[page]) }
	root, parentTree, elems := st.root, st.parentTree, st.elems
	parentOf := func(e *structElem) int {
		if e.parent == nil {
			return root
		}
		return int(e.parent.obj)
	}
	var ids [][2]string // id, object reference

	// The parent tree: for each page the element of each MCID, then the
	// Link element of each annotation.
	var b []byte
	b = append(b, "<</Nums ["...)
	for page := 1; page <= npages; page++ {
		if page > 1 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(page-1), 10)
		b = append(b, " ["...)
		for i, e := range t.mcids[page-1] {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, int(e.obj))
		}
		b = append(b, ']')
	}
	for i, a := range t.annots {
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(npages+i), 10)
		b = append(b, ' ')
		b = appendRef(b, int(a.elem.obj))
	}
	b = append(b, "]>>"...)
	parentTreeBody := b

	for _, e := range elems {
		if id := e.info().id; id != "" {
			ids = append(ids, [2]string{id, string(appendRef(nil, int(e.obj)))})
		}
	}
	b = append([]byte(nil), "<</Type /StructTreeRoot /K ["...)
	b = appendRef(b, int(t.root.obj))
	b = append(b, "] /ParentTree "...)
	b = appendRef(b, parentTree)
	b = append(b, " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(npages+len(t.annots)), 10)
	if len(ids) > 0 {
		slices.SortFunc(ids, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		b = append(b, " /IDTree <</Names ["...)
		for i, id := range ids {
			if i > 0 {
				b = append(b, ' ')
			}
			b = pdfobj.AppendText(b, id[0])
			b = append(b, ' ')
			b = append(b, id[1]...)
		}
		b = append(b, "]>>"...)
	}
	b = append(b, ">>"...)
	out.Packed(root, b)
	out.Packed(parentTree, parentTreeBody)

	for i, a := range t.annots {
		ab := annotDict(i)
		ab = append(ab, " /StructParent "...)
		ab = strconv.AppendInt(ab, int64(npages+i), 10)
		ab = append(ab, " /Contents "...)
		ab = pdfobj.AppendText(ab, a.contents)
		ab = append(ab, ">>"...)
		out.Packed(st.annotObj[i], ab)
	}
	_ = d

	// The elements. The link annotations of each element are found in
	// a list of them all by the number of their element, in the order
	// they were placed.
	byElem := make([]int32, len(t.annots))
	for i := range byElem {
		byElem[i] = int32(i)
	}
	slices.SortStableFunc(byElem, func(a, b int32) int {
		return cmp.Compare(t.annots[a].elem.obj, t.annots[b].elem.obj)
	})
	for len(byElem) > 0 && t.annots[byElem[0]].elem.obj == 0 {
		byElem = byElem[1:]
	}
	for _, e := range elems {
		b = b[:0]
		at := e.info()
		n := 0
		for n < len(byElem) && t.annots[byElem[n]].elem == e {
			n++
		}
		annots := byElem[:n]
		byElem = byElem[n:]
		b = append(b, "<</S /"...)
		b = append(b, e.typ()...)
		b = append(b, " /P "...)
		b = appendRef(b, parentOf(e))
		pg := 0
		for _, k := range e.kids {
			if k.elem == nil {
				pg = int(k.page)
				break
			}
		}
		if pg == 0 && len(annots) > 0 {
			pg = t.annots[annots[0]].page
		}
		if pg > 0 {
			b = append(b, " /Pg "...)
			b = pageRef(b, pg)
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
		for i, k := range e.kids {
			if i > 0 {
				b = append(b, ' ')
			}
			switch {
			case k.elem != nil:
				b = appendRef(b, int(k.elem.obj))
			case int(k.page) == pg:
				b = strconv.AppendInt(b, int64(k.mcid), 10)
			default:
				b = append(b, "<</Type /MCR /Pg "...)
				b = pageRef(b, int(k.page))
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, ">>"...)
			}
		}
		for i, a := range annots {
			if i > 0 || len(e.kids) > 0 {
				b = append(b, ' ')
			}
			b = append(b, "<</Type /OBJR /Obj "...)
			b = appendRef(b, st.annotObj[a])
			b = append(b, " /Pg "...)
			b = pageRef(b, t.annots[a].page)
			b = append(b, ">>"...)
		}
		b = append(b, "]>>"...)
		out.Packed(int(e.obj), b)
	}
}

// appendRef appends an indirect reference to object n.
func appendRef(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, " 0 R"...)
}
