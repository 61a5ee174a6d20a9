// Package epub writes a guide.Guide as an EPUB 3 publication. It writes
// the XML of the book itself, escaping text as encoding/xml does and
// checking every document for well-formedness, and packs the container
// with archive/zip, so that the same guide always gives the same bytes.
//
// The book holds a cover (an image drawn by package cover and a page that
// shows it), a title page that also carries the guide's introduction, the
// navigation document (in the reading order, after the title page), one
// page per top-level section with its subsections inside it, and a page
// with the font licence outside the reading order. Footnotes are EPUB 3
// footnote asides at the end of the page that references them. The
// stylesheet comes from package layouts, the fonts from package fonts.
//
// The study aids that the build adds are ordinary sections and tables of
// the guide; the writer marks them with classes ("aid summary", "aid
// glossary") so that the stylesheet can set them, and points references
// (guide.Ref) and key-term anchors at the pages that hold them. A figure
// is drawn as inline SVG by package figure, followed by its text
// alternative as a visible caption, and its page carries the manifest
// property "svg".
package epub

import (
	"fmt"
	"io"
	"slices"
	"strconv"

	"studyguide/builder/cover"
	"studyguide/builder/guide"
	"studyguide/builder/labels"
	"studyguide/layouts"
)

// Options controls Write. The zero value writes the book with the built-in
// stylesheet.
type Options struct {
	// Stylesheet replaces the built-in e-book stylesheet when not nil.
	// The writer puts the @font-face rules of the embedded fonts before
	// it either way.
	Stylesheet []byte
}

// Write writes g to w as an EPUB 3 file. It only reads g, so several
// writers may run on one guide at once. An error names the page or file
// that could not be made.
//
// The cover is drawn, and the files are deflated, in the background while
// the pages are written; what each makes has its fixed place in the book.
func Write(w io.Writer, g *guide.Guide, opts Options) error {
	drawing := drawCover(coverContent(g))
	b := plan(g)
	defer drawing.wait()
	if err := b.chooseFonts(); err != nil {
		return err
	}
	entries, err := b.assemble(opts, drawing)
	if err != nil {
		return err
	}
	return pack(w, entries, b.modified())
}

// Prepare starts drawing the cover of g in the background (see
// cover.Prepare), for a Write of g to take: a build calls it once the note
// is read, so that the cover is drawn while the study aids are added.
func Prepare(g *guide.Guide) {
	cover.Prepare(coverContent(g))
}

// coverContent is what the cover of g says: the book's title (see
// book.title), subtitle and authors.
func coverContent(g *guide.Guide) cover.Content {
	m := g.Meta
	title := m.Title
	if title == "" {
		title = labels.For(m.Lang).Text("untitled")
	}
	return cover.Content{Title: title, Subtitle: m.Subtitle, Authors: m.Authors}
}

// assemble makes every file of the book, in the order they are packed,
// and deflates each.
func (b *book) assemble(opts Options, drawing *coverDrawing) ([]*entry, error) {
	toc := b.toc()
	specs := []pageSpec{b.coverPage(), b.titlePage(), b.navPage(toc)}
	for _, f := range b.files {
		specs = append(specs, b.sectionPage(f))
	}
	specs = append(specs, b.licencePage())

	// The pages are deflated as they are made, a long one piece by
	// piece, and only their deflated form is kept; the characters they
	// use are noted first, for the fonts.
	d := newDeflater()
	defer d.finish()
	used := map[rune]bool{}

	var pages []page
	var pageEntries []*entry
	for _, s := range specs {
		e := &entry{name: rootDir + s.file, page: true}
		if err := b.writePage(s, e, d, used); err != nil {
			return nil, err
		}
		pages = append(pages, page{file: s.file, id: s.id, props: b.props(s), linear: !s.aside})
		pageEntries = append(pageEntries, e)
	}

	style := opts.Stylesheet
	if style == nil {
		style = layouts.Stylesheet()
	}
	css := append([]byte(b.fontFaceRules()), style...)

	addRunes(used, css)
	if err := b.subsetFonts(textRunes(used)); err != nil {
		return nil, err
	}

	ncx := b.ncx(toc)
	if err := checkXML(ncx); err != nil {
		return nil, fmt.Errorf("%s is not well-formed XML: %w", ncxFile, err)
	}

	items := []manifestItem{
		{id: "ncx", href: ncxFile, mediaType: "application/x-dtbncx+xml"},
		{id: "css", href: cssFile, mediaType: "text/css"},
		{id: "cover-image", href: coverImage, mediaType: "image/png", props: "cover-image"},
	}
	var spine []spineItem
	for _, p := range pages {
		items = append(items, manifestItem{id: p.id, href: p.file, mediaType: "application/xhtml+xml", props: p.props})
		spine = append(spine, spineItem{idref: p.id, linear: p.linear})
	}
	for i, img := range b.images {
		items = append(items, manifestItem{id: "image-" + strconv.Itoa(i+1), href: imageDir + img.Name, mediaType: img.MediaType})
	}
	for i, f := range b.fonts {
		items = append(items, manifestItem{id: "font-" + strconv.Itoa(i+1), href: f.name, mediaType: "font/ttf"})
	}
	opf := b.opf(items, spine)
	if err := checkXML(opf); err != nil {
		return nil, fmt.Errorf("%s is not well-formed XML: %w", opfFile, err)
	}

	coverPNG, err := drawing.wait()
	if err != nil {
		return nil, err
	}
	head := []*entry{
		{name: "META-INF/container.xml", data: containerXML()},
		{name: rootDir + opfFile, data: opf},
		{name: rootDir + ncxFile, data: ncx},
		{name: rootDir + cssFile, data: css},
	}
	tail := []*entry{{name: rootDir + coverImage, data: coverPNG, stored: true}}
	for _, img := range b.images {
		tail = append(tail, &entry{name: rootDir + imageDir + img.Name, data: img.Data})
	}
	for _, f := range b.fonts {
		tail = append(tail, &entry{name: rootDir + f.name, data: f.data})
	}
	for _, e := range slices.Concat(head, tail) {
		d.add(e)
	}
	if err := d.finish(); err != nil {
		return nil, err
	}
	entries := slices.Concat(head, pageEntries, tail)
	return entries, nil
}

// props returns the manifest properties of a page: its own, "mathml"
// when it holds a formula and "svg" when it draws a figure as inline
// SVG, as EPUB requires.
func (b *book) props(s pageSpec) string {
	props := s.props
	for _, p := range []struct {
		name string
		on   bool
	}{{"mathml", b.mathFiles[s.file]}, {"svg", b.svgFiles[s.file]}} {
		if !p.on {
			continue
		}
		if props != "" {
			props += " "
		}
		props += p.name
	}
	return props
}

// containerXML points reading systems at the package document.
func containerXML() []byte {
	var w xmlWriter
	w.raw(xmlProlog)
	w.start("container", attr{"version", "1.0"}, attr{"xmlns", nsOCF})
	w.nl()
	w.start("rootfiles")
	w.nl()
	w.empty("rootfile", attr{"full-path", rootDir + opfFile}, attr{"media-type", "application/oebps-package+xml"})
	w.nl()
	w.end("rootfiles")
	w.nl()
	w.end("container")
	w.nl()
	return w.bytes()
}
