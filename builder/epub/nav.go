package epub

import (
	"strconv"

	"studyguide/builder/guide"
)

// navEntry is one entry of the table of contents: a section, where it is,
// and the entries of its subsections.
type navEntry struct {
	label string
	href  string
	lang  string // the label's language, when not the guide's
	// heading is the section's heading when it holds a formula (see
	// guide.Section.Heading), whose label then writes the formula
	// untagged; nil otherwise.
	heading  []guide.Inline
	children []navEntry
}

// maxNavEntries is the most entries the table of contents lists. A menu
// of tens of thousands of headings helps no reader, and reading systems
// (and epubcheck, whose check of the reading order recurses once an
// entry) stumble over one.
const maxNavEntries = 1000

// toc returns the table of contents: the sections of the guide, nested as
// in the guide, as deep as maxNavEntries allows. A top-level section
// links to its file, a subsection to its heading. A guide with more
// top-level sections than that lists its files instead, each by the
// first and last section it holds. A guide without sections gets one
// entry for its title page, since a table of contents may not be empty.
func (b *book) toc() []navEntry {
	if len(b.g.Sections) == 0 {
		return []navEntry{{label: b.title(), href: titleFile}}
	}
	if len(b.g.Sections) > maxNavEntries {
		var entries []navEntry
		for _, f := range b.files {
			if f.part && !f.head {
				continue
			}
			entries = append(entries, navEntry{label: b.groupTitle(b.g.Sections[f.first:f.end]), href: f.file})
		}
		return entries
	}
	depth := navDepthWithin(b.g.Sections, maxNavEntries)
	var entries []navEntry
	for i, s := range b.g.Sections {
		e := navEntry{label: b.sectionTitle(s), href: b.sectionFiles[i], lang: s.TitleLang, heading: s.Heading}
		if !s.Kind.RepeatsSections() {
			e.children = b.subEntries(b.sectionFiles[i], s.Sections, depth-1)
		}
		entries = append(entries, e)
	}
	return entries
}

// subEntries lists subsections and theirs, depth levels deep. Each links
// to its heading, or failing an id to the file of the top-level section.
func (b *book) subEntries(file string, sections []*guide.Section, depth int) []navEntry {
	if depth <= 0 {
		return nil
	}
	var entries []navEntry
	for _, s := range sections {
		href := file
		if id := xmlID(s.ID); id != "" {
			if at, ok := b.where[id]; ok {
				href = at + "#" + id
			}
		}
		e := navEntry{label: b.sectionTitle(s), href: href, lang: s.TitleLang, heading: s.Heading}
		if !s.Kind.RepeatsSections() {
			e.children = b.subEntries(file, s.Sections, depth-1)
		}
		entries = append(entries, e)
	}
	return entries
}

// navDepthWithin returns how many levels of the section tree fit in a
// table of contents of at most limit entries: at least the top level.
func navDepthWithin(sections []*guide.Section, limit int) int {
	count, depth := 0, 0
	for level := sections; len(level) > 0; depth++ {
		count += len(level)
		if count > limit {
			return max(depth, 1)
		}
		var next []*guide.Section
		for _, s := range level {
			next = append(next, s.Sections...)
		}
		level = next
	}
	return depth
}

// navPage is the EPUB 3 navigation document: the table of contents and
// the landmarks. It is also a page in the reading order, after the title
// page, for reading systems that show no menu of their own.
func (b *book) navPage(entries []navEntry) pageSpec {
	return pageSpec{
		file:      navFile,
		id:        "nav",
		props:     "nav",
		title:     b.labels.Text("nav.title"),
		bodyClass: "nav",
		bodyType:  "frontmatter",
		content: func(p *pageWriter) {
			p.start("nav", withID(p.claim(b.ids.Claim("toc")), attr{"epub:type", "toc"}, attr{"role", "doc-toc"})...)
			p.nl()
			title, lang := b.label("nav.title")
			p.element("h1", title, lang...)
			p.nl()
			p.navList(entries)
			p.end("nav")
			p.nl()
			p.start("nav", attr{"epub:type", "landmarks"}, attr{"hidden", "hidden"})
			p.nl()
			landmarks, lang := b.label("nav.landmarks")
			p.element("h2", landmarks, lang...)
			p.nl()
			p.start("ol")
			p.nl()
			marks := []struct{ kind, label, href string }{
				{"cover", "landmark.cover", coverFile},
				{"titlepage", "landmark.title-page", titleFile},
				{"toc", "landmark.toc", navFile},
			}
			if len(b.sectionFiles) > 0 {
				marks = append(marks, struct{ kind, label, href string }{"bodymatter", "landmark.start", b.sectionFiles[0]})
			}
			if file, ok := b.glossaryFile(); ok {
				marks = append(marks, struct{ kind, label, href string }{"glossary", "landmark.glossary", file})
			}
			for _, m := range marks {
				p.start("li")
				text, lang := b.label(m.label)
				p.element("a", text, append([]attr{{"epub:type", m.kind}, {"href", m.href}}, lang...)...)
				p.end("li")
				p.nl()
			}
			p.end("ol")
			p.nl()
			p.end("nav")
			p.nl()
		},
	}
}

// glossaryFile returns the page of the guide's glossary, the first
// top-level section of kind Glossary, if it has one.
func (b *book) glossaryFile() (string, bool) {
	for i, s := range b.g.Sections {
		if s.Kind == guide.Glossary {
			return b.sectionFiles[i], true
		}
	}
	return "", false
}

// navList writes one level of the table of contents.
func (p *pageWriter) navList(entries []navEntry) {
	p.start("ol")
	p.nl()
	for _, e := range entries {
		p.start("li")
		if e.heading != nil {
			p.titledWith("a", e.lang, func() { p.saysHeading(e.heading) }, attr{"href", e.href})
		} else {
			p.titled("a", e.label, e.lang, attr{"href", e.href})
		}
		if len(e.children) > 0 {
			p.nl()
			p.navList(e.children)
		}
		p.end("li")
		p.nl()
	}
	p.end("ol")
	p.nl()
}

// ncx writes the NCX table of contents that EPUB 2 reading systems use,
// with the same tree as the navigation document.
func (b *book) ncx(entries []navEntry) []byte {
	var w xmlWriter
	w.raw(xmlProlog)
	w.start("ncx", attr{"xmlns", nsNCX}, attr{"version", "2005-1"}, attr{"xml:lang", b.lang()})
	w.nl()
	w.start("head")
	w.nl()
	for _, m := range [][2]string{
		{"dtb:uid", b.identifier()},
		{"dtb:depth", strconv.Itoa(navDepth(entries))},
		{"dtb:totalPageCount", "0"},
		{"dtb:maxPageNumber", "0"},
	} {
		w.empty("meta", attr{"name", m[0]}, attr{"content", m[1]})
		w.nl()
	}
	w.end("head")
	w.nl()
	w.start("docTitle")
	w.element("text", b.title())
	w.end("docTitle")
	w.nl()
	w.start("navMap")
	w.nl()
	order := 0
	var points func(entries []navEntry)
	points = func(entries []navEntry) {
		for _, e := range entries {
			order++
			n := strconv.Itoa(order)
			w.start("navPoint", attr{"id", "navpoint-" + n}, attr{"playOrder", n})
			w.start("navLabel")
			w.element("text", e.label)
			w.end("navLabel")
			w.empty("content", attr{"src", e.href})
			w.nl()
			points(e.children)
			w.end("navPoint")
			w.nl()
		}
	}
	points(entries)
	w.end("navMap")
	w.nl()
	w.end("ncx")
	w.nl()
	return w.bytes()
}

// navDepth returns the depth of the deepest entry, 1 for a flat list.
func navDepth(entries []navEntry) int {
	d := 0
	for _, e := range entries {
		d = max(d, 1+navDepth(e.children))
	}
	return d
}
