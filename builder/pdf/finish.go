package pdf

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"sync"

	"studyguide/builder/internal/pdfobj"
	"studyguide/fonts"
)

// finishDoc writes what the pages share and what points at them, after
// the last page: the last page's content, the embedded fonts, the
// transparency states, the shared resources, the pages and the page tree,
// the links, the outline, the structure tree when tags is set, the
// metadata and the catalog; then the cross-reference table. The
// structure tree, most of it written as the pages were drawn, and the
// links it points to go in object streams.
func finishDoc(d *document, fs *faceSet, m *metrics, tags *tagger) error {
	d.endPage()
	if d.err != nil {
		return d.err
	}
	out := d.out
	if len(d.pages) == 0 {
		return fmt.Errorf("a PDF with no pages")
	}

	// The numbers of the objects written directly; those of the pages
	// of a tagged PDF were given as they were drawn.
	pageObj := make([]int, len(d.pages)+1) // by page number, from 1
	for i := range d.pages {
		if tags != nil && i+1 < len(tags.pageObj) {
			pageObj[i+1] = int(tags.pageObj[i+1])
		} else {
			pageObj[i+1] = out.Alloc()
		}
	}
	tree := out.Alloc()
	resources := out.Alloc()
	embedded, err := subsetFaces(fs, m)
	if err != nil {
		return err
	}
	fontObj := make([]int, len(embedded))
	for i := range embedded {
		fontObj[i] = out.Alloc()
		out.Alloc() // the CIDFont
		out.Alloc() // its descriptor
		out.Alloc() // the font file
		out.Alloc() // the CID-to-glyph map
		out.Alloc() // the ToUnicode map
	}
	gsObj := make([]int, len(d.alphas))
	for i := range gsObj {
		gsObj[i] = out.Alloc()
	}
	outlineRoot := 0
	outlineObj := make([]int, len(d.outlines))
	if len(d.outlines) > 0 {
		outlineRoot = out.Alloc()
		for i := range outlineObj {
			outlineObj[i] = out.Alloc()
		}
	}
	metadata := 0
	if len(d.meta.xmp) > 0 {
		metadata = out.Alloc()
	}
	info := out.Alloc()
	catalog := out.Alloc()

	dest := func(b []byte, page int, y float64) []byte {
		if page < 1 || page >= len(pageObj) {
			page = 1
		}
		b = append(b, '[')
		b = pdfobj.AppendRef(b, pageObj[page])
		b = append(b, " /XYZ 0 "...)
		b = appendPt(b, (d.h-y)*d.k)
		return append(b, " null]"...)
	}
	annotDict := func(b []byte, a annotRec) []byte {
		b = append(b, "<</Type /Annot /Subtype /Link /Rect ["...)
		for i, v := range a.rect {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendPtHundredths(b, v)
		}
		b = append(b, "] /Border [0 0 0] "...)
		if a.link > 0 && int(a.link) <= len(d.links) {
			l := d.links[a.link-1]
			b = append(b, "/Dest "...)
			b = dest(b, l.page, l.y)
		} else {
			url := ""
			if a.url > 0 && int(a.url) <= len(d.urls) {
				url = d.urls[a.url-1]
			}
			b = append(b, "/A <</S /URI /URI "...)
			b = pdfobj.AppendString(b, url)
			b = append(b, ">>"...)
		}
		return b
	}

	// The resources every page shares; a page that paints forms of its
	// own (see late.go) has them in a dictionary of its own besides.
	resourceDict := func(b []byte, local []xobjectRef) []byte {
		b = append(b, "<</ProcSet [/PDF /Text /ImageB /ImageC /ImageI] /Font <<"...)
		for i, e := range embedded {
			b = append(b, " /"...)
			b = append(b, fontName(e.face)...)
			b = append(b, ' ')
			b = pdfobj.AppendRef(b, fontObj[i])
		}
		b = append(b, ">>"...)
		b = d.appendXObjects(b, local)
		if len(d.alphas) > 0 {
			b = append(b, " /ExtGState <<"...)
			for i := range d.alphas {
				b = fmt.Appendf(b, " /GS%d ", i+1)
				b = pdfobj.AppendRef(b, gsObj[i])
			}
			b = append(b, ">>"...)
		}
		return append(b, ">>"...)
	}

	// The pages and the page tree.
	var b []byte
	annot := 0
	for i, pg := range d.pages {
		b = append(b[:0], "<</Type /Page /Parent "...)
		b = pdfobj.AppendRef(b, tree)
		b = append(b, " /Resources "...)
		if len(pg.forms) > 0 {
			b = resourceDict(b, pg.forms)
		} else {
			b = pdfobj.AppendRef(b, resources)
		}
		b = append(b, " /Contents "...)
		b = pdfobj.AppendRef(b, pg.contents)
		if tags != nil {
			b = append(b, " /StructParents "...)
			b = strconv.AppendInt(b, int64(i), 10)
			b = append(b, " /Tabs /S"...)
		}
		if pg.annots > 0 {
			b = append(b, " /Annots ["...)
			for k := range int(pg.annots) {
				if k > 0 {
					b = append(b, ' ')
				}
				if tags != nil {
					b = pdfobj.AppendRef(b, int(tags.annots.at(annot).obj))
				} else {
					b = append(annotDict(b, d.annots.at(annot)), ">>"...)
				}
				annot++
			}
			b = append(b, ']')
		}
		b = append(b, ">>"...)
		out.Object(pageObj[i+1], b)
	}
	b = append(b[:0], "<</Type /Pages /Kids ["...)
	for i := 1; i < len(pageObj); i++ {
		if i > 1 {
			b = append(b, ' ')
		}
		b = pdfobj.AppendRef(b, pageObj[i])
	}
	b = fmt.Appendf(b, "] /Count %d /MediaBox [0 0 ", len(d.pages))
	b = appendPt(b, d.w*d.k)
	b = append(b, ' ')
	b = appendPt(b, d.h*d.k)
	b = append(b, "]>>"...)
	out.Object(tree, b)

	out.Object(resources, resourceDict(nil, nil))

	for i, e := range embedded {
		writeFont(out, fontObj[i], e)
	}
	for i, a := range d.alphas {
		out.Object(gsObj[i], fmt.Appendf(nil, "<</Type /ExtGState /ca %s /CA %s /BM /Normal>>", a, a))
	}

	// The outline: each entry under the last entry of the level above.
	if len(d.outlines) > 0 {
		type links struct{ parent, prev, next, first, last int }
		l := make([]links, len(d.outlines))
		last := map[int]int{}
		level := 0
		for i, o := range d.outlines {
			l[i].parent, l[i].prev, l[i].next, l[i].first, l[i].last = -1, -1, -1, -1, -1
			if o.level > 0 {
				if p, ok := last[o.level-1]; ok {
					l[i].parent = p
					l[p].last = i
					if o.level > level {
						l[p].first = i
					}
				}
			}
			if o.level <= level && i > 0 {
				if p, ok := last[o.level]; ok {
					l[p].next = i
					l[i].prev = p
				}
			}
			last[o.level] = i
			level = o.level
		}
		ref := func(b []byte, key string, i int) []byte {
			if i < 0 {
				return b
			}
			b = append(b, key...)
			return pdfobj.AppendRef(b, outlineObj[i])
		}
		first, lastTop := -1, -1
		for i, o := range d.outlines {
			b = append(b[:0], "<</Title "...)
			b = pdfobj.AppendText(b, o.title)
			b = append(b, " /Parent "...)
			if l[i].parent >= 0 {
				b = pdfobj.AppendRef(b, outlineObj[l[i].parent])
			} else {
				b = pdfobj.AppendRef(b, outlineRoot)
				if first < 0 {
					first = i
				}
				lastTop = i
			}
			b = ref(b, " /Prev ", l[i].prev)
			b = ref(b, " /Next ", l[i].next)
			b = ref(b, " /First ", l[i].first)
			b = ref(b, " /Last ", l[i].last)
			b = append(b, " /Dest "...)
			b = dest(b, o.page, o.y)
			b = append(b, " /Count 0>>"...)
			out.Object(outlineObj[i], b)
		}
		b = append(b[:0], "<</Type /Outlines /First "...)
		b = pdfobj.AppendRef(b, outlineObj[max(first, 0)])
		b = append(b, " /Last "...)
		b = pdfobj.AppendRef(b, outlineObj[max(lastTop, 0)])
		b = append(b, ">>"...)
		out.Object(outlineRoot, b)
	}

	if metadata != 0 {
		out.Stream(metadata, []byte("/Type /Metadata /Subtype /XML"), d.meta.xmp, false)
	}
	mt := d.meta
	b = append(b[:0], "<</Producer (studyguide)"...)
	for _, e := range [][2]string{{"Title", mt.title}, {"Author", mt.author}, {"Subject", mt.subject}, {"Creator", mt.creator}} {
		if e[1] != "" {
			b = append(b, " /"...)
			b = append(b, e[0]...)
			b = append(b, ' ')
			b = pdfobj.AppendText(b, e[1])
		}
	}
	stamp := mt.date.UTC().Format("20060102150405")
	b = append(b, " /CreationDate (D:"+stamp+") /ModDate (D:"+stamp+")>>"...)
	out.Object(info, b)

	b = append(b[:0], "<</Type /Catalog /Pages "...)
	b = pdfobj.AppendRef(b, tree)
	if mt.lang != "" {
		b = append(b, " /Lang "...)
		b = pdfobj.AppendString(b, mt.lang)
	}
	if outlineRoot != 0 {
		b = append(b, " /Outlines "...)
		b = pdfobj.AppendRef(b, outlineRoot)
		b = append(b, " /PageMode /UseOutlines"...)
	}
	if metadata != 0 {
		b = append(b, " /Metadata "...)
		b = pdfobj.AppendRef(b, metadata)
	}
	if tags != nil {
		b = append(b, " /MarkInfo <</Marked true>> /StructTreeRoot "...)
		b = pdfobj.AppendRef(b, int(tags.treeRoot))
		b = append(b, " /ViewerPreferences <</DisplayDocTitle true>>"...)
	}
	b = append(b, ">>"...)
	out.Object(catalog, b)

	if tags != nil {
		if err := tags.finish(d, func(b []byte, i int) []byte {
			a := annotRec{}
			if i >= 0 && i < d.annots.len() {
				a = d.annots.at(i)
			}
			return annotDict(b, a)
		}); err != nil {
			return fmt.Errorf("tagging: %w", err)
		}
	}
	trailer := pdfobj.AppendRef([]byte("/Root "), catalog)
	trailer = append(trailer, " /Info "...)
	trailer = pdfobj.AppendRef(trailer, info)
	return out.Close(trailer)
}

// fontName is the name face f goes by in the pages' resources.
func fontName(f faceRef) string { return "F" + strconv.Itoa(int(f)) }

// appendFontName appends the name face f goes by, as fontName gives it.
func appendFontName(b []byte, f faceRef) []byte {
	return strconv.AppendInt(append(b, 'F'), int64(f), 10)
}

// embeddedFace is a face as it is embedded: the runes its text uses, in
// order (the codes of its characters), the subset of its font file and
// the subset's glyph of each rune, with the widths the layout measured.
type embeddedFace struct {
	face    faceRef
	runes   []rune
	unicode []rune // the character each code shows, when not its rune
	gids    []uint16
	widths  []int // thousandths of an em
	program []byte
	name    string // the PostScript name after the subset's tag
	desc    fonts.Metrics
}

// subsetFaces makes the subset of every face the pages print with, side
// by side, in the order of the faces.
func subsetFaces(fs *faceSet, m *metrics) ([]*embeddedFace, error) {
	var list []*embeddedFace
	for f := range fs.faces {
		if !fs.selected[f] {
			continue
		}
		e := &embeddedFace{face: faceRef(f)}
		fs.used[f].each(func(r rune) { e.runes = append(e.runes, r) })
		list = append(list, e)
	}
	errs := make([]error, len(list))
	var wg sync.WaitGroup
	for i, e := range list {
		wg.Go(func() { errs[i] = e.subset(fs, m) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return list, nil
}

// subset makes the face's subset and finds its name, metrics and widths.
func (e *embeddedFace) subset(fs *faceSet, m *metrics) error {
	face := fs.faces[e.face]
	data, err := fonts.Read(face.File)
	if err != nil {
		return err
	}
	maths := fs.isMath(e.face)
	if maths {
		// The codes are glyph ids, which the subset of a maths face
		// keeps; each shows the character the face's encoding gives it.
		ids := make([]uint16, len(e.runes))
		e.unicode = make([]rune, len(e.runes))
		for i, r := range e.runes {
			ids[i] = uint16(r)
			_, e.unicode[i] = fs.mathFace().Encoding(ids[i])
		}
		e.program, e.gids, err = fonts.SubsetGlyphIDs(data, ids)
	} else {
		e.program, e.gids, err = fonts.SubsetGlyphs(data, e.runes)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", face.File, err)
	}
	if e.desc, err = fonts.Describe(data); err != nil {
		return fmt.Errorf("%s: %w", face.File, err)
	}
	name, ok := fonts.PostScriptName(data)
	if !ok {
		name = "Font"
	}
	e.name = subsetTag(e.program) + "+" + name
	e.widths = make([]int, len(e.runes))
	for i, r := range e.runes {
		e.widths[i] = m.widthOf(e.face, r)
	}
	return nil
}

// writeFont writes a face as a Type 0 font of one CIDFontType2 font, its
// codes two bytes each: the code of a character is its rune, which the
// font's CID-to-glyph map takes to the subset's glyph and its ToUnicode
// map back to the rune. The objects are numbered from n on, in the order
// finishDoc allocated them.
func writeFont(out *pdfobj.Writer, n int, e *embeddedFace) {
	cid, desc, file, gidMap, toUni := n+1, n+2, n+3, n+4, n+5
	var b []byte
	b = append(b, "<</Type /Font /Subtype /Type0 /BaseFont "...)
	b = pdfobj.AppendName(b, e.name)
	b = append(b, " /Encoding /Identity-H /DescendantFonts ["...)
	b = pdfobj.AppendRef(b, cid)
	b = append(b, "] /ToUnicode "...)
	b = pdfobj.AppendRef(b, toUni)
	b = append(b, ">>"...)
	out.Object(n, b)

	b = append(b[:0], "<</Type /Font /Subtype /CIDFontType2 /BaseFont "...)
	b = pdfobj.AppendName(b, e.name)
	b = append(b, " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor "...)
	b = pdfobj.AppendRef(b, desc)
	b = fmt.Appendf(b, " /DW %d /W [", e.desc.MissingWidth)
	for i := 0; i < len(e.runes); {
		j := i + 1
		for j < len(e.runes) && e.runes[j] == e.runes[j-1]+1 {
			j++
		}
		b = strconv.AppendInt(b, int64(e.runes[i]), 10)
		b = append(b, " ["...)
		for k := i; k < j; k++ {
			if k > i {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(e.widths[k]), 10)
		}
		b = append(b, "] "...)
		i = j
	}
	b = append(b, "] /CIDToGIDMap "...)
	b = pdfobj.AppendRef(b, gidMap)
	b = append(b, ">>"...)
	out.Object(cid, b)

	md := e.desc
	flags := 4 // symbolic: the font's own encoding
	if md.FixedPitch {
		flags |= 1
	}
	if md.Italic {
		flags |= 64
	}
	stemV := 87
	if md.Bold {
		flags |= 1 << 18
		stemV = 165
	}
	b = append(b[:0], "<</Type /FontDescriptor /FontName "...)
	b = pdfobj.AppendName(b, e.name)
	b = fmt.Appendf(b, " /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle ", flags, md.BBox[0], md.BBox[1], md.BBox[2], md.BBox[3])
	b = appendPt(b, md.ItalicAngle)
	b = fmt.Appendf(b, " /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 ", md.Ascent, md.Descent, md.CapHeight, stemV, md.MissingWidth)
	b = pdfobj.AppendRef(b, file)
	b = append(b, ">>"...)
	out.Object(desc, b)

	out.Stream(file, fmt.Appendf(nil, "/Length1 %d", len(e.program)), e.program, true)

	maxCID := rune(0)
	if len(e.runes) > 0 {
		maxCID = e.runes[len(e.runes)-1]
	}
	gm := make([]byte, 2*(maxCID+1))
	for i, r := range e.runes {
		gm[2*r], gm[2*r+1] = byte(e.gids[i]>>8), byte(e.gids[i])
	}
	out.Stream(gidMap, nil, gm, true)
	uni := e.unicode
	if uni == nil {
		uni = e.runes
	}
	out.Stream(toUni, nil, toUnicode(e.runes, uni), true)
}

// toUnicode returns a ToUnicode CMap that maps the two-byte code of each
// rune to the character of the same index in uni.
func toUnicode(runes, uni []rune) []byte {
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	const hex = "0123456789ABCDEF"
	h4 := func(b []byte, v rune) []byte {
		return append(b, hex[v>>12&15], hex[v>>8&15], hex[v>>4&15], hex[v&15])
	}
	for start := 0; start < len(runes); start += 100 {
		end := min(start+100, len(runes))
		b = strconv.AppendInt(b, int64(end-start), 10)
		b = append(b, " beginbfchar\n"...)
		for i := start; i < end; i++ {
			b = append(h4(append(b, '<'), runes[i]), "> <"...)
			b = append(h4(b, uni[i]), ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}

// each calls fn for every rune of the set, in increasing order.
func (s *runeSet) each(fn func(r rune)) {
	for i, w := range s.low {
		for w != 0 {
			bit := w & -w
			r := rune(i*64) + rune(bits.TrailingZeros64(bit))
			fn(r)
			w &^= bit
		}
	}
	if len(s.high) > 0 {
		high := make([]rune, 0, len(s.high))
		for r := range s.high {
			high = append(high, r)
		}
		slices.Sort(high)
		for _, r := range high {
			fn(r)
		}
	}
}
