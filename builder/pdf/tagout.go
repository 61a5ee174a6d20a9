package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"

	"studyguide/builder/internal/pdfxref"
)

// pdfEdits are the changes the finishing pass makes to the objects fpdf
// wrote: objects written anew in place of fpdf's, objects added after
// them (numbered from the first free number on), and the PDF version the
// header states.
type pdfEdits struct {
	replace map[int][]byte // object number -> its new dictionary, "<<…>>"
	added   [][]byte       // the dictionaries of the added objects
	first   int            // the number of the first added object
	version string         // "1.7"; empty leaves the header alone
}

// edits returns what turns the PDF fpdf wrote into a tagged one: the
// structure tree and its parent tree as new objects, each page's link
// annotations moved into objects of their own that the tree can point to
// (fpdf writes them inside the page), each page given its place in the
// parent tree and the structure order for tabbing, and the catalog the
// tree, /MarkInfo and the display of the title.
func (t *tagger) edits(pdf []byte, xref *pdfxref.Table) (*pdfEdits, error) {
	offsets := xref.Offsets
	ed := &pdfEdits{replace: map[int][]byte{}, version: "1.7"}
	// The added objects go in object streams (see deflateStreams), which
	// with the cross-reference stream that lists them are numbered first,
	// so that the table lists none of the added objects.
	// A link with no text joins the tree now (see tagger.annot).
	for _, a := range t.annots {
		t.join(a.elem)
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
	ed.first = len(offsets) + (count+objectsPerStream-1)/objectsPerStream + 1
	next := ed.first
	ed.added = make([][]byte, 0, count)
	alloc := func() int {
		ed.added = append(ed.added, nil)
		n := next
		next++
		return n
	}
	set := func(n int, body []byte) { ed.added[n-ed.first] = body }
	body := func(n int) ([]byte, error) {
		if n <= 0 || n >= len(offsets) || offsets[n] == 0 {
			return nil, fmt.Errorf("object %d is not in the file", n)
		}
		b := pdf[offsets[n]:]
		head := strconv.Itoa(n) + " 0 obj\n"
		if !bytes.HasPrefix(b, []byte(head)) {
			return nil, fmt.Errorf("object %d does not start where the table says", n)
		}
		b = b[len(head):]
		end := bytes.Index(b, []byte("\nendobj\n"))
		if end < 0 {
			return nil, fmt.Errorf("object %d has no end", n)
		}
		return b[:end], nil
	}

	// fpdf writes page n as object 1+2n, its content after it.
	npages := len(t.mcids)
	pageObj := func(page int) int { return 1 + 2*page }
	root := alloc()
	parentTree := alloc()

	// The annotations of each page, in the order they were placed.
	annotObj := make([]int, len(t.annots))
	byPage := make([][]int, npages+1)
	for i, a := range t.annots {
		if a.page < 1 || a.page > npages {
			return nil, fmt.Errorf("a link on page %d of %d", a.page, npages)
		}
		byPage[a.page] = append(byPage[a.page], i)
	}
	for page := 1; page <= npages; page++ {
		n := pageObj(page)
		b, err := body(n)
		if err != nil {
			return nil, err
		}
		if !bytes.HasPrefix(b, []byte("<</Type /Page\n")) || !bytes.HasSuffix(b, []byte(">>")) {
			return nil, fmt.Errorf("object %d is not page %d", n, page)
		}
		dicts, start, end, err := pageAnnots(b)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", page, err)
		}
		if len(dicts) != len(byPage[page]) {
			return nil, fmt.Errorf("page %d has %d links, %d of them tagged", page, len(dicts), len(byPage[page]))
		}
		var nb []byte
		nb = append(nb, "<</Type /Page\n/StructParents "...)
		nb = strconv.AppendInt(nb, int64(page-1), 10)
		nb = append(nb, " /Tabs /S\n"...)
		rest := b[len("<</Type /Page\n"):]
		if start >= 0 {
			start -= len("<</Type /Page\n")
			end -= len("<</Type /Page\n")
			nb = append(nb, rest[:start]...)
			nb = append(nb, "/Annots ["...)
			for k, d := range dicts {
				i := byPage[page][k]
				a := alloc()
				annotObj[i] = a
				if k > 0 {
					nb = append(nb, ' ')
				}
				nb = appendRef(nb, a)
				ab := slices.Clone(d[:len(d)-2])
				ab = append(ab, " /StructParent "...)
				ab = strconv.AppendInt(ab, int64(npages+i), 10)
				ab = append(ab, " /Contents "...)
				ab = appendPDFText(ab, t.annots[i].contents)
				ab = append(ab, ">>"...)
				set(a, ab)
			}
			nb = append(nb, ']')
			nb = append(nb, rest[end:]...)
		} else {
			nb = append(nb, rest...)
		}
		ed.replace[n] = nb
	}

	// The elements, numbered in the order of the tree.
	elems := make([]*structElem, 0, count)
	var number func(e *structElem)
	number = func(e *structElem) {
		e.obj = alloc()
		elems = append(elems, e)
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.root)
	parentOf := func(e *structElem) int {
		if e.parent == nil {
			return root
		}
		return e.parent.obj
	}
	var ids [][2]string // id, object reference
	// The elements are written into one buffer, each then a slice of it.
	var all []byte
	ends := make([]int, len(elems))
	for ei, e := range elems {
		b := all
		b = append(b, "<</S /"...)
		b = append(b, e.typ...)
		b = append(b, " /P "...)
		b = appendRef(b, parentOf(e))
		pg := 0
		for _, k := range e.kids {
			if k.elem == nil {
				pg = k.page
				break
			}
		}
		if pg == 0 && len(e.annots) > 0 {
			pg = t.annots[e.annots[0]].page
		}
		if pg > 0 {
			b = append(b, " /Pg "...)
			b = appendRef(b, pageObj(pg))
		}
		if e.alt != "" {
			b = append(b, " /Alt "...)
			b = appendPDFText(b, e.alt)
		}
		if e.lang != "" {
			b = append(b, " /Lang "...)
			b = appendPDFText(b, e.lang)
		}
		if e.scope != "" {
			b = append(b, " /A <</O /Table /Scope /"...)
			b = append(b, e.scope...)
			b = append(b, ">>"...)
		}
		if e.id != "" {
			b = append(b, " /ID "...)
			b = appendPDFText(b, e.id)
			ids = append(ids, [2]string{e.id, string(appendRef(nil, e.obj))})
		}
		b = append(b, " /K ["...)
		for i, k := range e.kids {
			if i > 0 {
				b = append(b, ' ')
			}
			switch {
			case k.elem != nil:
				b = appendRef(b, k.elem.obj)
			case k.page == pg:
				b = strconv.AppendInt(b, int64(k.mcid), 10)
			default:
				b = append(b, "<</Type /MCR /Pg "...)
				b = appendRef(b, pageObj(k.page))
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, ">>"...)
			}
		}
		for i, a := range e.annots {
			if i > 0 || len(e.kids) > 0 {
				b = append(b, ' ')
			}
			b = append(b, "<</Type /OBJR /Obj "...)
			b = appendRef(b, annotObj[a])
			b = append(b, " /Pg "...)
			b = appendRef(b, pageObj(t.annots[a].page))
			b = append(b, ">>"...)
		}
		b = append(b, "]>>"...)
		all = b
		ends[ei] = len(all)
	}
	for ei, e := range elems {
		start := 0
		if ei > 0 {
			start = ends[ei-1]
		}
		set(e.obj, all[start:ends[ei]:ends[ei]])
	}

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
			b = appendRef(b, e.obj)
		}
		b = append(b, ']')
	}
	for i, a := range t.annots {
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(npages+i), 10)
		b = append(b, ' ')
		b = appendRef(b, a.elem.obj)
	}
	b = append(b, "]>>"...)
	set(parentTree, b)

	b = append(b[:0:0], "<</Type /StructTreeRoot /K ["...)
	b = appendRef(b, t.root.obj)
	b = append(b, "] /ParentTree "...)
	b = appendRef(b, parentTree)
	b = append(b, " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(npages+len(t.annots)), 10)
	if len(ids) > 0 {
		slices.SortFunc(ids, func(a, b [2]string) int { return bytes.Compare([]byte(a[0]), []byte(b[0])) })
		b = append(b, " /IDTree <</Names ["...)
		for i, id := range ids {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendPDFText(b, id[0])
			b = append(b, ' ')
			b = append(b, id[1]...)
		}
		b = append(b, "]>>"...)
	}
	b = append(b, ">>"...)
	set(root, b)

	// The catalog, which fpdf writes last but one, before the trailer.
	cat, err := catalogOf(pdf[xref.TrailerAt:xref.StartxrefAt])
	if err != nil {
		return nil, err
	}
	cb, err := body(cat)
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(cb, []byte("/Type /Catalog")) || !bytes.HasSuffix(cb, []byte(">>")) {
		return nil, fmt.Errorf("object %d is not the catalog", cat)
	}
	nc := slices.Clone(cb[:len(cb)-2])
	nc = append(nc, "/MarkInfo <</Marked true>>\n/StructTreeRoot "...)
	nc = appendRef(nc, root)
	nc = append(nc, "\n/ViewerPreferences <</DisplayDocTitle true>>\n>>"...)
	ed.replace[cat] = nc
	return ed, nil
}

// catalogOf returns the number of the catalog the trailer names.
func catalogOf(trailer []byte) (int, error) {
	_, rest, ok := bytes.Cut(trailer, []byte("/Root "))
	if !ok {
		return 0, errors.New("the trailer names no catalog")
	}
	num, _, _ := bytes.Cut(rest, []byte(" "))
	n, err := strconv.Atoi(string(num))
	if err != nil {
		return 0, errors.New("the trailer names no catalog")
	}
	return n, nil
}

// pageAnnots returns the annotation dictionaries of a page fpdf wrote,
// each "<<…>>", and where its /Annots entry starts and ends in page; start
// is -1 when the page has none.
func pageAnnots(page []byte) (dicts [][]byte, start, end int, err error) {
	key := []byte("\n/Annots [")
	i := bytes.Index(page, key)
	if i < 0 {
		return nil, -1, -1, nil
	}
	start = i + 1
	pos := i + len(key)
	for {
		pos = pdfxref.SkipSpace(page, pos)
		if pos >= len(page) {
			return nil, 0, 0, errors.New("unfinished /Annots")
		}
		if page[pos] == ']' {
			return dicts, start, pos + 1, nil
		}
		if !bytes.HasPrefix(page[pos:], []byte("<<")) {
			return nil, 0, 0, errors.New("an annotation that is not a dictionary")
		}
		e, err := skipObject(page, pos)
		if err != nil {
			return nil, 0, 0, err
		}
		dicts = append(dicts, page[pos:e])
		pos = e
	}
}

// skipObject returns where the dictionary, array or string that starts at
// pos in b ends.
func skipObject(b []byte, pos int) (int, error) {
	depth := 0
	for pos < len(b) {
		switch c := b[pos]; {
		case c == '(':
			nest := 0
		str:
			for {
				if pos >= len(b) {
					return 0, errors.New("unfinished string")
				}
				switch b[pos] {
				case '\\':
					pos++
				case '(':
					nest++
				case ')':
					nest--
				}
				pos++
				if nest == 0 {
					break str
				}
			}
		case c == '<' && pos+1 < len(b) && b[pos+1] == '<':
			depth++
			pos += 2
		case c == '>' && pos+1 < len(b) && b[pos+1] == '>':
			depth--
			pos += 2
		case c == '<':
			j := bytes.IndexByte(b[pos:], '>')
			if j < 0 {
				return 0, errors.New("unfinished string")
			}
			pos += j + 1
		case c == '[':
			depth++
			pos++
		case c == ']':
			depth--
			pos++
		default:
			pos++
		}
		if depth == 0 {
			return pos, nil
		}
	}
	return 0, errors.New("unfinished object")
}

// appendRef appends an indirect reference to object n.
func appendRef(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, " 0 R"...)
}

// appendPDFText appends s as a PDF text string: a literal string when it
// is printable ASCII, else UTF-16 with its byte order mark, in hex.
func appendPDFText(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7F {
			ascii = false
			break
		}
	}
	if ascii {
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			switch c := s[i]; c {
			case '(', ')', '\\':
				b = append(b, '\\', c)
			default:
				b = append(b, c)
			}
		}
		return append(b, ')')
	}
	const hex = "0123456789ABCDEF"
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
	}
	return append(b, '>')
}
