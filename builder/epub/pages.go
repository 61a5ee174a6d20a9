package epub

import (
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/labels"
)

// coverPage shows the cover image on a page of its own.
func (b *book) coverPage() pageSpec {
	return pageSpec{
		file:      coverFile,
		id:        "cover",
		title:     b.title(),
		bodyClass: "cover",
		bodyType:  "cover",
		content: func(p *pageWriter) {
			p.start("section", attr{"class", "cover"}, attr{"epub:type", "cover"})
			p.empty("img", attr{"src", coverImage}, attr{"alt", b.coverAlt()})
			p.end("section")
			p.nl()
		},
	}
}

// coverAlt is the text alternative of the cover: what the cover says.
func (b *book) coverAlt() string {
	m := b.g.Meta
	alt := b.title()
	if m.Subtitle != "" {
		alt = b.labels.Format("pair", "name", alt, "text", m.Subtitle)
	}
	if len(m.Authors) > 0 {
		alt += " — " + strings.Join(m.Authors, ", ")
	}
	return alt
}

// dateText is the guide's date as the title page shows it, in the words
// of the guide's language ("1 October 2025", "1er octobre 2025",
// "1. Oktober 2025"), as the PDF's title page shows it. A guide in a
// language with no table of its own keeps the ISO date (2025-10-01), which
// reads the same in every language where English month names would not.
func (b *book) dateText() string {
	d := b.g.Meta.Date
	if b.labels.Lang() == labels.English && !isEnglish(b.g.Meta.Lang) {
		return d.UTC().Format("2006-01-02")
	}
	return b.labels.Date(d)
}

// isEnglish reports whether a language tag names English; no tag at all
// means English too.
func isEnglish(tag string) bool {
	tag = strings.ToLower(tag)
	return tag == "" || tag == labels.English || strings.HasPrefix(tag, labels.English+"-")
}

// englishLang returns lang attributes for text that is in English
// whatever the guide's language, such as the fonts' licence, or nothing
// when the guide is in English.
func (b *book) englishLang() []attr {
	lang := b.lang()
	if lang == labels.English || strings.HasPrefix(lang, labels.English+"-") {
		return nil
	}
	return []attr{{"lang", labels.English}, {"xml:lang", labels.English}}
}

// titlePage sets the title block (title, subtitle, authors, date), then
// the guide's introduction, the text that stands before its first
// section, and a line that names the fonts with a link to their licence.
func (b *book) titlePage() pageSpec {
	m := b.g.Meta
	return pageSpec{
		file:      titleFile,
		id:        "title",
		title:     b.title(),
		bodyClass: "titlepage",
		bodyType:  "frontmatter",
		content: func(p *pageWriter) {
			p.start("section", attr{"class", "title-block"}, attr{"epub:type", "titlepage"})
			p.nl()
			if m.TitleInlines != nil {
				// A title that holds a formula shows it as MathML.
				p.start("h1", attr{"class", "title"}, attr{"epub:type", "fulltitle"})
				p.inlines(m.TitleInlines)
				p.end("h1")
			} else {
				p.phrase("h1", b.title(), attr{"class", "title"}, attr{"epub:type", "fulltitle"})
			}
			p.nl()
			if m.Subtitle != "" {
				p.phrase("p", m.Subtitle, attr{"class", "subtitle"}, attr{"epub:type", "subtitle"}, attr{"role", "doc-subtitle"})
				p.nl()
			}
			if len(m.Authors) > 0 {
				p.start("p", attr{"class", "authors"})
				for i, a := range m.Authors {
					if i > 0 {
						p.text(", ")
					}
					p.phrase("span", a, attr{"class", "author"})
				}
				p.end("p")
				p.nl()
			}
			if !m.Date.IsZero() {
				d := m.Date.UTC().Format("2006-01-02")
				p.start("p", attr{"class", "date"})
				p.element("time", b.dateText(), attr{"datetime", d})
				p.end("p")
				p.nl()
			}
			p.end("section")
			p.nl()
			if len(b.g.Intro) > 0 {
				p.start("section", attr{"class", "intro"}, attr{"epub:type", "preamble"})
				p.nl()
				p.blocks(b.g.Intro)
				p.end("section")
				p.nl()
			}
			if b.fontNames != "" {
				p.start("p", append([]attr{{"class", "colophon"}}, b.ownLang("colophon")...)...)
				for _, pc := range b.labels.Pieces("colophon") {
					switch pc.Slot {
					case "fonts":
						p.text(b.fontNames)
					case "licence":
						p.element("a", b.labels.Text("licence.title"), attr{"href", licenceFile})
					default:
						p.text(pc.Text)
					}
				}
				p.end("p")
				p.nl()
			}
		},
	}
}

// sectionPage sets one file of top-level sections, each with all its
// subsections, or one part of a long section.
func (b *book) sectionPage(f sectionGroup) pageSpec {
	sections := b.g.Sections[f.first:f.end]
	spec := pageSpec{
		file:      f.file,
		id:        strings.TrimSuffix(f.file, ".xhtml"),
		title:     b.groupTitle(sections),
		bodyClass: "section",
		bodyType:  "bodymatter",
		content: func(p *pageWriter) {
			for _, s := range sections {
				p.section(s)
			}
		},
	}
	if f.part {
		spec.content = func(p *pageWriter) {
			p.sectionPart(sections[0], f)
		}
	}
	return spec
}

// groupTitle names a file of top-level sections: the section's title, or
// for a run of them the first and the last ("Rome – Carthage").
func (b *book) groupTitle(sections []*guide.Section) string {
	first := b.sectionTitle(sections[0])
	if len(sections) == 1 {
		return first
	}
	return first + " – " + b.sectionTitle(sections[len(sections)-1])
}

// section writes a section: a heading of its level (h1 for a top-level
// section, deeper levels h2 to h6), its blocks and its subsections.
func (p *pageWriter) section(s *guide.Section) {
	p.openSection(s)
	p.blocks(s.Blocks)
	for _, c := range s.Sections {
		p.section(c)
	}
	p.closeSection()
}

// closeSection ends a section's element.
func (p *pageWriter) closeSection() {
	p.heads = p.heads[:len(p.heads)-1]
	p.end("section")
	p.nl()
}

// sectionPart writes one part of a long top-level section: the section
// element, with the heading in the first part, and the part's pieces of
// the section's blocks and whole subsections. The section element of a
// later part is marked "continued" and has no id or role of its own.
func (p *pageWriter) sectionPart(s *guide.Section, f sectionGroup) {
	if f.head {
		p.openSection(s)
	} else {
		p.start("section", attr{"class", sectionClass(s) + " continued"})
		p.nl()
		p.heads = append(p.heads, heading{})
	}
	p.blocks(f.blocks)
	for _, c := range f.subs {
		p.section(c)
	}
	p.closeSection()
}

// heading is the heading of a section open on a page: its id on the page
// ("" when it has none there) and its title.
type heading struct {
	id, title string
}

// sectionName returns the ids that name the section whose heading is h
// (its aria-labelledby), so that no two sections of a page have the same
// name, as landmarks must not: the heading alone, else the heading of the
// section around it and this one ("Lesson 1 Mind palace"), else nothing.
// A section without a name is not a landmark.
func (p *pageWriter) sectionName(h heading) string {
	if h.id == "" {
		return ""
	}
	if p.names == nil {
		p.names = map[string]bool{}
	}
	name := collapseSpace(h.title)
	if !p.names[name] {
		p.names[name] = true
		return h.id
	}
	if len(p.heads) > 0 {
		if up := p.heads[len(p.heads)-1]; up.id != "" {
			name = collapseSpace(up.title) + " " + name
			if !p.names[name] {
				p.names[name] = true
				return up.id + " " + h.id
			}
		}
	}
	return ""
}

// sectionClass returns the class of a section's element: its level, and
// the study aid it is, if any.
func sectionClass(s *guide.Section) string {
	class := "level-" + string(rune('0'+min(max(s.Level, 1), 6)))
	if k := kindClass(s.Kind); k != "" {
		class += " aid " + k
	}
	return class
}

// openSection starts a section's element and writes its heading: h1 for a
// top-level section, deeper levels h2 to h6.
func (p *pageWriter) openSection(s *guide.Section) {
	level := min(max(s.Level, 1), 6)
	h := "h" + string(rune('0'+level))
	id := p.claim(s.ID)
	attrs := []attr{{"class", sectionClass(s)}}
	switch {
	case s.Kind == guide.Glossary:
		attrs = append(attrs, attr{"epub:type", "glossary"}, attr{"role", "doc-glossary"})
	case level == 1:
		attrs = append(attrs, attr{"epub:type", "chapter"}, attr{"role", "doc-chapter"})
	}
	hd := heading{id, s.Title}
	if name := p.sectionName(hd); name != "" {
		attrs = append(attrs, attr{"aria-labelledby", name})
	}
	p.heads = append(p.heads, hd)
	p.start("section", attrs...)
	p.nl()
	if s.Heading != nil {
		// A heading that holds a formula shows it as MathML.
		p.titledWith(h, s.TitleLang, func() { p.inlines(s.Heading) }, withID(id)...)
	} else {
		p.titled(h, s.Title, s.TitleLang, withID(id)...)
	}
	p.nl()
}

// kindClass returns the class that names a study aid, such as "summary"
// or "palace", or "" for what the author wrote.
func kindClass(k guide.Kind) string {
	return classWord(string(k))
}

// licencePage carries the licence of the embedded fonts. It is outside
// the reading order and reached from the title page.
func (b *book) licencePage() pageSpec {
	return pageSpec{
		file:      licenceFile,
		id:        "licence",
		aside:     true,
		title:     b.labels.Text("licence.title"),
		bodyClass: "licence",
		bodyType:  "backmatter",
		content: func(p *pageWriter) {
			p.start("section", append([]attr{{"class", "licence"}}, b.ownLang("licence.text")...)...)
			p.nl()
			p.element("h1", b.labels.Text("licence.title"))
			p.nl()
			text := "licence.text"
			if len(b.licences) > 1 {
				text = "licence.text-many"
			}
			p.element("p", b.labels.Format(text, "fonts", b.fontNames))
			p.nl()
			for _, text := range b.licences {
				p.element("pre", strings.TrimRight(text, "\n"), append([]attr{{"class", "licence-text"}}, b.englishLang()...)...)
				p.nl()
			}
			p.end("section")
			p.nl()
		},
	}
}
