// Package impose lays the pages of a finished PDF out on larger sheets
// for printing: two pages side by side on each landscape sheet (2-up), or
// a saddle-stitched booklet whose sheets, printed on both sides, stacked
// and folded, read in order.
//
// The pages stay vector: each source page becomes a form XObject that is
// drawn, scaled to fit its half of the sheet and centred there, on the
// sheet's page. Fonts, images and other resources are copied once and
// shared by every page that uses them.
//
// Impose reads only what this program's PDF writer produces (one classic
// cross-reference table, one flat page tree, each page a single content
// stream, no encryption); any other PDF is refused with an error. The
// imposed file keeps the document information (title, author and the
// like) and the catalog's language, but drops the links and other
// annotations and the outline (bookmarks): their positions and targets
// are pages of the source, which the imposed file no longer has.
package impose

import (
	"bytes"
	"fmt"
	"io"
	"math"
)

// Mode is a way of imposing pages.
type Mode int

const (
	// TwoUp puts two pages side by side on each sheet side, in reading
	// order.
	TwoUp Mode = iota + 1
	// Booklet makes a saddle-stitched booklet: print the sheets on both
	// sides, flipping on the short edge, stack them in order and fold them
	// in the middle.
	Booklet
)

// String returns "2up" or "booklet".
func (m Mode) String() string {
	switch m {
	case TwoUp:
		return "2up"
	case Booklet:
		return "booklet"
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// Sheet is the size of a sheet side, landscape, in PDF points (1/72 in).
// A4 is 841.89 × 595.28, Letter 792 × 612.
type Sheet struct {
	Width, Height float64
}

// rounded returns the sheet with its sides rounded to hundredths of a
// point, as our writer sizes its pages, so that an A4 sheet given in
// millimetres reads as 841.89 × 595.28.
func (s Sheet) rounded() Sheet {
	return Sheet{math.Round(s.Width*100) / 100, math.Round(s.Height*100) / 100}
}

// maxSheet is the largest page side PDF readers are bound to accept.
const maxSheet = 14400

// check reports what is wrong with the sheet, if anything.
func (s Sheet) check() error {
	switch {
	case math.IsNaN(s.Width) || math.IsNaN(s.Height) || s.Width > maxSheet || s.Height < 3:
		return fmt.Errorf("sheet %g × %g pt: each side must be between 3 and %d points", s.Width, s.Height, maxSheet)
	case s.Width < s.Height:
		return fmt.Errorf("sheet %g × %g pt: the sheet must be landscape", s.Width, s.Height)
	}
	return nil
}

// Impose writes to w the PDF src with its pages imposed in mode on sheets
// of the given size: ceil(N/2) sheet sides for TwoUp and ceil(N/4)×2 for
// Booklet, for N pages, in the order Order gives. src must come from this
// program's PDF writer (see the package comment); for the same input the
// output is the same, byte for byte. A Booklet file asks viewers to print
// on both sides, flipping on the short edge.
func Impose(w io.Writer, src []byte, mode Mode, sheet Sheet) error {
	if mode != TwoUp && mode != Booklet {
		return fmt.Errorf("impose: unknown mode %d", int(mode))
	}
	if err := sheet.check(); err != nil {
		return fmt.Errorf("impose: %w", err)
	}
	sheet = sheet.rounded()
	d, err := read(src)
	if err != nil {
		return fmt.Errorf("impose: read: %w", err)
	}
	out, err := build(d, mode, sheet)
	if err != nil {
		return fmt.Errorf("impose: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("impose: %w", err)
	}
	return nil
}

// build makes the imposed file. Objects are numbered catalog, page tree,
// document information, then a page and its content for each sheet side,
// a form for each source page, and last the resources the forms share,
// in the order they are first referred to.
func build(d *document, mode Mode, sheet Sheet) ([]byte, error) {
	o := newOutput(d)
	catalog, tree := o.alloc(), o.alloc()
	info := 0
	if d.info != 0 {
		var err error
		if info, err = o.mapRef(int(d.info)); err != nil {
			return nil, err
		}
	}
	sides := Order(len(d.pages), mode)
	sidePages := make([]int, len(sides))
	for i := range sides {
		sidePages[i] = o.alloc()
		o.alloc() // its content stream
	}
	forms := make([]int, len(d.pages))
	for i := range d.pages {
		forms[i] = o.alloc()
	}
	for i, pg := range d.pages {
		body, err := o.form(pg)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		o.set(forms[i], body)
	}
	var kids bytes.Buffer
	for i, side := range sides {
		if err := o.side(sidePages[i], tree, side, forms, sheet); err != nil {
			return nil, fmt.Errorf("sheet side %d: %w", i+1, err)
		}
		fmt.Fprintf(&kids, " %d 0 R", sidePages[i])
	}
	if err := o.copyQueued(); err != nil {
		return nil, err
	}
	o.set(tree, fmt.Appendf(nil, "<</Type /Pages /Kids [%s] /Count %d>>", kids.Bytes()[1:], len(sides)))

	var cat bytes.Buffer
	fmt.Fprintf(&cat, "<</Type /Catalog /Pages %d 0 R", tree)
	if lang, ok := d.catalog.get("Lang").(str); ok {
		cat.WriteString(" /Lang ")
		cat.Write(lang)
	}
	version := d.version
	if mode == Booklet {
		cat.WriteString(" /ViewerPreferences <</Duplex /DuplexFlipShortEdge>>")
		version = max(version, "1.7") // /Duplex came with PDF 1.7
	}
	cat.WriteString(">>")
	o.set(catalog, cat.Bytes())
	return o.file(version, catalog, info), nil
}

// form returns a form XObject that draws pg: its content stream as it is,
// with its filters, its resources, and its transparency group.
func (o *output) form(pg *page) ([]byte, error) {
	var b bytes.Buffer
	box := pg.box
	fmt.Fprintf(&b, "<</Type /XObject /Subtype /Form /BBox [%s %s %s %s] /Resources ", num(box[0]), num(box[1]), num(box[2]), num(box[3]))
	res := pg.resources
	if res == nil {
		res = &dict{}
	}
	if err := o.put(&b, res); err != nil {
		return nil, err
	}
	if pg.group != nil {
		b.WriteString(" /Group ")
		if err := o.put(&b, pg.group); err != nil {
			return nil, err
		}
	}
	var data []byte
	if c := pg.content; c != nil {
		data = c.data
		cd := c.v.(*dict)
		for _, k := range []name{"Filter", "DecodeParms"} {
			if v := cd.get(k); v != nil {
				b.WriteString(" /" + string(k) + " ")
				if err := o.put(&b, v); err != nil {
					return nil, err
				}
			}
		}
	}
	fmt.Fprintf(&b, " /Length %d>>", len(data))
	putStream(&b, data)
	return b.Bytes(), nil
}

// side writes sheet side n, whose content stream is object n+1: the forms
// of its pages, each placed in its half.
func (o *output) side(n, tree int, side Side, forms []int, sheet Sheet) error {
	var content, xobjects bytes.Buffer
	var group value
	for slot, p := range []int{side.Left, side.Right} {
		if p == 0 {
			continue
		}
		pg := o.d.pages[p-1]
		at, err := place(pg.box, slot, sheet)
		if err != nil {
			return fmt.Errorf("page %d: %w", p, err)
		}
		s := num(at.scale)
		fmt.Fprintf(&content, "q %s 0 0 %s %s %s cm /P%d Do Q\n", s, s, num(at.x), num(at.y), p)
		if xobjects.Len() > 0 {
			xobjects.WriteByte(' ')
		}
		fmt.Fprintf(&xobjects, "/P%d %d 0 R", p, forms[p-1])
		if group == nil {
			group = pg.group
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<</Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources <<", tree, num(sheet.Width), num(sheet.Height))
	if xobjects.Len() > 0 {
		fmt.Fprintf(&b, "/XObject <<%s>>", xobjects.Bytes())
	}
	b.WriteString(">>")
	if group != nil {
		b.WriteString(" /Group ")
		if err := o.put(&b, group); err != nil {
			return err
		}
	}
	fmt.Fprintf(&b, " /Contents %d 0 R>>", n+1)
	o.set(n, b.Bytes())

	var c bytes.Buffer
	fmt.Fprintf(&c, "<</Length %d>>", content.Len())
	putStream(&c, content.Bytes())
	o.set(n+1, c.Bytes())
	return nil
}
