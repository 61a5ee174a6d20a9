package epub

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"studyguide/builder/guide"
)

// manifestItem is one entry of the package manifest.
type manifestItem struct {
	id, href, mediaType, props string
}

// spineItem is one entry of the reading order.
type spineItem struct {
	idref  string
	linear bool
}

// modified returns the moment the book counts as made. The driver always
// sets Meta.Modified; a guide made without it gets a fixed date, never the
// clock.
func (b *book) modified() time.Time {
	if t := b.g.Meta.Modified; !t.IsZero() {
		return t.UTC()
	}
	return guide.FixedDate()
}

// identifier returns the book's unique identifier: the guide's own, or one
// derived from its title and text when it has none.
func (b *book) identifier() string {
	if id := strings.TrimSpace(b.g.Meta.Identifier); id != "" {
		return id
	}
	sum := sha256.Sum256([]byte(b.g.Meta.Title + "\n" + b.g.Text()))
	return "urn:studyguide:" + hex.EncodeToString(sum[:16])
}

// opf writes the package document: metadata, manifest, spine and the
// legacy guide that older Kindles read for the cover.
func (b *book) opf(items []manifestItem, spine []spineItem) []byte {
	m := b.g.Meta
	var w xmlWriter
	w.raw(xmlProlog)
	w.start("package",
		attr{"xmlns", nsOPF},
		attr{"version", "3.0"},
		attr{"unique-identifier", "uid"},
		attr{"xml:lang", b.lang()})
	w.nl()
	w.start("metadata", attr{"xmlns:dc", nsDC})
	w.nl()
	line := func(name, text string, attrs ...attr) {
		w.raw("  ")
		w.element(name, text, attrs...)
		w.nl()
	}
	line("dc:identifier", b.identifier(), attr{"id", "uid"})
	line("dc:title", b.title())
	line("dc:language", b.lang())
	for i, a := range m.Authors {
		id := "creator-" + strconv.Itoa(i+1)
		line("dc:creator", a, attr{"id", id})
		line("meta", "aut", attr{"refines", "#" + id}, attr{"property", "role"}, attr{"scheme", "marc:relators"})
	}
	if !m.Date.IsZero() {
		line("dc:date", m.Date.UTC().Format("2006-01-02"))
	}
	if m.Description != "" {
		line("dc:description", m.Description)
	}
	line("meta", b.modified().Format("2006-01-02T15:04:05Z"), attr{"property", "dcterms:modified"})
	w.raw("  ")
	w.empty("meta", attr{"name", "cover"}, attr{"content", "cover-image"})
	w.nl()
	for _, a := range b.accessibility() {
		line("meta", a[1], attr{"property", a[0]})
	}
	if b.conforms() {
		line("meta", conformance, attr{"property", "dcterms:conformsTo"})
	}
	w.end("metadata")
	w.nl()

	w.start("manifest")
	w.nl()
	for _, it := range items {
		attrs := []attr{{"id", it.id}, {"href", it.href}, {"media-type", it.mediaType}}
		if it.props != "" {
			attrs = append(attrs, attr{"properties", it.props})
		}
		w.raw("  ")
		w.empty("item", attrs...)
		w.nl()
	}
	w.end("manifest")
	w.nl()

	w.start("spine", attr{"toc", "ncx"})
	w.nl()
	for _, it := range spine {
		attrs := []attr{{"idref", it.idref}}
		if !it.linear {
			attrs = append(attrs, attr{"linear", "no"})
		}
		w.raw("  ")
		w.empty("itemref", attrs...)
		w.nl()
	}
	w.end("spine")
	w.nl()

	w.start("guide")
	w.nl()
	refs := [][3]string{
		{"cover", "landmark.cover", coverFile},
		{"title-page", "landmark.title-page", titleFile},
		{"toc", "landmark.toc", navFile},
	}
	if len(b.sectionFiles) > 0 {
		refs = append(refs, [3]string{"text", "landmark.start", b.sectionFiles[0]})
	}
	if file, ok := b.glossaryFile(); ok {
		refs = append(refs, [3]string{"glossary", "landmark.glossary", file})
	}
	for _, r := range refs {
		w.raw("  ")
		w.empty("reference", attr{"type", r[0]}, attr{"title", b.labels.Text(r[1])}, attr{"href", r[2]})
		w.nl()
	}
	w.end("guide")
	w.nl()
	w.end("package")
	w.nl()
	return w.bytes()
}

// conformance is the accessibility standard and the level of WCAG that a
// book meets when conforms says so, as EPUB Accessibility 1.1 spells it.
const conformance = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"

// conforms reports whether the book can claim conformance: what the
// writer cannot make right on its own is in order. Every image and
// drawing has a text alternative (WCAG 1.1.1) and the guide's language is
// a language tag (3.1.1). The rest (structure, names, contrast, the
// language of parts, reflow) the writer always does, and Ace checks it in
// the tests.
func (b *book) conforms() bool {
	return b.imagesWithoutAlt == 0 && b.figuresWithoutAlt == 0 && b.lang() != "und"
}

// accessibility returns the schema.org accessibility metadata as
// property and value pairs. The book is text with a table of contents,
// headings in order and one reading order, with ARIA roles on its
// parts; its images, the cover among them, carry text alternatives, and
// text alone is enough to read it when they all do.
func (b *book) accessibility() [][2]string {
	alt := b.imagesWithoutAlt == 0 && b.figuresWithoutAlt == 0
	md := [][2]string{
		{"schema:accessMode", "textual"},
		{"schema:accessMode", "visual"},
		{"schema:accessModeSufficient", "textual,visual"},
	}
	if alt {
		md = append(md, [2]string{"schema:accessModeSufficient", "textual"})
	}
	features := []string{"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "ARIA"}
	if alt {
		features = append(features, "alternativeText")
	}
	if b.figuresShown > 0 && b.figuresWithoutAlt == 0 {
		features = append(features, "longDescription")
	}
	for _, f := range features {
		md = append(md, [2]string{"schema:accessibilityFeature", f})
	}
	md = append(md,
		[2]string{"schema:accessibilityHazard", "none"},
		[2]string{"schema:accessibilitySummary", b.accessibilitySummary()})
	return md
}

// accessibilitySummary says in a sentence or two what a reader can rely
// on.
func (b *book) accessibilitySummary() string {
	parts := []string{b.labels.Text("a11y.summary")}
	switch {
	case b.imagesShown == 0 && b.figuresShown == 0:
		parts = append(parts, b.labels.Text("a11y.cover-only"))
	case b.imagesWithoutAlt == 0 && b.figuresWithoutAlt == 0:
		parts = append(parts, b.labels.Text("a11y.all-alt"))
	default:
		parts = append(parts, b.labels.Text("a11y.some-alt"))
	}
	if b.figuresShown > 0 && b.figuresWithoutAlt == 0 {
		parts = append(parts, b.labels.Text("a11y.drawings"))
	}
	if b.otherLangs {
		parts = append(parts, b.labels.Text("a11y.languages"))
	}
	if b.conforms() {
		parts = append(parts, b.labels.Text("a11y.conforms"))
	}
	return strings.Join(parts, " ")
}
