package pdf

import (
	"hash/maphash"
	"strconv"
)

// A long guide is drawn as it is laid out, each page as soon as the layout
// has placed it (see render.go), so some numbers it prints are not known
// when the page that prints them is drawn: the page of the body a section
// of the table of contents starts on, the page of a target a reference
// points forward to, and the total of "page n of N". Each is printed as a
// small form XObject, painted where the number goes, inside the
// marked-content sequence its text belongs to (so that the structure tree
// and text extraction see it as they would the number itself); the forms'
// content is written after the last page, when every number is known, in
// the room the layout gave the number. A link whose text holds such a
// number has the words it says to a reader who cannot see it completed
// then too.

// lateWhat says which number a form prints: the page a link points to,
// the page a section's heading is on, or the number of pages.
type lateWhat struct {
	mk    *mark // a section's heading, or nil
	link  int32 // an internal link, or 0
	total bool  // the number of pages
}

// numAlign says where a number goes in the room kept for it.
type numAlign uint8

const (
	alignLeft numAlign = iota
	alignRight
	alignCentre
)

// lateKey is what makes one form: the number, how it is set, and where it
// goes in its room (room millimetres wide, right of the form's origin on
// the baseline). before and after say a space is printed before or
// after the number. A long guide makes tens of thousands, each held to
// the end, once as a key of the map of forms: it has no strings.
type lateKey struct {
	what          lateWhat
	face          faceRef
	color         rgb
	size          float64
	room          float64
	align         numAlign
	before, after bool
}

// lateForm is a form made for a key: its name in the pages' resources and
// its object.
type lateForm struct {
	key lateKey
	ref xobjectRef
}

// lateNumbers collects the numbers of a document that are printed before
// they are known.
type lateNumbers struct {
	doc *document
	m   *metrics
	fs  *faceSet
	// forms holds the forms made, formChunk to a chunk, so that the
	// tens of thousands of a long guide are never copied; count is how
	// many there are.
	forms [][]lateForm
	count int
	// byHash finds a form by the hash of its key with seed, and clash
	// those whose key's hash another form's key had first: the keys are
	// kept once, in forms.
	seed   maphash.Seed
	byHash map[uint64]int32
	clash  map[lateKey]int32
	// annots are the words of the link annotations that wait for
	// numbers, and indexes the index of each among the tagger's; says
	// are the few annotations whose words are made otherwise.
	annots  lateTexts
	indexes []int32
	says    []lateSay
	// rec, when set, makes these the late numbers of a page drawn on a
	// sheet (sheet.go): each form asked for is recorded on the sheet, and
	// its name left out of the content, for the document's late numbers
	// to make and name in the order of the pages.
	rec *sheet
}

// newLateNumbers returns an empty set of late numbers for doc.
func newLateNumbers(doc *document, m *metrics, fs *faceSet) *lateNumbers {
	return &lateNumbers{doc: doc, m: m, fs: fs, seed: maphash.MakeSeed(), byHash: map[uint64]int32{}}
}

// formChunk is how many forms a chunk of lateNumbers.forms holds.
const formChunk = 1024

// formAt returns form n, as form returned it.
func (ln *lateNumbers) formAt(n int32) *lateForm {
	i := int(n - 1)
	return &ln.forms[i/formChunk][i%formChunk]
}

// find returns the number of the form made for k, 0 when there is none.
func (ln *lateNumbers) find(k lateKey, hash uint64) int32 {
	n, ok := ln.byHash[hash]
	if !ok {
		return 0
	}
	if ln.formAt(n).key == k {
		return n
	}
	return ln.clash[k]
}

// add keeps f as the next form, whose key hashes to hash, and returns
// its number.
func (ln *lateNumbers) add(f lateForm, hash uint64) int32 {
	if ln.count%formChunk == 0 {
		ln.forms = append(ln.forms, make([]lateForm, 0, formChunk))
	}
	last := &ln.forms[len(ln.forms)-1]
	*last = append(*last, f)
	ln.count++
	n := int32(ln.count)
	if _, taken := ln.byHash[hash]; !taken {
		ln.byHash[hash] = n
	} else {
		if ln.clash == nil {
			ln.clash = map[lateKey]int32{}
		}
		ln.clash[f.key] = n
	}
	return n
}

// form returns the number of the form that prints k, from 1, made on
// first use.
func (ln *lateNumbers) form(k lateKey) int32 {
	if sh := ln.rec; sh != nil {
		// The n-th form the page asks for, which the replay names.
		sh.record(evForm, nil)
		sh.forms = append(sh.forms, k)
		return int32(len(sh.forms))
	}
	hash := maphash.Comparable(ln.seed, k)
	if n := ln.find(k, hash); n != 0 {
		return n
	}
	ln.fs.selected[k.face] = true
	f := lateForm{key: k, ref: xobjectRef{name: "N" + strconv.Itoa(ln.count+1), obj: ln.doc.out.Alloc()}}
	if k.what.total {
		// Painted on every page.
		ln.doc.xforms = append(ln.doc.xforms, f.ref)
	}
	return ln.add(f, hash)
}

// draw paints form n, as form returned it, at x, y.
func (ln *lateNumbers) draw(n int32, x, y float64) {
	if sh := ln.rec; sh != nil {
		sh.doc.drawForm(xobjectRef{}, false, x, y)
		sh.hole(len(sh.doc.content)-len(" Do Q\n"), n-1, "")
		return
	}
	f := ln.formAt(n)
	ln.doc.drawForm(f.ref, !f.key.what.total, x, y)
}

// annot has annotation index of the tagger say the words of lt, once
// every number is known. It keeps a copy of them.
func (ln *lateNumbers) annot(index int, lt lateText) {
	if sh := ln.rec; sh != nil {
		// The annotation placed last, as the replay counts them.
		sh.record(evLateAnnot, nil)
		sh.lateTexts.add(lt)
		return
	}
	ln.annots.add(lt)
	ln.indexes = append(ln.indexes, int32(index))
}

// lateSay is a link annotation whose words wait for a number: the index
// of the annotation among the tagger's, and what makes its words.
type lateSay struct {
	index int32
	say   func() string
}

// annotSay has annotation index of the tagger say what say returns, once
// every number is known: an entry of the contents, whose words name the
// page of a section.
func (ln *lateNumbers) annotSay(index int, say func() string) {
	if sh := ln.rec; sh != nil {
		sh.record(evLateSay, nil)
		sh.lateSays = append(sh.lateSays, say)
		return
	}
	ln.says = append(ln.says, lateSay{int32(index), say})
}

// finish writes every form, now that value gives each number, and
// completes the words of the links that wait for them.
func (ln *lateNumbers) finish(value func(lateWhat) int, tags *tagger) {
	var content, dict []byte
	for n := int32(1); n <= int32(ln.count); n++ {
		f := ln.formAt(n)
		k := f.key
		num := strconv.Itoa(value(k.what))
		w := ln.m.width(k.face, k.size, num)
		scale := 1.0
		if k.room > 0 && w > k.room+1e-6 {
			// More digits than the room was made for: the number is
			// set narrower rather than over what follows it.
			scale = k.room / w
			w = k.room
		}
		x := 0.0
		switch k.align {
		case alignRight:
			x = k.room - w
		case alignCentre:
			x = (k.room - w) / 2
		}
		text, after := num, 0.0
		if k.before {
			text = " " + text
			x -= ln.m.width(k.face, k.size, " ") * scale
		}
		if k.after {
			text += " "
			after = ln.m.width(k.face, k.size, " ") * scale
		}
		kpt := ln.doc.k
		content = append(content[:0], "BT\n/"...)
		content = append(content, fontName(k.face)...)
		content = append(content, ' ')
		content = strconv.AppendFloat(content, k.size, 'f', 2, 64)
		content = append(content, " Tf\n"...)
		content = append(appendColor(content, k.color), '\n')
		if scale != 1 {
			content = strconv.AppendFloat(content, 100*scale, 'f', 2, 64)
			content = append(content, " Tz\n"...)
		}
		content = appendPt(content, x*kpt)
		content = append(content, " 0 Td ("...)
		content = appendUTF16(content, text, &ln.fs.used[k.face])
		content = append(content, ")Tj\nET"...)
		dict = append(dict[:0], "/Type /XObject /Subtype /Form /BBox ["...)
		// The box, in points: the number's width and a little more, and
		// the height of its type from below the baseline to above it.
		for i, v := range [4]float64{x * kpt, -0.4 * k.size, (x+w+after)*kpt + 0.1*k.size, 1.2 * k.size} {
			if i > 0 {
				dict = append(dict, ' ')
			}
			dict = appendPt(dict, v)
		}
		// The form has no resources of its own: its font is the page's
		// (a form that named them, as fonts, would have a reader such
		// as poppler load its fonts again each time it is painted,
		// some fifty times on a page of the table of contents).
		dict = append(dict, "]"...)
		// A form's content, one number in one text object, is some 60
		// bytes, which compressing makes no shorter: a long guide's
		// tens of thousands of forms are stored as they are, with none
		// of a compressor's set-up for each.
		ln.doc.out.Stream(f.ref.obj, dict, content, false)
	}
	if tags != nil {
		pageOf := func(link int) int { return value(lateWhat{link: int32(link)}) }
		for i, index := range ln.indexes {
			tags.setContents(int(index), ln.annots.at(i).say(pageOf))
		}
		for _, s := range ln.says {
			tags.setContents(int(s.index), s.say())
		}
	}
	ln.forms, ln.count, ln.byHash, ln.clash = nil, 0, nil, nil
	ln.annots, ln.indexes, ln.says = lateTexts{}, nil, nil
}
