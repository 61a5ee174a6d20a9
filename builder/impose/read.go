package impose

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"studyguide/builder/internal/pdfxref"
)

// document is a PDF as our writer makes it: a header, objects of
// generation 0, one classic cross-reference table starting at object 0,
// and a trailer naming the catalog and the document information.
type document struct {
	src     []byte
	version string // "1.4", from the header
	offsets []int  // by object number; 0 for a free entry
	objs    []*object
	root    ref // the catalog's object
	catalog *dict
	info    ref // the document information's object, 0 for none
	pages   []*page
}

// object is an indirect object: its value and, for a stream, its data as
// written (still encoded by its filters).
type object struct {
	v      value
	stream bool
	data   []byte
}

// page is what imposition needs of a source page.
type page struct {
	box       [4]float64 // the MediaBox: left, bottom, right, top
	resources value      // a reference or a dictionary; nil for none
	group     value      // the transparency group, or nil
	content   *object    // the content stream; nil for an empty page
}

// read reads the structure of src and its page tree.
func read(src []byte) (*document, error) {
	d := &document{src: src}
	if !bytes.HasPrefix(src, []byte("%PDF-1.")) || len(src) < 8 || src[7] < '0' || src[7] > '9' {
		return nil, errors.New("not a PDF: no %PDF-1.x header")
	}
	d.version = string(src[5:8])
	if err := d.readXref(); err != nil {
		return nil, err
	}
	if err := d.readPages(); err != nil {
		return nil, err
	}
	return d, nil
}

// readXref reads the cross-reference table that startxref points to (see
// pdfxref.Read) and the trailer after it.
func (d *document) readXref() error {
	xref, err := pdfxref.Read(d.src)
	if err != nil {
		return err
	}
	d.offsets = xref.Offsets
	d.objs = make([]*object, len(d.offsets))
	p := &parser{b: d.src, pos: xref.TrailerAt + len("trailer")}
	v, err := p.value(0)
	if err != nil {
		return fmt.Errorf("trailer: %w", err)
	}
	trailer, ok := v.(*dict)
	if !ok {
		return errors.New("the trailer is not a dictionary")
	}
	// A hybrid file's /XRefStm lists objects in object streams, which the
	// table leaves out: the structure tree of a tagged guide, which the
	// printed sheets do not carry. What a page needs is in the table.
	for _, k := range []name{"Encrypt", "Prev"} {
		if trailer.get(k) != nil {
			return fmt.Errorf("the trailer has /%s, which is not supported", k)
		}
	}
	root, err := d.dictAt(trailer.get("Root"), "Catalog")
	if err != nil {
		return fmt.Errorf("trailer /Root: %w", err)
	}
	d.root, d.catalog = trailer.get("Root").(ref), root
	if info := trailer.get("Info"); info != nil {
		if _, err := d.dictAt(info, ""); err != nil {
			return fmt.Errorf("trailer /Info: %w", err)
		}
		d.info = info.(ref)
	}
	return nil
}

// resolve returns object n.
func (d *document) resolve(n int) (*object, error) {
	if n <= 0 || n >= len(d.offsets) || d.offsets[n] == 0 {
		return nil, fmt.Errorf("reference to object %d, which the file lacks", n)
	}
	if d.objs[n] != nil {
		return d.objs[n], nil
	}
	o, err := d.parseObject(n)
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", n, err)
	}
	d.objs[n] = o
	return o, nil
}

// parseObject parses object n where the cross-reference table puts it.
func (d *document) parseObject(n int) (*object, error) {
	p := &parser{b: d.src, pos: d.offsets[n]}
	if num, gen := p.token(), p.token(); string(num) != strconv.Itoa(n) || string(gen) != "0" || !p.keyword("obj") {
		return nil, errors.New("the cross-reference table does not point at it")
	}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	o := &object{v: v}
	if p.keyword("stream") {
		if err := o.readStream(p); err != nil {
			return nil, err
		}
	}
	if !p.keyword("endobj") {
		return nil, errors.New("no endobj")
	}
	return o, nil
}

// readStream reads the data of a stream whose dictionary o holds, from
// just after the keyword "stream".
func (o *object) readStream(p *parser) error {
	sd, ok := o.v.(*dict)
	if !ok {
		return errors.New("a stream without a dictionary")
	}
	length, ok := integer(sd.get("Length"))
	if !ok {
		return errors.New("a stream whose /Length is not a direct integer")
	}
	if bytes.HasPrefix(p.b[p.pos:], []byte("\r\n")) {
		p.pos += 2
	} else if bytes.HasPrefix(p.b[p.pos:], []byte("\n")) {
		p.pos++
	} else {
		return errors.New("no end of line after the keyword stream")
	}
	if length < 0 || length > len(p.b)-p.pos {
		return errors.New("the stream runs past the end of the file")
	}
	o.stream, o.data = true, p.b[p.pos:p.pos+length]
	p.pos += length
	if !p.keyword("endstream") {
		return errors.New("no endstream where /Length says the stream ends")
	}
	return nil
}

// dictAt returns the dictionary that v refers to, checking its /Type
// when typ is not empty.
func (d *document) dictAt(v value, typ name) (*dict, error) {
	r, ok := v.(ref)
	if !ok {
		return nil, errors.New("not a reference")
	}
	o, err := d.resolve(int(r))
	if err != nil {
		return nil, err
	}
	dd, ok := o.v.(*dict)
	if !ok || o.stream {
		return nil, fmt.Errorf("object %d is not a dictionary", r)
	}
	if typ != "" && dd.get("Type") != typ {
		return nil, fmt.Errorf("object %d is not of /Type /%s", r, typ)
	}
	return dd, nil
}

// readPages reads the page tree: one /Pages node whose kids are the
// pages, which is how our writer makes it.
func (d *document) readPages() error {
	tree, err := d.dictAt(d.catalog.get("Pages"), "Pages")
	if err != nil {
		return fmt.Errorf("catalog /Pages: %w", err)
	}
	kids, ok := tree.get("Kids").(array)
	if !ok || len(kids) == 0 {
		return errors.New("the page tree has no pages")
	}
	for i, kid := range kids {
		pd, err := d.dictAt(kid, "Page")
		if err != nil {
			return fmt.Errorf("page %d: %w (nested page trees are not supported)", i+1, err)
		}
		pg, err := d.page(pd, tree)
		if err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
		d.pages = append(d.pages, pg)
	}
	return nil
}

// page reads one page, with what it inherits from the page tree.
func (d *document) page(pd, tree *dict) (*page, error) {
	inherited := func(key name) value {
		if v := pd.get(key); v != nil {
			return v
		}
		return tree.get(key)
	}
	if r := inherited("Rotate"); r != nil && r != atom("0") {
		return nil, errors.New("rotated pages are not supported")
	}
	if pd.get("CropBox") != nil || tree.get("CropBox") != nil {
		return nil, errors.New("a /CropBox is not supported")
	}
	pg := &page{resources: inherited("Resources"), group: pd.get("Group")}
	box, ok := inherited("MediaBox").(array)
	if !ok || len(box) != 4 {
		return nil, errors.New("no /MediaBox of four numbers")
	}
	for i, v := range box {
		f, ok := number(v)
		if !ok {
			return nil, errors.New("no /MediaBox of four numbers")
		}
		pg.box[i] = f
	}
	if !(pg.box[2]-pg.box[0] > 0 && pg.box[3]-pg.box[1] > 0) {
		return nil, errors.New("an empty /MediaBox")
	}
	switch c := pd.get("Contents").(type) {
	case nil:
	case ref:
		o, err := d.resolve(int(c))
		if err != nil {
			return nil, fmt.Errorf("contents: %w", err)
		}
		if !o.stream {
			return nil, errors.New("contents: not a stream")
		}
		pg.content = o
	default:
		return nil, errors.New("contents in several streams are not supported")
	}
	return pg, nil
}
